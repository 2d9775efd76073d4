"""Hidden tests for `backprop` (assignment 6): losses, softmax and backpropagation.

Every gradient a student writes is checked twice: against reference.backprop, and against a
numerical gradient of the student's OWN loss (so a wrong loss with a matching gradient and a right
loss with a wrong gradient are told apart). Each test makes at most ~60 calls into the student's
module. Failures name the typical mistake when the student's value matches a wrong variant
computed here (transposed dW, missing 1/N, reg·W instead of 2·reg·W, sign flipped, σ for σ′, no
max-shift, the j = y_i hinge term, Jacobian errors, a missing DAG path, db over the wrong axis).
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.checks.compare import describe
from grader.checks.mistakes import (
    CHAIN_COS_X,
    CHAIN_INNER,
    CHAIN_OUTER,
    DAG_NO_X0_X2,
    DAG_NO_X1_X2,
    DAG_NO_X1_X3,
    DAG_ONLY_X0_X2,
    DB_AXIS,
    HINGE_NO_TRUE_COLUMN,
    HINGE_TRUE_CLASS,
    JAC_DIAG_ONLY,
    JAC_OUTER_ONLY,
    JAC_OUTER_SIGN,
    SIGMOID_OF_S,
    SOFTMAX_NO_ONE_HOT,
)
from grader.testing import test_case

SHAPES = ((3, 4, 6), (5, 3, 8), (4, 4, 3))        # (D, C, N): D ≠ C exposes a transposed dW


# --------------------------------------------------------------------------- problems


def linear_problem(rng, D, C, N, *, scale=1.0):
    """W, X, y, reg with every hinge margin at least 1e-3 away from its kink at 0."""
    while True:
        W = scale * rng.normal(size=(D, C))
        X = rng.normal(size=(N, D))
        y = rng.integers(0, C, size=N)
        s = X @ W
        margins = s - s[np.arange(N), y][:, None] + 1.0
        margins[np.arange(N), y] = 1.0
        if np.abs(margins).min() > 1e-3:
            return W, X, y, float(rng.uniform(0.1, 1.0))


def data_loss_and_grad(ref, loss_fn, W, X, y, reg):
    """(loss, dW) without the regulariser, and the regulariser's (value, gradient)."""
    loss, dW = getattr(ref, loss_fn)(W, X, y, reg)
    return loss - reg * np.sum(W * W), dW - 2 * reg * W, reg * np.sum(W * W), 2 * reg * W


def loss_mistakes(ref, loss_fn, W, X, y, reg):
    data, _, reg_value, _ = data_loss_and_grad(ref, loss_fn, W, X, y, reg)
    N = X.shape[0]
    mistakes = {
        m.MISSING_MEAN: N * data + reg_value,
        m.MISSING_REG: data,
        "regulariser 0.5·reg·ΣW² instead of reg·ΣW²": data + 0.5 * reg_value,
    }
    if loss_fn == "hinge_loss":
        mistakes[HINGE_TRUE_CLASS] = data + 1.0 + reg_value
    return mistakes


def grad_mistakes(ref, loss_fn, W, X, y, reg):
    _, dW_data, _, dW_reg = data_loss_and_grad(ref, loss_fn, W, X, y, reg)
    dW = dW_data + dW_reg
    N = X.shape[0]
    mistakes = {
        m.TRANSPOSED: dW.T,
        m.MISSING_MEAN: N * dW_data + dW_reg,
        m.REG_FACTOR: dW_data + dW_reg / 2,
        m.MISSING_REG: dW_data,
        m.SIGN: -dW,
    }
    if loss_fn == "hinge_loss":
        ds = (np.nan_to_num(ref.hinge_margins(W, X, y), nan=-1.0) > 0).astype(np.float64)
        mistakes[HINGE_NO_TRUE_COLUMN] = X.T @ ds / N + dW_reg
    else:
        P = ref.softmax(X @ W)
        mistakes[SOFTMAX_NO_ONE_HOT] = X.T @ P / N + dW_reg
    return mistakes


def random_mlp(rng, sizes, N):
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"] = rng.normal(size=(sizes[l - 1], sizes[l])) / np.sqrt(sizes[l - 1])
        params[f"b{l}"] = 0.5 * rng.normal(size=sizes[l])
    X = rng.normal(size=(N, sizes[0]))
    y = rng.integers(0, sizes[-1], size=N)
    return params, X, y


