"""`grader import otter`: an Otter Assign master notebook (v1 format) becomes an assignment
folder that validates and grades students through the real engine."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from grader.authoring.importers import ImportError_
from grader.authoring.importers.otter import import_otter, read_otter, solution_code
from grader.authoring.validate import validate
from grader.checks import CheckFailure
from grader.cli.main import main
from grader.config import load_assignment
from grader.run.compat import expect_output
from tests.grader.sheets import grade_and_read_scores

FIXTURE = Path(__file__).parents[1] / "fixtures" / "authoring" / "relu_sigmoid_otter.ipynb"

CORRECT = '''import numpy as np

def relu(x):
    return np.clip(x, 0.0, None)

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 0.5 * (1 + np.tanh(z / 2))
'''


def test_questions_become_tests_with_points_split() -> None:
    imported = read_otter(FIXTURE)
    assert imported.title == "Activation functions (Otter)"
    # q1 is worth 3: the config cell gives q1_3 1 point, the other 2 share the rest
    assert [(t.name, t.visibility, t.points) for t in imported.tests] == [
        ("q1_1", "visible", 1.0), ("q1_2", "hidden", 1.0), ("q1_3", "hidden", 1.0),
        ("q2_1", "visible", 1.0), ("q2_2", "hidden", 1.0)]
    assert imported.tests[1].code.endswith(", 'array([[0. , 0.5],\\n       [4. , 0. ]])')")
    assert "print(z)" not in imported.tests[4].code  # the # IGNORE line
    assert imported.notes == [
        "relu_sigmoid_otter.ipynb cell 25: question 'q3' is manually graded; grade it by hand "
        "(1 points are not in this assignment)"]
    assert "Because exp(-z)" not in imported.solution  # q3's written answer never ships
    assert "    ### BEGIN SOLUTION\n    return np.maximum(x, 0.0)\n    ### END SOLUTION" in (
        imported.solution)


@pytest.mark.parametrize(("cell", "converted"), [
    ("x = 2 # SOLUTION", "### BEGIN SOLUTION\nx = 2\n### END SOLUTION"),
    ("    return a + b  # SOLUTION NO PROMPT",
     "    ### BEGIN SOLUTION\n    return a + b\n    ### END SOLUTION"),
    ("    # BEGIN SOLUTION\n    y = 1\n    # END SOLUTION",
     "    ### BEGIN SOLUTION\n    y = 1\n    ### END SOLUTION"),
    ("# a comment about the SOLUTION\nz = 3", "# a comment about the SOLUTION\nz = 3"),
])
def test_solution_syntax_becomes_markers(cell: str, converted: str) -> None:
    assert solution_code(cell) == converted


@pytest.mark.parametrize(("value", "output"), [
    (np.array([[0.0, 0.5], [4.0, 0.0]]), "array([[0. , 0.5],\n       [4. , 0. ]])"),
    ([0.0, 2.0], "[0.0, 2.0]"), (0.30000000000000004, "0.3"), (True, "True"),
    ("relu", "'relu'"), ({"a": 1}, "{'a': 1}"),
])
def test_expect_output_accepts_the_recorded_value(value: object, output: str) -> None:
    expect_output(value, output)


def test_expect_output_rejects_a_different_value() -> None:
    with pytest.raises(CheckFailure, match=r"the cell's result"):
        expect_output(np.array([0.0, 1.0]), "array([0., 2.])")
    with pytest.raises(CheckFailure):
        expect_output(False, "True")
    with pytest.raises(AssertionError, match="expected output '<Foo>', got"):
        expect_output(3, "<Foo>")


def _grade(folder: Path, students: dict[str, str], tmp_path: Path
           ) -> dict[str, tuple[float, float]]:
    subs = tmp_path / "submissions"
    subs.mkdir()
    module = load_assignment(folder).module
    for student, source in students.items():
        (subs / f"{student}.py").write_text(source)
    assert module == "relu_sigmoid_otter"
    return grade_and_read_scores(folder, subs, tmp_path / "out")


def test_imported_assignment_validates_and_grades_students(tmp_path: Path) -> None:
    cli = CliRunner().invoke(main, ["import", "otter", str(FIXTURE), "--out",
                                    str(tmp_path / "acts")])
    assert cli.exit_code == 0, cli.output
    assert cli.output.splitlines()[-1] == f"next: grader validate {tmp_path / 'acts'}"
    folder = tmp_path / "acts"
    report = validate(load_assignment(folder))
    assert report.problems == [] and report.ok
    scores = _grade(folder, {
        "correct": CORRECT,
        "leaky_relu": CORRECT.replace("np.clip(x, 0.0, None)", "np.where(x > 0, x, 0.01 * x)"),
        "flipped_sigmoid": CORRECT.replace("0.5 * (1 + np.tanh(z / 2))", "1 / (1 + np.exp(z))"),
    }, tmp_path)
    assert scores == {"correct": (5.0, 5.0), "leaky_relu": (2.0, 5.0),
                      "flipped_sigmoid": (4.0, 5.0)}


def _raw(text: str) -> dict[str, object]:
    return {"cell_type": "raw", "source": text, "metadata": {}}


def _code(text: str) -> dict[str, object]:
    return {"cell_type": "code", "source": text, "metadata": {}, "outputs": [],
            "execution_count": None}


def test_unclosed_question_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "m.ipynb"
    path.write_text(json.dumps({"cells": [
        _raw("# BEGIN QUESTION\nname: q1\npoints: 1"), _raw("# BEGIN SOLUTION"),
        _code("def f():\n    return 1  # SOLUTION"), _raw("# END SOLUTION"),
        _raw("# BEGIN TESTS"), _code("assert f() == 1"), _raw("# END TESTS")],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    with pytest.raises(ImportError_, match=r"m.ipynb: question 'q1' is never closed; add a raw "
                                           r"cell # END QUESTION"):
        import_otter(path, tmp_path / "out")


def _question(name: str, solution: str, test: str) -> list[dict[str, object]]:
    return [_raw(f"# BEGIN QUESTION\nname: {name}\npoints: 1"), _raw("# BEGIN SOLUTION"),
            _code(solution), _raw("# END SOLUTION"), _raw("# BEGIN TESTS"), _code(test),
            _raw("# END TESTS"), _raw("# END QUESTION")]


def test_the_report_lists_plot_tests_and_unrun_output_checks(tmp_path: Path) -> None:
    """A test of plotted output and an output check whose master notebook was never run are
    graded in Otter but not here: listed as lost; exit 1 unless --accept-loss."""
    path = tmp_path / "plots.ipynb"
    path.write_text(json.dumps({"cells": [
        _code("import matplotlib.pyplot as plt"),
        *_question("q1", "def draw():\n    plt.plot([1, 2])  # SOLUTION",
                   "draw()\nassert len(plt.gca().get_lines()) == 1"),
        *_question("q2", "def two():\n    return 2  # SOLUTION", "two()"),
        *_question("q3", "def three():\n    return 3  # SOLUTION", "assert three() == 3")],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    cli = CliRunner().invoke(main, ["import", "otter", str(path), "--out", str(tmp_path / "a")])
    assert cli.exit_code == 1
    # (the in-process run on the solution shares matplotlib's state with the tests before:
    # it may or may not add "q1_1 fails on the notebook's own solution"; both are about q1)
    lost = [line for line in cli.output.splitlines() if line.startswith("lost: ")
            and "fails on the notebook's own solution" not in line]
    assert len(lost) == 2, cli.output
    assert any("plots.ipynb cell 7: test q1_1 (1 points) inspects plotted output (" in line
               for line in lost)
    assert any("plots.ipynb cell 15: the test's last expression has no saved output (the master "
               "notebook was not run" in line for line in lost)
    assert "graded part(s) of plots.ipynb would be lost or scored differently" in cli.output
    accepted = CliRunner().invoke(main, ["import", "otter", str(path), "--out",
                                         str(tmp_path / "b"), "--accept-loss"])
    assert accepted.exit_code == 0, accepted.output
    # (the in-process run on the solution now sees the first import's figure too: a third
    # lost line, for the same plot test, may appear; the point is the exit code)
    assert "accepted (--accept-loss): " in accepted.output
    assert "inspects plotted output (" in accepted.output


def test_a_run_output_check_that_showed_nothing_expects_none(tmp_path: Path) -> None:
    """Jupyter shows nothing for None: a run test cell without output compares with None (as
    Otter compares the empty output); a trailing `;` hides any value, so there is no check."""
    path = tmp_path / "none.ipynb"
    ran = {"execution_count": 3}
    path.write_text(json.dumps({"cells": [
        *_question("q1", "def log(x):\n    print(x)  # SOLUTION", "log(1)"),
        *_question("q2", "def two():\n    return 2  # SOLUTION", "two();")],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).replace(
            '"execution_count": null', json.dumps(ran)[1:-1]))
    imported = read_otter(path)
    assert imported.lost == []
    assert [t.code for t in imported.tests] == ["expect_output(log(1), 'None')", "two();"]
