"""gradebook: exact round trips, resume semantics, replacement, concurrent writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader.models import Grade, RunResult
from grader.models import TestResult as TResult  # not "Test*": pytest would collect it
from grader.store.gradebook import Gradebook, GradebookError

pytestmark = pytest.mark.dates

REPO = Path(__file__).resolve().parents[2]


def run_result(student: str = "alice", assignment: str = "perceptron", *, n: int = 2,
               sha: str = "aa", status: str = "graded") -> RunResult:
    tests = tuple(
        TResult(name=f"t{i}", points=float(i), max_points=2.0,
                visibility="visible" if i == 0 else "hidden",
                status="passed" if i == 2 else "failed", message=f"m{i}",
                mistake="missing 1/N" if i == 1 else None, traceback="tb" * i, duration=0.25 * i)
        for i in range(n)
    )
    return RunResult(student=student, assignment=assignment, status=status,  # type: ignore[arg-type]
                     tests=tests, message="msg", isolation="bubblewrap", output="out\n",
                     duration=1.5, peak_memory_kb=1234, sha256=sha, warnings=("w1", "w2"))


def grade_for(result: RunResult, penalty: float = 0.0) -> Grade:
    return Grade(student=result.student, assignment=result.assignment, status=result.status,
                 raw_score=result.score, max_score=result.max_score, late_penalty=penalty,
                 score=max(0.0, result.score - penalty), submitted_at="2026-12-01T10:00:00+00:00")


@pytest.fixture
def book(tmp_path: Path) -> Gradebook:
    return Gradebook(tmp_path / "out" / "gradebook.sqlite")


def test_gradebook_round_trips_records_exactly(book: Gradebook) -> None:
    result = run_result()
    grade = grade_for(result, penalty=0.5)
    book.record(result, grade, tests_digest="d1")
    assert book.run_results() == [result]
    assert book.run_results("perceptron") == [result]
    assert book.run_result("alice", "perceptron") == result
    assert book.grades() == [grade]
    assert book.assignments() == ["perceptron"]


texts = st.text(max_size=40)
floats = st.floats(allow_nan=False, width=64)
test_results = st.builds(
    TResult, name=texts, points=floats, max_points=floats,
    visibility=st.sampled_from(["visible", "hidden", "after_due"]),
    status=st.sampled_from(["passed", "failed", "error", "timeout"]), message=texts,
    mistake=st.none() | texts, traceback=texts, duration=floats,
)
run_results = st.builds(
    RunResult, student=st.text(min_size=1, max_size=10), assignment=st.just("a"),
    status=st.sampled_from(["graded", "no_submission", "invalid_submission", "syntax_error",
                            "import_error", "timeout", "crashed"]),
    tests=st.lists(test_results, max_size=4).map(tuple), message=texts, isolation=texts,
    output=texts, duration=floats, peak_memory_kb=st.integers(0, 2**62), sha256=texts,
    warnings=st.lists(texts, max_size=3).map(tuple),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(result=run_results, penalty=floats, submitted=st.none() | texts)
def test_gradebook_round_trip_any_record(book: Gradebook, result: RunResult, penalty: float,
                                         submitted: str | None) -> None:
    grade = Grade(student=result.student, assignment="a", status=result.status, raw_score=-0.0,
                  max_score=1e308, late_penalty=penalty, score=5e-324, submitted_at=submitted)
    book.record(result, grade, tests_digest="d")
    assert book.run_result(result.student, "a") == result
    assert [g for g in book.grades("a") if g.student == result.student] == [grade]


def test_gradebook_rerecord_replaces_tests_and_grade(book: Gradebook) -> None:
    book.record(run_result(n=3), grade_for(run_result(n=3)), tests_digest="d1")
    shorter = run_result(n=1, sha="bb", status="syntax_error")
    book.record(shorter, grade_for(shorter), tests_digest="d2")
    assert book.run_results() == [shorter]
    assert book.grades() == [grade_for(shorter)]


def test_gradebook_is_current_needs_same_file_and_tests(book: Gradebook) -> None:
    assert not book.is_current("alice", "perceptron", "aa", "d1")
    book.record(run_result(sha="aa"), grade_for(run_result()), tests_digest="d1")
    assert book.is_current("alice", "perceptron", "aa", "d1")
    assert not book.is_current("alice", "perceptron", "ab", "d1")   # file changed
    assert not book.is_current("alice", "perceptron", "aa", "d2")   # tests changed
    assert not book.is_current("bob", "perceptron", "aa", "d1")
    assert not book.is_current("alice", "backprop", "aa", "d1")


def test_gradebook_filters_and_sorts_by_assignment_then_student(book: Gradebook) -> None:
    for student, assignment in [("zoe", "perceptron"), ("alice", "towers"),
                                ("bob", "perceptron")]:
        r = run_result(student, assignment)
        book.record(r, grade_for(r), tests_digest="d")
    assert book.assignments() == ["perceptron", "towers"]
    assert [(r.assignment, r.student) for r in book.run_results()] == [
        ("perceptron", "bob"), ("perceptron", "zoe"), ("towers", "alice")]
    assert [g.student for g in book.grades("perceptron")] == ["bob", "zoe"]
    assert book.run_result("alice", "perceptron") is None
    assert book.grade("alice", "perceptron") is None
    assert book.grade("zoe", "perceptron") == grade_for(run_result("zoe", "perceptron"))
    assert book.run_result("alice", "towers") == run_result("alice", "towers")


def test_gradebook_forget_assignment_or_students(book: Gradebook) -> None:
    for student, assignment in [("a", "p"), ("b", "p"), ("c", "p"), ("a", "t")]:
        r = run_result(student, assignment)
        book.record(r, grade_for(r), tests_digest="d")
    book.forget("p", ["b"])
    assert [(r.assignment, r.student) for r in book.run_results()] == [
        ("p", "a"), ("p", "c"), ("t", "a")]
    book.forget("p")
    assert book.assignments() == ["t"]
    with sqlite3.connect(book.path) as db:
        assert db.execute("SELECT COUNT(*) FROM test_results").fetchone() == (2,)


def test_gradebook_persists_across_opens(tmp_path: Path) -> None:
    path = tmp_path / "gradebook.sqlite"
    with Gradebook(path) as book:
        book.record(run_result(), grade_for(run_result()), tests_digest="d")
    with Gradebook(path) as again:
        assert again.run_results() == [run_result()]
        assert again.is_current("alice", "perceptron", "aa", "d")


def test_a_gradebook_from_before_a_new_test_field_opens_and_records(tmp_path: Path) -> None:
    """A gradebook written before TestResult.trajectory existed gets the column on open: its
    results read back with the field's default, and new results keep theirs."""
    path = tmp_path / "gradebook.sqlite"
    with Gradebook(path) as book:
        book.record(run_result(), grade_for(run_result()), tests_digest="d")
    with sqlite3.connect(path) as db:  # as an older grader left it
        db.execute("ALTER TABLE test_results DROP COLUMN trajectory")
    db.close()
    told = run_result("bob")
    told = RunResult(**{**told.__dict__, "tests": tuple(
        TResult(**{**t.__dict__, "trajectory": "What differs: the count"}) for t in told.tests)})
    with Gradebook(path) as again:
        assert again.run_result("alice", "perceptron") == run_result()
        again.record(told, grade_for(told), tests_digest="d")
        assert again.run_result("bob", "perceptron") == told


