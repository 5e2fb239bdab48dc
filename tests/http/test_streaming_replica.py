"""The archive against a real streaming replica (pg_basebackup -R) and gunicorn: pages read from the
replica only once it has replayed the version they claim, from the primary while it lags (replay
paused) or is down, and without the cache while Redis is down.

Starts a private primary and standby on free loopback ports with the system's PostgreSQL server
binaries (bench/topology.py); skipped where those are absent."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.helpers import MEETING, ROOT


def load_topology():
    spec = importlib.util.spec_from_file_location("bench_topology", ROOT / "bench" / "topology.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


topology = load_topology()


def can_run_postgres() -> bool:
    if topology.pg_bin() is None:
        return False
    if os.geteuid() == 0:  # the server then runs as the postgres OS user
        return subprocess.run(["id", "-u", "postgres"], capture_output=True).returncode == 0
    return True


pytestmark = pytest.mark.skipif(
    not can_run_postgres(), reason="PostgreSQL server binaries (initdb, pg_basebackup) are not installed"
)


def get(port: int, path: str) -> tuple[int, str, str]:
    """(status, X-Archive-Source, body) of a page."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            return r.status, r.headers.get("X-Archive-Source", ""), r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("X-Archive-Source", ""), ""


def from_replica(port: int, path: str) -> str:
    """The page once the replica serves it: the primary's WAL may move on by a few bytes (a
    checkpoint, autovacuum) after the replica caught up, and a version read then asks for those
    too; the replica has them a moment later."""
    deadline = time.monotonic() + 10
    for attempt in range(1000):
        status, source, body = get(port, f"{path}{'&' if '?' in path else '?'}attempt={attempt}")
        assert status == 200
        if source == "replica" or time.monotonic() > deadline:
            assert source == "replica"
            return body
        time.sleep(0.2)
    raise AssertionError("unreachable")


def caught_up(primary: str, replica: str) -> bool:
    with topology.pg_connect(primary) as p, topology.pg_connect(replica) as r:
        target = p.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]
        return r.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [str(target)]).fetchone()[0]


def wait_until(check, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def replica_title(replica: str) -> str:
    with topology.pg_connect(replica) as conn:
        return conn.execute("SELECT title FROM meetings_meeting").fetchone()[0]


@pytest.fixture(scope="module")
def topo():
    topo = topology.Topology()
    try:
        yield topo
    finally:
        topo.close()


def test_pages_follow_the_version_through_a_lagging_a_stopped_replica_and_a_dead_redis(topo, tmp_path):
    primary = topo.start_primary()
    cache = topology.REDIS_URL if topology.redis_up() else "dummy://"
    prefix = f"test-replica-{os.getpid()}"
    env = topology.django_env(primary, None, cache, prefix)
    try:
        topology.manage(env, "migrate", "--noinput", "-v0")
        replica = topo.start_replica()
        assert topo.replication_state() == "streaming"
        transcript = tmp_path / "harbour.txt"
        transcript.write_text(MEETING, encoding="utf-8")
        web = topology.django_env(primary, replica, cache, prefix)
        topology.manage(web, "ingest_transcripts", "-v0", str(transcript))
        wait_until(lambda: caught_up(primary, replica))
        _, port = topo.serve(web, workers=1)

        # A replica that has replayed the version serves the page.
        assert "Harbour Board" in from_replica(port, "/meetings/")

        # Replay paused, an ingest on the primary: the replica still holds the old title, and
        # the page claiming the new version is read from the primary, cached or not.
        with topology.pg_connect(replica) as conn:
            conn.execute("SELECT pg_wal_replay_pause()")
        transcript.write_text(MEETING.replace("Harbour Board", "Ferry Board"), encoding="utf-8")
        topology.manage(web, "ingest_transcripts", "-v0", str(transcript))
        assert "Harbour Board" in replica_title(replica)
        for path in ("/meetings/", "/meetings/?q=board"):
            status, source, body = get(port, path)
            assert (
                (status, source) == (200, "primary") and "Ferry Board" in body and "Harbour Board" not in body
            )

        # Replay resumed: once caught up, the replica serves again.
        with topology.pg_connect(replica) as conn:
            conn.execute("SELECT pg_wal_replay_resume()")
        wait_until(lambda: caught_up(primary, replica))
        time.sleep(0.2)
        assert "Ferry Board" in from_replica(port, "/meetings/?q=ferry")

        # The replica stops: pages still answer, from the primary.
        topo.stop_cluster("replica", immediate=True)
        for path in ("/meetings/?q=harbour", "/speakers/?page=1"):
            status, source, body = get(port, path)
            assert (status, source) == (200, "primary"), (path, status, source)

        # Redis down too: pages answer, uncached, from the primary.
        dead = topology.django_env(primary, replica, f"redis://127.0.0.1:{topology.free_port()}/0", prefix)
        _, dead_port = topo.serve(dead, workers=1)
        for _ in range(2):
            status, source, body = get(dead_port, "/meetings/")
            assert (status, source) == (200, "primary") and "Ferry Board" in body
    finally:
        topology.forget_redis_prefix(prefix)


def test_the_topology_cleans_up_after_itself_when_interrupted():
    """SIGTERM in the middle of building: no cluster, server or folder is left behind."""
    code = (
        "import importlib.util,os,signal,sys,threading,time\n"
        f"spec=importlib.util.spec_from_file_location('t', {str(ROOT / 'bench' / 'topology.py')!r})\n"
        "t=importlib.util.module_from_spec(spec);spec.loader.exec_module(t)\n"
        "signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))\n"
        "topo=t.Topology();print(topo.tmp, flush=True);topo.start_primary()\n"
        "print(topo.clusters['primary'][0].pid, flush=True);time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    folder = proc.stdout.readline().strip()
    leader = int(proc.stdout.readline().strip())
    proc.terminate()
    assert proc.wait(timeout=60) == 143
    assert not os.path.exists(folder)
    with pytest.raises(ProcessLookupError):
        os.killpg(leader, 0)  # the cluster's process group is gone
