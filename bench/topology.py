"""The archive past one machine, on one machine: a primary, a streaming replica, Redis, two web servers.

    .venv/bin/python bench/topology.py [--meetings 160] [--runs 4] [--edits 6] [--seconds 8] [--replica-delay-ms 2000]

It builds, under a temporary folder, a private PostgreSQL primary and a streaming replica of it
(pg_basebackup -R), each on a free loopback port (the system's server binaries; as root they run
as the `postgres` OS user) — the replica applies each commit --replica-delay-ms late
(recovery_min_apply_delay), a replica lagging as a loaded one does — uses the local Redis (127.0.0.1:6379, database 5, a key prefix of its
own) as the shared cache, and starts two gunicorn servers on loopback configured with the primary,
DATABASE_REPLICA_URLS and CACHE_URL. Then:

1. it ingests a generated archive on the primary in several runs while reader threads fetch
   pages through both servers; then it edits some files (a revision marker) and ingests them
   again, twice;
2. after each run it records, from the primary, what the archive version it made holds (the
   meeting count, each edited meeting's revision); every page read carries its version in its
   ETag, and a page showing less than its version holds is stale, whether it came from a view,
   a replica or the cache. At the end every page is read once more through both servers;
3. it measures uncached read throughput (wrk, both servers at once) with the replica and with
   the primary alone.

It prints one JSON line: "replication", "requests", "errors", "stale_pages", "max_lag_ms",
where pages came from, the throughputs and the command that reproduces it. It stays on loopback,
stops after --deadline seconds at most, and stops and removes everything it started (servers,
clusters, temporary folders, its Redis keys) on exit, on Ctrl-C and on SIGTERM/SIGHUP.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PY, ROOT, gunicorn_command

REDIS_URL = "redis://127.0.0.1:6379/5"
RELEASE = "topology"


def pg_bin() -> Path | None:
    """The directory of the PostgreSQL server binaries (PATH first, then /usr/lib/postgresql)."""
    found = shutil.which("initdb")
    if found and Path(found).resolve().with_name("pg_basebackup").exists():
        return Path(found).resolve().parent
    for path in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True):
        if (path / "initdb").exists() and (path / "pg_basebackup").exists():
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_connect(url: str, **kwargs):
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=5, **kwargs)


def _reap(proc: subprocess.Popen, grace: float) -> None:
    """Waits `grace` seconds for `proc` to end, then kills its process group."""
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def _answers(port: int) -> None:
    """Raises OSError until the server on `port` answers (any HTTP status is an answer)."""
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5).read()
    except urllib.error.HTTPError:
        pass


class Topology:
    """Owns every process and folder it starts; close() (also at exit) stops and removes them."""

    def __init__(self) -> None:
        self.bin = pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries not found (Debian: apt-get install postgresql)")
        self.root_mode = os.geteuid() == 0
        self.tmp = Path(tempfile.mkdtemp(prefix="archive-topology-"))
        self.tmp.chmod(0o755)
        (self.tmp / "run").mkdir()
        if self.root_mode:
            shutil.chown(self.tmp, "postgres")
            shutil.chown(self.tmp / "run", "postgres")
        self.procs: list[subprocess.Popen] = []
        self.clusters: dict[str, tuple[subprocess.Popen, Path, int]] = {}
        self.closed = False
        atexit.register(self.close)

    # --- PostgreSQL -------------------------------------------------------------------------------

    def as_pg(self, *cmd) -> list[str]:
        cmd = [str(c) for c in cmd]
        return ["runuser", "-u", "postgres", "--", *cmd] if self.root_mode else cmd

    def run_pg(self, *cmd, timeout: float = 120) -> None:
        subprocess.run(self.as_pg(*cmd), check=True, capture_output=True, text=True, timeout=timeout)

    def url(self, name: str, db: str = "archive") -> str:
        return f"postgres://postgres@127.0.0.1:{self.clusters[name][2]}/{db}"

    def _start(self, name: str, *settings: str) -> str:
        data, port = self.tmp / name, free_port()
        log = open(self.tmp / f"{name}.log", "ab")
        proc = subprocess.Popen(
            self.as_pg(
                self.bin / "postgres",
                "-D",
                data,
                "-p",
                port,
                "-k",
                self.tmp / "run",
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",  # a throwaway cluster: the disk's speed is not what is measured
                "-c",
                "max_connections=60",
                "-c",
                "wal_level=replica",
                "-c",
                "max_wal_senders=4",
                "-c",
                "hot_standby_feedback=on",
                *settings,
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.clusters[name] = (proc, data, port)
        self.wait_for(
            proc,
            lambda: pg_connect(self.url(name, "postgres")).close(),
            f"PostgreSQL {name}",
            f"{name}.log",
            0.2,
        )
        return self.url(name)

    def start_primary(self) -> str:
        self.run_pg(
            self.bin / "initdb",
            "-D",
            self.tmp / "primary",
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-instructions",
        )
        url = self._start("primary")
        with pg_connect(self.url("primary", "postgres")) as conn:
            conn.execute("CREATE DATABASE archive")
        return url

    def start_replica(self, delay_ms: int = 0) -> str:
        """A streaming standby of the primary, from pg_basebackup -R (which writes its
        primary_conninfo and standby.signal); `delay_ms` holds each commit back that long before
        the standby applies it (recovery_min_apply_delay: a replica that lags, on purpose)."""
        port = self.clusters["primary"][2]
        self.run_pg(
            self.bin / "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            port,
            "-U",
            "postgres",
            "-D",
            self.tmp / "replica",
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
        )
        url = self._start("replica", "-c", f"recovery_min_apply_delay={delay_ms}ms")
        with pg_connect(url) as conn:
            assert conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
        return url

    def replication_state(self) -> str | None:
        with pg_connect(self.url("primary", "postgres")) as conn:
            row = conn.execute("SELECT state FROM pg_stat_replication").fetchone()
        return row[0] if row else None

    def stop_cluster(self, name: str, immediate: bool = False) -> None:
        proc, data, _ = self.clusters.pop(name)
        if proc.poll() is None:
            with contextlib.suppress(OSError, ValueError, IndexError):
                pid = int((data / "postmaster.pid").read_text().split()[0])
                os.kill(pid, signal.SIGQUIT if immediate else signal.SIGINT)  # immediate / fast shutdown
            _reap(proc, 20)

    # --- other processes --------------------------------------------------------------------------

    def spawn(self, cmd: list[str], env: dict, log_name: str) -> subprocess.Popen:
        log = open(self.tmp / log_name, "ab")
        proc = subprocess.Popen(
            cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        self.procs.append(proc)
        return proc

    def serve(self, env: dict, workers: int = 2, name: str = "web") -> tuple[subprocess.Popen, int]:
        """gunicorn on a free loopback port, returned once it answers."""
        port = free_port()
        proc = self.spawn(gunicorn_command(port, workers, "--timeout", "60"), env, f"{name}-{port}.log")
        self.wait_for(proc, lambda: _answers(port), "gunicorn", f"{name}-{port}.log", 0.3)
        return proc, port

    def wait_for(self, proc: subprocess.Popen, probe, what: str, log: str, pause: float) -> None:
        """Until `probe()` raises nothing; a RuntimeError with the log's tail if `proc` ends or a
        minute passes first."""
        deadline = time.monotonic() + 60
        while True:
            try:
                probe()
                return
            except Exception:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{what} did not start: {self.log_tail(log)}") from None
                time.sleep(pause)

    def stop(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            _reap(proc, 15)
        # a process group may outlive its leader (gunicorn's workers)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        if proc in self.procs:
            self.procs.remove(proc)

    def log_tail(self, name: str) -> str:
        with contextlib.suppress(OSError):
            return (self.tmp / name).read_text(errors="replace")[-2000:]
        return ""

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        for proc in reversed(list(self.procs)):
            with contextlib.suppress(Exception):
                self.stop(proc)
        for name in list(self.clusters):
            with contextlib.suppress(Exception):
                self.stop_cluster(name)
        shutil.rmtree(self.tmp, ignore_errors=True)


def django_env(primary: str, replica: str | None, cache_url: str, prefix: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": primary,
        "DATABASE_REPLICA_URLS": replica or "",
        "CACHE_URL": cache_url,
        "CACHE_PREFIX": prefix,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DEBUG": "0",
        "RELEASE": RELEASE,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def manage(env: dict, *args, timeout: float = 300) -> str:
    done = subprocess.run(
        [PY, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return done.stdout


def forget_redis_prefix(prefix: str) -> None:
    """Delete this run's keys (and only them) from the shared Redis."""
    with contextlib.suppress(Exception):
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        for i in range(0, len(keys), 500):
            client.delete(*keys[i : i + 500])


def redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


# --- what a page claims and what it shows -----------------------------------------------------------

MARKER = re.compile(r"Revision marker r(\d+)\b")


def mark(text: str, rev: int) -> str:
    """The file with its revision marker set to `rev`, at the end of the first labelled remark."""
    text = re.sub(r" Revision marker r\d+\.", "", text)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        label, colon, rest = line.partition(": ")
        if colon and len(label) < 100 and "[" not in label and "TRANSCRIPT" not in label and len(rest) > 20:
            lines[i] = f"{line.rstrip()} Revision marker r{rev}."
            return "\n".join(lines)
    raise ValueError("no labelled remark to mark")


class Truth:
    """What each archive version holds: the meeting count and each edited meeting's revision,
    read from the primary right after the run that made the version (nothing else writes)."""

    def __init__(self, primary: str) -> None:
        self.primary = primary
        self.by_version: dict[int, tuple[int, dict[str, int]]] = {1: (0, {})}
        self.lock = threading.Lock()

    def record(self, revs: dict[str, int]) -> int:
        with pg_connect(self.primary) as conn:
            version = conn.execute("SELECT version FROM meetings_archivestate WHERE id = 1").fetchone()[0]
            count = conn.execute("SELECT coalesce(max(list_position), 0) FROM meetings_meeting").fetchone()[0]
        with self.lock:
            self.by_version[version] = (count, dict(revs))
        return version


