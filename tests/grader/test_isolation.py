"""grader.sandbox.isolation: the level chosen for what a machine allows, and the reason and fix it
names. The machine is injected (a Probe), as `grader doctor` reads it; the levels themselves
are exercised through `grader grade` in tests/security/test_levels.py."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.sandbox.isolation import IsolationRefused, Probe, choose, make_private, others_can_reach
from grader.store.gradebook import Gradebook

UBUNTU_2404 = Probe(euid=1001, bwrap_error="bwrap: setting up uid map: Permission denied",
                    apparmor_restrict="1", max_userns="63704")
DOCKER_USER = Probe(euid=1000, bwrap_error="bwrap: No permissions to creating new namespace, "
                    "likely because the kernel does not allow non-privileged user namespaces.",
                    container="docker", seccomp=True)
DEBIAN_OLD = Probe(euid=1000, bwrap_error="bwrap: No permissions to creating new namespace",
                   userns_clone="0")
NO_BWRAP = Probe(euid=1000, bwrap_error="bwrap is not installed (not found on PATH)")
DOCKER_ROOT = Probe(euid=0, bwrap_error="bwrap: Creating new namespace failed: Operation not "
                    "permitted", container="docker", seccomp=True)
WORKS = Probe(euid=1000, bwrap_error=None)


@pytest.mark.parametrize(("found", "cause", "fix"), [
    (UBUNTU_2404, "not bubblewrap: bwrap: setting up uid map: Permission denied",
     "`sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`"),
    (UBUNTU_2404, "not uid: the grader is not root (uid 1001)", "profile bwrap /usr/bin/bwrap"),
    (DOCKER_USER, "kernel does not allow non-privileged user namespaces",
     "`--security-opt seccomp=unconfined --security-opt apparmor=unconfined`"),
    (DOCKER_USER, "not uid: the grader is not root", "run the grader as root in the container"),
    (DEBIAN_OLD, "No permissions to creating new namespace",
     "`sudo sysctl -w kernel.unprivileged_userns_clone=1`"),
    (NO_BWRAP, "not bubblewrap: bwrap is not installed", "`sudo apt-get install bubblewrap`"),
])
def test_isolation_refuses_without_root_or_namespaces_naming_cause_and_fix(found, cause, fix):
    with pytest.raises(IsolationRefused) as refused:
        choose("auto", found=found)
    message = str(refused.value)
    assert message.startswith("refusing to grade untrusted code")
    assert cause in message and fix in message
    assert "--isolation none" in message


def test_isolation_auto_takes_the_strongest_level():
    assert choose("auto", found=WORKS).level == "bubblewrap"
    assert choose(None, found=WORKS).lines() == [
        "isolation: bubblewrap (namespaces: the submission sees no grader file, process, "
        "network or secret)"]
    assert choose("none", found=NO_BWRAP).level == "none"


@pytest.mark.skipif(os.geteuid() != 0, reason="the uid level is chosen for root only")
def test_isolation_root_in_docker_without_namespaces_is_the_uid_level(monkeypatch):
    monkeypatch.setattr("grader.sandbox.isolation.interpreter_blockers", lambda: ())
    choice = choose("auto", found=DOCKER_ROOT)
    assert choice.level == "uid"
    lines = choice.lines()
    assert lines[1] == ("  not bubblewrap: bwrap: Creating new namespace failed: Operation not "
                        "permitted")
    assert any("--cap-add SYS_ADMIN" in line for line in lines)
    monkeypatch.setattr("grader.sandbox.isolation.interpreter_blockers",
                        lambda: ("/root/py/bin/python3 (closed by /root)",))
    with pytest.raises(IsolationRefused, match=r"not uid: the sandbox's uid cannot read the "
                       r"grader's Python: /root/py/bin/python3 \(closed by /root\)\. Install"):
        choose("auto", found=DOCKER_ROOT)


def test_isolation_uid_asked_for_where_bubblewrap_works_says_why_not_bubblewrap(monkeypatch):
    monkeypatch.setattr("grader.sandbox.isolation.interpreter_blockers", lambda: ())
    root_with_bwrap = Probe(euid=0, bwrap_error=None)
    assert choose("uid", found=root_with_bwrap).lines()[1] == (
        "  not bubblewrap: the uid level was asked for (--isolation uid or NN_GRADER_SANDBOX=uid)")


@pytest.mark.parametrize(("asked", "message"), [
    ("bubblewrap", "bubblewrap was asked for but cannot run: bwrap is not installed"),
    ("sandbox", "isolation 'sandbox' is not one of auto, bubblewrap, uid, none, subprocess"),
])
def test_isolation_what_cannot_be_had_is_an_error(asked, message):
    with pytest.raises(IsolationRefused, match=message):
        choose(asked, found=NO_BWRAP)


def test_isolation_make_private_closes_only_what_others_can_reach(tmp_path):
    assert not others_can_reach(tmp_path)  # pytest's folder is private to its user
    tmp_path = Path(tempfile.mkdtemp(prefix="nngrader-private-"))  # /tmp: others pass through
    tmp_path.chmod(0o755)
    shared, closed = tmp_path / "shared", tmp_path / "closed"
    shared.mkdir(mode=0o755)
    closed.mkdir(mode=0o750)
    (shared / "hidden_tests.py").write_text("secret")
    (shared / "hidden_tests.py").chmod(0o644)
    assert others_can_reach(shared / "hidden_tests.py")
    assert make_private([shared, closed, tmp_path / "missing"]) == [shared]
    assert stat.S_IMODE(shared.stat().st_mode) == 0o750
    assert not others_can_reach(shared / "hidden_tests.py")
    shutil.rmtree(tmp_path)


def test_isolation_gradebook_counts_the_deaths_a_submission_was_in_flight_at(tmp_path):
    with Gradebook(tmp_path / "gradebook.sqlite") as book:
        assert book.begin_run("bob", "toy", "sha1", "tests1", "run-1") == 0
        assert book.begin_run("bob", "toy", "sha1", "tests1", "run-1") == 0  # same run again
        assert book.in_flight("toy") == {"bob"}
        assert book.begin_run("bob", "toy", "sha1", "tests1", "run-2") == 1  # run-1 died
        assert book.begin_run("bob", "toy", "sha1", "tests1", "run-3") == 2
        assert book.begin_run("bob", "toy", "sha2", "tests1", "run-4") == 0  # a new file
        book.end_runs("run-4")  # ended in order: no death
        assert book.in_flight("toy") == set()


def test_isolation_doctor_says_the_level_and_exits_1_when_grading_would_be_refused(monkeypatch):
    monkeypatch.setattr("grader.sandbox.isolation.probe", lambda: NO_BWRAP)
    refused = CliRunner().invoke(main, ["doctor"])
    assert refused.exit_code == 1
    assert "bubblewrap: bwrap is not installed (not found on PATH)" in refused.output
    assert "refusing to grade untrusted code" in refused.output
    monkeypatch.setattr("grader.sandbox.isolation.probe", lambda: WORKS)
    works = CliRunner().invoke(main, ["doctor"])
    assert works.exit_code == 0, works.output
    assert "isolation: bubblewrap (namespaces" in works.output


def test_isolation_grade_refuses_before_reading_anything(monkeypatch, tmp_path: Path):
    monkeypatch.setattr("grader.sandbox.isolation.probe", lambda: NO_BWRAP)
    monkeypatch.delenv("NN_GRADER_SANDBOX", raising=False)
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ann.py").write_text("def f():\n    return 1\n")
    result = CliRunner().invoke(main, ["grade", "perceptron", str(tmp_path / "class"), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Error: refusing to grade untrusted code" in result.output
    assert "(`grader doctor` shows what this machine allows)" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(shutil.which("faketime") is None or shutil.which("bwrap") is None,
                    reason="needs faketime and bubblewrap (`make setup` installs both as root)")
def test_isolation_bubblewrap_is_found_working_when_the_grader_runs_under_faketime():
    """libfaketime's LD_PRELOAD (course CI moving the clock) reaches bwrap's child unless the
    probe clears the environment as the worker does; its shared-memory clock is not
    reachable in the sandbox, so the child exited 1 and grading was refused."""
    import subprocess
    import sys
    code = "from grader.sandbox.bwrap import bwrap_error; print(bwrap_error())"
    for moved in ("+1800d", "-2000d"):
        done = subprocess.run(["faketime", "-f", moved, sys.executable, "-c", code],
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "None", (moved, done.stdout, done.stderr)
