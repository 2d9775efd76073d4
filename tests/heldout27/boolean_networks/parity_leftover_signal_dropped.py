"""On a level with an odd number of signals the left-over signal is dropped instead of carried.

rest is always [] : for odd n (and whenever a level is odd) one input never reaches the XOR
tree, so the network computes the parity of the other inputs and has fewer than 3(n − 1) units.

Single mistake in deep_parity; written from correct_greek.
"""

import numpy as np


def H(s):
    """The Heaviside step of a threshold unit: 1 if s >= 0, else 0."""
    return (s >= 0).astype(np.float64)


def threshold_forward(layers, X):
    """ζ⁰ = x;  o^k = H(W_k ζ^{k-1} + b_k);  ζ^k = [ζ^{k-1}, o^k];  output o^L."""
    ζ = np.asarray(X, dtype=np.float64)
    if ζ.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs a layer")
    o = np.zeros((ζ.shape[0], 0))
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != ζ.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit its input")
        o = H(ζ @ W.T + b)
        ζ = np.hstack([ζ, o])
    if o.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return o[:, 0].astype(int)


def shallow_network(truth_table):
    """One unit per pattern p of P = f⁻¹(1) (or f⁻¹(0) if |f⁻¹(1)| > 2ⁿ⁻¹), then OR (or NOR)."""
    τ = np.asarray(truth_table)
    if τ.ndim != 1:
        raise ValueError("the truth table must be 1-D")
    N = τ.shape[0]
    n = N.bit_length() - 1
    if n < 1 or N != 2**n:
        raise ValueError("the truth table must have 2ⁿ entries")
    if not np.all((τ == 0) | (τ == 1)):
        raise ValueError("the truth table must be 0/1")
    ν = int(τ.sum()) > 2 ** (n - 1)           # build the negation
    P = [r for r in range(N) if τ[r] == (0 if ν else 1)]
    if not P:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2, b2 = np.zeros((1, n + 1)), np.array([0.0 if ν else -1.0])
        return [(W1, b1), (W2, b2)]
    W1 = np.zeros((len(P), n))
    b1 = np.zeros(len(P))
    for k, r in enumerate(P):
        p = np.array([(r >> (n - 1 - i)) & 1 for i in range(n)], dtype=np.float64)
        W1[k] = 2 * p - 1
        b1[k] = -p.sum()
    h = len(P)
    if ν:
        W2 = np.hstack([np.zeros((1, n)), -np.ones((1, h))])
        b2 = np.array([0.0])
    else:
        W2 = np.hstack([np.zeros((1, n)), np.ones((1, h))])
        b2 = np.array([-1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """Parity as a tree of XOR blocks: OR = H(a + b - 1), NAND = H(1 - a - b), AND = H(o + ō - 2)."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    σ = list(range(n))                         # columns of ζ still to be XORed
    m = n                                      # width of ζ
    while len(σ) > 1:
        pairs = [(σ[i], σ[i + 1]) for i in range(0, len(σ) - 1, 2)]
        rest = []
        Wa = np.zeros((2 * len(pairs), m))
        ba = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            Wa[2 * j, a] = Wa[2 * j, b] = 1.0
            ba[2 * j] = -1.0
            Wa[2 * j + 1, a] = Wa[2 * j + 1, b] = -1.0
            ba[2 * j + 1] = 1.0
        layers.append((Wa, ba))
        m0 = m
        m += 2 * len(pairs)
        Wb = np.zeros((len(pairs), m))
        bb = np.full(len(pairs), -2.0)
        for j in range(len(pairs)):
            Wb[j, m0 + 2 * j] = Wb[j, m0 + 2 * j + 1] = 1.0
        layers.append((Wb, bb))
        σ = [m + j for j in range(len(pairs))] + rest
        m += len(pairs)
    return layers


def count_units(layers):
    """Σ_k units_k."""
    Σ = 0
    for W, _ in layers:
        Σ += np.asarray(W).shape[0]
    return int(Σ)
