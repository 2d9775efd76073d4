"""Pictures for the student's report: a function's output on declared public inputs.

An assignment may have `assignments/<a>/plots.py` (trusted instructor code, like its tests):
functions marked with `@figure(kind, title)` that take `(impl, ref)` and return a dict of
values. Each runs twice: once with `impl = ref` (in this process) and once with `impl` the
student's code (calls through the sandbox's proxy, under the call timeout and a CPU limit
calibrated on the reference's run). The inputs are written in plots.py, never drawn from a
hidden test, so a picture shows nothing a hidden test holds.

Keys of the returned dict, by kind (from the reference's run unless said):
- "curve": "x", "y" (both runs), optional "target";
- "boundary": "points" (n, 2), "labels" (n,), "w" (3,) (both runs);
- "path": "path" (k, 2) (both runs).

A student's call that raises, loops or returns something unusable leaves a Plot with
`student=None` and a note; the reference's picture is still drawn.

A picture is drawn only for a submission that lost points in a test of one of the functions it
shows (`lost`: the student functions those tests called): it is there to show a mistake, and a
picture of a function whose every test passed would show the reference's curve twice. So a
passing submission costs nothing here. The reference's values, and the functions each figure
calls on `impl`, are computed once per process and assignment.

A figure that calls the student's code more than once runs first inside the worker, in one
message, and the trusted side's run takes the replies it recorded where its calls are the same
(grader.sandbox.prefetch): the picture is the same, without a round trip per call.
`NN_GRADER_FIGURE_BATCH=off` turns that off (call by call, as before).
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
import threading
import time
import traceback
from collections.abc import Callable, Collection
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar, cast

import numpy as np

from grader.config import Assignment
from grader.errors import StudentError, StudentTimeout
from grader.models import Plot, PlotKind
from grader.sandbox.prefetch import Replay, prefetch
from grader.sandbox.proxy import StudentProxy

FILE = "plots.py"
_ATTR = "__grader_figure__"
MAX_POINTS = 2000
"""Values kept per series (x, y, a path's points)."""
PLOT_TIMEOUT = 5.0
"""Seconds of wall clock a student's plot call may take at most (below the call timeout)."""
KINDS: dict[str, tuple[str, ...]] = {"curve": ("y",), "boundary": ("w",), "path": ("path",)}
"""The keys each kind takes from the student's run."""
NEEDS: dict[str, tuple[str, ...]] = {"curve": ("x", "y"), "boundary": ("points", "labels", "w"),
                                     "path": ("path",)}
"""The keys a figure of each kind must return."""
BATCH_ENV = "NN_GRADER_FIGURE_BATCH"
"""'off': a figure's calls into the student's code go one by one (no prefetch)."""

F = TypeVar("F", bound=Callable[..., Any])


def figure(kind: PlotKind, title: str) -> Callable[[F], F]:
    """Mark a plots.py function `f(impl, ref) -> dict` as a picture of `kind`."""
    if kind not in KINDS:
        raise ValueError(f"figure kind must be one of {', '.join(KINDS)}, got {kind!r}")

    def mark(func: F) -> F:
        setattr(func, _ATTR, (kind, title))
        return func

    return mark


class FigureError(Exception):
    """plots.py cannot be used: the message names the file (and line) and the fix."""


def load(folder: Path) -> tuple[tuple[str, PlotKind, str, Callable[..., Any]], ...]:
    """(name, kind, title, function) of every figure in `folder/plots.py` (none without it);
    FigureError when the file does not import."""
    path = folder / FILE
    if not path.is_file():
        return ()
    name = f"_grader_plots_{folder.name}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FigureError(f"{path}: cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # trusted instructor code that does not load
        lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__)
                 if Path(f.filename) == path]
        line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else \
            (lines[-1] if lines else None)
        where = f"{path}:{line}" if line else str(path)
        raise FigureError(f"{where}: plots.py does not import ({type(exc).__name__}: {exc}); "
                          "fix it, or delete it to draw no pictures") from None
    found = []
    for attr, value in vars(module).items():
        mark = getattr(value, _ATTR, None)
        if callable(value) and mark is not None:
            found.append((attr, cast(PlotKind, mark[0]), str(mark[1]), value))
    return tuple(found)


@cache
def declared(folder: Path) -> tuple[tuple[str, PlotKind, str, Callable[..., Any]], ...]:
    """`load`, once per process; a plots.py that does not import costs its pictures only
    (`grader validate` reports it)."""
    try:
        return load(folder)
    except FigureError:
        return ()


def reference_values(folder: Path, ref: ModuleType) -> dict[str, tuple[Any, float, frozenset[str]]]:
    """Per figure: (the reference's values, or None when its figure raised; seconds it took;
    the functions it calls on `impl`), computed once per process (the lock: the batch's threads).
    The number of calls it made on `impl`: `reference_calls`."""
    with _LOCK:
        key = (folder, ref)
        if key not in _REFERENCE:
            found = {}
            for name, _kind, _title, function in declared(folder):
                uses = Uses(ref)
                generators = _generators()
                started = time.perf_counter()
                try:
                    with np.errstate(all="ignore"):
                        expected: Any = function(uses, ref)
                except Exception:  # a broken plots.py costs its picture only
                    expected = None
                found[name] = (expected, time.perf_counter() - started, frozenset(uses.names))
                # prefetched only when its own code leaves the global generators alone
                _CALLS[(folder, name)] = uses.calls if _same(generators, _generators()) else 0
            _REFERENCE[key] = found
        return _REFERENCE[key]


