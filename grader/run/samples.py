"""Name a failing test by how the student's value WEIGHS THE SAMPLES (issue 16).

A loss over samples and its gradient are means: f(X, y) = (1/n)·Σᵢ g(xᵢ, yᵢ) + r, where g is
the value of one sample and r the regulariser (reg·ΣW²), which no sample carries. A slip in the
loop over the samples changes the weights of that sum, and the mean still divides by n: a loop
from 1 leaves sample 0 out (weights 0, 1, …, 1), one that stops early the last sample; an
accumulator reset or overwritten inside the loop keeps only the last sample (0, …, 0, 1); a
counter that is never reset, or a return inside the loop, keeps only the first (1, 0, …, 0); a
total started at the first sample's value before a loop over all of them counts it twice
(2, 1, …, 1). `find_weights` tries those weights (WEIGHTS: a fixed list, nothing is fitted) on
the failing test's calls: the student's value must be Σᵢ cᵢ·gᵢ / n + r exactly (to the check's
tolerance), with gᵢ the reference's value on sample i alone (with reg = 0) and r the
reference's value minus its value with reg = 0 — on every part of the value that is wrong,
the other parts right. (A sample left out with the mean over the OTHER samples is the
reference's value on fewer samples: grader.run.arguments' change of X and y.)

It looks only at a reference function with parameters X (n, d) and y (n,) whose value is, on
every call judged, the mean of its one-sample values plus r (checked, to float noise: the
max norm and min margin of Novikoff's bound, a training run and row-wise outputs are not, and
are not looked at). It runs only the trusted reference (replays through the batch's memo),
never the student's code.

Guards — a name must be right: the weights must explain every call of the function in the
failing test and the submission's other calls of it (up to CONFIRM): where they give the
reference's value the student's must be it; they must move the value on at least SHOWN calls;
and exactly one of WEIGHTS may fit (two that fit say nothing). The label holds no value and no
digit (a hidden test's page shows it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.checks.compare import Mode
from grader.run.confirm import with_argument
from grader.run.diagnose import REFERENCE, Replay, tolerance
from grader.run.outcomes import Outcome, Recorded, same
from grader.run.relations import Related, _leaves, _where, by_name, functions, of_kinds, parameters

Array = np.ndarray
SHOWN = 2
"""Calls (at least) on which the weights move the value and the student's value is theirs."""
CONFIRM = 12
"""At most this many of the submission's other calls of the function are judged too."""
LARGEST = 256
"""A call of more samples than this is not split (n + 2 runs of the reference per call)."""
NOISE = 1e-9
"""The mean of the one-sample values is the value to this much of its scale (float noise)."""


@dataclass(frozen=True)
class Weights:
    """A way a slip in the loop over the samples weighs them."""

    said: str
    """What the student's value does, after the function's name: "counts only the last
    sample"."""
    cause: str
    """Its usual cause; the part before the first colon is the label's hint."""
    of: Callable[[int], list[Array]]
    """The weights of n samples (candidates: a block of samples whose length each call shows;
    none where the slip does not apply to n samples, and the value must then be right)."""
    special: tuple[str, ...] = ()
    """The patterns this one generalises (one sample for a block of them): when both fit, the
    special one is said."""


def _one_at(i: int, weight: float = 1.0, rest: float = 0.0) -> Callable[[int], list[Array]]:
    def of(n: int) -> list[Array]:
        c = np.full(n, rest)
        c[i] = weight
        return [c]
    return of


def _last_block(kept: bool, *, only: bool = False) -> Callable[[int], list[Array]]:
    """The last k samples (1 <= k < n) left out (`only`: the only ones counted); `kept`: the
    mean taken over the samples counted, not over all n. And every sample counted (k = 0): n a
    whole number of blocks, where the value is right."""
    def of(n: int) -> list[Array]:
        out = [np.ones(n)]
        for k in range(1, n + (not kept and not only)):  # every sample: the only, short block
            c = np.ones(n)
            c[n - k:] = 0.0
            if only:
                c = 1.0 - c
            out.append(c * n / c.sum() if kept else c)
        return out
    return of


