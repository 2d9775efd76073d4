"""Name a failing test by an exact relation between the student's values and the reference's
on the same recorded calls (issue 16), when neither the catalogue nor the check named it.

`relate` takes one function's recorded calls (grader.run.outcomes.Recorded: the student's
value) and the reference's outcome on each (the replay grader.run.diagnose already made) and
looks for ONE relation R that holds on EVERY call, within the failed check's tolerance: the
student's value is R(expected) — the negative, the complement, a constant factor (a simple
fraction, or a size read from the arguments: N), a constant offset, the float32 rounding, an
integer cast, the same values in another shape or order, a reduction over another axis — and
on at least one call R(expected) is not the expected value (the calls where the student is
right must be consistent with R: a factor N is 1 there, an offset cannot be). A relation is
looked for leaf by leaf (a loss and its gradient returned together may be wrong apart).

Each relation is exact evidence, so it is a diagnosis worded as a fact ("Your value is exactly
−1 × the expected one on every call …") with its usual cause; nothing looser is said. Guards
keep it from explaining noise or nothing: relations are drawn from a short list (no factor is
fitted freely), two-valued data (0/1, ±1, booleans) needs both values and four entries before a
negation or complement counts, and integer data gets no sum or order relation (coincidences).
The recorded label holds no input or expected value (hidden tests show it): only the
relation, the function and, for a size, the argument's name.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import Outcome, Recorded, same

Array = np.ndarray
EPS32 = float(np.finfo(np.float32).eps)
FRACTIONS = tuple(Fraction(p, q) for q in (1, 2, 3, 4) for p in range(-4, 5)
                  if p and Fraction(p, q) not in (1, -1) and Fraction(p, q).denominator == q)
"""The constant factors a value may be off by (2, 1/2, 3, 2/3, −2, …; ±1 are not factors)."""
OFFSETS = (1.0, -1.0, 2.0, -2.0, 0.5, -0.5)
IMPLIED = {"is in reverse order": ("has its entries in the wrong order",),
           "is not reduced over one axis": ("is reduced over the wrong axis",),
           "has the right values in the wrong shape": ("is reduced over the wrong axis",)}
"""A relation that implies the next one found (a reversed order is another order): not two
explanations."""


@dataclass(frozen=True)
class Related:
    """What `relate` found: the label recorded as the test's mistake and the message's
    sentence."""

    label: str
    sentence: str


@dataclass(frozen=True)
class _Pair:
    """One call's leaf: the student's value and the expected one (numeric arrays), and the
    sizes the call's arguments give (name -> number)."""

    got: Array
    exp: Array
    sizes: Mapping[str, int]


def relate(name: str, calls: Sequence[Recorded], expected: Sequence[Outcome | None],
           mode: Mode, params: Sequence[str] = ()) -> Related | None:
    """The relation between the student's values of function `name` and the reference's on
    `calls` (see the module docstring), or None. `expected[i]` is the reference's outcome on
    `calls[i]` (None: not judged); `mode` the failed check's comparison; `params` the
    reference function's parameter names (to name a size read from the arguments)."""
    pairs = [(c, e) for c, e in zip(calls, expected, strict=True)
             if c.name == name and e is not None]
    if not pairs or any(c.raised is not None or e.raised is not None for c, e in pairs):
        return None
    differs = [not same(c.value, e.value, mode) for c, e in pairs]
    if not any(differs):
        return _mutated(name, pairs, mode, params)
    sizes = [_sizes(c, params) for c, _ in pairs]
    leaves = _leaves([c.value for c, _ in pairs], [e.value for _, e in pairs])
    if leaves is None:
        return None
    for path, got, exp in leaves:
        if all(same(g, x, mode) for g, x in zip(got, exp, strict=True)):
            continue  # this leaf is right on every call
        found = _leaf_relation(got, exp, sizes, mode)
        if found is not None:
            return _worded(name, path, *found)
    return None


