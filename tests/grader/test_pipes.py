"""The worker on plain pipes (grader.sandbox.pipes), `grader check`'s path on a laptop without
the POSIX channel (Windows; see also test_student_laptop): the same results as the POSIX
`none` level for the same submissions, through grader.run.runner.run_submission, and never
chosen for a level that protects the grader."""

from __future__ import annotations

import time

import pytest

import grader.sandbox.pipes as pipes
from grader.run.runner import run_submission
from grader.sandbox.pipes import PIPES_ISOLATION, PipeWorker, start_worker
from grader.sandbox.process import WorkerProcess
from tests.fixtures.engine import CORRECT, submission, toy, toy_tests, toy_with

LOOP = "def add_bias(X):\n    while True:\n        pass\n"
SUBMISSIONS = {
    "correct": (CORRECT,),
    "prints": (CORRECT + "\nprint('hello from the student')\n",),
    "wrong": (CORRECT.replace("np.ones((X.shape[0], 1))", "np.zeros((X.shape[0], 1))"),),
    "raises_at_import": ("raise RuntimeError('boom')\n",),
    "exits_in_a_call": (CORRECT + "\ndef scale(x, c):\n    import os\n    os._exit(3)\n",),
    "endless_loop": (CORRECT + "\n" + LOOP,),
    "syntax_error": ("def add_bias(X) return X\n",),
    "notebook": ("%matplotlib inline\nimport numpy as np", CORRECT, "!pip install nothing"),
}


def outcome(pipe: bool, cells: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> tuple:
    monkeypatch.setattr(pipes, "posix_channel", lambda: not pipe)
    kind = "ipynb" if len(cells) > 1 else "py"
    result = run_submission(toy_with(call_timeout=1), submission(*cells, kind=kind),
                            list(toy_tests()), mode="none")
    tests = [(t.name, t.status, t.points, t.message, t.mistake) for t in result.tests]
    return result.isolation, result.status, result.score, result.message, tests, \
        result.warnings, result.output


@pytest.mark.parametrize("name", list(SUBMISSIONS))
def test_pipes_grade_like_the_posix_channel(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cells = SUBMISSIONS[name]
    piped = outcome(True, cells, monkeypatch)
    posix = outcome(False, cells, monkeypatch)
    assert piped[0] == PIPES_ISOLATION and posix[0].startswith("none (rlimit-subprocess)")
    assert piped[1:] == posix[1:]


def test_pipes_capture_what_the_student_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    *_, output = outcome(True, SUBMISSIONS["prints"], monkeypatch)
    assert output == "hello from the student\n"


def test_an_endless_loop_on_pipes_costs_the_call_timeout(
        monkeypatch: pytest.MonkeyPatch) -> None:
    start = time.monotonic()
    _level, status, _score, _msg, tests, *_ = outcome(True, SUBMISSIONS["endless_loop"],
                                                      monkeypatch)
    assert status == "graded"
    loops = [t for t in tests if t[0].startswith("add_bias")]
    assert loops and all(t[1] == "timeout" for t in loops)
    assert time.monotonic() - start < 30


def test_grading_levels_never_take_the_pipes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipes, "posix_channel", lambda: False)
    monkeypatch.setattr(pipes, "choose_mode", lambda mode: mode)  # as if the level were there
    monkeypatch.setattr(pipes, "WorkerProcess", lambda *a, **k: ("posix", k["mode"]))
    for level in ("bubblewrap", "uid"):
        assert start_worker(toy().limits, mode=level) == ("posix", level)


def test_a_pipe_worker_closes_its_process() -> None:
    worker = PipeWorker(toy().limits)
    assert isinstance(worker, WorkerProcess)
    worker.wait_ready()
    worker.close()
    assert worker.process.returncode is not None
    assert worker.cpu_seconds() is None
