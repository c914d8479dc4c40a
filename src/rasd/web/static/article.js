/* rasd article page: hovering a highlighted passage shows its record(s) in a tip; clicking scrolls the record
   list to them. The tip is a copy of the server-rendered (escaped) record cards: no HTML is built from data. */
(function () {
  "use strict";
  var tip = document.getElementById("rec-tip");
  var text = document.getElementById("article-text");
  if (!tip || !text) { return; }
  function cards(mark) {
    return (mark.getAttribute("data-rec") || "").split(" ").map(function (rid) {
      return document.getElementById("rec-" + rid);
    }).filter(Boolean);
  }
  function clearHot() {
    Array.prototype.forEach.call(document.querySelectorAll("mark.hot"), function (m) { m.classList.remove("hot"); });
  }
  function show(mark) {
    clearHot();
    var ids = (mark.getAttribute("data-rec") || "").split(" ");
    Array.prototype.forEach.call(text.querySelectorAll("mark[data-rec]"), function (m) {
      var own = (m.getAttribute("data-rec") || "").split(" ");
      if (own.some(function (r) { return ids.indexOf(r) >= 0; })) { m.classList.add("hot"); }
    });
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    cards(mark).forEach(function (c) { var copy = c.cloneNode(true); copy.removeAttribute("id"); tip.appendChild(copy); });
    var r = mark.getBoundingClientRect();
    tip.hidden = false;
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    var left = window.scrollX + r.left;
    tip.style.left = Math.max(4, Math.min(left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8)) + "px";
  }
  function hide() { tip.hidden = true; clearHot(); }
  text.addEventListener("mouseover", function (e) {
    var m = e.target.closest("mark[data-rec]");
    if (m) { show(m); }
  });
  text.addEventListener("mouseleave", hide);
  text.addEventListener("focusin", function (e) {
    var m = e.target.closest("mark[data-rec]");
    if (m) { show(m); }
  });
  text.addEventListener("click", function (e) {
    var m = e.target.closest("mark[data-rec]");
    if (!m) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".record.active"), function (c) { c.classList.remove("active"); });
    var cs = cards(m);
    cs.forEach(function (c) { c.classList.add("active"); });
    if (cs.length) { cs[0].scrollIntoView({ block: "nearest" }); }
    show(m);
  });
  // arriving at #rec-e3 (from an event page): mark that record and its passage
  if (window.location.hash.indexOf("#rec-") === 0) {
    var card = document.getElementById(window.location.hash.slice(1));
    if (card) {
      card.classList.add("active");
      var rid = card.getAttribute("data-rid");
      var first = null;
      Array.prototype.forEach.call(text.querySelectorAll("mark[data-rec]"), function (m) {
        if ((m.getAttribute("data-rec") || "").split(" ").indexOf(rid) >= 0) { m.classList.add("hot"); first = first || m; }
      });
      if (first) { first.scrollIntoView({ block: "center" }); }
    }
  }
})();
