"""grader.run.relations: a failing test nothing else named gets an exact relation between the
student's values and the reference's on its recorded calls (issue 16).

The relation finder on plain values first (each relation found; none on noise, on values right
within the tolerance, on all-zero values, on relations that two explanations fit), then through
`grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, the reference replay):
the single-mistake submissions of tests/fixtures/relations/<assignment>/ get the relation's
sentence and label, and correct solutions in every style get no name."""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.checks.compare import Mode
from grader.checks.failure import POSSIBLY
from grader.config import find_assignment
from grader.models import RunResult
from grader.run.outcomes import MODE, Outcome, Recorded
from grader.run.relations import relate
from tests.assignments.harness import correct_files

FIXTURES = Path(__file__).parents[1] / "fixtures" / "relations"
STYLES = Path(__file__).parents[1] / "assignments" / "styles"
HELDOUT = [Path(__file__).parents[1] / f"heldout{i}" for i in (2, 3, 4, 5)]
RNG = np.random.default_rng(7)
X = RNG.normal(size=(6, 3))
E = X.mean(axis=0)  # a value with no structure of its own


def _relate(got, expected, *args, mode: Mode = MODE, params=("X",)):
    """relate() of one function's calls: `got[i]`, `expected[i]` on call i (args: per call)."""
    args = args or tuple((X,) for _ in got)
    calls = [Recorded("f", a, {}, None, g, a, {}) for g, a in zip(got, args, strict=True)]
    outcomes = [Outcome(None, e, a, {}) for e, a in zip(expected, args, strict=True)]
    return relate("f", calls, outcomes, mode, params)


@pytest.mark.parametrize(("got", "phrase"), [
    (-E, "exactly −1 ×"),
    (2 * E, "exactly 2 ×"),
    (E / 2, "exactly 1/2 ×"),
    (6 * E, "exactly N × the expected one (N = X.shape[0])"),
    (E / 6, "exactly 1/N × the expected one (N = X.shape[0])"),
    (E + 1, "exactly 1 more than"),
    (E - 0.5, "exactly ½ less than"),
    (E.reshape(-1, 1), "the right values in another shape"),
    (E[::-1], "in reverse order"),
    (np.trunc(10 * E) / 10, "cast to an integer"),
])
def test_each_relation_is_found_and_worded(got, phrase):
    scale = 10 if "integer" in phrase else 1  # an integer cast of 10·E, whose entries are not 0
    found = _relate([got * scale], [E * scale])
    assert found is not None and phrase in found.sentence, found
    assert found.sentence.startswith("Your f() ") and "Usual cause: " in found.sentence
    assert found.label.startswith("f() ")
    # a hidden test's page shows the label: no digit that a hidden value could share
    assert not re.search(r"\d", found.label), found.label


def test_a_reshape_for_a_transpose_is_found_either_way():
    table = RNG.normal(size=(4, 3))
    for got in (table.T.reshape(4, 3), table.reshape(3, 4).T):
        found = _relate([got], [table])
        assert found is not None and "a reshape where a transpose is meant" in found.sentence, \
            found
    # a square table's reshaped transpose is its transpose: that relation says it
    square = RNG.normal(size=(3, 3))
    found = _relate([square.T], [square])
    assert found is not None and "mixed up" not in found.label, found


def test_one_entry_too_few_needs_the_ends_to_tell():
    counts = np.array([3, 2, 2, 1, 0])
    for got in (counts[1:], counts[:-1]):  # either end, integers too
        found = _relate([got], [counts])
        assert found is not None and "with one entry too few" in found.sentence, found
    # entries all alike are any part of themselves, and two entries tell no end
    assert _relate([np.full(3, 2)], [np.full(4, 2)]) is None
    assert _relate([np.array([0])], [np.array([1, 0])]) is None
    # one entry missing from the middle is not a missing end
    assert _relate([np.delete(counts, 2).astype(float) * 1.5], [counts * 1.5]) is None


