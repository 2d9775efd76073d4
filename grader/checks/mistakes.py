"""The typical mistakes of the course, by name, and builders for the wrong values they produce.

A check (`grader.checks.close`, `equal`, `gradient`, ...) takes `mistakes=`: a mapping from a
mistake's name to the value that mistake would produce (or to a predicate `got -> bool`). When a
student's value is wrong but matches one of them, the feedback ends with "Looks like <name>."
and `CheckFailure.mistake` is the name, so reports can count mistakes across a class.

The names below are the course's vocabulary: use the constants, never retyped strings, so that
assignments, feedback and class summaries all use the same wording. Each name completes the
sentence "Looks like ..." (so it starts in lower case). The general ones come first, then those
special to one assignment, grouped by assignment.

    from grader import checks, mistakes as m
    checks.close(got, dW, name="dW", mistakes=m.merge(m.transposed(dW), m.reg_factor(dW, W, reg)))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

TRANSPOSED = "the result is transposed"
"""A matrix came out transposed: e.g. `dS.T @ X` instead of `X.T @ dS`."""
SIGN = "the sign is flipped"
"""The result is the negative of the right one: e.g. w + lr·g for descent, or −(y − ŷ)."""
MISSING_MEAN = "the 1/N averaging is missing"
"""A sum over the N examples was not divided by N (the value is N times too large)."""
EXTRA_MEAN = "the result is divided by N once too often"
"""An average was divided by N again (the value is N times too small)."""
DOUBLED = "the result is twice as large as it should be"
"""An extra factor 2: e.g. d/dx of ½x² written as 2x, or a term added twice."""
HALVED = "the result is half as large as it should be"
"""A factor 2 is missing: e.g. d/dx of x² written as x."""
REG_FACTOR = "2·reg·W is missing its factor 2"
"""The gradient of reg·ΣW² was written reg·W instead of 2·reg·W."""
MISSING_REG = "the regularisation term is missing"
"""reg·ΣW² (or its gradient 2·reg·W) was left out."""
SIGMA_PRIME = "σ was used where σ′ = σ(1−σ) is needed"
"""Backprop through a sigmoid multiplied by σ(s) instead of its derivative σ(s)(1−σ(s))."""
NO_MAX_SHIFT = "softmax does not subtract the row max (overflow)"
"""exp of large logits overflows to inf and inf/inf gives nan; subtract each row's max first."""
LABELS_01 = "labels {0,1} were used with the ±1 rule"
"""The perceptron rule w ← w + y·x assumes y in {−1, +1}; with y = 0 a mistake never updates."""
PREDICT_01 = "predictions are 0/1 instead of −1/+1"
"""A classifier returned {0, 1} where the course's convention is {−1, +1}."""
STRICT_INEQUALITY = "`<` was used instead of `<=`"
"""A boundary case went the wrong way: e.g. the perceptron updates when y·(w·x) <= 0."""
STRICT_GREATER = "`>` was used instead of `>=`"
"""A boundary case went the wrong way: e.g. a threshold unit fires when W·z + b >= 0."""
NO_RESHUFFLE = "the data is not reshuffled every epoch"
"""rng.permutation(n) was drawn once before the loop instead of once per epoch."""
INPUT_MUTATED = "an input array was modified in place"
"""An argument was changed by the call (w += ..., X[:, -1] = 1): work on a copy instead."""
GLOBAL_RNG = "the global RNG was used instead of the given seed"
"""np.random.* (global state) was used instead of np.random.default_rng(seed)."""
BIT_ORDER = "x1 was taken as the least significant bit"
"""Truth-table row r holds f at the bits of r with x1 the MOST significant bit."""

# ---- mistakes special to one assignment (named by its hidden and visible tests)

