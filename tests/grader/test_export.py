"""Score sheets: the course sheet, its file formats, Canvas import CSV, Gradescope results.json.

Regenerate the golden CSVs after an intended change with
`NN_GRADER_REGEN_GOLDEN=1 .venv/bin/pytest tests/grader/test_export.py` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.report import export as ex
from grader.report.pages import HIDDEN_NOTE
from grader.report.roster import read_roster
from grader.report.sheets import csv_text
from tests.golden.samples import (
    AFTER_DUE_SECRET,
    ALICE,
    BOB,
    CAROL,
    GRADES,
    HIDDEN_SECRET,
    RUNS,
    MemoryGradebook,
)

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "export"
REGEN = os.environ.get("NN_GRADER_REGEN_GOLDEN") == "1"
TITLES = {"backprop": "Losses, softmax and backpropagation", "perceptron": "Perceptron"}


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert path.is_file(), f"{path} missing; run with NN_GRADER_REGEN_GOLDEN=1 to create it"
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs from golden"


# ---- the course sheet -------------------------------------------------------------------


def frame() -> pd.DataFrame:
    return ex.sheet_frame(RUNS, GRADES).set_index(["assignment", "student"])


def test_score_sheet_one_row_per_submission_and_a_column_per_test():
    sheet = ex.score_sheet(RUNS, GRADES)
    assert sheet.columns == (
        "student", "assignment", "score", "max_score", "status", "raw_score", "late_penalty",
        "message",
        "backprop/softmax_rows_sum_to_one", "backprop/hinge_loss_gradient",
        "backprop/softmax_loss_matches_reference", "backprop/mlp_grads_numerical",
        "perceptron/add_bias_appends_ones_last", "perceptron/train_perceptron_matches_reference",
    )
    assert [row[:2] for row in sheet.rows] == [
        ("alice", "backprop"), ("bob", "backprop"), ("carol", "backprop"),
        ("alice", "perceptron"), ("dave", "perceptron")]
    rows = frame()
    alice = rows.loc[("backprop", "alice")]
    assert alice["backprop/mlp_grads_numerical"] == 1.5
    assert (alice["raw_score"], alice["late_penalty"], alice["score"], alice["max_score"]) == (
        3.5, 1.0, 2.5, 10.0)
    assert math.isnan(alice["perceptron/add_bias_appends_ones_last"])  # another assignment
    assert rows.loc[("backprop", "carol"), "status"] == "syntax_error"
    assert rows.loc[("backprop", "carol"), "message"] == CAROL.message.strip().splitlines()[0]
    assert math.isnan(rows.loc[("backprop", "carol"), "backprop/hinge_loss_gradient"])
    assert ("backprop", "dave") not in rows.index  # no submission, no row


def test_score_sheet_test_points_sum_to_the_raw_score():
    rows = frame()
    for a in ("backprop", "perceptron"):
        tests = [c for c in rows.columns if c.startswith(f"{a}/")]
        of_a = rows.xs(a, level="assignment")
        graded = of_a[of_a["status"] == "graded"]
        assert (graded[tests].sum(axis=1) == graded["raw_score"]).all()
    assert (rows["score"] == rows["raw_score"] - rows["late_penalty"]).all()


def test_score_sheet_without_grades_uses_the_raw_score():
    (row,) = ex.score_sheet([BOB], []).rows
    assert row[2:7] == (BOB.score, BOB.max_score, "graded", 8.0, 0.0)


def test_points_possible():
    top = ex.points_possible(RUNS, GRADES)
    assert top["backprop/hinge_loss_gradient"] == 3
    assert top["backprop total"] == 10 and top["perceptron total"] == 5
    assert top["course total"] == 15


def test_score_sheet_csv_matches_golden():
    assert_golden("scores.csv", csv_text(ex.score_sheet(RUNS, GRADES)))


# ---- files ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_sheet_round_trips_through_pandas(tmp_path, fmt):
    path = ex.export_book(MemoryGradebook(), fmt, tmp_path / f"scores.{fmt}")
    expected = ex.sheet_frame(RUNS, GRADES)
    if fmt == "csv":
        assert path.read_text(encoding="utf-8") == csv_text(ex.score_sheet(RUNS, GRADES))
        back = pd.read_csv(path, keep_default_na=False, na_values={
            c: [""] for c in expected.columns if c not in ("student", "assignment", "status",
                                                           "message")})
    elif fmt == "xlsx":
        back = pd.read_excel(path, sheet_name="scores", keep_default_na=False, na_values={
            c: [""] for c in expected.columns if "/" in c})
        top = pd.read_excel(path, sheet_name="points possible", index_col=0)["points possible"]
        pd.testing.assert_series_equal(top, ex.points_possible(RUNS, GRADES), check_names=False,
                                       check_dtype=False)
    else:
        back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, expected, check_dtype=fmt == "parquet")


def test_export_without_gradebook_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="no gradebook here; run `grader grade` first"):
        ex.export(tmp_path, "csv")


def test_export_rejects_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="unknown format 'ods'; choose one of csv, xlsx"):
        ex.export_book(MemoryGradebook(), "ods", tmp_path / "x")  # type: ignore[arg-type]


# ---- Canvas -----------------------------------------------------------------------------


def test_canvas_csv_layout():
    table = ex.canvas_sheet(RUNS, GRADES, canvas_ids={"backprop": "4711"}, titles=TITLES)
    text = table.to_csv(index=False, lineterminator="\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                       "Losses, softmax and backpropagation (4711)", "Perceptron"]
    assert rows[1] == ["    Points Possible", "", "", "", "", "10", "5"]
    assert rows[2] == ["alice", "", "", "alice", "", "2.5", "5"]  # after the late penalty
    assert rows[5] == ["dave", "", "", "dave", "", "", "3"]  # no submission: left blank
    assert_golden("canvas.csv", text)


def test_canvas_roster_fills_identity_columns(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("student,Student,ID,Section\nbob,\"Builder, Bob\",101,S1\n"
                    "alice,\"Liddell, Alice\",102,S2\ncarol,,103,\ndave,,104,\n",
                    encoding="utf-8")
    table = ex.canvas_sheet(RUNS, GRADES, titles=TITLES, roster=read_roster(path))
    alice = table[table["SIS Login ID"] == "alice"].iloc[0]
    assert (alice["Student"], alice["ID"], alice["Section"]) == ("Liddell, Alice", "102", "S2")
    carol = table[table["SIS Login ID"] == "carol"].iloc[0]
    assert (carol["Student"], carol["ID"]) == ("carol", "103")  # no name given: our id


# ---- Gradescope -------------------------------------------------------------------------

_VISIBILITIES = {"hidden", "after_due_date", "after_published", "visible"}


def check_gradescope_schema(data: dict[str, Any]) -> None:
    """The results.json format of Gradescope's autograder specification."""
    allowed_top = {"score", "execution_time", "output", "output_format", "visibility",
                   "stdout_visibility", "extra_data", "tests", "leaderboard"}
    assert set(data) <= allowed_top
    assert isinstance(data["score"], float) and data["score"] >= 0
    assert isinstance(data["execution_time"], int) and data["execution_time"] >= 0
    assert isinstance(data["output"], str)
    assert data["visibility"] in _VISIBILITIES
    allowed_test = {"score", "max_score", "status", "name", "name_format", "number", "output",
                    "output_format", "tags", "visibility", "extra_data"}
    for t in data["tests"]:
        assert set(t) <= allowed_test
        assert isinstance(t["name"], str) and t["name"]
        assert isinstance(t["score"], float) and isinstance(t["max_score"], float)
        assert 0 <= t["score"] <= t["max_score"]
        assert t["status"] in {"passed", "failed"}
        assert isinstance(t["output"], str)
        assert t["output_format"] == "text"  # student text is never rendered as HTML
        assert t["visibility"] in _VISIBILITIES


