"""`grader check ASSIGNMENT FILE`: run the visible tests on your own work, offline.

Needs only what a release holds (assignment.toml and visible_tests.py): no hidden tests, no
reference. Exit code 0 when every visible test passes, 1 otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from grader.models import RunResult

if TYPE_CHECKING:
    from grader.config import Assignment
    from grader.testing import TestCase


def feedback(result: RunResult, file: Path) -> str:
    """Readable per-test feedback and the total."""
    lines = [f"Visible tests of {result.assignment} on {file}:"]
    if result.status != "graded":
        lines.append(f"  Your submission could not be run ({result.status.replace('_', ' ')}):")
        lines += [f"    {line}" for line in result.message.splitlines()]
    width = max((len(t.name) for t in result.tests), default=0)
    for test in result.tests:
        mark = "✓" if test.status == "passed" else "✗"
        lines.append(f"  {mark} {test.name:<{width}}  {test.points:g}/{test.max_points:g}")
        if test.status != "passed":
            detail = test.message or test.status
            lines += [f"      {line}" for line in detail.splitlines()]
            if test.unsaid_mistake:
                lines.append(f"      likely mistake: {test.unsaid_mistake}")
            if test.traceback:
                lines += [f"      {line}" for line in test.traceback.rstrip().splitlines()]
    for warning in result.warnings:
        lines.append(f"  note: {warning}")
    passed = sum(t.status == "passed" for t in result.tests)
    lines.append(
        f"Total: {result.score:g}/{result.max_score:g} points, {passed} of {len(result.tests)} "
        "visible tests passed. Hidden tests run when your work is graded."
    )
    return "\n".join(lines)


def _with_cpu_limits(spec: Assignment, tests: list[TestCase]) -> list[TestCase]:
    """The tests with grading's per-call CPU limits (grader.run.calibrate): a release carries the
    reference's times; an instructor's folder or a bundled assignment has the reference."""
    from dataclasses import replace

    if spec.reference_seconds:
        measured = dict(spec.reference_seconds)
        return [replace(t, reference_seconds=measured.get(t.name)) for t in tests]
    try:
        from grader.run.calibrate import calibrate
        from grader.run.reference import import_reference

        return calibrate(spec, tests, import_reference(spec))
    except Exception:  # no reference here (a student's machine): wall-clock limits only
        return tests


@click.command()
@click.argument("assignment")
@click.argument("file", type=click.Path(path_type=Path))
def check(assignment: str, file: Path) -> None:
    """Run ASSIGNMENT's visible tests on FILE (your .py, .ipynb or .zip) and explain the results.

    ASSIGNMENT is the release folder you were given (e.g. `.`) or a bundled assignment name.
    """
    import importlib
    from dataclasses import replace

    from grader.collect.entries import CollectError, collect
    from grader.config import ConfigError, find_assignment
    from grader.testing import TestDefinitionError, load_tests_file

    folder = Path(assignment)
    try:
        spec = find_assignment(str(folder.resolve()) if folder.is_dir() else assignment)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="'ASSIGNMENT'") from None
    if not file.exists():
        raise click.BadParameter(
            f"{file}: not found; pass your {' or '.join(spec.submission_names)}",
            param_hint="'FILE'",
        )
    if not spec.visible_tests_path.is_file():
        raise click.ClickException(
            f"{spec.visible_tests_path}: not found; ASSIGNMENT must be the assignment or release "
            "folder that holds visible_tests.py"
        )
    try:
        tests = [t for t in load_tests_file(spec.visible_tests_path) if t.visibility == "visible"]
    except TestDefinitionError as exc:
        raise click.ClickException(str(exc)) from None
    needs_ref = [t.name for t in tests if "ref" in t.params]
    if needs_ref:
        raise click.ClickException(
            f"{spec.visible_tests_path}: visible test(s) {', '.join(needs_ref)} ask for `ref`; "
            "visible tests must run without the reference (tell your instructor)"
        )
    tests = _with_cpu_limits(spec, tests)
    notes: list[str] = []
    try:
        submission = collect(spec, file, notes=notes)
    except CollectError as exc:
        raise click.ClickException(exc.message) from None
    run_submission = importlib.import_module("grader.run.runner").run_submission
    from grader.sandbox.isolation import for_own_code

    result = run_submission(spec, submission, tests, ref=None, mode=for_own_code())
    result = replace(result, warnings=(*result.warnings, *notes))  # every test is listed
    click.echo(feedback(result, file))
    all_passed = result.status == "graded" and all(t.status == "passed" for t in result.tests)
    click.get_current_context().exit(0 if all_passed else 1)
