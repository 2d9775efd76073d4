"""grader.store.records: every record round-trips through JSON (Dask, results/<student>.json)
and SQLite (the gradebook) field by field, unicode, NaN/inf, -0.0 and None included
(SQLite keeps -0.0 as 0.0)."""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader.models import Grade, Plot, RunResult, Submission
from grader.models import TestResult as TResult  # not "Test*": pytest would collect it
from grader.store import records
from grader.store.gradebook import Gradebook

texts = st.text(max_size=30)  # every code point, lone surrogates included
any_floats = st.floats(width=64)  # NaN, inf, -inf, -0.0, subnormals
test_results = st.builds(
    TResult, name=texts, points=any_floats, max_points=any_floats,
    visibility=st.sampled_from(["visible", "hidden", "after_due"]),
    status=st.sampled_from(["passed", "failed", "error", "timeout"]), message=texts,
    mistake=st.none() | texts, traceback=texts, duration=any_floats,
)
series = st.lists(any_floats, max_size=5).map(tuple)
plots = st.builds(
    Plot, name=texts, title=texts, kind=st.sampled_from(["curve", "boundary", "path"]),
    reference=series, student=st.none() | series, x=series, target=series, points=series,
    note=texts,
)
run_results = st.builds(
    RunResult, student=texts, assignment=texts,
    status=st.sampled_from(["graded", "no_submission", "invalid_submission", "syntax_error",
                            "import_error", "timeout", "crashed"]),
    tests=st.lists(test_results, max_size=4).map(tuple), message=texts, isolation=texts,
    output=texts, duration=any_floats, peak_memory_kb=st.integers(0, 2**62), sha256=texts,
    warnings=st.lists(texts, max_size=3).map(tuple), plots=st.lists(plots, max_size=2).map(tuple),
)
grades = st.builds(
    Grade, student=texts, assignment=texts,
    status=st.sampled_from(["graded", "crashed"]), raw_score=any_floats, max_score=any_floats,
    late_penalty=any_floats, score=any_floats, submitted_at=st.none() | texts,
)
submissions = st.builds(
    Submission, student=texts, assignment=texts, path=texts,
    kind=st.sampled_from(["py", "ipynb"]), cells=st.lists(texts, max_size=3).map(tuple),
    sha256=texts,
)


def same(a: object, b: object, *, signed_zero: bool = True) -> None:
    """Equal field by field, NaN equal to NaN and -0.0 told from 0.0 (== says neither).
    signed_zero=False: SQLite keeps a REAL -0.0 as 0 (the one loss, equal by ==)."""
    assert type(a) is type(b)
    assert _plain(records.to_data(a), signed_zero) == _plain(records.to_data(b), signed_zero)


def _plain(data: object, signed_zero: bool) -> str:
    if not signed_zero:
        data = _unsigned(data)
    return repr(data)


