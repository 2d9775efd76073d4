"""Where a batch's submissions run: a local thread pool, or a Dask distributed cluster.

Both executors take the same small `BatchJob` from grader.batch.driver and yield each entry's
outcome
as soon as it is ready, so the batch driver scores and commits it to the gradebook at once
(a killed run resumes). The job has three steps: `prepare` (collect the entry and look it up in
the gradebook; this reads the instructor's files, so it always runs here), the run itself
(`run_submission`), and `finish` (list every test, make the strings storable). Anything that
goes wrong for one entry becomes that entry's result through `crash`; the batch goes on.

- `LocalExecutor(jobs, run)`: all three steps in `jobs` threads of this process; each
  submission still runs in its own sandboxed worker process.
- `DaskExecutor(assignment, scheduler, jobs, runner)`: `prepare` and `finish` here, the run on
  a Dask worker. `scheduler` is a `tcp://HOST:PORT` address, or None / "local" for a
  LocalCluster of `jobs` single-threaded worker processes on 127.0.0.1 without a dashboard.
  What travels: the Assignment (trusted settings), the submission as a plain dict (code cells
  and metadata), and back the RunResult as a plain dict (grader.store.records: to_data and
  from_data; built by the trusted Dask worker; no object derived from student code is ever pickled).
  Workers need only the installed package. A bundled assignment resolves on every worker by
  name. Any other assignment folder is shipped once per batch (its files as bytes, broadcast
  through the scheduler) and written on each worker into a private (0700) temporary folder; its
  reference must then be a solution file in the folder or a module importable on the workers.
  On the worker the tests and the reference are loaded once per batch and process, and the
  reference is memoized (grader.run.refcache).
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, cast

from grader.config import Assignment
from grader.models import RunResult, Submission
from grader.paths import assignments_dir
from grader.run import replaytable
from grader.run.refcache import CachedReference
from grader.run.reference import load_reference, load_tests
from grader.sandbox.isolation import choose
from grader.sandbox.pool import warm_pool
from grader.store.records import from_data, to_data

Outcome = tuple[RunResult, bool]
"""A finished entry: its RunResult and whether it was run now (False: reused, unchanged)."""
Runner = Callable[..., RunResult]
DEFAULT_RUNNER = "grader.run.runner:run_submission"
CONNECT_TIMEOUT = 5.0
"""Seconds to wait for a Dask scheduler before giving up with a message."""


LOCAL_CLUSTER: dict[str, Any] = {
    "processes": True, "threads_per_worker": 1, "host": "127.0.0.1", "memory_limit": 0,
    "dashboard_address": "127.0.0.1:0", "scheduler_kwargs": {"dashboard": False},
}
"""The LocalCluster settings: single-threaded worker processes on this machine only, no
dashboard (its HTTP server takes a free port on 127.0.0.1 instead of 8787), no memory limit
(the sandbox limits each submission)."""


class ExecutorError(Exception):
    """The executor cannot start (e.g. the Dask scheduler is unreachable); names the fix."""


@dataclass(frozen=True)
class Pending:
    """An entry collected and due for a run."""

    student: str
    entry: Path
    submission: Submission
    notes: list[str] = field(default_factory=list)


class BatchJob(Protocol):
    """The batch driver's steps for one entry (grader.batch.driver)."""

    def prepare(self, student: str, entry: Path) -> Outcome | Pending: ...

    def finish(self, pending: Pending, result: RunResult) -> Outcome: ...

    def crash(self, student: str, entry: Path, exc: BaseException) -> Outcome: ...


class Executor(Protocol):
    def results(self, entries: list[tuple[str, Path]],
                job: BatchJob) -> Iterator[tuple[str, Path, Outcome]]:
        """Each entry's outcome, in completion order."""
        ...


# ------------------------------------------------------------------------------------ local


class LocalExecutor:
    """`jobs` threads of this process; `run(assignment, submission, tests, ref=ref)` runs one."""

    def __init__(self, jobs: int, run: Callable[[Submission], RunResult]) -> None:
        self.jobs = max(1, jobs)
        self.run = run

    def _one(self, job: BatchJob, student: str, entry: Path) -> Outcome:
        try:
            prepared = job.prepare(student, entry)
            if not isinstance(prepared, Pending):
                return prepared
            return job.finish(prepared, self.run(prepared.submission))
        except Exception as exc:  # one broken entry never stops the batch
            return job.crash(student, entry, exc)

    def results(self, entries: list[tuple[str, Path]],
                job: BatchJob) -> Iterator[tuple[str, Path, Outcome]]:
        with ThreadPoolExecutor(max_workers=self.jobs) as pool:
            futures: dict[Future[Outcome], tuple[str, Path]] = {
                pool.submit(self._one, job, student, entry): (student, entry)
                for student, entry in entries
            }
            pending = set(futures)
            try:
                while pending:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in sorted(done, key=lambda f: futures[f][0]):
                        student, entry = futures[future]
                        yield student, entry, future.result()
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise


