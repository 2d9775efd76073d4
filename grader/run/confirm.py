"""A second, independent input for a name the test's own calls barely show (issue 16: "a name
is given only when the student's value matches that mistake's value on the failing inputs,
and on a second, independent input where cheap").

grader.run.diagnose names a catalogue mistake when it reproduces every recorded call. When the
test's calls show the mistake by fewer than THIN wrong entries (one 0/1 output, one value
returned where the reference raises), many different mistakes reproduce them alike: a range
check `0 <= x <= 1` and an int cast before the check both let [0.5, 1.0] through and both
return 1. Then the failing call's arguments are varied (`variants`: an array's entries drawn
again from its own entries, a size one larger or smaller, a number doubled or halved), the
first variants on which the mistake and the reference differ are run on the student's code
(through the sandbox, as any call), and the mistake keeps its name only if the student's
outcome is the mistake's there too. A variant nothing tells apart, or a call into the student
that fails to complete, gives no verdict (the name stands, as before).

The variants are derived from the test's inputs (hidden ones too) but never shown: only the
verdict is used. Costs a few calls into the student's code, only for a failing test whose name
rests on so little.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.errors import StudentError
from grader.run.diagnose import mutant, tolerance
from grader.run.outcomes import Outcome, Recorded, copy_value, matches, run, same, same_outcome
from grader.run.outcomes import viewed as _viewed

THIN = 3
"""A name shown by fewer wrong entries than this on the test's calls is confirmed by probes."""
PROBES = 4
"""Variants that tell the mistake from the reference run on the student's code, per mistake."""
TRIES = 16
"""Variants tried (on trusted code only) to find those."""
BUDGET = 1.0
"""Seconds one test's confirmation may spend."""

StudentCall = Callable[[str, tuple[Any, ...], dict[str, Any]], Recorded | None]
"""Calls the student's function (name, args, kwargs) -> the recorded outcome, None when the
call did not complete (a timeout, a broken worker)."""


def wrong_entries(calls: list[Recorded], expected: list[Outcome | None], mode: Mode) -> int:
    """How many entries of the student's values are wrong over `calls` (an exception where a
    value is expected, or the other way round, counts one; a value of another shape counts
    its size)."""
    count = 0
    for call, exp in zip(calls, expected, strict=True):
        if exp is None:
            continue
        if call.raised is not None or exp.raised is not None:
            count += int(not matches(call, exp, mode))
            continue
        count += _entries(call.value, exp.value, mode)
    return count


