"""Hand-built gradebook records for the report and export tests (and their golden files).

They cover what the pages must handle: a visible failure with a named mistake and a traceback,
a hidden test, an 'after_due' test, partial credit, a late penalty, a syntax error, a skipped
notebook cell, student text that tries to inject HTML/Markdown, and a second assignment.
"""

from __future__ import annotations

from datetime import UTC, datetime

from grader.models import Grade, RunResult, TestResult
from grader.report.pages import AssignmentInfo

DUE = datetime(2026, 12, 1, 23, 59, tzinfo=UTC)
BEFORE_DUE = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
AFTER_DUE = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)

INFOS = {
    "backprop": AssignmentInfo("backprop", "Losses, softmax and backpropagation", DUE),
    "perceptron": AssignmentInfo("perceptron", "Perceptron learning and convergence", DUE),
}

HIDDEN_SECRET = "hidden-test input X = [[0.25, -1.5]]"
AFTER_DUE_SECRET = "after-due detail: W[1, 2] should be 0.125"


def _t(name: str, points: float, max_points: float, visibility: str = "visible",
       status: str = "passed", **kw: object) -> TestResult:
    return TestResult(name=name, points=points, max_points=max_points,
                      visibility=visibility, status=status, **kw)  # type: ignore[arg-type]


ALICE = RunResult(
    student="alice",
    assignment="backprop",
    status="graded",
    tests=(
        _t("softmax_rows_sum_to_one", 2, 2, duration=0.012),
        _t("hinge_loss_gradient", 0, 3, status="failed",
           message=("dW: 3 of 12 entries differ; worst at [2, 0]: got 0.418, expected 0.209. "
                    "Looks like 2·reg·W is missing its factor 2."),
           mistake="factor 2 in the regulariser", duration=0.25),
        _t("softmax_loss_matches_reference", 0, 3, "hidden", "failed",
           message=HIDDEN_SECRET, mistake="no max-shift in softmax",
           traceback="File \"backprop.py\", line 3, in softmax\nOverflowError", duration=0.1),
        _t("mlp_grads_numerical", 1.5, 2, "after_due", "failed",
           message=AFTER_DUE_SECRET, duration=1.5),
    ),
    isolation="bubblewrap",
    output="debug: W shape (3, 4)\n",
    duration=3.2,
    peak_memory_kb=204800,
    sha256="a" * 64,
)

BOB = RunResult(
    student="bob",
    assignment="backprop",
    status="graded",
    tests=(
        _t("softmax_rows_sum_to_one", 0, 2, status="failed",
           message="softmax(Z) raised ValueError: <script>alert('x')</script> ``` **bold**",
           traceback=("Traceback (most recent call last):\n  File \"backprop.py\", line 7, "
                      "in softmax\n    raise ValueError(\"<script>alert('x')</script>\")\n"
                      "ValueError: <script>alert('x')</script>"), duration=0.01),
        _t("hinge_loss_gradient", 3, 3, duration=0.2),
        _t("softmax_loss_matches_reference", 3, 3, "hidden", duration=0.1),
        _t("mlp_grads_numerical", 2, 2, "after_due", duration=1.1),
    ),
    isolation="bubblewrap",
    output="",
    duration=2.1,
    peak_memory_kb=190000,
    warnings=("cell 4 raised NameError: name 'plt' is not defined; it was skipped",),
)

CAROL = RunResult(
    student="carol",
    assignment="backprop",
    status="syntax_error",
    tests=(),
    message=("SyntaxError: invalid syntax (backprop.py, line 12)\n"
             "    def softmax(Z)\n                 ^"),
    isolation="bubblewrap",
    duration=0.4,
)

DAVE_P = RunResult(
    student="dave",
    assignment="perceptron",
    status="graded",
    tests=(
        _t("add_bias_appends_ones_last", 1, 1, duration=0.01),
        _t("train_perceptron_matches_reference", 2, 4, "hidden", "failed", message="x",
           mistake="`<` instead of `<=`"),
    ),
    isolation="rlimit-subprocess",
    duration=1.0,
)

ALICE_P = RunResult(
    student="alice",
    assignment="perceptron",
    status="graded",
    tests=(
        _t("add_bias_appends_ones_last", 1, 1),
        _t("train_perceptron_matches_reference", 4, 4, "hidden"),
    ),
    isolation="bubblewrap",
    duration=0.8,
)

RUNS = (ALICE, BOB, CAROL, DAVE_P, ALICE_P)

GRADES = (
    Grade("alice", "backprop", "graded", raw_score=3.5, max_score=10, late_penalty=1.0,
          score=2.5, submitted_at="2026-12-02T10:00:00+00:00"),
    Grade("bob", "backprop", "graded", raw_score=8, max_score=10, late_penalty=0, score=8,
          submitted_at="2026-11-29T08:00:00+00:00"),
    Grade("carol", "backprop", "syntax_error", raw_score=0, max_score=10, late_penalty=0,
          score=0),
    Grade("dave", "perceptron", "graded", raw_score=3, max_score=5, late_penalty=0, score=3),
    Grade("alice", "perceptron", "graded", raw_score=5, max_score=5, late_penalty=0, score=5),
)


class MemoryGradebook:
    """The read side of grader.store.gradebook.Gradebook, over records held in memory."""

    def __init__(self, runs: tuple[RunResult, ...] = RUNS,
                 grades: tuple[Grade, ...] = GRADES) -> None:
        self._runs = runs
        self._grades = grades

    def assignments(self) -> list[str]:
        return sorted({r.assignment for r in self._runs})

    def run_results(self, assignment: str | None = None) -> list[RunResult]:
        return [r for r in self._runs if assignment in (None, r.assignment)]

    def grades(self, assignment: str | None = None) -> list[Grade]:
        return [g for g in self._grades if assignment in (None, g.assignment)]

    def graded_with(self, assignment: str) -> dict[str, object] | None:
        return None  # graded before results folders recorded their assignment
