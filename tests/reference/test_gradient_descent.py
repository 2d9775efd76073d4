"""Cross-checks of reference.gradient_descent: gradients against torch.autograd and central
differences, every optimizer's step sequence against torch.optim to 1e-10, and the mini-batch
schedule against an independently drawn permutation."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import gradient_descent as G

SETTINGS = settings(max_examples=20, deadline=None)


def least_squares(seed: int, n: int, d: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d)


def torch_grad(f_torch, x: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    f_torch(t).backward()
    assert t.grad is not None
    return t.grad.numpy()


# --------------------------------------------------------------------------- gradients


@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3), seed=st.integers(0, 2**32 - 1))
def test_numerical_gradient_matches_autograd_for_random_shapes(shape: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape)
    c = rng.normal(size=shape)

    def f(z):  # type: ignore[no-untyped-def]
        lib = torch if isinstance(z, torch.Tensor) else np
        cz = (torch.tensor(c) if lib is torch else c) * z
        return lib.log(lib.sum(lib.exp(cz))) + lib.sum(z**3) / 3  # log-sum-exp + cubic

    before = x.copy()
    g = G.numerical_gradient(f, x)
    assert g.shape == x.shape
    np.testing.assert_allclose(g, torch_grad(f, x), rtol=1e-6, atol=1e-8)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_is_exact_for_quadratics_and_uses_h() -> None:
    rng = np.random.default_rng(0)
    A = rng.normal(size=(5, 5))
    A = A + A.T
    b = rng.normal(size=5)
    x = rng.normal(size=5)

    def f(z: np.ndarray) -> float:
        return float(0.5 * z @ A @ z + b @ z)

    # central differences are exact on quadratics (up to rounding) even for a large h;
    # forward differences are off by (h/2)·diag(A)
    np.testing.assert_allclose(G.numerical_gradient(f, x, h=0.1), A @ x + b, rtol=1e-10, atol=1e-12)
    fwd = G.forward_difference_gradient(f, x, h=0.1)
    np.testing.assert_allclose(fwd, A @ x + b + 0.05 * np.diag(A), rtol=1e-9, atol=1e-11)


def test_difference_error_table_shows_h_squared_vs_h() -> None:
    def f(z: np.ndarray) -> float:
        return float(np.sum(np.sin(z)))

    x = np.array([0.3, -1.1, 2.0])
    rows = G.difference_error_table(f, np.cos, x, hs=(1e-2, 1e-3))
    (h1, c1, f1), (h2, c2, f2) = rows
    assert (h1, h2) == (1e-2, 1e-3)
    assert f1 / f2 == pytest.approx(10, rel=0.05)  # forward: O(h)
    assert c1 / c2 == pytest.approx(100, rel=0.05)  # central: O(h²)
    assert c2 < f2 / 100


def test_relative_error_is_zero_safe() -> None:
    np.testing.assert_array_equal(G.relative_error([0.0, 1.0, 2.0], [0.0, 0.0, 1.0]), [0, 1, 0.5])


@SETTINGS
@given(n=st.integers(1, 12), d=st.integers(1, 6), seed=st.integers(0, 2**32 - 1))
def test_squared_loss_grad_matches_autograd_and_central_differences(
    n: int, d: int, seed: int
) -> None:
    X, y, w = least_squares(seed, n, d)
    g = G.squared_loss_grad(w, X, y)
    Xt, yt = torch.tensor(X), torch.tensor(y)
    auto = torch_grad(lambda wt: ((Xt @ wt - yt) ** 2).sum() / (2 * n), w)
    np.testing.assert_allclose(g, auto, rtol=1e-10, atol=1e-12)
    num = G.numerical_gradient(lambda v: G.squared_loss(v, X, y), w)
    np.testing.assert_allclose(g, num, rtol=1e-6, atol=1e-8)
    # the batch gradient is the mean of the per-sample ones
    per_sample = [G.squared_loss_grad(w, X[i : i + 1], y[i : i + 1]) for i in range(n)]
    np.testing.assert_allclose(g, np.mean(per_sample, axis=0), rtol=1e-10, atol=1e-12)


def test_squared_loss_grad_keeps_column_shapes() -> None:
    X, y, w = least_squares(1, 6, 3)
    g = G.squared_loss_grad(w[:, None], X, y[:, None])
    assert g.shape == (3, 1)
    np.testing.assert_allclose(g[:, 0], G.squared_loss_grad(w, X, y))


# --------------------------------------------------------------------------- mini-batch SGD


@SETTINGS
@given(
    n=st.integers(1, 11), batch_size=st.integers(1, 12), epochs=st.integers(0, 4),
    seed=st.integers(0, 2**32 - 1),
)
def test_minibatch_batches_follow_one_permutation_per_epoch(
    n: int, batch_size: int, epochs: int, seed: int
) -> None:
    X, y, w0 = least_squares(seed, n, 3)
    before = w0.copy()
    _, batches = G.minibatch_sgd(X, y, w0, 0.1, epochs, batch_size, seed)
    rng = np.random.default_rng(seed)
    per_epoch = -(-n // batch_size)
    assert len(batches) == epochs * per_epoch
    for e in range(epochs):
        perm = rng.permutation(n)
        chunk = batches[e * per_epoch : (e + 1) * per_epoch]
        np.testing.assert_array_equal(np.concatenate(chunk), perm)
        assert [len(b) for b in chunk[:-1]] == [batch_size] * (per_epoch - 1)
        assert 1 <= len(chunk[-1]) <= batch_size
    np.testing.assert_array_equal(w0, before)


def test_minibatch_reshuffles_every_epoch() -> None:
    X, y, w0 = least_squares(3, 10, 2)
    _, batches = G.minibatch_sgd(X, y, w0, 0.1, 3, 4, seed=42)
    epochs = [np.concatenate(batches[i : i + 3]) for i in (0, 3, 6)]
    assert not np.array_equal(epochs[0], epochs[1])
    assert not np.array_equal(epochs[1], epochs[2])


def test_minibatch_steps_match_torch_sgd_on_the_same_batches() -> None:
    X, y, w0 = least_squares(5, 13, 4)
    w, batches = G.minibatch_sgd(X, y, w0, 0.05, 3, 4, seed=9)
    wt = torch.tensor(w0, requires_grad=True)
    opt = torch.optim.SGD([wt], lr=0.05)
    Xt, yt = torch.tensor(X), torch.tensor(y)
    for b in batches:
        opt.zero_grad()
        bt = torch.as_tensor(b)
        (((Xt[bt] @ wt - yt[bt]) ** 2).sum() / (2 * len(b))).backward()
        opt.step()
    np.testing.assert_allclose(w, wt.detach().numpy(), rtol=1e-10, atol=1e-12)


def test_minibatch_extremes_are_batch_gd_and_sgd() -> None:
    X, y, w0 = least_squares(8, 9, 3)
    w_full, batches = G.minibatch_sgd(X, y, w0, 0.1, 5, 9, seed=1)
    assert len(batches) == 5
    np.testing.assert_allclose(w_full, G.batch_gd(X, y, w0, 0.1, 5), rtol=1e-12, atol=1e-14)
    w1, _ = G.minibatch_sgd(X, y, w0, 0.1, 2, 1, seed=1)
    w2, b2 = G.sgd(X, y, w0, 0.1, 2, seed=1)
    np.testing.assert_array_equal(w1, w2)
    assert len(b2) == 18 and all(len(b) == 1 for b in b2)


def test_batch_gd_converges_to_least_squares() -> None:
    X, y, w0 = least_squares(2, 30, 3)
    w = G.batch_gd(X, y, w0, 0.5, 2000)
    np.testing.assert_allclose(w, np.linalg.lstsq(X, y, rcond=None)[0], rtol=1e-8)


# --------------------------------------------------------------------------- optimizers vs torch


def _problem(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A non-quadratic loss (logistic regression + a quartic) so that steps differ in size."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(20, 4)), rng.integers(0, 2, size=20).astype(float), rng.normal(size=4)


def _loss_torch(w: torch.Tensor, X: np.ndarray, t: np.ndarray) -> torch.Tensor:
    s = torch.tensor(X) @ w
    tt = torch.tensor(t)
    return (torch.nn.functional.softplus(s) - tt * s).mean() + 0.01 * (w**4).sum()


def _grad_numpy(w: np.ndarray, X: np.ndarray, t: np.ndarray) -> np.ndarray:
    s = X @ w
    p = 1 / (1 + np.exp(-s))
    return X.T @ (p - t) / len(t) + 0.04 * w**3


TORCH = {
    "sgd": (lambda p, lr, **k: torch.optim.SGD(p, lr=lr), {}),
    "momentum": (lambda p, lr, mu: torch.optim.SGD(p, lr=lr, momentum=mu), {"mu": 0.9}),
    "nesterov": (
        lambda p, lr, mu: torch.optim.SGD(p, lr=lr, momentum=mu, nesterov=True), {"mu": 0.8}
    ),
    "adagrad": (lambda p, lr, eps: torch.optim.Adagrad(p, lr=lr, eps=eps), {"eps": 1e-10}),
    "rmsprop": (
        lambda p, lr, alpha, eps: torch.optim.RMSprop(p, lr=lr, alpha=alpha, eps=eps),
        {"alpha": 0.9, "eps": 1e-8},
    ),
    "adam": (
        lambda p, lr, beta1, beta2, eps: torch.optim.Adam(
            p, lr=lr, betas=(beta1, beta2), eps=eps
        ),
        {"beta1": 0.8, "beta2": 0.99, "eps": 1e-8},
    ),
}


@pytest.mark.parametrize(("name", "seed"), list(itertools.product(G.OPTIMIZERS, (0, 1))))
def test_optimizer_trajectory_matches_torch_optim(name: str, seed: int) -> None:
    assert set(TORCH) == set(G.OPTIMIZERS)
    X, t, w0 = _problem(seed)
    make, hyper = TORCH[name]
    steps, lr = 60, 0.05
    path = G.optimize(name, lambda w: _grad_numpy(w, X, t), w0, steps, lr, **hyper)
    wt = torch.tensor(w0, requires_grad=True)
    opt = make([wt], lr, **hyper)
    expected = [w0.copy()]
    for _ in range(steps):
        opt.zero_grad()
        _loss_torch(wt, X, t).backward()
        opt.step()
        expected.append(wt.detach().numpy().copy())
    assert path.shape == (steps + 1, 4)
    np.testing.assert_allclose(path, np.stack(expected), rtol=1e-10, atol=1e-10)
    assert not np.allclose(path[-1], w0)  # the run moved


def test_optimizers_use_their_defaults_like_torch() -> None:
    """Default hyper-parameters of adam_step / adagrad_step / rmsprop_step are torch's."""
    X, t, w0 = _problem(3)
    for name, make in (
        ("adam", lambda p: torch.optim.Adam(p, lr=0.01)),
        ("adagrad", lambda p: torch.optim.Adagrad(p, lr=0.01)),
        ("rmsprop", lambda p: torch.optim.RMSprop(p, lr=0.01)),
    ):
        path = G.optimize(name, lambda w: _grad_numpy(w, X, t), w0, 10, 0.01)
        wt = torch.tensor(w0, requires_grad=True)
        opt = make([wt])
        for _ in range(10):
            opt.zero_grad()
            _loss_torch(wt, X, t).backward()
            opt.step()
        np.testing.assert_allclose(path[-1], wt.detach().numpy(), rtol=1e-10, atol=1e-12)


