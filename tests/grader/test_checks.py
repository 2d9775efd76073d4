"""grader.checks: exact student-facing messages, tolerances, wrong kinds of values, gradients."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader import checks
from grader.checks import mistakes as m
from grader.errors import BadValue, MissingFunction, StudentError, StudentTimeout, WorkerCrashed

W34 = np.arange(12.0).reshape(3, 4) / 8  # 0, 0.125, ..., 1.375
NAN_P = W34.copy()
NAN_P[0, 2] = np.nan
ONE_OFF = np.array([[1.0, 2.0], [0.209, 3.0]])
ONE_OFF_GOT = np.array([[1.0, 2.0], [0.418, 3.0]])


def failure(call: Any) -> checks.CheckFailure:
    with pytest.raises(checks.CheckFailure) as info:
        call()
    return info.value


# (call, exact message, named mistake)
MESSAGES = [
    pytest.param(
        lambda: checks.close(np.zeros(3), np.zeros((3, 1)), name="b"),
        "b: expected shape (3, 1), got shape (3,) — the right number of entries; check keepdims "
        "or reshape.",
        None,
        id="shape-3-vs-3x1",
    ),
    pytest.param(
        lambda: checks.close(np.zeros((2, 3)), np.zeros((3, 3)), name="W"),
        "W: expected shape (3, 3), got shape (2, 3).",
        None,
        id="shape-mismatch",
    ),
    pytest.param(
        lambda: checks.close(W34.T, W34, name="dW"),
        "dW: expected shape (3, 4), got shape (4, 3). Looks like the result is transposed.",
        m.TRANSPOSED,
        id="transposed",
    ),
    pytest.param(
        lambda: checks.close(W34.T + 1, W34, name="dW"),
        "dW: expected shape (3, 4), got shape (4, 3) — looks transposed.",
        None,
        id="transposed-shape-other-values",
    ),
    pytest.param(
        lambda: checks.close(NAN_P, W34, name="P"),
        "P: 1 of 12 entries are nan or inf; got nan at [0, 2], expected 0.25 — overflow? e.g. "
        "softmax without subtracting the row max.",
        None,
        id="nan",
    ),
    pytest.param(
        lambda: checks.close(math.inf, 0.6931471805599453, name="loss"),
        "loss: got inf, expected 0.6931 — overflow? e.g. softmax without subtracting the row max.",
        None,
        id="inf-scalar",
    ),
    pytest.param(
        lambda: checks.close((1, 2, 3), (1, 2), name="train_perceptron(...)"),
        "train_perceptron(...): expected a tuple of length 2, got a tuple of length 3: (1, 2, 3).",
        None,
        id="tuple-length",
    ),
    pytest.param(
        lambda: checks.equal((W34, [3, 0]), (W34, [3, 1, 0]), name="train_perceptron(...)"),
        "train_perceptron(...)[1]: expected a list of length 3, got a list of length 2: [3, 0].",
        None,
        id="nested-list-length",
    ),
    pytest.param(
        lambda: checks.equal((W34, [3, 2, 0]), (W34, [3, 1, 0]), name="train_perceptron(...)"),
        "train_perceptron(...)[1][1]: got 2, expected 1.",
        None,
        id="nested-entry",
    ),
    pytest.param(
        lambda: checks.close({"W1": W34, "b1": 0.0}, {"W1": W34, "b1": 0.0, "b2": 1.0},
                             name="grads"),
        'grads: missing key "b2".',
        None,
        id="missing-key",
    ),
    pytest.param(
        lambda: checks.close({"W1": 1.0, "db2": 0.0}, {"W1": 1.0, "b2": 0.0}, name="grads"),
        'grads: missing key "b2"; unexpected key "db2".',
        None,
        id="missing-and-extra-key",
    ),
    pytest.param(
        lambda: checks.close({"W1": W34 * 2}, {"W1": W34}, name="grads"),
        'grads["W1"]: 11 of 12 entries differ; worst at [2, 3]: got 2.75, expected 1.375.',
        None,
        id="dict-path",
    ),
    pytest.param(
        lambda: checks.close(
            ONE_OFF_GOT, ONE_OFF, name="dW", mistakes={m.REG_FACTOR: ONE_OFF_GOT.copy()}
        ),
        "dW: 1 of 4 entries differ; worst at [1, 0]: got 0.418, expected 0.209. Looks like "
        "2·reg·W is missing its factor 2.",
        m.REG_FACTOR,
        id="one-entry-named-mistake",
    ),
    pytest.param(
        lambda: checks.close(-W34, W34, name="dW"),
        "dW: 11 of 12 entries differ; worst at [2, 3]: got -1.375, expected 1.375. Looks like "
        "the sign is flipped.",
        m.SIGN,
        id="sign-flipped",
    ),
    pytest.param(
        lambda: checks.close(np.array([[1.0, 3.0], [2.0, 4.0]]), np.array([[1.0, 2.0], [3.0, 4.0]]),
                             name="A"),
        "A: 2 of 4 entries differ; worst at [0, 1]: got 3, expected 2. Looks like the result is "
        "transposed.",
        m.TRANSPOSED,
        id="square-transposed",
    ),
    pytest.param(
        lambda: checks.close(None, W34, name="dW"),
        "dW: expected an array of shape (3, 4), got None. Does the function return its result?",
        None,
        id="none-for-array",
    ),
    pytest.param(
        lambda: checks.close(None, 0.5, name="loss"),
        "loss: expected a number, got None. Does the function return its result?",
        None,
        id="none-for-number",
    ),
    pytest.param(
        lambda: checks.close("oops", W34, name="X1"),
        "X1: expected an array of shape (3, 4), got a str ('oops').",
        None,
        id="str-for-array",
    ),
    pytest.param(
        lambda: checks.close({"a": 1}, W34, name="X1"),
        'X1: expected an array of shape (3, 4), got a dict with keys "a".',
        None,
        id="dict-for-array",
    ),
    pytest.param(
        lambda: checks.close([1.0, 2.0], 1.5, name="loss"),
        "loss: expected a number, got a list of length 2.",
        None,
        id="list-for-number",
    ),
    pytest.param(
        lambda: checks.close(W34, {"W1": W34}, name="grads"),
        "grads: expected a dict, got an array of shape (3, 4) and dtype float64.",
        None,
        id="array-for-dict",
    ),
    pytest.param(
        lambda: checks.close(np.ones(3), 0.5, name="loss"),
        "loss: expected a number, got an array of shape (3,) and dtype float64.",
        None,
        id="array-for-number",
    ),
    pytest.param(
        lambda: checks.close(0.5, np.ones(3), name="b"),
        "b: expected an array of shape (3,), got a float (0.5).",
        None,
        id="number-for-array",
    ),
    pytest.param(
        lambda: checks.equal(2**70, 3, name="n"),
        "n: expected a number, got an int (1180591620717411303424).",
        None,
        id="int-beyond-64-bits",
    ),
    pytest.param(
        lambda: checks.gradient(np.zeros(2), lambda v: math.inf if v[0] > 1 else 0.0, np.ones(2),
                                name="dW"),
        "dW: cannot check the gradient: central differences (h = 1e-05) give inf at [0], so the "
        "function returns nan or inf near this point — overflow? e.g. softmax without "
        "subtracting the row max.",
        None,
        id="gradient-of-overflowing-function",
    ),
    pytest.param(
        lambda: checks.close(1.00001, 1.0, name="loss"),
        "loss: got 1.00001, expected 1.",
        None,
        id="precision-grows-to-show-difference",
    ),
    pytest.param(
        lambda: checks.equal(np.array([1.0, 0.5, 1.0]), np.array([1, 0, 1]), name="y_hat"),
        "y_hat: expected dtype int64, got float64; 1 of 3 entries differ; first at [1]: got 0.5, "
        "expected 0.",
        None,
        id="equal-dtype-named-when-values-differ",
    ),
    pytest.param(
        lambda: checks.equal("or", "and", name="mp_gate name"),
        "mp_gate name: got 'or', expected 'and'.",
        None,
        id="equal-str",
    ),
    pytest.param(
        lambda: checks.equal(np.array([1, -1, 1]), np.array([-1, 1, -1]), name="predict(w, X)"),
        "predict(w, X): 3 of 3 entries differ; first at [0]: got 1, expected -1. Looks like the "
        "sign is flipped.",
        m.SIGN,
        id="equal-sign",
    ),
    pytest.param(
        lambda: checks.equal("1", 1, name="count_units(layers)"),
        "count_units(layers): expected a number, got a str ('1').",
        None,
        id="equal-str-for-int",
    ),
]


@pytest.mark.parametrize(("call", "message", "mistake"), MESSAGES)
def test_check_failure_message_is_exact(call: Any, message: str, mistake: str | None) -> None:
    err = failure(call)
    assert err.message == message
    assert str(err) == message
    assert err.mistake == mistake
    assert isinstance(err, AssertionError)


@pytest.mark.parametrize(
    ("got", "expected"),
    [
        (np.float64(0.5), np.array(0.5)),
        (0.5, np.array(0.5)),
        (np.array(0.5), 0.5),
        (0.5, np.array([0.5])),
        (np.array([[0.5]]), 0.5),
        (1 + 1e-7, 1.0),
        (1e-9, 0.0),
        ([1.0, 2.0], np.array([1.0, 2.0])),
        (np.array([1.0, 2.0]), [1.0, 2.0]),
        (np.array([np.nan, np.inf, -np.inf]), np.array([np.nan, np.inf, -np.inf])),
        ([1, 2], (1, 2)),
        (np.zeros((0, 3)), np.zeros((0, 3))),
        (None, None),
        ("and", "and"),
        (True, 1.0),
    ],
)
def test_close_accepts_equivalent_values(got: Any, expected: Any) -> None:
    checks.close(got, expected)


def test_close_tolerance_is_atol_plus_rtol_times_expected() -> None:
    checks.close(100.0 + 0.9e-4, 100.0, rtol=1e-6, atol=0.0)
    with pytest.raises(checks.CheckFailure):
        checks.close(100.0 + 1.1e-4, 100.0, rtol=1e-6, atol=0.0)
    checks.close(0.9e-8, 0.0)
    with pytest.raises(checks.CheckFailure):
        checks.close(1.1e-8, 0.0)


def test_close_worst_entry_is_the_largest_excess_over_tolerance() -> None:
    expected = np.array([1000.0, 1.0, 0.0])
    got = np.array([1000.001, 1.0005, 0.0])  # abs largest at [0], but relative worst at [1]
    assert "worst at [1]: got 1.0005, expected 1." in failure(
        lambda: checks.close(got, expected)
    ).message


@pytest.mark.parametrize(
    ("got", "expected"),
    [
        (True, 1),
        (np.int64(1), 1),
        (np.array([1.0, 0.0, 1.0]), np.array([1, 0, 1])),
        (np.array([True, False]), np.array([1, 0])),
        ([3, 1, 0], np.array([3, 1, 0])),
        (np.array([3, 1, 0]), [3, 1, 0]),
        ((np.int32(2), [1, 2]), (2, [1, 2])),
        ({"theta": 2, "inhibitory": np.array([False, True])},
         {"theta": 2, "inhibitory": np.array([False, True])}),
        (float("nan"), float("nan")),
    ],
)
def test_equal_compares_values_not_types(got: Any, expected: Any) -> None:
    checks.equal(got, expected)


def test_equal_is_exact() -> None:
    with pytest.raises(checks.CheckFailure):
        checks.equal(1.0 + 1e-15, 1.0)
    with pytest.raises(checks.CheckFailure):
        checks.equal(0, None)
    with pytest.raises(checks.CheckFailure):  # not equal as float64
        checks.equal(np.array([2**60 + 1]), np.array([2**60]))
    with pytest.raises(checks.CheckFailure):
        checks.equal(2**60 + 1, 2**60)


def test_names_with_colons_keep_the_dtype_note_after_the_name() -> None:
    err = failure(lambda: checks.equal(np.array([1.0, 2.5]), np.array([1, 2]), name="a: b"))
    assert err.message == (
        "a: b: expected dtype int64, got float64; 1 of 2 entries differ; first at [1]: got 2.5, "
        "expected 2."
    )


# Values of every plain kind a student function might return.
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True),
    st.complex_numbers(allow_nan=False, max_magnitude=1e6), st.text(max_size=5),
)
_arrays = hnp.arrays(
    dtype=st.sampled_from([np.float64, np.int64, np.bool_, np.float32, np.complex128, np.uint8]),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=4),
)
_values = st.recursive(
    st.one_of(_scalars, _arrays),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.sampled_from(["W1", "b1", "a", 0, 1]), inner, max_size=3),
    ),
    max_leaves=8,
)
_EXPECTED = [
    W34, np.array([1, -1, 1]), 0.5, 3, None, "and", (W34, [3, 1, 0]),
    {"W1": W34, "b1": np.zeros(4)}, [np.zeros(2), np.ones((2, 2))], np.array(0.25), True,
]


@settings(max_examples=150, deadline=None)
@given(got=_values, which=st.integers(0, len(_EXPECTED) - 1))
def test_any_student_value_fails_only_with_check_failure(got: Any, which: int) -> None:
    expected = _EXPECTED[which]
    for check in (checks.close, checks.equal):
        try:
            check(got, expected, name="r", mistakes=m.merge(m.transposed(expected),
                                                            m.sign_flipped(expected)))
        except checks.CheckFailure as err:
            assert err.message.startswith("r")
            assert err.message.endswith((".", "?"))
    try:
        checks.unchanged(expected, got, name="x")
    except checks.CheckFailure as err:
        assert err.mistake == m.INPUT_MUTATED


def test_unchanged_names_the_first_changed_entry() -> None:
    before = W34.copy()
    after = W34.copy()
    after[1, 2] += 1.0
    after[2, 0] = -5.0
    err = failure(lambda: checks.unchanged(before, after, name="X"))
    assert err.message == (
        "X: 2 of 12 entries changed; first at [1, 2]: was 0.75, now 1.75. "
        "Looks like an input array was modified in place."
    )
    assert err.mistake == m.INPUT_MUTATED


def test_unchanged_reports_shape_and_length_changes() -> None:
    err = failure(lambda: checks.unchanged(W34, W34.ravel(), name="X"))
    assert err.message.startswith("X: was shape (3, 4), now shape (12,)")
    err = failure(lambda: checks.unchanged([1, 2], [1, 2, 3], name="changes"))
    assert err.message.startswith("changes: was a list of length 2, now a list of length 3")
    checks.unchanged(W34, W34.copy(), name="X")
    checks.unchanged({"w": [1.0, np.nan]}, {"w": [1.0, np.nan]}, name="params")


def _raiser(exc_type: str, *mro: str, cls: type[StudentError] = StudentError) -> Any:
    def call() -> Any:
        raise cls(f"{exc_type}: bad input", exc_type=exc_type, exc_mro=(exc_type, *mro))

    return call


def test_raises_passes_on_the_named_exception_or_a_subclass() -> None:
    checks.raises("ValueError", _raiser("ValueError", "Exception"), what="labels {0, 1}")
    checks.raises("ValueError", _raiser("LabelError", "ValueError", "Exception"), what="y")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: (np.ones(2), [1]),
         "expected ValueError for labels {0, 1}, but it returned (array([1., 1.]), [1]). "
         "Check the input and raise ValueError."),
        (lambda: None,
         "expected ValueError for labels {0, 1}, but it returned None. Check the input and "
         "raise ValueError."),
        (_raiser("TypeError", "Exception"),
         "expected ValueError for labels {0, 1}, but it raised TypeError: bad input. Check the "
         "input and raise ValueError."),
        (_raiser("", cls=BadValue),
         "expected ValueError for labels {0, 1}, but it returned a value that cannot be sent "
         "back (: bad input). Check the input and raise ValueError."),
    ],
)
def test_raises_message_says_what_happened_instead(call: Any, message: str) -> None:
    err = failure(lambda: checks.raises("ValueError", call, what="labels {0, 1}"))
    assert err.message == message


@pytest.mark.parametrize("cls", [StudentTimeout, WorkerCrashed, MissingFunction])
def test_raises_lets_timeouts_crashes_and_missing_functions_through(
    cls: type[StudentError],
) -> None:
    with pytest.raises(cls):
        checks.raises("ValueError", _raiser("ValueError", cls=cls), what="x")


def test_raises_does_not_swallow_grader_bugs() -> None:
    def broken() -> None:
        raise KeyError("a bug in the test itself")

    with pytest.raises(KeyError):
        checks.raises("ValueError", broken, what="x")


_finite = st.floats(-1e6, 1e6, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(a=hnp.arrays(np.float64, 5, elements=_finite), b=hnp.arrays(np.float64, 5, elements=_finite))
def test_relative_error_is_symmetric_zero_safe_and_bounded(a: Any, b: Any) -> None:
    a[0] = b[0] = 0.0
    err = checks.relative_error(a, b)
    assert np.array_equal(err, checks.relative_error(b, a))
    assert np.isfinite(err).all()
    assert err[0] == 0.0
    assert (err >= 0).all() and (err <= 2).all()
    assert (checks.relative_error(a, a) == 0).all()


def test_relative_error_special_values() -> None:
    err = checks.relative_error([np.inf, 1.0, np.nan, 0.0], [np.inf, np.inf, 1.0, 1e-300])
    assert err[0] == 0.0 and err[1] == np.inf and np.isnan(err[2]) and err[3] == 1.0
    assert checks.relative_error(2.0, 1.0).shape == ()


# ---------------------------------------------------------------------------------------------
# Gradients


def _quadratic(seed: int, shape: tuple[int, ...]) -> tuple[Any, Any, np.ndarray]:
    """f(x) = ½ xᵀAx + bᵀx + c·Σx³/3 on x.ravel(), its gradient, and a point."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    A, b, c = rng.normal(size=(n, n)), rng.normal(size=n), rng.normal()
    x = rng.normal(size=shape)

    def f(v: np.ndarray) -> float:
        z = v.ravel()
        return float(0.5 * z @ A @ z + b @ z + c * np.sum(z**3) / 3)

    def grad(v: np.ndarray) -> np.ndarray:
        z = v.ravel()
        return (0.5 * (A + A.T) @ z + b + c * z**2).reshape(v.shape)

    return f, grad, x


