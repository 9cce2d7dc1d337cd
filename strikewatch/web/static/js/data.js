/* Loading the pages' data: fetch() from the live server; in the exported static site, a script tag per data file
   (DATA.json is written beside as DATA.json.js, which calls swData with its contents), because a page opened from
   disk (file://) may not fetch files next to it, while it may load scripts from them. Works on any static host too. */
(function () {
  "use strict";
  var isStatic = document.body && document.body.getAttribute("data-static") === "1";
  window.swData = function (script, data) {
    if (script && typeof script.swResolve === "function") { script.swResolve(data); }
  };
  /* Figures and dates as every page shows them (the same rules as strikewatch.web.templating in Python):
     "7", "7–12", "≥ 7", "≤ 8", "unknown"; "3 Mar 2013", "April 2017", "between 3 and 5 May 2014". */
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  window.swRange = function (lo, hi) {
    if (lo == null && hi == null) { return "unknown"; }
    if (lo == null) { return "\u2264 " + hi; }
    if (hi == null) { return "\u2265 " + lo; }
    return lo === hi ? String(lo) : lo + "\u2013" + hi;
  };
  function ymd(s) { var p = s.split("-"); return [parseInt(p[0], 10), parseInt(p[1], 10), parseInt(p[2], 10)]; }
  function lastDay(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
  window.swDate = function (p) {
    if (p.date) { var d = ymd(p.date); return d[2] + " " + MONTHS[d[1] - 1] + " " + d[0]; }
    if (!p.date_earliest || !p.date_latest) { return "date unknown"; }
    var a = ymd(p.date_earliest), b = ymd(p.date_latest);
    if (a[0] === b[0] && a[1] === 1 && a[2] === 1 && b[1] === 12 && b[2] === 31) { return String(a[0]); }
    if (a[0] === b[0] && a[1] === b[1] && a[2] === 1 && b[2] === lastDay(b[0], b[1])) {
      return LONG[a[1] - 1] + " " + a[0];
    }
    if (a[0] === b[0] && a[1] === b[1]) { return "between " + a[2] + " and " + b[2] + " " + LONG[a[1] - 1] + " " + a[0]; }
    if (a[0] === b[0]) { return "between " + a[2] + " " + MONTHS[a[1] - 1] + " and " + b[2] + " " + MONTHS[b[1] - 1] + " " + a[0]; }
    return "between " + a[2] + " " + MONTHS[a[1] - 1] + " " + a[0] + " and " + b[2] + " " + MONTHS[b[1] - 1] + " " + b[0];
  };
  window.swLoad = function (url) {
    if (!isStatic) {
      return fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
        return r.json();
      });
    }
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.swResolve = resolve;
      s.onerror = function () { reject(new Error(url + " could not be loaded")); };
      s.src = url + ".js";
      document.head.appendChild(s);
    });
  };
})();
