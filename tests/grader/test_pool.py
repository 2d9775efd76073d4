"""The warm pool: grading through forked children of a warm zygote scores exactly as single-use
sandboxes do, and nothing one student does survives into the next student's process."""

from __future__ import annotations

import time

import pytest

from grader.run.runner import run_submission
from grader.sandbox.bwrap import bwrap_works
from grader.sandbox.pool import WarmPool, warm_pool
from grader.sandbox.proxy import StudentProxy
from tests.fixtures.engine import CORRECT, submission, toy, toy_tests, toy_with

pytestmark = pytest.mark.skipif(not bwrap_works(), reason="the warm pool needs bubblewrap")

PROBE = '''
import os, signal, sys, time
import numpy as np

def write_tmp(name):
    for folder in ("/tmp", "/dev/shm"):
        with open(os.path.join(folder, name), "w") as fh:
            fh.write("secret answer")
        os.chmod(folder + "/" + name, 0)
    os.mkdir("/tmp/locked")
    open("/tmp/locked/inner", "w").close()
    os.chmod("/tmp/locked", 0)
    return sorted(os.listdir("/tmp"))

def listing():
    return sorted(os.listdir("/tmp")) + sorted(os.listdir("/dev/shm")), os.getcwd()

def daemon():
    r, w = os.pipe()
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.write(w, str(os.getpid()).encode())
            while True:
                time.sleep(1)
        os._exit(0)
    os.close(w)
    return int(os.read(r, 32))

def others():
    """Processes of the sandbox other than this one and the zygote (its parent)."""
    mine = {os.getpid(), os.getppid(), 1}
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) not in mine:
            with open(f"/proc/{entry}/stat") as fh:
                if fh.read().rpartition(")")[2].split()[0] != "Z":
                    found.append(int(entry))
    return found

def alive(pid):
    return os.path.exists(f"/proc/{pid}")

def patch_numpy():
    np.dot = lambda a, b: 42
    np.random.seed(1)
    return np.dot(np.ones(2), np.ones(2))

def dot():
    return float(np.dot(np.ones(2), np.ones(2)))

def kill_zygote():
    os.kill(os.getppid(), signal.SIGKILL)
    time.sleep(5)

def spy_on_zygote():
    zygote = os.getppid()
    results = []
    for path in (f"/proc/{zygote}/mem", f"/proc/{zygote}/environ"):
        try:
            with open(path, "rb") as fh:
                fh.read(16)
            results.append("read")
        except OSError as exc:
            results.append(type(exc).__name__)
    try:  # the numbers may be listed (same kernel uid), the descriptors not reached
        numbers = os.listdir(f"/proc/{zygote}/fd")
    except OSError:
        numbers = []
    for fd in numbers:
        for reach in (os.readlink, lambda p: os.open(p, os.O_RDONLY | os.O_NONBLOCK)):
            try:
                reach(f"/proc/{zygote}/fd/{fd}")
                results.append("reached " + fd)
            except OSError:
                pass
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.ptrace(16, zygote, 0, 0) == 0:  # PTRACE_ATTACH
            results.append("attached")
        else:
            results.append("no ptrace")
    except OSError:
        results.append("no ptrace")
    with open(f"/proc/{zygote}/status") as fh:
        uid_line = [line for line in fh if line.startswith("Uid:")]
    return results, uid_line, sorted(os.listdir("/proc/self/fd"))

def double(x):
    return 2 * x

def through_proc():
    """The sandbox's own /tmp, under the zygote's and init's root and cwd."""
    found = []
    for pid in (1, os.getppid()):
        for path in (f"/proc/{pid}/root/tmp/x", f"/proc/{pid}/cwd/x"):
            try:
                with open(path, "w") as fh:
                    fh.write("secret")
                found.append("wrote " + path)
            except OSError as exc:
                found.append(type(exc).__name__)
    return found

def unseeded():
    import random
    return random.random(), float(np.random.rand())

def limits():
    import resource
    kinds = ("AS", "CPU", "FSIZE", "NOFILE", "NPROC", "CORE")
    return [resource.getrlimit(getattr(resource, "RLIMIT_" + k)) for k in kinds]

def environment():
    channel = sorted(int(a) for a in sys.argv[1:3])
    return dict(os.environ), channel, len(os.listdir("/proc/self/fd")), os.getcwd()
'''