_shapes = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), shape=_shapes)
def test_numerical_gradient_matches_analytic_gradient_of_random_cubics(
    seed: int, shape: tuple[int, ...]
) -> None:
    f, grad, x = _quadratic(seed, shape)
    before = x.copy()
    numerical = checks.numerical_gradient(f, x)
    assert numerical.shape == x.shape and numerical.dtype == np.float64
    np.testing.assert_allclose(numerical, grad(x), rtol=1e-7, atol=1e-7)
    assert np.array_equal(x, before)
    checks.gradient(grad(x), f, x, name="g")


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), shape=_shapes)
def test_numerical_gradient_matches_torch_autograd(seed: int, shape: tuple[int, ...]) -> None:
    import torch

    rng = np.random.default_rng(seed)
    x, c = rng.normal(size=shape), rng.normal(size=shape)
    ct = torch.tensor(c)

    def f_torch(t: Any) -> Any:
        return torch.sum(torch.tanh(t) * ct) + torch.logsumexp(t.reshape(-1), 0)

    def f(v: np.ndarray) -> float:
        return float(f_torch(torch.tensor(v)))

    autograd = checks.torch_gradient(f_torch, x)
    assert autograd.shape == np.shape(x) and autograd.dtype == np.float64
    np.testing.assert_allclose(checks.numerical_gradient(f, x), autograd, rtol=1e-6, atol=1e-8)
    checks.gradient(autograd, f, x, name="g")
    checks.gradient_close(checks.numerical_gradient(f, x), autograd, name="g")


