"""Name a failing test by what the student's function did to its ARGUMENTS (issue 16): its
value on every recorded call is exactly the reference's value on the same call with one
argument changed in one of a few ways a slip changes it — two arguments swapped (parameters
declared, or passed, in another order), one argument used where another belongs, an argument
cast to an integer, a float argument as 0 (left out), an integer argument one smaller or
larger (an off-by-one in a loop over it), an argument negated, a square matrix transposed, an
array's first or last entry (row, column) left out, an array (or its columns) in reverse
order, a vector (an inhibitory mask) moved one place along or back, a list's first or last
item left out (a loop over a network's layers from the second) or all but its last (an
accumulator overwritten); of a short tuple or list argument (a box (a1, b1, a2, b2)), two
entries swapped, one entry read where another belongs, the entries sorted; and, on the calls
that leave a parameter at its default, a slip in the signature's defaults (two swapped, a zero
too many or too few, the reciprocal, a decay rate with one nine too few or too many).

Tried when neither the catalogue, a trajectory nor a relation between the values named the
test (grader.run.runner._unnamed). The reference runs on the changed arguments are trusted
replays through the batch's memo (grader.run.diagnose.Replay), so a change tried for one
student is not run again for the next.

Guards, as for the value relations (grader.run.relations) — a name must be right:

- the change must explain EVERY call of the function in the failing test and every other call
  of it the submission made (up to CONFIRM): where it changes nothing the student's value must
  be the reference's, where the student's code raised the changed call must raise too; a call
  where the student's value is nan or inf and the changed reference's is finite neither
  confirms nor refutes it (the same slip overflows: exp(max − Z) for logits of ±1e3), and the
  sentence says so;
- it must be shown by at least SHOWN calls on which the change moves the reference's value
  (one call fits many changes by chance: a 0/1 output);
- at most TWO changes may fit (two that give the same values are both said: w's last entry
  or X's last column left out of w·x); more name nothing;
- a function whose value the catalogue sees through a view is not looked at.

The label holds no value and no digit of the test (a hidden test's page shows it): the
function, the parameter names, the change in words.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import Outcome, Recorded, finite, same
from grader.run.relation_kinds import ORDINALS
from grader.run.relations import Related, functions

TWO = 2
"""At most this many changes that fit are said together; more fit nothing in particular."""
POWERS = {
    -1: ("divided by {a}", "a factor {a} is missing: e.g. the inner derivative of a chain rule "
                           "(the derivative of x² is 2x), or {a} left out of a product"),
    1: ("times {a}", "an extra factor {a}: {a} is multiplied in once too often"),
    2: ("times {a}²", "a division by {a} written as a multiplication: e.g. `/ 2 * {a}` where "
                      "`/ (2 * {a})` is meant (the division applies to 2 alone)"),
    -2: ("divided by {a}²", "a multiplication by {a} written as a division: e.g. `/ {a}` where "
                            "`* {a}` is meant, or {a}² where {a} is meant"),
}
"""The powers of a float argument `a` the student's value may be the reference's times, each
with its words and usual cause (a factor of a or a², the square from an operator-precedence
slip)."""
SHOWN = 2
"""Calls (at least) on which the change moves the reference's value and the student's value
is the changed one."""
CONFIRM = 48
"""At most this many of the submission's other calls of the function confirm a change."""
BUDGET = 0.5
"""Seconds one failing test may spend looking for a change."""


@dataclass(frozen=True)
class Change:
    """One way a slip changes the arguments of a call."""

    desc: str
    """The changed arguments in words: "h and w swapped"."""
    cause: str
    """Its usual cause; the part before the first colon is the label's hint."""
    apply: Callable[[dict[str, Any]], dict[str, Any] | None]
    """The bound arguments changed, or None when the change does not apply to this call."""
    entries: int = 0
    """When not 0: one call shows the change if it moves at least this many entries (a default
    is relied on by few calls, and a default changed that reproduces six numbers exactly is no
    coincidence)."""


