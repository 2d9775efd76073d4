"""Where a failing value is wrong, when nothing says why (issue 16's last resort).

A TA who cannot say what a mistake is can often say where it shows: "only the last entry of
your gradient is wrong, and it is 0", "your sigmoid is wrong exactly where z is zero", "only
the true-class entries of dW are wrong". `find_where` says that, for a failing test nothing
else named (the catalogue, the trajectory, the relations, the changed references): on the
test's calls of one function, the entries where the student's value differs from the
reference's are EXACTLY those a simple predicate picks, and the others are right. The
predicates are few and fixed (no fitting): a position (the first or last entry, row or column,
the diagonal or the entries off it) or, for a value of an argument's own shape, the argument's
entries that are zero, negative, positive, or overflow exp (|z| >= 700), or that equal another
argument (x at an edge a); for an (N, C) value and labels y, the true-class entries (j = y_i);
the calls where a number argument is not zero (said only when one call of the student's code,
a wrong call with that number set to zero, is right: `find_where`'s probe).

A claim about positions must hold on the submission's other calls of the function too (of the
same kinds of arguments, where the student's code and the reference both returned): wrong
there exactly where the predicate says, right everywhere else; with fewer than THIN wrong
entries in all nothing is said (one wrong entry sits at some position of any predicate). When
two predicates pick the same entries on every call (the last row of an (n, 1) column is its
last entry) nothing is said either: the words would choose between them at random.

The label is the place in words and what the student's value is there (0, not finite, the
expected value's negative), with where to look; it holds no input value and no digit (hidden
tests show it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.checks.compare import Mode, entries
from grader.run.confirm import StudentCall, with_argument
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import Outcome, Recorded, same
from grader.run.relations import (
    Related,
    _array,
    _leaves,
    _where,
    functions,
    of_kinds,
    parameters,
    returned,
)

THIN = 2
"""Fewer wrong entries than this (over the test's and the submission's other calls) are
localised by any predicate: nothing is said."""
CONFIRM = 48
"""At most this many of the submission's other calls of the function are checked."""
OVERFLOW = 700.0
"""|z| from which exp(±z) overflows or underflows in float64 (e^709.78 is the largest)."""

Mask = Callable[[Recorded, np.ndarray], np.ndarray | None]
"""A predicate: the call and the expected leaf -> which entries it picks (the leaf's shape),
None where it does not apply to this call."""


@dataclass(frozen=True)
class Place:
    """One predicate: its words (no digits), where to look, and the mask it computes."""

    words: str
    look: str
    mask: Mask
    array: str = ""
    """A parameter that must be an array (not a number) on at least one call."""
    zeroed: str = ""
    """A number parameter whose calls with it not zero are the wrong ones: said only when the
    student's code is right on a wrong call with it set to zero (one probe, `find_where`): the
    right calls may be right for another reason (heldout23's squared hinge terms are right
    on the calls with reg = 0 because their active margins are 1)."""


def _position(words: str, look: str, ndim: int, index: Any, axis: int | None = None) -> Place:
    """Entries at `index` of a value with `ndim` axes: at least two entries, and two along
    `axis` (a row or column place: a table of one row has columns still) or, without one,
    along every axis."""
    def mask(call: Recorded, exp: np.ndarray) -> np.ndarray | None:
        if exp.ndim != ndim or exp.size < 2:
            return None
        if ndim == 2 and (min(exp.shape) if axis is None else exp.shape[axis]) < 2:
            return None
        out = np.zeros(exp.shape, dtype=bool)
        out[index] = True
        return out
    return Place(words, look, mask)


def _diagonal(off: bool) -> Place:
    def mask(call: Recorded, exp: np.ndarray) -> np.ndarray | None:
        if exp.ndim != 2 or exp.shape[0] != exp.shape[1] or exp.shape[0] < 2:
            return None
        eye = np.eye(exp.shape[0], dtype=bool)
        return ~eye if off else eye
    if off:
        return Place("off the diagonal (the entries i ≠ j)",
                     "the formula for the entries off the diagonal (i ≠ j)", mask)
    return Place("on the diagonal (the entries i = j)",
                 "the formula for the diagonal (i = j): its own term", mask)