def _nonsymmetric(seed: int, n: int) -> tuple[Any, np.ndarray, np.ndarray]:
    """f(W) = Σ S∘W + ½ΣW², with S far from symmetric, its gradient at W, and W."""
    rng = np.random.default_rng(seed)
    S = rng.normal(size=(n, n)) + np.triu(np.full((n, n), 3.0))
    W = rng.normal(size=(n, n))

    def f(V: np.ndarray) -> float:
        return float(np.sum(S * V) + 0.5 * np.sum(V * V))

    return f, S + W, W


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(2, 5),
    wrong=st.sampled_from(["transposed", "sign", "doubled", "halved", "missing", "extra"]),
    N=st.integers(3, 12),
)
def test_gradient_fails_on_wrong_gradients_and_names_the_mistake(
    seed: int, n: int, wrong: str, N: int
) -> None:
    f, g, W = _nonsymmetric(seed, n)
    bad, name = {
        "transposed": (g.T, m.TRANSPOSED), "sign": (-g, m.SIGN), "doubled": (2 * g, m.DOUBLED),
        "halved": (g / 2, m.HALVED), "missing": (N * g, m.MISSING_MEAN),
        "extra": (g / N, m.EXTRA_MEAN),
    }[wrong]
    err = failure(lambda: checks.gradient(bad, f, W, name="dW"))
    assert err.mistake == name
    assert err.message.startswith("dW: ")
    assert "central differences (h = 1e-05)" in err.message
    assert "max relative error" in err.message
    assert err.message.endswith(f"Looks like {name}.")
    err = failure(lambda: checks.directional_gradient(bad, f, W, rng=np.random.default_rng(seed),
                                                      name="dW"))
    assert err.mistake == name
    assert "directional" in err.message


