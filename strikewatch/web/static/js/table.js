/* Static copy only: filter the table's rows as you type (the live server filters on the server). */
(function () {
  "use strict";
  var input = document.getElementById("quick-filter");
  if (!input) { return; }
  var table = document.getElementById(input.getAttribute("data-target"));
  var count = document.getElementById("row-count");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = q.every(function (w) { return texts[i].indexOf(w) !== -1; });
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = String(shown); }
  });
})();
