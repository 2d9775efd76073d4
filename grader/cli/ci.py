"""`grader ci --provider github|gitlab|gradescope --assignment NAME [options] [--out PATH]`:
write the course-CI files that grade an assignment (templates/ci/, rendered by
grader.authoring.ci)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from grader.authoring.ci import FORMATS, GRADER_WHEEL, default_options, render_ci_workflow

GRADESCOPE_FILES = {"gradescope-setup": "setup.sh", "gradescope-run": "run_autograder"}
"""The two Gradescope scripts and their file names in the --out folder."""
_D = default_options("<assignment>")


def _default(key: str) -> str:
    value = _D[key]
    return ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)


@click.command()
@click.option("--provider", required=True,
              type=click.Choice(["github", "gitlab", "gradescope", "classroom",
                                 "gitlab-student"]),
              help="github: a GitHub Actions workflow; gitlab: a .gitlab-ci.yml; gradescope: "
                   "setup.sh and run_autograder for the autograder zip; classroom: GitHub "
                   "Classroom's .github/workflows/classroom.yml (points to Classroom); "
                   "gitlab-student: the .gitlab-ci.yml of a template project, feedback on "
                   "each student's own pipeline page.")
@click.option("--assignment", required=True, metavar="NAME",
              help="The assignment's folder name, e.g. backprop.")
@click.option("--hidden-tests-repo", default="", metavar="OWNER/NAME",
              help="The private repository (GitLab: group/project) holding "
                   "assignments/<assignment>/ with the hidden tests (and wheels/ with the "
                   "grader wheel). Required for github, gitlab, gitlab-student and "
                   "classroom; not used by gradescope.")
@click.option("--hidden-tests-ref",
              help=f"Branch or tag of it (default: {_default('hidden_tests_ref')}).")
@click.option("--hidden-tests-path",
              help=f"The assignment folder in it (default: {_default('hidden_tests_path')}).")
@click.option("--submissions", help="Submissions folder of the grading repository "
                                     f"(default: {_default('submissions')}).")
@click.option("--results-dir", help=f"Grading output folder (default: {_default('results_dir')}).")
@click.option("--format", "formats", multiple=True, type=click.Choice(FORMATS),
              help=f"Score sheet to export; repeatable (default: {_default('formats')}).")
@click.option("--canvas-id", help="Canvas assignment id for the canvas sheet.")
@click.option("--roster", metavar="CSV",
              help="A CSV of student,repo lines: clone submissions from the students' "
                   "repositories (github, gitlab).")
@click.option("--jobs", type=click.IntRange(min=1),
              help=f"Submissions graded in parallel (default: {_default('jobs')}).")
@click.option("--python-version",
              help=f"Python of the runner (default: {_default('python_version')}).")
@click.option("--grader-requirement", metavar="REQUIREMENT",
              help="pip requirement that installs the grader, e.g. \"nn-grader @ "
                   "git+https://github.com/<org>/nn-grader@v0.1.0\" (default: the wheel "
                   f"wheels/{GRADER_WHEEL} that `make grader-wheel` builds, in the hidden-tests "
                   "repository or beside setup.sh in the Gradescope zip).")
@click.option("--torch-version",
              help=f"torch installed on the runner (default: {_default('torch_version')}).")
@click.option("--torch-index-url",
              help=f"Where pip gets torch (default: {_default('torch_index_url')}).")
@click.option("--timeout-minutes", type=click.IntRange(min=1),
              help=f"Job time limit (default: {_default('timeout_minutes')}).")
@click.option("--retention-days", type=click.IntRange(min=1),
              help=f"How long artifacts are kept (default: {_default('retention_days')}).")
@click.option("--gitlab-host", help=f"GitLab server (default: {_default('gitlab_host')}).")
@click.option("--out", type=click.Path(path_type=Path),
              help="File to write (github, gitlab; default: standard output), or the folder for "
                   "setup.sh and run_autograder (gradescope; required).")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
def ci(provider: str, assignment: str, hidden_tests_repo: str, out: Path | None, force: bool,
       formats: tuple[str, ...], **options: Any) -> None:
    """Write the CI files that grade an assignment, hidden tests kept out of students' reach.

    \b
    grader ci --provider github --assignment backprop --hidden-tests-repo staff/nn-hidden \\
        --out .github/workflows/grade-backprop.yml
    grader ci --provider gradescope --assignment backprop --out autograder/
    """
    given: dict[str, object] = {k: v for k, v in options.items() if v is not None}
    if formats:
        given["formats"] = formats
    if provider == "gradescope":
        if hidden_tests_repo:
            raise click.UsageError("--hidden-tests-repo is not used with gradescope: the "
                                   "assignment folder travels in the autograder zip")
        if out is None:
            raise click.UsageError("gradescope needs --out FOLDER (it writes setup.sh and "
                                   "run_autograder)")
        systems: dict[str, Path | None] = {
            system: out / name for system, name in GRADESCOPE_FILES.items()
        }
    else:
        if not hidden_tests_repo:
            raise click.UsageError(f"{provider} needs --hidden-tests-repo OWNER/NAME: the "
                                   "private repository with the hidden tests")
        systems = {provider: out}
    try:
        texts = {system: render_ci_workflow(system, assignment=assignment,
                                            hidden_tests_repo=hidden_tests_repo, **given)
                 for system in systems}
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    targets = [path for path in systems.values() if path is not None]
    if out is not None and provider != "gradescope" and out.is_dir():
        name = "classroom.yml" if provider == "classroom" else f"grade-{assignment}.yml"
        raise click.ClickException(f"{out} is a folder; give the file to write, e.g. "
                                   f"{out / name}")
    if out is not None and provider == "gradescope" and out.exists() and not out.is_dir():
        raise click.ClickException(f"{out} is a file; give the folder for setup.sh and "
                                   "run_autograder")
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        raise click.ClickException(f"{', '.join(existing)} already exist"
                                   f"{'s' * (len(existing) == 1)}; use --force to overwrite")
    if "grader_requirement" not in given:
        where = ("the autograder zip, beside setup.sh" if provider == "gradescope"
                 else hidden_tests_repo)
        click.echo(f"note: the grader is installed from wheels/{GRADER_WHEEL} in {where}; build "
                   "it with `make grader-wheel` in an nn-grader checkout (it lands in dist/) and "
                   "add it there, or pass --grader-requirement", err=True)
    for system, path in systems.items():
        if path is None:
            click.echo(texts[system], nl=False)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[system], encoding="utf-8")
        if system in GRADESCOPE_FILES:
            path.chmod(0o755)
        click.echo(f"{provider} CI for {assignment!r} written to {path}")
