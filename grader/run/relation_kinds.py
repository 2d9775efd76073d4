"""The relations grader.run.relations tries between a student's values and the expected ones
(split from it to keep modules short): each kind is a `Check` on one call's leaf, yielded by
`candidates` with the sentence part, the short name and the usual cause it is worded with, most
specific first; the guards that keep a relation from explaining noise or nothing are here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from grader.checks.compare import Mode
from grader.run.outcomes import same

Array = np.ndarray
EPS32 = float(np.finfo(np.float32).eps)
FRACTIONS = tuple(Fraction(p, q) for q in (1, 2, 3, 4) for p in range(-4, 5)
                  if p and Fraction(p, q) not in (1, -1) and Fraction(p, q).denominator == q)
"""The constant factors a value may be off by (2, 1/2, 3, 2/3, −2, …; ±1 are not factors)."""
OFFSETS = (1.0, -1.0, 2.0, -2.0, 0.5, -0.5)
IMPLIED = {"is all zeros": ("has its negative values clipped to 0", "is cast to an integer",
                            "gives the same value on every call"),
           "is in reverse order": ("has its entries in the wrong order",),
           "is moved by one position": ("has its entries in the wrong order",),
           "is sorted": ("has its entries in the wrong order", "is in reverse order"),
           "is cast to an integer": ("is rounded up to an integer",),  # the same below 0
           "is transposed": ("is reduced over the wrong axis", "has its entries in the wrong order",
                             "has the right values in the wrong shape"),
           "has a reshape and a transpose mixed up": ("has its entries in the wrong order",),
           "is not reduced over one axis": ("is reduced over the wrong axis",),
           "has the right values in the wrong shape": ("is reduced over the wrong axis",)}
"""A relation that implies the next one found (a reversed order is another order): not two
explanations."""


@dataclass(frozen=True)
class Pair:
    """One call's leaf: the student's value and the expected one (numeric arrays), and the
    sizes the call's arguments give (name -> number)."""

    got: Array
    exp: Array
    sizes: Mapping[str, int]


Check = Callable[[Array, Array, Mapping[str, int]], bool]


