"""The course pack, one table for all six assignments: the reference scores full marks, the
visible tests run without it, the untouched stub scores 0 and is never blamed for a mistake,
every typical mistake (one mutant module each) loses some but at most 30% of the points and is
named in the feedback, and correct solutions in other styles (loops, torch, the demo class's)
score full marks. Every submission is graded through `grader grade`'s path (harness): the
sandbox, the calibrated CPU limits, the proxy, the codec."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable
from pathlib import Path

import pytest

from grader.config import find_assignment
from grader.run.catalogue import read_mistakes
from grader.testing import load_assignment_tests, load_tests_file
from tests.assignments import harness

pytestmark = pytest.mark.xdist_group("course-pack")  # one worker grades the pack once

# assignment: (visible tests at least, hidden tests at least, mutants at least,
#              the largest share of the points one typical mistake may cost)
# One mistake costs only the points of the part it breaks; where a mistake breaks a whole
# function (`>` for `>=` in threshold_forward) that part is larger, and so it is where the
# function's property tests are gated on its value tests (`requires=`: no early stop breaks
# every value test of train_perceptron, so "leaves its arguments alone" earns nothing either).
PACKS = {
    "mp_neuron": (4, 8, 5, 0.4),
    "perceptron": (4, 8, 8, 0.5),  # a per-epoch counter that accumulates breaks every run
    "boolean_networks": (4, 8, 6, 0.4),
    "towers": (5, 8, 6, 0.35),
    "gradient_descent": (5, 10, 6, 0.3),
    "backprop": (5, 10, 8, 0.3),
}

MUTANTS = [(name, path) for name in PACKS for path in harness.mutant_files(name)]
CORRECT = [(name, path) for name in PACKS for path in harness.correct_files(name)]


def reference(name: str):
    return importlib.import_module(find_assignment(name).reference)


def total(outcomes: list[harness.Outcome]) -> tuple[float, float]:
    return sum(o.points for o in outcomes), sum(o.max_points for o in outcomes)


@pytest.fixture
def outcomes(graded) -> Callable[..., list[harness.Outcome]]:
    """outcomes(assignment, student, hidden=True): the student's per-test outcomes, graded
    through `grader grade`'s path (visible tests only with hidden=False)."""

    def of(name: str, student: str, *, hidden: bool = True) -> list[harness.Outcome]:
        result = graded(name, student)
        assert result.status == "graded", (student, result.status, result.message)
        return [harness.Outcome.of(t) for t in result.tests
                if hidden or t.visibility == "visible"]

    return of


@pytest.mark.parametrize("name", PACKS)
def test_pack_reference_scores_full_marks(name: str, outcomes):
    got = outcomes(name, "reference")
    assert [(o.name, o.message) for o in got if o.points != o.max_points] == []
    score, max_score = total(got)
    assert 10 <= max_score <= 30
    assert score == max_score