# ------------------------------------------------------------------------------------- dask


@dataclass(frozen=True)
class AssignmentShipment:
    """What a Dask worker needs to rebuild the assignment: plain, trusted data."""

    token: str
    """Unique per batch: the worker loads tests and reference once per token."""
    assignment: Assignment
    bundled: bool
    """The folder is a bundled assignment: the worker uses its own copy by name."""
    files: dict[str, bytes]
    """Relative path -> bytes of the folder's files (empty when bundled)."""
    runner: str
    """`module:function` of the runner, `grader.run.runner:run_submission` unless a test swaps
    it."""
    reference_seconds: dict[str, float | None] = field(default_factory=dict)
    """Test name -> the reference's time measured by the batch driver (grader.run.calibrate), so
    every worker applies the same CPU limits as the local executor would."""
    isolation: str | None = None
    """The isolation level asked for (grader.sandbox.isolation; None: the worker's
    $NN_GRADER_SANDBOX,
    else auto): each worker chooses for its own machine, and refuses like the driver would."""


def runner_name(run: Runner) -> str:
    """`module:qualname` of an importable runner function (ExecutorError otherwise)."""
    name = f"{run.__module__}:{run.__qualname__}"
    if "<" in run.__qualname__ or _import(name) is not run:
        raise ExecutorError(f"the runner {name} cannot be imported by name on a Dask worker; "
                            "pass a module-level function")
    return name


def _import(name: str) -> Any:
    module, _, attr = name.partition(":")
    value: Any = importlib.import_module(module)
    for part in attr.split("."):
        value = getattr(value, part)
    return value


def ship(assignment: Assignment, token: str, runner: str,
         reference_seconds: dict[str, float | None] | None = None,
         isolation: str | None = None) -> AssignmentShipment:
    folder = assignment.folder.resolve()
    bundled = folder == (assignments_dir().resolve() / assignment.name)
    files: dict[str, bytes] = {}
    if not bundled:
        for path in sorted(folder.rglob("*")):
            parts = path.relative_to(folder).parts
            if path.is_file() and not any(p.startswith(".") or p in ("__pycache__", "release")
                                          for p in parts):
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return AssignmentShipment(token, assignment, bundled, files, runner,
                              dict(reference_seconds or {}), isolation)


_PREPARED: OrderedDict[str, tuple[Assignment, list[Any], Any, ExitStack]] = OrderedDict()
_PREPARED_LOCK = threading.Lock()
_KEEP_BATCHES = 2


def _worker_assignment(shipment: AssignmentShipment) -> Assignment:
    """The shipped assignment with its folder (and a solution-file reference) on this worker."""
    original = shipment.assignment
    if shipment.bundled:
        folder = assignments_dir() / original.name
    else:
        folder = Path(tempfile.mkdtemp(prefix=f"nn-grader-{original.name}-"))  # mode 0700
        for relative, data in shipment.files.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    reference = original.reference
    old = original.folder.resolve()
    if os.path.isabs(reference) and Path(reference).resolve().is_relative_to(old):
        reference = str(folder / Path(reference).resolve().relative_to(old))
    return replace(original, folder=folder, reference=reference)


def _worker_threads() -> int:
    try:
        from distributed import get_worker

        return int(get_worker().state.nthreads)
    except (ImportError, ValueError, AttributeError):
        return 1