def candidates(pairs: list[Pair], mode: Mode) -> Iterator[tuple[str, str, str, Check]]:
    """The relations worth trying on these pairs, most specific first, each as (sentence
    part, short name, cause, check)."""
    values = np.concatenate([p.exp.astype(np.float64).ravel() for p in pairs])
    if values.size == 0 or not np.isfinite(values).all():
        return
    kinds = {p.exp.dtype.kind for p in pairs}
    distinct = np.unique(values)
    integral = bool(np.all(values == np.round(values)))
    two_valued = integral and distinct.size <= 2 and (
        set(distinct.tolist()) <= {0.0, 1.0} or set(distinct.tolist()) <= {-1.0, 1.0})
    varied = distinct.size >= 2 and values.size >= 4  # enough to tell a relation by
    # few integers: any wrong count is some factor or offset of the right one (2 × 1 = 1 + 1),
    # and random indices are one off by chance (heldout5 rng_not_seeded: an unseeded batch
    # [2, 0, 1] of a permutation of 4 against [3, 1, 2]); exact floats are no coincidence
    few = integral and values.size < 8
    shaped = all(p.got.shape == p.exp.shape or (p.got.size == 1 and p.exp.size == 1)
                 for p in pairs)

    def close(got: Array, wanted: Array) -> bool:
        return same(got, wanted, mode)

    if shaped:
        if kinds <= {"f"} and not two_valued and np.count_nonzero(values) >= 2:
            yield ("is 0 in every entry (the expected values are not all 0)", "is all zeros",
                   "nothing reaches the result: it is written into a copy (flatten() and "
                   "np.array() copy, reshape(-1) does not), never filled in, or built from a "
                   "term that is 0 or from two that cancel",
                   lambda g, e, s: not np.any(g) and bool(np.any(e)))
        if kinds <= {"f"}:
            yield ("is equal to the expected one only to float32 precision (about 7 digits)",
                   "is computed in single precision",
                   "the computation runs in single precision (float32: torch's default dtype, "
                   "np.float32, astype(np.float32)): compute in float64", _float32(mode))
        if not two_valued or varied:
            yield ("is exactly −1 × the expected one", "has the wrong sign",
                   "a sign is flipped: check the direction of an update or the order of a "
                   "subtraction", lambda g, e, s: close(g, -e.astype(np.float64)))
        labels = two_valued and distinct.size == 2 and not kinds & {"f"}  # ints: floats
        # that are 0/1 are saturated values (a sigmoid written odd gives −1 at −∞, heldout18)
        if labels and set(distinct.tolist()) == {0.0, 1.0}:
            yield ("is −1 wherever the expected value is 0 (and 1 where it is 1)",
                   "gives minus one where zero is expected (the plus-or-minus-one labels where "
                   "zero/one outputs are meant)",
                   "the plus-or-minus-one convention (the perceptron's labels, ±1) where the "
                   "function returns 0 or 1: return 0 where it does not fire",
                   lambda g, e, s: close(g, 2.0 * e.astype(np.float64) - 1.0))
        if labels and set(distinct.tolist()) == {-1.0, 1.0}:
            yield ("is 0 wherever the expected value is −1 (and 1 where it is 1)",
                   "gives zero where minus one is expected (zero/one outputs where the "
                   "plus-or-minus-one labels are meant)",
                   "the zero/one convention where the function returns ±1 labels: "
                   "np.where(s > 0, 1, -1), not np.where(s > 0, 1, 0)",
                   lambda g, e, s: close(g, (e.astype(np.float64) + 1.0) / 2.0))
        if two_valued and varied and set(distinct.tolist()) <= {0.0, 1.0} and \
                not kinds & {"f"}:
            yield ("is exactly the opposite (1 − expected: NOT) of the expected one",
                   "is the complement of the expected value",
                   "a condition is inverted: check a comparison (< for >=), a mask (~) or the "
                   "0/1 convention", lambda g, e, s: close(g, 1 - e.astype(np.float64)))
        elif kinds <= {"f"} and values.min() >= 0 and values.max() <= 1 and \
                (varied or not integral):
            yield ("is exactly 1 − the expected one", "is one minus the expected value",
                   "the complementary probability is computed: e.g. σ(−z) for σ(z), or "
                   "the probability of the other class",
                   lambda g, e, s: close(g, 1 - e.astype(np.float64)))
        if not two_valued and values.min() < 0 < values.max():
            yield ("is the expected one with its negative entries set to 0",
                   "has its negative values clipped to 0",
                   "a max(0, …), np.clip or np.maximum(…, 0) where negative values are allowed",
                   _clipped(mode))
        if not two_valued:
            if few and distinct.size >= 2 and not any(p.exp.size > 1 for p in pairs):
                # counts one off on calls with different right counts: a factor fits only
                # one of them, an offset of one every one (count_units always one too many)
                yield from _offsets(pairs, mode, integral, ones_only=True)
            if not few:
                yield from factors(pairs, mode)
                yield from _offsets(pairs, mode, integral)
                if not integral:
                    yield ("is the expected one with each row multiplied by a factor of its "
                           "own", "has each row off by a factor of its own",
                           "a per-row normalisation divides by another sum (e.g. a softmax "
                           "whose denominator is not computed from the same shifted values as "
                           "its numerator)", _row_scaled(mode))
            if not integral:
                if np.any((np.abs(values) >= 1) & (np.abs(values - np.round(values)) >
                                                    1e-6 * np.abs(values))):
                    # only where a cast leaves a nonzero integer: values in (−1, 1) all cast
                    # to 0, which any flat or step output reproduces (a tower whose two
                    # steps cancel, a sigmoid that is 0 at z = 0); and only where the value
                    # is materially fractional: a central difference's 2.0000000001 is 2 to
                    # the check's tolerance, cast or not (heldout18's last_entry_skipped: the
                    # one entry the cast moved was 0.99999999, to 0, the skipped entry's 0)
                    yield ("is the expected one cast to an integer (its fractional part "
                           "dropped)", "is cast to an integer",
                           "a value is converted with int(), astype(int) or // where a float "
                           "belongs", _truncated(mode))
                    yield ("is the expected one rounded up to an integer",
                           "is rounded up to an integer",
                           "math.ceil or np.ceil where the exact value is asked",
                           lambda g, e, s: close(g, np.ceil(e.astype(np.float64))))
                # fractional values: an exact logarithm is no coincidence on a few of them
                # (the submission's other calls confirm a thin one: relations._confirmed);
                # one number alone is left to the changes of the reference, which say which
                # variable it is (a chain's inner value returned: automatic._returned)
                several = values.size >= 2 and distinct.size >= 2
                if several and values.min() >= 0 and values.max() > 0:
                    yield ("is exactly the natural logarithm of the expected one",
                           "is the logarithm of the expected value",
                           "a log too many: log-probabilities (log_softmax, np.log) where the "
                           "probabilities are asked", _logarithm(mode))
                if several and np.abs(values).max() < 700:
                    yield ("is exactly e to the power of the expected one",
                           "is the exponential of the expected value",
                           "an exp too many: probabilities (or exp of the scores) where their "
                           "log is asked", lambda g, e, s: close(g, np.exp(e.astype(np.float64))))
        yield from _constant(pairs, distinct.size)
    yield from _arrangements(pairs, mode, integral, two_valued)


