"""Per-call CPU limits calibrated on the reference (grader.run.calibrate, grader.sandbox.proxy): an
endless
loop is stopped after min_cpu_seconds of CPU instead of the wall-clock call_timeout, code that
waits without computing is not, and every isolation level measures the sandbox's CPU."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from grader.batch.driver import run_batch
from grader.config import load_assignment
from grader.errors import StudentTimeout
from grader.run.calibrate import calibrate, cpu_limit, summary
from grader.sandbox.cgroups import tree_cpu_seconds
from grader.sandbox.pool import warm_pool
from grader.sandbox.proxy import StudentProxy
from grader.testing import load_tests_file
from tests.fixtures.engine import CORRECT, MODES, submission, toy, toy_tests, toy_with

SOURCE = '''
import time

def spin():
    while True:
        pass

def whirl():
    while True:
        pass

def burn(seconds):
    """Use `seconds` of CPU time (the same on a fast or a slow or a busy machine)."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return seconds

def nap(seconds):
    time.sleep(seconds)
    return "rested"

def double(x):
    return 2 * x
'''

# The toy's wall-clock limit is 3 s per call; the CPU limits are far below it.
LIMITS = {"call_timeout": 3, "cpu_factor": 100, "min_cpu_seconds": 0.5,
          "min_cpu_seconds_after_timeout": 0.1, "cpu_allowance": 0.25}
POOLED = pytest.param("pooled", id="pooled", marks=MODES[0].marks)


def _proxy(mode: str, **limits: float) -> StudentProxy:
    assignment = toy_with(**{**LIMITS, **limits})
    return StudentProxy(assignment, submission(SOURCE), mode=None if mode == "pooled" else mode)


def _pooled(mode: str, assignment=None):  # type: ignore[no-untyped-def]
    assignment = assignment or toy_with(**LIMITS)
    return warm_pool(assignment.limits, 1, enabled=mode == "pooled")


@pytest.mark.parametrize("mode", [*MODES, POOLED])
def test_an_endless_loop_is_stopped_by_its_cpu_limit_and_names_it(mode):
    with _pooled(mode), _proxy(mode) as student:
        assert student.start().status == "ok"
        student.reference_seconds = 0.0001  # 100 x 0.1 ms is below the 0.5 s floor
        assert student.cpu_limit() == 0.5
        started = time.monotonic()
        with pytest.raises(StudentTimeout) as info:
            student.spin()
        assert time.monotonic() - started < 3  # stopped before the wall-clock limit
        message = info.value.message
        assert "spin() used more than 0.75 s of CPU time without finishing" in message
        assert message.endswith("The limit is 100× the reference solution's time for this "
                                "test, and at least 0.5 s, plus 0.25 s for one-time costs (a "
                                "first import, a cache).")
        with pytest.raises(StudentTimeout, match=r"skipped: spin .*0\.75 s of CPU time"):
            student.spin()
        assert student.double(21) == 42  # a fresh worker for the rest


@pytest.mark.parametrize("mode", [*MODES, POOLED])
def test_waiting_uses_no_cpu_and_moderate_work_fits_under_the_floor(mode):
    with _pooled(mode), _proxy(mode) as student:
        assert student.start().status == "ok"
        student.reference_seconds = 0.0001
        assert student.nap(1.0) == "rested"  # a second of wall-clock time, no CPU
        assert student.burn(0.2) == 0.2  # 0.2 s of CPU: within the 0.5 s floor
        assert student.timeouts == 0 and student.restarts == 0


@pytest.mark.parametrize("mode", [*MODES, POOLED])
def test_a_first_timeout_lowers_nothing_and_the_second_lowers_the_floor(mode):
    """A first timeout may have been a one-time cost: the next worker has the same limit and
    its own allowance. From the second timeout on the floor is 0.1 s and there is none."""
    with _pooled(mode), _proxy(mode) as student:
        assert student.start().status == "ok"
        student.reference_seconds = 0.0001
        with pytest.raises(StudentTimeout, match=r"at least 0\.5 s, plus 0\.25 s"):
            student.spin()
        assert (student.cpu_limit(), student.timeouts) == (0.5, 1)
        assert student.burn(0.6) == 0.6  # over the limit: the fresh worker's allowance
        assert student.cpu_allowance == 0.0
        with pytest.raises(StudentTimeout, match=r"whirl\(\) used more than 0\.5 s .*least "
                                                 r"0\.5 s\.$"):
            student.whirl()  # the allowance went to burn: the limit alone
        assert (student.cpu_limit(), student.timeouts) == (0.1, 2)
        with pytest.raises(StudentTimeout) as info:
            student.burn(0.3)
        assert "burn() used more than 0.1 s of CPU time" in info.value.message
        assert info.value.message.endswith("and at least 0.1 s after earlier timeouts.")
        assert student.cpu_allowance == 0.0 and student.double(2) == 4


@pytest.mark.parametrize("mode", [*MODES, POOLED])
def test_a_worker_spends_its_allowance_for_one_time_costs_once(mode):
    with _pooled(mode), _proxy(mode) as student:
        assert student.start().status == "ok"
        student.reference_seconds = 0.0001
        assert student.burn(0.65) == 0.65  # 0.5 s + 0.25 s for a one-time cost
        assert student.cpu_allowance == 0.0 and student.timeouts == 0
        assert student.burn(0.3) == 0.3  # under the limit: unchanged
        with pytest.raises(StudentTimeout, match=r"used more than 0\.5 s of CPU time .* at "
                                                 r"least 0\.5 s\.$"):
            student.burn(0.65)  # the allowance is spent: the limit alone
        assert student.cpu_limit() == 0.5 and student.cpu_allowance == 0.25


@pytest.mark.parametrize("mode", MODES)
def test_the_factor_raises_the_limit_above_the_floor_for_slow_references(mode):
    with _proxy(mode, min_cpu_seconds=0.05) as student:
        assert student.start().status == "ok"
        student.reference_seconds = 0.0043642  # 100 x 4.36 ms = 0.436 s (shown rounded)
        assert student.cpu_limit() == pytest.approx(0.43642)
        assert student.burn(0.2) == 0.2
        with pytest.raises(StudentTimeout, match=r"used more than 0\.686 s of CPU .* The limit "
                                                 r"is 100× the reference solution's 4\.4 ms for "
                                                 r"this test, plus 0\.25 s for one-time costs "
                                                 r"\(a first import, a cache\)\.$"):
            student.burn(1.0)


@pytest.mark.parametrize(("limits", "reference"), [
    ({"cpu_factor": 0}, 0.0001),          # the factor turned off
    ({"min_cpu_seconds": 0}, 0.0001),     # the CPU limit turned off
    ({}, None),                           # the test was not calibrated
    ({"cpu_factor": 100}, 0.05),          # 5 s of CPU would exceed the 3 s wall-clock limit
])
def test_without_a_cpu_limit_the_wall_clock_limit_alone_applies(limits, reference):
    with _proxy("subprocess", **limits) as student:
        assert student.start().status == "ok"
        student.reference_seconds = reference
        if reference is None or not limits.get("cpu_factor", 1) or \
                not limits.get("min_cpu_seconds", 1):
            assert student.cpu_limit() is None
        assert student.burn(0.7) == 0.7  # over the 0.5 s floor, yet not stopped
        student.call_timeout = 1.0
        with pytest.raises(StudentTimeout, match=r"spin\(\) did not finish within 1 s"):
            student.spin()


def test_tree_cpu_seconds_counts_a_busy_process_and_its_children():
    burn = ("t = time.process_time()\n"
            "while time.process_time() - t < 0.3: pass\n"
            "os.write(1, b'done\\n')\n"  # one write: the two processes' lines never interleave
            "time.sleep(30)\n")
    code = f"import os, time\nif os.fork() == 0:\n{textwrap.indent(burn, '    ')}{burn}"
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE) as process:
        try:
            assert process.stdout is not None
            assert [process.stdout.readline() for _ in range(2)] == [b"done\n"] * 2
            assert 0.55 <= tree_cpu_seconds(process.pid) < 5  # parent + its living child
        finally:
            process.kill()


# -- calibration ----------------------------------------------------------------------------

SLOW_REFERENCE = '''
import time

