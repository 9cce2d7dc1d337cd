/* The timeline: strikes per week or month (bars), the killed min–max band, civilians (line). Hand-written SVG. */
(function () {
  "use strict";
  var box = document.getElementById("timeline");
  if (!box) { return; }
  var caption = document.getElementById("timeline-caption");
  var tableBox = document.getElementById("timeline-table");
  var SVG = "http://www.w3.org/2000/svg";
  var cache = {};

  function el(tag, attrs, parent) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(n); }
    return n;
  }
  // an axis top whose half is a whole number too: ticks are counts of strikes and people, never "2.5"
  function niceMax(v) {
    if (v <= 2) { return 2; }
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var m = v / p;
    return (m <= 2 ? 2 : m <= 4 ? 4 : m <= 6 ? 6 : 10) * p;
  }
  // js/data.js: "27", "3–5"; a period with a record told only "at least N" has an open maximum: "≥ 12"
  function range(lo, hi, open) { return window.swRange(lo, open ? null : hi); }

  function tick(v) { return String(Math.round(v)); }

  function draw(data) {
    var rows = data.series;
    box.textContent = "";
    if (!rows.length) {
      caption.textContent = "No dated strike records.";
      box.setAttribute("data-ready", "1");
      return;
    }
    var W = Math.max(box.clientWidth || 600, Math.min(rows.length * 7, 4000)), H = 360;
    var m = { l: 46, r: 46, t: 28, b: 44 };
    var iw = W - m.l - m.r, ih = H - m.t - m.b;
    var svg = el("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img",
      "aria-labelledby": "timeline-caption" }, box);
    var maxStrikes = niceMax(Math.max.apply(null, rows.map(function (r) { return r.strikes; })));
    var maxKilled = niceMax(Math.max.apply(null, rows.map(function (r) { return Math.max(r.killed_max, r.civilians_max); })));
    var bw = iw / rows.length;
    function x(i) { return m.l + i * bw; }
    function yS(v) { return m.t + ih - (v / maxStrikes) * ih; }
    function yK(v) { return m.t + ih - (v / maxKilled) * ih; }

    var axis = el("g", { "class": "axis" }, svg);
    el("line", { x1: m.l, y1: m.t + ih, x2: m.l + iw, y2: m.t + ih }, axis);
    [0, 0.5, 1].forEach(function (f) {
      var t = el("text", { x: m.l - 6, y: yS(maxStrikes * f) + 4, "text-anchor": "end" }, axis);
      t.textContent = tick(maxStrikes * f);
      var k = el("text", { x: m.l + iw + 6, y: yK(maxKilled * f) + 4, "text-anchor": "start" }, axis);
      k.textContent = tick(maxKilled * f);
      el("line", { x1: m.l, x2: m.l + iw, y1: yS(maxStrikes * f), y2: yS(maxStrikes * f), stroke: "#eee" }, axis);
    });
    var t1 = el("text", { x: 4, y: 14 }, axis); t1.textContent = "strikes";
    var t2 = el("text", { x: W - 4, y: 14, "text-anchor": "end" }, axis); t2.textContent = "killed";
    var step = Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor(iw / 70))));
    rows.forEach(function (r, i) {
      if (i % step === 0) {
        var lt = el("text", { x: x(i) + bw / 2, y: m.t + ih + 16, "text-anchor": "middle" }, axis);
        lt.textContent = r.period;
      }
    });

    var bars = el("g", { "class": "bars" }, svg);
    rows.forEach(function (r, i) {
      if (!r.strikes) { return; }
      var b = el("rect", { "class": "bar", x: x(i) + bw * 0.1, width: Math.max(1, bw * 0.8), y: yS(r.strikes),
        height: m.t + ih - yS(r.strikes), tabindex: "0", "data-period": r.period,
        "aria-label": r.period + ": " + r.strikes + " strike" + (r.strikes === 1 ? "" : "s") + ", killed " +
          range(r.killed_min, r.killed_max, r.killed_open) + ", civilians " +
          range(r.civilians_min, r.civilians_max, r.civilians_open) }, bars);
      var tt = el("title", {}, b);
      tt.textContent = b.getAttribute("aria-label");
    });

    var up = rows.map(function (r, i) { return (x(i) + bw / 2) + "," + yK(r.killed_max); });
    var down = rows.map(function (r, i) { return (x(i) + bw / 2) + "," + yK(r.killed_min); }).reverse();
    el("polygon", { "class": "band", points: up.concat(down).join(" ") }, svg);
    el("polyline", { "class": "civ", points: rows.map(function (r, i) { return (x(i) + bw / 2) + "," + yK(r.civilians_max); }).join(" ") }, svg);

    var key = el("g", { "class": "key", transform: "translate(" + (m.l + 8) + "," + (H - 10) + ")" }, svg);
    el("rect", { x: 0, y: -10, width: 12, height: 10, "class": "bar" }, key);
    el("text", { x: 16, y: 0 }, key).textContent = "strikes";
    el("rect", { x: 80, y: -10, width: 12, height: 10, "class": "band" }, key);
    el("text", { x: 96, y: 0 }, key).textContent = "killed (min\u2013max)";
    el("line", { x1: 210, x2: 224, y1: -5, y2: -5, "class": "civ" }, key);
    el("text", { x: 228, y: 0 }, key).textContent = "civilians (max)";

    var tot = data.totals;
    caption.textContent = tot.strikes + " strikes from " + rows[0].period + " to " + rows[rows.length - 1].period +
      " (" + rows.length + " " + data.period + "s); " + range(tot.killed_min, tot.killed_max, tot.killed_open) + " killed, " +
      range(tot.civilians_min, tot.civilians_max, tot.civilians_open) + " civilians" +
      (data.undated ? "; " + data.undated + " undated records not shown" : "") + ".";
    box.setAttribute("data-ready", "1");
    box.setAttribute("data-bars", String(rows.filter(function (r) { return r.strikes; }).length));
    drawTable(rows);
  }

  function drawTable(rows) {
    if (!tableBox) { return; }
    tableBox.textContent = "";
    var t = document.createElement("table");
    var head = t.createTHead().insertRow();
    ["Period", "Strikes", "Killed", "Civilians", "Children"].forEach(function (h) {
      var th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.appendChild(th);
    });
    var body = t.createTBody();
    rows.forEach(function (r) {
      if (!r.strikes) { return; }
      var tr = body.insertRow();
      [r.period, r.strikes, range(r.killed_min, r.killed_max, r.killed_open),
        range(r.civilians_min, r.civilians_max, r.civilians_open),
        range(r.children_min, r.children_max, r.children_open)].forEach(function (v, i) {
        var td = tr.insertCell(); td.textContent = String(v); if (i) { td.className = "num"; }
      });
    });
    tableBox.appendChild(t);
  }

  function load(period) {
    document.querySelectorAll("button.period").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-period") === period ? "true" : "false");
    });
    box.setAttribute("data-ready", "0");
    if (cache[period]) { draw(cache[period]); return; }
    window.swLoad(box.getAttribute("data-" + period)).then(function (d) { cache[period] = d; draw(d); }).catch(function (e) {
      caption.textContent = "Could not load the figures: " + e.message;
      box.setAttribute("data-ready", "error");
    });
  }
  document.querySelectorAll("button.period").forEach(function (b) {
    b.addEventListener("click", function () { load(b.getAttribute("data-period")); });
  });
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      var on = document.querySelector("button.period[aria-pressed='true']");
      var p = on ? on.getAttribute("data-period") : "month";
      if (cache[p]) { draw(cache[p]); }
    }, 200);
  });
  load("month");
})();
