"""CPU limits per call: the formula (calibrated reference time x factor, with a floor) and
the clock that measures a call's CPU time in the worker."""

from __future__ import annotations

import time
from typing import Any

from grader.config import Limits
from grader.sandbox.process import ChannelTimeout, WorkerProcess


def cpu_allowed(limits: Limits, reference_seconds: float | None, *,
                after_timeout: bool = False) -> float | None:
    """The CPU seconds a call may use when the reference's longest call in its test took
    `reference_seconds`: `cpu_factor` times that, at least `min_cpu_seconds` (or
    `min_cpu_seconds_after_timeout` once a call of the submission timed out). None: no CPU
    limit (not measured, or turned off); the wall-clock limit then applies alone."""
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
    """A call used its CPU limit (`limit` seconds)."""

    def __init__(self, limit: float) -> None:
        super().__init__(limit)
        self.limit = limit


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.2g} ms" if seconds < 1 else f"{seconds:.3g} s"


class _CpuClock:
    """Waits for a call's reply while watching the sandbox's CPU time (`cpu_limit` seconds).

    Nothing is measured for a call that replies within CPU_GRACE; after that, the sandbox's
    CPU time is read once, and again only when the call could have used up its limit (CPU time
    cannot grow faster than wall-clock time per thread). Where the CPU time cannot be read,
    only the wall-clock deadline applies."""

    def __init__(self, worker: WorkerProcess, cpu_limit: float) -> None:
        self.worker = worker
        self.limit = cpu_limit
        grace = min(CPU_GRACE, cpu_limit)
        self.budget = cpu_limit - grace
        """CPU seconds counted from the first reading, `grace` into the call."""
        self.check_at = time.monotonic() + grace
        self.base: float | None = None
        self.unmeasured = False

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
            used = 0.0
        else:
            used = now - self.base
        if used >= self.budget:
            raise _CpuExceeded(self.limit)
        self.check_at = time.monotonic() + max(0.005, self.budget - used)