_LOCK = threading.Lock()
_REFERENCE: dict[tuple[Path, ModuleType], dict[str, tuple[Any, float, frozenset[str]]]] = {}
_CALLS: dict[tuple[Path, str], int] = {}


def _generators() -> tuple[Any, Any]:
    return np.random.get_state(), random.getstate()


def _same(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    (kind, keys, pos, gauss, cached), (kind2, keys2, pos2, gauss2, cached2) = a[0], b[0]
    return (kind, pos, gauss, cached) == (kind2, pos2, gauss2, cached2) and \
        np.array_equal(keys, keys2) and a[1] == b[1]


@cache
def _source(folder: Path) -> str:
    return (folder / FILE).read_text(encoding="utf-8")


def _impl(folder: Path, student: Any, name: str) -> Any:
    """What figure `name` gets as `impl` for the student: the proxy, or a Replay of the calls
    the worker made in one message (only where that saves a round trip, two calls or more,
    and the figure leaves numpy's and `random`'s global generators alone)."""
    calls = _CALLS.get((folder, name), 0)
    if calls < 2 or not isinstance(student, StudentProxy) or os.environ.get(BATCH_ENV) == "off":
        return student
    return Replay(student, prefetch(student, _source(folder), name, calls))


class Uses:
    """The reference module as `impl`, noting the functions a figure takes from it."""

    def __init__(self, ref: ModuleType) -> None:
        self._ref = ref
        self.names: set[str] = set()
        self.calls = 0
        """Calls made on `impl`."""

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._ref, name)
        if not callable(value):
            return value
        self.names.add(name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return value(*args, **kwargs)

        return counted


def draw_values(assignment: Assignment, student: Any, ref: ModuleType | None,
                lost: Collection[str] = ("*",)) -> tuple[Plot, ...]:
    """The declared figures that show a function in `lost` ("*": every figure), with the
    reference's and the student's values."""
    if ref is None:
        return ()
    plots = []
    values = reference_values(assignment.folder, ref)
    for name, kind, title, function in declared(assignment.folder):
        expected, seconds, uses = values[name]
        if expected is None or ("*" not in lost and not uses & set(lost)):
            continue
        student.call_timeout = min(float(assignment.limits.call_timeout), PLOT_TIMEOUT)
        student.reference_seconds = seconds
        note = ""
        try:
            got: dict[str, Any] | None = function(_impl(assignment.folder, student, name), ref)
        except StudentTimeout:
            got, note = None, "your code took too long on this picture's input"
        except StudentError as exc:
            got, note = None, (f"your code raised {exc.exc_type} on this input" if exc.exc_type
                               else exc.message[:200])
        except Exception as exc:
            got, note = None, f"your values could not be used ({type(exc).__name__})"
        plot = as_plot(name, kind, title, expected, got, note)
        if plot is not None:
            plots.append(plot)
    return tuple(plots)


def _series(value: Any, shape: tuple[int, ...] | None = None) -> tuple[float, ...]:
    """Finite floats, flattened; ValueError when not numeric or not of `shape`."""
    array = np.asarray(value, dtype=np.float64)
    if shape is not None and array.shape != shape:
        raise ValueError(f"shape {array.shape}, expected {shape}")
    flat = array.ravel()[: 2 * MAX_POINTS]
    return tuple(float(v) if np.isfinite(v) else float("nan") for v in flat)


def as_plot(name: str, kind: PlotKind, title: str, expected: dict[str, Any],
          got: dict[str, Any] | None, note: str) -> Plot | None:
    key = KINDS[kind][0]
    try:
        shape = np.asarray(expected[key], dtype=np.float64).shape
        reference = _series(expected[key])
        extra: dict[str, tuple[float, ...]] = {}
        if kind == "curve":
            extra["x"] = _series(expected["x"])
            if "target" in expected:
                extra["target"] = _series(expected["target"])
        elif kind == "boundary":
            points = np.column_stack([np.asarray(expected["points"], dtype=np.float64)[:, :2],
                                      np.asarray(expected["labels"], dtype=np.float64)])
            extra["points"] = _series(points[:MAX_POINTS // 2])
    except (KeyError, ValueError, TypeError, IndexError):
        return None  # the instructor's figure is malformed: no picture
    student: tuple[float, ...] | None = None
    if got is not None:
        try:
            student = _series(got[key], shape)
        except (KeyError, ValueError, TypeError, IndexError) as exc:
            note = f"your values could not be drawn: {exc}"[:200]
    return Plot(name=name, title=title, kind=kind, reference=reference, student=student,
                note=note, **extra)
