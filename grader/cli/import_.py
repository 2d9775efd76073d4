"""`grader import nbgrader|otter NOTEBOOK`: turn existing nbgrader / Otter material into an
assignment folder that this engine grades."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from grader.authoring.importers import Imported

_NOTEBOOK = click.Path(exists=True, dir_okay=False, path_type=Path)
_OUT = click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
                    default=None, help="Assignment folder to write (default: ./<notebook stem>).")
_MODULE = click.option("--module", default=None,
                       help="Module name students submit (default: from the notebook's name).")
_ACCEPT = click.option("--accept-loss", is_flag=True, default=False,
                       help="Exit 0 although graded parts are lost or scored differently "
                            "(still listed as 'lost:').")


@click.group(name="import")
def import_() -> None:
    """Import an nbgrader source notebook or an Otter Assign master notebook."""


def _run(reader: Callable[[Path, Path, str | None], tuple[Path, Imported]], notebook: Path,
         out: Path | None, module: str | None, accept_loss: bool) -> None:
    """Import, then report: notes (what is left to the instructor: manual grading, written
    answers), and what is lost, i.e. graded in the original but not carried over or scored
    differently here (the command then exits 1, with the folder written for editing, unless
    the loss is accepted with --accept-loss)."""
    from grader.authoring.importers import ImportError_, failing_on_solution
    from grader.authoring.scaffold import ScaffoldError

    target = out if out is not None else Path(notebook.stem)
    try:
        folder, imported = reader(notebook, target, module)
    except (ImportError_, ScaffoldError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"imported {notebook} into {folder}/:")
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        click.echo(f"  {path.name}")
    for note in imported.notes:
        click.echo(f"note: {note}")
    lost = [*imported.lost, *failing_on_solution(folder)]
    for item in lost:
        click.echo(f"lost: {item}", err=True)
    if lost and accept_loss:
        click.echo(f"accepted (--accept-loss): {len(lost)} graded part(s) of {notebook.name} "
                   "lost or scored differently, listed above as 'lost:'", err=True)
    elif lost:
        raise click.ClickException(
            f"{len(lost)} graded part(s) of {notebook.name} would be lost or scored differently "
            f"(listed above as 'lost:'); edit the tests in {folder}/ and run "
            f"`grader validate {folder}`, or import into an empty --out with --accept-loss to "
            "keep the import as it is")
    click.echo(f"next: grader validate {folder}")


@import_.command()
@click.argument("notebook", type=_NOTEBOOK)
@_OUT
@_MODULE
@_ACCEPT
def nbgrader(notebook: Path, out: Path | None, module: str | None, accept_loss: bool) -> None:
    """NOTEBOOK: an nbgrader source notebook (cell metadata, ### BEGIN/END SOLUTION,
    ### BEGIN/END HIDDEN TESTS, points)."""
    from grader.authoring.importers.nbgrader import import_nbgrader

    _run(import_nbgrader, notebook, out, module, accept_loss)


@import_.command()
@click.argument("notebook", type=_NOTEBOOK)
@_OUT
@_MODULE
@_ACCEPT
def otter(notebook: Path, out: Path | None, module: str | None, accept_loss: bool) -> None:
    """NOTEBOOK: an Otter Assign master notebook (# BEGIN QUESTION blocks, # SOLUTION lines,
    hidden test cells)."""
    from grader.authoring.importers.otter import import_otter

    _run(import_otter, notebook, out, module, accept_loss)
