"""The attack suite at every isolation level, through `grader grade` itself (a real grader
process with a fake CI secret in its environment), and the refusal where nothing protects.

- bubblewrap: the suite's own venv (skipped where bwrap cannot run).
- uid: as root, NN_GRADER_SANDBOX=subprocess (bubblewrap treated as unavailable, what a Docker
  CI job without namespaces gets), from an installation any uid can run (tests/security/
  installs.py: the suite's venv sits on an interpreter under /root, closed to other users).
- refusal: the grader run as an unprivileged uid with no bwrap on its PATH (a real
  "no root, no namespaces" machine for the grader: nothing is injected).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from grader.sandbox.bwrap import bwrap_works
from tests.fixtures.engine import CORRECT, TOY
from tests.security.installs import readable_install, system_python
from tests.security.test_attacks import ATTACKS, EXPECTED

SECRET = "HIDDEN_TESTS_TOKEN=glpat-FAKE-7d1c0ffee-not-a-real-token"
PARTIAL = CORRECT.replace("return c * x", "return c + x")
HONEST = {"a_first": (CORRECT, 9.0), "b_partial": (PARTIAL, 8.0), "z_last": (CORRECT, 9.0)}
ELSEWHERE = ("read_hidden", "import_grader", "write_repo")
"""Attacks that look for copies of the course outside the grader's own files (fixed paths such
as /work/main). At the uid level those are protected by their permissions only: a checkout
other users can read elsewhere on the machine is readable (docs/SECURITY.md)."""
AT_UID = {name: score for name, (score, _modes) in EXPECTED.items() if name not in ELSEWHERE}
AT_BWRAP = {name: score for name, (score, _modes) in EXPECTED.items()}
NOBODY = 60999
"""The uid the refusal test runs the grader as (outside the sandbox range in use)."""

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="the uid level needs root")
needs_system_python = pytest.mark.skipif(
    system_python() is None, reason="no world-readable python3.x of this version on the machine")


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder other users can pass through (pytest's own is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="nngrader-levels-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def readable(open_tmp: Path) -> Path:
    """The python of a grader installation every uid can run (one per test: the uid level makes
    its grader package private)."""
    return readable_install(open_tmp / "venv")


def course(tmp: Path, students: dict[str, str]) -> tuple[Path, Path, Path]:
    """A copy of the toy assignment (its reference a solution file in it, call_timeout 1 s),
    a class folder, and where the results go; all readable by others, as a fresh CI checkout."""
    tmp.mkdir(mode=0o755, exist_ok=True)
    tmp.chmod(0o755)
    assignment = tmp / "toy"
    shutil.copytree(TOY, assignment)
    shutil.copy(TOY.parent / "toy_reference.py", assignment / "solution.py")
    toml = (assignment / "assignment.toml").read_text(encoding="utf-8")
    toml = toml.replace('reference = "tests.fixtures.toy_reference"', 'reference = "solution.py"')
    (assignment / "assignment.toml").write_text(toml.replace("call_timeout = 2",
                                                             "call_timeout = 1"))
    submissions = tmp / "class"
    submissions.mkdir()
    for student, source in students.items():
        (submissions / f"{student}.py").write_text(source, encoding="utf-8")
    for path in [assignment, *assignment.iterdir(), submissions, *submissions.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return assignment, submissions, tmp / "out"


def grade(python: str | Path, assignment: Path, submissions: Path, out: Path, *args: str,
          env: dict[str, str] | None = None, user: int | None = None,
          cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("NN_GRADER_SANDBOX", "PYTHONPATH", "VIRTUAL_ENV")}
    environment.update(dict([SECRET.split("=", 1)]), **(env or {}))
    return subprocess.run(
        [str(python), "-m", "grader", "grade", str(assignment), str(submissions), "--out",
         str(out), "--no-progress", *args], capture_output=True, text=True, env=environment,
        timeout=600, user=user, group=user, extra_groups=[] if user is not None else None,
        cwd=cwd or submissions.parent, check=False)


def scores(out: Path) -> dict[str, tuple[float, str]]:
    rows = (out / "scores.csv").read_text(encoding="utf-8").splitlines()[1:]
    return {r.split(",")[0]: (float(r.split(",")[2]), r.split(",")[4]) for r in rows}


def everything_written(out: Path, done: subprocess.CompletedProcess[str]) -> str:
    """All the batch wrote (sheet, results, gradebook, reports) and printed, as text."""
    parts = [done.stdout, done.stderr]
    parts += [p.read_bytes().decode("latin-1") for p in out.rglob("*") if p.is_file()]
    return "\n".join(parts)


def attack_class(names: dict[str, float]) -> dict[str, str]:
    attackers = {f"m_{n}": (ATTACKS / f"{n}.py").read_text(encoding="utf-8") for n in names}
    return {s: src for s, (src, _) in HONEST.items()} | attackers


def check_class(out: Path, done: subprocess.CompletedProcess[str], expected: dict[str, float],
                level: str) -> None:
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.startswith(f"isolation: {level} "), done.stderr[:500]
    got = scores(out)
    assert {s: got[s] for s in HONEST} == {s: (score, "graded") for s, (_, score)
                                           in HONEST.items()}
    for name, score in expected.items():
        assert got[f"m_{name}"][0] == score, (name, got[f"m_{name}"])
    written = everything_written(out, done)
    assert SECRET.split("=", 1)[1] not in written
    assert "found nothing of the grader's; secrets: []" in written  # grader_files ran
    results = [p.read_text(encoding="utf-8") for p in (out / "results").glob("*.json")]
    assert all(f'"isolation": "{level}' in r for r in results)


@pytest.mark.slow
@pytest.mark.skipif(not bwrap_works(), reason="bubblewrap (bwrap) is not available")
def test_levels_attack_class_under_bubblewrap(tmp_path: Path) -> None:
    assignment, submissions, out = course(tmp_path / "course", attack_class(AT_BWRAP))
    done = grade(sys.executable, assignment, submissions, out, "--jobs", "2",
                 env={"NN_GRADER_SANDBOX": "bubblewrap"})
    check_class(out, done, AT_BWRAP, "bubblewrap")


@pytest.mark.slow
@needs_root
@needs_system_python
def test_levels_attack_class_under_the_uid_level(open_tmp: Path, readable: Path) -> None:
    """Root without bubblewrap: every attacker keeps only what its code earns, the honest
    students score as alone, the fake token is nowhere, and the grader's files were made
    private before any submission ran."""
    assignment, submissions, out = course(open_tmp / "course", attack_class(AT_UID))
    done = grade(readable, assignment, submissions, out, "--jobs", "2",
                 env={"NN_GRADER_SANDBOX": "subprocess"})
    check_class(out, done, AT_UID, "uid")
    assert "not bubblewrap: NN_GRADER_SANDBOX=subprocess" in done.stderr
    for path in (assignment, submissions, out):
        assert path.stat().st_mode & 0o007 == 0, path


@needs_root
@needs_system_python
def test_levels_refused_without_root_and_namespaces(open_tmp: Path, readable: Path) -> None:
    """An unprivileged grader without bubblewrap refuses, names the cause and the fixes, runs
    nothing; `--isolation none` grades and says so in every result; `grader check` on one's own
    code just works."""
    tmp_path = open_tmp / "course"
    assignment, submissions, out = course(tmp_path, {"a_first": CORRECT})
    (tmp_path / "bin").mkdir()  # a PATH without bwrap
    os.symlink(shutil.which("sh") or "/bin/sh", tmp_path / "bin/sh")
    tmp_path.chmod(0o777)
    env = {"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    refused = grade(readable, assignment, submissions, out, env=env, user=NOBODY)
    assert refused.returncode == 1, refused.stderr
    assert "refusing to grade untrusted code" in refused.stderr
    assert "not bubblewrap: bwrap is not installed" in refused.stderr
    assert f"not uid: the grader is not root (uid {NOBODY})" in refused.stderr
    assert "apt-get install bubblewrap" in refused.stderr
    assert "--isolation none" in refused.stderr
    assert not out.exists()

    trusted = grade(readable, assignment, submissions, out, "--isolation", "none", env=env,
                    user=NOBODY)
    assert trusted.returncode == 0, trusted.stderr
    assert trusted.stderr.startswith("isolation: none (NO isolation")
    assert '"isolation": "none (rlimit-subprocess)' in (out / "results/a_first.json").read_text()

    check = subprocess.run([str(readable), "-m", "grader", "check", str(assignment),
                            str(submissions / "a_first.py")], capture_output=True, text=True,
                           env={**env, "LANG": "C.UTF-8"}, user=NOBODY, group=NOBODY,
                           extra_groups=[], cwd=tmp_path, timeout=300, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "visible tests passed" in check.stdout


def killer_class() -> dict[str, str]:
    return {"a_first": CORRECT, "b_killer": (ATTACKS / "kill_grader.py").read_text("utf-8"),
            "c_last": CORRECT}


@pytest.mark.slow
@pytest.mark.parametrize("level", ["bubblewrap", "uid"])
def test_levels_a_submission_cannot_kill_the_grader(level: str, tmp_path: Path,
                                                    request: pytest.FixtureRequest) -> None:
    if level == "bubblewrap" and not bwrap_works():
        pytest.skip("bubblewrap (bwrap) is not available")
    if level == "uid" and (os.geteuid() != 0 or system_python() is None):
        pytest.skip("the uid level needs root and a world-readable python")
    python = sys.executable if level == "bubblewrap" else request.getfixturevalue("readable")
    assignment, submissions, out = course(tmp_path / "course", killer_class())
    done = grade(python, assignment, submissions, out, "--jobs", "1", "--isolation", level)
    assert done.returncode == 0, done.stderr[-2000:]
    assert scores(out) == {"a_first": (9.0, "graded"), "b_killer": (0.0, "graded"),
                           "c_last": (9.0, "graded")}


@pytest.mark.slow
def test_levels_a_grader_killed_twice_by_one_submission_quarantines_it(tmp_path: Path) -> None:
    """At the none level the submission really kills the grader (SIGKILL, no clean-up): each
    re-run resumes; after the second death it is recorded as crashed, and the batch completes
    with every other student graded once."""
    assignment, submissions, out = course(tmp_path / "course", killer_class())
    first = grade(sys.executable, assignment, submissions, out, "--jobs", "1",
                  "--isolation", "none")
    assert first.returncode == -signal.SIGKILL
    assert not (out / "scores.csv").exists()
    second = grade(sys.executable, assignment, submissions, out, "--jobs", "1",
                   "--isolation", "none")
    assert second.returncode == -signal.SIGKILL  # c_last ran first this time, then b alone
    third = grade(sys.executable, assignment, submissions, out, "--jobs", "1",
                  "--isolation", "none")
    assert third.returncode == 0, third.stderr[-2000:]
    assert "graded 3 submissions (1 run, 2 unchanged)" in third.stdout
    assert scores(out) == {"a_first": (9.0, "graded"), "b_killer": (0.0, "crashed"),
                           "c_last": (9.0, "graded")}
    sheet = (out / "scores.csv").read_text(encoding="utf-8")
    assert "quarantined: the grader process died 2 times while this submission was running" \
        in sheet
    fourth = grade(sys.executable, assignment, submissions, out, "--jobs", "1",
                   "--isolation", "none")
    assert fourth.returncode == 0 and "(0 run, 3 unchanged)" in fourth.stdout


def test_levels_the_secret_attack_is_real_without_isolation(tmp_path: Path) -> None:
    """At the none level (the grader's own user, trusted code only) grader_files does read the
    token from the grader's environment and the reference through its command line: the
    attack the levels above stop is real."""
    attacker = (ATTACKS / "grader_files.py").read_text(encoding="utf-8")
    assignment, submissions, out = course(tmp_path / "course", {"m_grader_files": attacker})
    done = grade(sys.executable, assignment, submissions, out, "--isolation", "none")
    assert done.returncode == 0, done.stderr[-2000:]
    assert scores(out) == {"m_grader_files": (9.0, "graded")}
    assert SECRET in (out / "results/m_grader_files.json").read_text(encoding="utf-8")


@pytest.mark.slow
@needs_root
@needs_system_python
def test_levels_uid_level_leaves_nothing_for_the_next_submission(open_tmp: Path,
                                                                 readable: Path) -> None:
    """One job at a time at the uid level: the poisoner's files in /tmp, /dev/shm, HOME and
    its cwd, its POSIX shared memory and its listening daemon are gone before the readers run
    (its processes killed, its files removed when its uid is given back)."""
    pool = Path(__file__).parent / "pool"
    reader = (pool / "reader.py").read_text(encoding="utf-8")
    students = {"a_first": CORRECT, "m_poisoner": (pool / "poisoner.py").read_text("utf-8"),
                "n_reader": reader, "o_reader": reader, "z_last": CORRECT}
    assignment, submissions, out = course(open_tmp / "course", students)
    done = grade(readable, assignment, submissions, out, "--jobs", "1", "--isolation", "uid")
    assert done.returncode == 0, done.stderr[-2000:]
    assert scores(out) == {"a_first": (9.0, "graded"), "m_poisoner": (0.0, "graded"),
                           "n_reader": (9.0, "graded"), "o_reader": (9.0, "graded"),
                           "z_last": (9.0, "graded")}
    assert not Path("/tmp/nngrader-poison").exists()
    assert not Path("/dev/shm/nngrader_poison").exists()
