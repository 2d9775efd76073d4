"""grade_batch and `grader grade`: exact sheets, resume, --force, kill-and-resume, user errors.

The batch tests run a toy assignment built in tmp_path. Most use `in_process_run`, a test
double of grader.run.runner.run_submission for TRUSTED toy code (no sandbox), so they check the
driver's own behaviour fast; the tests named `*_engine_*` go through the real sandboxed runner.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from grader.batch import digest
from grader.batch.driver import run_batch
from grader.cli.main import main
from grader.config import Assignment, find_assignment
from grader.errors import BatchError
from grader.models import RunResult, Submission
from grader.models import TestResult as TResult  # not "Test*": pytest would collect it
from grader.run.runtest import run_test
from grader.sandbox.local import LocalStudent
from grader.store.gradebook import Gradebook
from grader.testing import TestCase as TCase
from tests.clock import NOW, days, set_mtime

REPO = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------- the toy assignment and class

pytestmark = pytest.mark.dates

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

    Runs the cells in one namespace, then each test with grader.run.runtest.run_test on
    grader.sandbox.local.LocalStudent (the scoring of every runner).
    """
    namespace: dict[str, Any] = {"__name__": assignment.module}
    for cell in submission.cells:
        try:
            code = compile(cell, submission.path, "exec")
        except SyntaxError as exc:
            return RunResult(student=submission.student, assignment=assignment.name,
                             status="syntax_error", tests=(),
                             message=f"line {exc.lineno}: {exc.msg}", sha256=submission.sha256)
        exec(code, namespace)
    module = ModuleType(assignment.module)
    module.__dict__.update(namespace)
    student = LocalStudent(module, module_name=assignment.module)
    results = [run_test(assignment, test, student, ref) for test in tests]
    return RunResult(student=submission.student, assignment=assignment.name, status="graded",
                     tests=tuple(results), isolation="in-process test double",
                     sha256=submission.sha256)


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


# ---------------------------------------------------------------- grade_batch

