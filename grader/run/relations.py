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
looked for leaf by leaf (a loss and its gradient returned together may be wrong apart), and
named only when EVERY leaf that is wrong has one (a relation on one leaf while another is
wrong for no known reason is a coincidence more often than the cause). It must also hold on
the submission's other calls of the function (`find`'s `others`: independent inputs), where
both the student and the reference returned.

Also: one number on every call where the expected numbers vary (grader.run.relation_kinds),
and, when the values are right, an argument left changed by the call.

Each relation is exact evidence, so it is a diagnosis worded as a fact ("Your value is exactly
−1 × the expected one on every call …") with its usual cause. Two looser findings, tried only
when nothing exact holds, are worded "Possibly …" (POSSIBLY): a factor true to 0.1 % only (a
forward difference where half a central one was meant), and an extra axis of length N where
the expected shape has 1 (an (n,) array broadcast against an (n, 1) one). Guards keep a
relation from explaining noise or nothing: relations are drawn from a short list (no factor
is fitted freely), two relations that both fit name nothing, two-valued data (0/1, ±1,
booleans) needs both values and four entries before a negation or complement counts, fewer
than eight integers get no factor or offset (random indices are one off by chance), and
integer data gets no sum or order relation (coincidences). The recorded label holds no input
or expected value and no digit (hidden tests show it): only the relation in words, the
function and, for a size, the argument's name.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.checks.failure import POSSIBLY
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import Outcome, Recorded, same
from grader.run.relation_kinds import (
    IMPLIED,
    MOVED,
    ORDINALS,
    Array,
    Pair,
    candidates,
    factors,
    says_one_value,
    size_words,
)


@dataclass(frozen=True)
class Related:
    """What `relate` found: the label recorded as the test's mistake and the message's
    sentence."""

    label: str
    sentence: str
    entries: int = 0
    """How many entries of the test's values the relation explains where they are wrong
    (fewer than THIN: too few to tell a relation from a coincidence without more calls)."""


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
    sizes = [call_sizes(c, params) for c, _ in pairs]
    leaves = _leaves([c.value for c, _ in pairs], [e.value for _, e in pairs])
    if leaves is None:
        return None
    wrong = [(path, got, exp) for path, got, exp in leaves
             if not all(same(g, x, mode) for g, x in zip(got, exp, strict=True))]
    found = [_leaf_relation(got, exp, sizes, mode) for _, got, exp in wrong]
    first = next((f for f in found if f is not None), None)
    if first is not None:  # a leaf too small to show a relation may still obey another's
        found = [f if f is not None or not _holds(first[3], got, exp, sizes) else first
                 for f, (_, got, exp) in zip(found, wrong, strict=True)]
    if found and all(f is not None for f in found):  # a leaf left unexplained: no name
        path, got, exp = wrong[0]
        entries, kind = _wrong_entries(got, exp, mode), found[0]
        assert kind is not None
        return replace(_worded(name, path, *kind[:3]),
                       entries=entries // 2 if kind[1] in MOVED else entries)
    elsewhere = _elsewhere(name, wrong, leaves, mode)
    if elsewhere is not None:
        return elsewhere
    if len(wrong) != 1:  # nothing exact on one wrong leaf: a factor true to 0.1 %, a broadcast
        return None
    path, got, exp = wrong[0]
    return _echoed(name, path, got, exp, [c for c, _ in pairs], params, mode) or \
        _about(name, path, got, exp, sizes, mode) or _broadcast(name, path, got, exp, sizes)


def _elsewhere(name: str, wrong: list[tuple[str, list[Array], list[Array]]],
               leaves: list[tuple[str, list[Array], list[Array]]], mode: Mode) -> Related | None:
    """Every wrong part holds, on every call, exactly what ANOTHER part should hold: a value
    returned in another's place (the derivative returned as the function's value), or a column
    of a 2-D value holding another column's values (a late-bound loop index: every lambda of a
    comprehension reads the last column). The values must tell the parts apart (`_uncommon`
    for a part, `_column_elsewhere`'s rule for a column: 0/1 columns equal each other by
    chance)."""
    said: list[str] = []
    entries = 0
    for path, got, exp in wrong:
        others = [(p, e) for p, _, e in leaves if p != path and all(
            x.shape == g.shape and same(g, x, mode) for g, x in zip(got, e, strict=True))
            and any(not same(x, y, mode) for x, y in zip(e, exp, strict=True))
            and _uncommon(np.concatenate([np.ravel(x) for x in e]))]
        if len(others) == 1:
            other = _where(name, others[0][0]).replace(f" returned by {name}()", "")
            said.append(f"{_where(name, path)} is what the {other.removeprefix('the ')} "
                        "should be")
        else:
            column = _column_elsewhere(got, exp, mode)
            if column is None:
                return None
            said.append(f"{column} of {_where(name, path)} holds "
                        f"what another column should hold")
        entries += _wrong_entries(got, exp, mode)
    if not said:
        return None
    what = "; ".join(said)
    cause = ("a value returned or stored in another's place: a wrong variable in a return or "
             "an assignment, an index read after its loop has ended (a lambda or inner "
             "function made in a loop sees the last value), or the wrong out= or slice target")
    return Related(f"{what} (a value in another's place)",
                   f"Your {name}() puts a value in another's place: {what}, on every call of "
                   f"this test. Usual cause: {cause}.",
                   entries=entries // 2)


def _uncommon(a: Array) -> bool:
    """Values another part equals by chance only rarely: floats, one of them not a multiple
    of ¼ (a 0.5 of a sigmoid at 0, a 1 or a 0 are everywhere)."""
    return a.dtype.kind == "f" and bool(np.any(np.isfinite(a) & (a * 4 != np.round(a * 4))))


def _column_elsewhere(got: list[Array], exp: list[Array], mode: Mode) -> str | None:
    """'the first column' when that column of a 2-D value is, on every call, exactly another
    column of the expected value (the same other one each time) and every other column is
    right; None otherwise."""
    if any(g.ndim != 2 or g.shape != e.shape or g.shape[1] < 2 for g, e in zip(got, exp,
                                                                             strict=True)):
        return None
    width = got[0].shape[1]
    if any(g.shape[1] != width for g in got):
        return None
    bad = {c for g, e in zip(got, exp, strict=True) for c in range(width)
           if not same(g[:, c], e[:, c], mode)}
    if len(bad) != 1:
        return None
    (c,) = bad
    sources = [k for k in range(width) if k != c and all(
        same(g[:, c], e[:, k], mode) for g, e in zip(got, exp, strict=True))]
    if len(sources) != 1:
        return None
    column = np.concatenate([e[:, sources[0]] for e in exp])
    if not (_telling(column) or (np.unique(column).size >= 2 and column.size >= 4)):
        return None
    return f"the {ORDINALS[c]} column" if c < len(ORDINALS) else "a column"


def _telling(a: Array | None) -> bool:
    """An argument that a value equals by chance only rarely: floats, not all whole numbers, at
    least two different ones (a 0/1 output, a count or zero weights equal an argument often:
    heldout10's never-firing neuron 'returned' theta = 0)."""
    return a is not None and a.dtype.kind == "f" and np.unique(a).size >= 2 and \
        not bool(np.all(a == np.round(a)))


ECHO = " is its argument "
"""_echoed's label (an argument returned unchanged), which a test's inputs can fit by
coincidence as well (2·reg·W is W where reg is ½: heldout26's hinge gradient that kept only
its regulariser), so it is confirmed like COINCIDENT's (`_coincident`)."""


def _echoed(name: str, path: str, got: list[Array], exp: list[Array], calls: list[Recorded],
            params: Sequence[str], mode: Mode) -> Related | None:
    """On every call the student's value is exactly one argument as it was passed (the same
    parameter each time) where the reference returns something else: the result was computed
    but the argument returned (train_perceptron returning the initial w)."""
    fits = []
    bound = [by_name(call, params) for call in calls]
    for i, param in enumerate(params):
        passed = [_array(named[param]) if param in named else None for named in bound]
        if all(a is not None and a.size >= 2 and a.shape == g.shape and same(g, a, mode)
               for a, g in zip(passed, got, strict=True)) and any(
                not same(e, a, mode) for a, e in zip(passed, exp, strict=True)) and any(
                _telling(a) for a in passed):
            fits.append((i, param))
    if len(fits) != 1:  # two arguments equal on every call: either may be the one returned
        return None
    param = fits[0][1]
    where = f"{name}(){path} ({_where(name, path)})" if path else f"{name}()"
    return Related(f"{_where(name, path)}{ECHO}{param} unchanged (the result is "
                   "computed but not returned)",
                   f"Your {where} is exactly its argument `{param}` as it was passed, on every "
                   f"call of this test, where the reference returns a new value. Usual cause: "
                   f"the computed value is not returned (a wrong variable in the return, or "
                   f"the argument's copy returned instead of the result).",
                   entries=_wrong_entries(got, exp, mode))


def _broadcast(name: str, path: str, got: list[Array], exp: list[Array],
               sizes: Sequence[Mapping[str, int]]) -> Related | None:
    """On every call where the shapes differ, the student's has N (a size of the arguments)
    along the one axis where the expected shape has 1: the classic (n,) − (n, 1) broadcast to
    (n, n), or a missing reduction (a possibility: the values are not compared)."""
    names: set[str] | None = None
    for g, e, s in zip(got, exp, sizes, strict=True):
        if g.shape == e.shape:
            continue
        axes = [a for a in range(g.ndim) if g.ndim == e.ndim and g.shape[a] != e.shape[a]]
        if len(axes) != 1 or e.shape[axes[0]] != 1:
            return None
        fits = {k for k, n in s.items() if n == g.shape[axes[0]]}
        names = fits if names is None else names & fits
    if not names:
        return None
    size = " = ".join(sorted(names))
    where = f"{name}(){path}"
    said = " = ".join(size_words(g) for g in sorted(names))
    return Related(f"{POSSIBLY}{_where(name, path)} has N entries ({said}) along an axis "
                   "where the expected value has one (a vector met a column vector: numpy "
                   "broadcasts them)",
                   f"Possibly an (n,) array met an (n, 1) one, which numpy broadcasts to "
                   f"(n, n): your {where} has N = {size} entries along the axis where the "
                   "expected one has 1 (or a sum over that axis is missing); keep column "
                   "vectors as columns, or flatten both (other mistakes can give this result "
                   "too).")


def _mutated(name: str, pairs: list[tuple[Recorded, Outcome]], mode: Mode,
             params: Sequence[str]) -> Related | None:
    """Right values, but an argument left otherwise than the reference leaves it."""
    for call, outcome in pairs:
        for i, (mine, theirs) in enumerate(zip(call.args_after, outcome.args_after,
                                               strict=False)):
            if _array(mine) is None or _array(theirs) is None or same(mine, theirs, mode):
                continue  # only numbers and arrays are compared (a generator, a callable: no)
            arg = params[i] if i < len(params) else f"argument {i + 1}"
            changed = not same(mine, call.args[i], mode) and same(theirs, call.args[i], mode)
            what = "changes it in place" if changed else "leaves it otherwise than expected"
            return Related(
                f"{name}() returns the right value but {what} (its argument {arg})",
                f"Your {name}() returns the right value on every call of this test, but "
                f"{what}: its argument `{arg}` is not what it should be after the call (work "
                "on a copy, e.g. x = x.copy(), instead of modifying the caller's array).")
    return None


def by_name(call: Recorded, params: Sequence[str]) -> dict[str, Any]:
    """A call's arguments by parameter name (positional ones beyond `params` left out)."""
    return dict(zip(params, call.args, strict=False)) | call.kwargs


def call_sizes(call: Recorded, params: Sequence[str]) -> dict[str, int]:
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


def _holds(check: Any, got: list[Array], exp: list[Array],
           sizes: Sequence[Mapping[str, int]]) -> bool:
    """`check` (a relation another leaf showed) holds on every call of this leaf."""
    try:
        return all(check(g, e, s) for g, e, s in zip(got, exp, sizes, strict=True))
    except (ValueError, TypeError, KeyError, IndexError):
        return False


def _leaf_relation(got: list[Array], exp: list[Array], sizes: Sequence[Mapping[str, int]],
                   mode: Mode) -> tuple[str, str, str, Any] | None:
    """(what the value is, its short name, its usual cause, its check) for the first relation
    that holds on every call of this leaf, or None."""
    pairs = [Pair(g, e, s) for g, e, s in zip(got, exp, sizes, strict=True)]
    held = [(what, short, cause, check) for what, short, cause, check in candidates(pairs, mode)
            if all(check(p.got, p.exp, p.sizes) for p in pairs)]
    if not held or not any(not same(p.got, p.exp, mode) for p in pairs):
        return None
    if any(other[1] not in IMPLIED.get(held[0][1], ()) for other in held[1:]):
        return None  # two relations explain the values (2 × 2 = 2 + 2): neither is evidence
    return held[0]


def _where(name: str, path: str) -> str:
    """Where in the value, in words (the label has no digits: relation_kinds.factors): the
    second value returned by f(), the "W1" entry of f()."""
    if not path:
        return f"{name}()"
    parts = [p.strip('"') for p in path[1:-1].split("][")]
    said = [f"the {ORDINALS[int(p)]} value" if p.isdigit() and int(p) < len(ORDINALS)
            else "a part" if p.isdigit() else f'the "{p}" entry' for p in parts]
    return " of ".join(reversed(said)) + f" returned by {name}()"


def _worded(name: str, path: str, what: str, short: str, cause: str) -> Related:
    where = f"{name}(){path}"
    every = "" if "every call" in what else " on every call of this test"
    hint = cause.split(":")[0].split(" (")[0]
    return Related(f"{_where(name, path)} {short} ({hint})",
                   f"Your {where} ({_where(name, path)}) {what}{every}. Usual cause: {cause}."
                   if path else f"Your {where} {what}{every}. Usual cause: {cause}.")


def _about(name: str, path: str, got: list[Array], exp: list[Array],
           sizes: Sequence[Mapping[str, int]], mode: Mode) -> Related | None:
    """A factor that holds to 0.1 % but not within the check's tolerance (a forward difference
    where half a central one was meant: the factor is exact only as h -> 0): worded
    "Possibly …" (POSSIBLY), on at least three entries and only when one factor fits."""
    if sum(e.size for e in exp) < 3:
        return None
    loose = Mode("close", rtol=1e-3, atol=max(mode.atol, 1e-12))
    pairs = [Pair(g, e, s) for g, e, s in zip(got, exp, sizes, strict=True)]
    if any(p.got.shape != p.exp.shape for p in pairs):
        return None
    held = [(what, short, cause) for what, short, cause, check in factors(pairs, loose)
            if all(check(p.got, p.exp, p.sizes) for p in pairs)]
    if len(held) != 1:
        return None
    what, short, cause = held[0]
    where = f"{name}(){path}"
    what = what.replace("is exactly", "is about")
    return Related(f"{POSSIBLY}{_where(name, path)} {short.replace('is ', 'is about ', 1)} "
                   f"({cause.split(' (')[0]})",
                   f"Possibly {cause.split(' (')[0]}: your {where} {what} (to 0.1 %, not "
                   "exactly) on every call of this test (other mistakes can give this "
                   "result too).")


def functions(reference: Any, calls: Sequence[Recorded],
              views: Mapping[str, Any] | None = None) -> Iterator[tuple[str, Any]]:
    """The reference's functions of a test's `calls`, in call order, by name; not those the
    catalogue sees through a view (a construction: its view's entries mean nothing to the
    student)."""
    for name in dict.fromkeys(c.name for c in calls):
        function = getattr(reference, name, None)
        if callable(function) and name not in (views or {}):
            yield name, function


def of_kinds(name: str, mine: Sequence[Recorded], others: Sequence[Recorded],
             limit: int) -> list[Recorded]:
    """Up to `limit` of the submission's other calls of `name` (not among `mine`) whose
    arguments are of the kinds of `mine`'s (the same types, ranks and dtypes)."""
    own, kinds = {id(c) for c in mine}, {_kinds(c) for c in mine}
    return [c for c in others if c.name == name and id(c) not in own
            and _kinds(c) in kinds][:limit]


def returned(function: Any, calls: Sequence[Recorded],
             replay: Replay) -> list[tuple[Recorded, Outcome]] | None:
    """(call, the reference's outcome) for each of `calls` the reference returns on (replayed
    through `replay`); None when the student's code raised on one of those (an exception says
    more than any description of values)."""
    outcomes = [replay.run(REFERENCE, lambda f=function: f, c) for c in calls]
    kept = [(c, o) for c, o in zip(calls, outcomes, strict=True)
            if o is not None and o.raised is None]
    return None if any(c.raised is not None for c, _ in kept) else kept


def find(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
         views: Mapping[str, Any] | None = None,
         others: Sequence[Recorded] = ()) -> Related | None:
    """The first relation found for a function of a failing test's `calls` (in the order
    they were called), the reference's outcomes taken from `replay` (grader.run.diagnose: the
    same memoized replay the catalogue's diagnosis made); `mode` is the failed check's
    comparison. A function whose value the catalogue sees through a view (a construction:
    grader.run.catalogue) is not related (its view's entries mean nothing to the student).
    A relation shown by fewer than THIN wrong entries, or one a test's inputs fit by
    coincidence (COINCIDENT), must hold on `others` too (the submission's other calls, see
    `_confirmed`), as the catalogue's names must
    (grader.run.diagnose): a call there where the student raised and the reference did not,
    or where the values break the relation, rules it out."""
    near = tolerance(mode)
    own = {id(c) for c in calls}
    for name, function in functions(reference, calls, views):
        mine = [c for c in calls if c.name == name]
        expected: list[Outcome | None] = [
            replay.run(REFERENCE, lambda f=function: f, c) for c in mine]
        rest = [c for c in others if id(c) not in own]
        found = relate(name, mine, expected, near, parameters(function))
        coincident = _coincident(found)
        if found is not None and ((found.entries >= THIN and not coincident) or _confirmed(
                found, name, function, mine, expected, near, replay, rest,
                any_kind=coincident)):
            return found
        if found is None:
            found = _pooled(name, function, mine, expected, near, replay, rest)
            if found is not None:
                return found
    return None


THIN = 2
"""A relation shown by fewer wrong entries than this on the test's calls must hold on the
submission's other calls too (`_confirmed`): one entry fits many relations by chance (a
sigmoid(0) of 0 is 0.5 cast to an integer)."""

COINCIDENT = ("is the complement of the expected value", "is one minus the expected value",
              "has its entries in the wrong order", "is the expected value times two",
              "is the expected value times one half")
"""Relations a test's inputs can fit by coincidence however many entries show them (heldout23):
outputs in reverse row order are the complement of a palindromic 0/1 table's, a reversed
sigmoid of a symmetric z is 1 − σ(z), values of a staircase permuted by chance, a tower
divided by its width 2 is half. They must hold on the submission's other wrong calls of the
function too, of any kind of arguments (`_confirmed`)."""


def _coincident(found: Related | None) -> bool:
    return found is not None and (
        any(f" {short} (" in found.label for short in COINCIDENT) or ECHO in found.label)

CONFIRM = 48
"""At most this many of the submission's other calls confirm a relation (replays cost)."""


def _confirmed(found: Related, name: str, function: Any, mine: list[Recorded],
               expected: list[Outcome | None], mode: Mode, replay: Replay,
               others: Sequence[Recorded], any_kind: bool = False) -> bool:
    """`found` holds on the submission's other calls of `name` too (see find): on each of
    them whose arguments are of the kinds of the test's (the same types, ranks and dtypes: a
    relation is a claim about inputs like the test's) and where the student's value is wrong
    (a right value neither confirms nor refutes most relations: a transpose of a symmetric
    matrix is itself). A relation that speaks of this test alone (one value on every call
    of it) needs no confirmation."""
    if says_one_value(found.label):
        return True
    gathered = _wrong_elsewhere(name, function, mine, mode, replay, others, any_kind)
    if gathered is None:
        return False  # the student's raised where the reference returned
    more, outcomes = gathered
    if not more:
        return True
    again = relate(name, [*mine, *more], [*expected, *outcomes], mode, parameters(function))
    return again is not None and again.label == found.label


def _wrong_elsewhere(name: str, function: Any, mine: list[Recorded], mode: Mode, replay: Replay,
                     others: Sequence[Recorded], any_kind: bool = False) -> \
        tuple[list[Recorded], list[Outcome | None]] | None:
    """The submission's other calls of `name` with arguments of the kinds of the test's (or
    of any kind) where the student's value is wrong, with the reference's outcomes (at most
    CONFIRM; calls the reference refuses left out); None when on one of them the student's
    code raised and the reference returned."""
    kinds = {_kinds(c) for c in mine}
    more: list[Recorded] = []
    outcomes: list[Outcome | None] = []
    for call in (c for c in others if c.name == name and (any_kind or _kinds(c) in kinds)):
        if len(more) >= CONFIRM:
            break
        outcome = replay.run(REFERENCE, lambda f=function: f, call)
        if outcome.raised is not None:
            continue  # a call the reference refuses: not one a relation speaks of
        if call.raised is not None:
            return None
        if same(call.value, outcome.value, mode):
            continue
        more.append(call)
        outcomes.append(outcome)
    return more, outcomes


def _binary(values: list[Any]) -> bool:
    """Every number in `values` is 0 or 1 (or −1 or 1)."""
    leaves = [_array(v) for v in values]
    if any(a is None for a in leaves):
        return False
    flat = np.concatenate([a.astype(np.float64).ravel() for a in leaves if a is not None] or
                          [np.zeros(0)])
    return set(np.unique(flat).tolist()) <= {-1.0, 0.0, 1.0}


def _pooled(name: str, function: Any, mine: list[Recorded], expected: list[Outcome | None],
            mode: Mode, replay: Replay, others: Sequence[Recorded]) -> Related | None:
    """A relation too few values of the test show (a count one too high on one call: any
    wrong integer is some factor or offset of the right one) but the test's calls and the
    submission's other wrong calls of the function show together (on arguments of the same
    kinds), by at least THIN wrong entries; not the one-value observation (it speaks of one
    test)."""
    gathered = _wrong_elsewhere(name, function, mine, mode, replay, others)
    if gathered is None or not gathered[0]:
        return None
    more, outcomes = gathered
    if _binary([o.value for o in outcomes if o is not None]):
        return None  # every wrong 0/1 (or ±1) value is the complement of the right one
    found = relate(name, [*mine, *more], [*expected, *outcomes], mode, parameters(function))
    if found is None or found.entries < THIN or says_one_value(found.label):
        return None
    return replace(found, sentence=found.sentence.replace(
        " on every call of this test", " on every call of this test and on the other tests' "
        "calls where it is wrong", 1))


def _wrong_entries(got: list[Array], exp: list[Array], mode: Mode) -> int:
    """The entries of a leaf that are wrong, over its calls (all of a value of another shape)."""
    count = 0
    for g, e in zip(got, exp, strict=True):
        if g.shape != e.shape:
            count += max(g.size, 1)
        else:
            count += sum(not same(a, b, mode) for a, b in zip(g.ravel(), e.ravel(), strict=True))
    return count


def _kinds(call: Recorded) -> tuple[Any, ...]:
    """What kind each argument of `call` is: its type, and an array's rank and dtype kind."""
    def kind(value: Any) -> tuple[Any, ...]:
        if isinstance(value, np.ndarray):
            return ("ndarray", value.ndim, value.dtype.kind)
        if isinstance(value, list | tuple):
            return (type(value).__name__, np.ndim(value) if _numbers(list(value)) else -1)
        return (type(value).__name__,)
    return (tuple(kind(a) for a in call.args),
            tuple(sorted((k, kind(v)) for k, v in call.kwargs.items())))


def parameters(function: Any) -> tuple[str, ...]:
    """The parameter names of a reference function (to name a size), () when it has none."""
    try:
        return tuple(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return ()


