"""`grader generate ASSIGNMENT [--out DIR]`: write the release students get."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from grader.cli.common import calendar_options, past_due_warning, require_reference, with_due


@click.command()
@click.argument("assignment")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write the release into (default: release/<assignment>). It must "
                   "be empty, new, or an earlier release (its generated files are replaced).")
@calendar_options
def generate(assignment: str, out: Path | None, due: str | None, course: Path | None) -> None:
    """Write the release of ASSIGNMENT (a bundled name or a folder): stub module, notebook,
    visible tests, provided files, assignment.toml and a README. Never hidden tests or
    reference code. The release states the due date of this term (--due / --course), if any:
    grade with the same option so lateness follows the date students were given."""
    from grader.authoring.generate import generate_release
    from grader.authoring.source import GenerateError
    from grader.config import ConfigError, find_assignment

    try:
        found = find_assignment(assignment)
        require_reference(found)
        found, _ = with_due(found, due, course)
        target = out if out is not None else Path("release") / found.name
        written = generate_release(found, target)
    except (ConfigError, GenerateError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"release of {found.name!r} written to {target}/ ({len(written)} files):")
    for path in written:
        click.echo(f"  {path.relative_to(target)}")
    click.echo(f"students check their work with: grader check {target} {found.module}.py")
    warning = past_due_warning(found, datetime.now(UTC))
    if warning:
        click.echo(warning, err=True)
