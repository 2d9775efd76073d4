"""Where a failing value is wrong (grader.run.localise): the predicates on recorded calls, and
naming through `grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, the
reference replay) on single-mistake submissions of tests/fixtures/localise/<assignment>/ that
nothing else names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from grader.checks.compare import Mode
from grader.run.localise import localise
from grader.run.outcomes import Outcome, Recorded
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "localise"
CLOSE = Mode("close", rtol=1e-7, atol=1e-9)

graded = graded_fixture(FIXTURES, "localise")


def _calls(name: str, args: list[tuple], got: list, exp: list) -> tuple[list[Recorded],
                                                                          list[Outcome]]:
    return ([Recorded(name, a, {}, None, g) for a, g in zip(args, got, strict=True)],
            [Outcome(None, e) for e in exp])


def test_the_last_entry_left_at_zero_is_found_with_what_it_is():
    exp = [np.array([2.0, -4.0, 1.0]), np.array([1.0, 3.0])]
    got = [np.array([2.0, -4.0, 0.0]), np.array([1.0, 0.0])]
    calls, outcomes = _calls("grad", [(e,) for e in exp], got, exp)
    found = localise("grad", calls, outcomes, CLOSE, ("x",))
    assert found is not None
    assert found.label.startswith("grad() is wrong only at the last entry: there it is zero")
    assert not any(c.isdigit() for c in found.label), found.label


def test_entries_where_an_argument_is_zero_are_found_by_the_argument():
    z = [np.array([0.0, 1.0, -2.0]), np.array([3.0, 0.0])]
    exp = [1 / (1 + np.exp(-a)) for a in z]
    got = [np.where(a == 0, 0.0, e) for a, e in zip(z, exp, strict=True)]
    calls, outcomes = _calls("sigmoid", [(a,) for a in z], got, exp)
    found = localise("sigmoid", calls, outcomes, CLOSE, ("z",))
    assert found is not None and "where z is zero" in found.label, found


def test_the_true_class_entries_are_found_by_the_labels():
    exp = [np.arange(12.0).reshape(4, 3) + 1]
    y = np.array([0, 2, 2, 1])
    got = [exp[0].copy()]
    got[0][np.arange(4), y] = 0.0
    calls, outcomes = _calls("grad", [(np.zeros((3, 3)), y)], got, exp)
    found = localise("grad", calls, outcomes, CLOSE, ("W", "y"))
    assert found is not None and "true-class entries (j = y_i)" in found.label, found


def test_one_wrong_entry_or_every_entry_wrong_is_not_localised():
    exp = [np.array([2.0, -4.0, 1.0])]
    one = _calls("grad", [(exp[0],)], [np.array([2.0, -4.0, 0.0])], exp)
    assert localise("grad", *one, CLOSE, ("x",)) is None  # one entry sits anywhere
    every = _calls("grad", [(exp[0],), (exp[0],)], [exp[0] + 1, exp[0] + 1], [exp[0], exp[0]])
    assert localise("grad", *every, CLOSE, ("x",)) is None  # no place: everything


def test_two_places_that_pick_the_same_entries_say_nothing():
    # x's only zero is its last entry on every call: "at the last entry" and "where x is
    # zero" pick the same entries, and the words would choose between them at random
    x = [np.array([1.0, 2.0, 0.0]), np.array([-1.0, 0.0])]
    exp = [a * 2 for a in x]
    got = [np.where(a == 0, 5.0, e) for a, e in zip(x, exp, strict=True)]
    calls, outcomes = _calls("f", [(a,) for a in x], got, exp)
    assert localise("f", calls, outcomes, CLOSE, ("x",)) is None


def test_a_place_must_pick_exactly_the_wrong_entries_on_every_call():
    # wrong at the last entry on one call, at the first on another: no one place
    exp = [np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0])]
    got = [np.array([1.0, 2.0, 0.0]), np.array([0.0, 2.0, 3.0])]
    calls, outcomes = _calls("f", [(np.ones(3),), (np.ones(3),)], got, exp)
    assert localise("f", calls, outcomes, CLOSE, ("x",)) is None


@pytest.mark.slow
@pytest.mark.parametrize(("assignment", "fixture", "place"), [
    ("towers", "sigmoid_zero_left_out", "sigmoid() is wrong only where z is zero: there it is "
     "zero"),
    ("gradient_descent", "gradient_skips_last_entry",
     "numerical_gradient() is wrong only at the last entry: there it is zero"),
    ("backprop", "jacobian_off_diagonal_plus", "softmax_jacobian() is wrong only off the "
     "diagonal (the entries i ≠ j): there it has the wrong sign"),
])
def test_a_failure_nothing_else_names_is_localised(graded, assignment, fixture, place):
    result = graded(assignment)[fixture]
    assert result.score < result.max_score
    failed = [t for t in result.tests if t.status == "failed"]
    named = [t for t in failed if t.mistake]
    assert named and all(t.mistake.startswith(place) for t in named), \
        [(t.name, t.mistake, t.message) for t in failed]
    assert all("Check " in t.message for t in named)


def test_a_number_argument_localises_calls_not_entries():
    # a loss wrong exactly on the calls with reg != 0 (the regulariser's term), right with 0
    regs = [0.0, 0.5, 0.0, 2.0]
    exp = [np.float64(1.0 + r) for r in regs]
    got = [np.float64(1.0 + 3 * r) for r in regs]
    calls, outcomes = _calls("loss", [(np.ones(2), r) for r in regs], got, exp)
    asked = []

    def right_with_zero(place):  # what find_where's probe answers: a failing call with reg = 0
        asked.append(place.zeroed)
        return True
    found = localise("loss", calls, outcomes, CLOSE, ("W", "reg"), right_with_zero)
    assert found is not None and "on the calls where reg is not zero" in found.label, found
    assert "the term that reg multiplies" in found.label and asked == ["reg"]
    # the calls with reg = 0 may be right for another reason (heldout23's squared hinge terms,
    # right where the active margins are 1): without the probe's word, or against it, nothing
    assert localise("loss", calls, outcomes, CLOSE, ("W", "reg")) is None
    assert localise("loss", calls, outcomes, CLOSE, ("W", "reg"), lambda place: False) is None


def test_calls_that_leave_a_parameter_at_its_default_are_found():
    exp = [np.array([1.0, 2.0]), np.array([3.0, 4.0]), np.array([5.0, 6.0])]
    got = [exp[0], exp[1] * 7, exp[2]]
    calls = [Recorded("g", (np.ones(2), 1e-5), {}, None, got[0]),
             Recorded("g", (np.ones(2),), {}, None, got[1]),
             Recorded("g", (np.ones(2),), {"h": 1e-4}, None, got[2])]
    found = localise("g", calls, [Outcome(None, e) for e in exp], CLOSE, ("x", "h"))
    assert found is not None and "leave h at its default" in found.label, found
