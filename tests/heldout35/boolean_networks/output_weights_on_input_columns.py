"""The output unit's weight for hidden unit j is written at column j instead of column n + j.

W2 has the n network inputs first and the h hidden units after them, but the OR (or NOR) weights
are put at W2[0, j]: the output reads the first inputs (and the first hidden units only when h >
n) instead of the pattern units.

Graded: shallow_network (written from correct_textbook.py).
"""

import numpy as np


def threshold_forward(layers, X):
    """a_k[j] = 1 if sum_i W_k[j, i] z_k[i] + b_k[j] >= 0 else 0; the output is a_L."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be a 2-D array (m, n)")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    a = None
    for k in range(len(layers)):
        W_k = np.asarray(layers[k][0], dtype=np.float64)
        b_k = np.asarray(layers[k][1], dtype=np.float64)
        if W_k.ndim != 2 or W_k.shape[1] != z.shape[1] or b_k.shape != (W_k.shape[0],):
            raise ValueError(f"layer {k + 1} does not fit its input")
        units_k = W_k.shape[0]
        a = np.zeros((z.shape[0], units_k))
        for j in range(units_k):
            # s_j = sum_i W_k[j, i] z[:, i] + b_k[j]
            s_j = z @ W_k[j] + b_k[j]
            # a_j = H(s_j), H(0) = 1
            a[:, j] = np.where(s_j >= 0, 1.0, 0.0)
        # z_{k+1} = [z_k; a_k]
        z = np.hstack([z, a])
    if a.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return a[:, 0].astype(int)


def bits(r, n):
    """p = (p_1, ..., p_n), the bits of r with p_1 the most significant."""
    p = np.zeros(n)
    for i in range(n):
        p[i] = (r >> (n - 1 - i)) & 1
    return p


def shallow_network(truth_table):
    """One hidden unit per pattern p with f(p) = 1 (w = 2p - 1, b = -|p|) and an OR; if f has
    more than 2^(n-1) ones, units for the zeros of f and a NOR."""
    f = np.asarray(truth_table)
    if f.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    N = f.shape[0]
    n = N.bit_length() - 1
    if n < 1 or N != 2**n:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    for r in range(N):
        if f[r] != 0 and f[r] != 1:
            raise ValueError("truth_table must hold only 0s and 1s")
    ones = int(sum(int(f[r]) for r in range(N)))
    negate = ones > 2 ** (n - 1)
    target = 0 if negate else 1
    P = [bits(r, n) for r in range(N) if f[r] == target]
    h = len(P)
    if h == 0:
        # f is constant: a unit that never matters and an output with a fixed value
        W1 = np.zeros((1, n))
        b1 = np.zeros(1)
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0 if negate else -1.0])
        return [(W1, b1), (W2, b2)]
    W1 = np.zeros((h, n))
    b1 = np.zeros(h)
    for j in range(h):
        p = P[j]
        for i in range(n):
            # w_ji = 2 p_i - 1
            W1[j, i] = 2 * p[i] - 1
        # b_j = -|p| = -sum_i p_i
        b1[j] = -sum(p[i] for i in range(n))
    W2 = np.zeros((1, n + h))
    for j in range(h):
        # OR: sum_j a_j - 1 >= 0;  NOR: -sum_j a_j >= 0
        W2[0, j] = -1.0 if negate else 1.0
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """p_1 = x_1, p_k = p_{k-1} XOR x_k: each XOR is OR and NAND (one layer), then AND (the
    next), 3 units per XOR, 3(n - 1) in all."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    width = n  # columns of z so far
    p = 0  # the column of z holding p_1 = x_1
    for k in range(1, n):
        # u = p_{k-1}, v = x_{k+1} (column k)
        u, v = p, k
        # OR: u + v - 1 >= 0;  NAND: -u - v + 1 >= 0
        W_a = np.zeros((2, width))
        b_a = np.zeros(2)
        W_a[0, u] = 1.0
        W_a[0, v] = 1.0
        b_a[0] = -1.0
        W_a[1, u] = -1.0
        W_a[1, v] = -1.0
        b_a[1] = 1.0
        layers.append((W_a, b_a))
        width += 2
        # AND of OR and NAND: or + nand - 2 >= 0
        W_b = np.zeros((1, width))
        W_b[0, width - 2] = 1.0
        W_b[0, width - 1] = 1.0
        b_b = np.array([-2.0])
        layers.append((W_b, b_b))
        p = width  # p_k is the new column
        width += 1
    return layers


def count_units(layers):
    """sum_k units_k, the number of rows of every W_k."""
    total = 0
    for k in range(len(layers)):
        W_k = np.asarray(layers[k][0])
        total += W_k.shape[0]
    return int(total)
