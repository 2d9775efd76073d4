"""Hidden tests for `boolean_networks`: threshold_forward against reference.boolean_networks on
random networks, and the student's networks evaluated EXHAUSTIVELY on {0,1}ⁿ with the REFERENCE
forward pass (so a mistake in threshold_forward costs only its own points): random truth
tables, parity up to n = 8, exact unit counts (at most 2ⁿ⁻¹ hidden units shallow, exactly 3(n−1)
deep).

Wrong variants for naming mistakes are computed here or with the reference, never by the student.
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.checks.compare import describe
from grader.checks.mistakes import (
    INPUTS_COUNTED,
    LAYERS_COUNTED,
    NEGATED_FEW_ONES,
    NO_NEGATION,
    NOT_PARITY,
    OUTPUT_NOT_COUNTED,
    SHALLOW_AS_DEEP,
)
from grader.errors import StudentError
from grader.testing import test_case


def all_inputs(n):
    """{0,1}ⁿ in binary counting order, x1 the most significant bit: (2ⁿ, n) ints."""
    r = np.arange(2**n)[:, None]
    return (r >> np.arange(n - 1, -1, -1)) & 1


def random_network(rng, n, *, integer=True):
    layers = []
    width = n
    depth = int(rng.integers(1, 5))
    for k in range(depth):
        units = 1 if k == depth - 1 else int(rng.integers(1, 5))
        if integer:
            W = rng.integers(-2, 3, size=(units, width)).astype(float)
            b = rng.integers(-3, 3, size=units).astype(float)
        else:
            W, b = rng.normal(size=(units, width)), rng.normal(size=units)
        layers.append((W, b))
        width += units
    return layers


def strict_variant(ref, layers, X):
    """What `W·z + b > 0` computes on integer-weight networks: shift every bias by −½."""
    return ref.threshold_forward([(W, np.asarray(b) - 0.5) for W, b in layers], X)


def evaluate(ref, layers, X, what):
    """The student's network on X with the reference forward pass; a malformed network fails."""
    if not isinstance(layers, list | tuple) or not layers:
        raise checks.CheckFailure(
            f"{what} must return a non-empty list of layers (W, b), got {describe(layers)}."
        )
    try:
        return ref.threshold_forward([(np.asarray(W, dtype=float), np.asarray(b, dtype=float))
                                      for W, b in layers], X)
    except (ValueError, TypeError) as exc:
        raise checks.CheckFailure(
            f"{what}: the network cannot be evaluated ({exc}). Layer k's W must have shape "
            "(units_k, n + units of all earlier layers) and b shape (units_k,); the last layer "
            "has one unit."
        ) from None


def network_mistake(layers, reference_layers, n):
    """What is wrong in a network whose outputs are wrong, when one unit shows it: the first
    unit (in layer order) that never fires or always fires on {0,1}ⁿ, that computes what an
    earlier unit computes already, or whose output no later layer reads, where the reference's
    network for the same call has no such unit (a constant f is built with a constant unit).
    A network that computes the function with the fewest units wastes no unit so, whatever the
    student's construction: the unit is where the mistake shows. No input of the test is said.
    None when no unit shows it or the network cannot be evaluated."""
    try:
        mine = _units(layers, n)
        theirs = _units(reference_layers, n)
    except (ValueError, TypeError, IndexError):
        return None
    if any(_wasted(theirs, at) for at in range(len(theirs))):
        return None
    empty = _empty_layers(layers)
    if empty and not _empty_layers(reference_layers):
        return empty
    return next((found for at in range(len(mine)) if (found := _wasted(mine, at))), None)


def _empty_layers(layers):
    """What layers of no unit (W with 0 rows) say, or '': after the output unit, the
    construction went on when one signal was left; elsewhere, a layer of it is empty. (An empty
    last layer makes the unit before it look unread: that is not a wiring mistake.)"""
    sizes = [np.asarray(W).shape[0] for W, _ in layers]
    empty = [k + 1 for k, size in enumerate(sizes) if size == 0]
    if not empty:
        return ""
    named = ", ".join(str(k) for k in empty)
    layer = f"layer{'s' * (len(empty) > 1)} {named} {'have' if len(empty) > 1 else 'has'}"
    output = len(sizes) - len(empty)
    if empty == list(range(output + 1, len(sizes) + 1)) and output and sizes[output - 1] == 1:
        return (f"the network goes on after its output unit (layer {output}): {layer} no unit "
                "(W with 0 rows): stop adding layers when one signal is left")
    return (f"{layer} no unit (W with 0 rows): a layer of the construction is empty (a loop "
            "over no signals, or a count of units that is 0)")


