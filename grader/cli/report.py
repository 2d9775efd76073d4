"""`grader report RESULTS_DIR`: re-render the feedback pages from the gradebook, no regrading."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click


def _parse_now(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO date-time (e.g. 2026-12-02T09:00:00+00:00)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@click.command()
@click.argument("results_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--now", callback=_parse_now, metavar="ISO-DATETIME",
              help="Render as of this moment ('after_due' tests show details after the due "
                   "date). Default: the current time.")
@click.option("--assignment", "assignments", multiple=True,
              type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="An assignment folder that is not bundled (for its title and due date); "
                   "repeatable.")
def report(results_dir: Path, now: datetime | None, assignments: tuple[Path, ...]) -> None:
    """Render RESULTS_DIR/reports/ (per-student HTML + Markdown, class summaries, an index)."""
    from grader.config import ConfigError
    from grader.report.pages import render_all
    from grader.store.gradebook import GradebookError

    try:
        index = render_all(results_dir, now=now, assignments=assignments)
    except (FileNotFoundError, GradebookError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"reports written; open {index}")
