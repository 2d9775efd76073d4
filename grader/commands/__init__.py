"""One module per `grader` verb (loaded lazily by grader.cli), and what several verbs share."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
