"""The perceptron's training loop written out (grader.run.trajectory_loops says how the loops are
used): where a student's train_perceptron run leaves the lecture's, and the mistakes its own
values prove."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from grader.run.trajectory_loops import (
    RANDOM_RUN,
    RANDOM_WHAT,
    Departure,
    Probe,
    close,
    factor,
    fmt,
    pair,
)

ORDERS = 7
"""Up to this many samples, every other visiting order of a prefix is tried to name 'order'."""
SKIP_LAST = "an epoch does not visit every sample: the last sample is never used"
SKIP_FIRST = "an epoch does not visit every sample: the first sample is never used"
RESTART = ("w restarts from the initial w every epoch: nothing carries over, each epoch repeats "
           "the first")
COUNTER = ("the update counter is not reset at the start of each epoch: the counts are running "
           "totals")
"""Names the student's own values prove: the run's (w, counts) are exactly the rule's run with
that one change (`_known`), or the counts are the reference's running totals with the right w."""


def _sweep(X: np.ndarray, y: np.ndarray, w: np.ndarray,
           order: Any = None, strict: bool = False) -> tuple[np.ndarray, int]:
    """One epoch of the lecture's rule in `order` (default 0..n−1): (w, updates); `strict`
    updates only when y·(w·x) < 0."""
    updates = 0
    for i in range(len(y)) if order is None else order:
        margin = y[i] * (w @ X[i])
        if margin < 0 or (margin == 0 and not strict):
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


def _variant(X: np.ndarray, y: np.ndarray, w0: np.ndarray, epochs: int, order: Any,
             restart: bool, S: list[Any], w_s: np.ndarray, strict: bool = False,
             stop: bool = True) -> bool:
    """Whether the rule's run with one structural change gives exactly the student's counts S
    and final w: each epoch sweeps `order`, and starts from w0 again when `restart`; `strict`
    and `not stop` are other mistakes (the catalogue's), tried only to see whether they fit the
    run as well. Stops at the first epoch whose count is not the student's."""
    w = np.array(w0, dtype=np.float64)
    for e in range(epochs):
        w, updates = _sweep(X, y, w0 if restart else w, order, strict)
        if e >= len(S) or updates != S[e]:
            return False
        if updates == 0 and stop:
            return e + 1 == len(S) and close(w, w_s)
    return len(S) == epochs and close(w, w_s)


def _others(X: np.ndarray, y: np.ndarray, w0: np.ndarray, epochs: int, S: list[Any],
            w_s: np.ndarray) -> list[str]:
    """Other single mistakes whose run also gives exactly the student's (w, counts)."""
    fit = []
    for what, strict, stop in (("the update condition y·(w·x) < 0", True, True),
                               ("no stop after an epoch without updates", False, False)):
        if _variant(X, y, w0, epochs, None, False, S, w_s, strict, stop):
            fit.append(what)
    return fit


def _confirm(probe: Probe, mistake: str | None, X: np.ndarray, y: np.ndarray) -> bool | None:
    """One probe whose answer no other run gives, whatever its order of samples: for a skipped
    sample two copies of a row x with labels y, −y, from w = 0, one epoch (the rule and any
    order: w = 0 after 2 updates; only the first visited: y·x, 1; only the last: −y·x, 1); for
    w restarted or the counter not reset the row alone from w = −y·x, two epochs (the rule:
    y·x, [1, 1]; restarted: 0, [1, 1]; the counter: y·x, [1, 2]). None: no probe answered."""
    rows = [k for k in range(len(y)) if np.any(X[k]) and y[k] in (-1, 1)]
    if not rows:
        return None
    x, label = X[rows[0]], y[rows[0]]
    if mistake in (SKIP_LAST, SKIP_FIRST):
        got = pair(probe("train_perceptron", np.vstack([x, x]),
                         np.array([label, -label], dtype=y.dtype), np.zeros_like(x), 1))
        sign = 1 if mistake == SKIP_LAST else -1
        return None if got is None else close(got[0], sign * label * x) and list(got[1]) == [1]
    got = pair(probe("train_perceptron", x[None, :], np.array([label], dtype=y.dtype),
                     -label * x, 2))
    if got is None:
        return None
    if mistake == RESTART:
        return close(got[0], np.zeros_like(x)) and list(got[1]) == [1, 1]
    return close(got[0], label * x) and list(got[1]) == [1, 2]  # COUNTER