def _mutated(name: str, pairs: list[tuple[Recorded, Outcome]], mode: Mode,
             params: Sequence[str]) -> Related | None:
    """Right values, but an argument left otherwise than the reference leaves it."""
    for call, outcome in pairs:
        for i, (mine, theirs) in enumerate(zip(call.args_after, outcome.args_after,
                                               strict=False)):
            if callable(mine) or same(mine, theirs, mode):
                continue
            arg = params[i] if i < len(params) else f"argument {i + 1}"
            changed = not same(mine, call.args[i], mode) and same(theirs, call.args[i], mode)
            what = "changes it in place" if changed else "leaves it otherwise than expected"
            return Related(
                f"{name}() returns the right value but {what} (its argument {arg})",
                f"Your {name}() returns the right value on every call of this test, but "
                f"{what}: its argument `{arg}` is not what it should be after the call (work "
                "on a copy, e.g. x = x.copy(), instead of modifying the caller's array).")
    return None


def _sizes(call: Recorded, params: Sequence[str]) -> dict[str, int]:
    """The sizes a factor N may be: each positive int argument and each dimension of an array
    argument, by name (X.shape[0], len(y), batch_size)."""
    found: dict[str, int] = {}
    named = [*zip(params, call.args, strict=False), *call.kwargs.items()]
    for i, (arg, value) in enumerate(named):
        label = arg or f"argument {i + 1}"
        if isinstance(value, bool | np.bool_):
            continue
        if isinstance(value, int | np.integer) and 0 < int(value) < 10**6:
            found[label] = int(value)
        elif isinstance(value, np.ndarray) and value.ndim >= 1:
            for axis, n in enumerate(value.shape):
                if n > 0:  # a size 1 too: a factor N is 1 there (a call where you are right)
                    found[f"len({label})" if value.ndim == 1 else
                          f"{label}.shape[{axis}]"] = int(n)
        elif isinstance(value, list | tuple) and len(value) > 0:
            found[f"len({label})"] = len(value)
    return found


def _leaves(got: list[Any], exp: list[Any], path: str = "") -> \
        list[tuple[str, list[Array], list[Array]]] | None:
    """The numeric leaves of the expected values with the student's at the same place, one
    array per call; None when the student's value has another structure (no relation)."""
    first = exp[0]
    if isinstance(first, Mapping):
        if not all(isinstance(g, Mapping) and set(g) == set(e) for g, e in zip(got, exp,
                                                                             strict=True)):
            return None
        out: list[tuple[str, list[Array], list[Array]]] = []
        for key in first:
            if not all(isinstance(e, Mapping) and key in e for e in exp):
                return None
            inner = _leaves([g[key] for g in got], [e[key] for e in exp], f'{path}["{key}"]')
            if inner is None:
                return None
            out += inner
        return out
    if isinstance(first, tuple) or (isinstance(first, list) and not _numbers(first)):
        n = len(first)
        if not all(isinstance(g, list | tuple) and len(g) == n and isinstance(e, list | tuple)
                   and len(e) == n for g, e in zip(got, exp, strict=True)):
            return None
        out = []
        for i in range(n):
            inner = _leaves([g[i] for g in got], [e[i] for e in exp], f"{path}[{i}]")
            if inner is None:
                return None
            out += inner
        return out
    arrays = [(_array(g), _array(e)) for g, e in zip(got, exp, strict=True)]
    if any(g is None or e is None for g, e in arrays):
        return None
    return [(path, [g for g, _ in arrays], [e for _, e in arrays])]  # type: ignore[misc]


def _numbers(value: list[Any]) -> bool:
    try:
        return np.asarray(value).dtype.kind in "biuf"
    except (ValueError, TypeError, OverflowError):
        return False


def _array(value: Any) -> Array | None:
    if isinstance(value, bool | int | float | np.number | np.bool_ | np.ndarray | list):
        try:
            arr = np.asarray(value)
        except (ValueError, TypeError, OverflowError):
            return None
        return arr if arr.dtype.kind in "biuf" else None
    return None


