"""The attack suite: one hostile submission per file in attacks/, graded like any other.

Expected for each: only the points its code honestly earns, the grading completes, the
grader's files are untouched, and the next (honest) student scores exactly as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import subprocess
import sys
import sysconfig
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from grader.run.runner import run_submission
from grader.sandbox.bwrap import bwrap_works
from grader.sandbox.cgroups import cgroup_roots
from tests.fixtures.engine import CORRECT, TOY, submission, toy, toy_tests

ATTACKS = Path(__file__).parent / "attacks"
REPO = Path(__file__).resolve().parents[2]
PROTECTED = [TOY / "hidden_tests.py", TOY / "visible_tests.py", TOY / "assignment.toml",
             REPO / "tests/fixtures/toy_reference.py", REPO / "grader/run/runner.py",
             REPO / "grader/sandbox/inside/worker.py"]

# attack file -> points it may keep (what its code honestly earns), modes it runs in.
BOTH, BWRAP = ("bubblewrap", "subprocess"), ("bubblewrap",)
EXPECTED = {
    "read_hidden": (0.0, BWRAP),
    "import_grader": (0.0, BWRAP),
    "lying_values": (2.0, BOTH),
    "pickle_payload": (0.0, BOTH),
    "bad_arrays": (0.0, BOTH),
    "monkeypatch": (0.0, BOTH),
    "caller_frames": (0.0, BOTH),
    "exits": (0.0, BOTH),
    "kill_parent": (0.0, BWRAP),
    "resources": (0.0, BOTH),
    "daemons": (0.0, BOTH),
    "network": (0.0, BWRAP),
    "write_results": (0.0, BWRAP),
    "fd_leaks": (0.0, BWRAP),
    "signals": (0.0, BWRAP),
    "late_daemon": (0.0, BOTH),
    "home_persist": (0.0, BWRAP),
    "write_repo": (0.0, BWRAP),
    "kill_grader": (0.0, BWRAP),
    "grader_files": (0.0, BWRAP),
}
SLOW = ("resources", "daemons", "late_daemon", "signals")
MARKERS = [Path("/tmp/nngrader-attack-pickle-marker"), Path("/tmp/nngrader-attack-late-daemon"),
           Path("/tmp/nngrader-attack-home-marker"), Path("/tmp/nngrader-attack-planted-ran"),
           Path.home() / "nngrader-attack-late-daemon"]
"""Files an attack leaves when it succeeds (beside the planted modules, see `planted`)."""


FAST_TOY = replace(toy(), limits=replace(toy().limits, call_timeout=1))
"""The toy with 1 s per call: the attacks that loop or sleep cost less time."""


def cases():
    for name, (score, modes) in EXPECTED.items():
        for mode in modes:
            marks = [pytest.mark.slow] if name in SLOW else []
            if mode == "bubblewrap" and not bwrap_works():
                marks.append(pytest.mark.skip(reason="bubblewrap (bwrap) is not available"))
            yield pytest.param(name, score, mode, id=f"{name}-{mode}", marks=marks)


def digest(paths: list[Path]) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}


def test_attack_suite_covers_every_attack_file():
    assert sorted(p.stem for p in ATTACKS.glob("*.py")) == sorted(EXPECTED)


@pytest.fixture
def results_dir(tmp_path):
    """A results folder like `grader grade --out` writes, with another student's results."""
    (tmp_path / "scores.csv").write_text("student,score,max_score,status\nalice,9,9,graded\n")
    (tmp_path / "gradebook.sqlite").write_bytes(b"SQLite format 3\0" + b"\0" * 100)
    (tmp_path / "alice.json").write_text('{"score": 9}')
    return tmp_path


@pytest.fixture
def listener():
    """A loopback listener on the grader's side that records whatever reaches it."""
    received: list[bytes] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(0.5)
                with contextlib.suppress(OSError):
                    received.append(conn.recv(100))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield received
    stop.set()
    thread.join()
    server.close()


@pytest.fixture
def victim():
    """Another process of the grader's user (its own session), e.g. another course's job."""
    proc = subprocess.Popen(["sleep", "8888.515151"], start_new_session=True)
    yield proc
    proc.kill()
    proc.wait()


def running(proc: subprocess.Popen) -> bool:
    """Alive and not stopped (SIGSTOP)."""
    if proc.poll() is not None:
        return False
    state = Path(f"/proc/{proc.pid}/status").read_text().split("State:")[1].split()[0]
    return state not in ("T", "t")


@pytest.fixture
def open_descriptors(results_dir):
    """A careless grader: the reference and the score sheet open in inheritable descriptors."""
    fds = [os.open(REPO / "tests/fixtures/toy_reference.py", os.O_RDONLY),
           os.open(results_dir / "scores.csv", os.O_RDWR)]
    for fd in fds:
        os.set_inheritable(fd, True)
    yield fds
    for fd in fds:
        os.close(fd)


def planted() -> list[Path]:
    """Modules or .pth files the write_repo / home_persist attacks try to plant."""
    folders = {REPO, REPO / "grader", Path(sysconfig.get_paths()["purelib"]),
               Path(sys.executable).parent, *(Path(p) for p in sys.path if p)}
    return [f for d in folders if d.is_dir()
            for f in d.glob("nngrader_attack*")]


@pytest.mark.parametrize(("attack", "allowed", "mode"), list(cases()))
def test_attack_earns_nothing_and_changes_nothing(attack, allowed, mode, results_dir, listener,
                                                  monkeypatch, victim, open_descriptors):
    if attack == "daemons" and mode == "subprocess" and os.geteuid() == 0 \
            and not cgroup_roots():
        pytest.skip("as root without a pids cgroup the fallback cannot find setsid daemons")
    monkeypatch.chdir(results_dir)  # the grader's cwd: where a careless grader keeps results
    before = digest([*PROTECTED, *results_dir.iterdir()])
    source = (ATTACKS / f"{attack}.py").read_text(encoding="utf-8")
    started = time.monotonic()

    result = run_submission(FAST_TOY, submission(source, student=attack), list(toy_tests()),
                            mode=mode)

    assert time.monotonic() - started < FAST_TOY.limits.submission_timeout + 10
    assert result.status == "graded", result.message
    assert result.score == allowed, [(t.name, t.points, t.message) for t in result.tests]
    assert digest([*PROTECTED, *results_dir.iterdir()]) == before
    assert listener == []
    assert running(victim)
    if attack == "late_daemon":
        time.sleep(2.5)  # past the moment the daemon would write
    assert [m for m in MARKERS if m.exists()] == []
    assert planted() == []
    deadline = time.monotonic() + 3
    while daemon_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not daemon_alive()
    honest = run_submission(toy(), submission(CORRECT, student="honest"), list(toy_tests()),
                            mode=mode)
    assert honest.score == honest.max_score == 9.0


def daemon_alive() -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"7777.424242" in (entry / "cmdline").read_bytes():
                    return True
            except OSError:
                pass
    return False


@pytest.mark.parametrize("attack", ["read_hidden", "import_grader", "fd_leaks"])
def test_attack_really_works_without_bubblewrap(attack, open_descriptors):
    """The attacks are real: in the weak fallback (a plain subprocess, which prints a warning)
    they find the reference and score full marks. Only bubblewrap stops them."""
    source = (ATTACKS / f"{attack}.py").read_text(encoding="utf-8")
    result = run_submission(FAST_TOY, submission(source), list(toy_tests()), mode="subprocess")
    assert result.isolation.startswith("none (rlimit-subprocess)")
    assert result.score == 9.0
