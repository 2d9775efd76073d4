"""count_units counts the parts of each layer: len((W, b)) is 2 whatever the number of units"""

from reference.boolean_networks import *  # noqa: F403


def count_units(layers):
    return int(sum(len(layer) for layer in layers))


FIX = "a layer's units are the rows of its W: sum(W.shape[0] for W, _ in layers)"