def test_grade_batch_class_exact_sheet(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    grades = run_batch(toy, subs, out, run=in_process_run, progress=False).grades
    assert sheet(out) == expected_sheet(subs)
    assert [(g.student, g.score) for g in grades] == [
        ("alice", 6.0), ("bob", 3.0), ("carol", 0.0), ("dave", 0.0), ("erin", 0.0),
        ("frank", 1.8)]
    frank = grades[-1]
    assert frank.submitted_at == datetime.fromtimestamp(LATE_2_DAYS, UTC).isoformat()
    assert grades[3].submitted_at is None  # no submission: no timestamp


def test_grade_batch_results_json_lists_every_test(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    run_batch(toy, subs, out, run=in_process_run, progress=False)
    assert sorted(p.name for p in (out / "results").iterdir()) == [
        f"{s}.json" for s in ("alice", "bob", "carol", "dave", "erin", "frank")]
    bob = json.loads((out / "results" / "bob.json").read_text())
    assert bob["grade"]["score"] == 3.0
    assert [(t["name"], t["points"], t["status"]) for t in bob["result"]["tests"]] == [
        ("add_small_numbers", 1.0, "passed"), ("add_random_arrays", 2.0, "passed"),
        ("scale_array", 0.0, "failed")]
    assert bob["result"]["tests"][2]["message"].startswith("scale(x, 2.5)")
    dave = json.loads((out / "results" / "dave.json").read_text())
    assert [(t["name"], t["max_points"], t["message"]) for t in dave["result"]["tests"]] == [
        ("add_small_numbers", 1.0, "not run: no submission"),
        ("add_random_arrays", 2.0, "not run: no submission"),
        ("scale_array", 3.0, "not run: no submission")]
    with Gradebook(out / "gradebook.sqlite") as book:
        stored = {r.student: r for r in book.run_results("toy")}
    assert json.loads((out / "results" / "carol.json").read_text())["result"] == json.loads(
        json.dumps(asdict(stored["carol"])))


def test_grade_batch_rerun_skips_unchanged_and_regrades_changed(toy: Assignment,
                                                                tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    first = Counting()
    run_batch(toy, subs, out, run=first, progress=False)
    assert first.students == ["alice", "bob", "carol", "frank"]  # collect failures never run
    again = Counting()
    batch = run_batch(toy, subs, out, run=again, progress=False)
    assert (again.students, batch.regraded) == ([], 0)
    assert sheet(out) == expected_sheet(subs)
    (subs / "carol.py").write_text(CORRECT)
    os.utime(subs / "carol.py", (ON_TIME, ON_TIME))
    (subs / "dave" / "toy.py").write_text(ADD_ONLY)
    os.utime(subs / "dave" / "toy.py", (ON_TIME, ON_TIME))
    third = Counting()
    batch = run_batch(toy, subs, out, run=third, progress=False)
    assert (sorted(third.students), batch.regraded) == (["carol", "dave"], 2)
    rows = sheet(out).splitlines()
    assert rows[3] == "carol,toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0"
    assert rows[4] == "dave,toy,3.0,6.0,graded,3.0,0.0,,1.0,2.0,0.0"


def test_grade_batch_force_regrades_everything(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    run_batch(toy, subs, out, run=in_process_run, progress=False)
    forced = Counting()
    batch = run_batch(toy, subs, out, run=forced, force=True, progress=False)
    assert forced.students == ["alice", "bob", "carol", "frank"]
    assert batch.regraded == 6
    assert sheet(out) == expected_sheet(subs)


def test_grade_batch_changed_tests_regrade(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    out = tmp_path / "out"
    run_batch(toy, subs, out, run=in_process_run, progress=False)
    with toy.hidden_tests_path.open("a") as handle:
        handle.write("\n# a tolerance changed\n")
    again = Counting()
    run_batch(toy, subs, out, run=again, progress=False)
    assert again.students == ["alice"]


def test_tests_digest_follows_assignment_reference_and_grader_code(
    toy: Assignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    before = digest.tests_digest(toy)
    assert digest.tests_digest(toy) == before
    (toy.folder / "release").mkdir()
    (toy.folder / "release" / "toy.py").write_text("stub")   # generated output: ignored
    (toy.folder / ".notes").write_text("x")
    assert digest.tests_digest(toy) == before
    (toy.folder / "provided").mkdir()
    (toy.folder / "provided" / "data.csv").write_text("1,2\n")
    with_data = digest.tests_digest(toy)
    assert with_data != before
    (tmp_path / "course" / "toy_reference.py").write_text(REFERENCE + "\n# fixed\n")
    with_ref = digest.tests_digest(toy)
    assert with_ref != with_data
    shorter = replace(toy, limits=replace(toy.limits, call_timeout=1.0))
    assert digest.tests_digest(shorter) != with_ref
    monkeypatch.setattr(digest, "RESULT_MODULES", digest.RESULT_MODULES[:-1])
    assert digest.tests_digest(toy) != with_ref


def test_grade_batch_timestamps_rescore_without_rerunning(toy: Assignment,
                                                          tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    run_batch(toy, subs, out, run=in_process_run, progress=False)
    stamps = tmp_path / "stamps.csv"
    stamps.write_text(f"student,submitted_at\nalice,{(DUE + days(3)).isoformat()}\n"
                      f"frank,{(DUE + timedelta(minutes=5)).isoformat()}\n"
                      + "".join(f"{s},{DUE.isoformat()}\n" for s in ("bob", "carol", "erin")))
    again = Counting()
    batch = run_batch(toy, subs, out, run=again, timestamps=stamps, progress=False)
    assert again.students == []
    rows = sheet(out).splitlines()
    assert rows[1] == "alice,toy,4.2,6.0,graded,6.0,1.8,,1.0,2.0,3.0"   # 3 days late: 3 * 0.1 * 6
    assert rows[6] == "frank,toy,3.0,6.0,graded,3.0,0.0,,1.0,2.0,0.0"   # within the 10 minutes of grace
    with Gradebook(out / "gradebook.sqlite") as book:
        assert book.grades("toy") == list(batch.grades)


def test_grade_batch_unchanged_file_keeps_its_first_timestamp(toy: Assignment,
                                                               tmp_path: Path) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode(), "bob.py": CORRECT.encode()})
    out = tmp_path / "out"
    run_batch(toy, subs, out, run=in_process_run, progress=False)
    for name in ("alice.py", "bob.py"):  # copied again after the due date
        os.utime(subs / name, (LATE_2_DAYS, LATE_2_DAYS))
    (subs / "bob.py").write_text(CORRECT + "\n# changed after the due date\n")
    os.utime(subs / "bob.py", (LATE_2_DAYS, LATE_2_DAYS))
    with toy.hidden_tests_path.open("a") as handle:  # tests changed too: both are rerun
        handle.write("\n# a tolerance changed\n")
    again = Counting()
    run_batch(toy, subs, out, run=again, progress=False)
    assert again.students == ["alice", "bob"]
    assert sheet(out).splitlines()[1:] == ["alice,toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0",
                                           "bob,toy,4.8,6.0,graded,6.0,1.2,,1.0,2.0,3.0"]
    fresh = run_batch(toy, subs, out, run=in_process_run, resume=False, progress=False)
    assert [g.score for g in fresh.grades] == [4.8, 4.8]  # afresh: the files' times again


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,when\nalice,2026-12-01\n",
         "{path}: needs a header with the columns student,submitted_at; found ['name', 'when']"),
        ("student,submitted_at\nalice,yesterday\n",
         "{path}:2: submitted_at: 'yesterday' is not an ISO date-time with a zone "
         "(e.g. 2027-02-14T23:59:00-05:00)"),
        ("student,submitted_at\nalice,2030-01-02T03:04:05\n",
         "{path}:2: submitted_at: '2030-01-02T03:04:05' has no time zone; add one, e.g. "
         "2030-01-02T03:04:05+00:00 or 2027-02-14T23:59:00-05:00"),
        ("student,submitted_at\nalice,2030-01-02T03:04:05Z\nbob,2030-01-02T03:04:05Z\n"
         "alice,2030-01-03T03:04:05Z\n",
         "{path}:4: 'alice' is listed twice; keep one row per student (their last "
         "submission's time)"),
    ],
)
def test_grade_batch_bad_timestamps_file(toy: Assignment, tmp_path: Path, content: str,
                                         message: str) -> None:
    path = tmp_path / "stamps.csv"
    path.write_text(content)
    with pytest.raises(BatchError) as info:
        run_batch(toy, make_class(tmp_path), tmp_path / "out", run=in_process_run,
                  timestamps=path, progress=False)
    assert str(info.value) == message.format(path=path)


def test_grade_batch_no_resume_starts_afresh(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    run_batch(toy, subs, out, run=in_process_run, progress=False)
    (subs / "erin.py").unlink()
    fresh = Counting()
    batch = run_batch(toy, subs, out, run=fresh, resume=False, progress=False)
    assert fresh.students == ["alice", "bob", "carol", "frank"]
    assert batch.regraded == 5
    with Gradebook(out / "gradebook.sqlite") as book:
        assert [g.student for g in book.grades("toy")] == ["alice", "bob", "carol", "dave",
                                                           "frank"]


def test_grade_batch_one_crash_never_stops_the_batch(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"

    def flaky(assignment: Assignment, submission: Submission, tests: list[TCase], *,
              ref: ModuleType | None = None) -> RunResult:
        if submission.student == "bob":
            raise RuntimeError("worker pool exploded")
        return in_process_run(assignment, submission, tests, ref=ref)

    run_batch(toy, subs, out, run=flaky, progress=False)
    rows = sheet(out).splitlines()
    assert rows[2] == ("bob,toy,0.0,6.0,crashed,0.0,0.0,the grader could not grade this entry: "
                       "RuntimeError: worker pool exploded,0.0,0.0,0.0")
    assert rows[1] == "alice,toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0"
    assert rows[6] == "frank,toy,1.8,6.0,graded,3.0,1.2,,1.0,2.0,0.0"


def test_grade_batch_grader_crash_is_retried_next_run(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode(), "bob.py": CORRECT.encode()})

    def flaky(assignment: Assignment, submission: Submission, tests: list[TCase], *,
              ref: ModuleType | None = None) -> RunResult:
        if submission.student == "bob":
            raise OSError("disk full")
        return in_process_run(assignment, submission, tests, ref=ref)

    run_batch(toy, subs, tmp_path / "out", run=flaky, progress=False)
    again = Counting()
    grades = run_batch(toy, subs, tmp_path / "out", run=again, progress=False).grades
    assert again.students == ["bob"]
    assert [(g.student, g.status, g.score) for g in grades] == [
        ("alice", "graded", 6.0), ("bob", "graded", 6.0)]


def test_grade_batch_unstorable_text_and_file_names_are_made_utf8(
    toy: Assignment, tmp_path: Path
) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    (subs / os.fsdecode(b"b\xffd.py")).write_text(CORRECT)  # not UTF-8: a lone surrogate
    set_mtime(subs / os.fsdecode(b"b\xffd.py"), DUE - days(1))

    def hostile(assignment: Assignment, submission: Submission, tests: list[TCase], *,
                ref: ModuleType | None = None) -> RunResult:
        result = in_process_run(assignment, submission, tests, ref=ref)
        first = replace(result.tests[0], message="bad \ud800", mistake="\udfff")
        return replace(result, tests=(first, *result.tests[1:]), output="\udcff",
                       warnings=("\ud83d",))

    run_batch(toy, subs, tmp_path / "out", run=hostile, progress=False)
    assert sheet(tmp_path / "out").splitlines()[1:] == [
        "alice,toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0",
        "b\ufffdd,toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0"]
    with Gradebook(tmp_path / "out" / "gradebook.sqlite") as book:
        stored = book.run_result("b\ufffdd", "toy")
    assert stored is not None
    assert (stored.tests[0].message, stored.tests[0].mistake, stored.output, stored.warnings) == (
        "bad \ufffd", "\ufffd", "\ufffd", ("\ufffd",))
    assert (tmp_path / "out" / "results" / "b\ufffdd.json").is_file()


def test_grade_batch_parallel_jobs_same_sheet(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    run_batch(toy, subs, tmp_path / "out1", run=in_process_run, jobs=1, progress=False)
    run_batch(toy, subs, tmp_path / "out3", run=in_process_run, jobs=3, progress=False)
    assert sheet(tmp_path / "out3") == sheet(tmp_path / "out1") == expected_sheet(subs)


def test_grade_batch_notes_reach_the_result(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path, {"gus/toy.py": CORRECT.encode(),
                                 "gus/toy.ipynb": notebook(ADD_ONLY)})
    grades = run_batch(toy, subs, tmp_path / "out", run=in_process_run,
                       progress=False).grades
    assert grades[0].score == 6.0
    gus = json.loads((tmp_path / "out" / "results" / "gus.json").read_text())
    assert gus["result"]["warnings"] == [
        f"{subs / 'gus'}: both toy.py and toy.ipynb were submitted; graded toy.py"]


def test_grade_batch_empty_folder_writes_empty_sheet(toy: Assignment, tmp_path: Path) -> None:
    (tmp_path / "subs").mkdir()
    assert run_batch(toy, tmp_path / "subs", tmp_path / "out", run=in_process_run,
                     progress=False).grades == ()
    assert sheet(tmp_path / "out") == \
        "student,assignment,score,max_score,status,raw_score,late_penalty,message\n"


def test_grade_batch_out_folder_inside_submissions_is_not_a_student(
    toy: Assignment, tmp_path: Path
) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    run_batch(toy, subs, subs / "graded", run=in_process_run, progress=False)
    again = run_batch(toy, subs, subs / "graded", run=in_process_run, progress=False).grades
    assert [g.student for g in again] == ["alice"]


def test_grade_batch_progress_bar_reports_every_entry(
    toy: Assignment, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subs = make_class(tmp_path)
    run_batch(toy, subs, tmp_path / "out", run=in_process_run, progress=True)
    err = capsys.readouterr().err
    assert "grading toy" in err and "6/6" in err


def test_not_run_keeps_tests_sharing_a_name_and_fills_missing_ones(toy: Assignment) -> None:
    from grader.run.reference import load_tests
    from grader.store.records import not_run

    tests = load_tests(toy)
    twin = replace(tests[0], visibility="hidden", points=4.0)
    tests = [tests[0], twin, *tests[1:]]
    ran = (TResult(name="add_small_numbers", points=1.0, max_points=1.0, visibility="visible",
                   status="passed"),
           TResult(name="add_small_numbers", points=0.0, max_points=4.0, visibility="hidden",
                   status="failed", message="m"),
           TResult(name="scale_array", points=3.0, max_points=3.0, visibility="hidden",
                   status="passed"))
    result = RunResult(student="s", assignment="toy", status="graded", tests=ran)
    full = not_run(result, tests, ["note"], "abc")
    assert [(t.name, t.max_points, t.status, t.message) for t in full.tests] == [
        ("add_small_numbers", 1.0, "passed", ""), ("add_small_numbers", 4.0, "failed", "m"),
        ("add_random_arrays", 2.0, "failed", "not run"), ("scale_array", 3.0, "passed", "")]
    assert (full.warnings, full.sha256) == (("note",), "abc")


KILLER = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from grader.config import find_assignment
from grader.batch.driver import run_batch
from tests.grader.test_cli_grade import in_process_run

def killer(assignment, submission, tests, *, ref=None):
    if submission.student == sys.argv[5]:
        os.kill(os.getpid(), signal.SIGKILL)
    return in_process_run(assignment, submission, tests, ref=ref)

run_batch(find_assignment(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), run=killer,
          progress=False)
"""


@pytest.mark.parametrize("victim", ["bob", "frank"])
def test_grade_batch_killed_and_resumed_gives_the_same_sheet(
    toy: Assignment, tmp_path: Path, victim: str
) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(toy.folder), str(subs), str(out),
         str(tmp_path / "course"), victim],
        cwd=REPO, capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert not (out / "scores.csv").exists()
    with Gradebook(out / "gradebook.sqlite") as book:
        done = {g.student for g in book.grades("toy")}
    assert victim not in done
    resumed = Counting()
    batch = run_batch(toy, subs, out, run=resumed, progress=False)
    assert batch.regraded == 6 - len(done)
    assert sheet(out) == expected_sheet(subs)
    with Gradebook(out / "gradebook.sqlite") as book:
        assert [g.student for g in book.grades("toy")] == ["alice", "bob", "carol", "dave",
                                                           "erin", "frank"]
        assert len(book.run_results("toy")) == 6


def test_grade_batch_result_keeps_runner_fields(toy: Assignment, tmp_path: Path) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})

    def with_output(assignment: Assignment, submission: Submission, tests: list[TCase], *,
                    ref: ModuleType | None = None) -> RunResult:
        result = in_process_run(assignment, submission, tests, ref=ref)
        return replace(result, output="hello\n", peak_memory_kb=77, warnings=("cell 2 raised",))

    run_batch(toy, subs, tmp_path / "out", run=with_output, progress=False)
    with Gradebook(tmp_path / "out" / "gradebook.sqlite") as book:
        (stored,) = book.run_results("toy")
    assert (stored.output, stored.peak_memory_kb, stored.warnings) == (
        "hello\n", 77, ("cell 2 raised",))
    assert stored.sha256 == hashlib.sha256(CORRECT.encode()).hexdigest()


# ---------------------------------------------------------------- the command

@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `grader grade` use the in-process test double instead of grader.run.runner."""
    module = ModuleType("grader.run.runner")
    module.run_submission = in_process_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "grader.run.runner", module)


def test_cli_grade_summary_and_exit_0_with_failing_students(
    toy: Assignment, tmp_path: Path, fake_engine: None
) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out", str(out),
                                       "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "graded 6 submissions (6 run, 0 unchanged); errors: 1 invalid_submission, "
        f"1 no_submission, 1 syntax_error; mean score 1.80 / 6; sheet: {out / 'scores.csv'}\n"
        f"toy: due {DUE.isoformat()} (from assignment.toml); submission times: the files' "
        "modification times\n")
    assert result.stderr.startswith("isolation: ")  # first the level (grader.sandbox.isolation)
    assert result.stderr.endswith(  # 1 of 5 submitted is late: not "more than a fifth"
        "\nnote: submission times are the files' modification times; copying, unzipping "
        "without times, git clone or an LMS download resets them to 'now'. Pass --timestamps "
        "FILE.csv (student,submitted_at), or --times gradescope|git.\n")
    assert sheet(out) == expected_sheet(subs)
    again = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out", str(out)])
    assert again.stdout.splitlines()[0].startswith("graded 6 submissions (0 run, 6 unchanged); ")
    forced = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out", str(out),
                                       "--force"])
    assert forced.stdout.splitlines()[0].startswith("graded 6 submissions (6 run, 0 unchanged); ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["grade", "{tmp}/nope", "{subs}", "--out", "{tmp}/out"],
         "Invalid value for 'ASSIGNMENT': no assignment '{tmp}/nope': not a folder, and not one "
         "of the bundled assignments"),
        (["grade", "{toy}", "{tmp}/missing", "--out", "{tmp}/out"],
         "Invalid value for 'SUBMISSIONS': {tmp}/missing: not a folder; pass the folder that "
         "holds one entry per student (<student>/ folders or <student>.py/.ipynb/.zip files)"),
        (["grade", "{toy}", "{subs}"], "Missing option '--out'."),
        (["grade", "{toy}", "{subs}", "--out", "{tmp}/out", "--jobs", "0"],
         "Invalid value for '--jobs' / '-j': 0 is not in the range x>=1."),
        (["grade", "{toy}", "{subs}", "--out", "{tmp}/out", "--timestamps", "{tmp}/none.csv"],
         "Invalid value for '--timestamps': {tmp}/none.csv: file not found; give a CSV with "
         "columns student,submitted_at"),
    ],
)
def test_cli_grade_user_errors_name_the_path_and_fix(
    toy: Assignment, tmp_path: Path, args: list[str], message: str
) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    fill = {"tmp": tmp_path, "toy": toy.folder, "subs": subs}
    result = CliRunner().invoke(main, [a.format(**fill) for a in args])
    assert result.exit_code == 2
    flat = " ".join(result.output.replace("│", " ").split())
    assert message.format(**fill) in flat, result.output


