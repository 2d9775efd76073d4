"""sigmoid computes {form} instead of σ(z) = 1/(1 + e^(−z))

A family (grader.run.catalogue: PARAMS): activations students confuse with the logistic one
(tanh and its rescalings, ReLU, a clipped line, softsign, σ(−z))."""

import numpy as np

from reference.towers import *  # noqa: F403


def _logistic(z):
    return 1.0 / (1.0 + np.exp(-z))


PARAMS = {"form": {
    "tanh(z)": np.tanh,
    "2σ(z) − 1 = tanh(z/2)": lambda z: np.tanh(z / 2),
    "σ(2z) = (1 + tanh z)/2": lambda z: (1 + np.tanh(z)) / 2,
    "σ(z/2)": lambda z: _logistic(z / 2),
    "max(0, z) (ReLU)": lambda z: np.maximum(0.0, z),
    "min(max(z, 0), 1) (a clipped line)": lambda z: np.clip(z, 0.0, 1.0),
    "z/(1 + |z|) (softsign)": lambda z: z / (1 + np.abs(z)),
    "1/(1 + e^z) = σ(−z)": lambda z: 1.0 / (1.0 + np.exp(z)),
    "1 − 1/(1 + e^(−z)) = σ(−z)": lambda z: 1.0 - _logistic(z),
    "σ(z)·(1 − σ(z)) (its derivative)": lambda z: _logistic(z) * (1 - _logistic(z)),
    "e^(−z)/(1 + e^(−z))": lambda z: np.exp(-z) / (1 + np.exp(-z)),
}}
form = np.tanh


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    s = np.asarray(form(z), dtype=np.float64)
    return float(s) if s.ndim == 0 else s


FIX = "σ(z) = 1/(1 + e^(−z)), computed stably: e = exp(−|z|), then 1/(1 + e) or e/(1 + e)"
