"""The lecture's training loops written out step by step, and where a student's run departs.

grader.run.trajectory calls `perceptron` and `sgd` with a reference function, the bound
arguments of one recorded call, the value the student's sandboxed call returned and a probe
(more calls of the student's function through the proxy, on derived inputs). Each loop below is
checked against the reference function's own result first: if they disagree, nothing is said.
All code here is trusted; student values are only compared, never called.
Over 400 lines: the perceptron and the mini-batch loops share their probes and phrasing here;
splitting them per loop is left for later (issue 16 work).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

Probe = Callable[..., Any]
ORDERS = 7
"""Up to this many samples, every other visiting order of a prefix is tried to name 'order'."""
RANDOM_RUN = ("the run is random where the rule is deterministic: two runs on the same data "
              "differ (the samples are visited in a random order)")
"""The name of a trajectory that two runs of the student's own function on the same data do
not repeat: positive evidence, so no deterministic (correct) solution can get it."""


@dataclass(frozen=True)
class Departure:
    """Where a run leaves the reference's and what differs there."""

    where: str
    """'epoch 2, sample 5', 'step 3 (epoch 1, batch 3)', ..."""
    detail: str
    """What the two runs do there (values shown are the test's own)."""
    what: str
    """The kind of difference: the order of samples, the count, the update, the stopping rule.
    Fixed wording, never a value, index or count of the run: `hint` shows it for a hidden test."""

    mistake: str | None = None
    """A mistake name the departure proves (fixed wording, no value of the run), e.g.
    RANDOM_RUN; None when it only says where and what differs."""

    def sentence(self, function: str) -> str:
        return (f"Trajectory of {function}(): your run leaves the reference's at {self.where}: "
                f"{self.detail}. What differs: {self.what}.")

    def hint(self, function: str) -> str:
        """The sentence without where and what the run did there: nothing of the test's inputs
        or values (a hidden test's page shows it, grader.report.pages)."""
        return f"Trajectory of {function}(): your run leaves the reference's. What differs: " \
               f"{self.what}."


def fmt(value: Any) -> str:
    """A short one-line rendering of a number or array."""
    array = np.asarray(value)
    if array.dtype.kind not in "iub":
        array = array.astype(np.float64)
        if array.size and np.all(array == np.round(array)) and np.all(np.abs(array) < 2**53):
            array = array.astype(np.int64)
    return np.array2string(array, precision=4, threshold=8, edgeitems=3, separator=", ",
                           max_line_width=10_000, suppress_small=True)


def factor(got: np.ndarray, expected: np.ndarray) -> float | None:
    """c with got = c·expected (c ≠ 1), if one fits every entry."""
    if got.shape != expected.shape or not np.any(expected):
        return None
    big = int(np.argmax(np.abs(expected)))
    c = float(got.flat[big] / expected.flat[big])
    if np.isclose(c, 1.0) or abs(c) < 1e-9 or \
            not np.allclose(got, c * expected, rtol=1e-7, atol=1e-12):
        return None
    return c


def _close(a: Any, b: Any) -> bool:
    try:
        a_, b_ = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
        return a_.shape == b_.shape and bool(np.allclose(a_, b_, rtol=1e-9, atol=1e-12))
    except (ValueError, TypeError):
        return False


def _pair(value: Any) -> tuple[np.ndarray, list[Any]] | None:
    if not isinstance(value, tuple | list) or len(value) != 2:
        return None
    second = value[1]
    if isinstance(second, np.ndarray):
        second = list(second)
    if not isinstance(second, list | tuple):
        return None
    return np.asarray(value[0], dtype=np.float64), list(second)


# --------------------------------------------------------------------------- the perceptron


def _sweep(X: np.ndarray, y: np.ndarray, w: np.ndarray,
           order: Any = None) -> tuple[np.ndarray, int]:
    """One epoch of the lecture's rule in `order` (default 0..n−1): (w, updates)."""
    updates = 0
    for i in range(len(y)) if order is None else order:
        if y[i] * (w @ X[i]) <= 0:
            w = w + y[i] * X[i]
            updates += 1
    return w, updates


def _epochs(X: np.ndarray, y: np.ndarray, w0: np.ndarray,
            epochs: int) -> tuple[list[np.ndarray], list[int], np.ndarray]:
    """(w at the start of each epoch run, updates per epoch, final w)."""
    w, starts, changes = np.array(w0, dtype=np.float64), [], []
    for _ in range(epochs):
        starts.append(w)
        w, updates = _sweep(X, y, w)
        changes.append(updates)
        if updates == 0:
            break
    return starts, changes, w


