"""`grader import nbgrader`: a source notebook in nbgrader's documented format becomes an
assignment folder that validates and grades students through the real engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.authoring.importers import ImportError_
from grader.authoring.importers.nbgrader import import_nbgrader, read_nbgrader
from grader.authoring.validate import validate
from grader.cli.main import main
from grader.config import load_assignment
from grader.errors import StudentError
from grader.run.compat import assert_equal, assert_raises
from grader.testing import load_assignment_tests
from tests.grader.sheets import grade_and_read_scores

FIXTURE = Path(__file__).parents[1] / "fixtures" / "authoring" / "relu_sigmoid_nbgrader.ipynb"

CORRECT = '''import numpy as np

def relu(x):
    return np.where(x > 0, x, 0.0)

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 0.5 * (1 + np.tanh(z / 2))
'''


def test_cells_become_solution_and_tests() -> None:
    imported = read_nbgrader(FIXTURE)
    assert imported.title == "Activation functions"
    assert [(t.name, t.visibility, t.points) for t in imported.tests] == [
        ("test_relu", "hidden", 2.0),           # has a hidden region: the whole cell, hidden
        ("test_relu_visible", "visible", 0.0),  # ... and the part students see, as practice
        ("test_sigmoid", "visible", 1.0),
        ("test_sigmoid_hidden", "hidden", 1.0),
    ]
    assert "np.linspace(-3, 3, 7)" in imported.tests[0].code
    assert "np.linspace" not in imported.tests[1].code
    assert imported.notes == [
        "relu_sigmoid_nbgrader.ipynb cell 11 (grade_id why): a manually graded answer/task; "
        "grade it by hand (1 points are not in this assignment)"]
    assert imported.solution.startswith('"""# Activation functions\n')
    assert "    ### BEGIN SOLUTION\n    return np.maximum(x, 0.0)\n" in imported.solution
    assert "# ## Part 2: sigmoid" in imported.solution


def test_import_validates_and_release_has_no_solution(tmp_path: Path) -> None:
    folder, _ = import_nbgrader(FIXTURE, tmp_path / "acts")
    assignment = load_assignment(folder)
    assert (assignment.module, assignment.title) == ("relu_sigmoid_nbgrader",
                                                     "Activation functions")
    report = validate(assignment)
    assert report.problems == [] and report.ok
    visible = (folder / "visible_tests.py").read_text()
    assert "linspace(-3, 3, 7)" not in visible and "test_sigmoid_hidden" not in visible


def _grade(folder: Path, students: dict[str, str], tmp_path: Path
           ) -> dict[str, tuple[float, float]]:
    subs = tmp_path / "submissions"
    subs.mkdir()
    module = load_assignment(folder).module
    for student, source in students.items():
        (subs / student).mkdir()
        (subs / student / f"{module}.py").write_text(source)
    return grade_and_read_scores(folder, subs, tmp_path / "out")


def test_imported_assignment_grades_correct_and_wrong_students(tmp_path: Path) -> None:
    cli = CliRunner().invoke(main, ["import", "nbgrader", str(FIXTURE), "--out",
                                    str(tmp_path / "acts")])
    assert cli.exit_code == 0, cli.output
    assert "note: relu_sigmoid_nbgrader.ipynb cell 11 (grade_id why)" in cli.output
    folder = tmp_path / "acts"
    scores = _grade(folder, {
        "correct": CORRECT,
        "abs_relu": CORRECT.replace("np.where(x > 0, x, 0.0)", "np.abs(x)"),
        "flipped_sigmoid": CORRECT.replace("np.tanh(z / 2)", "np.tanh(-z / 2)"),
        "hidden_only_wrong": CORRECT.replace("np.where(x > 0, x, 0.0)",
                                             "np.where(x > 1.5, x, 0.0) + (x == 2) * 0"),
    }, tmp_path)
    assert scores == {"correct": (4.0, 4.0), "abs_relu": (2.0, 4.0),
                      "flipped_sigmoid": (2.0, 4.0), "hidden_only_wrong": (2.0, 4.0)}


def test_generated_tests_bind_the_students_functions(tmp_path: Path) -> None:
    folder, _ = import_nbgrader(FIXTURE, tmp_path / "acts")
    tests = {t.name: t for t in load_assignment_tests(folder)}
    source = (folder / "hidden_tests.py").read_text()
    assert "    relu = student.relu\n    assert_equal(relu(np.array([-1.0, 2.0]))" in source
    assert "from nose" not in source
    assert tests["test_relu"].params == ("student",)


def _notebook(tmp_path: Path, cells: list[dict[str, object]]) -> Path:
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}))
    return path


def _code(source: str, **nbgrader: object) -> dict[str, object]:
    return {"cell_type": "code", "source": source, "metadata": {"nbgrader": nbgrader},
            "outputs": [], "execution_count": None}


def test_answer_cell_without_markers_is_solution_as_a_whole(tmp_path: Path) -> None:
    path = _notebook(tmp_path, [
        _code("def double(x):\n    return 2 * x", solution=True, grade=False, grade_id="a"),
        _code("assert double(2) == 4", grade=True, solution=False, grade_id="t", points=1)])
    imported = read_nbgrader(path)
    assert imported.solution == ("### BEGIN SOLUTION\ndef double(x):\n    return 2 * x\n"
                                 "### END SOLUTION\n")
    assert imported.notes == ["nb.ipynb cell 1 (grade_id a): an answer cell without ### BEGIN/"
                              "END SOLUTION; the whole cell is the solution (students get an "
                              "empty cell)"]


def test_unclosed_marker_names_the_cell(tmp_path: Path) -> None:
    path = _notebook(tmp_path, [
        _code("def f(x):\n    ### BEGIN SOLUTION\n    return x", solution=True, grade_id="a")])
    with pytest.raises(ImportError_, match=r"nb.ipynb: cell 1:2: ### BEGIN SOLUTION is never "
                                           r"closed; add ### END SOLUTION"):
        read_nbgrader(path)


def test_no_tests_and_non_empty_out_are_errors(tmp_path: Path) -> None:
    path = _notebook(tmp_path, [_code("x = 1")])
    with pytest.raises(ImportError_, match="no autograded test cells found; nothing to grade"):
        import_nbgrader(path, tmp_path / "out")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "file").write_text("")
    with pytest.raises(ImportError_, match="exists and is not empty; choose another --out"):
        import_nbgrader(FIXTURE, tmp_path / "busy")


def test_compat_assert_raises_reads_student_exception_names() -> None:
    def student_call() -> None:
        raise StudentError("ValueError: bad", exc_type="ValueError",
                           exc_mro=("ValueError", "Exception", "BaseException", "object"))

    assert_raises(ValueError, student_call)
    with pytest.raises(AssertionError, match="expected KeyError, got ValueError: bad"):
        assert_raises(KeyError, student_call)
    with pytest.raises(AssertionError, match="did not raise ValueError"):
        assert_raises(ValueError, lambda: None)
    with pytest.raises(AssertionError, match=r"\[1, 2\] != \[1, 3\]"):
        assert_equal([1, 2], [1, 3])
