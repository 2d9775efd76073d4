"""Cross-checks of reference.boolean_networks: exhaustive on {0,1}ⁿ for n <= 8, random truth
tables, an independent unit-by-unit forward pass, exact unit counts 2ⁿ⁻¹ and 3(n−1)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import boolean_networks as bn

FEW = settings(max_examples=30, deadline=None)
SEEDS = st.integers(0, 2**32 - 1)


def loop_forward(layers, x: tuple[int, ...]) -> int:
    """The definition, one unit at a time with Python numbers."""
    z = [float(v) for v in x]
    outputs: list[float] = []
    for W, b in layers:
        outputs = []
        for j in range(len(b)):
            s = sum(float(W[j][k]) * z[k] for k in range(len(z))) + float(b[j])
            outputs.append(1.0 if s >= 0 else 0.0)
        z = z + outputs
    assert len(outputs) == 1
    return int(outputs[0])


def random_network(rng: np.random.Generator, n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    layers = []
    width = n
    depth = int(rng.integers(1, 5))
    for k in range(depth):
        units = 1 if k == depth - 1 else int(rng.integers(1, 5))
        W = rng.integers(-2, 3, size=(units, width)).astype(float)
        b = rng.integers(-3, 3, size=units).astype(float)
        layers.append((W, b))
        width += units
    return layers


@FEW
@given(seed=SEEDS, n=st.integers(1, 6))
def test_threshold_forward_matches_unit_by_unit_definition(seed, n):
    rng = np.random.default_rng(seed)
    layers = random_network(rng, n)
    X = bn.all_inputs(n)
    got = bn.threshold_forward(layers, X)
    assert got.shape == (2**n,)
    assert got.dtype.kind == "i"
    expected = [loop_forward(layers, tuple(x)) for x in X]
    np.testing.assert_array_equal(got, expected)


def test_threshold_forward_fires_at_equality_and_sees_inputs_in_later_layers():
    # Layer 1: h = [x1 + x2 − 2 >= 0] (AND). Layer 2: out = [x1 − h − 1 >= 0] = x1 AND NOT h.
    layers = [(np.array([[1.0, 1.0]]), np.array([-2.0])),
              (np.array([[1.0, 0.0, -1.0]]), np.array([-1.0]))]
    np.testing.assert_array_equal(bn.threshold_forward(layers, bn.all_inputs(2)), [0, 0, 1, 0])


def test_threshold_forward_does_not_modify_inputs():
    X = bn.all_inputs(3).astype(float)
    layers = bn.deep_parity(3)
    copies = [(W.copy(), b.copy()) for W, b in layers]
    bn.threshold_forward(layers, X)
    np.testing.assert_array_equal(X, bn.all_inputs(3))
    for (W, b), (W0, b0) in zip(layers, copies, strict=True):
        np.testing.assert_array_equal(W, W0)
        np.testing.assert_array_equal(b, b0)


def test_threshold_forward_rejects_mismatched_shapes():
    with pytest.raises(ValueError):
        bn.threshold_forward([(np.ones((1, 3)), np.zeros(1))], bn.all_inputs(2))


def check_shallow(table: np.ndarray) -> None:
    n = int(np.log2(len(table)))
    layers = bn.shallow_network(table)
    assert len(layers) == 2
    (W1, b1), (W2, b2) = layers
    h = W1.shape[0]
    assert W1.shape == (h, n) and b1.shape == (h,)
    assert W2.shape == (1, n + h) and b2.shape == (1,)
    assert h <= max(1, 2 ** (n - 1))
    X = bn.all_inputs(n)
    np.testing.assert_array_equal(bn.threshold_forward(layers, X), table)
    assert [loop_forward(layers, tuple(x)) for x in X] == list(table)


@FEW
@given(seed=SEEDS, n=st.integers(1, 8), density=st.floats(0, 1))
def test_shallow_network_computes_random_truth_tables(seed, n, density):
    table = (np.random.default_rng(seed).random(2**n) < density).astype(int)
    check_shallow(table)


@pytest.mark.parametrize("n", range(1, 5))
def test_shallow_network_computes_every_function_of_few_inputs(n):
    if n == 4:  # 65536 functions: a fixed sample keeps this fast
        tables = np.random.default_rng(0).integers(0, 2, size=(300, 16))
    else:
        tables = np.array(list(itertools.product((0, 1), repeat=2**n)))
    for table in tables:
        check_shallow(table)


def test_shallow_network_bit_order_has_x1_most_significant():
    # f = x1 AND NOT x2: only row 2 (x = 10) is 1.
    layers = bn.shallow_network(np.array([0, 0, 1, 0]))
    np.testing.assert_array_equal(
        bn.threshold_forward(layers, np.array([[1, 0], [0, 1]])), [1, 0]
    )


@pytest.mark.parametrize("n", range(1, 9))
def test_shallow_parity_uses_exactly_2_to_the_n_minus_1_hidden_units(n):
    layers = bn.shallow_network(bn.parity_table(n))
    assert layers[0][0].shape[0] == 2 ** (n - 1)
    assert bn.count_units(layers) == 2 ** (n - 1) + 1
    np.testing.assert_array_equal(bn.threshold_forward(layers, bn.all_inputs(n)),
                                  bn.parity_table(n))


@pytest.mark.parametrize("table", [[0, 1, 2, 1], [0, 1, 1], [], [[0, 1], [1, 0]]])
def test_shallow_network_rejects_bad_tables(table):
    with pytest.raises(ValueError):
        bn.shallow_network(np.array(table))


@pytest.mark.parametrize("n", range(2, 9))
def test_deep_parity_is_exact_on_all_inputs_with_3_n_minus_1_units(n):
    layers = bn.deep_parity(n)
    assert bn.count_units(layers) == 3 * (n - 1)
    assert layers[-1][0].shape[0] == 1
    width = n
    for W, b in layers:
        assert W.shape == (len(b), width)
        width += len(b)
    X = bn.all_inputs(n)
    expected = X.sum(axis=1) % 2
    np.testing.assert_array_equal(bn.threshold_forward(layers, X), expected)
    if n <= 5:
        assert [loop_forward(layers, tuple(x)) for x in X] == list(expected)


@pytest.mark.parametrize("n", [1, 0, -3])
def test_deep_parity_rejects_fewer_than_two_inputs(n):
    with pytest.raises(ValueError):
        bn.deep_parity(n)


def test_count_units_counts_hidden_and_output_units():
    layers = [(np.zeros((4, 2)), np.zeros(4)), (np.zeros((3, 6)), np.zeros(3)),
              (np.zeros((1, 9)), np.zeros(1))]
    assert bn.count_units(layers) == 8
    assert type(bn.count_units(layers)) is int


def test_parity_unit_table_reproduces_the_lecture_comparison():
    rows = bn.parity_unit_table(range(2, 9))
    assert rows[-1] == (8, 128, 129, 21)
    for n, hidden, total, deep in rows:
        assert hidden == 2 ** (n - 1)
        assert total == hidden + 1
        assert deep == 3 * (n - 1)
    # deep wins from n = 5 on (12 < 17), ties at n = 4 (9 = 9)
    assert [n for n, _, total, deep in rows if deep < total] == [5, 6, 7, 8]


def test_all_inputs_counts_with_x1_most_significant():
    X = bn.all_inputs(4)
    np.testing.assert_array_equal(X[1], [0, 0, 0, 1])
    np.testing.assert_array_equal(X[8], [1, 0, 0, 0])
    np.testing.assert_array_equal(bn.parity_table(2), [0, 1, 1, 0])
