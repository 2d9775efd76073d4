"""Boolean functions and constructions named by what differs (issue 16): the veto family of
mp_neuron, the shallow network's output bias, n from the table's length and W2 without the
input columns (boolean_networks), and a crash named by the one size of the arguments it follows
(grader.run.crashes: softmax's row max without keepdims raises only when N != C).

The split finder on plain sizes first (each kind found; nothing on one call a side, on two
rules that both fit, on a split that does not hold), then through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, the reference replay): the single-mistake
submissions of tests/fixtures/boolean/<assignment>/ get their name, and correct solutions in
every style get none."""

from __future__ import annotations

import importlib.util
import re
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.models import RunResult
from grader.run.crashes import _found, properties, split, worded
from grader.run.outcomes import Recorded
from tests.assignments.harness import correct_files

FIXTURES = Path(__file__).parents[1] / "fixtures" / "boolean"
STYLES = Path(__file__).parents[1] / "assignments" / "styles"
HELDOUT = [Path(__file__).parents[1] / f"heldout{i}" for i in (2, 3, 4, 5, 6)]
ASSIGNMENTS = ("mp_neuron", "boolean_networks", "backprop")


def _sizes(*values: int, key: str = "len(t)") -> list[dict[str, int]]:
    return [{key: v} for v in values]


def test_a_size_threshold_is_found_both_ways_and_worded_without_digits():
    rule = split(_sizes(8, 16), _sizes(2, 4))
    assert rule is not None and rule.kind == "at least" and rule.names == ("len(t)",)
    related = worded("f", rule, {"ValueError"}, 4)
    assert "raises ValueError on every call where the length of t is 8 or more" in \
        related.sentence
    assert "returns on every call where it is 4 or less" in related.sentence
    assert not re.search(r"\d", related.label), related.label
    low = split(_sizes(1), _sizes(3, 5))
    assert low is not None and low.kind == "at most"


def test_two_sizes_that_differ_and_aliases():
    shapes = [{"Z.shape[0]": a, "Z.shape[1]": b} for a, b in ((4, 3), (2, 5))]
    square = [{"Z.shape[0]": a, "Z.shape[1]": a} for a in (3, 3)]
    rule = split(shapes, square)
    assert rule is not None and rule.kind == "differ", rule
    related = worded("softmax", rule, {"ValueError", "RuntimeError"}, 4)
    assert "the number of rows of Z differs from the number of columns of Z" in related.sentence
    assert not re.search(r"\d", related.label), related.label
    # len(x) and len(mask) equal on every call: one size named with both names
    both = [{"len(x)": n, "len(mask)": n} for n in (3, 4, 1, 2)]
    alias = split(both[:2], both[2:])
    assert alias is not None and alias.names == ("len(x)", "len(mask)")


def test_a_broadcasting_error_picks_the_rule_on_two_sizes():
    raised = [{"Z.shape[0]": a, "Z.shape[1]": b} for a, b in ((2, 3), (3, 2), (4, 5))]
    returned = [{"Z.shape[0]": 1, "Z.shape[1]": 2}]
    assert split(raised, returned) is None  # "two or more rows" fits too
    rule = split(raised, returned, broadcast=True)
    assert rule is not None and rule.kind == "do not broadcast", rule
    related = worded("softmax", rule, {"RuntimeError"}, 4)
    assert "returns on every call where they are equal or one of them is 1" in related.sentence
    assert not re.search(r"\d", related.label), related.label


def test_a_property_of_an_argument_splits_a_crash_at_its_natural_boundary_only():
    """No True entry (None counts) / all entries equal / more than one entry; a property equal
    to another on every call, or split elsewhere than at none-or-one, says nothing."""
    def calls(*masks):
        return [properties(Recorded("f", (np.ones(3), m), {}, None), ("x", "mask"))
                for m in masks]
    empty = split(calls(None, np.zeros(3, bool), None), calls(np.eye(3, dtype=bool)[0],
                                                            np.ones(3, bool)))
    assert empty is not None and empty.names == ("#nonzero:mask",), empty
    related = worded("f", empty, {"ValueError"}, 5)
    assert related is not None and related.label == (
        "f() raises ValueError when mask has no nonzero (True) entry (it works when it has one)")
    two = split(calls(np.array([1, 1, 0], bool), np.ones(3, bool)),
                calls(np.eye(3, dtype=bool)[1], None))  # at least two True: not said
    assert two is None or worded("f", two, {"ValueError"}, 4) is None
    alike = split(calls(None, None), calls(np.eye(3, dtype=bool)[2], np.eye(3, dtype=bool)[0]))
    assert alike is None or worded("f", alike, {"ValueError"}, 4) is None  # given = nonzero


@pytest.mark.parametrize(("crashes_on", "said"), [
    (lambda t: not np.any(t), "t has no nonzero (True) entry"),
    (lambda t: np.unique(t).size == 1, "all entries of t are equal"),
])
def test_a_probe_tells_no_nonzero_entry_from_all_entries_equal(crashes_on, said):
    """Calls that raised only on an all-zero t fit both rules; the student's code is asked
    once more, with t all ones (all equal, nonzero), and its outcome picks the rule."""
    def student(name, args, kwargs):
        if crashes_on(np.asarray(args[0])):
            return Recorded(name, args, kwargs, ("IndexError",), None, message="index 1")
        return Recorded(name, args, kwargs, None, 0)

    tables = [np.zeros(4, dtype=int), np.array([0, 1]), np.array([1, 0, 0, 1])]
    calls = [student("f", (t,), {}) for t in tables]
    found = _found("f", calls, lambda call: True, ("t",), False, student)
    assert found is not None and f"f() raises IndexError when {said}" in found.label, found
    assert _found("f", calls, lambda call: True, ("t",), False) is None  # no probe: no name


