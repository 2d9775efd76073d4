"""The McCulloch-Pitts neuron carried in log space: the veto is a product of (1 - x_i) over the
inhibitory inputs, kept as a sum of logs (log 0 = -inf means vetoed), and the excitatory count is
compared with the threshold as logs (log 0 = -inf for an empty count or a threshold <= 0).
mp_gate keeps a table of log thresholds and converts back with exp at the end.

Correct solution (style: logdomain).
"""

import numpy as np

NEG_INF = -np.inf


def _log(value):
    """log of a non-negative number, with log 0 = -inf (and no warning)."""
    if value <= 0:
        return NEG_INF
    return float(np.log(value))


def _log_veto_pass(xf, mask):
    """log prod_{i inhibitory} (1 - x_i): 0 when no inhibitory input is on, -inf otherwise."""
    with np.errstate(divide="ignore"):
        return float(np.sum(np.log1p(-xf[mask])))


def _log_count(xf, mask):
    """log of the number of active excitatory inputs."""
    return _log(float(np.sum(xf[~mask])))


def mp_neuron(x, theta, inhibitory=None):
    """1 iff the veto passes (log product is 0, not -inf) and log(count) >= log(theta)."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    xf = x.astype(np.float64)
    if inhibitory is None:
        mask = np.zeros(x.shape, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError("inhibitory and x must have the same length")
    if _log_veto_pass(xf, mask) == NEG_INF:
        return 0
    return int(_log_count(xf, mask) >= _log(theta))


# log theta per gate, as a function of n; exp(-inf) = 0 is the threshold 0
LOG_THETA = {
    "and": lambda n: np.log(n),
    "or": lambda n: 0.0,
    "nor": lambda n: NEG_INF,
    "not": lambda n: NEG_INF,
    "and_not": lambda n: 0.0,
}


def _gate_mask(name, n):
    if name in ("nor", "not"):
        return np.ones(n, dtype=bool)
    if name == "and_not":
        return np.array([False, True])
    return np.zeros(n, dtype=bool)


def mp_gate(name, n):
    """(theta, inhibitory) for a gate: theta = exp(log theta), rounded back to a count."""
    if name not in LOG_THETA:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("not takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("and_not takes two inputs")
    theta = int(round(float(np.exp(LOG_THETA[name](n)))))
    return theta, _gate_mask(name, n)
