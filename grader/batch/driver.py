"""Grade a class: collect every entry, run it in the sandbox, score it, commit it, write sheets.

`run_batch` is the engine behind `grader grade` (its one entry point: it returns the `Batch`,
whose `.grades` are the grades). Each entry is committed to
`<out>/gradebook.sqlite` as soon as it finishes, so a killed batch resumes where it stopped.
An entry whose file and tests are unchanged since it was graded is not run again (its stored
result is re-scored, so a new timestamps file still takes effect). One broken submission never
stops the batch: anything that goes wrong for one entry becomes that entry's status; an entry
the grader itself failed on ("crashed", GRADER_CRASH) is retried by the next run.

The late policy's timestamp comes from the batch's time source (grader.deadlines: a
`--timestamps` CSV, Gradescope's export metadata, git, or file times), except that a file already
graded unchanged keeps the timestamp stored then (copying the files again after the due date
must not make anyone late). Falling back to file times is said on the terminal and in the
results; so is a batch in which more than a fifth come out late.

Every result lists every test of the assignment: a submission that could not be run gets
each test at 0 points, "not run", so reports and sheets show what it missed.
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from collections.abc import Callable
from contextlib import nullcontext, suppress
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import grader
from grader.batch.digest import tests_digest
from grader.batch.executors import DaskExecutor, Executor, LocalExecutor, Pending, runner_name
from grader.batch.inflight import InFlight, isolation_level, quarantine
from grader.batch.inflight import merge as _merge
from grader.batch.progress import _progress_bar
from grader.collect.entries import CollectError, collect, entry_sha256, find_entries, regular_file
from grader.config import Assignment, bundled_name
from grader.deadlines import (
    Deadline,
    DeadlineError,
    TimeSource,
    check_known,
    choose_source,
    git_time,
)
from grader.deadlines import modified_at as newest_mtime
from grader.errors import BatchError
from grader.late import score
from grader.models import Batch, Grade, RunResult, Submission
from grader.report.sheets import write_outputs
from grader.run import replaytable
from grader.run.refcache import CachedReference
from grader.run.reference import load_reference, load_tests
from grader.sandbox.isolation import make_private, private_paths
from grader.sandbox.pool import warm_pool
from grader.store.gradebook import Gradebook
from grader.store.records import GRADER_CRASH, complete, failed, text
from grader.testing import TestCase

Runner = Callable[..., RunResult]
"""`run_submission(assignment, submission, tests, *, ref=None) -> RunResult` (grader.run.runner)."""


def modified_at(entry: Path) -> datetime:
    """The newest modification time of the entry's files (hidden files and __MACOSX aside)."""
    files = [entry] if not entry.is_dir() else [
        p for p in entry.rglob("*") if regular_file(p) and not any(
            part.startswith(".") or part == "__MACOSX" for part in p.relative_to(entry).parts)
    ]
    return newest_mtime(entry, files)


