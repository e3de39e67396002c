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

  // Formatted by hand, as sitedata/cite.py formats the last-modified date:
  // toLocaleDateString would load the Intl machinery, tens of milliseconds of
  // main-thread time on a phone, for three short strings.
  var PLACEHOLDER = "[date accessed]";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"];
  var MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.",
                    "Sept.", "Oct.", "Nov.", "Dec."];
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fillCitationDate() {
    var today = new Date();
    var y = today.getFullYear(), m = today.getMonth(), d = today.getDate();
    var formats = {
      "ts-cite-chicago": MONTHS[m] + " " + d + ", " + y,
      "ts-cite-mla": d + " " + MLA_MONTHS[m] + " " + y,
      "ts-cite-bibtex": y + "-" + pad(m + 1) + "-" + pad(d)
    };
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
