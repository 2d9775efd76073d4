"""An input check that lets some invalid inputs through, named by what those inputs share
(issue 16's last resort, before grader.run.shapes).

"expected ValueError for x = [0.5, 1.0], but it returned 1" says that one input got through; a
TA says which kind: "your check lets fractional values through". `find_lax_check` looks at every
call of a function in the submission (the failing test's and the others') where the reference
raised ValueError from its own check (a `raise` of the handout's contract): the student's code
either refused it too (raised ValueError) or let it through (returned, or failed later with
another exception). A kind of value is named when it is in an argument of EVERY call let through
and of NO call refused — a negative entry, a fractional entry, an entry above one, an entry
other than zero and one, an entry other than minus one and plus one, a zero (a 0/1 label let
through where ±1 is asked) — and when exactly one kind does so (two kinds that split the calls
alike are a guess), and no input the reference accepts
has it (0 is no "entry other than minus one and plus one" for a 0/1 input). When the recorded
calls are all there is, the kind is a guess about one position: so a valid call with its first
and then its last entry set to −1, 2, 0.5 and 0 in turn is run on the student's code too (eight
calls at most, only for a test where an invalid input got through and only where the reference
refuses the variant), and the kind must hold with those (a check that skips index 0 lets a
negative first entry through but refuses a negative last one: no kind). The label holds no
value of the test: the function, the argument, the kind in words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from grader.run.confirm import StudentCall, with_argument
from grader.run.diagnose import REFERENCE, Replay
from grader.run.outcomes import Recorded
from grader.run.relations import Related, by_name, functions, of_kinds, parameters

CONFIRM = 48
"""At most this many of the submission's other calls of the function are read."""

KINDS: tuple[tuple[str, Callable[[np.ndarray], bool]], ...] = (
    ("a negative entry", lambda a: bool(np.any(a < 0))),
    ("a fractional entry", lambda a: bool(np.any(a != np.round(a)))),
    ("an entry above one", lambda a: bool(np.any(a > 1))),
    ("an entry other than zero and one", lambda a: bool(np.any((a != 0) & (a != 1)))),
    ("an entry other than minus one and plus one",
     lambda a: bool(np.any((a != -1) & (a != 1)))),
    ("an entry equal to zero", lambda a: bool(np.any(a == 0))),
)


def _numbers(value: Any) -> np.ndarray | None:
    if isinstance(value, bool | np.bool_ | str) or callable(value):
        return None
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array if array.size and np.all(np.isfinite(array)) else None


PROBED = (-1.0, 2.0, 0.5, 0.0)
"""The entries a valid call's argument is given, one at a time, to tell two kinds apart."""


def find_lax_check(reference: Any, calls: Sequence[Recorded], replay: Replay,
                   views: Mapping[str, Any] | None = None,
                   others: Sequence[Recorded] = (),
                   probe: StudentCall | None = None) -> Related | None:
    """The kind of invalid value the student's check lets through (module docstring), for the
    first function of `calls` where one kind splits the calls, or None."""
    for name, function in functions(reference, calls, views):
        params = parameters(function)
        mine = [c for c in calls if c.name == name]
        through: list[Recorded] = []
        refused: list[Recorded] = []
        valid: list[Recorded] = []
        for call in [*mine, *of_kinds(name, mine, others, CONFIRM)]:
            _sort(call, replay.run(REFERENCE, lambda f=function: f, call), through, refused,
                  valid)
        own = {id(c) for c in mine}
        if not any(id(c) in own for c in through):
            continue
        if probe is not None and valid:
            for variant in _variants(valid[0]):
                theirs = replay.run(REFERENCE, lambda f=function: f, variant)
                if theirs.raised != "ValueError" or not theirs.deliberate:
                    continue
                ran = probe(name, variant.args, variant.kwargs)
                if ran is not None:
                    _sort(ran, theirs, through, refused, valid)
        found = _kind(through, refused, valid, params)
        if found is not None:
            param, kind = found
            return Related(
                f"{name}() lets inputs with {kind} in {param} through (the reference raises "
                f"ValueError for them): its input check does not refuse {kind}",
                f"Your {name}() does not refuse a {param} with {kind}: on every call where "
                f"{param} has {kind} and the reference raises ValueError, yours does not, and it "
                f"refuses the other invalid inputs. Check the condition of your input check for "
                f"{kind}.")
    return None


def _sort(call: Recorded, theirs: Any, through: list[Recorded], refused: list[Recorded],
          valid: list[Recorded]) -> None:
    """Put `call` with the inputs the student let through, refused, or the valid ones."""
    if theirs.raised is None:
        valid.append(call)
    elif theirs.raised == "ValueError" and theirs.deliberate:  # the handout asks to refuse it
        if call.raised is not None and "ValueError" in call.raised:
            refused.append(call)
        else:
            through.append(call)


def _variants(call: Recorded) -> list[Recorded]:
    """The valid `call` with the first, then the last, entry of one numeric array argument set
    to each of PROBED."""
    out = []
    places: list[tuple[int | str, Any]] = [*enumerate(call.args), *call.kwargs.items()]
    for where, value in places:
        array = _numbers(value) if isinstance(value, np.ndarray | list) else None
        if array is None or array.ndim != 1:
            continue
        for at in sorted({0, array.size - 1}):  # a check may skip a position (index 0
            for entry in PROBED:  # falsy): the kind must hold wherever the entry is
                changed = array.copy()
                changed[at] = entry
                out.append(with_argument(call, where, changed))
    return out


def _kind(through: list[Recorded], refused: list[Recorded], valid: list[Recorded],
          params: Sequence[str]) -> tuple[str, str] | None:
    """(argument, kind) of the one kind in an argument of every call let through, of no call
    refused and of no valid call, or None."""
    fits: list[tuple[str, str]] = []
    for param in params:
        values = [_numbers(by_name(c, params).get(param)) for c in [*through, *refused]]
        if any(v is None for v in values):
            continue
        fine = [v for v in (_numbers(by_name(c, params).get(param)) for c in valid)
                if v is not None]
        let, kept = values[:len(through)], values[len(through):]
        for words, test in KINDS:
            if all(test(v) for v in let if v is not None) and \
                    not any(test(v) for v in kept if v is not None) and \
                    not any(test(v) for v in fine):
                fits.append((param, words))
    return fits[0] if len(fits) == 1 else None
