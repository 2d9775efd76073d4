"""What a failing value's error depends on (issue 16's last resort, after grader.run.localise).

A TA who sees a loss that is wrong by the same amount whatever the samples are says "your
regulariser is wrong": the error (the student's value minus the reference's) does not change
when X and y change, only when W or reg do. `find_dependence` asks that of the student's code
for a failing test nothing else named: on the test's first wrong call of a function, each
argument in turn is redrawn twice (an array's entries drawn again from its own entries, so 0/1
data stays 0/1 and labels stay labels; a float doubled and halved) and the call is run on the
student's code (through the sandbox) and on the reference. An argument whose two changes both
leave the error as it was (to float noise: SAME, a ten-billionth of the value's scale) while
they move the expected value is one the error does not depend on; one whose change moves the
error is one it does; a change that moves neither tells nothing (a steepness doubled where
every sigmoid is saturated). An error smaller than MATERIAL (a ten-thousandth of the value's
scale: an eps added where it should guard a division) is not looked at. A change counts as
leaving the error only where it moves the expected value at half or more of the entries where
the error is (a tower's right edge moved tells nothing of an error left of its left edge, nor a
steepness doubled, which moves only points near an edge), and an error that is one amount on
three or more entries (a branch's step: h on a set of points), or a whole number of halves of a
number argument (exactly h), is not looked at either: no small change moves it unless a point
crosses an edge.
Said when some arguments are of each kind: "hinge_loss()'s error does not depend on X
or y, and does on W and reg". An argument that cannot be changed
(an int: a size, a count, a seed; a function; a list) or whose change the reference refuses is
not judged either way, and a function with one judged argument is not said.

Costs two calls into the student's code per judged argument, only for a failing test no other
stage named; the label holds parameter names only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from grader.run.confirm import StudentCall, with_argument
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import Recorded, same
from grader.run.relations import Related, _leaves, by_name, functions, parameters

SEED = 20261207
"""The redrawn entries' generator (deterministic: every student's probe is the same)."""


def _changed(value: Any, rng: np.random.Generator) -> list[Any]:
    """Two changes of one argument (none for what is not changed: ints, bools, callables)."""
    if isinstance(value, float | np.floating) and value != 0:
        return [2.0 * float(value), 0.5 * float(value)]
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf" and value.size >= 2:
        out: list[np.ndarray] = []
        for _ in range(6):
            drawn = rng.choice(value.ravel(), size=value.shape, replace=True).astype(value.dtype)
            if not np.array_equal(drawn, value) and not any(np.array_equal(drawn, o)
                                                            for o in out):
                out.append(drawn)
            if len(out) == 2:
                return out
    return []


def _error(student: Any, reference: Any) -> tuple[list[np.ndarray], list[np.ndarray]] | None:
    """The student's value minus the reference's, and the reference's, leaf by leaf; None when
    their structures, shapes or finiteness differ."""
    leaves = _leaves([student], [reference])
    if leaves is None:
        return None
    errors, values = [], []
    for _, got, exp in leaves:
        g, e = np.asarray(got[0], dtype=np.float64), np.asarray(exp[0], dtype=np.float64)
        if g.shape != e.shape or not (np.all(np.isfinite(g)) and np.all(np.isfinite(e))):
            return None
        errors.append(g - e)
        values.append(e)
    return errors, values


MATERIAL = 1e-4
"""An error (or a change of one) smaller than this times the value's scale is not material: a
tiny error (an eps added where it should guard a division) is unchanged by anything."""


def _scale(leaves: list[np.ndarray]) -> float:
    return max([float(np.max(np.abs(x))) for x in leaves if x.size] or [0.0])


SAME = 1e-10
"""Two errors are one when they differ by at most this times the value's scale (float noise of
one formula run on other inputs)."""


def _alike(a: list[np.ndarray], b: list[np.ndarray], tol: float) -> bool:
    """Two errors are one: they differ nowhere by more than `tol`."""
    return len(a) == len(b) and all(
        x.shape == y.shape and bool(np.all(np.abs(x - y) <= tol))
        for x, y in zip(a, b, strict=True))


MOVES = 0.05
"""A change counts as moving the expected value only by this much of the value's scale: a
sigmoid's tail moved by a far edge (a few hundredths) is not a dependence tested."""


def _moved_where_wrong(now: list[np.ndarray], before: list[np.ndarray],
                       error: list[np.ndarray], tol: float, moves: float) -> bool:
    """The expected value moved (by more than `moves`) at half or more of the entries where the
    error is (more than `tol`): an argument that moves the value only where the student is
    right (a tower's right edge, where only its left one is wrong), or only at a few points
    near a steep step (a steepness doubled), shows nothing about the error."""
    if any(not x.shape == y.shape == e.shape for x, y, e in zip(now, before, error,
                                                                 strict=True)):
        return False
    wrong = np.concatenate([(np.abs(e) > tol).ravel() for e in error])
    moved = np.concatenate([(np.abs(x - y) > moves).ravel() for x, y in zip(now, before,
                                                                          strict=True)])
    return bool(wrong.any()) and 2 * int(np.sum(moved & wrong)) >= int(np.sum(wrong))


