"""The gradebook: every submission's RunResult and Grade in SQLite, committed one by one.

`<out>/gradebook.sqlite` holds the latest result per (student, assignment): one row in
`submissions` (the RunResult's fields, the Grade's fields, the file hash and the tests digest)
and one row per test in `test_results`. Each `record` is one transaction, so a run killed at
any point leaves only complete submissions behind, and `is_current` tells a re-run which ones
need no regrading. WAL mode and a busy timeout let several processes write at once.
Records round-trip exactly: the columns are the records' fields (grader.store.records: REAL
columns are IEEE doubles, tuples are stored as JSON lists), so a field added to a record is
stored without a change here (a new column needs a new SCHEMA_VERSION).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import MISSING
from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from grader.models import Grade, Plot, RunResult, TestResult
from grader.store.records import (
    columns,
    from_json,
    from_row,
    sql_columns,
    to_json,
    to_row,
)

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 60.0

_RESULT_SKIP = ("tests", "plots")
"""A RunResult's tests are rows of `test_results`, its plots rows of `plots` (a table a
gradebook written before pictures gets on open); its other fields are `submissions` columns."""
_GRADE_SKIP = ("student", "assignment")
_GRADE_RENAME = {"status": "grade_status"}
"""The Grade's fields share the submission's row; its status is stored as `grade_status`."""


def _schema() -> str:
    """The tables, their record columns derived from the dataclasses (grader.store.records)."""
    submissions = [
        *sql_columns(RunResult, skip=_RESULT_SKIP), "tests_digest TEXT NOT NULL",
        *sql_columns(Grade, skip=_GRADE_SKIP, rename=_GRADE_RENAME),
        "recorded_at TEXT NOT NULL", "PRIMARY KEY (student, assignment)",
    ]
    tests = [
        "student TEXT NOT NULL", "assignment TEXT NOT NULL", "position INTEGER NOT NULL",
        *sql_columns(TestResult), "PRIMARY KEY (student, assignment, position)",
        "FOREIGN KEY (student, assignment) REFERENCES submissions (student, assignment) "
        "ON DELETE CASCADE",
    ]
    return f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS submissions ({', '.join(submissions)});
CREATE TABLE IF NOT EXISTS test_results ({', '.join(tests)});
CREATE TABLE IF NOT EXISTS plots (
    student TEXT NOT NULL,
    assignment TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,                -- grader.store.records.to_json of the Plot
    PRIMARY KEY (student, assignment, position),
    FOREIGN KEY (student, assignment) REFERENCES submissions (student, assignment)
        ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS in_flight (
    student TEXT NOT NULL,
    assignment TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    tests_digest TEXT NOT NULL,
    deaths INTEGER NOT NULL,           -- grader processes that died while it ran
    run_id TEXT NOT NULL,              -- the grader process running it now
    PRIMARY KEY (student, assignment)
);
"""


_SCHEMA = _schema()


def _insert(table: str, names: tuple[str, ...]) -> str:
    return (f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})")


_SUBMISSION_COLUMNS = (
    *columns(RunResult, skip=_RESULT_SKIP), "tests_digest",
    *(_GRADE_RENAME.get(c, c) for c in columns(Grade, skip=_GRADE_SKIP)), "recorded_at",
)
_TEST_COLUMNS = ("student", "assignment", "position", *columns(TestResult))


def _add_columns(db: sqlite3.Connection, table: str, cls: type) -> None:
    """Columns for record fields added since the table was created (each with a default, e.g.
    TestResult.trajectory): a gradebook written by an older grader keeps working."""
    have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    defaults = {f.name: f.default for f in dataclass_fields(cls)}
    for column in sql_columns(cls):
        name = column.split()[0]
        default = defaults.get(name, MISSING)
        if name not in have and isinstance(default, str | int | float):
            literal = "'" + default.replace("'", "''") + "'" if isinstance(default, str) \
                else repr(default)
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} DEFAULT {literal}")


class GradebookError(Exception):
    """The gradebook file cannot be used; the message names the file and the fix."""


