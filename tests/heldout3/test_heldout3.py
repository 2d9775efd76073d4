"""Held-out batch 3 (issue 16), graded through `grader grade`: what must hold whatever the
catalogue says.

Every single-mistake submission loses points (otherwise a test is too weak to see that
mistake), and every correct solution, in every style, scores full marks with no mistake name.
How many mistakes are named, and rightly, is measured (not asserted) by bench/heldout.py.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BATCH = Path(__file__).resolve().parent
ROOT = BATCH.parent.parent
ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")

pytestmark = pytest.mark.slow


def graded(assignment: str, tmp_path: Path) -> dict[str, dict[str, object]]:
    """Grade the assignment's folder of the batch with the real CLI; stem -> results JSON."""
    subs = tmp_path / "subs"
    subs.mkdir()
    for path in sorted((BATCH / assignment).glob("*.py")):
        shutil.copy(path, subs / path.name)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "grader", "grade", assignment, str(subs),
                           "--out", str(out), "--jobs", "2"],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((out / "results").glob("*.json"))}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_batch_is_complete(assignment: str) -> None:
    files = sorted((BATCH / assignment).glob("*.py"))
    mistakes = [p for p in files if not p.stem.startswith("correct_")]
    assert len(mistakes) >= 8
    assert len(files) - len(mistakes) >= 2
    for path in files:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 5, f"{path}: the docstring must say the mistake"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_mistakes_lose_points_and_correct_solutions_get_no_name(
        assignment: str, tmp_path: Path) -> None:
    results = graded(assignment, tmp_path)
    expected = {p.stem for p in (BATCH / assignment).glob("*.py")}
    assert set(results) == expected
    weak, wrong = [], []
    for stem, data in results.items():
        grade, result = data["grade"], data["result"]
        assert isinstance(grade, dict) and isinstance(result, dict)
        full = result["status"] == "graded" and grade["raw_score"] == grade["max_score"]
        named = [t["mistake"] for t in result["tests"] if t["mistake"]]
        if stem.startswith("correct_"):
            if not full or named:
                failed = [f"{t['name']}: {t['message']}" for t in result["tests"]
                          if t["status"] != "passed"]
                wrong.append(f"{stem}: {grade['raw_score']}/{grade['max_score']}, "
                             f"names {named}, failed {failed}")
        elif full:
            weak.append(stem)
    assert not wrong, "correct solutions marked down or given a mistake name:\n" + "\n".join(
        wrong)
    assert not weak, f"single-mistake submissions that keep full marks: {weak}"
