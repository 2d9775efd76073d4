"""What several `grader` verbs share: the student-build check and the calendar options."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from grader.config import Assignment


def require_reference(assignment: Assignment) -> None:
    """Stop an instructor verb on the student build, where the assignment's reference module
    is not installed, with the reason (grader.paths.student_build_lacks)."""
    from grader.paths import student_build_lacks

    lacking = student_build_lacks(assignment.reference)
    if lacking:
        raise click.ClickException(f"{assignment.folder}: {lacking}")


def calendar_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--due / --course: the due date of this run (grader.deadlines)."""
    function = click.option(
        "--course", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="A term calendar (course.toml: [term] start, [due] days after it or date-times) "
             "that gives this assignment's due date.")(function)
    return click.option(
        "--due", metavar="ISO-DATETIME", default=None,
        help="The due date, with its zone (e.g. 2027-02-14T23:59:00-05:00). Overrides "
             "--course and the assignment's own due date (bundled assignments have none)."
    )(function)


def with_due(assignment: Assignment, due: str | None, course: Path | None) -> tuple[
        Assignment, str]:
    """`assignment` with the due date of this run, and where that date came from."""
    from dataclasses import replace

    from grader.deadlines import Deadline, DeadlineError, parse_moment, read_course

    try:
        if due is not None:
            return replace(assignment, due=parse_moment(due, "--due")), "--due"
        if course is not None:
            return (replace(assignment, due=read_course(course).due_of(assignment.name)),
                    str(course))
    except DeadlineError as exc:
        raise click.BadParameter(str(exc), param_hint="'--due'" if due else "'--course'") \
            from None
    return assignment, Deadline.own(assignment.due).source


def past_due_warning(assignment: Assignment, now: datetime) -> str | None:
    """A release whose due date has passed would mark every student late."""
    if assignment.due is None or assignment.due > now:
        return None
    return (f"WARNING: {assignment.name} is due {assignment.due.isoformat()}, which is in the "
            f"past (now {now.astimezone(UTC):%Y-%m-%d %H:%M} UTC): every submission would be "
            "late. Set this term's date with --due or --course.")
