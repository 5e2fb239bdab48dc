"""Helpers shared by the benchmark scripts: the server's admin connection and manage.py runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def admin(sql: str) -> list:
    """Run SQL on the server's `postgres` database (creating and dropping scratch databases)."""
    import psycopg

    u = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/archive"))
    with psycopg.connect(
        host=u.hostname,
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if cur.description else []


def manage(env, *args) -> str:
    return subprocess.run(
        [PY, str(ROOT / "manage.py"), *args], env=env, check=True, capture_output=True, text=True
    ).stdout


def scratch_env(db: str, no_cache: bool = False) -> dict:
    """The environment of a production-like run against the scratch database `db`."""
    from urllib.parse import urlunparse

    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/archive")
    env = {
        **os.environ,
        "DATABASE_URL": urlunparse(urlparse(base)._replace(path=f"/{db}")),
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # for browser tests only, never a deployment
    if no_cache:
        env["CACHE_URL"] = "dummy://"
    return env


def gunicorn_command(port: int, workers: int, *extra: str) -> list[str]:
    """The archive on gunicorn at 127.0.0.1:port (several may run on one machine: no control socket)."""
    return [
        str(Path(PY).parent / "gunicorn"),
        "archive.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--no-control-socket",
        "--log-level",
        "warning",
        *extra,
    ]


def serve(env: dict, port: int, workers: int = 4) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:port, returned once it answers."""
    import time
    import urllib.request

    server = subprocess.Popen(gunicorn_command(port, workers), env=env, cwd=ROOT)
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    return server
