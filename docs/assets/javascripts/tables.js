// Sortable tables: the vendored tablesort, started on every page that instant
// navigation brings in (Material's documented pattern, without a CDN).
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
  } else {
    document.addEventListener("DOMContentLoaded", sortable);
  }
})();
