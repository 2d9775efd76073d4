"""Feedback pages from the gradebook: per student (HTML + Markdown), a class summary, an index.

Rendering never regrades: it reads RunResult/Grade records and applies the visibility rules.
A test's message, named mistake and traceback are shown according to its visibility:
"visible" always; "hidden" never (its name, status and points are shown with a neutral note,
and its named mistake with the fix hint, and its trajectory hint (what differs in an iterative
run, never where or with which values), unless the assignment sets show_hidden_mistakes = false);
"after_due" only once `now` is past the assignment's due date (no due date: withheld).
The student's captured output is shown only when no test's details are withheld, since a
submission can print the inputs a hidden test handed to it.

All student-controlled text (messages, tracebacks, output, warnings) is escaped: autoescaping
in the HTML templates, fenced code blocks in the Markdown.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import jinja2

import grader
from grader.config import ConfigError, load_assignment
from grader.models import Grade, Plot, RunResult, TestResult
from grader.paths import assignments_dir, templates_dir
from grader.report.sheets import keyed_tests
from grader.store.gradebook import Gradebook

HIDDEN_NOTE = "This is a hidden test: its details are not shown."
AFTER_DUE_NOTE = "Details of this test are shown after the due date{due}."


class GradebookLike(Protocol):
    """What rendering needs from grader.store.gradebook.Gradebook."""

    def assignments(self) -> list[str]: ...
    def run_results(self, assignment: str | None = None) -> list[RunResult]: ...
    def grades(self, assignment: str | None = None) -> list[Grade]: ...
    def graded_with(self, assignment: str) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class AssignmentInfo:
    """What a page says about the assignment: its title and due date (for 'after_due')."""

    name: str
    title: str
    due: datetime | None = None
    calendar: str = ""
    """For the class summary: the due date's source and where submission times came from
    (a batch that fell back to file times says so)."""
    show_hidden_mistakes: bool = False
    """A withheld test's named mistake is shown (assignment.toml's show_hidden_mistakes, on by
    default, as the batch recorded it; off when nothing recorded that the instructor allows it)."""


@dataclass(frozen=True)
class TestView:
    """One test as a student may see it."""

    test: TestResult
    shown: bool
    """Whether the message, mistake and traceback may be shown."""
    note: str
    """The neutral note replacing the details when they are withheld ('' when shown)."""
    hint: str = ""
    """A withheld test's named mistake and fix hint, when the assignment shows them: a name
    and a hint hold none of the test's inputs or expected values ('' otherwise)."""
    trajectory: str = ""
    """A withheld test's trajectory hint on the same terms (TestResult.trajectory: what
    differs in the run, never where or with which values)."""


@dataclass(frozen=True)
class StudentPage:
    """Everything one student's feedback page shows."""

    info: AssignmentInfo
    run: RunResult
    raw_score: float
    late_penalty: float
    score: float
    max_score: float
    submitted_at: str | None
    tests: tuple[TestView, ...]
    show_output: bool
    now: datetime
    grader_version: str
    figures: tuple[FigureView, ...] = ()
    """The assignment's pictures: the student's values beside the reference's (public inputs
    only, so shown whatever the tests' visibility)."""


@dataclass(frozen=True)
class FigureView:
    """One picture as the page shows it."""

    title: str
    uri: str
    """The image as a data URI ('' when it could not be drawn)."""
    note: str
    """Why the student's values are missing, or why there is no picture."""


def assignment_info(name: str, recorded: dict[str, Any] | None = None) -> AssignmentInfo:
    """Title and due date as the results folder recorded them when it was graded
    (grader.store.gradebook.Gradebook.graded_with); for a folder graded before that was recorded,
    the bundled assignment of that name (never a same-named folder in the current directory);
    else just the name."""
    if recorded:
        due = recorded.get("due")
        moment = datetime.fromisoformat(due) if isinstance(due, str) else None
        extensions = len(recorded.get("extensions") or {})
        extra = f", {extensions} extension(s)" if extensions else ""
        when = (f"Due {moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC (from "
                f"{recorded.get('due_source', '?')}{extra})" if moment else "No due date")
        times = recorded.get("times_described", "")
        calendar = f"{when}; submission times: {times}." if moment else f"{when}."
        if recorded.get("times") == "mtime" and moment:
            calendar += (" These are file modification times, which copying or downloading "
                         "resets: give the real times with --timestamps if this class was not "
                         "graded from the files as submitted.")
        return AssignmentInfo(name=name, title=str(recorded.get("title") or name), due=moment,
                              calendar=calendar,
                              show_hidden_mistakes=recorded.get("show_hidden_mistakes") is True)
    try:
        folder = assignments_dir() / name
        found = load_assignment(folder) if (folder / "assignment.toml").is_file() else None
    except (ConfigError, FileNotFoundError):
        found = None
    if found is None:
        return AssignmentInfo(name=name, title=name)
    return AssignmentInfo(name=name, title=found.title, due=found.due,
                          show_hidden_mistakes=found.show_hidden_mistakes)


