"""The links the home page and a substance page's topic menu build from the published pages."""

from tests.factories import write_page
from website import db
from website.pages.importer import import_content
from website.pages.queries import page_entries


def add_substance_pages(app, content_dir) -> None:
    """Add a test substance with three Dutch pages and one English page, then import."""
    write_page(
        content_dir,
        "nl",
        "testmiddel",
        title="Testmiddel",
        substance="testmiddel",
        topic="overview",
        translation_key="testmiddel",
    )
    write_page(
        content_dir,
        "nl",
        "testmiddel/risicos",
        title="Risico van testmiddel",
        substance="testmiddel",
        topic="risks",
        translation_key="testmiddel-risks",
    )
    write_page(
        content_dir,
        "nl",
        "testmiddel/wat-is-het",
        title="Wat is testmiddel",
        substance="testmiddel",
        topic="what-is",
        translation_key="testmiddel-what",
    )
    write_page(
        content_dir,
        "en",
        "testmiddel/risks",
        title="Risks of the test drug",
        substance="testmiddel",
        topic="risks",
        translation_key="testmiddel-risks",
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
    add_substance_pages(app, content_dir)
    write_page(
        content_dir,
        "nl",
        "testmiddel/seks",
        title="Concept",
        substance="testmiddel",
        topic="sex",
        status="draft",
    )
    with app.app_context():
        assert import_content(db.session(), content_dir).ok
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