def test_a_value_that_is_an_argument_unchanged_is_named_only_for_telling_arguments():
    """A float argument with different, fractional entries returned as it was passed is named;
    zeros, whole numbers or one repeated value equal an output by chance too often."""
    w = np.array([0.25, -1.5, 0.75])
    found = _relate([w, w + 1], [E, E + 1], (X, w), (X, w + 1), params=("X", "w"))
    assert found is not None and "its argument w unchanged" in found.label, found
    assert not re.search(r"\d", found.label), found.label
    for dull in (np.zeros(3), np.array([1.0, 0.0, 1.0]), np.full(3, 0.5)):
        found = _relate([dull], [E], (X, dull), params=("X", "w"))
        assert found is None or "argument" not in found.label, found  # zeros are all zeros


def test_a_flatten_is_named_although_the_calls_on_vectors_are_right():
    matrix = X[:2]
    found = _relate([E, matrix.ravel(), np.array([0.5])], [E, matrix, 0.5], (X,), (X,), (X,))
    assert found is not None and "the right values in another shape" in found.sentence, found


def test_a_count_one_off_is_named_on_two_different_counts_and_not_on_one():
    """One wrong count is some factor or offset of the right one; two wrong counts of
    different right ones, both one too high, fit +1 and no factor."""
    one = (X,)
    assert _relate([np.int64(9)], [np.int64(8)], one) is None
    found = _relate([np.int64(9), np.int64(3)], [np.int64(8), np.int64(2)], one, one)
    assert found is not None and "exactly 1 more" in found.sentence, found
    assert _relate([np.int64(10), np.int64(3)], [np.int64(8), np.int64(2)], one, one) is None


def test_negative_values_clipped_to_zero_are_named():
    values = np.array([-1.5, 0.25, 2.0, -0.75, 1.25])
    found = _relate([np.maximum(values, 0.0)], [values])
    assert found is not None and "negative entries set to 0" in found.sentence, found
    assert _relate([np.maximum(np.abs(values), 0.0)], [np.abs(values)]) is None  # none < 0


def test_a_sorted_value_is_named_and_its_short_parts_follow_the_long_one():
    """Batches of indices returned sorted: the long batch shows it (four or more entries in
    increasing order by chance are rare), the short ones ([5, 0] -> [0, 5], too few to show
    anything alone) obey it, so every wrong part is explained."""
    expected = ([np.array([1, 4, 2, 3]), np.array([5, 0])],)
    got = ([np.array([1, 2, 3, 4]), np.array([0, 5])],)
    found = _relate([got], [expected])
    assert found is not None and found.label.endswith("is sorted (the values are sorted)"), found
    short = _relate([([np.array([0, 5])],)], [([np.array([5, 0])],)])
    assert short is None  # two integers in another order: nothing to tell a relation by
    outputs = np.array([[0, 1, 1, 0, 1, 0]])  # 0/1 outputs: sorted by chance often
    assert _relate([np.sort(outputs, axis=-1)], [outputs]) is None


def test_a_log_or_an_exp_too_many_is_named():
    """log_softmax returned for softmax (or np.exp of what should stay a log-value)."""
    p = np.array([0.1, 0.2, 0.3, 0.4, 0.05, 0.95])
    found = _relate([np.log(p)], [p])
    assert found is not None and "natural logarithm of the expected one" in found.sentence
    scores = np.array([0.5, -1.25, 2.0, 0.75])
    found = _relate([np.exp(scores)], [scores])
    assert found is not None and "e to the power of the expected one" in found.sentence
    assert _relate([p + RNG.normal(0, 1e-3, p.shape)], [p]) is None
    # a sigmoid's three known values suffice (fractional: no coincidence), one number does
    # not (a chain's inner value returned is named by the change of the reference instead)
    known = np.array([0.5, 0.75, 0.25])
    found = _relate([np.log(known)], [known])
    assert found is not None and "natural logarithm of the expected one" in found.sentence
    assert _relate([np.log(np.array(0.4))], [np.array(0.4)]) is None


