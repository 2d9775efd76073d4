"""A report picture's calls into the student's code, run in the worker in one message.

The trusted side draws a picture by running a function of the assignment's plots.py
(grader.run.figures) with `impl` = the student's code: through the proxy that is one round trip
per call (an optimizer's path: 25 of them). Message `figure` {"source", "name", "skip",
"max_calls"} runs that function here first, with `impl` = the student's module and `ref` = a
stand-in that has no values (the reference solution never enters the sandbox), and streams
what each of its calls into the student's code did:

  figure_call   {"name", "key"}   a call starts (`key`: sha256 of the codec's frame of its
                                  name, arguments and keyword arguments, grader.sandbox.inside.
                                  codec)
  figure_return {"reply"}         it ended: the reply a `call` message would have got,
                                  without the arguments after the call
  figure_done   {}                the function ended (returned, raised, or stopped here)

The trusted side then runs the same function itself, with the real reference, and takes a
recorded reply only for the call at the same place with the same key; from the first call that
differs it calls the student's code as before (grader.sandbox.prefetch). So the pictures are
what they were; this only moves the round trips out of the way.

Stops (figure_done) before a call whose arguments are not plain data (a value from `ref`, a
handle), before a function named in "skip" (it timed out earlier), after `max_calls` calls,
and after a call that raised or whose value stays in the sandbox (a handle). A figure_return's
reply carries the value only (not the arguments after the call: a figure uses values). The
trusted side sends only figures whose run with the reference left numpy's and `random`'s
global generators as they were (the figure's own code between two calls must not move the
student's). Loaded by worker.py as a sibling (standard library and numpy only).
"""

from __future__ import annotations

import builtins
import hashlib
import types

# Bound here: student code that patches these builtins cannot change what is sent.
from builtins import BaseException, Exception, dict, getattr, int  # noqa: UP029
from typing import Any

import numpy as np

_FIGURES = ("grader.run.figures", "grader.run", "grader")


class _Stop(Exception):
    """Stop running the figure here (the trusted side goes on call by call)."""


class _NoValue:
    """What `ref.f(...)` gives in the sandbox: no value (using it stops the figure)."""

    __slots__ = ()


class _Reference:
    """`ref` in the sandbox: any function of it returns a _NoValue."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: _NoValue()


def _figure(kind: Any, title: Any) -> Any:
    """grader.run.figures.figure as plots.py sees it here: marks nothing."""
    return lambda func: func


def _plots_module(source: str) -> types.ModuleType:
    """plots.py, executed with `from grader.run.figures import figure` answered here (the
    grader package is not in the sandbox)."""
    stub = types.ModuleType("grader.run.figures")
    stub.figure = _figure  # type: ignore[attr-defined]
    real_import = builtins.__import__

    def importer(name: str, globals: Any = None, locals: Any = None,
                 fromlist: Any = (), level: int = 0) -> Any:
        if level == 0 and name in _FIGURES:
            return stub
        return real_import(name, globals, locals, fromlist, level)

    module = types.ModuleType("_nngrader_plots")
    module.__dict__["__builtins__"] = {**vars(builtins), "__import__": importer}
    exec(compile(source, "plots.py", "exec"), module.__dict__)  # plots.py: instructor code
    return module


class _Student:
    """`impl` in the sandbox: each call runs the student's function as a `call` message does,
    and is reported to the trusted side."""

    def __init__(self, worker: Any, skip: list[str], max_calls: int) -> None:
        self._worker = worker
        self._skip = set(skip)
        self._left = max_calls

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self._call(name, args, kwargs)

    def _call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        worker, codec = self._worker, self._worker.codec
        if name in self._skip or self._left <= 0:
            raise _Stop
        self._left -= 1
        try:  # plain data only: the frame the trusted side would send for this call
            frame = codec.encode({"name": name, "args": args, "kwargs": kwargs})
        except BaseException:
            raise _Stop from None
        sent = codec.decode(frame)  # fresh copies, as the worker gets them from a message
        codec.write_frame(worker.out_fd, codec.encode(  # plain values: nothing to restore
            {"op": "figure_call", "name": name, "key": hashlib.sha256(frame).hexdigest()}))
        reply = worker.call(name, sent["args"], sent["kwargs"])
        if reply.get("op") == "return":
            reply["args"], reply["kwargs"] = (), {}
        kept: list[int] = []

        def keep(value: Any) -> int:
            kept.append(1)
            return int(worker.keep_object(value))

        worker.restore_builtins()
        message = {"op": "figure_return", "reply": reply}
        try:
            out, sent_value = codec.encode(message, worker.callback_id, on_object=keep), True
        except BaseException:  # the value cannot be sent: the reply says why (bad_value)
            out = worker.invoke.reply_frame(codec, message, worker.callback_id, keep)
            sent_value = False
        codec.write_frame(worker.out_fd, out)
        if kept or not sent_value or reply.get("op") != "return":
            raise _Stop  # raised, a handle, or a value that could not be sent
        # the student's own object: the trusted side's run has the decoded copy; where they
        # lead to different calls the keys differ and the trusted side calls by itself
        return reply["value"]


def run(worker: Any, source: str, name: str, skip: list[str], max_calls: int) -> None:
    """Run figure `name` of plots.py `source` (see the module docstring); ends with
    figure_done whatever happens."""
    try:
        function = getattr(_plots_module(source), name)
        with np.errstate(all="ignore"):
            function(_Student(worker, skip, max_calls), _Reference())
    except BaseException:  # _Stop, a _NoValue used, the figure's own error: done
        pass
    worker.send({"op": "figure_done"})
