"""``render.references``: what a page may keep, asked directly and read back exactly.

``confine_html`` and ``confine_css`` are given small pages and stylesheets, one kind of
markup or reference each, and their output is compared whole: the HTML a browser or
WeasyPrint would read, the ``not included:`` reasons, and the files embedded.
(tests/test_render_confinement.py drives the same gate through ``infoview packet``.)
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from PIL import Image

from infoview.render.references import confine_css, confine_html, link_allowed

SHOWN = (
    "a link to a file or another kind of address is shown as text "
    "(only http, https, mailto and tel links are kept)"
)
NEVER = "only files inside the workspace are used; packets never fetch URLs"
OUTSIDE = "outside the workspace; move the file into the workspace"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A workspace with an image, a font and stylesheets under ``styles/``."""
    ws = tmp_path / "ws"
    (ws / "styles" / "img").mkdir(parents=True)
    Image.new("RGB", (2, 2), "white").save(ws / "styles" / "img" / "dot.png")
    (ws / "styles" / "face.woff").write_bytes(b"wOFF")
    (ws / "styles" / "extra.css").write_text(".extra { color: green }")
    return ws


def data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page(markup: str, root: Path, *, embed: bool = False) -> tuple[str, list[str]]:
    confined = confine_html(markup, root=root, embed=embed, base=root / "styles")
    return confined.html, confined.refused


# -- links -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "http://example.com/",
        "https://example.com/a?b#c",
        "HTTPS://EXAMPLE.COM/",
        "  https://example.com/  ",
        "mailto:dana@example.com",
        "MAILTO:dana@example.com",
        "tel:+15035550142",
        "#notes",
        " #notes",
    ],
)
def test_web_mail_phone_and_anchor_links_are_kept(href: str) -> None:
    assert link_allowed(href)


@pytest.mark.parametrize(
    "href",
    [
        "notes.md",
        "../../secret.txt",
        "/etc/passwd",
        "file:///etc/passwd",
        "javascript:alert(1)",
        " java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,x",
        "ftp://example.com/",
        "//evil.example/x",
        "http:///etc/passwd",
        "HTTPS:///etc/passwd",
        "",
    ],
)
def test_other_links_are_refused(href: str) -> None:
    assert not link_allowed(href)


def test_a_refused_link_keeps_its_text_and_is_reported_once(root: Path) -> None:
    html, refused = page(
        '<p><a href="notes.md" title="n">my notes</a> and <a href="notes.md">again</a> '
        '<a href="https://example.com/" class="x">the firm</a></p>',
        root,
    )
    assert html == (
        '<p><a title="n">my notes</a> and <a>again</a> '
        '<a href="https://example.com/" class="x">the firm</a></p>'
    )
    assert refused == [f"notes.md: {SHOWN}"]


# -- elements, attributes, text ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><p>a</p>', "<!DOCTYPE html><p>a</p>"),
        ("<!doctype html><p>a</p>", "<!DOCTYPE html><p>a</p>"),
        ("<!ELEMENT x ANY><p>a</p>", "<p>a</p>"),  # a declaration that is not a doctype
        ("<svg><!DOCTYPE x></svg><p>a</p>", "<p>a</p>"),
        ("<!-- a comment --><?php echo 1 ?><![CDATA[raw]]><p>a</p>", "<p>a</p>"),
        # dropped elements go with their content, nested or not, closed or not
        ("<script>alert(1)</script><p>a</p>", "<p>a</p>"),
        ("<object><object>inner</object>outer</object><p>a</p>", "<p>a</p>"),
        ("<object><object/>inner</object><p>a</p>", "<p>a</p>"),
        ("<object><svg>inner</svg>still dropped</object><p>a</p>", "<p>a</p>"),
        ("<svg/><p>a</p>", "<p>a</p>"),
        ("<form><input name=q><button>go</button></form><p>a</p>", "<p>a</p>"),
        # unknown elements go, their text stays
        ("<foo>text</foo> <center>c</center>", "text c"),
        # void elements have no end tag, even when the markup writes one
        ("<p>a<br>b</br><hr/>c<img alt=x></img></p>", '<p>a<br>b<hr>c<img alt="x"></p>'),
        ("<P CLASS=Big>a</P>", '<p class="Big">a</p>'),
        # text is escaped as text, quotes left alone
        ("<p>a &lt; b &amp; \"c\" 'd' &gt;</p>", "<p>a &lt; b &amp; \"c\" 'd' &gt;</p>"),
        # text after the last tag is kept, even when it ends in what could start an entity
        ("<p>a</p>AT&T", "<p>a</p>AT&amp;T"),
    ],
)
def test_markup_is_rewritten_to_what_a_page_needs(root: Path, markup: str, expected: str) -> None:
    for embed in (False, True):
        assert page(markup, root, embed=embed) == (expected, [])


