"""The PDF edition: print the whole-site print page with headless Chromium.

Usage: python -m sitedata.pdf SITE_DIR OUT.pdf [SUBPATH]
SITE_DIR is a build made with PDF=true (mkdocs-print-site-plugin's print page),
served under SUBPATH (default /trotsky-stalin/, the path of site_url) because
the theme's scripts fetch the sitemap and search index from there.

Chromium printing the whole print page at once took from fifteen seconds to
over ten minutes, varying from run to run; printed a part at a time (the cover,
the contents, each top-level section) it takes seconds each time. So each part
is printed on its own, and pypdf joins them: it relinks the links between parts,
writes the page numbers and the outline (the print page's contents, and under
each chapter its sections).
Set CHROMIUM to choose the browser binary.
"""
from __future__ import annotations

import functools
import http.server
import io
import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, Fit, FloatObject, NameObject

PRINT_PAGE = "print_page/"

# The contents as a tree, read from the list the print plugin's script writes;
# under each page, its sections (the page's <h2>s, as in its table of contents
# on the site), which the printed contents leave out to stay short.
CONTENTS_JS = """() => {
  const sections = target => {
    const page = document.getElementById(target);
    if (!page || !page.matches("section.print-page")) return [];
    return [...page.querySelectorAll("h2[id]")].map(h => {
      const mark = h.querySelector(":scope > a.headerlink");
      return {title: [...h.childNodes].filter(n => n !== mark).map(n => n.textContent).join("").trim(),
              target: h.id, children: []};
    });
  };
  const walk = list => [...list.children].filter(li => li.tagName === "LI").map(li => {
    const link = li.querySelector(":scope > a");
    const sub = li.querySelector(":scope > ul, :scope > nav > ul");
    const target = link ? decodeURIComponent(link.hash.slice(1)) : "";
    return {title: link ? link.textContent.trim() : "", target,
            children: sub ? walk(sub) : sections(target)};
  });
  const top = document.querySelector("#print-page-toc ul");
  return top ? walk(top) : [];
}"""


@dataclass
class Entry:
    title: str
    target: str
    children: list["Entry"] = field(default_factory=list)

    @classmethod
    def from_json(cls, item: dict) -> "Entry":
        return cls(item["title"], item["target"], [cls.from_json(c) for c in item["children"]])


def chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        path = candidate and shutil.which(candidate)
        if path:
            return path
    raise SystemExit("no Chromium found: install Debian's chromium or set CHROMIUM=/path/to/it")


def page_numbers_html(total: int) -> str:
    """One sheet per page, "n / total" at the foot of each; the cover (page 1) stays blank."""
    sheets = "".join(f'<div class="sheet"><span>{n} / {total}</span></div>' if n > 1
                     else '<div class="sheet"></div>' for n in range(1, total + 1))
    return ("<!doctype html><meta charset=utf-8><style>"
            "@page { size: A4; margin: 0 }"
            "body { margin: 0 }"
            ".sheet { height: 297mm; position: relative; break-after: page; }"
            ".sheet span { position: absolute; bottom: 8mm; width: 100%; text-align: center;"
            " font: 8pt sans-serif; color: #555; }"
            f"</style>{sheets}")


# Two repairs to the print page, made as it loads (before its contents are read).
# The print plugin prefixes each id with its page's key but misses some (a second
# footnote marker in a paragraph keeps "fnref:x" while its back link says
# "#page-fnref:x"; a heading after a tag without an id): such ids get their
# prefix; and it writes a link to the home page as "#.", which becomes "#index".
REPAIR_JS = r"""() => {
  const everywhere = new Set([...document.querySelectorAll("[id]")].map(e => e.id));
  for (const link of document.querySelectorAll('a[href^="#"]')) {
    const target = decodeURIComponent(link.hash.slice(1));
    if (everywhere.has(target)) continue;
    if (target === ".") { link.hash = "#index"; continue; }
    const page = link.closest("section.print-page[id]");
    const unprefixed = page && target.startsWith(page.id + "-") &&
      [...page.querySelectorAll("[id]")].find(e => e.id === target.slice(page.id.length + 1));
    if (unprefixed) { unprefixed.id = target; everywhere.add(target); }
  }
}"""

# Keep only the index-th part of the print page. Links to other parts point to a
# placeholder URL that `join` turns back into internal links; every id in the part
# gets a zero-size link because Chromium writes a named destination only for an
# element some link in the printed document points to.
KEEP_PART_JS = r"""index => {
  // Links to the site's own files (the downloads) go to the published site.
  const site = document.querySelector('link[rel="canonical"]').href.replace(/print_page\/$/, "");
  const here = new URL("..", location.href).href;
  for (const link of document.querySelectorAll("a[href]")) {
    if (link.href.startsWith(here) && !link.getAttribute("href").startsWith("#")) {
      link.href = site + link.href.slice(here.length);
    }
  }
  const parts = [...document.getElementById("print-site-page").children];
  parts.forEach((part, i) => { if (i !== index) part.remove(); });
  const part = parts[index];
  const ids = new Set([...part.querySelectorAll("[id]")].map(e => e.id));
  if (part.id) ids.add(part.id);
  for (const link of part.querySelectorAll('a[href^="#"]')) {
    const target = decodeURIComponent(link.hash.slice(1));
    if (!ids.has(target)) {
      link.href = "%s" + encodeURIComponent(target);
      link.classList.add("ts-elsewhere");
    }
  }
  const style = document.createElement("style");   // print no placeholder URL
  style.textContent = "a.ts-elsewhere::after { content: none !important; }";
  document.head.append(style);
  const anchors = document.createElement("div");
  anchors.style.cssText = "position: absolute; width: 0; height: 0; overflow: hidden";
  for (const id of ids) {
    const link = document.createElement("a");
    link.href = "#" + encodeURIComponent(id);
    link.textContent = ".";
    anchors.append(link);
  }
  part.prepend(anchors);
}"""
ELSEWHERE = "https://elsewhere.invalid/#"
PARTS_JS = '() => document.getElementById("print-site-page").children.length'


