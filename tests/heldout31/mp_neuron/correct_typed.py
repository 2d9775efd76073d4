"""The McCulloch-Pitts neuron written with dense type hints: Final constants, NDArray
annotations, a TypedDict for the gate parameters, a Protocol for the neuron and small typed
helpers; plain numpy inside.

Correct solution (style: typed).
"""

from __future__ import annotations

from typing import Final, Protocol, TypedDict, cast

import numpy as np
import numpy.typing as npt

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]

GATE_NAMES: Final[tuple[str, ...]] = ("and", "or", "nor", "not", "and_not")
FIRE: Final[int] = 1
SILENT: Final[int] = 0


class GateParams(TypedDict):
    theta: int
    inhibitory: BoolArray


class NeuronFn(Protocol):
    def __call__(self, x: IntArray, theta: float, inhibitory: BoolArray | None = ...) -> int: ...


def _as_bits(x: object) -> IntArray:
    arr: npt.NDArray[np.float64] = np.asarray(x, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError("x must be a 1-D array")
    ok: bool = bool(np.all((arr == 0.0) | (arr == 1.0)))
    if not ok:
        raise ValueError("x must hold only 0s and 1s")
    return cast(IntArray, arr.astype(np.int64))


def _as_mask(inhibitory: object | None, n: int) -> BoolArray:
    if inhibitory is None:
        return np.zeros(n, dtype=np.bool_)
    mask: BoolArray = np.asarray(inhibitory, dtype=np.bool_)
    if mask.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    return mask


def _vetoed(bits: IntArray, mask: BoolArray) -> bool:
    return bool(np.any(bits[mask] == 1))


def _excitatory_sum(bits: IntArray, mask: BoolArray) -> int:
    return int(bits[~mask].sum())


def mp_neuron(x: IntArray, theta: float, inhibitory: BoolArray | None = None) -> int:
    """Returns 1 iff no inhibitory input is on and the excitatory sum reaches theta."""
    bits: IntArray = _as_bits(x)
    mask: BoolArray = _as_mask(inhibitory, bits.shape[0])
    if _vetoed(bits, mask):
        return SILENT
    total: int = _excitatory_sum(bits, mask)
    return FIRE if total >= theta else SILENT


def _params(theta: int, inhibitory: BoolArray) -> GateParams:
    return GateParams(theta=theta, inhibitory=inhibitory)


def mp_gate(name: str, n: int) -> tuple[int, BoolArray]:
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("not takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("and_not takes two inputs")
    none_inhibitory: BoolArray = np.zeros(n, dtype=np.bool_)
    all_inhibitory: BoolArray = np.ones(n, dtype=np.bool_)
    table: dict[str, GateParams] = {
        "and": _params(int(n), none_inhibitory),
        "or": _params(1, none_inhibitory),
        "nor": _params(0, all_inhibitory),
        "not": _params(0, all_inhibitory),
        "and_not": _params(1, np.array([False, True], dtype=np.bool_)),
    }
    params: GateParams = table[name]
    return params["theta"], params["inhibitory"].copy()
