"""Automatic mistakes: the single-point changes of the reference (issue 16's second tier).

The catalogue (grader.run.catalogue) holds the mistakes an instructor wrote down. A mistake
nobody wrote down is often ONE small change of the formula: an operator, a term left out,
parentheses, a comparison, a constant off by one, an axis, the order of two things, a step left
out, a variable read in place of its look-alike (`b1` for `b2`), a reduction over its last term
only (a running total, maximum or flag overwritten in a loop), an argmax read for a max.
`mutants` makes one Mistake for each such change of each function of the reference (its
source, parsed with ast), named by what changed (`w * (x - a)` computed as `w * x - a`), and
grader.run.runner replays them on a
failing test nothing else named (the catalogue, the trajectory, the relations: they say what
they find more simply), under the catalogue's rules (grader.run.diagnose: the student's outcome
reproduced on every call of the test and of the submission's other calls of that function,
within the failed check's tolerance; probes of the student's code where the evidence is thin,
grader.run.confirm). A test is named only when at most AT_MOST changes fit: many that fit at
once (0/1 truth tables fit dozens) say nothing about which.

What is not changed: a function's docstring, its input checks (an `if` whose body raises, an
`assert`: a wrong check shows as a missing or extra ValueError, which grader.run.exceptions and
the checks' own messages say better) and annotations. Changes are of the reference's code, so a
name quotes a piece of the reference (as the catalogue's fix hints quote its formulas).

Trusted code only: the changed functions are compiled from the reference's own source.
"""

from __future__ import annotations
import __future__

import ast
import copy
import functools
import itertools
import re
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from grader.run.catalogue import Mistake
from grader.run.diagnose import reaches

AT_MOST = 2
"""A test is named by automatic mistakes only when at most this many fit."""
LONGEST = 72
"""Quoted code longer than this is shortened (the name stays one line)."""
PREFIX = "auto:"
"""Keys of automatic mistakes start with it (catalogue keys are file stems)."""

_SWAPPED_OPS: dict[type[ast.operator], tuple[type[ast.operator], ...]] = {
    ast.Add: (ast.Sub,), ast.Sub: (ast.Add,), ast.Mult: (ast.Div,), ast.Div: (ast.Mult,),
    ast.Pow: (ast.Mult,), ast.FloorDiv: (ast.Div,)}
_SWAPPED_COMPARISONS: dict[type[ast.cmpop], tuple[type[ast.cmpop], ...]] = {
    ast.Lt: (ast.LtE, ast.Gt), ast.LtE: (ast.Lt, ast.GtE), ast.Gt: (ast.GtE, ast.Lt),
    ast.GtE: (ast.Gt, ast.LtE), ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,)}
_SWAPPED_NAMES = {"max": "min", "min": "max", "sum": "mean", "mean": "sum", "any": "all",
                  "all": "any", "argmax": "argmin", "argmin": "argmax", "maximum": "minimum",
                  "minimum": "maximum", "amax": "amin", "amin": "amax", "cumsum": "sum",
                  "ones": "zeros", "zeros": "ones", "ones_like": "zeros_like",
                  "zeros_like": "ones_like", "square": "abs"}
_INDEXED = {"max": "argmax", "min": "argmin", "amax": "argmax", "amin": "argmin"}
"""numpy's reductions whose index a student may take for their value (argmax for max)."""
_DROPPABLE_CALLS = {"sqrt", "abs", "exp", "log", "tanh", "square", "fabs"}
"""Calls of one argument that a formula may leave out (np.sqrt(s) written as s); the
reference's own functions of one argument too."""
_ROOTED = {"sum"}
"""Reductions a formula may take the square root of by mistake (a norm for a squared norm)."""
_ANGLES = {"sin", "cos", "tan"}
"""Calls whose argument's power a student may read outside them (sin(x²) as sin(x)²)."""
_CONVERSIONS = {"asarray", "array", "float", "int", "bool", "list", "tuple", "float64",
                "astype", "copy", "len", "range", "zip", "enumerate", "isinstance", "reversed",
                "sorted", "ravel", "reshape", "flatten", "item", "ndim", "shape", "append"}


_MAKING = threading.Lock()
"""Held while the changes are made (_mutants: once per file, cached)."""


def mutants(reference: ModuleType, api: tuple[str, ...]) -> tuple[Mistake, ...]:
    """Every automatic mistake of the reference module's functions (cached per file)."""
    path = getattr(reference, "__file__", None)
    if not path or not api:
        return ()
    file = Path(path)
    try:
        stamp = file.stat().st_mtime_ns
    except OSError:
        return ()
    with _MAKING:  # the batch's threads: one makes them, the others wait for its result
        return _mutants(reference, file, stamp, api)


