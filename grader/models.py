"""The records that flow between pipeline stages. Frozen, typed, serialisable with asdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from grader.deadlines import MTIME_WARNING, Deadline, TimeSource

Visibility = Literal["visible", "hidden", "after_due"]
"""visible: shown to students before and after grading (and shipped in the release);
hidden: the test's name and points are shown, its message is not;
after_due: like hidden until the due date has passed, then like visible."""

TestStatus = Literal["passed", "failed", "error", "timeout"]
"""passed: full points; failed: a check failed or the student's code raised;
error: the test itself broke (a grader/test bug, flagged for the instructor);
timeout: the student's code exceeded the per-call or the submission budget."""

SubmissionStatus = Literal[
    "graded", "no_submission", "invalid_submission", "syntax_error", "import_error",
    "timeout", "crashed",
]


@dataclass(frozen=True)
class Submission:
    """One student's code for one assignment, extracted from a .py, .ipynb or .zip."""

    student: str
    """Student identifier: the folder name or the file stem in the submissions folder."""
    assignment: str
    """Assignment name (the folder name under assignments/)."""
    path: str
    """The file the code came from (for messages)."""
    kind: Literal["py", "ipynb"]
    """What the code came from (a .zip is unpacked to one of these)."""
    cells: tuple[str, ...]
    """Code units run in order in one namespace: one for a .py, one per code cell of a notebook."""
    sha256: str
    """Hash of the submitted bytes: an unchanged file is not regraded."""


@dataclass(frozen=True)
class TestResult:
    """The outcome of one test on one submission. Produced in the trusted process only."""

    __test__ = False  # not a pytest test class

    name: str
    """The test's name (function name unless the decorator gives one)."""
    points: float
    """Points earned."""
    max_points: float
    """Points available."""
    visibility: Visibility
    """Who may see the message (see Visibility)."""
    status: TestStatus
    """See TestStatus."""
    message: str = ""
    """Student-facing explanation: what was checked, expected vs got, worst entry, what to try."""
    mistake: str | None = None
    """A named typical mistake, when the checks recognised one (e.g. 'missing 1/N')."""
    traceback: str = ""
    """The student's own traceback frames only, when their code raised."""
    trajectory: str = ""
    """Where an iterative run goes wrong, in words that hold none of the test's inputs or
    values (grader.run.trajectory: what differs, not where): a withheld test's page shows it
    like its mistake; the full sentence, with the run's values, is in `message`."""
    duration: float = 0.0
    """Seconds spent in this test."""

    @property
    def unsaid_mistake(self) -> str:
        """The named mistake when the message does not already say it ("Looks like ..." from
        grader.checks.failure), else '': what a report or `grader check` adds on a line of
        its own, so a student reads the mistake once."""
        return self.mistake if self.mistake and self.mistake not in self.message else ""


@dataclass(frozen=True)
class RunResult:
    """All tests of one submission, plus how the submission was run."""

    student: str
    assignment: str
    status: SubmissionStatus
    """'graded' when tests ran (even if all failed), else why they could not run."""
    tests: tuple[TestResult, ...]
    message: str = ""
    """Submission-level explanation (e.g. the syntax error and its line)."""
    isolation: str = ""
    """The sandbox level used, e.g. 'bubblewrap' or 'rlimit-subprocess'."""
    output: str = ""
    """The student's captured stdout/stderr, capped. Never parsed."""
    duration: float = 0.0
    peak_memory_kb: int = 0
    sha256: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    """Non-fatal problems, e.g. a notebook cell that raised and was skipped."""
    plots: tuple[Plot, ...] = field(default_factory=tuple)
    """The assignment's pictures (assignments/<a>/plots.py) with this submission's values."""

    @property
    def score(self) -> float:
        return sum(t.points for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_points for t in self.tests)


