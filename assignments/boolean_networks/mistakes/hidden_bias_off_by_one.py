"""a bias is off by one in the threshold network (b = −(ones) + 1)"""


from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    (W1, b1), out = _shallow(truth_table)
    return [(W1, b1 + 1.0), out]


FIX = "a unit matching a pattern with k ones needs b = −k"
