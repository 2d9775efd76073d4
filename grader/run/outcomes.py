"""A recorded call into the student's code, and what a trusted function gives on it: the
values grader.run.diagnose replays and compares (split from it to keep modules short).

`Recorded` is one call and what the student's code gave; `run` runs a trusted function (the
reference, a catalogue mistake) on a copy of its arguments (its value seen through the
catalogue's view of that function, if any: `seen`, `viewed`); `matches` says whether the
student's outcome is that one within a check's tolerance; `same_outcome` whether two trusted
outcomes agree beyond rounding.
"""

from __future__ import annotations

import copy
import math
import re
import sysconfig
import traceback
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from grader.checks.compare import Mode, diff
from grader.errors import StudentError

RTOL, ATOL = 1e-6, 1e-8
"""The checks' default tolerance (grader.checks.close): a mistake's values are matched with the
failed check's own tolerance, and with this one when the check compares exactly (equal,
unchanged: integers compare exactly under it too) or is not a value check (raises, assert)."""


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
    message: str = ""
    """The student's exception's message (when it raised)."""
    deliberate: bool = False
    """The student's own code raised it with a `raise` statement (a check of theirs), not an
    operation that failed (numpy, an index, a division)."""


_IMMUTABLE = frozenset({type(None), bool, int, float, complex, str, bytes})
_PLAIN_DTYPES = frozenset("biufcmMSU")
"""Array dtypes whose `copy()` copies everything (object arrays hold references)."""


def copy_value(value: Any) -> Any:
    """A copy the caller may change without changing `value` (a function is kept as is).
    Plain data (numbers, strings, numeric arrays, and exact tuples, lists and dicts of them)
    is copied directly, an array seen twice inside `value` copied once (as copy.deepcopy
    does); anything else goes through copy.deepcopy. Every call into the student's code
    copies its arguments (grader.run.diagnose.Recording), so this is on the grading path."""
    return _copied(value, {})


def _copied(value: Any, seen: dict[int, Any]) -> Any:
    kind = type(value)
    if kind in _IMMUTABLE or isinstance(value, np.generic):
        return value
    if kind is np.ndarray and value.dtype.kind in _PLAIN_DTYPES:
        found = seen.get(id(value))
        if found is None:
            found = seen[id(value)] = value.copy(order="K")
        return found
    if kind is tuple:
        return tuple(_copied(item, seen) for item in value)
    if kind is list:
        return [_copied(item, seen) for item in value]
    if kind is dict:
        return {key: _copied(item, seen) for key, item in value.items()}
    return value if callable(value) else copy.deepcopy(value)


@dataclass(frozen=True)
class Outcome:
    raised: str | None
    value: Any = None
    args_after: tuple[Any, ...] = ()
    kwargs_after: dict[str, Any] | None = None
    mro: tuple[str, ...] = ()
    """The exception's MRO names (when it raised)."""
    message: str = ""
    """The exception's message (when it raised)."""
    deliberate: bool = False
    """A `raise` statement of the trusted code itself raised it (a check of its own), not an
    operation that failed inside a library (numpy, an index, a division)."""


def run(function: Any, call: Recorded, view: Any = None) -> Outcome:
    """`function`'s outcome on a copy of `call`'s arguments; its value seen through `view`."""
    args = tuple(copy_value(a) for a in call.args)
    kwargs = {k: copy_value(v) for k, v in call.kwargs.items()}
    try:
        with np.errstate(all="ignore"):
            value = function(*args, **kwargs)
    except Exception as exc:
        return Outcome(type(exc).__name__, mro=tuple(c.__name__ for c in type(exc).__mro__),
                       message=str(exc), deliberate=_raised_by_own_code(exc))
    return Outcome(None, seen(view, call, _plain(value)), args, kwargs)


def seen(view: Any, call: Recorded, value: Any) -> Any:
    """What of `value` a mistake must reproduce: the catalogue's view of it (its `VIEWS`,
    grader.run.catalogue), or the value itself."""
    if view is None:
        return value
    try:
        with np.errstate(all="ignore"):
            return view(call.args, value)
    except Exception as exc:  # a malformed value: its kind of failure is what is compared
        return ("not viewable", type(exc).__name__)


