"""Hidden tests for `towers`: the reference as oracle at random inputs and several shapes, the
lecture's properties (steep towers are indicators, more towers approximate better, within the
reference's error bound), inputs not modified, and sigmoid stable at |z| = 1e4.

Points: sigmoid 3, tower_1d 3.5, tower_2d 3, approximate_1d 4, inputs not modified 1 (+ 5
visible) = 19.5. Each test makes at most ~10 calls into the student's module.
"""

import itertools

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.errors import StudentError
from grader.checks.mistakes import (
    BIN_WIDTH,
    BOX_ORDER,
    HALF_SHIFT,
    NO_OUTER,
    NO_W_INSIDE,
    SIGMA_MINUS,
    SIGMOID_OVERFLOW,
    TOWER_SIGN,
)
from grader.testing import test_case

# Not in grader.checks.mistakes, whose names start in lower case (they follow "Looks like").
PRODUCT = "Tx·Ty was used instead of σ(w·(Tx + Ty − 1.5))"

SHAPES = [(), (7,), (3, 4), (2, 3, 2)]


def _sigma_mistakes(ref, z):
    return {SIGMA_MINUS: ref.sigmoid(-z), "tanh was used instead of σ": np.tanh(z)}


# --------------------------------------------------------------------------- sigmoid


@test_case(points=1.5, visibility="hidden")
def sigmoid_matches_reference_at_several_shapes(student, ref, rng):
    for shape in SHAPES:
        z = rng.normal(scale=8.0, size=shape)
        checks.close(student.sigmoid(z), ref.sigmoid(z), name=f"sigmoid(z), z of shape {shape}",
                     rtol=1e-9, atol=1e-12, mistakes=_sigma_mistakes(ref, z))


@test_case(points=1.5, visibility="hidden")
def sigmoid_stable_for_huge_inputs(student, ref, rng):
    z = np.concatenate([[-1e4, -1e3, -745.0, -710.0, -50.0, 0.0, 50.0, 710.0, 745.0, 1e3, 1e4],
                        rng.uniform(-1e4, 1e4, size=9)])
    try:
        call = student.call("sigmoid", z)
    except StudentError as err:
        if err.is_a("FloatingPointError") or "overflow" in str(err):
            raise checks.CheckFailure(
                f"sigmoid(z) for z up to ±1e4: the call raised {err.message}. Looks like "
                f"{SIGMOID_OVERFLOW}. Never evaluate exp of a large positive number: use e^(−|z|), "
                "which lies in (0, 1], in both branches.", mistake=SIGMOID_OVERFLOW) from None
        raise
    overflow = [w for w in call.warnings if "overflow" in w]
    if overflow:
        raise checks.CheckFailure(
            f"sigmoid(z) for z up to ±1e4 must not warn, but it warned: {overflow[0]}. Looks "
            f"like {SIGMOID_OVERFLOW}. Never evaluate exp of a large positive number: use "
            "e^(−|z|), which lies in (0, 1], in both branches.", mistake=SIGMOID_OVERFLOW)
    got = call.value
    # the contract (COURSE.md): no overflow, no NaN, σ(±1e4) right to double precision; an
    # absolute error of 1e-22 (0.5·(1 + tanh(z/2)) at z = −50 gives 0) is not a mistake
    checks.close(got, ref.sigmoid(z), name="sigmoid(z) for z up to ±1e4", rtol=1e-9,
                 atol=1e-12,
                 mistakes=m.merge(m.non_finite(SIGMOID_OVERFLOW), _sigma_mistakes(ref, z)))


# --------------------------------------------------------------------------- tower_1d


def _tower_1d_mistakes(ref, x, a, b, h, w):
    return {
        TOWER_SIGN: ref.tower_1d(x, b, a, h, w),
        NO_W_INSIDE: h * (ref.sigmoid(w * x - a) - ref.sigmoid(w * x - b)),
        "h is missing (height 1)": ref.tower_1d(x, a, b, 1.0, w),
    }