POSITIONS = (
    _position("at the last entry", "a loop or slice that stops one entry early, or an entry "
              "handled apart", 1, np.s_[-1]),
    _position("at the first entry", "a loop or slice that starts one entry late, or an entry "
              "handled apart", 1, np.s_[0]),
    _position("in the last row", "a loop over the rows that stops one row early, or the last "
              "row handled apart", 2, np.s_[-1, :], axis=0),
    _position("in the first row", "a loop over the rows that starts one row late, or the first "
              "row handled apart", 2, np.s_[0, :], axis=0),
    _position("in the last column", "how the last column is computed (the column that is "
              "added or handled apart)", 2, np.s_[:, -1], axis=1),
    _position("in the first column", "how the first column is computed", 2, np.s_[:, 0],
              axis=1),
    _position("in the column before the last", "a loop over the columns that stops one column "
              "early (the last one before a column that is added)", 2, np.s_[:, -2], axis=1),
    _position("at the entry before the last", "a loop that stops one entry early (the last "
              "one before an entry that is handled apart)", 1, np.s_[-2]),
    _position("at the last entry (in row-major order)", "a loop over the flat indices that "
              "stops one entry early", 2, np.s_[-1, -1]),
    _diagonal(off=False), _diagonal(off=True),
)


def _valued(params: Sequence[str], param: str, words: str, look: str,
            test: Callable[[np.ndarray], np.ndarray]) -> Place:
    """Entries where the argument `param` (of the value's own shape) satisfies `test`; said
    only when `param` is an array on some call (a number on every call is said by _on_calls:
    the calls where reg is not zero)."""
    def mask(call: Recorded, exp: np.ndarray) -> np.ndarray | None:
        arg = _array(_argument(call, params, param))
        if arg is None or arg.shape != exp.shape or arg.dtype.kind not in "iuf":
            return None
        with np.errstate(all="ignore"):
            picked: np.ndarray = np.asarray(test(arg.astype(np.float64)), dtype=bool)
        return picked
    return Place(f"where {param} {words}", look.format(p=param), mask, array=param)


def _on_calls(params: Sequence[str], param: str, words: str, look: str,
              test: Callable[[float], bool], zeroed: bool = False) -> Place:
    """Every entry of the calls where the NUMBER argument `param` satisfies `test` (a loss
    wrong exactly on the calls with reg != 0)."""
    def mask(call: Recorded, exp: np.ndarray) -> np.ndarray | None:
        arg = _argument(call, params, param)
        if not isinstance(arg, int | float | np.number) or isinstance(arg, bool | np.bool_):
            return None
        return np.full(exp.shape, bool(test(float(arg))))
    return Place(f"on the calls where {param} {words}", look.format(p=param), mask,
                 zeroed=param if zeroed else "")


def _default(params: Sequence[str], param: str) -> Place:
    """Every entry of the calls that leave `param` at its default (not passed)."""
    def mask(call: Recorded, exp: np.ndarray) -> np.ndarray | None:
        if param not in params:
            return None
        given = param in call.kwargs or params.index(param) < len(call.args)
        return np.full(exp.shape, not given)
    return Place(f"on the calls that leave {param} at its default",
                 f"the default value of {param} in the function's signature", mask)


def _at_edge(params: Sequence[str], param: str, edge: str) -> Place:
    """Entries where the array argument `param` equals the number argument `edge`."""
    def mask(call: Recorded, exp: np.ndarray) -> np.ndarray | None:
        arg, at = _array(_argument(call, params, param)), _argument(call, params, edge)
        if arg is None or arg.shape != exp.shape or not isinstance(
                at, int | float | np.number) or isinstance(at, bool):
            return None
        picked: np.ndarray = arg.astype(np.float64) == float(at)
        return picked
    return Place(f"where {param} equals {edge} exactly",
                 f"the comparison at the edge {edge} (a strict one for a non-strict one, or "
                 "the other way round)", mask)


