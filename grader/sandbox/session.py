"""One submission's workers over time: start, load, restart after a timeout or a crash,
stop; the wall-clock budget, the CPU account and the captured output (grader.sandbox.proxy's
StudentProxy makes the calls). After a timeout or a crash the worker is gone; the next call
starts a fresh one and loads the submission again, as long as the budget lasts. Once it is
spent, every call raises StudentTimeout at once.
"""

from __future__ import annotations

import re
import time

from grader.config import Assignment
from grader.errors import BadValue, StudentTimeout, WorkerCrashed
from grader.models import Submission
from grader.sandbox.cpu import CpuAccount, _CpuExceeded
from grader.sandbox.inside.codec import CodecError
from grader.sandbox.loading import (
    LoadResult,
    cpu_spent,
    load_clock,
    load_deadline,
    load_request,
    load_timeout,
    read_loaded,
    startup_failure,
)
from grader.sandbox.pipes import start_worker
from grader.sandbox.pool import PooledWorker, Slot, WarmPool, active_pool
from grader.sandbox.process import ChannelClosed, ChannelTimeout, WorkerProcess

_IMPORTS_TORCH = re.compile(r"^\s*(import\s+torch|from\s+torch[\s.])", re.MULTILINE)


class WorkerSession:
    """The worker side of a StudentProxy: one submission, a worker at a time."""

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
        self._fresh = False
        """The worker was stopped for a fresh start (fresh_start): not a restart to report."""
        self._pool = pool
        """Warm sandboxes to fork workers from (default: grader.sandbox.pool.active_pool())."""
        self._slot: Slot | None = None
        self._cpu = CpuAccount(self._limits)
        self.cpu_seconds = 0.0
        """CPU seconds the submission's workers used, loads included (the sandbox's account,
        from each worker's "ready" to its end; 0 where it cannot be read)."""
        self._cpu_base: float | None = None

    @property
    def timeouts(self) -> int:
        """Calls of this submission stopped so far (wall-clock or CPU limit)."""
        return self._cpu.timeouts

    # -- worker lifecycle --------------------------------------------------------------------
    @property
    def load_timeout(self) -> float:
        """Seconds the submission's top-level code may take to load (all cells)."""
        return load_timeout(self._limits, self.call_timeout)

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
                                  f"{startup_failure(self._outputs)}", ())
        self.startup_seconds.append(startup)
        self._budget_end += startup  # starting python (and torch) is not the student's time
        self._cpu.fresh_worker()
        self._cpu_base = worker.cpu_seconds()
        return self._load(worker)

    def _load(self, worker: WorkerProcess) -> LoadResult:
        assert self._budget_end is not None
        limits, submission = self._limits, self._submission
        try:
            # The worker stops long top-level code itself (per cell, all cells within
            # load_timeout and load_cpu_seconds); the hard limits add slack per cell.
            deadline = min(load_deadline(limits, submission, self.call_timeout),
                           self._budget_end)
            worker.send(load_request(self._assignment, submission, self.call_timeout), deadline)
            clock = load_clock(worker, limits, submission)
            result = read_loaded(worker.receive(deadline) if clock is None
                                 else clock.receive(deadline))
        except _CpuExceeded:
            self._stop()
            return cpu_spent(limits, submission)
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
        base, self._cpu_base = self._cpu_base, None
        used = worker.cpu_seconds() if base is not None else None
        if used is not None and base is not None:
            self.cpu_seconds += max(0.0, used - base)
        worker.close(graceful=graceful)
        self.peak_memory_kb = max(self.peak_memory_kb, worker.peak_memory_kb)
        text = worker.captured_output()
        if text:
            self._outputs.append(text)

    @property
    def source(self) -> str:
        """The submission's code (its cells joined), as handed in: text to read, never run
        here."""
        return "\n\n".join(self._submission.cells)

    def fresh_start(self) -> bool:
        """Stop the worker, so that the next call runs in a fresh one: the submission loaded
        anew, nothing of its earlier calls kept (a diagnosis's probe: grader.run.state). Not
        counted as a restart after a timeout or crash. False (nothing done) when there is no
        worker or the time budget is spent."""
        if self._worker is None or self._exhausted or self._remaining() <= 0:
            return False
        self._stop(graceful=True)
        self._fresh = True
        return True

    def close(self) -> None:
        """End the worker and everything it started (and give back the warm slot)."""
        try:
            self._stop(graceful=True)
        finally:
            slot, self._slot = self._slot, None
            if slot is not None and self._pool is not None:
                self._pool.release(slot)

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
            if not self._fresh:  # a fresh start asked for is no restart after a failure
                self.restarts += 1
            self._fresh = False
            result = self.start()
            if result.status == "timeout":
                raise self._budget_spent() if self._remaining() <= 0 else StudentTimeout(
                    f"restarting your code failed: {result.message}")
            if result.status != "ok":
                raise WorkerCrashed(f"restarting your code failed: {result.message}")
        assert self._worker is not None
        return self._worker
