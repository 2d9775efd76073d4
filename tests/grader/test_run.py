"""End-to-end: grade toy submissions through the real sandbox, with exact expected scores."""

from __future__ import annotations

import pytest

from grader.run import run_submission
from tests.fixtures.engine import CORRECT, MODES, submission, toy, toy_tests

BUGGY = '''
import numpy as np
def add_bias(X):
    return np.hstack([np.ones((X.shape[0], 1)), X])   # ones FIRST: shape right, values wrong
def scale(x, c):
    x *= c                                              # modifies its input in place
    return x
def safe_div(a, b):
    if b == 0:
        raise ValueError("zero")
    return a / b
def apply(f, x):
    return f(x) + 1
def count_positive(x):
    return int(np.sum(x >= 0))                          # counts zeros too: 2 of 4 inputs right
'''


def grade(source: str, mode: str, **kw):
    return run_submission(toy(), submission(source, **kw), list(toy_tests()), mode=mode)


def points(result) -> dict[str, float]:
    return {t.name: t.points for t in result.tests}


@pytest.mark.parametrize("mode", MODES)
def test_run_correct_submission_scores_full_marks(mode):
    result = grade(CORRECT, mode)
    assert result.status == "graded"
    assert [t.status for t in result.tests] == ["passed"] * 7
    assert result.score == result.max_score == 9.0
    expected = "bubblewrap" if mode == "bubblewrap" else "rlimit-subprocess"
    assert result.isolation.startswith(expected)
    assert result.peak_memory_kb > 10_000  # python + numpy really ran, and was measured


@pytest.mark.parametrize("mode", MODES)
def test_run_buggy_submission_loses_exactly_the_buggy_tests(mode):
    result = grade(BUGGY, mode)
    assert result.status == "graded"
    assert points(result) == {
        "add_bias_shape": 1.0, "add_bias_values": 0.0, "scale_values": 1.0,
        "scale_keeps_input": 0.0, "safe_div_rejects_zero": 1.0, "apply_calls_back": 1.0,
        "count_positive_partial": 1.0,
    }
    assert result.score == 5.0
    by_name = {t.name: t for t in result.tests}
    assert by_name["scale_keeps_input"].message == "scale modified its input x in place"
    assert by_name["count_positive_partial"].status == "failed"