# mp_neuron
NOT_A_VETO = "the inhibitory input is not an absolute veto (it was subtracted)"
INHIBITORY_COUNTED = "inhibitory inputs were counted as excitatory (no veto)"
NOT_BINARY = "inputs other than 0/1 were accepted"
LENGTHS_UNCHECKED = "the lengths of x and inhibitory were not compared"
THETA_HIGH = "theta is one too high"
THETA_LOW = "theta is one too low"
MASK_INVERTED = "the inhibitory mask is inverted"

# perceptron
BIAS_FIRST = "the bias column was put first instead of last"
NO_EARLY_STOP = "training did not stop after the first epoch with 0 updates"
PREDICT_GE = "`>=` was used instead of `>` in predict (a point on the boundary is −1)"
GAMMA_NOT_NORMALISED = "γ was not divided by ‖w*‖"
NON_SEPARATING = "a w* that does not separate the data (γ <= 0) was accepted"
SHAPES_UNCHECKED = ("mismatched shapes of X, y and w were accepted without a ValueError "
                    "(compare len(y) with the rows of X and len(w) with its columns)")
"""What the test saw, not a cause: a student who compares the shapes of a changed X (a bias
column added twice) is told so too (held-out batch 7)."""
THIRD_FEATURE_SUM = "the third feature is x_u + x_v instead of x_u·x_v"

# boolean_networks
NO_NEGATION = "f has more ones than zeros but its negation was not used"
NEGATED_FEW_ONES = ("f was built from its zeros (negated) although it has fewer ones than "
                    "zeros: the choice between f and NOT f goes the wrong way for this table")
NOT_PARITY = "the network computes NOT parity"
SHALLOW_AS_DEEP = "the shallow construction was used (2ⁿ⁻¹ + 1 units)"
OUTPUT_NOT_COUNTED = "the output layer was not counted"
LAYERS_COUNTED = "layers were counted instead of units"
INPUTS_COUNTED = "the inputs were counted as units"

# towers
SIGMOID_OVERFLOW = "σ overflows for large |z| (np.exp of a large argument)"
SIGMA_MINUS = "σ(−z) was computed instead of σ(z)"
TOWER_SIGN = "the tower has the wrong sign (a and b swapped)"
NO_W_INSIDE = "w multiplies x only (σ(w·x − a) instead of σ(w·(x − a)))"
BOX_ORDER = "box was read as (a1, a2, b1, b2) instead of (a1, b1, a2, b2)"
NO_OUTER = "the outer sigmoid is missing (h·(Tx + Ty − 1.5))"
BIN_WIDTH = "the bin width is (hi − lo)/(k − 1) instead of (hi − lo)/k"
HALF_SHIFT = "the towers are centred on the bin edges instead of the bins"

# gradient_descent
FORWARD_DIFFERENCES = "forward differences (f(x + h) − f(x))/h were used instead of central ones"
NO_HALF = "the 2 in (f(x + h) − f(x − h))/(2h) is missing"
NOT_RESTORED = f"x was perturbed in place and not restored ({INPUT_MUTATED})"
NO_BATCH_SHUFFLE = "the batches are not shuffled (taken in index order)"
MOMENTUM_CONVENTION = (
    "the velocity convention v ← mu·v − lr·g, w ← w + v was used "
    "(the assignment's, torch's, is v ← mu·v + g, w ← w − lr·v)"
)
MOMENTUM_OLD_V = "w was updated with the old velocity (update v first)"
T_FROM_ZERO = "t was counted from 0 (the bias correction uses β^(t+1))"
EPS_IN_SQRT = "eps was put inside the square root (√(v̂ + eps))"
RETURNS_HAT = "the bias-corrected m̂, v̂ were returned instead of the new m, v"

# backprop
HINGE_TRUE_CLASS = "counting the j = y_i term in the hinge loss (adds 1 per sample)"
HINGE_NO_TRUE_COLUMN = ("dW misses the true-class column: each active margin must also "
                        "subtract x_i from column y_i")
