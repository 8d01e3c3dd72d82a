// Tables that fit their column.
//
// At every width, code in a cell may break after "_", "/" or "." (a <wbr>), so a long key
// or URL ("status_check_without_decision", "https://www.linkedin.com/in/samrivera")
// wraps where a reader expects instead of widening the table past its column, where the
// last column was cut off (extra.css lets it break anywhere only as a last resort).
//
// On a phone, a table wider than the text column is read row by row: each row becomes a card,
// each cell labelled with its column's heading (extra.css). A column with no heading, or
// a "#" column that only numbers the rows, is dropped from the cards. Without JavaScript
// the table scrolls sideways, as every table does.
var PHONE = window.matchMedia("(max-width: 44.9375em)");

function breakCode(table) {
  table.querySelectorAll("td code").forEach(function (code) {
    if (code.dataset.wbr || code.children.length) return;
    code.dataset.wbr = "1";
    var text = code.textContent;
    var parts = text.split(/(?<=[_/.])(?=[^_/.\s])/);
    if (parts.length < 2) return;
    code.textContent = "";
    parts.forEach(function (part, i) {
      if (i) code.appendChild(document.createElement("wbr"));
      code.appendChild(document.createTextNode(part));
    });
  });
}

function stack(table) {
  var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
    return th.textContent.trim();
  });
  if (table.hasAttribute("data-stack")) return;
  // As a table whose code breaks only at the <wbr>s: does it fit the screen? (Squeezed
  // into it by breaking code anywhere, three columns of prose end up a word wide.)
  // The text column on a phone: the screen less Material's margins.
  var column = (table.closest(".md-typeset") || document.body).getBoundingClientRect();
  var edge = Math.min(column.right, document.documentElement.clientWidth) + 1;
  table.setAttribute("data-measure", "");
  var fits = table.getBoundingClientRect().right <= edge && table.scrollWidth <= table.clientWidth + 1;
  table.removeAttribute("data-measure");
  if (fits) return;
  table.setAttribute("data-stack", "");
  table.querySelectorAll("tbody tr").forEach(function (row) {
    Array.prototype.forEach.call(row.children, function (cell, i) {
      var head = heads[i] || "";
      if (head === "" || head === "#") {
        cell.setAttribute("data-empty-head", "");
      } else {
        cell.setAttribute("data-label", head);
      }
    });
  });
}

function fit() {
  document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
    breakCode(table);
    if (PHONE.matches) stack(table);
  });
}

// Again once the fonts are in: a table that fitted in the fallback font may not.
document$.subscribe(function () {
  fit();
  if (document.fonts) document.fonts.ready.then(fit);
});
window.addEventListener("load", fit);
