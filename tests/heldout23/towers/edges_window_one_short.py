"""(deque) The deque of edges is bounded by k (the number of bins) instead of holding all k + 1
edges: lo is dropped, the left edges start at lo + delta and the rotated copy closes the last
bin back at lo + delta, so the first k - 1 heights sit one bin to the right and the last height
becomes a NEGATIVE tower over [lo + delta, hi] (for k = 1 the result is 0).

One mistake in `approximate_1d`, written from correct_deque.py.
"""

import math
from collections import deque

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    pending = deque(z.ravel(order="C").tolist())
    results = deque()
    while pending:
        t = pending.popleft()
        if t >= 0:
            value = 1.0 / (1.0 + math.exp(-t))
        else:
            e = math.exp(t)
            value = e / (1.0 + e)
        results.append(value)
    out = np.array(results, dtype=np.float64).reshape(z.shape)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    steps = deque([(a, 1.0), (b, -1.0)])
    total = 0.0
    while steps:
        edge, sign = steps.popleft()
        total = total + sign * sigmoid(w * (x - edge))
    out = h * total
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    axes = deque([(0, a1, b1), (1, a2, b2)])
    total = np.zeros(P.shape[0])
    while axes:
        column, lower, upper = axes.popleft()
        total = total + (sigmoid(w * (P[:, column] - lower)) - sigmoid(w * (P[:, column] - upper)))
    return h * sigmoid(w * (total - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = deque(np.linspace(lo, hi, k + 1).tolist(), maxlen=k)
    right_edges = deque(edges)
    right_edges.rotate(-1)                               # right_edges[j] = edges[j + 1]
    heights = deque(f_values.tolist())
    F = np.zeros_like(x)
    for left, right in zip(edges, right_edges):
        if not heights:
            break
        F = F + tower_1d(x, left, right, heights.popleft(), w)
    return float(F) if F.ndim == 0 else F
