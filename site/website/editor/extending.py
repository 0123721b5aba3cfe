"""How other rooms add their screens to the editor area: menu items and dashboard sections."""

from collections.abc import Callable
from dataclasses import dataclass

from website.editor.access import current_account


@dataclass(frozen=True)
class MenuItem:
    """A link in the editor area's menu, shown to accounts with the role or higher."""

    label: object
    endpoint: str
    role: str


@dataclass(frozen=True)
class DashboardSection:
    """A block on the dashboard: the loader returns a list of (text, url or None)."""

    title: object
    loader: Callable[[], list[tuple[str, str | None]]]
    role: str


_menu: list[MenuItem] = []
_sections: list[DashboardSection] = []


def add_menu_item(label, endpoint: str, role: str) -> None:
    """Add a link to the editor menu; label may be a lazy string, endpoint a Flask endpoint."""
    item = MenuItem(label, endpoint, role)
    if all(existing.endpoint != endpoint for existing in _menu):
        _menu.append(item)


def add_dashboard_section(title, loader_function: Callable, role: str) -> None:
    """Add a dashboard block; loader_function() returns [(text, url or None), ...]."""
    section = DashboardSection(title, loader_function, role)
    if all(existing.loader is not loader_function for existing in _sections):
        _sections.append(section)


def menu_items() -> list[MenuItem]:
    """Return the menu items the current account may see."""
    account = current_account()
    return [item for item in _menu if account is not None and account.may(item.role)]


def dashboard_sections() -> list[DashboardSection]:
    """Return the dashboard sections the current account may see."""
    account = current_account()
    return [s for s in _sections if account is not None and account.may(s.role)]
