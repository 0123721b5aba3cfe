"""Public pages: home, content pages, search, sitemap and robots.txt."""

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from website import db
from website.i18n import LANGUAGES, OTHER, preferred_language
from website.pages.content_files import TOPICS
from website.pages.feedback import FEEDBACK_KINDS, FEEDBACK_MAX_LENGTH
from website.pages.models import Page
from website.pages.queries import (
    page_entries,
    published,
    published_pages,
    search,
    translation_of,
)
from website.pages.revisions import ENTRY_TOPICS

bp = Blueprint("pages", __name__)
LANG = "<any(nl,en):lang>"
# The query flag that shows the thank-you after a page feedback note, like the kaart's.
FEEDBACK_DONE_FLAG = {"nl": "gemeld", "en": "reported"}


@bp.get("/")
def root():
    """Send the visitor to their language; caches must keep the two apart."""
    response = redirect(url_for("pages.home", lang=preferred_language()))
    response.headers["Vary"] = "Accept-Language"
    return response


@bp.get(f"/{LANG}/")
def home(lang: str):
    """The home page: the questions people come with, and the substances."""
    entries = page_entries(db.session(), lang)
    topics = {(e.substance, e.topic): e.path for e in entries if e.substance}
    # Each substance is listed by its overview page, or else its "what is it" page.
    firsts = sorted(
        (e for e in entries if e.topic in ENTRY_TOPICS), key=lambda e: ENTRY_TOPICS.index(e.topic)
    )
    substances = list({e.substance: e for e in reversed(firsts)}.values())
    return render_template(
        "pages/home.html",
        topics=topics,
        substances=substances,
        translation_url=url_for("pages.home", lang=OTHER[lang]),
    )


def search_view(lang: str):
    """Search the published pages of one language."""
    query = request.args.get("q", "")[:200].strip()
    hits = search(db.session(), lang, query) if query else []
    return render_template(
        "pages/search.html",
        query=query,
        hits=hits,
        translation_url=url_for(f"pages.search_{OTHER[lang]}", q=query or None),
    )


bp.add_url_rule("/nl/zoeken", "search_nl", search_view, defaults={"lang": "nl"})
bp.add_url_rule("/en/search", "search_en", search_view, defaults={"lang": "en"})


@bp.get(f"/{LANG}/<path:slug>")
def page(lang: str, slug: str):
    """A content page, served from the HTML stored with its published revision."""
    found = published(db.session(), lang, slug.strip("/"))
    if found is None:
        abort(404)
    return page_response(lang, *found)


def page_response(lang: str, page: Page, revision, problem=None, kind="", message="", status=200):
    """Render a content page (also after its feedback form with a problem, or with thanks)."""
    translation = translation_of(db.session(), page, OTHER[lang])
    thanked = status == 200 and request.args.get(FEEDBACK_DONE_FLAG[lang]) == "1"
    response = make_response(
        render_template(
            "pages/page.html",
            page=page,
            revision=revision,
            topic_menu=_topic_menu(lang, page),
            translation_url=translation.path
            if translation
            else url_for("pages.home", lang=OTHER[lang]),
            feedback_kinds=FEEDBACK_KINDS,
            feedback_max=FEEDBACK_MAX_LENGTH,
            feedback_thanked=thanked,
            feedback_problem=problem,
            feedback_kind=kind,
            feedback_message=message,
        ),
        status,
    )
    if thanked:
        # The thank-you is for the one visitor who sent a note: no cache keeps it.
        response.headers["Cache-Control"] = "no-store"
    return response


def _topic_menu(lang: str, page: Page) -> list[tuple[str, str, bool]]:
    """Return (title, path, is_current) for the pages of the page's substance, in topic order."""
    if not page.substance:
        return []
    siblings = page_entries(db.session(), lang, page.substance)
    siblings.sort(key=lambda e: TOPICS.index(e.topic) if e.topic in TOPICS else 99)
    return [(e.title, e.path, e.id == page.id) for e in siblings]


@bp.get("/sitemap.xml")
def sitemap():
    """List every published page and each language's home and search, with alternates."""
    base = current_app.config["PUBLIC_BASE_URL"]
    pages = published_pages(db.session())
    by_key = {}
    for p, _ in pages:
        by_key.setdefault(p.translation_key, {})[p.language] = p.path
    entries = [{lang: f"/{lang}/" for lang in LANGUAGES}]
    entries += list(by_key.values())
    xml = render_template("pages/sitemap.xml", base=base, entries=entries)
    return Response(xml, mimetype="application/xml")


@bp.get("/robots.txt")
def robots():
    """Let search engines in, except the editor area, the API and the flyer redirects."""
    base = current_app.config["PUBLIC_BASE_URL"]
    body = (
        "User-agent: *\nDisallow: /beheer/\nDisallow: /api/\nDisallow: /q/\n"
        f"Sitemap: {base}/sitemap.xml\n"
    )
    return Response(body, mimetype="text/plain")