def _entries(got: Any, exp: Any, mode: Mode) -> int:
    if same(got, exp, mode):
        return 0
    try:
        g, e = np.asarray(got, dtype=float), np.asarray(exp, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return 1  # not numbers: one wrong value
    if g.shape != e.shape:
        return max(int(g.size), 1)
    with np.errstate(all="ignore"):
        return int(np.sum(~np.isclose(g, e, rtol=mode.rtol, atol=mode.atol, equal_nan=True)))


def variants(call: Recorded, seed: int = 0) -> Iterator[Recorded]:
    """The call with one argument changed: an array's (or a list's) entries drawn again from
    its own entries (so 0/1 data stays 0/1), a positive int one larger or smaller, a float
    doubled or halved; at most TRIES, deterministic."""
    rng = np.random.default_rng(seed)
    made = 0
    positions: list[int | str] = [*range(len(call.args)), *call.kwargs]
    for round_ in range(3):
        for where in positions:
            value = call.args[where] if isinstance(where, int) else call.kwargs[where]
            for changed in _changed(value, rng, round_):
                if made >= TRIES:
                    return
                made += 1
                yield _with(call, where, changed)


def _changed(value: Any, rng: np.random.Generator, round_: int) -> list[Any]:
    if isinstance(value, bool | np.bool_) or callable(value):
        return []
    if isinstance(value, int | np.integer):
        n = int(value)
        return [[n + 1], [n - 1] if n > 1 else [], [n + 2]][round_] if 0 < n < 64 else []
    if isinstance(value, float | np.floating):
        return [[2.0 * float(value)], [0.5 * float(value)], []][round_] if value else []
    if isinstance(value, np.ndarray | list) and not isinstance(value, str):
        try:
            array = np.asarray(value)
        except (ValueError, TypeError):
            return []
        if array.dtype.kind not in "biuf" or array.size < 2:
            return []
        drawn = rng.choice(array.ravel(), size=array.shape, replace=True).astype(array.dtype)
        if np.array_equal(drawn, array):
            return []
        return [drawn if isinstance(value, np.ndarray) else drawn.tolist()]
    return []


def _with(call: Recorded, where: int | str, value: Any) -> Recorded:
    args, kwargs = list(call.args), dict(call.kwargs)
    if isinstance(where, int):
        args[where] = value
    else:
        kwargs[where] = value
    return Recorded(call.name, tuple(args), kwargs, None)


def confirmed(reference: Callable[..., Any], mistake: Callable[[], Any], call: Recorded,
              student: StudentCall, view: Any, mode: Mode, deadline: float) -> bool | None:
    """Whether the student's code gives the mistake's outcome on variants of `call` where the
    mistake and the reference differ: True (on PROBES of them, or on every one found), False
    (on one it does not), None (no variant tells them apart, or a call did not complete)."""
    views = {call.name: view} if view is not None else {}
    verdict: bool | None = None
    told = 0
    refused = run(reference, call, view).raised is not None
    for probe in variants(call):
        if told >= PROBES or time.monotonic() > deadline:
            break
        expected = run(reference, probe, view)
        if (expected.raised is not None) != refused:
            continue  # an input of another kind: one the reference refuses while it took the
            # test's (n = 1 for a network of n >= 2), where a mistake is not written to agree
        theirs = run(mistake(), probe, view)
        if same_outcome(theirs, expected):
            continue  # this variant does not tell the mistake from the reference
        mine = student(probe.name, tuple(copy_value(a) for a in probe.args),
                       {k: copy_value(v) for k, v in probe.kwargs.items()})
        if mine is None:
            return verdict
        if not matches(_viewed(mine, views), theirs, mode):
            return False
        told += 1
        verdict = True
    return verdict


def student_call(student: Any) -> StudentCall:
    """A StudentCall through the student's proxy (grader.sandbox): the same limits as a test's
    calls."""
    def call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Recorded | None:
        sent = (tuple(copy_value(a) for a in args), {k: copy_value(v) for k, v in kwargs.items()})
        try:
            result = student.call(name, *args, **kwargs)
        except StudentError as exc:
            if not exc.exc_type:
                return None  # the call did not complete (a timeout, a broken worker)
            return Recorded(name, *sent, raised=exc.exc_mro or (exc.exc_type,))
        except Exception:
            return None
        return Recorded(name, *sent, raised=None, value=result.value, args_after=result.args,
                        kwargs_after=result.kwargs)
    return call


def refuted(reference: Any, mistakes: tuple[Any, ...], calls: list[Recorded],
            views: dict[str, Any], mode: Mode | None, student: StudentCall) -> set[str]:
    """The keys of the named `mistakes` (grader.run.catalogue.Mistake) that a probe refutes,
    when the test's `calls` show them by fewer than THIN wrong entries (module docstring)."""
    near = tolerance(mode)
    judged = [(c, run(getattr(reference, c.name), c, views.get(c.name)))
              for c in calls if callable(getattr(reference, c.name, None))]
    wrong = [c for c, e in judged if not matches(_viewed(c, views), e, near)]
    if not wrong or wrong_entries([_viewed(c, views) for c, _ in judged],
                                  [e for _, e in judged], near) >= THIN:
        return set()
    deadline = time.monotonic() + BUDGET
    out: set[str] = set()
    for mistake in mistakes:
        for call in wrong:
            theirs = mutant(reference, mistake, call.name)
            if theirs is None:
                continue
            verdict = confirmed(getattr(reference, call.name), theirs, call, student,
                                views.get(call.name), near, deadline)
            if verdict is False:
                out.add(mistake.key)
            break  # one wrong call per mistake: its variants are the second input
    return out
