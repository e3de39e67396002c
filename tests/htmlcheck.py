"""Read built HTML with the standard library: links, loads, ids and headings."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, unquote

# Elements and attributes whose URL the browser fetches while loading a page.
LOADS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
         ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
         ("input", "src"), ("track", "src")}
LOADING_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                "apple-touch-icon", "dns-prefetch", "preconnect", "mask-icon"}


@dataclass
class Page:
    path: Path
    url: str
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)      # <a href>
    loads: list[str] = field(default_factory=list)      # fetched while loading
    h1: int = 0
    title: str = ""
    lang: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    inline_styles_urls: list[str] = field(default_factory=list)
    # Every start tag with its attributes, in order (pages are minified: a test
    # reads attributes here, not by matching quoted text).
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)

    def find(self, tag: str, class_name: str | None = None) -> list[dict[str, str | None]]:
        """The attributes of each `tag` element (having `class_name`, if given)."""
        return [a for t, a in self.tags if t == tag
                and (class_name is None or class_name in (a.get("class") or "").split())]


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        page = self.page
        page.tags.append((tag, a))
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                page.ids.add(a[key])
        if tag == "html":
            page.lang = a.get("lang", "")
        if tag == "h1":
            page.h1 += 1
        if tag == "title":
            self.in_title = True
        if tag == "meta" and (a.get("name") or a.get("property")):
            page.meta[a.get("name") or a.get("property")] = a.get("content", "")
        if tag == "a" and a.get("href") is not None:
            page.links.append(a["href"])
        if tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            if rels & LOADING_RELS:
                page.loads.append(a["href"])
        for element, attribute in LOADS:
            if tag == element and a.get(attribute):
                page.loads.append(a[attribute])
        if a.get("srcset"):
            page.loads.extend(part.split()[0] for part in a["srcset"].split(",") if part.strip())

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data


def read_page(path: Path, url: str = "") -> Page:
    page = Page(path, url)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def parse_site(site: Path, base: str) -> dict[str, Page]:
    """Every HTML page of `site`, keyed by the URL it has when served at `base`."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        url = urljoin(base, relative[: -len("index.html")] if relative.endswith("index.html")
                      else relative)
        pages[url] = read_page(path, url)
    return pages


def resolve(site: Path, base: str, url: str) -> Path | None:
    """The file a same-site URL serves, or None when it serves nothing."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(urlsplit(base).path):
        return None
    local = site / path[len(urlsplit(base).path):]
    if path.endswith("/"):
        local = local / "index.html"
    return local if local.is_file() else None


def is_same_site(url: str, base: str) -> bool:
    parts, home = urlsplit(url), urlsplit(base)
    return (parts.scheme, parts.netloc) == (home.scheme, home.netloc)
