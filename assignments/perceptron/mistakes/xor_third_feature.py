"""the third XOR feature is {feature} instead of the product x1·x2

A family (grader.run.catalogue: PARAMS): features that equal x1·x2 (or separate XOR) on 0/1
inputs but not on ±1 or real inputs."""

import numpy as np

from reference.perceptron import *  # noqa: F403

PARAMS = {"feature": {
    "np.logical_and(x1, x2)": lambda a, b: np.logical_and(a, b).astype(np.float64),
    "np.minimum(x1, x2)": np.minimum,
    "x1 & x2 on ints": lambda a, b: (a.astype(int) & b.astype(int)).astype(np.float64),
    "(x1 == x2)": lambda a, b: (a == b).astype(np.float64),
    "np.logical_xor(x1, x2)": lambda a, b: np.logical_xor(a, b).astype(np.float64),
    "|x1 − x2|": lambda a, b: np.abs(a - b),
}}
feature = next(iter(PARAMS["feature"].values()))  # the default: the first member


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.column_stack([X[:, 0], X[:, 1], feature(X[:, 0], X[:, 1])])


FIX = "the third feature is the product X[:, 0] * X[:, 1]"
