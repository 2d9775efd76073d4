"""A value of the wrong shape said in the arguments' sizes (grader.run.shapes): the formulas,
and naming through `grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, the
reference replay) on single-mistake submissions of tests/fixtures/shapes/<assignment>/ that
nothing else names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from grader.run.shapes import _axis, _shape_words
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "shapes"

graded = graded_fixture(FIXTURES, "shapes")


def test_an_axis_is_the_one_formula_of_the_sizes_that_fits_every_call():
    sizes = [{"X.shape[0]": 3, "X.shape[1]": 2}, {"X.shape[0]": 5, "X.shape[1]": 7}]
    assert _axis([4, 14], sizes) == "twice the number of columns of X"
    assert _axis([3, 9], sizes) is None  # no one formula: 3 then 9
    assert _shape_words([(3, 6), (5, 10)], sizes) == (
        "(the number of rows of X, twice the number of rows of X)")
    # rows = columns + 1 on both calls: which one is a guess
    assert _axis([3, 5], [{"X.shape[0]": 3, "X.shape[1]": 2},
                          {"X.shape[0]": 5, "X.shape[1]": 4}]) is None


def test_two_sizes_equal_on_every_call_leave_the_axis_unsaid():
    # rows and columns are equal on both calls: which one the student used is a guess
    sizes = [{"X.shape[0]": 3, "X.shape[1]": 3}, {"X.shape[0]": 4, "X.shape[1]": 4}]
    assert _axis([6, 8], sizes) is None  # twice the rows or twice the columns
    assert _shape_words([(3, 6), (4, 8)], sizes) is None


@pytest.mark.slow
@pytest.mark.parametrize(("fixture", "shape"), [
    ("ones_like_the_whole_matrix", "add_bias() has the shape (the number of rows of X, twice "
     "the number of columns of X) where (the number of rows of X, the number of columns of X "
     "plus one) is expected"),
    ("product_column_times_vector", "xor_features() has the shape (the number of rows of X, "
     "the number of rows of X plus the number of columns of X) where (the number of rows of X, "
     "the number of columns of X plus one) is expected"),
])
def test_a_wrong_shape_nothing_else_names_is_said_in_the_sizes(graded, fixture, shape):
    result = graded("perceptron")[fixture]
    assert result.score < result.max_score
    named = [t for t in result.tests if t.status == "failed" and t.mistake]
    assert named and any(t.mistake.startswith(shape) for t in named), \
        [(t.name, t.mistake, t.message) for t in result.tests if t.status == "failed"]
    assert not any(c.isdigit() for t in named for c in t.mistake)


@pytest.mark.slow
def test_a_naming_stage_that_fails_costs_no_grade(monkeypatch, tmp_path, capfd):
    """A bug in a naming stage (here: the shape finder raising) leaves the test unnamed with its
    score, says so on stderr, and grades the rest of the submission: naming never decides a
    score (it crashed the whole submission before: 'the grader could not grade this entry')."""
    from grader.authoring.demo import overlay_source
    from grader.authoring.source import read_reference
    from grader.batch.driver import run_batch
    from grader.config import find_assignment
    from grader.run import runner

    def broken(*args, **kwargs):
        raise IndexError("a bug in the grader's naming")

    assignment = find_assignment("perceptron")
    fixture = FIXTURES / "perceptron" / "ones_like_the_whole_matrix.py"
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "student.py").write_text(overlay_source(
        read_reference(assignment.reference), fixture.read_text(encoding="utf-8"),
        fixture.stem), encoding="utf-8")
    monkeypatch.setattr(runner, "find_shape", broken)
    result = run_batch(assignment, subs, tmp_path / "out", jobs=1, progress=False).results[0]
    assert result.status == "graded", result.message
    assert 0 < result.score < result.max_score
    failed = [t for t in result.tests if t.status == "failed"]
    assert failed and not any(t.mistake and "shape" in t.mistake for t in failed)
    assert "stopped in _localised: IndexError" in capfd.readouterr().err


def test_only_the_calls_of_the_wrong_shape_say_how():
    # an AND mask of the right shape beside a NOR mask that is a matrix (np.diag of a vector)
    from grader.run.outcomes import Outcome, Recorded
    from grader.run.shapes import _said

    def pair(n: int, mine: np.ndarray) -> tuple[Recorded, Outcome]:
        return (Recorded("gate", ("nor", n), {}, None, (1, mine)),
                Outcome(None, (1, np.ones(n, dtype=bool))))
    pairs = [pair(2, np.ones(2, dtype=bool)), pair(2, np.eye(2, dtype=bool)),
             pair(3, np.eye(3, dtype=bool))]
    found = _said(pairs, ("name", "n"))
    assert found is not None and found[1:3] == ("(n, n)", "(n)"), found