WEIGHTS = (
    Weights("leaves the first sample out (and still divides by all n)",
            "a loop over the samples from the second one: range(1, n), or X[1:] summed and "
            "divided by n", _one_at(0, 0.0, 1.0)),
    Weights("leaves the last sample out (and still divides by all n)",
            "a loop over the samples that stops one early: range(n - 1), or X[:-1] summed and "
            "divided by n", _one_at(-1, 0.0, 1.0)),
    Weights("counts only the last sample (divided by n)",
            "an accumulator reset or overwritten inside the loop over the samples: = where += "
            "is meant, or the total set to zero in the loop, so only the last sample is left",
            _one_at(-1)),
    Weights("counts only the first sample (divided by n)",
            "the loop over the samples does its work only once: a counter or index not reset "
            "for each sample, or a return or break inside the loop", _one_at(0)),
    Weights("counts the first sample twice",
            "the total is started at the first sample's value and the loop then runs over every "
            "sample, the first one again", _one_at(0, 2.0, 1.0)),
    Weights("counts the last sample twice",
            "the last sample is added once more after the loop (or the loop runs one step too "
            "far and reads the last sample again)", _one_at(-1, 2.0, 1.0)),
    Weights("leaves out a last block of its samples (and still divides by all n)",
            "a loop over blocks of samples that stops before the last, shorter block: range(0, "
            "n - B + 1, B) where range(0, n, B) is meant", _last_block(kept=False),
            ("leaves the last sample out (and still divides by all n)",)),
    Weights("leaves out a last block of its samples (the mean over the others)",
            "a loop over blocks of samples that stops before the last, shorter block: range(0, "
            "n - B + 1, B) where range(0, n, B) is meant, and a mean over the samples it saw",
            _last_block(kept=True)),
    Weights("counts only a last block of its samples (divided by n)",
            "a total reset or overwritten inside the loop over blocks of samples: = where += is "
            "meant, so only the last block is left", _last_block(kept=False, only=True),
            ("counts only the last sample (divided by n)",
             "leaves the first sample out (and still divides by all n)")),
)


@dataclass
class _Split:
    """The reference's value on one call split into its samples."""

    paths: list[str]
    expected: list[Array]
    """The reference's value on the call, leaf by leaf."""
    samples: list[list[Array]]
    """gᵢ, leaf by leaf, for each sample i (reg = 0)."""
    penalty: list[Array]
    """r, leaf by leaf: the value with reg minus the value with reg = 0."""

    def weighed(self, c: Array) -> list[Array]:
        n = len(self.samples)
        return [sum((c[i] * self.samples[i][k] for i in range(n)), np.zeros_like(r)) / n + r
                for k, r in enumerate(self.penalty)]


def _flat(value: Any) -> tuple[list[str], list[Array]] | None:
    leaves = _leaves([value], [value])
    if leaves is None:
        return None
    return [p for p, _, _ in leaves], [np.asarray(e[0], dtype=np.float64) for _, _, e in leaves]


def _with(call: Recorded, params: Sequence[str], changed: Mapping[str, Any]) -> Recorded:
    """`call` with the arguments of `changed` (by parameter name) replaced, each where the call
    passed it (confirm.with_argument)."""
    for name, value in changed.items():
        position = params.index(name)
        call = with_argument(call, position if position < len(call.args) else name, value)
    return call


def _leaves_of(outcome: Outcome, split_like: tuple[list[str], list[Array]]) -> list[Array] | None:
    """The leaves of `outcome`'s value when they are those of `split_like` (the same paths,
    each of the same shape), else None."""
    flat = _flat(outcome.value) if outcome.raised is None else None
    paths, expected = split_like
    if flat is None or flat[0] != paths or any(
            a.shape != b.shape for a, b in zip(flat[1], expected, strict=True)):
        return None
    return flat[1]


def _split(call: Recorded, params: Sequence[str],
           run: Callable[[Recorded], Outcome]) -> _Split | None:
    """The reference's value on `call` as the mean of its samples' values plus the
    regulariser's, or None when it is not that (or the call has no samples to split)."""
    bound = by_name(call, params)
    x, y = bound.get("X"), bound.get("y")
    if not isinstance(x, np.ndarray) or x.ndim != 2 or not isinstance(y, np.ndarray) or \
            y.ndim < 1 or len(y) != len(x) or not 1 <= len(x) <= LARGEST:
        return None
    full = run(call)
    flat = _flat(full.value) if full.raised is None else None
    if flat is None:
        return None
    paths, expected = flat
    reg = bound.get("reg")
    plain: dict[str, Any] = {}
    if isinstance(reg, int | float | np.number) and not isinstance(reg, bool | np.bool_) \
            and reg != 0:
        plain = {"reg": 0.0}
    zero = run(_with(call, params, plain)) if plain else full
    samples = []
    for i in range(len(x)):
        one = _leaves_of(run(_with(call, params, {"X": x[i:i + 1].copy(),
                                                  "y": y[i:i + 1].copy()} | plain)), flat)
        if one is None:
            return None  # a value of another shape per sample: not a mean of them
        samples.append(one)
    unpenalised = _leaves_of(zero, flat)
    if unpenalised is None:
        return None
    penalty = [e - z for e, z in zip(expected, unpenalised, strict=True)]
    split = _Split(paths, expected, samples, penalty)
    if any(not np.all(np.isfinite(e)) for e in expected) or not _close(
            split.weighed(np.ones(len(x))), expected):
        return None  # not a mean of its samples (a max, a training run, a row per sample)
    return split


def _close(a: list[Array], b: list[Array]) -> bool:
    return len(a) == len(b) and all(
        u.shape == v.shape and bool(np.all(np.abs(u - v) <= NOISE * max(
            1.0, float(np.max(np.abs(v))) if v.size else 0.0))) for u, v in zip(a, b, strict=True))