def test_gradient_message_names_worst_entry_values_and_relative_error() -> None:
    c = np.array([1.0, -2.0, 0.5])
    err = failure(lambda: checks.gradient(np.array([1.0, -2.0, 0.25]),
                                          lambda x: float(c @ x), np.ones(3), name="g"))
    assert err.message == (
        "g: 1 of 3 entries differ from central differences (h = 1e-05); worst at [2]: got 0.25, "
        "numerical 0.5 (max relative error 0.5)."
    )
    assert err.mistake is None


def test_gradient_prefers_the_given_mistakes() -> None:
    rng = np.random.default_rng(1)
    X, W, reg = rng.normal(size=(6, 3)), rng.normal(size=(3, 2)), 0.3

    def loss(V: np.ndarray) -> float:
        return float(np.sum((X @ V) ** 2) / 12 + reg * np.sum(V * V))

    dW = X.T @ X @ W / 6 + 2 * reg * W
    checks.gradient(dW, loss, W, name="dW")
    err = failure(lambda: checks.gradient(dW - reg * W, loss, W, name="dW",
                                          mistakes=m.reg_factor(dW, W, reg)))
    assert err.mistake == m.REG_FACTOR
    err = failure(lambda: checks.gradient(dW - 2 * reg * W, loss, W, name="dW",
                                          mistakes=m.merge(m.reg_factor(dW, W, reg),
                                                           m.missing_reg(dW, W, reg))))
    assert err.mistake == m.MISSING_REG


