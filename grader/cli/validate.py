"""`grader validate ASSIGNMENT`: check an assignment before it grades a class."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from grader.cli.common import calendar_options, past_due_warning, require_reference, with_due


@click.command()
@click.argument("assignment")
@click.option("--no-sandbox", is_flag=True,
              help="Skip the run of the solution through the real sandbox (limits check).")
@click.option("--min-named", type=click.FloatRange(0, 100), default=100.0, show_default=True,
              help="Fail unless at least this percentage of the assignment's mistake "
                   "catalogue (assignments/<a>/mistakes/) is named by a failing test.")
@calendar_options
def validate(assignment: str, no_sandbox: bool, min_named: float, due: str | None,
             course: Path | None) -> None:
    """Check ASSIGNMENT (a bundled name or a folder): the solution scores full marks, the stub
    0, tests are deterministic and can fail (mutants of every graded function), every mistake
    of the catalogue is caught and named (printed mistake by mistake), the release
    leaks nothing, the points add up and the limits hold. Exit code 1 on any error."""
    from grader.authoring.validate import format_report
    from grader.authoring.validate import validate as run_validate
    from grader.config import ConfigError, find_assignment

    try:
        found = find_assignment(assignment)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    require_reference(found)
    found, _ = with_due(found, due, course)
    report = run_validate(found, sandbox=not no_sandbox, min_named=min_named / 100)
    click.echo(format_report(report))
    warning = past_due_warning(found, datetime.now(UTC))
    if warning:
        click.echo(warning)
    click.get_current_context().exit(0 if report.ok else 1)
