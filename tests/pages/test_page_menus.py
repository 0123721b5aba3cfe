"""The links the home page and a substance page's topic menu build from the published pages."""

from tests.factories import write_page
from website import db
from website.pages.importer import import_content
from website.pages.queries import page_entries

# (language, slug, title, topic, translation key) of a test substance's pages.
SUBSTANCE_PAGES = [
    ("nl", "testmiddel", "Testmiddel", "overview", "testmiddel"),
    ("nl", "testmiddel/risicos", "Risico van testmiddel", "risks", "testmiddel-risks"),
    ("nl", "testmiddel/wat-is-het", "Wat is testmiddel", "what-is", "testmiddel-what"),
    ("en", "testmiddel/risks", "Risks of the test drug", "risks", "testmiddel-risks"),
]


def add_substance_pages(app, content_dir, drafts: tuple = ()) -> None:
    """Write the test substance's pages, and drafts given in the same form, then import."""
    pages = [(*row, "published") for row in SUBSTANCE_PAGES] + [(*row, "draft") for row in drafts]
    for lang, slug, title, topic, key, status in pages:
        write_page(
            content_dir,
            lang,
            slug,
            title=title,
            substance="testmiddel",
            topic=topic,
            translation_key=key,
            status=status,
        )
    with app.app_context():
        assert import_content(db.session(), content_dir).ok


def test_topic_menu_lists_the_substance_pages_in_topic_order(app, client, content_dir):
    add_substance_pages(app, content_dir)
    html = client.get("/nl/testmiddel/risicos").get_data(as_text=True)
    menu = html.split('class="topic-menu"', 1)[1].split("</nav>", 1)[0]
    assert menu.index("Testmiddel") < menu.index("Wat is testmiddel") < menu.index("Risico van")
    assert '<span aria-current="page">Risico van testmiddel</span>' in menu
    assert 'href="/nl/testmiddel/wat-is-het"' in menu
    assert "Risks of the test drug" not in menu and "3-MMC" not in menu


def test_home_lists_each_substance_overview(app, client, content_dir):
    add_substance_pages(app, content_dir)
    html = client.get("/nl/").get_data(as_text=True)
    assert '<a href="/nl/testmiddel">Testmiddel</a>' in html
    assert "Risks of the test drug" not in html


def test_page_entries_leave_out_unpublished_pages(app, content_dir):
    add_substance_pages(app, content_dir, drafts=[("nl", "testmiddel/seks", "Concept", "sex", "s")])
    with app.app_context():
        entries = page_entries(db.session(), "nl", "testmiddel")
    assert [e.title for e in entries] == [
        "Testmiddel",
        "Risico van testmiddel",
        "Wat is testmiddel",
    ]
    assert {e.path for e in entries} == {
        "/nl/testmiddel",
        "/nl/testmiddel/risicos",
        "/nl/testmiddel/wat-is-het",
    }
