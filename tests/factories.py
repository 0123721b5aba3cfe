"""Small builders for test data."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from website.pages.models import Alert


def page_text(lang: str = "nl", slug: str = "test-pagina", body: str = "Een zin.", **fields) -> str:
    """Return a valid content file; keyword arguments replace front matter values."""
    values = {
        "title": "Testpagina",
        "summary": "Een pagina voor de test.",
        "language": lang,
        "translation_key": fields.pop("translation_key", slug),
        "slug": slug,
        "status": "published",
        "reviewed_on": "2026-11-01",
        "review_every": 6,
    }
    values.update(fields)
    lines = ["---"] + [f"{k}: {v}" for k, v in values.items() if v is not None]
    lines += ["sources:", "- title: Een bron", "  url: https://example.org/bron", "---", ""]
    return "\n".join(lines) + body + "\n"


def write_page(content_dir: Path, lang: str = "nl", slug: str = "test-pagina", **kw) -> Path:
    """Write a content file where its slug says it belongs and return its path."""
    path = content_dir / lang / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_text(lang, slug, **kw), encoding="utf-8")
    return path


def make_alert(severity="danger", starts=-1, ends=1, link=None, **texts) -> Alert:
    """Return an alert that started `starts` days ago... relative to now (days)."""
    now = datetime.now(UTC)
    return Alert(
        severity=severity,
        text_nl=texts.get("text_nl", "Let op: poeder verkocht als 3-MMC bevat iets anders."),
        text_en=texts.get("text_en", "Warning: powder sold as 3-MMC contains something else."),
        starts_at=now + timedelta(days=starts),
        ends_at=now + timedelta(days=ends),
        link=link,
    )