def test_attributes_are_kept_only_when_they_carry_no_reference(root: Path) -> None:
    html, refused = page(
        '<ol reversed start=2 onclick="x()" srcset="a.png 2x">'
        "<li title='say \"hi\"' aria-label=l data-x=y formaction=z lang=en>i</li></ol>",
        root,
    )
    assert html == (
        '<ol reversed="" start="2">'
        '<li title="say &quot;hi&quot;" aria-label="l" data-x="y" lang="en">i</li></ol>'
    )
    assert refused == []


def test_meta_keeps_its_name_and_charset_never_http_equiv(root: Path) -> None:
    html, _ = page(
        '<meta http-equiv="refresh" content="0;url=http://evil.example/">'
        '<meta content="orphan"><meta charset="utf-8"><meta name="author" content="Alex">',
        root,
    )
    assert html == '<meta charset="utf-8"><meta name="author" content="Alex">'


def test_link_and_base_are_dropped_and_reported(root: Path) -> None:
    html, refused = page(
        '<link rel=stylesheet href="x.css"><base href="http://evil.example/"><p>a</p>', root
    )
    assert html == "<p>a</p>"
    assert refused == [
        "<link>: not used; put styles in the stylesheet",
        "<base>: not used; put styles in the stylesheet",
    ]


def test_a_style_element_keeps_its_css_and_cannot_be_closed_early(root: Path) -> None:
    html, _ = page('<style>p::after { content: "</b>" }</style><p>a</p>', root)
    assert html == '<style>p::after { content: "<\\/b>" }</style><p>a</p>'


def test_a_stray_style_end_tag_is_only_an_end_tag(root: Path) -> None:
    for embed in (False, True):
        assert page("<p>a</p></style><p>b</p>", root, embed=embed) == (
            "<p>a</p></style><p>b</p>",
            [],
        )


def test_a_self_closed_style_element_cannot_swallow_the_page(root: Path) -> None:
    """``<style/>`` is an open ``<style>`` to a browser: all that follows would be CSS,
    its url()s never embedded. The gate closes it, so the rest is text."""
    markup = "<style/>.x { background: url(http://evil.example/a.png) }<p>a</p>"
    for embed in (False, True):
        html, _ = page(markup, root, embed=embed)
        assert html == "<style></style>.x { background: url(http://evil.example/a.png) }<p>a</p>"


# -- images (the PDF keeps src for the confined fetcher; --html embeds) -----------------------


def test_the_pdf_keeps_image_sources_for_the_fetcher(root: Path) -> None:
    markup = '<img src="img/dot.png" alt="dot"><p style="background: url(img/dot.png)">a</p>'
    assert page(markup, root) == (
        '<img src="img/dot.png" alt="dot"><p style="background: url(img/dot.png)">a</p>',
        [],
    )


def test_html_embeds_images_inside_the_workspace(root: Path) -> None:
    dot = root / "styles" / "img" / "dot.png"
    confined = confine_html(
        '<img src="img/dot.png" alt="dot"><img src="%69mg/dot.png">'
        f'<img src="{dot.as_uri()}"><img src="{dot}">',
        root=root,
        embed=True,
        base=root / "styles",
    )
    uri = data_uri(dot, "image/png")
    assert confined.html == f'<img src="{uri}" alt="dot">' + f'<img src="{uri}">' * 3
    assert confined.refused == []
    assert confined.used == {str(dot): digest(dot)}


