"""Name a failing test by state kept between calls (issue 16): the student's function gave two
different outcomes for the SAME arguments on two calls of the submission (the test's and the
other tests' recorded calls), while the reference is a pure function of its arguments
(grader.run.refcache's contract, on which every expected value rests). Then its value depends
on what ran before: a module-level list appended to, a mutable default argument, a cached
object handed out and changed, an iterator or generator shared between calls, or a draw from
a global random generator.

The recorded calls are compared first: the arguments by digest, as sent (a copy taken before
the call), the outcomes with a strict tolerance (a value, or the exception's class). When none
repeats the test's call, that call is made once more through the sandbox (one call per failing
test that nothing else named; the tests have all run by then). One of the two must be a call of
the failing test that the student got wrong (for a construction compared through the
catalogue's view, any call of the test). The label holds no value and no digit (a hidden
test's page shows it).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.run.confirm import StudentCall
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import STRICT, Recorded, same
from grader.run.refcache import Uncacheable, digest
from grader.run.relations import Related

SAID = "gives different results for the same arguments on different calls"
"""What the label says: an observation of the student's code (two results for one input), true
whatever the cause, so `grader validate` counts it as no wrong name (grader.authoring.named)."""
FRESH = ("gives the right value when it is the first call of a fresh start of your code, and a "
         "wrong one after your code's earlier calls")
"""What find_fresh's label says: an observation as well (the same input, right alone, wrong
after the rest of the submission ran)."""


def says_state(label: str | None) -> bool:
    """Whether a recorded mistake label is one of this module's observations."""
    return SAID in (label or "") or FRESH in (label or "")


def _key(call: Recorded) -> bytes | None:
    try:
        return digest(call.args, call.kwargs)
    except (Uncacheable, TypeError, ValueError, RecursionError):
        return None


def _plain(value: Any) -> bool:
    """Data the grader can compare (not an object kept in the sandbox, grader.sandbox.calls)."""
    if value is None or isinstance(value, bool | int | float | complex | str | bytes |
                                   np.ndarray | np.generic):
        return True
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(v) for v in value.values())
    return False


def _differ(a: Recorded, b: Recorded) -> bool:
    if a.raised is not None or b.raised is not None:
        return (a.raised or ())[:1] != (b.raised or ())[:1]
    return _plain(a.value) and _plain(b.value) and not same(a.value, b.value, STRICT)


def find(reference: Any, calls: Sequence[Recorded], others: Sequence[Recorded],
         replay: Replay, views: dict[str, Any] | None = None,
         probe: StudentCall | None = None) -> Related | None:
    """Two outcomes of one function for the same arguments (module docstring), or None. With
    `probe`, the first such call of the test that no recorded call repeats is made once more
    (the same arguments, through the sandbox)."""
    asked = False
    keys: dict[int, bytes | None] = {}  # each call's digest, taken once

    def key_of(c: Recorded) -> bytes | None:
        if id(c) not in keys:
            keys[id(c)] = _key(c)
        return keys[id(c)]

    for call in calls:
        function = getattr(reference, call.name, None)
        if not callable(function):
            continue
        if call.name not in (views or {}):  # (a construction may differ from the reference's
            # and be right: only its view is compared, so any call of it may show the state)
            expected = replay.run(REFERENCE, lambda f=function: f, call)
            if expected.raised is not None or (call.raised is None and
                                               same(call.value, expected.value, STRICT)):
                continue
        key = key_of(call)
        if key is None:
            continue
        twin = next((c for c in others if c is not call and c.name == call.name
                     and key_of(c) == key and _differ(c, call)), None)
        if twin is None and probe is not None and not asked:
            asked = True  # one call more per test, at most
            again = probe(call.name, call.args, call.kwargs)
            twin = again if again is not None and _differ(again, call) else None
        if twin is None:
            continue
        name = call.name
        return Related(
            f"{name}() {SAID} (state kept between calls, or an unseeded random generator)",
            f"Your {name}() was called twice with exactly the same arguments and gave two "
            "different results, so what it returns depends on what ran before. "
            "Usual cause: state kept between calls — a module-level list or dict appended to, a "
            "mutable default argument (def f(x, seen=[])), a cached array handed out and then "
            "changed in place, an iterator or generator shared between calls, or a draw from "
            "a global random generator instead of the seeded one passed in.")
    return None