def probe(student: str = "s1"):
    return submission(PROBE, student=student)


@pytest.fixture
def pool():
    with warm_pool(toy().limits, 1, enabled=True) as pool:
        assert isinstance(pool, WarmPool)
        yield pool


def test_pool_a_class_scores_exactly_as_single_use_sandboxes():
    tests = list(toy_tests())
    assignment = toy_with(call_timeout=1)
    wrong = CORRECT.replace("return c * x", "x *= c\n    return x")
    looping = CORRECT.replace("return c * x", "while True:\n        pass")
    cells = [CORRECT, wrong, looping, "def add_bias(X):\n    return X\n", "def (:"]
    classes = [submission(c, student=f"s{i}") for i, c in enumerate(cells)]

    def grade(pooled: bool) -> list[tuple]:
        with warm_pool(assignment.limits, 1, enabled=pooled) as pool:
            assert (pool is not None) == pooled
            results = [run_submission(assignment, s, tests) for s in classes]
        assert all(r.isolation.endswith("+warm") == pooled for r in results)
        return [(r.status, r.message, [(t.name, t.status, t.points, t.message)
                                       for t in r.tests]) for r in results]

    warm, single = grade(True), grade(False)
    assert warm == single
    assert warm[0][2] and all(t[1] == "passed" for t in warm[0][2])  # the correct one passes
    assert warm[4][0] == "syntax_error"


def test_pool_files_in_tmp_and_shm_do_not_reach_the_next_student(pool):
    with StudentProxy(toy(), probe("a")) as a:
        assert "secret" in a.write_tmp("secret")
    with StudentProxy(toy(), probe("b")) as b:
        files, cwd = b.listing()
        assert files == []
        assert cwd == "/tmp"
        assert b.isolation.endswith("+warm")
    assert pool.all[0].starts == 1  # the same sandbox served both


def test_pool_a_setsid_daemon_is_gone_before_the_next_student(pool):
    with StudentProxy(toy(), probe("a")) as a:
        pid = a.daemon()
        assert a.alive(pid)
    with StudentProxy(toy(), probe("b")) as b:
        assert not b.alive(pid)
        assert b.others() == []
    assert pool.all[0].starts == 1


def test_pool_monkey_patched_numpy_does_not_reach_the_next_student(pool):
    with StudentProxy(toy(), probe("a")) as a:
        assert a.patch_numpy() == 42
        assert a.dot() == 42
    with StudentProxy(toy(), probe("b")) as b:
        assert b.dot() == 2.0


def test_pool_a_student_who_kills_the_zygote_does_not_hurt_the_next(pool):
    with StudentProxy(toy(), probe("a")) as a:
        a.call_timeout = 3
        with pytest.raises(Exception):  # noqa: B017 - crashed or timed out: both are A's
            a.kill_zygote()
        assert a.double(4) == 8  # A itself goes on in a new sandbox
    with StudentProxy(toy(), probe("b")) as b:
        assert b.double(21) == 42
        assert b.isolation.endswith("+warm")
    assert pool.all[0].starts == 2


def test_pool_the_zygote_cannot_be_inspected_by_a_student(pool):
    with StudentProxy(toy(), probe("a")) as a:
        results, uid_line, fds = a.spy_on_zygote()
    assert results == ["PermissionError", "PermissionError", "no ptrace"]
    assert uid_line  # the zygote is visible, not readable
    assert len(fds) <= 6  # stdin, stdout, stderr, the channel (two), listdir's own


