"""Loading a notebook's cells in the worker: IPython syntax (shell commands, % magics) turned
into plain Python, the names Jupyter gives without an import, syntax errors worded for a
student, a per-cell time limit for top-level code, and Otter Grader's intercell seeding
(loaded by path by grader.sandbox.inside.worker; standard library only, numpy if there)."""

from __future__ import annotations

import contextlib
import linecache
import os
import random
import re
import signal
import time
import types

# Bound here, before any student code: a patched builtin cannot break loading.
from builtins import callable, getattr, isinstance, len, str, type, vars  # noqa: UP029
from collections.abc import Callable, Iterator
from typing import Any

MIN_CELL_SECONDS = 0.2
"""The time a cell still gets once the load budget is spent."""


class CellTimeout(BaseException):
    """Top-level code of one cell ran past the per-cell time limit (`cpu`: its CPU limit)."""

    def __init__(self, seconds: float, cpu: bool = False) -> None:
        what = "used more than {:.3g} s of CPU time" if cpu else "ran longer than {:.3g} s"
        super().__init__(f"this code {what.format(seconds)} at import and was stopped")
        self.cpu = cpu


def stopped_message(kind: str, cpu: float = 0.0, cell: float = 0.0, load: float = 0.0) -> str:
    """What a student reads when top-level code was stopped, for each cause (`cpu`: the load's
    CPU seconds were spent; `cell`: the cell's wall-clock limit; `load`: the wall-clock budget
    of the whole load), with the one fix for all of them."""
    if cpu:
        what = f"used more than {cpu:g} s of CPU time while loading (all of it together)"
    else:
        what = f"ran longer than {cell:.3g} s while loading" + (
            f" (what was left of the {load:g} s for all of it together)" if load else "")
    rest = ("the functions defined before that line are still graded" if kind == "py" else
            "the cells after it still ran")
    return (f"your top-level code {what} and was stopped here; {rest}. Move experiments and "
            'training runs under `if __name__ == "__main__":`: grading skips them, Python and '
            "Jupyter run them")


def cell_seeder(seed: int | None) -> Callable[[], None] | None:
    """Otter Grader's intercell seeding ([load] seed_cells): `random` and numpy's global
    generator (numpy.random.seed) seeded with `seed` before each cell runs, as `otter run`
    does when its config sets a seed (a .py file is one cell). The seeding functions are bound
    here, before any student code runs. None: no seed, cells run as written."""
    if seed is None:
        return None
    seeders: list[Callable[[int], None]] = [random.seed]
    try:
        import numpy
    except ImportError:  # no numpy in this environment: nothing of it to seed
        pass
    else:
        seeders.append(numpy.random.seed)

    def seed_all() -> None:
        for seeder in seeders:
            seeder(seed)

    return seed_all


@contextlib.contextmanager
def cell_time_limit(seconds: float, cpu: float | None = None) -> Iterator[None]:
    """Interrupt a cell's top-level code (a demo, a training run) after `seconds`, or `cpu`
    seconds of this process's CPU time, so the rest of the notebook still loads. Student code
    can defeat this; then the trusted side's hard deadline for the whole load applies (wall
    clock, and the sandbox's CPU account)."""

    if not hasattr(signal, "setitimer"):  # Windows: the trusted side's load deadline applies
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise CellTimeout(seconds)

    def spent(_signum: int, _frame: Any) -> None:
        raise CellTimeout(cpu or 0.0, cpu=True)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    if cpu is not None:
        previous_cpu = signal.signal(signal.SIGPROF, spent)
        signal.setitimer(signal.ITIMER_PROF, cpu)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if cpu is not None:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous_cpu)


_MAGIC = re.compile(r"^(\s*)(?:[\w.\[\], ]+=\s*)?[!%]")
"""A line that is an IPython shell command or magic: `!pip ...`, `%matplotlib`, `x = !ls`."""


