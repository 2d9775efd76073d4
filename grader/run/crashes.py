"""Say where a student's code raises when the reference returns (issue 16): a failing test
that nothing else named, whose recorded calls show the student's function raising on some
calls and returning on the others, is named by ONE size of the arguments that splits them
exactly — it raises on every call where the size is at least k (or at most k, or where two
sizes differ: N != C, a non-square array) and returns on every other call.

The evidence is the failing test's calls of that function and every other recorded call of it
in the submission (the other tests' inputs confirm the split), each judged against the
reference's outcome on the same arguments (the replay grader.run.diagnose memoized): a call
where the reference raises too is no evidence (the student was asked to raise). A split is
named only when exactly one candidate holds (sizes equal on every call are one candidate, named
together), on at least three calls with one on each side — or, when the failing test's message
is a broadcasting error, when exactly one rule on two sizes (they differ; they differ and
neither is 1) is among several that hold; anything else names nothing. The label holds no digit
(a hidden test's page shows it): the size in words, the function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.run.confirm import StudentCall, with_argument
from grader.run.diagnose import REFERENCE, Replay
from grader.run.outcomes import Recorded
from grader.run.relation_kinds import size_words
from grader.run.relations import Related, by_name, call_sizes, parameters

MIN_CALLS = 3
"""Calls (raised + returned) a split needs: one of each alone explains nothing."""


@dataclass(frozen=True)
class Split:
    """A rule on a call's sizes that is true exactly on the calls where the student raised."""

    kind: str
    """"at least", "at most", "differ" or "do not broadcast"."""
    names: tuple[str, ...]
    """The size (its aliases, equal on every call), or for "differ" the two sizes."""
    raised: tuple[int, ...]
    """The sizes on the raised calls (for "differ": none)."""
    returned: tuple[int, ...]


def split(raised: Sequence[Mapping[str, int]], returned: Sequence[Mapping[str, int]],
          broadcast: bool = False) -> Split | None:
    """The one rule on the sizes that separates `raised` calls from `returned` ones, or None
    (none holds, or two different ones do). `broadcast`: the student's exception says two
    shapes did not broadcast, so of several rules that hold, the one rule that two sizes do not
    broadcast (they differ and neither is 1; or just differ) explains it."""
    return _one(*rules(raised, returned), broadcast)


def _one(found: list[Split], pairs: list[Split], broadcast: bool) -> Split | None:
    """`split`'s choice among `rules`' answer."""
    if len(found) == 1:
        return found[0]
    return pairs[0] if broadcast and len(pairs) == 1 else None


def rules(raised: Sequence[Mapping[str, int]],
          returned: Sequence[Mapping[str, int]]) -> tuple[list[Split], list[Split]]:
    """Every rule that separates `raised` calls from `returned` ones (`split`), and of them
    the rules on two sizes."""
    if not raised or not returned or len(raised) + len(returned) < MIN_CALLS:
        return [], []
    every = [*raised, *returned]
    keys = [k for k in every[0] if all(k in s for s in every)]
    groups: dict[tuple[int, ...], list[str]] = {}
    for key in keys:  # sizes equal on every call are one size with several names
        groups.setdefault(tuple(s[key] for s in every), []).append(key)
    found: list[Split] = []
    for values, names in groups.items():
        up, down = values[:len(raised)], values[len(raised):]
        if min(up) > max(down):
            found.append(Split("at least", tuple(names), up, down))
        elif max(up) < min(down):
            found.append(Split("at most", tuple(names), up, down))
    series = [(v, n) for v, n in groups.items() if not n[0].startswith(PROPERTY)]
    pairs: list[Split] = []
    for i, (a, names_a) in enumerate(series):
        for b, names_b in series[i + 1:]:
            for kind, fails in (("differ", _differ), ("do not broadcast", _unbroadcastable)):
                hit = [fails(x, y) for x, y in zip(a, b, strict=True)]
                if all(hit[:len(raised)]) and not any(hit[len(raised):]):
                    pairs.append(Split(kind, (names_a[0], names_b[0]), (), ()))
                    break  # sizes that differ exactly where it raises: that is the rule
    return found + pairs, pairs


PROPERTY = "#"
"""The prefix of a property of an argument among the sizes (`#given:inhibitory`): what a crash
that no size explains often depends on instead."""