def test_what_browsers_strip_from_a_reference_is_stripped_before_it_is_read(root: Path) -> None:
    dot = root / "styles" / "img" / "dot.png"
    html, refused = page('<img src=" img/&#9;dot.png\n">', root, embed=True)
    assert (html, refused) == (f'<img src="{data_uri(dot, "image/png")}">', [])


def test_html_drops_every_other_image_and_says_why(root: Path) -> None:
    html, refused = page(
        '<img src="http://evil.example/x.png" alt="a"><img src="//evil.example/y.png">'
        '<img src="extra.css"><img src="face.woff"><img src="" alt="e">'
        '<img src="/etc/x.png"><img src="../../x.png"><img src="missing.png">',
        root,
        embed=True,
    )
    assert html == '<img alt="a"><img><img><img><img alt="e"><img><img><img>'
    assert refused == [
        f"http://evil.example/x.png: {NEVER}",
        f"//evil.example/y.png: {NEVER}",
        "extra.css: not an image (.css)",
        "face.woff: not an image (.woff)",
        ": no file named",
        f"/etc/x.png: {OUTSIDE}",
        f"../../x.png: {OUTSIDE}",
        "missing.png: no such file",
    ]


def test_a_long_reference_is_shortened_in_the_message(root: Path) -> None:
    at_limit = "http://e.example/" + "a" * (200 - 17)
    over = at_limit + "a"
    _, refused = page(f'<img src="{at_limit}"><img src="{over}">', root, embed=True)
    assert refused == [f"{at_limit}: {NEVER}", f"{over[:60]}...: {NEVER}"]


def test_html_embeds_urls_in_a_style_attribute_and_element(root: Path) -> None:
    dot = root / "styles" / "img" / "dot.png"
    uri = data_uri(dot, "image/png")
    html, refused = page(
        '<style>.a { background: url("img/dot.png") }</style>'
        '<p style="background: url(http://evil.example/b.png), url(img/dot.png)">a</p>',
        root,
        embed=True,
    )
    assert html == (
        f"<style>.a {{ background: url({uri}) }}</style>"
        f'<p style="background: url(), url({uri})">a</p>'
    )
    assert refused == [f"http://evil.example/b.png: {NEVER}"]


# -- stylesheets for --html -----------------------------------------------------------------------


def sheet(css: str, root: Path) -> tuple[str, list[str]]:
    confined = confine_css(css, root=root, base=root / "styles")
    return confined.html, confined.refused


@pytest.mark.parametrize(
    "written",
    [
        ".b { background: url(img/dot.png) }",
        '.b { background: url("img/dot.png") }',
        ".b { background: src('img/dot.png') }",
        ".b { background: URL(img/dot.png) }",
    ],
)
def test_every_way_of_writing_a_url_is_embedded(root: Path, written: str) -> None:
    uri = data_uri(root / "styles" / "img" / "dot.png", "image/png")
    assert sheet(written, root) == (f".b {{ background: url({uri}) }}", [])


def test_urls_inside_functions_blocks_and_at_rules_are_embedded(root: Path) -> None:
    uri = data_uri(root / "styles" / "img" / "dot.png", "image/png")
    font = data_uri(root / "styles" / "face.woff", "font/woff")
    css, refused = sheet(
        ".a { background: image-set(url(img/dot.png) 1x, 'img/dot.png' 2x) }\n"
        '.b { background: -webkit-image-set("http://evil.example/c.png" 1x) }\n'
        ".c { x: [url(img/dot.png)] }\n"
        "@media print { .d { background: url(img/dot.png) } }\n"
        "@font-face { font-family: F; src: url(face.woff) }\n"
        '.e { content: "img/dot.png" }\n',
        root,
    )
    assert css.splitlines() == [
        f".a {{ background: image-set(url({uri}) 1x, url({uri}) 2x) }}",
        ".b { background: -webkit-image-set(url() 1x) }",
        f".c {{ x: [url({uri})] }}",
        f"@media print {{ .d {{ background: url({uri}) }} }}",
        f"@font-face {{ font-family: F; src: url({font}) }}",
        '.e { content: "img/dot.png" }',  # a string outside image-set() is only text
    ]
    assert refused == [f"http://evil.example/c.png: {NEVER}"]


