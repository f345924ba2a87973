// Search page: Pagefind's own UI (served from /pagefind/), the site's only script.
// The index is one bundle per year (digest/search.py): pagefind/merge.json lists the bundles
// to merge with the primary one, which the UI searches as one.
(function () {
  "use strict";
  function start(box, bundle, others) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    box.textContent = "";
    var ui = new window.PagefindUI({
      element: "#recherche",
      bundlePath: bundle,
      mergeIndex: others.map(function (path) {
        return { bundlePath: bundle + path };
      }),
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      autofocus: !query,
    });
    var input = box.querySelector("input");
    if (input) {
      input.id = "q";
      input.setAttribute("aria-label", "Rechercher dans les dépêches");
    }
    if (query) ui.triggerSearch(query);
  }
  function load() {
    var box = document.getElementById("recherche");
    if (!box || typeof window.PagefindUI !== "function") return;
    var bundle = box.getAttribute("data-bundle") || "/pagefind/";
    fetch(bundle + "merge.json")
      .then(function (response) {
        return response.ok ? response.json() : [];
      })
      .catch(function () {
        return [];
      })
      .then(function (others) {
        start(box, bundle, Array.isArray(others) ? others : []);
      });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
