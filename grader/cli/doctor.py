"""`grader doctor`: which isolation level grading gets here, why not a stronger one, and the
command that fixes it on this system."""

from __future__ import annotations

import sys

import click


def report(requested: str | None = None) -> tuple[list[str], bool]:
    """The doctor's lines, and whether untrusted code can be graded here."""
    from grader.sandbox.isolation import ENV, IsolationRefused, choose, probe

    found = probe()
    lines = [f"python: {sys.executable} ({sys.version.split()[0]}); grader runs as uid "
             f"{found.euid}{' (root)' if found.euid == 0 else ''}",
             f"bubblewrap: {'works' if found.bwrap_error is None else found.bwrap_error}"]
    facts = [("kernel.apparmor_restrict_unprivileged_userns", found.apparmor_restrict),
             ("kernel.unprivileged_userns_clone", found.userns_clone),
             ("user.max_user_namespaces", found.max_userns)]
    lines += [f"{name} = {value}" for name, value in facts if value is not None]
    if found.container:
        lines.append(f"container: {found.container}")
    if found.seccomp:
        lines.append("seccomp: this process runs under a seccomp filter")
    try:
        choice = choose(requested)
    except IsolationRefused as exc:
        return [*lines, *str(exc).splitlines()], False
    lines += choice.lines()
    if choice.level == "none":
        lines.append(f"  (asked for with --isolation none or {ENV}=none: trusted code only)")
    return lines, choice.level != "none"


@click.command()
@click.option("--isolation", type=click.Choice(["auto", "bubblewrap", "uid", "none"]),
              default=None, help="The level to check (default: $NN_GRADER_SANDBOX, else auto).")
def doctor(isolation: str | None) -> None:
    """Say which isolation level `grader grade` uses here and how to get a stronger one.

    Exit code 0 when submissions can be graded with a level that protects the grader, 1 when
    `grader grade` would refuse (or only `none` was asked for).
    """
    lines, protected = report(isolation)
    click.echo("\n".join(lines))
    click.get_current_context().exit(0 if protected else 1)
