"""Score sheets from the gradebook: CSV, XLSX, Parquet, a Canvas import CSV, Gradescope JSON.

csv, xlsx and parquet hold the score sheet of grader.report.sheets, the one `grader grade`
writes as scores.csv (the csv export is that file, byte for byte, for the same gradebook); the
xlsx adds a "points possible" sheet: per test column its points, per assignment "a total" its
maximum, and "course total".

Canvas: the gradebook import format (what Canvas' own export writes): columns Student, ID,
SIS User ID, SIS Login ID, Section, then one column per assignment titled "<title> (<canvas id>)"
(just "<title>" without an id: Canvas then creates the assignment); the first data row is
"Points Possible". Without a roster, Student and SIS Login ID are our student ids; with one
(grader.report.roster) every roster student has a row and the identity columns come from it.

JUnit XML (grader.report.junit): GitLab's test report of a pipeline.

GitHub Classroom: the autograding result of one submission (`classroom_result`), which a
classroom.yml step hands base64-encoded to Classroom's grading reporter.

Gradescope: one results.json per submission, following the autograder specification: top-level
score (after the late penalty), execution_time, output, tests with score, max_score, status,
name, output, visibility. Our visibilities map to Gradescope's: visible -> "visible";
after_due -> "after_due_date" (Gradescope applies the date); hidden -> "visible" with the output
replaced by the neutral note, which is exactly our "hidden" (name and points shown, details not).
Gradescope's own "hidden" would hide the test's points too, and its "after_published" would hide
the student's total until grades are published.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from grader.config import load_assignment
from grader.models import Grade, RunResult
from grader.report.junit import junit_xml
from grader.report.moodle import MoodleId, moodle_sheet
from grader.report.pages import HIDDEN_NOTE, GradebookLike, assignment_info, page_name
from grader.report.roster import CANVAS_IDENTITY, Roster, check_covered
from grader.report.sheets import FIXED_COLUMNS, keyed_tests, score_sheet, write_csv
from grader.store.gradebook import Gradebook

Format = Literal["csv", "xlsx", "parquet", "canvas", "moodle", "gradescope", "classroom",
                 "junit"]
Missing = Literal["blank", "zero"]
"""What a roster student without a submission gets in the Canvas sheet."""
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "parquet", "canvas", "moodle", "gradescope",
                               "classroom", "junit")
CANVAS_COLUMNS = CANVAS_IDENTITY
CANVAS_POINTS_ROW = "    Points Possible"
COURSE_TOTAL = "course total"
GRADESCOPE_VISIBILITY = {"visible": "visible", "after_due": "after_due_date", "hidden": "visible"}


def sheet_frame(runs: Sequence[RunResult], grades: Sequence[Grade]) -> pd.DataFrame:
    """The score sheet (grader.report.sheets.score_sheet) as a DataFrame; empty cells are NaN
    (in a test column) or None."""
    sheet = score_sheet(runs, grades)
    frame = pd.DataFrame(list(sheet.rows), columns=list(sheet.columns))
    for column in sheet.columns[len(FIXED_COLUMNS):]:
        frame[column] = frame[column].astype("float64")
    for column in ("score", "max_score", "raw_score", "late_penalty"):
        frame[column] = frame[column].astype("float64")
    return frame


def points_possible(runs: Sequence[RunResult], grades: Sequence[Grade]) -> pd.Series:
    """Per test column of the score sheet the points it is out of; per assignment `a` the
    maximum score ("a total"); "course total", their sum."""
    out: dict[str, float] = {}
    course = 0.0
    for a in sorted({r.assignment for r in runs} | {g.assignment for g in grades}):
        a_runs = [r for r in runs if r.assignment == a]
        for run in a_runs:
            for key, t in keyed_tests(run).items():
                out[f"{a}/{key}"] = max(out.get(f"{a}/{key}", t.max_points), t.max_points)
        top = max([g.max_score for g in grades if g.assignment == a]
                  + [r.max_score for r in a_runs], default=0.0)
        out[f"{a} total"] = top
        course += top
    out[COURSE_TOTAL] = course
    return pd.Series(out, name="points possible", dtype="float64")


def canvas_sheet(
    runs: Sequence[RunResult], grades: Sequence[Grade], *,
    canvas_ids: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    roster: Roster | None = None,
    missing: Missing = "blank",
) -> pd.DataFrame:
    """The Canvas gradebook import table, "Points Possible" row first.

    With a `roster` (grader.report.roster) every roster student gets a row, in roster order, with
    the
    roster's identity columns; a roster student without a submission gets a blank cell
    (`missing="blank"`: Canvas leaves the grade as it is) or 0 (`missing="zero"`). A graded
    student missing from the roster, or a `canvas_ids` entry for an assignment the gradebook
    does not hold, is a ValueError (grader.report.roster.RosterError) that names them.
    """
    if missing not in ("blank", "zero"):
        raise ValueError(f"missing={missing!r}: choose blank or zero")
    totals = score_sheet(runs, grades).scores()  # (assignment, student) -> score
    maxima = points_possible(runs, grades)
    assignments = sorted({r.assignment for r in runs} | {g.assignment for g in grades})
    unmatched = sorted(set(canvas_ids or {}) - set(assignments))
    if unmatched:
        raise ValueError(
            f"--canvas-id for {', '.join(unmatched)}: no such assignment in the gradebook "
            f"(it holds {', '.join(assignments) or 'none'}); use ASSIGNMENT=ID with one of those")
    graded = sorted({student for _, student in totals})
    if roster is not None:
        check_covered(roster, graded)
        students = roster.students
    else:
        students = graded
    rows = [[CANVAS_POINTS_ROW, "", "", "", ""]]
    columns = list(CANVAS_COLUMNS)
    for a in assignments:
        title = (titles or {}).get(a) or assignment_info(a).title
        cid = (canvas_ids or {}).get(a)
        columns.append(f"{title} ({cid})" if cid else title)
        rows[0].append(_number(maxima[f"{a} total"]))
    for student in students:
        if roster is None:
            row = [student, "", "", student, ""]
        else:
            row = [roster.identity(student, "Student", student), roster.identity(student, "ID"),
                   roster.identity(student, "SIS User ID"),
                   roster.identity(student, "SIS Login ID",
                                   student if roster.key == "student" else ""),
                   roster.identity(student, "Section")]
        for a in assignments:
            total = totals.get((a, student), math.nan)
            row.append(_number(0.0 if total != total and missing == "zero" else total))
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def _number(value: float) -> str:
    """Canvas wants plain numbers; a blank cell leaves a grade untouched."""
    if value != value:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def gradescope_results(run: RunResult, grade: Grade | None = None) -> dict[str, Any]:
    """The Gradescope autograder results.json for one submission."""
    tests = []
    for t in run.tests:
        if t.visibility == "hidden":
            output = HIDDEN_NOTE
        else:
            parts = [f"Looks like: {t.unsaid_mistake}" if t.unsaid_mistake else "", t.message,
                     f"Your code raised:\n{t.traceback}" if t.traceback else ""]
            output = "\n\n".join(p for p in parts if p)
        tests.append({
            "name": t.name,
            "score": float(t.points),
            "max_score": float(t.max_points),
            "status": "passed" if t.status == "passed" else "failed",
            "output": output,
            "output_format": "text",
            "visibility": GRADESCOPE_VISIBILITY[t.visibility],
        })
    lines = [f"Submission: {run.status.replace('_', ' ')}."]
    if run.message:
        lines.append(run.message)
    if grade is not None and grade.late_penalty > 0:
        lines.append(f"Raw score {_number(grade.raw_score)}, late penalty "
                     f"-{_number(grade.late_penalty)}.")
    lines += [f"Warning: {w}" for w in run.warnings]
    return {
        "score": float(grade.score if grade is not None else run.score),
        "execution_time": math.ceil(run.duration),
        "output": "\n".join(lines),
        "output_format": "text",
        "visibility": "visible",
        "tests": tests,
    }


def classroom_result(run: RunResult, grade: Grade | None = None) -> dict[str, Any]:
    """GitHub Classroom's autograding result for one submission: the JSON that a grader step
    puts, base64-encoded, in its `result` output for classroom-resources/
    autograding-grading-reporter (which adds up the tests' `score` for the Classroom gradebook
    and prints each test's `name`, `status` "pass"/"fail"/"error" and `message`). A late
    penalty is a test of its own with a negative score, so the sum is the grade."""
    tests: list[dict[str, Any]] = []
    for t in run.tests:
        if t.visibility == "hidden":
            message = HIDDEN_NOTE
        else:
            message = "\n".join(p for p in (t.message, f"Looks like: {t.unsaid_mistake}"
                                             if t.unsaid_mistake else "") if p)
        tests.append({
            "name": t.name, "status": "pass" if t.status == "passed" else (
                "error" if t.status == "error" else "fail"),
            "score": float(t.points), "max_score": float(t.max_points),
            "message": message, "line_no": 0, "execution_time": f"{t.duration:.2f}s",
        })
    if run.status != "graded":
        tests.append({"name": f"submission: {run.status.replace('_', ' ')}", "status": "fail",
                      "score": 0.0, "max_score": 0.0, "message": run.message, "line_no": 0,
                      "execution_time": "0.00s"})
    if grade is not None and grade.late_penalty > 0:
        tests.append({"name": "late penalty", "status": "fail",
                      "score": -float(grade.late_penalty), "max_score": 0.0,
                      "message": f"raw score {_number(grade.raw_score)}, late penalty "
                                 f"-{_number(grade.late_penalty)}",
                      "line_no": 0, "execution_time": "0.00s"})
    failed = any(t["status"] != "pass" for t in tests)
    errored = any(t["status"] == "error" for t in tests)
    return {
        "version": 1,
        "status": "error" if errored else ("fail" if failed else "pass"),
        "max_score": float(grade.max_score if grade is not None else run.max_score),
        "tests": tests,
    }


def export_book(
    book: GradebookLike, fmt: Format, out: Path, *,
    canvas_ids: Mapping[str, str] | None = None, roster: Roster | None = None,
    titles: Mapping[str, str] | None = None, missing: Missing = "blank",
    moodle_id: MoodleId = "email",
) -> Path:
    """Write `fmt` for everything in `book` to `out` (a file; a folder for gradescope)."""
    runs, grades = book.run_results(), book.grades()
    out = Path(out)
    if fmt == "gradescope":
        return _write_gradescope(runs, grades, out)
    if fmt == "classroom":
        if len(runs) != 1:
            raise ValueError(f"{out}: the classroom result is for one submission (a student's "
                             f"repository); the gradebook holds {len(runs)}")
        by_key = {(g.assignment, g.student): g for g in grades}
        data = classroom_result(runs[0], by_key.get((runs[0].assignment, runs[0].student)))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "junit":  # GitLab's test report (grader.report.junit)
        out.write_text(junit_xml(runs, grades), encoding="utf-8")
        return out
    if fmt == "canvas":
        canvas_sheet(runs, grades, canvas_ids=canvas_ids, titles=titles,
                     roster=roster, missing=missing).to_csv(out, index=False)
        return out
    if fmt == "csv":  # the csv module's text, exactly the scores.csv of `grader grade`
        write_csv(score_sheet(runs, grades), out)
        return out
    if fmt == "moodle":
        assignments = sorted({r.assignment for r in runs} | {g.assignment for g in grades})
        named = {a: (titles or {}).get(a) or assignment_info(a).title for a in assignments}
        moodle_sheet(score_sheet(runs, grades), assignments, titles=named, identifier=moodle_id,
                     roster=roster, missing=missing).to_csv(out, index=False)
        return out
    sheet = sheet_frame(runs, grades)
    if fmt == "xlsx":
        with pd.ExcelWriter(out, engine="openpyxl") as writer:
            sheet.to_excel(writer, sheet_name="scores", index=False)
            points_possible(runs, grades).to_frame().to_excel(writer, sheet_name="points possible")
    elif fmt == "parquet":
        sheet.to_parquet(out, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return out


def _write_gradescope(runs: Sequence[RunResult], grades: Sequence[Grade], out: Path) -> Path:
    by_key = {(g.assignment, g.student): g for g in grades}
    if out.suffix == ".json":
        if len(runs) != 1:
            raise ValueError(
                f"{out}: a single results.json needs exactly one submission in the gradebook, "
                f"found {len(runs)}; give a folder to get one file per submission"
            )
        targets = [(runs[0], out)]
    else:
        targets = [(r, out / page_name(r.assignment) / page_name(r.student) / "results.json")
                   for r in runs]
    for run, path in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = gradescope_results(run, by_key.get((run.assignment, run.student)))
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


DEFAULT_NAMES: dict[Format, str] = {
    "csv": "scores.csv", "xlsx": "scores.xlsx", "parquet": "scores.parquet",
    "canvas": "canvas.csv", "moodle": "moodle.csv", "gradescope": "gradescope",
    "classroom": "classroom.json", "junit": "junit.xml",
}


def export(
    results_dir: Path, fmt: Format, out: Path | None = None, *,
    canvas_ids: Mapping[str, str] | None = None, roster: Roster | None = None,
    assignments: Sequence[Path] = (), missing: Missing = "blank",
    moodle_id: MoodleId = "email",
) -> Path:
    """Export results_dir/gradebook.sqlite; default target results_dir/export/<name>.
    Canvas column titles come from the `assignments` folders, else what the results folder
    recorded when it was graded, else the bundled assignments."""

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    results_dir = Path(results_dir)
    path = results_dir / "gradebook.sqlite"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no gradebook here; run `grader grade` first")
    target = out if out is not None else results_dir / "export" / DEFAULT_NAMES[fmt]
    given = {spec.name: spec.title for spec in map(load_assignment, map(Path, assignments))}
    with Gradebook(path) as book:
        titles = {name: assignment_info(name, book.graded_with(name)).title
                  for name in book.assignments()} | given
        return export_book(book, fmt, target, canvas_ids=canvas_ids, roster=roster,
                           titles=titles, missing=missing, moodle_id=moodle_id)