def test_cli_grade_broken_tests_file_is_a_clear_error(toy: Assignment, tmp_path: Path,
                                                      fake_engine: None) -> None:
    toy.hidden_tests_path.write_text("import no_such_module_anywhere\n")
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    result = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.startswith("isolation: ")  # the level comes first, then the error
    assert result.stderr.endswith(
        f"\nError: {toy.hidden_tests_path}: importing the tests failed: "
        "ModuleNotFoundError(\"No module named 'no_such_module_anywhere'\")\n")


# ---------------------------------------------------------------- through the real engine
# These use grader.run.runner.run_submission: student code in sandboxed workers.

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


def test_grade_batch_engine_broken_submissions_lose_only_what_they_must(
    toy: Assignment, tmp_path: Path
) -> None:
    subs = make_class(tmp_path, BROKEN)
    out = tmp_path / "out"
    batch = run_batch(toy, subs, out, jobs=2, progress=False)
    frame = pd.read_csv(out / "scores.csv", keep_default_na=False)
    columns = ["student", "score", "max_score", "status", "raw_score", "late_penalty"]
    assert frame[columns].values.tolist() == [
        ["alice", 6.0, 6.0, "graded", 6.0, 0.0],
        ["crashes", 0.0, 6.0, "crashed", 0.0, 0.0],
        ["imports", 0.0, 6.0, "import_error", 0.0, 0.0],
        ["loops", 0.0, 6.0, "timeout", 0.0, 0.0],
        ["nan", 3.0, 6.0, "graded", 3.0, 0.0],       # only the add tests see the nan
        ["nbcell", 6.0, 6.0, "graded", 6.0, 0.0],    # a failing cell is skipped, not fatal
        ["none", 3.0, 6.0, "graded", 3.0, 0.0],
        ["prints", 6.0, 6.0, "graded", 6.0, 0.0],
        ["signature", 3.0, 6.0, "graded", 3.0, 0.0],
        ["surrogates", 3.0, 6.0, "graded", 3.0, 0.0],   # unstorable text never stops the batch
    ]
    messages = dict(zip(frame.student, frame.message, strict=True))
    assert "no_such_pkg_xyz" in messages["imports"]
    for student, status in zip(frame.student, frame.status, strict=True):
        assert (messages[student] != "") == (status != "graded")
    results = {r.student: r for r in batch.results}
    assert any("cell 2" in w for w in results["nbcell"].warnings)
    assert 0 < len(results["prints"].output) <= toy.limits.output_kb * 1024 + 1024


