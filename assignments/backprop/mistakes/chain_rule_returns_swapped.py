"""the value and the derivative were returned in the wrong order

chain_rule_example returns (f′(x), f(x)) instead of (f(x), f′(x))."""

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    f, df = _ref.chain_rule_example(x)
    return df, f


FIX = "in chain_rule_example return (value, derivative), in that order"