def details_shown(test: TestResult, *, due: datetime | None, now: datetime) -> bool:
    """The visibility rule: may the student see this test's message?"""
    if test.visibility == "visible":
        return True
    if test.visibility == "after_due":
        return due is not None and _aware(now) > _aware(due)
    return False


def _aware(moment: datetime) -> datetime:
    """Naive date-times are taken as UTC, as in assignment.toml."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def test_view(test: TestResult, *, due: datetime | None, now: datetime,
              show_mistakes: bool = False) -> TestView:
    """How a student sees `test`; with `show_mistakes` a withheld test keeps its named mistake
    (the hint) and its trajectory hint, never its message, traceback or values."""
    if details_shown(test, due=due, now=now):
        return TestView(test, True, "")
    told = show_mistakes and test.points < test.max_points
    hint, trajectory = (test.mistake or "", test.trajectory) if told else ("", "")
    if test.visibility == "after_due":
        when = f" ({due.astimezone(UTC):%Y-%m-%d %H:%M} UTC)" if due else ""
        return TestView(test, False, AFTER_DUE_NOTE.format(due=when), hint, trajectory)
    return TestView(test, False, HIDDEN_NOTE, hint, trajectory)


def student_page(
    run: RunResult, grade: Grade | None, info: AssignmentInfo, *, now: datetime
) -> StudentPage:
    """Apply the visibility rules and the late policy's outcome to one submission."""
    now = _aware(now).astimezone(UTC)
    views = tuple(test_view(t, due=info.due, now=now, show_mistakes=info.show_hidden_mistakes)
                  for t in run.tests)
    return StudentPage(
        info=info,
        run=run,
        raw_score=grade.raw_score if grade else run.score,
        late_penalty=grade.late_penalty if grade else 0.0,
        score=grade.score if grade else run.score,
        max_score=grade.max_score if grade and grade.max_score else run.max_score,
        submitted_at=grade.submitted_at if grade else None,
        tests=views,
        show_output=all(v.shown for v in views),
        now=now,
        grader_version=grader.__version__,
        figures=tuple(figure_view(plot) for plot in run.plots),
    )


def figure_view(plot: Plot) -> FigureView:
    """A Plot drawn; values that cannot be drawn cost the picture only, never the page."""
    from grader.report import plots  # matplotlib: only when a page has pictures

    try:
        uri = plots.comparison(plot)
    except Exception as exc:  # the student's values may be anything finite-or-NaN
        return FigureView(plot.title, "", f"this picture could not be drawn ({type(exc).__name__})")
    return FigureView(plot.title, uri, plot.note)


# ---- templates ---------------------------------------------------------------------------


def fmt_points(value: float) -> str:
    """2.0 -> '2', 1.5 -> '1.5', 2/3 -> '0.67'."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value == value else "-"


def fmt_seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 100 else f"{value / 60:.1f} min"


def md_fence(text: str, lang: str = "text") -> str:
    """A fenced code block that the text cannot close, whatever backticks it holds."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}"


def md_escape(text: str) -> str:
    """Inline text with Markdown and HTML metacharacters escaped."""
    return re.sub(r"([\\`*_{}\[\]#|<>~])", r"\\\1", " ".join(text.split()))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=lambda name: name is not None and ".html" in name,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(points=fmt_points, seconds=fmt_seconds, fence=md_fence, md=md_escape)
    return env


def render_student_html(page: StudentPage, env: jinja2.Environment | None = None) -> str:
    return (env or environment()).get_template("report/student.html.j2").render(p=page)


def render_student_markdown(page: StudentPage, env: jinja2.Environment | None = None) -> str:
    return (env or environment()).get_template("report/student.md.j2").render(p=page)


# ---- class summary -----------------------------------------------------------------------


@dataclass(frozen=True)
class TestStats:
    name: str
    max_points: float
    pass_rate: float
    mean_points: float


@dataclass(frozen=True)
class ClassSummary:
    info: AssignmentInfo
    students: int
    graded: int
    mean_percent: float
    median_percent: float
    histogram: str
    """Data URI of the score histogram."""
    pass_rates: str
    """Data URI of the per-test pass-rate chart ('' when no test ran)."""
    tests: tuple[TestStats, ...]
    mistakes: tuple[tuple[str, str, int], ...]
    """(the tests that named it, named mistake, students), most common first: a student whose
    mistake several tests name counts once."""
    slowest: tuple[RunResult, ...]
    problems: dict[str, list[str]]
    """Submission status other than 'graded' -> students."""
    test_problems: tuple[tuple[str, str, str], ...]
    """(student, test, status) for tests that broke ('error') or timed out."""
    isolation: tuple[tuple[str, int], ...] = ()
    """(isolation level, submissions) for the instructor; student pages do not show it."""


