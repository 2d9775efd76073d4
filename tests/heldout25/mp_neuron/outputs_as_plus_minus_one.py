"""The outputs in the config are (-1, 1) instead of (0, 1).

OUTPUTS = (-1, 1), the perceptron's labels: a neuron that does not fire (vetoed or below the
threshold) returns -1 instead of 0.

One mistake in correct_config (style: config), in `mp_neuron`.
"""

import numpy as np

BITS = (0, 1)                   # the only values an input may take
TOL = 1e-12                     # an input within TOL of a bit is that bit
MASK_DTYPE = bool
COUNT_DTYPE = np.int64
OUTPUTS = (-1, 1)                # (silent, fires)

MASKS = {
    "none": lambda n: np.zeros(n, dtype=MASK_DTYPE),
    "all": lambda n: np.ones(n, dtype=MASK_DTYPE),
    "last": lambda n: np.arange(n) == n - 1,
}
THRESHOLDS = {
    "every": lambda n: n,
    "one": lambda n: 1,
    "zero": lambda n: 0,
}
GATES = {
    "and": {"theta": "every", "mask": "none", "arity": None},
    "or": {"theta": "one", "mask": "none", "arity": None},
    "nor": {"theta": "zero", "mask": "all", "arity": None},
    "not": {"theta": "zero", "mask": "all", "arity": 1},
    "and_not": {"theta": "one", "mask": "last", "arity": 2},
}


def _is_bit(x):
    ok = np.zeros(x.shape, dtype=bool)
    for b in BITS:
        ok = ok | (np.abs(x - b) <= TOL)
    return ok


def mp_neuron(x, theta, inhibitory=None):
    """1 iff no inhibitory input is 1 and the excitatory inputs sum to at least theta."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    xf = x.astype(np.float64)
    if not _is_bit(xf).all():
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        inhibitory = MASKS["none"](x.shape[0])
    mask = np.asarray(inhibitory, dtype=MASK_DTYPE)
    if mask.shape != x.shape:
        raise ValueError("inhibitory and x must have the same length")
    bits = np.rint(xf).astype(COUNT_DTYPE)
    if bits[mask].sum() > 0:
        return OUTPUTS[0]
    return OUTPUTS[int(bits[~mask].sum() >= theta)]


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    spec = GATES[name]
    if spec["arity"] is not None and n != spec["arity"]:
        raise ValueError(f"{name!r} takes {spec['arity']} inputs, got {n}")
    return THRESHOLDS[spec["theta"]](n), MASKS[spec["mask"]](n)
