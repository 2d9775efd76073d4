"""Name a failing test's mistake by replaying the student's calls on the mistake catalogue.

While a test runs, `Recording` notes every call into the student's code: the arguments sent,
and what came back (the value and the arguments after the call, or the exception's type). When
the test fails, `diagnose` replays those calls, in the trusted process, on the reference and on
every mistake of the assignment's catalogue (grader.run.catalogue: instructor code). A mistake is
named only when it reproduces the student's outcome on EVERY recorded call of the test, within
the failed check's own tolerance (the calls where the student was right confirm it too), and
differs from the reference on at least one of them. When several mistakes fit, all are named,
but at most one member of a family (grader.run.catalogue: the first that fits), and none when a
one-mistake file fits too (written for that very case, it words it better; all of them
reproduce the same values). The calls the student got wrong are replayed first. Mistakes in a
construction compared through its view only (what the network computes) are named only when one
fits: when several that build different things compute the same on the test's inputs, the
student's construction may be a third (an AND unit given the OR unit's bias, where the
catalogue's XOR blocks have a NAND unit), so only one that built the student's very value is
named, and none when none did.
A mistake in a function the test did not call directly (the student's B uses their own wrong
A) is named as what the failure follows from.

Passing tests cost only the recording (a copy of the arguments per call).

Replays are memoized (`memo`, a grader.run.refcache.Memo: a batch's `CachedReference.memo`,
shared by its threads): hidden tests' inputs are seeded per assignment and test, so every
student's failing test replays the same mistakes on the same inputs. The key is the function
replayed (the reference's or a mistake's), its name and grader.run.refcache.digest of the
call's arguments (a call whose arguments have no digest just runs). A mistake's stored outcome
is used only once it has been reproduced — computed twice with the same result, the test this
module already makes before ruling a mistake out — so a mistake drawing from global state (an
unseeded RNG) is never answered from the memo, and a diagnosis is the same with or without it.
The reference's is used at once: it is a pure function of its arguments (grader.run.refcache's
contract, on which every test's expected values already rest), and a second run of it on every
probe's variant (grader.run.confirm) cost as much as the first.
The memo lives in memory only (one batch, one process: a Dask worker keeps one per batch):
stored outcomes are arbitrary Python values, and reading pickles back from the grading folder
would run whatever that folder holds; a regrade skips unchanged submissions anyway.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import time
import types
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from grader.checks.compare import Mode
from grader.errors import StudentError, StudentTimeout
from grader.run.catalogue import Mistake, world
from grader.run.outcomes import ATOL as ATOL
from grader.run.outcomes import MODE as _MODE
from grader.run.outcomes import RTOL as RTOL
from grader.run.outcomes import STRICT as _STRICT
from grader.run.outcomes import Outcome, raised_call, same_message
from grader.run.outcomes import Recorded as Recorded
from grader.run.outcomes import copy_value as _copy
from grader.run.outcomes import matches as _matches
from grader.run.outcomes import run as _run
from grader.run.outcomes import same_outcome as _same_outcome
from grader.run.outcomes import viewed as _viewed
from grader.run.refcache import Memo, Uncacheable, digest, nbytes
from grader.sandbox.calls import ByName

BUDGET = 2.0
"""Seconds one diagnosis may spend replaying calls (the catalogue is trusted but may be slow)."""


class Recording(ByName):
    """Wraps the student proxy for one test: the same calls, each one recorded."""

    def __init__(self, student: Any) -> None:
        self._student = student
        self.calls: list[Recorded] = []
        self.incomplete = False
        """A call timed out or the worker failed: its outcome is unknown, no diagnosis (nor
        when every call raised NotImplementedError: grader.run.runner._unwritten)."""
        self.tolerance: Mode | None = None
        """The comparison of the check that failed the test (set by grader.run.runtest)."""
        self.names: set[str] = set()
        """Every student function the test called or tried to (timed out, crashed included)."""

    def __contains__(self, name: object) -> bool:
        return name in self._student

    # The proxy's own requests pass through: they call no student function to replay. A kept
    # value (a handle) cannot be replayed on a mistake, so a test that keeps one is not
    # diagnosed.
    def keep(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        self.incomplete = True
        self.names.add(name)
        return self._student.keep(name, *args, **kwargs)

    def fetch(self, value: Any) -> Any:
        return self._student.fetch(value)

    def variable(self, name: str) -> Any:
        return self._student.variable(name)

    def hide(self, name: str) -> None:
        self._student.hide(name)

    def restore(self, name: str = "") -> None:
        self._student.restore(name)

    def using(self, functions: Any) -> Any:
        """The student's `using` (a call made meanwhile is not what the student's own code
        gives alone: nothing is recorded, the test is not diagnosed)."""
        self.incomplete = True
        return self._student.using(functions)

    def call(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        self.names.add(name)
        sent = (tuple(_copy(a) for a in args), {k: _copy(v) for k, v in kwargs.items()})
        try:
            result = self._student.call(name, *args, **kwargs)
        except StudentTimeout:
            self.incomplete = True
            raise
        except StudentError as exc:
            if exc.exc_type:
                self.calls.append(raised_call(name, *sent, exc))
            else:
                self.incomplete = True
            raise
        self.calls.append(Recorded(name, *sent, raised=None, value=result.value,
                                   args_after=result.args, kwargs_after=result.kwargs))
        return result



@dataclass(frozen=True)
class Diagnosis:
    mistakes: tuple[Mistake, ...]
    """Every catalogue mistake that reproduces the student's calls."""
    ruled_out: tuple[str, ...]
    """Names of mistakes that were replayed and do NOT reproduce them (of those asked for:
    diagnose's `rule_out`)."""
    called: tuple[str, ...]
    """The student functions the test called."""
    hedged: frozenset[str] = frozenset()
    """Keys of the mistakes shown only by an exception of the same class where the reference
    returns, its message another (the student's own check refused an input, the mistake's
    refused it too): many slips raise a ValueError there, so each is said as a possibility
    (grader.checks.failure.POSSIBLY), never as the diagnosis."""
    valued: frozenset[str] = frozenset()
    """Keys of the mistakes shown by a returned value (of a call where the reference's differs),
    not by exceptions alone (the automatic mistakes, grader.run.automatic, count only so)."""

    def sentence(self) -> str:
        """'Looks like <name> (in f). Fix: ...' for one, 'one of: ...' for several."""
        parts = []
        for mistake in self.mistakes:
            where = ", ".join(mistake.functions)
            follows = "" if set(mistake.functions) & set(self.called) else \
                " (this test's failure follows from it)"
            fix = f" Fix: {mistake.fix}." if mistake.fix else ""
            maybe = (": it raises where the reference returns, as your code does (other slips "
                     "raise there too)") if mistake.key in self.hedged else ""
            parts.append(f"{mistake.name} in {where}(){follows}{maybe}.{fix}")
        if len(parts) == 1:
            return f"{'Possibly' if self.hedged else 'Looks like'} {parts[0]}"
        return "Looks like one of these mistakes: " + " ".join(
            f"({i}) {p}" for i, p in enumerate(parts, 1))

    def label(self) -> str:
        """The recorded mistake: each name with its function and fix hint (reports show it,
        for hidden tests too: it holds no input or expected value)."""
        return "; ".join(("possibly " if m.key in self.hedged else "")
                         + f"{m.name} in {', '.join(m.functions)}()"
                         + (f" (fix: {m.fix})" if m.fix else "") for m in self.mistakes)