@pytest.mark.parametrize("name", PACKS)
def test_pack_visible_tests_pass_on_reference_and_need_no_reference(name: str, outcomes):
    assignment = find_assignment(name)
    visible = load_assignment_tests(assignment.folder, hidden=False)
    assert len(visible) >= PACKS[name][0]
    assert all(t.visibility == "visible" and set(t.params) <= {"student", "rng"} for t in visible)
    tree = ast.parse(assignment.visible_tests_path.read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(module.startswith(("reference", "tests")) for module in imported)
    got = outcomes(name, "reference", hidden=False)
    assert [o.name for o in got] == [t.name for t in visible]
    assert [o.message for o in got if o.points != o.max_points] == []


@pytest.mark.parametrize("name", PACKS)
def test_pack_hidden_tests_are_hidden_and_cover_every_function(name: str):
    assignment = find_assignment(name)
    hidden = load_tests_file(assignment.hidden_tests_path)
    assert len(hidden) >= PACKS[name][1]
    assert all(t.visibility == "hidden" for t in hidden)
    source = assignment.hidden_tests_path.read_text(encoding="utf-8")
    for fn in reference(name).STUDENT_API:
        assert f"student.{fn}(" in source or f'"{fn}"' in source, fn


@pytest.mark.parametrize("name", PACKS)
def test_pack_stub_scores_zero_and_is_not_blamed_for_a_mistake(name: str, outcomes):
    got = outcomes(name, "stub")
    assert total(got)[0] == 0
    assert [(o.name, o.message) for o in got if "NotImplementedError" not in o.message] == []
    assert [(o.name, o.mistake) for o in got if o.mistake is not None] == []


@pytest.mark.parametrize("name", PACKS)
def test_pack_has_a_mutant_per_typical_mistake_and_another_correct_style(name: str):
    assert len(harness.mutant_files(name)) >= PACKS[name][2]
    assert any(n == name for n, _ in CORRECT)


@pytest.mark.parametrize(("name", "path"), MUTANTS, ids=[f"{n}-{p.stem}" for n, p in MUTANTS])
def test_pack_mutant_loses_some_points_and_is_named(name: str, path: Path, outcomes):
    names = titles(name, path)
    got = outcomes(name, harness.student_id(path))
    score, max_score = total(got)
    assert 0 < score < max_score, f"{path.stem}: scored {score} of {max_score}"
    # a family (PARAMS) is many mistakes whose file runs alone as its first member, chosen as the
    # likeliest for replay, not as a typical mistake of the pack: validate prints their cost
    family = len(names) > 1
    assert family or score >= (1 - PACKS[name][3]) * max_score, (
        f"{path.stem}: one mistake cost {max_score - score} of {max_score} points")
    failed = [o for o in got if o.points < o.max_points]
    named = [o.name for o in failed if any(
        mistake in (o.mistake or "").lower() or mistake in o.message.lower() for mistake in names)]
    assert named, f"{path.stem}: no failing test names {names[0]!r}: " + "; ".join(
        f"{o.name}: {o.mistake or o.message}" for o in failed)


@pytest.mark.parametrize(("name", "path"), CORRECT,
                         ids=[f"{n}-{p.parent.name}-{p.stem}" for n, p in CORRECT])
def test_pack_correct_solution_in_another_style_scores_full_marks(name: str, path: Path,
                                                                  outcomes):
    """Under the per-call CPU limits calibrated on the reference (grader.run.calibrate: 100x its
    longest call, at least 0.5 s) too: they leave room for every correct style."""
    got = outcomes(name, harness.student_id(path))
    assert [(o.name, o.message) for o in got if o.points != o.max_points] == []


# Charge a mistake once (issue 16): a test of function B evaluates with the reference's A (the
# student's A only in 0-point visible practice checks), and a gradient is checked against the
# student's own loss only when that loss is right. mutant -> tests that must still pass.
CHARGED_ONCE = [
    ("backprop", "hinge_loss_missing_reg",
     {"hinge_gradient_matches_reference", "hinge_gradient_matches_own_loss"}),
    ("boolean_networks", "strict_greater",
     {"shallow_network_random_truth_tables", "deep_parity_on_all_inputs",
      "deep_parity_has_exactly_3_n_minus_1_units"}),
    ("boolean_networks", "no_concatenation",
     {"shallow_network_random_truth_tables", "deep_parity_on_all_inputs"}),
    ("mp_neuron", "threshold_compared",
     {"mp_gate_and", "mp_gate_or", "mp_gate_nor", "mp_gate_not", "mp_gate_and_not"}),
    ("mp_neuron", "veto_by_mask", {"mp_gate_and_not", "mp_gate_nor"}),
]


def titles(name: str, path: Path) -> list[str]:
    """The names a catalogue file gives (lower case): its docstring's first line, or every
    member's of a family (grader.run.catalogue: PARAMS; the file run alone is one of them)."""
    return [m.name.lower() for m in read_mistakes(path, tuple(reference(name).STUDENT_API))]


@pytest.mark.parametrize(("name", "key", "passing"), CHARGED_ONCE,
                         ids=[f"{n}-{k}" for n, k, _ in CHARGED_ONCE])
def test_pack_a_mistake_is_charged_in_its_own_functions_tests_only(
        name: str, key: str, passing: set[str], outcomes):
    got = {o.name: o for o in outcomes(name, f"mutant-{key}")}
    assert {t: got[t].message for t in passing if got[t].points < got[t].max_points} == {}
    mistake = next(p for p in harness.mutant_files(name) if p.stem == key)
    names = titles(name, mistake)
    unexplained = {o.name: o.message for o in got.values() if o.points < o.max_points
                   and not any(title in (o.mistake or "").lower() for title in names)
                   and not o.message.startswith("not scored: ")}
    assert unexplained == {}


def test_pack_a_right_gradient_is_not_blamed_for_a_wrong_loss(outcomes):
    got = {o.name: o for o in outcomes("backprop", "mutant-softmax_loss_missing_1_over_n")}
    own = got["softmax_loss_gradient_matches_own_loss"]
    assert own.points == 0  # dW is wrong too (it lacks 1/N): checked against the reference loss
    assert own.message.startswith("dW against central differences of the reference softmax "
                                  "loss (your softmax loss value is wrong, which its own test "
                                  "charges): ")
