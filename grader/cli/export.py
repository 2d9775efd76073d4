"""`grader export RESULTS_DIR --format ...`: score sheets from the gradebook."""

from __future__ import annotations

from pathlib import Path

import click


def _parse_ids(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    ids: dict[str, str] = {}
    for value in values:
        name, sep, cid = value.partition("=")
        if not sep or not name or not cid.strip().isdigit():
            raise click.BadParameter(
                f"{value!r} should look like ASSIGNMENT=CANVAS_ID, e.g. perceptron=48213"
            )
        ids[name] = cid.strip()
    return ids


@click.command()
@click.argument("results_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["csv", "xlsx", "parquet", "canvas", "moodle", "gradescope",
                                 "classroom", "junit"]),
              help="csv/xlsx/parquet: the course sheet; canvas: a gradebook import CSV; "
                   "moodle: a grade import CSV (Grades > Import > CSV file); "
                   "gradescope: results.json per submission; classroom: GitHub Classroom's "
                   "autograding result JSON of the one submission graded; junit: JUnit XML "
                   "(GitLab's test report), hidden tests' details withheld.")
@click.option("--out", type=click.Path(path_type=Path),
              help="Output file (a folder for gradescope, or a .json path when the gradebook "
                   "holds one submission). Default: RESULTS_DIR/export/.")
@click.option("--canvas-id", "canvas_ids", multiple=True, callback=_parse_ids,
              metavar="ASSIGNMENT=ID", help="Canvas assignment id for a column (repeatable).")
@click.option("--roster", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The class list for the Canvas or Moodle sheet: Canvas' own gradebook "
                   "export, Moodle's grade export (--roster-key names the column holding the "
                   "submission names), or a CSV with a 'student' column (submission names) "
                   "and the LMS's columns (Canvas: Student, ID, SIS User ID, SIS Login ID, "
                   "Section; Moodle: Email address, ID number, Username). Every roster student "
                   "gets a row; a graded student missing from it is an error.")
@click.option("--roster-key", metavar="COLUMN",
              help="The roster column holding the submission names (default: 'student', or "
                   "'SIS Login ID' in a Canvas export).")
@click.option("--missing", type=click.Choice(["blank", "zero"]), default="blank",
              show_default=True,
              help="A roster student without a submission: blank (Canvas keeps the grade it "
                   "has) or zero.")
@click.option("--moodle-id", type=click.Choice(["email", "idnumber", "username"]),
              default="email", show_default=True,
              help="The Moodle sheet's user column (map it to 'Identify user by' in Moodle): "
                   "Email address, ID number or Username.")
@click.option("--assignment", "assignments", multiple=True,
              type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="An assignment folder that is not bundled (for its title in the Canvas "
                   "sheet); repeatable.")
def export(results_dir: Path, fmt: str, out: Path | None, canvas_ids: dict[str, str],
           roster: Path | None, roster_key: str | None, missing: str, moodle_id: str,
           assignments: tuple[Path, ...]) -> None:
    """Write a score sheet for everything in RESULTS_DIR/gradebook.sqlite."""
    from grader.config import ConfigError
    from grader.report.export import export as run_export
    from grader.report.roster import RosterError, read_roster
    from grader.store.gradebook import GradebookError

    if fmt not in ("canvas", "moodle") and (roster is not None or roster_key):
        raise click.UsageError("--roster and --roster-key are for --format canvas or moodle")
    if fmt != "canvas" and canvas_ids:
        raise click.UsageError("--canvas-id is for --format canvas")
    try:
        class_list = read_roster(roster, key=roster_key) if roster is not None else None
    except RosterError as exc:
        raise click.BadParameter(str(exc), param_hint="'--roster'") from None
    try:
        path = run_export(results_dir, fmt, out, canvas_ids=canvas_ids,  # type: ignore[arg-type]
                          roster=class_list, assignments=assignments,
                          missing=missing, moodle_id=moodle_id)  # type: ignore[arg-type]
    except (FileNotFoundError, GradebookError, ConfigError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{fmt} written to {path}")
