"""The report's pictures (grader.run.figures -> RunResult.plots -> the gradebook ->
grader.report.plots): a towers class graded through `grader grade`'s path (run_batch: sandbox,
proxy, codec), then `grader report`. A wrong tower is drawn beside the reference's; a looping or
junk-returning submission gets a note and its report still renders; no hidden test's message
reaches a page, pictures included. Pictures are drawn only for functions whose tests lost
points: a passing submission gets none (and pays nothing for them)."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.cli.main import main
from grader.config import find_assignment
from grader.models import Plot, RunResult
from grader.report import pages
from grader.store.gradebook import Gradebook

FIXTURES = Path(__file__).parents[1] / "fixtures" / "figures"
TITLE = "approximate_1d: 12 towers (w = 40) against sin on [0, 2π]"
SIGMOID = "sigmoid(z) for z in [−8, 8]"


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, RunResult]]:
    assignment = find_assignment("towers")
    ref = read_reference(assignment.reference)
    folder = tmp_path_factory.mktemp("figures")
    subs = folder / "submissions"
    files = {"reference": ref.source, **{
        p.stem: overlay_source(ref, p.read_text(encoding="utf-8"), p.stem)
        for p in sorted(FIXTURES.glob("*.py"))}}
    for student, source in files.items():
        (subs / student).mkdir(parents=True)
        (subs / student / "towers.py").write_text(source, encoding="utf-8")
    batch = run_batch(assignment, subs, folder / "out", jobs=2, progress=False)
    return folder / "out", {r.student: r for r in batch.results}


def _plot(result: RunResult, title: str = TITLE) -> Plot:
    return next(p for p in result.plots if p.title == title)


def _figures(html: str) -> list[tuple[str, str]]:
    """(caption, decoded SVG) of each picture on a page."""
    found = re.findall(r'<figure class="plot">\s*(?:<img src="data:image/svg\+xml;base64,'
                       r'([A-Za-z0-9+/=]+)"[^>]*>)?\s*<figcaption>(.*?)</figcaption>', html, re.S)
    return [(caption, base64.b64decode(data).decode("utf-8") if data else "")
            for data, caption in found]


@pytest.mark.slow
def test_a_wrong_tower_is_drawn_beside_the_reference(graded) -> None:
    out, results = graded
    wrong = _plot(results["tower_shifted"])
    assert wrong.student is not None and not np.allclose(wrong.student, wrong.reference)
    assert wrong.note == "" and len(wrong.x) == len(wrong.reference) == 400
    assert CliRunner().invoke(main, ["report", str(out)]).exit_code == 0
    html = (out / "reports" / "towers" / "tower_shifted.html").read_text(encoding="utf-8")
    figures = dict(_figures(html))
    assert TITLE in figures, list(figures)
    svg = figures[TITLE]
    assert svg.startswith("<?xml") and "<svg" in svg
    # three lines (target, reference, yours) and a legend: the student's curve is there
    assert svg.count("<path") > 10


@pytest.mark.slow
def test_looping_and_junk_submissions_keep_their_reports(graded) -> None:
    out, results = graded
    looping = _plot(results["loops_forever"])
    assert looping.student is None
    assert looping.note == "your code took too long on this picture's input"
    junk = _plot(results["returns_junk"], SIGMOID)
    assert junk.student is None and junk.note.startswith("your values could not be drawn")
    assert results["loops_forever"].status == "graded"
    assert CliRunner().invoke(main, ["report", str(out)]).exit_code == 0
    for student, title in (("loops_forever", TITLE), ("returns_junk", SIGMOID)):
        html = (out / "reports" / "towers" / f"{student}.html").read_text(encoding="utf-8")
        captions = [c for c, _ in _figures(html)]
        assert any(c.startswith(title) for c in captions), captions
        assert len(captions) == len(results[student].plots), captions
    html = (out / "reports" / "towers" / "loops_forever.html").read_text(encoding="utf-8")
    assert "took too long on this picture" in html


@pytest.mark.slow
def test_pictures_leak_no_hidden_test(graded) -> None:
    out, results = graded
    assert CliRunner().invoke(main, ["report", str(out)]).exit_code == 0
    for student, result in results.items():
        html = (out / "reports" / "towers" / f"{student}.html").read_text(encoding="utf-8")
        pictures = " ".join(svg for _, svg in _figures(html))
        shown = " ".join(t.message for t in result.tests if t.visibility == "visible")
        hidden = [t for t in result.tests if t.visibility == "hidden" and t.message]
        assert hidden or student == "reference"
        for test in hidden:
            if test.message not in shown:
                assert test.message not in html and test.message not in pictures, test.name
            for number in re.findall(r"-?\d+\.\d{3,}", test.message):
                if number not in shown:
                    assert number not in html, (student, test.name, number)


@pytest.mark.slow
def test_plots_round_trip_through_the_gradebook(graded) -> None:
    out, results = graded
    with Gradebook(out / "gradebook.sqlite") as book:
        stored = {r.student: r for r in book.run_results("towers")}
    assert all(results[s].plots for s in ("tower_shifted", "loops_forever", "returns_junk"))
    for student, result in results.items():
        assert len(stored[student].plots) == len(result.plots)
        for a, b in zip(stored[student].plots, result.plots, strict=True):
            assert (a.title, a.kind, a.note, a.x) == (b.title, b.kind, b.note, b.x)
            assert np.array_equal(a.target, b.target, equal_nan=True)
            assert np.array_equal(a.reference, b.reference, equal_nan=True)
            assert (a.student is None) == (b.student is None)


@pytest.mark.slow
def test_pictures_only_for_functions_that_lost_points(graded) -> None:
    """The reference passes: no picture, nothing drawn. A shifted tower in approximate_1d
    (tower_1d and sigmoid right) gets the approximate_1d picture only; a sigmoid that returns
    junk gets the sigmoid picture."""
    out, results = graded
    assert all(t.points == t.max_points for t in results["reference"].tests)
    assert results["reference"].plots == ()
    assert [p.title for p in results["tower_shifted"].plots] == [TITLE]
    assert SIGMOID in [p.title for p in results["returns_junk"].plots]
    assert CliRunner().invoke(main, ["report", str(out)]).exit_code == 0
    html = (out / "reports" / "towers" / "reference.html").read_text(encoding="utf-8")
    assert _figures(html) == []


def test_values_that_cannot_be_drawn_cost_the_picture_only() -> None:
    broken = Plot(name="p", title="broken", kind="boundary", reference=(1.0, 2.0),
                  student=None, points=())
    view = pages.figure_view(broken)
    assert view.uri == "" and view.note.startswith("this picture could not be drawn")
    wild = Plot(name="q", title="wild", kind="path", reference=(0.0, 0.0, 1.0, 1.0),
                student=(float("nan"), 1e308, -1e308, float("nan")))
    assert pages.figure_view(wild).uri.startswith("data:image/svg+xml;base64,")
