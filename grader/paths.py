"""Where the bundled assignments and templates live, in a checkout and in an installed wheel.

The student build (`grader.authoring.student_build`, distribution `nn-grader-student`) carries the
templates but no assignments: there `assignments_dir()` raises `NoBundledAssignments`, whose
message tells the student to pass the release folder instead.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

DISTRIBUTIONS = ("nn-grader", "nn-grader-student")
"""The names the grader package is installed under: the instructor's build (with the course)
and the student build (`grader.authoring.student_build`)."""

STUDENT_BUILD_NOTE = (
    "this build of nn-grader has no bundled assignments and no reference solutions (it is "
    "the student build); pass the release folder you were given instead, e.g. "
    "`grader check . perceptron.py` inside it"
)
"""Why a bundled name or an instructor-only step fails on the student build, and the fix."""


INSTRUCTOR_ONLY_NOTE = (
    "this is the student build of nn-grader, without reference solutions and bundled "
    "assignments; grade, generate and validate with nn-grader itself"
)
"""What an instructor verb says on the student build when the assignment's reference is absent."""


class NoBundledAssignments(FileNotFoundError):
    """This installation carries no `assignments` folder (the student build)."""


def data_dir(name: str) -> Path:
    """The bundled `assignments` or `templates` folder.

    In a source checkout (or an editable install) they sit beside the package; a wheel carries
    them inside the package as `grader/_data/<name>`.
    """
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    if name == "assignments":
        raise NoBundledAssignments(STUDENT_BUILD_NOTE)
    raise FileNotFoundError(f"bundled folder {name!r} not found next to {_PACKAGE}")


def has_bundled_assignments() -> bool:
    """Whether this installation carries the course's assignments (False: the student build)."""
    try:
        assignments_dir()
    except FileNotFoundError:
        return False
    return True


def student_build_lacks(reference: str) -> str | None:
    """On the student build, why an instructor verb cannot use the reference module
    `reference` (a dotted name that is not importable here); None when it can, or when this is
    the instructor's build (whose own messages then apply). Solution files are paths: None."""
    if has_bundled_assignments() or "/" in reference or reference.endswith((".py", ".ipynb")):
        return None
    try:
        found = importlib.util.find_spec(reference)
    except (ImportError, ValueError):
        found = None
    if found is not None:
        return None
    return f"the reference module {reference!r} is not installed: {INSTRUCTOR_ONLY_NOTE}"


def installed_version() -> str:
    """The version of whichever build of nn-grader is installed ("unknown" from a bare
    checkout on sys.path)."""
    for name in reversed(DISTRIBUTIONS):  # the student build first: it never bundles the course
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "unknown"


def assignments_dir() -> Path:
    return data_dir("assignments")


def templates_dir() -> Path:
    return data_dir("templates")