def _wasted(units, at):
    """What wastes the unit `units[at]` (_units), or ''."""
    (layer, unit), outputs, read = units[at]
    if np.all(outputs == outputs[0]):
        fires = "always fires" if outputs[0] else "never fires"
        return (f"unit {unit} of layer {layer} {fires} (W·z + b is "
                f"{'>= 0' if outputs[0] else '< 0'} on every input), so it passes nothing on: "
                "check its weights and bias, and the units it reads")
    last = units[-1][0][0]
    same = next((w for w, out, _ in units[:at] if np.array_equal(out, outputs)), None)
    if same is not None and layer < last:  # an output that ORs one unit is that unit
        return (f"unit {unit} of layer {layer} computes exactly what unit {same[1]} of layer "
                f"{same[0]} computes: one of the two is not the unit it should be (it combines "
                "the same signals in the same way: a copied row, bias or column index)")
    if not read:
        return (f"the output of unit {unit} of layer {layer} is read by no later layer (its "
                "column is 0 in every later W): a later unit reads another column instead")
    return ""


def _units(layers, n):
    """((layer, unit) numbered from 1, the unit's outputs on all of {0,1}ⁿ, whether a later
    layer reads it) for every unit, the last layer's read."""
    z = all_inputs(n).astype(float)
    layers = [(np.asarray(W, dtype=float), np.asarray(b, dtype=float)) for W, b in layers]
    found = []
    for k, (W, b) in enumerate(layers):
        out = (z @ W.T + b >= 0).astype(float)
        for u in range(out.shape[1]):
            column = z.shape[1] + u
            read = k == len(layers) - 1 or any(
                later.shape[1] > column and np.any(later[:, column] != 0)
                for later, _ in layers[k + 1:])
            found.append(((k + 1, u + 1), out[:, u], read))
        z = np.hstack([z, out])
    return found


def named_network(failure, layers, reference_layers, n):
    """`failure` (a failed check of a network's outputs) with network_mistake said, when the
    check's mistakes= map named nothing."""
    return failure.named_by(lambda: network_mistake(layers, reference_layers, n))


def hidden_units(layers):
    return int(np.asarray(layers[0][0]).shape[0])


# --------------------------------------------------------------------------- threshold_forward


@test_case(points=3, visibility="hidden")
def threshold_forward_random_networks(student, ref, rng):
    # First a majority unit of three inputs whose bias, −1.5, puts no input at equality: a
    # bias added once per input (W·z + 3b) never fires here, while `>` for `>=` is right, so
    # the two mistakes (which the equality checks below cannot tell apart) are told apart.
    layers = [(np.array([[1.0, 1.0, 1.0]]), np.array([-1.5]))]
    X = all_inputs(3)
    checks.equal(student.threshold_forward(layers, X), ref.threshold_forward(layers, X),
                 name="threshold_forward on a majority unit of three inputs (bias −1.5)")
    # A hidden unit exactly at its threshold (OR at x = 01, 10) read with weight 1 and bias −¼:
    # its output 1 (right), 0 (`>`) and ½ (np.heaviside(s, 0.5)) give 1, 0 and 1, so the two
    # ways of getting equality wrong are told apart.
    layers = [(np.array([[1.0, 1.0]]), np.array([-1.0])),
              (np.array([[0.0, 0.0, 1.0]]), np.array([-0.25]))]
    X = all_inputs(2)
    checks.equal(student.threshold_forward(layers, X), ref.threshold_forward(layers, X),
                 name="threshold_forward on a 2-layer network with a hidden unit at equality",
                 mistakes={m.STRICT_GREATER: strict_variant(ref, layers, X)})
    for k in range(6):
        n = int(rng.integers(1, 7))
        layers = random_network(rng, n, integer=k < 5)
        X = all_inputs(n)
        checks.equal(student.threshold_forward(layers, X), ref.threshold_forward(layers, X),
                     name=f"threshold_forward on a random {len(layers)}-layer network, n = {n}",
                     mistakes={m.STRICT_GREATER: strict_variant(ref, layers, X)})


