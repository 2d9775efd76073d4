"""The first-moment step is listed twice in the Adam pipeline.

m is decayed and updated twice per call (m <- b1^2 m + (1 - b1^2) g): the returned m and the
step are wrong.

Single mistake in adam_step; written from correct_pipeline.
"""

import numpy as np


def _run(steps, data):
    for step in steps:
        data = step(data)
    return data


def _copy_point(data):
    return {**data, "x": np.array(data["x"], dtype=np.float64)}


def _probe_all(data):
    x, f, h = data["x"], data["f"], data["h"]
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        plus = float(f(x))
        x[i] = old - h
        minus = float(f(x))
        x[i] = old
        g[i] = (plus - minus) / (2 * h)
    return {**data, "g": g}


def _finish_g(data):
    return data["g"]


def numerical_gradient(f, x, h=1e-5):
    """Central differences, entry by entry."""
    return _run([_copy_point, _probe_all, _finish_g], {"f": f, "x": x, "h": h})


def _prepare_ls(data):
    return {**data, "X": np.asarray(data["X"], dtype=np.float64),
            "w": np.asarray(data["w"], dtype=np.float64),
            "y": np.asarray(data["y"], dtype=np.float64)}


def _residuals(data):
    return {**data, "r": data["X"] @ data["w"] - data["y"]}


def _grad(data):
    return {**data, "g": data["X"].T @ data["r"] / data["X"].shape[0]}


LS_STEPS = [_prepare_ls, _residuals, _grad, _finish_g]


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y)."""
    return _run(LS_STEPS, {"w": w, "X": X, "y": y})


def _prepare_sgd(data):
    X = np.asarray(data["X"], dtype=np.float64)
    return {**data, "X": X, "y": np.asarray(data["y"], dtype=np.float64),
            "w": np.array(data["w0"], dtype=np.float64),
            "rng": np.random.default_rng(data["seed"]), "batches": []}


def _epoch(data):
    n, B = data["X"].shape[0], data["batch_size"]
    perm = data["rng"].permutation(n)
    w, batches = data["w"], data["batches"]
    for start in range(0, n, B):
        b = perm[start:start + B]
        w = w - data["lr"] * squared_loss_grad(w, data["X"][b], data["y"][b])
        batches = batches + [b]
    return {**data, "w": w, "batches": batches}


def _all_epochs(data):
    for _ in range(data["epochs"]):
        data = _epoch(data)
    return data


def _finish_sgd(data):
    return data["w"], data["batches"]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares; returns (w, batches)."""
    return _run([_prepare_sgd, _all_epochs, _finish_sgd],
                {"X": X, "y": y, "w0": w0, "lr": lr, "epochs": epochs,
                 "batch_size": batch_size, "seed": seed})


def _prepare_opt(data):
    return {**data, **{k: np.asarray(data[k], dtype=np.float64) for k in data["arrays"]}}


def _velocity(data):
    return {**data, "v": data["mu"] * data["v"] + data["g"]}


def _move_by_velocity(data):
    return {**data, "w": data["w"] - data["lr"] * data["v"]}


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    data = _run([_prepare_opt, _velocity, _move_by_velocity],
                {"w": w, "g": g, "v": v, "lr": lr, "mu": mu, "arrays": ("w", "g", "v")})
    return data["w"], data["v"]


def _first_moment(data):
    return {**data, "m": data["beta1"] * data["m"] + (1 - data["beta1"]) * data["g"]}


def _second_moment(data):
    g = data["g"]
    return {**data, "v": data["beta2"] * data["v"] + (1 - data["beta2"]) * g * g}


def _corrected(data):
    t = data["t"]
    return {**data, "m_hat": data["m"] / (1 - data["beta1"] ** t),
            "v_hat": data["v"] / (1 - data["beta2"] ** t)}


def _adam_move(data):
    return {**data, "w": data["w"] - data["lr"] * data["m_hat"]
            / (np.sqrt(data["v_hat"]) + data["eps"])}


ADAM_STEPS = [_prepare_opt, _first_moment, _first_moment, _second_moment, _corrected, _adam_move]


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """torch.optim.Adam, bias-corrected; returns (w, m, v)."""
    data = _run(ADAM_STEPS, {"w": w, "g": g, "m": m, "v": v, "t": t, "lr": lr,
                             "beta1": beta1, "beta2": beta2, "eps": eps,
                             "arrays": ("w", "g", "m", "v")})
    return data["w"], data["m"], data["v"]
