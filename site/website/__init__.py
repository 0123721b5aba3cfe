"""The 3-MMC harm-reduction site: `flask --app website run`."""

from flask import Flask

import flyers
import sociale_kaart
from website import config, db, editor, i18n, layout, limits, page_cache, pages, privacy, security


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then environment, then the test mapping, then the rooms."""
    instance_path = config.default_instance_path()
    app = Flask(__name__, instance_path=str(instance_path))
    app.config.from_mapping(config.from_environment(instance_path))
    if test_config:
        app.config.update(test_config)

    page_cache.init_app(app)
    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    privacy.init_app(app)
    limits.init_app(app)
    layout.init_app(app)
    pages.init_app(app)
    editor.init_app(app)
    sociale_kaart.init_app(app)
    flyers.init_app(app)
    return app
