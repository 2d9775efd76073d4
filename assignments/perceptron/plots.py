"""Pictures for the student's report (grader.run.figures): public inputs only, written here.

The lecture's two Gaussian clouds (the provided two_gaussians, seed 3): the decision boundary
w·x = 0 the student's train_perceptron learns from w = 0, beside the reference's.
"""

import numpy as np

from grader.run.figures import figure


@figure("boundary", "train_perceptron on two Gaussians (20 per class, seed 3, 50 epochs)")
def boundary_on_two_gaussians(impl, ref):
    X, y = ref.two_gaussians(20, 3)
    w, _ = impl.train_perceptron(X, y, np.zeros(3), 50)
    return {"points": X[:, :2], "labels": y, "w": w}
