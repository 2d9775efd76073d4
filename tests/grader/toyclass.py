"""The toy assignment and class that the batch and `grader grade` tests share (not a test module).

A toy assignment built in tmp_path (`toy` fixture: add, scale; one visible and two hidden
tests; a due date relative to tests.clock.NOW) and a class of six entries, one per kind of
outcome (`CLASS`, `make_class`), with the exact sheet they get (`expected_sheet`).

`in_process_run` is a test double of grader.run.runner.run_submission for TRUSTED toy code (no
sandbox): the driver's own behaviour (resume, --force, timestamps, crashes, sheets) is tested
fast with it. It gives the real runner's per-test status, points, mistake and message for this
class: tests/grader/test_cli_grade.py::test_in_process_run_gives_the_real_runners_results
proves it on every student, so a driver test through it shows what `grader grade` does.
"""

from __future__ import annotations

import io
import json
import os
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from grader.config import Assignment, find_assignment
from grader.models import RunResult, Submission
from grader.run.runner import load_failed, run_tests
from grader.sandbox.local import LocalStudent
from grader.sandbox.proxy import LoadResult
from grader.testing import TestCase as TCase
from tests.clock import NOW, days

REPO = Path(__file__).resolve().parents[2]


DUE = (NOW + days(10)).replace(hour=12, minute=0, second=0)


ON_TIME = DUE.timestamp() - 3600


LATE_2_DAYS = DUE.timestamp() + 36 * 3600  # 1.5 days late: 2 started days


TOML = f"""\
[assignment]
title = "Toy"
module = "toy"
reference = "toy_reference"
due = {DUE.isoformat()}

[limits]
call_timeout = 2
submission_timeout = 60

[late_policy]
grace_minutes = 10
penalty_per_day = 0.1
max_days_late = 5
"""


VISIBLE = '''\
from grader import checks
from grader.testing import test_case


@test_case(points=1, visibility="visible")
def add_small_numbers(student):
    checks.equal(student.add(2, 3), 5, name="add(2, 3)")
'''


HIDDEN = '''\
from grader import checks
from grader.testing import test_case


@test_case(points=2, visibility="hidden")
def add_random_arrays(student, ref, rng):
    a, b = rng.normal(size=4), rng.normal(size=4)
    checks.close(student.add(a, b), ref.add(a, b), name="add(a, b)")


@test_case(points=3, visibility="hidden")
def scale_array(student, ref, rng):
    x = rng.normal(size=(2, 3))
    checks.close(student.scale(x, 2.5), ref.scale(x, 2.5), name="scale(x, 2.5)")
'''


REFERENCE = '''\
def add(a, b):
    return a + b


def scale(x, k):
    return k * x
'''


CORRECT = REFERENCE


BUGGY_SCALE = "def add(a, b):\n    return a + b\n\n\ndef scale(x, k):\n    return x + k\n"


ADD_ONLY = "def add(a, b):\n    return a + b\n"


def notebook(*cells: str) -> bytes:
    nb = {"cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "source": src,
                     "execution_count": None, "outputs": []} for i, src in enumerate(cells)],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb).encode()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_assignment(root: Path, *, with_hidden: bool = True) -> Path:
    """The assignment folder `root/toy` and its reference `root/toy_reference.py`."""
    folder = root / "toy"
    folder.mkdir(parents=True)
    (folder / "assignment.toml").write_text(TOML)
    (folder / "visible_tests.py").write_text(VISIBLE)
    if with_hidden:
        (folder / "hidden_tests.py").write_text(HIDDEN)
    (root / "toy_reference.py").write_text(REFERENCE)
    return folder


CLASS: dict[str, bytes | None] = {
    # entry path under the submissions folder -> bytes (None: an empty folder)
    "alice.py": CORRECT.encode(),
    "bob/toy.ipynb": notebook("import numpy as np\n%matplotlib inline", BUGGY_SCALE),
    "carol.py": b"def add(a, b)\n    return a + b\n",
    "dave": None,
    "erin.py": b"\x00\x01binary",
    "frank.zip": zipped({"work/toy.py": ADD_ONLY.encode()}),
}


def make_class(root: Path, files: dict[str, bytes | None] | None = None) -> Path:
    """A submissions folder; every file on time except frank's (2 started days late)."""
    subs = root / "submissions"
    subs.mkdir(parents=True, exist_ok=True)
    for rel, data in (CLASS if files is None else files).items():
        path = subs / rel
        if data is None:
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        stamp = LATE_2_DAYS if rel.startswith("frank") else ON_TIME
        os.utime(path, (stamp, stamp))
    return subs