@test_case(points=2.5, visibility="hidden", uses="sigmoid")
def tower_1d_matches_reference(student, ref, rng):
    for shape in SHAPES:
        a, b = np.sort(rng.uniform(-2, 2, size=2))
        h, w = float(rng.uniform(0.5, 3) * rng.choice([-1, 1])), float(rng.uniform(0.5, 40))
        x = rng.uniform(-3, 3, size=shape)
        checks.close(student.tower_1d(x, a, b, h, w), ref.tower_1d(x, a, b, h, w),
                     name=f"tower_1d(x, a={a:.3f}, b={b:.3f}, h={h:.3f}, w={w:.3f}), x {shape}",
                     rtol=1e-9, atol=1e-12, mistakes=_tower_1d_mistakes(ref, x, a, b, h, w))


@test_case(points=1, visibility="hidden", uses="sigmoid")
def tower_1d_steep_is_an_indicator(student, ref, rng):
    # w·|x − edge| stays below 700 so that only sigmoid's own test judges overflow
    a, b, h, w = -0.5, 1.5, 2.5, 200.0
    x = np.concatenate([rng.uniform(-3, -0.6, 4), rng.uniform(-0.4, 1.4, 4),
                        rng.uniform(1.6, 3, 4)])
    expected = np.where((x > a) & (x < b), h, 0.0)
    checks.close(student.tower_1d(x, a, b, h, w), expected, atol=1e-7,
                 name="tower_1d(x, −0.5, 1.5, 2.5, w=200): h inside (a, b), 0 outside",
                 mistakes=m.merge(_tower_1d_mistakes(ref, x, a, b, h, w),
                                  m.non_finite(SIGMOID_OVERFLOW)))


# --------------------------------------------------------------------------- tower_2d


def _tower_2d_mistakes(ref, P, box, h, w):
    a1, b1, a2, b2 = box
    Tx = ref.sigmoid(w * (P[:, 0] - a1)) - ref.sigmoid(w * (P[:, 0] - b1))
    Ty = ref.sigmoid(w * (P[:, 1] - a2)) - ref.sigmoid(w * (P[:, 1] - b2))
    return {
        BOX_ORDER: ref.tower_2d(P, (a1, a2, b1, b2), h, w),
        PRODUCT: h * Tx * Ty,
        NO_OUTER: h * (Tx + Ty - 1.5),
        "the threshold is 1 instead of 1.5": h * ref.sigmoid(w * (Tx + Ty - 1.0)),
        TOWER_SIGN: ref.tower_2d(P, (b1, a1, b2, a2), h, w),
    }


BOX = (-3.0, -1.0, 0.5, 2.0)
"""The box of the 2-D probe (a1, b1, a2, b2): four numbers in increasing order and of different
sizes, so any two of them make an interval and an edge where the student's tower rises or falls
is read as the one number (or its negative) it sits on."""
BOX_NAMES = ("a1", "b1", "a2", "b2")


def box_mistake(student, ref):
    """Where the student's 2-D tower stands, read off a steep tower (h = 2, w = 200) on a grid
    of the plane: the points above h/2 (or, for a tower upside down, below −h/2) must fill one
    rectangle whose edges each sit on one number of BOX (or its negative) or reach the grid's
    end, and another rectangle than the box's: "stands on [a1, b2] × [a2, b1]". Else, when the
    high points are exactly the box and its cross strips: "is high on the cross strips too".
    None otherwise (a tower about 0 everywhere is not said: many slips give it), when
    the reference's own tower does not read back as the box, or when the probe fails. One call
    into the student's code (the grid at once), only for a failing test."""
    h, w = 2.0, 200.0
    axis = -4.025 + 0.05 * np.arange(162)  # never on an edge: σ is 0 or 1 to many decimals
    X, Y = np.meshgrid(axis, axis, indexing="ij")
    P = np.column_stack([X.ravel(), Y.ravel()])
    try:
        mine = np.asarray(student.tower_2d(P, BOX, h, w), dtype=float)
    except (StudentError, ValueError, TypeError):
        return None
    if mine.shape != (len(P),) or not np.all(np.isfinite(mine)):
        return None
    theirs = ref.tower_2d(P, BOX, h, w)
    right = _rectangle(theirs.reshape(X.shape) > h / 2, axis)
    if right != ("a1", "b1", "a2", "b2"):
        return None  # the probe does not read the reference's box back: it says nothing
    grid = mine.reshape(X.shape)
    for high, how in ((grid > h / 2, "stands on"), (grid < -h / 2, "stands upside down on")):
        found = _rectangle(high, axis)
        if found is not None and (found != right or how != "stands on"):
            x0, x1, y0, y1 = found
            if (x0 == "any") != (x1 == "any") or (y0 == "any") != (y1 == "any"):
                continue  # one edge at the grid's end, its partner on a number: not a tower
            xs = "every x" if x0 == "any" else f"[{x0}, {x1}]"
            ys = "every y" if y0 == "any" else f"[{y0}, {y1}]"
            return (f"tower_2d() {how} {xs} × {ys} instead of the box [a1, b1] × [a2, b2]: "
                    "check which of box's four numbers each step reads")
    inside_x = (axis > BOX[0]) & (axis < BOX[1])
    inside_y = (axis > BOX[2]) & (axis < BOX[3])
    if np.array_equal(grid > h / 2, inside_x[:, None] | inside_y[None, :]):
        return ("tower_2d() is high on the cross strips too (where only one coordinate is inside "
                "the box), not on the box alone")
    return None  # (a tower about 0 everywhere has many causes: a box read wrongly among them)


