"""run_batch when things go wrong: a grader crash on one entry, unstorable text, entries that
could not run, a grader killed mid-batch and resumed (the same sheet), and broken submissions
through the real sandboxed runner (each loses only what it must).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from grader.batch.driver import run_batch
from grader.config import Assignment
from grader.models import RunResult, Submission
from grader.models import TestResult as TResult  # not "Test*": pytest would collect it
from grader.store.gradebook import Gradebook
from grader.testing import TestCase as TCase
from tests.clock import days, set_mtime
from tests.grader.toyclass import (
    BROKEN,
    CORRECT,
    DUE,
    Counting,
    expected_sheet,
    in_process_run,
    make_class,
    sheet,
    toy,
)

__all__ = ["toy"]  # fixtures (tests/grader/toyclass.py)
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.dates


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
from tests.grader.toyclass import in_process_run

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
