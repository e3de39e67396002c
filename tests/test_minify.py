"""Minified pages (sitedata/minify.py): fewer bytes, the same document.

The browser suite compares what every page shows, minified and not
(test_browser.py); these check the cases one by one.
"""
import re

import pytest

from sitedata.csp import inline_script_hashes
from sitedata.minify import minified
from sitedata.postbuild import finish_site


@pytest.mark.parametrize("html, expected", [
    # Spaces between words and inline elements show; the indentation does not.
    ("<p>Trotsky <em>and</em> <a href=\"x\">Stalin</a>, 1923</p>",
     "<p>Trotsky <em>and</em> <a href=x>Stalin</a>, 1923</p>"),
    ("<ul>\n  <li>\n    <a href=\"a\">A</a>\n  </li>\n</ul>", "<ul><li><a href=a>A</a></li></ul>"),
    ("<pre><code>  two\n    four\n</code></pre>", "<pre><code>  two\n    four\n</code></pre>"),
    ("<textarea>  kept\n as typed</textarea>", "<textarea>  kept\n as typed</textarea>"),
    # Kept on purpose: comments (licences) and closing tags.
    ("<svg><!-- Font Awesome licence --></svg>", "<svg><!-- Font Awesome licence --></svg>"),
    ("<p>one</p><p>two</p>", "<p>one</p><p>two</p>"),
    # Script and style code is not rewritten, only the whitespace around it.
    ("<script>\n  var a = 1;  // note\n</script>", "<script>var a = 1;  // note</script>"),
    ("<style>\n  a { color: red }\n</style>", "<style>a { color: red }</style>"),
])
def test_minified_keeps_what_shows(html, expected):
    assert minified(html) == expected


def test_a_page_shrinks_and_keeps_its_words():
    page = ("<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n"
            "    <title>Exile</title>\n  </head>\n  <body>\n    <article class=\"md-content__inner\">\n"
            "      <h1 id=\"exile\">Exile</h1>\n      <p>Deported in <time>1929</time>.</p>\n"
            "    </article>\n  </body>\n</html>\n")
    out = minified(page)
    assert len(out) < 0.8 * len(page)
    assert "<html lang=en><head>" in out and "</head>" in out and "</html>" in out
    words = lambda html: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).split()
    assert words(out) == words(page)


def test_finishing_the_site_hashes_the_scripts_as_minified(tmp_path):
    (tmp_path / "a.html").write_text('<meta charset="utf-8">\n<script>\n  one()\n</script>\n'
                                     '<p class="x">\n  text\n</p>\n')
    finish_site(tmp_path, None, policy=True, minify=True)
    html = (tmp_path / "a.html").read_text()
    assert "<script>one()</script>" in html and "<p class=x>text</p>" in html
    # The policy admits the script as the browser gets it, not as MkDocs wrote it.
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert set(re.findall(r"'sha256-[^']+'", policy)) == inline_script_hashes(html)
    assert inline_script_hashes(html) != inline_script_hashes("<script>\n  one()\n</script>")
