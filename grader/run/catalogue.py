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

A file may be a FAMILY of mistakes: `PARAMS = {"k": (-2, -1, 1, 2), "op": ("<", ">=")}` (a
tuple of values, or a dict label -> value) over module-level names the redefined functions
read (`k = 1`, `op = "<"`: their defaults, used when the file runs alone). Each combination of
the values (itertools.product, in the order written) is one mistake: the file's functions see
those values as their globals, and `{k}` / `{op}` (with an optional format spec, `{k:+d}`) in
the name and FIX are replaced by the combination's values (or labels). Its key is
`stem[k=-2,op=<]`, its `family` the stem. Diagnosis names at most one member of a family per
test (the first that fits: write the likeliest values first); validate counts each member that
some test catches (grader.authoring.named).
"""

from __future__ import annotations

import ast
import importlib.util
import itertools
import re
import sys
import types
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

PARAMS = "PARAMS"
MAX_MEMBERS = 256
"""At most this many combinations per family (each is replayed on a failing test)."""

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
    family: str = ""
    """The file's stem when the file is a family (PARAMS), '' for a one-mistake file."""
    params: tuple[tuple[str, str], ...] = ()
    """A family member's (parameter, label) pairs, in PARAMS order."""
    default: bool = True
    """The file run alone is this mistake: a one-mistake file, or the family member whose
    values are the module-level defaults (what `grader demo` ships as the file)."""


def _load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise CatalogueError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def read_mistake(path: Path, api: tuple[str, ...]) -> Mistake:
    """One one-mistake catalogue file as a Mistake (a family's first member)."""
    return read_mistakes(path, api)[0]


def read_mistakes(path: Path, api: tuple[str, ...]) -> tuple[Mistake, ...]:
    """One catalogue file's mistakes: itself, or every member of its family (imports it:
    trusted code only)."""
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
    fix = fix if isinstance(fix, str) else ""
    name = doc.splitlines()[0].strip()
    if PARAMS not in vars(module):
        return (Mistake(key=path.stem, name=name, fix=fix, functions=defined, path=path,
                        overrides={f: getattr(module, f) for f in defined}),)
    return _members(path, module, name, fix, defined)


def _parameters(path: Path, module: ModuleType) -> dict[str, tuple[tuple[str, Any], ...]]:
    """PARAMS as parameter -> ((label, value), ...), checked (CatalogueError names the fix)."""
    params = vars(module)[PARAMS]
    shape = ('write PARAMS = {"k": (-1, 1, 2), ...}: each key a module-level name the '
             "redefined function reads (its default), each value a non-empty tuple of values "
             "or dict label -> value")
    if not isinstance(params, dict) or not params:
        raise CatalogueError(f"{path}: PARAMS must be a non-empty dict; {shape}")
    found: dict[str, tuple[tuple[str, Any], ...]] = {}
    for key, values in params.items():
        if not isinstance(key, str) or not key.isidentifier() or key not in vars(module):
            raise CatalogueError(f"{path}: PARAMS key {key!r} is not a module-level name of "
                                 f"the file; {shape}")
        if isinstance(values, dict):
            pairs = tuple((str(label), value) for label, value in values.items())
        elif isinstance(values, tuple | list):
            pairs = tuple((str(value), value) for value in values)
        else:
            raise CatalogueError(f"{path}: PARAMS[{key!r}] is a {type(values).__name__}; {shape}")
        if not pairs:
            raise CatalogueError(f"{path}: PARAMS[{key!r}] is empty; {shape}")
        found[key] = pairs
    return found


def _filled(text: str, combination: dict[str, tuple[str, Any]], path: Path) -> str:
    """`text` with each `{param}` / `{param:spec}` field replaced (other braces stay)."""
    def one(match: re.Match[str]) -> str:
        label, value = combination[match.group(1)]
        spec = match.group(2)
        if spec is None:
            return label
        try:
            return format(value if label == str(value) else label, spec)
        except (TypeError, ValueError) as exc:
            raise CatalogueError(f"{path}: {match.group(0)} cannot format {value!r} ({exc}); "
                                 "fix the format spec") from None
    names = "|".join(re.escape(k) for k in combination)
    return re.sub(r"\{(" + names + r")(?::([^{}]*))?\}", one, text)


def _members(path: Path, module: ModuleType, name: str, fix: str,
             defined: tuple[str, ...]) -> tuple[Mistake, ...]:
    params = _parameters(path, module)
    keys = list(params)
    if all(f"{{{k}" not in name for k in keys):
        raise CatalogueError(f"{path}: a family's name must say which member it is: put "
                             f"{{{keys[0]}}} (a PARAMS field) in the docstring's first line")
    members: list[Mistake] = []
    seen: dict[str, str] = {}
    for values in itertools.product(*params.values()):
        if len(members) >= MAX_MEMBERS:
            raise CatalogueError(f"{path}: PARAMS has more than {MAX_MEMBERS} combinations; "
                                 "split the family into files")
        combination = dict(zip(keys, values, strict=True))
        namespace = dict(vars(module))
        namespace.update({k: value for k, (_, value) in combination.items()})
        _rebind(namespace, module.__name__)  # the file's functions see the values
        labels = tuple((k, label) for k, (label, _) in combination.items())
        key = f"{path.stem}[{','.join(f'{k}={label}' for k, label in labels)}]"
        member_name = _filled(name, combination, path)
        if member_name in seen:
            raise CatalogueError(f"{path}: members {seen[member_name]} and {key} have the same "
                                 f"name {member_name!r}; put every PARAMS field in the name")
        seen[member_name] = key
        default = all(_same(value, getattr(module, k, _MISSING))
                      for k, (_, value) in combination.items())
        members.append(Mistake(key=key, name=member_name, fix=_filled(fix, combination, path),
                               functions=defined, path=path,
                               overrides={f: namespace[f] for f in defined},
                               family=path.stem, params=labels, default=default))
    return tuple(members)


_MISSING = object()


def _same(a: Any, b: Any) -> bool:
    """A PARAMS value is the module's default (identity, or equal plain values)."""
    if a is b:
        return True
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:  # arrays and other values without one truth value
        return False


@cache
def load_catalogue(folder: Path, api: tuple[str, ...]) -> tuple[Mistake, ...]:
    """Every mistake in `folder/mistakes/*.py`, sorted by file name (cached per process)."""
    return tuple(m for path in catalogue_files(folder) for m in read_mistakes(path, api))


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
    _rebind(namespace, reference.__name__)
    namespace.update(mistake.overrides)
    return namespace


def _rebind(namespace: dict[str, Any], module: str) -> None:
    """Every function of `module` in `namespace` replaced by a copy whose globals are
    `namespace`: a name it looks up (another function, a family's parameter) is found there."""
    for name, value in list(namespace.items()):
        if isinstance(value, types.FunctionType) and value.__module__ == module:
            rebound = types.FunctionType(value.__code__, namespace, value.__name__,
                                         value.__defaults__, value.__closure__)
            rebound.__kwdefaults__ = value.__kwdefaults__
            rebound.__module__ = value.__module__
            namespace[name] = rebound