def _known(X: np.ndarray, y: np.ndarray, w0: np.ndarray, epochs: int, R: list[int],
           S: list[Any], w_s: np.ndarray, w_ref: np.ndarray, probe: Probe) -> Departure | None:
    """The structural mistake whose run gives exactly the student's (w, counts), if one does
    (the caller knows they are not the reference's) and one probe (`_confirm`) shows it too; a
    fit the probe could not check is said unnamed (Departure.possible); when several fit, all
    of them, unnamed."""
    n, fits = len(y), []
    if n >= 2:
        if _variant(X, y, w0, epochs, range(n - 1), False, S, w_s):
            fits.append(Departure(
                f"sample {n - 1} (0-based, the last) of every epoch", f"your updates per epoch "
                f"{_short(S)} and final w {fmt(w_s)} are the rule's run over samples "
                f"0…{n - 2} only; the reference's ({_short(R)}) visits sample {n - 1} too",
                "the samples an epoch visits: the sweep is i = 0, 1, …, n−1 (range(n)); yours "
                "stops before the last", SKIP_LAST))
        if _variant(X, y, w0, epochs, range(1, n), False, S, w_s):
            fits.append(Departure(
                "sample 0 of every epoch", f"your updates per epoch {_short(S)} and final w "
                f"{fmt(w_s)} are the rule's run over samples 1…{n - 1} only; the reference's "
                f"({_short(R)}) visits sample 0 too", "the samples an epoch visits: the sweep "
                "is i = 0, 1, …, n−1 (range(n)); yours starts after the first", SKIP_FIRST))
    if epochs > 1 and len(S) > 1 and _variant(X, y, w0, epochs, None, True, S, w_s):
        fits.append(Departure(
            "epoch 2", f"every epoch of yours repeats epoch 1 from the initial w ({S[0]} "
            f"updates each, ending at w = {fmt(w_s)}); the reference's epoch 2 starts where "
            f"epoch 1 ended ({_short(R)} updates per epoch)", "the state carried across "
            "epochs: each epoch starts from the w the last one ended with", RESTART))
    m = min(len(S), len(R))
    first = next((e for e in range(m) if S[e] != R[e]), m)
    totals = [int(t) for t in np.cumsum(R)]
    # a counter that is not reset changes the counts only: w ends where the rule's does
    # (a random order can give counts that look like running totals by chance)
    if 0 < first < m and S[:m] == totals[:m] and close(w_s, w_ref):
        detail = (f"in epoch {first + 1} you report {S[first]} updates, the running total of "
                  f"epochs 1–{first + 1} ({' + '.join(map(str, R[:first + 1]))}); the "
                  f"reference made {R[first]} in epoch {first + 1}")
        if len(S) > len(R):
            detail += ", and as your count never returns to 0 your run never stops early"
        fits.append(Departure(f"epoch {first + 1}", detail, "the count: the update counter is "
                              "not set to 0 at the start of each epoch", COUNTER))
    others = _others(X, y, w0, epochs, S, w_s) if fits else []
    if len(fits) == 1 and not others:
        confirmed = _confirm(probe, fits[0].mistake, X, y)
        if confirmed is None:
            return replace(fits[0], mistake=None, possible=(str(fits[0].mistake),))
        return fits[0] if confirmed else None
    if not fits:
        return None
    return Departure(fits[0].where, "your run fits more than one mistake exactly: "
                     + "; or ".join([*(f.detail for f in fits), *others]),
                     " — or ".join(f.what for f in fits), None,
                     tuple(str(f.mistake) for f in fits))


