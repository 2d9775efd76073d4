"""Threshold networks as a small class hierarchy: a ThresholdLayer class and a Network that
runs its layers; a NetworkBuilder base whose template method build() asks the hooks
hidden_layer and output_layer, with PatternOr (one unit per 1 of f, OR at the output),
PatternNor (one unit per 0 of f, NOR at the output) and Constant subclasses, and a
ParityBuilder that stacks XOR levels. The API functions build the right object and call it.

Correct solution (style: inheritance).
"""

from abc import ABC, abstractmethod

import numpy as np


class ThresholdLayer:
    def __init__(self, W, b):
        self.W = np.asarray(W, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)

    @property
    def units(self):
        return self.W.shape[0]

    def fire(self, z):
        if self.W.ndim != 2 or self.W.shape[1] != z.shape[1] or self.b.shape != (self.units,):
            raise ValueError("a layer does not fit its input")
        return (z @ self.W.T + self.b >= 0).astype(np.float64)


class Network:
    def __init__(self, layers):
        self.layers = [ThresholdLayer(W, b) for W, b in layers]

    def forward(self, X):
        z = np.asarray(X, dtype=np.float64)
        if z.ndim != 2:
            raise ValueError("X must be 2-D")
        if not self.layers:
            raise ValueError("a network needs a layer")
        out = None
        for layer in self.layers:
            out = layer.fire(z)
            z = np.hstack([z, out])
        if out.shape[1] != 1:
            raise ValueError("the last layer must have one unit")
        return out[:, 0].astype(int)

    def count(self):
        return sum(layer.units for layer in self.layers)


class NetworkBuilder(ABC):
    def __init__(self, table, n):
        self.table = table
        self.n = n

    def patterns(self):
        rows = np.flatnonzero(self.table == self.target)
        return (rows[:, None] >> np.arange(self.n - 1, -1, -1)) & 1

    @abstractmethod
    def hidden_layer(self):
        """(W1, b1)."""

    @abstractmethod
    def output_layer(self, h):
        """(W2, b2) for h hidden units."""

    def build(self):
        W1, b1 = self.hidden_layer()
        return [(W1, b1), self.output_layer(W1.shape[0])]


class PatternOr(NetworkBuilder):
    target = 1
    out_weight = 1.0
    out_bias = -1.0

    def hidden_layer(self):
        bits = self.patterns()
        return (2 * bits - 1).astype(np.float64), -bits.sum(axis=1).astype(np.float64)

    def output_layer(self, h):
        W2 = np.hstack([np.zeros((1, self.n)), np.full((1, h), self.out_weight)])
        return W2, np.array([self.out_bias])


class PatternNor(PatternOr):
    target = 0
    out_weight = -1.0
    out_bias = 0.0


class Constant(NetworkBuilder):
    def __init__(self, table, n, value):
        super().__init__(table, n)
        self.value = value

    def hidden_layer(self):
        return np.zeros((1, self.n)), np.zeros(1)

    def output_layer(self, h):
        return np.zeros((1, self.n + h)), np.array([0.0 if self.value else -1.0])


class ParityBuilder:
    def __init__(self, n):
        self.n = n

    def xor_level(self, signals, width):
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        first = width
        width += 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        b_b = np.full(len(pairs), -2.0)
        new = [width + j for j in range(len(pairs))]
        return [(W_a, b_a), (W_b, b_b)], new, width + len(pairs)

    def build(self):
        layers = []
        signals = list(range(self.n))
        width = self.n
        while len(signals) > 1:
            carry = signals[-1:] if len(signals) % 2 else []
            level, new, width = self.xor_level(signals, width)
            layers += level
            signals = new + carry
        return layers


def threshold_forward(layers, X):
    return Network(layers).forward(X)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold 0s and 1s")
    ones = int(table.sum())
    if ones == 0 or ones == m:
        return Constant(table, n, ones == m).build()
    builder = PatternNor if ones > m // 2 else PatternOr
    return builder(table, n).build()


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("n must be an int >= 2")
    return ParityBuilder(n).build()


def count_units(layers):
    return int(Network(layers).count())