SOFTMAX_NO_ONE_HOT = "dW uses P instead of P − Y (the one-hot labels are not subtracted)"
SIGMOID_OF_S = "σ′ computed as s(1 − s) from the pre-activation s instead of σ(s)(1 − σ(s))"
DB_AXIS = "db summed over the wrong axis (over units instead of samples)"
JAC_DIAG_ONLY = "softmax_jacobian is diag(p) only (the − p pᵀ term is missing)"
JAC_OUTER_SIGN = "softmax_jacobian is diag(p) + p pᵀ (p pᵀ sign error)"
JAC_OUTER_ONLY = "softmax_jacobian is − p pᵀ only (the diag(p) term is missing)"
DAG_NO_X0_X2 = "missing the direct x0→x2 path (only the paths through x1 summed)"
DAG_NO_X1_X2 = "missing the x1→x2 edge (path x0→x1→x2→x3 not summed)"
DAG_NO_X1_X3 = "missing the direct x1→x3 edge (path x0→x1→x3 not summed)"
DAG_ONLY_X0_X2 = "only the direct x0→x2 path summed"
CHAIN_INNER = "missing the inner derivative 2x of x²"
CHAIN_COS_X = "cos(x) instead of cos(x²)"
CHAIN_OUTER = "missing the outer factor e^{sin x²}"

STANDARD: tuple[str, ...] = (
    TRANSPOSED, SIGN, MISSING_MEAN, EXTRA_MEAN, DOUBLED, HALVED, REG_FACTOR, MISSING_REG,
    SIGMA_PRIME, NO_MAX_SHIFT, LABELS_01, PREDICT_01, STRICT_INEQUALITY, STRICT_GREATER,
    NO_RESHUFFLE, INPUT_MUTATED, GLOBAL_RNG, BIT_ORDER,
    # one assignment's
    NOT_A_VETO, INHIBITORY_COUNTED, NOT_BINARY, LENGTHS_UNCHECKED, THETA_HIGH, THETA_LOW,
    MASK_INVERTED,
    BIAS_FIRST, NO_EARLY_STOP, PREDICT_GE, GAMMA_NOT_NORMALISED, NON_SEPARATING,
    SHAPES_UNCHECKED, THIRD_FEATURE_SUM,
    NO_NEGATION, NEGATED_FEW_ONES, NOT_PARITY, SHALLOW_AS_DEEP, OUTPUT_NOT_COUNTED, LAYERS_COUNTED,
    INPUTS_COUNTED,
    SIGMOID_OVERFLOW, SIGMA_MINUS, TOWER_SIGN, NO_W_INSIDE, BOX_ORDER, NO_OUTER, BIN_WIDTH,
    HALF_SHIFT,
    FORWARD_DIFFERENCES, NO_HALF, NOT_RESTORED, NO_BATCH_SHUFFLE, MOMENTUM_CONVENTION,
    MOMENTUM_OLD_V, T_FROM_ZERO, EPS_IN_SQRT, RETURNS_HAT,
    HINGE_TRUE_CLASS, HINGE_NO_TRUE_COLUMN, SOFTMAX_NO_ONE_HOT, SIGMOID_OF_S, DB_AXIS,
    JAC_DIAG_ONLY, JAC_OUTER_SIGN, JAC_OUTER_ONLY, DAG_NO_X0_X2, DAG_NO_X1_X2, DAG_NO_X1_X3,
    DAG_ONLY_X0_X2, CHAIN_INNER, CHAIN_COS_X, CHAIN_OUTER,
)
"""Every named mistake (the general ones first, then each assignment's), for reports that
tabulate mistakes across a class."""

Mistakes = dict[str, Any]
"""{mistake name: the value that mistake produces, or a predicate got -> bool}."""


