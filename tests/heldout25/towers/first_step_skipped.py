"""The loop over the edges starts at index 1.

range(1, edges.size): the up-step at lo (height f_0) is left out, so the whole staircase is
shifted down by f_0 inside [lo, hi] and ends at -f_0 beyond hi.

One mistake in correct_bisect (style: bisect), in `approximate_1d`.
"""

import numpy as np

SIGN_EDGES = np.array([0.0])


def sigmoid(z):
    """Stable logistic function: branch chosen by np.digitize of z among the edge 0."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    table = np.stack([e / (1.0 + e), 1.0 / (1.0 + e)])      # [z < 0, z >= 0]
    idx = np.digitize(z, SIGN_EDGES, right=False)            # 0 for z < 0, 1 for z >= 0
    s = np.take_along_axis(table, idx[None, ...], axis=0)[0] if z.ndim else table[idx]
    s = np.asarray(s, dtype=np.float64)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    """h·(σ(w(x − a)) − σ(w(x − b)))."""
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h·σ(w·(Tx + Ty − 1.5))."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """Σ_j (f_j − f_{j−1})·σ(w(x − e_j)) over the k + 1 edges e_j, f padded with 0 at both ends."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)                      # sorted
    jumps = np.diff(np.concatenate([[0.0], f_values, [0.0]]))   # (k + 1,)
    F = np.zeros(x.shape)
    for j in range(1, edges.size):
        F = F + jumps[j] * sigmoid(w * (x - edges[j]))
    return float(F) if F.ndim == 0 else F
