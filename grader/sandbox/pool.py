"""Warm workers: one long-lived sandbox per job slot, a fresh forked process per submission.

A slot is one bubblewrap sandbox (the same flags, read-only view and cgroup limits as a
single-use worker, see grader.sandbox.process) whose process is a zygote
(grader.sandbox.inside.zygote.Zygote): it has
imported numpy, and torch once the first submission in the slot needs it (one thread, no torch
op run before a fork). For each submission it forks a child that loads the student's cells and
serves calls exactly like a single-use worker (same protocol, codec and per-submission limits).
Nothing survives from one submission to the next:

- the zygote never runs student code, is not dumpable (no ptrace, no /proc/<pid>/mem or fd by a
  child of the same uid), and its children keep only their own channel;
- each child gets a private empty /tmp and /dev/shm and its own SysV IPC (new user+mount+ipc
  namespace, all capabilities dropped afterwards); where the kernel refuses, a fresh folder, and
  the zygote empties /tmp and /dev/shm after the submission;
- after each submission every process in the sandbox but the zygote is killed (a setsid daemon
  too), found through the sandbox's own /proc;
- a zygote that died or misbehaved ends its sandbox; the slot starts a new one, and when that
  fails too the submission runs in a single-use sandbox.

Results say "+warm" in their isolation level. `NN_GRADER_POOL=off` (or `warm_pool(..., enabled=
False)`) keeps the single-use sandboxes; the fallback without bubblewrap never pools.
"""

from __future__ import annotations

import contextlib
import os
import queue
import select
import signal
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from grader.config import Limits
from grader.sandbox.cgroups import peak_rss_kb
from grader.sandbox.inside.codec import CodecError
from grader.sandbox.isolation import IsolationRefused, choose_mode
from grader.sandbox.process import (
    STARTUP_TIMEOUT,
    WORKER_LIMITS,
    ChannelClosed,
    ChannelTimeout,
    WorkerProcess,
)

__all__ = ["PooledWorker", "Slot", "WarmPool", "active_pool", "pool_enabled", "warm_pool"]

CONTROL_TIMEOUT = 5.0
"""Seconds the zygote may take to fork or clean up before the slot is declared broken."""
SANDBOX_FIELDS = ("memory_mb", "file_size_mb", "processes")
"""Limits fixed when a slot's sandbox starts (its cgroup and /tmp size); the others are set
per child."""


class SlotBroken(Exception):
    """The zygote died, desynchronised or could not clean up: the slot needs a new sandbox."""


def pool_enabled(enabled: bool | None = None) -> bool:
    """Whether to pool: the parameter if given, else NN_GRADER_POOL (on unless 'off'/'0')."""
    if enabled is not None:
        return enabled
    return os.environ.get("NN_GRADER_POOL", "on").strip().lower() not in ("off", "0", "no")


