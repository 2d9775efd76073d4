"""softmax divides the logits by the row max instead of subtracting it before exp

softmax computes exp(Z / max(Z)) / Σ exp(Z / max(Z)) (a scaling, not a shift, which changes the
probabilities)."""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        e = np.exp(Z / Z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)


FIX = "in softmax subtract the row max (Z − max), do not divide by it"
