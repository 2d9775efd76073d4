"""one epoch too many in minibatch_sgd (range(epochs + 1))"""

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import minibatch_sgd as _minibatch_sgd


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    return _minibatch_sgd(X, y, w0, lr, epochs + 1 if epochs > 0 else 0, batch_size, seed)


FIX = "loop `for epoch in range(epochs)`: exactly `epochs` sweeps"
