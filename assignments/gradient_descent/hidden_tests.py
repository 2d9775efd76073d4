"""Hidden tests for `gradient_descent`: the reference (matched against torch.optim to 1e-10) as
oracle at random inputs and several shapes; the gradient checked against central differences of
the loss; the lecture's properties (the batch gradient is the mean of the per-sample ones,
batch_size = n is batch GD, one permutation per epoch); inputs not modified.

numerical_gradient receives f as a callback into the grader: x has at most 6 entries there
(12 callbacks). Optimizer sequences make one call per step (at most 30).

Points: numerical_gradient 4.5, squared_loss_grad 5, minibatch_sgd 6, momentum_step 3,
adam_step 4, optimizer inputs not modified 1 (+ 5 visible) = 28.5.
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.checks.compare import describe
from grader.checks.mistakes import (
    EPS_IN_SQRT,
    FORWARD_DIFFERENCES,
    MOMENTUM_CONVENTION,
    MOMENTUM_OLD_V,
    NO_BATCH_SHUFFLE,
    NO_HALF,
    NOT_RESTORED,
    RETURNS_HAT,
    T_FROM_ZERO,
)
from grader.testing import test_case

# Not in grader.checks.mistakes, whose names start in lower case (they follow "Looks like").
NO_BIAS_CORRECTION = "Adam's bias correction m/(1 − β1ᵗ), v/(1 − β2ᵗ) is missing"
SEED_NOT_USED = ("the shuffle does not depend on seed: the generator is made from something "
                 "else (a fixed number or another argument)")
"""Two runs with one seed agree and two seeds give the same shuffle: not the global generator
(whose state moves on between the runs), but one made from another value (heldout31's
shuffler_seeded_with_batch_size was told "the global RNG was used")."""

# ----------------------------------------------------------------- callbacks for numerical_gradient
# Plain functions of this (trusted) file: the proxy hands them to the student's code as callbacks.

_Q = np.random.default_rng(20261211)
_A = _Q.normal(size=(6, 6))
_A = _A @ _A.T / 3 + 2 * np.diag(_Q.uniform(1, 4, size=6))  # strongly curved quadratic
_B = _Q.normal(size=6)
_C = _Q.uniform(1.5, 3.5, size=(2, 3))


def quadratic(x):
    """f(x) = ½·xᵀAx + bᵀx on 6 entries; ∇f = Ax + b, and central differences are exact."""
    x = np.asarray(x, dtype=np.float64)
    return float(0.5 * x @ _A @ x + _B @ x)


def log_sum_exp(x):
    """f(x) = log Σ exp(c ⊙ x) for x of shape (2, 3); ∇f = c ⊙ softmax(c ⊙ x)."""
    s = _C * np.asarray(x, dtype=np.float64)
    top = np.max(s)
    return float(top + np.log(np.sum(np.exp(s - top))))


def _log_sum_exp_grad(x):
    s = _C * x
    p = np.exp(s - s.max())
    return _C * p / p.sum()


# --------------------------------------------------------------------------- numerical_gradient


def _not_restored(f, x, h):
    """numerical_gradient that perturbs x in place and never restores it (entry i is then
    differenced at a point where the earlier entries sit at x − h)."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        g[i] = (f_plus - f(x)) / (2 * h)
    return g


@test_case(points=2, visibility="hidden")
def numerical_gradient_central_on_a_quadratic(student, ref, rng):
    x = rng.normal(size=6)
    h = 1e-3  # central differences are exact on a quadratic for any h; forward ones are not
    expected = _A @ x + _B
    mistakes = m.merge(
        {FORWARD_DIFFERENCES: ref.forward_difference_gradient(quadratic, x, h),
         NO_HALF: 2 * expected, NOT_RESTORED: _not_restored(quadratic, x, h)},
        m.sign_flipped(expected),
    )
    checks.close(student.numerical_gradient(quadratic, x, h), expected, rtol=1e-7, atol=1e-9,
                 name="numerical_gradient of ½xᵀAx + bᵀx with h = 1e-3 (exact: Ax + b)",
                 mistakes=mistakes)


