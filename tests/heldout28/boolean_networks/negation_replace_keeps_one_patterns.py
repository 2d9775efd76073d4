"""When f has more ones than zeros, the plan is _replace'd with negate=True only: the patterns are still those of the ONES of f.

The hidden units recognise the ones of f and the output is a NOR of them, so the network
computes NOT f for every function with more ones than zeros (and uses more than 2^(n-1) hidden
units).

Single mistake in shallow_network; written from correct_records.
"""

from typing import NamedTuple

import numpy as np


class Layer(NamedTuple):
    W: np.ndarray
    b: np.ndarray


class State(NamedTuple):
    z: np.ndarray
    out: np.ndarray


class Plan(NamedTuple):
    n: int
    negate: bool
    patterns: np.ndarray


class Level(NamedTuple):
    signals: list
    width: int


def _as_layer(pair):
    W, b = pair
    return Layer(W=np.asarray(W, dtype=np.float64), b=np.asarray(b, dtype=np.float64))


def _fire(layer, z):
    return (z @ layer.W.T + layer.b >= 0).astype(np.float64)


def threshold_forward(layers, X):
    """Outputs (m,) of 0/1 of the network's last unit on the rows of X."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    state = State(z=z, out=np.zeros((z.shape[0], 0)))
    for pair in layers:
        layer = _as_layer(pair)
        if layer.W.ndim != 2 or layer.W.shape[1] != state.z.shape[1] \
                or layer.b.shape != (layer.W.shape[0],):
            raise ValueError("a layer's W and b do not fit its input")
        out = _fire(layer, state.z)
        state = state._replace(z=np.hstack([state.z, out]), out=out)
    if state.out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return state.out[:, 0].astype(int)


def _bits(rows, n):
    return (np.asarray(rows)[:, None] >> np.arange(n - 1, -1, -1)) & 1


def _plan(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2 ** n:
        raise ValueError("truth_table must have length 2**n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    plan = Plan(n=n, negate=False, patterns=_bits(np.flatnonzero(table == 1), n))
    if int(table.sum()) > 2 ** (n - 1):
        plan = plan._replace(negate=True)
    return plan


def _pattern_layer(plan):
    bits = plan.patterns
    return Layer(W=(2 * bits - 1).astype(np.float64), b=-bits.sum(axis=1).astype(np.float64))


def _output_layer(plan, hidden):
    sign = -1.0 if plan.negate else 1.0
    W = np.hstack([np.zeros((1, plan.n)), np.full((1, hidden), sign)])
    return Layer(W=W, b=np.array([0.0 if plan.negate else -1.0]))


def shallow_network(truth_table):
    """Two layers: one unit per pattern of f (or of not f) and an OR (or NOR) output."""
    plan = _plan(truth_table)
    if len(plan.patterns) == 0:
        hidden = Layer(W=np.zeros((1, plan.n)), b=np.zeros(1))
        output = Layer(W=np.zeros((1, plan.n + 1)), b=np.array([0.0 if plan.negate else -1.0]))
    else:
        hidden = _pattern_layer(plan)
        output = _output_layer(plan, len(plan.patterns))
    return [(hidden.W, hidden.b), (output.W, output.b)]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND): 3(n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    level = Level(signals=list(range(n)), width=n)
    while len(level.signals) > 1:
        signals = level.signals
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        W_a = np.zeros((2 * len(pairs), level.width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        layers.append((W_a, b_a))
        first = level.width
        level = level._replace(width=level.width + 2 * len(pairs))
        W_b = np.zeros((len(pairs), level.width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        layers.append((W_b, np.full(len(pairs), -2.0)))
        level = Level(signals=[level.width + j for j in range(len(pairs))] + carry,
                      width=level.width + len(pairs))
    return layers


def count_units(layers):
    """The number of units in all layers."""
    return int(sum(_as_layer(pair).W.shape[0] for pair in layers))