PlotKind = Literal["curve", "boundary", "path"]
"""curve: y over x (the student's beside the reference's and an optional target);
boundary: a linear decision boundary w·(x1, x2, 1) = 0 over labelled points;
path: a sequence of points in the plane (an optimizer's trajectory)."""


@dataclass(frozen=True)
class Plot:
    """One picture of a function's output on DECLARED PUBLIC inputs (grader.run.figures): the
    student's values beside the reference's. Values only; drawn by grader.report.plots."""

    name: str
    """The declaring function's name in plots.py."""
    title: str
    kind: PlotKind
    reference: tuple[float, ...]
    """curve: y at each x; boundary: w (3,); path: the points, flattened (k, 2)."""
    student: tuple[float, ...] | None
    """The same from the student's code, or None when it has none (see `note`)."""
    x: tuple[float, ...] = ()
    """curve: the abscissae."""
    target: tuple[float, ...] = ()
    """curve: the function being approximated, when there is one."""
    points: tuple[float, ...] = ()
    """boundary: the data, flattened (n, 3) rows of (x1, x2, label)."""
    note: str = ""
    """Why the student's values are missing or were cut ('' when they are drawn)."""


@dataclass(frozen=True)
class Grade:
    """The score after policy (late penalty) for one student and assignment."""

    student: str
    assignment: str
    status: SubmissionStatus
    raw_score: float
    max_score: float
    late_penalty: float
    """Points deducted for lateness (>= 0)."""
    score: float
    """raw_score - late_penalty, never below 0."""
    submitted_at: str | None = None
    """ISO timestamp of the submission, when known."""


@dataclass(frozen=True)
class Call:
    """The outcome of one call into the student's code (grader.sandbox.inside.invoke,
    grader.sandbox.calls), whichever
    runner made it: the sandboxed worker or the in-process runner for trusted code."""

    value: Any
    """What the function returned, as plain values (see grader.sandbox.inside.codec); values that
    stay in
    the sandbox are grader.sandbox.inside.codec.Handle objects."""
    args: tuple[Any, ...]
    """The positional arguments as they were after the call (a function may modify them)."""
    kwargs: dict[str, Any]
    """The keyword arguments as they were after the call."""
    seconds: float
    """Wall-clock seconds the function ran (in the worker; the channel not counted)."""
    warnings: tuple[str, ...] = ()
    """Warnings the call emitted, as 'Category: text' (e.g. numpy's 'RuntimeWarning: overflow
    encountered in exp'): every one, numpy's floating-point problems included."""


@dataclass(frozen=True)
class Batch:
    """What one `run_batch` did (grader.batch.driver)."""

    grades: tuple[Grade, ...]
    """One per entry, sorted by student."""
    results: tuple[RunResult, ...]
    """The matching RunResults, same order."""
    regraded: int
    """Entries run now (the rest were unchanged and reused from the gradebook)."""
    seconds: float
    deadline: Deadline = field(default_factory=lambda: Deadline.own(None))
    """The due date the batch was scored against, and the extensions."""
    times: TimeSource = field(default_factory=lambda: TimeSource("none", "not used"))
    """Where the submission times came from."""

    @property
    def late(self) -> int:
        """Entries that lost points to lateness."""
        return sum(1 for g in self.grades if g.late_penalty > 0)

    def notices(self) -> list[str]:
        """What an instructor must hear about the calendar of this batch."""
        found: list[str] = []
        if self.deadline.due is not None and self.times.guessed:
            found.append(f"note: {MTIME_WARNING}.")
        submitted = [g for g in self.grades if g.status != "no_submission"]
        if submitted and self.late * 5 > len(submitted):
            found.append(
                f"WARNING: {self.late} of {len(submitted)} submissions are late "
                f"({self.deadline.describe()}; times from {self.times.described}). If that is "
                "not what happened, give the real submission times (--timestamps FILE.csv, "
                "--times gradescope|git), the right due date (--due / --course), or "
                "--times none, and re-run: unchanged files are only re-scored.")
        return found
