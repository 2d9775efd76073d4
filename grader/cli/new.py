"""`grader new NAME [--dir PATH]`: scaffold an assignment that `grader validate` passes."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("name")
@click.option("--dir", "parent", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True,
              help="Folder to create the assignment folder NAME in.")
def new(name: str, parent: Path) -> None:
    """Create the assignment folder NAME: assignment.toml, solution.py with
    ### BEGIN/END SOLUTION regions, a visible and hidden tests file and provided data (a
    worked ReLU layer to replace with your own). Then: grader validate, generate, grade."""
    from grader.authoring.scaffold import ScaffoldError, new_assignment

    try:
        folder = new_assignment(name, parent)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"assignment {name!r} created in {folder}/:")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        click.echo(f"  {path.relative_to(folder)}")
    click.echo("next steps:\n"
               f"  edit {folder}/solution.py and the tests (see docs/authoring.md)\n"
               f"  grader validate {folder}     checks solution, stub, tests and limits\n"
               f"  grader generate {folder}     writes the release for students\n"
               f"  grader grade {folder} SUBMISSIONS_DIR")
