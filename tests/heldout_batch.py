"""What every held-out batch of issue 16 must satisfy, graded through `grader grade`.

A batch is a folder `tests/heldoutN/<assignment>/*.py`: `correct_*.py` are correct solutions,
every other file is one correct solution with exactly one mistake, said in its docstring. Whatever
the mistake catalogue says, every mistake must lose points (otherwise a test is too weak to see
it) and every correct solution, in every style, must score full marks with no mistake name. How
many mistakes are named, and rightly, is measured (not asserted) by bench/heldout.py.
"""

from __future__ import annotations

import ast
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")


def graded(batch: Path, assignment: str, tmp_path: Path) -> dict[str, dict[str, object]]:
    """Grade the assignment's folder of the batch with the real CLI; stem -> results JSON."""
    subs = tmp_path / "subs"
    subs.mkdir()
    for path in sorted((batch / assignment).glob("*.py")):
        shutil.copy(path, subs / path.name)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "grader", "grade", assignment, str(subs),
                           "--out", str(out), "--jobs", "2"],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    stopped = [line for line in done.stderr.splitlines() if " stopped in " in line]
    assert not stopped, "a naming stage raised (grader.run.runner._unfailing kept the " \
        "scores, but the names are lost):\n" + "\n".join(stopped)
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((out / "results").glob("*.json"))}


def check_complete(batch: Path, assignment: str, min_mistakes: int = 8) -> None:
    """The folder has enough mistakes, two correct styles, and a docstring saying each mistake."""
    files = sorted((batch / assignment).glob("*.py"))
    mistakes = [p for p in files if not p.stem.startswith("correct_")]
    assert len(mistakes) >= min_mistakes
    assert len(files) - len(mistakes) >= 2
    for path in files:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 5, f"{path}: the docstring must say the mistake"


def check_graded(batch: Path, assignment: str, tmp_path: Path) -> None:
    """Every mistake loses points; every correct solution has full marks and no mistake name."""
    results = graded(batch, assignment, tmp_path)
    expected = {p.stem for p in (batch / assignment).glob("*.py")}
    assert set(results) == expected
    judged_wrong = _judged_wrong(batch, assignment)
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
        wrong += [f"{stem}: {name!r}, judged wrong: {judged_wrong[stem, name]}"
                  for name in named if (stem, name) in judged_wrong]
    assert not wrong, ("correct solutions marked down or given a mistake name, or a name "
                       "judged wrong given again:\n" + "\n".join(wrong))
    assert not weak, f"single-mistake submissions that keep full marks: {weak}"


def _judged_wrong(batch: Path, assignment: str) -> dict[tuple[str, str], str]:
    """(submission, name) -> why, for every name the batch's judgements.csv judges wrong: once
    a wrong name is found and fixed, the batch's test keeps it from coming back."""
    path = batch / "judgements.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {(row["submission"], row["name"]): row["why"] for row in csv.DictReader(f)
                if row["assignment"] == assignment and row["verdict"] == "wrong"}
