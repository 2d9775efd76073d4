"""nbgrader and Otter set up to grade the benchmark's submissions with the same 4 tests.

Formats only (our own code, written from the tools' documented formats):

- nbgrader: a course directory with nbgrader_config.py, source/perceptron/perceptron.ipynb (one
  solution cell, four locked autograder-test cells with points), `nbgrader generate_assignment`
  (fills the gradebook and release/), then submitted/<student>/perceptron/perceptron.ipynb:
  the release notebook with the student's code in the solution cell. Graded by
  `nbgrader autograde perceptron` with `Execute.timeout = 10` (seconds per cell).
- Otter: tests/<name>.py in OK format (one doctest case each), `otter generate` ->
  autograder.zip, one notebook per student; graded by `otter run -a autograder.zip` per
  submission, killed after 20 s (otter run has no timeout of its own).

Setup steps (generate_assignment, otter generate) are not timed; grading is.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from submissions import CORRECT, Student, notebook

ASSIGNMENT = "perceptron"
NBGRADER_CELL_TIMEOUT = 10
OTTER_SUBMISSION_TIMEOUT = 20


@dataclass(frozen=True)
class BaselineTest:
    name: str
    points: int
    lines: tuple[str, ...]
    """Statements; the test passes when none raises (the last ones are asserts)."""


# The same inputs and expected values as bench/assignment/hidden_tests.py.
BASELINE_TESTS = (
    BaselineTest("add_bias", 1, (
        "import numpy as np",
        "X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])",
        "assert np.allclose(add_bias(X), [[1.0, 2.0, 1.0], [3.0, 4.0, 1.0], [5.0, 6.0, 1.0]])",
    )),
    BaselineTest("train_perceptron", 2, (
        "import numpy as np",
        "X = np.array([[3.0, 1.0], [1.0, 1.0], [2.0, 1.0]])",
        "y = np.array([1, -1, 1])",
        "w, changes = train_perceptron(X, y, np.zeros(2), 100)",
        "assert list(changes) == [2, 1, 2, 2, 1, 2, 1, 0]",
        "assert np.allclose(w, [2.0, -3.0])",
        "w, changes = train_perceptron(X, y, np.zeros(2), 3)",
        "assert list(changes) == [2, 1, 2]",
        "assert np.allclose(w, [2.0, -1.0])",
    )),
    BaselineTest("predict", 1, (
        "import numpy as np",
        "X = np.array([[2.0, 1.0], [1.0, 1.0], [0.0, 1.0]])",
        "assert list(predict(np.array([1.0, -1.0]), X)) == [1, -1, -1]",
    )),
    BaselineTest("novikoff_bound", 1, (
        "import numpy as np",
        "X = np.array([[3.0, 4.0], [-1.0, 0.0]])",
        "assert abs(novikoff_bound(X, np.array([1, -1]), np.array([1.0, 1.0])) - 50.0) < 1e-6",
    )),
)
MAX_POINTS = sum(t.points for t in BASELINE_TESTS)


def kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Kill `process`, its process group and every descendant (Jupyter kernels included)."""
    import psutil

    try:
        descendants = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        descendants = []
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    for child in descendants:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    process.wait()


def activated(python: Path) -> dict[str, str]:
    """The environment of an activated venv (nbgrader runs `alembic` from PATH)."""
    bin_dir = str(python.parent)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "VIRTUAL_ENV": str(python.parent.parent)}


def run_logged(cmd: list[str], *, cwd: Path, log: Path, timeout: float | None = None) -> int:
    """Run cmd (cmd[0] in a venv's bin/) as if the venv were activated, in its own session,
    output appended to log; the whole tree is killed after timeout s.

    Returns the exit code, or -9 when it was killed for the timeout.
    """
    with log.open("ab") as out:
        out.write(f"\n$ {' '.join(cmd)}\n".encode())
        out.flush()
        process = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   env=activated(Path(cmd[0])))
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_tree(process)
            out.write(f"[bench] killed after {timeout} s\n".encode())
            return -9


def checked(cmd: list[str], *, cwd: Path, log: Path) -> None:
    if run_logged(cmd, cwd=cwd, log=log) != 0:
        raise RuntimeError(f"`{' '.join(cmd)}` failed in {cwd}; see {log}")


# -- nbgrader ------------------------------------------------------------------------------

def _nbgrader_cell(source: str, grade_id: str, *, solution: bool = False,
                   points: int | None = None) -> dict[str, object]:
    meta: dict[str, object] = {"grade": points is not None, "grade_id": grade_id,
                               "locked": not solution, "schema_version": 3,
                               "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"cell_type": "code", "execution_count": None, "id": grade_id,
            "metadata": {"nbgrader": meta}, "outputs": [], "source": source}