@pytest.mark.parametrize("run", [ALICE, BOB, CAROL], ids=lambda r: r.student)
def test_gradescope_results_follow_the_schema(run):
    grade = next(g for g in GRADES if g.student == run.student and g.assignment == run.assignment)
    data = ex.gradescope_results(run, grade)
    check_gradescope_schema(data)
    json.dumps(data)  # serialisable as is
    assert data["score"] == grade.score


def test_gradescope_maps_visibility_and_withholds_hidden_details():
    data = ex.gradescope_results(ALICE, GRADES[0])
    tests = {t["name"]: t for t in data["tests"]}
    assert tests["softmax_rows_sum_to_one"]["visibility"] == "visible"
    hidden = tests["softmax_loss_matches_reference"]
    assert (hidden["visibility"], hidden["output"]) == ("visible", HIDDEN_NOTE)
    assert (hidden["score"], hidden["max_score"], hidden["status"]) == (0.0, 3.0, "failed")
    later = tests["mlp_grads_numerical"]
    assert (later["visibility"], later["output"]) == ("after_due_date", AFTER_DUE_SECRET)
    assert later["status"] == "failed"  # partial credit is not a pass
    text = json.dumps(data)
    assert HIDDEN_SECRET not in text and "no max-shift" not in text and "debug:" not in text
    assert tests["hinge_loss_gradient"]["output"].startswith(
        "Looks like: factor 2 in the regulariser\n\ndW: 3 of 12 entries differ")
    assert data["execution_time"] == 4
    assert data["output"] == "Submission: graded.\nRaw score 3.5, late penalty -1."


