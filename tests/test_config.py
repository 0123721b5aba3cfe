"""Settings: safe defaults, the environment wins, a local secret key is made once."""

from website import config


def test_secret_key_is_generated_once_into_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = config.from_environment(tmp_path)["SECRET_KEY"]
    assert len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert config.from_environment(tmp_path)["SECRET_KEY"] == first


def test_environment_overrides_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://db.example/poes")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://poes.example/")
    settings = config.from_environment(tmp_path)
    assert settings["SECRET_KEY"] == "from-env"
    assert settings["DATABASE_URL"] == "postgresql+psycopg://db.example/poes"
    assert settings["PUBLIC_BASE_URL"] == "https://poes.example"
    assert not (tmp_path / "secret_key").exists()


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert config.from_environment(tmp_path)["DATABASE_URL"] == (
        f"sqlite:///{tmp_path / 'site.sqlite3'}"
    )


def test_instance_folder_is_the_repositorys_not_site_instance(monkeypatch):
    monkeypatch.delenv("INSTANCE_PATH", raising=False)
    assert config.default_instance_path() == config.REPO_ROOT / "instance"
