"""Imported from the originals, graded like the originals: nbgrader's user-guide ps1 (plain and
`### AUTOTEST`) and its submitted notebooks, through `grader import`, `grader validate` and
`grader grade`, against the per-question points nbgrader's own autograde gave
(tests/fixtures/imported/nbgrader/expected.json, recorded by record.sh beside it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import main
from grader.config import load_assignment
from grader.validate import validate
from tests.grader.sheets import grade_and_read_scores

NBGRADER = Path(__file__).parents[1] / "fixtures" / "imported" / "nbgrader"


def _points_per_test(out: Path) -> dict[str, dict[str, float]]:
    points: dict[str, dict[str, float]] = {}
    for path in sorted((out / "results").glob("*.json")):
        result = json.loads(path.read_text())["result"]
        points[result["student"]] = {t["name"]: t["points"] for t in result["tests"]}
    return points


@pytest.mark.parametrize("problem_set", ["ps1", "ps1_autotest"])
def test_nbgrader_user_guide_grades_like_nbgrader(problem_set: str, tmp_path: Path) -> None:
    cli = CliRunner().invoke(main, ["import", "nbgrader", str(NBGRADER / "source" / problem_set /
                                    "problem1.ipynb"), "--out", str(tmp_path / "ps1")])
    assert cli.exit_code == 0, cli.output
    assert "grade_id sum_of_squares_equation): a manually graded answer" in cli.output
    folder = tmp_path / "ps1"
    report = validate(load_assignment(folder))
    assert report.ok, report.problems
    subs = tmp_path / "submitted"
    for student in ("hacker", "bitdiddle"):
        (subs / student).mkdir(parents=True)
        shutil.copy(NBGRADER / "submitted" / student / "ps1" / "problem1.ipynb", subs / student)
    totals = grade_and_read_scores(folder, subs, tmp_path / "out")
    expected = json.loads((NBGRADER / "expected.json").read_text())[problem_set]
    # the code answer of Part D is graded by hand in nbgrader too (its auto_score is only the
    # error of an unanswered cell): it is not an autograded test there or here
    autograded = {s: {k: v for k, v in scores.items() if k != "sum_of_squares_application"}
                  for s, scores in expected.items()}
    assert _points_per_test(tmp_path / "out") == autograded
    assert totals == {"hacker": (3.0, 3.0), "bitdiddle": (1.5, 3.0)}