def viewed(call: Recorded, views: dict[str, Any]) -> Recorded:
    """`call` with the student's value seen through its function's view (if it has one)."""
    view = views.get(call.name)
    if view is None or call.raised is not None:
        return call
    return replace(call, value=seen(view, call, call.value))


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


MODE = Mode("close", rtol=RTOL, atol=ATOL)
STRICT = Mode("close", rtol=1e-12, atol=1e-15)
"""A mistake must change the reference's result by more than rounding to count as different
(float32 arithmetic differs by ~1e-7 only, and the checks of sigmoid are that strict)."""


def same(a: Any, b: Any, mode: Mode = MODE) -> bool:
    if _identical(a, b):  # what diff would find entry by entry (a long list of counts)
        return True
    try:
        return diff(a, b, "", mode, auto=False, verdict=True) is None
    except Exception:
        return False


def _identical(a: Any, b: Any) -> bool:
    """a and b are the same finite values of the same types (so within any tolerance); False
    also when unsure (NaN, inf, other types): diff decides."""
    kind = type(a)
    if kind is not type(b):
        return False
    if a is None or kind in (bool, int, str):
        return bool(a == b)
    if kind is float:
        return math.isfinite(a) and a == b
    if kind is np.ndarray:
        return (a.dtype == b.dtype and a.shape == b.shape and a.dtype.kind in "biuf"
                and (a.dtype.kind != "f" or bool(np.isfinite(a).all()))
                and bool(np.array_equal(a, b)))
    if kind in (list, tuple):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b, strict=True))
    if kind is dict:
        return list(a) == list(b) and all(_identical(a[k], b[k]) for k in a)
    return False


ARITHMETIC = "ArithmeticError"
"""Floating-point trouble has several faces for one computation: math.exp and float ** raise
OverflowError, a Python float divided by 0 ZeroDivisionError, numpy under errstate("raise")
FloatingPointError, and numpy by default returns inf/nan with a warning. So an ArithmeticError
on one side matches, on the other, another ArithmeticError or a returned value holding a
non-finite number (`matches`): the same computation left the floats, reported two ways. A
finite value computed through a warning (1/(1 + inf) = 0) does not match a raise: the
reference's own np.where computes branches it throws away, so a warning alone says nothing.
Any other exception matches only its own kind (the trusted one's type among the student's
exception's bases): both crashing for unrelated reasons (a ValueError and an IndexError) is no
evidence. Nor is one kind raised two ways: a `raise` of one side's own check (Recorded and
Outcome .deliberate) and, on the other, an operation that failed (numpy's matmul refusing
the shapes), unless the messages say the same (`same_message`): a function that raises
ValueError because every layer got the last layer's weights does not show a mistake whose
shape check refuses (heldout14's late-binding lambdas were named "possibly not
concatenated")."""


def matches(call: Recorded, outcome: Outcome, mode: Mode = MODE) -> bool:
    """The student's outcome of `call` is the one `outcome` describes (see ARITHMETIC)."""
    if call.raised is not None and outcome.raised is not None:
        if call.deliberate != outcome.deliberate and not same_message(call.message,
                                                                      outcome.message):
            return False  # a check of one's own refused, where the other's operation failed
        return outcome.raised in call.raised or (
            ARITHMETIC in call.raised and ARITHMETIC in outcome.mro)
    if call.raised is not None:
        return ARITHMETIC in call.raised and not finite(outcome.value)
    if outcome.raised is not None:
        return ARITHMETIC in outcome.mro and not finite(call.value)
    args_after = tuple(a for a in call.args_after if not callable(a))
    mine = tuple(a for a in outcome.args_after if not callable(a))
    mode = _rounding(call.value, outcome.value, mode)
    return same(call.value, outcome.value, mode) and same(args_after, mine, mode)


LOW_ULPS = 16
"""How many units in the last place two single-precision results of one formula may differ by:
float32 sums are rounded at every step, so a matmul in the sandbox and the same matmul here
differ in the last bits whenever their kernels add in another order (numpy's own loop for an
unaligned array vs OpenBLAS's AVX-512 one: the demo's float32 gradient stopped matching its
catalogue mistake on such a CPU)."""


