/* The map: offline Natural Earth boundaries (country + admin-1), strike markers sized by toll, coloured by grade,
   clustered. All data come from this server (or the static copy's data/ folder); nothing from elsewhere. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!el) { return; }
  if (!window.L || !window.topojson) {
    if (status) { status.textContent = "The map's scripts are missing (run scripts/fetch_assets.sh); the table works without them."; }
    return;
  }
  var GRADES = { confirmed: "Confirmed", fair: "Fair", weak: "Weak", contested: "Contested", discounted: "Discounted" };

  var fmtDate = window.swDate, fmtRange = window.swRange;  // js/data.js: one display of dates and figures
  function place(p) {
    var parts = [p.place, p.admin2, p.admin1, p.country].filter(function (x, i, a) { return x && a.indexOf(x) === i; });
    return parts.join(", ") || "place unknown";
  }
  function getJSON(url) { return window.swLoad(url); }  // js/data.js: fetch, or a script in the static copy
  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text != null) { n.textContent = text; }
    return n;
  }

  var map = L.map(el, { minZoom: 2, maxZoom: 13, zoomSnap: 0.5, worldCopyJump: true });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  map.setView([31, 69], 5);
  map.createPane("admin1");
  map.getPane("admin1").style.zIndex = 450;
  map.getPane("admin1").style.pointerEvents = "none";

  var countryStyle = { color: "#7a7a7a", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 };
  var admin1Style = { color: "#9a8f7a", weight: 0.8, dashArray: "3 3", fill: false };

  var strikeUrl = el.getAttribute("data-strike-url");
  function popupFor(p) {
    var box = node("div", "sw-popup");
    box.appendChild(node("strong", null, fmtDate(p)));
    box.appendChild(node("div", null, place(p)));
    box.appendChild(node("div", null, "Killed: " + fmtRange(p.killed_min, p.killed_max) +
      (p.civilians_max != null ? " \u00b7 civilians: " + fmtRange(p.civilians_min, p.civilians_max) : "")));
    var g = node("span", "grade grade-" + (p.grade || "none"), GRADES[p.grade] || "Ungraded");
    var line = node("div");
    line.appendChild(g);
    line.appendChild(document.createTextNode(" " + p.n_sources + " source" + (p.n_sources === 1 ? "" : "s")));
    box.appendChild(line);
    var a = node("a", "open-strike", "Open strike page \u2192");
    a.href = strikeUrl.replace("{id}", String(p.id));
    box.appendChild(a);
    return box;
  }

  var clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: function (cluster) {
      var n = cluster.getChildCount();
      var size = Math.min(56, 26 + Math.round(Math.sqrt(n) * 3));
      return L.divIcon({ html: "<span>" + n + "</span>", className: "sw-cluster", iconSize: [size, size] });
    }
  });

  function addStrikes(fc) {
    var markers = [], noGeo = fc.skipped_no_coordinates || 0, countries = {};
    fc.features.forEach(function (f) {
      var p = f.properties || {};
      if (!f.geometry || f.geometry.type !== "Point") { noGeo += 1; return; }
      var c = f.geometry.coordinates;
      var toll = p.killed_max != null ? p.killed_max : (p.killed_min || 0);
      var size = Math.round(Math.min(44, 12 + 4 * Math.sqrt(toll)));
      var m = L.marker([c[1], c[0]], {
        icon: L.divIcon({ className: "sw-marker g-" + (p.grade || "none"), iconSize: [size, size] }),
        title: fmtDate(p) + ", " + place(p) + ", killed " + fmtRange(p.killed_min, p.killed_max),
        alt: "strike " + p.id,
        keyboard: true
      });
      m.bindPopup(function () { return popupFor(p); });
      m.on("add", function () {
        var icon = m.getElement();
        if (icon) { icon.setAttribute("data-strike-id", String(p.id)); icon.setAttribute("role", "button"); }
      });
      markers.push(m);
      if (p.country) { countries[p.country] = true; }
    });
    clusters.addLayers(markers);
    map.addLayer(clusters);
    if (markers.length) {
      map.fitBounds(clusters.getBounds().pad(0.2), { maxZoom: 8, animate: false });
    }
    el.setAttribute("data-markers", String(markers.length));
    if (status) {
      status.textContent = markers.length + " strike record" + (markers.length === 1 ? "" : "s") + " on the map" +
        (noGeo ? "; " + noGeo + " without coordinates are listed in the table" : "") + ".";
    }
    return Object.keys(countries);
  }

  function addAdmin1(codes) {
    var base = el.getAttribute("data-admin1-base");
    return getJSON(el.getAttribute("data-admin1-index")).then(function (index) {
      return Promise.all(codes.filter(function (c) { return index[c]; }).map(function (c) {
        return getJSON(base + index[c]).then(function (topo) {
          var name = Object.keys(topo.objects)[0];
          L.geoJSON(topojson.feature(topo, topo.objects[name]), {
            pane: "admin1", style: admin1Style, interactive: false
          }).addTo(map);
        });
      }));
    });
  }

  getJSON(el.getAttribute("data-world")).then(function (world) {
    var name = Object.keys(world.objects)[0];
    L.geoJSON(topojson.feature(world, world.objects[name]), { style: countryStyle, interactive: false }).addTo(map);
  }).catch(function (e) { if (status) { status.textContent = "Boundaries unavailable: " + e.message; } });

  getJSON(el.getAttribute("data-geojson")).then(function (fc) {
    var codes = addStrikes(fc);
    el.setAttribute("data-ready", "1");
    return addAdmin1(codes);
  }).then(function () {
    el.setAttribute("data-admin1", "1");
  }).catch(function (e) {
    el.setAttribute("data-ready", "error");
    if (status) { status.textContent = "Could not load the strike records: " + e.message; }
  });
})();