def tolerance(mode: Mode | None) -> Mode:
    """The comparison a mistake's values are matched with: the failed check's (see RTOL)."""
    if mode is None or mode.kind == "exact":
        return _MODE
    return Mode(mode.kind, rtol=mode.rtol, atol=mode.atol)


def diagnose(reference: ModuleType, catalogue: tuple[Mistake, ...],
             calls: list[Recorded], others: Sequence[Recorded] = (),
             mode: Mode | None = None, memo: Memo | None = None,
             replay: Replay | None = None,
             views: dict[str, Any] | None = None,
             rule_out: Collection[str] | None = None) -> Diagnosis | None:
    """The mistakes that explain `calls` (_diagnose), answered from the memo when a test of
    an earlier submission made the same calls with the same outcomes (Replay.whole)."""
    replay = replay if replay is not None else Replay(memo)
    by_key = {m.key: m for m in catalogue}

    def compute() -> tuple[Any, ...] | None:
        found = _diagnose(reference, catalogue, calls, others, mode, replay, views, rule_out)
        return None if found is None else (
            tuple(m.key for m in found.mistakes), found.ruled_out, found.called, found.hedged,
            found.valued)

    kept = replay.whole("diagnosis", calls, others, (
        mode, None if rule_out is None else tuple(sorted(rule_out)), tuple(by_key)),
        compute, BUDGET)
    if kept is None:
        return None
    keys, ruled_out, called, hedged, valued = kept
    return Diagnosis(tuple(by_key[k] for k in keys), ruled_out, called, hedged, valued)