def test_rows_off_by_factors_of_their_own_are_named_once():
    """A softmax whose denominator sums exp of the unshifted row: row i is off by e^(−max_i)."""
    Z = np.array([[1.0, 2.0, 0.5], [3.0, -1.0, 0.25], [0.0, 0.5, 4.0]])
    p = np.exp(Z - Z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    got = p * np.exp(-Z.max(axis=1, keepdims=True))
    found = _relate([got], [p])
    assert found is not None and "each row multiplied by a factor of its own" in found.sentence
    assert "row" in found.label and not re.search(r"\d", found.label)
    found = _relate([2 * p], [p])  # one factor for every row: the factor, not the rows
    assert found is not None and "exactly 2 ×" in found.sentence
    noisy = p * (1 + RNG.normal(0, 1e-3, p.shape))
    assert _relate([noisy], [p]) is None
    # one factor blurred by float noise (a difference quotient over a step of h²: heldout27's
    # step_scaled_twice_by_h) is not a factor per row
    blurred = 1e-5 * p * (1 + RNG.normal(0, 1e-6, (3, 1)))
    found = _relate([blurred], [p])
    assert found is None or "row" not in found.label, found


def test_rows_of_an_outer_product_off_by_factors_are_no_evidence():
    # every u' vᵀ is the expected u vᵀ with each row scaled: a wrong u' is not a
    # "per-row normalisation"
    u, v = RNG.normal(size=4), RNG.normal(size=3)
    wrong = RNG.normal(size=4)
    assert _relate([np.outer(wrong, v)], [np.outer(u, v)]) is None
    full = RNG.normal(size=(4, 3))  # rank 3: a per-row factor is evidence there
    found = _relate([np.array([1.0, 2.0, 3.0, 4.0])[:, None] * full], [full])
    assert found is not None and "each row" in found.label


def test_a_relation_on_one_leaf_names_nothing_while_another_leaf_is_wrong_unexplained():
    loss, grad = 1.7, RNG.normal(size=(3, 2))
    noise = RNG.normal(size=(3, 2))
    # the gradient is −1 × the expected one, the loss is off for no known reason
    assert _relate([(loss + 0.123, -grad)], [(loss, grad)]) is None
    # the loss right: the gradient's relation is the name
    found = _relate([(loss, -grad)], [(loss, grad)])
    assert found is not None and "wrong sign" in found.label
    # both wrong, each with a relation of its own: named (the first)
    assert _relate([(2 * loss, -grad)], [(loss, grad)]) is not None
    assert _relate([(loss, noise)], [(loss, grad)]) is None


def test_a_transpose_is_named_as_one_not_as_a_reduction_over_the_wrong_axis():
    """An outer product with its arguments swapped: (d0, d1) where (d1, d0) is expected has
    the same total too; it is one mistake, a transpose (heldout7 dag dW1 was 'reduced over
    the wrong axis')."""
    a, b = np.array([0.3, -1.2, 0.7]), np.array([1.5, -0.4])
    found = _relate([np.outer(a, b)], [np.outer(b, a)])
    assert found is not None and "is the transpose of the expected one" in found.sentence
    assert "wrong axis" not in found.sentence and "wrong axis" not in found.label
    square = np.array([[1.0, 2.0], [3.0, 5.0]])
    found = _relate([square.T], [square])
    assert found is not None and "transpose" in found.sentence
    symmetric = np.array([[1.0, 2.0], [2.0, 5.0]])
    assert _relate([symmetric], [symmetric]) is None  # right: nothing to relate


def test_counts_off_by_one_need_eight_entries():
    found = _relate([np.arange(8) + 1], [np.arange(8)])
    assert found is not None and "exactly 1 more than" in found.sentence
    assert "a count or an index is off by one" in found.sentence
    assert _relate([np.arange(2) + 1], [np.arange(2)]) is None
    # an unseeded batch of a permutation of 4 that is one off the seeded one by chance
    assert _relate([np.array([2, 0, 1])], [np.array([3, 1, 2])]) is None


def test_float32_rounding_is_found_under_a_strict_tolerance():
    strict = Mode("close", rtol=1e-12, atol=1e-15)
    p = 1 / (1 + np.exp(-X.ravel()))
    found = _relate([p.astype(np.float32)], [p], mode=strict)
    assert found is not None and "single precision" in found.label and "float32" in \
        found.sentence
    # the same rounding is right within the default tolerance: nothing to name
    assert _relate([p.astype(np.float32)], [p]) is None


def test_complements_of_probabilities_and_of_0_1_outputs():
    p = 1 / (1 + np.exp(-X.ravel()))
    assert "exactly 1 − the expected one" in _relate([1 - p], [p]).sentence
    bits = [0, 1, 1, 0, 1]
    args = [(b,) for b in bits]
    found = _relate([1 - b for b in bits], bits, *args, params=("x",))
    assert found is not None and "NOT" in found.sentence
    # one 0/1 output, or outputs of one value only: any mistake flips them, no evidence
    assert _relate([1], [0], (0,), params=("x",)) is None
    assert _relate([1, 1, 1, 1], [0, 0, 0, 0], *[(0,)] * 4, params=("x",)) is None


def test_sizes_follow_each_call_and_a_right_call_with_n_1_is_consistent():
    small, big = RNG.normal(size=(1, 2)), RNG.normal(size=(5, 2))
    e1, e2 = small.sum(axis=0), big.mean(axis=0)
    found = _relate([e1, 5 * e2], [e1, e2], (small,), (big,))
    assert found is not None and "N × the expected one (N = X.shape[0])" in found.sentence
    # a constant factor is contradicted by the call where the student is right
    assert _relate([e1, 2 * e2], [e1, e2], (small,), (big,)) is None


def test_a_leaf_of_a_returned_tuple_is_related_and_the_reduction_relations():
    found = _relate([(E.sum() + 1, X)], [(E.sum(), X)])
    assert found is not None and "f()[0] (the first value returned by f())" in found.sentence
    assert found.label.startswith("the first value returned by f() is one more than")
    found = _relate([X.sum(axis=0)], [X.sum(axis=1)])
    assert found is not None and "same total" in found.sentence
    found = _relate([X], [X.sum(axis=1)])
    assert found is not None and "summed (or averaged) over one of its axes" in found.sentence


def test_an_argument_changed_in_place_while_the_value_is_right():
    before = X.copy()
    call = Recorded("f", (before,), {}, None, 1.0, (-before,), {})
    found = relate("f", [call], [Outcome(None, 1.0, (before,), {})], MODE, ("X",))
    assert found is not None and "changes it in place" in found.sentence and "`X`" in \
        found.sentence


@pytest.mark.parametrize(("got", "expected"), [
    (E + RNG.normal(size=3) * 1e-3, E),  # noise
    (E * (1 + 1e-9), E),  # right within the tolerance
    (np.ones(3), np.zeros(3)),  # nothing to relate to
    (np.zeros(3), np.zeros(3)),
    (np.array([2.0]), np.array([1.0])),  # 2 × 1 = 1 + 1: two explanations
    (4, 2),  # one integer: doubled or +2?
    (np.array([8, 3]), np.array([9, 4])),  # two indices one off: chance (a random batch)
    (E / 3, E),  # 1/3 or 1/N with N = X.shape[1] = 3: the cause is not known
    (RNG.permutation(np.arange(6.0)), np.arange(6.0) * 1.5),
])
def test_no_relation_on_noise_on_right_values_or_ambiguous_ones(got, expected):
    assert _relate([got], [expected]) is None


def test_a_part_that_holds_what_another_part_should_is_named():
    def call(x, value):
        return Recorded("chain", (x,), {}, None, value)
    xs = (1.3, 0.4)
    expected = [Outcome(None, (np.exp(np.sin(x * x)), 2 * x * np.cos(x * x) * np.exp(np.sin(
        x * x)))) for x in xs]
    twice = [call(x, (e.value[0], e.value[0])) for x, e in zip(xs, expected, strict=True)]
    found = relate("chain", twice, expected, MODE)
    assert found is not None and found.label.startswith(
        "the second value returned by chain() is what the first value should be"), found
    columns = np.array([[0.3, 1.7], [2.5, -0.1], [1.1, 0.9]])
    features = np.column_stack([columns, columns[:, 0] * columns[:, 1]])
    late = np.column_stack([columns[:, 1], columns[:, 1], features[:, 2]])
    found = relate("phi", [Recorded("phi", (columns,), {}, None, late)],
                   [Outcome(None, features)], MODE)
    assert found is not None and found.label.startswith(
        "the first column of phi() holds what another column should hold"), found


def test_a_value_of_zeros_where_the_expected_one_is_not_is_named():
    expected = np.array([2.0, -4.0, 1.0])
    found = relate("grad", [Recorded("grad", (expected,), {}, None, np.zeros(3))],
                   [Outcome(None, expected)], MODE)
    assert found is not None and found.label.startswith("grad() is all zeros"), found
    one = np.array([0.0, 0.0, 1.5])  # a single nonzero entry: too little to say "all zeros"
    assert relate("grad", [Recorded("grad", (one,), {}, None, np.zeros(3))],
                  [Outcome(None, one)], MODE) is None or "zeros" not in relate(
        "grad", [Recorded("grad", (one,), {}, None, np.zeros(3))], [Outcome(None, one)],
        MODE).label


def test_parts_equal_by_chance_are_not_said_to_be_in_each_others_place():
    bits = np.array([[0.0, 1.0], [1.0, 1.0], [1.0, 0.0]])  # 0/1 columns, too few rows
    late = np.column_stack([bits[:, 1], bits[:, 1]])
    assert relate("f", [Recorded("f", (bits,), {}, None, late)], [Outcome(None, bits)],
                  MODE) is None
    halves = [Recorded("g", (0.0,), {}, None, (0.5, 0.5))]  # σ(0) = 0.5 is everywhere
    assert relate("g", halves, [Outcome(None, (0.5, 0.3))], MODE) is None
    two_wrong = np.column_stack([bits[:, 1] + 0.3, bits[:, 0] + 0.7])
    assert relate("f", [Recorded("f", (bits,), {}, None, two_wrong)],
                  [Outcome(None, bits + 0.1)], MODE) is None


def test_an_exception_on_either_side_is_not_related():
    call = Recorded("f", (X,), {}, ("ValueError", "Exception"))
    assert relate("f", [call], [Outcome(None, E, (X,), {})], MODE, ("X",)) is None


# ------------------------------------------------------------------ through `grader grade`

# fixture -> (the function, a phrase of the sentence every failing test nothing named gets)
EXPECTED = {
    "approximate_as_column": ("approximate_1d", "has the right values in another shape"),
    "tower_in_float32": ("tower_1d", "only to float32 precision"),
    "bound_plus_one": ("novikoff_bound", "is exactly 1 more than the expected one"),
    "tower_clipped_at_zero": ("tower_1d", "with its negative entries set to 0"),
    "momentum_returns_old_w": ("momentum_step", "is exactly its argument `w` as it was passed"),
    "output_unit_counted_twice": ("count_units", "is exactly 1 more than the expected one"),
    "feature_columns_late_bound": ("xor_features", "the first column of xor_features() holds "
                                   "what another column should hold"),
    "basis_one_too_far": ("numerical_gradient", "is the expected one moved by one position"),
    "changes_from_second_epoch": ("train_perceptron", "is the expected one with one entry too "
                                  "few"),
    "tower_values_transposed_back": ("tower_1d", "a reshape where a transpose is meant"),
    "silent_as_minus_one": ("mp_neuron", "is −1 wherever the expected value is 0"),
    "step_of_h_squared": ("numerical_gradient", "is exactly the expected value times h"),
}
ALSO = {"momentum_returns_old_w": "for lr cast to an integer, or for lr = 0"}
"""A test where another rule says the same thing in its words: on the by-hand step the weights
are whole numbers (no argument relation: they equal an output by chance too often), and the
values are those of lr = 0 (grader.run.arguments), which is what returning w does."""
NAMED_BY_CATALOGUE = {"grad_over_n_squared": "squared_loss_grad"}
"""Fixtures whose relation (1/N × the expected) a catalogue family names first (the gradient
divisor family): the catalogue's name stands and no relation sentence is added."""
NOT_RELATED = {"sigmoid_zero_in_no_piece": "sigmoid", "tower_steps_cancel": "tower_1d"}
"""Fixtures whose values fit a relation by coincidence only: on one wrong entry, which the
submission's other calls refute, or a flat output that an integer cast of values in (0, 1)
gives too (the tower's two steps cancel): no relation but the constant one is named."""


def _class(name: str, folder: Path) -> dict[str, RunResult]:
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = folder / "submissions"
    files = [*sorted((FIXTURES / name).glob("*.py")), *correct_files(name),
             *sorted((STYLES / name).glob("*.py"))]
    for path in files:
        student = path.stem if path.parent.parent == FIXTURES else \
            f"correct-{path.parent.name}-{path.stem}"
        sub = subs / student
        sub.mkdir(parents=True)
        (sub / f"{assignment.module}.py").write_text(
            overlay_source(ref, path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    for batch in HELDOUT:  # whole files, written afresh in other styles
        for path in sorted((batch / name).glob("correct_*.py")):
            sub = subs / f"correct-{batch.name}-{path.stem}"
            sub.mkdir(parents=True)
            shutil.copy(path, sub / f"{assignment.module}.py")
    batch_run = run_batch(assignment, subs, folder / "out", jobs=2, progress=False)
    return {r.student: r for r in batch_run.results}


@cache
def _graded(name: str, tmp: Path) -> dict[str, RunResult]:
    return _class(name, tmp / name)


@pytest.fixture(scope="module")
def classes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RunResult]:
    tmp = tmp_path_factory.mktemp("relations")
    return {k: v for name in ("towers", "perceptron", "gradient_descent", "boolean_networks",
                              "mp_neuron")
            for k, v in _graded(name, tmp).items()}


@pytest.mark.slow
def test_sorted_batches_are_named_on_every_part_of_the_value(
        classes: dict[str, RunResult]) -> None:
    failed = [t for t in classes["batches_sorted"].tests if t.status == "failed"]
    assert failed and any((t.mistake or "").endswith(
        "returned by minibatch_sgd() is sorted (the values are sorted)") for t in failed), \
        [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_a_single_mistake_gets_its_relation(classes: dict[str, RunResult],
                                            student: str) -> None:
    function, phrase = EXPECTED[student]
    failed = [t for t in classes[student].tests if t.status == "failed"]
    related = [t for t in failed if f"Your {function}()" in t.message]
    assert related, [(t.name, t.message, t.mistake) for t in failed]
    assert any(phrase in test.message for test in related), [t.message for t in related]
    for test in related:
        assert phrase in test.message or ALSO.get(student, "@") in test.message, test.message
        assert test.mistake and f"{function}() " in test.mistake, test.mistake
        assert "Usual cause:" not in test.mistake  # the label is short
    # a test the catalogue or the check named keeps that name (the relation is not added)
    for test in failed:
        if test.mistake and f"{function}() " not in test.mistake:
            assert "Usual cause:" not in test.message, test.message


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(NAMED_BY_CATALOGUE))
def test_a_catalogue_name_comes_before_a_relation(classes: dict[str, RunResult],
                                                 student: str) -> None:
    function = NAMED_BY_CATALOGUE[student]
    failed = [t for t in classes[student].tests if t.status == "failed"]
    assert failed and all(t.mistake and f"in {function}()" in t.mistake for t in failed), \
        [(t.name, t.mistake) for t in failed]
    assert not any(f"Your {function}() " in t.message for t in failed)


@pytest.mark.slow
def test_saturated_float_values_are_no_label_convention(classes: dict[str, RunResult]) -> None:
    failed = [t for t in classes["sigmoid_written_odd"].tests if t.status == "failed"]
    assert failed
    assert not any("plus-or-minus-one" in (t.mistake or "") + t.message for t in failed), \
        [(t.name, t.mistake) for t in failed]


@pytest.mark.parametrize("student", sorted(NOT_RELATED))
def test_a_relation_shown_by_one_entry_must_hold_on_the_other_calls(
        classes: dict[str, RunResult], student: str) -> None:
    failed = [t for t in classes[student].tests if t.status == "failed"]
    assert failed  # sigmoid(0) is wrong / the tower is flat
    assert not any("Usual cause:" in t.message and "same value" not in t.message
                   and "is 0 in every entry" not in t.message  # a flat tower is all zeros
                   for t in failed), [(t.name, t.message) for t in failed]
    assert not any(t.mistake and "cast to an integer" in t.mistake for t in failed), \
        [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
def test_correct_solutions_in_every_style_get_no_name(classes: dict[str, RunResult]) -> None:
    correct = {s: r for s, r in classes.items() if s.startswith("correct-")}
    assert len(correct) >= 12, sorted(correct)
    for student, result in correct.items():
        assert result.status == "graded", student
        assert all(t.points == t.max_points for t in result.tests), (student, [
            (t.name, t.message) for t in result.tests if t.points < t.max_points])
        assert not [t for t in result.tests if t.mistake or "Usual cause:" in t.message]


def test_one_value_everywhere_where_the_expected_values_vary():
    xs = [(0,), (1,), (2,), (3,)]
    found = _relate([1, 1, 1, 1], [0, 1, 0, 1], *xs, params=("x",))
    assert found is not None and "gives the same value (1) on every call" in found.sentence
    assert _relate([1, 1, 1, 1], [1, 1, 1, 1], *xs, params=("x",)) is None  # right
    assert _relate([1, 1], [0, 1], *xs[:2], params=("x",)) is None  # two values: too few


def test_a_factor_that_holds_only_roughly_is_a_possibility():
    rough = E / 2 * (1 + np.array([2e-4, -3e-4, 1e-4]))
    found = _relate([rough], [E])
    assert found is not None and found.label.startswith(POSSIBLY)
    assert found.sentence.startswith("Possibly ") and "about 1/2 ×" in found.sentence
    assert _relate([E / 2 * (1 + np.array([2e-2, -3e-2, 1e-2]))], [E]) is None  # 1 %: no
    assert _relate([rough[:1]], [E[:1]]) is None  # one entry: too little to go by


def test_an_extra_axis_of_length_n_is_a_possible_broadcast():
    col = X.T @ (X @ np.ones((3, 1)) - np.ones((6, 1))) / 6  # (3, 1)
    wide = X.T @ ((X @ np.ones(3)) - np.ones((6, 1))) / 6  # (3, 6): (6,) − (6, 1)
    found = _relate([wide], [col])
    assert found is not None and found.label.startswith(POSSIBLY)
    assert "N = X.shape[0]" in found.sentence and found.sentence.startswith("Possibly ")
    assert _relate([np.zeros((3, 4))], [col]) is None  # 4 is no size of the arguments


def test_rows_or_columns_in_another_order():
    assert "reverse order" in _relate([X[:, ::-1]], [X]).sentence
    found = _relate([X[:, [2, 0, 1]], X[:, [1, 0, 2]]], [X, X])
    assert found is not None and "(rows or columns) in another order" in found.sentence
    # a rotation by one is said as the move it is (entry i holds the expected entry i + 1)
    found = _relate([X[:, [1, 2, 0]]], [X])
    assert found is not None and "moved by one position" in found.sentence
    found = _relate([X[[3, 0, 1, 2, 5, 4]]], [X])
    assert found is not None and "in another order" in found.sentence


def test_entries_moved_by_one_position_are_named_with_the_vacated_entry_unread():
    # heldout19's basis_vector_shifted_by_one: entry i holds the derivative of entry i + 1
    expected = np.array([2.0, -4.0, 1.0, 0.5])
    found = _relate([np.array([-4.0, 1.0, 0.5, 0.0])], [expected], (np.ones(4),))
    assert found is not None and "moved by one position" in found.label, found
    assert _relate([np.array([-4.0, 1.0, 0.7, 0.0])], [expected], (np.ones(4),)) is None


def test_a_value_that_is_whole_to_the_tolerance_shows_no_cast_to_an_integer():
    # heldout18's last_entry_skipped: a central difference's 2.0000000001 is 2 cast or not;
    # the only entry a cast moved was 0.99999999, to the 0 of the entry the loop skipped
    expected = np.array([2.0000000001, -4.0000000002, 0.99999999])
    got = np.array([2.0000000001, -4.0000000002, 0.0])
    found = _relate([got], [expected], (np.ones(3),), mode=Mode(rtol=1e-6, atol=1e-9))
    assert found is None or "cast to an integer" not in found.label, found
    # a materially fractional value cast to a nonzero integer is still named
    expected = np.array([2.5, -4.25, 7.75, 1.5])
    found = _relate([np.trunc(expected)], [expected], (np.ones(4),),
                    mode=Mode(rtol=1e-6, atol=1e-9))
    assert found is not None and "cast to an integer" in found.label, found