ONE_VALUE = "gives the same value on every call"
ONE_VALUE_CAUSE = "the result does not depend on the inputs the test varies"
"""The constant relation's short name and cause (a claim about one test's calls only)."""


def says_one_value(label: str | None) -> bool:
    """Whether a recorded mistake label is the constant relation's (an observation of the
    values, not a cause)."""
    return (label or "").endswith(f"{ONE_VALUE} ({ONE_VALUE_CAUSE})")


def _constant(pairs: list[Pair], distinct: int) -> Iterator[tuple[str, str, str, Check]]:
    """One number on every call (three or more) where the expected numbers vary. Only for a
    function that gives one number per call (mp_neuron's 0/1): an array of one value (a mask
    never set, a flat curve) is more often the symptom of a mistake elsewhere (its helper)."""
    if len(pairs) < 3 or any(p.got.size != 1 or p.exp.size != 1 for p in pairs):
        return
    mine = np.concatenate([p.got.astype(np.float64).ravel() for p in pairs])
    if distinct < 2 or not np.isfinite(mine).all() or np.ptp(mine) != 0:
        return
    value = mine[0]
    shown = f"{int(value)}" if value == int(value) else f"{value:.4g}"
    yield (f"gives the same value ({shown}) on every call of this test, where the expected "
           "values differ", ONE_VALUE,
           f"{ONE_VALUE_CAUSE}: a sum over an empty selection, a condition that always (or "
           "never) holds, or an input overwritten",
           lambda g, e, s: bool(np.all(g.astype(np.float64) == value)))


def _logarithm(mode: Mode) -> Check:
    """got = log(expected); where the expected value underflowed to 0 (a softmax of far apart
    scores), a log below that of the smallest float."""
    floor = float(np.log(np.finfo(np.float64).tiny))

    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.shape != e.shape:
            return False
        e64, g64 = e.astype(np.float64), g.astype(np.float64)
        zero = e64 == 0
        with np.errstate(divide="ignore"):
            logs = np.log(np.where(zero, 1.0, e64))
        return bool(np.all(g64[zero] < floor)) and same(g64[~zero], logs[~zero], mode)
    return check


