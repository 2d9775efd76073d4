"""the veto is {which}

A family (grader.run.catalogue: PARAMS): the loop that looks for an active inhibitory input is
written `for i in range(...)` over the wrong inputs, or its veto is never applied (`out == 0`
where `out = 0` or `return 0` was meant). The excitatory count is right."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron

PARAMS = {"which": {
    "never applied (an active inhibitory input never stops the neuron: e.g. `out == 0` where "
    "`out = 0` was meant)": lambda n: range(0),
    "checked on every input but the last (range(n − 1): the last input is never a veto)":
        lambda n: range(n - 1),
    "checked on every input but the first (range(1, n): the first input is never a veto)":
        lambda n: range(1, n),
}}


def which(n):
    return range(0)


def mp_neuron(x, theta, inhibitory=None):
    _mp_neuron(x, theta, inhibitory)  # the checks of x and of the mask
    x = np.asarray(x)
    mask = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    for i in which(len(x)):
        if mask[i] and x[i] == 1:
            return 0
    return int(x[~mask].sum() >= theta)


FIX = ("check every input for a veto: for i in range(n): if inhibitory[i] and x[i] == 1: "
       "return 0")
