// On a phone, a reference table of four or more columns (the interview file's
// Key / Type / Default / Example / Description) is read row by row: each row
// becomes a card, each cell labelled with its column's heading (extra.css).
// Without JavaScript the table scrolls sideways, as every table does.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (heads.length < 4) return;
    table.setAttribute("data-stack", "");
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (heads[i]) cell.setAttribute("data-label", heads[i]);
      });
    });
  });
});
