"""Tests of the project infrastructure: compose file and settings helpers."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from archive import settings as project_settings
from archive.settings import (
    DEFAULT_DATABASE_URL,
    allowed_hosts,
    database_config,
    env_bool,
    env_list,
)
from tests.helpers import ROOT


def test_docker_compose_file_is_valid():
    compose = shutil.which("docker-compose")
    if compose is None:
        pytest.skip("docker-compose is not installed (Debian: apt-get install docker-compose)")
    result = subprocess.run(
        [compose, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_docker_compose_profiles_give_the_replica_and_shared_cache_topology():
    """Optional services: a streaming replica (pg_basebackup -R from db), Redis and a second web
    server, off by default; with the documented variables both web servers read the replica and
    share the cache."""
    import os

    import yaml

    compose = shutil.which("docker-compose")
    if compose is None:
        pytest.skip("docker-compose is not installed (Debian: apt-get install docker-compose)")
    env = {
        **os.environ,
        "DATABASE_REPLICA_URLS": "postgres://archive:archive@replica:5432/archive",
        "CACHE_URL": "redis://redis:6379/0",
    }

    def config(*args: str) -> str:  # Debian's docker-compose 1.x lists every service whatever the profiles
        result = subprocess.run(
            [compose, "-f", str(ROOT / "docker-compose.yml"), *args, "config"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    services = yaml.safe_load(config("--profile", "replica", "--profile", "redis", "--profile", "scale"))[
        "services"
    ]
    assert set(services) == {"db", "web", "web2", "replica", "redis", "ingest"}
    profiles = {name: service.get("profiles") for name, service in services.items()}
    assert profiles == {  # a plain `up` starts db and web only
        "db": None,
        "web": None,
        "ingest": None,
        "web2": ["scale"],
        "replica": ["replica"],
        "redis": ["redis"],
    }
    replica = " ".join(services["replica"]["command"])
    assert "pg_basebackup -h db" in replica and " -R " in replica and "hot_standby=on" in replica
    assert any("replication.sh" in str(v) for v in services["db"]["volumes"])
    assert (ROOT / "scripts" / "compose-replication.sh").exists()
    for web in ("web", "web2"):
        assert services[web]["environment"]["DATABASE_REPLICA_URLS"] == env["DATABASE_REPLICA_URLS"]
        assert services[web]["environment"]["CACHE_URL"] == "redis://redis:6379/0"
    assert services["ingest"]["environment"]["CACHE_URL"] == "redis://redis:6379/0"


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "Yes", "on", " on "])
def test_env_bool_truthy(value):
    assert env_bool("DEBUG", environ={"DEBUG": value}) is True


@pytest.mark.parametrize("value", ["0", "false", "no", "off", "nonsense"])
def test_env_bool_falsy(value):
    assert env_bool("DEBUG", default=True, environ={"DEBUG": value}) is False


def test_env_bool_default_when_unset_or_blank():
    assert env_bool("DEBUG", environ={}) is False
    assert env_bool("DEBUG", default=True, environ={}) is True
    assert env_bool("DEBUG", default=True, environ={"DEBUG": "  "}) is True


def test_env_list():
    env = {"HOSTS": " a.example , b.example,,[::1] "}
    assert env_list("HOSTS", environ=env) == ["a.example", "b.example", "[::1]"]
    assert env_list("MISSING", "x,y", environ={}) == ["x", "y"]
    assert env_list("EMPTY", "x", environ={"EMPTY": ""}) == []


def test_allowed_hosts_default_and_testserver():
    assert allowed_hosts({}) == ["127.0.0.1", "localhost", "[::1]", "testserver"]
    assert allowed_hosts({"ALLOWED_HOSTS": "archive.example"}) == [
        "archive.example",
        "testserver",
    ]
    assert allowed_hosts({"ALLOWED_HOSTS": "testserver"}) == ["testserver"]


def test_database_config_from_url():
    cfg = database_config({"DATABASE_URL": "postgres://u:p@db.example:6543/arch"})
    assert cfg["ENGINE"] == "django.db.backends.postgresql"
    assert (cfg["NAME"], cfg["USER"], cfg["PASSWORD"]) == ("arch", "u", "p")
    assert (cfg["HOST"], int(cfg["PORT"])) == ("db.example", 6543)
    assert cfg["CONN_MAX_AGE"] == 60
    assert cfg["CONN_HEALTH_CHECKS"] is True


def test_database_config_default():
    assert DEFAULT_DATABASE_URL == "postgres://postgres@127.0.0.1:5432/archive"
    cfg = database_config({})
    assert (cfg["NAME"], cfg["HOST"], int(cfg["PORT"])) == ("archive", "127.0.0.1", 5432)


def test_loaded_settings_are_safe():
    assert project_settings.DEBUG is env_bool("DEBUG")
    assert "testserver" in project_settings.ALLOWED_HOSTS
    assert project_settings.X_FRAME_OPTIONS == "DENY"
    assert "django.contrib.admin" not in project_settings.INSTALLED_APPS
    assert "django.contrib.sessions" not in project_settings.INSTALLED_APPS


def test_collectstatic_with_the_production_storage_hashes_every_asset(tmp_path):
    """Production serves hashed, compressed names through whitenoise's manifest storage."""
    import json

    from django.core.management import call_command
    from django.test import override_settings

    from archive import settings as production

    with override_settings(STORAGES=production.STORAGES, STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for asset in ("css/archive.css", "js/archive.js"):
        hashed = manifest[asset]
        assert hashed != asset and (tmp_path / hashed).exists() and (tmp_path / (hashed + ".gz")).exists()


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """Every change to the models has its migration (help texts included): a fresh clone's
    database is the one the models describe."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:
        assert not exc.code, f"models changed without a migration:\n{out.getvalue()}"