def _number(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and \
        not isinstance(value, bool | np.bool_)


SMALL = 64
"""An int argument larger than this is not moved into another parameter: a seed swapped into
an epoch count would run the (trusted) reference for thousands of epochs."""


def _kind(value: Any) -> tuple[Any, ...] | None:
    """What may stand in for what: a number for a number (an int only when it is at most
    SMALL), an array for an array of the same shape and kind of number; None for anything else
    (callables, strings, lists, masks)."""
    if _number(value):
        return None if _is_int(value) and abs(int(value)) > SMALL else ("number",)
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf" and value.size > 1:
        return ("array", value.shape, value.dtype.kind == "f")
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_)


def _is_float(value: Any) -> bool:
    return isinstance(value, float | np.floating) or (
        isinstance(value, np.ndarray) and value.dtype.kind == "f")


def _with(arguments: dict[str, Any], **changed: Any) -> dict[str, Any]:
    return {**arguments, **changed}


def _swap(a: str, b: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        if a not in args or b not in args or _kind(args[a]) is None or \
                _kind(args[a]) != _kind(args[b]):
            return None
        return _with(args, **{a: args[b], b: args[a]})
    return apply


def _instead(a: str, b: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        if a not in args or b not in args or _kind(args[a]) is None or \
                _kind(args[a]) != _kind(args[b]):
            return None
        return _with(args, **{a: args[b]})
    return apply


def _float_mapped(a: str, change: Callable[[Any], Any]) -> Callable[
        [dict[str, Any]], dict[str, Any] | None]:
    """`a` changed by `change` where it is a float (or an array of floats)."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        value = args.get(a)
        if value is None or not _is_float(value):
            return None
        return _with(args, **{a: change(value)})
    return apply


def _cast(a: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    return _float_mapped(a, lambda v: np.trunc(v) if isinstance(v, np.ndarray) else int(v))


def _zeroed_float(a: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """`a` as 0 where it is a float (or an array of floats): where it is 0 already the change
    moves nothing, which _weigh treats as a call the change does not apply to."""
    return _float_mapped(a, lambda v: np.zeros_like(v) if isinstance(v, np.ndarray) else 0.0)


def _unit_float(a: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """`a` as 1 where it is a float (or every entry 1 where it is an array of floats)."""
    return _float_mapped(a, lambda v: np.ones_like(v) if isinstance(v, np.ndarray) else 1.0)


def _shifted(a: str, by: int) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        value = args.get(a)
        if value is None or not _is_int(value) or int(value) + by < 0 or int(value) < 1:
            return None
        return _with(args, **{a: type(value)(int(value) + by)})
    return apply


def _negated(a: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    return _float_mapped(a, lambda v: -v)


def _transposed(a: str) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        value = args.get(a)
        if not isinstance(value, np.ndarray) or value.ndim != 2 or \
                value.shape[0] != value.shape[1] or value.dtype.kind not in "iuf":
            return None
        return _with(args, **{a: value.T.copy()})
    return apply


ONE_CALL = 4
"""Entries one call must move for a default's change to be shown by it alone (Change.entries)."""


def _defaulted(changed: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """Parameters left at their defaults (none of `changed` passed) given other values."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        if any(a in args for a in changed):
            return None  # passed: the default is not used on this call
        return _with(args, **changed)
    return apply


def _ignored(used: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """The parameters of `used` at those values whatever the call passed."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        return _with(args, **used)
    return apply


def _defaults(defaults: dict[str, float]) -> Iterator[Change]:
    """A value passed in but its default used instead (one parameter, or every one with a
    default: a wrapper that does not pass the caller's settings on, or merges the defaults
    over them); a slip in the signature's default values, seen on the calls that rely on
    them: two defaults swapped, a default ten times too large or small (a zero too many or
    too few), its reciprocal (an exponent's sign lost), a decay rate with one nine too few or
    many."""
    names = list(defaults)
    for a, v in defaults.items():
        yield Change(f"{a} at its default whatever is passed",
                     f"the {a} passed in is never used, its default is: a wrapper or helper "
                     f"that does not pass {a} on, or settings merged with the defaults over "
                     "the caller's", _ignored({a: v}), ONE_CALL)
    if len(names) > 1:
        listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        yield Change(f"{listed} at their defaults whatever is passed",
                     "the values passed in are never used, the defaults are: a wrapper or "
                     "helper that does not pass them on, or settings merged with the defaults "
                     "over the caller's", _ignored(dict(defaults)), ONE_CALL)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            yield Change(f"the defaults of {a} and {b} swapped",
                         f"the default values of {a} and {b} are each other's: check the "
                         "signature", _defaulted({a: defaults[b], b: defaults[a]}), ONE_CALL)
    for a, v in defaults.items():
        if v == 0:
            continue
        yield Change(f"the default of {a} ten times too large",
                     f"a zero too many in the default of {a}: check the signature",
                     _defaulted({a: v * 10}), ONE_CALL)
        yield Change(f"the default of {a} ten times too small",
                     f"a zero too few in the default of {a}: check the signature",
                     _defaulted({a: v / 10}), ONE_CALL)
        if abs(v) != 1:
            yield Change(f"the default of {a} inverted",
                         f"the exponent of the default of {a} has lost its sign (or the "
                         "default is one over what it should be): check the signature",
                         _defaulted({a: 1 / v}), ONE_CALL)
        if 0.5 < v < 1:
            yield Change(f"the default of {a} with one nine too few",
                         f"the default of {a} lacks a nine: check the signature",
                         _defaulted({a: 1 - (1 - v) * 10}), ONE_CALL)
            yield Change(f"the default of {a} with one nine too many",
                         f"the default of {a} has a nine too many: check the signature",
                         _defaulted({a: 1 - (1 - v) / 10}), ONE_CALL)


def changes(params: Sequence[str], defaults: dict[str, float] | None = None) -> \
        Iterator[Change]:
    """Every change of the module docstring over the function's parameters, in this order:
    swaps, one used for another, casts, off-by-ones, signs, transposes; then the slips in
    the `defaults` (the signature's numeric default values) the calls rely on."""
    for i, a in enumerate(params):
        for b in params[i + 1:]:
            yield Change(f"{a} and {b} swapped",
                         "the two are used in each other's place: the parameters are declared, "
                         "or the arguments passed, in another order", _swap(a, b))
    for a in params:
        for b in params:
            if a != b:
                yield Change(f"{b} passed as {a}",
                             f"a wrong variable: {b} is used where {a} belongs", _instead(a, b))
    for a in params:
        yield Change(f"{a} cast to an integer",
                     f"{a} is converted to an integer before it is used (int(), astype(int), "
                     "dtype=int, //): its fractional part is dropped", _cast(a))
    for a in params:
        yield Change(f"{a} = 0",
                     f"{a} is left out: the term with {a} is missing, or {a} is never used "
                     "(an update or a penalty that does not happen)", _zeroed_float(a))
    for a in params:
        yield Change(f"{a} = 1",
                     f"the value of {a} is not used, 1 is: a factor {a} left out, or {a} "
                     "passed under a name the callee does not read (so its default 1 is used)",
                     _unit_float(a))
    for a in params:
        yield Change(f"{a} one smaller",
                     f"an off-by-one in how {a} is used: a loop over range(1, {a}) or "
                     f"range({a} - 1), or {a} - 1 where {a} is meant", _shifted(a, -1))
        yield Change(f"{a} one larger",
                     f"an off-by-one in how {a} is used: range({a} + 1), or {a} + 1 where {a} "
                     "is meant", _shifted(a, 1))
    for a in params:
        yield Change(f"{a} negated",
                     f"a sign slip: -{a} where {a} is meant (or a difference taken the wrong "
                     "way round)", _negated(a))
    for a in params:
        yield Change(f"{a} transposed",
                     f"the rows and columns of {a} swapped: {a}.T, or an index [j, i] where "
                     "[i, j] is meant", _transposed(a))
    yield from _parts(params)
    yield from _samples(params)
    yield from _entries(params)
    yield from _defaults(defaults or {})


SHORT = 6
"""A tuple or list argument of at most this many numbers (a box (a1, b1, a2, b2), a pair of
bounds) has its entries changed one at a time (_entries)."""


def _short(value: Any) -> bool:
    return isinstance(value, tuple | list) and 2 <= len(value) <= SHORT and \
        all(_number(v) for v in value)


def _entry_mapped(a: str, change: Callable[[list[Any]], None], reach: int) -> Callable[
        [dict[str, Any]], dict[str, Any] | None]:
    """`a` changed in place by `change` where it is a short tuple or list of numbers (SHORT)
    with more than `reach` entries; of the same type."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        value = args.get(a)
        if not isinstance(value, tuple | list) or not _short(value) or len(value) <= reach:
            return None
        changed = list(value)
        change(changed)
        return _with(args, **{a: tuple(changed) if isinstance(value, tuple) else changed})
    return apply


def _entries(params: Sequence[str]) -> Iterator[Change]:
    """The entries of a short tuple or list argument (a box, a pair of bounds): two read in
    each other's place, one read where another belongs, all of them sorted (said in words:
    a label holds no digit)."""
    def swapped(i: int, j: int) -> Callable[[list[Any]], None]:
        def change(v: list[Any]) -> None:
            v[i], v[j] = v[j], v[i]
        return change

    def instead(i: int, j: int) -> Callable[[list[Any]], None]:
        def change(v: list[Any]) -> None:
            v[i] = v[j]
        return change

    for a in params:
        for i in range(SHORT):
            for j in range(i + 1, SHORT):
                yield Change(f"{a} with its {ORDINALS[i]} and {ORDINALS[j]} entries swapped",
                             f"two entries of {a} read in each other's place: an unpacking or "
                             f"an index in another order than {a}'s", _entry_mapped(
                                 a, swapped(i, j), j))
        for i in range(SHORT):
            for j in range(SHORT):
                if i != j:
                    yield Change(f"{a} with its {ORDINALS[j]} entry read as its {ORDINALS[i]}",
                                 f"a wrong index: an entry of {a} is read where another "
                                 "belongs (a copied line whose index was not changed)",
                                 _entry_mapped(a, instead(i, j), max(i, j)))
        yield Change(f"{a} sorted",
                     f"the entries of {a} sorted (sorted({a}), np.sort) although their order "
                     "means something", _entry_mapped(a, list.sort, 0))


def _array_mapped(a: str, ndim: int, change: Callable[[np.ndarray], np.ndarray]) -> Callable[
        [dict[str, Any]], dict[str, Any] | None]:
    """`a` changed by `change` where it is a numeric array of `ndim` dimensions with at least
    two entries along each."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        value = args.get(a)
        if not isinstance(value, np.ndarray) or value.ndim != ndim or \
                value.dtype.kind not in "iuf" or min(value.shape) < 2:
            return None
        return _with(args, **{a: change(value.copy())})
    return apply


def _items_mapped(a: str, part: slice) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """`a` cut to `part` where it is a list or tuple of two or more items (a network's list
    of layers): a loop over it that skips its first or last item."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        value = args.get(a)
        if not isinstance(value, list | tuple) or len(value) < 2:
            return None
        return _with(args, **{a: value[part]})
    return apply


def _vector_mapped(a: str, change: Callable[[np.ndarray], np.ndarray]) -> Callable[
        [dict[str, Any]], dict[str, Any] | None]:
    """`a` changed by `change` where it is a vector of two or more numbers or booleans (an
    array, or a list of them: an inhibitory mask); of the same type."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        value = args.get(a)
        if isinstance(value, list) and not all(_number(v) or isinstance(v, bool | np.bool_)
                                               for v in value):
            return None  # a list of layers, of arrays: not a vector
        array = np.asarray(value) if isinstance(value, np.ndarray | list) else None
        if array is None or array.ndim != 1 or len(array) < 2 or array.dtype.kind not in "biuf":
            return None
        changed = change(array.copy())
        return _with(args, **{a: changed if isinstance(value, np.ndarray) else changed.tolist()})
    return apply


def _slid(by: int) -> Callable[[np.ndarray], np.ndarray]:
    """A vector's entries moved `by` places (±1), the place left empty 0 (False)."""
    def change(value: np.ndarray) -> np.ndarray:
        out = np.zeros_like(value)
        if by > 0:
            out[by:] = value[:-by]
        else:
            out[:by] = value[-by:]
        return out
    return change


def _zeroed(index: Any) -> Callable[[np.ndarray], np.ndarray]:
    def change(value: np.ndarray) -> np.ndarray:
        value[index] = 0
        return value
    return change


def _parts(params: Sequence[str]) -> Iterator[Change]:
    """An entry (a row, a column) left out — set to 0, which is what leaving it out of a sum
    does — and an array's order reversed: the slips of loop bounds and of index order."""
    loop = "a loop that skips it: range(1, n), range(n - 1) or a slice [1:] / [:-1]"
    for a in params:
        for where, index in (("first entry", 0), ("last entry", -1)):
            yield Change(f"{a} with its {where} left out", loop, _array_mapped(
                a, 1, _zeroed(index)))
        rows: tuple[tuple[str, Any], ...] = (
            ("first row", (0, slice(None))), ("last row", (-1, slice(None))),
            ("first column", (slice(None), 0)), ("last column", (slice(None), -1)))
        for where, part in rows:
            yield Change(f"{a} with its {where} left out", loop, _array_mapped(
                a, 2, _zeroed(part)))
        for where, part in (("first", slice(1, None)), ("last", slice(None, -1))):
            yield Change(f"{a} without its {where} item", loop, _items_mapped(a, part))
        yield Change(f"only the last item of {a}",
                     "an accumulator overwritten instead of added to (= where += is meant): "
                     "only the last item counts", _items_mapped(a, slice(-1, None)))
        yield Change(f"{a} in reverse order",
                     f"the entries of {a} read back to front: {a}[::-1], a loop counting down",
                     _array_mapped(a, 1, lambda v: v[::-1].copy()))
        for where, by in (("along", 1), ("back", -1)):
            yield Change(f"{a} moved one place {where}",
                         f"an index one off: each entry of {a} read at the "
                         f"{'next' if by > 0 else 'previous'} position (positions counted "
                         "from one where they count from zero, or the other way round)",
                         _vector_mapped(a, _slid(by)))
        yield Change(f"every entry of {a} read from its first",
                     f"an index that does not move: every entry of {a} read at the first "
                     "position (a constant index where the loop's is meant)",
                     _vector_mapped(a, lambda v: np.full_like(v, v[0])))
        yield Change(f"{a} with its columns in reverse order",
                     f"the columns of {a} read back to front: {a}[:, ::-1] (which input is "
                     "first)", _array_mapped(a, 2, lambda v: v[:, ::-1].copy()))


SAMPLE_LOOP = "a loop over the samples that skips it: range(1, n), range(n - 1), X[1:] or X[:-1]"


def _sampled(part: slice) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """X and y (one entry per row of X) cut to the samples `part`, where X is a numeric 2-D
    array of at least two rows.
    X (n, d) and y (n,) hold one sample per row in the course's API (COURSE.md): a sample left
    out of a loop leaves its row of X AND its label out, and the value is the reference's on
    the other samples (its mean over them, its largest norm of them), which zeroing a row of X
    alone does not give (the hinge loss of a zero row is not 0)."""
    def apply(args: dict[str, Any]) -> dict[str, Any] | None:
        x = args.get("X")
        if not isinstance(x, np.ndarray) or x.ndim != 2 or x.dtype.kind not in "iuf" or \
                x.shape[0] < 2:
            return None
        y = args.get("y")
        if not isinstance(y, np.ndarray) or y.ndim < 1 or len(y) != len(x):
            return None
        return _with(args, X=x[part].copy(), y=y[part].copy())
    return apply


def _samples(params: Sequence[str]) -> Iterator[Change]:
    """A sample (a row of X with its entry of y) left out, or all but one: the loop bounds of a
    reduction over the samples (a loss, its gradient, a bound's max and min), said in samples
    because the value is the reference's on the other samples, its mean over them included."""
    if "X" not in params or "y" not in params:
        return  # a function of X alone returns a row per sample (threshold_forward): a
        # value of its first row is an index slip (out[0] for out[:, 0]), no loop over samples
    for where, part in (("first", slice(1, None)), ("last", slice(None, -1))):
        yield Change(f"the {where} sample (its row of X and its label in y) left out",
                     SAMPLE_LOOP, _sampled(part))
    yield Change("only the last sample (the last row of X and its label in y)",
                 "an accumulator reset or overwritten inside the loop over the samples (= where "
                 "+= is meant, or the total set to zero in the loop): only the last sample "
                 "counts", _sampled(slice(-1, None)))
    yield Change("only the first sample (the first row of X and its label in y)",
                 "a return (or break) inside the loop over the samples, or a total that stops "
                 "after the first one: only the first sample counts", _sampled(slice(0, 1)))


def _bind(signature: inspect.Signature, call: Recorded) -> dict[str, Any] | None:
    try:
        return dict(signature.bind(*call.args, **call.kwargs).arguments)
    except TypeError:
        return None


def _call(signature: inspect.Signature, call: Recorded, arguments: dict[str, Any]) -> Recorded:
    bound = signature.bind_partial()
    bound.arguments.update(arguments)
    return Recorded(call.name, tuple(bound.args), dict(bound.kwargs), None)


def _weigh(change: Change, calls: Sequence[tuple[Recorded, dict[str, Any]]],
           signature: inspect.Signature, run: Callable[[Recorded], Outcome], near: Mode,
           deadline: float) -> tuple[int, int] | None:
    """On how many of `calls` (each with its bound arguments) the change moved the value, and
    on how many the student's value overflowed where the change's is finite, when it explains
    every other one of them; None when it does not."""
    shown = overflowed = 0
    for call, arguments in calls:
        if time.monotonic() > deadline:
            return None
        changed = change.apply(arguments)
        original = run(call)
        if original.raised is not None:
            continue  # an input the reference refuses: not one a change speaks of
        if changed is None:
            if call.raised is not None or not same(call.value, original.value, near):
                return None  # wrong where the change does not apply
            continue
        theirs = run(_call(signature, call, changed))
        if call.raised is None and theirs.raised is None and not finite(call.value) \
                and finite(theirs.value):
            overflowed += 1
            continue  # the student's formula overflowed where the reference's does not: no
            # evidence either way (exp(max − Z) for logits of ±1e3 is inf, softmax(−Z) is not)
        if theirs.raised is not None or call.raised is not None or \
                not same(call.value, theirs.value, near):
            return None
        if not same(theirs.value, original.value, near):
            shown += 1
            if change.entries and _moved(theirs.value, original.value, near) >= change.entries:
                shown += SHOWN  # enough on its own
    return shown, overflowed


def _moved(changed: Any, original: Any, near: Mode) -> int:
    """How many numbers of `changed` differ from `original` (0 when their structures do)."""
    a, b = _leaves(changed), _leaves(original)
    if a is None or b is None or len(a) != len(b) or any(x.shape != y.shape
                                                        for x, y in zip(a, b, strict=True)):
        return 0
    return sum(int(not same(u, v, near)) for x, y in zip(a, b, strict=True)
               for u, v in zip(x.ravel(), y.ravel(), strict=True))


def _bound(signature: inspect.Signature,
           calls: Sequence[Recorded]) -> list[tuple[Recorded, dict[str, Any]]] | None:
    """Each call with its arguments bound to the parameters (once, not once per change); None
    when one does not bind."""
    out = []
    for call in calls:
        arguments = _bind(signature, call)
        if arguments is None:
            return None
        out.append((call, arguments))
    return out


def _functions(reference: Any, calls: Sequence[Recorded],
               views: dict[str, Any] | None) -> Iterator[tuple[str, Any, inspect.Signature]]:
    """The reference's functions of the test's calls (relations.functions: in call order, not
    those the catalogue sees through a view) with their signatures."""
    for name, function in functions(reference, calls, views):
        try:
            yield name, function, inspect.signature(function)
        except (TypeError, ValueError):
            continue


def find(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
         views: dict[str, Any] | None = None,
         others: Sequence[Recorded] = ()) -> Related | None:
    """_find, answered from the memo when a test of an earlier submission made the same calls
    with the same outcomes and had the same changes refuted before it (Replay.whole); the
    changes it refutes are noted as computing it notes them."""
    names = {c.name for c in calls}
    before = tuple(sorted(r for r in replay.refuted if r[0] in names))

    def compute() -> tuple[Related | None, tuple[tuple[str, str], ...]]:
        start = set(replay.refuted)
        found = _find(reference, calls, mode, replay, views, others)
        return found, tuple(sorted(replay.refuted - start))

    found: Related | None
    found, refuted = replay.whole("argument change", calls, others, (mode, before), compute,
                                  BUDGET)
    replay.refuted.update(refuted)
    return found


def _find(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
          views: dict[str, Any] | None = None,
          others: Sequence[Recorded] = ()) -> Related | None:
    """The change of the arguments (or the two that give the same values) that explains a
    failing test's calls of a function (the first function, in call order, that has one),
    confirmed on the submission's other calls of it; None if none, or more than TWO, fit
    (module docstring)."""
    near = tolerance(mode)
    own = {id(c) for c in calls}
    deadline = time.monotonic() + BUDGET
    for name, function, signature in _functions(reference, calls, views):
        mine = [c for c in calls if c.name == name]
        more = [c for c in others if c.name == name and id(c) not in own][:CONFIRM]

        def run(call: Recorded, f: Any = function) -> Outcome:
            return replay.run(REFERENCE, lambda: f, call)

        if all(c.raised is None and same(c.value, run(c).value, near) for c in mine):
            continue  # right on every call of this function: the mistake is elsewhere
        test, rest = _bound(signature, mine), _bound(signature, more)
        if test is None or rest is None:
            continue
        fitting: list[Change] = []
        overflows = 0
        defaults = {p.name: float(p.default) for p in signature.parameters.values()
                    if isinstance(p.default, float)}  # not an int: epochs × 10 runs long
        for change in changes(tuple(signature.parameters), defaults):
            if (name, change.desc) in replay.refuted:
                continue  # a call of an earlier test's refuted it
            shown = _weigh(change, test, signature, run, near, deadline)
            if shown is None or not shown[0]:
                _refuted(replay, name, change, shown, deadline)
                continue
            confirmed = _weigh(change, rest, signature, run, near, deadline)
            _refuted(replay, name, change, confirmed, deadline)
            if confirmed is not None and shown[0] + confirmed[0] >= SHOWN:
                fitting.append(change)
                overflows = max(overflows, shown[1] + confirmed[1])
                if len(fitting) > TWO:
                    break
        if 0 < len(fitting) <= TWO:
            return _worded(name, fitting, overflows)
        if time.monotonic() > deadline:
            return None
    return None


def _refuted(replay: Replay, name: str, change: Change, weighed: tuple[int, int] | None,
             deadline: float) -> None:
    """Note a change that one of the submission's calls does not explain (`_weigh` gave None
    within the time allowed): it cannot explain the submission's every call, whatever test
    asks next (Replay.refuted)."""
    if weighed is None and time.monotonic() <= deadline:
        replay.refuted.add((name, change.desc))


def _worded(name: str, fitting: list[Change], overflows: int = 0) -> Related:
    """One change, or two that give the same values (both are said: the values cannot tell
    which, e.g. w's last entry or X's last column left out of w·x); `overflows`: calls where
    the student's value was nan or inf instead (no digit: a hidden test's page shows it)."""
    where = " where your values are finite (on the others they overflow to nan or inf)" \
        if overflows else ""
    hints = list(dict.fromkeys(c.cause.split(":")[0].split(" (")[0] for c in fitting))
    descs = ", or for ".join(c.desc for c in fitting)
    same_values = " (the same values)" if len(fitting) > 1 else ""
    return Related(f"{name}() gives its value for {descs}{same_values} ({'; or '.join(hints)})",
                   f"Your {name}() returns exactly what it should return for {descs}"
                   f"{same_values}, on every call of this test and of the others{where}. Usual "
                   f"cause: {'; or '.join(dict.fromkeys(c.cause for c in fitting))}.",
                   entries=SHOWN)


def _leaves(value: Any) -> list[np.ndarray] | None:
    """A returned number or numeric array (one leaf), or a tuple of them (a leaf each), as
    float64; None for anything else."""
    parts = value if isinstance(value, tuple) else (value,)
    out = []
    for part in parts:
        if not (_number(part) or (isinstance(part, np.ndarray) and part.dtype.kind in "iuf")):
            return None
        out.append(np.asarray(part, dtype=np.float64))
    return out


def find_factor(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
                views: dict[str, Any] | None = None,
                others: Sequence[Recorded] = ()) -> Related | None:
    """The one float argument `a` (neither 0 nor ±1) such that the student's value is exactly
    the reference's times `a`, or divided by it, on every call of the function in the failing
    test and the rest of the submission, shown on at least SHOWN calls (a factor x dropped in
    a chain rule: 2 where 2x is meant); None if none, or more than one, fits. Ints are sizes,
    which grader.run.relations already tries."""
    near = tolerance(mode)
    own = {id(c) for c in calls}
    for name, function, signature in _functions(reference, calls, views):
        mine = [(c, replay.run(REFERENCE, lambda f=function: f, c))
                 for c in calls if c.name == name]
        if all(c.raised is None and e.raised is None and same(c.value, e.value, near)
               for c, e in mine):
            continue  # right on every call of this function: the others are not replayed
        more = [c for c in others if c.name == name and id(c) not in own][:CONFIRM]
        judged = mine + [(c, replay.run(REFERENCE, lambda f=function: f, c)) for c in more]
        fitting = [(a, power, leaf) for a in signature.parameters for power in POWERS
                   for leaf in [_factor_fits(a, power, judged, signature, near)]
                   if leaf is not None]
        if len(fitting) == 1:
            a, power, leaf = fitting[0]
            said, cause = (text.format(a=a) for text in POWERS[power])
            part = "" if leaf < 0 else \
                f"the {ORDINALS[min(leaf, len(ORDINALS) - 1)]} value returned by "
            return Related(f"{part}{name}() is the expected value {said} "
                           f"({cause.split(':')[0]})",
                           f"{(part or 'your ').capitalize()}{'your ' if part else ''}{name}() "
                           f"is exactly the expected value {said}, on every call of this "
                           f"test and of the others. Usual cause: {cause}.", entries=SHOWN)
    return None


def _factor_fits(a: str, power: int, judged: Sequence[tuple[Recorded, Outcome]],
                 signature: inspect.Signature, near: Mode) -> int | None:
    """The leaf (−1: the whole value) that is the reference's times the float argument `a` to
    the `power` (POWERS) on every call, the other leaves right, shown on SHOWN calls; else
    None."""
    shown, scaled, leaves = 0, None, 1
    default = signature.parameters[a].default  # h=1e-5 left out is 1e-5 all the same
    for call, expected in judged:
        if expected.raised is not None:
            continue
        if call.raised is not None:
            return None
        arguments = _bind(signature, call)
        value = None if arguments is None else arguments.get(
            a, None if default is inspect.Parameter.empty else default)
        got, exp = _leaves(call.value), _leaves(expected.value)
        if value is None or not _is_float(value) or np.ndim(value) or not value or \
                got is None or exp is None or len(got) != len(exp) or \
                any(g.shape != e.shape for g, e in zip(got, exp, strict=True)):
            return None
        leaves = len(exp)
        factor = float(value) ** power if power > 0 else 1.0 / float(value) ** -power
        if abs(factor) == 1.0:
            return None
        for i, (g, e) in enumerate(zip(got, exp, strict=True)):
            moved = bool(np.any(e != 0))
            if same(g, e * factor, near) and moved and not same(g, e, near):
                if scaled not in (None, i):
                    return None  # two leaves scaled: not one slip
                scaled = i
                shown += 1
            elif not same(g, e, near) or (scaled == i and moved):
                return None  # wrong otherwise, or the scaled leaf right on this call
    if scaled is None or shown < SHOWN:
        return None
    return scaled if leaves > 1 else -1