def test_cli_grade_engine_class_exact_sheet_rerun_and_force(toy: Assignment,
                                                            tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    args = ["grade", str(toy.folder), str(subs), "--out", str(out), "--jobs", "2"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[0].startswith(
        "graded 6 submissions (6 run, 0 unchanged); errors: 1 invalid_submission, "
        "1 no_submission, 1 syntax_error; mean score 1.80 / 6")
    assert sheet(out) == engine_sheet(subs)
    with Gradebook(out / "gradebook.sqlite") as book:
        isolation = {r.student: r.isolation for r in book.run_results("toy")}
    # grader.sandbox.pool
    assert isolation["alice"] in ("bubblewrap+cgroup-pids+warm", "bubblewrap+warm",
                                  "bubblewrap+cgroup-pids", "bubblewrap", "uid+cgroup-pids", "uid")
    again = CliRunner().invoke(main, args)
    assert again.stdout.splitlines()[0].startswith("graded 6 submissions (0 run, 6 unchanged); ")
    assert sheet(out) == engine_sheet(subs)
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert forced.stdout.splitlines()[0].startswith("graded 6 submissions (6 run, 0 unchanged); ")
    assert sheet(out) == engine_sheet(subs)
    bob = json.loads((out / "results" / "bob.json").read_text())["result"]["tests"][2]
    assert bob["message"].startswith("scale(x, 2.5): 6 of 6 entries differ; worst at [0, 0]")


SLOW = "import time\ntime.sleep(0.4)\n" + CORRECT


@pytest.mark.slow
def test_cli_grade_engine_sigkill_and_resume_gives_the_same_sheet(toy: Assignment,
                                                                  tmp_path: Path) -> None:
    class_files = dict(CLASS) | {f"slow{i:02d}.py": SLOW.encode() for i in range(10)}
    subs = make_class(tmp_path, class_files)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path / "course"), str(REPO)]))
    command = [sys.executable, "-m", "grader", "grade", str(toy.folder), str(subs), "--out",
               str(out), "--no-progress"]
    proc = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    book_path = out / "gradebook.sqlite"
    committed = 0
    deadline = time.monotonic() + 60
    while committed < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if book_path.exists():
            with Gradebook(book_path) as book:
                committed = len(book.grades("toy"))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    with Gradebook(book_path) as book:
        done = len(book.grades("toy"))
    assert 4 <= done < 16
    resumed = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True,
                             timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"({16 - done} run, {done} unchanged)" in resumed.stdout
    slow_rows = "".join(f"slow{i:02d},toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0\n" for i in range(10))
    expected = engine_sheet(subs).replace("frank,toy,1.8,6.0,graded,3.0,1.2,,1.0,2.0,0.0\n",
                                          "frank,toy,1.8,6.0,graded,3.0,1.2,,1.0,2.0,0.0\n" + slow_rows)
    assert sheet(out) == expected
    with Gradebook(book_path) as book:
        assert len(book.run_results("toy")) == 16


