"""Loading a submission into a fresh worker: the request, the reply, and the load's limits.

The worker (grader.sandbox.inside.worker) runs the submission's top-level code, cell by cell,
under three limits: `call_timeout` wall-clock seconds per cell, `load_timeout` for all cells,
and `load_cpu_seconds` of CPU for all cells together (its own process time). The cell that
passes one is stopped and the cells after it get a moment each (enough to define functions),
so a notebook that trains at the top level still has its functions graded. The trusted side
adds a hard deadline and watches the sandbox's CPU account (grader.sandbox.cpu), so top-level
code that defeats the worker's timers (catching the interruption, spinning in a child process)
costs `load_cpu_seconds` and a little slack, not the wall-clock budget.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Any

from grader.config import Assignment, Limits
from grader.models import Submission
from grader.sandbox.calls import MAX_TEXT
from grader.sandbox.calls import text_of as _text
from grader.sandbox.cpu import _CpuClock
from grader.sandbox.inside.codec import CodecError
from grader.sandbox.process import WorkerProcess

LOAD_SLACK = 2.0
"""Seconds the hard load deadline adds to the worker's own load budget."""
CELL_SLACK = 0.2
"""Seconds per cell the hard limits add: what a cell still gets once the budget is spent
(the worker's MIN_CELL_SECONDS)."""
LOAD_CPU_SLACK = 1.0
"""CPU seconds the sandbox may use beyond `load_cpu_seconds` before the trusted side stops a
load that the worker could not stop itself."""


@dataclass(frozen=True)
class LoadResult:
    """What loading the submission into a fresh worker gave."""

    status: str
    """'ok', 'syntax_error', 'import_error', 'timeout' or 'crashed'."""
    message: str
    warnings: tuple[str, ...]


def load_timeout(limits: Limits, call_timeout: float) -> float:
    """Seconds the submission's top-level code may take to load (all cells)."""
    return max(call_timeout, limits.submission_timeout / 4)


def load_request(assignment: Assignment, submission: Submission,
                 call_timeout: float) -> dict[str, Any]:
    """The worker's 'load' message (grader.sandbox.inside.worker)."""
    limits = assignment.limits
    return {"op": "load", "module": assignment.module, "cells": list(submission.cells),
            "kind": submission.kind, "path": submission.path, "cell_timeout": call_timeout,
            "load_budget": load_timeout(limits, call_timeout),
            "load_cpu": max(0.0, float(limits.load_cpu_seconds)),
            "seed_cells": assignment.load.seed_cells}


def load_deadline(limits: Limits, submission: Submission, call_timeout: float) -> float:
    """The hard wall-clock deadline of a load starting now (before the submission's budget)."""
    slack = LOAD_SLACK + CELL_SLACK * len(submission.cells)
    return time.monotonic() + load_timeout(limits, call_timeout) + slack


def load_clock(worker: WorkerProcess, limits: Limits, submission: Submission) -> _CpuClock | None:
    """The sandbox-side CPU limit of a load (None: turned off)."""
    if limits.load_cpu_seconds <= 0:
        return None
    return _CpuClock(worker, load_cpu_limit(limits, submission))


def load_cpu_limit(limits: Limits, submission: Submission) -> float:
    return limits.load_cpu_seconds + CELL_SLACK * len(submission.cells) + LOAD_CPU_SLACK


def cpu_spent(limits: Limits, submission: Submission) -> LoadResult:
    """A load the trusted side stopped for CPU: nothing of it can be graded."""
    return LoadResult(
        "timeout", f"your top-level code used more than {load_cpu_limit(limits, submission):.3g}"
        f" s of CPU time while loading and could not be stopped (the limit is "
        f"{limits.load_cpu_seconds:g} s for all of it together). Move experiments and training "
        'runs under `if __name__ == "__main__":`: grading skips them, Python and Jupyter run '
        "them", ())


def read_loaded(reply: Any) -> LoadResult:
    """The worker's 'loaded' reply as a LoadResult; CodecError if it is malformed."""
    if type(reply) is not dict or reply.get("op") != "loaded":
        raise CodecError("unexpected reply to load")
    status = _text(reply, "status")
    warnings = reply.get("warnings", [])
    if status not in ("ok", "syntax_error", "import_error", "timeout") or \
            type(warnings) is not list:
        raise CodecError("malformed load reply")
    return LoadResult(status, _text(reply, "message"),
                      tuple(w[:MAX_TEXT] for w in warnings if type(w) is str))


def startup_failure(outputs: list[str]) -> str:
    """Why a worker died before any student code ran, from its last line of output; an import
    error there is the grader's installation, and the fix is named."""
    lines = outputs[-1].strip().splitlines() if outputs else []
    last = lines[-1][:300] if lines else ""
    if not last:
        return ""
    if last.startswith(("ModuleNotFoundError", "ImportError")):
        return (f": {last}. This is the grader's installation, not your code: the sandbox "
                f"sees only the Python environment the grader runs from ({sys.prefix}), "
                "so install nn-grader and its dependencies into that one environment (a "
                "virtual environment made with `python -m venv`), not with `pip install "
                "--user` or from another folder")
    return f": {last}"
