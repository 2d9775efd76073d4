"""The one serialisation of the records (grader.models), derived from their dataclass fields.

- `to_data(record)` / `from_data(cls, data)`: plain JSON-ready values (dicts, lists, str,
  float, int, bool, None) and back, for Dask (a RunResult travels from the worker as data,
  never as a pickled object built from student code) and for the results/<student>.json files.
  `to_json` / `from_json` wrap them; non-finite floats (NaN, inf) are written as Python's json
  writes them (NaN, Infinity) and read back.
- `columns(cls)`, `sql_columns(cls)`, `to_row(record)` / `from_row(cls, row)`: one SQLite
  column per field (TEXT, REAL, INTEGER; tuples and dicts as JSON text; `X | None` nullable;
  a NaN REAL as the text "NaN", which SQLite would otherwise store as NULL), for the gradebook
  (grader.store.gradebook).
- `storable(record)`: every string of a record made valid UTF-8; `complete(result, tests, ...)`:
  the RunResult the driver keeps (every test listed, storable); `failed`: a RunResult of a
  submission that did not run.

Nothing here is written field by field: a field added to a record is serialised, stored and
read back without touching this module (its tests prove the round trips field by field).
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import fields, is_dataclass, replace
from typing import Any, Protocol, TypeVar, Union

from grader.config import Assignment
from grader.models import RunResult, SubmissionStatus, TestResult
from grader.testing import TestCase

R = TypeVar("R")


class Cells(Protocol):
    """A row read by column name (sqlite3.Row, a dict)."""

    def __getitem__(self, key: str, /) -> Any: ...


GRADER_CRASH = "the grader could not grade this entry"


# ------------------------------------------------------------------------- the field types

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The record's field types, resolved once per class."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _optional(hint: Any) -> tuple[Any, bool]:
    """(the hint without None, whether None is allowed)."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) < len(typing.get_args(hint)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # noqa: UP007
    return hint, False


