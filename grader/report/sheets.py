"""The score sheet: one definition for `grader grade`'s scores.csv and `grader export`'s
csv/xlsx/parquet (and the totals of its Canvas sheet), so the two never disagree.

`score_sheet(runs, grades)` gives the columns and one row per submission (student and
assignment), sorted by assignment, then student:

    student, assignment, score, max_score, status, raw_score, late_penalty, message,
    then one column per test, "<assignment>/<test>" (points earned; a repeated test name gets
    "<assignment>/<test>#2", ...), in first-seen order.

score is after the late penalty; raw_score before it; message is the first line of the
submission's message (the whole is in results/<student>.json). A cell with no value (a test of
another assignment, a test a submission never listed) is None: an empty CSV cell, NaN in pandas.
`csv_text(sheet)` is the CSV both commands write, byte for byte.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from grader.models import Batch, Grade, RunResult, TestResult
from grader.store.records import to_json

FIXED_COLUMNS = ("student", "assignment", "score", "max_score", "status", "raw_score",
                 "late_penalty", "message")
"""The sheet's first columns; the tests' columns follow."""

Cell = str | float | None


@dataclass(frozen=True)
class Sheet:
    """Columns and rows of the score sheet (see the module docstring)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def scores(self) -> dict[tuple[str, str], float]:
        """(assignment, student) -> score after the late penalty: what LMS imports take."""
        student, assignment, score = (self.columns.index(c)
                                      for c in ("student", "assignment", "score"))
        return {(str(row[assignment]), str(row[student])): cast(float, row[score])
                for row in self.rows}


def keyed_tests(run: RunResult) -> dict[str, TestResult]:
    """A run's tests by a unique key: the name, or "name#k" for its k-th repeat (k >= 2), so
    two tests sharing a name (e.g. a visible and a hidden one) stay apart."""
    seen: Counter[str] = Counter()
    keyed = {}
    for t in run.tests:
        seen[t.name] += 1
        keyed[t.name if seen[t.name] == 1 else f"{t.name}#{seen[t.name]}"] = t
    return keyed


def score_sheet(runs: Sequence[RunResult], grades: Sequence[Grade]) -> Sheet:
    """The sheet of these results and grades (a submission with only one of the two gets its
    row from that one: a result without a grade is scored at its raw score, no penalty)."""
    by_run = {(r.assignment, r.student): r for r in runs}
    by_grade = {(g.assignment, g.student): g for g in grades}
    tests: dict[str, None] = {}
    keyed = {}
    for key in sorted(by_run):
        keyed[key] = keyed_tests(by_run[key])
        for name in keyed[key]:
            tests.setdefault(f"{key[0]}/{name}", None)
    rows = []
    for key in sorted(by_run.keys() | by_grade.keys()):
        assignment, student = key
        run, grade = by_run.get(key), by_grade.get(key)
        if grade is not None:
            score, top = float(grade.score), float(grade.max_score)
            status, raw, penalty = grade.status, float(grade.raw_score), float(grade.late_penalty)
        else:
            assert run is not None
            score = raw = float(run.score)
            top, status, penalty = float(run.max_score), run.status, 0.0
        points = {f"{assignment}/{name}": float(t.points)
                  for name, t in keyed.get(key, {}).items()}
        rows.append((student, assignment, score, top, status, raw, penalty,
                     _first_line(run.message if run is not None else ""),
                     *(points.get(column) for column in tests)))
    return Sheet(columns=(*FIXED_COLUMNS, *tests), rows=tuple(rows))


def csv_text(sheet: Sheet) -> str:
    """The sheet as CSV: a header line, then one line per row; None is an empty cell. The csv
    module, not pandas: `grader grade` never pays pandas' 0.4 s import."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(sheet.columns)
    writer.writerows(["" if cell is None else cell for cell in row] for row in sheet.rows)
    return buffer.getvalue()


def write_csv(sheet: Sheet, path: Path) -> None:
    """`csv_text(sheet)` at `path`, replaced whole (a run killed while writing leaves no torn
    sheet)."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(csv_text(sheet), encoding="utf-8", newline="")
    os.replace(partial, path)


def write_outputs(batch: Batch, out_dir: Path) -> None:
    """out_dir/scores.csv (the score sheet of the batch) and out_dir/results/<student>.json
    (the grade and the whole result, grader.store.records)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(score_sheet(batch.results, batch.grades), out_dir / "scores.csv")
    results_dir = out_dir / "results"
    results_dir.mkdir(exist_ok=True)
    for grade, result in zip(batch.grades, batch.results, strict=True):
        record = {"grade": grade, "result": result}
        target = results_dir / f"{grade.student}.json"
        partial = target.with_name(target.name + ".partial")  # never a torn file
        partial.write_text(to_json(record, indent=2) + "\n", encoding="utf-8")
        os.replace(partial, target)


def _first_line(message: str, limit: int = 300) -> str:
    """The sheet shows one line; the full message is in results/<student>.json."""
    line = message.strip().splitlines()[0] if message.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