def test_cli_grade_unloadable_reference_is_a_clear_error(toy: Assignment, tmp_path: Path,
                                                         fake_engine: None) -> None:
    toml = toy.folder / "assignment.toml"
    toml.write_text(TOML.replace('"toy_reference"', '"no_such_reference_module"'))
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    result = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.startswith("isolation: ")  # the level comes first, then the error
    assert result.stderr.endswith(
        f"\nError: {toml}: assignment.reference 'no_such_reference_module' cannot be loaded "
        "(ModuleNotFoundError(\"No module named 'no_such_reference_module'\")); check the "
        "module name or solution file\n")
    assert not (tmp_path / "out" / "scores.csv").exists()


def test_grade_and_export_write_the_same_sheet(toy: Assignment, tmp_path: Path) -> None:
    """One sheet definition (grader.report.sheets): `grader export --format csv` of a results
    folder is the scores.csv `grader grade` wrote there, byte for byte, after a resumed run
    (alice's row comes from the gradebook, the rest from this run)."""
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    run_batch(toy, make_class(tmp_path / "first", {"alice.py": CORRECT.encode()}), out,
              run=in_process_run, progress=False)
    run_batch(toy, subs, out, run=in_process_run, progress=False)
    exported = CliRunner().invoke(main, ["export", str(out), "--format", "csv",
                                         "--out", str(tmp_path / "export.csv")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "export.csv").read_bytes() == (out / "scores.csv").read_bytes()
    assert sheet(out) == expected_sheet(subs)
