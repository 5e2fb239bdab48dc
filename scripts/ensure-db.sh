#!/usr/bin/env bash
# Make sure a PostgreSQL database for the archive exists and print its
# DATABASE_URL on stdout. All diagnostics go to stderr.
#
#   scripts/ensure-db.sh          ensure a database, print DATABASE_URL
#   scripts/ensure-db.sh stop     stop the private cluster in .pgdata/ (if running)
#
# Selection order:
#   1. $DATABASE_URL, if set, is used as is.
#   2. A server on 127.0.0.1:5432 -> postgres://postgres@127.0.0.1:5432/archive
#      (database "archive" is created if missing).
#      Set ARCHIVE_SKIP_LOCAL_PG=1 to ignore that server (used to test step 3).
#   3. A private cluster in <project>/.pgdata (trust auth, 127.0.0.1:55432 and a
#      unix socket in .pgdata/run), started with the PostgreSQL server binaries
#      found on PATH or in /usr/lib/postgresql/*/bin. As root, initdb/postgres
#      run as the "postgres" OS user.
#      -> postgres://postgres@127.0.0.1:55432/archive
#
# Environment: PYTHON (python with psycopg, used when psql is absent;
# default .venv/bin/python), ARCHIVE_PG_PORT (private cluster port, default 55432).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB_NAME="archive"
PGDATA_DIR="$ROOT/.pgdata"
DATA="$PGDATA_DIR/data"
RUN="$PGDATA_DIR/run"
# Unix socket paths are limited to ~107 bytes; use /tmp for very deep checkouts.
if [ "${#RUN}" -gt 90 ]; then
    RUN="/tmp/archive-pg-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
fi
LOG="$PGDATA_DIR/log"
PRIVATE_PORT="${ARCHIVE_PG_PORT:-55432}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"

log() { echo "ensure-db: $*" >&2; }
die() { echo "ensure-db: error: $*" >&2; exit 1; }

# --- helpers -----------------------------------------------------------------

# server_up HOST PORT: is something accepting PostgreSQL connections there?
server_up() {
    local host="$1" port="$2"
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$host" -p "$port" -t 3 >/dev/null 2>&1
    else
        timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port" >/dev/null 2>&1
    fi
}

# ensure_database PORT: create database $DB_NAME on 127.0.0.1:PORT if missing.
ensure_database() {
    local port="$1"
    if command -v psql >/dev/null 2>&1; then
        local exists
        exists="$(psql -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" \
            || die "cannot connect as postgres to 127.0.0.1:$port (psql failed)"
        if [ "$exists" != "1" ]; then
            log "creating database $DB_NAME on 127.0.0.1:$port"
            psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
                -c "CREATE DATABASE \"$DB_NAME\"" >&2 \
                || die "could not create database $DB_NAME"
        fi
    elif [ -x "$PYTHON" ] && "$PYTHON" -c 'import psycopg' >/dev/null 2>&1; then
        "$PYTHON" - "$port" "$DB_NAME" >&2 <<'PY' || die "could not create database $DB_NAME (psycopg)"
import sys
import psycopg
from psycopg import sql

port, name = sys.argv[1], sys.argv[2]
with psycopg.connect(host="127.0.0.1", port=port, user="postgres",
                     dbname="postgres", autocommit=True) as conn:
    if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
        print(f"ensure-db: creating database {name} on 127.0.0.1:{port}", file=sys.stderr)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
PY
    else
        die "neither psql nor $PYTHON with psycopg is available to create database $DB_NAME (run 'make venv' first)"
    fi
}

# find_pg_bin: directory holding initdb + pg_ctl (PATH first, then newest /usr/lib/postgresql/*/bin)
find_pg_bin() {
    local initdb
    if initdb="$(command -v initdb 2>/dev/null)"; then
        initdb="$(readlink -f "$initdb")"
        local dir; dir="$(dirname "$initdb")"
        if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    fi
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

# as_pg CMD...: run a server command, as the postgres OS user when we are root.
as_pg() {
    if [ "$(id -u)" = "0" ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

stop_private() {
    if [ ! -f "$DATA/postmaster.pid" ]; then
        log "no private cluster running in $DATA"
        return 0
    fi
    local bin
    bin="$(find_pg_bin)" || die "pg_ctl not found; cannot stop the cluster in $DATA"
    log "stopping private cluster in $DATA"
    as_pg "$bin/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
}

start_private() {
    local bin
    bin="$(find_pg_bin)" || die "no PostgreSQL server on 127.0.0.1:5432 and no initdb/pg_ctl found: install PostgreSQL server binaries (Debian: apt-get install postgresql) or set DATABASE_URL"

    local root_mode=0
    if [ "$(id -u)" = "0" ]; then
        root_mode=1
        id -u postgres >/dev/null 2>&1 \
            || die "running as root but there is no 'postgres' OS user to run the server as (create one, run as a normal user, or set DATABASE_URL)"
    fi

    mkdir -p "$PGDATA_DIR" "$RUN"
    if [ "$root_mode" = 1 ]; then chown -R postgres "$PGDATA_DIR" "$RUN"; fi

    if [ ! -f "$DATA/PG_VERSION" ]; then
        log "initialising private cluster in $DATA ($bin/initdb)"
        as_pg "$bin/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-instructions >&2 \
            || die "initdb failed (as root the postgres user must be able to reach $PGDATA_DIR)"
    fi

    if server_up 127.0.0.1 "$PRIVATE_PORT"; then
        log "private cluster already running on 127.0.0.1:$PRIVATE_PORT"
    else
        # A stale pid file from a killed server makes pg_ctl refuse to start.
        if [ -f "$DATA/postmaster.pid" ] && ! as_pg "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
            rm -f "$DATA/postmaster.pid"
        fi
        log "starting private cluster on 127.0.0.1:$PRIVATE_PORT (log: $LOG)"
        as_pg "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PRIVATE_PORT -k $RUN" start >&2 \
            || { tail -n 20 "$LOG" >&2 2>/dev/null || true; die "could not start the private cluster"; }
    fi
    ensure_database "$PRIVATE_PORT"
    echo "postgres://postgres@127.0.0.1:$PRIVATE_PORT/$DB_NAME"
}

# --- main ----------------------------------------------------------------------

case "${1:-}" in
    stop) stop_private; exit 0 ;;
    "") ;;
    *) die "usage: $0 [stop]" ;;
esac

if [ -n "${DATABASE_URL:-}" ]; then
    log "using DATABASE_URL from the environment"
    echo "$DATABASE_URL"
    exit 0
fi

if [ "${ARCHIVE_SKIP_LOCAL_PG:-0}" != "1" ] && server_up 127.0.0.1 5432; then
    log "using the PostgreSQL server on 127.0.0.1:5432"
    ensure_database 5432
    echo "postgres://postgres@127.0.0.1:5432/$DB_NAME"
    exit 0
fi

[ "${ARCHIVE_SKIP_LOCAL_PG:-0}" = "1" ] && log "ARCHIVE_SKIP_LOCAL_PG=1: ignoring 127.0.0.1:5432"
start_private