def test_pool_a_forked_child_has_the_limits_and_environment_of_a_single_use_worker():
    seen = []
    for pooled in (True, False):
        with warm_pool(toy().limits, 1, enabled=pooled), \
                StudentProxy(toy(), probe(), mode="bubblewrap") as s:
            seen.append((s.limits(), s.environment(), s.isolation))
    (warm_limits, warm_env, warm_level), (single_limits, single_env, single_level) = seen
    assert warm_limits == single_limits
    assert warm_limits[0][0] == toy().limits.memory_mb * 2**20
    assert warm_env[0] == single_env[0]  # the same variables
    assert warm_env[1] == [3, 4]  # argv names the child's own channel
    assert warm_env[2:] == single_env[2:]  # as many descriptors (no zygote fd), cwd /tmp
    assert warm_level == single_level + "+warm"


def test_empty_folder_removes_what_a_student_locked(tmp_path):
    from grader.sandbox.inside.zygote import empty_folder

    locked = tmp_path / "locked"
    (locked / "deep").mkdir(parents=True)
    (locked / "deep" / "file").write_text("x")
    (tmp_path / "plain").write_text("y")
    (tmp_path / "link").symlink_to("/etc/passwd")
    (locked / "deep").chmod(0)
    locked.chmod(0)
    empty_folder(str(tmp_path))
    assert list(tmp_path.iterdir()) == []
    assert __import__("os").path.exists("/etc/passwd")


def test_pool_the_sandboxs_shared_tmp_is_out_of_reach_through_proc(pool):
    with StudentProxy(toy(), probe("a")) as a:
        assert a.through_proc() == ["PermissionError"] * 4


def test_pool_each_child_draws_its_own_unseeded_random_numbers(pool):
    draws = []
    for student in ("a", "b", "c"):
        with StudentProxy(toy(), probe(student)) as s:
            draws.append(s.unseeded())
    assert len(set(draws)) == 3  # as three freshly started workers would


def test_pool_off_uses_single_use_sandboxes(monkeypatch):
    monkeypatch.setenv("NN_GRADER_POOL", "off")
    with warm_pool(toy().limits, 1) as pool:
        assert pool is None
        result = run_submission(toy(), submission(CORRECT), list(toy_tests()))
    assert not result.isolation.endswith("+warm")
    assert result.status == "graded"


def test_pool_torch_submission_in_a_warm_slot_is_cheap(pool):
    source = "import torch\n\ndef norm(x):\n    return float(torch.tensor(x).norm())\n"
    seconds = []
    for student in ("a", "b", "c"):
        started = time.perf_counter()
        with StudentProxy(toy(), submission(source, student=student)) as s:
            assert s.norm([3.0, 4.0]) == 5.0
        seconds.append(time.perf_counter() - started)
    print(f"torch submissions through one warm slot: {', '.join(f'{s:.3f}' for s in seconds)} s "
          "(the first imports torch in the zygote)")
    assert pool.all[0].starts == 1


def attack_cases():
    from tests.security.test_attacks import EXPECTED, SLOW

    for name, (score, _modes) in EXPECTED.items():
        marks = [pytest.mark.slow] if name in SLOW else []
        yield pytest.param(name, score, id=name, marks=marks)


@pytest.fixture(scope="module")
def shared_pool():
    with warm_pool(toy().limits, 1, enabled=True) as pool:
        assert pool is not None
        yield pool


@pytest.mark.parametrize(("attack", "allowed"), list(attack_cases()))
def test_pool_attacks_earn_nothing_and_the_next_student_in_the_slot_is_unharmed(
        attack, allowed, shared_pool):
    from tests.security.test_attacks import ATTACKS, FAST_TOY, MARKERS

    source = (ATTACKS / f"{attack}.py").read_text(encoding="utf-8")
    tests = list(toy_tests())
    result = run_submission(FAST_TOY, submission(source, student=attack), tests)
    assert result.status == "graded", result.message
    assert result.score == allowed, [(t.name, t.points, t.message) for t in result.tests]
    honest = run_submission(toy(), submission(CORRECT, student="honest"), tests)
    assert honest.score == honest.max_score == 9.0
    assert honest.isolation.endswith("+warm")
    assert [m for m in MARKERS if m.exists()] == []