class Gradebook:
    """Opens (creating if needed) the gradebook at `path`. Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                       check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._wal()
            self._db.execute("PRAGMA foreign_keys = ON")
            with self._transaction() as db:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                _add_columns(db, "test_results", TestResult)
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                           (str(SCHEMA_VERSION),))
                (version,) = db.execute(
                    "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GradebookError(
                f"{self.path}: not a usable gradebook ({exc}); move it away or choose another --out"
            ) from exc
        if version != str(SCHEMA_VERSION):
            self._db.close()
            raise GradebookError(
                f"{self.path}: gradebook schema version {version}, this grader writes version "
                f"{SCHEMA_VERSION}; regrade into a new --out folder"
            )

    # -------------------------------------------------------------- plumbing

    def _wal(self) -> None:
        """Switch to WAL. SQLite answers "database is locked" at once, without its busy
        timeout, while another process opens the same new gradebook, so wait here as every
        other statement does."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE .. COMMIT (ROLLBACK on error), one writer at a time."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    # -------------------------------------------------------------- writing

    def record(self, result: RunResult, grade: Grade, *, tests_digest: str) -> None:
        """Store (replacing) one submission's result and grade, in one transaction."""
        if (grade.student, grade.assignment) != (result.student, result.assignment):
            raise ValueError(
                f"grade for {grade.student}/{grade.assignment} does not belong to the result "
                f"for {result.student}/{result.assignment}"
            )
        key = (result.student, result.assignment)
        row = (*to_row(result, skip=_RESULT_SKIP), tests_digest,
               *to_row(grade, skip=_GRADE_SKIP), datetime.now(UTC).isoformat())
        tests = [(*key, i, *to_row(t)) for i, t in enumerate(result.tests)]
        with self._transaction() as db:
            db.execute("DELETE FROM in_flight WHERE student = ? AND assignment = ?", key)
            db.execute("DELETE FROM test_results WHERE student = ? AND assignment = ?", key)
            db.execute("DELETE FROM plots WHERE student = ? AND assignment = ?", key)
            db.execute(_insert("submissions", _SUBMISSION_COLUMNS), row)
            db.executemany(_insert("test_results", _TEST_COLUMNS), tests)
            db.executemany("INSERT INTO plots VALUES (?, ?, ?, ?)",
                           [(*key, i, to_json(p)) for i, p in enumerate(result.plots)])

    def begin_run(self, student: str, assignment: str, sha256: str, tests_digest: str,
                  run_id: str) -> int:
        """Mark a submission as running in grader process `run_id` (until `record` or
        `end_runs`); returns how many grader processes died while this same file ran under
        these same tests before (a row left by another run_id is such a death)."""
        key = (student, assignment)
        with self._transaction() as db:
            row = db.execute("SELECT * FROM in_flight WHERE student = ? AND assignment = ?",
                             key).fetchone()
            same = row is not None and (row["sha256"], row["tests_digest"]) == \
                (sha256, tests_digest)
            deaths = row["deaths"] + (row["run_id"] != run_id) if same else 0
            db.execute("INSERT OR REPLACE INTO in_flight VALUES (?, ?, ?, ?, ?, ?)",
                       (*key, sha256, tests_digest, deaths, run_id))
        return int(deaths)

    def in_flight(self, assignment: str) -> set[str]:
        """Students of `assignment` marked running (by this or a dead grader process)."""
        return {r["student"] for r in self._query(
            "SELECT student FROM in_flight WHERE assignment = ?", (assignment,))}

    def end_runs(self, run_id: str) -> None:
        """Forget the marks of grader process `run_id` (it is ending in order, not dying)."""
        with self._transaction() as db:
            db.execute("DELETE FROM in_flight WHERE run_id = ?", (run_id,))

    def calibration(self, assignment: str, tests_digest: str) -> dict[str, float | None] | None:
        """The reference times stored by `store_calibration` for these tests, if any."""
        rows = self._query("SELECT value FROM meta WHERE key = ?", (f"calibration:{assignment}",))
        if not rows:
            return None
        try:
            stored = json.loads(rows[0]["value"])
            if stored["tests_digest"] != tests_digest:
                return None
            return {str(k): None if v is None else float(v)
                    for k, v in stored["reference_seconds"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def store_calibration(self, assignment: str, tests_digest: str,
                          reference_seconds: dict[str, float | None]) -> None:
        """Keep a batch's reference times (grader.run.calibrate), so a resumed batch applies the
        same CPU limits to the students it grades later."""
        value = json.dumps({"tests_digest": tests_digest, "reference_seconds": reference_seconds})
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       (f"calibration:{assignment}", value))

    def record_batch(self, assignment: str, info: dict[str, Any]) -> None:
        """Keep how an assignment was last graded (grader.batch.driver.graded_with: its folder or
        bundled name, tests digest, due date and its source, extensions, late policy, the
        source of submission times), so `report` and `export` need nothing else."""
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       (f"graded_with:{assignment}", json.dumps(info, sort_keys=True)))

    def graded_with(self, assignment: str) -> dict[str, Any] | None:
        """What `record_batch` stored for `assignment` (None for a gradebook written before
        results folders recorded it)."""
        rows = self._query("SELECT value FROM meta WHERE key = ?", (f"graded_with:{assignment}",))
        if not rows:
            return None
        try:
            found = json.loads(rows[0]["value"])
        except ValueError:
            return None
        return found if isinstance(found, dict) else None

    def forget(self, assignment: str, students: list[str] | None = None) -> None:
        """Delete the rows of an assignment (or of some of its students)."""
        with self._transaction() as db:
            for table in ("in_flight", "test_results", "plots", "submissions"):
                if students is None:
                    db.execute(f"DELETE FROM {table} WHERE assignment = ?", (assignment,))
                else:
                    db.executemany(
                        f"DELETE FROM {table} WHERE assignment = ? AND student = ?",
                        [(assignment, s) for s in students],
                    )

    # -------------------------------------------------------------- reading

    def is_current(self, student: str, assignment: str, sha256: str, tests_digest: str) -> bool:
        """Whether this exact file was already graded with these exact tests."""
        rows = self._query(
            "SELECT 1 FROM submissions WHERE student = ? AND assignment = ? AND sha256 = ? "
            "AND tests_digest = ?", (student, assignment, sha256, tests_digest),
        )
        return bool(rows)

    def sha256(self, student: str, assignment: str) -> str | None:
        """The hash of the file stored for this student, if any (without reading the result)."""
        rows = self._query("SELECT sha256 FROM submissions WHERE student = ? AND assignment = ?",
                           (student, assignment))
        return str(rows[0]["sha256"]) if rows else None

    def assignments(self) -> list[str]:
        rows = self._query("SELECT DISTINCT assignment FROM submissions ORDER BY assignment")
        return [r["assignment"] for r in rows]

    def run_results(self, assignment: str | None = None) -> list[RunResult]:
        """RunResults sorted by (assignment, student)."""
        return self._run_results(assignment, None)

    def run_result(self, student: str, assignment: str) -> RunResult | None:
        """One student's stored RunResult, or None."""
        found = self._run_results(assignment, student)
        return found[0] if found else None

    def grades(self, assignment: str | None = None) -> list[Grade]:
        """Grades sorted by (assignment, student)."""
        return self._grades(assignment, None)

    def grade(self, student: str, assignment: str) -> Grade | None:
        """One student's stored Grade, or None."""
        found = self._grades(assignment, student)
        return found[0] if found else None

    def _run_results(self, assignment: str | None, student: str | None) -> list[RunResult]:
        where, params = self._where(assignment, student)
        tests: dict[tuple[str, str], list[TestResult]] = {}
        for r in self._query(f"SELECT * FROM test_results {where} "
                             "ORDER BY assignment, student, position", params):
            tests.setdefault((r["student"], r["assignment"]), []).append(from_row(TestResult, r))
        plots: dict[tuple[str, str], list[Plot]] = {}
        for r in self._query(f"SELECT * FROM plots {where} "
                             "ORDER BY assignment, student, position", params):
            plots.setdefault((r["student"], r["assignment"]), []).append(
                from_json(Plot, r["data"]))
        return [from_row(RunResult, r, tests=tuple(tests.get((r["student"], r["assignment"]), ())),
                         plots=tuple(plots.get((r["student"], r["assignment"]), ())))
                for r in self._submissions(assignment, student)]

    def _grades(self, assignment: str | None, student: str | None) -> list[Grade]:
        return [from_row(Grade, r, rename=_GRADE_RENAME)
                for r in self._submissions(assignment, student)]

    @staticmethod
    def _where(assignment: str | None, student: str | None) -> tuple[str, tuple[Any, ...]]:
        clauses = [(c, v) for c, v in (("assignment", assignment), ("student", student))
                   if v is not None]
        if not clauses:
            return "", ()
        return ("WHERE " + " AND ".join(f"{c} = ?" for c, _ in clauses),
                tuple(v for _, v in clauses))

    def _submissions(self, assignment: str | None, student: str | None) -> list[sqlite3.Row]:
        where, params = self._where(assignment, student)
        return self._query(f"SELECT * FROM submissions {where} ORDER BY assignment, student",
                           params)
