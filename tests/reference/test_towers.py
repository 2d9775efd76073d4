"""Cross-checks of reference.towers: torch as the oracle for every formula, the error bounds
against measured errors, and the lecture's claim that more and steeper towers approximate better."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import towers as T

SETTINGS = settings(max_examples=25, deadline=None)


def t_sigmoid(z: np.ndarray) -> np.ndarray:
    return torch.sigmoid(torch.as_tensor(np.asarray(z, dtype=np.float64))).numpy()


def t_tower(x: np.ndarray, a: float, b: float, h: float, w: float) -> np.ndarray:
    return h * (t_sigmoid(w * (x - a)) - t_sigmoid(w * (x - b)))


# --------------------------------------------------------------------------- sigmoid


@SETTINGS
@given(shape=st.lists(st.integers(1, 5), min_size=0, max_size=3), seed=st.integers(0, 2**32 - 1))
def test_sigmoid_matches_torch_for_random_shapes(shape: list[int], seed: int) -> None:
    z = np.random.default_rng(seed).normal(scale=30, size=shape)
    before = z.copy()
    s = T.sigmoid(z)
    np.testing.assert_allclose(s, t_sigmoid(z), rtol=1e-14, atol=1e-300)
    assert np.shape(s) == z.shape
    np.testing.assert_array_equal(z, before)


def test_sigmoid_extremes_finite_without_warnings() -> None:
    z = np.array([-1e4, -800.0, -40.0, 0.0, 40.0, 800.0, 1e4])
    s = T.sigmoid(z)  # pytest turns any overflow RuntimeWarning into an error
    assert np.all(np.isfinite(s))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[3] == 0.5
    np.testing.assert_allclose(s, t_sigmoid(z), rtol=1e-15, atol=0)


def test_sigmoid_symmetry_and_scalar() -> None:
    z = np.linspace(-50, 50, 101)
    np.testing.assert_allclose(T.sigmoid(-z), 1 - T.sigmoid(z), atol=1e-16)
    assert isinstance(T.sigmoid(0.3), float)
    assert T.sigmoid(0.3) == pytest.approx(1 / (1 + math.exp(-0.3)), rel=1e-15)


# --------------------------------------------------------------------------- towers


@SETTINGS
@given(
    seed=st.integers(0, 2**32 - 1),
    w=st.floats(0.1, 500),
    h=st.floats(-3, 3),
    shape=st.lists(st.integers(1, 4), min_size=0, max_size=2),
)
def test_tower_1d_matches_torch(seed: int, w: float, h: float, shape: list[int]) -> None:
    rng = np.random.default_rng(seed)
    a, b = np.sort(rng.uniform(-2, 2, size=2))
    x = rng.uniform(-3, 3, size=shape)
    got = T.tower_1d(x, a, b, h, w)
    np.testing.assert_allclose(got, t_tower(x, a, b, h, w), rtol=1e-12, atol=1e-14)
    assert np.shape(got) == x.shape


def test_tower_1d_is_an_indicator_for_steep_w() -> None:
    x = np.array([-1.0, 0.2, 0.5, 0.8, 2.0])
    np.testing.assert_allclose(T.tower_1d(x, 0.0, 1.0, 2.5, 1e4), [0, 2.5, 2.5, 2.5, 0], atol=1e-12)
    # at an edge, half the height
    assert T.tower_1d(0.0, 0.0, 1.0, 2.0, 1e4) == pytest.approx(1.0)


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), w=st.floats(0.5, 200), h=st.floats(-3, 3))
def test_tower_2d_matches_torch(seed: int, w: float, h: float) -> None:
    rng = np.random.default_rng(seed)
    a1, b1 = np.sort(rng.uniform(-1, 1, 2))
    a2, b2 = np.sort(rng.uniform(-1, 1, 2))
    P = rng.uniform(-1.5, 1.5, size=(int(rng.integers(1, 9)), 2))
    Tx = t_sigmoid(w * (P[:, 0] - a1)) - t_sigmoid(w * (P[:, 0] - b1))
    Ty = t_sigmoid(w * (P[:, 1] - a2)) - t_sigmoid(w * (P[:, 1] - b2))
    expected = h * t_sigmoid(w * (Tx + Ty - 1.5))
    np.testing.assert_allclose(T.tower_2d(P, (a1, b1, a2, b2), h, w), expected, rtol=1e-12,
                               atol=1e-14)


def test_tower_2d_keeps_only_the_box() -> None:
    box = (0.0, 1.0, 0.0, 1.0)
    P = np.array([[0.5, 0.5], [0.5, 2.0], [2.0, 0.5], [2.0, 2.0], [-1.0, 0.5]])
    np.testing.assert_allclose(T.tower_2d(P, box, 3.0, 200.0), [3, 0, 0, 0, 0], atol=1e-12)


# --------------------------------------------------------------------------- approximation


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(1, 12), w=st.floats(1, 300))
def test_approximate_1d_is_the_sum_of_towers(seed: int, k: int, w: float) -> None:
    rng = np.random.default_rng(seed)
    lo = float(rng.uniform(-2, 0))
    hi = lo + float(rng.uniform(0.5, 3))
    fv = rng.normal(size=k)
    x = rng.uniform(lo - 0.5, hi + 0.5, size=(3, 4))
    edges = lo + (hi - lo) * np.arange(k + 1) / k
    towers = sum(t_tower(x, edges[j], edges[j + 1], fv[j], w) for j in range(k))
    # and the telescoped form Σ_j (f_j − f_{j−1})·σ(w(x − e_j)), f_{−1} = f_k = 0
    jumps = np.diff(np.concatenate([[0.0], fv, [0.0]]))
    steps = sum(jumps[j] * t_sigmoid(w * (x - edges[j])) for j in range(k + 1))
    before = fv.copy()
    got = T.approximate_1d(fv, lo, hi, w, x)
    np.testing.assert_allclose(got, towers, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(got, steps, rtol=1e-9, atol=1e-11)
    np.testing.assert_array_equal(fv, before)


def test_approximate_1d_hits_the_midpoints_for_steep_w() -> None:
    fv = np.array([1.0, -2.0, 0.5, 3.0])
    mids = T.bin_midpoints(0.0, 2.0, 4)
    np.testing.assert_allclose(mids, [0.25, 0.75, 1.25, 1.75])
    np.testing.assert_allclose(T.approximate_1d(fv, 0.0, 2.0, 1e3, mids), fv, atol=1e-12)


def test_bin_midpoints_rejects_bad_grids() -> None:
    with pytest.raises(ValueError):
        T.bin_midpoints(1.0, 1.0, 3)
    with pytest.raises(ValueError):
        T.bin_midpoints(0.0, 1.0, 0)


FUNCTIONS = {
    # name: (f, Lipschitz constant on [-2, 2], sup |f| on [-2, 2])
    "sin3x": (lambda x: np.sin(3 * x), 3.0, 1.0),
    "abs": (lambda x: np.abs(x - 0.3), 1.0, 2.3),
    "linear": (lambda x: 1.5 * x - 0.5, 1.5, 3.5),
    "gauss": (lambda x: 2 * np.exp(-(x**2)), 2 * math.sqrt(2 / math.e), 2.0),
}


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(sorted(FUNCTIONS)),
    k=st.integers(1, 40),
    w=st.floats(0.5, 2000),
    margin=st.floats(0.0, 0.5),
)
def test_error_bound_1d_holds(name: str, k: int, w: float, margin: float) -> None:
    f, L, M = FUNCTIONS[name]
    lo, hi = -2.0, 2.0
    x = np.linspace(lo + margin, hi - margin, 1201)
    err = np.max(np.abs(T.tabulate_1d(f, lo, hi, k, w, x) - f(x)))
    assert err <= T.error_bound_1d(L, M, lo, hi, k, w, margin) * (1 + 1e-12)


def test_error_bound_1d_tends_to_the_staircase_error_and_is_tight() -> None:
    L, lo, hi, k = 1.5, -2.0, 2.0, 8
    delta = (hi - lo) / k
    assert T.error_bound_1d(L, 3.5, lo, hi, k, 1e9, 0.25) == pytest.approx(L * delta / 2, rel=1e-6)
    # a linear f reaches L·Δ/2 just beside a bin edge once w is steep
    f = FUNCTIONS["linear"][0]
    x = np.linspace(-1.0, 1.0, 20001)
    err = np.max(np.abs(T.tabulate_1d(f, lo, hi, k, 1e5, x) - f(x)))
    assert err == pytest.approx(L * delta / 2, rel=0.01)


def test_error_shrinks_with_more_and_steeper_towers() -> None:
    f = FUNCTIONS["sin3x"][0]
    x = np.linspace(-1.9, 1.9, 4001)

    def err(k: int, w: float) -> float:
        return float(np.max(np.abs(T.tabulate_1d(f, -2.0, 2.0, k, w, x) - f(x))))

    by_k = [err(k, 50.0 * k) for k in (4, 8, 16, 32, 64)]
    assert all(b < a for a, b in itertools.pairwise(by_k))
    assert by_k[-1] < by_k[0] / 10
    # for a fixed k, too flat towers are bad; the error falls as w grows until the staircase
    # error L·Δ/2 (here 0.375) is all that is left (a moderate w even smooths below it)
    by_w = [err(16, w) for w in (1.0, 2.0, 4.0, 8.0)]
    assert all(b < a for a, b in itertools.pairwise(by_w))
    assert err(16, 1e4) == pytest.approx(3 * 0.25 / 2, rel=0.05)
    bounds = [T.error_bound_1d(3.0, 1.0, -2.0, 2.0, 16, w, 0.1) for w in (1.0, 8.0, 64.0, 1e3)]
    assert all(b < a for a, b in itertools.pairwise(bounds))


def test_error_bound_1d_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        T.error_bound_1d(1.0, 1.0, 0.0, 1.0, 4, 0.0)
    with pytest.raises(ValueError):
        T.error_bound_1d(1.0, 1.0, 0.0, 1.0, 4, 1.0, margin=-0.1)


# --------------------------------------------------------------------------- 2-D


def test_approximate_2d_is_the_sum_of_2d_towers() -> None:
    rng = np.random.default_rng(7)
    fv = rng.normal(size=(3, 4))
    domain = (-1.0, 2.0, 0.0, 2.0)
    P = rng.uniform(-1.5, 2.5, size=(30, 2))
    w = 12.0
    ex, ey = np.linspace(-1, 2, 4), np.linspace(0, 2, 5)
    expected = np.zeros(30)
    for i in range(3):
        for j in range(4):
            Tx = t_sigmoid(w * (P[:, 0] - ex[i])) - t_sigmoid(w * (P[:, 0] - ex[i + 1]))
            Ty = t_sigmoid(w * (P[:, 1] - ey[j])) - t_sigmoid(w * (P[:, 1] - ey[j + 1]))
            expected += fv[i, j] * t_sigmoid(w * (Tx + Ty - 1.5))
    np.testing.assert_allclose(T.approximate_2d(fv, domain, w, P), expected, rtol=1e-12)


def _cell_interior_points(k: int, margin: float, per_axis: int) -> np.ndarray:
    """Points of [0, 1]² at distance >= margin (in each coordinate) from every grid line."""
    delta = 1.0 / k
    offsets = np.linspace(margin, delta - margin, per_axis)
    coords = (np.arange(k)[:, None] * delta + offsets[None, :]).ravel()
    gx, gy = np.meshgrid(coords, coords)
    return np.column_stack([gx.ravel(), gy.ravel()])


@pytest.mark.parametrize("k,w", [(2, 200.0), (4, 400.0), (6, 600.0), (10, 1000.0)])
def test_error_bound_2d_holds_and_error_shrinks(k: int, w: float) -> None:
    def f(P: np.ndarray) -> np.ndarray:
        return np.sin(2 * P[:, 0]) * np.cos(P[:, 1])

    L, M = math.sqrt(4 + 1), 1.0  # ‖∇f‖ <= √(2² + 1²)
    margin = 0.2 / k
    mids = (np.arange(k) + 0.5) / k
    cx, cy = np.meshgrid(mids, mids, indexing="ij")
    fv = f(np.column_stack([cx.ravel(), cy.ravel()])).reshape(k, k)
    P = _cell_interior_points(k, margin, 5)
    err = np.max(np.abs(T.approximate_2d(fv, (0, 1, 0, 1), w, P) - f(P)))
    bound = T.error_bound_2d(L, M, (0, 1, 0, 1), (k, k), w, margin)
    assert err <= bound
    # the staircase part dominates once w is steep: the bound is not vacuous
    assert bound < 2 * L * math.hypot(1 / k, 1 / k) / 2 + 0.05


def test_error_2d_shrinks_with_more_boxes() -> None:
    def f(P: np.ndarray) -> np.ndarray:
        return np.exp(-((P[:, 0] - 0.5) ** 2 + (P[:, 1] - 0.5) ** 2) * 4)

    errs = []
    for k in (2, 4, 8):
        mids = (np.arange(k) + 0.5) / k
        cx, cy = np.meshgrid(mids, mids, indexing="ij")
        fv = f(np.column_stack([cx.ravel(), cy.ravel()])).reshape(k, k)
        P = _cell_interior_points(k, 0.2 / k, 3)
        errs.append(np.max(np.abs(T.approximate_2d(fv, (0, 1, 0, 1), 40.0 * k, P) - f(P))))
    assert errs[0] > errs[1] > errs[2]


def test_error_bound_2d_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        T.error_bound_2d(1.0, 1.0, (0, 1, 1, 1), (2, 2), 10.0, 0.1)
