"""Synthetic perceptron submissions for the benchmark: a class mix like the one in ANCHORS.md.

Per 40 students: 30 correct, 5 wrong (a typical mistake each), 3 raising (an exception in one
function), 2 looping forever (a helper every function calls never returns, so every test loops,
as in the anchors' "every test cell times out in turn"). Other N scale proportionally.

Every variant is the correct module with one edit (`EDITS`); `source(label)` checks the edit
applied, so a drifting base cannot silently turn a "wrong" submission into a correct one.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

CORRECT = '''\
import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=float)
    return np.hstack([X, np.ones((X.shape[0], 1))])


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    if y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("the shapes of X, y and w disagree")
    w = np.array(w, dtype=float)
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    X = np.asarray(X, dtype=float)
    return np.where(X @ np.asarray(w, dtype=float) > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.min(np.asarray(y) * (X @ w_star)) / np.linalg.norm(w_star)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=float)
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
'''

_LOOPING_NDIM = '''
def _as_matrix(X):
    X = np.asarray(X, dtype=float)
    while X.ndim < 3:  # meant: make a 1-D input 2-D
        X = np.atleast_2d(X)
    return X
'''

_LOOPING_ROWS = '''
def _as_matrix(X):
    X = np.asarray(X, dtype=float)
    i = 0
    while i < len(X):  # check that every row is finite (forgot i += 1)
        if not np.all(np.isfinite(X[i])):
            raise ValueError("X has a NaN or an infinity")
    return X
'''

_AS_ARRAY = "    X = np.asarray(X, dtype=float)\n"

EDITS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # label: (kind, [(old, new), ...]) applied to CORRECT; each `old` must occur.
    "correct": ("correct", []),
    "strict_inequality": ("wrong", [("if y_i * (w @ x_i) <= 0:", "if y_i * (w @ x_i) < 0:")]),
    "predict_ge": ("wrong", [("> 0, 1, -1)", ">= 0, 1, -1)")]),
    "bias_first": ("wrong", [("np.hstack([X, np.ones((X.shape[0], 1))])",
                              "np.hstack([np.ones((X.shape[0], 1)), X])")]),
    "bound_not_squared": ("wrong", [("return float((R / gamma) ** 2)",
                                     "return float(R / gamma)")]),
    "no_early_stop": ("wrong", [("        if updates == 0:\n            break\n", "")]),
    "train_not_implemented": ("raising", [("    X = np.asarray(X, dtype=float)\n    y = np",
                                           "    raise NotImplementedError\n    y = np")]),
    "predict_matmul_order": ("raising", [("X @ np.asarray(w, dtype=float) > 0",
                                          "np.asarray(w, dtype=float) @ X > 0")]),
    "bound_wrong_axis": ("raising", [("np.linalg.norm(X, axis=1)", "np.linalg.norm(X, axis=2)")]),
    "loop_ndim_helper": ("loop", [(_AS_ARRAY, "    X = _as_matrix(X)\n"),
                                  ("\n\ndef add_bias", _LOOPING_NDIM + "\n\ndef add_bias")]),
    "loop_rows_helper": ("loop", [(_AS_ARRAY, "    X = _as_matrix(X)\n"),
                                  ("\n\ndef add_bias", _LOOPING_ROWS + "\n\ndef add_bias")]),
}
KINDS = ("correct", "wrong", "raising", "loop")
PER_40 = {"correct": 30, "wrong": 5, "raising": 3, "loop": 2}


def source(label: str) -> str:
    """The module source of variant `label`."""
    text = CORRECT
    for old, new in EDITS[label][1]:
        if old not in text:
            raise ValueError(f"variant {label}: {old!r} not found in the correct module")
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Student:
    name: str
    kind: str
    """correct, wrong, raising or loop."""
    label: str
    """The variant (a key of EDITS)."""

    @property
    def source(self) -> str:
        return source(self.label)


def counts(n: int) -> dict[str, int]:
    """How many of each kind among n students, proportional to ANCHORS' 30/5/3/2 per 40."""
    scaled = {kind: n * PER_40[kind] // 40 for kind in KINDS}
    scaled["correct"] += n - sum(scaled.values())
    return scaled


def cohort(n: int, seed: int = 0) -> list[Student]:
    """n students s0000, s0001, ... with the ANCHORS mix in a fixed shuffled order."""
    labels: list[str] = []
    for kind, count in counts(n).items():
        variants = [label for label, (k, _) in EDITS.items() if k == kind]
        labels += [variants[i % len(variants)] for i in range(count)]
    random.Random(seed).shuffle(labels)
    width = max(4, len(str(n - 1)))
    return [Student(f"s{i:0{width}d}", EDITS[label][0], label) for i, label in enumerate(labels)]


def write_python(students: list[Student], folder: Path) -> Path:
    """Our grader's layout: one <student>.py per student."""
    folder.mkdir(parents=True, exist_ok=True)
    for s in students:
        (folder / f"{s.name}.py").write_text(s.source)
    return folder


def notebook(code: str, *, metadata: dict[str, object] | None = None) -> dict[str, object]:
    """A minimal nbformat 4 notebook with one code cell holding `code`."""
    return {
        "cells": [{"cell_type": "code", "execution_count": None, "id": "answer",
                   "metadata": metadata or {}, "outputs": [], "source": code}],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def write_manifest(students: list[Student], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([s.__dict__ for s in students], indent=1))