def _diagnose(reference: ModuleType, catalogue: tuple[Mistake, ...],
              calls: list[Recorded], others: Sequence[Recorded],
              mode: Mode | None, replay: Replay,
              views: dict[str, Any] | None,
              rule_out: Collection[str] | None) -> Diagnosis | None:
    """The mistakes that explain `calls` (see the module docstring); None if nothing to replay.
    `others` are the submission's other calls: a mistake must reproduce those of its own
    functions too (a second, independent input confirms it). `mode` is the failed check's
    comparison: the student's values must match a mistake's within its tolerance. `memo`
    keeps the replays' outcomes for the next test and the next student (module docstring);
    `replay` (a Replay of it, one per submission) also keeps the digests of its calls.
    `views` (the catalogue's, grader.run.catalogue.load_views) say what of a function's
    value counts. `rule_out`: the names whose ruling out is asked for (None: every name); a
    mistake that does not reproduce the calls is run again (to tell a mistake that draws from
    global state, which gets no verdict) only when its name is asked for."""
    if not calls or not catalogue:
        return None
    views = views or {}
    own = {id(c) for c in calls}
    raw = list(calls)
    calls = [_viewed(c, views) for c in calls]
    others = [_viewed(c, views) for c in others if id(c) not in own]
    near = tolerance(mode)
    deadline = time.monotonic() + BUDGET
    expected: list[Outcome | None] = []
    for call in calls:
        function = getattr(reference, call.name, None)
        expected.append(replay.run(REFERENCE, lambda f=function: f, call, views)
                        if callable(function) else None)
    # the student is wrong on at least one call that the reference can judge
    wrong = [e is not None and not replay.matches(REFERENCE, c, e, _STRICT)
             for c, e in zip(calls, expected, strict=True)]
    if not any(wrong):
        return None
    # the calls the student got wrong first: most mistakes are ruled out by the first of them
    # (a family's members especially), before the calls that only confirm
    order = sorted(range(len(calls)), key=lambda i: not wrong[i])
    found: list[Mistake] = []
    hedged: set[str] = set()  # named by the class of an exception alone: a possibility
    shown: set[str] = set()  # shown by a returned value
    ruled_out: list[str] = []
    named: set[str] = set()  # the families with a member named: one member per family
    for mistake in catalogue:
        if time.monotonic() > deadline:
            replay.doubt += 1  # cut short: what another run finds may differ
            break
        if mistake.family and mistake.family in named:
            continue
        # valued: it returns a value other than the reference's that the student returned too;
        # told: where both raised, the messages said the same (grader.run.outcomes.same_message)
        differs, explains, valued, told = False, True, False, False
        # lazily: most mistakes are ruled out by the first wrong call, before any other call
        # of the submission is even looked at
        checks: Iterator[tuple[Recorded, Outcome | None, bool]] = itertools.chain(
            ((calls[i], expected[i], False) for i in order),
            ((c, None, True) for c in others if c.name in mistake.functions))
        replayable = True
        # equal to the reference on the test's own calls, it is never named: its confirmation
        # on the submission's other calls is run only when its ruling out is asked for
        confirms = rule_out is None or mistake.name in rule_out
        for call, exp, confirming in checks:
            if confirming and not differs and not confirms:
                break
            if exp is None and not confirming:
                continue
            function = mutant(reference, mistake, call.name)
            if function is None:
                continue
            who = replayed_as(reference, mistake, call.name)
            got = replay.run(who, function, call, views)
            if not replay.matches(who, call, got, near):
                explains = False
                # a mistake that draws from global state cannot be replayed: no verdict
                replayable = (rule_out is None or mistake.name in rule_out) and \
                    replay.reproduces(who, function, call, got, views)
                break
            if exp is not None:
                moved = not replay.same(who, call, got, exp)
                differs = differs or moved
                valued = valued or (moved and got.raised is None)
                told = told or (moved and got.raised is not None and call.raised is not None
                                and same_message(call.message, got.message))
        if explains and differs:
            found.append(mistake)
            if not valued and not told:  # shown by exceptions of the same class only
                hedged.add(mistake.key)
            if valued:
                shown.add(mistake.key)
            named.add(mistake.family)
        elif not explains and replayable:
            ruled_out.append(mistake.name)
    fitted = found
    if any(not m.family for m in found):  # a file written for this very case says it better
        found = [m for m in found if not m.family]
    if len(found) > 1 and all(calls[i].name in views for i in range(len(calls)) if wrong[i]):
        # constructions compared only by what they compute (a view): several mistakes that
        # build different things compute the same here, so the student's may be a third; only
        # one that built exactly the student's construction is named
        families = {m.family for m in fitted if m.family}
        built = [m for m in catalogue if (m in fitted or m.family in families) and all(
            _built(reference, m, raw[i]) for i in range(len(calls)) if wrong[i])]
        found = [m for i, m in enumerate(built)
                 if not m.family or all(b.family != m.family for b in built[:i])]
        if any(not m.family for m in found):
            found = [m for m in found if not m.family]
    return Diagnosis(tuple(found), tuple(ruled_out), tuple(dict.fromkeys(c.name for c in calls)),
                     frozenset(m.key for m in found if m.key in hedged),
                     frozenset(m.key for m in found if m.key in shown))