def perceptron(function: Callable[..., Any], args: dict[str, Any], value: Any,
               probe: Probe) -> Departure | None:
    X = np.asarray(args["X"], dtype=np.float64)
    y = np.asarray(args["y"])
    w0, epochs = np.asarray(args["w"], dtype=np.float64), int(args["epochs"])
    starts, R, w_ref = _epochs(X, y, w0, epochs)
    ref_w, ref_changes = function(X, y, w0, epochs)
    if [int(c) for c in ref_changes] != R or not _close(ref_w, w_ref):
        return None  # another algorithm under this name: say nothing
    got = _pair(value)
    if got is None:
        return None
    w_s, S = got
    if S == R and _close(w_s, w_ref):
        return None
    m = min(len(S), len(R))
    first = next((e for e in range(m) if S[e] != R[e]), m)
    if first < m:
        totals = [int(t) for t in np.cumsum(R)]
        # a counter that is not reset changes the counts only: w ends where the rule's does
        # (a random order can give counts that look like running totals by chance)
        if first > 0 and S[:m] == totals[:m] and _close(w_s, w_ref):
            detail = (f"in epoch {first + 1} you report {S[first]} updates, the running total of "
                      f"epochs 1–{first + 1} ({' + '.join(map(str, R[:first + 1]))}); the "
                      f"reference made {R[first]} in epoch {first + 1}")
            if len(S) > len(R):
                detail += ", and as your count never returns to 0 your run never stops early"
            return Departure(f"epoch {first + 1}", detail,
                             "the count: the update counter is not set to 0 at the start of "
                             "each epoch")
        return _inside(probe, X, y, w0, epochs, starts, R, first, S, w_s)
    if len(S) < len(R):
        k = len(S)
        if len(R) == epochs and not (R[-1] == 0 and k < len(R) - 1):
            return Departure(f"epoch {k + 1}", f"your run ends after {k} epoch(s); with epochs "
                             f"= {epochs} the reference also runs epoch {k + 1} ({R[k]} "
                             "updates)", "the count of epochs"
                             + (": one epoch too few" if k == epochs - 1 else ""))
        return Departure(f"epoch {k}", f"your run stops after epoch {k}, which made "
                         f"{S[-1] if S else 0} updates; the reference stops only after an epoch "
                         f"without updates (epoch {len(R)})", "the stopping rule")
    if len(S) > len(R):
        k = len(R)
        if R[-1] == 0 and k < epochs:
            return Departure(f"epoch {k + 1}", f"epoch {k} made 0 updates, so the reference "
                             f"stops after it; your run goes on ({len(S)} epochs in all)",
                             "the stopping rule: stop after the first epoch without updates")
        return Departure(f"epoch {k + 1}", f"with epochs = {epochs} the reference runs {k} "
                         f"epochs; yours runs {len(S)}", "the count of epochs"
                         + (": one epoch too many" if len(S) == k + 1 else ""))
    return _inside(probe, X, y, w0, epochs, starts, R, None, S, w_s)


def _short(counts: list[Any]) -> str:
    text = str([int(c) for c in counts])
    return text if len(text) < 60 else text[:56] + ", …]"