class Slot:
    """One long-lived sandbox hosting a zygote; serves one submission at a time."""

    def __init__(self, limits: Limits, *, torch: bool = False) -> None:
        self.limits = limits
        self.want_torch = torch
        self.sandbox: WorkerProcess | None = None
        self.torch = False
        self.starts = 0
        self.forks = 0

    # -- the sandbox ---------------------------------------------------------------------------
    def _sandbox(self) -> WorkerProcess:
        if self.sandbox is None:
            sandbox = WorkerProcess(self.limits, torch=self.want_torch, mode="bubblewrap",
                                    zygote=True)
            self.sandbox = sandbox
            self.starts += 1
            try:
                sandbox.wait_ready()
            except (ChannelTimeout, ChannelClosed, CodecError) as exc:
                self.teardown()
                raise SlotBroken(f"the zygote did not start: {exc}") from exc
            self.torch = self.want_torch
        return self.sandbox

    def teardown(self) -> None:
        """End the sandbox and everything in it (the next fork starts a new one)."""
        sandbox, self.sandbox = self.sandbox, None
        self.torch = False
        if sandbox is not None:
            sandbox.close(graceful=False)

    def _request(self, message: dict[str, Any], answer: str, timeout: float) -> dict[str, Any]:
        sandbox = self._sandbox()
        if sandbox.cgroup is not None:  # a student may have stopped the zygote (SIGSTOP)
            for pid in sandbox.cgroup.pids():
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGCONT)
        deadline = time.monotonic() + timeout
        try:
            sandbox.send(message, deadline)
            while True:
                reply = sandbox.receive(deadline)
                if type(reply) is not dict:
                    raise CodecError("not a message")
                if reply.get("op") == answer:
                    return reply
                if reply.get("op") != "exited":  # a late exit report of an earlier child
                    raise CodecError(f"unexpected {reply.get('op')!r}")
        except (ChannelTimeout, ChannelClosed, CodecError) as exc:
            self.teardown()
            raise SlotBroken(f"the zygote failed at {message['op']}: {exc or 'timed out'}") \
                from exc

    def fork(self, limits: Limits, *, torch: bool) -> PooledWorker:
        """A fresh child for one submission (SlotBroken if the zygote fails)."""
        if torch and not self.torch:
            if not self._request({"op": "torch"}, "torch", STARTUP_TIMEOUT).get("ok"):
                self.want_torch = False  # not installed: like the single-use worker, go on
            self.torch = True
        sandbox = self._sandbox()
        assert sandbox.control is not None
        worker = PooledWorker(self, limits)
        try:
            socket.send_fds(sandbox.control, [b"f"], list(worker.child_fds))
        except OSError as exc:
            worker.discard()
            self.teardown()
            raise SlotBroken(f"the zygote's socket failed: {exc}") from exc
        try:
            reply = self._request({"op": "fork", "limits": worker.child_limits}, "forked",
                                  CONTROL_TIMEOUT)
        finally:
            worker.release_child_fds()
        pid = reply.get("pid")
        if type(pid) is not int or pid <= 1:
            worker.discard()
            self.teardown()
            raise SlotBroken("the zygote sent a malformed fork reply")
        worker.pid = pid
        self.forks += 1
        return worker

    def clean(self) -> dict[str, Any]:
        """Kill the child and every other process in the sandbox but the zygote; the child's
        exit code and peak memory if the zygote knows them. SlotBroken if it cannot."""
        reply = self._request({"op": "clean"}, "cleaned", CONTROL_TIMEOUT)
        if reply.get("ok") is not True:
            self.teardown()
            raise SlotBroken("a process in the sandbox would not die")
        return reply

    def exit_report(self, pid: int) -> dict[str, Any] | None:
        """The zygote's report that child `pid` exited, if it has arrived (no waiting).
        {'code': -9} when the zygote itself is gone."""
        sandbox = self.sandbox
        if sandbox is None:
            return {"code": -9}

        def find() -> dict[str, Any] | None:
            for message in sandbox.pending:
                if type(message) is dict and message.get("op") == "exited" and \
                        message.get("pid") == pid:
                    return message
            return None

        if (found := find()) is not None:
            return found
        poller = select.poll()  # without waiting: this runs before every write to the child
        poller.register(sandbox.from_r, select.POLLIN)
        if poller.poll(0):
            try:
                sandbox._read_replies()
            except (ChannelClosed, CodecError):
                return {"code": -9}
        return find()