def add_bias(X):
    time.sleep(0.03)
    import numpy as np
    return np.hstack([X, np.ones((len(X), 1))])
'''


def test_calibration_measures_the_references_longest_call_per_test():
    from tests.fixtures import toy_reference

    tests = calibrate(toy(), list(toy_tests()), toy_reference)
    assert [t.name for t in tests] == [t.name for t in toy_tests()]
    for test in tests:
        if "student" in test.params:
            assert test.reference_seconds is not None, test.name
            assert 0 <= test.reference_seconds < 0.5, test.name
    add_bias = next(t for t in tests if t.name == "add_bias_values")
    assert cpu_limit(toy(), add_bias) == 0.5  # the floor: 100 x the reference is far less
    assert cpu_limit(toy_with(call_timeout=0.4), add_bias) is None  # above the wall limit
    assert summary(toy(), tests).startswith(
        f"time limits per call: {sum('student' in t.params for t in tests)} tests 0.5 s of CPU "
        "(the reference's longest call: ")


def test_calibration_keeps_the_shortest_of_repeated_runs_where_the_factor_decides(tmp_path):
    import types

    slow = types.ModuleType("slow_reference")
    exec(SLOW_REFERENCE, slow.__dict__)
    test = next(t for t in toy_tests() if t.name == "add_bias_values")
    calls: list[float] = []
    original = slow.add_bias

    def counted(X):  # type: ignore[no-untyped-def]
        calls.append(time.perf_counter())
        return original(X)

    slow.add_bias = counted
    [measured] = calibrate(toy(), [test], slow, ref=slow)
    assert measured.reference_seconds is not None and measured.reference_seconds >= 0.03
    # 100 x 30 ms = 3 s is above the 0.5 s floor, so the test ran REPEATS times (and `ref` is
    # called once per run too): 3 student calls + 3 ref calls.
    assert len(calls) == 6


def test_a_test_the_reference_fails_gets_no_cpu_limit_and_turned_off_means_unmeasured():
    import types

    wrong = types.ModuleType("wrong_reference")
    exec("def add_bias(X):\n    return X\n", wrong.__dict__)
    test = next(t for t in toy_tests() if t.name == "add_bias_values")
    from tests.fixtures import toy_reference

    [measured] = calibrate(toy(), [test], wrong, ref=toy_reference)
    assert measured.reference_seconds is None
    off = toy_with(cpu_factor=0)
    [untouched] = calibrate(off, [test], toy_reference)
    assert untouched is test


def test_a_batch_stops_a_looping_student_by_cpu_and_grades_the_others_in_full(tmp_path):
    looping = CORRECT.replace("def scale(", "def scale(*a, **k):\n    while True:\n"
                                            "        pass\n\ndef _old_scale(")
    submissions = tmp_path / "subs"
    for student, source in (("ada", CORRECT), ("bob", looping)):
        (submissions / student).mkdir(parents=True)
        (submissions / student / "toy.py").write_text(source)
    batch = run_batch(toy(), submissions, tmp_path / "out", jobs=2, progress=False)
    ada, bob = batch.results
    assert all(t.status == "passed" for t in ada.tests)
    scale = {t.name: t for t in bob.tests}["scale_values"]
    assert scale.status == "timeout"
    assert "scale() used more than 0.75 s of CPU time" in scale.message
    others = [t for t in bob.tests if "scale" not in t.name]
    assert others and all(t.status == "passed" for t in others)


def test_every_test_of_a_bundled_assignment_is_calibrated():
    folder = Path(__file__).resolve().parents[2] / "assignments" / "perceptron"
    assignment = load_assignment(folder)
    from grader.run.reference import load_reference

    tests = load_tests_file(assignment.visible_tests_path) + \
        load_tests_file(assignment.hidden_tests_path)
    measured = calibrate(assignment, tests, load_reference(assignment))
    assert all(t.reference_seconds is not None for t in measured if "student" in t.params)
    assert all(cpu_limit(assignment, t) == 0.5 for t in measured if "student" in t.params)


# -- one calibration per class ---------------------------------------------------------------


class _Recording:
    """A runner (the sandboxed one) that records the reference times each test arrived with."""

    def __init__(self) -> None:
        self.seen: list[dict[str, float | None]] = []

    def __call__(self, assignment, submission, tests, *, ref=None):  # type: ignore[no-untyped-def]
        from grader.run.runner import run_submission

        self.seen.append({t.name: t.reference_seconds for t in tests})
        return run_submission(assignment, submission, tests, ref=ref)


def test_a_resumed_batch_grades_later_students_under_the_stored_limits(tmp_path, monkeypatch):
    import grader.run.calibrate

    measured: list[int] = []
    real = grader.run.calibrate.calibrate

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        measured.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(grader.run.calibrate, "calibrate", counting)
    subs, out = tmp_path / "subs", tmp_path / "out"
    (subs / "ada").mkdir(parents=True)
    (subs / "ada" / "toy.py").write_text(CORRECT)
    first = _Recording()
    run_batch(toy(), subs, out, run=first, progress=False)
    assert len(measured) == 1 and len(first.seen) == 1
    (subs / "bob").mkdir()
    (subs / "bob" / "toy.py").write_text(CORRECT + "\n# bob\n")
    later = _Recording()
    run_batch(toy(), subs, out, run=later, progress=False)
    assert len(measured) == 1, "a resumed batch measures nothing again"
    assert later.seen == first.seen  # bob: exactly ada's limits
    again = _Recording()
    run_batch(toy(), subs, out, run=again, progress=False, force=True)
    assert len(measured) == 2 and len(again.seen) == 2  # --force: everyone, measured afresh
    run_batch(toy_with(min_cpu_seconds=0.25), subs, out, run=_Recording(), progress=False)
    assert len(measured) == 3  # other limits: other tests digest, measured again


def test_a_damaged_stored_calibration_is_measured_again(tmp_path):
    from grader.store.gradebook import Gradebook

    with Gradebook(tmp_path / "book.sqlite") as book:
        assert book.calibration("toy", "d1") is None
        book.store_calibration("toy", "d1", {"a": 0.001, "b": None})
        assert book.calibration("toy", "d1") == {"a": 0.001, "b": None}
        assert book.calibration("toy", "d2") is None  # other tests
        with book._transaction() as db:
            db.execute("UPDATE meta SET value = '{not json' WHERE key = 'calibration:toy'")
        assert book.calibration("toy", "d1") is None


def test_sandbox_group_reads_cgroup_v1_and_v2_cpu_accounts(tmp_path):
    from grader.sandbox.cgroups import SandboxGroup

    v1, v2 = tmp_path / "v1", tmp_path / "v2"
    v1.mkdir()
    v2.mkdir()
    (v1 / "cpuacct.usage").write_text("1500000000\n")  # nanoseconds
    (v2 / "cpu.stat").write_text("usage_usec 2250000\nuser_usec 2000000\nsystem_usec 250000\n")
    assert SandboxGroup({"pids": v1, "cpuacct": v1}).cpu_seconds() == 1.5
    assert SandboxGroup({"pids": v2, "cpuacct": v2}).cpu_seconds() == 2.25
    assert SandboxGroup({"pids": v1}).cpu_seconds() is None  # not measured: process tree
    (v1 / "cpuacct.usage").write_text("garbage")
    assert SandboxGroup({"pids": v1, "cpuacct": v1}).cpu_seconds() is None


@pytest.mark.parametrize("mode", MODES)
def test_a_busy_machine_does_not_make_a_call_time_out(mode):
    """CPU time, not wall-clock time: with more busy processes than cores, 0.35 s of CPU takes
    longer than the 0.5 s limit in wall-clock time, and is still within the CPU limit."""
    hog = "while True:\n    pass\n"  # each in its own session: the scheduler shares CPU
    hogs = [subprocess.Popen([sys.executable, "-c", hog], start_new_session=True)  # by session
            for _ in range((os.cpu_count() or 2) + 1)]
    try:
        with _proxy(mode) as student:
            assert student.start().status == "ok"
            student.reference_seconds = 0.0001
            for _ in range(2):
                assert student.burn(0.35) == 0.35
            assert student.timeouts == 0
    finally:
        for process in hogs:
            process.kill()
            process.wait()


def test_the_worker_imports_torchs_lazy_modules_without_starting_a_thread():
    """Fork-safe warm-up (DESIGN: no fork after a started OpenMP pool): after import_torch the
    process has one thread and the modules a first torch.optim/torch.func call would import."""
    code = ("import os, sys; sys.path.insert(0, sys.argv[1]); import worker; "
            "assert worker.import_torch(); "
            "print(len(os.listdir('/proc/self/task')), "
            "all(m in sys.modules for m in worker.TORCH_WARM_MODULES))")
    folder = Path(__file__).resolve().parents[2] / "grader" / "sandbox" / "inside"
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True,
                         text=True, timeout=120, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert out.stdout.split() == ["1", "True"], out.stderr
