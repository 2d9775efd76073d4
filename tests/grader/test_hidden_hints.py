"""Tell the student (issue 16): a hidden test's named mistake and fix hint reach the student's
page (assignment.toml's show_hidden_mistakes, on by default), never its message, inputs or
expected values; `show_hidden_mistakes = false` withholds them. Graded through `grader grade`
and rendered by `grader report`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.cli.main import main
from grader.config import find_assignment

NAME = "the regularisation term is missing from the hinge loss value (dW is right)"
FIX = "add reg·ΣW² to the loss"


def _grade_and_report(tmp_path: Path, folder: Path) -> tuple[dict, str, str]:
    assignment = find_assignment("backprop")
    mistake = assignment.folder / "mistakes" / "hinge_loss_missing_reg.py"
    subs = tmp_path / "subs" / "ada"
    subs.mkdir(parents=True)
    (subs / "backprop.py").write_text(overlay_source(
        read_reference(assignment.reference), mistake.read_text(encoding="utf-8"), "ada"))
    out = tmp_path / "out"
    runner = CliRunner()
    graded = runner.invoke(main, ["grade", str(folder), str(tmp_path / "subs"), "--out",
                                  str(out), "--jobs", "1"])
    assert graded.exit_code == 0, graded.output
    shown = runner.invoke(main, ["report", str(out)])
    assert shown.exit_code == 0, shown.output
    result = json.loads((out / "results" / "ada.json").read_text())["result"]
    md = next(out.rglob("ada*.md")).read_text(encoding="utf-8")
    html = next(out.rglob("ada*.html")).read_text(encoding="utf-8")
    return result, md, html


def _section(page: str, test: str) -> str:
    """The part of a rendered page about `test` (Markdown or HTML)."""
    page = page.replace("\\_", "_").replace("&#39;", "'")
    if page.lstrip().startswith("<"):
        start = page.index(f"<span>{test}</span>")
        return page[start:page.index("</section>", start)]
    start = page.index(f"### {test}:")
    return page[start:page.index("\n### ", start + 1)]


def _copy(tmp_path: Path, show: bool | None) -> Path:
    folder = tmp_path / "backprop"
    shutil.copytree(find_assignment("backprop").folder, folder)
    if show is not None:
        toml = folder / "assignment.toml"
        text = toml.read_text()
        toml.write_text(text.replace("uses_torch = false",
                                     f"uses_torch = false\nshow_hidden_mistakes = "
                                     f"{str(show).lower()}"))
    return folder


def test_a_hidden_tests_mistake_and_fix_hint_are_shown_and_nothing_hidden_leaks(tmp_path):
    result, md, html = _grade_and_report(tmp_path, _copy(tmp_path, None))
    hidden = next(t for t in result["tests"] if t["name"] == "hinge_loss_value_matches_reference")
    assert hidden["visibility"] == "hidden" and hidden["points"] == 0
    assert NAME in hidden["mistake"] and FIX in hidden["mistake"]
    secret = hidden["message"].split(". Looks like")[0]  # "hinge loss (D=3, ..): got .., expected"
    assert "expected" in secret
    for page in (md, html):
        section = _section(page, "hinge_loss_value_matches_reference")
        assert "This is a hidden test: its details are not shown." in section
        assert NAME in section and FIX in section
        assert secret not in page and "D=3, C=4" not in page
        assert "expected" not in section


def test_show_hidden_mistakes_false_withholds_the_name(tmp_path):
    result, md, html = _grade_and_report(tmp_path, _copy(tmp_path, False))
    hidden = next(t for t in result["tests"] if t["name"] == "hinge_loss_value_matches_reference")
    assert NAME in hidden["mistake"]  # recorded for the instructor
    visible = next(t for t in result["tests"] if t["name"] == "hinge_loss_by_hand")
    assert NAME in visible["mistake"]
    for page in (md, html):
        section = _section(page, "hinge_loss_value_matches_reference")
        assert NAME not in section and "This is a hidden test" in section