def mlp_variant(ref, params, X, y, *, dsigma="σ(1 − σ)", b_axis=0):
    """The MLP grads with one typical mistake in the backward pass (numpy, lecture notation).

    dsigma: "σ(1 − σ)" (right), "σ" (σ written for σ′) or "s(1 − s)" (σ′ of the pre-activation).
    """
    L = len(params) // 2
    x = [np.asarray(X, dtype=np.float64)]
    pre = [x[0]]
    for l in range(1, L + 1):
        s = x[l - 1] @ params[f"W{l}"] + params[f"b{l}"]
        pre.append(s)
        x.append(ref.sigmoid(s) if l < L else s)
    delta = ref.softmax(x[L])
    delta[np.arange(len(y)), y] -= 1.0
    delta /= len(y)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = x[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=b_axis)
        if l > 1:
            factor = {"σ(1 − σ)": x[l - 1] * (1 - x[l - 1]), "σ": x[l - 1],
                      "s(1 − s)": pre[l - 1] * (1 - pre[l - 1])}[dsigma]
            delta = (delta @ params[f"W{l}"].T) * factor
    return grads


def mlp_mistakes(ref, params, X, y, key):
    """{mistake: wrong value of grads[key]} for one key of the grads dict."""
    _, grads = ref.mlp_loss_and_grads(params, X, y)
    return {
        m.SIGMA_PRIME: mlp_variant(ref, params, X, y, dsigma="σ")[key],
        SIGMOID_OF_S: mlp_variant(ref, params, X, y, dsigma="s(1 − s)")[key],
        DB_AXIS: mlp_variant(ref, params, X, y, b_axis=1)[key],
        m.TRANSPOSED: grads[key].T,
        m.MISSING_MEAN: len(y) * grads[key],
        m.SIGN: -grads[key],
    }


def pair(result, what):
    """result is a pair (a tuple or list of length 2); fails as a check otherwise."""
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise checks.CheckFailure(
            f"{what}: expected a pair of two values, got {describe(result)}. "
            "Return both values as a tuple, e.g. `return loss, dW`.")
    return result


def check_keys(grads, expected_keys):
    """grads is a dict with exactly the expected keys (fails as a check, never with KeyError)."""
    got = sorted(grads) if isinstance(grads, dict) else grads
    checks.equal(got, sorted(expected_keys), name="the keys of the grads dict")


def check_mlp_grads(got, ref, params, X, y):
    _, expected = ref.mlp_loss_and_grads(params, X, y)
    check_keys(got, expected)
    for key in expected:
        checks.close(got[key], expected[key], name=f"grads[{key!r}]",
                     mistakes=mlp_mistakes(ref, params, X, y, key))


def dag_problem(rng, d0, d1, d2):
    return (rng.normal(size=d0), rng.normal(size=(d1, d0)),
            rng.normal(size=(d2, d0 + d1)), rng.normal(size=d1 + d2))


def dag_x0_mistakes(x0, W1, W2, W3):
    """∂x3/∂x0 with one of the three paths x0→x1→x3, x0→x1→x2→x3, x0→x2→x3 left out."""
    d0, d1 = len(x0), len(W1)
    x1 = np.tanh(W1 @ x0)
    x2 = np.tanh(W2 @ np.concatenate([x0, x1]))
    ds2 = W3[d1:] * (1 - x2**2)
    dz2 = W2.T @ ds2
    via_x2 = dz2[:d0]                                       # x0 → x2 → x3
    via_x1_x3 = W1.T @ (W3[:d1] * (1 - x1**2))              # x0 → x1 → x3
    via_x1_x2 = W1.T @ (dz2[d0:] * (1 - x1**2))             # x0 → x1 → x2 → x3
    return {
        DAG_NO_X0_X2: via_x1_x3 + via_x1_x2,
        DAG_NO_X1_X2: via_x2 + via_x1_x3,
        DAG_NO_X1_X3: via_x2 + via_x1_x2,
        DAG_ONLY_X0_X2: via_x2,
    }


# --------------------------------------------------------------------------- softmax


