"""the threshold test is written `count {op} {bound}` (it must be `count >= θ`)

A family (grader.run.catalogue: PARAMS): the comparison and the offset a student writes in the
threshold test, e.g. `total > theta - 1` (the same as `>=` for an integer θ only) or `>`."""

import operator

import numpy as np

from reference.mp_neuron import *  # noqa: F403

op = ">"
bound = -1.0  # the default, `count > θ − 1` (strict_greater.py is the member op=">", bound=θ)
PARAMS = {
    "op": (">", ">=", "<=", "<", "=="),
    "bound": {"θ": 0.0, "θ − 1": -1.0, "θ + 1": 1.0, "θ − 2": -2.0, "θ + 2": 2.0,
              "θ − 0.5": -0.5, "θ + 0.5": 0.5},
}
_OPS = {">": operator.gt, ">=": operator.ge, "<=": operator.le, "<": operator.lt,
        "==": operator.eq}


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    inh = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if inh.shape != x.shape:
        raise ValueError("inhibitory and x must have the same length")
    if np.any(x[inh] == 1):
        return 0
    return int(_OPS[op](x[~inh].sum(), theta + bound))


FIX = "fire when the count of active excitatory inputs reaches theta: count >= theta"