@pytest.mark.parametrize(
    ("analytic", "message"),
    [
        (None, "dW: expected an array of shape (2, 3), got None. Does the function return its "
               "result?"),
        (np.zeros((3, 2)), "dW: expected shape (2, 3), got shape (3, 2) — looks transposed."),
        (np.full((2, 3), np.nan), "dW: 6 of 6 entries are nan or inf; got nan at [0, 0], "
                                  "numerical 1 — overflow? e.g. softmax without subtracting the "
                                  "row max."),
        ("dW", "dW: expected an array of shape (2, 3), got a str ('dW')."),
    ],
)
def test_gradient_reports_wrong_kinds_of_analytic_gradients(analytic: Any, message: str) -> None:
    err = failure(lambda: checks.gradient(analytic, lambda V: float(np.sum(V)), np.zeros((2, 3)),
                                          name="dW"))
    assert err.message == message


@pytest.mark.parametrize(
    ("result", "described"),
    [((1.0, 2.0), "a tuple of length 2"), (np.ones(2), "an array of shape (2,) and dtype float64"),
     (None, "None"), ("1.0", "a str ('1.0')")],
)
def test_numerical_gradient_requires_f_to_return_one_number(result: Any, described: str) -> None:
    x = np.array([1.0, 2.0])
    err = failure(lambda: checks.numerical_gradient(lambda v: result, x, name="loss"))
    assert err.message == (
        "loss: the function being differentiated must return a single number (a float or a "
        f"1-element array), but it returned {described}."
    )
    assert np.array_equal(x, [1.0, 2.0])