class Reads:
    """Every page read: its claimed version, where it came from and what it showed."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []  # (version, path, source, shown) for 200s
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def fetch(self, port: int, path: str) -> None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
                body = r.read().decode("utf-8", "replace")
                etag, source = r.headers.get("ETag", ""), r.headers.get("X-Archive-Source", "")
        except urllib.error.HTTPError as exc:
            if exc.code == 404 and path.startswith("/meetings/"):
                return  # an edited meeting not ingested yet
            with self.lock:
                self.errors.append(f"{path}: HTTP {exc.code}")
            return
        except OSError as exc:
            with self.lock:
                self.errors.append(f"{path}: {exc}")
            return
        found = re.search(r"-(\d+)\"?$", etag)
        version = int(found.group(1)) if found else None
        if path.startswith("/api/meetings/"):
            shown = json.loads(body)["count"]
        elif path.startswith("/meetings/"):
            revs = [int(m) for m in MARKER.findall(body)]
            shown = max(revs) if revs else 0
        else:
            shown = None
        with self.lock:
            self.rows.append((version, path, source, shown))

    def stale(self, truth: Truth) -> list[str]:
        """Pages that show less than the version they claim holds."""
        out = []
        for version, path, source, shown in self.rows:
            if shown is None:
                continue
            if version not in truth.by_version:
                out.append(f"{path}: unknown version {version} ({source})")
                continue
            count, revs = truth.by_version[version]
            expected = count if path.startswith("/api/") else revs.get(path.split("?")[0], 0)
            if shown < expected:
                out.append(f"{path}: shows {shown}, version {version} holds {expected} ({source})")
        return out


def reader(reads: Reads, ports: list[int], paths: list[str], stop: threading.Event, seed: int) -> None:
    """Pages in turn through each server; every other one with a query string of its own, which
    no cache holds, so its view runs (on a replica that has caught up, or on the primary): half
    of those the meeting list's count, which the ingest's last transaction before the new
    version (the aggregates) writes."""
    i = 0
    while not stop.is_set():
        with reads.lock:
            snapshot = list(paths)
        path = snapshot[(i // 2) % len(snapshot)]
        if i % 4 == 1:  # the stored meeting count, the last thing an ingest writes before its version
            path = f"/api/meetings/?page_size={1 + (seed * 53 + i) % 200}"
        elif i % 4 == 3:
            path += f"{'&' if '?' in path else '?'}n={seed}-{i}"
        reads.fetch(ports[i % len(ports)], path)
        i += 1


def lag_sampler(primary_admin: str, stop: threading.Event, out: dict) -> None:
    """The replica's replay lag as the primary's walsender reports it (time and bytes)."""
    with pg_connect(primary_admin) as conn:
        while not stop.is_set():
            row = conn.execute(
                "SELECT extract(epoch FROM replay_lag) * 1000,"
                " pg_wal_lsn_diff(pg_current_wal_insert_lsn(), replay_lsn), state FROM pg_stat_replication"
            ).fetchone()
            if row:
                out["max_lag_ms"] = max(out["max_lag_ms"], float(row[0] or 0))
                out["max_lag_bytes"] = max(out["max_lag_bytes"], int(row[1] or 0))
                out["state"] = row[2]
            time.sleep(0.05)


def wrk_rps(ports: list[int], paths: list[str], seconds: int, connections: int, tmp: Path) -> float:
    """Requests/s of wrk on every port at once (one wrk each), summed."""
    script = tmp / "paths.lua"
    script.write_text(
        "paths = {" + ",".join(f'"{p}"' for p in paths) + "}\ncounter = 0\n"
        "request = function()\n  counter = counter + 1\n"
        "  return wrk.format('GET', paths[(counter % #paths) + 1])\nend\n"
    )
    procs = [
        subprocess.Popen(
            [
                *("wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s"),
                *("-s", str(script), f"http://127.0.0.1:{port}"),
            ],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        for port in ports
    ]
    total = 0.0
    for proc in procs:
        out = proc.communicate(timeout=seconds + 60)[0]
        found = re.search(r"Requests/sec:\s+([\d.]+)", out)
        total += float(found.group(1)) if found else 0.0
    return round(total, 1)


def wal_position(url: str) -> int:
    with pg_connect(url) as conn:
        return int(conn.execute("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn").fetchone()[0])


def commits(url: str) -> int:
    with pg_connect(url) as conn:
        return conn.execute("SELECT xact_commit FROM pg_stat_database WHERE datname = 'archive'").fetchone()[
            0
        ]


def throughput(topo: Topology, primary: str, replica: str | None, paths: list[str], seconds: int) -> dict:
    """Uncached reads (every request runs its view) through two servers at once."""
    env = django_env(primary, replica, "dummy://", "unused")
    servers = [topo.serve(env, workers=2, name="bench") for _ in range(2)]
    try:
        ports = [port for _, port in servers]
        for port in ports:  # warm the workers
            for path in paths[:10]:
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()
        before = (commits(primary), commits(replica) if replica else 0)
        rps = wrk_rps(ports, paths, seconds, 4, topo.tmp)
        after = (commits(primary), commits(replica) if replica else 0)
    finally:
        for proc, _ in servers:
            topo.stop(proc)
    on_primary, on_replica = after[0] - before[0], after[1] - before[1]
    share = on_replica / (on_primary + on_replica) if on_primary + on_replica else 0.0
    return {"rps": rps, "replica_share_of_queries": round(share, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--meetings", type=int, default=160, help="generated meetings ingested (default 160)")
    ap.add_argument("--runs", type=int, default=4, help="ingest runs the meetings arrive in (default 4)")
    ap.add_argument("--edits", type=int, default=6, help="files edited and ingested again, twice (default 6)")
    ap.add_argument("--readers", type=int, default=4, help="reader threads during the ingest (default 4)")
    ap.add_argument("--seconds", type=int, default=8, help="wrk seconds per throughput run (default 8)")
    ap.add_argument(
        "--ingest-without-replica",
        action="store_true",
        help="run the ingest with the primary alone in its settings (as a separate ingest host would)",
    )
    ap.add_argument(
        "--replica-delay-ms",
        type=int,
        default=2000,
        help="the replica applies each commit this much later (recovery_min_apply_delay; default 2000)",
    )
    ap.add_argument("--deadline", type=int, default=280, help="give up after this many seconds (default 280)")
    args = ap.parse_args()
    started = time.monotonic()

    def say(what: str) -> None:
        print(f"[{time.monotonic() - started:5.1f} s] {what}", file=sys.stderr, flush=True)

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("deadline passed")))
    signal.alarm(args.deadline)

    if not redis_up():
        sys.exit("no Redis on 127.0.0.1:6379 (Debian: apt-get install redis-server)")
    prefix = f"topology-{os.getpid()}"
    atexit.register(forget_redis_prefix, prefix)
    topo = Topology()
    stop = threading.Event()
    threads: list[threading.Thread] = []
    try:
        primary = topo.start_primary()
        env = django_env(primary, None, REDIS_URL, prefix)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        replica = topo.start_replica(args.replica_delay_ms)
        say(f"primary and streaming replica up ({topo.replication_state()})")
        corpus = topo.tmp / "corpus"
        manage(env, "generate_corpus", str(corpus), "--meetings", str(args.meetings), "--seed", "19")
        say(f"{args.meetings} meetings generated")
        files = sorted(corpus.glob("*.txt"))
        runs = [files[i :: args.runs] for i in range(args.runs)]
        edited = runs[0][: args.edits]

        web = django_env(primary, replica, REDIS_URL, prefix)
        servers = [topo.serve(web, workers=2, name="web") for _ in range(2)]
        ports = [port for _, port in servers]
        truth = Truth(primary)
        reads = Reads()
        paths = ["/api/meetings/", "/meetings/", "/", "/api/meetings/?page_size=1", "/speakers/"]
        lag = {"max_lag_ms": 0.0, "max_lag_bytes": 0, "state": None}
        threads = [threading.Thread(target=lag_sampler, args=(topo.url("primary", "postgres"), stop, lag))]
        threads += [
            threading.Thread(target=reader, args=(reads, ports, paths, stop, n)) for n in range(args.readers)
        ]
        for t in threads:
            t.daemon = True
            t.start()

        ingest_env = env if args.ingest_without_replica else web
        wal_start = wal_position(primary)
        ingest_s = []
        revs: dict[str, int] = {}
        for n, batch in enumerate(runs):
            t0 = time.perf_counter()
            manage(ingest_env, "ingest_transcripts", "--no-progress", "-v0", *map(str, batch))
            ingest_s.append(time.perf_counter() - t0)
            say(
                f"ingest run {n + 1}: {len(batch)} files in {ingest_s[-1]:.1f} s, version {truth.record(revs)}"
            )
            if n == 0:  # the edited meetings' pages join the readers' rounds
                with pg_connect(primary) as conn:
                    slugs = conn.execute(
                        "SELECT s.name, m.slug FROM meetings_meetingsource s"
                        " JOIN meetings_meeting m ON m.id = s.meeting_id"
                    ).fetchall()
                by_name = {Path(name).name: slug for name, slug in slugs}
                edited_paths = {f: f"/meetings/{by_name[f.name]}/" for f in edited if f.name in by_name}
                with reads.lock:
                    paths.extend(sorted(set(edited_paths.values())))
        for rev in (1, 2):
            for f, path in edited_paths.items():
                f.write_text(mark(f.read_text(encoding="utf-8"), rev), encoding="utf-8")
                revs[path] = rev
            t0 = time.perf_counter()
            manage(ingest_env, "ingest_transcripts", "--no-progress", "-v0", *map(str, edited_paths))
            ingest_s.append(time.perf_counter() - t0)
            say(
                f"edit {rev}: {len(edited_paths)} files in {ingest_s[-1]:.1f} s, version {truth.record(revs)}"
            )
            time.sleep(1)
        wal_bytes = wal_position(primary) - wal_start
        replication = lag["state"] or topo.replication_state()
        stop.set()
        for t in threads:
            t.join(timeout=40)
        during = len(reads.rows) + len(reads.errors)
        # Afterwards, once the versions cached by the servers have expired: every page once more.
        time.sleep(6)
        final_version = max(truth.by_version)
        for port in ports:
            for path in paths:
                reads.fetch(port, path)
        final_claims = {row[0] for row in reads.rows[-len(paths) * len(ports) :]}
        sources: dict[str, int] = {}
        for row in reads.rows:
            sources[row[2]] = sources.get(row[2], 0) + 1
        behind = sum(1 for row in reads.rows if row[2] == "primary")
        stale = reads.stale(truth)
        for proc, _ in servers:
            topo.stop(proc)

        bench_paths = [p for p in paths if not p.startswith("/api/meetings/?")]
        say(f"{len(reads.rows)} pages read, {len(stale)} stale; throughput runs")
        with_replica = throughput(topo, primary, replica, bench_paths, args.seconds)
        say(f"with the replica: {with_replica}")
        primary_alone = throughput(topo, primary, None, bench_paths, args.seconds)
        say(f"primary alone: {primary_alone}")
        with pg_connect(primary) as conn:
            meetings = conn.execute("SELECT count(*) FROM meetings_meeting").fetchone()[0]
        result = {
            "replication": replication,
            "meetings": meetings,
            "ingest_runs": len(ingest_s),
            "ingest_seconds": round(sum(ingest_s), 1),
            "versions": len(truth.by_version),
            "requests": len(reads.rows) + len(reads.errors),
            "requests_during_ingest": during,
            "errors": len(reads.errors),
            "stale_pages": len(stale),
            "final_pages_at_last_version": final_claims == {final_version},
            "served_from": sources,
            "uncached_reads_on_primary_pct": round(
                100 * behind / max(1, sources.get("primary", 0) + sources.get("replica", 0)), 1
            ),
            "wal_mb_per_ingest_run": round(wal_bytes / len(ingest_s) / 1e6, 1),
            "replica_delay_ms": args.replica_delay_ms,
            "max_lag_ms": round(lag["max_lag_ms"], 1),
            "max_lag_bytes": lag["max_lag_bytes"],
            "uncached_read_rps_with_replica": with_replica["rps"],
            "uncached_read_rps_primary_alone": primary_alone["rps"],
            "replica_share_of_queries": with_replica["replica_share_of_queries"],
            "seconds": round(time.monotonic() - started, 1),
            "command": (
                f".venv/bin/python bench/topology.py --meetings {args.meetings} --runs {args.runs}"
                f" --edits {args.edits} --readers {args.readers} --seconds {args.seconds}"
                f" --replica-delay-ms {args.replica_delay_ms}"
                + (" --ingest-without-replica" if args.ingest_without_replica else "")
            ),
        }
        for line in (stale + reads.errors)[:10]:
            print("  " + line, file=sys.stderr)
        print(json.dumps(result))
    finally:
        signal.alarm(0)
        stop.set()
        topo.close()
        forget_redis_prefix(prefix)


if __name__ == "__main__":
    main()
