"""Cross-checks of reference.perceptron: a hand-computed update trajectory, Novikoff's bound on
random separable data, no convergence on XOR and convergence on xor_features(XOR), and the
lecture's two-Gaussians experiment."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import perceptron as pc

FEW = settings(max_examples=25, deadline=None)
SEEDS = st.integers(0, 2**32 - 1)

# 1-D points 3 (+1), 1 (−1), 2 (+1) with the bias column; w starts at 0. Worked by hand, epoch by
# epoch (i: w·x_i → update?):
#   1: 0 → w=(3,1);  4 → w=(2,0);  4 ok                       2 updates
#   2: 6 ok;  2 → w=(1,−1);  1 ok                              1
#   3: 2 ok;  0 (boundary) → w=(0,−2);  −2 → w=(2,−1)          2
#   4: 5 ok;  1 → w=(1,−2);  0 (boundary) → w=(3,−1)           2
#   5: 8 ok;  2 → w=(2,−2);  2 ok                              1
#   6: 4 ok;  0 (boundary) → w=(1,−3);  −1 → w=(3,−2)          2
#   7: 7 ok;  1 → w=(2,−3);  1 ok                              1
#   8: 3 ok;  −1 ok;  1 ok                                     0 → stop
SMALL_X = np.array([[3.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
SMALL_Y = np.array([1, -1, 1])
SMALL_CHANGES = [2, 1, 2, 2, 1, 2, 1, 0]
SMALL_W = np.array([2.0, -3.0])

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([-1, 1, 1, -1])


def test_train_perceptron_follows_the_hand_computed_trajectory():
    w, changes = pc.train_perceptron(SMALL_X, SMALL_Y, np.zeros(2), 100)
    assert changes == SMALL_CHANGES
    np.testing.assert_array_equal(w, SMALL_W)


@pytest.mark.parametrize("epochs", [1, 3, 5])
def test_train_perceptron_stops_after_epochs(epochs):
    _w, changes = pc.train_perceptron(SMALL_X, SMALL_Y, np.zeros(2), epochs)
    assert changes == SMALL_CHANGES[:epochs]


def test_train_perceptron_zero_epochs_changes_nothing():
    w0 = np.array([0.5, -0.25])
    w, changes = pc.train_perceptron(SMALL_X, SMALL_Y, w0, 0)
    assert changes == []
    np.testing.assert_array_equal(w, w0)


def test_train_perceptron_updates_on_the_boundary_from_zero():
    # From w = 0 every point is on the boundary: the <= rule updates, a < rule never would.
    w, changes = pc.train_perceptron(np.array([[1.0, 1.0]]), np.array([-1]), np.zeros(2), 5)
    np.testing.assert_array_equal(w, [-1.0, -1.0])
    assert changes == [1, 0]


def test_train_perceptron_does_not_modify_its_arguments():
    X, y, w0 = SMALL_X.copy(), SMALL_Y.copy(), np.zeros(2)
    pc.train_perceptron(X, y, w0, 10)
    np.testing.assert_array_equal(X, SMALL_X)
    np.testing.assert_array_equal(y, SMALL_Y)
    np.testing.assert_array_equal(w0, np.zeros(2))


@pytest.mark.parametrize(
    ("X", "y", "w"),
    [
        (SMALL_X, np.array([1, 0, 1]), np.zeros(2)),  # {0,1} labels
        (SMALL_X, np.array([2, -1, 1]), np.zeros(2)),
        (SMALL_X, np.array([1, -1]), np.zeros(2)),
        (SMALL_X, SMALL_Y, np.zeros(3)),
        (SMALL_X[0], SMALL_Y, np.zeros(2)),
    ],
)
def test_train_perceptron_rejects_bad_input(X, y, w):
    with pytest.raises(ValueError):
        pc.train_perceptron(X, y, w, 3)


def test_add_bias_appends_ones_last():
    X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    X1 = pc.add_bias(X)
    np.testing.assert_array_equal(X1, [[1, 2, 1], [3, 4, 1], [5, 6, 1]])
    np.testing.assert_array_equal(X, [[1, 2], [3, 4], [5, 6]])


def test_predict_is_plus_one_only_strictly_above_the_boundary():
    w = np.array([1.0, -1.0])
    X = np.array([[2.0, 1.0], [1.0, 1.0], [0.0, 1.0]])
    y_hat = pc.predict(w, X)
    np.testing.assert_array_equal(y_hat, [1, -1, -1])
    assert y_hat.dtype.kind == "i"


def test_predict_agrees_with_training_on_separable_data():
    X, y = pc.two_gaussians(100, 1)
    w, changes = pc.train_perceptron(X, y, np.zeros(3), 1000)
    assert changes[-1] == 0
    np.testing.assert_array_equal(pc.predict(w, X), y)


def test_novikoff_bound_hand_example_and_scale_invariance():
    X = np.array([[3.0, 4.0], [-1.0, 0.0]])
    y = np.array([1, -1])
    # R = 5, γ = min(3, 1)/1 = 1.
    assert pc.novikoff_bound(X, y, np.array([1.0, 0.0])) == pytest.approx(25.0, rel=1e-12)
    assert pc.novikoff_bound(X, y, np.array([7.0, 0.0])) == pytest.approx(25.0, rel=1e-12)
    # w* = (1, 1): margins 7, 1 → γ = 1/√2, bound 25·2.
    assert pc.novikoff_bound(X, y, np.array([1.0, 1.0])) == pytest.approx(50.0, rel=1e-12)


def test_margin_is_normalised_and_signed():
    X = np.array([[3.0, 4.0], [-1.0, 0.0]])
    y = np.array([1, -1])
    assert pc.margin(X, y, np.array([1.0, 1.0])) == pytest.approx(1 / np.sqrt(2), rel=1e-12)
    assert pc.margin(X, y, np.array([5.0, 5.0])) == pytest.approx(1 / np.sqrt(2), rel=1e-12)
    assert pc.margin(X, y, np.array([-1.0, 0.0])) == pytest.approx(-3.0, rel=1e-12)


@pytest.mark.parametrize("w_star", [np.array([0.0, 1.0]), np.array([-1.0, 0.0]), np.zeros(2)])
def test_novikoff_bound_rejects_a_non_separating_w_star(w_star):
    X = np.array([[3.0, 4.0], [-1.0, 0.0]])
    with pytest.raises(ValueError):
        pc.novikoff_bound(X, np.array([1, -1]), w_star)


def separable_problem(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random points with the bias column, labelled by a random w_true, thin margin removed."""
    rng = np.random.default_rng(seed)
    d = int(rng.integers(1, 5))
    n = int(rng.integers(2, 60))
    w_true = rng.normal(size=d + 1)
    X = pc.add_bias(rng.normal(scale=rng.uniform(0.5, 3), size=(4 * n, d)))
    s = X @ w_true / np.linalg.norm(w_true)
    keep = np.abs(s) > rng.uniform(0.02, 0.3)
    X, s = X[keep][:n], s[keep][:n]
    y = np.where(s > 0, 1, -1)
    return X, y, w_true


