"""The output bias of the NOR case is +1 instead of 0: the output fires as long as at most one
hidden unit fires, and the pattern units are mutually exclusive, so for every f with more ones
than zeros the network outputs 1 everywhere.

Single mistake in `shallow_network`; written in the style of correct_dataclass.
"""

from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np


class Layer(NamedTuple):
    W: np.ndarray
    b: np.ndarray

    @property
    def units(self):
        return self.W.shape[0]

    def fire(self, z):
        return (z @ self.W.T + self.b >= 0).astype(np.float64)


@dataclass(frozen=True)
class Network:
    n_inputs: int
    layers: tuple = ()

    @property
    def width(self):
        return self.n_inputs + sum(layer.units for layer in self.layers)

    def with_layer(self, W, b):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != self.width or b.shape != (W.shape[0],):
            raise ValueError(f"layer W {W.shape}, b {b.shape} does not fit width {self.width}")
        return replace(self, layers=(*self.layers, Layer(W, b)))

    def forward(self, X):
        z = np.asarray(X, dtype=np.float64)
        if z.ndim != 2 or z.shape[1] != self.n_inputs or not self.layers:
            raise ValueError(f"X {z.shape} does not fit a network on {self.n_inputs} inputs")
        for layer in self.layers:
            out = layer.fire(z)
            z = np.hstack([z, out])
        if out.shape[1] != 1:
            raise ValueError("the last layer must have one unit")
        return out[:, 0].astype(int)

    def as_list(self):
        return [(layer.W, layer.b) for layer in self.layers]


def threshold_forward(layers, X):
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    first_W = np.asarray(layers[0][0])
    if first_W.ndim != 2:
        raise ValueError("W must be 2-D")
    net = Network(first_W.shape[1])
    for W, b in layers:
        net = net.with_layer(W, b)
    return net.forward(X)


@dataclass(frozen=True)
class PatternUnit:
    bits: tuple

    @property
    def weights(self):
        return [2.0 * bit - 1.0 for bit in self.bits]

    @property
    def bias(self):
        return -float(sum(self.bits))


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n or not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must be a 0/1 vector of length 2**n, n >= 1")
    negate = int(table.sum()) > 2 ** (n - 1)
    target = 0 if negate else 1
    units = [PatternUnit(tuple((r >> (n - 1 - i)) & 1 for i in range(n)))
             for r in range(m) if table[r] == target]
    out_bias = 1.0 if negate else -1.0
    if not units:
        hidden = Layer(np.zeros((1, n)), np.zeros(1))
        out = Layer(np.zeros((1, n + 1)), np.array([out_bias]))
        return [tuple(hidden), tuple(out)]
    hidden = Layer(np.array([u.weights for u in units]), np.array([u.bias for u in units]))
    out_w = -1.0 if negate else 1.0
    out = Layer(np.hstack([np.zeros((1, n)), np.full((1, len(units)), out_w)]),
                np.array([out_bias]))
    return [tuple(hidden), tuple(out)]


@dataclass(frozen=True)
class XorBlock:
    or_bias: float = -1.0
    nand_bias: float = 1.0
    and_bias: float = -2.0


BLOCK = XorBlock()


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"n must be an int >= 2, got {n!r}")
    net = Network(int(n))
    signals = list(range(n))
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        W_a = np.zeros((2 * len(pairs), net.width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j], b_a[2 * j + 1] = BLOCK.or_bias, BLOCK.nand_bias
        first = net.width
        net = net.with_layer(W_a, b_a)
        W_b = np.zeros((len(pairs), net.width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        start = net.width
        net = net.with_layer(W_b, np.full(len(pairs), BLOCK.and_bias))
        signals = [start + j for j in range(len(pairs))] + carry
    return net.as_list()


def count_units(layers):
    if len(layers) == 0:
        return 0
    n_inputs = np.asarray(layers[0][0]).shape[1]
    width = n_inputs + sum(np.asarray(W).shape[0] for W, _ in layers)
    return int(width - n_inputs)