def _rebuild(hint: Any, value: Any) -> Any:
    """`value` (plain data) as the field type `hint` says."""
    inner, nullable = _optional(hint)
    if value is None and nullable:
        return None
    if isinstance(inner, type) and is_dataclass(inner):
        return from_data(inner, value)
    origin = typing.get_origin(inner)
    if origin is tuple:
        args = typing.get_args(inner)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_rebuild(args[0], v) for v in value)
        return tuple(_rebuild(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        _, item = typing.get_args(inner)
        return {k: _rebuild(item, v) for k, v in value.items()}
    if inner is float and isinstance(value, (int, str)) and not isinstance(value, bool):
        return float(value)  # JSON's 1 for 1.0; a SQLite cell's "NaN"
    return value


# ------------------------------------------------------------------------- data and JSON

def to_data(record: Any) -> Any:
    """A record (or a value inside one) as plain JSON-ready data: dataclasses become dicts with
    one key per field, tuples become lists."""
    if is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_data(getattr(record, f.name)) for f in fields(record)}
    if isinstance(record, (tuple, list)):
        return [to_data(v) for v in record]
    if isinstance(record, dict):
        return {str(k): to_data(v) for k, v in record.items()}
    return record


def from_data(cls: type[R], data: Mapping[str, Any]) -> R:
    """The record of type `cls` back from `to_data`'s form (a missing key takes the field's
    default)."""
    hints = _hints(cls)
    values = {f.name: _rebuild(hints[f.name], data[f.name]) for f in fields(cls)  # type: ignore[arg-type]
              if f.name in data}
    return cls(**values)


def to_json(record: Any, *, indent: int | None = None) -> str:
    return json.dumps(to_data(record), indent=indent, ensure_ascii=False)


def from_json(cls: type[R], text: str) -> R:
    return from_data(cls, json.loads(text))


# ------------------------------------------------------------------------- SQLite rows

_SQL_TYPES = {str: "TEXT", float: "REAL", int: "INTEGER", bool: "INTEGER"}


def columns(cls: type, *, skip: Sequence[str] = ()) -> tuple[str, ...]:
    """The field names of `cls` stored as columns (all but `skip`)."""
    return tuple(f.name for f in fields(cls) if f.name not in skip)


def sql_columns(cls: type, *, skip: Sequence[str] = (),
                rename: Mapping[str, str] | None = None) -> list[str]:
    """`name TYPE [NOT NULL]` for each stored field: REAL, INTEGER or TEXT (str, a Literal, or
    JSON text for tuples and dicts); nullable when the field may be None."""
    found = []
    hints = _hints(cls)
    for name in columns(cls, skip=skip):
        inner, nullable = _optional(hints[name])
        if typing.get_origin(inner) is typing.Literal:
            inner = type(typing.get_args(inner)[0])
        sql = _SQL_TYPES.get(inner, "TEXT")
        found.append(f"{(rename or {}).get(name, name)} {sql}{'' if nullable else ' NOT NULL'}")
    return found


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return "NaN"  # SQLite would store a NaN REAL as NULL
    if isinstance(value, (str, int, float)) or value is None:
        return value
    return json.dumps(to_data(value), ensure_ascii=False)


def to_row(record: Any, *, skip: Sequence[str] = ()) -> tuple[Any, ...]:
    """The record's stored fields (`columns(type(record), skip=skip)`) as SQLite values."""
    return tuple(_cell(getattr(record, name)) for name in columns(type(record), skip=skip))


def from_row(cls: type[R], row: Cells, *, rename: Mapping[str, str] | None = None,
             **given: Any) -> R:
    """The record of type `cls` from a row read by column name (`rename`: field -> column);
    `given` supplies fields stored elsewhere (e.g. a RunResult's tests)."""
    hints = _hints(cls)
    values = dict(given)
    for name in columns(cls, skip=tuple(given)):
        cell = row[(rename or {}).get(name, name)]
        inner, _ = _optional(hints[name])
        if isinstance(cell, str) and typing.get_origin(inner) in (tuple, dict):
            cell = json.loads(cell)
        values[name] = _rebuild(hints[name], cell)
    return cls(**values)


# ------------------------------------------------------------------------- storable records

_SURROGATE = re.compile("[\ud800-\udfff]")


def text(value: str) -> str:
    """`value` with lone surrogates (undecodable file-name bytes, "\\ud800" from student code)
    replaced by U+FFFD, so it can be stored as UTF-8."""
    return _SURROGATE.sub("\ufffd", value)


def storable(record: R) -> R:
    """`record` with every string in it made valid UTF-8 (student code can return lone
    surrogates)."""
    return typing.cast(R, _storable(record))


def _storable(value: Any) -> Any:
    if isinstance(value, str):
        return text(value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _storable(getattr(value, f.name))
                                 for f in fields(value)})
    if isinstance(value, tuple):
        return tuple(_storable(v) for v in value)
    return value


def not_run(result: RunResult, tests: list[TestCase], notes: list[str], sha256: str) -> RunResult:
    """`result` with every test of the assignment listed (missing ones at 0, "not run")."""
    reason = "not run" if result.status == "graded" else (
        f"not run: {result.status.replace('_', ' ')}")
    have: dict[str, list[TestResult]] = {}
    for t in result.tests:  # a visible and a hidden test may share a name: keep both, in order
        have.setdefault(t.name, []).append(t)
    listed = [
        have[t.name].pop(0) if have.get(t.name) else TestResult(
            name=t.name, points=0.0, max_points=t.points, visibility=t.visibility,
            status="failed", message=reason,
        )
        for t in tests
    ]
    extra = tuple(t for left in have.values() for t in left)
    return replace(result, tests=(*listed, *extra),
                   warnings=(*result.warnings, *notes), sha256=result.sha256 or sha256)


def complete(result: RunResult, tests: list[TestCase], notes: list[str],
             sha256: str) -> RunResult:
    """The RunResult a batch keeps: every test listed (`not_run`), the collector's notes among
    its warnings, the file's hash, every string storable."""
    return storable(not_run(result, tests, notes, sha256))


def failed(student: str, assignment: Assignment, status: SubmissionStatus,
           message: str) -> RunResult:
    return RunResult(student=student, assignment=assignment.name, status=status, tests=(),
                     message=message)
