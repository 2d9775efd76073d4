"""The `grader` command line. Commands are loaded lazily: `grader check` never pays for pandas
or matplotlib, which only `report` and `export` need."""

from __future__ import annotations

import importlib
from typing import Any

import click

from grader.paths import INSTRUCTOR_ONLY_NOTE, installed_version

# verb -> "module:attribute" of a click command. One module per verb under grader/cli/; a verb
# whose module, or a package it needs, is not part of this build (the student build) says so.
COMMANDS: dict[str, str] = {
    "grade": "grader.cli.grade:grade",
    "check": "grader.cli.check:check",
    "generate": "grader.cli.generate:generate",
    "demo": "grader.cli.demo:demo",
    "report": "grader.cli.report:report",
    "export": "grader.cli.export:export",
    "new": "grader.cli.new:new",
    "validate": "grader.cli.validate:validate",
    "import": "grader.cli.import_:import_",
    "ci": "grader.cli.ci:ci",
    "doctor": "grader.cli.doctor:doctor",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            return None  # a verb whose module is not part of this build
        command: Any = getattr(module, attr)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModuleNotFoundError as exc:
            missing = exc.name or ""
            if not missing.startswith("grader."):
                raise
            # A full install has every grader package: this is a build with a subset of them,
            # the student build (grader.authoring.student_build.STUDENT_PACKAGES).
            raise click.ClickException(
                f"`grader {ctx.invoked_subcommand}` needs {missing}, which the student build "
                f"of nn-grader leaves out: {INSTRUCTOR_ONLY_NOTE}") from None


@click.group(cls=LazyGroup)
@click.version_option(version=installed_version(), prog_name="grader")
def main() -> None:
    """Grade neural-network assignments: sandboxed student code, hidden tests, gradient checks."""
