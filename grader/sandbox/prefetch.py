"""A report picture's calls into the student's code in one message (issue 16: diagnosis cost).

Through the proxy a picture costs one round trip per call into the student's code (an
optimizer's path of 25 steps: 25). `prefetch` sends the picture's function (plots.py source,
trusted instructor code with public inputs only) to the worker, which runs it with the
student's module and a `ref` that has no values (grader.sandbox.inside.figure), and records
what each call did while the replies stream back. `Replay` is then the `impl` the trusted side
runs the same function with, with the real reference: a call gets its recorded reply only when
it is the next recorded one with the same name and the same arguments (the sha256 of the same
codec frame); at the first call that differs, and after the last recorded one, it calls the
student's code through the proxy as before. So a picture is what the call-by-call run would
draw, and where the sandbox's run could not go on (a value from `ref` fed to the student's
code, a raised exception, a handle) the rest is call by call.

Limits are the calls' own: each recorded call has the per-call deadline and the CPU clock of
a proxy call (grader.sandbox.cpu), started when the worker says the call starts; a call that
is stopped (timeout, CPU, crash, a value that cannot cross) is recorded with the exception the
proxy would raise (StudentProxy._failure), and the function is marked as timed out when the
replay reaches it, as a proxy call marks it. A function that timed out earlier is not run.

What the worker's run cannot promise: student code that changes what the figure's own code
computes there (patching numpy) makes the runs differ at some call; the rest then goes call by
call, on a worker where the student's later calls have already run once (state kept in its
globals sees them). A figure whose run with the reference moves numpy's or `random`'s global
generator is not prefetched (grader.run.figures): in the worker its own draws would move the
student's. A recorded reply has the value only (a Call with no arguments after the call):
figures use values (`impl.f(...)`).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any

from grader.models import Call
from grader.sandbox.calls import ByName, Handle
from grader.sandbox.inside import codec
from grader.sandbox.process import ChannelClosed, ChannelTimeout
from grader.sandbox.proxy import STOPS, StudentProxy


@dataclass(frozen=True)
class Recorded:
    """One call the worker made: its reply, or the exception the proxy would have raised (and
    the limit it hit, for StudentProxy's timed-out functions)."""

    name: str
    key: str
    reply: dict[str, Any] | None
    error: Exception | None = None
    limit: str | None = None


def key(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """What a call is matched on (the worker computes the same: grader.sandbox.inside.figure);
    None when its arguments are no plain data."""
    try:
        frame = codec.encode({"name": name, "args": args, "kwargs": kwargs})
    except codec.CodecError:
        return None
    return hashlib.sha256(frame).hexdigest()


def prefetch(proxy: StudentProxy, source: str, figure: str, max_calls: int) -> list[Recorded]:
    """The calls of plots.py's `figure` (in `source`) the worker made, at most `max_calls`;
    none when the worker is not running (after a timeout or a crash: the replay then calls as
    before, and restarts it as a call does)."""
    worker = proxy._worker
    if worker is None or proxy._exhausted or proxy._remaining() <= 0:
        return []
    records: list[Recorded] = []
    made: list[Handle] = []

    def make_handle(ident: int, kind: str) -> Handle:
        made.append(Handle(ident, kind, worker, ""))
        return made[-1]

    def deadline() -> tuple[float, float]:
        timeout = min(proxy.call_timeout, proxy._remaining())
        return timeout, time.monotonic() + timeout

    saved, worker.reader.make_handle = worker.reader.make_handle, make_handle
    try:
        timeout, until = deadline()
        worker.send({"op": "figure", "source": source, "name": figure,
                     "skip": sorted(proxy._timed_out), "max_calls": max_calls}, until)
        while len(records) <= max_calls:
            message = worker.receive(until)  # the figure's own code between two calls
            if type(message) is dict and message.get("op") == "figure_done":
                return records
            name, digest = _announced(message)
            timeout, until = deadline()
            cpu = proxy._cpu.clock(worker, proxy.reference_seconds, timeout)
            try:
                reply = worker.receive(until) if cpu is None else cpu.receive(until)
                if (type(reply) is not dict or reply.get("op") != "figure_return"
                        or type(reply.get("reply")) is not dict):
                    raise codec.CodecError("a reply that is not a message")
                proxy._cpu.returned(cpu)
            except STOPS as exc:
                error, limit = proxy._failure(name, timeout, exc)
                records.append(Recorded(name, digest, None, error, limit))
                return records
            for handle in made:
                handle.function = name
            made.clear()
            records.append(Recorded(name, digest, reply["reply"]))
            timeout, until = deadline()
    except (ChannelTimeout, ChannelClosed, codec.CodecError):
        pass  # the worker stopped between calls, or said something else: stopped below
    finally:
        worker.reader.make_handle = saved
    proxy._stop()  # out of step with the figure: the next call starts a fresh worker
    proxy._cpu.fresh_worker()
    return records


def _announced(message: Any) -> tuple[str, str]:
    """(name, key) of a figure_call message; CodecError for anything else."""
    if type(message) is not dict or message.get("op") != "figure_call":
        raise codec.CodecError("not a figure message")
    name, digest = message.get("name"), message.get("key")
    if type(name) is not str or type(digest) is not str:
        raise codec.CodecError("a malformed figure message")
    return name, digest


class Replay(ByName):
    """The student's module for the trusted side's run of a prefetched figure."""

    def __init__(self, proxy: StudentProxy, records: list[Recorded]) -> None:
        self._proxy = proxy
        self._records = records
        self._next = 0
        self.replayed = 0
        """Calls answered from the records (the rest went through the proxy)."""

    def call(self, name: str, /, *args: Any, **kwargs: Any) -> Call:
        if self._next < len(self._records):
            record = self._records[self._next]
            if record.name == name and record.key == key(name, args, kwargs):
                self._next += 1
                self.replayed += 1
                if record.error is not None:
                    if record.limit is not None:
                        self._proxy._timed_out[name] = record.limit
                    raise record.error
                assert record.reply is not None
                return self._proxy._result(name, record.reply)
            self._records = []  # the runs differ from here: call by call
        return self._proxy.call(name, *args, **kwargs)