@FEW
@given(seed=SEEDS)
def test_updates_never_exceed_the_novikoff_bound_on_random_separable_data(seed):
    X, y, w_true = separable_problem(seed)
    w, changes = pc.train_perceptron(X, y, np.zeros(X.shape[1]), 100_000)
    assert changes[-1] == 0, "the perceptron must converge on separable data"
    np.testing.assert_array_equal(pc.predict(w, X), y)
    assert sum(changes) <= pc.novikoff_bound(X, y, w_true)
    w_star = pc.max_margin_separator(X, y)
    assert w_star is not None
    assert sum(changes) <= pc.novikoff_bound(X, y, w_star)
    # LP optimality: no box-feasible w (e.g. w_true scaled into the box) has a larger margin.
    scaled = w_true / np.max(np.abs(w_true))
    assert np.min(y * (X @ w_star)) >= np.min(y * (X @ scaled)) - 1e-7


def test_max_margin_separator_says_xor_is_not_separable():
    assert pc.max_margin_separator(pc.add_bias(XOR_X), XOR_Y) is None


def test_perceptron_never_converges_on_xor():
    _w, changes = pc.train_perceptron(pc.add_bias(XOR_X), XOR_Y, np.zeros(3), 200)
    assert len(changes) == 200
    assert min(changes) > 0


