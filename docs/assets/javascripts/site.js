// The one script every page loads. It fills in the "Cite this page" date and
// loads the chronology filters and the table sorter only on the pages that
// have them, so a chapter's first load carries neither.
(function () {
  "use strict";
  var base = document.currentScript.src.replace(/[^/]*$/, "");
  var loading = {};

  // Load scripts in order (the tablesort plugin needs tablesort), each once.
  function load(paths) {
    return paths.reduce(function (previous, path) {
      return previous.then(function () {
        if (!loading[path]) {
          loading[path] = new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = base + path;
            script.onload = resolve;
            script.onerror = function () { reject(new Error("could not load " + script.src)); };
            document.head.appendChild(script);
          });
        }
        return loading[path];
      });
    }, Promise.resolve());
  }

  var PLACEHOLDER = "[date accessed]";
  function fillCitationDate() {
    var today = new Date();
    var iso = today.toISOString().slice(0, 10);
    var long = today.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
    var mla = today.toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric" });
    var formats = { "ts-cite-chicago": long, "ts-cite-mla": mla, "ts-cite-bibtex": iso };
    Object.keys(formats).forEach(function (id) {
      var node = document.getElementById(id);
      if (node && node.textContent.indexOf(PLACEHOLDER) >= 0) {
        node.textContent = node.textContent.split(PLACEHOLDER).join(formats[id]);
      }
    });
  }

  // Runs on the first page and on every page instant navigation brings in;
  // the loaded scripts subscribe to the same stream and set up their page.
  function onPage() {
    fillCitationDate();
    if (document.getElementById("ts-filters")) load(["chronology.js"]);
    if (document.querySelector("table.ts-sortable")) {
      // tablesort 5 (MIT), vendored: no CDN.
      load(["vendor/tablesort.min.js", "vendor/tablesort.number.min.js", "tables.js"]);
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();  // loaded after the page was parsed
  }
})();
