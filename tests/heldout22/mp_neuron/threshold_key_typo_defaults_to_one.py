"""The threshold is read from the gate record under the key "threshold", which the records do not
have (the key is "theta"), and .get falls back to the default 1 for every gate: AND gets theta 1
and computes OR for n >= 2, and NOR and NOT get theta 1 although all their inputs are
inhibitory, so they never fire (OR and and_not happen to be right).

Mistake in `mp_gate`, written from correct_dicts.py.
"""

import numpy as np

GATES = {
    "and": {"theta": "n", "roles": "excitatory", "arity": None},
    "or": {"theta": 1, "roles": "excitatory", "arity": None},
    "nor": {"theta": 0, "roles": "inhibitory", "arity": None},
    "not": {"theta": 0, "roles": "inhibitory", "arity": 1},
    "and_not": {"theta": 1, "roles": ("excitatory", "inhibitory"), "arity": 2},
}
_CACHE = {}                                        # (name, n) -> {"theta", "inhibitory"}


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    n = x.shape[0]
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError(f"inhibitory has shape {mask.shape} but x has shape {x.shape}")
    roles = dict.fromkeys(range(n), "excitatory")
    for i in np.flatnonzero(mask):
        roles[int(i)] = "inhibitory"
    inputs = {i: {"value": int(x[i]), "role": roles[i]} for i in range(n)}
    totals = {"excitatory": 0, "inhibitory": 0}
    for record in inputs.values():
        totals[record["role"]] += record["value"]
    if totals["inhibitory"] > 0:
        return 0                                   # an active inhibitory input: absolute veto
    return int(totals["excitatory"] >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}; known gates: {', '.join(GATES)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    key = (name, n)
    if key not in _CACHE:
        rule = GATES[name]
        arity = rule["arity"]
        if arity is not None and n != arity:
            raise ValueError(f"{name!r} takes {arity} input(s), got n = {n}")
        theta = n if rule.get("threshold") == "n" else rule.get("threshold", 1)
        roles = rule["roles"]
        if isinstance(roles, str):
            roles = (roles,) * n
        _CACHE[key] = {"theta": theta,
                       "inhibitory": np.array([r == "inhibitory" for r in roles], dtype=bool)}
    record = _CACHE[key]
    return record["theta"], record["inhibitory"].copy()
