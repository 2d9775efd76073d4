"""The checks every test asserts through: values, exact results, exceptions, in-place edits.

Pure functions: no printing, no I/O. Numbers are compared in float64 (complex128 when either
side is complex) with explicit tolerances. The student's value may be of any plain kind (None, a
string, a dict where an array is expected, the wrong shape, nan): every such case fails the
check with a `CheckFailure`, never with an error from inside the check.

Messages are student-facing and follow STYLE rule 5: what was checked; expected vs got (shape
and dtype first); where the worst entry is; what to try. When the wrong value matches a known
mistake (passed as `mistakes=`, see grader.checks.mistakes, or recognised automatically: a
transposed
or sign-flipped result), the message ends with "Looks like <mistake>." and `.mistake` names it;
a mistake recognised by a predicate (`mistakes.when`, `non_finite`) fits every error with its
symptom, so it is worded "Possibly <mistake> (...)" and `.mistake` is "possibly <mistake>".

The comparison itself (walking nested values, shapes, the worst entry, number formatting) is
grader.checks.compare; this module turns its findings into `CheckFailure`s and names the mistake.
Gradient checks (`numerical_gradient`, `gradient`, `gradient_close`, `directional_gradient`,
`torch_gradient`) live in grader.checks.gradients and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from grader.checks import mistakes as _m
from grader.checks.compare import EXACT, UNCHANGED

# Re-exported: grader.checks.gradients and grader.authoring.importers import these from
# grader.checks.
from grader.checks.compare import OVERFLOW_HINT as OVERFLOW_HINT
from grader.checks.compare import TINY as TINY
from grader.checks.compare import Mode as Mode
from grader.checks.compare import Problem as Problem
from grader.checks.compare import at as at
from grader.checks.compare import coerce as coerce
from grader.checks.compare import describe as describe
from grader.checks.compare import diff as diff
from grader.checks.compare import fmt as fmt
from grader.checks.compare import short_repr as short_repr
from grader.checks.failure import CheckFailure as CheckFailure
from grader.checks.failure import _clip
from grader.checks.failure import fail as fail
from grader.checks.failure import relative_error as relative_error
from grader.checks.gradients import (
    directional_gradient,
    gradient,
    gradient_close,
    numerical_gradient,
    torch_gradient,
)
from grader.errors import BadValue, MissingFunction, StudentError, StudentTimeout, WorkerCrashed

__all__ = [
    "CheckFailure", "close", "directional_gradient", "equal", "gradient", "gradient_close",
    "numerical_gradient", "raises", "relative_error", "torch_gradient", "unchanged",
]


# ----------------------------------------------------------------------------------------------
# The public checks.


def close(
    got: Any,
    expected: Any,
    *,
    name: str = "result",
    rtol: float = 1e-6,
    atol: float = 1e-8,
    mistakes: Mapping[str, Any] | None = None,
) -> None:
    """`got` equals `expected` up to |got − expected| <= atol + rtol·|expected| per entry.

    Numbers, numeric arrays, strings, None and nested tuples/lists/dicts of them. A Python
    number is accepted where a 0-d or 1-element array is expected and vice versa; any other
    shape difference fails. nan matches nan, inf the same inf. The defaults (rtol 1e-6,
    atol 1e-8) suit float64 results computed along a different path than the reference's.
    """
    mode = Mode("close", rtol=rtol, atol=atol)
    problem = diff(got, expected, name, mode)
    if problem is not None:
        raise fail(problem, got, expected, mistakes, mode)


def equal(
    got: Any, expected: Any, *, name: str = "result", mistakes: Mapping[str, Any] | None = None
) -> None:
    """`got` equals `expected` exactly: ints, bools, strings, integer arrays, nested containers.

    Values count, not types: True == 1, np.int64(1) == 1, and a float array holding the right
    integers passes where an int array is expected (its dtype is named only if values differ).
    """
    problem = diff(got, expected, name, EXACT)
    if problem is not None:
        raise fail(problem, got, expected, mistakes, EXACT)


def unchanged(before: Any, after: Any, *, name: str) -> None:
    """An argument was not modified in place: `after` (e.g. `Call.args[0]`) equals `before`
    exactly. Fails with `.mistake == mistakes.INPUT_MUTATED`, naming the first changed entry."""
    problem = diff(after, before, name, UNCHANGED)
    if problem is not None:
        text = f"{problem.text} Looks like {_m.INPUT_MUTATED}."
        raise CheckFailure(text, mistake=_m.INPUT_MUTATED, mode=UNCHANGED)


def raises(exc_name: str, call: Callable[[], Any], *, what: str,
           mistake: str | None = None) -> None:
    """`call()` raises a student exception that is (a subclass of) `exc_name`, e.g. "ValueError".

    `what` completes "expected ValueError for <what>", e.g. "labels outside {-1, +1}".
    `mistake` names the typical mistake behind RETURNING instead of raising (e.g. labels {0,1}
    accepted by the ±1 rule); the failure then ends "Looks like <mistake>." and carries it.
    A timeout, a crashed worker or a missing function propagates unchanged (the runner reports
    those); any other outcome fails, saying what the call did instead.
    """
    advice = f"Check the input and raise {exc_name}."
    try:
        value = call()
    except (StudentTimeout, WorkerCrashed, MissingFunction):
        raise
    except BadValue as err:
        msg = f"expected {exc_name} for {what}, but it returned a value that cannot be sent " \
              f"back ({_clip(err.message)}). {advice}"
        raise CheckFailure(msg) from None
    except StudentError as err:
        if err.is_a(exc_name):
            return None
        raised = err.message
        if err.exc_type and not raised.startswith(f"{err.exc_type}:"):
            raised = f"{err.exc_type}: {raised}"
        msg = f"expected {exc_name} for {what}, but it raised {_clip(raised)}. {advice}"
        raise CheckFailure(msg) from None
    msg = f"expected {exc_name} for {what}, but it returned {short_repr(value)}. {advice}"
    if mistake:
        raise CheckFailure(f"{msg} Looks like {mistake}.", mistake=mistake)
    raise CheckFailure(msg)