@test_case(points=1.5, visibility="hidden")
def numerical_gradient_any_shape_default_h(student, ref, rng):
    x = rng.normal(size=(2, 3))
    expected = _log_sum_exp_grad(x)
    mistakes = m.merge(
        {FORWARD_DIFFERENCES: ref.forward_difference_gradient(log_sum_exp, x),
         NO_HALF: 2 * expected, NOT_RESTORED: _not_restored(log_sum_exp, x, 1e-5)},
        m.sign_flipped(expected),
    )
    checks.close(student.numerical_gradient(log_sum_exp, x), expected, rtol=1e-7, atol=1e-9,
                 name="numerical_gradient of log Σ exp(c ⊙ x), x of shape (2, 3), default h",
                 mistakes=mistakes)


@test_case(points=1, visibility="hidden",
           requires="numerical_gradient_central_on_a_quadratic")
def numerical_gradient_leaves_x_unchanged(student, rng):
    x = rng.normal(size=6)
    call = student.call("numerical_gradient", quadratic, x, 1e-4)
    checks.unchanged(x, call.args[1], name="numerical_gradient's x")


# --------------------------------------------------------------------------- squared_loss_grad


def _loss_data(rng, n, d):
    return rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d)


@test_case(points=2, visibility="hidden")
def squared_loss_grad_matches_reference(student, ref, rng):
    for n, d in ((1, 3), (5, 2), (12, 4), (30, 7)):
        X, y, w = _loss_data(rng, n, d)
        expected = ref.squared_loss_grad(w, X, y)
        mistakes = m.merge(m.missing_mean(expected, n), m.sign_flipped(expected),
                           m.doubled(expected), {"divided by d instead of n": expected * n / d})
        checks.close(student.squared_loss_grad(w, X, y), expected, rtol=1e-9, atol=1e-12,
                     name=f"squared_loss_grad(w, X, y) with X of shape {X.shape}",
                     mistakes=mistakes)


@test_case(points=1, visibility="hidden")
def squared_loss_grad_passes_a_gradient_check(student, ref, rng):
    X, y, w = _loss_data(rng, 8, 5)
    got = student.squared_loss_grad(w, X, y)
    expected = ref.squared_loss_grad(w, X, y)
    checks.gradient(got, lambda v: ref.squared_loss(v, X, y), w,
                    name="squared_loss_grad against central differences of (1/2n)‖Xw − y‖²",
                    mistakes=m.merge(m.missing_mean(expected, 8), m.sign_flipped(expected),
                                     m.doubled(expected)))


@test_case(points=1, visibility="hidden",
           requires="squared_loss_grad_matches_reference")
def squared_loss_grad_batch_is_mean_of_per_sample(student, rng):
    n = 6
    X, y, w = _loss_data(rng, n, 3)
    full = np.asarray(student.squared_loss_grad(w, X, y))
    per_sample = [np.asarray(student.squared_loss_grad(w, X[i:i + 1], y[i:i + 1]))
                  for i in range(n)]
    mean = np.mean(per_sample, axis=0)
    checks.close(full, mean, rtol=1e-9, atol=1e-12,
                 name="the gradient on all n samples vs the mean of the n per-sample gradients",
                 mistakes=m.missing_mean(mean, n))


@test_case(points=1, visibility="hidden")
def squared_loss_grad_has_the_shape_of_w(student, ref, rng):
    X, y, w = _loss_data(rng, 7, 3)
    expected = ref.squared_loss_grad(w[:, None], X, y[:, None])
    checks.close(student.squared_loss_grad(w[:, None], X, y[:, None]), expected, rtol=1e-9,
                 atol=1e-12, name="squared_loss_grad with column vectors w (3, 1), y (7, 1)",
                 mistakes=m.merge(m.transposed(expected), m.missing_mean(expected, 7),
                                  m.sign_flipped(expected)))