def join(parts: list[bytes]) -> tuple[pypdf.PdfWriter, dict[str, tuple[int, float, float]]]:
    """One document from the parts: their pages in order, one table of named
    destinations, and each link between parts made internal again."""
    writer = pypdf.PdfWriter()
    places: dict[str, tuple[int, float, float]] = {}   # name -> (page index, left, top)
    for data in parts:
        reader = pypdf.PdfReader(io.BytesIO(data))
        offset = len(writer.pages)
        for name, dest in reader.named_destinations.items():
            places[name.lstrip("/")] = (offset + reader.get_destination_page_number(dest),
                                        float(dest.left or 0), float(dest.top or 0))
        for page in reader.pages:
            writer.add_page(page)
    for number, page in enumerate(writer.pages, 1):
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            action = link.get("/A")
            if action is None or action.get("/S") != "/URI" or not action["/URI"].startswith(ELSEWHERE):
                continue
            target = unquote(action["/URI"][len(ELSEWHERE):])
            if target not in places:
                raise ValueError(f"page {number}: a link points to #{target} ({action['/URI']}), "
                                 "which is nowhere in the print page")
            del link["/A"]
            link[NameObject("/Dest")] = NameObject("/" + target)
    writer._root_object[NameObject("/Dests")] = DictionaryObject({
        NameObject("/" + name): ArrayObject([writer.pages[index].indirect_reference,
                                             NameObject("/XYZ"), FloatObject(left),
                                             FloatObject(top), FloatObject(0)])
        for name, (index, left, top) in places.items()})
    return writer, places


def stamp_page_numbers(writer: pypdf.PdfWriter, numbers: pypdf.PdfReader) -> None:
    if len(numbers.pages) != len(writer.pages):
        raise ValueError(f"{len(numbers.pages)} page-number sheets for {len(writer.pages)} pages")
    for page, sheet in zip(writer.pages, numbers.pages):
        page.merge_page(sheet)
        page.compress_content_streams()   # merging leaves them uncompressed (32 MB, not 10)


def add_outline(writer: pypdf.PdfWriter, places: dict[str, tuple[int, float, float]],
                contents: list[Entry]) -> int:
    """Bookmarks mirroring the contents; each opens at its heading. Returns how many.
    A contents entry whose target is not in the PDF is an error."""
    added = 0

    def add(entries: list[Entry], parent) -> None:
        nonlocal added
        for entry in entries:
            if entry.target not in places:
                raise ValueError(f"contents entry {entry.title!r} links to #{entry.target}, "
                                 "which is not in the PDF")
            index, left, top = places[entry.target]
            item = writer.add_outline_item(title=entry.title, page_number=index, parent=parent,
                                           fit=Fit.xyz(left=left, top=top))
            added += 1
            add(entry.children, item)

    add(contents, None)
    return added


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def make_pdf(site: Path, out: Path, subpath: str = "/trotsky-stalin/") -> Path:
    site = site.resolve()
    if not (site / PRINT_PAGE / "index.html").is_file():
        raise SystemExit(f"{site / PRINT_PAGE}index.html is missing: build with PDF=true first")
    with tempfile.TemporaryDirectory() as root:
        mount = Path(root) / subpath.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(site, target_is_directory=True)
        with _Server(root) as base, _Browser() as page:
            url = f"{base}/{subpath.strip('/')}/{PRINT_PAGE}"
            contents, count = _open(page, url, PARTS_JS)
            parts = []
            for index in range(count):
                _open(page, url, None)
                page.evaluate(KEEP_PART_JS % ELSEWHERE, index)
                parts.append(page.pdf(format="A4", print_background=True))  # margins: @page in extra.css
            writer, places = join(parts)
            page.set_content(page_numbers_html(len(writer.pages)))
            numbers = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    stamp_page_numbers(writer, numbers)
    add_outline(writer, places, [Entry.from_json(item) for item in contents])
    writer.page_mode = "/UseOutlines"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as f:
        writer.write(f)
    return out


class _Server:
    """The site on 127.0.0.1 for the length of a with-block; yields its base URL."""
    def __init__(self, root: str):
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=root))

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc):
        self.server.shutdown()


class _Browser:
    """A Chromium page for the length of a with-block."""
    def __enter__(self):
        from playwright.sync_api import sync_playwright
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        page = self.browser.new_page()
        # The print page needs only the print plugin's script (it writes the
        # contents); the site's own scripts have nothing to do on paper.
        page.route("**/assets/javascripts/**", lambda route: route.abort())
        page.emulate_media(media="print")
        return page

    def __exit__(self, *exc):
        self.browser.close()
        self.playwright.stop()


def _open(page, url: str, then: str | None):
    """Load the print page and repair it; return its contents tree and the result of `then`."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load", timeout=120000)
    page.wait_for_selector("#print-page-toc li", state="attached", timeout=30000)
    if errors:
        raise SystemExit(f"the print page raised errors: {errors}")
    page.evaluate(REPAIR_JS)
    return page.evaluate(CONTENTS_JS), (page.evaluate(then) if then else None)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    print(f"wrote {make_pdf(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:])}")
