"""Mutants of the reference (zeroed, negated, scribbled functions): validate's proof
that the tests catch wrong code."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np


def _transform(value: Any, leaf: Callable[[Any], Any]) -> Any:
    if isinstance(value, tuple | list):
        items = [_transform(v, leaf) for v in value]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _transform(v, leaf) for k, v in value.items()}
    return leaf(value)


def _zero(v: Any) -> Any:
    if isinstance(v, np.ndarray):
        return np.zeros_like(v)
    if isinstance(v, bool):
        return False
    if isinstance(v, int | float | complex | np.generic):
        return type(v)(0)
    return "" if isinstance(v, str) else v


def _negate(v: Any) -> Any:
    if isinstance(v, np.ndarray):
        return ~v if v.dtype.kind == "b" else -v
    if isinstance(v, bool | np.bool_):
        return not v
    if isinstance(v, int | float | complex | np.number):
        return -v
    return v[::-1] + "?" if isinstance(v, str) else v


def _scribble(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, np.ndarray) and value.flags.writeable and value.size:
            if value.dtype.kind == "b":
                np.logical_not(value, out=value)
            elif value.dtype.kind in "iufc":
                value += 1


def mutant(func: Callable[..., Any], kind: str) -> Callable[..., Any]:
    """A wrong version of a graded function (see MUTANTS)."""
    def wrong(*args: Any, **kwargs: Any) -> Any:
        if kind == "swallows errors":
            try:
                return func(*args, **kwargs)
            except Exception:
                return None
        value = func(*args, **kwargs)
        if kind == "returns zeros":
            return _transform(value, _zero)
        if kind == "returns the negation":
            return _transform(value, _negate)
        if kind == "returns None":
            return None
        _scribble(args, kwargs)  # "modifies its arguments in place"
        return value
    return wrong


MUTANTS = ("returns zeros", "returns the negation", "returns None", "swallows errors",
           "modifies its arguments in place")


def mutant_module(solution: ModuleType, name: str, kind: str) -> ModuleType:
    module = ModuleType(f"{solution.__name__}__{name}__mutant")
    module.__dict__.update({k: v for k, v in vars(solution).items() if not k.startswith("__")})
    setattr(module, name, mutant(getattr(solution, name), kind))
    return module