def test_gradebook_mismatched_record_refused(book: Gradebook) -> None:
    with pytest.raises(ValueError, match="does not belong"):
        book.record(run_result("alice"), grade_for(run_result("bob")), tests_digest="d")
    assert book.run_results() == []


def test_gradebook_not_a_database_names_file_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "gradebook.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GradebookError) as info:
        Gradebook(path)
    assert str(info.value) == (f"{path}: not a usable gradebook (file is not a database); "
                               "move it away or choose another --out")


def test_gradebook_other_schema_version_refused(tmp_path: Path) -> None:
    path = tmp_path / "gradebook.sqlite"
    Gradebook(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.close()
    with pytest.raises(GradebookError) as info:
        Gradebook(path)
    assert str(info.value) == (f"{path}: gradebook schema version 99, this grader writes "
                               "version 1; regrade into a new --out folder")


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from grader.store.gradebook import Gradebook
    from grader.models import Grade, RunResult, TestResult
    book = Gradebook(Path(sys.argv[1]))
    worker = sys.argv[2]
    for i in range(40):
        tests = tuple(TestResult(name=f"t{k}", points=1.0, max_points=1.0,
                                 visibility="hidden", status="passed") for k in range(3))
        r = RunResult(student=f"{worker}-{i}", assignment="p", status="graded", tests=tests)
        g = Grade(student=r.student, assignment="p", status="graded", raw_score=3.0,
                  max_score=3.0, late_penalty=0.0, score=3.0)
        book.record(r, g, tests_digest="d")
""")


def test_gradebook_concurrent_writer_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "gradebook.sqlite"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"w{n}"], cwd=REPO)
        for n in range(3)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    with Gradebook(path) as book:
        results = book.run_results("p")
        assert len(results) == 120
        assert {len(r.tests) for r in results} == {3}
        assert sorted(r.student for r in results) == sorted(
            f"w{n}-{i}" for n in range(3) for i in range(40))
