"""The built documentation site in a real browser (headless Chromium), at a laptop's
width and a phone's, as a newcomer reads it.

Used by ``tests/test_site.py`` (slow) and runnable on a site already built, to print
what overflows and to write screenshots of every page at both widths::

    python tests/browsercheck.py SITE_DIR [SCREENSHOT_DIR]

It drives the system's Chromium (Debian: ``apt-get install chromium``) through
Playwright, so no browser is downloaded.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: A laptop, and a phone (iPhone 12 to 15: 390 CSS pixels).
WIDTHS = (1280, 390)

# Flags that work headless in a container, without reaching the network.
_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Run in the page. What a reader would have to scroll sideways for, outside the
# places built to scroll (a code block, an API signature, a table):
#   page:     the page itself is wider than the window;
#   sticks:   an element reaches past the window's right edge, and no scroll
#             container of its own holds it (the body may hide the overflow: cut off);
#   output:   a drafted message (a quote) needs scrolling, at any width, or a block
#             of output (a transcript, what a block prints) at a laptop's: they wrap;
#   rewrap:   on a phone, a block of output wrapped (its lines broken in pieces at
#             about 38 columns): there it keeps its lines and scrolls sideways;
#   label:    a phone's table card whose label runs into the next row;
#   table:    a table wider than its column, so its last columns are cut off or
#             scroll out of sight (at 1280 px every table fits; on a phone a table
#             that would not fit without breaking its code anywhere is a card,
#             js/tables.js);
#   key:      a key or name in a table's first column broken between two letters;
#   code:     a code block that needs scrolling (only checked where `code` is true:
#             at a laptop's width every line of code fits).
_PROBLEMS_JS = """
(checkCode) => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  const what = (el) => {
    const text = (el.innerText || '').trim().split('\\n')[0].slice(0, 60);
    return el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + text + '"';
  };
  // Held by a scroll container built for it (a code block, a table's wrapper) that
  // itself fits the window; a table wider than the window scrolls in its wrapper.
  const scrollsByDesign = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === 'auto' || ox === 'scroll') {
        if (!a.matches('pre > code, pre, .md-typeset table, .md-typeset__scrollwrap')) return false;
        if (a.getBoundingClientRect().right <= vw + 1) return true;
      }
    }
    return false;
  };
  if (document.documentElement.scrollWidth > vw + 1) {
    out.push('page: ' + document.documentElement.scrollWidth + ' px wide in a ' + vw + ' px window');
  }
  for (const el of document.querySelectorAll('.md-content *, .md-header *, .md-footer *')) {
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 1 || r.width === 0 || r.height === 0) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    if (!scrollsByDesign(el)) {
      // report the outermost element only
      const p = el.parentElement;
      const pr = p ? p.getBoundingClientRect() : null;
      if (!pr || pr.right <= vw + 1 || scrollsByDesign(p)) {
        out.push('sticks out (' + Math.round(r.right) + ' > ' + vw + '): ' + what(el));
      }
    }
  }
  const blocks = '.md-typeset .language-console pre > code, .md-typeset .language-text pre > code';
  // On a phone, output keeps its lines and scrolls (extra.css); a line of it wrapped
  // into pieces is the problem there. At a laptop's width it wraps, as a terminal does.
  if (!checkCode) {
    for (const el of document.querySelectorAll(blocks)) {
      const lines = el.textContent.replace(/\\n$/, '').split('\\n').length;
      const style = getComputedStyle(el);
      if (style.whiteSpace !== 'pre' && lines > 0) {
        const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
        const rows = Math.round((el.clientHeight - padding) / parseFloat(style.lineHeight));
        if (rows > lines) {
          out.push('output re-wrapped (' + lines + ' lines shown as ' + rows + '): ' + what(el));
        }
      }
    }
  }
  const outputs = (checkCode ? blocks + ', ' : '') + '.md-typeset blockquote, .md-typeset blockquote *';
  for (const el of document.querySelectorAll(outputs)) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
      out.push('output cut off (' + el.scrollWidth + ' > ' + el.clientWidth + '): ' + what(el));
    }
  }
  // A phone's card (js/tables.js): each cell's label, floated beside its value,
  // must end inside the cell, or it runs into the next row's.
  for (const td of document.querySelectorAll('.md-typeset td[data-label]')) {
    if (getComputedStyle(td).display === 'table-cell') continue;
    const label = parseFloat(getComputedStyle(td, '::before').height);
    if (label > td.getBoundingClientRect().height + 1) {
      out.push('label runs out of its row (' + Math.round(label) + ' px): ' + what(td));
    }
  }
  for (const t of document.querySelectorAll('.md-typeset table')) {
    // a phone's card (js/tables.js, extra.css): its cells are blocks, not columns
    const cell = t.querySelector('td');
    if (cell && getComputedStyle(cell).display !== 'table-cell') continue;
    const column = (t.closest('.md-typeset') || document.body).getBoundingClientRect();
    const edge = Math.min(column.right, vw) + 1;
    // measured as js/tables.js measures it: code breaking at its <wbr>s only
    t.setAttribute('data-measure', '');
    const wide = t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > edge;
    const width = Math.max(t.scrollWidth, Math.round(t.getBoundingClientRect().width));
    t.removeAttribute('data-measure');
    if (wide) {
      out.push('table wider than its column (' + width + ' px in ' + Math.round(column.width)
        + '): ' + what(t.querySelector('tr') || t));
    }
  }
  // A key or name in a table's first column broken between two letters ("interviewe/rs").
  const range = document.createRange();
  for (const code of document.querySelectorAll('.md-typeset table td:first-child code')) {
    let top = null;
    let before = '';
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let k = 0; k < n.length; k++) {
        range.setStart(n, k);
        range.setEnd(n, k + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        if (top !== null && box.top > top + 2 && /[A-Za-z0-9]/.test(before + n.data[k])
            && /[A-Za-z0-9]{2}/.test(before + n.data[k])) {
          out.push('key broken mid-word: ' + what(code));
        }
        top = box.top;
        before = n.data[k];
      }
    }
  }
  if (checkCode) {
    for (const el of document.querySelectorAll('.md-typeset pre > code')) {
      if (el.closest('.doc-signature')) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const lines = el.innerText.split('\\n');
        const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
        out.push('code scrolls (' + el.scrollWidth + ' > ' + el.clientWidth + '): '
          + JSON.stringify(longest.slice(0, 60)) + ' (' + longest.length + ' characters)');
      }
    }
  }
  return out;
}
"""


def chromium() -> str | None:
    """The system's Chromium, or ``None``."""
    for name in (os.environ.get("FOLLOWUP_CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and (found := shutil.which(name)):
            return found
    return None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for as long as the block runs."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_paths(site: Path) -> list[str]:
    """Every page of the site, as a URL path (``""``, ``"api/"``...)."""
    return sorted(
        str(p.parent.relative_to(site)).replace(".", "") + ("/" if p.parent != site else "")
        for p in site.rglob("index.html")
        if "assets" not in p.parts
    )


# Chromium times out on one screenshot of a page tens of thousands of pixels tall (the
# API reference): tall pages are written as consecutive tiles, the first few only (the
# overflow checks read the whole page).
_TILE = 6000
_TILES = 4


def _screenshot(page: Any, stem: Path, width: int) -> None:
    stem.parent.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("document.documentElement.scrollHeight")
    if height <= _TILE:
        page.screenshot(path=f"{stem}-{width}.png", full_page=True)
        return
    for n, top in enumerate(range(0, min(height, _TILE * _TILES), _TILE), 1):
        clip = {"x": 0, "y": top, "width": width, "height": min(_TILE, height - top)}
        page.screenshot(path=f"{stem}-{width}-{n:02d}.png", full_page=True, clip=clip)


def check(site: Path, *, screenshots: Path | None = None) -> dict[str, list[str]]:
    """What overflows on each page at each width, keyed ``"<width> <path>"``.

    Code blocks are checked at the widest width only (at a phone's they scroll, as
    designed). With ``screenshots``, a full-page PNG of each page at each width is
    written there (``<page>-<width>.png``).
    """
    from playwright.sync_api import sync_playwright

    executable = chromium()
    if executable is None:
        raise RuntimeError("no Chromium: apt-get install -y chromium (or set FOLLOWUP_CHROMIUM)")
    found: dict[str, list[str]] = {}
    with (
        serve(site) as base,
        tempfile.TemporaryDirectory(prefix="followup-chromium-") as profile,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=_FLAGS[1:],
            viewport={"width": WIDTHS[0], "height": 900},
        )
        try:
            page = browser.new_page()
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
                for path in page_paths(site):
                    page.goto(base + path, wait_until="load")
                    page.evaluate("document.fonts.ready")
                    # Material fades the navigation tabs in after load.
                    page.wait_for_timeout(600)
                    problems = page.evaluate(_PROBLEMS_JS, width == max(WIDTHS))
                    if problems:
                        found[f"{width} /{path}"] = problems
                    if screenshots is not None:
                        _screenshot(page, screenshots / (path.strip("/") or "index").replace("/", "-"), width)
        finally:
            browser.close()
    return found


if __name__ == "__main__":
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    result = check(Path(sys.argv[1]), screenshots=shots)
    for key, problems in result.items():
        print(key)
        for problem in problems:
            print("   ", problem)
    print(f"{sum(map(len, result.values()))} problems on {len(result)} page-widths")