def _inside(probe: Probe, X: np.ndarray, y: np.ndarray, w0: np.ndarray, epochs: int,
            starts: list[np.ndarray], R: list[int], first: int | None,
            S: list[Any], w_s: np.ndarray) -> Departure | None:
    """The counts differ in epoch `first` (or only the final w does): find the sample there
    with probes (epoch-prefix runs of the student's function) and say what it does."""
    fallback = (Departure(f"epoch {first + 1}", f"you report {S[first]} updates in epoch "
                          f"{first + 1}, the reference made {R[first]}",
                          "the update or the order of the samples in that epoch")
                if first is not None else
                Departure("the end of the run", f"your update counts agree with the "
                          f"reference's in every epoch ({R}) but the final w does not",
                          "the update (how w changes on a mistake) or the order of the samples "
                          "(which sample each update comes from)"))

    def student(Xp: np.ndarray, yp: np.ndarray, w: np.ndarray, k: int) -> Any:
        return _pair(probe("train_perceptron", Xp, yp, w, k))

    again = student(X, y, w0, epochs)
    if again is None:
        return fallback
    if list(again[1]) != S or not _close(again[0], w_s):
        return Departure("epoch 1",
                         f"two runs on the same data give different results (updates per "
                         f"epoch {_short(S)} and {_short(list(again[1]))})",
                         "the order of samples: your epochs visit them in a random order; "
                         "the rule sweeps i = 0, 1, …, n−1", RANDOM_RUN)
    e = first
    if e is None:  # the first epoch whose final w differs (counts agree everywhere)
        lo, hi = 0, len(R)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            got = student(X, y, w0, mid)
            if got is None:
                return fallback
            lo, hi = (mid, hi) if _close(got[0], starts[mid]) else (lo, mid)
        e = lo
    start, n = starts[e], len(y)

    def agrees(j: int) -> bool | None:
        got = student(X[:j], y[:j], start, 1)
        if got is None:
            return None
        w, updates = _sweep(X[:j], y[:j], start)
        return _close(got[0], w) and list(got[1]) == [updates]

    full = agrees(n)
    if full is not False:
        return fallback
    lo, hi = 0, n
    while hi - lo > 1:
        mid = (lo + hi) // 2
        verdict = agrees(mid)
        if verdict is None:
            return fallback
        lo, hi = (mid, hi) if verdict else (lo, mid)
    i = hi - 1
    where = f"epoch {e + 1}, sample {i} (0-based)"
    got = student(X[:hi], y[:hi], start, 1)
    repeats = [student(X[:hi], y[:hi], start, 1) for _ in range(2)]
    if got is None or any(r is None for r in repeats):
        return fallback
    again = next((r for r in repeats if not _close(r[0], got[0])), got)
    if again is not got:
        return Departure(where, f"two runs on the same first {hi} samples from the same w give "
                         f"different weights ({fmt(got[0])} and {fmt(again[0])})",
                         "the order of samples: your epoch visits them in a random order; the "
                         "rule sweeps i = 0, 1, …, n−1", RANDOM_RUN)
    if hi <= ORDERS:
        for order in itertools.permutations(range(hi)):
            w, updates = _sweep(X[:hi], y[:hi], start, order)
            if order != tuple(range(hi)) and _close(w, got[0]) and [updates] == list(got[1]):
                return Departure(where, f"on the first {hi} samples your epoch ends at w = "
                                 f"{fmt(got[0])}, which is the rule's sweep in the order "
                                 f"{', '.join(map(str, order))}",
                                 "the order of samples: the rule sweeps i = 0, 1, …, n−1 in "
                                 "order")
    before, _ = _sweep(X[:i], y[:i], start)
    s = float(y[i] * (before @ X[i]))
    delta = got[0] - before
    moved = not _close(delta, np.zeros_like(delta))
    rule = y[i] * X[i]
    if s <= 0 and not moved:
        return Departure(where, f"y·(w·x) = {s:.4g}" + (" (the point is on the boundary)"
                                                       if s == 0 else "")
                         + "; the reference updates w there, your run does not",
                         "the update condition: update whenever y·(w·x) <= 0")
    if s > 0 and moved:
        return Departure(where, f"y·(w·x) = {s:.4g} > 0, so the reference leaves w alone; "
                         f"your run changes it by {fmt(delta)}",
                         "the update condition: update only when y·(w·x) <= 0")
    if _close(delta, rule):  # w moves as the rule does: the difference is not the update
        if first is None:
            return None
        return Departure(f"epoch {first + 1}", f"your w moves as the rule's does, but you "
                         f"report {S[first]} updates in epoch {first + 1}, the reference made "
                         f"{R[first]}", "the count: changes counts the updates made during "
                         "each epoch")
    c = factor(delta, rule)
    change = f"{c:.4g}·y·x" if c is not None else fmt(delta)
    return Departure(where, f"the rule adds y·x = {fmt(rule)} to w; your run adds {change}",
                     "the update: w ← w + y·x")


# --------------------------------------------------------------------------- mini-batch SGD


