"""The comparison's own guesses checked on the rest of the submission (issue 16: a name must be
right).

When a check finds a value that is exactly the expected one negated or transposed, it says so
("Looks like the sign is flipped": grader.checks.compare._leaf_mistake). On one call that is a
coincidence as often as a diagnosis: three labels ±1 read from the row numbers, (−1, 1, 1), are
the negation of (1, −1, −1) (heldout22's predict reading a dict's keys). The guess claims what
the function does, so it must hold on the submission's other calls of that function as well:
it is withdrawn when one of them gives neither the negated (transposed) reference value nor
something the variant cannot be told from (a zero value negated is itself).

The function the guess is about is the one whose value on one of the failing test's own calls
is that variant of the reference's (a test may call several functions; only the one that shows
the guess is held to it). Functions whose value is a tuple, or compared through a view, are not
judged (the guess is about one of their parts): the guess stays, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from grader.checks import mistakes as _m
from grader.checks.compare import Mode
from grader.run.arguments import _number
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import Recorded, same


def _negated(value: np.ndarray) -> np.ndarray:
    return -value


def _transposed(value: np.ndarray) -> np.ndarray:
    if value.ndim != 2:
        raise ValueError("not a table")
    return value.T


VARIANTS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    _m.SIGN: _negated, _m.TRANSPOSED: _transposed}
"""The comparison's automatic guesses, as what they do to the expected value."""


def _numeric(value: Any) -> bool:
    """A number (not a bool) or an array of numbers."""
    return value.dtype.kind in "iuf" if isinstance(value, np.ndarray) else _number(value)


def contradicted(mistake: str | None, reference: Any, calls: Sequence[Recorded],
                 every: Sequence[Recorded], replay: Replay, mode: Mode | None,
                 views: dict[str, Any] | None = None) -> bool:
    """Whether the comparison's guess `mistake` (a flipped sign, a transpose) is refuted by a
    call of the submission (module docstring); False for any other mistake."""
    variant = VARIANTS.get(mistake or "")
    if variant is None or reference is None:
        return False
    near = tolerance(mode)
    views = views or {}

    def judged(call: Recorded) -> tuple[Any, Any, np.ndarray] | None:
        """(the student's value, the reference's, its variant) on `call`, when all are plain
        numbers or numeric arrays."""
        function = getattr(reference, call.name, None)
        if call.raised is not None or call.name in views or not callable(function) \
                or not _numeric(call.value):
            return None
        expected = replay.run(REFERENCE, lambda: function, call)
        if expected.raised is not None or not _numeric(expected.value):
            return None
        try:
            return call.value, expected.value, variant(np.asarray(expected.value,
                                                                  dtype=np.float64))
        except (TypeError, ValueError):
            return None

    shown = set()
    for call in calls:
        found = judged(call)
        if found is not None and not same(found[0], found[1], near) and \
                same(found[0], found[2], near):
            shown.add(call.name)
    for call in every:
        found = judged(call) if call.name in shown else None
        if found is None:
            continue
        got, expected, changed = found
        if same(changed, expected, near):
            continue  # the variant is the value itself (0 negated): it tells nothing
        if not same(got, changed, near):
            return True
    return False
