"""What a failed check raises, and the one place that words a failure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from grader.checks.compare import TINY as TINY
from grader.checks.compare import Mode as Mode
from grader.checks.compare import Problem as Problem
from grader.checks.compare import diff as diff


class CheckFailure(AssertionError):
    """A check failed. `.message` is for the student; `.mistake` names a recognised mistake."""

    def __init__(self, message: str, mistake: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.mistake = mistake


def relative_error(a: Any, b: Any) -> NDArray[np.float64]:
    """Elementwise |a − b| / max(|a|, |b|, TINY) in float64, broadcasting like numpy.

    Zero-safe: equal entries (two zeros, two equal infinities) give 0; nan gives nan; an
    infinity against a finite number gives inf. Returns an ndarray (0-d for two scalars).
    """
    x, y = np.asarray(a), np.asarray(b)
    kind = np.complex128 if "c" in (x.dtype.kind, y.dtype.kind) else np.float64
    x, y = x.astype(kind), y.astype(kind)
    with np.errstate(all="ignore"):
        err = np.abs(x - y) / np.maximum(np.maximum(np.abs(x), np.abs(y)), TINY)
        err = np.where(np.isnan(err) & ~(np.isnan(x) | np.isnan(y)), np.inf, err)
        return np.asarray(np.where(x == y, 0.0, err), dtype=np.float64)


def fail(
    problem: Problem,
    got: Any,
    expected: Any,
    mistakes: Mapping[str, Any] | None,
    mode: Mode,
    extra: Mapping[str, Any] | None = None,
) -> CheckFailure:
    """The CheckFailure for `problem`, naming the first mistake `got` matches: the caller's
    `mistakes`, then one the comparison recognised itself, then `extra` (automatic variants).
    A variant that itself matches `expected` says nothing and is skipped."""
    name = _first_match(got, expected, mistakes, mode)
    if name is None:
        name = problem.mistake or _first_match(got, expected, extra, mode)
    text = problem.text if name is None else f"{problem.text} Looks like {name}."
    return CheckFailure(text, mistake=name)


def _first_match(
    got: Any, expected: Any, variants: Mapping[str, Any] | None, mode: Mode
) -> str | None:
    for name, wrong in (variants or {}).items():
        if callable(wrong):
            try:
                hit = bool(wrong(got))
            except Exception:
                hit = False
        else:
            hit = diff(wrong, expected, "", mode, auto=False) is not None and (
                diff(got, wrong, "", mode, auto=False) is None
            )
        if hit:
            return name
    return None


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