def test_adam_step_at_a_later_t_uses_bias_correction() -> None:
    rng = np.random.default_rng(4)
    w, g, m = rng.normal(size=(3, 5))
    v = rng.uniform(0.1, 1, size=5)
    w_new, m_new, v_new = G.adam_step(w, g, m, v, 7, 0.01)
    m_exp = 0.9 * m + 0.1 * g
    v_exp = 0.999 * v + 0.001 * g**2
    step = 0.01 * (m_exp / (1 - 0.9**7)) / (np.sqrt(v_exp / (1 - 0.999**7)) + 1e-8)
    np.testing.assert_allclose(m_new, m_exp, rtol=1e-14)
    np.testing.assert_allclose(v_new, v_exp, rtol=1e-14)
    np.testing.assert_allclose(w_new, w - step, rtol=1e-13)


def test_momentum_step_returns_the_new_velocity_and_leaves_inputs() -> None:
    w, g, v = np.array([1.0, -2.0]), np.array([0.5, 0.25]), np.array([0.2, -0.4])
    copies = [a.copy() for a in (w, g, v)]
    w_new, v_new = G.momentum_step(w, g, v, 0.1, 0.9)
    np.testing.assert_allclose(v_new, [0.68, -0.11])
    np.testing.assert_allclose(w_new, [0.932, -1.989])
    for a, c in zip((w, g, v), copies, strict=True):
        np.testing.assert_array_equal(a, c)


def test_optimize_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="adam"):
        G.optimize("adamw", lambda w: w, np.zeros(2), 1, 0.1)
