"""The gate settings are merged by updating GATE_DEFAULTS in place instead of building a new dict.

config is the module's defaults dict itself, so each call leaves its gate's settings behind for the
next one: after mp_gate("and", n) the default theta is "n" (OR becomes AND), after "nor" the
default veto is "all", after "and_not" every gate gets arity 2. Results depend on the order of
earlier calls.

Graded: mp_gate; written from correct_kwargs.py.
"""

import functools

import numpy as np

GATE_DEFAULTS = {"theta": 1, "veto": "none", "arity": None}
GATE_SETTINGS = {
    "and": {"theta": "n"},
    "or": {},
    "nor": {"theta": 0, "veto": "all"},
    "not": {"theta": 0, "veto": "all", "arity": 1},
    "and_not": {"veto": "last", "arity": 2},
}


def _check_bits(*, values):
    bits = np.asarray(values)
    if bits.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    if not np.all((bits == 0) | (bits == 1)):
        raise ValueError("x must hold only 0s and 1s")
    return bits


def _veto_mask(*, n, inhibitory=None):
    if inhibitory is None:
        return np.zeros(n, dtype=bool)
    mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    return mask


def _fires(*, bits, mask, theta):
    if np.any(bits[mask] == 1):
        return 0
    return int(bits[~mask].sum() >= theta)


def mp_neuron(x, theta, inhibitory=None):
    """1 iff no inhibitory input is on and the excitatory count reaches theta, else 0."""
    bits = _check_bits(values=x)
    decide = functools.partial(_fires, theta=theta)
    return decide(bits=bits, mask=_veto_mask(n=bits.shape[0], inhibitory=inhibitory))


def _mask_for(*, n, veto="none"):
    if veto == "all":
        return np.ones(n, dtype=bool)
    mask = np.zeros(n, dtype=bool)
    if veto == "last":
        mask[-1] = True
    return mask


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in GATE_SETTINGS:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    config = GATE_DEFAULTS
    config.update(GATE_SETTINGS[name])
    if config["arity"] is not None and n != config["arity"]:
        raise ValueError(f"{name!r} takes {config['arity']} inputs")
    theta = n if config["theta"] == "n" else config["theta"]
    return theta, _mask_for(n=n, veto=config["veto"])
