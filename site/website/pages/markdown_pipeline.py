"""Markdown to safe HTML, done once when a revision is saved (never per request)."""

import html as html_module
import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
# tel: and mailto: so a help line is one tap away; no javascript:, data: or vbscript:.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render(body_markdown: str) -> str:
    """Render page Markdown to HTML and keep only the allowlisted tags, attributes and links."""
    raw = markdown.markdown(body_markdown, extensions=["tables", "sane_lists"])
    # A level-one heading belongs to the layout (the page title); demote any in the body.
    raw = re.sub(r"<(/?)h1>", r"<\1h2>", raw)
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def plain_text(html: str) -> str:
    """Return the words of rendered HTML, for the search index."""
    text = html_module.unescape(nh3.clean(html, tags=set()))
    return re.sub(r"\s+", " ", text).strip()