# --------------------------------------------------------------------------- minibatch_sgd


def _schedule(n, epochs, batch_size, perms):
    """Batches from one permutation per epoch, drawn by `perms()`."""
    batches = []
    for _ in range(epochs):
        perm = perms()
        batches += [perm[s:s + batch_size] for s in range(0, n, batch_size)]
    return batches


def _batch_mistakes(n, epochs, batch_size, seed):
    once = np.random.default_rng(seed).permutation(n)
    legacy = np.random.RandomState(seed)
    return {
        m.NO_RESHUFFLE: _schedule(n, epochs, batch_size, lambda: once),
        m.GLOBAL_RNG: _schedule(n, epochs, batch_size, lambda: legacy.permutation(n)),
        NO_BATCH_SHUFFLE: _schedule(n, epochs, batch_size, lambda: np.arange(n)),
    }


def _as_batches(batches, n, name):
    """The student's batches as a list of int arrays, or a CheckFailure that says why not."""
    if not isinstance(batches, list | tuple):
        raise checks.CheckFailure(f"{name}: expected a list of index arrays, got "
                                  f"{describe(batches)}.")
    out = []
    for i, b in enumerate(batches):
        arr = np.asarray(b)
        if arr.ndim != 1 or arr.dtype.kind not in "iuf" or not np.all(arr == np.round(arr)):
            raise checks.CheckFailure(f"{name}: batch {i} is not a 1-D array of indices "
                                      f"(shape {arr.shape}, dtype {arr.dtype}).")
        arr = arr.astype(np.int64)
        if arr.size and (arr.min() < 0 or arr.max() >= n):
            raise checks.CheckFailure(f"{name}: batch {i} holds indices outside 0..{n - 1}.")
        out.append(arr)
    return out


@test_case(points=2, visibility="hidden", uses="squared_loss_grad")
def minibatch_sgd_one_permutation_per_epoch(student, ref, rng):
    n, d, epochs, batch_size = 10, 3, 3, 4
    X, y, w0 = _loss_data(rng, n, d)
    seed = int(rng.integers(0, 2**31))
    _, expected = ref.minibatch_sgd(X, y, w0, 0.05, epochs, batch_size, seed)
    _, got = student.minibatch_sgd(X, y, w0, 0.05, epochs, batch_size, seed)
    name = f"batches of minibatch_sgd(n={n}, epochs={epochs}, batch_size={batch_size}, seed={seed})"
    checks.equal(_as_batches(got, n, name), list(expected), name=name,
                 mistakes=_batch_mistakes(n, epochs, batch_size, seed))


def _replay(X, y, w0, lr, batches, grad):
    w = np.array(w0, dtype=np.float64)
    for b in batches:
        w = w - lr * grad(w, X[b], y[b])
    return w


@test_case(points=1.5, visibility="hidden", uses="squared_loss_grad")
def minibatch_sgd_steps_follow_its_batches(student, ref, rng):
    """Judged on the student's own batches, so a shuffling mistake costs only the test above."""
    n, d, epochs, batch_size, lr = 11, 4, 3, 4, 0.05
    X, y, w0 = _loss_data(rng, n, d)
    seed = int(rng.integers(0, 2**31))
    w, batches = student.minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed)
    batches = _as_batches(batches, n, "batches of minibatch_sgd")
    expected = _replay(X, y, w0, lr, batches, ref.squared_loss_grad)

    def summed(v, Xb, yb):
        return len(yb) * ref.squared_loss_grad(v, Xb, yb)

    mistakes = {
        m.MISSING_MEAN: _replay(X, y, w0, lr, batches, summed),
        m.SIGN: _replay(X, y, w0, -lr, batches, ref.squared_loss_grad),
        "every step used the whole data set": _replay(
            X, y, w0, lr, [np.arange(n)] * len(batches), ref.squared_loss_grad),
    }
    checks.close(w, expected, rtol=1e-9, atol=1e-12, mistakes=mistakes,
                 name="w after minibatch_sgd, replaying w ← w − lr·∇L_b(w) over its own batches")