def properties(call: Recorded, params: Sequence[str]) -> dict[str, int]:
    """Properties of a call's arguments that a crash may depend on, as counts: whether each
    parameter was given (not left out, not None), and for each array (or list) argument its
    number of entries (a number counts as one), of nonzero entries and of distinct values."""
    named = by_name(call, params)
    found: dict[str, int] = {}
    for param in params:
        value = named.get(param)
        found[f"{PROPERTY}given:{param}"] = int(value is not None)
        if value is None:
            found[f"{PROPERTY}nonzero:{param}"] = 0  # None has no True entry either
            continue
        if isinstance(value, str | bool | np.bool_ | dict) or callable(value):
            continue
        try:
            array = np.asarray(value)
        except (ValueError, TypeError):  # ragged
            continue
        if array.dtype.kind not in "biuf" or array.size > 10**6:
            continue
        found[f"{PROPERTY}entries:{param}"] = int(array.size)
        if array.ndim >= 1 and array.size:
            found[f"{PROPERTY}nonzero:{param}"] = int(np.count_nonzero(array))
            found[f"{PROPERTY}distinct:{param}"] = int(np.unique(array).size)
    return found


_PROPERTY_WORDS = {
    ("given", "at most"): ("{p} is not given (None or left out)", "it is given"),
    ("given", "at least"): ("{p} is given", "it is None or left out"),
    ("nonzero", "at most"): ("{p} has no nonzero (True) entry", "it has one"),
    ("distinct", "at most"): ("all entries of {p} are equal", "they are not all equal"),
    ("entries", "at least"): ("{p} has more than one entry", "it is a single number"),
}
"""How a property rule is said: (when it raises, when it works); only these are said, and only
at their natural boundary (none/one: the numbers bound and other of the rule are 0 and 1, or
1 and 2)."""


def _property_words(rule: Split) -> tuple[str, str] | None:
    """What the property rule says, or None when it is not one said (module docstring) or when
    another property is equal to it on every call (both would fit)."""
    if len(rule.names) != 1:
        return None
    kind, param = rule.names[0].removeprefix(PROPERTY).split(":", 1)
    words = _PROPERTY_WORDS.get((kind, rule.kind))
    if words is None:
        return None
    bound = max(rule.raised) if rule.kind == "at most" else min(rule.raised)
    other = min(rule.returned) if rule.kind == "at most" else max(rule.returned)
    natural = {"given": (0, 1), "nonzero": (0, 1), "distinct": (1, 2), "entries": (2, 1)}[kind]
    if (bound, other) != natural:
        return None
    return words[0].format(p=param), words[1]


def _told_apart(found: list[Split], call: Recorded | None, params: Sequence[str],
                returns: Callable[[Recorded], bool], probe: StudentCall) -> Split | None:
    """Of the two rules "{p} has no nonzero entry" and "all entries of {p} are equal", which
    both fit when the calls that raised had p all zeros: the one a probe of the student's code
    with p all ones picks (all equal, nonzero): it raises there too (the rule is "all equal")
    or returns (the rule is "no nonzero entry"). Only where the reference returns on the
    probe; None otherwise, or for any other set of rules."""
    kinds = {rule.names[0] for rule in found if len(rule.names) == 1 and rule.kind == "at most"}
    if call is None or len(found) != 2 or len(kinds) != 2:
        return None
    param = next(iter(kinds)).split(":", 1)[1]
    if kinds != {f"{PROPERTY}nonzero:{param}", f"{PROPERTY}distinct:{param}"}:
        return None
    position = list(params).index(param) if param in params else -1
    where: int | str = position if 0 <= position < len(call.args) else param
    value = call.args[where] if isinstance(where, int) else call.kwargs.get(where)
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        return None
    if array.dtype.kind not in "biuf" or np.any(array):
        return None
    ones = np.ones_like(array)
    variant = with_argument(call, where, ones.tolist() if isinstance(value, list) else ones)
    if not returns(variant):
        return None  # an all-ones p is not a valid input: no evidence
    got = probe(call.name, variant.args, variant.kwargs)
    if got is None:
        return None
    wanted = f"{PROPERTY}distinct:{param}" if got.raised is not None else \
        f"{PROPERTY}nonzero:{param}"
    return next(rule for rule in found if rule.names[0] == wanted)


def _differ(a: int, b: int) -> bool:
    return a != b


def _unbroadcastable(a: int, b: int) -> bool:
    """numpy's and torch's rule for one axis: equal sizes or a size 1 broadcast."""
    return a != b and a != 1 and b != 1


BROADCAST = ("could not be broadcast", "must match the size of tensor")
"""What numpy's and torch's broadcasting errors say (in the failing test's message)."""


