"""= where += is meant: each tower REPLACES the accumulator instead of being added to it, so
approximate_1d returns only the last bin's tower.

One mistake, in `approximate_1d`; written in the style of correct_inplace.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    np.abs(z, out=out)
    np.negative(out, out=out)
    np.exp(out, out=out)  # e = exp(-|z|), in (0, 1]
    num = np.where(z >= 0, 1.0, out)
    out += 1.0
    np.divide(num, out, out=out)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    t = np.empty(x.shape)
    np.subtract(x, a, out=t)
    t *= w
    left = np.array(sigmoid(t), dtype=np.float64)
    np.subtract(x, b, out=t)
    t *= w
    left -= sigmoid(t)
    left *= h
    return float(left) if left.ndim == 0 else left


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    T = np.empty((P.shape[0], 2))
    for c in range(2):
        T[:, c] = tower_1d(P[:, c], box[2 * c], box[2 * c + 1], 1.0, w)
    S = T.sum(axis=1)
    S -= 1.5
    S *= w
    return h * sigmoid(S)


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.arange(k + 1, dtype=np.float64)
    edges *= (hi - lo) / k
    edges += lo
    F = np.zeros(x.shape)
    for j in range(k):
        F = tower_1d(x, edges[j], edges[j + 1], f_values[j], w)
    return float(F) if F.ndim == 0 else F