@pytest.mark.parametrize("wrap", [float, np.float64, np.array, lambda s: np.array([s])])
def test_numerical_gradient_accepts_scalar_results(wrap: Any) -> None:
    x = np.array([[1.0, 2.0], [3.0, -1.0]])
    np.testing.assert_allclose(checks.numerical_gradient(lambda v: wrap(np.sum(v**2)), x), 2 * x,
                               rtol=1e-8)


def test_numerical_gradient_restores_x_when_f_raises() -> None:
    x = np.array([0.1, 0.2, 0.3])
    original = x.copy()
    calls = []

    def f(v: np.ndarray) -> float:
        calls.append(v.copy())
        if len(calls) == 4:
            raise StudentError("ZeroDivisionError: oops", exc_type="ZeroDivisionError")
        return float(np.sum(v))

    with pytest.raises(StudentError):
        checks.numerical_gradient(f, x)
    assert np.array_equal(x, original)
    assert calls[3][1] == pytest.approx(0.2 - 1e-5)


def test_numerical_gradient_perturbs_float64_arrays_in_place_and_copies_others() -> None:
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    # cs231n style: f ignores its argument and reads W, which is perturbed in place
    np.testing.assert_allclose(checks.numerical_gradient(lambda _: float(np.sum(W**2)), W), 2 * W,
                               rtol=1e-8)
    ints = np.array([1, 2, 3])
    np.testing.assert_allclose(checks.numerical_gradient(lambda v: float(v @ v), ints), 2 * ints,
                               rtol=1e-8)
    assert ints.dtype == np.int64
    assert checks.numerical_gradient(lambda v: float(v) ** 3, 2.0) == pytest.approx(12.0)
    assert checks.numerical_gradient(lambda v: float(v) ** 3, 2.0).shape == ()


