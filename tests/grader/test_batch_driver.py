"""run_batch, the engine behind `grader grade`: exact sheets and results, re-runs of unchanged
files, --force, changed tests, timestamps, --no-resume, parallel jobs, progress; the sheet
`grader export` writes is the same. Through the in-process double (tests/grader/toyclass.py,
its parity with the sandboxed runner proven in test_cli_grade.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from grader.batch import digest
from grader.batch.driver import run_batch
from grader.cli.main import main
from grader.config import Assignment
from grader.errors import BatchError
from grader.models import RunResult, Submission
from grader.store.gradebook import Gradebook
from grader.testing import TestCase as TCase
from tests.clock import days
from tests.grader.toyclass import (
    ADD_ONLY,
    CORRECT,
    DUE,
    LATE_2_DAYS,
    ON_TIME,
    REFERENCE,
    Counting,
    expected_sheet,
    in_process_run,
    make_class,
    notebook,
    sheet,
    toy,
)

__all__ = ["toy"]  # fixtures (tests/grader/toyclass.py)
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.dates


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
    (toy.folder / "replays.pickle").write_bytes(b"written by grader validate")  # derived
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


def test_tests_digest_covers_every_grader_module_grading_imports() -> None:
    """A module that decides results but is missing from RESULT_MODULES would let a grader
    upgrade keep stale results (a regrade skips 'unchanged' submissions)."""
    import subprocess
    import sys
    code = ("import sys, grader.run.runner, grader.sandbox.proxy, grader.batch.driver; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('grader'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    grading = [m for m in loaded if not m.startswith(("grader.batch", "grader.store",
                                                      "grader.report", "grader.cli"))]
    assert "grader.run.runtest" in grading and "grader.sandbox.proxy" in grading
    uncovered = [m for m in grading if m not in digest.NOT_RESULT_MODULES
                 and m.split(".")[1] not in digest.RESULT_MODULES]
    assert uncovered == []


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
    assert rows[1] == "alice,toy,4.2,6.0,graded,6.0,1.8,,1.0,2.0,3.0"  # 3 days late: 3 * 0.1 * 6
    assert rows[6] == "frank,toy,3.0,6.0,graded,3.0,0.0,,1.0,2.0,0.0"  # within the grace
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
