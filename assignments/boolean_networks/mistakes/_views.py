"""What of a returned network a mistake must reproduce (grader.run.catalogue's VIEWS).

shallow_network and deep_parity return a construction: a student's own construction with the
same mistake has other weights, unit order and depth than the catalogue's, but computes the
same function with the same number of units. So a network is compared by its outputs on all of
{0,1}ⁿ (the reference's forward pass), its number of units and, for the shallow network, its
number of layers. A network the forward pass rejects is seen as its layers' shapes.
"""

import numpy as np

from reference import boolean_networks as _ref


def _behaviour(layers, n):
    if isinstance(layers, list | tuple) and len(layers) == 0:
        # no units is a network too (a loop that never ran), not a failure to read one: it
        # must not match a construction the forward pass rejects (a ValueError of its own)
        return ("no layers", 0)
    layers = [(np.asarray(W, dtype=float), np.asarray(b, dtype=float)) for W, b in layers]
    try:
        outputs = _ref.threshold_forward(layers, _ref.all_inputs(n))
    except ValueError:
        # a network the forward pass rejects is told by its layers' shapes, not by the kind
        # of error alone (W2 with h columns is one mistake, a transposed W1 another)
        return ("rejected", tuple((W.shape, b.shape) for W, b in layers))
    return tuple(int(v) for v in outputs), _ref.count_units(layers)


def _dead_units(layers, n):
    """How many units of the layers before the output never fire on any input although a later
    layer reads them (a pattern unit whose bias is too low): a network with a dead hidden layer
    and one whose hidden layer is right but whose output unit is constant compute the same
    constant, and are not the same mistake (heldout28's output_sign_condition_reversed)."""
    z = _ref.all_inputs(n).astype(float)
    dead = 0
    for k, (W, b) in enumerate(layers[:-1]):
        out = (z @ W.T + b >= 0).astype(float)
        columns = range(z.shape[1], z.shape[1] + out.shape[1])
        read = [any(c < V.shape[1] and np.any(V[:, c] != 0) for V, _ in layers[k + 1:])
                for c in columns]  # a unit no later layer reads (a constant f's) does not count
        dead += int(np.sum(~out.any(axis=0) & np.array(read, dtype=bool)))
        z = np.hstack([z, out])
    return dead


def shallow_view(args, value):
    n = len(args[0]).bit_length() - 1
    seen = _behaviour(value, n)
    if seen[0] in ("no layers", "rejected"):
        return (len(value), *seen)
    layers = [(np.asarray(W, dtype=float), np.asarray(b, dtype=float)) for W, b in value]
    table = np.asarray(args[0])
    constant = table.size == 0 or bool(np.all(table == table.flat[0]))
    # a constant f needs no pattern unit: a unit that never fires is then a way to build it
    return (len(value), *seen, 0 if constant else _dead_units(layers, n))


def deep_view(args, value):
    return _behaviour(value, int(args[0]))


VIEWS = {"shallow_network": shallow_view, "deep_parity": deep_view}

