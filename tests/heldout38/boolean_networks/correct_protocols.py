"""Threshold networks written against small protocols: a Layer protocol (a layer knows its
number of units and fires on the signals it sees), a Combiner protocol (the output unit of the
shallow network is an OR or a NOR of the pattern units) and a Block protocol (the XOR block of
the deep parity network); the API functions pick the implementations and call through them.

Correct solution (style: protocols).
"""

from typing import Protocol

import numpy as np


class Layer(Protocol):
    def units(self) -> int: ...

    def fire(self, z: np.ndarray) -> np.ndarray: ...


class Combiner(Protocol):
    def weights(self, h: int) -> np.ndarray: ...

    def bias(self) -> float: ...


class Block(Protocol):
    def first(self, a: int, b: int, width: int) -> tuple[np.ndarray, np.ndarray]: ...

    def second(self, first_col: int, width: int) -> tuple[np.ndarray, float]: ...


class ThresholdLayer:
    def __init__(self, W, b):
        self.W = np.asarray(W, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)

    def units(self):
        return self.W.shape[0]

    def fire(self, z):
        if self.W.ndim != 2 or self.W.shape[1] != z.shape[1] or self.b.shape != (self.W.shape[0],):
            raise ValueError("a layer does not fit the signals it sees")
        return (z @ self.W.T + self.b >= 0).astype(np.float64)


class OrOfUnits(Combiner):
    def weights(self, h):
        return np.ones(h)

    def bias(self):
        return -1.0


class NorOfUnits:
    def weights(self, h):
        return -np.ones(h)

    def bias(self):
        return 0.0


class XorBlock:
    """OR and NAND of two signals, then their AND: three units."""

    def first(self, a, b, width):
        W = np.zeros((2, width))
        W[0, [a, b]] = 1.0
        W[1, [a, b]] = -1.0
        return W, np.array([-1.0, 1.0])

    def second(self, first_col, width):
        w = np.zeros(width)
        w[[first_col, first_col + 1]] = 1.0
        return w, -2.0


def _layers(layers) -> list[Layer]:
    return [ThresholdLayer(W, b) for W, b in layers]


def threshold_forward(layers, X):
    """Each layer fires on [inputs, outputs of all earlier layers]; the last layer's unit."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    network = _layers(layers)
    if not network:
        raise ValueError("a network needs a layer")
    out = np.zeros((z.shape[0], 0))
    for layer in network:
        out = layer.fire(z)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def _patterns(rows, n):
    return np.array([[(r >> (n - 1 - i)) & 1 for i in range(n)] for r in rows], dtype=np.float64)


def shallow_network(truth_table):
    """Pattern units for the ones of f (or of not f), then an OR (or a NOR) at the output."""
    table = np.asarray(truth_table)
    if table.ndim != 1 or table.shape[0] < 2 or table.shape[0] & (table.shape[0] - 1):
        raise ValueError("a truth table has length 2^n with n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("a truth table holds 0s and 1s")
    n = table.shape[0].bit_length() - 1
    negate = int(table.sum()) > table.shape[0] // 2
    combiner: Combiner = NorOfUnits() if negate else OrOfUnits()
    rows = np.flatnonzero(table == (0 if negate else 1))
    if rows.size == 0:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2 = np.zeros((1, n + 1))
        return [(W1, b1), (W2, np.array([combiner.bias()]))]
    P = _patterns(rows, n)
    W1 = 2.0 * P - 1.0
    b1 = -P.sum(axis=1)
    W2 = np.concatenate([np.zeros(n), combiner.weights(len(rows))])[None, :]
    return [(W1, b1), (W2, np.array([combiner.bias()]))]


def deep_parity(n):
    """A tree of XOR blocks, two layers per level: 3(n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    block: Block = XorBlock()
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        firsts = [block.first(a, b, width) for a, b in pairs]
        layers.append((np.vstack([W for W, _ in firsts]), np.concatenate([b for _, b in firsts])))
        start = width
        width += 2 * len(pairs)
        seconds = [block.second(start + 2 * j, width) for j in range(len(pairs))]
        layers.append((np.vstack([w for w, _ in seconds]), np.array([b for _, b in seconds])))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The units of all layers, counted through the Layer protocol."""
    return int(sum(layer.units() for layer in _layers(layers)))