def _rectangle(high, axis):
    """The names (a1 … or −a1 …, "any" at the grid's end) of the edges of the one rectangle
    the grid's marked points fill, or None (no point, not one filled rectangle, or an edge on
    no number of BOX)."""
    if not high.any() or high.all():
        return None
    rows, cols = np.flatnonzero(high.any(axis=1)), np.flatnonzero(high.any(axis=0))
    filled = np.zeros_like(high)
    filled[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1] = True
    if not np.array_equal(high, filled):
        return None
    step, last = axis[1] - axis[0], len(axis) - 1
    names = []
    for index, side in ((rows[0], -1), (rows[-1], 1), (cols[0], -1), (cols[-1], 1)):
        if index == (0 if side < 0 else last):
            names.append("any")
            continue
        edge = axis[index] + side * step / 2
        near = [name for value, name in zip(BOX, BOX_NAMES, strict=True)
                if abs(edge - value) < step] + \
            [f"−{name}" for value, name in zip(BOX, BOX_NAMES, strict=True)
             if abs(edge + value) < step]
        if len(near) != 1:
            return None
        names.append(near[0])
    return tuple(names)


@test_case(points=2, visibility="hidden", uses=("sigmoid", "tower_1d"))
def tower_2d_matches_reference(student, ref, rng):
    for m_points in (1, 6, 25):
        a1, b1 = np.sort(rng.uniform(-1, 1, 2))
        a2, b2 = np.sort(rng.uniform(-1, 1, 2))
        box = (float(a1), float(b1), float(a2), float(b2))
        h, w = float(rng.uniform(0.5, 3)), float(rng.uniform(2, 30))
        P = rng.uniform(-1.5, 1.5, size=(m_points, 2))
        try:
            checks.close(student.tower_2d(P, box, h, w), ref.tower_2d(P, box, h, w),
                         name=f"tower_2d(P of shape {P.shape}, box="
                         f"{tuple(round(v, 3) for v in box)}, h={h:.3f}, w={w:.3f})",
                         rtol=1e-9, atol=1e-12, mistakes=_tower_2d_mistakes(ref, P, box, h, w))
        except checks.CheckFailure as failure:
            raise failure.named_by(lambda: box_mistake(student, ref)) from None


@test_case(points=1, visibility="hidden", uses=("sigmoid", "tower_1d"))
def tower_2d_keeps_only_the_box(student, ref, rng):
    box, h, w = (0.0, 1.0, -1.0, 2.0), 1.5, 150.0
    inside = np.column_stack([rng.uniform(0.1, 0.9, 4), rng.uniform(-0.9, 1.9, 4)])
    strip_x = np.column_stack([rng.uniform(0.1, 0.9, 3), rng.uniform(2.2, 3.0, 3)])
    strip_y = np.column_stack([rng.uniform(1.2, 2.0, 3), rng.uniform(-0.9, 1.9, 3)])
    corner = np.column_stack([rng.uniform(-2.0, -0.2, 3), rng.uniform(-3.0, -1.2, 3)])
    P = np.vstack([inside, strip_x, strip_y, corner])
    expected = np.array([h] * 4 + [0.0] * 9)
    try:
        checks.close(student.tower_2d(P, box, h, w), expected, atol=1e-9,
                     name="tower_2d with w = 150: h inside the box, 0 on the cross strips and "
                     "outside", mistakes=m.merge(_tower_2d_mistakes(ref, P, box, h, w),
                                                 m.non_finite(SIGMOID_OVERFLOW)))
    except checks.CheckFailure as failure:
        raise failure.named_by(lambda: box_mistake(student, ref)) from None


