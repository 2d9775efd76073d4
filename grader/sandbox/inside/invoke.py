"""One call into student code: the same code in the sandbox's worker and in the in-process runner.

`invoke` runs a function and returns the reply the trusted side turns into a `Call`
(grader.sandbox.calls): the value and the arguments as they are after the call, the seconds the call
took, the warnings it emitted (every one, with numpy's floating-point problems turned into
warnings), or the exception it raised described as plain text with the student's own frames
only. The arguments are fresh copies in both runners: they crossed the codec
(grader.sandbox.inside.codec) on
their way in, and the reply crosses it on its way out (`reply_frame`), which converts the values.

This file is loaded inside the sandbox too (next to worker.py and codec.py), so it uses only the
standard library and numpy, and no other grader module.
"""

from __future__ import annotations

import contextlib
import time
import traceback
import warnings

# Bound here: student code that patches these builtins cannot change the reply's shape.
from builtins import (  # noqa: UP029
    BaseException,
    isinstance,
    str,
    tuple,
    type,
)
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

import numpy as np

MAX_MESSAGE = 2000
"""Characters of an exception's or a warning's text that cross."""
MAX_TRACEBACK = 8000
MAX_WARNINGS = 20
"""Warnings of one call that cross (the first ones)."""


def _text(obj: Any) -> str:
    """str(obj) that survives a student's __str__ (raising, or returning a non-str)."""
    try:
        text = str(obj)
        if type(text) is not str:
            text = str.__str__(text)
    except BaseException:
        return "<the text could not be shown>"
    return text[:MAX_MESSAGE]


def describe(exc: BaseException, files: Collection[str]) -> dict[str, Any]:
    """The exception as plain values; its traceback shows only the frames of `files` (the
    student's code)."""
    kind = type(exc)
    text = _text(exc)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename in files]
    lines = "".join(traceback.format_list(frames))
    tb = (f"Traceback (most recent call last):\n{lines}{kind.__name__}: {text}"
          if frames else "")
    return {"type": kind.__name__, "mro": [c.__name__ for c in kind.__mro__],
            "message": f"{kind.__name__}: {text}" if text else kind.__name__,
            "traceback": tb[-MAX_TRACEBACK:]}


def _warning_text(record: warnings.WarningMessage) -> str:
    category = record.category
    name = category.__name__ if isinstance(category, type) else "Warning"
    return f"{name}: {_text(record.message)}"


@contextlib.contextmanager
def substituted(space: dict[str, Any], use: Mapping[str, Any] | None) -> Iterator[None]:
    """`space` (the submission module's globals) with `use`'s names in place during the block
    (the trusted side's `student.using`: callbacks), then exactly as before; a name the
    submission did not define is removed again."""
    missing = object()
    saved = {key: space.get(key, missing) for key in use or {}}
    space.update(use or {})
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is missing:
                space.pop(key, None)
            else:
                space[key] = old


def invoke(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
           files: Collection[str]) -> dict[str, Any]:
    """Call `func(*args, **kwargs)`; the reply: {"op": "return", "value", "args", "kwargs"} or
    {"op": "raised", "type", "mro", "message", "traceback"}, both with "seconds" and
    "warnings". Never raises for anything the student's code does (SystemExit included)."""
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(all="warn"):
            try:
                value = func(*args, **kwargs)
                reply: dict[str, Any] = {"op": "return", "value": value, "args": tuple(args),
                                         "kwargs": kwargs}
            except BaseException as exc:  # SystemExit too: fails this call only
                reply = {"op": "raised", **describe(exc, files)}
    reply["seconds"] = time.perf_counter() - start
    reply["warnings"] = [_warning_text(w) for w in caught[:MAX_WARNINGS]]
    return reply


def reply_frame(codec: Any, reply: dict[str, Any], on_callable: Any = None,
                on_object: Any = None) -> bytes:
    """The reply as one frame of `codec`; a value that may not cross becomes a bad_value reply
    that says why (the student's objects may raise anything while being encoded)."""
    try:
        return codec.encode(reply, on_callable, on_object=on_object)  # type: ignore[no-any-return]
    except BaseException as exc:
        text = _text(exc) if isinstance(exc, codec.CodecError) else type(exc).__name__
        return codec.encode({"op": "bad_value", "message": text})  # type: ignore[no-any-return]

