"""The `backprop` assignment pack: reference full marks, stub zero, every typical mistake named."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from grader.config import find_assignment
from grader.testing import load_tests_file
from reference import backprop as ref
from tests.assignments import harness

NAME = "backprop"
MUTANTS = harness.mutant_files(NAME)


def total(outcomes: list[harness.Outcome]) -> tuple[float, float]:
    return sum(o.points for o in outcomes), sum(o.max_points for o in outcomes)


def test_backprop_reference_scores_full_marks():
    outcomes = harness.run_local(NAME, ref)
    failed = [(o.name, o.message) for o in outcomes if o.points != o.max_points]
    assert failed == []
    score, max_score = total(outcomes)
    assert 10 <= max_score <= 30
    assert score == max_score


def test_backprop_visible_tests_pass_on_reference_and_need_no_reference():
    assignment = find_assignment(NAME)
    visible = harness.load_tests(assignment, hidden=False)
    assert len(visible) >= 5
    assert all(t.visibility == "visible" and set(t.params) <= {"student", "rng"} for t in visible)
    tree = ast.parse(assignment.visible_tests_path.read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(name.startswith("reference") for name in imported)
    outcomes = harness.run_local(NAME, ref, hidden=False)
    assert [o.message for o in outcomes if o.points != o.max_points] == []


def test_backprop_hidden_tests_are_hidden_and_cover_every_function():
    assignment = find_assignment(NAME)
    hidden = load_tests_file(assignment.hidden_tests_path)
    assert len(hidden) >= 10
    assert all(t.visibility == "hidden" for t in hidden)
    source = assignment.hidden_tests_path.read_text(encoding="utf-8")
    for fn in ref.STUDENT_API:
        assert f"student.{fn}(" in source or f'"{fn}"' in source, fn


def test_backprop_stub_scores_zero():
    outcomes = harness.run_local(NAME, harness.stub_module(NAME))
    assert total(outcomes)[0] == 0
    assert all("NotImplementedError" in o.message for o in outcomes)


def test_backprop_has_a_mutant_per_typical_mistake():
    assert len(MUTANTS) >= 8


@pytest.mark.parametrize("path", MUTANTS, ids=[p.stem for p in MUTANTS])
def test_backprop_mutant_loses_some_points_and_is_named(path: Path):
    module = harness.load_module_file(path)
    mistake = (module.__doc__ or "").strip().splitlines()[0].lower()
    outcomes = harness.run_local(NAME, module)
    score, max_score = total(outcomes)
    assert 0 < score < max_score, f"{path.stem}: scored {score} of {max_score}"
    failed = [o for o in outcomes if o.points < o.max_points]
    named = [o.name for o in failed
             if mistake in (o.mistake or "").lower() or mistake in o.message.lower()]
    assert named, f"{path.stem}: no failing test names {mistake!r}: " + "; ".join(
        f"{o.name}: {o.mistake or o.message}" for o in failed)


CORRECT = sorted((harness.MUTANTS / NAME / "correct").glob("*.py"))


@pytest.mark.parametrize("path", CORRECT, ids=[p.stem for p in CORRECT])
def test_backprop_correct_solutions_in_other_styles_score_full_marks(path: Path):
    module = harness.load_module_file(path, f"_correct_{NAME}_{path.stem}")
    outcomes = harness.run_local(NAME, module)
    assert [(o.name, o.message) for o in outcomes if o.points != o.max_points] == []