def _map_leaves(value: Any, fn: Callable[[np.ndarray], Any]) -> Any:
    """Apply fn to every numeric array or number inside nested tuples/lists/dicts."""
    if isinstance(value, Mapping):
        return {k: _map_leaves(v, fn) for k, v in value.items()}
    if isinstance(value, tuple | list):
        items = [_map_leaves(v, fn) for v in value]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, bool | np.bool_):
        return value
    if isinstance(value, int | float | complex | np.number):
        return fn(np.asarray(value))
    if isinstance(value, np.ndarray) and value.dtype.kind in "iufc":
        return fn(value)
    return value


def transposed(expected: Any) -> Mistakes:
    """Every matrix (ndim >= 2) in `expected` transposed."""
    return {TRANSPOSED: _map_leaves(expected, lambda a: a.T)}


def sign_flipped(expected: Any) -> Mistakes:
    """Every number in `expected` negated."""
    return {SIGN: _map_leaves(expected, lambda a: -a)}


def scaled(expected: Any, factor: float, name: str) -> Mistakes:
    """Every number in `expected` multiplied by `factor`, under the mistake name `name`."""
    return {name: _map_leaves(expected, lambda a: a * factor)}


def missing_mean(expected: Any, n: int) -> Mistakes:
    """The value without its 1/N: `expected * n`."""
    return scaled(expected, n, MISSING_MEAN)


def extra_mean(expected: Any, n: int) -> Mistakes:
    """The value divided by N once more: `expected / n`."""
    return scaled(expected, 1.0 / n, EXTRA_MEAN)


def doubled(expected: Any) -> Mistakes:
    """The value with an extra factor 2."""
    return scaled(expected, 2.0, DOUBLED)


def halved(expected: Any) -> Mistakes:
    """The value with a factor 2 missing."""
    return scaled(expected, 0.5, HALVED)


def reg_factor(expected_dW: np.ndarray, W: np.ndarray, reg: float) -> Mistakes:
    """dW with reg·W where 2·reg·W belongs: `expected_dW − reg·W`."""
    return {REG_FACTOR: np.asarray(expected_dW) - reg * np.asarray(W)}


def missing_reg(expected_dW: np.ndarray, W: np.ndarray, reg: float) -> Mistakes:
    """dW without the regulariser's gradient: `expected_dW − 2·reg·W`."""
    return {MISSING_REG: np.asarray(expected_dW) - 2.0 * reg * np.asarray(W)}


def predicted_01(expected: np.ndarray) -> Mistakes:
    """±1 predictions written as 0/1: −1 -> 0, +1 -> 1."""
    return {PREDICT_01: (np.asarray(expected) > 0).astype(np.int64)}


def bit_order(table: np.ndarray) -> Mistakes:
    """A truth table (length 2ⁿ) read with x1 as the least significant bit: row r moves to the
    row whose n-bit index is r's bits reversed."""
    values = np.asarray(table)
    n = int(values.shape[0]).bit_length() - 1
    if values.ndim != 1 or values.shape[0] != 1 << n:
        raise ValueError(f"bit_order needs a 1-D table of length 2**n, got shape {values.shape}")
    rows = np.arange(1 << n)
    flipped = np.zeros_like(rows)
    for bit in range(n):
        flipped |= ((rows >> bit) & 1) << (n - 1 - bit)
    return {BIT_ORDER: values[flipped]}


def when(name: str, predicate: Callable[[Any], bool]) -> Mistakes:
    """A mistake recognised by a predicate on the student's value instead of by a wrong value.
    A predicate that raises counts as "no match"."""
    return {name: predicate}


def non_finite(name: str = NO_MAX_SHIFT) -> Mistakes:
    """The value holds nan or inf (by default named as softmax without the max shift)."""

    def has_non_finite(got: Any) -> bool:
        arr = np.asarray(got)
        return arr.dtype.kind in "fc" and not bool(np.isfinite(arr).all())

    return when(name, has_non_finite)


def merge(*maps: Mapping[str, Any]) -> Mistakes:
    """Several mistake maps as one, in the given order (the first match wins)."""
    merged: Mistakes = {}
    for m in maps:
        merged.update(m)
    return merged