Check = Callable[[Array, Array, Mapping[str, int]], bool]


def _leaf_relation(got: list[Array], exp: list[Array], sizes: Sequence[Mapping[str, int]],
                   mode: Mode) -> tuple[str, str, str] | None:
    """(what the value is, its short name, its usual cause) for the first relation that holds
    on every call of this leaf, or None."""
    pairs = [_Pair(g, e, s) for g, e, s in zip(got, exp, sizes, strict=True)]
    held = [(what, short, cause) for what, short, cause, check in _candidates(pairs, mode)
            if all(check(p.got, p.exp, p.sizes) for p in pairs)]
    if not held or not any(not same(p.got, p.exp, mode) for p in pairs):
        return None
    if any(other[1] not in IMPLIED.get(held[0][1], ()) for other in held[1:]):
        return None  # two relations explain the values (2 × 2 = 2 + 2): neither is evidence
    return held[0]


def _candidates(pairs: list[_Pair], mode: Mode) -> Iterator[tuple[str, str, str, Check]]:
    """The relations worth trying on these pairs, most specific first, each as (sentence
    part, short name, cause, check)."""
    values = np.concatenate([p.exp.astype(np.float64).ravel() for p in pairs])
    if values.size == 0 or not np.isfinite(values).all():
        return
    kinds = {p.exp.dtype.kind for p in pairs}
    distinct = np.unique(values)
    integral = bool(np.all(values == np.round(values)))
    two_valued = integral and distinct.size <= 2 and (
        set(distinct.tolist()) <= {0.0, 1.0} or set(distinct.tolist()) <= {-1.0, 1.0})
    varied = distinct.size >= 2 and values.size >= 4  # enough to tell a relation by
    few = integral and values.size < 2  # one integer: 2 × 1 and 1 + 1 are the same
    shaped = all(p.got.shape == p.exp.shape or (p.got.size == 1 and p.exp.size == 1)
                 for p in pairs)

    def close(got: Array, wanted: Array) -> bool:
        return same(got, wanted, mode)

    if shaped:
        if kinds <= {"f"}:
            yield ("is equal to the expected one only to float32 precision (about 7 digits)",
                   "is computed in float32",
                   "the computation runs in float32 (torch's default dtype, np.float32, "
                   "astype(np.float32)): compute in float64", _float32(mode))
        if not two_valued or varied:
            yield ("is exactly −1 × the expected one", "has the wrong sign",
                   "a sign is flipped: check the direction of an update or the order of a "
                   "subtraction", lambda g, e, s: close(g, -e.astype(np.float64)))
        if two_valued and varied and set(distinct.tolist()) <= {0.0, 1.0} and \
                not kinds & {"f"}:
            yield ("is exactly the opposite (1 − expected: NOT) of the expected one",
                   "is the complement of the expected value",
                   "a condition is inverted: check a comparison (< for >=), a mask (~) or the "
                   "0/1 convention", lambda g, e, s: close(g, 1 - e.astype(np.float64)))
        elif kinds <= {"f"} and values.min() >= 0 and values.max() <= 1 and \
                (varied or not integral):
            yield ("is exactly 1 − the expected one", "is 1 − the expected value",
                   "the complementary probability is computed: e.g. σ(−z) for σ(z), or "
                   "the probability of the other class",
                   lambda g, e, s: close(g, 1 - e.astype(np.float64)))
        if not two_valued:
            if not few:
                yield from _factors(pairs, mode)
            yield from _offsets(pairs, mode, integral and few)
            if not integral:
                yield ("is the expected one cast to an integer (its fractional part dropped)",
                       "is cast to an integer",
                       "a value is converted with int(), astype(int) or // where a float "
                       "belongs", _truncated(mode))
    yield from _arrangements(pairs, mode, integral)


