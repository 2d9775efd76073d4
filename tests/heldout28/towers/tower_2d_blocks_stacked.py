"""The per-chunk results are joined with np.stack instead of np.concatenate.

np.stack needs blocks of equal length, and the list starts with an empty block: tower_2d raises
ValueError for any set of points.

Single mistake in tower_2d; written from correct_chunked.
"""

import numpy as np

CHUNK = 8
ROWS = 5
BINS = 3


def sigmoid(z):
    """1 / (1 + exp(-z)) without overflow, CHUNK entries at a time."""
    z = np.asarray(z, dtype=np.float64)
    flat = z.ravel()
    out = np.empty_like(flat)
    for start in range(0, flat.size, CHUNK):
        block = flat[start:start + CHUNK]
        e = np.exp(-np.abs(block))
        out[start:start + CHUNK] = np.where(block >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    out = out.reshape(z.shape)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    """h (sigma(w(x - a)) - sigma(w(x - b))) elementwise."""
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h sigma(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2), ROWS points at a time."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    parts = [np.zeros(0)]
    for start in range(0, P.shape[0], ROWS):
        block = P[start:start + ROWS]
        Tx = sigmoid(w * (block[:, 0] - a1)) - sigmoid(w * (block[:, 0] - b1))
        Ty = sigmoid(w * (block[:, 1] - a2)) - sigmoid(w * (block[:, 1] - b2))
        parts.append(h * sigmoid(w * (Tx + Ty - 1.5)))
    return np.stack(parts)


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], summed BINS bins at a time."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    F = np.zeros_like(x)
    for start in range(0, k, BINS):
        partial = np.zeros_like(x)
        for j in range(start, min(start + BINS, k)):
            partial = partial + f_values[j] * (sigmoid(w * (x - edges[j]))
                                               - sigmoid(w * (x - edges[j + 1])))
        F = F + partial
    return float(F) if F.ndim == 0 else F
