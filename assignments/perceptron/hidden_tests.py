"""Hidden tests for `perceptron`: exact update trajectories against reference.perceptron on random
data at several shapes, boundary cases (y·(w·x) = 0 must update), Novikoff's bound on random
separable data, XOR and its features, ValueError cases and inputs left unmodified.

Wrong variants for naming mistakes are computed here (plain numpy), never by the student.
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.checks.compare import describe
from grader.checks.mistakes import (
    BIAS_FIRST,
    GAMMA_NOT_NORMALISED,
    NO_EARLY_STOP,
    NON_SEPARATING,
    PREDICT_GE,
    SHAPES_UNCHECKED,
    THIRD_FEATURE_SUM,
)
from grader.testing import test_case

# Not in grader.checks.mistakes, whose names start in lower case (they follow "Looks like").
NOT_SQUARED = "R/γ was not squared"

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([-1, 1, 1, -1])


# --------------------------------------------------------------------------- helpers


def with_bias(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])


def train_variant(X, y, w, epochs, *, strict=False, early_stop=True):
    """The lecture's rule, or a typical wrong version of it (`<`, or no early stop)."""
    w = np.array(w, dtype=np.float64)
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y, strict=True):
            s = y_i * (w @ x_i)
            if (s < 0) if strict else (s <= 0):
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if early_stop and updates == 0:
            break
    return w, changes


def separable(rng, n, d, *, scale=1.0):
    """n points in d dimensions plus the bias column, labelled by a random w_true with a margin."""
    w_true = rng.normal(size=d + 1)
    w_true /= np.linalg.norm(w_true)
    X = with_bias(rng.normal(scale=scale, size=(8 * n, d)))
    s = X @ w_true
    keep = np.abs(s) > 0.1
    X, s = X[keep][:n], s[keep][:n]
    return X, np.where(s > 0, 1, -1), w_true


