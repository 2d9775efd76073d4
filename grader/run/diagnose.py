"""Name a failing test's mistake by replaying the student's calls on the mistake catalogue.

While a test runs, `Recording` notes every call into the student's code: the arguments sent,
and what came back (the value and the arguments after the call, or the exception's type). When
the test fails, `diagnose` replays those calls, in the trusted process, on the reference and on
every mistake of the assignment's catalogue (grader.run.catalogue: instructor code). A mistake is
named only when it reproduces the student's outcome on EVERY recorded call of the test, within
the failed check's own tolerance (the calls where the student was right confirm it too), and
differs from the reference on at least one of them. When several mistakes fit, all are named.
A mistake in a function the test did not call directly (the student's B uses their own wrong
A) is named as what the failure follows from.

Passing tests cost only the recording (a copy of the arguments per call).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

import numpy as np

from grader.checks.compare import Mode, diff
from grader.errors import StudentError, StudentTimeout
from grader.run.catalogue import Mistake, world
from grader.sandbox.calls import ByName

RTOL, ATOL = 1e-6, 1e-8
"""The checks' default tolerance (grader.checks.close): a mistake's values are matched with the
failed check's own tolerance, and with this one when the check compares exactly (equal,
unchanged: integers compare exactly under it too) or is not a value check (raises, assert)."""
BUDGET = 2.0
"""Seconds one diagnosis may spend replaying calls (the catalogue is trusted but may be slow)."""


@dataclass(frozen=True)
class Recorded:
    """One call into the student's code and what it gave."""

    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    raised: tuple[str, ...] | None
    """The MRO names of the student's exception, or None when it returned."""
    value: Any = None
    args_after: tuple[Any, ...] = ()
    kwargs_after: dict[str, Any] | None = None


def _copy(value: Any) -> Any:
    return value if callable(value) else copy.deepcopy(value)


