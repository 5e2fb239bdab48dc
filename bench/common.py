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
    with psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username or "postgres",
                         password=u.password, dbname="postgres", autocommit=True) as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if cur.description else []


def manage(env, *args) -> str:
    return subprocess.run([PY, str(ROOT / "manage.py"), *args], env=env, check=True,
                          capture_output=True, text=True).stdout
