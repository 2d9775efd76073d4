"""The table of reachable counts is np.arange(n) (0..n-1) instead of np.arange(n + 1).

A threshold above n is then found past the end of the table at index n: a neuron whose threshold
cannot be reached (theta > n) fires when every input is 1 and none is inhibitory.

One mistake in correct_bisect (style: bisect), in `mp_neuron`.
"""

import bisect

import numpy as np

ALLOWED = np.array([0.0, 1.0])                       # sorted
GATE_NAMES = ("and", "and_not", "nor", "not", "or")  # sorted, for bisect
GATE_THETA = ("n", 1, 0, 0, 1)
GATE_MASK = ("none", "last", "all", "all", "none")
GATE_ARITY = (None, 2, None, 1, None)


def _gate_row(name):
    i = bisect.bisect_left(GATE_NAMES, name)
    if i == len(GATE_NAMES) or GATE_NAMES[i] != name:
        raise ValueError(f"unknown gate {name!r}")
    return i


def _active(values):
    """How many of the 0/1 values are 1: their count minus the position of 1 in sorted order."""
    s = np.sort(values)
    return int(s.size - np.searchsorted(s, 1.0, side="left"))


def mp_neuron(x, theta, inhibitory=None):
    """1 iff no inhibitory input is 1 and the excitatory inputs sum to at least theta."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    xf = x.astype(np.float64)
    pos = np.searchsorted(ALLOWED, xf, side="left")
    found = ALLOWED[np.minimum(pos, ALLOWED.size - 1)]
    if not np.all(found == xf):
        raise ValueError("x must hold only 0s and 1s")
    n = xf.size
    mask = np.zeros(n, dtype=bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    if mask.shape != xf.shape:
        raise ValueError("inhibitory and x must have the same length")
    if _active(xf[mask]) > 0:
        return 0
    levels = np.arange(n)                        # the counts the neuron can reach
    need = int(np.searchsorted(levels, theta, side="left"))
    return int(_active(xf[~mask]) >= need)


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    i = _gate_row(name)
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if GATE_ARITY[i] is not None and n != GATE_ARITY[i]:
        raise ValueError(f"{name!r} takes {GATE_ARITY[i]} inputs, got {n}")
    theta = n if GATE_THETA[i] == "n" else GATE_THETA[i]
    kind = GATE_MASK[i]
    if kind == "none":
        mask = np.zeros(n, dtype=bool)
    elif kind == "all":
        mask = np.ones(n, dtype=bool)
    else:
        mask = np.arange(n) == n - 1
    return theta, mask
