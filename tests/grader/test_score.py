"""score: raw points, the late policy table, never below 0."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.config import Assignment, LatePolicy
from grader.late import days_late, score
from grader.models import Grade, RunResult
from grader.models import TestResult as TResult  # not "Test*": pytest would collect it

pytestmark = pytest.mark.dates

DUE = datetime(2026, 12, 1, 23, 59, tzinfo=UTC)
POLICY = LatePolicy(grace_minutes=15, penalty_per_day=0.125, max_days_late=3)


def assignment(policy: LatePolicy = POLICY, due: datetime | None = DUE) -> Assignment:
    return Assignment(name="perceptron", folder=Path("/a"), title="P", module="perceptron",
                      reference="reference.perceptron", due=due, late_policy=policy)


def result(points: tuple[float, ...] = (2.0, 0.0, 1.5), maxima: tuple[float, ...] = (2, 2, 4),
           status: str = "graded") -> RunResult:
    tests = tuple(
        TResult(name=f"t{i}", points=p, max_points=m, visibility="hidden",
                   status="passed" if p == m else "failed")
        for i, (p, m) in enumerate(zip(points, maxima, strict=True))
    )
    return RunResult(student="alice", assignment="perceptron", status=status,  # type: ignore[arg-type]
                     tests=tests)


@pytest.mark.parametrize(
    ("late", "penalty", "final"),
    [
        (None, 0.0, 3.5),                                  # no timestamp: never late
        (timedelta(hours=-5), 0.0, 3.5),                   # early
        (timedelta(0), 0.0, 3.5),                          # exactly on time
        (timedelta(minutes=15), 0.0, 3.5),                 # last second of the grace period
        (timedelta(minutes=15, seconds=1), 1.0, 2.5),      # 1 started day: 0.125 * 8
        (timedelta(hours=24), 1.0, 2.5),                   # exactly one day
        (timedelta(hours=25), 2.0, 1.5),                   # 2 started days
        (timedelta(days=2, hours=1), 3.0, 0.5),            # 3 started days
        (timedelta(days=3), 3.0, 0.5),                     # exactly at the cut-off
        (timedelta(days=3, seconds=1), 3.5, 0.0),          # past the cut-off: 0
    ],
)
def test_score_late_policy_table(late: timedelta | None, penalty: float, final: float) -> None:
    submitted = None if late is None else DUE + late
    grade = score(result(), assignment(), submitted)
    assert grade == Grade(
        student="alice", assignment="perceptron", status="graded", raw_score=3.5, max_score=8.0,
        late_penalty=penalty, score=final,
        submitted_at=None if submitted is None else submitted.isoformat(),
    )


def test_score_penalty_never_exceeds_raw_score() -> None:
    grade = score(result((1.0, 0.0, 0.0)), assignment(), DUE + timedelta(days=2, hours=1))
    assert (grade.raw_score, grade.late_penalty, grade.score) == (1.0, 1.0, 0.0)


def test_score_no_due_date_never_late() -> None:
    grade = score(result(), assignment(due=None), DUE + timedelta(days=30))
    assert (grade.late_penalty, grade.score) == (0.0, 3.5)


def test_score_no_cutoff_keeps_deducting() -> None:
    policy = LatePolicy(grace_minutes=0, penalty_per_day=0.25, max_days_late=None)
    grade = score(result((8.0,), (8.0,)), assignment(policy), DUE + timedelta(days=3, hours=2))
    assert (grade.late_penalty, grade.score) == (8.0, 0.0)
    grade = score(result((8.0,), (8.0,)), assignment(policy), DUE + timedelta(hours=30))
    assert (grade.late_penalty, grade.score) == (4.0, 4.0)


def test_score_naive_timestamp_is_utc_and_other_zones_compare_correctly() -> None:
    naive = datetime(2026, 12, 2, 0, 10)  # 11 minutes late, within grace
    assert score(result(), assignment(), naive).submitted_at == "2026-12-02T00:10:00+00:00"
    assert score(result(), assignment(), naive).late_penalty == 0.0
    berlin = timezone(timedelta(hours=1))
    on_time_there = datetime(2026, 12, 2, 1, 0, tzinfo=berlin)  # 00:00 UTC
    assert score(result(), assignment(), on_time_there).late_penalty == 0.0
    late_there = datetime(2026, 12, 2, 1, 30, tzinfo=berlin)  # 31 min late
    assert score(result(), assignment(), late_there).late_penalty == 1.0


def test_score_keeps_status_of_failed_submissions() -> None:
    grade = score(result((0.0, 0.0), (2.0, 3.0), status="syntax_error"), assignment(), None)
    assert (grade.status, grade.raw_score, grade.max_score, grade.score) == (
        "syntax_error", 0.0, 5.0, 0.0)


def test_score_rounds_points_for_the_sheet() -> None:
    policy = LatePolicy(penalty_per_day=0.1)
    grade = score(result((1.0, 2.0), (3.0, 3.0)), assignment(policy), DUE + timedelta(hours=30))
    # 2 days * 0.1 * 6 is 1.2000000000000002 in floating point
    assert (grade.raw_score, grade.late_penalty, grade.score) == (3.0, 1.2, 1.8)
    partial = score(result((0.1, 0.2), (1.0, 1.0)), assignment(), None)  # 0.30000000000000004
    assert (partial.raw_score, partial.score) == (0.3, 0.3)


def test_days_late_counts_started_days() -> None:
    policy = LatePolicy(grace_minutes=0)
    assert [days_late(DUE + timedelta(hours=h), DUE, policy) for h in (-1, 0, 1, 24, 24.5, 49)] \
        == [0, 0, 1, 1, 2, 3]


@settings(max_examples=60, deadline=None)
@given(
    points=st.lists(st.tuples(st.floats(0, 10), st.floats(0, 10)), min_size=0, max_size=6),
    minutes_late=st.floats(-1e4, 1e5),
    grace=st.floats(0, 120),
    per_day=st.floats(0, 2),
    cutoff=st.one_of(st.none(), st.floats(0, 30)),
)
def test_score_always_between_zero_and_raw(
    points: list[tuple[float, float]], minutes_late: float, grace: float, per_day: float,
    cutoff: float | None,
) -> None:
    earned = tuple(min(p, m) for p, m in points)
    maxima = tuple(m for _, m in points)
    policy = LatePolicy(grace_minutes=grace, penalty_per_day=per_day, max_days_late=cutoff)
    grade = score(result(earned, maxima), assignment(policy), DUE + timedelta(minutes=minutes_late))
    assert 0.0 <= grade.score <= grade.raw_score <= grade.max_score + 1e-9
    assert grade.late_penalty >= 0.0
    assert grade.score == pytest.approx(grade.raw_score - grade.late_penalty)
    if minutes_late <= grace:
        assert grade.score == grade.raw_score

