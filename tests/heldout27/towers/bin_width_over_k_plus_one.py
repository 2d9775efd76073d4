"""The bin width is Δ = (hi − lo)/(k + 1) (the number of edges) instead of (hi − lo)/k.

The k towers cover only [lo, lo + kΔ], short of hi by one bin: the staircase is squeezed to the
left and the last part of the interval is ~0.

Single mistake in approximate_1d; written from correct_greek.
"""

import numpy as np


def sigmoid(z):
    """σ(z) = 1/(1 + e^{-z}) for z >= 0 and e^{z}/(1 + e^{z}) for z < 0 (no overflow)."""
    z = np.asarray(z, dtype=np.float64)
    ε = np.exp(-np.abs(z))
    σ = np.where(z >= 0, 1.0 / (1.0 + ε), ε / (1.0 + ε))
    return float(σ) if σ.ndim == 0 else σ


σ = sigmoid


def tower_1d(x, a, b, h, w):
    """T(x) = h·(σ(w(x - a)) - σ(w(x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    T = h * (σ(w * (x - a)) - σ(w * (x - b)))
    return float(T) if np.ndim(T) == 0 else T


def tower_2d(P, box, h, w):
    """T(x, y) = h·σ(w·(T_x + T_y - 1.5)) with the unit 1-D towers T_x, T_y of the box."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    x, y = P[:, 0], P[:, 1]
    Tx = σ(w * (x - a1)) - σ(w * (x - b1))
    Ty = σ(w * (y - a2)) - σ(w * (y - b2))
    return h * σ(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """F(x) = Σ_j f(m_j)·(σ(w(x - e_j)) - σ(w(x - e_{j+1}))),  e_j = lo + jΔ,  Δ = (hi - lo)/k."""
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    Δ = (hi - lo) / (k + 1)
    F = np.zeros_like(x)
    for j in range(k):
        e_j = lo + j * Δ
        e_j1 = lo + (j + 1) * Δ
        F = F + f[j] * (σ(w * (x - e_j)) - σ(w * (x - e_j1)))
    return float(F) if np.ndim(F) == 0 else F
