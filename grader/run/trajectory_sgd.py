"""Mini-batch SGD's loop written out (grader.run.trajectory_loops says how the loops are used):
where a student's minibatch_sgd run leaves the lecture's, and the mistakes its own values
prove."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from grader.run.trajectory_loops import Departure, Probe, close, factor, fmt, pair

REPEATS = ("an epoch's batches use some samples more than once: they are not slices of one "
           "permutation of the samples per epoch (e.g. indices drawn with replacement)")
DROPPED = "the last, shorter minibatch of each epoch is dropped"
ONCE = ("an epoch visits the samples in epoch 1's order: the data is not reshuffled every epoch "
        "(one permutation for all epochs, or the generator re-created each epoch)")
SPLIT = "X and y are shuffled with different permutations"
SIZES = ("the epoch's permutation is cut into batches of other sizes: consecutive slices of "
         "batch_size, the last one shorter")
RESTART = "w starts again from w0 every epoch (its initialisation sits inside the epoch loop)"
ONE_STEP = ("the batch gradients of an epoch are all taken at the epoch's starting w and applied "
            "together: one step per epoch instead of one per batch")
Y_IN_ORDER = ("X's rows are taken in the epoch's permuted order but y's in the original order: "
              "the targets no longer belong to their rows")
OVER_N = "the batch's gradient is divided by n (all samples) instead of by the batch's size"
SUMMED = "the batch's gradient is summed over its samples, not averaged"
AT_W0 = ("every batch gradient is taken at the starting point w0 instead of at the current w "
         "(the steps are made, but all with w0's gradients)")
REVERSED = ("the update is written lr·∇L_b(w) − w instead of w − lr·∇L_b(w) (the subtraction's "
            "operands swapped): w's sign flips at every step")
ARGSORT = ("each epoch's order is np.argsort(rng.random(n)): a random permutation, but not the "
           "one rng.permutation(n) draws from the same seed, which the handout fixes")
UNSHUFFLED = "the samples are not shuffled: every epoch visits them in their order in X"
LEGACY = ("the epoch's order comes from the legacy generator np.random.RandomState(seed), not "
          "from np.random.default_rng(seed)")
PROBED = (SPLIT, Y_IN_ORDER, RESTART, ONE_STEP, AT_W0, OVER_N, SUMMED, REVERSED)
"""Names the student's own run proves: REPEATS, DROPPED, SIZES, ONCE, ARGSORT, UNSHUFFLED and
LEGACY from the batches it returns; those of PROBED from probes (exactly: the student's w there
is that slip's w on the probe's data)."""


def _grad(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray,
          targets: np.ndarray | None = None) -> np.ndarray:
    """The batch gradient ∇L_b(w) = X_bᵀ(X_b w − y_b)/|b| (with y of `targets` instead of b:
    the slips that pair rows with other targets)."""
    return np.asarray(X[b].T @ (X[b] @ w - y[b if targets is None else targets]) / len(b))


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
            w = w - lr * _grad(X, y, w, b)
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
    if not close(ref_w, ws[-1]) or len(ref_batches) != len(R) or not all(
            np.array_equal(a, b) for a, b in zip(ref_batches, R, strict=True)):
        return None
    got = pair(value)
    S = _indices(got[1]) if got is not None else None
    if got is None or S is None:
        return None
    n, q = len(X), math.ceil(len(X) / B)
    same = [np.array_equal(a, b) for a, b in zip(S, R, strict=False)]
    if len(S) == len(R) and all(same):
        if close(got[0], ws[-1]):
            return None
        found = _step(probe, X, y, w0, lr, epochs, B, seed, R, ws, q, q)
        if found is not None and found.mistake == ONE_STEP:
            found = _stale(found, got[0], X, y, w0, lr, R, q)
        return found or Departure(
            "the end of the run", "your batches are the reference's, but the final w differs",
            "the update w ← w − lr·∇L_b(w)",
            seen="takes the rule's batches but ends at another w")
    later = _batches(S, R, same, n, q, B, epochs, seed)
    k = next((t for t, ok in enumerate(same) if not ok), len(same))
    early = _step(probe, X, y, w0, lr, 1, B, seed, R, ws, q, min(k, q)) if k else None
    if early is None:
        return later
    return Departure(early.where, f"{early.detail}; later, at {later.where}, {later.detail}",
                     early.what, early.mistake or later.mistake, seen=early.seen)


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
                         "minibatch of each epoch is dropped", DROPPED)
    k = next((t for t, ok in enumerate(same) if not ok), len(same))
    sizes, ref_sizes = [len(b) for b in S], [len(b) for b in R]
    if S and R and sizes != ref_sizes and np.array_equal(np.concatenate(S), np.concatenate(R)):
        return Departure(f"step {k + 1}", f"your batches take the reference's samples in the "
                         f"reference's order, in batches of sizes {_short(sizes)}; the "
                         f"reference's are {_short(ref_sizes)}", "the batches: consecutive "
                         "slices of batch_size of the epoch's permutation, the last one "
                         "shorter", SIZES)
    if k == len(same):
        more = len(S) > len(R)
        counted = "of steps: your run takes none" if not S else (
            "of epochs" if abs(len(S) - len(R)) % q == 0 else "of steps") + (
            ": too many" if more else ": too few")  # none: not a count of epochs
        return Departure(f"step {k + 1}", f"your run takes {len(S)} steps, the reference "
                         f"{len(R)} ({epochs} epochs of {q})", f"the count {counted}",
                         seen="takes " + ("more" if more else "fewer") + " steps than the rule "
                         "(epochs times the batches per epoch)")
    repeated = _repeats(S, R, n, q, seed)
    if repeated is not None:
        return repeated
    e, j = divmod(k, q)
    where = f"step {k + 1} (epoch {e + 1}, batch {j + 1})"
    mine = S[e * q:(e + 1) * q]
    order = np.concatenate(mine) if len(mine) == q else np.array([])
    if len(order) == n and np.array_equal(np.sort(order), np.arange(n)):
        said, named = _order(order, e, n, seed, epochs)
        return Departure(where, said, "the order of samples: one rng.permutation(n) per epoch, "
                         "from rng = np.random.default_rng(seed)", named,
                         seen="records an epoch's samples in another order than the epoch's "
                         "permutation from the seeded generator")
    return Departure(where, f"your batch is {fmt(S[k])}, the reference's {fmt(R[k])}",
                     "the batches: consecutive slices of batch_size of the epoch's permutation",
                     seen="records a batch other than the next slice of batch_size of the "
                     "epoch's permutation")


def _stale(found: Departure, final: np.ndarray, X: np.ndarray, y: np.ndarray,
           w0: np.ndarray, lr: float, R: list[np.ndarray], q: int) -> Departure:
    """Which stale gradient the run's final w shows, once epoch 1's probes showed every
    gradient taken at w0: one step per epoch (each epoch's gradients at ITS start), a step per
    batch with w0's gradients throughout, or — one epoch, where the two agree — no name."""
    once = np.array(w0, dtype=np.float64)
    for e in range(len(R) // q):
        once = once - lr * sum(_grad(X, y, once, b) for b in R[e * q:(e + 1) * q])
    at_w0 = w0 - lr * sum(_grad(X, y, w0, b) for b in R)
    if close(once, at_w0):
        return replace(found, mistake=None)
    return replace(found, mistake=ONE_STEP if close(final, once) else
                   AT_W0 if close(final, at_w0) else None)


def _short(sizes: list[int]) -> str:
    text = str(sizes)
    return text if len(text) < 60 else text[:56] + ", …]"


def _repeats(S: list[np.ndarray], R: list[np.ndarray], n: int, q: int,
             seed: int) -> Departure | None:
    """The first epoch whose batches (as many steps as the reference's, so the same epochs) use
    a sample twice, if one does: they cannot be slices of one permutation."""
    if len(S) != len(R) or not q or not all(0 < len(b) <= len(R[0]) for b in S):
        return None  # a batch longer than batch_size (R[0]): something else was recorded
    for e in range(len(S) // q):
        used = np.concatenate(S[e * q:(e + 1) * q])
        if used.min() < 0 or used.max() >= n:
            return None
        seen = np.bincount(used, minlength=n)
        if seen.max() < 2:
            continue
        rng = np.random.default_rng(seed)
        draws = [rng.integers(0, n, n) for _ in range(e + 1)]
        how = (", exactly the draw rng.integers(0, n, n) of np.random.default_rng(seed): with "
               "replacement" if np.array_equal(draws[e], used) else "")
        twice, never = int(np.argmax(seen)), np.flatnonzero(seen == 0)
        return Departure(f"epoch {e + 1}", f"your epoch {e + 1}'s batches use the samples "
                         f"{fmt(used)}: sample {twice} {int(seen[twice])} times, "
                         f"{'sample(s) ' + fmt(never) + ' never' if len(never) else ''}{how}",
                         "the batches: one permutation of the samples per epoch "
                         "(rng.permutation(n)), cut into slices of batch_size", REPEATS)
    return None


def _order(order: np.ndarray, e: int, n: int, seed: int,
           epochs: int) -> tuple[str, str | None]:
    """What the epoch's visiting order is, among the usual wrong ones; and the mistake it
    proves: ONCE (epoch 1's permutation again: the data shuffled once), ARGSORT (the epoch's
    draw of np.argsort(rng.random(n))), UNSHUFFLED, LEGACY (RandomState's permutation), or
    None."""
    rng = np.random.default_rng(seed)
    draws = [rng.permutation(n) for _ in range(3 * epochs + 2)]
    hits = [d for d, p in enumerate(draws) if np.array_equal(p, order)]
    mine = f"your epoch {e + 1} visits the samples in the order {fmt(order)}"
    if hits and hits[0] == 0 and e > 0:
        return (f"{mine}, epoch 1's permutation again: the data is not reshuffled every "
                "epoch"), ONCE
    rng = np.random.default_rng(seed)
    sorted_draws = [np.argsort(rng.random(n)) for _ in range(e + 1)]
    if not hits and np.array_equal(sorted_draws[e], order):
        return (f"{mine}, exactly np.argsort(rng.random(n)) of np.random.default_rng(seed)"
                ), ARGSORT
    if hits and e > 0 and hits[0] % e == 0:
        return (f"{mine}, the generator's permutation no. {hits[0] + 1} where the reference "
                f"uses no. {e + 1}: rng.permutation is called {hits[0] // e} times per epoch "
                "(one permutation each for X and y?)"), None
    if hits:
        return f"{mine}, the generator's permutation no. {hits[0] + 1}, not no. {e + 1}", None
    if np.array_equal(order, np.arange(n)):
        return f"{mine}: the samples are not shuffled", UNSHUFFLED
    if np.array_equal(order, np.random.RandomState(seed).permutation(n)):
        return (f"{mine}, the legacy/global generator's: not np.random.default_rng(seed)",
                LEGACY)
    return f"{mine}, which np.random.default_rng(seed) does not draw", None


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
        got = pair(probe("minibatch_sgd", Xj, yj, w0, lr, 1, B, seed))
        return None if got is None else got[0]

    first = student(limit)
    if first is None:
        return None
    if close(first, ws[limit]):
        if limit < q or epochs < 2:
            return None
        lo, hi = 1, epochs  # epoch 1 is right: the first epoch that is not
        at_hi = None  # the probe of `hi` epochs, once the search has made one
        while hi - lo > 1:
            mid = (lo + hi) // 2
            got = pair(probe("minibatch_sgd", X, y, w0, lr, mid, B, seed))
            if got is None:
                return None
            if close(got[0], ws[mid * q]):
                lo = mid
            else:
                hi, at_hi = mid, got
        got = at_hi if at_hi is not None else pair(
            probe("minibatch_sgd", X, y, w0, lr, hi, B, seed))
        again = np.array(w0, dtype=np.float64)
        for b in R[(hi - 1) * q:hi * q]:  # epoch hi's batches, from w0
            again = again - lr * _grad(X, y, again, b)
        if got is not None and close(got[0], again) and not close(again, ws[hi * q]):
            return Departure(f"epoch {hi}", f"your w after epoch {hi} is what epoch {hi}'s "
                             "batches give starting from w0: the epochs before it are lost",
                             "the update: w is carried from one epoch to the next", RESTART)
        stale = w0 - lr * sum(_grad(X, y, w0, b) for b in R[:hi * q])
        if got is not None and close(got[0], stale) and not close(stale, ws[hi * q]):
            return Departure(f"epoch {hi}", f"your w after epoch {hi} is w0 minus lr times "
                             "every batch's gradient so far, each taken at w0", "the update: "
                             "each step's gradient at the w the previous step left", AT_W0)
        return Departure(f"epoch {hi}", f"your w after epoch {lo} is the reference's, after "
                         f"epoch {hi} it is not", "the update (from epoch 2 on: state kept "
                         "across epochs?)", seen="ends its first epoch at the rule's w but a "
                         "later epoch at another")
    lo, hi = 0, limit
    while hi - lo > 1:
        mid = (lo + hi) // 2
        got_mid = student(mid)
        if got_mid is None:
            return None
        lo, hi = (mid, hi) if close(got_mid, ws[mid]) else (lo, mid)
    where = f"step {hi} (epoch 1, batch {hi})"
    after = student(hi)
    if after is None:
        return None
    Xh, yh = zeroed(hi)
    before, b = ws[hi - 1], R[hi - 1]
    delta, rule = after - before, -lr * _grad(Xh, yh, before, b)
    rng = np.random.default_rng(seed)
    for d in range(3):
        other = rng.permutation(len(X))[(hi - 1) * B:hi * B]
        if d and close(delta, -lr * _grad(Xh, yh, before, b, other)):
            return Departure(where, f"your step pairs the rows X[b] of batch {fmt(b)} with the "
                             f"targets y[{fmt(other)}], the same slice of the generator's "
                             f"permutation no. {d + 1}", "the update: X and y are indexed with "
                             "different permutations; use one per epoch for both", SPLIT)
    plain = np.arange(len(X))[(hi - 1) * B:hi * B]
    if not np.array_equal(plain, b) and \
            close(delta, -lr * _grad(Xh, yh, before, b, plain)):
        return Departure(where, f"your step pairs the rows X[b] of batch {fmt(b)} with the "
                         f"targets y[{fmt(plain)}], the unshuffled slice", "the update: X and y "
                         "are indexed with one permutation", Y_IN_ORDER)
    if hi > 1:  # every gradient of the epoch so far taken at w0, applied together
        together = w0 - lr * sum(_grad(Xh, yh, w0, c) for c in R[:hi])
        if close(after, together) and not close(together, ws[hi]):
            return Departure(where, "your w after these batches is w0 minus lr times the sum of "
                             "their gradients, each taken at w0", "the update: one step per "
                             "batch, each at the w the previous step left", ONE_STEP)
    if close(after, -(before + rule)) and not close(after, before + rule):
        return Departure(where, "your w after the step is −(w − lr·∇L_b(w)): the step's "
                         "subtraction is written the other way round", "the update "
                         "w ← w − lr·∇L_b(w)", REVERSED)
    c = factor(delta, rule)
    if c is not None:
        summed, over_n = np.isclose(c, len(b)), np.isclose(c, len(b) / len(X))
        why = (": the gradient is summed over the batch, not averaged" if summed else
               ": the gradient is divided by n, not by the batch's size" if over_n else "")
        return Departure(where, f"your step is {c:.4g}× the reference's −lr·∇L_b(w){why}",
                         "the update w ← w − lr·∇L_b(w)",
                         SUMMED if summed else OVER_N if over_n else None,
                         seen="takes a step that is a constant multiple of −lr·∇L_b(w) other "
                         "than itself")
    return Departure(where, f"your step moves w by {fmt(delta)}, the reference's −lr·∇L_b(w) "
                     f"by {fmt(rule)}", "the update w ← w − lr·∇L_b(w)",
                     seen="moves w by another step than −lr·∇L_b(w) on the rule's batch")
