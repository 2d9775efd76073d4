"""The NAND unit of each XOR block is wired to [a, a] instead of [a, c].

The unit reads only the first signal of its pair (1 - a >= 0, a NOT), so each block computes c
AND NOT a instead of a XOR c and deep parity is wrong.

Single mistake in deep_parity; written from correct_typed.
"""

from __future__ import annotations

from typing import Final, Protocol, TypedDict, cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Layer = tuple[FloatArray, FloatArray]

OR_BIAS: Final[float] = -1.0
NAND_BIAS: Final[float] = 1.0
AND_BIAS: Final[float] = -2.0


class LayerSpec(TypedDict):
    W: FloatArray
    b: FloatArray


class Forward(Protocol):
    def __call__(self, layers: list[Layer], X: IntArray) -> IntArray: ...


def _fire(z: FloatArray, W: FloatArray, b: FloatArray) -> FloatArray:
    return cast(FloatArray, (z @ W.T + b >= 0.0).astype(np.float64))


def threshold_forward(layers: list[Layer], X: IntArray) -> IntArray:
    """Outputs (m,) of the last layer's single unit."""
    z: FloatArray = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs a layer")
    out: FloatArray = np.zeros((z.shape[0], 0))
    for W_in, b_in in layers:
        W: FloatArray = np.asarray(W_in, dtype=np.float64)
        b: FloatArray = np.asarray(b_in, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("layer shapes do not fit")
        out = _fire(z, W, b)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return cast(IntArray, out[:, 0].astype(np.int64))


def _bits_of(r: int, n: int) -> IntArray:
    return np.array([(r >> (n - 1 - i)) & 1 for i in range(n)], dtype=np.int64)


def _pattern_unit(p: IntArray) -> tuple[FloatArray, float]:
    weights: FloatArray = (2.0 * p - 1.0).astype(np.float64)
    return weights, -float(p.sum())


def shallow_network(truth_table: IntArray) -> list[Layer]:
    """One hidden layer of pattern units and an OR (or a NOR for the complement)."""
    table: IntArray = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth table must be 1-D")
    m: int = int(table.shape[0])
    n: int = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError("length must be 2^n with n >= 1")
    if not bool(np.all((table == 0) | (table == 1))):
        raise ValueError("truth table must be 0/1")
    ones: int = int(table.sum())
    negate: bool = ones > 2 ** (n - 1)
    target: int = 0 if negate else 1
    rows: list[int] = [r for r in range(m) if int(table[r]) == target]
    out_bias: FloatArray = np.array([0.0 if negate else -1.0])
    if not rows:
        hidden: LayerSpec = {"W": np.zeros((1, n)), "b": np.zeros(1)}
        output: LayerSpec = {"W": np.zeros((1, n + 1)), "b": out_bias}
        return [(hidden["W"], hidden["b"]), (output["W"], output["b"])]
    units: list[tuple[FloatArray, float]] = [_pattern_unit(_bits_of(r, n)) for r in rows]
    h: int = len(units)
    hidden = {"W": np.array([u[0] for u in units]), "b": np.array([u[1] for u in units])}
    out_weight: float = -1.0 if negate else 1.0
    output = {"W": np.hstack([np.zeros((1, n)), np.full((1, h), out_weight)]), "b": out_bias}
    return [(hidden["W"], hidden["b"]), (output["W"], output["b"])]


def _xor_layers(pairs: list[tuple[int, int]], width: int) -> tuple[LayerSpec, LayerSpec]:
    k: int = len(pairs)
    first: LayerSpec = {"W": np.zeros((2 * k, width)), "b": np.zeros(2 * k)}
    for j, (a, c) in enumerate(pairs):
        first["W"][2 * j, [a, c]] = 1.0
        first["b"][2 * j] = OR_BIAS
        first["W"][2 * j + 1, [a, a]] = -1.0
        first["b"][2 * j + 1] = NAND_BIAS
    second: LayerSpec = {"W": np.zeros((k, width + 2 * k)), "b": np.full(k, AND_BIAS)}
    for j in range(k):
        second["W"][j, [width + 2 * j, width + 2 * j + 1]] = 1.0
    return first, second


def deep_parity(n: int) -> list[Layer]:
    """A tree of XOR blocks (3 units each): 3(n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers: list[Layer] = []
    signals: list[int] = list(range(int(n)))
    width: int = int(n)
    while len(signals) > 1:
        pairs: list[tuple[int, int]] = [
            (signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)
        ]
        leftover: list[int] = signals[-1:] if len(signals) % 2 == 1 else []
        first, second = _xor_layers(pairs, width)
        layers.append((first["W"], first["b"]))
        layers.append((second["W"], second["b"]))
        width += 2 * len(pairs)
        signals = [width + j for j in range(len(pairs))] + leftover
        width += len(pairs)
    return layers


def count_units(layers: list[Layer]) -> int:
    """Units in all layers."""
    total: int = 0
    for W, _b in layers:
        total += int(np.asarray(W).shape[0])
    return total