def _built(reference: ModuleType, mistake: Mistake, call: Recorded) -> bool:
    """The mistake's function returns the student's very value on `call` (not only the same
    view of it: the same construction)."""
    function = mutant(reference, mistake, call.name)
    return function is not None and _matches(call, _run(function(), call), _STRICT)


REFERENCE = ""
"""The memo's name for the reference (a mistake's is its file stem, never empty)."""


def mutant(reference: ModuleType, mistake: Mistake, name: str) -> Any:
    """A callable giving the mistake's world's function `name` (built only when it must run),
    or None when that world has no such function."""
    if name not in mistake.overrides and not callable(getattr(reference, name, None)):
        return None
    return lambda: _world(reference, mistake).get(name)


@functools.lru_cache(maxsize=1024)
def reaches(reference: ModuleType, name: str) -> frozenset[str]:
    """The global names the reference's function `name` looks up, and those of the reference
    functions it looks up, transitively (nested code included)."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        function = getattr(reference, todo.pop(), None)
        if not isinstance(function, types.FunctionType) or \
                function.__module__ != reference.__name__:
            continue
        codes = [function.__code__]
        while codes:
            code = codes.pop()
            codes += [c for c in code.co_consts if isinstance(c, types.CodeType)]
            for global_name in code.co_names:
                if global_name not in seen:
                    seen.add(global_name)
                    todo.append(global_name)
    return frozenset(seen)


def _as_reference(reference: ModuleType, mistake: Mistake, name: str) -> bool:
    """The mistake's world's `name` is the reference's own: not redefined, and it looks up no
    redefined function (grader.run.catalogue.world swaps only functions), so its outcome is
    the reference's, replayed once for every such mistake."""
    return name not in mistake.overrides and not reaches(reference, name) & set(
        mistake.overrides)


def replayed_as(reference: ModuleType, mistake: Mistake, name: str) -> str:
    """The memo's name for what the mistake's world's `name` gives: REFERENCE when that is the
    reference's own (_as_reference), else the mistake's key. grader.run.confirm's probes use
    the same names, so a probe's outcome is shared with the replays (and across students)."""
    return REFERENCE if _as_reference(reference, mistake, name) else mistake.key


_world = functools.lru_cache(maxsize=4096)(world)
"""A mistake's world is built once per process (the batch's threads share it: trusted code
that keeps no state in its module)."""


class _Entry:
    """A memoized outcome; `stable`: whether a second run reproduced it (None: not run twice
    yet; True at once for the reference's, the module docstring); `said`: its digest (see
    Replay.matches), computed when first compared."""

    __slots__ = ("outcome", "said", "stable")

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.stable: bool | None = None
        self.said: bytes | None = None


_UNDIGESTED = b""
"""_Entry.said of an outcome without a digest (a value refcache.digest refuses)."""


def _outcome_digest(outcome: Outcome) -> bytes:
    try:
        return digest((outcome.raised, outcome.value, outcome.args_after, outcome.mro,
                       outcome.message, outcome.deliberate), outcome.kwargs_after or {},
                      functions=True)  # as the calls' (Replay._digest): f is handed back
    except Uncacheable:
        return _UNDIGESTED


