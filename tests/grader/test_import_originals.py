"""Imported from the originals, graded like the originals: nbgrader's user-guide ps1 (plain and
`### AUTOTEST`) and its submitted notebooks, and Otter's exception example with four notebooks,
through `grader import`, `grader validate` and `grader grade`, against the per-question points
nbgrader's own autograde and `otter run` gave (tests/fixtures/imported/*/expected.json, recorded
by record.sh beside each)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from grader.authoring.notebook import solution_notebook, write_notebook
from grader.authoring.validate import validate
from grader.cli.main import main
from grader.config import load_assignment
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


OTTER = Path(__file__).parents[1] / "fixtures" / "imported" / "otter"


def _per_question(points: dict[str, float]) -> dict[str, float]:
    """nn-grader's tests q3_1, q3_2 -> Otter's question q3 (all_or_nothing: one test q1_1)."""
    questions: dict[str, float] = {}
    for name, value in points.items():
        question = name.rsplit("_", 1)[0]
        questions[question] = questions.get(question, 0.0) + value
    return questions


def test_otter_exception_example_grades_like_otter_run(tmp_path: Path) -> None:
    """Otter's own test material (```otter``` markdown config, exception-style tests reading
    notebook variables, all_or_nothing, points shared per Otter's rules, intercell seeding),
    graded on four notebooks against the points `otter run` gave them (otter/expected.json,
    otter/record.sh): every question, every test case, every total."""
    cli = CliRunner().invoke(main, ["import", "otter", str(OTTER / "exception-example.ipynb"),
                                    "--out", str(tmp_path / "ex")])
    assert cli.exit_code == 0, cli.output
    assert "lost:" not in cli.output
    folder = tmp_path / "ex"
    # Otter's `generate: seed: 42`: grading seeds every cell, as `otter run` does
    assert load_assignment(folder).load.seed_cells == 42
    report = validate(load_assignment(folder))
    # both problems are the source's own: question5's circumference has no test in Otter's
    # file, and q3's hidden test (square(1) == 1) passes an identity function
    assert [p.message for p in report.problems if p.severity == "error"] == [
        "no test loses points when circumference returns zeros, its negation or None: write a "
        "test that checks its result",
        "test q3_2 gives points to garbage (0.5 of 0.5 when every graded function returns its "
        "first argument); compare the function's values, or gate the test on its value tests "
        "with @test_case(..., requires=(...))"]
    totals = grade_and_read_scores(folder, OTTER / "submissions", tmp_path / "out")
    otter = json.loads((OTTER / "expected.json").read_text())["exception-example"]
    assert set(totals) == set(otter) == {"solution", "student_stub", "partial", "wrong"}
    per_test = _points_per_test(tmp_path / "out")
    for student, recorded in otter.items():
        assert _per_question(per_test[student]) == recorded["questions"], student
        # test case by test case where one test is one Otter case (q1 is all or nothing)
        assert {name: value for name, value in per_test[student].items()
                if not name.startswith("q1")} == {
            name.replace(" - ", "_"): case["points"] if case["passed"] else 0
            for name, case in recorded["cases"].items() if not name.startswith("q1")}, student
        assert totals[student] == (recorded["total"], 6.0)


def test_an_imported_solutions_prints_stay_off_the_graders_output(tmp_path: Path) -> None:
    """Otter's example prints at the top level (question 5's area): `grader import` and `grader
    grade` do not show it; a failing validate shows it, marked as the solution's output."""
    printed = "A circle with radius 3 has area 29.5788"
    imported = CliRunner().invoke(main, ["import", "otter", str(OTTER / "exception-example.ipynb"),
                                         "--out", str(tmp_path / "ex")])
    assert imported.exit_code == 0 and printed not in imported.output, imported.output
    graded = CliRunner().invoke(main, ["grade", str(tmp_path / "ex"), str(OTTER / "submissions"),
                                       "--out", str(tmp_path / "out"), "--no-progress"])
    assert graded.exit_code == 0 and printed not in graded.output, graded.output
    failing = CliRunner().invoke(main, ["validate", str(tmp_path / "ex"), "--no-sandbox"])
    assert failing.exit_code == 1
    assert failing.output.count(printed) == 1
    assert f"the solution printed while it was loaded (its top-level code):\n    | {printed}" \
        in failing.output