def run_batch(
    assignment: Assignment, submissions_dir: Path, out_dir: Path, *, jobs: int = 1,
    resume: bool = True, force: bool = False, progress: bool | None = None,
    timestamps: Path | None = None, run: Runner | None = None, executor: str = "local",
    scheduler: str | None = None, cache_reference: bool = True,
    deadline: Deadline | None = None, times: str = "auto", now: datetime | None = None,
    isolation: str | None = None,
) -> Batch:
    """Grade every entry of `submissions_dir`; see the module docstring. Returns the `Batch`: the
    grades and results, what was regraded and how long it took.

    resume=False starts this assignment afresh (its gradebook rows are deleted first);
    force=True reruns every entry even when unchanged. executor="dask" runs the submissions on
    a Dask cluster at `scheduler` (None or "local": a LocalCluster of `jobs` processes; see
    grader.batch.executors). cache_reference=False calls the reference afresh for every student
    (grader.run.refcache; for measuring).

    `deadline` (default: the assignment's own due date) and `times` (grader.deadlines
    TIME_SOURCES; `timestamps` is the CSV for "timestamps"/"auto") decide lateness. `now` is
    when the batch ran, recorded with the results (default: the clock).

    `isolation`: the level asked for (grader.sandbox.isolation; BatchError when refused; a custom
    `run` chooses its own). Entries left in flight by a grader that died run last, alone,
    or are quarantined (grader.batch.inflight).
    """

    start = time.monotonic()
    if executor not in ("local", "dask"):
        raise BatchError(f"executor {executor!r} is not one of local, dask")
    # Dask workers choose for their own machines (grader.batch.executors.run_on_worker).
    level = None if run is not None or executor == "dask" else isolation_level(isolation)
    if run is None:
        run = importlib.import_module("grader.run.runner").run_submission
    inside = out_dir.resolve()
    entries = [(text(student), entry) for student, entry in find_entries(submissions_dir)
               if entry.resolve() != inside]  # --out inside SUBMISSIONS is not a student
    tests = load_tests(assignment)
    reference = ref = load_reference(assignment)
    if cache_reference:
        ref = CachedReference(ref)  # reference outputs computed once per batch
        replaytable.load_later(assignment, reference, ref.memo)  # `grader validate`'s replays
    digest = tests_digest(assignment)
    if deadline is None:
        deadline = Deadline.own(assignment.due)
    try:
        check_known(deadline.extensions, (s for s, _ in entries),
                    deadline.extensions_from or submissions_dir)
        source = choose_source(times, submissions_dir, timestamps=timestamps, entries=entries,
                               deadline=deadline)
    except DeadlineError as exc:
        raise BatchError(str(exc)) from None
    book = Gradebook(out_dir / "gradebook.sqlite")
    if level == "uid":
        make_private(private_paths(assignment.folder, assignment.reference, submissions_dir,
                                   out_dir))
    in_flight = InFlight(book, assignment.name)
    try:
        if not resume:
            book.forget(assignment.name)
        tests = _calibrated(assignment, tests, reference, ref, book, digest,
                            fresh=force or not resume)
        chosen: Executor
        if executor == "dask":
            chosen = DaskExecutor(assignment, scheduler=scheduler, jobs=jobs,
                                  runner=runner_name(run),
                                  reference_seconds={t.name: t.reference_seconds for t in tests},
                                  isolation=isolation)
        else:
            runner, calibrated = run, tests
            mode = {} if level is None else {"mode": level}
            local = LocalExecutor(jobs, lambda sub: runner(assignment, sub, calibrated, ref=ref,
                                                           **mode))
            chosen = local
        job = _Job(assignment, tests, book, digest, force, in_flight)
        # Local threads share `jobs` warm sandboxes (grader.sandbox.pool; NN_GRADER_POOL=off:
        # single-use).
        pooled = warm_pool(assignment.limits, jobs, torch=assignment.uses_torch, mode=level) \
            if executor == "local" else nullcontext()
        with pooled:
            first, last = job.in_flight.order(entries)
            batch = _run_all(assignment, first, book, chosen, job, source, deadline, digest,
                             progress=progress)
            if last:  # each alone: if the grader dies again, it was this one
                alone = chosen if executor == "dask" else LocalExecutor(1, local.run)
                batch = _merge(batch, _run_all(assignment, last, book, alone, job, source,
                                               deadline, digest, progress=progress))
        batch = replace(batch, seconds=time.monotonic() - start, deadline=deadline,
                        times=source)
        book.record_batch(assignment.name, graded_with(assignment, digest, batch,
                                                       now or datetime.now(UTC)))
    finally:
        with suppress(Exception):  # ending in order (an exception, Ctrl-C) is not a death
            in_flight.end()
        book.close()
    write_outputs(batch, out_dir)
    return batch


def _calibrated(assignment: Assignment, tests: list[TestCase], reference: ModuleType, ref: Any,
                book: Gradebook, digest: str, *, fresh: bool) -> list[TestCase]:
    """The tests with their reference times (each test's CPU limit, grader.run.calibrate): those
    stored in the gradebook for the same tests when resuming, so every student of a class is
    graded under the same limits, else measured now and stored."""
    from grader.run.calibrate import calibrate

    stored = None if fresh else book.calibration(assignment.name, digest)
    if stored is not None and {t.name for t in tests} <= set(stored):
        return [replace(t, reference_seconds=stored[t.name]) for t in tests]
    tests = calibrate(assignment, tests, reference, ref=ref)
    book.store_calibration(assignment.name, digest, {t.name: t.reference_seconds for t in tests})
    return tests


