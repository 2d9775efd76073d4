"""A hidden test's trajectory hint reaches the student (issue 16): what differs in their
iterative run (TestResult.trajectory), shown like a hidden test's mistake name under
`show_hidden_mistakes` (on by default), without where the run departs or any value of the
hidden run. Graded through `grader grade` and rendered by `grader report`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.cli.main import main
from grader.config import find_assignment
from tests.grader.test_hidden_hints import _section

FIXTURE = Path(__file__).parents[1] / "fixtures" / "trajectory" / "perceptron" / \
    "half_step.py"
WHAT = "What differs: the update: w ← w + y·x."


def _graded(tmp_path: Path, show: bool) -> tuple[list[dict], str, str]:
    folder = tmp_path / "perceptron"
    shutil.copytree(find_assignment("perceptron").folder, folder)
    if not show:
        toml = folder / "assignment.toml"
        toml.write_text(toml.read_text().replace(
            "uses_torch = false", "uses_torch = false\nshow_hidden_mistakes = false"))
    subs = tmp_path / "subs" / "ada"
    subs.mkdir(parents=True)
    ref = read_reference(find_assignment("perceptron").reference)
    (subs / "perceptron.py").write_text(
        overlay_source(ref, FIXTURE.read_text(encoding="utf-8"), "ada"), encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    graded = runner.invoke(main, ["grade", str(folder), str(tmp_path / "subs"), "--out",
                                  str(out), "--jobs", "1"])
    assert graded.exit_code == 0, graded.output
    assert runner.invoke(main, ["report", str(out)]).exit_code == 0
    tests = json.loads((out / "results" / "ada.json").read_text())["result"]["tests"]
    md = next(out.rglob("ada*.md")).read_text(encoding="utf-8")
    html = next(out.rglob("ada*.html")).read_text(encoding="utf-8")
    return tests, md, html


def _told(tests: list[dict]) -> list[dict]:
    return [t for t in tests if t["visibility"] == "hidden" and t["trajectory"]]


def _plain(page: str) -> str:
    return page.replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace(
        "\\", "")


def test_a_hidden_tests_trajectory_hint_is_shown_and_no_hidden_value_leaks(tmp_path):
    tests, md, html = _graded(tmp_path, show=True)
    told = _told(tests)
    assert told, [t["name"] for t in tests if t["visibility"] == "hidden"]
    for test in told:
        assert WHAT in test["trajectory"] and "Trajectory of train_perceptron()" in \
            test["trajectory"]
        # the full sentence, with where and what the run did there, is the message's only
        where = test["message"].split("leaves the reference's at ")[1].split(". What differs")[0]
        assert re.search(r"\d", where), where  # the hidden run's epoch, sample, values
        assert not re.search(r"\d", test["trajectory"])
        for page in (md, html):
            section = _plain(_section(page, test["name"]))
            assert "This is a hidden test" in section
            assert WHAT in section
            assert where not in _plain(page) and test["message"] not in _plain(page)
            # below the heading (name, status, points): no number of the message
            body = section.split("</h3>", 1)[1] if "</h3>" in section else \
                section.split("\n", 1)[1]
            for number in set(re.findall(r"\d+(?:\.\d+)?", test["message"])):
                assert not re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", body), (
                    test["name"], number)


def test_show_hidden_mistakes_false_withholds_the_trajectory_hint(tmp_path):
    tests, md, html = _graded(tmp_path, show=False)
    told = _told(tests)
    assert told  # recorded for the instructor
    for test in told:
        for page in (md, html):
            assert "What differs" not in _plain(_section(page, test["name"]))
