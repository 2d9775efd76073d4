"""The student proxy: plain values out, callbacks in, student errors named, restarts and budget."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pytest

from grader.errors import BadValue, MissingFunction, StudentError, StudentTimeout, WorkerCrashed
from grader.sandbox.calls import Handle
from grader.sandbox.proxy import StudentProxy
from tests.fixtures.engine import MODES, submission, toy, toy_with

SOURCE = '''
import os, sys
import numpy as np

calls = 0

def double(x):
    global calls
    calls += 1
    return 2 * x

def numbers():
    return np.float64(1.5), np.int32(7), np.bool_(True), np.arange(3), [np.float32(2.0)]

def counter():
    return calls

def grow(items, arr):
    items.append(99)
    arr[0] = -1.0
    return None

class MyError(ValueError):
    pass

def check(x):
    if x < 0:
        helper(x)
    return x

def helper(x):
    raise MyError(f"x must be >= 0, got {x}")

def apply(f, x):
    return f(x) + 1

def gradient(f, x, h=1e-5):
    g = np.zeros_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e.flat[i] = h
        g.flat[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g

def catch(f):
    try:
        f(1.0)
    except ValueError as exc:
        return "caught " + str(exc)

def loop():
    while True:
        pass

def spin():
    while True:
        pass

def exit_politely():
    sys.exit(0)

def exit_hard():
    os._exit(3)

class Liar(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__

class LyingArray(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)

def liars():
    return Liar(0.25), np.zeros(2).view(LyingArray)

class Sneaky:
    def __reduce__(self):
        return (os.system, ("touch /tmp/nngrader-pwned",))

def sneaky():
    return Sneaky()

def objects():
    return np.array([1, "a"], dtype=object)

def structured():
    return np.zeros(2, dtype=[("a", "f8")])

def cyclic():
    x = []
    x.append(x)
    return x

def generator():
    return (i for i in range(3))

def talk(n):
    print("hello from the student " * n)
    return n

not_a_function = 5
'''


@pytest.fixture(params=MODES)
def student(request):
    """A fresh worker per test: for tests that kill, restart or time out the worker."""
    with StudentProxy(toy(), submission(SOURCE), mode=request.param) as proxy:
        assert proxy.start().status == "ok"
        yield proxy


@pytest.fixture(scope="module", params=MODES)
def shared(request):
    """One worker for the tests that leave it running (faster)."""
    with StudentProxy(toy(), submission(SOURCE), mode=request.param) as proxy:
        assert proxy.start().status == "ok"
        yield proxy


def test_proxy_returns_plain_values_of_exact_types(shared):
    value, i, b, arr, lst = shared.numbers()
    assert (type(value), type(i), type(b), type(arr), type(lst[0])) == (
        float, int, bool, np.ndarray, float)
    assert (value, i, b, lst) == (1.5, 7, True, [2.0])
    np.testing.assert_array_equal(arr, [0, 1, 2])
    arr[0] = 5  # a fresh, writeable copy
    np.testing.assert_array_equal(shared.double(np.ones(2)), [2.0, 2.0])


def test_proxy_call_reports_arguments_after_the_call_for_in_place_checks(shared):
    items, arr = [1, 2], np.zeros(3)
    call = shared.call("grow", items, arr)
    assert call.value is None and call.seconds >= 0
    assert call.args[0] == [1, 2, 99]
    np.testing.assert_array_equal(call.args[1], [-1.0, 0.0, 0.0])
    assert items == [1, 2] and arr[0] == 0.0  # what the test sent is untouched


def test_proxy_contains_only_callable_functions(shared):
    assert "double" in shared
    assert "not_a_function" not in shared
    assert "nope" not in shared


def test_proxy_missing_function_is_named(shared):
    with pytest.raises(MissingFunction, match=r"your toy does not define a function nope\(\)"):
        shared.nope(1)


def test_proxy_student_exception_carries_type_mro_and_only_student_frames(shared):
    with pytest.raises(StudentError) as info:
        shared.check(-2)
    exc = info.value
    assert exc.exc_type == "MyError"
    assert exc.exc_mro[:3] == ("MyError", "ValueError", "Exception")
    assert exc.is_a("ValueError")
    assert exc.message == "MyError: x must be >= 0, got -2"
    assert 'File "toy.py", line 28, in check' in exc.traceback
    assert "in helper" in exc.traceback
    assert "worker.py" not in exc.traceback and "codec.py" not in exc.traceback


def test_proxy_callbacks_run_on_the_trusted_side_with_values_only(shared):
    seen = []

    def f(v):
        seen.append(type(v))
        return 3 * v

    assert shared.apply(f, 2.0) == 7.0
    assert seen == [float]
    x = np.random.default_rng(0).normal(size=(3, 4))
    g = shared.gradient(lambda z: float(np.sum(z ** 3)), x)
    np.testing.assert_allclose(g, 3 * x ** 2, rtol=1e-6)


def test_proxy_callback_exceptions_reach_the_student_code(shared):
    def bad(v):
        raise ValueError("the grader's f refuses")

    assert shared.catch(bad) == "caught the grader's f refuses"


def test_proxy_callback_may_call_the_student_again(shared):
    assert shared.apply(lambda v: shared.double(v), 5.0) == 11.0


def test_proxy_timeout_then_restart_with_fresh_state(student):
    student.call_timeout = 1.0
    student.double(1)
    assert student.counter() == 1
    started = time.monotonic()
    with pytest.raises(StudentTimeout, match=r"loop\(\) did not finish within 1 s"):
        student.loop()
    assert time.monotonic() - started < 3
    assert student.counter() == 0  # a fresh worker, the submission loaded again
    assert student.restarts == 1


@pytest.mark.parametrize("mode", MODES)
def test_proxy_budget_spent_then_every_call_fails_at_once(mode):
    assignment = replace(toy(), limits=replace(toy().limits, call_timeout=1,
                                               submission_timeout=1.5))
    with StudentProxy(assignment, submission(SOURCE), mode=mode) as student:
        assert student.start().status == "ok"
        with pytest.raises(StudentTimeout, match=r"did not finish within 1 s"):
            student.loop()
        with pytest.raises(StudentTimeout, match=r"time budget of 1.5 s .* is used up"):
            student.spin()  # only the rest of the budget was left for this call
        started = time.monotonic()
        with pytest.raises(StudentTimeout, match=r"time budget of 1.5 s"):
            student.double(1)
        with pytest.raises(StudentTimeout, match="time budget"):
            "double" in student  # noqa: B015
        assert time.monotonic() - started < 0.5


@pytest.mark.parametrize("mode", MODES)
def test_proxy_a_function_that_timed_out_is_skipped_and_the_others_still_run(mode):
    with StudentProxy(toy_with(call_timeout=1), submission(SOURCE), mode=mode) as student:
        assert student.start().status == "ok"
        with pytest.raises(StudentTimeout, match=r"loop\(\) did not finish within 1 s"):
            student.loop()
        started = time.monotonic()
        for _ in range(3):  # nbgrader burns the timeout for every test cell in turn
            with pytest.raises(StudentTimeout, match=r"skipped: loop timed out earlier in "
                                                     r"this submission \(limit 1 s\)"):
                student.call("loop")
        assert time.monotonic() - started < 0.5
        assert student.double(2) == 4  # other functions: a fresh worker, still graded
        assert student.restarts == 1
        with pytest.raises(StudentTimeout, match=r"spin\(\) did not finish"):
            student.spin()  # a different function gets its own timeout
        with pytest.raises(StudentTimeout, match="skipped: loop"):
            student.loop()


def test_proxy_sys_exit_fails_the_call_only(student):
    with pytest.raises(StudentError) as info:
        student.exit_politely()
    assert info.value.exc_type == "SystemExit"
    assert student.double(2) == 4
    assert student.restarts == 0


def test_proxy_os_exit_crashes_the_worker_which_restarts(student):
    with pytest.raises(WorkerCrashed, match="exit status 3"):
        student.exit_hard()
    assert student.double(2) == 4
    assert student.restarts == 1


def test_proxy_overridden_eq_and_array_subclasses_arrive_plain(shared):
    liar, arr = shared.liars()
    assert type(liar) is float and liar == 0.25 and liar != 1.0
    assert type(arr) is np.ndarray and not np.array_equal(arr, np.ones(2))


@pytest.mark.parametrize(("name", "message"), [
    ("objects", "dtype object cannot be sent"),
    ("structured", "cannot be sent"),
    ("cyclic", "cyclic"),
])
def test_proxy_values_that_may_not_cross_are_bad_values(shared, name, message):
    with pytest.raises(BadValue, match=message):
        shared.call(name)
    assert shared.double(1) == 2  # the worker is still fine


@pytest.mark.parametrize(("name", "kind"), [("sneaky", "Sneaky"), ("generator", "generator")])
def test_proxy_objects_stay_in_the_sandbox_as_handles_the_test_cannot_look_into(shared, name,
                                                                                kind):
    value = shared.call(name).value
    assert type(value) is Handle and value.kind == kind
    for use in (np.asarray, float, len, list, lambda v: v.attribute, lambda v: v[0]):
        with pytest.raises(BadValue, match=f"{name}\\(\\) returned a {kind} object where the "
                           "test needs .*stays in the sandbox"):
            use(value)
    assert shared.double(1) == 2  # the worker is still fine


def test_proxy_pickle_payload_never_runs_on_the_trusted_side(shared):
    with pytest.raises(BadValue):
        np.asarray(shared.sneaky())
    import os

    assert not os.path.exists("/tmp/nngrader-pwned")


def test_proxy_captures_output_capped(student):
    assert student.talk(1) == 1
    assert "hello from the student" in student.output
    assert student.talk(100_000) == 100_000  # 2.3 MB of output, the toy keeps 4 KiB
    time.sleep(0.1)
    assert len(student.output) < 4 * 1024 + 200
    assert "output truncated" in student.output


def test_proxy_unsendable_argument_is_the_tests_mistake(shared):
    with pytest.raises(TypeError, match="an argument cannot be sent"):
        shared.double(object())
    assert shared.double(3) == 6


@pytest.mark.parametrize("mode", MODES)
def test_proxy_waiting_costs_no_cpu_even_when_the_student_closes_its_output(mode):
    source = ("import os, time\ndef quiet():\n    os.close(1)\n    os.close(2)\n"
              "    time.sleep(1.0)\n    return 1\n")
    with StudentProxy(toy(), submission(source), mode=mode) as student:
        assert student.start().status == "ok"
        cpu = time.process_time()
        assert student.quiet() == 1
        assert time.process_time() - cpu < 0.15


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_proxy_torch_tensors_arrive_as_numpy_arrays(mode):
    source = ("import torch\ndef tensor(x):\n"
              "    t = torch.tensor(x, requires_grad=True)\n    return (t * 2).sum(), t * 3\n")
    with StudentProxy(toy(), submission(source), mode=mode) as student:
        assert student.start().status == "ok"
        total, tripled = student.tensor([1.0, 2.0])
    assert type(total) is np.ndarray and total.shape == () and float(total) == 6.0
    assert tripled.dtype == np.float32
    np.testing.assert_array_equal(tripled, [3.0, 6.0])
    assert student.startup_seconds[0] < 30


def test_proxy_student_exception_is_caught_by_its_builtin_type(shared):
    try:
        shared.check(-2)
    except ValueError as exc:  # MyError(ValueError) in the sandbox: the test's except catches it
        assert isinstance(exc, StudentError) and exc.exc_type == "MyError"
        assert str(exc) == "MyError: x must be >= 0, got -2"
    else:
        raise AssertionError("check(-2) did not raise")
    with pytest.raises(StudentError) as info:
        shared.exit_politely()  # SystemExit never becomes the grader's SystemExit
    assert not isinstance(info.value, SystemExit) and info.value.exc_type == "SystemExit"
    with pytest.raises(KeyError):  # a test's except KeyError does not catch a ValueError
        try:
            shared.check(-1)
        except KeyError:
            pass
        except ValueError:
            raise KeyError("the ValueError arrived as a ValueError") from None


def test_proxy_reads_hides_and_restores_top_level_names(student):
    assert student.variable("not_a_function") == 5
    with pytest.raises(NameError, match="name 'nope' is not defined"):
        student.variable("nope")
    with pytest.raises(BadValue):
        student.variable("double")  # a function is not a value that crosses
    assert student.double(2) == 4
    student.hide("helper")  # as `del helper` in the student's kernel
    with pytest.raises(NameError, match="name 'helper' is not defined"):
        student.check(-1)
    assert "helper" not in student
    student.restore()
    with pytest.raises(ValueError, match="x must be >= 0"):
        student.check(-1)
    with pytest.raises(NameError):
        student.hide("nope")


def test_local_student_reads_hides_and_restores_like_the_proxy():
    import types

    from grader.sandbox.local import LocalStudent

    module = types.ModuleType("toy")
    exec(SOURCE, module.__dict__)
    student = LocalStudent(module)
    assert student.variable("not_a_function") == 5
    with pytest.raises(NameError, match="name 'nope' is not defined"):
        student.variable("nope")
    student.hide("helper")
    with pytest.raises(NameError):
        student.call("check", -1)
    student.restore("helper")
    with pytest.raises(ValueError, match="x must be >= 0"):
        student.call("check", -1)
