"""Grading a submissions folder through the real CLI and reading back its score sheet."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from grader.cli.main import main


def grade_and_read_scores(folder: Path, subs: Path, out: Path) -> dict[str, tuple[float, float]]:
    """`grader grade folder subs --out out`, then {student: (score, max_score)} from scores.csv."""
    result = CliRunner().invoke(main, ["grade", str(folder), str(subs), "--out", str(out),
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    with (out / "scores.csv").open() as handle:
        return {row["student"]: (float(row["score"]), float(row["max_score"]))
                for row in csv.DictReader(handle)}
