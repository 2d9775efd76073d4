"""A value of the wrong shape, said in the arguments' sizes (issue 16's last resort).

"expected shape (3, 3), got shape (3, 4)" says that the shape is wrong; a TA says how:
"add_bias(X) returns as many rows as X and TWICE its columns, where its columns plus one are
expected". `find_shape` says that for a failing test nothing else named: on the test's calls
of one function (and the submission's other calls of it, with arguments of the same kinds),
the student's value has another shape than the reference's in exactly one part, and every
axis of the student's shape is ONE formula of the call's sizes on every call (a dimension of
an array argument, the length of a list, a positive int argument): the size itself, one more
or less, twice it, two sizes added or multiplied, or a constant. Formulas are tried simplest
first, and an axis that two different formulas of the same rank fit (X's rows and columns on
calls where they are equal) makes the whole finding void: the words would guess.

The label holds no digit and no value: sizes are said by what they are the size of.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations
from typing import Any

import numpy as np

from grader.run.confirm import StudentCall, with_argument
from grader.run.diagnose import REFERENCE, Replay
from grader.run.outcomes import Outcome, Recorded
from grader.run.relation_kinds import size_words
from grader.run.relations import (
    Related,
    _leaves,
    _where,
    call_sizes,
    functions,
    of_kinds,
    parameters,
    returned,
)

CONFIRM = 48
"""At most this many of the submission's other calls of the function are read."""
CONSTANTS = {1: "one", 2: "two", 3: "three"}


def _formulas(sizes: Mapping[str, int]) -> list[tuple[int, str, int]]:
    """(rank, words, value) of every formula of the call's sizes, simplest first."""
    found: list[tuple[int, str, int]] = []
    for label, v in sizes.items():
        words = size_words(label)
        found += [(0, words, v), (1, f"{words} plus one", v + 1),
                  (1, f"{words} minus one", v - 1), (2, f"twice {words}", 2 * v)]
    for (a, u), (b, v) in combinations(sizes.items(), 2):
        found += [(3, f"{size_words(a)} plus {size_words(b)}", u + v),
                  (4, f"{size_words(a)} times {size_words(b)}", u * v)]
    return sorted(found, key=lambda f: f[0])


def _axis(dims: list[int], sizes: Sequence[Mapping[str, int]]) -> str | None:
    """The one formula that gives `dims[i]` on every call i (its words), or None. Two formulas
    that fit are a guess between them, unless both are sizes themselves (rank 0: len(y) and
    X's rows, equal on every call by the contract) on calls of different sizes; a dimension
    that never changes is a constant of CONSTANTS only when no formula fits it."""
    fitting: dict[str, int] = {}
    for i, (dim, s) in enumerate(zip(dims, sizes, strict=True)):
        here = {words: rank for rank, words, v in _formulas(s) if v == dim}
        fitting = here if i == 0 else {w: r for w, r in fitting.items() if w in here}
    if len(fitting) == 1:
        return next(iter(fitting))
    if fitting and set(fitting.values()) == {0} and len(set(dims)) > 1:
        return next(iter(fitting))
    if not fitting and len(set(dims)) == 1 and dims[0] in CONSTANTS:
        return CONSTANTS[dims[0]]
    return None


def _shape_words(shapes: list[tuple[int, ...]], sizes: Sequence[Mapping[str, int]]) -> str | None:
    if len({len(s) for s in shapes}) != 1:
        return None  # the number of axes changes between calls
    if not shapes[0]:
        return "one number"
    axes = [_axis([s[k] for s in shapes], sizes) for k in range(len(shapes[0]))]
    if any(a is None for a in axes):
        return None
    return "(" + ", ".join(a for a in axes if a is not None) + ")"


def _hint(got: list[tuple[int, ...]], exp: list[tuple[int, ...]]) -> str:
    g, e = got[0], exp[0]
    if all(a == (*b, 1) for a, b in zip(got, exp, strict=True)):
        return ("a column where a vector is expected: a keepdims=True, a [:, None] or a "
                "reshape to a column too many")
    if all((*a, 1) == b for a, b in zip(got, exp, strict=True)):
        return "a vector where a column is expected: keepdims=True or [:, None] is missing"
    if all(len(a) == 2 and a == b[::-1] for a, b in zip(got, exp, strict=True)) and g != e:
        return "rows and columns swapped: a transpose too many or missing"
    if all(len(a) == 0 for a in got):
        return ("one number where an array is expected: a sum, max or mean over everything "
                "(axis= missing), or an index into the flattened array")
    if all(len(a) < len(b) for a, b in zip(got, exp, strict=True)):
        return "an axis is lost: a reduction or an index with a number where a slice is meant"
    if all(len(a) > len(b) for a, b in zip(got, exp, strict=True)):
        return ("an extra axis: two arrays of different shapes broadcast against each other "
                "(a column with a vector gives a square table), or a list of arrays stacked")
    return "print the shapes of the arrays it is built from where it is computed"