def compiles(source: str) -> bool:
    try:
        compile(source, "<cell>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def notebook_cell(source: str) -> tuple[str, str]:
    """A notebook cell that is not plain Python, without its IPython syntax: a `%%` cell magic
    drops the cell, `!cmd` / `%magic` / `x = !cmd` lines become `pass` (line numbers stay).
    Returns the source and a note for the warnings ('' if nothing changed)."""
    if source.lstrip().startswith("%%"):
        return "", "a %% cell magic was skipped"
    lines = source.splitlines(True)
    changed = False
    for i, line in enumerate(lines):
        match = _MAGIC.match(line)
        if match:
            lines[i] = f"{match.group(1)}pass\n"
            changed = True
    note = "shell commands and % magics were skipped" if changed else ""
    return "".join(lines), note


class _NoIPython:
    """`get_ipython()` outside Jupyter: every method is a no-op (e.g. run_line_magic)."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


NOTEBOOK_NAMES: dict[str, Any] = {
    "display": lambda *args, **kwargs: None,
    "get_ipython": lambda: _NoIPython(),
}
"""Names Jupyter provides without an import; notebook cells that use them still run."""


def syntax_message(exc: BaseException) -> str:
    if isinstance(exc, SyntaxError):
        where = f"line {exc.lineno}" if exc.lineno else "unknown line"
        text = (exc.text or "").strip()
        shown = f": {text}" if text else ""
        return f"{type(exc).__name__} at {where}: {exc.msg}{shown}"
    return f"{type(exc).__name__}: {exc}"


def run_cells(module: types.ModuleType, cells: list[str], kind: str, path: str,
              cell_timeout: float, load_budget: float, files: set[str],
              describe: Callable[[BaseException], dict[str, Any]],
              load_cpu: float = 0.0, seed: int | None = None) -> dict[str, Any]:
    """Run the cells in `module` (fresh). Each cell's top-level code may take `cell_timeout`
    seconds, all of them `load_budget`, and `load_cpu` seconds of CPU (0: no CPU limit): once
    either is spent, the remaining cells get a moment each (enough to define functions, not to
    run demos). With a `seed`, random and numpy are seeded before each cell (cell_seeder).
    Every cell's label goes into `files` (the student's own frames in tracebacks). Returns
    the 'loaded' reply."""
    name = module.__name__
    seed_all = cell_seeder(seed)
    end = time.monotonic() + load_budget
    cpu_end = time.process_time() + load_cpu
    if kind != "py":
        module.__dict__.update(NOTEBOOK_NAMES)
    base = os.path.basename(path) or f"{name}.{kind}"
    warnings: list[str] = []
    syntax_errors: list[str] = []
    errors: list[str] = []
    timed_out = False
    for index, source in enumerate(cells, start=1):
        label = base if kind == "py" else f"{base} [cell {index}]"
        if kind != "py" and not compiles(source):
            source, note = notebook_cell(source)
            if note:
                warnings.append(f"cell {index}: {note}")
        if not source.strip():
            continue
        files.add(label)
        linecache.cache[label] = (len(source), None, source.splitlines(True), label)
        try:
            code = compile(source, label, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            text = syntax_message(exc)
            syntax_errors.append(text)
            if kind != "py":
                warnings.append(f"cell {index} was skipped: {text}")
            continue
        limit = max(MIN_CELL_SECONDS, min(cell_timeout, end - time.monotonic()))
        cpu = max(MIN_CELL_SECONDS, cpu_end - time.process_time()) if load_cpu > 0 else None
        try:
            if seed_all is not None:
                seed_all()
            with cell_time_limit(limit, cpu):
                exec(code, module.__dict__)
        except BaseException as exc:  # student code may raise anything
            described = describe(exc)
            stopped = isinstance(exc, CellTimeout)
            timed_out = timed_out or stopped
            if stopped:
                described["message"] = stopped_message(
                    kind, cpu=load_cpu if getattr(exc, "cpu", False) else 0.0, cell=limit,
                    load=load_budget if limit < cell_timeout else 0.0)
            errors.append(f"{described['message']}\n{described['traceback']}".strip())
            if stopped:
                warnings.append(f"{label}: {described['message']}")
            elif kind == "py":
                warnings.append(f"{base} raised at import ({described['message']}); "
                                "the functions defined before that line are still graded")
            else:
                warnings.append(f"cell {index} raised {described['message']} and was "
                                "skipped; the other cells still ran")
    defined = [k for k, v in vars(module).items()
               if callable(v) and getattr(v, "__module__", None) == name]
    status, message = "ok", ""
    if syntax_errors and (kind == "py" or not defined):
        status, message = "syntax_error", syntax_errors[0]
    elif not defined and errors:
        status, message = "timeout" if timed_out else "import_error", errors[0]
    if status != "ok":
        warnings = []
    return {"op": "loaded", "status": status, "message": message, "warnings": warnings}