def test_numerical_gradient_costs_two_calls_per_entry_and_directional_two_per_direction() -> None:
    calls = []

    def f(v: np.ndarray) -> float:
        calls.append(1)
        return float(np.sum(v**2))

    x = np.ones((3, 4))
    checks.numerical_gradient(f, x)
    assert len(calls) == 24
    calls.clear()
    checks.directional_gradient(2 * x, f, x, rng=np.random.default_rng(0), name="g", directions=5)
    assert len(calls) == 10
    assert np.array_equal(x, np.ones((3, 4)))


def test_directional_gradient_message_says_directional() -> None:
    x = np.arange(6.0).reshape(2, 3)
    g = 2 * x
    g[1, 2] += 3.0
    err = failure(lambda: checks.directional_gradient(
        g, lambda v: float(np.sum(v**2)), x, rng=np.random.default_rng(3), name="dW"))
    assert err.message.startswith(
        "dW: directional check along 3 random directions: the slope along ")
    assert "disagrees with central differences (h = 1e-05); worst direction" in err.message
    assert err.mistake is None
    wrong_shape = failure(lambda: checks.directional_gradient(
        g.T, lambda v: float(np.sum(v**2)), x, rng=np.random.default_rng(3), name="dW"))
    assert wrong_shape.message == "dW: expected shape (2, 3), got shape (3, 2) — looks transposed."


def test_directional_gradient_names_given_mistakes() -> None:
    rng = np.random.default_rng(7)
    X, W, reg = rng.normal(size=(8, 5)), rng.normal(size=(5, 4)), 0.2

    def loss(V: np.ndarray) -> float:
        return float(np.sum(np.tanh(X @ V)) + reg * np.sum(V * V))

    dW = X.T @ (1 - np.tanh(X @ W) ** 2) + 2 * reg * W
    checks.directional_gradient(dW, loss, W, rng=rng, name="dW")
    err = failure(lambda: checks.directional_gradient(
        dW - reg * W, loss, W, rng=rng, name="dW", mistakes=m.reg_factor(dW, W, reg)))
    assert err.mistake == m.REG_FACTOR
    assert err.message.endswith("Looks like 2·reg·W is missing its factor 2.")