def test_gradescope_submission_level_problems_reach_the_output():
    carol = ex.gradescope_results(CAROL)
    assert carol["tests"] == [] and carol["score"] == 0.0
    assert "Submission: syntax error.\nSyntaxError: invalid syntax" in carol["output"]
    bob = ex.gradescope_results(BOB)
    assert "Warning: cell 4 raised NameError" in bob["output"]
    assert "Your code raised:\nTraceback" in bob["tests"][0]["output"]


def test_gradescope_files_per_submission(tmp_path):
    out = ex.export_book(MemoryGradebook(), "gradescope", tmp_path / "gs")
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("results.json"))
    assert files == ["backprop/alice/results.json", "backprop/bob/results.json",
                     "backprop/carol/results.json", "perceptron/alice/results.json",
                     "perceptron/dave/results.json"]
    data = json.loads((out / "perceptron/dave/results.json").read_text(encoding="utf-8"))
    check_gradescope_schema(data)
    assert data["score"] == 3.0


def test_gradescope_single_results_json(tmp_path):
    one = MemoryGradebook((ALICE,), (GRADES[0],))
    path = ex.export_book(one, "gradescope", tmp_path / "results" / "results.json")
    assert json.loads(path.read_text(encoding="utf-8"))["score"] == 2.5
    with pytest.raises(ValueError, match="needs exactly one submission in the gradebook, found 5"):
        ex.export_book(MemoryGradebook(), "gradescope", tmp_path / "results.json")


def test_gradescope_partial_credit_status():
    full = replace(ALICE, tests=(replace(ALICE.tests[0], status="passed"),))
    assert ex.gradescope_results(full)["tests"][0]["status"] == "passed"


# ---- CLI --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "ods"], 2, "'ods' is not one of 'csv', 'xlsx', 'parquet', 'canvas', "
                                 "'moodle', 'gradescope'"),
        (["--format", "canvas", "--canvas-id", "perceptron"], 2,
         "'perceptron' should look like ASSIGNMENT=CANVAS_ID, e.g. perceptron=48213"),
        (["--format", "csv"], 1, "no gradebook here; run `grader grade` first"),
    ],
)
def test_cli_export_errors(tmp_path, args, code, message):
    result = CliRunner().invoke(main, ["export", str(tmp_path), *args])
    assert result.exit_code == code
    assert message in " ".join(result.output.split()).replace("Error: ", "")