def class_summary(
    runs: Sequence[RunResult], grades: Sequence[Grade], info: AssignmentInfo, *, slowest: int = 10
) -> ClassSummary:
    from grader.report import plots  # matplotlib: only when a summary is drawn

    by_student = {g.student: g for g in grades}
    percents = []
    for run in runs:
        grade = by_student.get(run.student)
        score, top = (grade.score, grade.max_score) if grade else (run.score, run.max_score)
        percents.append(100.0 * score / top if top > 0 else 0.0)
    graded = [r for r in runs if r.status == "graded"]
    per_test: dict[str, list[TestResult]] = defaultdict(list)
    for run in graded:
        for key, t in keyed_tests(run).items():
            per_test[key].append(t)
    tests = tuple(
        TestStats(
            name,
            max(t.max_points for t in results),
            sum(t.status == "passed" for t in results) / len(results),
            statistics.fmean(t.points for t in results),
        )
        for name, results in per_test.items()
    )
    named: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for run in runs:
        for t in run.tests:
            if t.mistake:
                named[t.mistake][0].add(t.name)
                named[t.mistake][1].add(run.student)
    mistakes = sorted(((", ".join(sorted(tests)), mistake, len(students))
                       for mistake, (tests, students) in named.items()), key=lambda m: -m[2])
    problems: dict[str, list[str]] = defaultdict(list)
    for run in runs:
        if run.status != "graded":
            problems[run.status].append(run.student)
    return ClassSummary(
        info=info,
        students=len(runs),
        graded=len(graded),
        mean_percent=statistics.fmean(percents) if percents else 0.0,
        median_percent=statistics.median(percents) if percents else 0.0,
        histogram=plots.score_histogram(percents),
        pass_rates=plots.pass_rate_bars([t.name for t in tests], [t.pass_rate for t in tests])
        if tests else "",
        tests=tests,
        mistakes=tuple(mistakes),
        slowest=tuple(sorted(runs, key=lambda r: -r.duration)[:slowest]),
        problems=dict(sorted(problems.items())),
        test_problems=tuple(
            (r.student, t.name, t.status)
            for r in runs for t in r.tests if t.status in ("error", "timeout")
        ),
        isolation=tuple(Counter(r.isolation or "unknown" for r in runs).most_common()),
    )


def render_summary_html(summary: ClassSummary, env: jinja2.Environment | None = None) -> str:
    return (env or environment()).get_template("report/summary.html.j2").render(s=summary)


# ---- everything, from the gradebook ------------------------------------------------------


def page_name(student: str) -> str:
    """A file name for a student id that cannot leave the reports folder. Ids that need
    changing get a hash suffix, so two ids never share a page ("a b" vs "a_b")."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", student).lstrip(".")
    if safe == student and safe:
        return safe
    return f"{safe or '_'}-{hashlib.sha256(student.encode()).hexdigest()[:8]}"


def write_reports(
    book: GradebookLike, reports_dir: Path, *, now: datetime,
    infos: dict[str, AssignmentInfo] | None = None,
) -> Path:
    """Render every page for every assignment in `book` into `reports_dir`; return index.html."""
    env = environment()
    now = _aware(now).astimezone(UTC)
    listing = []
    for name in sorted(book.assignments()):
        info = (infos or {}).get(name) or assignment_info(name, book.graded_with(name))
        runs = sorted(book.run_results(name), key=lambda r: r.student)
        grades = book.grades(name)
        by_student = {g.student: g for g in grades}
        folder = reports_dir / page_name(name)
        folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for run in runs:
            page = student_page(run, by_student.get(run.student), info, now=now)
            stem = page_name(run.student)
            (folder / f"{stem}.html").write_text(render_student_html(page, env), encoding="utf-8")
            (folder / f"{stem}.md").write_text(render_student_markdown(page, env), encoding="utf-8")
            entries.append((page, f"{folder.name}/{stem}.html", f"{folder.name}/{stem}.md"))
        summary = class_summary(runs, grades, info)
        (folder / "summary.html").write_text(render_summary_html(summary, env), encoding="utf-8")
        listing.append((info, f"{folder.name}/summary.html", entries))
    index = reports_dir / "index.html"
    index.write_text(
        env.get_template("report/index.html.j2").render(listing=listing, now=now),
        encoding="utf-8",
    )
    return index


def render_all(
    results_dir: Path, *, now: datetime | None = None, assignments: Sequence[Path] = ()
) -> Path:
    """Re-render results_dir/reports/ from results_dir/gradebook.sqlite; return the index page.

    Titles and due dates come from the bundled assignments, or from the `assignments` folders
    given (e.g. a private checkout of the hidden tests in CI).
    """

    results_dir = Path(results_dir)
    path = results_dir / "gradebook.sqlite"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no gradebook here; run `grader grade` first")
    infos = {}
    for folder in assignments:
        spec = load_assignment(Path(folder))
        infos[spec.name] = AssignmentInfo(spec.name, spec.title, spec.due)
    when = now or datetime.now(UTC)
    with Gradebook(path) as book:
        return write_reports(book, results_dir / "reports", now=when, infos=infos)