@test_case(points=1, visibility="hidden", uses="squared_loss_grad")
def minibatch_sgd_full_batch_is_batch_gd(student, ref, rng):
    n, d, epochs, lr = 9, 3, 6, 0.1
    X, y, w0 = _loss_data(rng, n, d)
    w, batches = student.minibatch_sgd(X, y, w0, lr, epochs, n, 3)
    batches = _as_batches(batches, n, "batches with batch_size = n")
    checks.equal([np.sort(b) for b in batches], [np.arange(n)] * epochs,
                 name="with batch_size = n, each batch (sorted) is all of 0..n−1")
    checks.close(w, ref.batch_gd(X, y, w0, lr, epochs), rtol=1e-9, atol=1e-12,
                 name=f"minibatch_sgd with batch_size = n vs {epochs} steps of batch GD")


@test_case(points=0.5, visibility="hidden",
           requires="minibatch_sgd_one_permutation_per_epoch")
def minibatch_sgd_batch_sizes(student, rng):
    X, y, w0 = _loss_data(rng, 7, 2)
    _, batches = student.minibatch_sgd(X, y, w0, 0.01, 2, 3, 11)
    checks.equal([len(b) for b in _as_batches(batches, 7, "batches")], [3, 3, 1, 3, 3, 1],
                 name="batch sizes for n = 7, batch_size = 3, 2 epochs (the last one shorter)")
    _, batches = student.minibatch_sgd(X, y, w0, 0.01, 2, 1, 11)
    checks.equal([len(b) for b in _as_batches(batches, 7, "batches")], [1] * 14,
                 name="batch sizes for SGD (batch_size = 1), n = 7, 2 epochs")


@test_case(points=0.5, visibility="hidden")
def minibatch_sgd_depends_only_on_the_seed(student, rng):
    X, y, w0 = _loss_data(rng, 8, 2)
    runs = [student.minibatch_sgd(X, y, w0, 0.05, 2, 3, seed) for seed in (4, 4, 5)]
    first, again, other = (_as_batches(b, 8, "batches") for _, b in runs)
    checks.equal(again, first, name="batches of two runs with the same seed",
                 mistakes=m.when(m.GLOBAL_RNG, lambda got: True))
    if all(np.array_equal(a, b) for a, b in zip(first, other, strict=True)):
        unshuffled = _schedule(8, 2, 3, lambda: np.arange(8))
        if len(first) != len(unshuffled):  # no schedule to compare shuffles of: no guess
            raise checks.CheckFailure(  # (zero batches for both seeds are "the same" too)
                f"batches for seed 4 and seed 5: expected different shuffles of "
                f"{len(unshuffled)} batches, got the same {len(first)} batch(es) for both.")
        if len(first) == len(unshuffled) and all(
                np.array_equal(a, b) for a, b in zip(first, unshuffled, strict=True)):
            raise checks.CheckFailure(  # slices in index order ignore the seed too: not the RNG
                "batches for seed 4 and seed 5: expected different shuffles, got the same "
                f"batches in index order. Looks like {NO_BATCH_SHUFFLE}.",
                mistake=NO_BATCH_SHUFFLE)
        raise checks.CheckFailure(
            "batches for seed 4 and seed 5: expected different shuffles, got the same. "
            f"Looks like {SEED_NOT_USED}. Use rng = np.random.default_rng(seed).",
            mistake=SEED_NOT_USED)


@test_case(points=0.5, visibility="hidden",
           requires="minibatch_sgd_steps_follow_its_batches")