_IMMUTABLE = (ast.Constant, ast.Name, ast.Attribute)
"""Module-level values that hold no state of their own: a number or string, another name."""


def may_keep_state(source: str) -> bool:
    """Whether code (untrusted: parsed, never run) can keep state between calls, so a fresh
    start may behave otherwise (find_fresh costs a new worker: not asked where no state can
    be kept): a module-level value other than a constant, a name or a tuple of them (a list,
    dict, set, array, object, or any call's result), a `global` or `nonlocal` statement, a
    decorated function (functools.cache), a mutable default argument, a class (its
    attributes), numpy's or `random`'s global generators. Code that does not parse: True."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return True

    def plain(node: ast.AST | None) -> bool:
        if isinstance(node, ast.Tuple):
            return all(plain(e) for e in node.elts)
        if isinstance(node, ast.UnaryOp | ast.BinOp):
            return all(plain(c) for c in ast.iter_child_nodes(node)
                       if isinstance(c, ast.expr))
        return node is None or isinstance(node, _IMMUTABLE)

    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign) and \
                not plain(statement.value):
            return True
        if isinstance(statement, ast.ClassDef):
            return True
    for node in ast.walk(tree):
        if isinstance(node, ast.Global | ast.Nonlocal):
            return True
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            defaults = [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
            if any(not plain(d) for d in defaults):
                return True
            if not isinstance(node, ast.Lambda) and node.decorator_list:
                return True
        if isinstance(node, ast.Attribute) and _global_draw(node):
            return True
    return False


_SEEDED = frozenset({"default_rng", "Generator", "RandomState", "SeedSequence", "PCG64"})
_TORCH_DRAWS = frozenset({"rand", "randn", "randint", "randperm", "normal", "bernoulli",
                          "multinomial", "manual_seed", "seed"})


def _global_draw(node: ast.Attribute) -> bool:
    """`random.x`, `np.random.x` (not a seeded generator's constructor) or `torch.rand`-like:
    a global generator's state, which a fresh start resets."""
    owner = node.value
    if isinstance(owner, ast.Name):
        return owner.id == "random" or (owner.id == "torch" and node.attr in _TORCH_DRAWS)
    return isinstance(owner, ast.Attribute) and owner.attr == "random" and \
        node.attr not in _SEEDED


def find_fresh(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
               views: dict[str, Any] | None, fresh: StudentCall,
               stateless: set[str]) -> Related | None:
    """State kept from earlier calls that no call repeated (a cache keyed by less than all of
    a function's arguments answers a NEW input with an old result): the test's first call the
    student got wrong is made again as the first call of a fresh start of their code (`fresh`:
    the worker stopped, the submission loaded anew); when it then gives the reference's value
    (within the failed check's tolerance), its wrong value came from what the submission's
    earlier calls left behind. One fresh call per test; a function whose fresh call was as
    wrong goes to `stateless` (the submission's later tests do not try it again). Constructions
    compared through a view are left out (the view, not the value, is what is right)."""
    near = tolerance(mode)
    for call in calls:
        function = getattr(reference, call.name, None)
        if call.name in stateless or call.name in (views or {}) or not callable(function):
            continue
        expected = replay.run(REFERENCE, lambda f=function: f, call)
        if expected.raised is not None or not _plain(expected.value) or (
                call.raised is None and same(call.value, expected.value, near)):
            continue  # the reference refuses the input, or the student is right on it
        again = fresh(call.name, call.args, call.kwargs)
        if again is None or again.raised is not None or not _plain(again.value) or \
                not same(again.value, expected.value, near):
            stateless.add(call.name)
            return None
        name = call.name
        return Related(
            f"{name}() {FRESH} (state kept between calls: a cache or memo whose key leaves out "
            "something its result depends on, a module-level value an earlier call changed, or "
            "an unseeded random generator)",
            f"Run alone, as the first call of a fresh start of your code, your {name}() "
            "returns the expected value on this test's input; after your code's earlier calls "
            "it returned another. So what it returns depends on what ran before: usually a "
            "cache or memo keyed by less than all of the arguments (or by their shapes, their "
            "length or rounded values), a module-level list, dict or array that an earlier "
            "call changed, a cached array handed out and then changed in place, or a draw "
            "from a global random generator instead of the seeded one passed in.")
    return None
