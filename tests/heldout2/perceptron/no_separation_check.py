"""novikoff_bound: Does not raise ValueError when w* does not separate the data (γ <= 0); it
returns (R/γ)² anyway, a positive number.

Held-out batch 2 (H4): correct_loops.py with this one mistake.
"""

import math

import numpy as np


def two_gaussians(n_per_class, seed):
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points = np.empty((2 * n_per_class, 2))
    points[0::2] = positive
    points[1::2] = negative
    y = np.empty(2 * n_per_class, dtype=int)
    y[0::2] = 1
    y[1::2] = -1
    return np.hstack([points, np.ones((2 * n_per_class, 1))]), y


def add_bias(X):
    out = np.ones((len(X), len(X[0]) + 1))
    for i, row in enumerate(X):
        for j, value in enumerate(row):
            out[i, j] = value
    return out


def train_perceptron(X, y, w, epochs):
    n = len(X)
    if len(y) != n or any(len(row) != len(w) for row in X):
        raise ValueError("X, y and w do not fit together")
    for label in y:
        if label not in (-1, 1):
            raise ValueError(f"label {label} is not -1 or +1")
    weights = [float(v) for v in w]
    changes = []
    epoch = 0
    while epoch < epochs:
        count = 0
        for i in range(n):
            activation = sum(weights[j] * X[i][j] for j in range(len(weights)))
            if y[i] * activation <= 0:
                for j in range(len(weights)):
                    weights[j] += y[i] * X[i][j]
                count += 1
        changes.append(count)
        epoch += 1
        if count == 0:
            break
    return np.array(weights), changes


def predict(w, X):
    labels = []
    for row in X:
        score = sum(wj * xj for wj, xj in zip(w, row))
        labels.append(1 if score > 0 else -1)
    return np.array(labels, dtype=int)


def novikoff_bound(X, y, w_star):
    norm = math.sqrt(sum(v * v for v in w_star))
    R = max(math.sqrt(sum(v * v for v in row)) for row in X)
    gamma = min(yi * sum(a * b for a, b in zip(w_star, row)) for row, yi in zip(X, y)) / norm
    return (R / gamma) ** 2


def xor_features(X):
    rows = [[float(u), float(v), float(u) * float(v)] for u, v in X]
    return np.array(rows).reshape(len(rows), 3)
