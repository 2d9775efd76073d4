"""Hidden tests for `mp_neuron`: exhaustive truth tables on {0,1}ⁿ against reference.mp_neuron,
the gates' parameters checked with the REFERENCE neuron (so a mistake in mp_neuron costs only
mp_neuron's points), ValueError cases and inputs left unmodified.

Wrong variants for naming mistakes are computed here from the definition, never by the student.
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.checks.mistakes import (
    INHIBITORY_COUNTED,
    LENGTHS_UNCHECKED,
    MASK_INVERTED,
    NOT_A_VETO,
    NOT_BINARY,
    THETA_HIGH,
    THETA_LOW,
)
from grader.testing import test_case

MASK_AS_INTS = "the inhibitory mask is an array of 0/1 ints instead of booleans"
"""The name of mistakes/mask_as_ints.py: the values equal the reference's, only the dtype shows
it, so the check names it (a replay cannot tell it from the reference)."""
MASK_AS_FLOATS = ("the inhibitory mask is an array of floats instead of booleans (np.zeros "
                  "and np.ones make floats: give dtype=bool)")
"""The same for floats (heldout37's mask preallocated with np.zeros(n), as MATLAB's zeros)."""

TABLE = "truth table (row r: x = the bits of r, x1 first)"


def all_inputs(n):
    """{0,1}ⁿ in binary counting order, x1 the most significant bit: (2ⁿ, n) ints."""
    r = np.arange(2**n)[:, None]
    return (r >> np.arange(n - 1, -1, -1)) & 1


def student_table(student, theta, inhibitory, n):
    """One call per input: the student's neuron on all of {0,1}ⁿ."""
    if inhibitory is None:
        return [student.mp_neuron(x, theta) for x in all_inputs(n)]
    return [student.mp_neuron(x, theta, inhibitory) for x in all_inputs(n)]


