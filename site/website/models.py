"""Import every room's models, so the metadata knows all tables (for Alembic and tests)."""


def load_all() -> None:
    """Import the model modules of every room."""
    import flyers.models  # noqa: F401
    import sociale_kaart.models  # noqa: F401
    import sociale_kaart.place_models  # noqa: F401
    import website.editor.models  # noqa: F401
    import website.pages.combination_models  # noqa: F401
    import website.pages.models  # noqa: F401
