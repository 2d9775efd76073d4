"""The Canvas gradebook CSV from a roster, read back the way Canvas' gradebook import reads it.

The roster fixture (tests/fixtures/canvas/, see its README for the format's source) is Canvas'
own gradebook export as an instructor downloads it; the export must give a row to every student
on it, identify each by Canvas' ID, and update the existing assignments by their ids.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.report import export as ex
from grader.report.roster import RosterError, read_roster
from tests.golden.samples import GRADES, RUNS

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "canvas" / "gradebook_export.csv"
TITLES = {"backprop": "Losses, softmax and backpropagation", "perceptron": "Perceptron"}
IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
READ_ONLY = re.compile(r"(Current|Final|Unposted Current|Unposted Final) (Score|Grade|Points)")


def canvas_import(text: str) -> tuple[dict[str, float], dict[str, dict[str, float | None]]]:
    """Read a gradebook CSV as Canvas' import does: the header names identity columns and
    assignments ("<title> (<id>)" updates assignment <id>; a bare title would create one); the
    "Points Possible" row gives the maxima; a student is identified by ID, else SIS User ID,
    else SIS Login ID; a blank cell leaves the grade alone (None). Returns
    ({assignment id: points possible}, {student identity: {assignment id: score or None}})."""
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert header[:5] == list(IDENTITY), header
    assignments: dict[int, str] = {}
    for index, title in enumerate(header[5:], start=5):
        if READ_ONLY.fullmatch(title):
            continue
        match = re.search(r"\((\d+)\)$", title)
        assert match, f"column {title!r} has no assignment id: Canvas would create a new one"
        assignments[index] = match.group(1)
    points: dict[str, float] = {}
    grades: dict[str, dict[str, float | None]] = {}
    for row in rows[1:]:
        if row[0].strip() == "Points Possible":
            points = {cid: float(row[i]) for i, cid in assignments.items()}
            continue
        who = row[1] or row[2] or row[3]
        assert who, f"row {row}: Canvas cannot tell who this is (no ID or SIS id)"
        assert who not in grades, f"{who} appears twice"
        grades[who] = {cid: float(row[i]) if row[i].strip() else None
                       for i, cid in assignments.items()}
    assert points, "no Points Possible row"
    return points, grades


@pytest.fixture
def results_dir(tmp_path: Path) -> Path:
    from grader.store.gradebook import Gradebook

    grades = {(g.student, g.assignment): g for g in GRADES}
    with Gradebook(tmp_path / "gradebook.sqlite") as book:
        for run in RUNS:
            book.record(run, grades[(run.student, run.assignment)], tests_digest="d")
    return tmp_path


def export_canvas(results_dir: Path, *args: str) -> tuple[int, str, Path]:
    out = results_dir / "canvas.csv"
    result = CliRunner().invoke(main, ["export", str(results_dir), "--format", "canvas",
                                       "--out", str(out), *args])
    return result.exit_code, " ".join(result.output.split()), out


@pytest.mark.parametrize(("missing", "erin"), [("blank", None), ("zero", 0.0)])
def test_canvas_export_from_a_canvas_roster_round_trips(results_dir, missing, erin):
    code, output, out = export_canvas(
        results_dir, "--roster", str(FIXTURE), "--canvas-id", "backprop=4711",
        "--canvas-id", "perceptron=4712", "--missing", missing)
    assert code == 0, output
    points, grades = canvas_import(out.read_text(encoding="utf-8"))
    roster = pd.read_csv(FIXTURE, dtype=str).iloc[1:]  # without its Points Possible row
    assert sorted(grades) == sorted(roster["ID"])  # every roster student, by Canvas ID
    assert points == {"4711": 10.0, "4712": 5.0}
    blank = 0.0 if missing == "zero" else None
    assert grades == {
        "102": {"4711": 2.5, "4712": 5.0},   # alice: after the late penalty
        "101": {"4711": 8.0, "4712": blank},  # bob: no perceptron submission
        "103": {"4711": 0.0, "4712": blank},  # carol: a syntax error scores 0
        "104": {"4711": blank, "4712": 3.0},
        "105": {"4711": erin, "4712": erin},  # erin: on the roster, never submitted
    }
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[2][:5] == ["Liddell, Alice", "102", "S-0002", "alice", "NN 2026 A"]
    assert [r[3] for r in rows[2:]] == ["alice", "bob", "carol", "dave", "erin"]  # roster order


def test_canvas_export_from_a_course_list_with_student_column(results_dir, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("student,ID,Student\ndave,4,\"Dent, Dave\"\nalice,1,\"Liddell, Alice\"\n"
                      "bob,2,Bob\ncarol,3,Carol\n", encoding="utf-8")
    code, output, out = export_canvas(results_dir, "--roster", str(roster))
    assert code == 0, output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[2] == ["Dent, Dave", "4", "", "dave", "", "", "3"]
    assert rows[3][:4] == ["Liddell, Alice", "1", "", "alice"]


@pytest.mark.parametrize(
    ("roster", "args", "message"),
    [
        ("student,ID\nalice,1\nbob,2\n", [],
         "carol, dave are graded but not in the roster's 'student' column; add them to the "
         "roster (or fix the submission's folder name)"),
        ("student,ID\nalice,1\nbob,2\ncarol,3\n", [],
         "dave is graded but not in the roster's 'student' column; add it"),
        ("student,ID\nalice,1\nbob,2\ncarol,3\ndave,4\n", ["--canvas-id", "nosuch=1"],
         "--canvas-id for nosuch: no such assignment in the gradebook (it holds backprop, "
         "perceptron); use ASSIGNMENT=ID with one of those"),
    ],
)
def test_canvas_export_unknown_names_and_ids_are_errors(results_dir, tmp_path, roster, args,
                                                        message):
    path = tmp_path / "roster.csv"
    path.write_text(roster, encoding="utf-8")
    code, output, out = export_canvas(results_dir, "--roster", str(path), *args)
    assert code == 1, output
    assert message in output
    assert not out.exists()


def test_canvas_id_for_an_unknown_assignment_without_roster(results_dir):
    code, output, _ = export_canvas(results_dir, "--canvas-id", "nosuch=1")
    assert code == 1 and "--canvas-id for nosuch: no such assignment" in output


@pytest.mark.parametrize(
    ("text", "key", "message"),
    [
        ("name,ID\na,1\n", None, "no column 'student' with the students' ids (columns: "
                                 "name, ID); add a 'student' column"),
        ("student,ID\na,1\na,2\n", None, "a appear(s) more than once in column 'student'"),
        ("student,ID\na,1\n,2\n", None, "row(s) 3 have no 'student'"),
        ("login,ID\na,1\n", "email", "no column 'email'"),
    ],
)
def test_roster_errors_name_the_file_and_the_fix(tmp_path, text, key, message):
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RosterError) as info:
        read_roster(path, key=key)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)


def test_roster_key_names_another_column(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("login,ID\nalice,1\nbob,2\ncarol,3\ndave,4\n", encoding="utf-8")
    table = ex.canvas_sheet(RUNS, GRADES, titles=TITLES, roster=read_roster(path, key="login"))
    assert list(table["ID"])[1:] == ["1", "2", "3", "4"]
    assert list(table["Student"])[1:] == ["alice", "bob", "carol", "dave"]


def test_cli_roster_is_only_for_canvas_and_moodle(results_dir):
    result = CliRunner().invoke(main, ["export", str(results_dir), "--format", "csv",
                                       "--roster", str(FIXTURE)])
    assert result.exit_code == 2
    assert "--roster and --roster-key are for --format canvas or moodle" in result.output
    result = CliRunner().invoke(main, ["export", str(results_dir), "--format", "moodle",
                                       "--canvas-id", "backprop=1"])
    assert result.exit_code == 2
    assert "--canvas-id is for --format canvas" in result.output