def perceptron(function: Callable[..., Any], args: dict[str, Any], value: Any,
               probe: Probe) -> Departure | None:
    X = np.asarray(args["X"], dtype=np.float64)
    y = np.asarray(args["y"])
    w0, epochs = np.asarray(args["w"], dtype=np.float64), int(args["epochs"])
    starts, R, w_ref = _epochs(X, y, w0, epochs)
    ref_w, ref_changes = function(X, y, w0, epochs)
    if [int(c) for c in ref_changes] != R or not close(ref_w, w_ref):
        return None  # another algorithm under this name: say nothing
    got = pair(value)
    if got is None:
        return None
    w_s, S = got
    if S == R and close(w_s, w_ref):
        return None
    known = _known(X, y, w0, epochs, R, S, w_s, w_ref, probe)
    if known is not None:
        return known
    m = min(len(S), len(R))
    first = next((e for e in range(m) if S[e] != R[e]), m)
    if first < m:
        return _inside(probe, X, y, w0, epochs, starts, R, first, S, w_s,
                       ended_right=close(w_s, w_ref))
    # an epoch count read from `changes` is a fact of the run only when the final w is the
    # rule's after that many epochs and not the rule's final w (a count list built wrongly,
    # e.g. np.diff without its leading 0, is one entry short while the run went on, and a
    # last epoch without updates leaves w as it was: heldout20)
    ran = len(S) != len(R) and not close(w_s, w_ref) and close(w_s, _epochs(X, y, w0, len(S))[2])
    if len(S) < len(R):
        k = len(S)
        if len(R) == epochs and not (R[-1] == 0 and k < len(R) - 1):
            return Departure(f"epoch {k + 1}", f"your run ends after {k} epoch(s); with epochs "
                             f"= {epochs} the reference also runs epoch {k + 1} ({R[k]} "
                             "updates)", "the count of epochs"
                             + (": one epoch too few" if k == epochs - 1 else ""),
                             seen="ends while epochs remain after an epoch that still made "
                             "updates (the rule runs on)" if ran else None)
        return Departure(f"epoch {k}", f"your run stops after epoch {k}, which made "
                         f"{S[-1] if S else 0} updates; the reference stops only after an epoch "
                         f"without updates (epoch {len(R)})", "the stopping rule",
                         seen="stops after an epoch that still made updates (the rule stops "
                         "only after an epoch without any)" if ran else None)
    if len(S) > len(R):
        k = len(R)
        if R[-1] == 0 and k < epochs:
            return Departure(f"epoch {k + 1}", f"epoch {k} made 0 updates, so the reference "
                             f"stops after it; your run goes on ({len(S)} epochs in all)",
                             "the stopping rule: stop after the first epoch without updates",
                             seen="goes on after an epoch without updates (the rule stops "
                             "there)" if ran else None)
        return Departure(f"epoch {k + 1}", f"with epochs = {epochs} the reference runs {k} "
                         f"epochs; yours runs {len(S)}", "the count of epochs"
                         + (": one epoch too many" if len(S) == k + 1 else ""),
                         seen="runs more epochs than `epochs` allows" if ran else None)
    return _inside(probe, X, y, w0, epochs, starts, R, None, S, w_s)


def _short(counts: list[Any]) -> str:
    text = str([int(c) for c in counts])
    return text if len(text) < 60 else text[:56] + ", …]"


