"""Cross-checks of reference.backprop against central differences (float64) and torch.autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import backprop as bp

SEEDS = st.integers(0, 2**32 - 1)
FEW = settings(max_examples=25, deadline=None)


def central_differences(f, x, h=1e-6):
    """∂f/∂x by (f(x + h e_i) − f(x − h e_i)) / 2h on a float64 copy of x."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        g[i] = (up - down) / (2 * h)
    return g


def t(a, grad=False):
    return torch.tensor(np.asarray(a), dtype=torch.float64, requires_grad=grad)


def classifier_problem(seed, *, away_from_kinks=False):
    rng = np.random.default_rng(seed)
    D, C, N = rng.integers(1, 6), rng.integers(2, 6), rng.integers(1, 8)
    while True:
        W = rng.normal(size=(D, C))
        X = rng.normal(size=(N, D))
        y = rng.integers(0, C, size=N)
        margins = bp.hinge_margins(W, X, y)
        if not away_from_kinks or np.nanmin(np.abs(margins)) > 1e-3:
            return W, X, y, float(rng.uniform(0, 2))


def torch_hinge(W, X, y, reg):
    s = X @ W
    correct = s[torch.arange(len(y)), y][:, None]
    margins = torch.clamp(s - correct + 1, min=0)
    mask = torch.ones_like(s)
    mask[torch.arange(len(y)), y] = 0
    return (margins * mask).sum() / len(y) + reg * (W * W).sum()


def torch_softmax_loss(W, X, y, reg):
    return torch.nn.functional.cross_entropy(X @ W, y) + reg * (W * W).sum()


# --------------------------------------------------------------------------- softmax


@FEW
@given(SEEDS)
def test_softmax_matches_torch_for_random_shapes(seed):
    rng = np.random.default_rng(seed)
    Z = 5 * rng.normal(size=(rng.integers(1, 7), rng.integers(1, 7)))
    P = bp.softmax(Z)
    np.testing.assert_allclose(P, torch.softmax(t(Z), dim=1).numpy(), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-12)


