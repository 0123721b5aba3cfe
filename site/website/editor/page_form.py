"""Between the page form and the content room's PageData: fill, read, preview, hints."""

from flask import current_app
from flask_babel import gettext as _

from website import db
from website.editor.forms import PageForm
from website.editor.writing_hints import WritingHints, writing_hints
from website.pages import markdown_pipeline
from website.pages.content_files import ContentError, PageData, validate
from website.pages.editing import published_paths


def fill_form(form: PageForm, data: PageData, version: int) -> None:
    """Put a page's front matter and body into the form."""
    form.version.data = str(version)
    form.language.data = data.language
    form.title.data, form.summary.data = data.title, data.summary
    form.slug.data, form.translation_key.data = data.slug, data.translation_key
    form.substance.data, form.topic.data = data.substance or "", data.topic or ""
    form.reviewed_on.data, form.review_every.data = data.reviewed_on, data.review_every
    form.sources.data = "\n".join(
        f"{s['title']} | {s['url']}" if s.get("url") else s["title"] for s in data.sources
    )
    form.needs_check.data = "\n".join(data.needs_check)
    form.body.data = data.body


def parse_sources(text: str) -> list[dict]:
    """Read 'title | address' lines into source items."""
    sources = []
    for line in (text or "").splitlines():
        title, _sep, url = (part.strip() for part in line.partition("|"))
        if title:
            sources.append({"title": title, "url": url} if url else {"title": title})
    return sources


def read_form(form: PageForm, language: str, status: str) -> PageData:
    """Turn the form into validated PageData, or raise ContentError with a message to show."""
    if form.reviewed_on.data is None:
        raise ContentError(_("Fill in the date the facts were last checked."))
    if not parse_sources(form.sources.data):
        raise ContentError(_("Name at least one source."))
    meta = {
        "title": (form.title.data or "").strip(),
        "summary": (form.summary.data or "").strip(),
        "language": language,
        "translation_key": (form.translation_key.data or "").strip(),
        "slug": (form.slug.data or "").strip().strip("/"),
        "substance": (form.substance.data or "").strip() or None,
        "topic": form.topic.data or None,
        "status": status,
        "reviewed_on": form.reviewed_on.data,
        "review_every": form.review_every.data,
        "sources": parse_sources(form.sources.data),
        "needs_check": [n.strip() for n in (form.needs_check.data or "").splitlines() if n.strip()],
    }
    body = (form.body.data or "").replace("\r\n", "\n").strip() + "\n"
    return validate(meta, body)


def known_routes() -> tuple[set[str], set[str]]:
    """Return the site's fixed public paths, and the prefixes of its routes with parameters."""
    fixed, prefixes = set(), set()
    for rule in current_app.url_map.iter_rules():
        path = rule.rule
        if not path.startswith(("/nl", "/en", "/<any(nl,en):lang>")):
            continue
        for lang in ("nl", "en"):
            concrete = path.replace("<any(nl,en):lang>", lang)
            if "<" not in concrete:
                fixed.add(concrete)
            elif not concrete.startswith(f"/{lang}/<"):
                prefixes.add(concrete.split("<", 1)[0].rstrip("/"))
    return fixed, prefixes


def hints_for(form: PageForm, language: str, html: str) -> WritingHints:
    """Return the writing hints for what is in the form now."""
    routes, prefixes = known_routes()
    return writing_hints(
        markdown_pipeline.plain_text(html),
        form.body.data or "",
        language,
        has_sources=bool(parse_sources(form.sources.data)),
        has_review_date=form.reviewed_on.data is not None,
        published=published_paths(db.session()),
        routes=routes,
        route_prefixes=prefixes,
    )
