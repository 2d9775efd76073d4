"""The student proxy: hidden tests call the student's functions as if they were local.

`student.add_bias(X)` sends the call to the sandboxed worker and returns plain values (see
docs/CONTRACTS.md). Every call has a deadline (the per-call timeout, capped by what is left of
the submission's wall-clock budget). After a timeout or a crash the worker is gone; the next
call starts a fresh one and loads the submission again, as long as the budget lasts. Once it is
spent, every call raises StudentTimeout at once. A function that timed out is not called again
in the same submission: further calls to it raise StudentTimeout at once ("skipped: ...").

A call may also be stopped for CPU time: when the runner sets `reference_seconds` (the
reference solution's longest call in the current test, grader.run.calibrate), a call that has used
more than `cpu_factor` times that in CPU seconds of the sandbox, and at least
`min_cpu_seconds` (`min_cpu_seconds_after_timeout` once a call of this submission has timed
out), is stopped like a timeout. CPU time, unlike wall-clock time, does not grow when the
machine is busy. A call returning within CPU_GRACE costs no measurement at all.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
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
from grader.sandbox.cpu import _CpuClock, _CpuExceeded, _duration, cpu_allowed
from grader.sandbox.inside.codec import CodecError
from grader.sandbox.pipes import start_worker
from grader.sandbox.pool import PooledWorker, Slot, WarmPool, active_pool
from grader.sandbox.process import ChannelClosed, ChannelTimeout, WorkerProcess

__all__ = ["Call", "Handle", "LoadResult", "StudentProxy"]

_IMPORTS_TORCH = re.compile(r"^\s*(import\s+torch|from\s+torch[\s.])", re.MULTILINE)
LOAD_SLACK = 2.0
"""Seconds the hard load deadline adds to the worker's own load budget."""


@dataclass(frozen=True)
class LoadResult:
    """What loading the submission into a fresh worker gave."""

    status: str
    """'ok', 'syntax_error', 'import_error', 'timeout' or 'crashed'."""
    message: str
    warnings: tuple[str, ...]


