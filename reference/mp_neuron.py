"""The McCulloch–Pitts neuron (assignment 1, `mp_neuron`).

The lecture's first model of a neuron (McCulloch & Pitts, 1943). Inputs x_1..x_n are 0/1; some
of them are marked inhibitory. The neuron fires (outputs 1) iff

    no inhibitory input is 1   (an active inhibitory input is an absolute veto), and
    Σ_{i excitatory} x_i >= θ   (the threshold θ is reached; equality fires).

There are no weights: a unit only counts active excitatory inputs. With the right θ and mask it
computes AND (θ = n), OR (θ = 1), NOR (θ = 0, all inputs inhibitory), NOT (n = 1, θ = 0,
inhibitory) and x1 AND NOT x2 (θ = 1, x2 inhibitory).

Truth tables list the 2ⁿ inputs in binary counting order with x1 the MOST significant bit:
row r holds the output at the bits of r (for n = 2: 00, 01, 10, 11). Beyond the student API this
module has `all_inputs`, `truth_table` and `gate_table` (the gates' truth tables from their
definitions, independent of the neuron) for the lecture and the hidden tests.
"""

from __future__ import annotations

import numpy as np

STUDENT_API: tuple[str, ...] = ("mp_neuron", "mp_gate")
PROVIDED: tuple[str, ...] = ()

GATES: tuple[str, ...] = ("and", "or", "nor", "not", "and_not")

# --------------------------------------------------------------------------- student API


def mp_neuron(x, theta, inhibitory=None):
    """The McCulloch–Pitts neuron: returns 1 if it fires, else 0 (a Python int).

    x: 1-D array of length n holding only 0s and 1s (ints, floats or bools).
    theta: the threshold (a number).
    inhibitory: None (no inhibitory inputs) or a boolean array of length n; True marks an
        inhibitory input.

    The neuron fires iff no inhibitory input is 1 (an active inhibitory input vetoes the output
    whatever the other inputs are) and the number of active excitatory inputs reaches the
    threshold:  Σ_{i not inhibitory} x_i >= theta.

    Raises ValueError if x holds anything other than 0/1, or if inhibitory and x have different
    lengths. x and inhibitory are not modified.
    """
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        inhibitory = np.zeros(x.shape, dtype=bool)
    inhibitory = np.asarray(inhibitory, dtype=bool)
    if inhibitory.shape != x.shape:
        raise ValueError(
            f"inhibitory has shape {inhibitory.shape} but x has shape {x.shape}; "
            "they must have the same length"
        )
    if np.any(x[inhibitory] == 1):
        return 0  # absolute veto
    s = x[~inhibitory].sum()
    return int(s >= theta)


def mp_gate(name, n):
    """Parameters (theta, inhibitory) that make mp_neuron compute a logic gate on n inputs.

    name: "and" (all n inputs 1), "or" (at least one input 1), "nor" (no input 1),
        "not" (n == 1: NOT x1) or "and_not" (n == 2: x1 AND NOT x2).
    Returns (theta, inhibitory): theta a number, inhibitory a boolean array of length n, such
    that mp_neuron(x, theta, inhibitory) equals the gate for every x in {0,1}ⁿ.
    """
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}; known gates: {', '.join(GATES)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError(f"'not' takes n == 1 input, got n = {n}")
    if name == "and_not" and n != 2:
        raise ValueError(f"'and_not' takes n == 2 inputs, got n = {n}")
    excitatory = np.zeros(n, dtype=bool)
    if name == "and":
        return n, excitatory
    if name == "or":
        return 1, excitatory
    if name in ("nor", "not"):
        return 0, np.ones(n, dtype=bool)
    return 1, np.array([False, True])  # and_not: x1 excitatory, x2 a veto


# --------------------------------------------------------------------------- lecture helpers


def all_inputs(n: int) -> np.ndarray:
    """All 2ⁿ points of {0,1}ⁿ, (2ⁿ, n) ints, row r = the bits of r with x1 the MOST significant."""
    r = np.arange(2**n)[:, None]
    return (r >> np.arange(n - 1, -1, -1)) & 1


def truth_table(theta: float, inhibitory: np.ndarray) -> np.ndarray:
    """The neuron's outputs on all of {0,1}ⁿ (n = len(inhibitory)), (2ⁿ,) ints, x1 the MSB."""
    inhibitory = np.asarray(inhibitory, dtype=bool)
    return np.array([mp_neuron(x, theta, inhibitory) for x in all_inputs(len(inhibitory))])


def gate_table(name: str, n: int) -> np.ndarray:
    """The gate's truth table from its logical definition (not from a neuron), (2ⁿ,) ints."""
    mp_gate(name, n)  # the same ValueError rules
    X = all_inputs(n)
    table = {
        "and": X.all(axis=1),
        "or": X.any(axis=1),
        "nor": ~X.any(axis=1),
        "not": X[:, 0] == 0,
        "and_not": (X[:, 0] == 1) & (X[:, -1] == 0),
    }[name]
    return table.astype(int)
