"""The left-over signals of a level are sliced from len(pairs) instead of 2 * len(pairs).

signals[len(pairs):] re-carries signals that were already paired (for n = 4: two of the inputs
again), so the tree XORs some inputs twice, computes the wrong function and has more than 3(n -
1) units.

Graded: deep_parity (written from correct_properties.py).
"""

from functools import cached_property

import numpy as np


class Network:
    """A list of threshold layers [(W1, b1), ...]."""

    def __init__(self, layers):
        self.layers = [(np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64))
                       for W, b in layers]

    @property
    def layer_sizes(self):
        return [W.shape[0] for W, _ in self.layers]

    @property
    def unit_count(self):
        return int(sum(self.layer_sizes))

    @property
    def n_inputs(self):
        W, _ = self.layers[0]
        return W.shape[1]

    def forward(self, X):
        z = np.asarray(X, dtype=np.float64)
        if z.ndim != 2:
            raise ValueError("X must be a 2-D array (m, n)")
        if not self.layers:
            raise ValueError("a network needs at least one layer")
        out = None
        for W, b in self.layers:
            if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
                raise ValueError("a layer does not fit its input")
            out = (z @ W.T + b >= 0).astype(np.float64)
            z = np.hstack([z, out])
        if out.shape[1] != 1:
            raise ValueError("the last layer must have one unit")
        return out[:, 0].astype(int)


class PatternNetwork:
    """One hidden unit per pattern of f (or of not f), OR (or NOR) at the output."""

    def __init__(self, truth_table):
        self.table = np.asarray(truth_table)
        size = self.table.shape[0] if self.table.ndim == 1 else 0
        if self.table.ndim != 1 or self.n < 1 or size != 2**self.n:
            raise ValueError("truth_table must be 1-D with length 2^n, n >= 1")
        if not np.all((self.table == 0) | (self.table == 1)):
            raise ValueError("truth_table must hold only 0s and 1s")

    @cached_property
    def n(self):
        size = self.table.shape[0] if self.table.ndim == 1 else 0
        return size.bit_length() - 1

    @cached_property
    def negate(self):
        return int(self.table.sum()) > 2 ** (self.n - 1)

    @cached_property
    def patterns(self):
        rows = np.flatnonzero(self.table == (0 if self.negate else 1))
        return (rows[:, None] >> np.arange(self.n - 1, -1, -1)) & 1

    @property
    def hidden_units(self):
        return max(1, len(self.patterns))

    @cached_property
    def hidden_layer(self):
        if len(self.patterns) == 0:
            return np.zeros((1, self.n)), np.zeros(1)
        return (2 * self.patterns - 1).astype(np.float64), -self.patterns.sum(axis=1).astype(
            np.float64)

    @cached_property
    def output_layer(self):
        weight = 0.0 if len(self.patterns) == 0 else (-1.0 if self.negate else 1.0)
        W = np.hstack([np.zeros((1, self.n)), np.full((1, self.hidden_units), weight)])
        return W, np.array([0.0 if self.negate else -1.0])

    @property
    def layers(self):
        return [self.hidden_layer, self.output_layer]


class ParityTree:
    """A balanced tree of XOR blocks (OR and NAND, then AND) over n inputs."""

    def __init__(self, n):
        if not isinstance(n, int | np.integer) or n < 2:
            raise ValueError("deep_parity needs an int n >= 2")
        self.n = n

    @cached_property
    def layers(self):
        layers = []
        signals = list(range(self.n))
        width = self.n
        while len(signals) > 1:
            pairs = list(zip(signals[0::2], signals[1::2]))
            leftover = signals[len(pairs):]
            W_a = np.zeros((2 * len(pairs), width))
            b_a = np.zeros(2 * len(pairs))
            for j, (u, v) in enumerate(pairs):
                W_a[2 * j, [u, v]] = 1.0
                b_a[2 * j] = -1.0
                W_a[2 * j + 1, [u, v]] = -1.0
                b_a[2 * j + 1] = 1.0
            layers.append((W_a, b_a))
            first = width
            width += 2 * len(pairs)
            W_b = np.zeros((len(pairs), width))
            for j in range(len(pairs)):
                W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
            layers.append((W_b, np.full(len(pairs), -2.0)))
            signals = [width + j for j in range(len(pairs))] + leftover
            width += len(pairs)
        return layers

    @property
    def unit_count(self):
        return Network(self.layers).unit_count


def threshold_forward(layers, X):
    """Outputs (m,) of the network's last unit."""
    return Network(layers).forward(X)


def shallow_network(truth_table):
    """Two layers: pattern units and an OR (or NOR)."""
    return PatternNetwork(truth_table).layers


def deep_parity(n):
    """Parity of n inputs with 3(n - 1) units."""
    return ParityTree(n).layers


def count_units(layers):
    """The number of units in all layers."""
    return Network(layers).unit_count
