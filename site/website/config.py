"""Settings from environment variables, with defaults that are safe on a developer machine."""

import os
import secrets
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def default_instance_path() -> Path:
    """Return the instance folder: $INSTANCE_PATH, else instance/ at the repository root.

    Flask would pick site/instance/ because of the site/ source root, so we say it.
    """
    return Path(os.environ.get("INSTANCE_PATH", REPO_ROOT / "instance"))


def from_environment(instance_path: Path) -> dict:
    """Read the settings a deployment may set; anything unset keeps its safe default."""
    env = os.environ.get
    return {
        "DATABASE_URL": env("DATABASE_URL", f"sqlite:///{instance_path / 'site.sqlite3'}"),
        "SECRET_KEY": env("SECRET_KEY") or _local_secret_key(instance_path),
        "PUBLIC_BASE_URL": env("PUBLIC_BASE_URL", "http://127.0.0.1:5000").rstrip("/"),
        # A neutral site that looks like any other tab when someone looks over a shoulder.
        "QUICK_EXIT_URL": env("QUICK_EXIT_URL", "https://www.google.com/"),
        "CONTENT_DIR": Path(env("CONTENT_DIR", REPO_ROOT / "content")),
        "MIGRATIONS_DIR": Path(env("MIGRATIONS_DIR", REPO_ROOT / "migrations")),
        "PUBLIC_CACHE_SECONDS": int(env("PUBLIC_CACHE_SECONDS", "300")),
        "PAGE_CACHE_SECONDS": float(env("PAGE_CACHE_SECONDS", "5")),
        # How many proxies (nginx: 1) stand before the app and set X-Forwarded-For/-Proto.
        "TRUSTED_PROXIES": int(env("TRUSTED_PROXIES", "0")),
    }


def _local_secret_key(instance_path: Path) -> str:
    """Generate a key into instance/ once, so sessions survive restarts on this machine.

    Production sets SECRET_KEY in the environment, so that several app servers share it.
    """
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()
