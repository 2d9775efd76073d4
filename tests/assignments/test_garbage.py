"""No points for garbage (issue 15): a file whose every graded function returns None, 0, zeros
of the right shape, its first argument or a constant array scores 0 on all six assignments,
graded through `grader grade` (sandbox, codec, the runner's `requires=` gates)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.authoring import garbage
from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.cli.main import main
from grader.config import find_assignment

ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_grade_gives_garbage_zero_points(name: str, tmp_path: Path):
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = tmp_path / "subs"
    for kind in garbage.GARBAGE:
        override = (f'"""garbage: {kind}"""\nfrom {assignment.reference} import *  # noqa\n'
                    + garbage.overlay_source(ref.student_api, kind))
        (subs / kind).mkdir(parents=True)
        (subs / kind / f"{assignment.module}.py").write_text(
            overlay_source(ref, override, kind), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["grade", name, str(subs), "--out", str(out),
                                       "--jobs", "2"])
    assert result.exit_code == 0, result.output
    with (out / "scores.csv").open(encoding="utf-8") as fh:
        rows = {row["student"]: row for row in csv.DictReader(fh)}
    assert sorted(rows) == sorted(garbage.GARBAGE)
    assert {k: float(r["raw_score"]) for k, r in rows.items()} == dict.fromkeys(rows, 0.0)
    assert {r["status"] for r in rows.values()} == {"graded"}
