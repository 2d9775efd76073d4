"""`grader grade ASSIGNMENT SUBMISSIONS --out DIR`: grade a class into a gradebook and sheets."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import click

from grader.cli.common import calendar_options, require_reference, with_due
from grader.deadlines import TIME_SOURCES
from grader.models import Grade


def summary(grades: list[Grade] | tuple[Grade, ...], regraded: int, out: Path) -> str:
    """One line: how many, errors by kind, mean score, where the sheet is."""
    if not grades:
        return f"no submissions found; wrote an empty {out / 'scores.csv'}"
    kinds = Counter(g.status for g in grades if g.status != "graded")
    errors = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    mean = sum(g.score for g in grades) / len(grades)
    maximum = max(g.max_score for g in grades)
    reused = len(grades) - regraded
    return (
        f"graded {len(grades)} submission{'s' if len(grades) != 1 else ''}"
        f" ({regraded} run, {reused} unchanged); "
        f"errors: {errors or 'none'}; mean score {mean:.2f} / {maximum:g}; "
        f"sheet: {out / 'scores.csv'}"
    )


def _require_entries(submissions: Path, out: Path, names: tuple[str, ...]) -> None:
    """Stop on a submissions folder that holds no student entry (empty, or only unrelated
    files), naming what is there and what was expected."""
    from grader.collect.entries import find_entries

    inside = out.resolve()
    if any(entry.resolve() != inside for _, entry in find_entries(submissions)):
        return
    found = sorted(p.name for p in submissions.iterdir() if p.resolve() != inside)
    shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    what = f"only {shown}" if found else "nothing"
    raise click.BadParameter(
        f"{submissions}: no submissions found (it holds {what}); expected one entry per "
        f"student: a folder <student>/ with {' or '.join(names)} (or a .zip holding one), or "
        "a file <student>.py, <student>.ipynb or <student>.zip",
        param_hint="'SUBMISSIONS'",
    )


@click.command()
@click.argument("assignment")
@click.argument("submissions", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for gradebook.sqlite, scores.csv and results/<student>.json.")
@click.option("--jobs", "-j", default=lambda: max(1, os.cpu_count() or 1),
              show_default="number of cores", type=click.IntRange(min=1),
              help="Submissions graded at the same time (each in its own sandbox).")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Keep earlier results in the gradebook and skip unchanged files; "
                   "--no-resume starts this assignment afresh.")
@click.option("--force", is_flag=True,
              help="Regrade every submission, even unchanged ones.")
@calendar_options
@click.option("--extensions", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="CSV with columns student,extension: a duration added to the due date "
                   "(2d, 36h, 90m, 1d12h) or a date-time replacing it, for that student.")
@click.option("--timestamps", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV with columns student,submitted_at (ISO 8601 with zone), one row per "
                   "student: the submission times for the late policy.")
@click.option("--times", "times", default="auto", show_default=True,
              type=click.Choice(TIME_SOURCES),
              help="Where submission times come from. auto: --timestamps if given, else "
                   "Gradescope's submission_metadata.yml in SUBMISSIONS, else each entry's "
                   "last git commit when all are repositories, else file modification times "
                   "(said on the terminal). none: nobody is late.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="Where submissions run: threads of this process, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --executor dask: the scheduler, e.g. tcp://10.0.0.5:8786 (start one "
                   "with `dask scheduler`); 'local' or none: a LocalCluster of --jobs worker "
                   "processes on this machine.")
@click.option("--isolation", type=click.Choice(["auto", "bubblewrap", "uid", "none"]),
              default=None, show_default="$NN_GRADER_SANDBOX, else auto",
              help="How student code is isolated: auto (the strongest available; refuses when "
                   "nothing protects the grader), bubblewrap, uid (root without namespaces), or "
                   "none (trusted code only; recorded in every result). `grader doctor` tells "
                   "which one you get and how to get a stronger one.")
def grade(assignment: str, submissions: Path, out: Path, jobs: int, resume: bool, force: bool,
          due: str | None, course: Path | None, extensions: Path | None,
          timestamps: Path | None, times: str, progress: bool | None, executor: str,
          scheduler: str | None, isolation: str | None) -> None:
    """Grade every submission in SUBMISSIONS against ASSIGNMENT's tests.

    ASSIGNMENT is a bundled assignment name (e.g. perceptron) or an assignment folder.
    SUBMISSIONS holds one entry per student: a folder <student>/ with the module file,
    notebook or a .zip, or a single file <student>.py, <student>.ipynb or <student>.zip.
    Exits 0 when the batch completed, even if some students' code failed.

    With --executor dask the gradebook and sheets stay here; the submissions run on the Dask
    workers, which need only nn-grader installed (an assignment folder that is not bundled is
    shipped to them; its reference must be a solution file in it or installed on the workers).
    """
    from grader.batch.driver import run_batch
    from grader.batch.executors import ExecutorError
    from grader.config import ConfigError, find_assignment
    from grader.deadlines import Deadline, DeadlineError, read_extensions
    from grader.errors import BatchError
    from grader.store.gradebook import GradebookError
    from grader.testing import TestDefinitionError

    try:
        spec = find_assignment(assignment)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="'ASSIGNMENT'") from None
    require_reference(spec)
    spec, due_source = with_due(spec, due, course)
    try:
        extended = read_extensions(extensions, spec.due) if extensions is not None else {}
    except DeadlineError as exc:
        raise click.BadParameter(str(exc), param_hint="'--extensions'") from None
    deadline = Deadline(spec.due, due_source, extended, extensions)
    if not submissions.is_dir():
        raise click.BadParameter(
            f"{submissions}: not a folder; pass the folder that holds one entry per student "
            "(<student>/ folders or <student>.py/.ipynb/.zip files)",
            param_hint="'SUBMISSIONS'",
        )
    _require_entries(submissions, out, spec.submission_names)
    if timestamps is not None and not timestamps.is_file():
        raise click.BadParameter(f"{timestamps}: file not found; give a CSV with columns "
                                 "student,submitted_at", param_hint="'--timestamps'")
    if scheduler is not None and executor != "dask":
        raise click.BadParameter("--scheduler needs --executor dask", param_hint="'--scheduler'")
    from grader.sandbox.isolation import IsolationRefused, choose

    if executor == "dask":
        click.echo(f"isolation: chosen by each Dask worker for its machine (asked for: "
                   f"{isolation or os.environ.get('NN_GRADER_SANDBOX') or 'auto'}); "
                   "run `grader doctor` there", err=True)
    else:
        try:
            level = choose(isolation)
        except IsolationRefused as exc:
            raise click.ClickException(
                f"{exc}\n(`grader doctor` shows what this machine allows)") from None
        click.echo("\n".join(level.lines()), err=True)
    try:
        batch = run_batch(spec, submissions, out, jobs=jobs, resume=resume, force=force,
                          progress=progress, timestamps=timestamps, executor=executor,
                          scheduler=scheduler, deadline=deadline, times=times,
                          isolation=isolation)
    except (BatchError, ExecutorError, GradebookError, TestDefinitionError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary(batch.grades, batch.regraded, out))
    calendar = f"{spec.name}: {deadline.describe()}"
    if batch.times.name != "none" or deadline.due is not None:
        calendar += f"; submission times: {batch.times.described}"
    click.echo(calendar)
    for notice in batch.notices():
        click.echo(notice, err=True)
