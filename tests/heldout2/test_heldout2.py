"""The second held-out batch (issue 16), graded through `grader grade` (sandbox, calibrated CPU
limits, proxy, codec): what must hold whatever the mistake catalogue says.

- every single-mistake submission loses points (otherwise the tests are too weak for it);
- every correct solution, in every style, scores full marks and gets no mistake name.

How many mistakes are *named*, and whether the names are right, is a measurement, not a test
(names are text judged by a person): `bench/heldout.py`, results in bench/RESULTS.md."""

from __future__ import annotations

import ast
import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli.main import main

BATCH = Path(__file__).parent
ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")
# The graded functions of each assignment (COURSE.md): each mistake's docstring starts with one.
FUNCTIONS = {
    "mp_neuron": {"mp_neuron", "mp_gate"},
    "perceptron": {"add_bias", "train_perceptron", "predict", "novikoff_bound", "xor_features"},
    "boolean_networks": {"threshold_forward", "shallow_network", "deep_parity", "count_units"},
    "towers": {"sigmoid", "tower_1d", "tower_2d", "approximate_1d"},
    "gradient_descent": {"numerical_gradient", "squared_loss_grad", "minibatch_sgd",
                         "momentum_step", "adam_step"},
    "backprop": {"softmax", "softmax_jacobian", "hinge_loss", "softmax_loss",
                 "mlp_loss_and_grads", "dag_forward_backward", "chain_rule_example"},
}


def submissions(name: str) -> tuple[list[Path], list[Path]]:
    """(mistakes, correct solutions) of one assignment's folder."""
    files = sorted((BATCH / name).glob("*.py"))
    return ([p for p in files if not p.stem.startswith("correct_")],
            [p for p in files if p.stem.startswith("correct_")])


def mistake_function(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.split(":", 1)[0]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_batch_has_mistakes_spread_over_the_functions_and_correct_styles(name: str):
    mistakes, correct = submissions(name)
    assert len(mistakes) >= 8 and len(correct) >= 2, (len(mistakes), len(correct))
    touched = {mistake_function(path) for path in mistakes}
    assert touched <= FUNCTIONS[name], touched - FUNCTIONS[name]
    assert touched == FUNCTIONS[name], f"no mistake in {FUNCTIONS[name] - touched}"


def test_judgements_name_real_submissions_with_known_verdicts():
    with (BATCH / "judgements.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert row["verdict"] in ("right", "partial", "wrong"), row
        assert (BATCH / row["assignment"] / f"{row['submission']}.py").is_file(), row
        assert row["name"].strip() and row["why"].strip(), row


@pytest.mark.slow
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_grade_takes_points_from_every_mistake_and_none_from_correct_solutions(
        name: str, tmp_path: Path):
    mistakes, correct = submissions(name)
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    for path in mistakes + correct:
        (subs / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", name, str(subs), "--out", str(out),
                                       "--jobs", "2"])
    assert result.exit_code == 0, result.output

    def graded(path: Path) -> tuple[dict, dict]:
        data = json.loads((out / "results" / f"{path.stem}.json").read_text(encoding="utf-8"))
        return data["grade"], data["result"]

    kept_full_marks = []
    for path in mistakes:
        grade, _ = graded(path)
        if grade["raw_score"] >= grade["max_score"]:
            kept_full_marks.append(path.stem)
    assert kept_full_marks == [], f"mistakes the tests do not catch: {kept_full_marks}"

    wronged = []
    for path in correct:
        grade, res = graded(path)
        named = [(t["name"], t["mistake"]) for t in res["tests"] if t["mistake"]]
        lost = [(t["name"], t["message"]) for t in res["tests"] if t["points"] != t["max_points"]]
        if res["status"] != "graded" or grade["raw_score"] != grade["max_score"] or named:
            wronged.append((path.stem, res["status"], lost, named))
    assert wronged == [], "\n".join(map(str, wronged))
