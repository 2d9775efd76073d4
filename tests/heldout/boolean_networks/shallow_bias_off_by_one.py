"""heldout: hidden biases -(ones) + 1 in the shallow network"""


from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _ref_shallow


def shallow_network(truth_table):
    layers = _ref_shallow(truth_table)
    (W1, b1), second = layers
    return [(W1, b1 + 1.0), second]
