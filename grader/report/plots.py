"""Plots for the class summary, made with matplotlib and returned as self-contained data URIs.

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