@pytest.mark.parametrize(("notebook", "lost"), [
    ("demo.ipynb", 10),     # the tutorial: a generator and pandas values cannot cross
    ("example.ipynb", 3),   # q1 imports a student_file module; seeding by a variable (config,
])                          # and so q8's # SEED line)
def test_otter_import_exits_non_zero_when_graded_parts_are_lost(notebook: str, lost: int,
                                                                tmp_path: Path) -> None:
    cli = CliRunner().invoke(main, ["import", "otter", str(OTTER / notebook), "--out",
                                    str(tmp_path / "nb")])
    assert cli.exit_code == 1
    assert cli.output.count("lost: ") == lost
    assert f"{lost} graded part(s) of {notebook} would be lost or scored differently" in cli.output
    assert "--accept-loss" in cli.output


@pytest.mark.parametrize(("total", "given", "points"), [
    (None, [2.0, 3.0, None], [2.0, 3.0, 0.0]),  # example.ipynb q1: the unpointed case is 0
    (None, [None, None], [0.5, 0.5]),           # no points anywhere: the question is worth 1
    (6.0, [2.0, 2.0, None, None], [2.0, 2.0, 1.0, 1.0]),  # Otter's documented example
    ({"each": 0.75}, [None, None, None], [0.75, 0.75, 0.75]),
    ([10, 2], [None, None], [10.0, 2.0]),
])
def test_otter_points_resolve_like_otter(total: object, given: list[float | None],
                                         points: list[float]) -> None:
    from grader.authoring.importers.otter import resolve_points

    assert resolve_points(total, given, "q") == points


def test_the_release_of_an_imported_notebook_keeps_its_task_text(tmp_path: Path) -> None:
    """nbgrader's problem1: the student's notebook has the source's markdown (headings, task
    text, the example calls) in the source's order, the stubs and check cells among them; its
    filled-in version grades full marks through `grader grade`."""
    cli = CliRunner().invoke(main, ["import", "nbgrader", str(NBGRADER / "source" / "ps1" /
                                    "problem1.ipynb"), "--out", str(tmp_path / "ps1")])
    assert cli.exit_code == 0, cli.output
    released = CliRunner().invoke(main, ["generate", str(tmp_path / "ps1"), "--out",
                                         str(tmp_path / "release")])
    assert released.exit_code == 0, released.output
    notebook = nbformat.read(tmp_path / "release" / "problem1.ipynb", as_version=4)
    cells = [(c.cell_type, c.source) for c in notebook.cells]
    assert notebook.cells[0].source.startswith("# problem1\n\nFor this problem set, we'll be "
                                               "using the Jupyter notebook:")
    text = [source for kind, source in cells if kind == "markdown"]
    part_a = next(i for i, (_, s) in enumerate(cells) if "## Part A (2 points)" in s)
    assert "Write a function that returns a list of numbers, such that $x_i=i^2$" in \
        cells[part_a][1]
    assert cells[part_a + 1][1].startswith("def squares(n):")
    assert "raise NotImplementedError()" in cells[part_a + 1][1]
    assert cells[part_a + 2][1] == 'check("squares")'
    assert any("## Part B (1 point)" in s for s in text)
    assert any("Using LaTeX math notation, write out the equation" in s for s in text)
    assert ("code", "sum_of_squares(10)") in cells
    assert "BEGIN SOLUTION" not in json.dumps(notebook)
    subs = tmp_path / "subs"
    subs.mkdir()
    write_notebook(solution_notebook(load_assignment(tmp_path / "ps1")), subs / "solved.ipynb")
    totals = grade_and_read_scores(tmp_path / "ps1", subs, tmp_path / "out")
    assert totals == {"solved": (3.0, 3.0)}