def _true_class(params: Sequence[str], param: str, off: bool) -> Place:
    """For an (N, C) value and integer labels `param` (N,): the entries (i, y_i), or the
    others."""
    def mask(call: Recorded, exp: np.ndarray) -> np.ndarray | None:
        labels = _array(_argument(call, params, param))
        if labels is None or labels.ndim != 1 or labels.dtype.kind not in "iu" or \
                exp.ndim != 2 or exp.shape[0] != labels.size or labels.size == 0 or \
                labels.min() < 0 or labels.max() >= exp.shape[1]:
            return None
        out = np.zeros(exp.shape, dtype=bool)
        out[np.arange(labels.size), labels] = True
        return ~out if off else out
    if off:
        return Place(f"everywhere but at the true-class entries (j ≠ {param}_i)",
                     "the terms of the classes that are not the sample's own", mask)
    return Place(f"at the true-class entries (j = {param}_i)",
                 "the term of each sample's own class (at j = "
                 f"{param}_i: the minus count of active margins, or minus x_i)", mask)


def _argument(call: Recorded, params: Sequence[str], param: str) -> Any:
    """The argument of `call` bound to the parameter `param` of `params` (the reference's)."""
    if param in call.kwargs:
        return call.kwargs[param]
    if param in params:
        at = params.index(param)
        if at < len(call.args):
            return call.args[at]
    return None


def places(params: Sequence[str]) -> list[Place]:
    """Every predicate for a function with these parameters."""
    found = list(POSITIONS)
    for p in params:
        found += [
            _on_calls(params, p, "is not zero", "the term that {p} multiplies or switches on "
                      "(every call with {p} equal to zero is right)", lambda v: v != 0,
                      zeroed=True),
            _default(params, p),
        ]
        found += [
            _valued(params, p, "is zero", "the case of {p} equal to zero: > and < both leave "
                    "it out, or a sign() that is zero there", lambda a: a == 0),
            _valued(params, p, "is negative", "the branch for negative {p}", lambda a: a < 0),
            _valued(params, p, "is positive", "the branch for positive {p}", lambda a: a > 0),
            _valued(params, p, "is far from zero (|" + p + "| of seven hundred or more)",
                    "exp of a large number: it overflows (use a form that only takes exp of "
                    "−|{p}|)", lambda a: np.abs(a) >= OVERFLOW),
        ]
        found += [_at_edge(params, p, q) for q in params if q != p]
        found += [_true_class(params, p, off=False), _true_class(params, p, off=True)]
    return found


def _entrywise(got: np.ndarray, exp: np.ndarray, mode: Mode) -> np.ndarray:
    """Which entries differ, by the check's own comparison (grader.checks.compare.entries)."""
    differ: np.ndarray = ~entries(got, exp, mode)[0]
    return differ


