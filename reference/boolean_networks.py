"""Threshold networks for boolean functions: shallow vs deep (assignment 3, `boolean_networks`).

A network is a list of layers [(W1, b1), (W2, b2), ...]. A threshold unit outputs 1 if
W·z + b >= 0, else 0 (equality fires). Layer k sees z = [network inputs, outputs of layers
1..k−1] concatenated in that order, so W_k has shape (units_k, n + units of all earlier layers);
the last layer has one unit, the network's output.

Truth tables list f on {0,1}ⁿ in binary counting order with x1 the MOST significant bit: entry r
is f at the bits of r.

Shallow (the lecture's "any boolean function with one hidden layer"): one hidden unit per input
pattern p where f(p) = 1 — the unit with weights 2p − 1 and bias −|p| fires only at x = p — and an
OR at the output. If f has more ones than zeros, build the units for the zeros of f instead and
put a NOR at the output: never more than 2ⁿ⁻¹ hidden units. Parity has exactly 2ⁿ⁻¹ ones, so
this construction needs all 2ⁿ⁻¹ of them. (Cleverer shallow networks exist — n units
[Σx >= k] with alternating output weights compute parity — which is why the hidden tests ask
for at most, not exactly, 2ⁿ⁻¹ units.)

Deep: XOR of two signals takes 3 units (OR and NAND, then AND); a tree of n − 1 XORs computes
parity with 3(n−1) units in 2⌈log₂ n⌉ layers. For n = 8: 128 hidden units shallow vs 21 deep
(`parity_unit_table`).
"""

from __future__ import annotations

import numpy as np

STUDENT_API: tuple[str, ...] = (
    "threshold_forward", "shallow_network", "deep_parity", "count_units",
)
PROVIDED: tuple[str, ...] = ()

# --------------------------------------------------------------------------- student API


def threshold_forward(layers, X):
    """Evaluate a threshold network on the rows of X.

    layers: [(W1, b1), ..., (WL, bL)], W_k (units_k, n + units of layers 1..k−1), b_k (units_k,).
    X: (m, n) array of 0/1 inputs.
    A unit outputs 1 if W·z + b >= 0, else 0, where layer k sees z = [x, outputs of layers
    1..k−1] (in that order). Returns the outputs of the last layer (which has one unit) as an
    int array of shape (m,) with values 0/1. X is not modified.
    """
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = np.zeros((z.shape[0], 0))
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(
                f"layer {k}: W {W.shape}, b {b.shape} do not fit z with {z.shape[1]} columns"
            )
        s = z @ W.T + b
        out = (s >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[1]}")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """A network with ONE hidden layer (two layers in all) computing the boolean function f.

    truth_table: 0/1 array of length 2ⁿ (n >= 1); entry r is f at the bits of r, x1 the most
    significant bit (for n = 2 the rows are x = 00, 01, 10, 11).
    Returns [(W1, b1), (W2, b2)] with W1 (h, n), b1 (h,), W2 (1, n + h), b2 (1,), where the
    number of hidden units h is at most max(1, 2ⁿ⁻¹) for every f. Hint: one unit can recognise
    one input pattern; build f, or its negation, from such units.
    """
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D with length 2ⁿ, n >= 1; got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    patterns = np.flatnonzero(table == (0 if negate else 1))
    bits = (patterns[:, None] >> np.arange(n - 1, -1, -1)) & 1  # x1 = most significant bit
    if len(bits) == 0:
        # f is constant: one hidden unit that ignores its inputs, an output with fixed value.
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0 if negate else -1.0])
        return [(W1, b1), (W2, b2)]
    # Unit p: Σ_{p_i=1} x_i − Σ_{p_i=0} x_i − |p| >= 0 only at x = p.
    W1 = (2 * bits - 1).astype(np.float64)
    b1 = -bits.sum(axis=1).astype(np.float64)
    h = len(bits)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, h), -1.0 if negate else 1.0)])
    b2 = np.array([0.0 if negate else -1.0])  # NOR of the units vs OR of the units
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """A deep threshold network for parity (XOR) of n >= 2 inputs with exactly 3(n−1) units.

    Parity is 1 iff an odd number of inputs is 1. Returns layers in the format of
    threshold_forward; the last layer has one unit. Hint: XOR of two signals needs 3 units.
    """
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers: list[tuple[np.ndarray, np.ndarray]] = []
    signals = list(range(n))  # columns of z that still have to be XORed together
    width = n  # columns of z so far
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        # Layer A: per pair (a, b) an OR unit (a + b − 1 >= 0) and a NAND unit (1 − a − b >= 0).
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        # Layer B: XOR = OR AND NAND (or + nand − 2 >= 0).
        W_b = np.zeros((len(pairs), width))
        b_b = np.full(len(pairs), -2.0)
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        layers.append((W_b, b_b))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of threshold units in all layers of a network (hidden and output), an int."""
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))


# --------------------------------------------------------------------------- lecture helpers


def all_inputs(n: int) -> np.ndarray:
    """All 2ⁿ points of {0,1}ⁿ, (2ⁿ, n) ints, row r = the bits of r with x1 the MOST significant."""
    r = np.arange(2**n)[:, None]
    return (r >> np.arange(n - 1, -1, -1)) & 1


def parity_table(n: int) -> np.ndarray:
    """The truth table of parity on n inputs, (2ⁿ,) ints."""
    return all_inputs(n).sum(axis=1) % 2


def parity_unit_table(ns: range | list[int] = range(2, 9)) -> list[tuple[int, int, int, int]]:
    """The lecture's comparison, counted on the networks built here (not from the formulas).

    One row per n: (n, shallow hidden units, shallow units with the output unit, deep units).
    The shallow parity network has 2ⁿ⁻¹ hidden units (+1 output unit); the deep one 3(n−1)
    units in all; n = 8 gives 128 vs 21.
    """
    rows = []
    for n in ns:
        shallow = shallow_network(parity_table(n))
        rows.append(
            (n, count_units(shallow[:1]), count_units(shallow), count_units(deep_parity(n)))
        )
    return rows