def _float32(mode: Mode) -> Check:
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        e64, g64 = e.astype(np.float64), g.astype(np.float64)
        if g.dtype != np.float32 and not np.array_equal(g64.astype(np.float32), g64):
            return False  # not float32 values
        with np.errstate(all="ignore"):
            dev = np.abs(g64 - e64)
            return bool(np.all(dev <= np.maximum(4 * EPS32 * np.abs(e64), mode.atol)))
    return check


def _truncated(mode: Mode) -> Check:
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        e64 = e.astype(np.float64)
        return any(same(g, f(e64), mode) for f in (np.trunc, np.floor, np.round))
    return check


def _factors(pairs: list[_Pair], mode: Mode) -> Iterator[tuple[str, str, str, Check]]:
    """× a simple fraction, and × N or × 1/N for a size N read from the arguments."""
    for c in FRACTIONS:
        text = str(c).replace("-", "−")
        cause = {2: "an extra factor 2 (e.g. the derivative of ½x² written 2x, or a term "
                    "added twice)",
                 Fraction(1, 2): "a factor 2 is missing (e.g. the 2 of 2h in a central "
                                 "difference, or of the derivative of x²)"}.get(
            c, "a constant factor is wrong or missing")
        yield (f"is exactly {text} × the expected one", f"is {text} × the expected value",
               cause, _scaled(float(c), "", mode))
    names = set.intersection(*(set(p.sizes) for p in pairs)) if pairs else set()
    by_values: dict[tuple[int, ...], list[str]] = {}
    for name in sorted(names):  # sizes equal on every call are one N (X.shape[0] = len(y))
        by_values.setdefault(tuple(p.sizes[name] for p in pairs), []).append(name)
    for group in by_values.values():
        size = " = ".join(group)
        yield (f"is exactly N × the expected one (N = {size})",
               f"is N × the expected value (N = {size})",
               "a sum where a mean is asked (the 1/N is missing)",
               _scaled(1.0, group[0], mode))
        yield (f"is exactly 1/N × the expected one (N = {size})",
               f"is 1/N × the expected value (N = {size})",
               "a mean where a sum is asked, or divided by N once too often",
               _scaled(-1.0, group[0], mode))


def _scaled(c: float, size: str, mode: Mode) -> Check:
    """got = c × expected; with `size`: × the call's size N (c = 1) or × 1/N (c = −1)."""
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        factor = c if not size else s[size] if c > 0 else 1 / s[size]
        return same(g, factor * e.astype(np.float64), mode)
    return check


def _shifted(k: float, mode: Mode) -> Check:
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        return same(g, e.astype(np.float64) + k, mode)
    return check


def _offsets(pairs: list[_Pair], mode: Mode,
             integral: bool) -> Iterator[tuple[str, str, str, Check]]:
    """+ a constant: ±1 always, ±2 and ±½ only with more than one value to confirm it."""
    entries = sum(p.exp.size for p in pairs)
    for k in OFFSETS:
        if abs(k) != 1 and entries < 2:
            continue
        text = f"{abs(k):g}".replace("0.5", "½")
        more = "more" if k > 0 else "less"
        cause = ("a count or an index is off by one (a range that starts or ends one off, "
                 "a term counted once too often or missed)") if integral else \
            "a constant term is added or missed (e.g. a +1 counted for every sample)"
        yield (f"is exactly {text} {more} than the expected one",
               f"is {text} {more} than the expected value", cause,
               _shifted(k, mode))


