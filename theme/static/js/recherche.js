// Search page: Pagefind's own UI (served from /pagefind/), the site's only script.
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("recherche");
    if (!box || typeof window.PagefindUI !== "function") return;
    var query = new URLSearchParams(window.location.search).get("q") || "";
    box.textContent = "";
    var ui = new window.PagefindUI({
      element: "#recherche",
      bundlePath: box.getAttribute("data-bundle") || "/pagefind/",
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
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