# --------------------------------------------------------------------------- approximate_1d


def _approx_mistakes(ref, f_values, lo, hi, w, x):
    k = len(f_values)
    mistakes = {}
    if k > 1:
        wide = (hi - lo) / (k - 1)
        mistakes[BIN_WIDTH] = sum(
            ref.tower_1d(x, lo + j * wide, lo + (j + 1) * wide, f_values[j], w) for j in range(k)
        )
    delta = (hi - lo) / k
    mistakes[HALF_SHIFT] = ref.approximate_1d(f_values, lo - delta / 2, hi - delta / 2, w, x)
    mistakes[TOWER_SIGN] = -ref.approximate_1d(f_values, lo, hi, w, x)
    return mistakes


STAIRCASE = (5, -1.0, 1.5)
"""k, lo, hi of the staircase probes (the analysis's own inputs, not the test's)."""
CELLS = 20
"""Grid points per bin in the staircase probes (a tower's edge moved by a multiple of Δ/20 is
read exactly)."""


def staircase_mistake(student, ref):
    """What is wrong with the student's staircase, read off towers one at a time: probe
    approximate_1d with each height alone (f = e_j, j = 0..k−1) on a grid of CELLS points per
    bin over [lo − Δ, hi + Δ] at a steepness where each step is sharp (w·Δ = 400: between
    grid points and edges σ is 0 or 1 to 4 decimals), and compare tower by tower with the
    reference's (bin j, height 1). Said: every tower shifted by the same part of a bin; the
    heights in reverse or another order; steps that never come down (or never go up); towers
    two bins wide; every height scaled by one factor; else the first tower that differs and
    where it shows. None when the student's F is not a sum of one response per height (the
    heights enter non-linearly: nothing here reads that), when the towers are right one by
    one, or when a probe fails. Costs k + 1 calls into the student's code, only for a failing
    test."""
    k, lo, hi = STAIRCASE
    delta = (hi - lo) / k
    w = 400.0 / delta
    x = lo - delta + (np.arange((k + 2) * CELLS) + 0.5) * delta / CELLS
    basis = np.eye(k)
    try:
        mine = np.array([np.asarray(student.approximate_1d(e, lo, hi, w, x), dtype=float)
                         for e in basis])
        mix = np.linspace(1.0, 2.0, k) * np.where(np.arange(k) % 2, -1.0, 1.0)
        whole = np.asarray(student.approximate_1d(mix, lo, hi, w, x), dtype=float)
    except (StudentError, ValueError, TypeError):
        return None
    theirs = np.array([ref.approximate_1d(e, lo, hi, w, x) for e in basis])
    if mine.shape != theirs.shape or not np.all(np.isfinite(mine)) or \
            whole.shape != x.shape or not np.allclose(whole, mix @ mine, atol=1e-6):
        return None  # not one response per height: the heights enter another way
    if np.allclose(mine, theirs, atol=1e-6):
        return None
    return _tower_shift(mine, theirs) or _tower_matrix(mine, k)