@test_case(points=1, visibility="hidden")
def softmax_matches_reference(student, ref, rng):
    for shape in ((1, 2), (4, 3), (7, 10)):
        Z = 3 * rng.normal(size=shape)
        P = ref.softmax(Z)
        checks.close(student.softmax(Z), P, name=f"softmax(Z), Z of shape {shape}", mistakes={
            "softmax over the columns instead of the rows": ref.softmax(Z.T).T,
            "exp(Z) not normalised": np.exp(Z),
        })


@test_case(points=1, visibility="hidden")
def softmax_stable_at_large_logits(student, ref, rng):
    Z = rng.normal(size=(4, 5))
    Z[0] += 1e3
    Z[1] -= 1e3
    Z[2, 0] += 1e3
    Z[3, :2] += np.array([1e3, -1e3])
    checks.close(student.softmax(Z), ref.softmax(Z), name="softmax(Z) for logits of ±1e3",
                 mistakes=m.non_finite(m.NO_MAX_SHIFT))


@test_case(points=0.5, visibility="hidden",
           requires=("softmax_matches_reference", "softmax_jacobian_matches_reference", "dag_value_and_weight_gradients"))
def softmax_jacobian_dag_leave_inputs_unchanged(student, rng):
    Z = 2 * rng.normal(size=(3, 4)) + 5
    checks.unchanged(Z, student.call("softmax", Z).args[0], name="Z after softmax")
    p = np.array([0.2, 0.3, 0.5])
    checks.unchanged(p, student.call("softmax_jacobian", p).args[0],
                     name="p after softmax_jacobian")
    args = dag_problem(rng, 2, 3, 2)
    after = student.call("dag_forward_backward", *args).args
    for name, before, now in zip(("x0", "W1", "W2", "W3"), args, after, strict=True):
        checks.unchanged(before, now, name=f"{name} after dag_forward_backward")


@test_case(points=1.5, visibility="hidden")
def softmax_jacobian_matches_reference(student, ref, rng):
    for C in (2, 3, 6):
        p = ref.softmax(rng.normal(size=(1, C)))[0]
        expected = ref.softmax_jacobian(p)
        checks.close(student.softmax_jacobian(p), expected,
                     name=f"softmax_jacobian(p) for C = {C}", mistakes={
                         JAC_DIAG_ONLY: np.diag(p),
                         JAC_OUTER_SIGN: np.diag(p) + np.outer(p, p),
                         JAC_OUTER_ONLY: -np.outer(p, p),
                     })
    one_hot = np.eye(4)[1]
    checks.close(student.softmax_jacobian(one_hot), np.zeros((4, 4)),
                 name="softmax_jacobian of a one-hot p (a saturated softmax)")


def loss_value_matches(student, ref, rng, loss, label):
    """The loss of `loss` (hinge_loss or softmax_loss) equals the reference's at every shape."""
    for D, C, N in SHAPES:
        W, X, y, reg = linear_problem(rng, D, C, N)
        got, _ = pair(getattr(student, loss)(W, X, y, reg), loss)
        checks.close(got, getattr(ref, loss)(W, X, y, reg)[0],
                     name=f"{label} (D={D}, C={C}, N={N})",
                     mistakes=loss_mistakes(ref, loss, W, X, y, reg))


def loss_gradient_matches(student, ref, rng, loss):
    """The dW of `loss` equals the reference's at every shape."""
    for D, C, N in SHAPES:
        W, X, y, reg = linear_problem(rng, D, C, N)
        _, got = pair(getattr(student, loss)(W, X, y, reg), loss)
        checks.close(got, getattr(ref, loss)(W, X, y, reg)[1], name=f"dW (D={D}, C={C}, N={N})",
                     mistakes=grad_mistakes(ref, loss, W, X, y, reg))


def own_or_reference(value, expected):
    """Charge a mistake once: a gradient is checked against the student's own loss when that
    loss is right; when its value is wrong (charged in the loss value test) the gradient is
    checked against the reference's loss instead, and the message says so, so a right gradient
    is not blamed for a wrong loss."""
    try:
        checks.close(value, expected, name="loss")
    except checks.CheckFailure:
        return False
    return True