class StudentProxy(ByName):
    """The student's module, seen from the trusted process.

    `student.fn(...)` calls the student's `fn`, except for the proxy's own names (`call`,
    `start`, `close`, `output`, `call_timeout`, `isolation`, `restarts`, ...): a student
    function with one of those names is reached with `student.call("close", ...)`.
    """

    def __init__(self, assignment: Assignment, submission: Submission, *,
                 mode: str | None = None, pool: WarmPool | None = None) -> None:
        self._assignment = assignment
        self._submission = submission
        self._limits = assignment.limits
        self._mode = mode
        self._torch = assignment.uses_torch or any(
            _IMPORTS_TORCH.search(cell) for cell in submission.cells)
        self.call_timeout = float(self._limits.call_timeout)
        """Seconds per call; the runner sets it per test (a test may override it)."""
        self._budget_end: float | None = None
        self._exhausted = False
        self._worker: WorkerProcess | None = None
        self._outputs: list[str] = []
        self.isolation = ""
        self.peak_memory_kb = 0
        self.startup_seconds: list[float] = []
        self.restarts = 0
        self._pool = pool
        """Warm sandboxes to fork workers from (default: grader.sandbox.pool.active_pool())."""
        self._slot: Slot | None = None
        self._timed_out: dict[str, str] = {}
        """Functions that timed out in this submission -> the limit they hit: not run again."""
        self.reference_seconds: float | None = None
        """The reference's longest call in the current test (set by the runner per test);
        None: no CPU limit, the wall-clock limit alone."""
        self.timeouts = 0
        """Calls of this submission stopped so far (wall-clock or CPU limit)."""

    # -- worker lifecycle --------------------------------------------------------------------
    @property
    def load_timeout(self) -> float:
        """Seconds the submission's top-level code may take to load (all cells)."""
        return max(self.call_timeout, self._limits.submission_timeout / 4)

    def start(self) -> LoadResult:
        """Start the worker and load the submission; starts the wall-clock budget."""
        if self._budget_end is None:
            self._budget_end = time.monotonic() + self._limits.submission_timeout
        pooled = self._pooled()
        while True:
            try:
                worker = self._new_worker(pooled)
            except OSError as exc:
                return LoadResult("crashed", f"the sandbox could not start: {exc}", ())
            self._worker = worker
            self.isolation = worker.isolation
            try:
                startup = worker.wait_ready()
                break
            except (ChannelTimeout, ChannelClosed, CodecError) as exc:
                self._stop()
                if isinstance(worker, PooledWorker):  # before any student code: the zygote's
                    worker.slot.teardown()  # fault; once more in a single-use sandbox
                    pooled = False
                    continue
                return LoadResult("crashed", f"the sandbox did not start: {exc or 'timed out'}"
                                  f"{self._startup_failure()}", ())
        self.startup_seconds.append(startup)
        self._budget_end += startup  # starting python (and torch) is not the student's time
        try:
            # The worker stops long top-level code itself (per cell, and all cells within
            # load_timeout); the hard deadline adds slack for the cells that only define.
            slack = LOAD_SLACK + 0.2 * len(self._submission.cells)
            deadline = min(time.monotonic() + self.load_timeout + slack, self._budget_end)
            worker.send({"op": "load", "module": self._assignment.module,
                         "cells": list(self._submission.cells), "kind": self._submission.kind,
                         "path": self._submission.path, "cell_timeout": self.call_timeout,
                         "load_budget": self.load_timeout}, deadline)
            reply = worker.receive(deadline)
            if type(reply) is not dict or reply.get("op") != "loaded":
                raise CodecError("unexpected reply to load")
            status = _text(reply, "status")
            warnings = reply.get("warnings", [])
            if status not in ("ok", "syntax_error", "import_error", "timeout") or \
                    type(warnings) is not list:
                raise CodecError("malformed load reply")
            result = LoadResult(status, _text(reply, "message"),
                                tuple(w[:MAX_TEXT] for w in warnings if type(w) is str))
        except ChannelTimeout:
            self._stop()
            return LoadResult("timeout", f"loading your code took longer than "
                              f"{self.load_timeout:g} s (does it run something long at the "
                              "top level?)", ())
        except ChannelClosed as exc:
            self._stop()
            return LoadResult("crashed", f"the worker died while loading your code: {exc}", ())
        except (CodecError, BadValue) as exc:
            self._stop()
            return LoadResult("crashed", f"the worker sent a malformed reply: {exc}", ())
        if result.status != "ok":
            self._stop()
        return result

    def _startup_failure(self) -> str:
        """Why a worker died before any student code ran, from its last line of output; an
        import error there is the grader's installation, and the fix is named."""
        lines = self._outputs[-1].strip().splitlines() if self._outputs else []
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

    def _pooled(self) -> bool:
        """Whether this submission's workers come from a warm pool (holding one slot)."""
        if self._pool is None:
            self._pool = active_pool()
        return self._pool is not None and self._mode in (None, "bubblewrap") and \
            self._pool.accepts(self._limits)

    def _new_worker(self, pooled: bool) -> WorkerProcess:
        if not pooled:
            return start_worker(self._limits, torch=self._torch, mode=self._mode)
        assert self._pool is not None
        if self._slot is None:
            self._slot = self._pool.acquire()
        return self._pool.worker(self._slot, self._limits, torch=self._torch)

    def _stop(self, *, graceful: bool = False) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        worker.close(graceful=graceful)
        self.peak_memory_kb = max(self.peak_memory_kb, worker.peak_memory_kb)
        text = worker.captured_output()
        if text:
            self._outputs.append(text)

    def close(self) -> None:
        """End the worker and everything it started (and give back the warm slot)."""
        try:
            self._stop(graceful=True)
        finally:
            slot, self._slot = self._slot, None
            if slot is not None and self._pool is not None:
                self._pool.release(slot)

    def __enter__(self) -> StudentProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def output(self) -> str:
        """The student's captured stdout/stderr of all workers so far, capped."""
        parts = [*self._outputs]
        if self._worker is not None:
            parts.append(self._worker.captured_output())
        text = "".join(parts)
        cap = self._limits.output_kb * 1024
        if len(text) > cap:
            text = text[:cap] + "\n[... output truncated]\n"
        return text

    def _remaining(self) -> float:
        assert self._budget_end is not None
        return self._budget_end - time.monotonic()

    def _budget_spent(self) -> StudentTimeout:
        self._exhausted = True
        self._stop()
        return StudentTimeout(
            f"the time budget of {self._limits.submission_timeout:g} s for your whole "
            "submission is used up; the remaining calls were not run")

    def _ready(self) -> WorkerProcess:
        if self._budget_end is None:
            result = self.start()
            if result.status != "ok":
                raise WorkerCrashed(f"your code could not be loaded: {result.message}")
        if self._exhausted or self._remaining() <= 0:
            raise self._budget_spent()
        if self._worker is None:
            self.restarts += 1
            result = self.start()
            if result.status == "timeout":
                raise self._budget_spent() if self._remaining() <= 0 else StudentTimeout(
                    f"restarting your code failed: {result.message}")
            if result.status != "ok":
                raise WorkerCrashed(f"restarting your code failed: {result.message}")
        assert self._worker is not None
        return self._worker

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
        cpu_limit = self.cpu_limit()
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
                worker.send({"op": "call", "name": name, "args": args, "kwargs": kwargs,
                             "keep": keep}, deadline, register, handle_number(worker))
            except StaleHandle as exc:
                raise BadValue(str(exc)) from None
            except CodecError as exc:  # the test passed something that cannot cross
                raise TypeError(f"student.{name}: an argument cannot be sent to the worker: "
                                f"{exc}") from None
            cpu = _CpuClock(worker, cpu_limit) if cpu_limit is not None and \
                cpu_limit < timeout else None
            while True:
                reply = worker.receive(deadline) if cpu is None else cpu.receive(deadline)
                if type(reply) is not dict:
                    raise CodecError("a reply that is not a message")
                if reply.get("op") != "callback":
                    break
                self._serve_callback(worker, reply, lookup, deadline)
        except ChannelTimeout:
            self._stop()
            self.timeouts += 1
            if self._remaining() <= 0:
                raise self._budget_spent() from None
            self._timed_out[name] = f"{timeout:g} s"
            raise StudentTimeout(f"{name}() did not finish within {timeout:g} s "
                                 "(an endless loop? far too slow?)") from None
        except _CpuExceeded as exc:
            self._stop()
            self.timeouts += 1
            self._timed_out[name] = f"{exc.limit:.3g} s of CPU time"
            raise StudentTimeout(self._cpu_message(name, exc)) from None
        except ChannelClosed as exc:
            self._stop()
            raise WorkerCrashed(f"{name}() crashed the worker: {exc}") from None
        except (CodecError, BadValue) as exc:
            self._stop()
            raise BadValue(f"{name}() returned something that cannot be graded: {exc}") from None
        finally:
            worker.reader.make_callback = outer_lookup
            worker.reader.make_handle = outer_handles
        return self._result(name, reply)

    def cpu_limit(self) -> float | None:
        """CPU seconds the next call may use (None: no CPU limit); see the module docstring."""
        return cpu_allowed(self._limits, self.reference_seconds, after_timeout=self.timeouts > 0)

    def _cpu_message(self, name: str, exc: _CpuExceeded) -> str:
        """The same words for every run where the floor decides (no measured times in it)."""
        limits, reference = self._limits, self.reference_seconds or 0.0
        if limits.cpu_factor * reference >= exc.limit:
            why = (f"{limits.cpu_factor:g}× the reference solution's {_duration(reference)} "
                   "for this test")
        else:
            after = " after an earlier timeout" if self.timeouts > 1 else ""
            why = (f"{limits.cpu_factor:g}× the reference solution's time for this test, and "
                   f"at least {exc.limit:.3g} s{after}")
        return (f"{name}() used more than {exc.limit:.3g} s of CPU time without finishing "
                f"(an endless loop? far too slow?). The limit is {why}.")

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