def _fits(weights: Weights, call: Recorded, split: _Split,
          mode: Mode) -> tuple[dict[str, bool], bool] | None:
    """For each part of the value the weights move: whether the student's part is the weighed
    one (True) or the reference's (False), and whether the samples the weights count add
    something to the value (a gradient of zero from every sample counted is no evidence of
    which were: heldout26's true_class_gradient_at_j, whose data gradient cancels to zero);
    None when a part is neither (or one the weights do not move is wrong)."""
    got = _flat(call.value) if call.raised is None else None
    if got is None or got[0] != split.paths:
        return None
    alone = split.weighed(np.zeros(len(split.samples)))  # the penalty, no sample counted
    fits = [(fit, any(not same(u, v, mode) for u, v in zip(weighed, alone, strict=True)))
            for c in weights.of(len(split.samples)) or [np.ones(len(split.samples))]
            for weighed in [split.weighed(c)]
            for fit in [_fits_weighed(weighed, got[1], split, mode)]
            if fit is not None]
    return next(((fit, some) for fit, some in fits if any(fit.values())),
                next(((fit, some) for fit, some in fits if not fit), fits[0] if fits else None))


def _fits_weighed(weighed: list[Array], mine_parts: list[Array], split: _Split,
                  mode: Mode) -> dict[str, bool] | None:
    out: dict[str, bool] = {}
    for path, mine, right, theirs in zip(split.paths, mine_parts, split.expected, weighed,
                                         strict=True):
        if mine.shape != right.shape:
            return None
        if same(theirs, right, mode):
            if not same(mine, right, mode):
                return None
        elif same(mine, theirs, mode):
            out[path] = True
        elif same(mine, right, mode):
            out[path] = False
        else:
            return None
    return out


def _fitting(weights: Weights, judged: Sequence[tuple[Recorded, _Split]],
             mode: Mode) -> list[str] | None:
    """The parts of the value the weights explain on every judged call (each part weighed on
    every call where they move it, or right on every one), shown on SHOWN calls; None."""
    kinds: dict[str, set[bool]] = {}
    shown = counted = 0
    for call, split in judged:
        found = _fits(weights, call, split, mode)
        if found is None:
            return None
        fit, some = found
        for path, weighed in fit.items():
            kinds.setdefault(path, set()).add(weighed)
        shown += any(fit.values())
        counted += any(fit.values()) and some
    if shown < SHOWN or not counted or any(len(k) > 1 for k in kinds.values()):
        return None  # (a value shown only where no sample counts is the penalty alone)
    return [path for path, k in kinds.items() if k == {True}]


def find_weights(reference: Any, calls: Sequence[Recorded], mode: Mode | None, replay: Replay,
                 views: Mapping[str, Any] | None = None,
                 others: Sequence[Recorded] = ()) -> Related | None:
    """The one way of weighing the samples (WEIGHTS) that gives the student's values of a
    function of the failing test's `calls` (module docstring), or None."""
    near = tolerance(mode)
    for name, function in functions(reference, calls, views):
        params = parameters(function)
        if "X" not in params or "y" not in params:
            continue
        mine = [c for c in calls if c.name == name]

        def run(call: Recorded, f: Any = function) -> Outcome:
            return replay.run(REFERENCE, lambda: f, call)

        if all(c.raised is None and same(c.value, run(c).value, near) for c in mine):
            continue  # right on this function: the mistake is elsewhere
        judged = []
        for call in mine:
            split = _split(call, params, run)
            if split is None:
                break  # a call of the test that is not a mean of its samples: none split more
            judged.append((call, split))
        if len(judged) < len(mine):
            continue
        # the weighings the test's own calls allow; the submission's other calls (one replay
        # per sample each) are split only when one is left
        candidates = [w for w in WEIGHTS
                      if all(_fits(w, c, split, near) is not None for c, split in judged)]
        if not candidates:
            continue
        judged += [(call, split) for call in of_kinds(name, mine, others, CONFIRM)
                   for split in [_split(call, params, run)] if split is not None]
        fitting = [(w, parts) for w in candidates
                   for parts in [_fitting(w, judged, near)] if parts]
        saids = {w.said for w, _ in fitting}
        fitting = [(w, p) for w, p in fitting if not saids & set(w.special)]
        if len(fitting) == 1:
            weights, parts = fitting[0]
            return _worded(name, weights, parts, len(judged[0][1].paths))
    return None


def _worded(name: str, weights: Weights, parts: list[str], leaves: int) -> Related:
    where = f"{name}()" if len(parts) == leaves or len(parts) != 1 else _where(name, parts[0])
    hint = weights.cause.split(":")[0]
    return Related(f"{where} {weights.said} ({hint})",
                   f"Your {where} {weights.said}: it is exactly the mean over the samples "
                   f"with those weights, on every call of this test and of the others. Usual "
                   f"cause: {weights.cause}.", entries=SHOWN)
