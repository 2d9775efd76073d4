"""a pattern unit's bias is −(k + 1) for a pattern with k ones, so it never fires

The unit's largest value, k at x = p, stays below the threshold: the network is constant."""

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    (W1, b1), out = _shallow(truth_table)
    return [(W1, b1 - 1.0), out]


FIX = "a unit matching a pattern with k ones needs b = −k (it must fire at x = p)"
