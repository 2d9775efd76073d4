"""Where the bundled assignments and templates live, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled `assignments` or `templates` folder.

    In a source checkout (or an editable install) they sit beside the package; a wheel carries
    them inside the package as `grader/_data/<name>`.
    """
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found next to {_PACKAGE}")


def assignments_dir() -> Path:
    return data_dir("assignments")


def templates_dir() -> Path:
    return data_dir("templates")