@pytest.mark.parametrize(("raised", "returned"), [
    (_sizes(8), _sizes(2)),  # one call a side: no evidence
    (_sizes(8, 2), _sizes(4)),  # not a split
    ([], _sizes(2, 4, 8)),  # never raised
    ([{"a": 5, "b": 9}, {"a": 6, "b": 9}], [{"a": 1, "b": 2}]),  # two rules fit: neither
])
def test_no_split_without_one_exact_rule(raised, returned):
    assert split(raised, returned) is None


def _hidden(assignment: str) -> Any:
    path = Path(__file__).parents[2] / "assignments" / assignment / "hidden_tests.py"
    spec = importlib.util.spec_from_file_location(f"_hidden_{assignment}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_neuron_is_named_by_the_one_set_of_inputs_it_is_wrong_on_in_every_table():
    tests = _hidden("mp_neuron")

    def table(n, theta, mask, veto_needs_two):
        X = tests.all_inputs(n)
        active = X[:, mask].sum(axis=1)
        vetoed = active >= (2 if veto_needs_two else 1)
        return ((X[:, ~mask].sum(axis=1) >= theta) & ~vetoed).astype(int).tolist()

    masks = [(3, 1, np.array([True, True, False])), (4, 0, np.array([True, False, True, True]))]
    tables = [(n, t, m, table(n, t, m, True), table(n, t, m, False)) for n, t, m in masks]
    assert tests.neuron_where(tables) == (
        "mp_neuron() is wrong exactly where exactly one inhibitory input is active and the "
        "excitatory count reaches theta: there it fires")
    # one inhibitory input: "one active", "some active" and "every one active" are the same
    # rows, so the first table alone says nothing
    one = [(n, t, m, table(n, t, m, True), table(n, t, m, False))
           for n, t, m in [(2, 0, np.array([False, True]))]]
    assert tests.neuron_where(one) is None


EXPECTED = {  # fixture -> (the test whose failure is named, a phrase of its name)
    "veto_statement_has_no_effect": ("mp_neuron", "the veto is never applied"),
    "veto_loop_stops_early": ("mp_neuron", "the last input is never a veto"),
    "veto_max_of_no_inputs": ("mp_neuron", "mp_neuron() raises ValueError when inhibitory has "
                              "no nonzero (True) entry"),
    "veto_only_when_every_input_inhibitory": ("mp_neuron", "mp_neuron() is wrong exactly where "
                                              "an inhibitory input is active and the excitatory "
                                              "count reaches theta: there it fires"),
    "output_bias_is_minus_h": ("shallow_network", "the output unit's bias is −h when f is built "
                               "from its ones or its zeros"),
    "n_from_length_halved": ("shallow_network", "len(truth_table) // 2"),
    "w2_without_input_columns": ("shallow_network", "W2 has only h columns"),
    "softmax_rowmax_flat": ("softmax", "lack keepdims=True"),  # the catalogue's (ValueError)
    "softmax_torch_rowmax": ("softmax", "raises RuntimeError when the number of rows of Z "
                             "differs from the number of columns of Z"),
    "parity_buffer_three_n": ("deep_parity", "deep_parity() raises IndexError when n is "
                              "larger"),
    "parity_starts_at_second_input": ("deep_parity", "deep_parity() leaves out the first input "
                                      "(it computes the parity of x2 … xn)"),
    "ones_counted_with_bincount": ("shallow_network", "shallow_network() raises IndexError when "
                                   "truth_table has no nonzero (True) entry"),
}


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
    tmp = tmp_path_factory.mktemp("boolean")
    return {k: v for name in ASSIGNMENTS for k, v in _graded(name, tmp).items()}


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_a_single_mistake_gets_its_name(classes: dict[str, RunResult], student: str) -> None:
    function, phrase = EXPECTED[student]
    failed = [t for t in classes[student].tests if t.status == "failed"]
    assert failed, student
    named = [t for t in failed if t.mistake and phrase in t.mistake]
    assert named, [(t.name, t.message, t.mistake) for t in failed]
    assert all(function in t.message or function in (t.mistake or "") for t in named)
    assert not [t.mistake for t in failed if t.mistake and t.mistake.startswith("possibly")]


@pytest.mark.slow
def test_correct_solutions_in_every_style_get_no_name(classes: dict[str, RunResult]) -> None:
    correct = {s: r for s, r in classes.items() if s.startswith("correct-")}
    assert len(correct) >= 12, sorted(correct)
    for student, result in correct.items():
        assert result.status == "graded", student
        assert all(t.points == t.max_points for t in result.tests), (student, [
            (t.name, t.message) for t in result.tests if t.points < t.max_points])
        assert not [t for t in result.tests if t.mistake], student