def _float32(mode: Mode) -> Check:
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        e64, g64 = e.astype(np.float64), g.astype(np.float64)
        if g.dtype != np.float32 and not np.array_equal(g64.astype(np.float32), g64):
            return False  # not float32 values
        with np.errstate(all="ignore"):
            dev = np.abs(g64 - e64)
            return bool(np.all(dev <= np.maximum(4 * EPS32 * np.abs(e64), mode.atol)))
    return check


ONE_FACTOR = 1e-3
"""Row factors that agree to this (relative) are one factor, not a factor per row."""


def _row_scaled(mode: Mode) -> Check:
    """got = c_i × expected in row i, the c_i not all equal (one factor for every row is
    `factors`' relation); a call where the student is right (every c_i = 1) fits too. Not on
    an expected matrix of rank 1 (an outer product u vᵀ: every u' vᵀ is one, whatever u')."""
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.shape != e.shape or g.ndim != 2 or min(g.shape) < 2:
            return False
        e64, g64 = e.astype(np.float64), g.astype(np.float64)
        if np.linalg.matrix_rank(e64) < 2 and not same(g64, e64, mode):
            return False  # rows all multiples of one row (an outer product): any such fits
        rows = np.arange(e64.shape[0])
        pivot = np.argmax(np.abs(e64), axis=1)
        base = e64[rows, pivot]
        if np.any(base == 0):
            return False
        with np.errstate(all="ignore"):
            c = g64[rows, pivot] / base
        if not np.all(np.isfinite(c)) or np.any(c == 0):
            return False  # a row of zeros is not scaled: it was never filled (heldout22)
        if np.allclose(c, c[0], rtol=ONE_FACTOR, atol=0.0) and not np.isclose(c[0], 1.0):
            return False  # one factor for every row, blurred by float noise (a difference
            # quotient with a step of h² is h times the gradient to a few digits: heldout27)
        return same(g64, c[:, None] * e64, mode)
    return check


def _truncated(mode: Mode) -> Check:
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        e64 = e.astype(np.float64)
        return any(same(g, f(e64), mode) for f in (np.trunc, np.floor, np.round))
    return check


def factors(pairs: list[Pair], mode: Mode) -> Iterator[tuple[str, str, str, Check]]:
    """× a simple fraction, and × N or × 1/N for a size N read from the arguments. The short
    names (the recorded label) have no digits: a hidden test's page shows the label, and no
    number of its message may appear there (tests/grader/test_hidden_trajectory.py)."""
    for c in FRACTIONS:
        text = str(c).replace("-", "−")
        cause = {2: "an extra factor of two (e.g. the derivative of ½x² written 2x, or a term "
                    "added twice)",
                 Fraction(1, 2): "a factor of two is missing (e.g. the 2 of 2h in a central "
                                 "difference, or of the derivative of x²)"}.get(
            c, "a constant factor is wrong or missing")
        yield (f"is exactly {text} × the expected one",
               f"is the expected value times {spoken(c)}", cause, _scaled(float(c), "", mode))
    names = set.intersection(*(set(p.sizes) for p in pairs)) if pairs else set()
    by_values: dict[tuple[int, ...], list[str]] = {}
    for name in sorted(names):  # sizes equal on every call are one N (X.shape[0] = len(y))
        by_values.setdefault(tuple(p.sizes[name] for p in pairs), []).append(name)
    for group in by_values.values():
        size = " = ".join(group)
        said = " = ".join(size_words(g) for g in group)
        yield (f"is exactly N × the expected one (N = {size})",
               f"is the expected value times N ({said})",
               "a sum where a mean is asked (the 1/N is missing)",
               _scaled(1.0, group[0], mode))
        yield (f"is exactly 1/N × the expected one (N = {size})",
               f"is the expected value divided by N ({said})",
               "a mean where a sum is asked, or divided by N once too often",
               _scaled(-1.0, group[0], mode))