def localise(name: str, calls: Sequence[Recorded], expected: Sequence[Outcome | None],
             mode: Mode, params: Sequence[str],
             confirm: Callable[[Place], bool] | None = None) -> Related | None:
    """The one place (a Place's words) where the student's values of `name` on `calls` are
    wrong, exactly, or None (see the module docstring); a place with `zeroed` only when
    `confirm` says so."""
    pairs = [(c, e) for c, e in zip(calls, expected, strict=True)
             if c.name == name and e is not None]
    if not pairs or any(c.raised is not None or e.raised is not None for c, e in pairs):
        return None
    leaves = _leaves([c.value for c, _ in pairs], [e.value for _, e in pairs])
    if leaves is None:
        return None
    wrong: list[tuple[str, list[np.ndarray], list[np.ndarray], list[np.ndarray]]] = []
    for path, got, exp in leaves:
        if any(g.shape != x.shape for g, x in zip(got, exp, strict=True)):
            return None  # a value of another shape: not a matter of some entries
        differ = [_entrywise(g, x, mode) for g, x in zip(got, exp, strict=True)]
        if any(m.any() for m in differ):
            wrong.append((path, differ, got, exp))
    if len(wrong) != 1:
        return None
    path, wrongs, got, exp = wrong[0]
    total = sum(int(m.sum()) for m in wrongs)
    if total < THIN or total == sum(int(m.size) for m in wrongs):
        return None  # too little to localise, or wrong everywhere: no place
    fits = []
    for place in places(params):
        picked = [place.mask(c, e) for (c, _), e in zip(pairs, exp, strict=True)]
        if all(p is not None and np.array_equal(p, m)
               for p, m in zip(picked, wrongs, strict=True)) and (not place.array or any(
                   np.ndim(_argument(c, params, place.array)) > 0 for c, _ in pairs)):
            fits.append(place)
    if len(fits) != 1:
        return None  # no place, or two that pick the same entries: the words would guess
    place = fits[0]
    if place.zeroed and (confirm is None or not confirm(place)):
        return None
    there = _there(got, exp, wrongs)
    where = _where(name, path)
    return Related(
        f"{where} is wrong only {place.words}{there} (check {place.look})",
        f"Your {name}(){path} is wrong exactly {place.words}{there}, on every call of this "
        f"test and of the others where it is wrong, and right everywhere else. Check "
        f"{place.look}.", entries=total)


def _there(got: list[np.ndarray], exp: list[np.ndarray], wrongs: list[np.ndarray]) -> str:
    """What the student's value is at the wrong entries, when it is one telling thing."""
    g = np.concatenate([a.astype(np.float64)[m] for a, m in zip(got, wrongs, strict=True)])
    e = np.concatenate([a.astype(np.float64)[m] for a, m in zip(exp, wrongs, strict=True)])
    if np.all(g == 0):
        return ": there it is zero (never computed, or left at its initial value)"
    if np.all(g == 1):
        return ": there it is one (never computed, or left at the value it started with)"
    if not np.all(np.isfinite(g)):
        return ": there it is not a finite number"
    if np.allclose(g, -e) and np.any(e != 0):
        return ": there it has the wrong sign"
    return ""


def _zeroed_right(name: str, function: Any, kept: Sequence[tuple[Recorded, Outcome]],
                  params: Sequence[str], mode: Mode, replay: Replay,
                  probe: StudentCall | None) -> Callable[[Place], bool]:
    """Whether the student's code is right on the first wrong call with the place's `zeroed`
    parameter set to zero (one call of the student's code; False when it cannot run)."""
    def confirm(place: Place) -> bool:
        wrong = next((c for c, e in kept if not same(c.value, e.value, mode)), None)
        if probe is None or wrong is None:
            return False
        where: int | str = place.zeroed if place.zeroed in wrong.kwargs else \
            params.index(place.zeroed)
        if isinstance(where, int) and where >= len(wrong.args):
            return False
        variant = with_argument(wrong, where, 0.0)
        expected = replay.run(REFERENCE, lambda: function, variant)
        theirs = probe(name, variant.args, variant.kwargs)
        return theirs is not None and theirs.raised is None and expected.raised is None \
            and same(theirs.value, expected.value, mode)
    return confirm


def find_where(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
               views: Mapping[str, Any] | None = None,
               others: Sequence[Recorded] = (), probe: StudentCall | None = None) -> \
        Related | None:
    """The place found for the first function of a failing test's `calls` that has one, the
    reference's outcomes from `replay`; it must hold on the submission's other calls of that
    function (`others`) too, and a place of the calls where a number is not zero on one call
    of the student's code with it zero (`probe`). A construction compared through a view is
    not localised."""
    near = tolerance(mode)
    for name, function in functions(reference, calls, views):
        mine = [c for c in calls if c.name == name]
        kept = returned(function, [*mine, *of_kinds(name, mine, others, CONFIRM)], replay)
        if kept is None:
            continue  # the student's code raised where the reference returned
        params = parameters(function)
        found = localise(name, [c for c, _ in kept], [e for _, e in kept], near, params,
                         _zeroed_right(name, function, kept, params, near, replay, probe))
        if found is not None:
            return found
    return None
