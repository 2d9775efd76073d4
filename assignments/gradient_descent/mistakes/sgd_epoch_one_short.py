"""one epoch too few in minibatch_sgd (range(epochs − 1))"""


from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import minibatch_sgd as _minibatch_sgd


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    return _minibatch_sgd(X, y, w0, lr, max(epochs - 1, 0), batch_size, seed)


FIX = "run exactly `epochs` epochs: for epoch in range(epochs)"
