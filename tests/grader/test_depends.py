"""What a failing value's error depends on (grader.run.depends): arguments redrawn one at a
time on the student's code and the reference; the rules on recorded calls, and naming through
`grader grade`'s path on tests/fixtures/depends/<assignment>/ (single mistakes nothing else
names)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from grader.run.depends import find_dependence
from grader.run.diagnose import Replay
from grader.run.outcomes import Recorded, run
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "depends"


def _loss(W, X, y, reg):
    s = np.asarray(X) @ np.asarray(W)
    return float(np.mean((s[np.arange(len(y)), y] - 1.0) ** 2) + reg * np.sum(W * W))


def _prober(student: Any) -> Any:
    def probe(name: str, args: tuple, kwargs: dict) -> Recorded:
        out = run(student, Recorded(name, args, kwargs, None))
        return Recorded(name, args, kwargs, out.raised and (out.raised,), out.value)
    return probe


def _call(student: Any) -> Recorded:
    rng = np.random.default_rng(0)
    W, X, y = rng.normal(size=(3, 4)), rng.normal(size=(5, 3)), np.array([0, 1, 3, 2, 1])
    return Recorded("loss", (W, X, y, 0.5), {}, None, student(W, X, y, 0.5))


def test_an_error_that_only_the_regulariser_makes_is_said_to_depend_on_w_and_reg():
    def student(W, X, y, reg):  # the regulariser's square of the sum
        return _loss(W, X, y, reg) - reg * np.sum(W * W) + reg * np.sum(W) ** 2
    found = find_dependence(SimpleNamespace(loss=_loss), [_call(student)], None, Replay(None),
                            {}, _prober(student))
    assert found is not None, found
    assert found.label.startswith("loss()'s error does not depend on X or y, and does on W and "
                                  "reg"), found.label


def test_an_error_of_the_data_term_is_said_to_depend_on_everything_but_reg():
    def student(W, X, y, reg):  # the data term doubled: it moves with W, X and y, not reg
        return 2 * _loss(W, X, y, 0.0) + reg * np.sum(W * W)
    found = find_dependence(SimpleNamespace(loss=_loss), [_call(student)], None, Replay(None),
                            {}, _prober(student))
    assert found is not None and found.label.startswith(
        "loss()'s error does not depend on reg, and does on W and X and y"), found


def test_an_error_that_depends_on_every_argument_says_nothing():
    def student(W, X, y, reg):  # everything scaled: the error moves with every argument
        return 2 * _loss(W, X, y, reg)
    assert find_dependence(SimpleNamespace(loss=_loss), [_call(student)], None, Replay(None),
                           {}, _prober(student)) is None


def test_a_tiny_error_and_a_change_that_moves_nothing_say_nothing():
    def tiny(W, X, y, reg):  # an eps added: no argument moves it
        return _loss(W, X, y, reg) + 1e-9
    assert find_dependence(SimpleNamespace(loss=_loss), [_call(tiny)], None, Replay(None), {},
                           _prober(tiny)) is None

    def saturated(z, w):  # w doubled moves neither the value (saturated) nor the error
        return np.where(np.asarray(z) > 0, 1.0, 0.0) + 0 * w

    def wrong(z, w):  # right only where z > 0: the error depends on z, and w moves nothing
        return np.where(np.asarray(z) > 0, 1.0, 0.5)
    rng = np.random.default_rng(1)
    z = rng.normal(size=6)
    call = Recorded("step", (z, 500.0), {}, None, wrong(z, 500.0))
    assert find_dependence(SimpleNamespace(step=saturated), [call], None, Replay(None), {},
                           _prober(wrong)) is None


def _sig(t):
    return 1.0 / (1.0 + np.exp(-t))


def _tower(x, a, b, h, w):
    return h * (_sig(w * (x - a)) - _sig(w * (x - b)))


def test_a_mirrored_up_step_has_an_error_that_does_not_depend_on_the_right_edge():
    def mirrored(x, a, b, h, w):
        return h * (_sig(w * (a - x)) - _sig(w * (x - b)))
    x = np.linspace(-3.0, 3.0, 13)
    call = Recorded("tower", (x, -1.0, 1.5, 2.0, 1.5), {}, None,
                    mirrored(x, -1.0, 1.5, 2.0, 1.5))  # soft steps: the error varies
    found = find_dependence(SimpleNamespace(tower=_tower), [call], None, Replay(None), {},
                            _prober(mirrored))
    assert found is not None and found.label.startswith(
        "tower()'s error does not depend on b, and does on x and a and h"), found


def test_a_change_that_moves_the_value_only_where_it_is_right_tells_nothing():
    # wrong only left of a: b moved moves the value near b, where the student is right, so
    # it is no evidence that the error ignores b (it is not said either way)
    def left_wrong(x, a, b, h, w):
        return _tower(x, a, b, h, w) + 0.3 * h * (np.asarray(x) < a - 0.5)
    x = np.linspace(-3.0, 3.0, 13)
    call = Recorded("tower", (x, -1.0, 1.5, 2.0, 40.0), {}, None,
                    left_wrong(x, -1.0, 1.5, 2.0, 40.0))
    found = find_dependence(SimpleNamespace(tower=_tower), [call], None, Replay(None), {},
                            _prober(left_wrong))
    assert found is None or " b" not in found.label.split("does not depend on")[1].split(
        ", and")[0], found


def test_an_error_that_a_far_edge_moves_only_by_a_tail_is_not_said_to_ignore_it():
    # heldout18's sigmoid_treated_as_odd: the tower's error is exactly h on [a, b), and b
    # doubled moves the expected value there only by a sigmoid's tail: no evidence about b
    def odd(t):
        return np.sign(t) * _sig(np.abs(t))

    def student(x, a, b, h, w):
        return h * (odd(w * (x - a)) - odd(w * (x - b)))
    x = np.linspace(-0.9, 1.2, 8)
    call = Recorded("tower", (x, -1.0, 1.5, 2.0, 40.0), {}, None,
                    student(x, -1.0, 1.5, 2.0, 40.0))
    # x redrawn from its own points (all inside the tower) and w doubled move the expected
    # value only by tails where the error is: nothing is said
    assert find_dependence(SimpleNamespace(tower=_tower), [call], None, Replay(None), {},
                           _prober(student)) is None


def test_an_error_that_is_one_step_on_a_set_of_points_says_nothing():
    # the odd sigmoid's tower error is exactly h on [a, b): no argument's small change moves it
    def odd(t):
        return np.sign(t) * _sig(np.abs(t))

    def student(x, a, b, h, w):
        return h * (odd(w * (x - a)) - odd(w * (x - b)))
    x = np.linspace(-0.9, 1.4, 12)
    call = Recorded("tower", (x, -1.0, 1.5, 2.0, 4.0), {}, None, student(x, -1.0, 1.5, 2.0, 4.0))
    assert find_dependence(SimpleNamespace(tower=_tower), [call], None, Replay(None), {},
                           _prober(student)) is None


def test_an_error_of_exactly_the_height_on_one_point_says_nothing():
    # one point, the odd sigmoid's tower: the error is h exactly (a step there or not)
    def odd(t):
        return np.sign(t) * _sig(np.abs(t))

    def student(x, a, b, h, w):
        return h * (odd(w * (x - a)) - odd(w * (x - b)))
    call = Recorded("tower", (1.2, -1.0, 1.5, 2.0, 4.0), {}, None, student(1.2, -1.0, 1.5, 2.0,
                                                                          4.0))
    assert find_dependence(SimpleNamespace(tower=_tower), [call], None, Replay(None), {},
                           _prober(student)) is None


graded = graded_fixture(FIXTURES, "depends")


@pytest.mark.slow
def test_an_extra_term_in_w_is_said_to_depend_on_w_through_grader_grade(graded):
    # grader grade's path (sandbox, proxy, the reference replay): the probes run the student's
    # code in the sandbox, and the name reaches every test the mistake fails
    result = graded("gradient_descent")["grad_with_weight_decay"]
    assert result.score < result.max_score
    failed = [t for t in result.tests if t.status == "failed" and t.mistake]
    assert failed, [(t.name, t.message) for t in result.tests]
    for test in failed:
        assert test.mistake.startswith("squared_loss_grad()'s error does not depend on "), \
            test.mistake
        assert "and does on w (" in test.mistake, test.mistake
        assert "The error of your squared_loss_grad()" in test.message