def minibatch_sgd_leaves_inputs_unchanged(student, rng):
    X, y, w0 = _loss_data(rng, 6, 3)
    call = student.call("minibatch_sgd", X, y, w0, 0.1, 2, 2, 0)
    checks.unchanged(X, call.args[0], name="minibatch_sgd's X")
    checks.unchanged(y, call.args[1], name="minibatch_sgd's y")
    checks.unchanged(w0, call.args[2], name="minibatch_sgd's w0")


# --------------------------------------------------------------------------- optimizers


def _problem(rng):
    """A logistic-regression loss with a quartic term: steps of different sizes per entry."""
    X = rng.normal(size=(20, 4))
    t = rng.integers(0, 2, size=20).astype(float)

    def grad(w):
        p = 0.5 * (1 + np.tanh(X @ w / 2))  # σ(Xw) without overflow, even for a diverging run
        return X.T @ (p - t) / len(t) + 0.04 * w**3

    return grad, rng.normal(size=4)


def _momentum_mistakes(w, g, v, lr, mu):
    v_new = mu * v + g
    return {
        MOMENTUM_CONVENTION: (w + mu * v - lr * g, mu * v - lr * g),
        MOMENTUM_OLD_V: (w - lr * v, v_new),
        m.SIGN: (w + lr * v_new, v_new),
        "lr was applied inside the velocity (v ← mu·v + lr·g)": (
            w - lr * (mu * v + lr * g), mu * v + lr * g),
    }


@test_case(points=1.5, visibility="hidden")
def momentum_step_matches_reference(student, ref, rng):
    for shape in ((3,), (2, 4)):
        w, g, v = (rng.normal(size=shape) for _ in range(3))
        lr, mu = float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.5, 0.99))
        checks.close(student.momentum_step(w, g, v, lr, mu), ref.momentum_step(w, g, v, lr, mu),
                     rtol=1e-9, atol=1e-12, mistakes=_momentum_mistakes(w, g, v, lr, mu),
                     name=f"momentum_step(w, g, v, lr={lr:.3f}, mu={mu:.3f}) -> (w, v), "
                     f"arrays of shape {shape}")


@test_case(points=1.5, visibility="hidden")
def momentum_run_matches_torch_sgd(student, ref, rng):
    """25 steps, the student's own velocity fed back: the trajectory of torch.optim.SGD."""
    grad, w0 = _problem(rng)
    lr, mu, steps = 0.1, 0.9, 25
    expected = ref.optimize("momentum", grad, w0, steps, lr, mu=mu)
    w, v = w0.copy(), np.zeros_like(w0)
    path = [w0.copy()]
    for _ in range(steps):
        w, v = student.momentum_step(w, grad(np.asarray(w, dtype=np.float64)), v, lr, mu)
        path.append(np.asarray(w, dtype=np.float64))
    checks.close(np.stack(path), expected, rtol=1e-9, atol=1e-12,
                 name=f"the {steps}-step trajectory of momentum_step (lr={lr}, mu={mu}) vs "
                 "torch.optim.SGD(momentum=0.9)")


def _adam(w, g, m_, v, t, lr, b1=0.9, b2=0.999, eps=1e-8):
    """Adam with the usual wrong variants, for naming them."""
    m_new = b1 * m_ + (1 - b1) * g
    v_new = b2 * v + (1 - b2) * g * g
    m_hat, v_hat = m_new / (1 - b1**t), v_new / (1 - b2**t)
    return {
        NO_BIAS_CORRECTION: (w - lr * m_new / (np.sqrt(v_new) + eps), m_new, v_new),
        T_FROM_ZERO: (
            w - lr * (m_new / (1 - b1 ** (t + 1))) / (np.sqrt(v_new / (1 - b2 ** (t + 1))) + eps),
            m_new, v_new),
        EPS_IN_SQRT: (w - lr * m_hat / np.sqrt(v_hat + eps), m_new, v_new),
        RETURNS_HAT: (w - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat),
    }


