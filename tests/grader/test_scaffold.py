"""`grader new`: the scaffold validates, releases and grades out of the box."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.authoring.generate import generate_release
from grader.authoring.scaffold import ScaffoldError, module_name, new_assignment
from grader.authoring.validate import validate
from grader.cli.main import main
from grader.config import load_assignment
from grader.models import Submission
from grader.run.runner import run_submission
from grader.testing import load_assignment_tests


def _submission(name: str, module: str, source: str) -> Submission:
    return Submission(student="s", assignment=name, path=f"{module}.py", kind="py",
                      cells=(source,), sha256=hashlib.sha256(source.encode()).hexdigest())


def test_scaffold_files_and_config(tmp_path: Path) -> None:
    folder = new_assignment("relu_layer", tmp_path)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        "assignment.toml", "hidden_tests.py", "provided/sample_inputs.csv", "solution.py",
        "visible_tests.py"]
    assignment = load_assignment(folder)
    assert (assignment.name, assignment.module, assignment.title) == (
        "relu_layer", "relu_layer", "Relu layer")
    assert assignment.reference == str((folder / "solution.py").resolve())
    tests = load_assignment_tests(folder)
    assert [(t.name, t.visibility, t.points) for t in tests] == [
        ("relu_forward_on_the_sample_inputs", "visible", 1.0),
        ("relu_forward_random_shapes", "hidden", 1.0),
        ("relu_backward_gradient_check", "hidden", 2.0)]
    # the comments point at the bundled six as worked examples
    assert "assignments/perceptron" in (folder / "visible_tests.py").read_text()
    assert "reference/backprop.py" in (folder / "solution.py").read_text()


def test_scaffold_validates_out_of_the_box(tmp_path: Path) -> None:
    report = validate(load_assignment(new_assignment("relu_layer", tmp_path)))
    assert report.problems == []
    assert report.ok
    assert report.passed[0] == "solution: 4 of 4 points, twice, identically"


def test_scaffold_release_keeps_signatures_and_strips_solutions(tmp_path: Path) -> None:
    assignment = load_assignment(new_assignment("relu_layer", tmp_path))
    release = tmp_path / "release"
    generate_release(assignment, release)
    stub = (release / "relu_layer.py").read_text()
    assert "def relu_forward(x):" in stub and "def relu_backward(dout, x):" in stub
    assert stub.count("    # YOUR CODE HERE\n    raise NotImplementedError()") == 2
    for secret in ("np.maximum(x, 0.0)", "dout * (x > 0)", "BEGIN", "Instructor notes",
                   "relu_backward_gradient_check"):
        assert secret not in stub
        assert secret not in (release / "relu_layer.ipynb").read_text()
    assert 'reference = "solution.py"' in (release / "assignment.toml").read_text()
    assert (release / "provided" / "sample_inputs.csv").is_file()
    assert not (release / "hidden_tests.py").exists() and not (release / "solution.py").exists()


def test_scaffold_grades_solution_full_and_stub_zero_in_the_sandbox(tmp_path: Path) -> None:
    folder = new_assignment("relu_layer", tmp_path)
    assignment = load_assignment(folder)
    generate_release(assignment, tmp_path / "release")
    tests = load_assignment_tests(folder)
    wrong = (folder / "solution.py").read_text().replace("dout * (x > 0)", "dout * (x >= 0) * 2")
    scores = {}
    for label, source in [("solution", (folder / "solution.py").read_text()),
                          ("stub", (tmp_path / "release" / "relu_layer.py").read_text()),
                          ("wrong backward", wrong)]:
        result = run_submission(assignment, _submission(assignment.name, "relu_layer", source),
                                tests)
        scores[label] = [t.points for t in result.tests]
    assert scores == {"solution": [1.0, 1.0, 2.0], "stub": [0.0, 0.0, 0.0],
                      "wrong backward": [1.0, 1.0, 0.0]}


@pytest.mark.parametrize(("name", "module"), [
    ("relu_layer", "relu_layer"), ("Conv-Layer_1", "conv_layer_1"), ("dropout", "dropout")])
def test_module_name(name: str, module: str) -> None:
    assert module_name(name) == module


@pytest.mark.parametrize("name", ["1layer", "conv layer", "", "a/b", "../x", "_x"])
def test_module_name_rejects(name: str) -> None:
    with pytest.raises(ScaffoldError, match="cannot name an assignment: use letters, digits"):
        module_name(name)


def test_cli_new_creates_and_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["new", "dropout", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"assignment 'dropout' created in {tmp_path / 'dropout'}/:" in result.output
    assert f"grader validate {tmp_path / 'dropout'}" in result.output
    assert load_assignment(tmp_path / "dropout").module == "dropout"
    again = runner.invoke(main, ["new", "dropout", "--dir", str(tmp_path)])
    assert again.exit_code == 1
    assert "exists and is not empty; choose another NAME or --dir" in again.output


def test_release_notebook_filled_in_grades_full_and_check_runs_offline(tmp_path: Path) -> None:
    import nbformat

    from grader.collect.entries import collect

    folder = new_assignment("relu_layer", tmp_path)
    assignment = load_assignment(folder)
    release = tmp_path / "release"
    generate_release(assignment, release)
    notebook = nbformat.read(str(release / "relu_layer.ipynb"), as_version=4)
    solution = (folder / "solution.py").read_text()
    for cell in notebook.cells:
        function = cell.metadata.get("nn_grader", {}).get("function")
        if cell.metadata.get("nn_grader", {}).get("role") == "solution":
            start = solution.index(f"def {function}(")
            cell.source = solution[start:solution.index("### END SOLUTION", start)]
    student = tmp_path / "alice.ipynb"
    nbformat.write(notebook, str(student))
    result = run_submission(assignment, collect(assignment, student),
                            load_assignment_tests(folder))
    assert [t.points for t in result.tests] == [1.0, 1.0, 2.0]
    check = CliRunner().invoke(main, ["check", str(release), str(student)])
    assert check.exit_code == 0, check.output
    stub = CliRunner().invoke(main, ["check", str(release), str(release / "relu_layer.py")])
    assert stub.exit_code == 1