# ---- from a real gradebook --------------------------------------------------------------


@pytest.fixture
def results_dir(tmp_path: Path) -> Path:
    from grader.store.gradebook import Gradebook

    grades = {(g.student, g.assignment): g for g in GRADES}
    with Gradebook(tmp_path / "gradebook.sqlite") as book:
        for run in RUNS:
            book.record(run, grades[(run.student, run.assignment)], tests_digest="d")
    return tmp_path


@pytest.mark.parametrize(
    ("fmt", "default"),
    [("csv", "scores.csv"), ("xlsx", "scores.xlsx"), ("parquet", "scores.parquet"),
     ("canvas", "canvas.csv"), ("gradescope", "gradescope")],
)
def test_cli_export_from_the_gradebook(results_dir, fmt, default):
    result = CliRunner().invoke(main, ["export", str(results_dir), "--format", fmt])
    assert result.exit_code == 0, result.output
    target = results_dir / "export" / default
    assert f"{fmt} written to {target}" in result.output
    assert target.exists()
    if fmt == "csv":
        assert target.read_text(encoding="utf-8") == csv_text(ex.score_sheet(RUNS, GRADES))


def test_cli_export_canvas_ids_and_roster(results_dir, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("student,SIS User ID\nalice,S-0001\nbob,\ncarol,\ndave,\n",
                      encoding="utf-8")
    folder = tmp_path / "private" / "backprop"
    folder.mkdir(parents=True)
    (folder / "assignment.toml").write_text(
        '[assignment]\ntitle = "Backprop (private)"\nmodule = "backprop"\n'
        'reference = "reference.backprop"\n', encoding="utf-8")
    out = tmp_path / "c.csv"
    result = CliRunner().invoke(main, [
        "export", str(results_dir), "--format", "canvas", "--out", str(out),
        "--canvas-id", "backprop=4711", "--roster", str(roster), "--assignment", str(folder)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][5] == "Backprop (private) (4711)"
    assert rows[2][:4] == ["alice", "", "S-0001", "alice"]


def test_tests_sharing_a_name_get_their_own_columns():
    from grader.models import RunResult
    from grader.models import TestResult as Result

    first = Result("rejects_labels", 1.5, 1.5, "visible", "passed")
    second = Result("rejects_labels", 0, 2, "hidden", "failed")
    runs = [RunResult("s", "p", "graded", (first, second)),
            RunResult("t", "p", "graded", (second, first))]
    sheet = ex.score_sheet(runs, [])
    assert sheet.columns[-2:] == ("p/rejects_labels", "p/rejects_labels#2")
    assert sheet.rows[0][-2:] == (1.5, 0.0) and sheet.rows[1][-2:] == (0.0, 1.5)
    assert ex.points_possible(runs, [])["p/rejects_labels#2"] == 2


# ---- GitHub Classroom -------------------------------------------------------------------


def test_classroom_result_sums_to_the_grade_and_withholds_hidden_details():
    result = ex.classroom_result(ALICE, GRADES[0])  # late: 3.5 raw, 1.0 penalty
    assert result["version"] == 1 and result["status"] == "fail"
    assert result["max_score"] == 10.0
    assert sum(t["score"] for t in result["tests"]) == GRADES[0].score == 2.5
    assert result["tests"][-1]["name"] == "late penalty"
    assert result["tests"][-1]["score"] == -1.0
    for test, source in zip(result["tests"], ALICE.tests, strict=False):
        assert test["name"] == source.name
        assert test["status"] == ("pass" if source.status == "passed" else
                                  "error" if source.status == "error" else "fail")
        if source.visibility == "hidden":
            assert test["message"] == HIDDEN_NOTE
    assert HIDDEN_SECRET not in json.dumps(result)


def test_classroom_result_of_code_that_did_not_run():
    result = ex.classroom_result(CAROL)
    assert result["status"] == "fail"
    assert result["tests"][-1]["name"] == "submission: syntax error"
    assert sum(t["score"] for t in result["tests"]) == 0.0