def nbgrader_source_notebook() -> dict[str, object]:
    """The instructor's notebook: the solution between BEGIN/END SOLUTION, then 4 test cells."""
    nb = notebook("")
    nb["cells"] = [
        _nbgrader_cell(f"### BEGIN SOLUTION\n{CORRECT}### END SOLUTION\n", "answer",
                       solution=True),
        *(_nbgrader_cell("\n".join(t.lines), f"test_{t.name}", points=t.points)
          for t in BASELINE_TESTS),
    ]
    return nb


def setup_nbgrader(python: Path, root: Path, students: list[Student]) -> Path:
    """A course directory at root with every student's notebook submitted; returns root."""
    source = root / "source" / ASSIGNMENT
    source.mkdir(parents=True)
    (root / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        'c.CourseDirectory.course_id = "bench"\n'
        f"c.CourseDirectory.root = {str(root)!r}\n"
        f"c.Execute.timeout = {NBGRADER_CELL_TIMEOUT}\n"
    )
    (source / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(nbgrader_source_notebook(), indent=1))
    log = root / "setup.log"
    checked([str(python), "-m", "nbgrader", "generate_assignment", ASSIGNMENT, "--force"],
            cwd=root, log=log)
    release = json.loads((root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text())
    answer = next(i for i, c in enumerate(release["cells"])
                  if c["metadata"].get("nbgrader", {}).get("solution"))
    for s in students:
        nb = json.loads(json.dumps(release))
        nb["cells"][answer]["source"] = s.source
        folder = root / "submitted" / s.name / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(nb, indent=1))
    return root


def nbgrader_command(python: Path) -> list[str]:
    return [str(python), "-m", "nbgrader", "autograde", ASSIGNMENT]


def nbgrader_scores(python: Path, root: Path) -> dict[str, float]:
    """Per-student raw scores from the gradebook (`nbgrader export`, not timed)."""
    out = root / "grades.csv"
    checked([str(python), "-m", "nbgrader", "export", "--to", str(out)], cwd=root,
            log=root / "export.log")
    with out.open() as f:
        return {row["student_id"]: float(row["raw_score"] or 0.0) for row in csv.DictReader(f)}


# -- Otter ---------------------------------------------------------------------------------

def ok_test(test: BaselineTest) -> str:
    """An OK-format test file: one doctest case, every statement a `>>>` line."""
    code = "\n".join(f">>> {line}" for line in test.lines)
    spec = {"name": test.name, "points": test.points,
            "suites": [{"type": "doctest", "scored": True, "setup": "", "teardown": "",
                        "cases": [{"code": code, "hidden": False, "locked": False}]}]}
    return f"OK_FORMAT = True\n\ntest = {spec!r}\n"


def setup_otter(python: Path, root: Path, students: list[Student]) -> Path:
    """tests/, autograder.zip and submissions/<student>.ipynb under root; returns root."""
    tests = root / "tests"
    tests.mkdir(parents=True)
    for t in BASELINE_TESTS:
        (tests / f"{t.name}.py").write_text(ok_test(t))
    otter = python.parent / "otter"
    checked([str(otter), "generate", "--no-requirements", "--no-environment", "--no-config",
             "-t", "tests", "-o", "autograder.zip"], cwd=root, log=root / "setup.log")
    folder = root / "submissions"
    folder.mkdir()
    for s in students:
        (folder / f"{s.name}.ipynb").write_text(json.dumps(notebook(s.source), indent=1))
    return root


def run_otter(python: Path, root: Path, students: list[Student]) -> dict[str, float | None]:
    """`otter run` for each submission in turn, each killed after the timeout (timed part)."""
    otter = python.parent / "otter"
    scores: dict[str, float | None] = {}
    for s in students:
        out = root / "results" / s.name
        out.mkdir(parents=True, exist_ok=True)
        code = run_logged([str(otter), "run", "--no-logo", "-a", "autograder.zip", "-o", str(out),
                           str(root / "submissions" / f"{s.name}.ipynb")],
                          cwd=root, log=root / "run.log", timeout=OTTER_SUBMISSION_TIMEOUT)
        scores[s.name] = _otter_score(out / "results.json") if code == 0 else None
    return scores


def _otter_score(path: Path) -> float | None:
    if not path.is_file():
        return None
    return float(sum(t.get("score") or 0.0 for t in json.loads(path.read_text())["tests"]))

