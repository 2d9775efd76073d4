"""the hinge loss {loss}, and dW's true-class column gets {true} times x_i

A family (grader.run.catalogue: PARAMS): the j = y_i term and the true-class gradient, where
students lose a sign, count the j = y_i margin as active, or forget the term."""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _check_linear_classifier

PARAMS = {
    "loss": {"skips j = y_i (right)": False,
             "also counts j = y_i (1 too high per sample)": True},
    "true": {"−(its active margins + 1), counting j = y_i,": "plus_one",
             "+(its active margins), the sign lost,": "plus",
             "−1 per active sample": "one", "nothing": "zero",
             "−(its active margins), as it should,": "right"},
}
loss = True
true = "plus_one"


def hinge_loss(W, X, y, reg):
    W, X, y = _check_linear_classifier(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    counted = np.maximum(0.0, margins)
    if not loss:
        counted[rows, y] = 0.0
    value = counted.sum() / N + reg * np.sum(W * W)
    margins[rows, y] = 0.0
    ds = (margins > 0).astype(np.float64)
    active = ds.sum(axis=1)
    ds[rows, y] = {"plus_one": -(active + 1), "plus": active,
                   "one": -(active > 0).astype(np.float64), "zero": 0.0, "right": -active}[true]
    dW = X.T @ (ds / N) + 2.0 * reg * W
    return float(value), dW


FIX = ("skip j = y_i in the loss; in dW the true-class column gets −(number of active "
       "margins)·x_i, each other class +x_i per active margin")
