/* rasd events map: Leaflet on a blank background (no tile server, works offline). Markers are circles sized by
   the number of events at a place and coloured by its most frequent type. Data: GET /api/map with the page's filters.
   Every text from the data is put in the page with textContent, never as HTML. */
(function () {
  "use strict";
  var COLOURS = {
    AGREE: "#2e7d32", CONSULT: "#1565c0", SUPPORT: "#00838f", CONCEDE: "#558b2f", COOPERATE: "#283593",
    AID: "#00695c", RETREAT: "#6d4c41", REQUEST: "#5e35b1", ACCUSE: "#ef6c00", REJECT: "#8e24aa",
    THREATEN: "#f9a825", PROTEST: "#ad1457", SANCTION: "#4e342e", MOBILIZE: "#757575", COERCE: "#d84315",
    ASSAULT: "#c62828"
  };
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var map = L.map(el, { attributionControl: false, zoomSnap: 0.25, worldCopyJump: false });
  map.setView([34.8, 38.5], 5);
  // a graticule every 5 degrees, for orientation on the blank map
  for (var lat = -80; lat <= 80; lat += 5) {
    L.polyline([[lat, -180], [lat, 180]], { color: "#b0c4cc", weight: 0.6, interactive: false }).addTo(map);
  }
  for (var lon = -180; lon <= 180; lon += 5) {
    L.polyline([[-85, lon], [85, lon]], { color: "#b0c4cc", weight: 0.6, interactive: false }).addTo(map);
  }
  function popup(p) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = p.name + (p.admin1 ? " (" + p.admin1 + ")" : "");
    box.appendChild(title);
    var ul = document.createElement("ul");
    ul.className = "popup-types";
    Object.keys(p.by_type).sort().forEach(function (t) {
      var li = document.createElement("li");
      li.textContent = t + ": " + p.by_type[t];
      ul.appendChild(li);
    });
    box.appendChild(ul);
    if (p.admin1) {
      var a = document.createElement("a");
      var url = new URL(window.location.href);
      url.searchParams.set("admin1", p.admin1);
      url.searchParams.delete("offset");
      a.href = url.pathname + url.search;
      a.textContent = "→ " + p.admin1;
      a.className = "map-filter";
      box.appendChild(a);
    }
    return box;
  }
  fetch(el.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      var pts = [];
      var lang = el.getAttribute("data-lang") === "en" ? "en" : "ar";
      (fc.reference || []).forEach(function (s) {
        var dot = L.circleMarker([s.lat, s.lon], { radius: 2, color: "#78909c", weight: 1, fillOpacity: 1, interactive: false });
        var label = document.createElement("span");
        label.textContent = s[lang];
        dot.bindTooltip(label, { permanent: true, direction: "right", className: "map-label", offset: [3, 0] });
        dot.addTo(map);
      });
      (fc.features || []).forEach(function (f) {
        var p = f.properties, c = f.geometry.coordinates;
        var m = L.circleMarker([c[1], c[0]], {
          radius: 4 + 3 * Math.sqrt(p.count), color: "#263238", weight: 1,
          fillColor: COLOURS[p.main_type] || "#455a64", fillOpacity: 0.75
        });
        m.bindPopup(popup(p));
        var tipText = document.createElement("span");
        tipText.textContent = p.name + ": " + p.count;
        m.bindTooltip(tipText, { direction: "top" });
        m.addTo(map);
        if (m._path) {
          m._path.setAttribute("data-place", p.name);
          m._path.setAttribute("data-admin1", p.admin1 || "");
          m._path.classList.add("event-marker");
        }
        pts.push([c[1], c[0]]);
      });
      el.setAttribute("data-markers", String(pts.length));
      if (pts.length === 1) { map.setView(pts[0], 6); }
      else if (pts.length > 1) { map.fitBounds(pts, { padding: [30, 30], maxZoom: 7 }); }
    })
    .catch(function () { el.setAttribute("data-markers", "error"); });
})();
