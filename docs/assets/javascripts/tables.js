// Sortable tables: the vendored tablesort, started on every page that instant
// navigation brings in. site.js loads this only where a table.ts-sortable is.
(function () {
  "use strict";
  function sortable() {
    document.querySelectorAll("table.ts-sortable").forEach(function (table) {
      if (!table.dataset.sortable) {
        table.dataset.sortable = "1";
        new Tablesort(table);
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(sortable);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", sortable);
  } else {
    sortable();  // loaded after the page was parsed
  }
})();
