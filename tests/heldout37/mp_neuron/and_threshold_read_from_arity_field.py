"""For the gates whose threshold is the number of inputs, theta is read from the record's arity field instead of being n.

AND's arity field is 0 (any number of inputs), so mp_gate("and", n) returns theta 0 and the AND neuron always fires.

Mistake in mp_gate (written from correct_structured.py).
"""

import numpy as np

INPUT = np.dtype([("x", np.float64), ("inhibitory", np.bool_)])

# theta_is_n: the threshold is the number of inputs; arity 0: any number of inputs
GATE = np.dtype([("name", "U8"), ("theta", np.int64), ("theta_is_n", np.bool_),
                 ("inhibit_all", np.bool_), ("inhibit_last", np.bool_), ("arity", np.int64)])

GATES = np.array([
    ("and", 0, True, False, False, 0),
    ("or", 1, False, False, False, 0),
    ("nor", 0, False, True, False, 0),
    ("not", 0, False, True, False, 1),
    ("and_not", 1, False, False, True, 2),
], dtype=GATE)


def _inputs(x, inhibitory):
    """The inputs as a record array with the fields x and inhibitory."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(x.shape[0], dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != x.shape:
            raise ValueError("inhibitory and x must have the same length")
    return np.array(list(zip(x, mask)), dtype=INPUT)


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is 1 and the excitatory sum reaches theta."""
    units = _inputs(x, inhibitory)
    vetoes = units[units["inhibitory"]]
    if np.any(vetoes["x"] == 1):
        return 0
    excitatory = units[~units["inhibitory"]]
    return int(excitatory["x"].sum() >= theta)


def mp_gate(name, n):
    """Returns (theta, inhibitory) so that mp_neuron computes the gate on n inputs."""
    rows = GATES[GATES["name"] == name]
    if rows.shape[0] == 0:
        raise ValueError(f"unknown gate {name!r}")
    gate = rows[0]
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if gate["arity"] != 0 and gate["arity"] != n:
        raise ValueError(f"{name} takes {gate['arity']} inputs")
    theta = int(gate["arity"]) if gate["theta_is_n"] else int(gate["theta"])
    mask = np.zeros(n, dtype=bool)
    mask[:] = gate["inhibit_all"]
    if gate["inhibit_last"]:
        mask[n - 1] = True
    return theta, mask
