"""An assignment's catalogue of known mistakes: `assignments/<a>/mistakes/*.py`.

Each file is TRUSTED instructor code: a module that imports the reference (`from reference.<m>
import *`) and redefines one graded function the way a typical mistake would. Its docstring's
first line is the mistake's name as students read it ("Looks like <name>"); `FIX = "..."` is a
one-line fix hint. The function it affects is the graded function(s) the file redefines.

The catalogue is used twice: `grader validate` proves each test can fail (and that each mistake
is named), and grading names a failing test's mistake by running the catalogue on the inputs of
the student's calls (grader.run.diagnose). Files never leave the instructor's side.

`mistakes/_views.py` (optional; files starting with `_` are not mistakes) holds `VIEWS`, a map
from a graded function's name to `view(args, value)`: what of its returned value a mistake must
reproduce. A function that returns a construction (a network's layers) is compared by what the
construction computes, so a student's own construction with the mistake matches the catalogue's.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import types
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

FOLDER = "mistakes"
VIEWS = "_views.py"


class CatalogueError(Exception):
    """A catalogue file is malformed: the message names the file and the fix."""


@dataclass(frozen=True)
class Mistake:
    """One known mistake: its name, fix hint, the functions it redefines and its module."""

    key: str
    """The file's stem, e.g. 'strict_less'."""
    name: str
    """First docstring line: completes "Looks like ..."."""
    fix: str
    """One-line fix hint ('' when the file has none)."""
    functions: tuple[str, ...]
    """The graded functions the file redefines."""
    path: Path
    overrides: dict[str, Any] = field(compare=False, repr=False, default_factory=dict)
    """Function name -> the mutant's function."""


def _load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise CatalogueError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def read_mistake(path: Path, api: tuple[str, ...]) -> Mistake:
    """One catalogue file as a Mistake (imports it: trusted code only)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except SyntaxError as exc:
        raise CatalogueError(f"{path}:{exc.lineno}: syntax error: {exc.msg}") from None
    doc = (ast.get_docstring(tree) or "").strip()
    if not doc:
        raise CatalogueError(f"{path}: no docstring; its first line must name the mistake")
    defined = tuple(n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in api)
    if not defined:
        raise CatalogueError(f"{path}: redefines no graded function ({', '.join(api)})")
    module = _load_module(path, f"_grader_mistake_{path.parent.parent.name}_{path.stem}")
    fix = getattr(module, "FIX", "")
    return Mistake(key=path.stem, name=doc.splitlines()[0].strip(),
                   fix=fix if isinstance(fix, str) else "", functions=defined, path=path,
                   overrides={name: getattr(module, name) for name in defined})


@cache
def load_catalogue(folder: Path, api: tuple[str, ...]) -> tuple[Mistake, ...]:
    """Every mistake in `folder/mistakes/*.py`, sorted by file name (cached per process)."""
    return tuple(read_mistake(path, api) for path in catalogue_files(folder))


def catalogue_files(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / FOLDER).glob("*.py") if not p.name.startswith("_"))


@cache
def load_views(folder: Path) -> dict[str, Any]:
    """`VIEWS` of `folder/mistakes/_views.py` (see the module docstring); {} without one."""
    path = folder / FOLDER / VIEWS
    if not path.is_file():
        return {}
    views = getattr(_load_module(path, f"_grader_views_{folder.name}"), "VIEWS", None)
    if not isinstance(views, dict) or not all(callable(v) for v in views.values()):
        raise CatalogueError(f"{path}: VIEWS must be a dict of function name -> view(args, value)")
    return views


def world(reference: ModuleType, mistake: Mistake) -> dict[str, Any]:
    """The reference's namespace with the mistake's functions swapped in, every reference
    function rebound to it: a reference `B` that calls `A` now calls the mistaken `A`, so a
    failure of B that follows from A is explained by A's mistake."""
    namespace: dict[str, Any] = dict(vars(reference))
    for name, value in list(namespace.items()):
        if isinstance(value, types.FunctionType) and value.__module__ == reference.__name__:
            rebound = types.FunctionType(value.__code__, namespace, value.__name__,
                                         value.__defaults__, value.__closure__)
            rebound.__kwdefaults__ = value.__kwdefaults__
            namespace[name] = rebound
    namespace.update(mistake.overrides)
    return namespace
