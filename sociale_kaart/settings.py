"""The sociale kaart's settings, from environment variables, with safe defaults."""

import os

from flask import Flask

PUBLIC_NOMINATIM = "https://nominatim.openstreetmap.org"
# An example for MAP_TILE_URL; OpenStreetMap's tile policy asks busy sites to use their own.
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'


def init_settings(app: Flask) -> None:
    """Set each GEOCODER_* and MAP_* setting the app was not given, from the environment."""
    env = os.environ.get
    defaults = {
        # "" turns the geocoder off: only the gazetteer and offline postcodes answer.
        "GEOCODER_URL": env("GEOCODER_URL", PUBLIC_NOMINATIM).rstrip("/"),
        "GEOCODER_USER_AGENT": env(
            "GEOCODER_USER_AGENT", f"poes-info sociale kaart ({app.config['PUBLIC_BASE_URL']})"
        ),
        "GEOCODER_TIMEOUT": float(env("GEOCODER_TIMEOUT", "5")),
        "GEOCODER_MIN_INTERVAL": float(env("GEOCODER_MIN_INTERVAL", "1.0")),
        # "" (the default) shows the list alone, without a map button.
        "MAP_TILE_URL": env("MAP_TILE_URL", ""),
        "MAP_TILE_ATTRIBUTION": env("MAP_TILE_ATTRIBUTION", ""),
    }
    for name, value in defaults.items():
        app.config.setdefault(name, value)