def _inside(probe: Probe, X: np.ndarray, y: np.ndarray, w0: np.ndarray, epochs: int,
            starts: list[np.ndarray], R: list[int], first: int | None,
            S: list[Any], w_s: np.ndarray, ended_right: bool = False) -> Departure | None:
    """The counts differ in epoch `first` (or only the final w does): find the sample there
    with probes (epoch-prefix runs of the student's function) and say what it does.
    `ended_right`: the run's final w is the rule's (the counts it reports are what differs;
    heldout22's history whose every entry is one dict refilled each epoch)."""
    fallback = (Departure(f"epoch {first + 1}", f"your run ends at the rule's final w, but you "
                          f"report {S[first]} updates in epoch {first + 1}, the reference made "
                          f"{R[first]}", "the count: changes holds how many updates each "
                          "epoch made", seen="ends at the rule's final w but reports other "
                          "counts of updates per epoch")
                if first is not None and ended_right else
                Departure(f"epoch {first + 1}", f"you report {S[first]} updates in epoch "
                          f"{first + 1}, the reference made {R[first]}",
                          "the update or the order of the samples in that epoch",
                          seen="reports another number of updates than the rule in an epoch")
                if first is not None else
                Departure("the end of the run", f"your update counts agree with the "
                          f"reference's in every epoch ({R}) but the final w does not",
                          "the update (how w changes on a mistake) or the order of the samples "
                          "(which sample each update comes from)",
                          seen="ends at another w than the rule's although it makes as many "
                          "updates in every epoch"))

    def student(Xp: np.ndarray, yp: np.ndarray, w: np.ndarray, k: int) -> Any:
        return pair(probe("train_perceptron", Xp, yp, w, k))

    again = student(X, y, w0, epochs)
    if again is None:
        return fallback
    if list(again[1]) != S or not close(again[0], w_s):
        return Departure("epoch 1",
                         f"two runs on the same data give different results (updates per "
                         f"epoch {_short(S)} and {_short(list(again[1]))})",
                         RANDOM_WHAT, RANDOM_RUN)
    e = first
    if e is None:  # the first epoch whose final w differs (counts agree everywhere)
        lo, hi = 0, len(R)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            got = student(X, y, w0, mid)
            if got is None:
                return fallback
            lo, hi = (mid, hi) if close(got[0], starts[mid]) else (lo, mid)
        e = lo
    start, n = starts[e], len(y)

    def agrees(j: int) -> bool | None:
        got = student(X[:j], y[:j], start, 1)
        if got is None:
            return None
        w, updates = _sweep(X[:j], y[:j], start)
        return close(got[0], w) and list(got[1]) == [updates]

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
    again = next((r for r in repeats if not close(r[0], got[0])), got)
    if again is not got:
        return Departure(where, f"two runs on the same first {hi} samples from the same w give "
                         f"different weights ({fmt(got[0])} and {fmt(again[0])})",
                         RANDOM_WHAT, RANDOM_RUN)
    if hi <= ORDERS:
        for order in itertools.permutations(range(hi)):
            w, updates = _sweep(X[:hi], y[:hi], start, order)
            if order != tuple(range(hi)) and close(w, got[0]) and [updates] == list(got[1]):
                return Departure(where, f"on the first {hi} samples your epoch ends at w = "
                                 f"{fmt(got[0])}, which is the rule's sweep in the order "
                                 f"{', '.join(map(str, order))}",
                                 "the order of samples: the rule sweeps i = 0, 1, …, n−1 in "
                                 "order")
    before, counted = _sweep(X[:i], y[:i], start)
    s = float(y[i] * (before @ X[i]))
    delta = got[0] - before
    moved = not close(delta, np.zeros_like(delta))
    rule = y[i] * X[i]
    if s <= 0 and not moved:
        if hi >= 2:  # sample i is the last of the prefix: does the run visit a last sample?
            Xd, yd = np.vstack([X[:hi], X[i:hi]]), np.concatenate([y[:hi], y[i:hi]])
            twice = student(Xd, yd, start, 1)
            w_hi, updates_hi = _sweep(X[:hi], y[:hi], start)
            if twice is not None and close(twice[0], w_hi) and list(twice[1]) == [updates_hi]:
                return Departure(where, f"on the first {hi} samples your run does not update at "
                                 f"sample {i}, the last (y·(w·x) = {s:.4g}); with sample {i} "
                                 "given again after it, your run updates at sample "
                                 f"{i} as the rule does: the last sample of the data is never "
                                 "visited", "the samples an epoch visits: the sweep is i = 0, "
                                 "1, …, n−1 (range(n)); yours stops before the last",
                                 seen="never visits the last sample of the data")
        if list(got[1]) == [counted + 1]:  # its count says it updated: the update adds nothing
            return Departure(where, f"y·(w·x) = {s:.4g}; your run counts an update at sample "
                             f"{i}, as the rule does, but its w does not change there",
                             "the update: w ← w + y·x (yours adds nothing at this sample)",
                             seen="counts an update where the rule updates but leaves w as it "
                             "was (its update adds nothing there)")
        return Departure(where, f"y·(w·x) = {s:.4g}" + (" (the point is on the boundary)"
                                                       if s == 0 else "")
                         + "; the reference updates w there, your run does not",
                         "the update condition: update whenever y·(w·x) <= 0",
                         seen="leaves w alone at a sample where y·(w·x) is not positive, "
                         "which the rule updates on")
    if s > 0 and moved:
        return Departure(where, f"y·(w·x) = {s:.4g} > 0, so the reference leaves w alone; "
                         f"your run changes it by {fmt(delta)}",
                         "the update condition: update only when y·(w·x) <= 0",
                         seen="updates w at a sample where y·(w·x) is positive, which the rule "
                         "leaves alone")
    if close(delta, rule):  # w moves as the rule does: the difference is not the update
        if first is None:
            return None
        return Departure(f"epoch {first + 1}", f"your w moves as the rule's does, but you "
                         f"report {S[first]} updates in epoch {first + 1}, the reference made "
                         f"{R[first]}", "the count: changes counts the updates made during "
                         "each epoch", seen="moves w as the rule does but reports other counts "
                         "of updates per epoch")
    c = factor(delta, rule)
    change = f"{c:.4g}·y·x" if c is not None else fmt(delta)
    return Departure(where, f"the rule adds y·x = {fmt(rule)} to w; your run adds {change}",
                     "the update: w ← w + y·x",
                     seen="adds a multiple of y·x to w at an update" if c is not None else None)