@test_case(points=2, visibility="hidden")
def threshold_forward_lecture_networks(student, ref, rng):
    networks = [(f"deep parity, n = {n}", n, ref.deep_parity(n)) for n in (2, 3, 5)]
    for n in (3, 4):
        networks.append((f"shallow network of a random f, n = {n}", n,
                         ref.shallow_network(rng.integers(0, 2, size=2**n))))
    for label, n, layers in networks:
        X = all_inputs(n)
        checks.equal(student.threshold_forward(layers, X), ref.threshold_forward(layers, X),
                     name=f"threshold_forward ({label}) on all inputs",
                     mistakes={m.STRICT_GREATER: strict_variant(ref, layers, X)})


@test_case(points=0.5, visibility="hidden",
           requires="threshold_forward_random_networks")
def threshold_forward_does_not_modify_its_arguments(student, ref):
    layers = ref.deep_parity(4)
    X = all_inputs(4).astype(float)
    call = student.call("threshold_forward", layers, X)
    checks.unchanged(X, call.args[1], name="X")
    checks.unchanged(layers, call.args[0], name="layers")


# --------------------------------------------------------------------------- shallow_network


@test_case(points=5, visibility="hidden")
def shallow_network_random_truth_tables(student, ref, rng):
    tables = [np.array([0, 1]), np.array([1, 0]), np.zeros(8, dtype=int), np.ones(8, dtype=int)]
    tables += [(rng.random(2**n) < rng.uniform(0.2, 0.8)).astype(int) for n in range(2, 7)]
    for table in tables:
        n = len(table).bit_length() - 1
        layers = student.shallow_network(table)
        got = evaluate(ref, layers, all_inputs(n), f"shallow_network(table of length {len(table)})")
        try:
            checks.equal(got, table, name=f"your network's outputs on all of {{0,1}}^{n}",
                         mistakes=m.bit_order(table))
        except checks.CheckFailure as failure:
            raise named_network(failure, layers, ref.shallow_network(table), n) from None


@test_case(points=1.5, visibility="hidden",
           requires="shallow_network_random_truth_tables")
def shallow_network_one_hidden_layer_of_at_most_2_to_the_n_minus_1(student, rng):
    tables = [all_inputs(n).any(axis=1).astype(int) for n in (3, 5)]  # OR: 2ⁿ − 1 ones
    tables += [(rng.random(2**n) < 0.85).astype(int) for n in (4, 6)]
    tables += [(rng.random(2**n) < 0.15).astype(int) for n in (4,)]
    for table in tables:
        n = len(table).bit_length() - 1
        layers = student.shallow_network(table)
        checks.equal(len(layers), 2, name=f"number of layers (n = {n})")
        h = hidden_units(layers)
        limit = max(1, 2 ** (n - 1))
        if h > limit:
            ones = int(table.sum())
            mistake = NO_NEGATION if h >= ones > limit else \
                NEGATED_FEW_ONES if h == len(table) - ones and ones < limit else None
            raise checks.CheckFailure(
                f"a one-hidden-layer network for f on n = {n} inputs with {ones} ones: expected "
                f"at most 2ⁿ⁻¹ = {limit} hidden units, got {h}. When f has more ones than "
                "zeros, build NOT f from one unit per zero of f and negate it at the output."
                + (f" Looks like {mistake}." if mistake else ""),
                mistake=mistake,
            )
        checks.equal(np.asarray(layers[1][0]).shape, (1, n + h),
                     name=f"shape of the output layer's W (n = {n}, {h} hidden units)")


@test_case(points=1, visibility="hidden")
def shallow_network_parity(student, ref):
    for n in range(2, 8):
        table = all_inputs(n).sum(axis=1) % 2
        layers = student.shallow_network(table)
        checks.equal(evaluate(ref, layers, all_inputs(n), f"shallow_network(parity, n = {n})"),
                     table, name=f"your shallow parity network on all of {{0,1}}^{n}")
        checks.equal(len(layers), 2, name=f"number of layers (parity, n = {n})")
        if hidden_units(layers) > 2 ** (n - 1):
            raise checks.CheckFailure(
                f"shallow parity of n = {n}: expected at most 2ⁿ⁻¹ = {2 ** (n - 1)} hidden "
                f"units, got {hidden_units(layers)}."
            )


