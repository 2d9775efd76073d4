"""What a failed check raises, and the one place that words a failure."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from grader.checks.compare import TINY as TINY
from grader.checks.compare import Mode as Mode
from grader.checks.compare import Problem as Problem
from grader.checks.compare import diff as diff

POSSIBLY = "possibly "
"""How a mistake recognised by a predicate (grader.checks.mistakes.when) is recorded: a
predicate fits every error with that symptom (a non-finite value has many causes), so it is a
possibility, never a diagnosis."""


def said(mistake: str) -> str:
    """The sentence a failure's message ends with for `mistake` (with its leading space)."""
    if mistake.startswith(POSSIBLY):
        return (f" Possibly {mistake.removeprefix(POSSIBLY)} (other mistakes can give this "
                "result too).")
    return f" Looks like {mistake}."


class CheckFailure(AssertionError):
    """A check failed. `.message` is for the student; `.mistake` names a recognised mistake;
    `.mode` is the check's comparison (its tolerance), which a diagnosis replays with."""

    def __init__(self, message: str, mistake: str | None = None,
                 mode: Mode | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.mistake = mistake
        self.mode = mode

    def naming(self, mistake: str) -> CheckFailure:
        """This failure with `mistake` said in place of its own guess, if it had one (a check
        that reads what is wrong from the value itself: a gate's mask, a network's unit, a
        staircase's towers)."""
        message = self.message.replace(said(self.mistake), "") if self.mistake else \
            self.message
        return CheckFailure(f"{message}{said(mistake)}", mistake=mistake, mode=self.mode)

    def named_by(self, find: Callable[[], str | None]) -> CheckFailure:
        """This failure named by what `find()` reads from the value, when the check's own
        mistakes= maps named nothing and `find` says something (it is asked only then: it may
        probe the student's code); else this failure as it is."""
        if self.mistake:
            return self
        which = find()
        return self if which is None else self.naming(which)


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
    A variant that itself matches `expected` says nothing and is skipped; a predicate's match
    is a possibility (POSSIBLY)."""
    name = _first_match(got, expected, mistakes, mode)
    if name is None:
        name = problem.mistake or _first_match(got, expected, extra, mode)
    text = problem.text if name is None else f"{problem.text}{said(name)}"
    return CheckFailure(text, mistake=name, mode=mode)


def _first_match(
    got: Any, expected: Any, variants: Mapping[str, Any] | None, mode: Mode
) -> str | None:
    for name, wrong in (variants or {}).items():
        if callable(wrong):
            try:
                if wrong(got):
                    return f"{POSSIBLY}{name}"
            except Exception:
                pass
        elif diff(wrong, expected, "", mode, auto=False) is not None and (
                diff(got, wrong, "", mode, auto=False) is None):
            return name
    return None


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