def gradient_matches_own_loss(student, ref, rng, loss, label, shape):
    """The student's dW agrees with central differences of the student's own loss (of the
    reference's loss when the student's loss value is wrong: see own_or_reference)."""
    W, X, y, reg = linear_problem(rng, *shape)
    value, dW = pair(getattr(student, loss)(W, X, y, reg), loss)
    if own_or_reference(value, getattr(ref, loss)(W, X, y, reg)[0]):
        f, name = (lambda V: getattr(student, loss)(V, X, y, reg)[0],
                   f"dW against central differences of your {label}")
    else:
        f, name = (lambda V: getattr(ref, loss)(V, X, y, reg)[0],
                   f"dW against central differences of the reference {label} (your {label} "
                   "value is wrong, which its own test charges)")
    checks.gradient(dW, f, W, name=name, mistakes=grad_mistakes(ref, loss, W, X, y, reg))


# --------------------------------------------------------------------------- hinge loss


@test_case(points=1.5, visibility="hidden")
def hinge_loss_value_matches_reference(student, ref, rng):
    loss_value_matches(student, ref, rng, "hinge_loss", "hinge loss")


@test_case(points=1.5, visibility="hidden")
def hinge_gradient_matches_reference(student, ref, rng):
    loss_gradient_matches(student, ref, rng, "hinge_loss")


@test_case(points=1, visibility="hidden")
def hinge_gradient_matches_own_loss(student, ref, rng):
    gradient_matches_own_loss(student, ref, rng, "hinge_loss", "hinge loss", (3, 4, 6))


@test_case(points=0.5, visibility="hidden")
def hinge_loss_is_c_minus_1_for_tiny_weights(student, rng):
    C = 5
    W = 1e-6 * rng.normal(size=(8, C))
    X = rng.normal(size=(20, 8))
    y = rng.integers(0, C, size=20)
    loss, _ = pair(student.hinge_loss(W, X, y, 0.0), "hinge_loss")
    checks.close(loss, C - 1, atol=1e-3, rtol=0, name="hinge loss for tiny W (≈ C − 1)",
                 mistakes={HINGE_TRUE_CLASS: float(C), m.MISSING_MEAN: 20.0 * (C - 1)})


# --------------------------------------------------------------------------- softmax loss


@test_case(points=1.5, visibility="hidden", uses="softmax")
def softmax_loss_value_matches_reference(student, ref, rng):
    loss_value_matches(student, ref, rng, "softmax_loss", "softmax loss")


@test_case(points=1.5, visibility="hidden", uses="softmax")
def softmax_loss_gradient_matches_reference(student, ref, rng):
    loss_gradient_matches(student, ref, rng, "softmax_loss")


@test_case(points=1, visibility="hidden", uses="softmax")
def softmax_loss_gradient_matches_own_loss(student, ref, rng):
    gradient_matches_own_loss(student, ref, rng, "softmax_loss", "softmax loss", (4, 3, 5))


@test_case(points=1, visibility="hidden", uses="softmax")
def softmax_loss_stable_at_large_scores(student, ref, rng):
    # a constant feature with weight ±1e3 for every class: all scores are 1e3 + O(1) (or
    # −1e3 + O(1)), so exp overflows (or underflows to 0/0) unless the row max is subtracted,
    # while every class keeps a probability far from 0. The last case gives the rows different
    # offsets (±1e3 alternating): subtracting the GLOBAL max instead of each row's leaves the
    # rows at −2e3 with exp(...) = 0 everywhere, so log 0 = −inf.
    for offset, rows in ((1e3, "same"), (-1e3, "same"), (1e3, "alternating")):
        W, X, y, _ = linear_problem(rng, 3, 4, 6)
        signs = np.ones(6) if rows == "same" else np.where(np.arange(6) % 2, 1.0, -1.0)
        column = signs[:, None]
        X = np.hstack([X, column])
        W = np.vstack([W, np.full((1, 4), offset)])
        loss, dW = pair(student.softmax_loss(W, X, y, 0.0), "softmax_loss")
        expected_loss, expected_dW = ref.softmax_loss(W, X, y, 0.0)
        what = (f"scores of order {offset:+.0e}" if rows == "same"
                else "rows whose scores differ by 2e+03 (each row needs its own max)")
        checks.close(loss, expected_loss, name=f"softmax loss for {what}",
                     mistakes=m.merge(m.non_finite(m.NO_MAX_SHIFT),
                                      loss_mistakes(ref, "softmax_loss", W, X, y, 0.0)))
        checks.close(dW, expected_dW, name=f"dW for {what}",
                     mistakes=m.merge(m.non_finite(m.NO_MAX_SHIFT),
                                      grad_mistakes(ref, "softmax_loss", W, X, y, 0.0)))