# --------------------------------------------------------------------------- deep_parity


PARITY_OF = {
    "leaves out the first input (it computes the parity of x2 … xn)":
        lambda n: set(range(1, n)),
    "leaves out the last input (it computes the parity of x1 … x(n−1))":
        lambda n: set(range(n - 1)),
    "reads only the first two inputs (it computes x1 XOR x2)": lambda n: {0, 1},
    "reads only the last two inputs (it computes the XOR of the last two)":
        lambda n: {n - 2, n - 1},
    "reads only every other input (x1, x3, …)": lambda n: set(range(0, n, 2)),
}
"""What a deep parity network computes when it is the parity of some of its inputs: the words,
and the inputs read (0-based) for n inputs."""


def parity_subset(ref, student, n_first):
    """Which inputs the student's deep parity networks take the parity of, when it is the same
    PARITY_OF rule for the failing n and every larger one up to 8 (each network evaluated on
    all inputs with the reference's forward pass; a network that is another function, or
    several rules that fit every n, say nothing). Costs one call per n, for a failing test."""
    fits = set(PARITY_OF)
    for n in range(n_first, 9):
        try:
            out = evaluate(ref, student.deep_parity(n), all_inputs(n), f"deep_parity({n})")
        except (checks.CheckFailure, StudentError, ValueError, TypeError):
            return None
        X = all_inputs(n)
        if np.array_equal(out, X.sum(axis=1) % 2):
            continue  # right for this n: no evidence either way
        here = set()
        for words, rule in PARITY_OF.items():
            inputs = sorted(i for i in rule(n) if 0 <= i < n)
            if inputs and len(inputs) < n and \
                    np.array_equal(out, X[:, inputs].sum(axis=1) % 2):
                here.add(words)
        fits &= here
        if not fits:
            return None
    return f"deep_parity() {fits.pop()}" if len(fits) == 1 else None


@test_case(points=4, visibility="hidden")
def deep_parity_on_all_inputs(student, ref):
    for n in range(2, 9):
        X = all_inputs(n)
        parity = X.sum(axis=1) % 2
        layers = student.deep_parity(n)
        try:
            checks.equal(evaluate(ref, layers, X, f"deep_parity({n})"), parity,
                         name=f"deep_parity({n}) on all of {{0,1}}^{n}",
                         mistakes={NOT_PARITY: 1 - parity})
        except checks.CheckFailure as failure:
            named = failure.named_by(lambda: parity_subset(ref, student, n))
            raise named_network(named, layers, ref.deep_parity(n), n) from None


@test_case(points=2, visibility="hidden",
           requires="deep_parity_on_all_inputs")
def deep_parity_has_exactly_3_n_minus_1_units(student, ref):
    for n in range(2, 9):
        layers = student.deep_parity(n)
        evaluate(ref, layers, all_inputs(n)[:1], f"deep_parity({n})")  # well-formed
        checks.equal(ref.count_units(layers), 3 * (n - 1),
                     name=f"number of units of deep_parity({n})",
                     mistakes={SHALLOW_AS_DEEP: 2 ** (n - 1) + 1})


# --------------------------------------------------------------------------- count_units


@test_case(points=1.5, visibility="hidden")
def count_units_random_networks(student, ref, rng):
    for _ in range(4):
        n = int(rng.integers(1, 6))
        layers = random_network(rng, n)
        total = ref.count_units(layers)
        checks.equal(student.count_units(layers), total,
                     name=f"count_units of a network with layers of "
                          f"{[len(b) for _, b in layers]} units",
                     mistakes={OUTPUT_NOT_COUNTED: total - len(layers[-1][1]),
                               LAYERS_COUNTED: len(layers),
                               INPUTS_COUNTED: total + n})
    layers = ref.deep_parity(6)
    checks.equal(student.count_units(layers), 15, name="count_units(deep parity of 6 inputs)",
                 mistakes={OUTPUT_NOT_COUNTED: 14, LAYERS_COUNTED: len(layers),
                           INPUTS_COUNTED: 21})
