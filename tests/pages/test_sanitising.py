"""Hostile Markdown never reaches a visitor as markup that runs."""

import pytest

from tests.factories import write_page
from website import db
from website.pages.importer import import_content
from website.pages.markdown_pipeline import render

HOSTILE = {
    "script tag": "<script>alert('x')</script>",
    "event handler": '<img src="x" onerror="alert(1)">',
    "javascript link": "[klik](javascript:alert(1))",
    "javascript link, encoded": "[klik](jav&#x61;script:alert(1))",
    "data link": "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "svg": '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    "raw html with style": '<div style="position:fixed" onclick="x()">tekst</div>',
    "form": '<form action="https://evil.example"><input name="p"></form>',
    "object": '<object data="evil.swf"></object><embed src="evil.swf">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "autolink javascript": "<javascript:alert(1)>",
}
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "javascript:",
    "data:text",
    "<iframe",
    "<svg",
    "style=",
    "<form",
    "<input",
    "<object",
    "<embed",
    "<meta",
]


@pytest.mark.parametrize("markdown", HOSTILE.values(), ids=HOSTILE.keys())
def test_render_strips_hostile_markup(markdown):
    html = render(f"Voor.\n\n{markdown}\n\nNa.").lower()
    for needle in FORBIDDEN:
        assert needle not in html
    assert "voor." in html and "na." in html


def test_safe_markup_survives():
    html = render(
        "## Kop\n\n**vet** [hulp](/nl/hulp) [bel](tel:112)\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Kop</h2>" in html and "<strong>vet</strong>" in html
    assert 'href="/nl/hulp"' in html and 'href="tel:112"' in html and "<table>" in html


def test_hostile_page_is_served_sanitised(app, client):
    write_page(app.config["CONTENT_DIR"], slug="vijandig", body="\n\n".join(HOSTILE.values()))
    with app.app_context():
        import_content(db.session(), app.config["CONTENT_DIR"])
    html = client.get("/nl/vijandig").get_data(as_text=True).lower()
    # The article only: the page's own feedback form below it is ours, not the content's.
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    for needle in FORBIDDEN:
        assert needle not in article