WORDS = {1: "one", 2: "two", 3: "three", 4: "four"}
PARTS = {2: "half", 3: "third", 4: "quarter"}
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def spoken(c: Fraction | float) -> str:
    """A factor or an offset of FRACTIONS / OFFSETS in words: two, one half, minus three
    quarters."""
    c = Fraction(c)
    sign = "minus " if c < 0 else ""
    p, q = abs(c.numerator), c.denominator
    if q == 1:
        return f"{sign}{WORDS[p]}"
    part = PARTS[q] if p == 1 else "halves" if q == 2 else f"{PARTS[q]}s"
    return f"{sign}{WORDS[p]} {part}"


def size_words(name: str) -> str:
    """X.shape[0] -> the number of rows of X; len(y) -> the length of y; n -> n."""
    if name.startswith("len(") and name.endswith(")"):
        return f"the length of {name[4:-1]}"
    if ".shape[" in name:
        arg, axis = name[:-1].split(".shape[")
        k = int(axis)
        return (f"the number of rows of {arg}" if k == 0 else f"the number of columns of {arg}"
                if k == 1 else f"the size of the {ORDINALS[min(k, 5)]} axis of {arg}")
    return name


def _scaled(c: float, size: str, mode: Mode) -> Check:
    """got = c × expected; with `size`: × the call's size N (c = 1) or × 1/N (c = −1)."""
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        factor = c if not size else s[size] if c > 0 else 1 / s[size]
        return same(g, factor * e.astype(np.float64), mode)
    return check


def _shifted(k: float, mode: Mode) -> Check:
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        return same(g, e.astype(np.float64) + k, mode)
    return check


def _offsets(pairs: list[Pair], mode: Mode, integral: bool,
             ones_only: bool = False) -> Iterator[tuple[str, str, str, Check]]:
    """+ a constant: ±1 always, ±2 and ±½ only with more than one value to confirm it (and
    never with `ones_only`)."""
    entries = sum(p.exp.size for p in pairs)
    for k in OFFSETS:
        if abs(k) != 1 and (entries < 2 or ones_only):
            continue
        text = f"{abs(k):g}".replace("0.5", "½")
        more = "more" if k > 0 else "less"
        cause = ("a count or an index is off by one (a range that starts or ends one off, "
                 "a term counted once too often or missed)") if integral else \
            "a constant term is added or missed (e.g. a +1 counted for every sample)"
        yield (f"is exactly {text} {more} than the expected one",
               f"is {spoken(abs(k))} {more} than the expected value", cause,
               _shifted(k, mode))


