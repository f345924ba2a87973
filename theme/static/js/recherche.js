// Search page, the site's only script. Dispatches: Pagefind's index of the articles (its JS API,
// served from /pagefind/). People, organisations and places: their names and other forms
// (entites/noms.json, written by the entities plugin), matched here word by word, accents and
// case aside. Everything shown comes from dispatches: it is put in the page as text, never as
// markup (Pagefind's excerpts keep only their <mark> highlights).
(function () {
  "use strict";
  var ENTITIES_SHOWN = 8;
  var RESULTS_PER_STEP = 10;
  var NBSP = "\u00a0";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function words(text) {
    var folded = fold(text);
    return folded ? folded.split(" ") : [];
  }

  function plural(count, word) {
    return count.toLocaleString("fr-FR") + NBSP + word + (count > 1 ? "s" : "");
  }

  function quoted(term) {
    return "«" + NBSP + term + NBSP + "»";
  }

  function loadNames(url) {
    return fetch(url)
      .then(function (response) { return response.ok ? response.json() : { entites: [] }; })
      .then(function (data) {
        return data.entites.map(function (row) {
          var names = [row[0]].concat(row[4]);
          return { name: row[0], kind: row[1], url: row[2], count: row[3], names: names.map(words) };
        });
      })
      .catch(function () { return []; });  // no names file: dispatches are still searched
  }

  // Entities one of whose names has, for every word of the query, a word starting with it; the
  // names equal to the query first, then the most cited (the file's order).
  function matchingEntities(entities, query) {
    var wanted = words(query);
    if (!wanted.length) return [];
    var whole = wanted.join(" ");
    var found = entities.filter(function (entity) {
      return entity.names.some(function (name) {
        return wanted.every(function (word) {
          return name.some(function (part) { return part.indexOf(word) === 0; });
        });
      });
    });
    var exact = found.filter(function (entity) {
      return entity.names.some(function (name) { return name.join(" ") === whole; });
    });
    return exact.concat(found.filter(function (entity) { return exact.indexOf(entity) < 0; })).slice(0, ENTITIES_SHOWN);
  }

  // Pagefind keeps "l’Otan" as one word, which "otan" does not start: a one-word query is also
  // searched after the elisions a name or a noun follows. When no word of the index starts with
  // what is searched, Pagefind answers with the words sharing its longest prefix ("Ô" for
  // "otan"): a search counts only if the first page it finds highlights a word close to it, which
  // starts like it but for an ending French stemming may take off ("défilé" for "défilés").
  var ELISIONS = ["l’", "d’", "qu’"];
  var ENDING = 3;

  function closeTo(word, term) {
    var shared = 0;
    while (shared < word.length && word[shared] === term[shared]) shared++;
    return shared >= Math.min(term.length, Math.max(4, term.length - ENDING));
  }

  // Pagefind's excerpt is HTML: its text, and <mark> around the words found. Parsed inert (no
  // script runs, nothing loads), then read as text.
  function parsedExcerpt(html) {
    return new DOMParser().parseFromString(html, "text/html").body;
  }

  function highlightsTerm(html, term) {
    var wanted = fold(term);
    return Array.prototype.some.call(parsedExcerpt(html).querySelectorAll("mark"), function (mark) {
      return closeTo(fold(mark.textContent), wanted);
    });
  }

  // Resolves to { results, exact }: exact is false when no search found the words typed and the
  // results are Pagefind's nearest words. byDate: newest first (Pagefind's sort on the dispatch's
  // date; when several searches are merged, their pages are read to sort them together).
  function findDispatches(pagefind, query, byDate) {
    var terms = /^[^\s'’]+$/.test(query) ? [query].concat(ELISIONS.map(function (elision) { return elision + query; })) : [query];
    var options = byDate ? { sort: { date: "desc" } } : {};
    return Promise.all(terms.map(function (term) {
      return pagefind.search(term, options).then(function (found) {
        if (!found.results.length) return { results: [], exact: false };
        return found.results[0].data().then(function (page) {
          return { results: found.results, exact: highlightsTerm(page.excerpt || "", term) };
        });
      });
    })).then(function (searches) {
      var exact = searches.filter(function (search) { return search.exact; });
      var kept = exact.length ? exact : searches.slice(0, 1);  // nothing exact: Pagefind's nearest words
      if (kept.length === 1) return { results: kept[0].results, exact: exact.length > 0 };
      var best = {};
      kept.forEach(function (search) {
        search.results.forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      var merged = Object.keys(best).map(function (id) { return best[id]; }).sort(function (a, b) { return b.score - a.score; });
      if (!byDate) return { results: merged, exact: exact.length > 0 };
      return Promise.all(merged.map(function (result) { return result.data(); })).then(function (pages) {
        var dated = merged.map(function (result, index) { return { result: result, date: (pages[index].meta || {}).date || "" }; });
        dated.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; });
        return { results: dated.map(function (entry) { return entry.result; }), exact: exact.length > 0 };
      });
    });
  }

  var DAY = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  // "2025-08-22" -> "22 août 2025" (1er for the first day of a month, no-break space as elsewhere)
  function longDate(iso) {
    var date = new Date(iso + "T00:00:00Z");
    if (isNaN(date)) return "";
    return DAY.format(date).replace(/^1 /, "1er ").replace(/^(\d+(?:er)?) /, "$1" + NBSP);
  }

  function excerptNodes(html) {
    var nodes = document.createDocumentFragment();
    parsedExcerpt(html).childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.appendChild(mark);
      } else {
        nodes.appendChild(document.createTextNode(node.textContent));
      }
    });
    return nodes;
  }

  function start() {
    var box = document.getElementById("recherche");
    var input = document.getElementById("q");
    if (!box || !input) return;
    var form = box.querySelector("form");
    var status = document.getElementById("recherche-etat");
    var entitySection = document.getElementById("entites-trouvees");
    var entityList = entitySection.querySelector("ul");
    var resultSection = document.getElementById("depeches-trouvees");
    var resultList = resultSection.querySelector("ol");
    var more = resultSection.querySelector("button");
    var order = form.elements.tri;  // "pertinence" or "date"
    var site = box.getAttribute("data-site") || "/";
    var pagefind = null;
    var names = null;
    var searchNumber = 0;
    var pending = [];

    function loadPagefind() {
      if (!pagefind) {
        pagefind = import(box.getAttribute("data-bundle") + "pagefind.js").then(function (module) {
          return module.options({}).then(function () { return module; });
        });
      }
      return pagefind;
    }

    // Each step below checks that no newer search has started since it was asked for: the names
    // file and Pagefind's pages arrive later, and out of order.
    function showEntities(query, number) {
      if (!names) names = loadNames(box.getAttribute("data-names"));
      return names.then(function (entities) {
        if (number !== searchNumber) return;
        var found = matchingEntities(entities, query);
        entityList.textContent = "";
        found.forEach(function (entity) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = site + entity.url;
          link.textContent = entity.name;
          var count = document.createElement("span");
          count.className = "count";
          count.textContent = entity.kind + ", " + plural(entity.count, "dépêche");
          item.append(link, " ", count);
          entityList.appendChild(item);
        });
        entitySection.hidden = !found.length;
      });
    }

    function byDate() {
      return order && order.value === "date";
    }

    function showMore(number, fromButton) {
      var step = pending.splice(0, RESULTS_PER_STEP);
      more.disabled = true;  // kept in place while it loads: the keyboard focus stays on it
      return Promise.all(step.map(function (result) { return result.data(); })).then(function (pages) {
        if (number !== searchNumber) return;
        var first = resultList.children.length;
        pages.forEach(function (page) {
          var item = document.createElement("li");
          var heading = document.createElement("h3");
          var link = document.createElement("a");
          link.href = page.url;
          link.textContent = (page.meta && page.meta.title) || page.url;
          heading.appendChild(link);
          var meta = document.createElement("p");
          meta.className = "meta";
          var date = (page.meta && page.meta.date) || "";
          if (date) {
            var time = document.createElement("time");
            time.dateTime = date;
            time.textContent = longDate(date);
            meta.appendChild(time);
          }
          if (page.meta && page.meta.kicker) meta.append(date ? " · " : "", page.meta.kicker);
          var excerpt = document.createElement("p");
          excerpt.appendChild(excerptNodes(page.excerpt || ""));
          item.append(heading, meta, excerpt);
          resultList.appendChild(item);
        });
        more.disabled = false;
        more.hidden = !pending.length;
        // after "Plus de dépêches", the keyboard goes on from the first dispatch it added
        if (fromButton && resultList.children[first]) resultList.children[first].querySelector("a").focus();
      });
    }

    // The search lives in the URL (?q=…&tri=date): a link shared or Back gives it again. Typing
    // replaces the history entry; a search asked for (Enter, the sort order) adds one.
    function remember(query, push) {
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      if (query && byDate()) params.set("tri", "date");
      var url = window.location.pathname + (params.toString() ? "?" + params : "");
      if (url === window.location.pathname + window.location.search) return;
      history[push ? "pushState" : "replaceState"]({ q: query }, "", url);
    }

    function search(term, push) {
      var number = ++searchNumber;
      var query = term.trim();
      if (push !== undefined) remember(query, push);
      resultList.textContent = "";
      pending = [];
      more.hidden = true;
      resultSection.hidden = true;
      if (!query) {
        status.textContent = "";
        entitySection.hidden = true;
        return;
      }
      status.textContent = "Recherche de " + quoted(query) + "…";
      showEntities(query, number);
      loadPagefind()
        .then(function (module) { return findDispatches(module, query, byDate()); })
        .then(function (found) {
          if (number !== searchNumber) return;  // a newer search has started
          pending = found.results.slice();
          resultSection.hidden = !pending.length;
          if (!pending.length) status.textContent = "Aucune dépêche pour " + quoted(query);
          else if (!found.exact) status.textContent = "Aucun résultat exact pour " + quoted(query) + ". Dépêches approchantes" + NBSP + ": " + plural(pending.length, "dépêche") + ".";
          else status.textContent = plural(pending.length, "dépêche") + " pour " + quoted(query) + (byDate() ? ", les plus récentes d’abord" : "");
          return showMore(number, false);
        })
        .catch(function () {
          if (number === searchNumber) status.textContent = "La recherche n’a pas pu être chargée.";
        });
    }

    var typing = null;
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { search(input.value, false); }, 250);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typing);
      search(input.value, true);
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "tri" && input.value.trim()) search(input.value, true);
    });
    more.addEventListener("click", function () { showMore(searchNumber, true); });

    // A shared link, a reload, Back and Forward: the search the URL holds.
    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      var query = params.get("q") || "";
      if (order) order.value = params.get("tri") === "date" ? "date" : "pertinence";
      input.value = query;
      search(query);
      return query;
    }
    window.addEventListener("popstate", fromAddress);
    if (!fromAddress()) input.focus();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
