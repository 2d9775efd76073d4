"""State between calls (the forward/backward-with-cache style), graded through `grader grade`'s
path: named tuples keep their fields across the codec; a student's class instance and tensors
with their graph stay in the sandbox as handles that later calls of the submission get back;
a test using a handle as data fails with a message that says why; handles die with the worker.
The fixture: tests/fixtures/batchnorm (see its assignment.toml)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from grader.batch.driver import run_batch
from grader.collect.entries import collect
from grader.config import load_assignment
from grader.errors import BadValue
from grader.sandbox.calls import Handle
from grader.sandbox.proxy import StudentProxy

FIXTURE = Path(__file__).parents[1] / "fixtures" / "batchnorm"
HANDLE_MESSAGE = (
    "batchnorm_forward() returned a {kind} object where the test needs its "
    "attribute 'gamma'; a {kind} stays in the sandbox (the grader never looks inside the objects "
    "of your code): return numbers, strings, lists, tuples, dicts or numeric numpy arrays (torch "
    "tensors are converted)")

# student: {test: (points, message or the start of it)}
EXPECTED = {
    "named": {"forward_normalises": (1, ""), "backward_with_cache": (2, ""),
              "backward_with_kept_cache": (2, ""),
              "cache_fields_are_readable_when_it_is_a_named_tuple": (1, "")},
    "klass": {"forward_normalises": (1, ""), "backward_with_cache": (2, ""),
              "backward_with_kept_cache": (2, ""),
              "cache_fields_are_readable_when_it_is_a_named_tuple": (
                  0, HANDLE_MESSAGE.format(kind="BatchNormCache"))},
    # by default tensors cross as arrays, so the graph is lost: the test must ask to keep it
    "torch_graph": {"forward_normalises": (1, ""),
                    "backward_with_cache": (
                        0, "your code raised AttributeError: 'numpy.ndarray' object has no "
                           "attribute 'backward'"),
                    "backward_with_kept_cache": (2, ""),
                    "cache_fields_are_readable_when_it_is_a_named_tuple": (
                        0, "the test could not use your result: AttributeError: 'tuple' "
                           "object has no attribute 'gamma'")},
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, tuple[float, str]]]:
    root = tmp_path_factory.mktemp("batchnorm")
    subs = root / "subs"
    shutil.copytree(FIXTURE / "submissions", subs)
    batch = run_batch(load_assignment(FIXTURE), subs, root / "out", jobs=2, progress=False)
    return {r.student: {t.name: (t.points, t.message) for t in r.tests} for r in batch.results}


@pytest.mark.parametrize("student", EXPECTED)
def test_handles_cache_styles_score_as_predicted_through_grader_grade(graded, student: str):
    got = graded[student]
    assert {name: points for name, (points, _) in got.items()} == \
        {name: points for name, (points, _) in EXPECTED[student].items()}
    for name, (_, message) in EXPECTED[student].items():
        assert got[name][1].startswith(message), (name, got[name][1])
        assert bool(message) == bool(got[name][1]), (name, got[name][1])


def test_handles_die_with_the_worker_and_say_so(tmp_path: Path):
    assignment = load_assignment(FIXTURE)
    submission = collect(assignment, FIXTURE / "submissions" / "klass.py")
    x, gamma, beta = np.arange(6.0).reshape(3, 2), np.ones(2), np.zeros(2)
    with StudentProxy(assignment, submission) as student:
        _out, cache = student.batchnorm_forward(x, gamma, beta)
        assert type(cache) is Handle and cache.kind == "BatchNormCache"
        assert repr(cache) == "<BatchNormCache from batchnorm_forward(), kept in the sandbox>"
        student.batchnorm_backward(np.ones((3, 2)), cache)  # the same worker: fine
        with pytest.raises(Exception, match="crashed the worker"):
            student.crash()
        with pytest.raises(BadValue, match="the BatchNormCache that batchnorm_forward\\(\\) "
                           "returned earlier is gone: your code was restarted since"):
            student.batchnorm_backward(np.ones((3, 2)), cache)


def test_handles_named_tuples_keep_their_field_names(tmp_path: Path):
    assignment = load_assignment(FIXTURE)
    submission = collect(assignment, FIXTURE / "submissions" / "named.py")
    with StudentProxy(assignment, submission) as student:
        _out, cache = student.batchnorm_forward(np.arange(6.0).reshape(3, 2), np.ones(2),
                                                np.zeros(2))
        assert type(cache).__name__ == "Cache" and cache._fields == ("x_hat", "gamma", "inv_std")
        assert type(cache).__module__ != "batchnorm"  # made on this side, not the student's