def expected_sheet(subs: Path) -> str:
    return textwrap.dedent(f"""\
        student,assignment,score,max_score,status,raw_score,late_penalty,message,toy/add_small_numbers,toy/add_random_arrays,toy/scale_array
        alice,toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0
        bob,toy,3.0,6.0,graded,3.0,0.0,,1.0,2.0,0.0
        carol,toy,0.0,6.0,syntax_error,0.0,0.0,line 1: expected ':',0.0,0.0,0.0
        dave,toy,0.0,6.0,no_submission,0.0,0.0,{subs / 'dave'}: no toy.py or toy.ipynb (or a .zip holding one); it is empty. Submit toy.py or toy.ipynb.,0.0,0.0,0.0
        erin,toy,0.0,6.0,invalid_submission,0.0,0.0,"{subs / 'erin.py'}: looks like a binary file, not text (NUL byte at offset 0); submit the source file itself",0.0,0.0,0.0
        frank,toy,1.8,6.0,graded,3.0,1.2,,1.0,2.0,0.0
        """)  # noqa: E501


def in_process_run(assignment: Assignment, submission: Submission, tests: list[TCase], *,
                   ref: ModuleType | None = None, mode: str | None = None) -> RunResult:
    """A test double of grader.run.runner.run_submission for TRUSTED toy code: no sandbox.

    Runs the cells in one namespace, then the tests as the real runner does
    (grader.run.runner.run_tests on grader.sandbox.local.LocalStudent); a syntax error lists
    every test not run, as the real runner does (grader.run.runner.load_failed).
    """
    namespace: dict[str, Any] = {"__name__": assignment.module}
    for cell in submission.cells:
        try:
            code = compile(cell, submission.path, "exec")
        except SyntaxError as exc:
            message = f"line {exc.lineno}: {exc.msg}"
            status, results = load_failed(tests, LoadResult("syntax_error", message, ()))
            return RunResult(student=submission.student, assignment=assignment.name,
                             status=status, tests=tuple(results), message=message,
                             sha256=submission.sha256)
        exec(code, namespace)
    module = ModuleType(assignment.module)
    module.__dict__.update(namespace)
    student = LocalStudent(module, module_name=assignment.module)
    return RunResult(student=submission.student, assignment=assignment.name, status="graded",
                     tests=tuple(run_tests(assignment, tests, student, ref)),
                     isolation="in-process test double", sha256=submission.sha256)


class Counting:
    """in_process_run, recording which students it ran."""

    def __init__(self) -> None:
        self.students: list[str] = []

    def __call__(self, assignment: Assignment, submission: Submission, tests: list[TCase],
                 *, ref: ModuleType | None = None) -> RunResult:
        self.students.append(submission.student)
        return in_process_run(assignment, submission, tests, ref=ref)


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Assignment]:
    folder = make_assignment(tmp_path / "course")
    monkeypatch.syspath_prepend(str(tmp_path / "course"))
    monkeypatch.delitem(sys.modules, "toy_reference", raising=False)
    yield find_assignment(str(folder))
    sys.modules.pop("toy_reference", None)


def sheet(out: Path) -> str:
    return (out / "scores.csv").read_text()


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `grader grade` use the in-process test double instead of grader.run.runner."""
    module = ModuleType("grader.run.runner")
    module.run_submission = in_process_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "grader.run.runner", module)


def engine_sheet(subs: Path) -> str:
    """expected_sheet with the engine's own syntax-error message."""
    return expected_sheet(subs).replace(
        "line 1: expected ':'", "\"SyntaxError at line 1: expected ':': def add(a, b)\"")


BROKEN: dict[str, bytes | None] = {
    "alice.py": CORRECT.encode(),
    "crashes.py": b"import os\nos._exit(0)\n",
    "imports.py": b"import no_such_pkg_xyz\n" + CORRECT.encode(),
    "loops.py": b"while True:\n    pass\n",
    "nan.py": b"import numpy as np\ndef add(a, b):\n    return a + b * np.nan\n\n"
              b"def scale(x, k):\n    return k * x\n",
    "nbcell.ipynb": notebook("import matplotlib.pyplot as plt\nplt.plot([1])", "1/0", CORRECT),
    "none.py": b"def add(a, b):\n    return None\n\ndef scale(x, k):\n    return k * x\n",
    "prints.py": b"print('x' * 10_000_000)\n" + CORRECT.encode(),
    "signature.py": b"def add(a):\n    return a\n\ndef scale(x, k):\n    return k * x\n",
    "surrogates.py": b"print('\\udcff')\ndef add(a, b):\n    raise ValueError('\\ud800')\n\n"
                     b"def scale(x, k):\n    return k * x\n",
}