def as_list(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    return list(value) if isinstance(value, tuple) else value


def pair(value, what):
    """A returned (a, b) pair, or a failure that says what came back instead."""
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise checks.CheckFailure(
            f"{what} must return a pair (w, changes), got {describe(value)}"
            + (f" of length {len(value)}" if isinstance(value, tuple | list) else "")
            + ". Return a tuple: return w, changes."
        )
    return value


def check_training(student, X, y, w0, epochs, label):
    """Compare (w, changes) with the lecture's rule, naming the typical mistakes."""
    w, changes = pair(student.train_perceptron(X, y, w0, epochs), "train_perceptron")
    w_ref, ch_ref = train_variant(X, y, w0, epochs)
    w_strict, ch_strict = train_variant(X, y, w0, epochs, strict=True)
    _, ch_long = train_variant(X, y, w0, epochs, early_stop=False)
    checks.equal(as_list(changes), ch_ref, name=f"changes ({label})",
                 mistakes={m.STRICT_INEQUALITY: ch_strict, NO_EARLY_STOP: ch_long})
    checks.close(w, w_ref, name=f"w ({label})", mistakes={m.STRICT_INEQUALITY: w_strict})


def expect_value_error(call, what, mistake):
    """call() must raise ValueError; if it returns instead, the failure names `mistake`."""
    checks.raises("ValueError", call, what=what, mistake=mistake)


# --------------------------------------------------------------------------- add_bias


@test_case(points=1.5, visibility="hidden")
def add_bias_random_shapes(student, ref, rng):
    for shape in [(1, 1), (5, 3), (20, 2), (7, 6)]:
        X = rng.normal(size=shape)
        call = student.call("add_bias", X)
        checks.close(call.value, ref.add_bias(X), name=f"add_bias(X) for X of shape {shape}",
                     mistakes={BIAS_FIRST: np.hstack([np.ones((shape[0], 1)), X])})
        checks.unchanged(X, call.args[0], name="X")


# --------------------------------------------------------------------------- train_perceptron


@test_case(points=2, visibility="hidden")
def train_perceptron_updates_on_the_boundary(student, rng):
    # Integer data: y·(w·x) = 0 happens, starting with w = 0 where every point is on it.
    X = with_bias(rng.integers(-3, 4, size=(10, 2)).astype(float))
    y = np.where(X @ np.array([1.0, -2.0, 0.5]) > 0, 1, -1)
    check_training(student, X, y, np.zeros(3), 40, "integer data, w = 0")
    w0 = np.array([1.0, -1.0, 0.0])
    X = with_bias(rng.integers(-2, 3, size=(12, 2)).astype(float))
    y = np.where(rng.random(12) < 0.5, 1, -1)
    check_training(student, X, y, w0, 6, "integer data, w = (1, −1, 0)")


@test_case(points=3, visibility="hidden")
def train_perceptron_matches_reference_on_random_data(student, ref, rng):
    for n, d in [(5, 1), (12, 2), (30, 3), (20, 5)]:
        X = with_bias(rng.normal(loc=rng.normal(size=d), size=(n, d)))
        y = rng.choice([-1, 1], size=n)
        w0 = rng.normal(size=d + 1)
        epochs = int(rng.integers(1, 16))
        _, ch_ref = ref.train_perceptron(X, y, w0, epochs)
        assert ch_ref == train_variant(X, y, w0, epochs)[1]  # the helper is the reference
        check_training(student, X, y, w0, epochs, f"n = {n}, d = {d + 1}, epochs = {epochs}")


@test_case(points=1, visibility="hidden")
def train_perceptron_stops_after_an_epoch_without_updates(student, rng):
    X, y, _ = separable(rng, 25, 2)
    check_training(student, X, y, np.zeros(3), 500, "separable data, epochs = 500")


@test_case(points=1.5, visibility="hidden",
           requires="train_perceptron_updates_on_the_boundary")
def train_perceptron_does_not_modify_its_arguments(student, rng):
    X, y, _ = separable(rng, 15, 3)
    w0 = -rng.normal(size=4)
    call = student.call("train_perceptron", X, y, w0, 20)
    checks.unchanged(w0, call.args[2], name="w")
    checks.unchanged(X, call.args[0], name="X")
    checks.unchanged(y, call.args[1], name="y")


@test_case(points=1.5, visibility="hidden")
def train_perceptron_rejects_labels_0_1_hidden(student, rng):
    X = with_bias(rng.normal(size=(8, 2)))
    y = np.array([1, 0, 1, 1, 0, 0, 1, 0])
    expect_value_error(lambda: student.train_perceptron(X, y, np.zeros(3), 10),
                       "labels y in {0, 1} (the rule needs −1/+1)", m.LABELS_01)


@test_case(points=1, visibility="hidden")
def train_perceptron_rejects_mismatched_shapes(student, rng):
    X = with_bias(rng.normal(size=(6, 2)))
    y = np.array([1, -1, 1, -1, 1, -1])
    expect_value_error(lambda: student.train_perceptron(X, y[:5], np.zeros(3), 5),
                       "X with 6 rows and y with 5 labels", SHAPES_UNCHECKED)
    expect_value_error(lambda: student.train_perceptron(X, y, np.zeros(4), 5),
                       "X with 3 columns and w of length 4", SHAPES_UNCHECKED)


@test_case(points=1.5, visibility="hidden")
def train_perceptron_respects_the_novikoff_bound(student, ref, rng):
    for n, d, scale in [(20, 2, 1.0), (40, 3, 3.0), (15, 1, 0.5)]:
        X, y, w_true = separable(rng, n, d, scale=scale)
        bound = ref.novikoff_bound(X, y, w_true)
        epochs = int(bound) + 1
        w, changes = pair(student.train_perceptron(X, y, np.zeros(d + 1), epochs),
                          "train_perceptron")
        changes = as_list(changes)
        total = sum(changes) if isinstance(changes, list) else None
        if total is None or not changes or changes[-1] != 0 or total > bound:
            raise checks.CheckFailure(
                f"on separable data (n = {n}, d = {d + 1}) from w = 0, the perceptron must stop "
                f"after at most (R/γ)² = {bound:.1f} updates (Novikoff); got changes = "
                f"{str(changes)[:120]}. Check the update rule w ← w + y_i·x_i."
            )
        w_strict, _ = train_variant(X, y, np.zeros(d + 1), epochs, strict=True)
        checks.equal(ref.predict(np.asarray(w, dtype=float), X), y,
                     name=f"predictions of the trained w (n = {n}, d = {d + 1})",
                     mistakes={m.STRICT_INEQUALITY: ref.predict(w_strict, X)})


@test_case(points=0.5, visibility="hidden")
def train_perceptron_never_converges_on_xor(student):
    X1 = with_bias(XOR_X)
    _, changes = pair(student.train_perceptron(X1, XOR_Y, np.zeros(3), 50), "train_perceptron")
    _, expected = train_variant(X1, XOR_Y, np.zeros(3), 50)
    _, strict = train_variant(X1, XOR_Y, np.zeros(3), 50, strict=True)
    checks.equal(as_list(changes), expected, name="changes on XOR (not separable: 50 epochs)",
                 mistakes={m.STRICT_INEQUALITY: strict})


@test_case(points=0.5, visibility="hidden")
def train_perceptron_converges_on_xor_features(student, ref):
    X1 = with_bias(ref.xor_features(XOR_X))
    w, changes = pair(student.train_perceptron(X1, XOR_Y, np.zeros(4), 100), "train_perceptron")
    _, expected = train_variant(X1, XOR_Y, np.zeros(4), 100)
    _, strict = train_variant(X1, XOR_Y, np.zeros(4), 100, strict=True)
    _, long = train_variant(X1, XOR_Y, np.zeros(4), 100, early_stop=False)
    checks.equal(as_list(changes), expected, name="changes on xor_features(XOR) with the bias",
                 mistakes={m.STRICT_INEQUALITY: strict, NO_EARLY_STOP: long})
    checks.equal(ref.predict(np.asarray(w, dtype=float), X1), XOR_Y,
                 name="predictions on xor_features(XOR)")


# --------------------------------------------------------------------------- predict


@test_case(points=2, visibility="hidden")
def predict_matches_reference(student, ref, rng):
    cases = [(rng.normal(size=4), rng.normal(size=(15, 4)))]
    # integer weights and inputs: many points exactly on the boundary w·x = 0
    cases.append((rng.integers(-2, 3, size=3).astype(float),
                  rng.integers(-2, 3, size=(30, 3)).astype(float)))
    cases.append((np.array([1.0, -1.0, 0.0]), with_bias(np.array([[1.0, 1.0], [2.0, 1.0]]))))
    for w, X in cases:
        expected = ref.predict(w, X)
        s = X @ w
        checks.equal(student.predict(w, X), expected,
                     name=f"predict(w, X) for X of shape {X.shape}",
                     mistakes=m.merge(m.predicted_01(expected),
                                      {PREDICT_GE: np.where(s >= 0, 1, -1)}))


# --------------------------------------------------------------------------- novikoff_bound


@test_case(points=2.5, visibility="hidden")
def novikoff_bound_on_random_separable_data(student, ref, rng):
    for n, d in [(10, 1), (30, 2), (25, 4)]:
        X, y, w_true = separable(rng, n, d, scale=2.0)
        w_star = w_true * rng.uniform(2.0, 5.0)  # the bound does not depend on the scale of w*
        expected = ref.novikoff_bound(X, y, w_star)
        R = np.max(np.linalg.norm(X, axis=1))
        gamma_raw = np.min(y * (X @ w_star))
        checks.close(student.novikoff_bound(X, y, w_star), expected,
                     name=f"novikoff_bound for n = {n}, d = {d + 1}",
                     mistakes={NOT_SQUARED: np.sqrt(expected),
                               GAMMA_NOT_NORMALISED: (R / gamma_raw) ** 2})


@test_case(points=1, visibility="hidden")
def novikoff_bound_counts_every_sample(student, ref, rng):
    # R and γ come from one sample each: put that sample first, then last (a loop over the
    # samples that skips either end leaves it out); the bound does not depend on the order.
    X, y, w_star = separable(rng, 8, 2, scale=2.0)
    decisive = (("largest norm", int(np.argmax(np.linalg.norm(X, axis=1)))),
                ("smallest margin", int(np.argmin(y * (X @ w_star)))))
    for what, row in decisive:
        rest = [i for i in range(len(y)) if i != row]
        for place, order in (("first", [row, *rest]), ("last", [*rest, row])):
            checks.close(student.novikoff_bound(X[order], y[order], w_star),
                         ref.novikoff_bound(X[order], y[order], w_star),
                         name=f"novikoff_bound with the sample of the {what} {place}")


@test_case(points=1, visibility="hidden")
def novikoff_bound_rejects_a_non_separating_w_star(student, rng):
    X, y, w_true = separable(rng, 12, 2)
    expect_value_error(lambda: student.novikoff_bound(X, y, -w_true),
                       "w* = −(a separating w), which misclassifies every point", NON_SEPARATING)
    X = np.array([[3.0, 4.0, 1.0], [-1.0, 0.0, 1.0], [2.0, 2.0, 1.0]])
    expect_value_error(lambda: student.novikoff_bound(X, np.array([1, -1, 1]),
                                                      np.array([1.0, 0.0, 1.0])),
                       "w* = (1, 0, 1), which puts (−1, 0, 1) on the boundary (γ = 0)",
                       NON_SEPARATING)


# --------------------------------------------------------------------------- xor_features


@test_case(points=1, visibility="hidden")
def xor_features_random_inputs(student, ref, rng):
    for n in (1, 4, 17):
        X = rng.normal(size=(n, 2))
        call = student.call("xor_features", X)
        checks.close(call.value, ref.xor_features(X),
                     name=f"xor_features(X) for X of shape {X.shape}",
                     mistakes={THIRD_FEATURE_SUM: np.column_stack([X, X.sum(axis=1)])})
        checks.unchanged(X, call.args[0], name="X")
