"""Fair limits for every style the course allows (issue 15): correct solutions written with
numpy loops, vectorised numpy, torch tensors, torch.autograd, torch.optim and torch.func score
full marks on all six assignments, graded through `grader grade` (sandbox, warm pool, codec,
the per-call CPU limits calibrated on the reference). One-time costs of an allowed library
(a first torch.optim step or torch.func call imports ~820 modules, ~0.8 s of CPU) are paid by
the warm worker before any student code (grader.sandbox.inside.worker.TORCH_WARM_MODULES), never by
a call."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.cli.main import main
from grader.config import find_assignment
from tests.assignments import harness

STYLES = Path(__file__).parent / "styles"
ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")

# The styles each assignment must be seen to grade fairly: the reference is vectorised numpy;
# torch.autograd/optim/func where the assignment differentiates or optimises something.
REQUIRED = {
    "mp_neuron": {"reference", "loops", "torch_tensors"},
    "perceptron": {"reference", "loops", "torch_style"},
    "boolean_networks": {"reference", "loops", "chain_loops", "torch_tensors"},
    "towers": {"reference", "loops", "torch_style", "torch_autograd", "torch_func"},
    "gradient_descent": {"reference", "loops", "torch_style", "torch_optim", "torch_func"},
    "backprop": {"reference", "loops", "torch_style", "torch_autograd", "torch_func"},
}


def style_files(name: str) -> list[Path]:
    folders = (STYLES / name, harness.MUTANTS / name / "correct",
               find_assignment(name).folder / "demo")
    return [path for folder in folders for path in sorted(folder.glob("*.py"))]


def test_every_assignment_has_a_correct_solution_in_every_required_style():
    for name in ASSIGNMENTS:
        present = {"reference"} | {path.stem for path in style_files(name)}
        assert REQUIRED[name] <= present, (name, REQUIRED[name] - present)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_grade_gives_full_marks_to_correct_solutions_in_every_allowed_style(
        name: str, tmp_path: Path):
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = tmp_path / "subs"
    overrides = {"reference": '"""vectorised numpy: the reference solution itself"""\n'
                              f"from {assignment.reference} import *  # noqa: F403\n"}
    for path in style_files(name):
        overrides[f"{path.parent.name}-{path.stem}"] = path.read_text(encoding="utf-8")
    for student, override in overrides.items():
        (subs / student).mkdir(parents=True)
        (subs / student / f"{assignment.module}.py").write_text(
            overlay_source(ref, override, student), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["grade", name, str(subs), "--out", str(out),
                                       "--jobs", "2"])
    assert result.exit_code == 0, result.output
    with (out / "scores.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(row["student"] for row in rows) == sorted(overrides)
    lost, named = [], []
    for row in rows:
        data = json.loads((out / "results" / f"{row['student']}.json").read_text())
        named += [(row["student"], t["name"], t["mistake"]) for t in data["result"]["tests"]
                  if t["mistake"]]
        # raw_score: the bundled assignments' due dates are fixed (issue 14); lateness is not
        # what this test is about
        if float(row["raw_score"]) != float(row["max_score"]) or row["status"] != "graded":
            lost += [(row["student"], t["name"], t["message"]) for t in data["result"]["tests"]
                     if t["points"] != t["max_points"]]
            lost.append((row["student"], row["status"], row["message"]))
    assert lost == [], "\n".join(map(str, lost))
    assert named == [], "a correct solution was given a mistake name: " + str(named)
