"""Visible tests for `backprop`: small cases worked out by hand, and gradient checks of your own
losses (central differences). Run them with `grader check backprop backprop.py`.

The hidden tests use more shapes, random inputs and a reference solution; passing these does not
guarantee full marks.
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.checks.compare import describe
from grader.testing import test_case


def pair(result, what):
    """result is a pair (a tuple or list of length 2); fails as a check otherwise."""
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise checks.CheckFailure(
            f"{what}: expected a pair of two values, got {describe(result)}. "
            "Return both values as a tuple, e.g. `return loss, dW`.")
    return result


@test_case(points=1, visibility="visible")
def softmax_small_rows_by_hand(student):
    # e^0 : e^{ln 2} : e^{ln 5} = 1 : 2 : 5, so p = (1/8, 2/8, 5/8)
    Z = np.array([[0.0, np.log(2.0), np.log(5.0)], [1.0, 1.0, 1.0]])
    expected = np.array([[0.125, 0.25, 0.625], [1 / 3, 1 / 3, 1 / 3]])
    checks.close(student.softmax(Z), expected, name="softmax(Z)")


@test_case(points=0.5, visibility="visible")
def softmax_logits_of_1e3_stay_finite(student):
    # shifting a row by a constant does not change its softmax: shift by the row max
    Z = np.array([[1000.0, 1000.0 + np.log(3.0)], [-1000.0, -1000.0 + np.log(3.0)], [1000.0, 0.0]])
    expected = np.array([[0.25, 0.75], [0.25, 0.75], [1.0, 0.0]])
    checks.close(student.softmax(Z), expected, name="softmax(Z) for logits of ±1e3",
                 mistakes=m.non_finite(m.NO_MAX_SHIFT))


@test_case(points=1, visibility="visible")
def softmax_jacobian_by_hand(student):
    p = np.array([0.5, 0.25, 0.25])
    expected = np.array([
        [0.25, -0.125, -0.125],
        [-0.125, 0.1875, -0.0625],
        [-0.125, -0.0625, 0.1875],
    ])
    checks.close(student.softmax_jacobian(p), expected, name="softmax_jacobian([.5, .25, .25])",
                 mistakes={
                     m.JAC_DIAG_ONLY: np.diag(p),
                     m.JAC_OUTER_SIGN:
                         np.diag(p) + np.outer(p, p),
                 })


@test_case(points=1, visibility="visible")
def hinge_loss_by_hand(student):
    # W (1, 3), two samples. Sample 0: s = (1, 2, 0.5), y = 0: margins 2 and 0.5 -> 2.5.
    # Sample 1: s = (2, 4, 1), y = 2: margins 2 and 4 -> 6. Mean 4.25, plus reg·ΣW² = 0.5·5.25.
    W = np.array([[1.0, 2.0, 0.5]])
    X = np.array([[1.0], [2.0]])
    y = np.array([0, 2])
    loss, dW = pair(student.hinge_loss(W, X, y, 0.5), "hinge_loss")
    checks.close(loss, 6.875, name="hinge loss", mistakes={
        m.HINGE_TRUE_CLASS: 7.875,
        m.MISSING_MEAN: 11.125,
    })
    # dW = Xᵀ·(∂L/∂s) / N + 2·reg·W with ∂L/∂s rows (−2, 1, 1) and (1, 1, −2)
    checks.close(dW, np.array([[1.0, 3.5, -1.0]]), name="dW", mistakes={
        m.REG_FACTOR: np.array([[0.5, 2.5, -1.25]]),
        m.MISSING_MEAN: np.array([[1.0, 5.0, -2.5]]),
    })


@test_case(points=1, visibility="visible")
def softmax_loss_at_zero_weights(student):
    # W = 0: every class has probability 1/4, loss = ln 4, dW = Xᵀ(P − Y)/N
    X = np.array([[1.0, 0.0], [0.0, 2.0]])
    y = np.array([1, 3])
    loss, dW = pair(student.softmax_loss(np.zeros((2, 4)), X, y, 0.3), "softmax_loss")
    checks.close(loss, np.log(4.0), name="softmax loss", mistakes=m.missing_mean(np.log(4.0), 2))
    expected = np.array([[0.125, -0.375, 0.125, 0.125], [0.25, 0.25, 0.25, -0.75]])
    checks.close(dW, expected, name="dW", mistakes=m.missing_mean(expected, 2))


@test_case(points=0.5, visibility="visible")
def mlp_grads_match_central_differences(student, rng):
    params = {
        "W1": rng.normal(size=(2, 3)), "b1": rng.normal(size=3),
        "W2": rng.normal(size=(3, 2)), "b2": rng.normal(size=2),
    }
    X = rng.normal(size=(4, 2))
    y = np.array([0, 1, 1, 0])
    loss, grads = pair(student.mlp_loss_and_grads(params, X, y), "mlp_loss_and_grads")
    if not (isinstance(loss, int | float) and 0 < loss < np.inf):  # a constant 0 passes below
        raise checks.CheckFailure(f"mlp_loss_and_grads: the loss is a mean cross-entropy, a "
                                  f"number > 0; got {loss!r}")
    checks.equal(sorted(grads) if isinstance(grads, dict) else grads, sorted(params),
                 name="the keys of the grads dict")
    for key in params:
        def f(value, key=key):
            return student.mlp_loss_and_grads({**params, key: value}, X, y)[0]
        checks.gradient(grads[key], f, params[key], name=f"grads[{key!r}]")


@test_case(points=1, visibility="visible")
def dag_gradient_sums_three_paths(student):
    # x0 = 0 makes x1 = x2 = 0 and tanh′ = 1, so each path contributes a product of weights:
    # x0→x2→x3: 3·11 = 33,  x0→x1→x3: 2·7 = 14,  x0→x1→x2→x3: 2·5·11 = 110;  total 157
    x3, grads = pair(student.dag_forward_backward(
        np.array([0.0]), np.array([[2.0]]), np.array([[3.0, 5.0]]), np.array([7.0, 11.0])),
        "dag_forward_backward")
    checks.close(x3, 0.0, name="x3")
    checks.equal(sorted(grads) if isinstance(grads, dict) else grads, ["W1", "W2", "W3", "x0"],
                 name="the keys of the grads dict")
    checks.close(grads["x0"], np.array([157.0]), name="grads['x0']", mistakes={
        m.DAG_NO_X0_X2: np.array([124.0]),
        m.DAG_NO_X1_X2: np.array([47.0]),
        m.DAG_NO_X1_X3: np.array([143.0]),
    })
    checks.close(grads["W3"], np.array([0.0, 0.0]), name="grads['W3']")


@test_case(points=0.5, visibility="visible")
def chain_rule_example_known_values(student):
    value, derivative = pair(student.chain_rule_example(1.3), "chain_rule_example")
    checks.close(value, np.exp(np.sin(1.69)), name="e^{sin(1.3²)}")
    checks.close(derivative, -0.834538845, rtol=1e-8, name="d/dx e^{sin x²} at x = 1.3",
                 mistakes={m.CHAIN_INNER: -0.834538845 / 2.6})
    checks.close(student.chain_rule_example(0.0), (1.0, 0.0), name="chain_rule_example(0)")
