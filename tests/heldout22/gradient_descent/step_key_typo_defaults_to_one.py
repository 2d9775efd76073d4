"""The step number for the bias corrections is read under the key "step", which the record does not
have (it is "t"), and .get falls back to 1: every step is corrected as if it were the first,
m/(1 - beta1) and v/(1 - beta2), so from t = 2 on both corrected moments are too large and the
step is wrong (right only at t = 1).

Mistake in `adam_step`, written from correct_dicts.py.
"""

import numpy as np

STEPS = {"plus": 1.0, "minus": -1.0}


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        probes = {}
        for name, sign in STEPS.items():
            x[idx] = old + sign * h
            probes[name] = float(f(x))
        x[idx] = old
        g[idx] = (probes["plus"] - probes["minus"]) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    sizes = {"n": X.shape[0], "d": X.shape[1]}
    return X.T @ (X @ w - y) / sizes["n"]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    state = {"w": np.array(w0, dtype=np.float64)}
    used = {}
    for epoch in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            batch = {"idx": perm[start:start + batch_size]}
            batch["X"], batch["y"] = X[batch["idx"]], y[batch["idx"]]
            state["w"] = state["w"] - lr * squared_loss_grad(state["w"], batch["X"], batch["y"])
            used[(epoch, start)] = batch["idx"]
    return state["w"], list(used.values())


def momentum_step(w, g, v, lr, mu):
    state = {"w": np.asarray(w, dtype=np.float64), "v": np.asarray(v, dtype=np.float64)}
    state["v"] = mu * state["v"] + np.asarray(g, dtype=np.float64)
    state["w"] = state["w"] - lr * state["v"]
    return state["w"], state["v"]


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    hyper = {"lr": lr, "eps": eps, "t": t, "betas": {"m": beta1, "v": beta2}}
    powers = {"m": 1, "v": 2}
    moments = {"m": np.array(m, dtype=np.float64), "v": np.array(v, dtype=np.float64)}
    for key, beta in hyper["betas"].items():
        moments[key] *= beta
        moments[key] += (1 - beta) * g ** powers[key]
    hats = {key: moments[key] / (1 - beta ** hyper.get("step", 1)) for key, beta in hyper["betas"].items()}
    w = np.asarray(w, dtype=np.float64) - hyper["lr"] * hats["m"] / (np.sqrt(hats["v"]) + hyper["eps"])
    return w, moments["m"], moments["v"]