def variant_table(n, theta, inhibitory, kind):
    """The truth table of the neuron, or of a typical wrong version of it."""
    X = all_inputs(n)
    inh = np.zeros(n, dtype=bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    excitatory = X[:, ~inh].sum(axis=1)
    vetoed = X[:, inh].any(axis=1)
    if kind == "right":
        fires = ~vetoed & (excitatory >= theta)
    elif kind == "strict":
        fires = ~vetoed & (excitatory > theta)
    elif kind == "subtract":
        fires = excitatory - X[:, inh].sum(axis=1) >= theta
    elif kind == "counted":
        fires = X.sum(axis=1) >= theta
    else:
        raise AssertionError(kind)
    return fires.astype(int).tolist()


def neuron_mistakes(n, theta, inhibitory):
    return {
        m.STRICT_GREATER: variant_table(n, theta, inhibitory, "strict"),
        NOT_A_VETO: variant_table(n, theta, inhibitory, "subtract"),
        INHIBITORY_COUNTED: variant_table(n, theta, inhibitory, "counted"),
    }


def _rows_where(n, theta, inhibitory):
    """Sets of rows of the truth table (n, theta, mask) that a mistake in the neuron's rule is
    wrong on, each with its words: where inhibitory inputs are active (one, some, all, none),
    where the excitatory count equals theta or no input is active, each alone and together with
    "the excitatory count reaches (or stays below) theta"."""
    X = all_inputs(n)
    inh = np.zeros(n, dtype=bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    excitatory, active, k = X[:, ~inh].sum(axis=1), X[:, inh].sum(axis=1), int(inh.sum())
    bases = {"an inhibitory input is active": active >= 1,
             "exactly one inhibitory input is active": active == 1,
             "some but not all inhibitory inputs are active": (active >= 1) & (active < k),
             "every inhibitory input is active": (active == k) & (k > 0),
             "no inhibitory input is active": active == 0,
             "an inhibitory input is inactive": active < k,
             "the excitatory count equals theta": excitatory == theta,
             "no input is active": X.sum(axis=1) == 0}
    reach = excitatory >= theta
    for words, rows in bases.items():
        yield words, rows
        yield f"{words} and the excitatory count reaches theta", rows & reach
        yield f"{words} and the excitatory count is below theta", rows & ~reach


def neuron_where(tables):
    """What the inputs where a student's neuron is wrong have in common, from its wrong truth
    tables [(n, theta, mask, got, want)]: the ONE set of `_rows_where` that is exactly the
    wrong rows of every table (and, in each, neither no row nor every row), with what the
    neuron does there (fires / does not fire, the same on every wrong row). None when no set
    or several different ones fit (a coincidence of a small table is not said): the words say
    where, not why. No input of the test is said (a hidden test's page shows it)."""
    fits = None
    fired = set()
    for n, theta, mask, got, want in tables:
        got, want = np.asarray(got), np.asarray(want)
        if got.shape != want.shape or not np.isin(got, (0, 1)).all():
            return None
        wrong = got != want
        if not wrong.any():
            continue
        fired |= set(got[wrong].tolist())
        here = {words for words, rows in _rows_where(n, theta, mask)
                if rows.any() and not rows.all() and np.array_equal(rows, wrong)}
        fits = here if fits is None else fits & here
    if not fits or len(fits) != 1 or len(fired) != 1:
        return None
    does = "fires" if fired == {1} else "does not fire"
    return f"mp_neuron() is wrong exactly where {fits.pop()}: there it {does}"


def checked_tables(student, configs, expected, label):
    """Each (n, theta, mask) of `configs` checked against `expected(n, theta, mask)` in order,
    the first wrong table failing with its own message; a failure the check's mistakes= maps
    did not name is named by `neuron_where` over that table and the later ones (each asked of
    the student's neuron too: a later call that raises ends the evidence, not the test)."""
    for at, (n, theta, mask) in enumerate(configs):
        got = student_table(student, theta, mask, n)
        want = expected(n, theta, mask)
        try:
            checks.equal(got, want, name=label(n, theta, mask),
                         mistakes=neuron_mistakes(n, theta, mask))
        except checks.CheckFailure as failure:
            if failure.mistake:
                raise
            tables = [(n, theta, mask, got, want)]
            for n2, theta2, mask2 in configs[at + 1:]:
                try:
                    tables.append((n2, theta2, mask2, student_table(student, theta2, mask2, n2),
                                   expected(n2, theta2, mask2)))
                except Exception:  # the student's code raised: no more evidence
                    break
            which = neuron_where(tables)
            if which is None:
                raise
            raise failure.naming(which) from None


def random_mask(rng, n):
    """A mask with at least one inhibitory and one excitatory input (n >= 2)."""
    mask = rng.random(n) < 0.4
    mask[rng.integers(n)] = True
    mask[rng.integers(n)] = False
    return mask


def expect_value_error(call, what, mistake):
    """call() must raise ValueError; if it returns instead, the failure names `mistake`."""
    checks.raises("ValueError", call, what=what, mistake=mistake)


# --------------------------------------------------------------------------- mp_neuron


def _right(n, theta, mask):
    return variant_table(n, theta, mask, "right")


def _label(n, theta, mask):
    where = ("no inhibitory inputs" if mask is None
             else f"inhibitory = {np.asarray(mask).astype(int).tolist()}")
    return f"{TABLE} for n = {n}, theta = {theta}, {where}"


@test_case(points=2, visibility="hidden")
def mp_neuron_fires_when_threshold_reached(student, rng):
    configs = [(n, int(rng.integers(0, n + 1)), None) for n in range(1, 6)]
    checked_tables(student, configs, _right, _label)


@test_case(points=2, visibility="hidden")
def mp_neuron_inhibitory_input_is_an_absolute_veto(student, rng):
    configs = []
    for n in range(2, 6):
        mask = random_mask(rng, n)
        configs.append((n, int(rng.integers(0, int((~mask).sum()) + 1)), mask))
    checked_tables(student, configs, _right, _label)


@test_case(points=2, visibility="hidden")
def mp_neuron_matches_reference_on_all_inputs(student, ref, rng):
    configs = [(6, float(rng.integers(1, 5)) + 0.5, random_mask(rng, 6)),
               (4, -1, random_mask(rng, 4)),
               (3, 4, None)]
    checked_tables(student, configs,
                   lambda n, theta, mask: [ref.mp_neuron(x, theta, mask) for x in all_inputs(n)],
                   _label)


@test_case(points=1, visibility="hidden")
def mp_neuron_rejects_non_binary_inputs(student):
    # a negative input before a fractional one: a check of `x > 1` only and an int cast before
    # the check fail at different inputs, so the two mistakes are told apart
    for x in (np.array([0, 2, 1]), np.array([-1, 0, 0]), np.array([0.5, 1.0])):
        expect_value_error(lambda x=x: student.mp_neuron(x, 1), f"x = {x.tolist()}", NOT_BINARY)


@test_case(points=1, visibility="hidden")
def mp_neuron_rejects_mismatched_lengths(student):
    cases = [
        (np.array([1, 0, 1]), np.array([False, True])),
        (np.array([1, 1]), np.array([False, False, True])),
    ]
    for x, mask in cases:
        expect_value_error(lambda x=x, mask=mask: student.mp_neuron(x, 1, mask),
                           f"x of length {len(x)} with inhibitory of length {len(mask)}",
                           LENGTHS_UNCHECKED)


@test_case(points=1, visibility="hidden",
           requires="mp_neuron_matches_reference_on_all_inputs")
def mp_neuron_does_not_modify_its_arguments(student):
    mask = np.array([False, True, False, True])
    for x in (np.array([1, 0, 1, 0]), np.array([1, 1, 0, 1]), np.array([1.0, 0.0, 1.0, 1.0])):
        call = student.call("mp_neuron", x, 1, mask)
        checks.unchanged(x, call.args[0], name="x")
        checks.unchanged(mask, call.args[2], name="inhibitory")


# --------------------------------------------------------------------------- mp_gate


def check_gate(student, ref, name, n):
    theta, inhibitory = student.mp_gate(name, n)
    mask = np.zeros(n, dtype=bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    if mask.shape != (n,):
        raise checks.CheckFailure(
            f"mp_gate({name!r}, {n}): inhibitory must be a boolean array of length {n}, got "
            f"shape {mask.shape}. Return one True/False per input."
        )
    if isinstance(theta, bool) or not isinstance(theta, int | float):
        raise checks.CheckFailure(f"mp_gate({name!r}, {n}): theta must be a number, got {theta!r}.")
    theta_ref, mask_ref = ref.mp_gate(name, n)
    # Evaluated with the reference neuron: only the parameters are graded here.
    got, want = ref.truth_table(theta, mask), ref.gate_table(name, n)
    try:
        checks.equal(got.tolist(), want.tolist(),
                     name=f"truth table of mp_neuron(x, *mp_gate({name!r}, {n}))",
                     mistakes={
                         THETA_HIGH: ref.truth_table(theta_ref + 1, mask_ref).tolist(),
                         THETA_LOW: ref.truth_table(theta_ref - 1, mask_ref).tolist(),
                         MASK_INVERTED: ref.truth_table(theta_ref, ~mask_ref).tolist(),
                     })
    except checks.CheckFailure as failure:
        # "theta is one too high" fits the first failing gate's table alone (θ = 2 and 2.5 give
        # OR on one input the same table): what is wrong is said for what the parameters are
        which = gate_mistake(name, mask, mask_ref, got, want)
        # "inverted" only where the right mask has both kinds of input: the inverse of a mask
        # of one kind (NOR's, NOT's: all inhibitory) is a mask of the other, which a mask left
        # all False (never set) is too (heldout26: a mask reset by a repeated step)
        inverted = failure.mistake == MASK_INVERTED and np.array_equal(mask, ~mask_ref) and \
            bool(mask_ref.any()) and not bool(mask_ref.all())
        if which is None or inverted:
            raise
        raise failure.naming(which) from None


def gate_mistake(name, mask, mask_ref, got, want):
    """What is wrong with a gate's parameters whose truth table is wrong: every gate has ONE
    right mask (an inhibitory input vetoes, so the inputs that must never veto are excitatory
    and those that must always veto are inhibitory), so a mask that differs from it is the
    mistake; with the right mask, theta is too high (the gate fires too rarely) or too low. No
    input of the test (n) is said: only which inputs, numbered x1, x2, ..."""
    if mask.shape != mask_ref.shape:
        return None
    gate = name.upper().replace("_", " ")
    if np.any(mask != mask_ref):
        missing = [f"x{i + 1}" for i in np.flatnonzero(mask_ref & ~mask)]
        extra = [f"x{i + 1}" for i in np.flatnonzero(mask & ~mask_ref)]
        parts = ([f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not marked "
                  "inhibitory"] if missing else []) + \
            ([f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} marked inhibitory"]
             if extra else [])
        must = {"and": "no inhibitory input", "or": "no inhibitory input",
                "nor": "every input inhibitory", "not": "its input inhibitory",
                "and_not": "x2 inhibitory and x1 excitatory"}[name]
        return f"the {gate} gate's inhibitory mask is wrong: {' and '.join(parts)} ({gate} " \
               f"needs {must})"
    fewer = int(np.sum(got)) < int(np.sum(want))
    return (f"theta is too {'high' if fewer else 'low'} for the {gate} gate (with the right "
            f"mask it fires on {'fewer' if fewer else 'more'} inputs than {gate})")


@test_case(points=1, visibility="hidden")
def mp_gate_and(student, ref):
    for n in range(1, 6):
        check_gate(student, ref, "and", n)


@test_case(points=1, visibility="hidden")
def mp_gate_or(student, ref):
    for n in range(1, 6):
        check_gate(student, ref, "or", n)


@test_case(points=1, visibility="hidden")
def mp_gate_nor(student, ref):
    for n in range(1, 6):
        check_gate(student, ref, "nor", n)


@test_case(points=1, visibility="hidden")
def mp_gate_not(student, ref):
    check_gate(student, ref, "not", 1)


@test_case(points=1.5, visibility="hidden")
def mp_gate_and_not(student, ref):
    check_gate(student, ref, "and_not", 2)


@test_case(points=0.5, visibility="hidden")
def mp_gate_returns_a_boolean_mask(student):
    for name, n in [("and", 3), ("or", 2), ("nor", 4), ("not", 1), ("and_not", 2)]:
        _, inhibitory = student.mp_gate(name, n)
        got = np.asarray(inhibitory)
        checks.equal(got.shape, (n,), name=f"shape of inhibitory from mp_gate({name!r}, {n})")
        if got.dtype.kind != "b":
            raise checks.CheckFailure(
                f"mp_gate({name!r}, {n}): inhibitory must be a boolean array, got dtype "
                f"{got.dtype}. Use np.array([...], dtype=bool).",
                mistake=MASK_AS_INTS if got.dtype.kind in "iu" else MASK_AS_FLOATS
                if got.dtype.kind == "f" and np.all((got == 0) | (got == 1)) else None,
            )
