"""`grader check ASSIGNMENT FILE`: visible tests only, readable feedback, exit code.

Uses the toy assignment of tests/grader/toyclass.py. Tests using `fake_engine` run the
in-process test double of grader.run.runner (trusted toy code); those named `*_engine_*` use the
real sandboxed runner.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.config import Assignment
from tests.grader.toyclass import (
    ADD_ONLY,
    CORRECT,
    HIDDEN,
    fake_engine,
    notebook,
    toy,
)

__all__ = ["fake_engine", "toy"]  # fixtures (tests/grader/toyclass.py)


def release_of(assignment: Assignment, root: Path) -> Path:
    """What a student holds: assignment.toml and visible_tests.py, nothing hidden."""
    release = root / "release" / assignment.name
    release.mkdir(parents=True)
    for name in ("assignment.toml", "visible_tests.py"):
        shutil.copy(assignment.folder / name, release / name)
    return release


def check(*args: str | Path, cwd: Path | None = None) -> tuple[int, str]:
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(main, ["check", *map(str, args)])
    else:
        old = Path.cwd()
        os.chdir(cwd)
        try:
            result = runner.invoke(main, ["check", *map(str, args)])
        finally:
            os.chdir(old)
    return result.exit_code, result.output


def test_check_all_visible_pass_exit_0(toy: Assignment, tmp_path: Path, fake_engine: None) -> None:
    release = release_of(toy, tmp_path)
    work = tmp_path / "toy.py"
    work.write_text(ADD_ONLY)  # scale is missing, but only hidden tests call it
    code, output = check(release, work)
    assert (code, output) == (0, (
        f"Visible tests of toy on {work}:\n"
        "  ✓ add_small_numbers  1/1\n"
        "Total: 1/1 points, 1 of 1 visible tests passed. Hidden tests run when your work is "
        "graded.\n"))


def test_check_release_folder_as_dot(toy: Assignment, tmp_path: Path, fake_engine: None) -> None:
    release = release_of(toy, tmp_path)
    (release / "toy.py").write_text(CORRECT)
    code, output = check(".", "toy.py", cwd=release)
    assert code == 0
    assert output.startswith("Visible tests of toy on toy.py:\n")  # named after the folder


def test_check_failing_test_shows_message_exit_1(toy: Assignment, tmp_path: Path,
                                                 fake_engine: None) -> None:
    release = release_of(toy, tmp_path)
    work = tmp_path / "toy.ipynb"
    work.write_bytes(notebook("def add(a, b):\n    return a - b\n"))
    code, output = check(release, work)
    assert code == 1
    lines = output.splitlines()
    assert lines[0] == f"Visible tests of toy on {work}:"
    assert lines[1] == "  ✗ add_small_numbers  0/1"
    assert lines[2].startswith("      add(2, 3)")
    assert "5" in output and "-1" in output
    assert lines[-1] == ("Total: 0/1 points, 0 of 1 visible tests passed. Hidden tests run "
                         "when your work is graded.")


def test_check_never_runs_hidden_tests(toy: Assignment, tmp_path: Path,
                                       fake_engine: None) -> None:
    # In the assignment folder itself the hidden tests sit next to the visible ones.
    assert toy.hidden_tests_path.read_text() == HIDDEN
    work = tmp_path / "toy.py"
    work.write_text(ADD_ONLY)
    code, output = check(toy.folder, work)
    assert code == 0
    assert "add_random_arrays" not in output and "scale_array" not in output


def test_check_syntax_error_explained_exit_1(toy: Assignment, tmp_path: Path,
                                             fake_engine: None) -> None:
    release = release_of(toy, tmp_path)
    work = tmp_path / "toy.py"
    work.write_text("def add(a, b)\n    return a + b\n")
    code, output = check(release, work)
    assert (code, output) == (1, (
        f"Visible tests of toy on {work}:\n"
        "  Your submission could not be run (syntax error):\n"
        "    line 1: expected ':'\n"
        "  ✗ add_small_numbers  0/1\n"
        "      not run: your code has a syntax error\n"
        "Total: 0/1 points, 0 of 1 visible tests passed. Hidden tests run when your work is "
        "graded.\n"))


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("empty", "Error: {work}: the file is empty; save your work and submit the file again"),
        ("missing", "Invalid value for 'FILE': {work}: not found; pass your toy.py or toy.ipynb"),
        ("no_assignment", "Invalid value for 'ASSIGNMENT': no assignment '{tmp}/nowhere'"),
        ("no_visible", "Error: {release}/visible_tests.py: not found; ASSIGNMENT must be the "
                       "assignment or release folder that holds visible_tests.py"),
        ("visible_uses_ref", "Error: {release}/visible_tests.py: visible test(s) peeks ask for "
                             "`ref`; visible tests must run without the reference (tell your "
                             "instructor)"),
    ],
)
def test_check_errors_name_file_and_fix(toy: Assignment, tmp_path: Path, fake_engine: None,
                                        setup: str, message: str) -> None:
    release = release_of(toy, tmp_path)
    work = tmp_path / "toy.py"
    assignment_arg = str(release)
    if setup == "empty":
        work.write_text("")
    elif setup == "no_assignment":
        work.write_text(CORRECT)
        assignment_arg = str(tmp_path / "nowhere")
    elif setup == "no_visible":
        work.write_text(CORRECT)
        (release / "visible_tests.py").unlink()
    elif setup == "visible_uses_ref":
        work.write_text(CORRECT)
        with (release / "visible_tests.py").open("a") as handle:
            handle.write("\n\n@test_case(points=1, visibility='visible')\n"
                         "def peeks(student, ref):\n    pass\n")
    code, output = check(assignment_arg, work)
    assert code in (1, 2)
    flat = " ".join(output.replace("│", " ").split())
    assert message.format(work=work, tmp=tmp_path, release=release) in flat, output


def test_check_engine_release_feedback_and_exit_codes(toy: Assignment, tmp_path: Path) -> None:
    release = release_of(toy, tmp_path)
    good = tmp_path / "good" / "toy.py"
    good.parent.mkdir()
    good.write_text(ADD_ONLY)
    assert check(release, good) == (0, (
        f"Visible tests of toy on {good}:\n"
        "  ✓ add_small_numbers  1/1\n"
        "Total: 1/1 points, 1 of 1 visible tests passed. Hidden tests run when your work is "
        "graded.\n"))
    bad = tmp_path / "toy.ipynb"
    bad.write_bytes(notebook("!pip install numpy", "def add(a, b):\n    return a - b\n"))
    code, output = check(release, bad)
    assert code == 1
    assert output.splitlines()[:3] == [
        f"Visible tests of toy on {bad}:",
        "  ✗ add_small_numbers  0/1",
        "      add(2, 3): got -1, expected 5.",
    ]


def test_check_engine_names_a_mistake_once(tmp_path: Path) -> None:
    """The check's message already says "Looks like ..."; no second "likely mistake:" line."""
    from grader.authoring.generate import generate_release
    from grader.authoring.scaffold import new_assignment
    from grader.config import load_assignment

    release = tmp_path / "release"
    generate_release(load_assignment(new_assignment("relu_layer", tmp_path)), release)
    work = tmp_path / "relu_layer.py"
    work.write_text("import numpy as np\n\ndef relu_forward(x):\n    return -np.maximum(x, 0.0)\n")
    code, output = check(release, work, cwd=release)
    assert code == 1
    assert output.count("Looks like the sign is flipped") == 1, output
    assert "likely mistake:" not in output


def test_a_mistake_the_message_does_not_name_gets_its_own_line() -> None:
    from grader.models import TestResult

    said = TestResult("t", 0, 1, "visible", "failed", message="x differs. Looks like N.",
                      mistake="N")
    unsaid = TestResult("t", 0, 1, "visible", "failed", message="x differs.", mistake="N")
    assert (said.unsaid_mistake, unsaid.unsaid_mistake) == ("", "N")
