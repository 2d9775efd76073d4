"""Perceptron written step by step with explicit loops and lots of intermediate names.

A correct solution (student-ish verbose style).
"""

import numpy as np


def add_bias(X):
    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X should be a matrix of shape (n, d)")
    n_samples = X.shape[0]
    n_features = X.shape[1]
    result = np.zeros((n_samples, n_features + 1))
    for i in range(n_samples):
        for j in range(n_features):
            result[i, j] = X[i, j]
        result[i, n_features] = 1.0
    return result


def train_perceptron(X, y, w, epochs):
    X = np.array(X, dtype=float)
    labels = np.array(y)
    if X.ndim != 2:
        raise ValueError("X should be a matrix")
    n_samples, n_features = X.shape
    if labels.shape != (n_samples,):
        raise ValueError("y must have one label per row of X")
    for label in labels:
        if label != 1 and label != -1:
            raise ValueError(f"label {label} is not +1 or -1")
    weights = np.array(w, dtype=float)
    if weights.shape != (n_features,):
        raise ValueError("w must have one weight per column of X")
    changes = []
    epoch = 0
    while epoch < epochs:
        mistakes = 0
        for i in range(n_samples):
            activation = 0.0
            for j in range(n_features):
                activation += weights[j] * X[i, j]
            if labels[i] * activation <= 0:
                for j in range(n_features):
                    weights[j] = weights[j] + labels[i] * X[i, j]
                mistakes += 1
        changes.append(mistakes)
        epoch += 1
        if mistakes == 0:
            break
    return weights, changes


def predict(w, X):
    X = np.array(X, dtype=float)
    w = np.array(w, dtype=float)
    predictions = np.zeros(X.shape[0], dtype=int)
    for i in range(X.shape[0]):
        if np.dot(w, X[i]) > 0:
            predictions[i] = 1
        else:
            predictions[i] = -1
    return predictions


def novikoff_bound(X, y, w_star):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    w_star = np.array(w_star, dtype=float)
    w_norm = np.sqrt(np.sum(w_star ** 2))
    biggest_norm = 0.0
    for row in X:
        row_norm = np.sqrt(np.sum(row ** 2))
        if row_norm > biggest_norm:
            biggest_norm = row_norm
    smallest_margin = None
    for i in range(len(y)):
        m = y[i] * np.dot(w_star, X[i]) / w_norm if w_norm > 0 else 0.0
        if smallest_margin is None or m < smallest_margin:
            smallest_margin = m
    if smallest_margin is None or smallest_margin <= 0:
        raise ValueError("w_star does not separate the data")
    ratio = biggest_norm / smallest_margin
    return float(ratio * ratio)


def xor_features(X):
    X = np.array(X, dtype=float)
    features = []
    for row in X:
        u = row[0]
        v = row[1]
        features.append([u, v, u * v])
    return np.array(features, dtype=float).reshape(len(X), 3)