class Recording(ByName):
    """Wraps the student proxy for one test: the same calls, each one recorded."""

    def __init__(self, student: Any) -> None:
        self._student = student
        self.calls: list[Recorded] = []
        self.incomplete = False
        """A call timed out or the worker failed: its outcome is unknown, no diagnosis."""
        self.tolerance: Mode | None = None
        """The comparison of the check that failed the test (set by grader.run.runtest)."""

    def __contains__(self, name: object) -> bool:
        return name in self._student

    # The proxy's own requests pass through: they call no student function to replay. A kept
    # value (a handle) cannot be replayed on a mistake, so a test that keeps one is not
    # diagnosed.
    def keep(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        self.incomplete = True
        return self._student.keep(name, *args, **kwargs)

    def fetch(self, value: Any) -> Any:
        return self._student.fetch(value)

    def variable(self, name: str) -> Any:
        return self._student.variable(name)

    def hide(self, name: str) -> None:
        self._student.hide(name)

    def restore(self, name: str = "") -> None:
        self._student.restore(name)

    def call(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        sent = (tuple(_copy(a) for a in args), {k: _copy(v) for k, v in kwargs.items()})
        try:
            result = self._student.call(name, *args, **kwargs)
        except StudentTimeout:
            self.incomplete = True
            raise
        except StudentError as exc:
            if exc.exc_type:
                self.calls.append(Recorded(name, *sent, raised=exc.exc_mro or (exc.exc_type,)))
            else:
                self.incomplete = True
            raise
        self.calls.append(Recorded(name, *sent, raised=None, value=result.value,
                                   args_after=result.args, kwargs_after=result.kwargs))
        return result



@dataclass(frozen=True)
class Outcome:
    raised: str | None
    value: Any = None
    args_after: tuple[Any, ...] = ()
    kwargs_after: dict[str, Any] | None = None


def _run(function: Any, call: Recorded, view: Any = None) -> Outcome:
    args = tuple(_copy(a) for a in call.args)
    kwargs = {k: _copy(v) for k, v in call.kwargs.items()}
    try:
        with np.errstate(all="ignore"):
            value = function(*args, **kwargs)
    except Exception as exc:
        return Outcome(type(exc).__name__)
    return Outcome(None, _seen(view, call, _plain(value)), args, kwargs)


def _seen(view: Any, call: Recorded, value: Any) -> Any:
    """What of `value` a mistake must reproduce: the catalogue's view of it (its `VIEWS`,
    grader.run.catalogue), or the value itself."""
    if view is None:
        return value
    try:
        with np.errstate(all="ignore"):
            return view(call.args, value)
    except Exception as exc:  # a malformed value: its kind of failure is what is compared
        return ("not viewable", type(exc).__name__)


def _viewed(call: Recorded, views: dict[str, Any]) -> Recorded:
    view = views.get(call.name)
    if view is None or call.raised is not None:
        return call
    return replace(call, value=_seen(view, call, call.value))


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list | tuple):
        items = [_plain(v) for v in value]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if type(value).__module__.startswith("torch"):
        return value.detach().cpu().numpy()
    return value


_MODE = Mode("close", rtol=RTOL, atol=ATOL)
_STRICT = Mode("close", rtol=1e-12, atol=1e-15)
"""A mistake must change the reference's result by more than rounding to count as different
(float32 arithmetic differs by ~1e-7 only, and the checks of sigmoid are that strict)."""


def _same(a: Any, b: Any, mode: Mode = _MODE) -> bool:
    try:
        return diff(a, b, "", mode, auto=False) is None
    except Exception:
        return False


def _matches(call: Recorded, outcome: Outcome, mode: Mode = _MODE) -> bool:
    """The student's outcome of `call` is the one `outcome` describes."""
    if call.raised is not None or outcome.raised is not None:
        return call.raised is not None and outcome.raised in call.raised
    args_after = tuple(a for a in call.args_after if not callable(a))
    mine = tuple(a for a in outcome.args_after if not callable(a))
    return _same(call.value, outcome.value, mode) and _same(args_after, mine, mode)


@dataclass(frozen=True)
class Diagnosis:
    mistakes: tuple[Mistake, ...]
    """Every catalogue mistake that reproduces the student's calls."""
    ruled_out: tuple[str, ...]
    """Names of mistakes that were replayed and do NOT reproduce them."""
    called: tuple[str, ...]
    """The student functions the test called."""

    def sentence(self) -> str:
        """'Looks like <name> (in f). Fix: ...' for one, 'one of: ...' for several."""
        parts = []
        for mistake in self.mistakes:
            where = ", ".join(mistake.functions)
            follows = "" if set(mistake.functions) & set(self.called) else \
                " (this test's failure follows from it)"
            fix = f" Fix: {mistake.fix}." if mistake.fix else ""
            parts.append(f"{mistake.name} in {where}(){follows}.{fix}")
        if len(parts) == 1:
            return f"Looks like {parts[0]}"
        return "Looks like one of these mistakes: " + " ".join(
            f"({i}) {p}" for i, p in enumerate(parts, 1))

    def label(self) -> str:
        """The recorded mistake: each name with its function and fix hint (reports show it,
        for hidden tests too: it holds no input or expected value)."""
        return "; ".join(f"{m.name} in {', '.join(m.functions)}()"
                         + (f" (fix: {m.fix})" if m.fix else "") for m in self.mistakes)


def tolerance(mode: Mode | None) -> Mode:
    """The comparison a mistake's values are matched with: the failed check's (see RTOL)."""
    if mode is None or mode.kind == "exact":
        return _MODE
    return Mode(mode.kind, rtol=mode.rtol, atol=mode.atol)


def diagnose(reference: ModuleType, catalogue: tuple[Mistake, ...],
             calls: list[Recorded], others: Sequence[Recorded] = (),
             mode: Mode | None = None,
             views: dict[str, Any] | None = None) -> Diagnosis | None:
    """The mistakes that explain `calls` (see the module docstring); None if nothing to replay.
    `others` are the submission's other calls: a mistake must reproduce those of its own
    functions too (a second, independent input confirms it). `mode` is the failed check's
    comparison: the student's values must match a mistake's within its tolerance. `views`
    (the catalogue's, grader.run.catalogue.load_views) say what of a function's value counts."""
    if not calls or not catalogue:
        return None
    views = views or {}
    own = {id(c) for c in calls}
    calls = [_viewed(c, views) for c in calls]
    others = [_viewed(c, views) for c in others if id(c) not in own]
    near = tolerance(mode)
    deadline = time.monotonic() + BUDGET
    expected: list[Outcome | None] = []
    for call in calls:
        function = getattr(reference, call.name, None)
        expected.append(_run(function, call, views.get(call.name)) if callable(function)
                        else None)
    # the student is wrong on at least one call that the reference can judge
    if all(e is None or _matches(c, e, _STRICT) for c, e in zip(calls, expected, strict=True)):
        return None
    found: list[Mistake] = []
    ruled_out: list[str] = []
    for mistake in catalogue:
        if time.monotonic() > deadline:
            break
        namespace = world(reference, mistake)
        differs, explains = False, True
        confirm = [c for c in others if c.name in mistake.functions]
        checks: list[tuple[Recorded, Outcome | None, bool]] = [
            *((c, e, False) for c, e in zip(calls, expected, strict=True)),
            *((c, None, True) for c in confirm)]
        replayable = True
        for call, exp, confirming in checks:
            function = namespace.get(call.name)
            if (exp is None and not confirming) or not callable(function):
                continue
            view = views.get(call.name)
            got = _run(function, call, view)
            if not _matches(call, got, near):
                explains = False
                # a mistake that draws from global state cannot be replayed: no verdict
                replayable = _same_outcome(got, _run(function, call, view))
                break
            if exp is not None:
                differs = differs or not _same_outcome(got, exp)
        if explains and differs:
            found.append(mistake)
        elif not explains and replayable:
            ruled_out.append(mistake.name)
    return Diagnosis(tuple(found), tuple(ruled_out), tuple(dict.fromkeys(c.name for c in calls)))


def _same_outcome(a: Outcome, b: Outcome) -> bool:
    if a.raised is not None or b.raised is not None:
        return a.raised == b.raised
    return _same(a.value, b.value, _STRICT) and _same(a.args_after, b.args_after, _STRICT)
