"""Assertion helpers for imported test cells (nose.tools names as nbgrader's examples use them,
and Otter's recorded-output comparison), working on values returned through the sandbox.

Student exceptions arrive as grader.errors.StudentError carrying the exception's class names
(and are instances of the built-in class among them), so `assert_raises(ValueError, f, x)` and
`except ValueError:` both work.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from grader import checks
from grader.errors import StudentError
from grader.sandbox.local import LocalStudent


def assert_equal(first: Any, second: Any, msg: str | None = None) -> None:
    if isinstance(first, np.ndarray) or isinstance(second, np.ndarray):
        ok = bool(np.array_equal(first, second))
    else:
        ok = bool(first == second)
    if not ok:
        raise AssertionError(msg or f"{checks.short_repr(first)} != {checks.short_repr(second)}")


def assert_not_equal(first: Any, second: Any, msg: str | None = None) -> None:
    if first == second:
        raise AssertionError(msg or f"{checks.short_repr(first)} == {checks.short_repr(second)}")


def assert_true(value: Any, msg: str | None = None) -> None:
    if not value:
        raise AssertionError(msg or f"{checks.short_repr(value)} is not true")


def assert_false(value: Any, msg: str | None = None) -> None:
    if value:
        raise AssertionError(msg or f"{checks.short_repr(value)} is not false")


def assert_almost_equal(first: Any, second: Any, places: int = 7, msg: str | None = None) -> None:
    if round(abs(float(first) - float(second)), places) != 0:
        raise AssertionError(msg or f"{first!r} != {second!r} within {places} places")


def assert_raises(expected: type[BaseException], func: Callable[..., Any], *args: Any,
                  **kwargs: Any) -> None:
    """`func(*args, **kwargs)` raises `expected` (by class name for student exceptions)."""
    try:
        func(*args, **kwargs)
    except StudentError as exc:
        if expected.__name__ in exc.exc_mro or isinstance(exc, expected):
            return
        raise AssertionError(f"expected {expected.__name__}, got {exc.message}") from None
    except expected:
        return
    raise AssertionError(f"{getattr(func, '__name__', 'the call')} did not raise "
                         f"{expected.__name__}")


_ARRAY = re.compile(r"^array\((?P<body>.*?)(,\s*dtype=\w+)?\)$", re.DOTALL)


def _parse_output(text: str) -> Any:
    """A recorded text/plain output as a value: a Python literal or a numpy array repr."""
    text = text.strip()
    match = _ARRAY.match(text)
    if match is not None:
        return np.array(ast.literal_eval(" ".join(match["body"].split())))
    return ast.literal_eval(text)


def expect_output(value: Any, expected: str) -> None:
    """Otter's rule: the last expression of a test cell reproduces the recorded output. Compared
    as values when the output is a literal or an array (floats within checks.close's defaults),
    else by repr."""
    try:
        want = _parse_output(expected)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        if repr(value) != expected.strip():
            raise AssertionError(f"expected output {expected.strip()!r}, got "
                                 f"{checks.short_repr(value)}") from None
        return
    numeric = isinstance(want, int | float | np.ndarray) and not isinstance(want, bool)
    if numeric and not isinstance(value, bool):
        checks.close(value, want, name="the cell's result")
    else:
        checks.equal(value, want, name="the cell's result")


class ReferenceStudent(LocalStudent):
    """A fresh copy of the reference solution, called like the student proxy
    (`reference.squares(3)`); a cell may take its names away without touching `ref`."""

    def __init__(self, ref: ModuleType) -> None:
        path = getattr(ref, "__file__", None)
        spec = importlib.util.spec_from_file_location(f"{ref.__name__}__autotest", path or "")
        if path is None or spec is None or spec.loader is None:
            raise TypeError(f"the reference {ref.__name__} has no source file to copy")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        super().__init__(module)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs).value


def _autotest_views(value: Any) -> list[tuple[str, Any]]:
    """What nbgrader's default autotests.yml compares for a value, by its type, in order."""
    views: list[tuple[str, Any]] = [("type", type(value).__name__)]
    if isinstance(value, bool):
        return [*views, ("value", value)]
    if isinstance(value, float):
        return [*views, ("value (rounded to 2 decimal places)", round(value, 2))]
    if isinstance(value, list | tuple | set):
        views += [("length", len(value)), ("values", sorted(map(str, value)))]
    elif isinstance(value, dict):
        views += [("number of keys", len(value)), ("keys", sorted(map(str, value))),
                  ("values", sorted(map(str, value.values())))]
    elif isinstance(value, str):
        views += [("length", len(value)), ("value", value.lower())]
    return [*views, ("value", repr(value) if isinstance(value, np.ndarray) else value)]


def compare_autotests(cell: Callable[[Any, list[tuple[str, Any]]], None], student: Any,
                      ref: ModuleType) -> None:
    """nbgrader's `### AUTOTEST`: run the cell on a fresh copy of the reference, then on the
    student's code, and compare each snippet's value view by view (type, length, values, ...)."""
    expected: list[tuple[str, Any]] = []
    cell(ReferenceStudent(ref), expected)
    got: list[tuple[str, Any]] = []
    cell(student, got)
    for (snippet, want), (_, have) in zip(expected, got, strict=True):
        for (what, a), (_, b) in zip(_autotest_views(want), _autotest_views(have), strict=False):
            same = bool(np.array_equal(a, b)) if isinstance(a, np.ndarray) else a == b
            if not same:
                raise AssertionError(f"{what} of {snippet} is not correct: got "
                                     f"{checks.short_repr(b)}, expected {checks.short_repr(a)}")