def for_functions(reference: ModuleType, api: tuple[str, ...],
                  called: set[str]) -> tuple[Mistake, ...]:
    """The automatic mistakes that change a function the test called, or one it calls."""
    reached = set(called).union(*(reaches(reference, name) for name in called))
    return tuple(m for m in mutants(reference, api) if set(m.overrides) & reached)


@functools.lru_cache(maxsize=16)
def _mutants(reference: ModuleType, file: Path, stamp: int,
             api: tuple[str, ...]) -> tuple[Mistake, ...]:
    del stamp  # part of the cache key only: an edited reference is parsed again
    try:
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
    except (OSError, SyntaxError):
        return ()
    provided = set(getattr(reference, "PROVIDED", ()))  # given to students: not theirs
    defs = {node.name: node for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name not in provided}
    reach = _reaching(defs, api)
    found: list[Mistake] = []
    for name, definition in defs.items():
        users = reach.get(name, ())
        if not users:
            continue  # not reached from the student API: never replayed
        # where the mistake is, as for a catalogue file: the API function changed, or (a
        # helper changed) the API functions that call it
        users = (name,) if name in api else users
        made = {ast.unparse(definition)}  # a change that changes nothing ((x, x) swapped)
        for number, (before, after, changed) in enumerate(
                itertools.chain(_changes(definition), _returned(definition))):
            source = ast.unparse(changed)
            if source in made:
                continue  # one change made two ways (`W * W` without either factor), or none
            made.add(source)
            function = _compiled(reference, file, changed)
            if function is None:
                continue
            where = "" if name in api else f" (in {name})"
            found.append(Mistake(
                key=f"{PREFIX}{name}:{number}", name=f"{after}{where}",
                fix=f"it should be {before}", functions=users, path=file,
                overrides={name: function}))
    return tuple(found)