@test_case(points=0.5, visibility="hidden")
def softmax_loss_is_ln_c_for_tiny_weights(student, rng):
    C = 7
    W = 1e-6 * rng.normal(size=(5, C))
    X = rng.normal(size=(12, 5))
    y = rng.integers(0, C, size=12)
    loss, _ = pair(student.softmax_loss(W, X, y, 0.0), "softmax_loss")
    checks.close(loss, np.log(C), atol=1e-3, rtol=0, name="softmax loss for tiny W (≈ ln C)",
                 mistakes={m.MISSING_MEAN: 12 * np.log(C)})


@test_case(points=0.5, visibility="hidden",
           requires=("hinge_loss_value_matches_reference", "softmax_loss_value_matches_reference"))
def linear_losses_leave_inputs_unchanged(student, rng):
    W, X, y, reg = linear_problem(rng, 3, 4, 5)
    for fn in ("hinge_loss", "softmax_loss"):
        call = student.call(fn, W, X, y, reg)
        for name, before, after in zip(("W", "X", "y"), (W, X, y), call.args[:3], strict=True):
            checks.unchanged(before, after, name=f"{name} after {fn}")


# --------------------------------------------------------------------------- MLP


@test_case(points=1, visibility="hidden", uses="softmax")
def mlp_loss_matches_reference(student, ref, rng):
    for sizes in ((4, 3), (4, 5, 3), (3, 6, 4, 5), (2, 3, 3, 4, 3)):
        params, X, y = random_mlp(rng, sizes, 7)
        loss, _ = pair(student.mlp_loss_and_grads(params, X, y), "mlp_loss_and_grads")
        checks.close(loss, ref.mlp_loss_and_grads(params, X, y)[0],
                     name=f"MLP loss, layer sizes {sizes}",
                     mistakes={m.MISSING_MEAN: 7 * ref.mlp_loss_and_grads(params, X, y)[0]})


@test_case(points=2, visibility="hidden", uses="softmax")
def mlp_grads_match_reference(student, ref, rng):
    for sizes in ((4, 5, 3), (3, 6, 4, 5), (2, 3, 3, 4, 3)):
        params, X, y = random_mlp(rng, sizes, 8)
        _, grads = pair(student.mlp_loss_and_grads(params, X, y), "mlp_loss_and_grads")
        check_mlp_grads(grads, ref, params, X, y)


@test_case(points=0.5, visibility="hidden", uses="softmax")
def mlp_with_one_layer(student, ref, rng):
    params, X, y = random_mlp(rng, (5, 3), 6)
    loss, grads = pair(student.mlp_loss_and_grads(params, X, y), "mlp_loss_and_grads")
    checks.close(loss, ref.mlp_loss_and_grads(params, X, y)[0], name="loss of a 1-layer MLP")
    check_mlp_grads(grads, ref, params, X, y)


@test_case(points=1, visibility="hidden", uses="softmax")
def mlp_grads_match_own_loss(student, ref, rng):
    params, X, y = random_mlp(rng, (3, 5, 4, 3), 6)
    keys = list(params)
    value, grads = pair(student.mlp_loss_and_grads(params, X, y), "mlp_loss_and_grads")
    own = own_or_reference(value, ref.mlp_loss_and_grads(params, X, y)[0])
    loss = student.mlp_loss_and_grads if own else ref.mlp_loss_and_grads
    check_keys(grads, keys)
    checks.equal({k: np.shape(grads[k]) for k in keys}, {k: params[k].shape for k in keys},
                 name="shapes of grads", mistakes={DB_AXIS: {
                     k: (len(y),) if k.startswith("b") else params[k].shape for k in keys}})
    sizes = [params[k].size for k in keys]
    cuts = np.cumsum(sizes)[:-1]

    def unflatten(theta):
        return {k: part.reshape(params[k].shape)
                for k, part in zip(keys, np.split(theta, cuts), strict=True)}

    def flat(grads_by_key):
        return np.concatenate([np.ravel(grads_by_key[k]) for k in keys])

    wrong = {name: flat({k: mlp_mistakes(ref, params, X, y, k)[name] for k in keys})
             for name in (m.SIGMA_PRIME, SIGMOID_OF_S, m.MISSING_MEAN, m.SIGN)}
    checks.directional_gradient(
        flat(grads), lambda t: loss(unflatten(t), X, y)[0], flat(params), rng=rng,
        name="grads (all parameters, flattened)" if own else
        "grads against the reference loss (your loss value is wrong, which its test charges)",
        directions=4, mistakes=wrong)