class Replay:
    """Runs trusted functions on recorded calls, and compares outcomes, through the memo (the
    module docstring); one per submission (it keeps its calls' digests by id). A comparison
    is memoized only between outcomes the memo answered (so fixed by the call's digest) and
    for the student's outcome by its digest: the students who are right on a call, or made
    the same mistake, send equal values."""

    def __init__(self, memo: Memo | None) -> None:
        self._memo = memo
        self._digests: dict[tuple[str, int], bytes | None] = {}
        self._known: dict[tuple[str, int], _Entry] = {}
        """(who, id(call)) -> the memo's entry that answered (a reproduced outcome)."""
        self._held: dict[int, Recorded] = {}
        """Every call keyed by id above, kept alive so no later call reuses its id (diagnose
        makes new calls when a catalogue view applies, and drops them when it returns)."""
        self._summaries: dict[int, tuple[Sequence[Recorded], int, bytes | None]] = {}
        """id(calls) -> (calls, how many, their digest): the submission's other calls are one
        list for all its tests (`whole`'s key holds them as one digest, made once)."""
        self.doubt = 0
        """How many outcomes were computed rather than answered by a reproduced memo entry (a
        mistake's, not the reference's), or how many searches were cut short by their time:
        a result that rests on one is not kept by `whole`."""
        self.refuted: set[tuple[str, str]] = set()
        """(function, description) of the argument changes one of the submission's calls
        refuted (grader.run.arguments.find): a change must explain every call, so no later
        test of the submission needs to try it again."""

    def _digest(self, kind: str, call: Recorded) -> bytes | None:
        """The call's arguments' digest ("args") or the student's outcome's ("said")."""
        key = (kind, id(call))
        self._held[id(call)] = call
        if key not in self._digests:
            try:
                self._digests[key] = digest(call.args, call.kwargs, functions=True) \
                    if kind == "args" else \
                    digest((call.raised, call.value, call.args_after, call.deliberate,
                            call.message), call.kwargs_after or {}, functions=True)
            except Uncacheable:
                self._digests[key] = None
        return self._digests[key]

    def _key(self, who: str, call: Recorded,
             view: Any = None) -> tuple[str, str, str, bool, bytes] | None:
        """The memo's key of `who`'s outcome on `call`; whether the outcome is seen through a
        view is part of it (a memo serves one assignment: one catalogue, one set of views)."""
        found = self._digest("args", call) if self._memo is not None else None
        return None if found is None else ("diagnose", who, call.name, view is not None, found)

    def run(self, who: str, function: Any, call: Recorded,
            views: dict[str, Any] | None = None) -> Outcome:
        """The outcome of `function()` (a getter: built only when needed) on `call`, its value
        seen through `views`' view of the call's function."""
        view = (views or {}).get(call.name)
        key = self._key(who, call, view)
        entry: _Entry | None = self._memo.get(key) if self._memo is not None and \
            key is not None else None
        if entry is not None and entry.stable:
            self._known[(who, id(call))] = entry
            return entry.outcome
        got = _run(function(), call, view)
        if entry is not None and entry.stable is None:
            entry.stable = _same_outcome(got, entry.outcome)
            reproduced = entry.stable  # computed twice, the same: as good as a kept one
        elif entry is None and who != REFERENCE and self._memo is not None and \
                self._memo.verify and key is not None:
            reproduced = _same_outcome(got, _run(function(), call, view))
        else:
            reproduced = who == REFERENCE
        if not reproduced:
            self.doubt += 1
        if entry is None and self._memo is not None and key is not None:
            kept = _Entry(got)
            if who == REFERENCE or reproduced:  # the reference: a pure function of its
                kept.stable = True  # arguments, no second run
            self._memo.put(key, kept, nbytes((got.value, got.args_after,
                                              got.kwargs_after or {})))
        return got

    def derived(self, kind: str, call: Recorded, compute: Callable[[], Any],
                size: Callable[[Any], int] = nbytes) -> Any:
        """`compute()`: a value that depends on `call`'s arguments alone (grader.run.confirm's
        variants of a failing call), kept in the memo by their digest (`size`: the bytes it
        holds), so the next student whose test made the same call gets it computed; without a
        digest, just computed."""
        found = self._digest("args", call) if self._memo is not None else None
        if self._memo is None or found is None:
            return compute()
        key = ("derived", kind, call.name, found)
        value = self._memo.get(key)
        if value is None:
            value = compute()
            self._memo.put(key, value, size(value))
        return value

    def _part(self, call: Recorded) -> tuple[str, bytes, bytes] | None:
        """A call in a memo key: its name and its arguments' and outcome's digests (None when
        one has none)."""
        args, said = self._digest("args", call), self._digest("said", call)
        return None if args is None or said is None else (call.name, args, said)

    def _summary(self, calls: Sequence[Recorded]) -> bytes | None:
        """One digest of `calls` (each call's name, arguments and outcome, in order); None
        when one has none. Kept per list object while it keeps its length."""
        kept = self._summaries.get(id(calls))
        if kept is not None and kept[0] is calls and kept[1] == len(calls):
            return kept[2]
        h = hashlib.blake2b(digest_size=20)
        found: bytes | None = None
        for call in calls:
            part = self._part(call)
            if part is None:
                break
            h.update(part[0].encode() + b"\0" + part[1] + part[2])
        else:
            found = h.digest()
        self._summaries[id(calls)] = (calls, len(calls), found)
        return found

    def whole(self, kind: str, calls: Sequence[Recorded], others: Sequence[Recorded],
              extra: Any, compute: Callable[[], Any], budget: float) -> Any:
        """`compute()`: a search over trusted replays of `calls` (and the submission's
        `others`) whose result depends on nothing else than their arguments and the student's
        outcomes (digests) and `extra`, kept in the memo, so a test of a later submission that
        made the same calls with the same outcomes (a student with the same mistake; a
        catalogue mistake `grader validate` graded: grader.run.replaytable) finds it. Kept
        only when every outcome it used was a reproduced memo entry (or the reference's) and
        it ended within `budget` seconds: the same rule as a single outcome's, so the result
        is the one computing it gives."""
        if self._memo is None:
            return compute()
        parts = [self._part(call) for call in calls]
        rest = self._summary(others)
        if rest is None or any(part is None for part in parts):
            return compute()
        key = ("whole", kind, tuple(parts), rest, extra)
        try:
            hash(key)
        except TypeError:
            return compute()
        kept = self._memo.get(key)
        if kept is not None:
            return kept[0]
        doubt, started = self.doubt, time.monotonic()
        value = compute()
        if self.doubt == doubt and time.monotonic() - started <= budget:
            self._memo.put(key, (value,), nbytes(value))
        return value

    def reproduces(self, who: str, function: Any, call: Recorded, got: Outcome,
                   views: dict[str, Any] | None = None) -> bool:
        """Whether `function` gives `got` again on `call` (False: it draws from global state)."""
        view = (views or {}).get(call.name)
        key = self._key(who, call, view)
        entry = self._memo.get(key) if self._memo is not None and key is not None else None
        if entry is not None and entry.stable is not None:
            return bool(entry.stable)
        same = _same_outcome(got, _run(function(), call, view))
        if entry is not None:
            entry.stable = same
        return same

    def _compared(self, key: Any, compare: Any) -> bool:
        if self._memo is None or key is None:
            return bool(compare())
        found = self._memo.get(key)
        if found is None:
            found = bool(compare())
            self._memo.put(key, found)
        return bool(found)

    def _said(self, who: str, call: Recorded, outcome: Outcome) -> bytes | None:
        """The digest of `outcome` when the memo answered it for `who` on `call` (a reproduced
        outcome), else None."""
        entry = self._known.get((who, id(call)))
        if entry is None or entry.outcome is not outcome:
            return None
        if entry.said is None:
            entry.said = _outcome_digest(outcome)
        return entry.said or None

    def matches(self, who: str, call: Recorded, outcome: Outcome, mode: Mode) -> bool:
        """_matches(call, outcome, mode), memoized when `outcome` is the memo's: by the
        digests of the student's outcome and of the trusted one (not by whose it is: the
        mistakes that give the same outcome on a call are compared once)."""
        key = self._key(who, call)
        said = self._digest("said", call) if key is not None else None
        theirs = self._said(who, call, outcome) if said else None
        return self._compared(("matches", call.name, said, theirs, mode) if theirs else None,
                              lambda: _matches(call, outcome, mode))

    def same(self, who: str, call: Recorded, got: Outcome, expected: Outcome) -> bool:
        """_same_outcome(got, expected): `who`'s outcome and the reference's on `call`."""
        mine = self._said(who, call, got)
        theirs = self._said(REFERENCE, call, expected) if mine else None
        return self._compared(("same", mine, theirs) if mine and theirs else None,
                              lambda: _same_outcome(got, expected))
