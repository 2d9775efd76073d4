"""Name a mistake by what the student's function did to its arguments (issue 16,
grader.run.arguments): graded through `grader grade`'s path (grader.batch.driver.run_batch:
sandbox, proxy, the reference replay) on single-mistake submissions of
tests/fixtures/arguments/<assignment>/ (a reference with one function overridden), and the
finder's rules on recorded calls directly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from grader.models import RunResult
from grader.run.arguments import find, find_factor
from grader.run.diagnose import Replay
from grader.run.outcomes import Recorded
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "arguments"


graded = graded_fixture(FIXTURES, "arguments")


def _names(result: RunResult) -> list[str]:
    return [t.mistake or "" for t in result.tests if t.status == "failed"]


@pytest.mark.slow
def test_parameters_declared_in_another_order_are_named_as_swapped(graded):
    result = graded("towers")["steepness_before_height"]
    names = _names(result)
    assert names and all(n == "tower_1d() gives its value for h and w swapped (the two are "
                         "used in each other's place)" for n in names), names
    sentence = next(t.message for t in result.tests if t.status == "failed")
    assert "Usual cause: the two are used in each other's place: the parameters are declared" \
        in sentence


@pytest.mark.slow
def test_a_value_relation_comes_before_the_changes_of_the_arguments(graded):
    names = _names(graded("towers")["steps_in_wrong_order"])
    assert names and all("is exactly −1 ×" in n or "wrong sign" in n for n in names), names
    assert not any("gives its value for" in n for n in names), names


def _score(w, X):
    return np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)


def test_two_changes_that_give_the_same_values_are_both_said():
    dropped = lambda w, X: _score(w[:-1], X[:, :-1])  # noqa: E731  (the bias term left out)
    rng = np.random.default_rng(3)
    calls = [Recorded("score", (w, X), {}, None, dropped(w, X))
             for w, X in ((rng.normal(size=3), rng.normal(size=(4, 3))) for _ in range(2))]
    found = find(SimpleNamespace(score=_score), calls, None, Replay(None))
    assert found is not None and found.label.startswith(
        "score() gives its value for w with its last entry left out, or for X with its last "
        "column left out (the same values)"), found


@pytest.mark.slow
def test_an_argument_cast_to_an_integer_is_named(graded):
    names = _names(graded("perceptron")["start_weights_as_ints"])
    assert any(n.startswith("train_perceptron() gives its value for w cast to an integer")
               for n in names), names


@pytest.mark.slow
def test_inputs_read_in_reverse_order_are_named(graded):
    names = [n for n in _names(graded("boolean_networks")["inputs_msb_first"]) if n]
    assert names and all(n.startswith("threshold_forward() gives its value for X with its "
                                      "columns in reverse order") for n in names), names


def _total(x):
    return float(np.asarray(x, dtype=np.float64).sum())


def test_an_entry_a_loop_skips_is_named_as_left_out():
    skipped = lambda x: _total(np.asarray(x)[1:])  # noqa: E731
    calls = [Recorded("total", (x,), {}, None, skipped(x))
             for x in (np.array([1.0, 2.0, 3.0]), np.array([4.0, 0.5]))]
    found = find(SimpleNamespace(total=_total), calls, None, Replay(None))
    assert found is not None and found.label.startswith(
        "total() gives its value for x with its first entry left out"), found


@pytest.mark.slow
def test_a_change_as_good_as_the_catalogues_name_is_said_beside_it(graded):
    names = [n for n in _names(graded("mp_neuron")["theta_as_int"]) if n]
    assert names and all("; or mp_neuron() gives its value for theta cast to an integer" in n
                         for n in names), names


def _line(x, a, b):  # the reference of the unit tests below
    return np.asarray(x, dtype=np.float64) * a + b


REF = SimpleNamespace(line=_line)


def _calls(student, args_list):
    return [Recorded("line", args, {}, None, student(*args)) for args in args_list]


def test_a_swap_shown_on_two_calls_and_confirmed_elsewhere_is_found():
    swapped = lambda x, a, b: _line(x, b, a)  # noqa: E731
    calls = _calls(swapped, [(np.array([1.0, 2.0]), 3.0, 0.5), (np.array([0.5]), -1.0, 2.0)])
    others = _calls(swapped, [(np.array([4.0]), 2.0, 2.0)])  # a = b: right, and consistent
    found = find(REF, calls, None, Replay(None), others=others)
    assert found is not None and found.label.startswith("line() gives its value for a and b "
                                                        "swapped"), found


def test_a_change_shown_by_one_call_only_is_not_named():
    swapped = lambda x, a, b: _line(x, b, a)  # noqa: E731
    calls = _calls(swapped, [(np.array([1.0, 2.0]), 3.0, 0.5)])
    assert find(REF, calls, None, Replay(None)) is None


def test_a_change_a_call_of_an_earlier_test_refuted_is_not_tried_again():
    """One Replay per submission: a change that one of its calls does not explain cannot
    explain every call, so a later test does not try it (nor name it on calls of its own that
    would fit, when the refuting call is not among the 48 it confirms on)."""
    swapped = lambda x, a, b: _line(x, b, a)  # noqa: E731
    fits = _calls(swapped, [(np.array([1.0, 2.0]), 3.0, 0.5), (np.array([0.5]), -1.0, 2.0)])
    refuting = _calls(lambda x, a, b: _line(x, a, b) + 1.0, [(np.array([4.0]), 2.0, 1.0)])
    replay = Replay(None)
    assert find(REF, refuting, None, replay) is None
    assert ("line", "a and b swapped") in replay.refuted
    assert find(REF, fits, None, replay) is None
    assert find(REF, fits, None, Replay(None)) is not None  # a submission of its own: named


def test_a_change_the_submissions_other_calls_refute_is_not_named():
    swapped = lambda x, a, b: _line(x, b, a)  # noqa: E731
    calls = _calls(swapped, [(np.array([1.0, 2.0]), 3.0, 0.5), (np.array([0.5]), -1.0, 2.0)])
    others = _calls(lambda x, a, b: _line(x, a, b) + 1.0, [(np.array([4.0]), 2.0, 1.0)])
    assert find(REF, calls, None, Replay(None), others=others) is None


def _chain(x):  # a value and its derivative, as chain_rule_example returns them
    return np.sin(x * x), 2 * x * np.cos(x * x)


def _chain_calls(student, xs):
    return [Recorded("chain", (x,), {}, None, student(x)) for x in xs]


def test_a_factor_dropped_that_is_an_argument_is_found_on_its_part_of_the_value():
    dropped = lambda x: (np.sin(x * x), 2 * np.cos(x * x))  # noqa: E731  (2 for 2x)
    ref = SimpleNamespace(chain=_chain)
    found = find_factor(ref, _chain_calls(dropped, [1.3, 0.4]), None, Replay(None))
    assert found is not None and found.label.startswith(
        "the second value returned by chain() is the expected value divided by x"), found
    assert found.sentence.startswith("The second value returned by your chain() is exactly")


def test_a_factor_that_is_the_square_of_an_argument_left_at_its_default_is_found():
    def quotient(x, h=0.5):
        return x / h
    ref = SimpleNamespace(quotient=quotient)
    precedence = [Recorded("quotient", (x,), {}, None, x * 0.5)  # x / 2 * h for x / (2h)
                  for x in (np.array([1.0, -2.0]), np.array([3.0]))]
    found = find_factor(ref, precedence, None, Replay(None))
    assert found is not None and found.label.startswith(
        "quotient() is the expected value times h² (a division by h written as a "
        "multiplication)"), found
    halved = [replace(c, value=c.args[0] * 8.0) for c in precedence]  # x / h**3
    assert find_factor(ref, halved, None, Replay(None)).label.startswith(
        "quotient() is the expected value divided by h² ")


@pytest.mark.slow
def test_a_central_difference_divided_by_two_then_multiplied_by_h_is_named(graded):
    names = [n for n in _names(graded("gradient_descent")["halved_times_h"]) if n]
    assert names and all(n.startswith("numerical_gradient() is the expected value times h²")
                         for n in names), names


def test_a_factor_shown_on_one_call_or_refuted_elsewhere_is_not_found():
    dropped = lambda x: (np.sin(x * x), 2 * np.cos(x * x))  # noqa: E731
    ref = SimpleNamespace(chain=_chain)
    assert find_factor(ref, _chain_calls(dropped, [1.3]), None, Replay(None)) is None
    other = _chain_calls(lambda x: (np.sin(x * x), 3 * np.cos(x * x)), [0.7])
    assert find_factor(ref, _chain_calls(dropped, [1.3, 0.4]), None, Replay(None),
                       others=other) is None


def _box_sum(x, box):
    a1, b1, a2, b2 = box
    return float(x[0] * (b1 - a1) + x[1] * (b2 - a2) + a1 * a2)


@pytest.mark.parametrize(("slip", "phrase"), [
    (lambda box: tuple(sorted(box)), "box sorted"),
    (lambda box: (box[0], box[2], box[1], box[3]), "box with its second and third entries "
                                                   "swapped"),
    (lambda box: (box[0], box[1], box[0], box[3]), "box with its first entry read as its "
                                                   "third"),
])
def test_an_entry_of_a_short_tuple_argument_read_in_another_place_is_named(slip, phrase):
    rng = np.random.default_rng(5)
    calls = []
    for _ in range(3):
        x, box = rng.normal(size=2), tuple(float(v) for v in rng.normal(size=4))
        calls.append(Recorded("f", (x, box), {}, None, _box_sum(x, slip(box))))
    found = find(SimpleNamespace(f=_box_sum), calls, None, Replay(None))
    assert found is not None and f"f() gives its value for {phrase}" in found.label, found
    assert not any(c.isdigit() for c in found.label), found.label


def _units(layers):
    return sum(len(b) for _, b in layers)


def test_a_list_argument_read_without_its_first_item_is_named():
    rng = np.random.default_rng(8)
    calls = []
    for k in (2, 3, 4):
        layers = [(np.ones((u, 2)), np.zeros(u)) for u in rng.integers(1, 5, size=k)]
        calls.append(Recorded("count", (layers,), {}, None, _units(layers[1:])))
    found = find(SimpleNamespace(count=_units), calls, None, Replay(None))
    assert found is not None and "count() gives its value for layers without its first " \
        "item" in found.label, found


@pytest.mark.slow
@pytest.mark.parametrize(("fixture", "change"), [
    ("adam_default_beta2_short", "adam_step() gives its value for the default of beta2 with "
     "one nine too few"),
    ("numerical_default_h_inverted", "numerical_gradient() gives its value for the default of "
     "h inverted"),
    # the caller's settings dropped by a wrapper: one call that moves every entry shows it
    ("adam_settings_not_passed_on", "adam_step() gives its value for beta1, beta2 and eps at "
     "their defaults whatever is passed"),
])
def test_a_slip_in_a_default_is_named_on_the_calls_that_rely_on_it(graded, fixture, change):
    result = graded("gradient_descent")[fixture]
    assert result.score < result.max_score
    names = [n for n in _names(result) if n]
    assert names and any(n.startswith(change) for n in names), names
    # no digit but the parameters' names (beta2): no value of the test, nor the default
    assert not any(c.isdigit() for n in names
                   for c in n.replace("beta1", "").replace("beta2", "")), names


@pytest.mark.slow
def test_a_value_not_used_and_one_used_instead_is_named(graded):
    # the steepness handed over under a name the helper does not read: its default 1 is used
    result = graded("towers")["steepness_passed_under_another_name"]
    assert result.score < result.max_score
    names = [n for n in _names(result) if n]
    assert names and all(n.startswith("approximate_1d() gives its value for w = 1")
                         for n in names), names
