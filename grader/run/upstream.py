"""A crash whose cause is an earlier call's value (issue 16: where the mistake is).

A test often builds something with one of the student's functions and hands it to another: a
network from deep_parity() to threshold_forward(), a gate's mask from mp_gate() to
mp_neuron(). When the second call raises, its traceback points at the second function, where
the student looks first, although it may be right: the value it was given cannot be used.
`find_upstream` says so when the replays prove it — for a failing test nothing else named:

- the student's B raised on a call whose argument is the value the student's A returned
  earlier in the test, or a part of it (equal to it, or the same numbers once the test
  converted it with np.asarray: a gate's mask);
- the REFERENCE's B raises on that call too (the value cannot be used, whoever's B takes it);
- the reference's A returns a value on A's call that the reference's B takes in its place
  (the test is fine: what the student's A returned is the cause).

The label names both functions and the exception's class, no value (a hidden test's page
shows it): "deep_parity() returns a value that threshold_forward() cannot take".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from grader.run.confirm import with_argument
from grader.run.diagnose import REFERENCE, Replay
from grader.run.outcomes import STRICT, Recorded, same
from grader.run.relations import Related


def _parts(value: Any) -> list[tuple[int | None, Any]]:
    """The value returned, and each part of a returned tuple ((theta, mask) of a gate)."""
    found: list[tuple[int | None, Any]] = [(None, value)]
    if isinstance(value, tuple):
        found += list(enumerate(value))
    return found


def _passed(part: Any, arg: Any) -> bool:
    """`arg` is `part` as the test passed it on: equal, or the same array of numbers after
    np.asarray (a mask converted with np.asarray(mask, dtype=bool))."""
    try:
        if type(arg) is type(part) and same(arg, part, STRICT):
            return True
        if not isinstance(arg, np.ndarray) or arg.dtype.kind not in "biuf":
            return False
        theirs = np.asarray(part)
        return theirs.dtype.kind in "biuf" and theirs.shape == arg.shape and \
            bool(np.array_equal(theirs.astype(arg.dtype), arg))
    except Exception:  # values that cannot be compared: not the one passed on
        return False


def _given(call: Recorded, value: Any) -> tuple[int | str, int | None] | None:
    """Where `call` was given `value` (or one of its parts): (an index of args or a keyword,
    the part's index or None for the whole value)."""
    places: list[tuple[int | str, Any]] = [*enumerate(call.args), *call.kwargs.items()]
    for at, arg in places:
        for part, piece in _parts(value):
            if _passed(piece, arg):
                return at, part
    return None


def _like(value: Any, like: Any) -> Any:
    """`value` converted as the test converted the argument `like` (np.asarray with its
    dtype), so the reference's value stands where the student's stood."""
    return np.asarray(value, dtype=like.dtype) if isinstance(like, np.ndarray) else value


def find_upstream(reference: Any, calls: Sequence[Recorded], replay: Replay,
                  views: Mapping[str, Any] | None = None) -> Related | None:
    """The earlier call whose value made a later call of the test raise (module docstring),
    or None."""
    del views  # a construction seen through a view is what this is about: not skipped
    for k, bad in enumerate(calls):
        taker = getattr(reference, bad.name, None)
        if bad.raised is None or not callable(taker):
            continue
        if replay.run(REFERENCE, lambda f=taker: f, bad).raised is None:
            continue  # the reference takes these arguments: the slip is in this function
        for earlier in calls[:k]:
            maker = getattr(reference, earlier.name, None)
            if earlier.raised is not None or earlier.name == bad.name or not callable(maker):
                continue
            given = _given(bad, earlier.value)
            if given is None:
                continue
            expected = replay.run(REFERENCE, lambda f=maker: f, earlier)
            at, part = given
            if expected.raised is not None or (part is not None and not (
                    isinstance(expected.value, tuple) and len(expected.value) > part)):
                continue
            like = bad.args[at] if isinstance(at, int) else bad.kwargs[at]
            fixed = with_argument(bad, at, _like(
                expected.value if part is None else expected.value[part], like))
            if replay.run(REFERENCE, lambda f=taker: f, fixed).raised is not None:
                continue  # the reference's own value is refused too: the test asks for it
            kind = bad.raised[0]
            return Related(
                f"{earlier.name}() returns a value that {bad.name}() cannot take: {bad.name}() "
                f"raises {kind} on it, the reference's {bad.name}() too (check what "
                f"{earlier.name}() returns: its parts and their shapes)",
                f"The {kind} comes from the value your {earlier.name}() returned: "
                f"{bad.name}() was given it, and the reference's {bad.name}() raises on it as "
                f"well, while it takes what the reference's {earlier.name}() returns on the "
                f"same call. Check what your {earlier.name}() returns (its parts and their "
                f"shapes) against the handout.")
    return None