def _arrangements(pairs: list[Pair], mode: Mode, integral: bool,
                  two_valued: bool) -> Iterator[tuple[str, str, str, Check]]:
    """The same values in another shape or order, or reduced over another axis."""
    def reshaped(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        # a number as a one-entry array too; a call of the right shape and values fits as well
        # (a flatten shows only on calls whose x has two or more axes)
        return g.size == e.size and g.size >= 1 and same(g.reshape(e.shape), e, mode)

    def transposed(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.ndim != 2 or e.ndim != 2 or g.shape != e.shape[::-1] or g.size < 2:
            return False
        symmetric = e.shape[0] == e.shape[1] and same(e, e.T, mode)  # its transpose is itself
        return not symmetric and same(g.T, e, mode)

    yield ("is the transpose of the expected one", "is transposed",
           "rows and columns swapped: an outer or matrix product with its arguments in the "
           "other order, or a .T too many or too few", transposed)
    yield ("has the right values in another shape", "has the right values in the wrong shape",
           "a reshape, a flatten or a missing keepdims: (n,) and (n, 1) are different shapes",
           reshaped)
    def sorted_(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.shape != e.shape or g.ndim == 0:
            return same(g, e, mode)
        return same(g, np.sort(e, axis=-1), mode)

    if any(p.exp.ndim and p.exp.shape[-1] >= SORTED and p.got.shape == p.exp.shape and
           np.unique(p.exp).size >= SORTED and
           not same(p.exp, np.sort(p.exp, axis=-1), mode) for p in pairs):
        # even for integers: SORTED or more distinct values in increasing order by chance are
        # rare (0/1 outputs are sorted by chance often: heldout9 returns_first_unit_column)
        yield ("is the expected one sorted", "is sorted",
               "the values are sorted (np.sort, sorted(), a set) where their order matters",
               sorted_)

    def one_fewer(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        """The expected array without its first or without its last entry along one axis (a
        difference without its leading 0, a range one short); only where those two differ
        (entries all alike are any part of themselves)."""
        if g.ndim != e.ndim or g.ndim == 0:
            return False
        axes = [a for a in range(g.ndim) if g.shape[a] != e.shape[a]]
        if len(axes) != 1 or e.shape[axes[0]] - g.shape[axes[0]] != 1 or e.shape[axes[0]] < 3:
            return False
        e64 = np.moveaxis(e.astype(np.float64), axes[0], 0)
        g64 = np.moveaxis(g.astype(np.float64), axes[0], 0)
        if same(e64[1:], e64[:-1], mode):
            return False
        return same(g64, e64[1:], mode) or same(g64, e64[:-1], mode)

    def mixed(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        """The values read in the other order of a non-square table: a reshape where a
        transpose is meant (e.T.reshape(e.shape)) or the reverse (e.reshape(reversed).T)."""
        if g.shape != e.shape or g.ndim < 2 or e.shape == e.shape[::-1]:
            return same(g, e, mode) if g.shape == e.shape else False
        flat = e.astype(np.float64)
        views = (flat.T.reshape(e.shape), flat.reshape(e.shape[::-1]).T)
        return any(np.count_nonzero(~np.isclose(v, flat)) >= MIXED and same(g, v, mode)
                   for v in views)

    if any(p.exp.ndim >= 2 and p.exp.shape != p.exp.shape[::-1] for p in pairs):
        yield ("has the right values read in the wrong order: a reshape where a transpose is "
               "meant, or a transpose where a reshape is meant",
               "has a reshape and a transpose mixed up",
               "reshape keeps the flat (row by row) order of the entries and .T swaps the axes: "
               "(d, n) → (n, d) is a transpose, not reshape(n, d) (and a flat list of values "
               "in x's order goes back with reshape(x.shape), not reshape(reversed).T)", mixed)
    if not two_valued and any(p.exp.ndim and p.got.ndim == p.exp.ndim and
                              p.got.shape != p.exp.shape for p in pairs):
        # integers too: n − 1 entries that are exactly n of the right ones, in order, and not
        # all alike, do not agree by chance — unless they are 0/1 or ±1 (labels of d features
        # where n samples are meant fit n − 1 of them often: heldout11 predict_iterates_columns)
        yield ("is the expected one with one entry too few (its first or its last entry "
               "along one axis is missing)", "has one entry too few",
               "an off-by-one at an end: np.diff without a leading 0 (prepend=0), a range or a "
               "slice that starts or stops one too early, or the first or last step never "
               "recorded", one_fewer)
    if integral:
        return  # the order or the total of a few integers can agree by chance

    def reversed_(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        return g.shape == e.shape and any(
            g.shape[a] > 1 and same(g, np.flip(e, a), mode) for a in range(g.ndim))

    yield ("is the expected one in reverse order (along one axis)", "is in reverse order",
           "the values are produced or read back to front ([::-1], a loop counting down)",
           reversed_)

    def shifted_(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        """Entry i holds the expected entry i + 1 (or i − 1) along one axis or in the flat
        order; the entry left over is not looked at (0, a wrap-around, the old value)."""
        if g.shape != e.shape or g.size < 3:
            return same(g, e, mode) if g.shape == e.shape else False
        g64, e64 = g.astype(np.float64), e.astype(np.float64)
        views = [(np.moveaxis(g64, a, 0), np.moveaxis(e64, a, 0)) for a in range(g.ndim)
                 if g.shape[a] >= 3] + ([(g64.ravel(), e64.ravel())] if g.ndim > 1 else [])
        return any(same(a[:-1], b[1:], mode) or same(a[1:], b[:-1], mode) for a, b in views)

    yield ("is the expected one moved by one position (entry i holds the expected entry i + 1 "
           "or i − 1)", "is moved by one position",
           "an index one off: a 1-based count, a basis vector or a slice one position too far, "
           "a loop variable used one step late", shifted_)

    def rows(a: Array) -> Array:
        return a[np.lexsort(a.reshape(len(a), -1).T[::-1])] if a.ndim > 1 else np.sort(a)

    def permuted(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.shape != e.shape or g.ndim == 0:
            return False
        g64, e64 = g.astype(np.float64), e.astype(np.float64)
        turns = [(g64, e64)] + ([(g64.T, e64.T)] if g.ndim == 2 else [])  # rows, columns
        return any(a.shape[0] > 1 and same(rows(a), rows(b), mode) for a, b in turns)

    yield ("has the right values (rows or columns) in another order",
           "has its entries in the wrong order",
           "the order of the rows or entries is lost (a shuffle, a sort, a set, or an index "
           "that runs in another order)", permuted)

    def unreduced(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.ndim != e.ndim + 1 or g.size <= e.size:
            return False
        g64 = g.astype(np.float64)
        return any(f(g64, axis=a).shape == e.shape and same(f(g64, axis=a), e, mode)
                   for a in range(g.ndim) for f in (np.sum, np.mean)) and _not_zero(e)

    yield ("is an array that, summed (or averaged) over one of its axes, gives the expected one",
           "is not reduced over one axis",
           "the final sum or mean over an axis is missing (or keepdims-less broadcasting "
           "kept it)", unreduced)

    def other_axis(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        if g.shape == e.shape or g.size < 2 or e.size < 2:
            return False
        e64 = e.astype(np.float64)
        if np.ptp(e64) == 0 or abs(e64.sum()) <= 1e-6 * np.abs(e64).sum():
            return False  # a constant value or a total near 0 (rows of a softmax gradient)
        return any(same(np.asarray(f(g.astype(np.float64))), np.asarray(f(e64)), mode)
                   for f in (np.sum, np.mean))

    yield ("is of another shape but has the same total (or mean) as the expected one",
           "is reduced over the wrong axis",
           "a sum or mean over the wrong axis (axis=0 where axis=1 is meant, or the "
           "reverse)", other_axis)


SORTED = 4
"""Distinct values (at least) along the last axis for "is sorted" to be evidence."""
MIXED = 4
"""Entries (at least) a reshape-for-transpose must move for "mixed up" to be evidence (0/1
tables of a few rows move few entries, and few moved entries fit by chance)."""

MOVED = frozenset({"is transposed", "is in reverse order", "has its entries in the wrong order",
                   "is moved by one position", "has a reshape and a transpose mixed up",
                   "is cast to an integer", "is rounded up to an integer"})
"""Relations that move entries rather than compute them — a moved entry comes with its partner
(reversing a row of two swaps them) — or that fit a wrong entry by chance often (an integer
near the expected value is its cast or ceiling: a momentum step that returned its whole-number
w "cast" 0.93 to 1): each shows half as many wrong entries as evidence (grader.run.relations: a
relation shown by few must hold on the submission's other calls)."""


def _clipped(mode: Mode) -> Check:
    """got = max(expected, 0) (a call whose expected values are all >= 0 fits as is)."""
    def check(g: Array, e: Array, s: Mapping[str, int]) -> bool:
        return g.shape == e.shape and same(g, np.maximum(e.astype(np.float64), 0.0), mode)
    return check


def _not_zero(e: Array) -> bool:
    return bool(np.any(e != 0))