def test_xor_features_make_xor_separable():
    Phi = pc.xor_features(XOR_X)
    np.testing.assert_array_equal(Phi, [[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 1]])
    X1 = pc.add_bias(Phi)
    w, changes = pc.train_perceptron(X1, XOR_Y, np.zeros(4), 1000)
    assert changes[-1] == 0
    np.testing.assert_array_equal(pc.predict(w, X1), XOR_Y)
    w_star = pc.max_margin_separator(X1, XOR_Y)
    assert w_star is not None
    assert sum(changes) <= pc.novikoff_bound(X1, XOR_Y, w_star)


@FEW
@given(seed=SEEDS, n=st.integers(1, 20))
def test_xor_features_rowwise_product(seed, n):
    X = np.random.default_rng(seed).normal(size=(n, 2))
    Phi = pc.xor_features(X)
    assert Phi.shape == (n, 3)
    np.testing.assert_array_equal(Phi[:, :2], X)
    np.testing.assert_allclose(Phi[:, 2], X[:, 0] * X[:, 1], rtol=0, atol=0)


def test_two_gaussians_layout_and_statistics():
    X, y = pc.two_gaussians(5000, 7)
    assert X.shape == (10_000, 3)
    np.testing.assert_array_equal(X[:, 2], 1.0)
    np.testing.assert_array_equal(y[0::2], 1)
    np.testing.assert_array_equal(y[1::2], -1)
    np.testing.assert_allclose(X[0::2, :2].mean(axis=0), [0, 0], atol=0.05)
    np.testing.assert_allclose(X[1::2, :2].mean(axis=0), [3, 3], atol=0.05)
    np.testing.assert_allclose(X[0::2, :2].std(axis=0), [1, 1], atol=0.05)
    np.testing.assert_allclose(X[1::2, :2].std(axis=0), [1, 1], atol=0.05)


def test_two_gaussians_is_reproducible_from_the_seed():
    X1, y1 = pc.two_gaussians(10, 3)
    X2, y2 = pc.two_gaussians(10, 3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, pc.two_gaussians(10, 4)[0])


def test_convergence_experiment_separable_seed_respects_the_bound():
    run = pc.convergence_experiment(100, seed=1)
    assert run.X.shape == (200, 3)
    assert run.converged and run.changes[-1] == 0
    assert run.w_star is not None and run.bound is not None
    assert pc.margin(run.X, run.y, run.w_star) > 0
    assert 0 < run.updates <= run.bound
    np.testing.assert_array_equal(pc.predict(run.w, run.X), run.y)


def test_convergence_experiment_overlapping_seed_runs_every_epoch():
    run = pc.convergence_experiment(100, seed=0, epochs=50)
    assert run.w_star is None and run.bound is None
    assert not run.converged
    assert len(run.changes) == 50


@pytest.mark.parametrize("seed", range(12))
def test_lp_and_perceptron_agree_on_separability(seed):
    X, y = pc.two_gaussians(30, seed)
    w_star = pc.max_margin_separator(X, y)
    if w_star is None:
        _w, changes = pc.train_perceptron(X, y, np.zeros(3), 2000)
        assert min(changes) > 0
    else:
        # Every epoch but the last makes >= 1 update, so bound + 1 epochs always suffice.
        bound = pc.novikoff_bound(X, y, w_star)
        _w, changes = pc.train_perceptron(X, y, np.zeros(3), int(bound) + 1)
        assert changes[-1] == 0
        assert sum(changes) <= bound