def worded(name: str, rule: Split, kinds: set[str], calls: int) -> Related | None:
    """The label and sentence for `rule` found on `calls` calls of function `name`."""
    raised = f"raises {next(iter(kinds))}" if len(kinds) == 1 else "raises"
    if rule.names[0].startswith(PROPERTY):
        words = _property_words(rule)
        if words is None:
            return None
        when, unless = words
        label = f"{name}() {raised} when {when} (it works when {unless})"
        sentence = (f"Your {name}() {raised} on every call where {when} and returns on every "
                    f"call where {unless} ({calls} calls, the reference returns on each): look "
                    f"at what your code does in that case (an empty selection reduced, a "
                    f"default built wrongly, a value assumed to be an array).")
        return None if any(c.isdigit() for c in label) else Related(label, sentence)
    if rule.kind in ("differ", "do not broadcast"):
        a, b = (size_words(n) for n in rule.names)
        one = rule.kind != "differ"
        unless = "they are equal or one of them is 1" if one else "they are equal"
        label = (f"{name}() {raised} when {a} differs from {b} (it works when "
                 f"{unless.replace('is 1', 'is one')})")
        sentence = (f"Your {name}() {raised} on every call where {a} differs from {b} "
                    f"({rule.names[0]} != {rule.names[1]}{', neither 1' if one else ''}) and "
                    f"returns on every call where {unless} ({calls} calls): look for an array "
                    f"of one of these sizes that meets the other one (a max or sum without "
                    "keepdims=True, an axis or a transpose the wrong way round).")
    else:
        size = " = ".join(size_words(n) for n in rule.names if not n.startswith(PROPERTY))
        more = rule.kind == "at least"
        label = (f"{name}() {raised} when {size} is {'larger' if more else 'smaller'} (it "
                 f"works when it is {'smaller' if more else 'larger'})")
        bound, other = ((min(rule.raised), max(rule.returned)) if more
                        else (max(rule.raised), min(rule.returned)))
        sentence = (f"Your {name}() {raised} on every call where {size} is {bound} or "
                    f"{'more' if more else 'less'} and returns on every call where it is "
                    f"{other} or {'less' if more else 'more'} ({calls} calls): look at how "
                    f"your code uses {size} (a size computed from it, an index or a shape "
                    f"that only fits {'small' if more else 'large'} ones).")
    if any(c.isdigit() for c in label):
        label = f"{name}() {raised} for some sizes of its arguments and works for others"
    return Related(label, sentence)


def find(reference: Any, calls: Sequence[Recorded], others: Sequence[Recorded],
         replay: Replay, views: dict[str, Any] | None = None,
         message: str = "", probe: StudentCall | None = None) -> Related | None:
    """The split of the first function of a failing test's `calls` whose student raised where
    the reference returned (see the module docstring); `others` are the submission's other
    recorded calls (of any function: those of the same function confirm the split);
    `message` the failing test's (a broadcasting error there picks that rule, `split`);
    `probe` calls the student's code to tell two property rules apart (`_told_apart`)."""
    broadcast = any(words in message for words in BROADCAST)
    for name in dict.fromkeys(c.name for c in calls if c.raised is not None):
        function = getattr(reference, name, None)
        if not callable(function):
            continue
        mine = [c for c in calls if c.name == name]
        seen = {id(c) for c in mine}
        mine += [c for c in others if c.name == name and id(c) not in seen]
        found = _found(name, mine, _returns(replay, function, views), parameters(function),
                       broadcast, probe)
        if found is not None:
            return found
    return None


def _returns(replay: Replay, function: Any,
             views: dict[str, Any] | None) -> Callable[[Recorded], bool]:
    """Whether the reference returns on a call (its replay, memoized for the batch)."""
    def returns(call: Recorded) -> bool:
        return replay.run(REFERENCE, lambda: function, call, views).raised is None
    return returns


def _found(name: str, calls: Sequence[Recorded], returns: Callable[[Recorded], bool],
           params: Sequence[str], broadcast: bool,
           probe: StudentCall | None = None) -> Related | None:
    judged = [c for c in calls if returns(c)]  # a call the reference raises on: no evidence
    raised = [c for c in judged if c.raised is not None]
    returned = [c for c in judged if c.raised is None]
    found, pairs = rules([call_sizes(c, params) | properties(c, params) for c in raised],
                         [call_sizes(c, params) | properties(c, params) for c in returned])
    rule = _one(found, pairs, broadcast)
    if rule is None and probe is not None:
        rule = _told_apart(found, raised[0] if raised else None, params, returns, probe)
    if rule is None:
        return None
    kinds = {c.raised[0] for c in raised if c.raised}
    return worded(name, rule, kinds, len(judged))
