"""Cross-checks of reference.mp_neuron: exhaustive truth tables on {0,1}ⁿ against an independent
loop implementation, the gates against their logical definitions, the veto and the >= rule."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import mp_neuron as mp

FEW = settings(max_examples=30, deadline=None)


def oracle(x: tuple[int, ...], theta: float, inhibitory: tuple[bool, ...]) -> int:
    """The definition, written with plain Python loops."""
    for xi, inh in zip(x, inhibitory, strict=True):
        if inh and xi == 1:
            return 0
    total = 0
    for xi, inh in zip(x, inhibitory, strict=True):
        if not inh:
            total += xi
    return 1 if total >= theta else 0


@FEW
@given(
    n=st.integers(1, 8),
    theta=st.integers(-1, 9) | st.floats(-1, 9, allow_nan=False),
    seed=st.integers(0, 2**32 - 1),
)
def test_mp_neuron_matches_definition_exhaustively(n, theta, seed):
    inhibitory = np.random.default_rng(seed).random(n) < 0.3
    for x in itertools.product((0, 1), repeat=n):
        got = mp.mp_neuron(np.array(x), theta, inhibitory)
        assert got == oracle(x, theta, tuple(inhibitory))
        assert type(got) is int


def test_mp_neuron_fires_at_equality():
    assert mp.mp_neuron(np.array([1, 1, 0]), 2) == 1
    assert mp.mp_neuron(np.array([1, 0, 0]), 2) == 0


def test_mp_neuron_inhibitory_input_is_an_absolute_veto():
    x = np.array([1, 1, 1, 1, 1])
    inhibitory = np.array([False, False, False, False, True])
    assert mp.mp_neuron(x, -10, inhibitory) == 0
    assert mp.mp_neuron(x, 4, None) == 1
    assert mp.mp_neuron(np.array([1, 1, 1, 1, 0]), 4, inhibitory) == 1


def test_mp_neuron_accepts_bools_and_floats():
    assert mp.mp_neuron(np.array([True, False]), 1) == 1
    assert mp.mp_neuron(np.array([1.0, 1.0]), 2.0) == 1


@pytest.mark.parametrize(
    ("x", "inhibitory"),
    [
        (np.array([0, 2]), None),
        (np.array([0.5, 1]), None),
        (np.array([-1, 0]), None),
        (np.array([0, 1, 1]), np.array([True, False])),
        (np.array([[0, 1]]), None),
    ],
)
def test_mp_neuron_rejects_bad_input(x, inhibitory):
    with pytest.raises(ValueError):
        mp.mp_neuron(x, 1, inhibitory)


def test_mp_neuron_does_not_modify_inputs():
    x = np.array([1, 0, 1])
    inhibitory = np.array([False, True, False])
    mp.mp_neuron(x, 1, inhibitory)
    np.testing.assert_array_equal(x, [1, 0, 1])
    np.testing.assert_array_equal(inhibitory, [False, True, False])


# Truth tables written out by hand, x1 the most significant bit.
HAND_TABLES = {
    ("and", 2): [0, 0, 0, 1],
    ("or", 2): [0, 1, 1, 1],
    ("nor", 2): [1, 0, 0, 0],
    ("not", 1): [1, 0],
    ("and_not", 2): [0, 0, 1, 0],
    ("and", 3): [0, 0, 0, 0, 0, 0, 0, 1],
    ("or", 3): [0, 1, 1, 1, 1, 1, 1, 1],
    ("nor", 3): [1, 0, 0, 0, 0, 0, 0, 0],
}


@pytest.mark.parametrize(("gate", "table"), HAND_TABLES.items())
def test_gate_table_matches_hand_written_tables(gate, table):
    np.testing.assert_array_equal(mp.gate_table(*gate), table)


@pytest.mark.parametrize(
    ("name", "n"),
    [(g, n) for g in ("and", "or", "nor") for n in range(1, 9)] + [("not", 1), ("and_not", 2)],
)
def test_mp_gate_computes_the_gate_on_all_inputs(name, n):
    theta, inhibitory = mp.mp_gate(name, n)
    assert np.asarray(inhibitory).dtype == bool
    assert np.asarray(inhibitory).shape == (n,)
    np.testing.assert_array_equal(mp.truth_table(theta, inhibitory), mp.gate_table(name, n))


@pytest.mark.parametrize(("name", "n"), [("xor", 2), ("not", 2), ("and_not", 3), ("and", 0)])
def test_mp_gate_rejects_unknown_gates_and_wrong_arity(name, n):
    with pytest.raises(ValueError):
        mp.mp_gate(name, n)


def test_all_inputs_counts_with_x1_most_significant():
    X = mp.all_inputs(3)
    assert X.shape == (8, 3)
    np.testing.assert_array_equal(X[1], [0, 0, 1])
    np.testing.assert_array_equal(X[4], [1, 0, 0])
    np.testing.assert_array_equal(X[6], [1, 1, 0])
    assert len({tuple(r) for r in X}) == 8
