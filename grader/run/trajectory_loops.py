"""The lecture's training loops written out step by step, and where a student's run departs.

grader.run.trajectory calls `perceptron` and `sgd` with a reference function, the bound
arguments of one recorded call, the value the student's sandboxed call returned and a probe
(more calls of the student's function through the proxy, on derived inputs). Each loop below is
checked against the reference function's own result first: if they disagree, nothing is said.
All code here is trusted; student values are only compared, never called.
This module holds what they share (the departure, the renderings, the names the runs prove);
the loops are grader.run.trajectory_perceptron and grader.run.trajectory_sgd.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

Probe = Callable[..., Any]
RANDOM_RUN = ("the run is not repeatable where the rule is deterministic: two runs on the same "
              "data differ (the samples are visited in a random order, or state is kept from "
              "an earlier call)")
"""The name of a trajectory that two runs of the student's own function on the same data do
not repeat: positive evidence, so no deterministic (correct) solution can get it. Two causes
give it alike (heldout15's history list shared by every call was said to be "visited in a
random order"), so both are said."""
RANDOM_WHAT = ("the order of samples (your epochs visit them in a random order) or state kept "
               "from an earlier call; the rule sweeps i = 0, 1, …, n−1 afresh on every call")
"""What differs where RANDOM_RUN is found (Departure.what)."""


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
    possible: tuple[str, ...] = ()
    """Mistake names the run fits equally (each exact on these values): none is given."""
    seen: str | None = None
    """What the student's run does where it leaves the reference's, as a fact the probes or the
    values showed (fixed wording, no value, index or digit: a hidden test's page shows it),
    e.g. "updates w at a sample where y·(w·x) is positive, which the rule leaves alone"; None
    where the departure is an inference (another order that happens to fit). The runner names
    a test with it when nothing else did (`label`)."""

    def sentence(self, function: str) -> str:
        return (f"Trajectory of {function}(): your run leaves the reference's at {self.where}: "
                f"{self.detail}. What differs: {self.what}.")

    def label(self, function: str) -> str | None:
        """The test's mistake name from `seen`: where the run leaves the rule's, not why."""
        return None if self.seen is None else \
            f"{function}() leaves the rule's run where it {self.seen}"

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


def close(a: Any, b: Any) -> bool:
    try:
        a_, b_ = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
        return a_.shape == b_.shape and bool(np.allclose(a_, b_, rtol=1e-9, atol=1e-12))
    except (ValueError, TypeError):
        return False


def pair(value: Any) -> tuple[np.ndarray, list[Any]] | None:
    if not isinstance(value, tuple | list) or len(value) != 2:
        return None
    second = value[1]
    if isinstance(second, np.ndarray):
        second = list(second)
    if not isinstance(second, list | tuple):
        return None
    return np.asarray(value[0], dtype=np.float64), list(second)
