"""layers were counted instead of units"""

from reference.boolean_networks import *  # noqa: F403


def count_units(layers):
    return len(layers)


FIX = "sum the rows of every W: sum(W.shape[0] for W, b in layers)"