def test_a_url_in_an_at_rules_prelude_is_confined_too(root: Path) -> None:
    assert sheet("@namespace url(http://evil.example/ns);", root) == (
        "@namespace url();",
        [f"http://evil.example/ns: {NEVER}"],
    )


def test_a_url_function_reads_its_first_string(root: Path) -> None:
    """``url("a" "b")``: the reference is the first string (what follows are modifiers)."""
    (root / "styles" / "img" / "other.png").write_bytes(
        (root / "styles" / "img" / "dot.png").read_bytes() + b"\0"
    )
    dot = root / "styles" / "img" / "dot.png"
    confined = confine_css(
        '.a { b: url("img/dot.png" "img/other.png") }', root=root, base=root / "styles"
    )
    assert confined.html == f".a {{ b: url({data_uri(dot, 'image/png')}) }}"
    assert confined.used == {str(dot): digest(dot)}


def test_empty_and_remote_urls_are_emptied_and_reported(root: Path) -> None:
    css, refused = sheet(
        ".a { b: url() } .c { d: url('') } .e { f: url(//evil.example/x.png) }"
        " .g { h: url(http:x.png) } .i { j: url(/etc/x.png) } .k { l: src(var(--x)) }",
        root,
    )
    assert css == (
        ".a { b: url() } .c { d: url() } .e { f: url() } .g { h: url() } .i { j: url() }"
        " .k { l: url() }"
    )
    assert refused == [
        ": no file named",
        f"//evil.example/x.png: {NEVER}",
        f"http:x.png: {NEVER}",
        f"/etc/x.png: {OUTSIDE}",
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('@import "extra.css";', ".extra { color: green }\n"),
        ("@import url(extra.css);", ".extra { color: green }\n"),
        ('@import url("extra.css") print;', "@media print {\n.extra { color: green }\n}\n"),
        (
            "@import 'extra.css' screen and (color);",
            "@media screen and (color) {\n.extra { color: green }\n}\n",
        ),
        ("@import url(extra.css)print;", "@media print {\n.extra { color: green }\n}\n"),
        ("@import;", ""),
        ("@IMPORT 'extra.css';", ".extra { color: green }\n"),
    ],
)
def test_a_local_import_is_inlined_with_its_media(root: Path, written: str, expected: str) -> None:
    confined = confine_css(written + "\n.z {}", root=root, base=root / "styles")
    assert confined.html == expected + "\n.z {}"
    assert confined.refused == []
    extra = root / "styles" / "extra.css"
    assert confined.used == ({str(extra): digest(extra)} if expected else {})


def test_imports_that_cannot_be_used_are_dropped_and_reported(root: Path) -> None:
    css, refused = sheet(
        '@import "img/dot.png"; @import "http://evil.example/e.css"; @import "../../o.css";'
        ' @import "gone.css"; .z {}',
        root,
    )
    assert css == "    .z {}"
    assert refused == [
        "img/dot.png: not a stylesheet",
        f"http://evil.example/e.css: {NEVER}",
        f"../../o.css: {OUTSIDE}",
        "gone.css: cannot read: No such file or directory (ENOENT)",
    ]


def test_imports_nest_four_deep_and_no_deeper(root: Path) -> None:
    for n in range(1, 6):
        (root / "styles" / f"s{n}.css").write_text(f'@import "s{n + 1}.css";\n.s{n} {{}}')
    (root / "styles" / "s6.css").write_text(".s6 {}")
    confined = confine_css('@import "s1.css";', root=root, base=root / "styles")
    assert confined.html.split() == [".s4", "{}", ".s3", "{}", ".s2", "{}", ".s1", "{}"]
    assert confined.refused == ["s5.css: imports nested more than 4 deep"]
    assert sorted(confined.used) == [str(root / "styles" / f"s{n}.css") for n in range(1, 5)]


def test_an_import_resolves_against_the_importing_sheet(root: Path) -> None:
    (root / "styles" / "img" / "inner.css").write_text(".i { background: url(dot.png) }")
    uri = data_uri(root / "styles" / "img" / "dot.png", "image/png")
    css, refused = sheet('@import "img/inner.css";', root)
    assert (css, refused) == (f".i {{ background: url({uri}) }}\n", [])
