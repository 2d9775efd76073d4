"""The veto is found by AND-ing the mask with the active inputs in place (out=mask).

np.asarray(..., dtype=bool) does not copy a boolean mask, so the caller's inhibitory array is
overwritten with the active inhibitory inputs: a silent inhibitory input is unmarked for good,
and the next call with the same mask (e.g. the mask mp_gate returned, over a truth table) no
longer vetoes.

Single mistake in mp_neuron; written from correct_pipeline.
"""

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def _validate(data):
    x = np.asarray(data["x"])
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    return {**data, "x": x}


def _prepare(data):
    x = data["x"]
    mask = data["inhibitory"]
    if mask is None:
        mask = np.zeros(x.shape[0], dtype=bool)
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError("inhibitory and x must have the same length")
    return {**data, "mask": mask}


def _compute(data):
    x, mask = data["x"], data["mask"]
    vetoed = bool(np.logical_and(mask, x == 1, out=mask).any())
    count = x[~mask].sum()
    return {**data, "vetoed": vetoed, "count": count}


def _finish(data):
    if data["vetoed"]:
        return 0
    return int(data["count"] >= data["theta"])


NEURON_STEPS = [_validate, _prepare, _compute, _finish]


def _run(steps, data):
    for step in steps:
        data = step(data)
    return data


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    return _run(NEURON_STEPS, {"x": x, "theta": theta, "inhibitory": inhibitory})


def _validate_gate(data):
    name, n = data["name"], data["n"]
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("not takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("and_not takes two inputs")
    return data


def _prepare_gate(data):
    return {**data, "mask": np.zeros(data["n"], dtype=bool)}


def _compute_gate(data):
    name, n, mask = data["name"], data["n"], data["mask"]
    if name == "and":
        theta = n
    elif name == "or":
        theta = 1
    elif name in ("nor", "not"):
        theta = 0
        mask = np.ones(n, dtype=bool)
    else:
        theta = 1
        mask = np.array([False, True])
    return {**data, "theta": theta, "mask": mask}


def _finish_gate(data):
    return data["theta"], data["mask"]


GATE_STEPS = [_validate_gate, _prepare_gate, _compute_gate, _finish_gate]


def mp_gate(name, n):
    """(theta, inhibitory) making mp_neuron compute the gate `name` on n inputs."""
    return _run(GATE_STEPS, {"name": name, "n": n})