def _sgd(X: np.ndarray, y: np.ndarray, w0: np.ndarray, lr: float, epochs: int, B: int,
         seed: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(batches, w after each step; ws[0] = w0)."""
    rng = np.random.default_rng(seed)
    n, w = len(X), np.array(w0, dtype=np.float64)
    batches, ws = [], [w]
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, B):
            b = perm[start:start + B]
            w = w - lr * (X[b].T @ (X[b] @ w - y[b]) / len(b))
            batches.append(b)
            ws.append(w)
    return batches, ws


def _indices(batches: list[Any]) -> list[np.ndarray] | None:
    out = []
    for b in batches:
        a = np.asarray(b)
        if a.ndim != 1 or a.dtype.kind not in "iuf" or not np.all(a == np.round(a)):
            return None
        out.append(a.astype(np.int64))
    return out


def sgd(function: Callable[..., Any], args: dict[str, Any], value: Any,
        probe: Probe) -> Departure | None:
    X, y = np.asarray(args["X"], dtype=np.float64), np.asarray(args["y"], dtype=np.float64)
    w0 = np.asarray(args["w0"], dtype=np.float64)
    lr, epochs, B, seed = float(args["lr"]), int(args["epochs"]), int(args["batch_size"]), \
        int(args["seed"])
    R, ws = _sgd(X, y, w0, lr, epochs, B, seed)
    ref_w, ref_batches = function(X, y, w0, lr, epochs, B, seed)
    if not _close(ref_w, ws[-1]) or len(ref_batches) != len(R) or not all(
            np.array_equal(a, b) for a, b in zip(ref_batches, R, strict=True)):
        return None
    got = _pair(value)
    S = _indices(got[1]) if got is not None else None
    if got is None or S is None:
        return None
    n, q = len(X), math.ceil(len(X) / B)
    same = [np.array_equal(a, b) for a, b in zip(S, R, strict=False)]
    if len(S) == len(R) and all(same):
        if _close(got[0], ws[-1]):
            return None
        return _step(probe, X, y, w0, lr, epochs, B, seed, R, ws, q, q) or Departure(
            "the end of the run", "your batches are the reference's, but the final w differs",
            "the update w ← w − lr·∇L_b(w)")
    later = _batches(S, R, same, n, q, B, epochs, seed)
    k = next((t for t, ok in enumerate(same) if not ok), len(same))
    early = _step(probe, X, y, w0, lr, 1, B, seed, R, ws, q, min(k, q)) if k else None
    if early is None:
        return later
    return Departure(early.where, f"{early.detail}; later, at {later.where}, {later.detail}",
                     early.what)


def _batches(S: list[np.ndarray], R: list[np.ndarray], same: list[bool], n: int, q: int,
             B: int, epochs: int, seed: int) -> Departure:
    """The first batch where the student's schedule departs, and what differs there."""
    per = n // B
    if n % B and len(S) == epochs * per and all(
            np.array_equal(S[e * per + t], R[e * q + t])
            for e in range(epochs) for t in range(per)):
        return Departure(f"step {q} (epoch 1, its last batch)",
                         f"the reference's epoch ends with a short batch of the {n % B} "
                         f"sample(s) left over (perm[{per * B}:{n}]); your epochs have {per} "
                         f"step(s) and never use them", "the count of steps: the last, shorter "
                         "minibatch of each epoch is dropped")
    k = next((t for t, ok in enumerate(same) if not ok), len(same))
    if k == len(same):
        more = len(S) > len(R)
        return Departure(f"step {k + 1}", f"your run takes {len(S)} steps, the reference "
                         f"{len(R)} ({epochs} epochs of {q})",
                         "the count " + ("of epochs" if abs(len(S) - len(R)) % q == 0 else
                                         "of steps") + (": too many" if more else ": too few"))
    e, j = divmod(k, q)
    where = f"step {k + 1} (epoch {e + 1}, batch {j + 1})"
    mine = S[e * q:(e + 1) * q]
    order = np.concatenate(mine) if len(mine) == q else np.array([])
    if len(order) == n and np.array_equal(np.sort(order), np.arange(n)):
        return Departure(where, _order(order, e, n, seed, epochs),
                         "the order of samples: one rng.permutation(n) per epoch, from "
                         "rng = np.random.default_rng(seed)")
    return Departure(where, f"your batch is {fmt(S[k])}, the reference's {fmt(R[k])}",
                     "the batches: consecutive slices of batch_size of the epoch's permutation")


def _order(order: np.ndarray, e: int, n: int, seed: int, epochs: int) -> str:
    """What the epoch's visiting order is, among the usual wrong ones."""
    rng = np.random.default_rng(seed)
    draws = [rng.permutation(n) for _ in range(3 * epochs + 2)]
    hits = [d for d, p in enumerate(draws) if np.array_equal(p, order)]
    mine = f"your epoch {e + 1} visits the samples in the order {fmt(order)}"
    if hits and hits[0] == 0 and e > 0:
        return f"{mine}, epoch 1's permutation again: the data is not reshuffled every epoch"
    if hits and e > 0 and hits[0] % e == 0:
        return (f"{mine}, the generator's permutation no. {hits[0] + 1} where the reference "
                f"uses no. {e + 1}: rng.permutation is called {hits[0] // e} times per epoch "
                "(one permutation each for X and y?)")
    if hits:
        return f"{mine}, the generator's permutation no. {hits[0] + 1}, not no. {e + 1}"
    if np.array_equal(order, np.arange(n)):
        return f"{mine}: the samples are not shuffled"
    if np.array_equal(order, np.random.RandomState(seed).permutation(n)):
        return f"{mine}, the legacy/global generator's: not np.random.default_rng(seed)"
    return f"{mine}, which np.random.default_rng(seed) does not draw"


def _step(probe: Probe, X: np.ndarray, y: np.ndarray, w0: np.ndarray, lr: float, epochs: int,
          B: int, seed: int, R: list[np.ndarray], ws: list[np.ndarray], q: int,
          limit: int) -> Departure | None:
    """The first step among the first `limit` of epoch 1 (all `epochs` when limit = q) where the
    student's w departs, found with probes (epoch 1 by zeroing the rows of later batches, which
    then move nothing; later epochs by fewer epochs), and how it moves there; None when no
    probe shows a departure."""

    def zeroed(j: int) -> tuple[np.ndarray, np.ndarray]:
        keep = np.zeros(len(X), dtype=bool)
        for b in R[:j]:
            keep[b] = True
        return np.where(keep[:, None], X, 0.0), np.where(keep, y, 0.0)

    def student(j: int) -> np.ndarray | None:
        Xj, yj = zeroed(j)
        got = _pair(probe("minibatch_sgd", Xj, yj, w0, lr, 1, B, seed))
        return None if got is None else got[0]

    first = student(limit)
    if first is None:
        return None
    if _close(first, ws[limit]):
        if limit < q or epochs < 2:
            return None
        lo, hi = 1, epochs  # epoch 1 is right: the first epoch that is not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            got = _pair(probe("minibatch_sgd", X, y, w0, lr, mid, B, seed))
            if got is None:
                return None
            lo, hi = (mid, hi) if _close(got[0], ws[mid * q]) else (lo, mid)
        return Departure(f"epoch {hi}", f"your w after epoch {lo} is the reference's, after "
                         f"epoch {hi} it is not", "the update (from epoch 2 on: state kept "
                         "across epochs?)")
    lo, hi = 0, limit
    while hi - lo > 1:
        mid = (lo + hi) // 2
        got_mid = student(mid)
        if got_mid is None:
            return None
        lo, hi = (mid, hi) if _close(got_mid, ws[mid]) else (lo, mid)
    where = f"step {hi} (epoch 1, batch {hi})"
    after = student(hi)
    if after is None:
        return None
    Xh, yh = zeroed(hi)
    before, b = ws[hi - 1], R[hi - 1]
    delta, rule = after - before, -lr * (Xh[b].T @ (Xh[b] @ before - yh[b]) / len(b))
    rng = np.random.default_rng(seed)
    for d in range(3):
        other = rng.permutation(len(X))[(hi - 1) * B:hi * B]
        if d and _close(delta, -lr * (Xh[b].T @ (Xh[b] @ before - yh[other]) / len(b))):
            return Departure(where, f"your step pairs the rows X[b] of batch {fmt(b)} with the "
                             f"targets y[{fmt(other)}], the same slice of the generator's "
                             f"permutation no. {d + 1}", "the update: X and y are indexed with "
                             "different permutations; use one per epoch for both")
    c = factor(delta, rule)
    if c is not None:
        why = (": the gradient is summed over the batch, not averaged" if np.isclose(c, len(b))
               else "")
        return Departure(where, f"your step is {c:.4g}× the reference's −lr·∇L_b(w){why}",
                         "the update w ← w − lr·∇L_b(w)")
    return Departure(where, f"your step moves w by {fmt(delta)}, the reference's −lr·∇L_b(w) "
                     f"by {fmt(rule)}", "the update w ← w − lr·∇L_b(w)")
