"""The student proxy: hidden tests call the student's functions as if they were local.

`student.add_bias(X)` sends the call to the sandboxed worker and returns plain values (see
docs/CONTRACTS.md). Every call has a deadline (the per-call timeout, capped by what is left of
the submission's wall-clock budget). The workers (start, load, restart, budget) are
grader.sandbox.session's. A function that timed out is not called again in the same
submission: further calls to it raise StudentTimeout at once ("skipped: ...").

A call may also be stopped for CPU time: when the runner sets `reference_seconds` (the
reference solution's longest call in the current test, grader.run.calibrate), a call that has used
more than `cpu_factor` times that in CPU seconds of the sandbox, and at least
`min_cpu_seconds`, plus what is left of the worker's allowance for one-time costs, is stopped
like a timeout; from the submission's second timeout on the floor is
`min_cpu_seconds_after_timeout` (grader.sandbox.cpu: CpuAccount). CPU time, unlike wall-clock
time, does not grow when the machine is busy. A call returning within CPU_GRACE costs no
measurement at all. Loading has its own limits (grader.sandbox.loading).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from grader.config import Assignment
from grader.errors import BadValue, StudentTimeout, WorkerCrashed, undefined_name
from grader.models import Call, Submission
from grader.sandbox.calls import (
    MAX_TEXT,
    REPLIES,
    ByName,
    Handle,
    StaleHandle,
    call_from_reply,
    handle_number,
)
from grader.sandbox.calls import text_of as _text
from grader.sandbox.cpu import _CpuExceeded
from grader.sandbox.inside.codec import CodecError
from grader.sandbox.loading import LoadResult
from grader.sandbox.pool import WarmPool
from grader.sandbox.process import ChannelClosed, ChannelTimeout, WorkerProcess
from grader.sandbox.session import WorkerSession

__all__ = ["STOPS", "Call", "Handle", "LoadResult", "StudentProxy"]

STOPS = (ChannelTimeout, _CpuExceeded, ChannelClosed, CodecError, BadValue)
"""What ends a call without a reply: StudentProxy._failure says what the test sees."""


class StudentProxy(WorkerSession, ByName):
    """The student's module, seen from the trusted process.

    `student.fn(...)` calls the student's `fn`, except for the proxy's own names (`call`,
    `start`, `close`, `output`, `call_timeout`, `isolation`, `restarts`, ...): a student
    function with one of those names is reached with `student.call("close", ...)`.
    """

    def __init__(self, assignment: Assignment, submission: Submission, *,
                 mode: str | None = None, pool: WarmPool | None = None) -> None:
        super().__init__(assignment, submission, mode=mode, pool=pool)
        self._timed_out: dict[str, str] = {}
        """Functions that timed out in this submission -> the limit they hit: not run again."""
        self.reference_seconds: float | None = None
        """The reference's longest call in the current test (set by the runner per test);
        None: no CPU limit, the wall-clock limit alone."""

    def __enter__(self) -> StudentProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- calls ---------------------------------------------------------------------------
    def call(self, name: str, /, *args: Any, **kwargs: Any) -> Call:
        """Run `name(*args, **kwargs)` in the worker; the value and the arguments afterwards.
        A returned value that is no plain data (e.g. an object of the student's class) comes
        back as a Handle (grader.sandbox.calls)."""
        return self._call(name, args, kwargs, keep=False)

    def keep(self, name: str, /, *args: Any, **kwargs: Any) -> Call:
        """Like `call`, but only numbers, strings, None and plain lists/tuples/dicts of the
        returned value cross: everything else in it (arrays, tensors with their graph, named
        tuples, objects) stays in the sandbox as a Handle, to pass to later calls; `fetch`
        gets a kept value's data."""
        return self._call(name, args, kwargs, keep=True)

    def fetch(self, value: Any) -> Any:
        """The data of a value kept in the sandbox (handles inside `value` are resolved there
        and converted as a returned value would be)."""
        worker = self._ready()
        deadline = time.monotonic() + min(self.call_timeout, self._remaining())
        worker.reader.make_handle = self._handles(worker, "fetch")
        try:
            worker.send({"op": "fetch", "value": value}, deadline,
                        on_object=handle_number(worker))
            reply = worker.receive(deadline)
        except StaleHandle as exc:
            raise BadValue(str(exc)) from None
        except CodecError as exc:
            raise TypeError(f"student.fetch: the value cannot be sent to the worker: {exc}") \
                from None
        except ChannelTimeout:
            self._stop()
            raise StudentTimeout("the worker did not answer in time") from None
        except ChannelClosed as exc:
            self._stop()
            raise WorkerCrashed(f"the worker died: {exc}") from None
        if type(reply) is not dict or reply.get("op") not in ("fetched", "bad_value"):
            self._stop()
            raise BadValue("the worker sent an unexpected reply")
        if reply["op"] == "bad_value":
            raise BadValue(f"a kept value cannot be graded: {_text(reply, 'message')}")
        return reply.get("value")

    @staticmethod
    def _handles(worker: WorkerProcess, function: str) -> Callable[[int, str], Handle]:
        return lambda ident, kind: Handle(ident, kind, worker, function)

    def _call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], *,
              keep: bool) -> Call:
        if not isinstance(name, str):
            raise TypeError(f"student.call needs the function's name as a string, got {name!r}")
        if name in self._timed_out:  # burning the timeout again would only delay the rest
            raise StudentTimeout(f"skipped: {name} timed out earlier in this submission "
                                 f"(limit {self._timed_out[name]})")
        worker = self._ready()
        timeout = min(self.call_timeout, self._remaining())
        deadline = time.monotonic() + timeout
        callbacks: list[Callable[..., Any]] = []

        def register(function: Any) -> int:
            callbacks.append(function)
            return len(callbacks) - 1

        def lookup(ident: int) -> Any:
            if not 0 <= ident < len(callbacks):
                raise CodecError("unknown callback reference")
            return callbacks[ident]

        outer_lookup = worker.reader.make_callback  # set when this call is nested in a callback
        outer_handles = worker.reader.make_handle
        worker.reader.make_callback = lookup
        worker.reader.make_handle = self._handles(worker, name)
        try:
            try:
                message = {"op": "call", "name": name, "args": args, "kwargs": kwargs,
                           "keep": keep}
                if self.substitutes:  # callbacks, like functions among the arguments
                    message["use"] = dict(self.substitutes)
                worker.send(message, deadline, register, handle_number(worker))
            except StaleHandle as exc:
                raise BadValue(str(exc)) from None
            except CodecError as exc:  # the test passed something that cannot cross
                raise TypeError(f"student.{name}: an argument cannot be sent to the worker: "
                                f"{exc}") from None
            cpu = self._cpu.clock(worker, self.reference_seconds, timeout)
            while True:
                reply = worker.receive(deadline) if cpu is None else cpu.receive(deadline)
                if type(reply) is not dict:
                    raise CodecError("a reply that is not a message")
                if reply.get("op") != "callback":
                    break
                self._serve_callback(worker, reply, lookup, deadline)
            self._cpu.returned(cpu)
        except STOPS as exc:
            error, limit = self._failure(name, timeout, exc)
            if limit is not None:
                self._timed_out[name] = limit
            raise error from None
        finally:
            worker.reader.make_callback = outer_lookup
            worker.reader.make_handle = outer_handles
        return self._result(name, reply)

    def _failure(self, name: str, timeout: float, exc: Exception) -> tuple[Exception, str | None]:
        """A call of `name` with `timeout` seconds that ended with `exc` (one of STOPS): the
        worker is stopped; the exception the call raises, and the limit it hit when the
        function is not to be called again in this submission (None: it may)."""
        self._stop()
        if isinstance(exc, ChannelTimeout):
            self._cpu.stopped()
            if self._remaining() <= 0:
                return self._budget_spent(), None
            return StudentTimeout(f"{name}() did not finish within {timeout:g} s "
                                  "(an endless loop? far too slow?)"), f"{timeout:g} s"
        if isinstance(exc, _CpuExceeded):
            self._cpu.stopped()
            return (StudentTimeout(self._cpu.message(name, exc, self.reference_seconds)),
                    f"{exc.limit:.3g} s of CPU time")
        if isinstance(exc, ChannelClosed):
            return WorkerCrashed(f"{name}() crashed the worker: {exc}"), None
        return BadValue(f"{name}() returned something that cannot be graded: {exc}"), None

    def cpu_limit(self) -> float | None:
        """CPU seconds the next call may use, the allowance for one-time costs aside (None:
        no CPU limit); see the module docstring."""
        return self._cpu.limit(self.reference_seconds)

    @property
    def cpu_allowance(self) -> float:
        """CPU seconds the current worker's calls may still use beyond their limits."""
        return self._cpu.allowance

    def _serve_callback(self, worker: WorkerProcess, request: dict[str, Any],
                        lookup: Callable[[int], Any], deadline: float) -> None:
        ident, args, kwargs = request.get("id"), request.get("args"), request.get("kwargs")
        if type(ident) is not int or type(args) is not tuple or type(kwargs) is not dict:
            raise CodecError("malformed callback request")
        function = lookup(ident)
        try:
            value = function(*args, **kwargs)
            reply: dict[str, Any] = {"op": "callback_return", "value": value}
            try:
                worker.send(reply, deadline)
                return
            except CodecError as exc:
                failure: dict[str, Any] = {"op": "callback_raised", "type": "TypeError",
                                           "message": f"the grader's function returned a value "
                                                      f"that cannot be sent: {exc}"}
        except (ChannelTimeout, ChannelClosed):
            raise
        except Exception as exc:
            failure = {"op": "callback_raised", "type": type(exc).__name__,
                       "message": str(exc)[:MAX_TEXT]}
        worker.send(failure, deadline)

    def _result(self, name: str, reply: dict[str, Any]) -> Call:
        if reply.get("op") not in REPLIES:
            self._stop()
        return call_from_reply(self._assignment.module, name, reply)

    def _ask(self, message: dict[str, Any]) -> Any:
        """One short request that runs no student code (has, get, hide, restore)."""
        worker = self._ready()
        deadline = time.monotonic() + min(self.call_timeout, self._remaining())
        try:
            worker.send(message, deadline)
            reply = worker.receive(deadline)
        except ChannelTimeout:
            self._stop()
            raise StudentTimeout("the worker did not answer in time") from None
        except (ChannelClosed, CodecError) as exc:
            self._stop()
            raise WorkerCrashed(f"the worker died: {exc}") from None
        if type(reply) is not dict:
            self._stop()
            raise BadValue("the worker sent a malformed reply")
        return reply

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        reply = self._ask({"op": "has", "name": name})
        return reply.get("op") == "has" and reply.get("value") is True

    def variable(self, name: str) -> Any:
        """The value of the submission's top-level name `name` (a notebook variable), as a
        plain value; NameError (a StudentError) if it is not defined."""
        return self._names("get", name)

    def hide(self, name: str) -> None:
        """Take the top-level name away until `restore` (a test's `del name` in the student's
        kernel): the student's code that uses it raises NameError meanwhile."""
        self._names("hide", name)

    def restore(self, name: str = "") -> None:
        """Put back a hidden name ('' : every hidden name)."""
        self._names("restore", name)

    def _names(self, op: str, name: str) -> Any:
        if not isinstance(name, str):
            raise TypeError(f"student.{op} needs a name as a string, got {name!r}")
        reply = self._ask({"op": op, "name": name})
        if reply.get("op") == "missing":
            raise undefined_name(name)
        return self._result(name, reply).value



