"""Assertion helpers for imported test cells (nose.tools names as nbgrader's examples use them,
and Otter's recorded-output comparison), working on values returned through the sandbox.

Student exceptions arrive as grader.errors.StudentError carrying the exception's class names,
so `assert_raises(ValueError, f, x)` checks those names rather than `isinstance`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from grader import checks
from grader.errors import StudentError


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