PROBES = 4
"""At most this many grown calls are run on the student's code to tell two formulas apart."""


def _grown(call: Recorded) -> Iterator[Recorded]:
    """The call with one array argument grown along one axis by two, then one, entries (its
    own first entries repeated: 0/1 data stays 0/1, labels stay labels)."""
    positions: list[int | str] = [*range(len(call.args)), *call.kwargs]
    for where in positions:
        value = call.args[where] if isinstance(where, int) else call.kwargs[where]
        if not isinstance(value, np.ndarray) or value.ndim == 0 or value.size == 0:
            continue
        for axis in range(value.ndim):
            for extra in (2, 1):
                n = value.shape[axis]
                bigger = np.take(value, np.arange(n + extra) % n, axis=axis)
                yield with_argument(call, where, bigger)


def _probed(function: Any, first: Recorded, replay: Replay,
            probe: StudentCall) -> list[tuple[Recorded, Outcome]]:
    """Up to PROBES grown calls (_grown) that the reference accepts, run on the student's
    code, with the reference's outcomes; a call that did not complete is left out."""
    found: list[tuple[Recorded, Outcome]] = []
    for call in _grown(first):
        if len(found) >= PROBES:
            break
        outcome = replay.run(REFERENCE, lambda f=function: f, call)
        if outcome is None or outcome.raised is not None:
            continue
        theirs = probe(call.name, call.args, call.kwargs)
        if theirs is not None:
            found.append((theirs, outcome))
    return found


def _shaped(pairs: list[tuple[Recorded, Outcome]]) -> \
        tuple[str, list[Any], list[Any]] | None:
    """The one part of the values whose shape differs from the reference's on some call
    (path, the student's, the reference's), or None."""
    leaves = _leaves([c.value for c, _ in pairs], [o.value for _, o in pairs])
    if leaves is None:
        return None
    shaped = [(path, got, exp) for path, got, exp in leaves
              if any(np.shape(g) != np.shape(e) for g, e in zip(got, exp, strict=True))]
    return shaped[0] if len(shaped) == 1 else None


def _said(pairs: list[tuple[Recorded, Outcome]], params: Sequence[str]) -> \
        tuple[str, str, str, list[tuple[int, ...]], list[tuple[int, ...]]] | None:
    """(path, the student's shape in words, the reference's, both shapes per call) when every
    axis of both is one formula of the calls' sizes and they differ, else None."""
    shaped = _shaped(pairs)
    if shaped is None:
        return None
    path, got, exp = shaped
    # the calls where the shape is wrong (an AND mask of the right shape beside a NOR mask
    # that is a matrix: the wrong ones say how)
    wrong = [i for i, (g, e) in enumerate(zip(got, exp, strict=True))
             if np.shape(g) != np.shape(e)]
    sizes = [call_sizes(pairs[i][0], params) for i in wrong]
    got_shapes = [tuple(np.shape(got[i])) for i in wrong]
    exp_shapes = [tuple(np.shape(exp[i])) for i in wrong]
    mine = _shape_words(got_shapes, sizes)
    theirs = _shape_words(exp_shapes, sizes)
    if mine is None or theirs is None or mine == theirs:
        return None
    return path, mine, theirs, got_shapes, exp_shapes


def find_shape(reference: Any, calls: Sequence[Recorded], replay: Replay,
               views: Mapping[str, Any] | None = None,
               others: Sequence[Recorded] = (),
               probe: StudentCall | None = None) -> Related | None:
    """The shape of the first function of a failing test's `calls` whose value has another
    shape than the reference's, in the calls' sizes (module docstring), or None. When the
    calls' sizes leave an axis to two formulas, `probe` runs grown copies of the first wrong
    call on the student's code (a few calls into it) to tell them apart."""
    for name, function in functions(reference, calls, views):
        params = parameters(function)
        mine = [c for c in calls if c.name == name]
        pairs = returned(function, [*mine, *of_kinds(name, mine, others, CONFIRM)], replay)
        if not pairs:
            continue  # nothing returned, or the student's code raised where the reference did not
        shaped = _shaped(pairs)
        if shaped is None:
            continue
        found = _said(pairs, params)
        if found is None and probe is not None:
            first = next(c for (c, o), g, e in zip(pairs, shaped[1], shaped[2],
                                                   strict=True) if np.shape(g) != np.shape(e))
            more = [(c, o) for c, o in _probed(function, first, replay, probe)
                    if c.raised is None]
            found = _said([*pairs, *more], params) if more else None
        if found is None:
            continue
        path, mine_words, theirs, got_shapes, exp_shapes = found
        where = _where(name, path)
        hint = _hint(got_shapes, exp_shapes)
        return Related(
            f"{where} has the shape {mine_words} where {theirs} is expected ({hint})",
            f"Your {name}(){path} has the shape {mine_words} on every call where it is wrong, "
            f"where {theirs} is expected: {hint}.")
    return None
