"""Feedback pages: visibility rules, escaping, golden Markdown, class summary, the whole folder.

Regenerate the golden files after an intended change with
`NN_GRADER_REGEN_GOLDEN=1 .venv/bin/pytest tests/grader/test_report.py` and review the diff.
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.cli.main import main
from grader.models import RunResult
from grader.models import TestResult as Result
from grader.report import export as ex
from grader.report import pages as report
from tests.golden.samples import (
    AFTER_DUE,
    AFTER_DUE_SECRET,
    ALICE,
    BEFORE_DUE,
    BOB,
    CAROL,
    DUE,
    GRADES,
    HIDDEN_SECRET,
    INFOS,
    RUNS,
    MemoryGradebook,
)

pytestmark = pytest.mark.dates

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report"
REGEN = os.environ.get("NN_GRADER_REGEN_GOLDEN") == "1"


def page(run: RunResult, now: datetime = BEFORE_DUE) -> report.StudentPage:
    grade = next((g for g in GRADES if (g.student, g.assignment) == (run.student, run.assignment)),
                 None)
    return report.student_page(run, grade, INFOS[run.assignment], now=now)


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} missing; run with NN_GRADER_REGEN_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


# ---- visibility -------------------------------------------------------------------------


def _test(visibility: str) -> Result:
    return Result("t", 0, 1, visibility, "failed", message="m")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("visibility", "due", "now", "shown"),
    [
        ("visible", None, BEFORE_DUE, True),
        ("visible", DUE, BEFORE_DUE, True),
        ("hidden", DUE, BEFORE_DUE, False),
        ("hidden", DUE, AFTER_DUE, False),
        ("after_due", DUE, BEFORE_DUE, False),
        ("after_due", DUE, DUE, False),  # at the due date exactly: not yet past
        ("after_due", DUE, AFTER_DUE, True),
        ("after_due", None, AFTER_DUE, False),  # no due date: never "past" it
        ("after_due", DUE, datetime(2026, 12, 2), True),  # naive now is UTC
        ("after_due", DUE, datetime(2026, 12, 1, 23, 0), False),
    ],
)
def test_details_shown_follows_visibility(visibility, due, now, shown):
    assert report.details_shown(_test(visibility), due=due, now=now) is shown


@pytest.mark.parametrize(
    ("visibility", "now", "note"),
    [
        ("hidden", AFTER_DUE, "This is a hidden test: its details are not shown."),
        ("after_due", BEFORE_DUE,
         "Details of this test are shown after the due date (2026-12-01 23:59 UTC)."),
        ("after_due", AFTER_DUE, ""),
        ("visible", BEFORE_DUE, ""),
    ],
)
def test_test_view_note_is_neutral(visibility, now, note):
    assert report.test_view(_test(visibility), due=DUE, now=now).note == note


def test_hidden_details_never_rendered():
    for now in (BEFORE_DUE, AFTER_DUE):
        for text in (report.render_student_html(page(ALICE, now)),
                     report.render_student_markdown(page(ALICE, now))):
            assert HIDDEN_SECRET not in text
            assert "no max-shift in softmax" not in text  # the hidden test's named mistake
            assert "OverflowError" not in text  # and its traceback
            assert "softmax" in text and "loss" in text  # name and points are shown
            assert re.search(r"softmax\\?_loss\\?_matches\\?_reference", text)
            assert "0 / 3" in text


def test_after_due_details_appear_only_after_the_due_date():
    before = report.render_student_html(page(ALICE, BEFORE_DUE))
    after = report.render_student_html(page(ALICE, AFTER_DUE))
    assert "after-due detail" not in before
    assert "after-due detail: W[1, 2] should be 0.125" in after


def test_output_withheld_while_any_test_details_are():
    assert not page(ALICE, AFTER_DUE).show_output  # a hidden test: output could leak its inputs
    assert "debug: W shape" not in report.render_student_html(page(ALICE, AFTER_DUE))
    visible_only = replace(ALICE, tests=ALICE.tests[:2])
    assert page(visible_only).show_output
    assert "debug: W shape (3, 4)" in report.render_student_html(page(visible_only))
    assert "debug: W shape (3, 4)" in report.render_student_markdown(page(visible_only))


# ---- escaping ---------------------------------------------------------------------------


def test_script_in_student_message_is_escaped_in_html():
    html = report.render_student_html(page(BOB))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "ValueError: &lt;script&gt;" in html  # the traceback too


def test_student_id_is_escaped_in_html_and_markdown():
    evil = replace(CAROL, student="<img src=x onerror=alert(1)>")
    html = report.render_student_html(page(evil))
    assert "<img src=x" not in html and "&lt;img src=x" in html
    md = report.render_student_markdown(page(evil))
    assert not re.search(r"(?<!\\)<img", md)  # "\<" is a literal "<" in Markdown
    assert r"\<img src=x onerror=alert(1)\>" in md


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("`a \n~<>*"), max_size=40))
def test_md_fence_cannot_be_closed_by_its_content(text):
    block = report.md_fence(text)
    first, *body, last = block.split("\n")
    fence = first.removesuffix("text")
    assert last == fence and set(fence) == {"`"} and len(fence) >= 3
    assert "\n".join(body) == text.rstrip()
    assert all(not line.startswith(fence) for line in body)


@pytest.mark.parametrize(
    ("student", "prefix"),
    [("../../etc/passwd", "_.._etc_passwd-"), ("a b/c", "a_b_c-"), ("..", "_-"),
     (".hidden", "hidden-"), ("", "_-"), ("Zoë-1.2", "Zo_-1.2-"), ("a b", "a_b-")],
)
def test_page_name_stays_in_the_folder(student, prefix):
    name = report.page_name(student)
    assert name.startswith(prefix) and re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]*-[0-9a-f]{8}",
                                                    name)


def test_page_names_are_unique():
    ids = ["alice", "a b", "a_b", "a/b", "..", "_", "Zoë", "Zo_"]
    assert len({report.page_name(s) for s in ids}) == len(ids)
    assert report.page_name("alice") == "alice" and report.page_name("a_b") == "a_b"


# ---- golden Markdown --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("run", "now", "golden"),
    [
        (ALICE, BEFORE_DUE, "alice-before-due.md"),
        (ALICE, AFTER_DUE, "alice-after-due.md"),
        (BOB, BEFORE_DUE, "bob.md"),
        (CAROL, BEFORE_DUE, "carol-syntax-error.md"),
        (replace(ALICE, tests=ALICE.tests[:2]), BEFORE_DUE, "alice-visible-only.md"),
    ],
)
def test_markdown_matches_golden(run, now, golden):
    assert_golden(golden, report.render_student_markdown(page(run, now)))


def test_html_shows_score_penalty_and_run_facts():
    html = report.render_student_html(page(ALICE))
    assert '<div class="score" id="score">2.5 / 10</div>' in html
    assert "Raw score 3.5, late penalty &minus;1" in html
    for fact in ("Grader version", "3.20 s", "200.0 MiB", "aaaaaaaaaaaa"):
        assert fact in html
    carol = report.render_student_html(page(CAROL))
    assert "syntax error" in carol and "SyntaxError: invalid syntax (backprop.py, line 12)" in carol
    bob = report.render_student_html(page(BOB))
    assert "cell 4 raised NameError: name &#39;plt&#39; is not defined; it was skipped" in bob


def test_score_without_grade_is_the_raw_score():
    p = report.student_page(ALICE, None, INFOS["backprop"], now=BEFORE_DUE)
    assert (p.score, p.raw_score, p.late_penalty, p.max_score) == (3.5, 3.5, 0.0, 10.0)


# ---- class summary ----------------------------------------------------------------------


def test_class_summary_statistics():
    runs = [r for r in RUNS if r.assignment == "backprop"]
    grades = [g for g in GRADES if g.assignment == "backprop"]
    s = report.class_summary(runs, grades, INFOS["backprop"])
    assert (s.students, s.graded) == (3, 2)
    assert s.mean_percent == pytest.approx((25 + 80 + 0) / 3)  # after the late penalty
    assert s.median_percent == pytest.approx(25)
    rates = {t.name: (t.pass_rate, t.mean_points, t.max_points) for t in s.tests}
    assert rates == {
        "softmax_rows_sum_to_one": (0.5, 1.0, 2),
        "hinge_loss_gradient": (0.5, 1.5, 3),
        "softmax_loss_matches_reference": (0.5, 1.5, 3),
        "mlp_grads_numerical": (0.5, 1.75, 2),
    }
    assert s.mistakes == (
        ("hinge_loss_gradient", "factor 2 in the regulariser", 1),
        ("softmax_loss_matches_reference", "no max-shift in softmax", 1),
    )
    assert [r.student for r in s.slowest] == ["alice", "bob", "carol"]
    assert s.problems == {"syntax_error": ["carol"]}
    assert s.test_problems == ()


def test_class_summary_counts_mistakes_and_broken_tests():
    wrong = Result("grad", 0, 1, "visible", "failed", mistake="sign flipped")
    broken = Result("grad", 0, 1, "visible", "error", message="KeyError in the test")
    runs = [RunResult(f"s{i}", "a", "graded", (wrong,)) for i in range(3)]
    runs.append(RunResult("z", "a", "graded", (broken,)))
    runs.append(RunResult("t", "a", "timeout", ()))
    s = report.class_summary(runs, [], report.AssignmentInfo("a", "A"))
    assert s.mistakes == (("grad", "sign flipped", 3),)
    assert s.test_problems == (("z", "grad", "error"),)
    assert s.problems == {"timeout": ["t"]}
    assert s.tests[0].pass_rate == 0.0


def test_a_students_mistake_counts_once_however_many_tests_name_it():
    first = Result("grad_w", 0, 1, "visible", "failed", mistake="missing 1/N")
    second = Result("grad_b", 0, 1, "visible", "failed", mistake="missing 1/N")
    other = Result("grad_w", 0, 1, "visible", "failed", mistake="sign flipped")
    runs = [RunResult("s1", "a", "graded", (first, second)),
            RunResult("s2", "a", "graded", (first, second, first)),
            RunResult("s3", "a", "graded", (other,))]
    s = report.class_summary(runs, [], report.AssignmentInfo("a", "A"))
    assert s.mistakes == (("grad_b, grad_w", "missing 1/N", 2), ("grad_w", "sign flipped", 1))
    assert "<th>Tests</th><th>Named mistake</th><th class=\"num\">Students</th>" in \
        report.render_summary_html(s)


def test_isolation_is_for_the_instructor_not_the_student():
    runs = [replace(r, isolation="bubblewrap+cgroup-pids+warm") for r in RUNS
            if r.assignment == "backprop"]
    for run in runs:
        assert "bubblewrap" not in report.render_student_html(page(run))
        assert "bubblewrap" not in report.render_student_markdown(page(run))
        assert "bubblewrap" not in json.dumps(ex.gradescope_results(run))
    s = report.class_summary(runs, list(GRADES), INFOS["backprop"])
    assert s.isolation == (("bubblewrap+cgroup-pids+warm", 3),)
    assert ("Isolation (not shown to students): bubblewrap+cgroup-pids+warm (3)"
            in report.render_summary_html(s))


def test_summary_html_embeds_plots_as_svg_data():
    runs = [r for r in RUNS if r.assignment == "backprop"]
    s = report.class_summary(runs, list(GRADES), INFOS["backprop"])
    html = report.render_summary_html(s)
    uris = re.findall(r'src="(data:image/svg\+xml;base64,[A-Za-z0-9+/=]+)"', html)
    assert len(uris) == 2
    for uri in uris:
        svg = base64.b64decode(uri.split(",", 1)[1]).decode()
        assert "<svg" in svg and "</svg>" in svg
        # nothing the browser would fetch: only in-document references (namespaces are names)
        assert not re.search(r'(?:href|src)="(?!#)|url\((?!#)', svg)
    assert "http" not in re.sub(r'src="data:[^"]+"', "", html)
    assert "carol" in html and "syntax error" in html and "factor 2 in the regulariser" in html


def test_summary_with_nothing_graded():
    s = report.class_summary([CAROL], [], INFOS["backprop"])
    assert s.tests == () and s.pass_rates == ""
    assert "No submission was graded." in report.render_summary_html(s)


# ---- the folder -------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v for k, v in attrs if k == "href" and v]


def test_write_reports_writes_every_page_and_links_resolve(tmp_path):
    index = report.write_reports(MemoryGradebook(), tmp_path, now=BEFORE_DUE, infos=INFOS)
    assert index == tmp_path / "index.html"
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.*"))
    assert names == sorted([
        "index.html",
        *(f"backprop/{s}.{ext}" for s in ("alice", "bob", "carol") for ext in ("html", "md")),
        "backprop/summary.html",
        *(f"perceptron/{s}.{ext}" for s in ("alice", "dave") for ext in ("html", "md")),
        "perceptron/summary.html",
    ])
    parser = _Links()
    parser.feed(index.read_text(encoding="utf-8"))
    assert len(parser.hrefs) == 2 + 2 * 5
    for href in parser.hrefs:
        assert (tmp_path / href).is_file(), href
    assert (tmp_path / "backprop/alice.md").read_text(encoding="utf-8") == (
        report.render_student_markdown(page(ALICE))
    )


def test_write_reports_rerenders_with_a_later_now(tmp_path):
    report.write_reports(MemoryGradebook(), tmp_path, now=BEFORE_DUE, infos=INFOS)
    assert AFTER_DUE_SECRET not in (tmp_path / "backprop/alice.html").read_text(encoding="utf-8")
    report.write_reports(MemoryGradebook(), tmp_path, now=AFTER_DUE, infos=INFOS)
    assert "after-due detail" in (tmp_path / "backprop/alice.html").read_text(encoding="utf-8")


def test_write_reports_empty_gradebook(tmp_path):
    index = report.write_reports(MemoryGradebook((), ()), tmp_path, now=datetime.now(UTC))
    assert "The gradebook holds no results yet." in index.read_text(encoding="utf-8")


def test_render_all_without_gradebook_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"gradebook.sqlite: no gradebook here; run "
                                                r"`grader grade` first"):
        report.render_all(tmp_path)


def test_cli_report_without_gradebook(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 1
    assert "no gradebook here; run `grader grade` first" in result.output


def test_cli_report_rejects_a_bad_now(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--now", "tomorrow"])
    assert result.exit_code == 2
    assert "'tomorrow' is not an ISO date-time" in result.output


# ---- from a real gradebook --------------------------------------------------------------


def record_samples(results_dir: Path) -> None:
    from grader.store.gradebook import Gradebook

    grades = {(g.student, g.assignment): g for g in GRADES}
    with Gradebook(results_dir / "gradebook.sqlite") as book:
        for run in RUNS:
            book.record(run, grades[(run.student, run.assignment)], tests_digest="d")


def test_render_all_rerenders_from_the_gradebook(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "assignment_info", lambda name, recorded=None: INFOS[name])
    record_samples(tmp_path)
    index = report.render_all(tmp_path, now=BEFORE_DUE)
    assert index == tmp_path / "reports" / "index.html"
    for run in RUNS:  # the same pages as from the records themselves
        md = (tmp_path / "reports" / run.assignment / f"{run.student}.md").read_text("utf-8")
        assert md == report.render_student_markdown(page(run)), run.student


def test_cli_report_from_the_gradebook(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "assignment_info", lambda name, recorded=None: INFOS[name])
    record_samples(tmp_path)
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--now", "2026-12-05T09:30"])
    assert result.exit_code == 0, result.output
    assert f"open {tmp_path / 'reports' / 'index.html'}" in result.output
    html = (tmp_path / "reports/backprop/alice.html").read_text(encoding="utf-8")
    assert AFTER_DUE_SECRET in html and HIDDEN_SECRET not in html


def test_cli_report_takes_titles_and_due_dates_from_an_assignment_folder(tmp_path):
    record_samples(tmp_path)
    folder = tmp_path / "private" / "backprop"
    folder.mkdir(parents=True)
    (folder / "assignment.toml").write_text(
        '[assignment]\ntitle = "Backprop (private copy)"\nmodule = "backprop"\n'
        'reference = "reference.backprop"\ndue = 2026-12-03T00:00:00Z\n', encoding="utf-8")
    args = ["report", str(tmp_path), "--assignment", str(folder)]
    before = CliRunner().invoke(main, [*args, "--now", "2026-12-02T23:00:00+00:00"])
    assert before.exit_code == 0, before.output
    html = (tmp_path / "reports/backprop/alice.html").read_text(encoding="utf-8")
    assert "<h1>Backprop (private copy)</h1>" in html and AFTER_DUE_SECRET not in html
    after = CliRunner().invoke(main, [*args, "--now", "2026-12-03T00:01:00+00:00"])
    assert after.exit_code == 0, after.output
    assert AFTER_DUE_SECRET in (tmp_path / "reports/backprop/alice.html").read_text("utf-8")


def test_class_summary_keeps_tests_sharing_a_name_apart():
    visible = Result("rejects_labels", 1, 1, "visible", "passed")
    hidden = Result("rejects_labels", 0, 2, "hidden", "failed")
    s = report.class_summary([RunResult("s", "a", "graded", (visible, hidden))], [],
                             report.AssignmentInfo("a", "A"))
    assert [(t.name, t.pass_rate, t.max_points) for t in s.tests] == [
        ("rejects_labels", 1.0, 1), ("rejects_labels#2", 0.0, 2)]
