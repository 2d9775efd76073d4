"""`grader grade` on a submissions folder with nothing to grade: an error, never a silent 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli.main import main

EXPECTED = ("expected one entry per student: a folder <student>/ with perceptron.py or "
            "perceptron.ipynb (or a .zip holding one), or a file <student>.py, "
            "<student>.ipynb or <student>.zip")


@pytest.mark.parametrize(
    ("files", "holds"),
    [
        ([], "nothing"),
        (["notes.txt"], "only notes.txt"),
        (["notes.txt", ".DS_Store", "grades.xlsx"], "only .DS_Store, grades.xlsx, notes.txt"),
        ([f"f{i}.txt" for i in range(7)], "only f0.txt, f1.txt, f2.txt, f3.txt, f4.txt and 2 more"),
    ],
)
def test_grade_without_entries_names_what_was_found_and_expected(files, holds, tmp_path: Path):
    subs = tmp_path / "subs"
    subs.mkdir()
    for name in files:
        (subs / name).write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "perceptron", str(subs), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert f"{subs}: no submissions found (it holds {holds}); {EXPECTED}" in text
    assert not (tmp_path / "out").exists()


def test_grade_out_folder_inside_submissions_is_not_an_entry(tmp_path: Path):
    subs = tmp_path / "subs"
    (subs / "graded").mkdir(parents=True)
    result = CliRunner().invoke(main, ["grade", "perceptron", str(subs), "--out",
                                       str(subs / "graded")])
    assert result.exit_code == 2
    assert "no submissions found (it holds nothing)" in " ".join(result.output.split())