def _low(value: Any) -> tuple[float, float] | None:
    """The machine epsilon of the widest float leaf of `value` and its largest magnitude, when
    every float leaf is of single (or half) precision; None otherwise."""
    leaves = [value] if not isinstance(value, list | tuple) else list(value)
    eps, scale, seen = 0.0, 0.0, False
    for leaf in leaves:
        if isinstance(leaf, np.ndarray | np.floating) and np.asarray(leaf).dtype.kind == "f":
            dtype = np.asarray(leaf).dtype
            if dtype.itemsize > 4:
                return None
            seen = True
            eps = max(eps, float(np.finfo(dtype).eps))
            finite_part = np.asarray(leaf)[np.isfinite(leaf)]
            scale = max(scale, float(np.abs(finite_part).max()) if finite_part.size else 0.0)
        elif isinstance(leaf, float):
            return None
    return (eps, scale) if seen else None


def _rounding(got: Any, expected: Any, mode: Mode) -> Mode:
    """`mode`, widened to single precision's rounding when both values are single precision
    (a float32 mistake's replay here vs the student's float32 values from the sandbox)."""
    a, b = _low(got), _low(expected)
    if a is None or b is None or mode.kind == "exact":
        return mode
    eps, scale = max(a[0], b[0]), max(a[1], b[1])
    return Mode(mode.kind, rtol=max(mode.rtol, LOW_ULPS * eps),
                atol=max(mode.atol, LOW_ULPS * eps * scale), got=mode.got, exp=mode.exp,
                differ=mode.differ)


def raised_call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any],
                exc: StudentError) -> Recorded:
    """The record of a call into the student's code that raised `exc` (its class known): the
    one place a StudentError becomes a Recorded (grader.run.diagnose.Recording, the probes of
    grader.run.confirm)."""
    return Recorded(name, args, kwargs, raised=exc.exc_mro or (exc.exc_type,),
                    message=exc.message, deliberate=raised_here(exc.traceback))


_LIBRARIES = tuple(dict.fromkeys(
    sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")))


def _raised_by_own_code(exc: BaseException) -> bool:
    """Outcome.deliberate of a trusted function's exception: the innermost frame outside the
    libraries (Python's own, site-packages) is a `raise` statement, as raised_here says of a
    student's traceback (only their own frames are in it)."""
    own = [frame for frame in traceback.extract_tb(exc.__traceback__)
           if not frame.filename.startswith(_LIBRARIES) and not frame.filename.startswith("<")]
    return bool(own) and (own[-1].line or "").strip().startswith("raise ")


def raised_here(traceback: str) -> bool:
    """The innermost frame of a student's traceback (their own frames only) is a `raise` or
    an `assert` statement: their code raised on purpose (a check of its own)."""
    lines = [line.strip() for line in traceback.strip().splitlines()]
    code = [line for line in lines[:-1] if line and not line.startswith(("File ", "Traceback",
                                                                          "^", "~"))]
    return bool(code) and code[-1].startswith(("raise ", "assert "))


def exception_text(message: str) -> str:
    """An exception's message without the class in front ("ValueError: x" -> "x"): the
    sandbox sends a student's exception that way (grader.sandbox.inside.invoke.describe), str()
    of a trusted one has none."""
    return message.split(": ", 1)[1] if _TYPED.match(message) else message


_TYPED = re.compile(r"^[A-Z]\w*(Error|Exception|Warning): ")


def same_message(student: str, trusted: str) -> bool:
    """The student's exception message says what the trusted function's does: equal once
    numbers are left out (a shape, an index, a size) — the same failing operation (numpy's
    "truth value of an array ... is ambiguous"), not only the same exception class."""
    def plain(text: str) -> str:
        return re.sub(r"\d+", "#", exception_text(text)).strip().lower()
    return bool(trusted.strip()) and plain(student) == plain(trusted)


def same_outcome(a: Outcome, b: Outcome) -> bool:
    if a.raised is not None or b.raised is not None:
        return a.raised == b.raised
    return same(a.value, b.value, STRICT) and same(a.args_after, b.args_after, STRICT)


def finite(value: Any) -> bool:
    """Every number in `value` (nested lists, tuples, dicts, arrays) is finite."""
    if isinstance(value, float | complex | np.floating | np.complexfloating):
        return bool(np.isfinite(value))
    if isinstance(value, np.ndarray):
        return value.dtype.kind not in "fc" or bool(np.isfinite(value).all())
    if isinstance(value, list | tuple):
        return all(finite(v) for v in value)
    if isinstance(value, dict):
        return all(finite(v) for v in value.values())
    return True
