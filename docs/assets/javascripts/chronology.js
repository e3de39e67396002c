// Chronology filters: by category and by person, kept in the URL query so a
// filtered view can be shared. The URL is untrusted: its values are only
// compared against the options the page offers, never inserted as markup.
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("ts-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var events = Array.prototype.slice.call(document.querySelectorAll(".ts-event"));
    var years = Array.prototype.slice.call(document.querySelectorAll("h2.ts-year"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=category]"));
    var select = form.querySelector("select[name=person]");
    var status = form.querySelector(".ts-filters__status");
    var known = { category: {}, person: {} };
    boxes.forEach(function (box) { known.category[box.value] = box; });
    Array.prototype.forEach.call(select.options, function (o) { known.person[o.value] = true; });

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      boxes.forEach(function (box) { box.checked = false; });
      params.getAll("category").forEach(function (value) {
        if (Object.prototype.hasOwnProperty.call(known.category, value)) known.category[value].checked = true;
      });
      var person = params.get("person") || "";
      select.value = Object.prototype.hasOwnProperty.call(known.person, person) ? person : "";
    }

    function writeUrl() {
      var params = new URLSearchParams();
      boxes.forEach(function (box) { if (box.checked) params.append("category", box.value); });
      if (select.value) params.set("person", select.value);
      var query = params.toString();
      history.replaceState(history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function apply() {
      var categories = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      var person = select.value;
      var shown = 0;
      events.forEach(function (event) {
        var people = (event.getAttribute("data-people") || "").split(" ");
        var visible = (!categories.length || categories.indexOf(event.getAttribute("data-category")) >= 0) &&
          (!person || people.indexOf(person) >= 0);
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      years.forEach(function (heading) {
        var node = heading.nextElementSibling, any = false;
        while (node && node.tagName !== "H2") {
          if (node.classList.contains("ts-event") && !node.hidden) any = true;
          node = node.nextElementSibling;
        }
        heading.hidden = !any;
      });
      status.textContent = shown + " of " + events.length + " events shown";
    }

    form.addEventListener("change", function () { writeUrl(); apply(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { writeUrl(); apply(); }, 0);
    });
    readUrl();
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();  // loaded after the page was parsed
  }
})();