@test_case(points=0.5, visibility="hidden",
           requires=("mlp_loss_matches_reference", "mlp_grads_match_reference"))
def mlp_leaves_params_unchanged(student, rng):
    params, X, y = random_mlp(rng, (3, 4, 2), 5)
    call = student.call("mlp_loss_and_grads", params, X, y)
    for k in params:
        checks.unchanged(params[k], call.args[0][k], name=f"params[{k!r}]")
    checks.unchanged(X, call.args[1], name="X")


# --------------------------------------------------------------------------- DAG


@test_case(points=1.5, visibility="hidden")
def dag_value_and_weight_gradients(student, ref, rng):
    for dims in ((3, 2, 4), (1, 3, 2)):
        args = dag_problem(rng, *dims)
        x3, grads = pair(student.dag_forward_backward(*args), "dag_forward_backward")
        expected_x3, expected = ref.dag_forward_backward(*args)
        checks.close(x3, expected_x3, name=f"x3 (d0, d1, d2 = {dims})")
        check_keys(grads, ["W1", "W2", "W3", "x0"])
        for k in ("W3", "W2", "W1"):
            checks.close(grads[k], expected[k], name=f"grads[{k!r}] (d0, d1, d2 = {dims})",
                         mistakes=m.merge(m.transposed(expected[k]), m.sign_flipped(expected[k])))


@test_case(points=1, visibility="hidden")
def dag_x0_gradient_sums_every_path(student, ref, rng):
    for dims in ((3, 2, 4), (2, 2, 2)):
        args = dag_problem(rng, *dims)
        _, grads = pair(student.dag_forward_backward(*args), "dag_forward_backward")
        check_keys(grads, ["W1", "W2", "W3", "x0"])
        checks.close(grads["x0"], ref.dag_forward_backward(*args)[1]["x0"],
                     name=f"grads['x0'] (d0, d1, d2 = {dims})", mistakes=dag_x0_mistakes(*args))


@test_case(points=0.5, visibility="hidden",
           requires="dag_value_and_weight_gradients")
def dag_gradients_match_own_forward(student, rng):
    x0, W1, W2, W3 = dag_problem(rng, 3, 2, 2)
    _, grads = pair(student.dag_forward_backward(x0, W1, W2, W3), "dag_forward_backward")
    check_keys(grads, ["W1", "W2", "W3", "x0"])
    checks.gradient(grads["x0"], lambda v: student.dag_forward_backward(v, W1, W2, W3)[0], x0,
                    name="grads['x0'] against central differences of your x3",
                    mistakes=dag_x0_mistakes(x0, W1, W2, W3))
    checks.gradient(grads["W1"], lambda v: student.dag_forward_backward(x0, v, W2, W3)[0], W1,
                    name="grads['W1'] against central differences of your x3")


# --------------------------------------------------------------------------- chain rule


@test_case(points=1, visibility="hidden")
def chain_rule_matches_reference(student, ref, rng):
    for x in (1.3, -0.7, *rng.uniform(-2.5, 2.5, size=3).tolist()):
        value, derivative = ref.chain_rule_example(x)
        checks.close(student.chain_rule_example(x), (value, derivative),
                     name=f"chain_rule_example({x:.4g})", mistakes={
                         CHAIN_INNER: (value, value * np.cos(x * x)),
                         CHAIN_COS_X: (value, value * np.cos(x) * 2 * x),
                         CHAIN_OUTER: (value, np.cos(x * x) * 2 * x),
                     })
