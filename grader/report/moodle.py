"""Moodle's grade import CSV (Grades > Import > CSV file): one column that identifies the user,
one column per grade item.

How Moodle reads it (grade/import/csv/classes/load_data.php): the headers are trimmed; the
teacher maps one column to "Identify user by" (user id, ID number, email address or
username); every other column is mapped to an existing grade item, a new grade item (named by
the header) or ignored. A cell that is blank or "-" leaves the grade as it is; anything else
must be a number (a local decimal comma is accepted, we write a point). A row whose user cannot
be found, or has no identifier, aborts the whole import: so every row here names a user the
course has, and a graded student the roster does not know is an error before anything is
written.

Without a roster the submission names are the identifiers (a class whose folders are named
by Moodle username or email address). With one (Moodle's own grade export, "Export > Plain
text file", or a CSV with a `student` column) every roster student gets a row and the
identifier comes from the roster's column for it (ID number, Email address or Username).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal

import pandas as pd

from grader.report.roster import Roster, RosterError, check_covered
from grader.report.sheets import Sheet

MoodleId = Literal["email", "idnumber", "username"]
MOODLE_ID_COLUMNS: dict[str, str] = {"email": "Email address", "idnumber": "ID number",
                                     "username": "Username"}
"""--moodle-id -> the column of the CSV (its header as Moodle's own export spells it); in
Moodle map it to "Identify user by" email address / idnumber / username."""


def moodle_sheet(sheet: Sheet, assignments: Sequence[str], *,
                 titles: Mapping[str, str], identifier: MoodleId = "email",
                 roster: Roster | None = None, missing: str = "blank") -> pd.DataFrame:
    """The import table from the score sheet (grader.report.sheets.score_sheet): the
    identifier column, then one column per assignment titled by `titles`, in points after the
    late policy. A roster student without a
    submission gets a blank cell (Moodle keeps the grade it has) or 0 (`missing="zero"`)."""
    if identifier not in MOODLE_ID_COLUMNS:
        raise ValueError(f"--moodle-id {identifier!r}: choose one of "
                         f"{', '.join(MOODLE_ID_COLUMNS)}")
    column = MOODLE_ID_COLUMNS[identifier]
    totals = sheet.scores()  # (assignment, student) -> score
    graded = sorted({student for _, student in totals})
    if roster is not None:
        check_covered(roster, graded)
        students = roster.students
        ids = {s: roster.identity(s, column, s if roster.key == "student"
                                  and identifier == "username" else "") for s in students}
        blank = [s for s in students if not ids[s]]
        if blank:
            raise RosterError(
                f"{roster.path}: no {column!r} for {', '.join(blank[:10])}; Moodle stops the "
                f"whole import at a row without its user: fill that column, or choose another "
                f"with --moodle-id ({', '.join(MOODLE_ID_COLUMNS)})")
    else:
        students = graded
        ids = {s: s for s in students}
        wrong = [s for s in students
                 if identifier == "idnumber" or (identifier == "email" and "@" not in s)]
        if wrong:
            what = "email addresses" if identifier == "email" else "ID numbers"
            raise ValueError(
                f"the submission names ({', '.join(wrong[:5])}) are not Moodle {what}; pass "
                f"--roster (Moodle's grade export, or a CSV with a 'student' and a {column!r} "
                "column) to look them up, or --moodle-id username when the folders are named "
                "by Moodle username")
    seen: dict[str, str] = {}
    for student in students:
        if ids[student] in seen:
            raise RosterError(f"{column} {ids[student]!r} belongs to both {seen[ids[student]]} "
                              f"and {student}; each Moodle user once")
        seen[ids[student]] = student
    rows = []
    for student in students:
        row = [ids[student]]
        for a in assignments:
            total = totals.get((a, student), math.nan)
            row.append(_points(0.0 if total != total and missing == "zero" else total))
        rows.append(row)
    return pd.DataFrame(rows, columns=[column, *(titles.get(a) or a for a in assignments)])


def _points(value: float) -> str:
    """A grade as Moodle reads it: a plain number with a decimal point; '' leaves it as is."""
    if value != value:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".")
