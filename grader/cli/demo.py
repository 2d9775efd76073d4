"""`grader demo [--out DIR] [--jobs N]`: generate, grade and report the bundled demo class."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import click


@click.command()
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("demo-out"), show_default=True,
              help="Folder for the releases, the submissions, gradebooks and reports.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Submissions graded at the same time (default: the number of CPUs).")
@click.option("--only", "only", multiple=True, metavar="ASSIGNMENT",
              help="Run the demo for this bundled assignment only (repeatable).")
@click.option("--progress/--no-progress", default=None,
              help="Show progress bars (default: when stderr is a terminal).")
def demo(out: Path, jobs: int | None, only: tuple[str, ...], progress: bool | None) -> None:
    """Grade a sample class for every bundled assignment and report on it.

    For each assignment: the release students get, about a dozen fictional students (correct
    solutions in several styles, typical mistakes, the untouched stub, a syntax error, an
    infinite loop), graded in the sandbox, with per-student reports and a class summary.
    Exits 1 if a student's outcome differs from what the demo expects of the grader.
    """
    from rich.console import Console
    from rich.table import Table

    from grader.authoring.demo import DEMO_CALL_TIMEOUT, bundled_assignments, run_demo_assignment
    from grader.config import ConfigError, find_assignment
    from grader.paths import has_bundled_assignments

    if not only and not has_bundled_assignments():
        raise click.ClickException(
            "the demo grades the bundled assignments, and this build of nn-grader has none "
            "(it is the student build, without the course); install nn-grader itself")
    names = list(only) or bundled_assignments()
    if not names:
        raise click.ClickException("no bundled assignments found (assignments/*/assignment.toml)")
    try:
        assignments = [find_assignment(name) for name in names]
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    jobs = jobs or max(1, os.cpu_count() or 1)
    console = Console() if sys.stdout.isatty() else Console(width=110)
    console.print(f"demo class for {len(assignments)} assignments into {out}/ "
                  f"({jobs} jobs; calls time out after {DEMO_CALL_TIMEOUT:g} s in the demo)")
    start = time.monotonic()
    runs = []
    for assignment in assignments:
        runs.append(run_demo_assignment(assignment, out, jobs=jobs, progress=progress))
    table = Table(title="nn-grader demo class")
    for column in ("assignment", "students", "mean score", "statuses", "as expected"):
        table.add_column(column)
    surprises = []
    for run in runs:
        grades = [v.grade for v in run.verdicts]
        top = max((g.max_score for g in grades), default=0.0)
        mean = sum(g.score for g in grades) / len(grades) if grades else 0.0
        statuses = Counter(v.result.status for v in run.verdicts)
        timeouts = sum(1 for v in run.verdicts if v.result.status == "graded"
                       and any(t.status == "timeout" for t in v.result.tests))
        status_text = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))
        if timeouts:
            status_text += f"; {timeouts} timed out"
        good = sum(v.ok for v in run.verdicts)
        surprises += [v for v in run.verdicts if not v.ok]
        table.add_row(run.assignment.name, str(len(run.verdicts)), f"{mean:.1f} / {top:g}",
                      status_text, f"{good}/{len(run.verdicts)}")
    console.print(table)
    for v in surprises:
        console.print(f"[red]unexpected:[/red] {v.student.name} in {v.result.assignment} "
                      f"({v.student.style}): expected {v.why}; got {v.result.status}, "
                      f"{v.grade.raw_score:g} / {v.grade.max_score:g}")
    console.print("reports:")
    for run in runs:
        where = run.reports if run.reports else run.graded_dir / "scores.csv"
        console.print(f"  {run.assignment.name}: {where}", soft_wrap=True)
    console.print(f"done in {time.monotonic() - start:.0f} s. Submissions: {out / 'submissions'}"
                  f", releases: {out / 'releases'}; open the reports in a browser.",
                  soft_wrap=True)
    if surprises:
        raise SystemExit(1)
