"""Plots for the class summary and the student's pictures (a function's output beside the
reference's, grader.run.figures), made with matplotlib and returned as self-contained data URIs.

Each figure is rendered to SVG (text as paths, so no font is needed to view it) and wrapped in a
`data:image/svg+xml;base64,...` URI for an `<img>` tag: the page needs no network and no other
file, and the ids inside one SVG cannot clash with another's. The Agg backend is selected
explicitly (no display needed) and nothing here touches matplotlib's global pyplot state.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import Any

import matplotlib
import numpy as np

from grader.models import Plot

matplotlib.use("Agg")

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

_BAR = "#3b6ea5"
_STYLE: dict[Any, Any] = {"svg.fonttype": "path", "svg.hashsalt": "nn-grader", "font.size": 9.0}


def _data_uri(fig: Figure) -> str:
    buffer = io.BytesIO()
    with matplotlib.rc_context(_STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def score_histogram(percentages: Sequence[float], *, bins: int = 10) -> str:
    """Histogram of scores in percent of the maximum (0..100), as a data URI."""
    with matplotlib.rc_context(_STYLE):
        fig = Figure(figsize=(6.0, 3.0))
        ax = fig.add_subplot()
        edges = [100.0 * i / bins for i in range(bins + 1)]
        ax.hist([min(max(p, 0.0), 100.0) for p in percentages], bins=edges, color=_BAR,
                edgecolor="white")
        ax.set_xlim(0, 100)
        ax.set_xlabel("score (% of maximum)")
        ax.set_ylabel("students")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(f"Score distribution ({len(percentages)} students)")
        return _data_uri(fig)


def pass_rate_bars(names: Sequence[str], rates: Sequence[float]) -> str:
    """Horizontal bars: the fraction of submissions passing each test, as a data URI."""
    with matplotlib.rc_context(_STYLE):
        height = max(1.6, 0.3 * len(names) + 0.9)
        fig = Figure(figsize=(6.0, height))
        ax = fig.add_subplot()
        positions = list(range(len(names)))
        ax.barh(positions, [100.0 * r for r in rates], color=_BAR)
        ax.set_yticks(positions, labels=list(names))
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("submissions passing (%)")
        ax.set_title("Pass rate per test")
        return _data_uri(fig)


# ---- the student's pictures (grader.run.figures): theirs beside the reference's ----------

_REFERENCE, _STUDENT, _TARGET = "#3b6ea5", "#d9534f", "#888888"


def comparison(plot: Plot) -> str:
    """One Plot drawn as a data URI: the reference's values and the student's (when present)
    on the same axes, the reference on the left of the legend."""
    with matplotlib.rc_context(_STYLE):
        fig = Figure(figsize=(6.0, 3.4))
        ax = fig.add_subplot()
        if plot.kind == "curve":
            _curve(ax, plot)
        elif plot.kind == "boundary":
            _boundary(ax, plot)
        else:
            _path(ax, plot)
        ax.set_title(plot.title)
        ax.legend(loc="best", fontsize=8)
        return _data_uri(fig)


def _curve(ax: Any, plot: Plot) -> None:
    x = np.asarray(plot.x)
    if plot.target:
        ax.plot(x, np.asarray(plot.target), color=_TARGET, lw=1.0, ls=":", label="target")
    ax.plot(x, np.asarray(plot.reference), color=_REFERENCE, lw=1.6, label="reference")
    if plot.student is not None:
        ax.plot(x, np.asarray(plot.student), color=_STUDENT, lw=1.2, ls="--", label="yours")


def _boundary(ax: Any, plot: Plot) -> None:
    points = np.asarray(plot.points).reshape(-1, 3)
    for label, marker in ((1.0, "o"), (-1.0, "x")):
        chosen = points[points[:, 2] == label]
        ax.scatter(chosen[:, 0], chosen[:, 1], marker=marker, s=14, color=_TARGET,
                   label=f"y = {label:+.0f}")
    lo, hi = points[:, 0].min() - 0.5, points[:, 0].max() + 0.5
    ax.set_xlim(lo, hi)
    ax.set_ylim(points[:, 1].min() - 0.5, points[:, 1].max() + 0.5)
    lines = [("reference", plot.reference, _REFERENCE, "-")]
    if plot.student is not None:
        lines.append(("yours", plot.student, _STUDENT, "--"))
    xs = np.linspace(lo, hi, 2)
    for name, w, color, style in lines:
        w1, w2, b = (float(v) for v in w)
        if abs(w2) > 1e-12:  # w1·x1 + w2·x2 + b = 0
            ax.plot(xs, -(w1 * xs + b) / w2, color=color, ls=style, label=f"{name} w·x = 0")
        elif abs(w1) > 1e-12:
            ax.axvline(-b / w1, color=color, ls=style, label=f"{name} w·x = 0")


def _path(ax: Any, plot: Plot) -> None:
    reference = np.asarray(plot.reference).reshape(-1, 2)
    ax.plot(reference[:, 0], reference[:, 1], "-o", ms=2.5, color=_REFERENCE, label="reference")
    if plot.student is not None:
        mine = np.asarray(plot.student).reshape(-1, 2)
        ax.plot(mine[:, 0], mine[:, 1], "--o", ms=2.5, color=_STUDENT, label="yours")
    ax.plot(reference[:1, 0], reference[:1, 1], "k*", ms=8, label="start")
    ax.set_xlabel("w[0]")
    ax.set_ylabel("w[1]")