def _reaching(defs: dict[str, ast.FunctionDef], api: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """function -> the API functions that call it (directly or through others), itself
    first when it is one."""
    calls = {name: {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in defs}
             for name, node in defs.items()}
    users: dict[str, list[str]] = {}
    for top in api:
        if top not in defs:
            continue
        seen, todo = set(), [top]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            todo.extend(calls.get(name, ()))
        for name in seen:
            users.setdefault(name, []).append(top)
    return {name: tuple(sorted(found, key=lambda f: f != name)) for name, found in users.items()}


def _compiled(reference: ModuleType, file: Path,
              definition: ast.FunctionDef) -> types.FunctionType | None:
    """The changed definition as a function of the reference's module (guarded: _guarded).
    It is compiled under the reference's file name: every node keeps the reference's line
    (a change takes the line of the node it replaced), so a traceback shows the reference's own
    line, and an input check's `raise` is seen as one (grader.run.outcomes: a deliberate
    ValueError matches the student's own, an operation that failed does not)."""
    module = ast.Module(body=[definition], type_ignores=[])
    try:
        code = compile(module, str(file), "exec",
                       flags=__future__.annotations.compiler_flag, dont_inherit=True)
    except (SyntaxError, ValueError, TypeError):
        return None
    namespace = dict(vars(reference))
    exec(code, namespace)  # trusted: the reference's own source, changed at one point
    function = namespace.get(definition.name)
    return _guarded(function) if isinstance(function, types.FunctionType) else None


LIMIT = 1.0
"""Seconds one call of a changed function may run (its Python lines are watched): a change
can make a loop long, and the replays run in the grading process."""


class TooLong(Exception):
    """A changed function ran past LIMIT (its outcome matches no student's)."""


def _guarded(function: types.FunctionType) -> types.FunctionType:
    """`function`, stopped with TooLong when it calls a Python function past LIMIT into the
    call (a call trace in the calling thread only, during the call). Lines are not traced:
    that made the replays twice as slow, and a changed function loops no longer than the
    reference but by a step (a while loop is never changed, a for loop's range by one)."""
    @functools.wraps(function)
    def guarded(*args: object, **kwargs: object) -> object:
        deadline = time.monotonic() + LIMIT
        previous = sys.gettrace()

        def trace(frame: types.FrameType, event: str, arg: Any) -> None:
            if time.monotonic() > deadline:
                raise TooLong(f"{function.__name__} changed ran past {LIMIT} s")

        sys.settrace(trace)
        try:
            return function(*args, **kwargs)
        finally:
            sys.settrace(previous)
    guarded.automatic = True  # type: ignore[attr-defined]
    return guarded  # type: ignore[return-value]


def _quoted(node: ast.AST) -> str:
    text = ast.unparse(node).replace("\n", " ")
    if len(text) > LONGEST:
        text = text[:LONGEST - 1] + "…"
    return f"`{text}`"


def _skipped(definition: ast.FunctionDef) -> set[int]:
    """ids of the nodes not to change: the docstring, input checks, annotations."""
    skip: set[int] = set()

    def all_of(node: ast.AST) -> None:
        skip.update(id(n) for n in ast.walk(node))

    body = definition.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        all_of(body[0])
    all_of(definition.args)
    if definition.returns is not None:
        all_of(definition.returns)
    for node in ast.walk(definition):
        checks = isinstance(node, ast.If) and any(isinstance(n, ast.Raise) for n in ast.walk(node))
        if checks or isinstance(node, ast.Assert | ast.Raise | ast.While):
            all_of(node)  # a while loop changed may never end
        elif isinstance(node, ast.AnnAssign):
            all_of(node.annotation)
    return skip


Change = tuple[ast.AST, ast.AST | None]
"""(node of the original, what replaces it: None removes a statement)."""


SHORTEST = 12
"""A change is quoted in the smallest expression around it at least this long (`1` computed
as `0` says nothing; `np.hstack([X, np.ones((n, 1))])` as `... np.zeros ...` does)."""


def _context(node: ast.AST, parents: dict[int, ast.AST]) -> ast.AST:
    """The expression a change of `node` is quoted in (see SHORTEST): up through enclosing
    expressions, never beyond the statement's."""
    while len(ast.unparse(node)) < SHORTEST:
        parent = parents.get(id(node))
        if isinstance(parent, ast.keyword):  # `axis=-1`: quoted in its call
            parent = parents.get(id(parent))
        if not isinstance(parent, ast.expr):
            break
        node = parent
    return node


def _shape(node: ast.AST) -> str:
    """A node's structure with its variables' names left out: `w * (x - a)` and `w * (x - b)`
    have one shape (the same formula written twice, once per edge)."""
    plain = copy.deepcopy(node)
    for inner in ast.walk(plain):
        if isinstance(inner, ast.Name):
            inner.id = "_"
    return ast.dump(plain)


def _twin_shape(node: ast.AST, parents: dict[int, ast.AST]) -> str:
    """The shape by which places count as the same formula (_shape); a number only as the
    value of a keyword (every `axis=-1`), never alone: a 0 here and a 0 there are no one
    formula."""
    if not isinstance(node, ast.expr) or isinstance(node, ast.Name):
        return ""
    if isinstance(node, ast.Constant) or (isinstance(node, ast.UnaryOp) and isinstance(
            node.operand, ast.Constant)):
        parent = parents.get(id(node))
        return f"{parent.arg}={ast.dump(node)}" if isinstance(parent, ast.keyword) else ""
    if all(isinstance(n, ast.Name | ast.Constant | ast.Tuple | ast.List | ast.expr_context)
           for n in ast.walk(node)):
        return ""  # `(s, cache)` and `(W1, b1)`: names alone make no formula
    return _shape(node)


def _changes(definition: ast.FunctionDef) -> Iterator[tuple[str, str, ast.FunctionDef]]:
    """(what was there, the name of the change, the changed definition) for every change: at
    one place, and — where the formula occurs more than once (one step per edge) — at every
    place of the same shape at once (a student who writes it once, as a helper, makes the
    slip everywhere)."""
    skip = _skipped(definition)
    nodes = list(ast.walk(definition))
    parents = {id(child): parent for parent in nodes for child in ast.iter_child_nodes(parent)}
    shapes = [_twin_shape(node, parents) if id(node) not in skip else "" for node in nodes]
    names = _locals(definition)
    for index, node in enumerate(nodes):
        if id(node) in skip or (isinstance(node, ast.Constant) and isinstance(
                parents.get(id(node)), ast.UnaryOp)):
            continue  # `-1` is changed as the number −1, not as 1 behind a minus
        twins = [i for i, shape in enumerate(shapes) if shape and shape == shapes[index]]
        for k, replacement in enumerate(_replacements(node, names)):
            if replacement is not None:
                replacement = ast.fix_missing_locations(ast.copy_location(replacement, node))
            if replacement is None:
                named = (f"{_quoted(node)} (it is left out)",
                         f"the step {_quoted(node)} is left out")
            else:
                context = _context(node, parents)
                after = _changed_in(context, node, replacement)
                note = getattr(replacement, "note", "")
                named = _quoted(context), f"{_quoted(context)} computed as {_quoted(after)}" + (
                    f" ({note})" if note else "")
            # made in place and undone after the consumer has read it (a copy of the whole
            # definition per change was most of the time spent here)
            undo = _swap(parents.get(id(node)), node, replacement)
            if undo is None:
                continue
            try:
                yield (*named, definition)
            finally:
                undo()
            if replacement is None:
                continue
            if len(twins) > 1 and index == twins[0]:
                everywhere = _everywhere(definition, nodes, twins, k)
                if everywhere is not None:
                    changed_everywhere, made = everywhere
                    yield _everywhere_named(nodes, parents, twins, made, changed_everywhere)


def _everywhere(definition: ast.FunctionDef, nodes: list[ast.AST], twins: list[int],
                k: int) -> tuple[ast.FunctionDef, list[ast.AST]] | None:
    """`definition` with the k-th change of each node in `twins` (nodes of one shape) made,
    and the changes, one per twin; None when a twin has no such change."""
    changed = copy.deepcopy(definition)
    walked = list(ast.walk(changed))  # every target found before any is replaced
    made = []
    for i in twins:
        options = list(_replacements(nodes[i]))  # a variable (a look-alike) has no twins
        option = options[k] if k < len(options) else None
        if option is None:
            return None
        new = ast.fix_missing_locations(ast.copy_location(option, nodes[i]))
        if not _replace(changed, walked[i], new):
            return None
        made.append(new)
    return changed, made


def _changed_in(context: ast.AST, node: ast.AST, replacement: ast.AST) -> ast.AST:
    """A copy of `context` (an expression around `node`) with `node` replaced."""
    if context is node:
        return replacement
    copied = copy.deepcopy(context)
    at = next(i for i, n in enumerate(ast.walk(context)) if n is node)
    _replace(copied, list(ast.walk(copied))[at], copy.deepcopy(replacement))
    return copied


def _everywhere_named(nodes: list[ast.AST], parents: dict[int, ast.AST], twins: list[int],
                      made: list[ast.AST],
                      changed: ast.FunctionDef) -> tuple[str, str, ast.FunctionDef]:
    """The quote and name of the change made at every place of one shape (`made`: the change
    at each): the places' common text once when they read alike up to their variables (one
    step per edge), else each of two places, else the first and how many."""
    pairs = []
    for i, option in zip(twins, made, strict=True):
        context = _context(nodes[i], parents)
        pairs.append((context, _changed_in(context, nodes[i], option)))
    before, after = (_quoted(pairs[0][0]), _quoted(pairs[0][1]))
    if len({_shape(context) for context, _ in pairs}) == 1 or len(pairs) > 2:
        places = f" at each of its {len(twins)} places"
        return f"{before}{places}", f"{before} computed as {after}{places}", changed
    before = " and ".join(_quoted(context) for context, _ in pairs)
    after = " and ".join(_quoted(new) for _, new in pairs)
    return before, f"{before} computed as {after}", changed


def _swap(parent: ast.AST | None, target: ast.AST,
          replacement: ast.AST | None) -> Callable[[], None] | None:
    """`target` replaced by `replacement` (None: left out of its list) in `parent`, in place;
    what undoes it, or None when it cannot be made (the only statement of a body)."""
    if parent is None:
        return None
    for field, value in ast.iter_fields(parent):
        if value is target and replacement is not None:
            setattr(parent, field, replacement)
            return lambda: setattr(parent, field, target)
        if isinstance(value, list) and any(v is target for v in value):
            at = next(i for i, v in enumerate(value) if v is target)
            if replacement is None:
                if len(value) < 2:
                    return None
                del value[at]
                return lambda: value.insert(at, target)
            value[at] = replacement
            return lambda: value.__setitem__(at, target)
    return None


def _replace(root: ast.AST, target: ast.AST, replacement: ast.AST | None) -> bool:
    """`target` replaced in the tree `root` (for good: _swap's undo is dropped)."""
    parent = next((node for node in ast.walk(root)
                   if any(child is target for child in ast.iter_child_nodes(node))), None)
    return _swap(parent, target, replacement) is not None


def _replacements(node: ast.AST, names: frozenset[str] = frozenset()) -> Iterator[ast.AST | None]:
    """What a node may be changed into (a fresh node each), None: left out; `names`: the
    function's parameters and locals (one read in place of a look-alike: _look_alikes)."""
    for make in _RULES:
        yield from make(node)
    yield from _look_alikes(node, names)


def _locals(definition: ast.FunctionDef) -> frozenset[str]:
    """The function's parameters and the names it assigns."""
    found = {a.arg for a in (*definition.args.posonlyargs, *definition.args.args,
                             *definition.args.kwonlyargs)}
    found |= {n.id for n in ast.walk(definition)
              if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return frozenset(found)


_PAIRS = {frozenset(p) for p in ("ab", "mv", "xy", "ij", "uv")}
"""One-letter names a copy-paste slip mixes up (an interval's ends, Adam's two moments, ...)."""


def _alike(a: str, b: str) -> bool:
    """Two names a copy-paste slip mixes up: one-letter names of _PAIRS, or longer names of one
    length differing in one character (a1 and a2, a1 and b1, W1 and W2, x0 and x1, beta1 and
    beta2)."""
    if len(a) == 1 or len(b) == 1:
        return frozenset((a, b)) in _PAIRS
    return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _look_alikes(node: ast.AST, names: frozenset[str]) -> Iterator[ast.AST | None]:
    """A variable read in place of a look-alike one (`b1` where `b2` is meant)."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in names:
        for other in sorted(names):
            if _alike(node.id, other):
                yield ast.Name(other, ast.Load())


def _operators(node: ast.AST) -> Iterator[ast.AST | None]:
    if not isinstance(node, ast.BinOp):
        return
    for op in _SWAPPED_OPS.get(type(node.op), ()):
        yield ast.BinOp(copy.deepcopy(node.left), op(), copy.deepcopy(node.right))
    if isinstance(node.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
        yield copy.deepcopy(node.left)  # a term or factor left out
        if not isinstance(node.op, ast.Div):
            yield copy.deepcopy(node.right)
    if isinstance(node.op, ast.Pow):
        yield copy.deepcopy(node.left)  # not squared
        if isinstance(call := node.left, ast.Call) and len(call.args) == 1 and \
                _callee(call) in _DROPPABLE_CALLS | _ANGLES:
            # the power read inside the call: sin(x) ** 2 as sin(x ** 2)
            inner = copy.deepcopy(call)
            inner.args = [ast.BinOp(copy.deepcopy(call.args[0]), ast.Pow(),
                                    copy.deepcopy(node.right))]
            yield inner
    if _squared(node):  # the absolute value for the square (L1 for L2, |g| for g²)
        yield _abs(node.left)
    if isinstance(node.op, ast.Mult) and isinstance(left := node.left, ast.BinOp) and \
            isinstance(left.op, ast.Mult) and ast.dump(left.right) == ast.dump(node.right):
        # `c * g * g`: the square inside a product
        yield ast.BinOp(copy.deepcopy(left.left), ast.Mult(), _abs(node.right))
    # parentheses: a * (b ± c) -> a * b ± c;  (a ± b) * c -> a ± b * c;  a / (b * c) -> a / b * c
    # a - (b ± c) -> a - b ± c;  a - b ** k -> (a - b) ** k and back
    left, right = node.left, node.right
    if isinstance(node.op, ast.Mult | ast.Div | ast.Sub) and isinstance(right, ast.BinOp) and \
            isinstance(right.op, ast.Add | ast.Sub | ast.Mult) and \
            (isinstance(node.op, ast.Div) or not isinstance(right.op, ast.Mult)):
        yield ast.BinOp(ast.BinOp(copy.deepcopy(left), type(node.op)(), copy.deepcopy(right.left)),
                        type(right.op)(), copy.deepcopy(right.right))
    if isinstance(node.op, ast.Mult | ast.Div) and isinstance(left, ast.BinOp) and \
            isinstance(left.op, ast.Add | ast.Sub):
        yield ast.BinOp(copy.deepcopy(left.left), type(left.op)(),
                        ast.BinOp(copy.deepcopy(left.right), type(node.op)(),
                                  copy.deepcopy(right)))
    if isinstance(node.op, ast.Pow) and isinstance(left, ast.BinOp) and \
            isinstance(left.op, ast.Add | ast.Sub):
        yield ast.BinOp(copy.deepcopy(left.left), type(left.op)(),
                        ast.BinOp(copy.deepcopy(left.right), ast.Pow(), copy.deepcopy(right)))
    if isinstance(node.op, ast.Add | ast.Sub) and isinstance(right, ast.BinOp) and \
            isinstance(right.op, ast.Pow):
        yield ast.BinOp(ast.BinOp(copy.deepcopy(left), type(node.op)(),
                                  copy.deepcopy(right.left)), ast.Pow(),
                        copy.deepcopy(right.right))


def _abs(node: ast.expr) -> ast.Call:
    """`abs(node)` (a copy of node)."""
    return ast.Call(ast.Name("abs", ast.Load()), [copy.deepcopy(node)], [])


def _squared(node: ast.BinOp) -> bool:
    """`a ** 2` or `a * a` (one expression twice)."""
    if isinstance(node.op, ast.Pow):
        return isinstance(node.right, ast.Constant) and node.right.value == 2
    return isinstance(node.op, ast.Mult) and ast.dump(node.left) == ast.dump(node.right)


def _comparisons(node: ast.AST) -> Iterator[ast.AST | None]:
    if not isinstance(node, ast.Compare) or len(node.ops) != 1:
        return
    for op in _SWAPPED_COMPARISONS.get(type(node.ops[0]), ()):
        yield ast.Compare(copy.deepcopy(node.left), [op()], copy.deepcopy(node.comparators))


def _constants(node: ast.AST) -> Iterator[ast.AST | None]:
    """A number ±1 (an integer) or ×2, ÷2, ±1 (a float); `-1` is the number −1; True for
    False and back."""
    negative = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
    literal = node.operand if isinstance(node, ast.UnaryOp) and negative else node
    if isinstance(literal, ast.Constant) and isinstance(literal.value, bool) and not negative:
        yield ast.Constant(not literal.value)  # a flag the other way ([False, True] as [F, F])
        return
    if not isinstance(literal, ast.Constant) or isinstance(literal.value, bool) or \
            not isinstance(literal.value, int | float):
        return
    value = -literal.value if negative else literal.value
    if isinstance(value, int):
        yield from (ast.Constant(value + 1), ast.Constant(value - 1))
    elif isinstance(value, float):
        options = [value * 2, value / 2] if value else [1.0]
        if value == int(value) and abs(value) < 1e6:
            options += [value + 1, value - 1]
        yield from (ast.Constant(v) for v in dict.fromkeys(options) if v != value)


def _unary(node: ast.AST) -> Iterator[ast.AST | None]:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        yield copy.deepcopy(node.operand)  # a sign left out


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id \
        if isinstance(func, ast.Name) else ""


def _calls(node: ast.AST) -> Iterator[ast.AST | None]:
    if not isinstance(node, ast.Call):
        return
    name = _callee(node)
    if name in _SWAPPED_NAMES:
        changed = copy.deepcopy(node)
        if isinstance(changed.func, ast.Attribute):
            changed.func.attr = _SWAPPED_NAMES[name]
        elif isinstance(changed.func, ast.Name):
            changed.func.id = _SWAPPED_NAMES[name]
        yield changed
    if name in _INDEXED and isinstance(node.func, ast.Attribute):
        changed = copy.deepcopy(node)  # np.max(a) -> np.argmax(a), a.max() -> a.argmax()
        assert isinstance(changed.func, ast.Attribute)
        changed.func.attr = _INDEXED[name]
        yield changed
    if len(node.args) == 1 and not node.keywords and name not in _CONVERSIONS and (
            name in _DROPPABLE_CALLS or isinstance(node.func, ast.Name)):
        yield copy.deepcopy(node.args[0])  # the function left out: np.sqrt(s) as s
    if name in _ROOTED and any(isinstance(a, ast.BinOp) and _squared(a) for a in node.args):
        # a norm for its square: np.sqrt(np.sum(W * W)) for np.sum(W * W)
        yield ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "sqrt", ast.Load()),
                       [copy.deepcopy(node)], [])
    if len(node.args) == 1 and isinstance(arg := node.args[0], ast.BinOp) and \
            isinstance(arg.op, ast.Pow) and name in _DROPPABLE_CALLS | _ANGLES:
        # the power read outside the call: sin(x ** 2) as sin(x) ** 2
        inner = copy.deepcopy(node)
        inner.args = [copy.deepcopy(arg.left)]
        yield ast.BinOp(inner, ast.Pow(), copy.deepcopy(arg.right))
    yield from _norms(node, name)
    yield from _last_only(node, name)
    for k, keyword in enumerate(node.keywords):
        if keyword.arg not in ("axis", "keepdims"):
            continue
        without = copy.deepcopy(node)
        del without.keywords[k]
        yield without
        if keyword.arg == "axis" and isinstance(keyword.value, ast.Constant) and \
                isinstance(keyword.value.value, int):
            for axis in (0, 1, -1):
                if axis != keyword.value.value:
                    other = copy.deepcopy(node)
                    other.keywords[k].value = ast.Constant(axis)
                    yield other


_REDUCTIONS = {"sum", "max", "min", "any", "all", "prod", "mean", "amax", "amin", "nansum",
               "nanmax", "nanmin"}
"""Reductions a loop may end up taking over its last term only (_last_only)."""
LAST_ONLY = ("only the last term counts: a running total, maximum or flag set to each term "
             "instead of combined with it")
"""What a reduction over its last term means, said after the change's quote."""


def _last_only(node: ast.Call, name: str) -> Iterator[ast.AST | None]:
    """A reduction over its last term only: the running total, maximum or flag of a loop
    overwritten by each term instead of combined with it (`R = norm(x)` for
    `R = max(R, norm(x))`, `veto = x_i` for `veto = veto or x_i`, `s = x_i` for `s += x_i`).
    The reduction stays, over the last term (its value there, or the empty reduction's where
    nothing is reduced, as the loop's start value): np.f(a) -> np.f(np.ravel(a)[-1:]),
    np.f(a, axis=k) -> np.f(np.take(a, [-1], axis=k), axis=k), a.f() likewise, and the
    builtin f(a) -> f([*a][-1:])."""
    if name not in _REDUCTIONS or (not node.args and not isinstance(node.func, ast.Attribute)):
        return
    func = node.func
    numpy = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and \
        func.value.id in ("np", "numpy")
    axes = [k.value for k in node.keywords if k.arg == "axis"]
    if axes and not (isinstance(axes[0], ast.Constant) and isinstance(axes[0].value, int)):
        return
    axis = axes[0] if axes else None

    def tail(value: ast.expr) -> ast.expr:
        if axis is None:
            return ast.Subscript(ast.Call(_np("ravel"), [copy.deepcopy(value)], []),
                                 ast.Slice(ast.UnaryOp(ast.USub(), ast.Constant(1)), None, None),
                                 ast.Load())
        return ast.Call(_np("take"), [copy.deepcopy(value), ast.List(
            [ast.UnaryOp(ast.USub(), ast.Constant(1))], ast.Load())],
            [ast.keyword("axis", copy.deepcopy(axis))])

    changed = copy.deepcopy(node)
    if numpy and len(node.args) == 1:
        changed.args = [tail(node.args[0])]
    elif isinstance(func, ast.Attribute) and not numpy and not node.args:
        assert isinstance(changed.func, ast.Attribute)
        changed.func.value = tail(func.value)
    elif isinstance(func, ast.Name) and len(node.args) == 1 and not node.keywords:
        changed.args = [ast.Subscript(
            ast.List([ast.Starred(copy.deepcopy(node.args[0]), ast.Load())], ast.Load()),
            ast.Slice(ast.UnaryOp(ast.USub(), ast.Constant(1)), None, None), ast.Load())]
    else:
        return
    changed.note = LAST_ONLY  # type: ignore[attr-defined]  # said after the quote (_changes)
    yield changed


def _np(*attrs: str) -> ast.expr:
    """`np.a.b` for attrs (a, b)."""
    node: ast.expr = ast.Name("np", ast.Load())
    for attr in attrs:
        node = ast.Attribute(node, attr, ast.Load())
    return node


def _norms(node: ast.Call, name: str) -> Iterator[ast.AST | None]:
    """Norms and ramps a student writes another way: an ℓ1 or max norm for the Euclidean one
    (ord=1 / ord=inf where no ord is given), the norm of the whole array for the elementwise
    absolute value (np.linalg.norm(z) for np.abs(z)), and a ramp max(0, m) read as the
    indicator m > 0 (a hinge that counts its violations) or left out (m itself)."""
    if name == "norm" and isinstance(node.func, ast.Attribute) and \
            not any(k.arg == "ord" for k in node.keywords) and len(node.args) == 1:
        for order in (ast.Constant(1), _np("inf")):
            changed = copy.deepcopy(node)
            changed.keywords.append(ast.keyword("ord", order))
            yield changed
    if name == "abs" and len(node.args) == 1 and not node.keywords:
        yield ast.Call(_np("linalg", "norm"), [copy.deepcopy(node.args[0])], [])
    if name == "maximum" and len(node.args) == 2 and not node.keywords:
        zero = [isinstance(a, ast.Constant) and a.value == 0 for a in node.args]
        if zero.count(True) == 1:
            other = node.args[zero.index(False)]
            yield ast.Compare(copy.deepcopy(other), [ast.Gt()], [ast.Constant(0)])
            yield copy.deepcopy(other)


def _orders(node: ast.AST) -> Iterator[ast.AST | None]:
    """Two items of a short list or tuple swapped: [a, b] as [b, a], a tuple unpacked or
    returned in another order."""
    if not isinstance(node, ast.List | ast.Tuple) or not 2 <= len(node.elts) <= 4 or \
            any(isinstance(e, ast.Starred) for e in node.elts):
        return
    for i in range(len(node.elts)):
        for j in range(i + 1, len(node.elts)):
            changed = copy.deepcopy(node)
            changed.elts[i], changed.elts[j] = changed.elts[j], changed.elts[i]
            yield changed


def _statements(node: ast.AST) -> Iterator[ast.AST | None]:
    if isinstance(node, ast.AugAssign):
        yield ast.Assign([copy.deepcopy(node.target)], copy.deepcopy(node.value))  # = for +=
        for op in _SWAPPED_OPS.get(type(node.op), ())[:1]:
            yield ast.AugAssign(copy.deepcopy(node.target), op(), copy.deepcopy(node.value))
    converts = isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
        _callee(node.value) in _CONVERSIONS  # x = np.asarray(x): not a step of the method
    if (isinstance(node, ast.Assign | ast.AugAssign) and not converts) or (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        yield None  # the step left out


def _returned(definition: ast.FunctionDef) -> Iterator[tuple[str, str, ast.FunctionDef]]:
    """(what was there, the name of the change, the changed definition) for a variable
    returned in place of another of the function's: an intermediate value (`v = sin(u)` where
    `f = e^v` is meant) or an argument. Each variable read in a `return` is replaced, in turn,
    by each argument and each variable assigned (`name = ...`) on an earlier line; the name
    says what the returned variable holds (the reference's own expression)."""
    skip = _skipped(definition)
    arguments = {a.arg for a in (*definition.args.posonlyargs, *definition.args.args,
                                 *definition.args.kwonlyargs)}
    assigned = [(node.lineno, node.targets[0].id, node.value) for node in definition.body
                if isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and id(node) not in skip]
    # the function's own steps (its body's statements), not a loop's per-item values

    stores: dict[str, int] = {}  # how often each name is assigned anywhere in the function
    for node in ast.walk(definition):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            stores[node.id] = stores.get(node.id, 0) + 1

    def held(name: str, line: int) -> str | None:
        """What `name` holds at `line`: the argument, or the expression assigned to it (only
        when that is its one assignment: a value built up in a loop is just named)."""
        value = next((v for at, n, v in reversed(assigned) if n == name and at < line), None)
        if value is None and name not in arguments:
            return None  # assigned only after the return, or in a loop
        if value is None and name not in stores:
            return f"the argument `{name}`"
        return f"`{name}` = {_quoted(value)}" if value is not None and stores.get(name) == 1 \
            else f"`{name}`"

    names = {n for _, n, _ in assigned} | arguments
    for ret in (n for n in ast.walk(definition) if isinstance(n, ast.Return)
                and id(n) not in skip):
        if ret.value is None:
            continue
        for node in (n for n in ast.walk(ret.value) if isinstance(n, ast.Name)
                     and isinstance(n.ctx, ast.Load) and n.id in names):
            meant = held(node.id, ret.lineno)
            if meant is None:
                continue
            before, original = _quoted(ret), node.id
            for other in sorted(names - {original}):
                instead = held(other, ret.lineno)
                if instead is None:
                    continue
                node.id = other  # made in place and undone after the consumer has read it
                try:
                    yield (before, f"{_quoted(ret)}: returns {instead} where {meant} is meant",
                           definition)
                finally:
                    node.id = original


_RULES: tuple[Callable[[ast.AST], Iterator[ast.AST | None]], ...] = (
    _operators, _comparisons, _constants, _unary, _calls, _orders, _statements)


def one_number(values: list[Any]) -> bool:
    """The student's values on a test's calls tell no change from another: all 0, or one
    number everywhere, taken together or in one of them that holds several numbers (a tower
    that is 0 everywhere fits `w * (x - a)` without a at both steps as well as the slip that
    made it; a neuron's single 0 on one call of many is one entry of its truth table)."""
    return _flat(values) or any(_flat(v) for v in values if _several(v))


def _several(value: Any) -> bool:
    """`value` holds two numbers or more."""
    return next(itertools.islice(_numbers(value), 1, None), None) is not None


def _flat(value: Any) -> bool:
    """The numbers of `value` (an array, a number, nested tuples and lists of them) are all 0,
    or two or more that are all one number: a tower that is 0 everywhere, a truth table of
    0s, one array inside a returned tuple that is."""
    numbers = list(_numbers(value))
    if numbers and (all(n == 0 for n in numbers) or (
            len(numbers) >= 2 and all(n == numbers[0] for n in numbers))):
        return True
    return isinstance(value, tuple | list) and any(
        isinstance(v, np.ndarray) and v.size >= 2 and _flat(v) for v in value)


def _numbers(value: Any) -> Iterator[float]:
    if isinstance(value, bool | int | float | np.number):
        yield float(value)
    elif isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        yield from (float(v) for v in value.ravel())
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _numbers(item)


def automatic(mistake: Mistake) -> bool:
    return mistake.key.startswith(PREFIX)


_SAID = re.compile(r"`[^`]*` computed as `|^(possibly )?the step `[^`]*` is left out|"
                   r"^`return [^`]*`: returns ")


def says_change(label: str) -> bool:
    """A test's recorded mistake names an automatic mistake (a change of the reference)."""
    return any(_SAID.search(part.strip()) for part in label.split("; "))
