// Fill today's date into the "Cite this page" block, in each style's format.
(function () {
  "use strict";
  var PLACEHOLDER = "[date accessed]";
  function fill() {
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
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(fill);
  } else {
    document.addEventListener("DOMContentLoaded", fill);
  }
})();
