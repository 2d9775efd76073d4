"""The course pack, one table for all six assignments: the reference scores full marks, the
visible tests run without it, the untouched stub scores 0 and is never blamed for a mistake,
every typical mistake (one mutant module each) loses some but at most 30% of the points and is
named in the feedback, and correct solutions in other styles score full marks."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from grader.config import find_assignment
from grader.testing import load_tests_file
from tests.assignments import harness

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
# correct solutions in other styles: loops, torch, other constructions (the demo class's too)
CORRECT = [(name, path) for name in PACKS
           for folder in (harness.MUTANTS / name / "correct", find_assignment(name).folder / "demo")
           for path in sorted(folder.glob("*.py"))]


def reference(name: str):
    return importlib.import_module(find_assignment(name).reference)


def total(outcomes: list[harness.Outcome]) -> tuple[float, float]:
    return sum(o.points for o in outcomes), sum(o.max_points for o in outcomes)


@pytest.mark.parametrize("name", PACKS)
def test_pack_reference_scores_full_marks(name: str):
    outcomes = harness.run_local(name, reference(name))
    assert [(o.name, o.message) for o in outcomes if o.points != o.max_points] == []
    score, max_score = total(outcomes)
    assert 10 <= max_score <= 30
    assert score == max_score


@pytest.mark.parametrize("name", PACKS)
def test_pack_visible_tests_pass_on_reference_and_need_no_reference(name: str):
    assignment = find_assignment(name)
    visible = harness.load_tests(assignment, hidden=False)
    assert len(visible) >= PACKS[name][0]
    assert all(t.visibility == "visible" and set(t.params) <= {"student", "rng"} for t in visible)
    tree = ast.parse(assignment.visible_tests_path.read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(module.startswith(("reference", "tests")) for module in imported)
    outcomes = harness.run_local(name, reference(name), hidden=False)
    assert [o.message for o in outcomes if o.points != o.max_points] == []


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
def test_pack_stub_scores_zero_and_is_not_blamed_for_a_mistake(name: str):
    outcomes = harness.run_local(name, harness.stub_module(name))
    assert total(outcomes)[0] == 0
    assert [(o.name, o.message) for o in outcomes if "NotImplementedError" not in o.message] == []
    assert [(o.name, o.mistake) for o in outcomes if o.mistake is not None] == []


@pytest.mark.parametrize("name", PACKS)
def test_pack_has_a_mutant_per_typical_mistake_and_another_correct_style(name: str):
    assert len(harness.mutant_files(name)) >= PACKS[name][2]
    assert any(n == name for n, _ in CORRECT)


@pytest.mark.parametrize(("name", "path"), MUTANTS, ids=[f"{n}-{p.stem}" for n, p in MUTANTS])
def test_pack_mutant_loses_some_points_and_is_named(name: str, path: Path):
    module = harness.load_module_file(path)
    mistake = (module.__doc__ or "").strip().splitlines()[0].lower()
    outcomes = harness.run_local(name, module)
    score, max_score = total(outcomes)
    assert 0 < score < max_score, f"{path.stem}: scored {score} of {max_score}"
    assert score >= (1 - PACKS[name][3]) * max_score, (
        f"{path.stem}: one mistake cost {max_score - score} of {max_score} points")
    failed = [o for o in outcomes if o.points < o.max_points]
    named = [o.name for o in failed
             if mistake in (o.mistake or "").lower() or mistake in o.message.lower()]
    assert named, f"{path.stem}: no failing test names {mistake!r}: " + "; ".join(
        f"{o.name}: {o.mistake or o.message}" for o in failed)


@pytest.mark.parametrize(("name", "path"), CORRECT,
                         ids=[f"{n}-{p.parent.name}-{p.stem}" for n, p in CORRECT])
def test_pack_correct_solution_in_another_style_scores_full_marks(name: str, path: Path):
    module = harness.load_module_file(path, f"_correct_{name}_{path.parent.name}_{path.stem}")
    outcomes = harness.run_local(name, module)
    assert [(o.name, o.message) for o in outcomes if o.points != o.max_points] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", PACKS)
def test_pack_correct_styles_score_full_marks_in_the_sandbox_under_the_cpu_limits(
        name: str, tmp_path: Path):
    """The per-call CPU limits calibrated on the reference (grader.calibrate: 100x its longest
    call, at least 0.5 s) leave room for every correct style: loops, torch, the demo class's."""
    from grader.demo import overlay_source
    from grader.generate import read_reference
    from grader.grade import run_batch

    styles = [path for n, path in CORRECT if n == name]
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    for path in styles:  # a style redefines some functions and imports the rest: embed those
        folder = tmp_path / "subs" / f"{path.parent.name}-{path.stem}"
        folder.mkdir(parents=True)
        source = overlay_source(ref, path.read_text(encoding="utf-8"), path.stem)
        (folder / f"{assignment.module}.py").write_text(source, encoding="utf-8")
    batch = run_batch(assignment, tmp_path / "subs", tmp_path / "out", jobs=2, progress=False)
    assert len(batch.results) == len(styles) > 0
    lost = [(r.student, t.name, t.message) for r in batch.results for t in r.tests
            if t.points != t.max_points]
    assert lost == []