@test_case(points=1, visibility="hidden")
def adam_first_step_from_zero(student, ref, rng):
    w, g = rng.normal(size=5), rng.normal(size=5)
    zeros = np.zeros(5)
    checks.close(student.adam_step(w, g, zeros, zeros, 1, 0.01), ref.adam_step(w, g, zeros, zeros,
                 1, 0.01), rtol=1e-9, atol=1e-12, mistakes=_adam(w, g, zeros, zeros, 1, 0.01),
                 name="adam_step(w, g, m=0, v=0, t=1, lr=0.01) -> (w, m, v)")


@test_case(points=1.5, visibility="hidden")
def adam_later_steps_match_reference(student, ref, rng):
    for t, shape in ((2, (4,)), (7, (2, 3)), (60, (5,))):
        w, g, m_ = (rng.normal(size=shape) for _ in range(3))
        v = rng.uniform(0.01, 1.0, size=shape)
        lr, b1, b2 = float(rng.uniform(0.001, 0.1)), 0.8, 0.99
        checks.close(student.adam_step(w, g, m_, v, t, lr, b1, b2),
                     ref.adam_step(w, g, m_, v, t, lr, b1, b2), rtol=1e-9, atol=1e-12,
                     mistakes=_adam(w, g, m_, v, t, lr, b1, b2),
                     name=f"adam_step(w, g, m, v, t={t}, lr={lr:.4f}, beta1={b1}, beta2={b2}) -> "
                     f"(w, m, v), arrays of shape {shape}")


@test_case(points=1.5, visibility="hidden")
def adam_run_matches_torch_adam(student, ref, rng):
    """30 steps, own m, v and t = 1, 2, ...: the trajectory of torch.optim.Adam."""
    grad, w0 = _problem(rng)
    lr, steps = 0.05, 30
    expected = ref.optimize("adam", grad, w0, steps, lr)
    w, m_, v = w0.copy(), np.zeros_like(w0), np.zeros_like(w0)
    path = [w0.copy()]
    for t in range(1, steps + 1):
        w, m_, v = student.adam_step(w, grad(np.asarray(w, dtype=np.float64)), m_, v, t, lr)
        path.append(np.asarray(w, dtype=np.float64))
    checks.close(np.stack(path), expected, rtol=1e-9, atol=1e-12,
                 name=f"the {steps}-step trajectory of adam_step (lr={lr}, default betas, eps) vs "
                 "torch.optim.Adam",
                 mistakes={name: _adam_run(grad, w0, steps, lr, name)
                           for name in (NO_BIAS_CORRECTION, RETURNS_HAT, T_FROM_ZERO)})


def _adam_run(grad, w0, steps, lr, variant):
    """The trajectory of a wrong Adam (one of _adam's variants) fed its own state."""
    w, m_, v = w0.copy(), np.zeros_like(w0), np.zeros_like(w0)
    path = [w0.copy()]
    for t in range(1, steps + 1):
        w, m_, v = _adam(w, grad(w), m_, v, t, lr)[variant]
        path.append(w)
    return np.stack(path)


@test_case(points=1, visibility="hidden",
           requires=("momentum_step_matches_reference", "adam_later_steps_match_reference"))
def optimizer_steps_leave_inputs_unchanged(student, rng):
    w, g, v, m_ = (rng.normal(size=4) for _ in range(4))
    call = student.call("momentum_step", w, g, v, 0.1, 0.9)
    for i, name in enumerate(("w", "g", "v")):
        checks.unchanged((w, g, v)[i], call.args[i], name=f"momentum_step's {name}")
    v2 = np.abs(v)
    call = student.call("adam_step", w, g, m_, v2, 3, 0.01)
    for i, name in enumerate(("w", "g", "m", "v")):
        checks.unchanged((w, g, m_, v2)[i], call.args[i], name=f"adam_step's {name}")
