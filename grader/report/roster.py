"""The class roster for LMS exports: who the students are in the LMS, keyed by our student ids.

A roster is a CSV. Two shapes are read:

- a course's own list with a `student` column (our ids: the submission folder or file names)
  and any of Canvas' identity columns (Student, ID, SIS User ID, SIS Login ID, Section), or
  Moodle's (Email address, ID number, Username);
- Canvas' own gradebook export (Grades > Export) as it is: no `student` column; our ids are
  then matched against one of its columns, `SIS Login ID` unless `key` names another. Its
  "Points Possible" row (and any other row without a Canvas ID) is not a student.
- Moodle's grade export (Export > Plain text file) as it is: our ids are matched against its
  `Email address` unless `key` names another column (e.g. `ID number`).

Every row is a student who gets a row in the export, submission or not. A roster with a
duplicate or blank key is refused with the file and the row, as is a key column that is absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CANVAS_IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
"""Canvas' identity columns, in the order of its gradebook export."""
DEFAULT_CANVAS_KEY = "SIS Login ID"
"""The column of a Canvas gradebook export that holds our student ids, unless told otherwise."""
DEFAULT_MOODLE_KEY = "Email address"
"""The same for Moodle's grade export (which has no SIS Login ID column)."""


class RosterError(ValueError):
    """A roster that cannot be used; the message names the file, the row and the fix."""


@dataclass(frozen=True)
class Roster:
    """The students of a course in roster order, with their LMS identity columns."""

    path: Path
    """The CSV it was read from (named in errors)."""
    key: str
    """The roster column holding our student ids."""
    table: pd.DataFrame
    """One row per student, indexed by our student id, all columns as text ("" when blank)."""

    @property
    def students(self) -> list[str]:
        """Our student ids, in roster order."""
        return list(self.table.index)

    def identity(self, student: str, column: str, default: str = "") -> str:
        """The student's value in `column` ("" or `default` when the roster lacks it)."""
        if column not in self.table.columns:
            return default
        value = str(self.table.at[student, column])
        return value or default


def read_roster(path: Path, *, key: str | None = None) -> Roster:
    """Read a roster CSV (see the module docstring); `key` is the column with our ids."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError,
            pd.errors.EmptyDataError) as exc:
        raise RosterError(f"{path}: cannot read it as a CSV roster ({exc})") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if key is None:
        key = next((k for k in ("student", DEFAULT_CANVAS_KEY, DEFAULT_MOODLE_KEY)
                    if k in frame.columns), "student")
    if key not in frame.columns:
        raise RosterError(
            f"{path}: no column {key!r} with the students' ids (columns: "
            f"{', '.join(frame.columns)}); add a 'student' column holding the submission "
            "names, or name the column that holds them with --roster-key")
    frame = frame.map(str.strip)
    if "Student" in frame.columns:  # Canvas' export: its "Points Possible" row
        frame = frame[frame["Student"] != "Points Possible"]
    if key != "student" and "ID" in frame.columns:  # ...and rows that are no Canvas user
        frame = frame[frame["ID"] != ""]
    blank = [int(i) + 2 for i in frame.index[frame[key] == ""]]
    if blank:
        raise RosterError(f"{path}: row(s) {', '.join(map(str, blank))} have no {key!r}; every "
                          "student needs one")
    repeated = sorted(set(frame[key][frame[key].duplicated()]))
    if repeated:
        raise RosterError(f"{path}: {', '.join(repeated)} appear(s) more than once in column "
                          f"{key!r}; each student once")
    return Roster(path=path, key=key, table=frame.set_index(key, drop=False))


def check_covered(roster: Roster, students: list[str]) -> None:
    """Every graded student must be on the roster: a name the LMS cannot match is an error."""
    unknown = sorted(set(students) - set(roster.students))
    if unknown:
        shown = ", ".join(unknown[:10]) + (f" and {len(unknown) - 10} more"
                                           if len(unknown) > 10 else "")
        raise RosterError(
            f"{roster.path}: {shown} {'is' if len(unknown) == 1 else 'are'} graded but not in "
            f"the roster's {roster.key!r} column; add {'it' if len(unknown) == 1 else 'them'} "
            "to the roster (or fix the submission's folder name)")