@dataclass
class _Job:
    """One entry's steps for the executors (grader.batch.executors.BatchJob)."""

    assignment: Assignment
    tests: list[TestCase]
    book: Gradebook
    digest: str
    force: bool
    in_flight: InFlight

    def prepare(self, student: str, entry: Path) -> tuple[RunResult, bool] | Pending:
        """Collect the entry; its stored result when unchanged, else a Pending run."""
        notes: list[str] = []
        submission: Submission | None = None
        try:
            submission = collect(self.assignment, entry, notes=notes)
            sha = submission.sha256
        except CollectError as exc:
            sha = entry_sha256(entry)
            result = failed(student, self.assignment, exc.status, exc.message)
        if not self.force and self.book.is_current(student, self.assignment.name, sha,
                                                   self.digest):
            stored = self.book.run_result(student, self.assignment.name)
            if stored is not None and not stored.message.startswith(GRADER_CRASH):
                return stored, False  # stored storable
        if submission is not None:
            deaths = self.in_flight.begin(student, sha, self.digest)
            if deaths is not None:
                quarantined = failed(student, self.assignment, "crashed", quarantine(deaths))
                return complete(quarantined, self.tests, notes, sha), True
            return Pending(student, entry, submission, notes)
        return complete(result, self.tests, notes, sha), True

    def finish(self, pending: Pending, result: RunResult) -> tuple[RunResult, bool]:
        sha = pending.submission.sha256
        return complete(result, self.tests, pending.notes, sha), True

    def crash(self, student: str, entry: Path, exc: BaseException) -> tuple[RunResult, bool]:
        crash = failed(student, self.assignment, "crashed",
                       f"{GRADER_CRASH}: {type(exc).__name__}: {exc}")
        try:
            sha = entry_sha256(entry)
        except OSError:
            sha = ""
        return complete(crash, self.tests, [], sha), True


def _run_all(
    assignment: Assignment, entries: list[tuple[str, Path]], book: Gradebook,
    executor: Executor, job: _Job, source: TimeSource, deadline: Deadline, digest: str, *,
    progress: bool | None,
) -> Batch:
    """Score and commit each result as the executor delivers it."""
    results: dict[str, RunResult] = {}
    grades: dict[str, Grade] = {}
    regraded = 0
    with _progress_bar(len(entries), assignment.name, progress) as advance:
        for student, entry, (result, fresh) in executor.results(entries, job):
            previous = book.grade(student, assignment.name)
            when = _submitted_at(book, student, entry, result, previous, source)
            grade = score(result, assignment, when, due=deadline.due_for(student))
            if fresh or grade != previous:
                book.record(result, grade, tests_digest=digest)
            regraded += fresh
            results[student], grades[student] = result, grade
            advance(student)
    order = sorted(results)
    return Batch(grades=tuple(grades[s] for s in order), results=tuple(results[s] for s in order),
                 regraded=regraded, seconds=0.0)


def _submitted_at(book: Gradebook, student: str, entry: Path, result: RunResult,
                  previous: Grade | None, source: TimeSource) -> datetime | None:
    """The timestamp for the late policy: from the timestamps file or the LMS metadata; else,
    for a file graded before unchanged, the time stored then (a re-download must not make it
    late); else the repository's last commit or the files' mtime."""
    if result.status == "no_submission" or source.name == "none":
        return None
    if source.name in ("timestamps", "gradescope"):
        return source.times.get(student)
    if previous is not None and previous.submitted_at is not None \
            and book.sha256(student, result.assignment) == result.sha256:
        return datetime.fromisoformat(previous.submitted_at)
    if source.name == "git":
        return git_time(entry)
    return modified_at(entry)


def graded_with(assignment: Assignment, digest: str, batch: Batch,
                now: datetime) -> dict[str, Any]:
    """What a results folder records about how it was graded, so `report` and `export` never
    need the assignment folder again (grader.store.gradebook.Gradebook.graded_with)."""

    return {
        "assignment": assignment.name, "title": assignment.title,
        "show_hidden_mistakes": assignment.show_hidden_mistakes,
        "folder": str(assignment.folder), "bundled": bundled_name(assignment),
        "tests_digest": digest,
        "due": None if batch.deadline.due is None else batch.deadline.due.isoformat(),
        "due_source": batch.deadline.source,
        "extensions": {s: d.isoformat() for s, d in sorted(batch.deadline.extensions.items())},
        "late_policy": asdict(assignment.late_policy),
        "times": batch.times.name, "times_described": batch.times.described,
        "graded_at": now.astimezone(UTC).isoformat(),
        "grader_version": grader.__version__,
    }