def test_torch_gradient_of_a_scalar_function() -> None:
    import torch

    x = np.array([[0.5, -1.0], [2.0, 0.0]])
    g = checks.torch_gradient(lambda t: torch.sum(torch.sin(t) * t), x)
    np.testing.assert_allclose(g, np.sin(x) + x * np.cos(x), rtol=1e-12)
    constant = checks.torch_gradient(lambda t: torch.tensor(1.0, dtype=torch.float64), x)
    assert np.array_equal(constant, np.zeros((2, 2)))
    with pytest.raises(ValueError, match="scalar tensor"):
        checks.torch_gradient(lambda t: t * 2, x)


def test_gradient_close_against_a_reference_names_it() -> None:
    ref = np.array([[1.0, 2.0], [3.0, 4.0]])
    err = failure(lambda: checks.gradient_close(ref * 4, ref, name="dW"))
    assert err.message == (
        "dW: 4 of 4 entries differ from torch.autograd; worst at [0, 0]: got 4, reference 1 "
        "(max relative error 0.75). Looks like the 1/N averaging is missing."
    )
    checks.gradient_close(ref + 1e-12, ref, name="dW")


def test_gradient_checks_are_reexported_from_checks() -> None:
    from grader.checks import gradient, numerical_gradient
    from grader.checks import gradients as gradcheck

    assert gradient is gradcheck.gradient and numerical_gradient is gradcheck.numerical_gradient
    with pytest.raises(AttributeError):
        _ = checks.no_such_check  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("got", "message"),
    [
        (10**5000, "n: expected a number, got an int (~1e4983)."),
        (list(range(1000)), "n: expected a number, got a list of length 1000."),
        ({"k" * 100: 1}, "n: expected a number, got a dict with keys 'kkkkkkkkkkkkkkkkkkkkkkkkkkk"
                         "kkkkkkkkkkk…."),
        ((1, 2, 3), "n: expected a number, got a tuple of length 3."),
    ],
    ids=["huge-int", "long-list", "long-key", "tuple"],
)
def test_huge_and_long_values_are_described_briefly(got: Any, message: str) -> None:
    assert failure(lambda: checks.equal(got, 3, name="n")).message == message
    long_tuple = failure(lambda: checks.close((got,) * 30, (1, 2), name="n")).message
    assert long_tuple == "n: expected a tuple of length 2, got a tuple of length 30."


@settings(max_examples=80, deadline=None)
@given(got=_values)
def test_any_student_gradient_fails_only_with_check_failure(got: Any) -> None:
    x = np.array([[0.5, -1.0], [2.0, 0.25]])

    def f(v: np.ndarray) -> float:
        return float(np.sum(v**2) + v[0, 1] * v[1, 0])

    for check in (
        lambda: checks.gradient(got, f, x, name="dW"),
        lambda: checks.directional_gradient(got, f, x, rng=np.random.default_rng(0), name="dW"),
        lambda: checks.gradient_close(got, 2 * x, name="dW"),
    ):
        try:
            check()
        except checks.CheckFailure as err:
            assert err.message.startswith("dW: ")
    assert np.array_equal(x, [[0.5, -1.0], [2.0, 0.25]])


def test_raises_names_the_mistake_behind_returning_instead_of_raising():
    with pytest.raises(checks.CheckFailure) as info:
        checks.raises("ValueError", lambda: [1, -1], what="labels y in {0, 1}",
                      mistake="labels {0,1} were used with the ±1 rule")
    assert info.value.message == (
        "expected ValueError for labels y in {0, 1}, but it returned [1, -1]. Check the input "
        "and raise ValueError. Looks like labels {0,1} were used with the ±1 rule.")
    assert info.value.mistake == "labels {0,1} were used with the ±1 rule"
    # a student who raised the wrong exception is told what it raised, and no mistake is guessed
    def wrong() -> None:
        raise StudentError("TypeError: bad", exc_type="TypeError", exc_mro=("TypeError",))

    with pytest.raises(checks.CheckFailure) as info:
        checks.raises("ValueError", wrong, what="labels", mistake="anything")
    assert info.value.mistake is None
    assert "but it raised TypeError: bad" in info.value.message
