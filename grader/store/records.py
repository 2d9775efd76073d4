"""RunResults made storable: text made UTF-8, not-run and crash records."""

from __future__ import annotations

import re
from dataclasses import replace

from grader.config import Assignment
from grader.models import RunResult, SubmissionStatus, TestResult
from grader.testing import TestCase

GRADER_CRASH = "the grader could not grade this entry"


def not_run(result: RunResult, tests: list[TestCase], notes: list[str], sha256: str) -> RunResult:
    """`result` with every test of the assignment listed (missing ones at 0, "not run")."""
    reason = "not run" if result.status == "graded" else (
        f"not run: {result.status.replace('_', ' ')}")
    have: dict[str, list[TestResult]] = {}
    for t in result.tests:  # a visible and a hidden test may share a name: keep both, in order
        have.setdefault(t.name, []).append(t)
    listed = [
        have[t.name].pop(0) if have.get(t.name) else TestResult(
            name=t.name, points=0.0, max_points=t.points, visibility=t.visibility,
            status="failed", message=reason,
        )
        for t in tests
    ]
    extra = tuple(t for left in have.values() for t in left)
    return replace(result, tests=(*listed, *extra),
                   warnings=(*result.warnings, *notes), sha256=result.sha256 or sha256)


_SURROGATE = re.compile("[\ud800-\udfff]")


def text(value: str) -> str:
    """`value` with lone surrogates (undecodable file-name bytes, "\\ud800" from student code)
    replaced by U+FFFD, so it can be stored as UTF-8."""
    return _SURROGATE.sub("\ufffd", value)


def storable(result: RunResult) -> RunResult:
    """`result` with every string made valid UTF-8 (student code can return lone surrogates)."""
    tests = tuple(replace(t, name=text(t.name), message=text(t.message),
                          mistake=None if t.mistake is None else text(t.mistake),
                          traceback=text(t.traceback)) for t in result.tests)
    plots = tuple(replace(p, name=text(p.name), title=text(p.title), note=text(p.note))
                  for p in result.plots)
    return replace(result, student=text(result.student), tests=tests, message=text(result.message),
                   isolation=text(result.isolation), output=text(result.output),
                   sha256=text(result.sha256), warnings=tuple(text(w) for w in result.warnings),
                   plots=plots)


def failed(student: str, assignment: Assignment, status: SubmissionStatus,
           message: str) -> RunResult:
    return RunResult(student=student, assignment=assignment.name, status=status, tests=(),
                     message=message)