def _stepped(error: list[np.ndarray], tol: float) -> bool:
    """Three or more entries are wrong, all by one amount (up to sign): the error of a branch
    or a sign slip, h on a set of points, which no small change of a continuous argument moves
    unless a point crosses the set's edge; that it did not move says nothing."""
    wrong = np.concatenate([np.abs(e).ravel() for e in error])
    wrong = wrong[wrong > tol]
    return wrong.size >= 3 and float(np.ptp(wrong)) <= tol


def _whole_steps(error: list[np.ndarray], call: Recorded, tol: float) -> bool:
    """Every wrong entry is a whole number of halves of one number argument of the call (a
    tower's error of exactly h or h/2: a step that is there or not, not a formula to trace)."""
    wrong = np.concatenate([e.ravel() for e in error])
    wrong = wrong[np.abs(wrong) > tol]
    numbers = [float(a) for a in (*call.args, *call.kwargs.values())
               if isinstance(a, int | float | np.number) and not isinstance(a, bool | np.bool_)
               and a != 0]
    return wrong.size > 0 and any(
        bool(np.all(np.abs(2 * wrong / h - np.round(2 * wrong / h)) <= tol / abs(h)))
        for h in numbers)


def find_dependence(reference: Any, calls: Sequence[Recorded], mode: Any, replay: Replay,
                    views: Mapping[str, Any] | None, probe: StudentCall) -> Related | None:
    """What the error of the first wrong call of a function of `calls` depends on (module
    docstring), or None."""
    near = tolerance(mode)
    for name, function in functions(reference, calls, views):
        params = parameters(function)
        for call in (c for c in calls if c.name == name and c.raised is None):
            theirs = replay.run(REFERENCE, lambda f=function: f, call)
            if theirs.raised is not None or same(call.value, theirs.value, near):
                continue
            compared = _error(call.value, theirs.value)
            if compared is None:
                break  # this function's wrong call is not a matter of an error
            error, values = compared
            scale = max(_scale(values), 1e-12)
            if _scale(error) < MATERIAL * scale or _stepped(error, MATERIAL * scale) or \
                    _whole_steps(error, call, MATERIAL * scale):
                break  # too small an error, or a step: nothing tells what moves it
            found = _judged(name, function, call, params, error, values, scale, replay, probe)
            if found is not None:
                return found
            break  # one wrong call per function is probed
    return None


def _judged(name: str, function: Any, call: Recorded, params: Sequence[str],
            error: list[np.ndarray], values: list[np.ndarray], scale: float, replay: Replay,
            probe: StudentCall) -> Related | None:
    """The arguments the error depends on and those it does not, said when there are both: an
    argument counts as one the error does not depend on only where its changes move the
    EXPECTED value materially (a steepness doubled where the sigmoids are saturated moves
    nothing, and tells nothing), and as one it depends on where they move the error
    materially."""
    bound = by_name(call, params)
    rng = np.random.default_rng(SEED)
    depends: list[str] = []
    free: list[str] = []
    for param in params:
        if param not in bound:
            continue
        changes = _changed(bound[param], rng)
        if not changes:
            continue
        moved = kept = 0
        for value in changes:
            variant = with_argument(call, param if param in call.kwargs
                                    else params.index(param), value)
            theirs = replay.run(REFERENCE, lambda f=function: f, variant)
            if theirs.raised is not None:
                continue
            mine = probe(name, variant.args, variant.kwargs)
            if mine is None or mine.raised is not None:
                continue
            again = _error(mine.value, theirs.value)
            if again is None or len(again[1]) != len(values):
                continue
            err, now = again
            if not _alike(err, error, SAME * scale):
                moved += 1
            elif _moved_where_wrong(now, values, error, MATERIAL * scale, MOVES * scale):
                kept += 1  # the expected value moved where the error is, the error did not
        if moved and not kept:
            depends.append(param)
        elif kept == len(changes):
            free.append(param)
    if not depends or not free:
        return None
    on, off = " and ".join(depends), " or ".join(free)
    return Related(
        f"{name}()'s error does not depend on {off}, and does on {on} (changing {off} moves "
        f"the expected value where you are wrong, but not your error): look where {on} enter "
        f"without {off}",
        f"The error of your {name}() (your value minus the expected one) does not depend on "
        f"{off}: changing {off} moves the expected value where yours is wrong but leaves your "
        f"error as it is, while changing {on} moves it. The mistake is likely in a part of the "
        f"value that {off} does not enter (a term, a factor or a default of {on}).")