def test_softmax_of_huge_logits_is_finite_and_correct():
    Z = np.array([[1e3, 1e3 - 1.0, 1e3 - 2.0], [-1e3, -1e3, -1e3], [1e3, 0.0, -1e3]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        P = bp.softmax(Z)
    e = np.exp([0.0, -1.0, -2.0])
    np.testing.assert_allclose(P[0], e / e.sum(), rtol=1e-12)
    np.testing.assert_allclose(P[1], [1 / 3] * 3, rtol=1e-12)
    np.testing.assert_allclose(P[2], [1.0, 0.0, 0.0], atol=1e-300)
    np.testing.assert_allclose(P, torch.softmax(t(Z), dim=1).numpy(), rtol=1e-12)


def test_softmax_is_invariant_to_row_shifts_and_does_not_modify_input():
    rng = np.random.default_rng(1)
    Z = rng.normal(size=(4, 5))
    before = Z.copy()
    shifted = Z + rng.normal(size=(4, 1)) * 100
    np.testing.assert_allclose(bp.softmax(Z), bp.softmax(shifted), rtol=1e-10)
    np.testing.assert_array_equal(Z, before)


@FEW
@given(SEEDS)
def test_softmax_jacobian_matches_autograd_and_central_differences(seed):
    rng = np.random.default_rng(seed)
    z = 2 * rng.normal(size=rng.integers(1, 7))
    p = bp.softmax(z[None, :])[0]
    J = bp.softmax_jacobian(p)
    J_torch = torch.autograd.functional.jacobian(lambda v: torch.softmax(v, dim=0), t(z))
    np.testing.assert_allclose(J, J_torch.numpy(), rtol=1e-10, atol=1e-14)
    J_num = np.stack(
        [central_differences(lambda v, i=i: bp.softmax(v[None, :])[0, i], z) for i in range(len(z))]
    )
    np.testing.assert_allclose(J, J_num, atol=1e-8)


def test_softmax_jacobian_rows_sum_to_zero_and_is_symmetric():
    p = np.array([0.1, 0.2, 0.7])
    J = bp.softmax_jacobian(p)
    np.testing.assert_allclose(J.sum(axis=1), 0.0, atol=1e-15)
    np.testing.assert_allclose(J, J.T)
    np.testing.assert_allclose(np.diag(J), p * (1 - p))
    assert J[0, 2] == pytest.approx(-0.07)
    with pytest.raises(ValueError, match="1-D"):
        bp.softmax_jacobian(np.ones((2, 2)) / 4)


# --------------------------------------------------------------------------- linear losses


@FEW
@given(SEEDS)
def test_hinge_loss_gradient_matches_central_differences_away_from_kinks(seed):
    W, X, y, reg = classifier_problem(seed, away_from_kinks=True)
    loss, dW = bp.hinge_loss(W, X, y, reg)
    assert isinstance(loss, float)
    assert dW.shape == W.shape
    num = central_differences(lambda V: bp.hinge_loss(V, X, y, reg)[0], W)
    np.testing.assert_allclose(dW, num, rtol=1e-6, atol=1e-8)


@FEW
@given(SEEDS)
def test_hinge_loss_and_gradient_match_torch_autograd(seed):
    W, X, y, reg = classifier_problem(seed, away_from_kinks=True)
    loss, dW = bp.hinge_loss(W, X, y, reg)
    Wt = t(W, grad=True)
    expected = torch_hinge(Wt, t(X), torch.tensor(y), reg)
    expected.backward()
    assert loss == pytest.approx(expected.item(), rel=1e-12, abs=1e-12)
    np.testing.assert_allclose(dW, Wt.grad.numpy(), rtol=1e-10, atol=1e-12)


def test_hinge_loss_by_hand():
    # s = [[1, 2, 0]], y = 0: margins 2 − 1 + 1 = 2 and 0 − 1 + 1 = 0 -> loss 2 (+ reg)
    W = np.array([[1.0, 2.0, 0.0]])
    X = np.array([[1.0]])
    loss, dW = bp.hinge_loss(W, X, np.array([0]), 0.5)
    assert loss == pytest.approx(2.0 + 0.5 * 5.0)
    np.testing.assert_allclose(dW, [[-1.0 + 1.0, 1.0 + 2.0, 0.0]])


@pytest.mark.parametrize("C", [2, 3, 10])
def test_hinge_loss_is_about_c_minus_1_and_softmax_loss_about_ln_c_for_tiny_w(C):
    rng = np.random.default_rng(C)
    W = 1e-6 * rng.normal(size=(20, C))
    X = rng.normal(size=(50, 20))
    y = rng.integers(0, C, size=50)
    assert bp.hinge_loss(W, X, y, 0.0)[0] == pytest.approx(C - 1, abs=1e-3)
    assert bp.softmax_loss(W, X, y, 0.0)[0] == pytest.approx(np.log(C), abs=1e-3)


@FEW
@given(SEEDS)
def test_softmax_loss_matches_torch_and_central_differences(seed):
    W, X, y, reg = classifier_problem(seed)
    loss, dW = bp.softmax_loss(W, X, y, reg)
    Wt = t(W, grad=True)
    expected = torch_softmax_loss(Wt, t(X), torch.tensor(y), reg)
    expected.backward()
    assert loss == pytest.approx(expected.item(), rel=1e-12)
    np.testing.assert_allclose(dW, Wt.grad.numpy(), rtol=1e-10, atol=1e-12)
    num = central_differences(lambda V: bp.softmax_loss(V, X, y, reg)[0], W)
    np.testing.assert_allclose(dW, num, rtol=1e-6, atol=1e-8)


def test_softmax_loss_is_finite_for_scores_of_1e3():
    W = np.array([[1e3, 0.0, -1e3]])
    X = np.array([[1.0], [-1.0]])
    y = np.array([1, 0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss, dW = bp.softmax_loss(W, X, y, 0.0)
    # sample 0: scores (1e3, 0, −1e3), true class 1 -> −log p = 1e3;
    # sample 1: scores (−1e3, 0, 1e3), true class 0 -> −log p = 2e3; mean 1500
    assert loss == pytest.approx(1500.0, rel=1e-12)
    assert np.all(np.isfinite(dW))
    Wt = t(W, grad=True)
    torch_softmax_loss(Wt, t(X), torch.tensor(y), 0.0).backward()
    np.testing.assert_allclose(dW, Wt.grad.numpy(), atol=1e-12)


def test_linear_losses_do_not_modify_inputs_and_reject_bad_shapes():
    W, X, y, reg = classifier_problem(3)
    copies = (W.copy(), X.copy(), y.copy())
    for loss in (bp.hinge_loss, bp.softmax_loss):
        loss(W, X, y, reg)
        for a, b in zip((W, X, y), copies, strict=True):
            np.testing.assert_array_equal(a, b)
        with pytest.raises(ValueError, match="shapes disagree"):
            loss(W, X[:, :0], y, reg)
        with pytest.raises(ValueError, match="labels"):
            loss(W, X, y + W.shape[1], reg)


# --------------------------------------------------------------------------- MLP


def mlp_problem(seed):
    rng = np.random.default_rng(seed)
    L = int(rng.integers(1, 5))
    sizes = [int(v) for v in rng.integers(1, 6, size=L + 1)]
    sizes[-1] = max(sizes[-1], 2)
    params = bp.init_mlp(sizes, rng, scale=1.5)
    N = int(rng.integers(1, 7))
    X = rng.normal(size=(N, sizes[0]))
    y = rng.integers(0, sizes[-1], size=N)
    return params, X, y


def torch_mlp_loss(params, X, y):
    L = len(params) // 2
    x = X
    for l in range(1, L + 1):
        s = x @ params[f"W{l}"] + params[f"b{l}"]
        x = torch.sigmoid(s) if l < L else s
    return torch.nn.functional.cross_entropy(x, y)


@settings(max_examples=30, deadline=None)
@given(SEEDS)
def test_mlp_loss_and_grads_match_torch_autograd_for_any_depth(seed):
    params, X, y = mlp_problem(seed)
    loss, grads = bp.mlp_loss_and_grads(params, X, y)
    assert list(grads) == list(params)
    tp = {k: t(v, grad=True) for k, v in params.items()}
    expected = torch_mlp_loss(tp, t(X), torch.tensor(y))
    expected.backward()
    assert loss == pytest.approx(expected.item(), rel=1e-12)
    for k, v in tp.items():
        assert grads[k].shape == params[k].shape
        np.testing.assert_allclose(grads[k], v.grad.numpy(), rtol=1e-9, atol=1e-12, err_msg=k)


@settings(max_examples=10, deadline=None)
@given(SEEDS)
def test_mlp_grads_match_central_differences(seed):
    params, X, y = mlp_problem(seed)
    _, grads = bp.mlp_loss_and_grads(params, X, y)
    for k in params:
        def f(v, k=k):
            return bp.mlp_loss_and_grads({**params, k: v}, X, y)[0]
        np.testing.assert_allclose(grads[k], central_differences(f, params[k]),
                                   rtol=1e-5, atol=1e-8, err_msg=k)


def test_mlp_with_one_layer_is_softmax_regression_with_bias():
    W, X, y, _ = classifier_problem(11)
    b = np.zeros(W.shape[1])
    loss, grads = bp.mlp_loss_and_grads({"W1": W, "b1": b}, X, y)
    ref_loss, dW = bp.softmax_loss(W, X, y, 0.0)
    assert loss == pytest.approx(ref_loss, rel=1e-12)
    np.testing.assert_allclose(grads["W1"], dW, rtol=1e-12)
    P = bp.softmax(X @ W)
    P[np.arange(len(y)), y] -= 1
    np.testing.assert_allclose(grads["b1"], P.mean(axis=0), atol=1e-15)


def test_mlp_does_not_modify_params_and_rejects_incomplete_params():
    params, X, y = mlp_problem(5)
    copies = {k: v.copy() for k, v in params.items()}
    bp.mlp_loss_and_grads(params, X, y)
    for k in params:
        np.testing.assert_array_equal(params[k], copies[k])
    with pytest.raises(ValueError, match="W1, b1"):
        bp.mlp_loss_and_grads({"W1": params["W1"]}, X, y)
    with pytest.raises(ValueError, match="W1, b1"):
        bp.mlp_loss_and_grads({}, X, y)


def test_layer_pairs_match_central_differences():
    rng = np.random.default_rng(7)
    x, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.normal(size=2)
    dout = rng.normal(size=(3, 2))
    s, cache = bp.affine_forward(x, W, b)
    dx, dW, db = bp.affine_backward(dout, cache)
    np.testing.assert_allclose(dx, central_differences(
        lambda v: np.sum(bp.affine_forward(v, W, b)[0] * dout), x), rtol=1e-7)
    np.testing.assert_allclose(dW, central_differences(
        lambda v: np.sum(bp.affine_forward(x, v, b)[0] * dout), W), rtol=1e-7)
    np.testing.assert_allclose(db, central_differences(
        lambda v: np.sum(bp.affine_forward(x, W, v)[0] * dout), b), rtol=1e-7)
    _, cache = bp.sigmoid_forward(s)
    ds = bp.sigmoid_backward(dout, cache)
    np.testing.assert_allclose(ds, central_differences(
        lambda v: np.sum(bp.sigmoid_forward(v)[0] * dout), s), rtol=1e-6)
    with pytest.raises(ValueError, match="affine"):
        bp.affine_forward(x, W.T, b)


def test_sigmoid_is_stable_and_matches_torch():
    z = np.array([-1e4, -50.0, -1.0, 0.0, 1.0, 50.0, 1e4])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        got = bp.sigmoid(z)
    np.testing.assert_allclose(got, torch.sigmoid(t(z)).numpy(), rtol=1e-15)


# --------------------------------------------------------------------------- DAG and chain rule


def dag_problem(seed):
    rng = np.random.default_rng(seed)
    d0, d1, d2 = (int(v) for v in rng.integers(1, 5, size=3))
    return (rng.normal(size=d0), rng.normal(size=(d1, d0)),
            rng.normal(size=(d2, d0 + d1)), rng.normal(size=d1 + d2))


@FEW
@given(SEEDS)
def test_dag_gradients_match_torch_autograd(seed):
    x0, W1, W2, W3 = dag_problem(seed)
    x3, grads = bp.dag_forward_backward(x0, W1, W2, W3)
    tx0, tW1, tW2, tW3 = (t(a, grad=True) for a in (x0, W1, W2, W3))
    tx1 = torch.tanh(tW1 @ tx0)
    tx2 = torch.tanh(tW2 @ torch.cat([tx0, tx1]))
    tx3 = tW3 @ torch.cat([tx1, tx2])
    tx3.backward()
    assert isinstance(x3, float)
    assert x3 == pytest.approx(tx3.item(), rel=1e-12, abs=1e-14)
    assert sorted(grads) == ["W1", "W2", "W3", "x0"]
    for k, v in {"x0": tx0, "W1": tW1, "W2": tW2, "W3": tW3}.items():
        np.testing.assert_allclose(grads[k], v.grad.numpy(), rtol=1e-10, atol=1e-13, err_msg=k)


@settings(max_examples=10, deadline=None)
@given(SEEDS)
def test_dag_gradients_match_central_differences(seed):
    args = list(dag_problem(seed))
    _, grads = bp.dag_forward_backward(*args)
    for i, name in enumerate(["x0", "W1", "W2", "W3"]):
        def f(v, i=i):
            return bp.dag_forward_backward(*args[:i], v, *args[i + 1:])[0]
        np.testing.assert_allclose(grads[name], central_differences(f, args[i]),
                                   rtol=1e-6, atol=1e-9, err_msg=name)


def test_dag_x0_gradient_sums_every_path():
    x0, W1, W2, W3 = dag_problem(4)
    d0, d1 = len(x0), len(W1)
    _, grads = bp.dag_forward_backward(x0, W1, W2, W3)
    # cutting the direct edge x0 -> x2 (zeroing its weights) changes ∂x3/∂x0
    W2_cut = W2.copy()
    W2_cut[:, :d0] = 0.0
    _, cut = bp.dag_forward_backward(x0, W1, W2_cut, W3)
    assert not np.allclose(grads["x0"], cut["x0"])
    with pytest.raises(ValueError, match="W3"):
        bp.dag_forward_backward(x0, W1, W2, W3[:-1])
    with pytest.raises(ValueError, match="shapes disagree"):
        bp.dag_forward_backward(x0, W1, W2[:, : d0 + d1 - 1], W3)


def test_chain_rule_example_known_value_and_autograd():
    value, derivative = bp.chain_rule_example(1.3)
    assert value == pytest.approx(np.exp(np.sin(1.69)), rel=1e-15)
    assert derivative == pytest.approx(-0.834538845, abs=1e-9)
    for x in (-2.0, -0.4, 0.0, 0.7, 3.1):
        tx = t(x, grad=True)
        torch.exp(torch.sin(tx**2)).backward()
        value, derivative = bp.chain_rule_example(x)
        assert derivative == pytest.approx(tx.grad.item(), rel=1e-12, abs=1e-15)
        num = (bp.chain_rule_example(x + 1e-6)[0] - bp.chain_rule_example(x - 1e-6)[0]) / 2e-6
        assert derivative == pytest.approx(num, abs=1e-7)


# --------------------------------------------------------------------------- helpers


def test_hinge_margins_by_hand():
    margins = bp.hinge_margins(np.array([[1.0, 2.0, 0.5]]), np.array([[1.0], [2.0]]),
                               np.array([0, 2]))
    np.testing.assert_array_equal(margins, [[np.nan, 2.0, 0.5], [2.0, 4.0, np.nan]])


def test_n_layers_and_init_mlp_shapes_scale_and_seeding():
    params = bp.init_mlp([400, 300, 3], np.random.default_rng(0), scale=0.5)
    assert bp.n_layers(params) == 2
    assert {k: v.shape for k, v in params.items()} == {
        "W1": (400, 300), "b1": (300,), "W2": (300, 3), "b2": (3,)}
    assert params["W1"].std() == pytest.approx(0.5 / np.sqrt(400), rel=0.02)
    assert params["b1"].std() == pytest.approx(0.5, rel=0.15)
    again = bp.init_mlp([400, 300, 3], np.random.default_rng(0), scale=0.5)
    for k in params:
        np.testing.assert_array_equal(params[k], again[k])


@settings(max_examples=10, deadline=None)
@given(SEEDS)
def test_mlp_forward_and_backward_match_torch_for_any_upstream_gradient(seed):
    params, X, _ = mlp_problem(seed)
    scores, cache = bp.mlp_forward(params, X)
    dscores = np.random.default_rng(seed).normal(size=scores.shape)
    grads = bp.mlp_backward(dscores, cache)
    tp = {k: t(v, grad=True) for k, v in params.items()}
    x = t(X)
    L = bp.n_layers(params)
    for l in range(1, L + 1):
        x = x @ tp[f"W{l}"] + tp[f"b{l}"]
        x = torch.sigmoid(x) if l < L else x
    np.testing.assert_allclose(scores, x.detach().numpy(), rtol=1e-12, atol=1e-14)
    (x * t(dscores)).sum().backward()
    for k, v in tp.items():
        np.testing.assert_allclose(grads[k], v.grad.numpy(), rtol=1e-9, atol=1e-12, err_msg=k)
