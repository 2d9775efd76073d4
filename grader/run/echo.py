"""A returned value that is one of the call's own arguments, as it was passed (issue 16).

"Your adam_step returns m and v unchanged" is what a TA sees first when an update is computed
but the old state is returned (a wrapper that hands back what it was given, a new record built
and the incoming one returned, a field read from the wrong object), or when a value is never
updated at all. `find_echo` says it for a failing test nothing before it named: for one
function of the test, a part of the student's value (a leaf: the whole value, one of the
values a tuple holds, a dict's entry) equals one of the call's arguments exactly, as passed,
on EVERY call of the test and on the submission's other calls of the function (of the same
kinds of arguments, where both returned), and the reference's differs from that argument on
at least one call where the argument holds two different numbers or more (a zero passed and a
zero returned is what many slips give). Arrays only: one number equal to an argument is a
coincidence (heldout16's tower that never comes down equals its height h where the sigmoid
saturates). A leaf two arguments fit (equal arrays passed) names nothing.

grader.run.relations._echoed says the same of a value with ONE wrong part, from the test's calls
alone and only for arguments whose numbers tell (fractional, not all one value); this stage
comes after it and speaks of several parts at once (adam_step handing back w, m and v), an
argument that is zero on some calls counting where it is handed back too.

Exact equality, not a tolerance: an argument handed back is the same numbers. The label holds
no value and no digit: where in the value (relations._where) and the argument's name.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.run.diagnose import Replay, tolerance
from grader.run.outcomes import Recorded, same
from grader.run.relations import (
    ECHO,
    Related,
    _array,
    _leaves,
    _where,
    by_name,
    functions,
    of_kinds,
    returned,
)

CONFIRM = 12
"""At most this many of the submission's other calls of the function confirm it."""


def find_echo(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
              views: Mapping[str, Any] | None = None,
              others: Sequence[Recorded] = ()) -> Related | None:
    """The first function of the test whose wrong value is, in some part, an argument handed
    back as passed (module docstring); None if none."""
    near = tolerance(mode)
    for name, function in functions(reference, calls, views):
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            continue
        mine = [c for c in calls if c.name == name]
        kept = returned(function, mine, replay)
        if not kept:
            continue
        more = returned(function, of_kinds(name, mine, others, CONFIRM), replay) or []
        echoes = _echoes(signature, kept, more, near)
        if echoes:
            return _worded(name, echoes)
    return None


def _echoes(signature: inspect.Signature, kept: list[tuple[Recorded, Any]],
            more: list[tuple[Recorded, Any]], near: Mode) -> list[tuple[str, str]]:
    """(where in the value, the parameter) for each leaf that is an argument handed back."""
    every = kept + more
    bound = [by_name(call, tuple(signature.parameters)) for call, _ in every]
    leaves = _leaves([c.value for c, _ in every], [o.value for _, o in every])
    if leaves is None:
        return []
    found: list[tuple[str, str]] = []
    own = len(kept)
    for path, got, exp in leaves:
        fits = [p for p in signature.parameters if _handed_back(p, bound, got, exp, own, near)]
        if len(fits) == 1:
            found.append((path, fits[0]))
    return found


def _handed_back(param: str, bound: list[dict[str, Any]], got: list[np.ndarray],
                 exp: list[np.ndarray], own: int, near: Mode) -> bool:
    """The leaf is the argument `param` (an array) on every call, the reference's is not on one
    of the test's own calls where the argument holds two different numbers or more."""
    shown = False
    for k, (arguments, g, e) in enumerate(zip(bound, got, exp, strict=True)):
        value = _array(arguments.get(param))
        if value is None or value.size < 2 or value.shape != g.shape or \
                value.dtype.kind not in "biuf":
            return False  # one number equal to an argument is a coincidence (a saturated
            # tower equals its height h)
        if not np.array_equal(g.astype(np.float64), value.astype(np.float64)):
            return False
        if k < own and np.unique(value).size >= 2 and not same(e, value, near):
            shown = True
    return shown


def _worded(name: str, echoes: list[tuple[str, str]]) -> Related:
    """Worded as relations._echoed words one part (its ECHO), each part in turn."""
    said = "; ".join(f"{_where(name, path)}{ECHO}{param} unchanged" for path, param in echoes)
    return Related(
        f"{said} (the result is computed but not returned, or never updated)",
        f"Your {said}, as it was passed, where the reference returns a new value. Usual cause: "
        "the computed value is not returned (the incoming value or record handed back, a wrong "
        "variable in the return), or the update is never made.", entries=len(echoes))