def _tower_shift(mine, theirs):
    """Every tower moved by the same number of grid cells (the edges off by a part of Δ)."""
    for cells in range(1, 2 * CELLS + 1):
        for sign in (1, -1):
            moved = np.zeros_like(theirs)
            if sign > 0:
                moved[:, cells:] = theirs[:, :-cells]
            else:
                moved[:, :-cells] = theirs[:, cells:]
            if np.allclose(mine, moved, atol=1e-3):
                side = "right" if sign > 0 else "left"
                part = {CELLS // 2: "half a bin", CELLS: "one bin", 2 * CELLS: "two bins",
                        CELLS // 4: "a quarter of a bin"}.get(cells, f"{cells}/{CELLS} of a bin")
                why = {CELLS // 2: " (edges at the midpoints lo + (j + ½)Δ instead of lo + jΔ)"
                       if sign > 0 else " (edges at lo + (j − ½)Δ: centred on the edges)",
                       CELLS: " (bin j's edges are lo + (j + 1)Δ and lo + (j + 2)Δ: j counted "
                       "from one)" if sign > 0 else " (bin j's edges are lo + (j − 1)Δ and "
                       "lo + jΔ)"}.get(cells, "")
                return (f"every tower is shifted {part} to the {side}{why}: check the bin "
                        "edges lo + jΔ and lo + (j + 1)Δ of bin j")
    return None


def _tower_matrix(mine, k):
    """The towers' plateaus bin by bin: M[i + 1, j] is the response to f = e_j in the middle
    of bin i (i = −1 … k, the bins left of lo and right of hi included), and what M says."""
    middle = slice(CELLS // 4, CELLS - CELLS // 4)
    M = np.array([[float(np.mean(mine[j, (i + 1) * CELLS:(i + 2) * CELLS][middle]))
                   for j in range(k)] for i in range(-1, k + 1)])
    flat = all(np.ptp(mine[j, (i + 1) * CELLS:(i + 2) * CELLS][middle]) < 1e-3
               for j in range(k) for i in range(-1, k + 1))
    if not flat:
        return None  # towers with edges inside bins: the shift above did not read them
    inside = M[1:-1]
    one = np.isclose(M, 1.0, atol=1e-3)
    zero = np.isclose(M, 0.0, atol=1e-3)
    if np.all(one | zero) and np.all(one.sum(axis=0) == 1) and np.all(zero[[0, -1]]):
        order = [int(np.argmax(one[1:-1, j])) for j in range(k)]  # bin that shows f_j
        if order == list(range(k - 1, -1, -1)):
            return ("the heights are in reverse order: bin j carries f[k − 1 − j] instead of "
                    "f[j] (check the index of the height that goes with bin j)")
        pairs = ", ".join(f"f[{j}] on bin {b}" for j, b in enumerate(order) if b != j)
        return (f"the heights are on the wrong bins ({pairs}): check that bin j's tower gets "
                "f[j], the height in the same position")
    steps_up = np.array([[1.0 if i >= j else 0.0 for j in range(k)] for i in range(-1, k + 1)])
    if np.allclose(M, steps_up, atol=1e-3):
        return ("each tower is a step that never comes down (its down-step at the bin's right "
                "edge is missing), so F(x) is the sum of the heights of every bin left of x: "
                "a tower is h·(σ(w(x − a)) − σ(w(x − b)))")
    if np.allclose(M, 1.0 - steps_up, atol=1e-3) or np.allclose(M, -(1.0 - steps_up), atol=1e-3):
        return ("each tower is a step that comes down at its bin's right edge but never goes "
                "up at its left edge: a tower is h·(σ(w(x − a)) − σ(w(x − b)))")
    two = np.array([[1.0 if i in (j, j + 1) else 0.0 for j in range(k)]
                    for i in range(-1, k + 1)])
    if np.allclose(M, two, atol=1e-3):
        return ("each tower spans two bins (its right edge is one bin too far): bin j is "
                "[lo + jΔ, lo + (j + 1)Δ]")
    scale = inside[0, 0]
    if abs(scale) > 1e-3 and np.allclose(M, scale * np.vstack([np.zeros(k), np.eye(k),
                                                               np.zeros(k)]), atol=1e-3):
        return (f"every tower has height {scale:.4g}·f[j] instead of f[j]: check the factor "
                "in front of each tower")
    j = next(j for j in range(k) if not np.allclose(M[:, j], np.eye(k + 2)[:, j + 1],
                                                    atol=1e-3))
    shows = ", ".join(f"{M[i + 1, j]:.3g} on bin {i}" if 0 <= i < k else
                      f"{M[i + 1, j]:.3g} {'left of lo' if i < 0 else 'right of hi'}"
                      for i in range(-1, k + 1) if abs(M[i + 1, j]) > 1e-3)
    return (f"the tower of f[{j}] is wrong: alone (the other heights 0) it gives "
            f"{shows or 'nothing anywhere'} instead of 1 on bin {j} alone (check how bin {j}'s "
            "tower gets its edges and its height)")


@test_case(points=2.5, visibility="hidden", uses=("sigmoid", "tower_1d"))
def approximate_1d_matches_reference(student, ref, rng):
    for k, shape in ((1, (5,)), (3, (4, 3)), (8, (17,)), (20, ())):
        lo = float(rng.uniform(-3, 0))
        hi = lo + float(rng.uniform(1, 4))
        w = float(rng.uniform(2, 60))
        f_values = rng.normal(size=k)
        x = rng.uniform(lo - 0.5, hi + 0.5, size=shape)
        try:
            checks.close(student.approximate_1d(f_values, lo, hi, w, x),
                         ref.approximate_1d(f_values, lo, hi, w, x),
                         name=f"approximate_1d with k={k} towers on [{lo:.3f}, {hi:.3f}], "
                         f"w={w:.3f}, x of shape {shape}", rtol=1e-9, atol=1e-12,
                         mistakes=_approx_mistakes(ref, f_values, lo, hi, w, x))
        except checks.CheckFailure as failure:
            which = None if failure.mistake else staircase_mistake(student, ref)
            if which is None:
                raise
            raise failure.naming(which) from None


@test_case(points=1.5, visibility="hidden", uses=("sigmoid", "tower_1d"))
def approximate_1d_error_shrinks_with_more_towers(student, ref, rng):
    """The lecture's claim: with k bins and w growing with k, the error of approximating a
    Lipschitz f falls like L·(hi − lo)/(2k), within the reference's proven bound."""
    lo, hi = -2.0, 2.0
    phase = float(rng.uniform(0, np.pi))

    def f(t):
        return np.sin(2 * t + phase)  # Lipschitz constant 2, |f| <= 1

    margin = 0.2
    x = np.linspace(lo + margin, hi - margin, 401)
    errors = []
    for k in (4, 8, 16, 32):
        w = min(20.0 * k, 150.0)  # capped: w·|x − edge| < 700, no exp overflow even if naive
        F = student.approximate_1d(f(ref.bin_midpoints(lo, hi, k)), lo, hi, w, x)
        checks.close(F, ref.tabulate_1d(f, lo, hi, k, w, x), rtol=1e-7, atol=1e-9,
                     name=f"approximate_1d of sin(2x + {phase:.3f}) with k={k}, w={w:g}")
        err = float(np.max(np.abs(np.asarray(F) - f(x))))
        bound = ref.error_bound_1d(2.0, 1.0, lo, hi, k, w, margin)
        if not err <= bound:
            raise checks.CheckFailure(
                f"approximation error with k={k} towers: got max |F − f| = {err:.4g}, above the "
                f"bound {bound:.4g} ≈ L·(hi − lo)/(2k). Check the bins and their heights.")
        errors.append(err)
    if not all(b < a for a, b in itertools.pairwise(errors)):
        raise checks.CheckFailure(
            f"approximation error for k = 4, 8, 16, 32 towers: got {np.round(errors, 4)}, "
            "expected it to shrink as k grows. Check that every bin gets its own tower.")


# --------------------------------------------------------------------------- inputs


@test_case(points=1, visibility="hidden",
           requires="sigmoid_matches_reference_at_several_shapes")
def inputs_not_modified(student, rng):
    z = rng.normal(size=6)
    checks.unchanged(z, student.call("sigmoid", z).args[0], name="sigmoid's z")
    x = rng.uniform(-2, 2, size=6)
    checks.unchanged(x, student.call("tower_1d", x, -1.0, 1.0, 2.0, 5.0).args[0],
                     name="tower_1d's x")
    P = rng.uniform(-2, 2, size=(5, 2))
    checks.unchanged(P, student.call("tower_2d", P, (-1.0, 1.0, -1.0, 1.0), 2.0, 5.0).args[0],
                     name="tower_2d's P")
    f_values = rng.normal(size=4)
    call = student.call("approximate_1d", f_values, -1.0, 1.0, 10.0, x)
    checks.unchanged(f_values, call.args[0], name="approximate_1d's f_values")
    checks.unchanged(x, call.args[4], name="approximate_1d's x")
