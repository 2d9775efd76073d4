"""Score: a RunResult plus the late policy gives a Grade. Pure: no I/O, no clock.

Lateness is measured from the due date. Within `grace_minutes` of it nothing is deducted;
after that, `penalty_per_day` of the maximum score is deducted for every started day
(so 25 hours late is 2 days). Later than `max_days_late` days scores 0. The deduction never
exceeds the raw score, so the final score is never below 0. A submission without a timestamp,
or an assignment without a due date, is never late. Points are rounded to DIGITS decimals, so a
sheet shows 1.8 rather than 1.7999999999999998.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from grader.config import Assignment, LatePolicy
from grader.models import Grade, RunResult

_DAY = timedelta(days=1)
DIGITS = 6


def days_late(submitted_at: datetime, due: datetime, policy: LatePolicy) -> int:
    """Started days late after the grace period (0 when on time or within grace)."""
    late = _aware(submitted_at) - _aware(due)
    if late <= timedelta(minutes=policy.grace_minutes):
        return 0
    return math.ceil(late / _DAY)


def late_penalty(raw_score: float, max_score: float, submitted_at: datetime | None,
                 due: datetime | None, policy: LatePolicy) -> float:
    """Points deducted from `raw_score` for lateness, in [0, raw_score]."""
    if submitted_at is None or due is None or raw_score <= 0:
        return 0.0
    days = days_late(submitted_at, due, policy)
    if days == 0:
        return 0.0
    late = _aware(submitted_at) - _aware(due)
    if policy.max_days_late is not None and late > policy.max_days_late * _DAY:
        return raw_score
    return min(raw_score, days * policy.penalty_per_day * max_score)


_ASSIGNMENT_DUE: Any = object()


def score(result: RunResult, assignment: Assignment, submitted_at: datetime | None, *,
          due: datetime | None = _ASSIGNMENT_DUE) -> Grade:
    """The Grade for `result`: raw points, the late deduction and the final score.

    `due` is this student's due date (an extension, or a term calendar's date); by default the
    assignment's own.
    """
    if due is _ASSIGNMENT_DUE:
        due = assignment.due
    raw = round(result.score, DIGITS)
    maximum = round(result.max_score, DIGITS)
    penalty = round(late_penalty(raw, maximum, submitted_at, due, assignment.late_policy), DIGITS)
    return Grade(
        student=result.student,
        assignment=result.assignment,
        status=result.status,
        raw_score=raw,
        max_score=maximum,
        late_penalty=penalty,
        score=max(0.0, round(raw - penalty, DIGITS)),
        submitted_at=None if submitted_at is None else _aware(submitted_at).isoformat(),
    )


def _aware(moment: datetime) -> datetime:
    """Naive timestamps are taken as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
