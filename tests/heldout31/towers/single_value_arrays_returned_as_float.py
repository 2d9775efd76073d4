"""The typed helper _scalar_or_array tests values.size == 1 instead of values.ndim == 0.

A one-element array input (shape (1,) or (1, 1)) comes back as a Python float instead of an
array of its shape.

Single mistake in sigmoid, tower_1d, approximate_1d; written from correct_typed.
"""

from __future__ import annotations

from typing import Final, Protocol, TypedDict, cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

ONE: Final[float] = 1.0
INSIDE_LEVEL: Final[float] = 1.5


class Box(TypedDict):
    a1: float
    b1: float
    a2: float
    b2: float


class Activation(Protocol):
    def __call__(self, z: FloatArray) -> FloatArray: ...


def _sigmoid_array(z: FloatArray) -> FloatArray:
    e: FloatArray = np.exp(-np.abs(z))
    return cast(FloatArray, np.where(z >= 0.0, ONE / (ONE + e), e / (ONE + e)))


def _scalar_or_array(values: FloatArray) -> float | FloatArray:
    return float(values) if values.size == 1 else values


def sigmoid(z: float | FloatArray) -> float | FloatArray:
    """Stable logistic function, elementwise."""
    arr: FloatArray = np.asarray(z, dtype=np.float64)
    return _scalar_or_array(_sigmoid_array(arr))


def _step_pair(x: FloatArray, a: float, b: float, w: float, act: Activation) -> FloatArray:
    return act(w * (x - a)) - act(w * (x - b))


def tower_1d(x: float | FloatArray, a: float, b: float, h: float, w: float) -> float | FloatArray:
    """h * (s(w(x - a)) - s(w(x - b)))."""
    arr: FloatArray = np.asarray(x, dtype=np.float64)
    out: FloatArray = h * _step_pair(arr, a, b, w, _sigmoid_array)
    return _scalar_or_array(out)


def _box(box: tuple[float, float, float, float]) -> Box:
    a1, b1, a2, b2 = box
    return Box(a1=float(a1), b1=float(b1), a2=float(a2), b2=float(b2))


def tower_2d(
    P: FloatArray, box: tuple[float, float, float, float], h: float, w: float
) -> FloatArray:
    """h * s(w (Tx + Ty - 1.5))."""
    pts: FloatArray = np.asarray(P, dtype=np.float64)
    bx: Box = _box(box)
    Tx: FloatArray = _step_pair(pts[:, 0], bx["a1"], bx["b1"], w, _sigmoid_array)
    Ty: FloatArray = _step_pair(pts[:, 1], bx["a2"], bx["b2"], w, _sigmoid_array)
    return cast(FloatArray, h * _sigmoid_array(w * (Tx + Ty - INSIDE_LEVEL)))


def _edges(lo: float, hi: float, k: int) -> FloatArray:
    return cast(FloatArray, np.linspace(lo, hi, k + 1))


def approximate_1d(
    f_values: FloatArray, lo: float, hi: float, w: float, x: float | FloatArray
) -> float | FloatArray:
    """Sum of k towers, one per bin, height f at the bin's midpoint."""
    heights: FloatArray = np.asarray(f_values, dtype=np.float64)
    arr: FloatArray = np.asarray(x, dtype=np.float64)
    k: int = int(heights.shape[0])
    edges: FloatArray = _edges(lo, hi, k)
    total: FloatArray = np.zeros_like(arr)
    for j in range(k):
        total = total + heights[j] * _step_pair(
            arr, float(edges[j]), float(edges[j + 1]), w, _sigmoid_array
        )
    return _scalar_or_array(total)
