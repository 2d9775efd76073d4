"""A returned value that is one of the call's own arguments as passed (grader.run.echo): on
recorded calls, and through `grader grade`'s path (grader.batch.driver.run_batch: sandbox,
proxy, the reference replay) on single-mistake submissions nothing else names."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from grader.run.diagnose import Replay
from grader.run.echo import find_echo
from grader.run.outcomes import Recorded
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "echo"

graded = graded_fixture(FIXTURES, "echo")


def _step(w: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    v = 0.9 * v + 1.0
    return w - v, v


def _calls(returns: str) -> list[Recorded]:
    calls = []
    for seed in range(3):
        w, v = np.random.default_rng(seed).normal(size=(2, 3))
        new_w, new_v = _step(w, v)
        value = {"v": (new_w, v), "w": (w, new_v), "right": (new_w, new_v)}[returns]
        calls.append(Recorded("step", (w, v), {}, None, value))
    return calls


def test_an_argument_handed_back_is_named_by_where_and_which():
    found = find_echo(SimpleNamespace(step=_step), _calls("v"), None, Replay(None))
    assert found is not None and found.label.startswith(
        "the second value returned by step() is its argument v unchanged"), found
    found = find_echo(SimpleNamespace(step=_step), _calls("w"), None, Replay(None))
    assert found is not None and found.label.startswith(
        "the first value returned by step() is its argument w unchanged"), found


def test_right_values_and_zeros_handed_back_name_nothing():
    assert find_echo(SimpleNamespace(step=_step), _calls("right"), None, Replay(None)) is None
    zeros = [Recorded("step", (np.ones(3), np.zeros(3)), {}, None, (np.zeros(3), np.zeros(3)))]
    # a zero argument and a zero value: what many slips give, no evidence of an echo
    assert find_echo(SimpleNamespace(step=_step), zeros, None, Replay(None)) is None


def test_one_number_equal_to_an_argument_names_nothing():
    # heldout16's zip_drops_down_step: a tower that never comes down is h where the sigmoid
    # saturates, on every call: a number equal to an argument is a coincidence
    def tower(x: float, h: float) -> float:
        return h if abs(x) < 1 else 0.0

    calls = [Recorded("tower", (x, h), {}, None, h) for x, h in ((5.0, 2.0), (7.0, 3.0))]
    assert find_echo(SimpleNamespace(tower=tower), calls, None, Replay(None)) is None


def test_a_leaf_two_arguments_fit_names_nothing():
    same = np.arange(3.0)
    calls = [Recorded("step", (same, same.copy()), {}, None, (same.copy(), _step(same, same)[1]))]
    assert find_echo(SimpleNamespace(step=_step), calls, None, Replay(None)) is None


@pytest.mark.slow
@pytest.mark.parametrize(("assignment", "fixture", "phrase"), [
    ("gradient_descent", "adam_returns_given_moments",
     "the second value returned by adam_step() is its argument m unchanged; the third value "
     "returned by adam_step() is its argument v unchanged"),
    ("perceptron", "weights_never_updated",
     "the first value returned by train_perceptron() is its argument w unchanged"),
])
def test_an_argument_handed_back_is_named_through_grading(graded, assignment, fixture, phrase):
    result = graded(assignment)[fixture]
    assert result.score < result.max_score
    named = [t.mistake for t in result.tests if t.status == "failed" and t.mistake]
    assert named and any(phrase in n for n in named), \
        [(t.name, t.mistake, t.message) for t in result.tests if t.status == "failed"]
    assert not any(c.isdigit() for n in named if phrase in n for c in n)