def _prepared(shipment: AssignmentShipment) -> tuple[Assignment, list[Any], Any]:
    """The assignment, its tests and the memoized reference, loaded once per batch here; the
    batch's submissions run in warm sandboxes (grader.sandbox.pool, one per worker thread) as they
    do
    with the local executor. The oldest batch's pool (and its written assignment folder) goes
    when a third batch arrives."""

    with _PREPARED_LOCK:
        if shipment.token not in _PREPARED:
            assignment = _worker_assignment(shipment)
            tests = load_tests(assignment)
            module = load_reference(assignment)
            ref = CachedReference(module)
            replaytable.load_later(assignment, module, ref.memo)  # when the copy holds one
            tests = [replace(t, reference_seconds=shipment.reference_seconds.get(t.name))
                     for t in tests]  # the driver's calibration: the local executor's limits
            stack = ExitStack()
            if not shipment.bundled:  # the written copy goes with the batch
                stack.callback(shutil.rmtree, assignment.folder, ignore_errors=True)
            stack.enter_context(warm_pool(assignment.limits, _worker_threads(),
                                          torch=assignment.uses_torch))
            _PREPARED[shipment.token] = (assignment, tests, ref, stack)
            while len(_PREPARED) > _KEEP_BATCHES:
                _PREPARED.popitem(last=False)[1][3].close()
        assignment, tests, ref, _ = _PREPARED[shipment.token]
        return assignment, tests, ref


def run_on_worker(shipment: AssignmentShipment, submission: dict[str, Any]) -> dict[str, Any]:
    """The Dask task: run one submission (a plain dict) and return its RunResult as a dict."""
    assignment, tests, ref = _prepared(shipment)
    record = from_data(Submission, submission)

    options = {}
    # like grader.batch.driver: a custom runner chooses its own
    if shipment.runner == DEFAULT_RUNNER:
        options["mode"] = choose(shipment.isolation).level  # refused: this entry's crash
    result = _import(shipment.runner)(assignment, record, tests, ref=ref, **options)
    return cast(dict[str, Any], to_data(result))


def result_from_dict(data: dict[str, Any]) -> RunResult:
    """The RunResult back from its plain-data form (grader.store.records)."""
    return from_data(RunResult, data)


class DaskExecutor:
    """Runs on a Dask cluster; see the module docstring."""

    def __init__(self, assignment: Assignment, *, scheduler: str | None, jobs: int,
                 runner: str = DEFAULT_RUNNER,
                 reference_seconds: dict[str, float | None] | None = None,
                 isolation: str | None = None) -> None:
        self.assignment = assignment
        self.isolation = isolation
        self.reference_seconds = dict(reference_seconds or {})
        self.scheduler = None if scheduler in (None, "", "local") else scheduler
        self.jobs = max(1, jobs)
        self.runner = runner

    def _connect(self) -> tuple[Any, Any]:
        """(client, cluster or None)."""
        from distributed import Client, LocalCluster

        if self.scheduler is None:
            cluster = LocalCluster(**LOCAL_CLUSTER, n_workers=self.jobs)  # type: ignore[no-untyped-call]
            try:
                return Client(cluster), cluster  # type: ignore[no-untyped-call]
            except BaseException:
                cluster.close()
                raise
        try:
            return Client(self.scheduler, timeout=CONNECT_TIMEOUT), None  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(
                f"cannot reach the Dask scheduler at {self.scheduler} within "
                f"{CONNECT_TIMEOUT:g} s ({type(exc).__name__}: {exc}); start one with "
                f"`dask scheduler` and workers with `dask worker {self.scheduler}`, or use "
                "--scheduler local for a cluster on this machine"
            ) from None

    def results(self, entries: list[tuple[str, Path]],
                job: BatchJob) -> Iterator[tuple[str, Path, Outcome]]:
        import uuid

        from distributed import as_completed

        client, cluster = self._connect()
        try:
            shipment = client.scatter(
                ship(self.assignment, uuid.uuid4().hex, self.runner, self.reference_seconds,
                     self.isolation),
                broadcast=True)
            waiting: dict[Any, Pending] = {}
            for student, entry in entries:
                try:
                    prepared = job.prepare(student, entry)
                except Exception as exc:
                    yield student, entry, job.crash(student, entry, exc)
                    continue
                if isinstance(prepared, Pending):
                    future = client.submit(run_on_worker, shipment, to_data(prepared.submission),
                                           pure=False, key=f"grade-{uuid.uuid4().hex}")
                    waiting[future] = prepared
                else:
                    yield student, entry, prepared
            for future in as_completed(list(waiting)):  # type: ignore[no-untyped-call]
                pending = waiting.pop(future)
                try:
                    outcome = job.finish(pending, result_from_dict(future.result()))
                except Exception as exc:  # raised on the worker, or the worker died
                    outcome = job.crash(pending.student, pending.entry, exc)
                future.release()
                yield pending.student, pending.entry, outcome
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
