"""the threshold compares {what} with θ (it must count the active excitatory inputs)

A family (grader.run.catalogue: PARAMS): what is summed instead of x over the excitatory
inputs, e.g. `total += 1` per excitatory input, or x[mask] where x[~mask] was meant: once the
veto has passed that sum is 0 on every input, as a count loop that never runs (over a zip
iterator the veto used up) is, so that member is worded by what the count does."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403

what = "the number of excitatory inputs"
ZERO = ("a count that stays 0 once the veto has passed (x[mask] summed where x[~mask] is meant, "
        "or a count loop that never runs)")
PARAMS = {"what": ("the number of excitatory inputs", ZERO, "the number of inputs")}


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
    total = {"the number of excitatory inputs": (~inh).sum(),
             ZERO: x[inh].sum(),  # 0: an active inhibitory input has vetoed above
             "the number of inputs": len(x)}[what]
    return int(total >= theta)


FIX = "count the excitatory inputs that are on: sum x[i] over the inputs not marked inhibitory"