def _unsigned(data: object) -> object:
    if isinstance(data, float) and data == 0.0:
        return 0.0
    if isinstance(data, dict):
        return {k: _unsigned(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_unsigned(v) for v in data]
    return data


def test_every_field_of_every_record_is_serialised() -> None:
    for cls in (TResult, RunResult, Grade, Submission, Plot):
        names = {f.name for f in fields(cls)}
        assert set(records.columns(cls)) == names
    result = RunResult(student="s", assignment="a", status="graded", tests=(
        TResult(name="t", points=1.0, max_points=2.0, visibility="hidden", status="failed"),),
        warnings=("w",))
    data = records.to_data(result)
    assert set(data) == {f.name for f in fields(RunResult)}
    assert set(data["tests"][0]) == {f.name for f in fields(TResult)}
    assert isinstance(data["tests"], list) and isinstance(data["warnings"], list)


@settings(max_examples=60, deadline=None)
@given(record=run_results | grades | submissions)
def test_json_round_trip(record: RunResult | Grade | Submission) -> None:
    back = records.from_json(type(record), records.to_json(record))
    same(back, record)
    assert isinstance(back, type(record))
    if isinstance(back, RunResult):
        assert isinstance(back.tests, tuple) and isinstance(back.warnings, tuple)
        assert all(isinstance(t, TResult) for t in back.tests)


@settings(max_examples=60, deadline=None)
@given(record=run_results | grades | submissions)
def test_plain_data_round_trip_as_dask_ships_it(record: RunResult | Grade | Submission) -> None:
    data = records.to_data(record)
    json.dumps(data)  # plain data only: nothing a pickle would need
    same(records.from_data(type(record), data), record)


@pytest.fixture
def book(tmp_path: Path) -> Gradebook:
    return Gradebook(tmp_path / "gradebook.sqlite")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(result=run_results, grade=grades)
def test_gradebook_round_trip(book: Gradebook, result: RunResult, grade: Grade) -> None:
    """Through SQLite, after `storable` (what the driver records): every field comes back."""
    result = records.storable(result)
    grade = records.storable(Grade(**{**records.to_data(grade), "student": result.student,
                                      "assignment": result.assignment}))
    book.forget(result.assignment)
    book.record(result, grade, tests_digest="d")
    same(book.run_result(result.student, result.assignment), result, signed_zero=False)
    same(book.grade(result.student, result.assignment), grade, signed_zero=False)


def test_nan_and_infinite_scores_survive_sqlite(book: Gradebook) -> None:
    tests = (TResult(name="n", points=math.nan, max_points=math.inf, visibility="visible",
                     status="failed", message="ünïcødé ✓ 🙂", mistake=None),
             TResult(name="m", points=-math.inf, max_points=-0.0, visibility="hidden",
                     status="error", mistake="missing 1/N"))
    result = RunResult(student="zoë", assignment="a", status="graded", tests=tests)
    grade = Grade(student="zoë", assignment="a", status="graded", raw_score=math.nan,
                  max_score=math.inf, late_penalty=-0.0, score=math.nan, submitted_at=None)
    book.record(result, grade, tests_digest="d")
    back = book.run_result("zoë", "a")
    assert back is not None
    assert math.isnan(back.tests[0].points) and back.tests[0].max_points == math.inf
    assert back.tests[1].points == -math.inf and back.tests[0].mistake is None
    assert back.tests[0].message == "ünïcødé ✓ 🙂"
    same(back, result, signed_zero=False)
    same(book.grade("zoë", "a"), grade, signed_zero=False)


def test_storable_replaces_lone_surrogates_in_every_string() -> None:
    bad = "a\ud800b"
    result = RunResult(student=bad, assignment="a", status="graded", message=bad, output=bad,
                       warnings=(bad,), tests=(TResult(
                           name=bad, points=1.0, max_points=1.0, visibility="visible",
                           status="passed", message=bad, mistake=bad, traceback=bad),))
    clean = records.storable(result)
    dumped = records.to_json(clean)
    dumped.encode("utf-8")  # would raise on a lone surrogate
    assert "\ud800" not in dumped and dumped.count("a\ufffdb") == 8


def test_the_gradebook_schema_is_the_records_fields(book: Gradebook) -> None:
    with sqlite3.connect(book.path) as db:
        tests = [r[1] for r in db.execute("PRAGMA table_info(test_results)")]
        subs = {r[1] for r in db.execute("PRAGMA table_info(submissions)")}
        plot_rows = [r[1] for r in db.execute("PRAGMA table_info(plots)")]
    assert tests == ["student", "assignment", "position", *records.columns(TResult)]
    assert plot_rows == ["student", "assignment", "position", "data"]  # records.to_json(Plot)
    assert subs == {*records.columns(RunResult, skip=("tests", "plots")), "tests_digest",
                    "grade_status",
                    *records.columns(Grade, skip=("student", "assignment", "status")),
                    "recorded_at"}


OLD_TABLES = (
    "CREATE TABLE IF NOT EXISTS submissions ( student TEXT NOT NULL, assignment TEXT NOT "
    "NULL, sha256 TEXT NOT NULL, tests_digest TEXT NOT NULL, status TEXT NOT NULL, message "
    "TEXT NOT NULL, isolation TEXT NOT NULL, output TEXT NOT NULL, duration REAL NOT NULL, "
    "peak_memory_kb INTEGER NOT NULL, warnings TEXT NOT NULL, grade_status TEXT NOT NULL, "
    "raw_score REAL NOT NULL, max_score REAL NOT NULL, late_penalty REAL NOT NULL, score REAL "
    "NOT NULL, submitted_at TEXT, recorded_at TEXT NOT NULL, PRIMARY KEY (student, "
    "assignment) )",
    "CREATE TABLE IF NOT EXISTS test_results ( student TEXT NOT NULL, assignment TEXT NOT "
    "NULL, position INTEGER NOT NULL, name TEXT NOT NULL, points REAL NOT NULL, max_points "
    "REAL NOT NULL, visibility TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, "
    "mistake TEXT, traceback TEXT NOT NULL, duration REAL NOT NULL, PRIMARY KEY (student, "
    "assignment, position), FOREIGN KEY (student, assignment) REFERENCES submissions "
    "(student, assignment) ON DELETE CASCADE )",
)
"""The gradebook's tables as they were written by hand before the columns came from the
records (schema version 1, another column order)."""


def test_a_gradebook_of_the_hand_written_schema_is_read_and_written(tmp_path: Path) -> None:
    path = tmp_path / "gradebook.sqlite"
    with sqlite3.connect(path) as db:
        for table in OLD_TABLES:
            db.execute(table)
    result = RunResult(student="s", assignment="a", status="graded", sha256="h", warnings=("w",),
                       tests=(TResult(name="t", points=0.5, max_points=1.0, visibility="hidden",
                                      status="failed", mistake="m"),))
    grade = Grade(student="s", assignment="a", status="graded", raw_score=0.5, max_score=1.0,
                  late_penalty=0.0, score=0.5, submitted_at=None)
    with Gradebook(path) as book:
        book.record(result, grade, tests_digest="d")
        assert book.run_results() == [result] and book.grades() == [grade]
        assert book.is_current("s", "a", "h", "d")
        assert (book.sha256("s", "a"), book.sha256("t", "a")) == ("h", None)
