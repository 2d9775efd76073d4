"""The Moodle grade import CSV (`grader export --format moodle`), read back the way Moodle's
grade import reads it (tests/fixtures/moodle/README.md names the source of the rules)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli.main import main
from tests.grader.test_export_canvas import results_dir

__all__ = ["results_dir"]  # the fixture: alice, bob, carol (backprop), alice, dave (perceptron)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "moodle" / "grades_export.csv"
USER_FIELDS = {"email": "Email address", "idnumber": "ID number", "username": "Username"}
NUMBER = re.compile(r"-?\d+([.,]\d+)?")


def moodle_users() -> list[dict[str, str]]:
    """The course's users, as Moodle knows them (from its own grade export)."""
    with FIXTURE.open(encoding="utf-8") as handle:
        return [{"email": r["Email address"], "idnumber": r["ID number"],
                 "username": r["Username"]} for r in csv.DictReader(handle)]


def moodle_import(text: str, map_from: str, map_to: str,
                  users: list[dict[str, str]]) -> dict[str, dict[str, float | None]]:
    """Moodle's CSV grade import: headers trimmed; column `map_from` identifies the user by
    `map_to` (email, idnumber, username); every other column is a grade item named by its
    header; '' or '-' is no grade (None), anything else must be a number. A row without a
    user, or whose user Moodle does not have, stops the whole import (AssertionError here).
    Returns {user's map_to value: {grade item: points or None}}."""
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip() for h in rows[0]]
    assert map_from in header, f"no column {map_from!r} to identify users by: {header}"
    known = {u[map_to] for u in users}
    who_at = header.index(map_from)
    grades: dict[str, dict[str, float | None]] = {}
    for row in rows[1:]:
        if len(row) <= 1:
            continue  # Moodle skips a line without data
        who = row[who_at].strip()
        assert who, f"row {row}: no {map_to}: Moodle stops the import"
        assert who in known, f"row {row}: no Moodle user with {map_to} {who!r}: import stopped"
        assert who not in grades, f"{who} appears twice"
        items: dict[str, float | None] = {}
        for item, cell in zip(header, row, strict=True):
            if item == map_from:
                continue
            value = cell.strip()
            if value in ("", "-"):
                items[item] = None
                continue
            assert NUMBER.fullmatch(value), f"{item}: {value!r} is not a grade Moodle reads"
            items[item] = float(value.replace(",", "."))
        grades[who] = items
    return grades


def export_moodle(results_dir: Path, *args: str) -> tuple[int, str, Path]:
    out = results_dir / "moodle.csv"
    result = CliRunner().invoke(main, ["export", str(results_dir), "--format", "moodle",
                                       "--out", str(out), *args])
    return result.exit_code, " ".join(result.output.split()), out


BACKPROP = "Losses, softmax and backpropagation"
PERCEPTRON = "Perceptron learning and convergence"


@pytest.mark.parametrize(("moodle_id", "key", "missing", "erin"), [
    ("email", "Username", "blank", None),
    ("idnumber", "Username", "zero", 0.0),
    ("username", "Username", "blank", None),
])
def test_moodle_export_from_a_moodle_roster_imports(results_dir, moodle_id, key, missing,
                                                    erin):
    code, output, out = export_moodle(results_dir, "--roster", str(FIXTURE), "--roster-key",
                                      key, "--moodle-id", moodle_id, "--missing", missing)
    assert code == 0, output
    users = moodle_users()
    grades = moodle_import(out.read_text(encoding="utf-8"), USER_FIELDS[moodle_id],
                           moodle_id, users)
    by_name = {u["username"]: u[moodle_id] for u in users}
    assert list(grades) == [by_name[n] for n in ("alice", "bob", "carol", "dave", "erin")]
    assert grades[by_name["alice"]] == {BACKPROP: 2.5, PERCEPTRON: 5.0}
    assert grades[by_name["bob"]] == {BACKPROP: 8.0, PERCEPTRON: erin}
    assert grades[by_name["carol"]] == {BACKPROP: 0.0, PERCEPTRON: erin}
    assert grades[by_name["dave"]] == {BACKPROP: erin, PERCEPTRON: 3.0}
    assert grades[by_name["erin"]] == {BACKPROP: erin, PERCEPTRON: erin}


def test_moodle_export_by_email_matches_the_default_roster_column(results_dir, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("student,Email address\nalice,a@x.edu\nbob,b@x.edu\ncarol,c@x.edu\n"
                      "dave,d@x.edu\n")
    code, output, out = export_moodle(results_dir, "--roster", str(roster))
    assert code == 0, output
    users = [{"email": f"{c}@x.edu"} for c in "abcd"]
    grades = moodle_import(out.read_text(), "Email address", "email", users)
    assert grades["d@x.edu"] == {BACKPROP: None, PERCEPTRON: 3.0}


def test_moodle_export_without_a_roster_needs_names_moodle_knows(results_dir):
    code, output, _out = export_moodle(results_dir)
    assert code == 1
    assert ("the submission names (alice, bob, carol, dave) are not Moodle email addresses; "
            "pass --roster") in output
    code, output, out = export_moodle(results_dir, "--moodle-id", "username")
    assert code == 0, output
    grades = moodle_import(out.read_text(), "Username", "username", moodle_users())
    assert sorted(grades) == ["alice", "bob", "carol", "dave"]


@pytest.mark.parametrize(("roster", "message"), [
    ("student,Email address\nalice,a@x.edu\nbob,b@x.edu\n",
     "carol, dave are graded but not in the roster's 'student' column"),
    ("student,Email address\nalice,a@x.edu\nbob,\ncarol,c@x.edu\ndave,d@x.edu\n",
     "no 'Email address' for bob; Moodle stops the whole import at a row without its user"),
    ("student,Email address\nalice,a@x.edu\nbob,a@x.edu\ncarol,c@x.edu\ndave,d@x.edu\n",
     "Email address 'a@x.edu' belongs to both alice and bob"),
])
def test_moodle_export_refuses_what_moodle_would_stop_at(results_dir, tmp_path, roster,
                                                         message):
    path = tmp_path / "roster.csv"
    path.write_text(roster)
    code, output, out = export_moodle(results_dir, "--roster", str(path))
    assert code != 0 and message in output, output
    assert not out.exists()
