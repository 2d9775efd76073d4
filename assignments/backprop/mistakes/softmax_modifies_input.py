"""an input array was modified in place

softmax shifts its argument in place (Z -= max) instead of working on a copy."""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax(Z):
    Z -= Z.max(axis=1, keepdims=True)
    np.exp(Z, out=Z)
    Z /= Z.sum(axis=1, keepdims=True)
    return Z


FIX = "work on a copy: Z = Z - Z.max(...), not Z -= ..."
