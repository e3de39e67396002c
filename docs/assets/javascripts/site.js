// The one script every page loads. It shows the tooltips of the page's terms,
// people, places, events and footnotes, fills in the "Cite this page" date and
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

  // ---- Tooltips
  // Terms, people, places and events carry their tooltip in a title; a footnote
  // marker shows its note. Material's own tooltips mount a component on every
  // such element as a page loads (a tenth of a second of a phone's main thread
  // on a chapter). These listen once, on the document, and build a tooltip only
  // for the element a reader points at or focuses. Material's stylesheet draws
  // them (.md-tooltip2); the placement follows its tooltip component.
  var HOSTS = "[data-md-component=content] a.footnote-ref, " +
              "[data-md-component=content] [title]:not([data-preview])";
  var LINGER = 250;  // ms a note stays after the pointer leaves: time to reach it
  var shown = null;  // {host, node, title, timer}
  var sequence = 0;

  function hostOf(target) {
    if (!(target instanceof Element)) return null;
    if (shown && shown.host.contains(target)) return shown.host;
    return target.closest(HOSTS);
  }

  function inShown(target) {
    return !!(shown && target instanceof Node &&
              (shown.host.contains(target) || shown.node.contains(target)));
  }

  function noteOf(host) {
    var note = document.getElementById(decodeURIComponent(host.hash.slice(1)));
    if (!note) return null;
    var copy = note.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".footnote-backref, [id]"), function (el) {
      if (el.classList.contains("footnote-backref")) el.remove(); else el.removeAttribute("id");
    });
    return copy.childNodes;
  }

  function build(host) {
    var footnote = host.matches("a.footnote-ref");
    var content = footnote ? noteOf(host) : [document.createTextNode(host.getAttribute("title"))];
    if (!content || !content.length) return null;
    var node = document.createElement("div");
    node.className = "md-tooltip2";
    node.id = "ts-tooltip-" + (++sequence);
    node.setAttribute("role", footnote ? "dialog" : "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    Array.prototype.slice.call(content).forEach(function (child) { inner.appendChild(child); });
    node.appendChild(inner);
    return node;
  }

  // Where Material puts its tooltips: below the element, or for a note above it
  // when the element sits in the lower half of the window.
  function place(host, node) {
    var rect = host.getBoundingClientRect();
    var x = rect.width / 2, y;
    node.style.setProperty("--md-tooltip-host-x", rect.left + window.scrollX + "px");
    node.style.setProperty("--md-tooltip-host-y", rect.top + window.scrollY + "px");
    if (node.getAttribute("role") === "tooltip") {
      y = 8 + rect.height;
      node.style.setProperty("--md-tooltip-width", node.firstChild.getBoundingClientRect().width + "px");
      node.style.setProperty("--md-tooltip-tail", "0px");
    } else if (rect.top >= window.innerHeight / 2) {
      y = -16 - node.getBoundingClientRect().height;
    } else {
      y = 16 + rect.height;
    }
    node.style.setProperty("--md-tooltip-x", x + "px");
    node.style.setProperty("--md-tooltip-y", y + "px");
    node.classList.toggle("md-tooltip2--top", y < 0);
    node.classList.toggle("md-tooltip2--bottom", y >= 0);
  }

  function hide() {
    if (!shown) return;
    var closing = shown;
    shown = null;
    clearTimeout(closing.timer);
    closing.node.classList.remove("md-tooltip2--active");
    closing.host.removeAttribute("aria-describedby");
    closing.host.removeAttribute("aria-controls");
    closing.host.removeAttribute("aria-haspopup");
    if (closing.title !== null) closing.host.setAttribute("title", closing.title);
    setTimeout(function () { closing.node.remove(); }, LINGER);  // after the fade
  }

  function show(host) {
    if (shown && shown.host === host) { clearTimeout(shown.timer); return; }
    hide();
    var node = build(host);
    if (!node) return;
    // While the tooltip shows, the browser's own (from the title) must not.
    var title = host.getAttribute("title");
    host.removeAttribute("title");
    shown = { host: host, node: node, title: title, timer: 0 };
    document.body.appendChild(node);
    place(host, node);
    if (node.getAttribute("role") === "dialog") {
      host.setAttribute("aria-controls", node.id);
      host.setAttribute("aria-haspopup", "dialog");
    } else {
      host.setAttribute("aria-describedby", node.id);
    }
    // Next frame, so that it fades in rather than appearing at once.
    requestAnimationFrame(function () {
      if (shown && shown.node === node) node.classList.add("md-tooltip2--active");
    });
  }

  function hideSoon() {
    if (!shown) return;
    clearTimeout(shown.timer);
    shown.timer = setTimeout(hide, shown.node.getAttribute("role") === "dialog" ? LINGER : 0);
  }

  function listen() {
    document.addEventListener("mouseover", function (event) {
      var host = hostOf(event.target);
      if (host) show(host);
      else if (inShown(event.target)) clearTimeout(shown.timer);
    });
    document.addEventListener("mouseout", function (event) {
      if (shown && inShown(event.target) && !inShown(event.relatedTarget)) hideSoon();
    });
    document.addEventListener("focusin", function (event) {
      var host = hostOf(event.target);
      if (host) show(host);
    });
    document.addEventListener("focusout", function (event) {
      if (shown && !inShown(event.relatedTarget)) hideSoon();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
    // A scrolled page or table moves the element: keep the tooltip beside it.
    document.addEventListener("scroll", function () {
      if (shown) place(shown.host, shown.node);
    }, { capture: true, passive: true });
  }

  // ---- Search queries
  // Material's search splits words at hyphens, as its index does, so a query
  // typed up to a hyphen ("Alma-", on the way to "Alma-Ata") ends in an empty
  // word, which as a prefix matches every word: the list filled with every
  // page, and the search worker spent a third of a second on it. A hyphen that
  // ends a word joins it to nothing, so it is dropped on the way to the worker
  // (Material has no hook for the query; it posts it to the worker as is).
  var QUERY = 2;  // Material's SearchMessageType.QUERY
  function withoutDanglingHyphens(query) {
    return query.replace(/(\S)-+(?=\s|$)/g, "$1");
  }
  var postToWorker = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = { type: QUERY, data: withoutDanglingHyphens(message.data) };
    }
    return postToWorker.apply(this, arguments);
  };

  // Runs on the first page and on every page instant navigation brings in;
  // the loaded scripts subscribe to the same stream and set up their page.
  function onPage() {
    hide();  // a tooltip of the page that instant navigation replaced
    fillCitationDate();
    if (document.getElementById("ts-filters")) load(["chronology.js"]);
    if (document.querySelector("table.ts-sortable")) {
      // tablesort 5 (MIT), vendored: no CDN.
      load(["vendor/tablesort.min.js", "vendor/tablesort.number.min.js", "tables.js"]);
    }
  }
  listen();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();  // loaded after the page was parsed
  }
})();