class PooledWorker(WorkerProcess):
    """A submission's process forked by a slot's zygote: a WorkerProcess to the proxy (same
    channel, output capture and deadlines); closing it makes the zygote kill everything the
    submission started."""

    def __init__(self, slot: Slot, limits: Limits) -> None:  # no super(): nothing to spawn
        self._init_state(limits, "bubblewrap")
        self.slot = slot
        self.cgroup = None
        sandbox = slot.sandbox
        assert sandbox is not None
        self.isolation = f"{sandbox.isolation}+warm"
        self.child_limits = {k: int(getattr(limits, k)) for k in WORKER_LIMITS}
        self.pid = 0
        self.child_fds: tuple[int, ...] = self._make_pipes()
        self._parent_ends_nonblocking()
        self.started = time.monotonic()

    def release_child_fds(self) -> None:
        """Close our copies of the child's ends (the zygote has its own now)."""
        for fd in self.child_fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self.child_fds = ()

    def discard(self) -> None:
        self.release_child_fds()
        self.closed = True
        for fd in (self.to_w, self.from_r, self.out_r):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _exited(self) -> bool:
        if self.exit_code is not None:
            return True
        report = self.slot.exit_report(self.pid)
        if report is None:
            return False
        code = report.get("code")
        self.exit_code = code if type(code) is int else -9
        maxrss = report.get("maxrss")
        if type(maxrss) is int:
            self.peak_memory_kb = max(self.peak_memory_kb, maxrss)
        return True

    def _reap(self, *, block: bool) -> bool:
        return self._exited()

    def cpu_seconds(self) -> float | None:
        """The slot sandbox's CPU account: the zygote is idle while its child runs."""
        sandbox = self.slot.sandbox
        return None if self.closed or sandbox is None else sandbox.cpu_seconds()

    def close(self, *, graceful: bool = True) -> None:
        """End the child and everything the submission started. Idempotent."""
        if self.closed:
            return
        self.closed = True
        sandbox = self.slot.sandbox
        if sandbox is not None and sandbox.cgroup is not None:
            self.peak_memory_kb = max(self.peak_memory_kb, peak_rss_kb(
                [p for p in sandbox.cgroup.pids() if p != sandbox.process.pid]))
        if graceful and not self._exited():
            with contextlib.suppress(OSError):
                os.close(self.to_w)
            self.to_w = -1
            end = time.monotonic() + 1.0
            while time.monotonic() < end and not self._exited():
                time.sleep(0.005)
        try:
            report = self.slot.clean()
        except SlotBroken:
            report = {}
        maxrss = report.get("maxrss")
        if type(maxrss) is int:
            self.peak_memory_kb = max(self.peak_memory_kb, maxrss)
        if self.exit_code is None:
            code = report.get("code")
            self.exit_code = code if type(code) is int else -9
        self.returncode = self.exit_code
        self._drain_output()
        for fd in (self.to_w, self.from_r, self.out_r):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            if not self.closed:
                self.discard()


class WarmPool:
    """`slots` warm sandboxes for submissions with these limits; thread-safe. A submission holds
    one slot from its first worker to its proxy's close()."""

    def __init__(self, limits: Limits, slots: int, *, torch: bool = False) -> None:
        self.limits = limits
        self.free: queue.LifoQueue[Slot] = queue.LifoQueue()
        self.all = [Slot(limits, torch=torch) for _ in range(max(1, slots))]
        for slot in self.all:
            self.free.put(slot)
        self.fallbacks = 0
        """Workers that ran single-use because a slot could not fork."""
        self._lock = threading.Lock()

    def accepts(self, limits: Limits) -> bool:
        """Whether a submission with `limits` fits this pool's sandboxes."""
        return all(getattr(limits, k) == getattr(self.limits, k) for k in SANDBOX_FIELDS)

    def acquire(self) -> Slot:
        return self.free.get()

    def release(self, slot: Slot) -> None:
        self.free.put(slot)

    def worker(self, slot: Slot, limits: Limits, *, torch: bool) -> WorkerProcess:
        """A fresh worker for one submission from `slot`: forked by its zygote, by a new zygote
        if that one is broken, else a single-use sandbox."""
        for _attempt in range(2):
            try:
                return slot.fork(limits, torch=torch)
            except SlotBroken:
                slot.teardown()
        with self._lock:
            self.fallbacks += 1
        return WorkerProcess(limits, torch=torch, mode="bubblewrap")

    def close(self) -> None:
        for slot in self.all:
            slot.teardown()


_active: WarmPool | None = None
_active_lock = threading.Lock()


def active_pool() -> WarmPool | None:
    """The pool of the enclosing `warm_pool` block, if any (StudentProxy uses it)."""
    return _active


@contextlib.contextmanager
def warm_pool(limits: Limits, slots: int, *, torch: bool = False, mode: str | None = None,
              enabled: bool | None = None) -> Iterator[WarmPool | None]:
    """Grade with warm sandboxes inside this block: every StudentProxy started in it (from any
    thread) takes a slot. Yields None (single-use sandboxes) when pooling is off, when the
    isolation level is not bubblewrap, or when another block is already active."""
    global _active
    try:
        level = choose_mode(mode) if pool_enabled(enabled) else None
    except IsolationRefused:  # the batch's runner decides (and refuses) on its own
        level = None
    if level != "bubblewrap":
        yield None
        return
    with _active_lock:
        if _active is not None:
            nested = True
        else:
            nested = False
            pool = WarmPool(limits, slots, torch=torch)
            _active = pool
    if nested:
        yield None
        return
    try:
        yield pool
    finally:
        with _active_lock:
            _active = None
        pool.close()
