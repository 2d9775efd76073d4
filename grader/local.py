"""An in-process stand-in for the student proxy, for TRUSTED code only.

The reference implementations and instructor-written mutants are trusted; running them in the
grader's process lets the framework's own tests check hidden tests fast (the reference scores
full marks, each mutant loses the expected tests). Student submissions never use this: they go
through grader.proxy into a sandboxed worker.

It mimics the proxy's value semantics: arguments are deep-copied in, results are converted to
plain values (numpy scalars to Python scalars, torch tensors to numpy arrays), exceptions become
StudentError with the exception's MRO names.
"""

from __future__ import annotations

import copy
import time
import traceback as tb
import warnings
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from grader.errors import BadValue, MissingFunction, student_exception, undefined_name

NAME_OPS = ("call", "variable", "hide", "restore")
"""The proxy's own methods a test uses on `student` (StudentProxy and LocalStudent alike):
`student.variable("x")` reads a top-level value, it calls no student function."""


@dataclass(frozen=True)
class Call:
    """The outcome of one call: the value and the arguments as they were after the call."""

    value: Any
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    seconds: float
    warnings: tuple[str, ...] = ()
    """Warnings the call emitted (e.g. numpy's 'overflow encountered in exp'), as text."""


def plain(value: Any) -> Any:
    """Convert a result to the values the proxy would deliver."""
    if value is None or isinstance(value, bool | int | float | complex | str):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biufc":
            raise BadValue(f"an array of dtype {value.dtype} cannot be returned; use numbers")
        return np.array(value, copy=True)
    if type(value).__module__.startswith("torch"):
        return plain(value.detach().cpu().numpy())
    if isinstance(value, list | tuple):
        items = [plain(v) for v in value]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    raise BadValue(f"a value of type {type(value).__name__} cannot be returned")



def _after(argument: Any) -> Any:
    return argument if callable(argument) else plain(argument)


class LocalStudent:
    """Calls functions of a trusted module in-process, with the proxy's semantics."""

    def __init__(self, module: ModuleType) -> None:
        self._module = module
        self._hidden: dict[str, Any] = {}

    def __contains__(self, name: str) -> bool:
        return callable(getattr(self._module, name, None))

    def variable(self, name: str) -> Any:
        """The module's top-level `name` as a plain value (StudentProxy.variable)."""
        space = vars(self._module)
        if name not in space or name.startswith("__"):
            raise undefined_name(name)
        return plain(space[name])

    def hide(self, name: str) -> None:
        """Take a top-level name away until `restore` (StudentProxy.hide)."""
        space = vars(self._module)
        if name not in space or name.startswith("__"):
            raise undefined_name(name)
        self._hidden[name] = space.pop(name)

    def restore(self, name: str = "") -> None:
        """Put back a hidden name, or every one (StudentProxy.restore)."""
        for key in [name] if name else list(self._hidden):
            if key in self._hidden:
                vars(self._module)[key] = self._hidden.pop(key)

    def call(self, name: str, *args: Any, **kwargs: Any) -> Call:
        func = getattr(self._module, name, None)
        if not callable(func):
            raise MissingFunction(f"{self._module.__name__} defines no function {name!r}")
        args = tuple(a if callable(a) else copy.deepcopy(a) for a in args)
        kwargs = {k: v if callable(v) else copy.deepcopy(v) for k, v in kwargs.items()}
        start = time.perf_counter()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                with np.errstate(all="warn"):
                    value = func(*args, **kwargs)
        except Exception as exc:
            raise student_exception(
                f"{type(exc).__name__}: {exc}",
                exc_type=type(exc).__name__,
                exc_mro=tuple(c.__name__ for c in type(exc).__mro__),
                traceback="".join(tb.format_exception(exc)),
            ) from None
        seconds = time.perf_counter() - start
        # Callables (e.g. the f of numerical_gradient) stay on the trusted side, as callbacks do.
        return Call(
            plain(value),
            tuple(_after(a) for a in args),
            {k: _after(v) for k, v in kwargs.items()},
            seconds,
            tuple(f"{w.category.__name__}: {w.message}" for w in caught),
        )

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self.call(name, *args, **kwargs).value

        return call
