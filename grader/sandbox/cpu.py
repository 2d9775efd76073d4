"""CPU limits per call: the formula (calibrated reference time x factor, with a floor), the
clock that measures a call's CPU time in the worker, and a submission's account across its
calls (the allowance for one-time costs, and what its timeouts change).

The rule (docs/authoring.md §8): a call may use L = max(min_cpu_seconds, cpu_factor x the
reference's longest call in its test) CPU seconds of the sandbox. Each fresh worker process
also has `cpu_allowance` seconds for one-time costs: the call that reaches L goes on while
the allowance lasts, and once a call has drawn on it the worker's later calls have none. A
worker restarted after a timeout pays one-time costs again, so it gets the allowance afresh.
A first timeout lowers nothing (it may have been a one-time cost larger than the allowance);
from the second timeout on, the floor is `min_cpu_seconds_after_timeout` and restarted workers
get no allowance. An endless loop in every function then costs about 2 (L + allowance) and
the low floor per further function, not L per test.
"""

from __future__ import annotations

import time
from typing import Any

from grader.config import Limits
from grader.sandbox.process import ChannelTimeout, WorkerProcess

LOWERED_AFTER = 2
"""Timeouts of a submission after which its floor is min_cpu_seconds_after_timeout."""


def cpu_allowed(limits: Limits, reference_seconds: float | None, *,
                after_timeout: bool = False) -> float | None:
    """The CPU seconds a call may use when the reference's longest call in its test took
    `reference_seconds`: `cpu_factor` times that, at least `min_cpu_seconds` (or
    `min_cpu_seconds_after_timeout` with `after_timeout`: the submission's second timeout has
    happened). None: no CPU limit (not measured, or turned off); the wall-clock limit then
    applies alone."""
    if reference_seconds is None or limits.cpu_factor <= 0 or limits.min_cpu_seconds <= 0:
        return None
    floor = limits.min_cpu_seconds
    if after_timeout:
        floor = min(floor, limits.min_cpu_seconds_after_timeout)
    return max(floor, limits.cpu_factor * reference_seconds)


def floor_decides(limits: Limits, reference_seconds: float) -> bool:
    """Whether `min_cpu_seconds`, not the measured time, sets the limit (before a timeout)."""
    return limits.cpu_factor * reference_seconds <= limits.min_cpu_seconds


CPU_GRACE = 0.02
"""Wall-clock seconds a call runs before its CPU time is first measured; the CPU it used in
that time is not counted (in the student's favour)."""


class _CpuExceeded(Exception):
    """A call used its CPU limit (`limit` seconds, the allowance it drew on included)."""

    def __init__(self, limit: float) -> None:
        super().__init__(limit)
        self.limit = limit


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.2g} ms" if seconds < 1 else f"{seconds:.3g} s"


class _CpuClock:
    """Waits for a reply while watching the sandbox's CPU time: `cpu_limit` seconds, then
    `allowance` more (over_limit tells whether the call got past `cpu_limit`).

    Nothing is measured for a call that replies within CPU_GRACE; after that, the sandbox's
    CPU time is read once, and again only when the call could have reached the next mark
    (CPU time cannot grow faster than wall-clock time per thread). Where the CPU time cannot
    be read, only the wall-clock deadline applies."""

    def __init__(self, worker: WorkerProcess, cpu_limit: float, allowance: float = 0.0) -> None:
        self.worker = worker
        self.limit = cpu_limit
        self.allowance = max(0.0, allowance)
        self.grace = min(CPU_GRACE, cpu_limit)
        """CPU seconds counted as used at the first reading, `grace` into the call."""
        self.check_at = time.monotonic() + self.grace
        self.base: float | None = None
        self.unmeasured = False
        self.over_limit = False
        """The call used more than `cpu_limit`: it drew on the allowance."""
        self.used = 0.0
        """CPU seconds at the last reading, from the first one (plus `grace`)."""

    def receive(self, deadline: float) -> Any:
        while True:
            if self.unmeasured:
                return self.worker.receive(deadline)
            try:
                return self.worker.receive(min(deadline, self.check_at))
            except ChannelTimeout:
                if time.monotonic() >= deadline:
                    raise
            self._check()

    def _check(self) -> None:
        now = self.worker.cpu_seconds()
        if now is None:
            self.unmeasured = True
            return
        if self.base is None:  # the first reading, CPU_GRACE into the call
            self.base = now
        self.used = now - self.base + self.grace
        if self.used >= self.limit:
            self.over_limit = True
        if self.used >= self.limit + self.allowance:
            raise _CpuExceeded(self.limit + self.allowance)
        mark = self.limit + self.allowance if self.over_limit else self.limit
        self.check_at = time.monotonic() + max(0.005, mark - self.used)


class CpuAccount:
    """One submission's CPU limits across its calls and workers (the module docstring)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.timeouts = 0
        """Calls of this submission stopped so far (wall-clock or CPU limit)."""
        self.allowance = limits.cpu_allowance
        """What the current worker may still use beyond its calls' limits."""

    def fresh_worker(self) -> None:
        """A new worker process: one-time costs are due again."""
        self.allowance = self.limits.cpu_allowance if self.timeouts < LOWERED_AFTER else 0.0

    def limit(self, reference_seconds: float | None) -> float | None:
        """CPU seconds the next call may use (None: no CPU limit), the allowance aside."""
        return cpu_allowed(self.limits, reference_seconds,
                           after_timeout=self.timeouts >= LOWERED_AFTER)

    def clock(self, worker: WorkerProcess, reference_seconds: float | None,
              timeout: float) -> _CpuClock | None:
        """The clock for one call with `timeout` wall-clock seconds (None: the wall-clock
        limit alone, which is then the lower one)."""
        limit = self.limit(reference_seconds)
        if limit is None or limit >= timeout:
            return None
        return _CpuClock(worker, limit, self.allowance)

    def returned(self, clock: _CpuClock | None) -> None:
        """A call came back: if it drew on the allowance, the worker has none left."""
        if clock is not None and clock.over_limit:
            self.allowance = 0.0

    def stopped(self) -> None:
        """A call was stopped: its worker is gone, the next one starts afresh."""
        self.timeouts += 1
        self.fresh_worker()

    def message(self, name: str, exc: _CpuExceeded, reference_seconds: float | None) -> str:
        """The same words for every run where the floor decides (no measured times in it).
        Called after `stopped`, so the limit that applied is the one before that timeout."""
        limits, reference = self.limits, reference_seconds or 0.0
        lowered = self.timeouts - 1 >= LOWERED_AFTER
        limit = cpu_allowed(limits, reference, after_timeout=lowered) or exc.limit
        if limits.cpu_factor * reference >= limit:
            why = (f"{limits.cpu_factor:g}× the reference solution's {_duration(reference)} "
                   "for this test")
        else:
            after = " after earlier timeouts" if lowered else ""
            why = (f"{limits.cpu_factor:g}× the reference solution's time for this test, and "
                   f"at least {limit:.3g} s{after}")
        extra = exc.limit - limit
        once = (f", plus {extra:.3g} s for one-time costs (a first import, a cache)"
                if extra > 1e-9 else "")
        return (f"{name}() used more than {exc.limit:.3g} s of CPU time without finishing "
                f"(an endless loop? far too slow?). The limit is {why}{once}.")