def _arrangements(pairs: list[_Pair], mode: Mode,
                  integral: bool) -> Iterator[tuple[str, str, str, Check]]:
    """The same values in another shape or order, or reduced over another axis."""
    def reshaped(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        return g.shape != e.shape and g.size == e.size and g.size > 1 and \
            same(g.reshape(e.shape), e, mode)

    yield ("has the right values in another shape", "has the right values in the wrong shape",
           "a reshape, a flatten or a missing keepdims: (n,) and (n, 1) are different shapes",
           reshaped)
    if integral:
        return  # the order or the total of a few integers can agree by chance

    def reversed_(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        return g.shape == e.shape and g.ndim >= 1 and g.shape[0] > 1 and \
            same(g, e[::-1], mode)

    yield ("is the expected one in reverse order", "is in reverse order",
           "the values are produced or read back to front ([::-1], a loop counting down)",
           reversed_)

    def permuted(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.shape != e.shape or g.ndim == 0 or g.shape[0] < 2:
            return False
        rows = (lambda a: a[np.lexsort(a.reshape(len(a), -1).T[::-1])]) if g.ndim > 1 else np.sort
        return same(rows(g.astype(np.float64)), rows(e.astype(np.float64)), mode)

    yield ("has the right values (rows) in another order", "has its entries in the wrong order",
           "the order of the rows or entries is lost (a shuffle, a sort, a set, or an index "
           "that runs in another order)", permuted)

    def unreduced(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.ndim != e.ndim + 1 or g.size <= e.size:
            return False
        g64 = g.astype(np.float64)
        return any(f(g64, axis=a).shape == e.shape and same(f(g64, axis=a), e, mode)
                   for a in range(g.ndim) for f in (np.sum, np.mean)) and _not_zero(e)

    yield ("is an array that, summed (or averaged) over one of its axes, gives the expected one",
           "is not reduced over one axis",
           "the final sum or mean over an axis is missing (or keepdims-less broadcasting "
           "kept it)", unreduced)

    def other_axis(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.shape == e.shape or g.size < 2 or e.size < 2:
            return False
        e64 = e.astype(np.float64)
        if np.ptp(e64) == 0 or abs(e64.sum()) <= 1e-6 * np.abs(e64).sum():
            return False  # a constant value or a total near 0 (rows of a softmax gradient)
        return any(same(np.asarray(f(g.astype(np.float64))), np.asarray(f(e64)), mode)
                   for f in (np.sum, np.mean))

    yield ("is of another shape but has the same total (or mean) as the expected one",
           "is reduced over the wrong axis",
           "a sum or mean over the wrong axis (axis=0 where axis=1 is meant, or the "
           "reverse)", other_axis)


def _not_zero(e: Array) -> bool:
    return bool(np.any(e != 0))


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def _worded(name: str, path: str, what: str, short: str, cause: str) -> Related:
    where = f"{name}(){path}"
    part = path[1:-1]
    said = where if not path else f"{where} (the {ORDINALS[int(part)]} value it returns)" \
        if part.isdigit() and int(part) < len(ORDINALS) else f"{where} (part {path} of its value)"
    return Related(f"{where} {short} ({cause.split(':')[0].split(' (')[0]})",
                   f"Your {said} {what} on every call of this test. Usual cause: {cause}.")


def find(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
         views: Mapping[str, Any] | None = None) -> Related | None:
    """The first relation found for a function of a failing test's `calls` (in the order
    they were called), the reference's outcomes taken from `replay` (grader.run.diagnose: the
    same memoized replay the catalogue's diagnosis made); `mode` is the failed check's
    comparison. A function whose value the catalogue sees through a view (a construction:
    grader.run.catalogue) is not related (its view's entries mean nothing to the student)."""
    near = tolerance(mode)
    for name in dict.fromkeys(c.name for c in calls):
        function = getattr(reference, name, None)
        if not callable(function) or name in (views or {}):
            continue
        mine = [c for c in calls if c.name == name]
        expected: list[Outcome | None] = [
            replay.run(REFERENCE, lambda f=function: f, c) for c in mine]
        found = relate(name, mine, expected, near, parameters(function))
        if found is not None:
            return found
    return None


def parameters(function: Any) -> tuple[str, ...]:
    """The parameter names of a reference function (to name a size), () when it has none."""
    try:
        return tuple(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return ()


