"""Universal approximation with sigmoid towers (assignment 4, `towers`).

The lecture's construction. A steep sigmoid σ(w(x − a)) is almost a step at a; the difference
of two steps is a "tower" of height h on [a, b]:

    tower(x) = h·(σ(w(x − a)) − σ(w(x − b)))          →  h·1[a < x < b]   as w → ∞.

Cut [lo, hi] into k bins of width Δ = (hi − lo)/k with edges e_j = lo + jΔ and midpoints
m_j = lo + (j + ½)Δ; one tower per bin, of height f(m_j), gives a staircase that approximates f:

    F(x) = Σ_j f(m_j)·(σ(w(x − e_j)) − σ(w(x − e_{j+1}))).

In 2-D a tower over the box [a1, b1] × [a2, b2] is built from the two 1-D towers Tx, Ty (height
1): Tx + Ty is ≈ 2 inside the box, ≈ 1 on the two "cross" strips, ≈ 0 elsewhere, and a second
sigmoid keeps only the inside, h·σ(w(Tx + Ty − 1.5)).

Beyond the student API this module has the 2-D approximation on a grid of boxes and the error
bounds of both constructions (see `error_bound_1d`, `error_bound_2d`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

STUDENT_API: tuple[str, ...] = ("sigmoid", "tower_1d", "tower_2d", "approximate_1d")
PROVIDED: tuple[str, ...] = ()

# --------------------------------------------------------------------------- student API


def sigmoid(z):
    """The logistic function σ(z) = 1 / (1 + e^{−z}), elementwise.

    z: a number or an array of any shape. Returns an array of the same shape (a float for a
    number), values in [0, 1]. Must not overflow, warn or return NaN for |z| up to 1e4:
    σ(−1e4) is 0.0 (to double precision) and σ(1e4) is 1.0. Note that σ(z) = e^{z} / (1 + e^{z})
    too. z is not modified.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    """A 1-D sigmoid tower of height h on [a, b] with steepness w.

    Returns h·(σ(w(x − a)) − σ(w(x − b))) elementwise: x is a number or an array (any shape),
    the result has the shape of x. For large w it is ≈ h inside (a, b), ≈ 0 outside and
    ≈ h/2 at the edges a and b. x is not modified.
    """
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """A 2-D sigmoid tower of height h over the box [a1, b1] × [a2, b2], steepness w.

    P: (m, 2) points (x, y); box = (a1, b1, a2, b2). With the two 1-D towers of height 1
        Tx = σ(w(x − a1)) − σ(w(x − b1)),   Ty = σ(w(y − a2)) − σ(w(y − b2)),
    returns h·σ(w·(Tx + Ty − 1.5)), shape (m,). Inside the box Tx + Ty ≈ 2, on the strips where
    only one coordinate is inside ≈ 1, elsewhere ≈ 0: the outer sigmoid keeps only the box.
    P is not modified.
    """
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k sigmoid towers that approximates f on [lo, hi].

    f_values: (k,) the values f(m_j) at the midpoints m_j = lo + (j + ½)·Δ of k equal-width
    bins of [lo, hi], Δ = (hi − lo)/k. Bin j spans [lo + jΔ, lo + (j + 1)Δ] and carries one
    tower of height f_values[j] and steepness w on exactly that interval. Returns
        F(x) = Σ_j f_values[j]·(σ(w(x − lo − jΔ)) − σ(w(x − lo − (j + 1)Δ)))
    evaluated elementwise at x (a number or an array of any shape; result of the same shape).
    Neither f_values nor x is modified.
    """
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    F = np.zeros_like(x)
    for j in range(k):
        F = F + tower_1d(x, edges[j], edges[j + 1], f_values[j], w)
    return float(F) if F.ndim == 0 else F


# --------------------------------------------------------------------------- beyond the API


def bin_midpoints(lo: float, hi: float, k: int) -> np.ndarray:
    """Midpoints m_j = lo + (j + ½)(hi − lo)/k of k equal bins of [lo, hi], shape (k,)."""
    if k < 1 or not hi > lo:
        raise ValueError(f"need k >= 1 and hi > lo, got k={k}, lo={lo}, hi={hi}")
    delta = (hi - lo) / k
    return lo + (np.arange(k) + 0.5) * delta


def approximate_2d(
    f_values: np.ndarray, domain: tuple[float, float, float, float], w: float, P: np.ndarray
) -> np.ndarray:
    """Sum of 2-D towers on a k1 × k2 grid of boxes, one per cell, height f at its centre.

    f_values: (k1, k2), f_values[i, j] = f at the centre of cell i along x and j along y of the
    rectangle domain = (lo1, hi1, lo2, hi2). P: (m, 2). Returns (m,).
    """
    f_values = np.asarray(f_values, dtype=np.float64)
    lo1, hi1, lo2, hi2 = domain
    k1, k2 = f_values.shape
    ex = np.linspace(lo1, hi1, k1 + 1)
    ey = np.linspace(lo2, hi2, k2 + 1)
    F = np.zeros(np.asarray(P).shape[0])
    for i in range(k1):
        for j in range(k2):
            F = F + tower_2d(P, (ex[i], ex[i + 1], ey[j], ey[j + 1]), f_values[i, j], w)
    return F


def tabulate_1d(
    f: Callable[[np.ndarray], np.ndarray], lo: float, hi: float, k: int, w: float, x: np.ndarray
) -> np.ndarray:
    """F(x) for the function f itself: f sampled at the k bin midpoints, then approximate_1d."""
    return np.asarray(approximate_1d(f(bin_midpoints(lo, hi, k)), lo, hi, w, x))


def error_bound_1d(
    lipschitz: float, sup_f: float, lo: float, hi: float, k: int, w: float, margin: float = 0.0
) -> float:
    """An upper bound on |F(x) − f(x)| for x in [lo + margin, hi − margin].

    f is L-Lipschitz on [lo, hi] with |f| <= sup_f; F = approximate_1d with k bins and
    steepness w > 0; Δ = (hi − lo)/k. Then

        |F(x) − f(x)| <= L·Δ/2  +  2L·(1/(e·w) + 1/(w²·Δ))  +  2·sup_f·σ(−w·margin).

    The first term is the staircase error (x is at most Δ/2 from its bin's midpoint). Proof of
    the rest: write T_j(x) = σ(w(x − e_j)) − σ(w(x − e_{j+1})) ∈ (0, 1), with Σ_j T_j = W(x) =
    σ(w(x − lo)) − σ(w(x − hi)) <= 1. Then F − f = Σ_j (f(m_j) − f(x))·T_j − f(x)·(1 − W), and
    |f(m_j) − f(x)| <= L|x − m_j| = L(Δ/2 + d_j), where d_j is the distance from x to bin j.
    A bin at distance d_j has T_j <= σ(−w·d_j) <= e^{−w·d_j}, and on each side of x the d_j
    are d, d + Δ, d + 2Δ, …; for the unimodal t·e^{−wt} that sum is at most its maximum
    1/(e·w) plus its integral over Δ, 1/(w²Δ). Finally 1 − W = σ(−w(x − lo)) + σ(−w(hi − x)).
    The steepness terms vanish as w → ∞, so the error tends to L·Δ/2 = L·(hi − lo)/(2k); the
    bound is tight (a linear f reaches L·Δ/2 just beside the bin edges). At x = lo or hi
    (margin 0) F is only ≈ f/2: the bound then says only that the error is <= sup_f + ….
    """
    if k < 1 or not hi > lo or not w > 0 or margin < 0:
        raise ValueError(f"need k >= 1, hi > lo, w > 0, margin >= 0; got {k}, {lo}, {hi}, {w}")
    delta = (hi - lo) / k
    staircase = lipschitz * delta / 2
    steepness = 2 * lipschitz * (1 / (math.e * w) + 1 / (w * w * delta))
    ends = 2 * sup_f * sigmoid(-w * margin)
    return staircase + steepness + ends


def error_bound_2d(
    lipschitz: float,
    sup_f: float,
    domain: tuple[float, float, float, float],
    k: tuple[int, int],
    w: float,
    margin: float,
) -> float:
    """An upper bound on |F(p) − f(p)| for approximate_2d at points p at distance >= margin
    from every grid line (cell edges), f L-Lipschitz (Euclidean norm), |f| <= sup_f.

    With ε = σ(−w·margin): in its own cell a point has Tx, Ty >= 1 − 2ε, in any other cell
    along an axis that coordinate's T <= ε. So its own tower is >= h·σ(w(0.5 − 4ε)), the
    k1 + k2 − 2 towers sharing a row or column are <= |h|·σ(−w(0.5 − ε)) and the remaining
    (k1 − 1)(k2 − 1) are <= |h|·σ(−w(1.5 − 2ε)). Adding the staircase error (distance to the
    cell centre <= half the cell diagonal):

        |F − f| <= L·√(Δx² + Δy²)/2 + sup_f·[1 − σ(w(0.5 − 4ε)) + (k1 + k2 − 2)·σ(−w(0.5 − ε))
                                              + (k1 − 1)(k2 − 1)·σ(−w(1.5 − 2ε))].

    Unlike 1-D, the leak of the neighbours grows with the number of cells, so w must grow with
    k (like log k) for the error to shrink.
    """
    lo1, hi1, lo2, hi2 = domain
    k1, k2 = k
    if k1 < 1 or k2 < 1 or not hi1 > lo1 or not hi2 > lo2 or not w > 0 or margin < 0:
        raise ValueError(f"invalid grid: domain={domain}, k={k}, w={w}, margin={margin}")
    dx, dy = (hi1 - lo1) / k1, (hi2 - lo2) / k2
    eps = sigmoid(-w * margin)
    staircase = lipschitz * math.hypot(dx, dy) / 2
    own = 1 - sigmoid(w * (0.5 - 4 * eps))
    cross = (k1 + k2 - 2) * sigmoid(-w * (0.5 - eps))
    far = (k1 - 1) * (k2 - 1) * sigmoid(-w * (1.5 - 2 * eps))
    return staircase + sup_f * (own + cross + far)
