"""loop-based rewrite

A demo student who evaluates the network one sample and one unit at a time."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    outputs = []
    for x in X:
        z = [float(v) for v in x]
        last = []
        for W, b in layers:
            last = []
            for unit in range(len(b)):
                s = b[unit]
                for k in range(len(z)):
                    s += W[unit][k] * z[k]
                last.append(1.0 if s >= 0 else 0.0)
            z = z + last
        outputs.append(int(last[0]))
    return np.array(outputs, dtype=int)


def count_units(layers):
    total = 0
    for _W, b in layers:
        total += len(b)
    return total
