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

The trusted side of a probe (the reference and the mistake on each variant, the variants
themselves) depends only on the failing call's arguments, and hidden tests' inputs are seeded
per assignment and test: every student whose test fails on the same call asks the same. So it
goes through the submission's grader.run.diagnose.Replay, i.e. the batch's memo, under the
names the catalogue replay uses (an outcome is answered from it only once reproduced, as
there): once per batch, not once per student (it was most of what naming cost,
bench/RESULTS.md). Only the calls into the student's code run for every student.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.errors import StudentError
from grader.run.diagnose import REFERENCE, Replay, mutant, replayed_as, tolerance
from grader.run.outcomes import (
    Outcome,
    Recorded,
    copy_value,
    matches,
    raised_call,
    run,
    same,
    same_outcome,
)
from grader.run.outcomes import viewed as _viewed
from grader.run.refcache import nbytes

THIN = 3
"""A name shown by fewer wrong entries than this on the test's calls is confirmed by probes."""
PROBES = 4
"""Variants that tell the mistake from the reference run on the student's code, per mistake."""
TRIES = 16
"""Variants tried (on trusted code only) to find those."""
ROUNDS = 4
"""Rounds over the arguments: an int +1, −1, +2, −2 (a float ×2, ×½); an array drawn anew."""
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
    its own entries (so 0/1 data stays 0/1), a positive int one or two larger or smaller, a
    float doubled or halved; at most TRIES, deterministic."""
    rng = np.random.default_rng(seed)
    made = 0
    positions: list[int | str] = [*range(len(call.args)), *call.kwargs]
    for round_ in range(ROUNDS):
        for where in positions:
            value = call.args[where] if isinstance(where, int) else call.kwargs[where]
            for changed in _changed(value, rng, round_):
                if made >= TRIES:
                    return
                made += 1
                yield with_argument(call, where, changed)


def _changed(value: Any, rng: np.random.Generator, round_: int) -> list[Any]:
    if isinstance(value, bool | np.bool_) or callable(value):
        return []
    if isinstance(value, int | np.integer):
        n = int(value)
        return [[n + 1], [n - 1], [n + 2], [n - 2] if n > 1 else []][round_] \
            if 0 < n < 64 else []  # a size of 0 the reference refuses: skipped by the caller
    if isinstance(value, float | np.floating):
        return [[2.0 * float(value)], [0.5 * float(value)], [], []][round_] if value else []
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


def with_argument(call: Recorded, where: int | str, value: Any) -> Recorded:
    """`call` with its argument at `where` (a position or a keyword) replaced by `value`."""
    args, kwargs = list(call.args), dict(call.kwargs)
    if isinstance(where, int):
        args[where] = value
    else:
        kwargs[where] = value
    return Recorded(call.name, tuple(args), kwargs, None)


def confirmed(reference: Callable[..., Any], mistake: Callable[[], Any], call: Recorded,
              student: StudentCall, view: Any, mode: Mode, deadline: float,
              flat: Any = None, *, replay: Replay | None = None,
              who: str | None = None, every: bool = False) -> bool | None:
    """Whether the student's code gives the mistake's outcome on variants of `call` where the
    mistake and the reference differ: True (on PROBES of them, or on every one found), False
    (on one it does not), None (no variant tells them apart, or a call did not complete).
    `flat`: the one value the student's code gave on every call (`_flat`), or None; then only
    variants where the mistake gives another value count (that value is what any mistake
    that never fires, or always does, reproduces). `replay`: where the trusted runs are
    memoized (the module docstring), `who` the mistake's name there (None: it just runs).
    `every`: a variant where the mistake gives the reference's outcome is asked too (up to
    TRIES, within the deadline), and the student's code must give that outcome there as well
    (a one-way 0/1 failure, `_one_way`: a mistake that fires on the same calls as the
    student's code may part from it only where it agrees with the reference)."""
    views = {call.name: view} if view is not None else {}
    verdict: bool | None = None
    told = 0
    refused = _trusted(replay, REFERENCE, lambda: reference, call, views).raised is not None
    for probe in _variants(call, replay):
        if (told >= PROBES and not every) or time.monotonic() > deadline:
            break
        expected = _trusted(replay, REFERENCE, lambda: reference, probe, views)
        if (expected.raised is not None) != refused:
            continue  # an input of another kind: one the reference refuses while it took the
            # test's (n = 1 for a network of n >= 2), where a mistake is not written to agree
        theirs = _trusted(replay, who, mistake, probe, views)
        moved = not same_outcome(theirs, expected)
        if not moved and not every:
            continue  # this variant does not tell the mistake from the reference
        if flat is not None and theirs.raised is None and same(theirs.value, flat[0]):
            continue  # the mistake gives the student's one value here too: no evidence
        mine = student(probe.name, tuple(copy_value(a) for a in probe.args),
                       {k: copy_value(v) for k, v in probe.kwargs.items()})
        if mine is None:
            return verdict
        if not matches(_viewed(mine, views), theirs, mode):
            return False
        if moved:
            told += 1
            verdict = True
    return verdict


def _trusted(replay: Replay | None, who: str | None, function: Callable[[], Any], call: Recorded,
             views: dict[str, Any]) -> Outcome:
    """The outcome of trusted `function()` (a getter) on `call`: through `replay` under the
    memo's name `who`, or run here (no replay, or no name)."""
    if replay is None or who is None:
        return run(function(), call, views.get(call.name))
    return replay.run(who, function, call, views)


def _variants(call: Recorded, replay: Replay | None) -> list[Recorded] | Iterator[Recorded]:
    """variants(call), kept in the batch's memo with `replay` (drawn once per batch: drawing
    from a large array is not free)."""
    if replay is None:
        return variants(call)
    drawn: list[Recorded] = replay.derived(
        "variants", call, lambda: list(variants(call)),
        lambda kept: nbytes([(v.args, v.kwargs) for v in kept]))
    return drawn


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
            return raised_call(name, *sent, exc)
        except Exception:
            return None
        return Recorded(name, *sent, raised=None, value=result.value, args_after=result.args,
                        kwargs_after=result.kwargs)
    return call


def refuted(reference: Any, mistakes: tuple[Any, ...], calls: list[Recorded],
            views: dict[str, Any], mode: Mode | None, student: StudentCall,
            others: list[Recorded] | None = None, *, replay: Replay | None = None,
            kept: set[str] | None = None, proved: set[str] | None = None,
            disproved: set[str] | None = None) -> set[str]:
    """The keys of the named `mistakes` (grader.run.catalogue.Mistake) that a probe refutes,
    when the test's `calls` show them by fewer than THIN wrong entries or only one way
    (`_one_way`: 0/1 values all wrong in the same direction), or when the student's
    code gave one value on all of its calls of their function (these and `others`, the rest of
    the submission's) where the reference's vary (`_flat`: then a name stands only if a probe
    proves it). `replay`: the submission's (its memo keeps the trusted runs, the module
    docstring). `kept`: the keys of mistakes earlier calls for the same test kept (probed to
    the end, within the budget), not probed again (the same probes would give the same
    verdict); the ones kept here are added to it. `proved`: the keys of mistakes whose probes
    all gave the student's outcome (on PROBES variants, or every one found) in an earlier test
    of the submission, not probed again; the ones proved here are added to it. `disproved`:
    where the keys of mistakes a probe's outcome contradicted are added (not those refuted
    only because no probe could run in time: that depends on the machine's load)."""
    near = tolerance(mode)
    judged = [(c, _trusted(replay, REFERENCE, partial(getattr, reference, c.name), c, views))
              for c in calls if callable(getattr(reference, c.name, None))]
    wrong = [c for c, e in judged if not matches(_viewed(c, views), e, near)]
    own = {id(c) for c in calls}
    rest = [_viewed(c, views) for c in others or () if id(c) not in own and c.raised is None]
    flats = {name: _flat(reference, name, [(_viewed(c, views), e) for c, e in judged
                                           if c.name == name], rest, views, replay)
             for name in dict.fromkeys(c.name for c in wrong)}
    every = _one_way(judged, views)
    if not wrong or (not any(flats.values()) and not every and wrong_entries(
            [_viewed(c, views) for c, _ in judged], [e for _, e in judged], near) >= THIN):
        return set()
    deadline = time.monotonic() + BUDGET
    out: set[str] = set()
    for mistake in mistakes:
        if (kept is not None and mistake.key in kept) or (proved is not None and
                                                          mistake.key in proved):
            continue
        for call in wrong:
            theirs = mutant(reference, mistake, call.name)
            if theirs is None:
                continue
            verdict = confirmed(getattr(reference, call.name), theirs, call, student,
                                views.get(call.name), near, deadline, flats[call.name],
                                replay=replay, who=replayed_as(reference, mistake, call.name),
                                every=every)
            if verdict is False or (flats[call.name] is not None and verdict is None):
                out.add(mistake.key)
                if verdict is False and disproved is not None:
                    disproved.add(mistake.key)
            elif kept is not None and time.monotonic() <= deadline:
                kept.add(mistake.key)  # probed to the end: the budget cut nothing short
            if verdict is True and proved is not None:
                proved.add(mistake.key)
            break  # one wrong call per mistake: its variants are the second input
    return out


def _one_way(judged: list[tuple[Recorded, Outcome]], views: dict[str, Any]) -> bool:
    """Every value is one 0/1 number and every wrong one is off the same way (1 where 0 is
    expected, or 0 where 1 is): a function that fires too often (or too rarely) on the test's
    calls matches every mistake that fires on the same calls, however many they are, so the
    names it shows are probed like thin ones (heldout15's `replace_forgets_theta`, θ left at
    0, fired on every call but a veto, as does a count of the excitatory inputs compared with
    a θ no larger than it; θ one or two larger tells them apart)."""
    ways: set[bool] = set()
    for call, expected in judged:
        mine = _viewed(call, views)
        if mine.raised is not None or expected.raised is not None:
            return False
        got, exp = mine.value, expected.value
        if not all(isinstance(v, int | bool | np.integer | np.bool_) and int(v) in (0, 1)
                   for v in (got, exp)):
            return False
        if int(got) != int(exp):
            ways.add(int(got) > int(exp))
    return len(ways) == 1


FLAT = 3
"""Calls (at least) on which one value everywhere is a pattern rather than chance."""
FLAT_CALLS = 64
"""At most this many of the submission's other calls are run on the reference to see its
values vary (only for a function whose values do not)."""


def _flat(reference: Any, name: str, judged: list[tuple[Recorded, Outcome]],
          others: list[Recorded], views: dict[str, Any],
          replay: Replay | None = None) -> tuple[Any] | None:
    """(the value,) when the student's `name` returned that one value on every call the
    submission made of it that returned (the test's, `judged` with the reference's outcomes,
    and `others`, the rest of the submission's: FLAT or more) while the reference's values
    vary, else None. Such a function fits every mistake that never fires (or always does): a
    veto test written `>= 0` that vetoes every input looks like `count == θ + 2` on inputs where
    the count never reaches θ + 2. A name is then kept only when a variant where the mistake
    gives another value shows the student's code giving it too (heldout10 veto_test_ge_zero).
    The test's calls the reference refuses are left out; a test whose calls the student's code
    raised on (where the reference returned) is not flat."""
    kept = [(c, e) for c, e in judged if e.raised is None]
    if not kept or any(c.raised is not None for c, _ in kept):
        return None
    first = kept[0][0].value
    mine = [c for c in others if c.name == name]
    if len(kept) + len(mine) < FLAT or not all(
            same(c.value, first) for c in [*(c for c, _ in kept), *mine]):
        return None
    values = [e.value for _, e in kept]
    for call in mine[:FLAT_CALLS]:
        if len(values) > 1 and not all(same(v, values[0]) for v in values[1:]):
            break
        theirs = _trusted(replay, REFERENCE, lambda: getattr(reference, name), call, views)
        if theirs.raised is None:
            values.append(theirs.value)
    if all(same(v, values[0]) for v in values[1:]):
        return None  # the reference's values do not vary either
    return (first,)
