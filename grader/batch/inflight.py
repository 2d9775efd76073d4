"""A batch nobody can kill: what a grader process that died mid-batch leaves for the next run.

Before an entry runs, the gradebook marks it in flight for this grader process
(Gradebook.begin_run); recording its result clears the mark, and so does an orderly end of the
process (also on an exception or Ctrl-C). A mark that is still there when the next run starts
was left by a grader that died (SIGKILL from a submission at the `none` level, the OOM killer,
a power cut). That run grades the other entries first and the marked ones after them, one at
a time, so a second death is pinned on the one entry that was running. An entry in flight at
two deaths is not run again: it is recorded as `crashed` (QUARANTINE) and the batch completes.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from grader.sandbox.isolation import IsolationRefused, choose

if TYPE_CHECKING:
    from grader.models import Batch
    from grader.store.gradebook import Gradebook
from grader.errors import BatchError

DEATHS_TO_QUARANTINE = 2
QUARANTINE = ("quarantined: the grader process died {deaths} times while this submission was "
              "running (it may kill the grader, or exhaust the machine's memory), so it was not "
              "run again and scores 0. Check it by hand; `grader grade --force` runs it again")


def quarantine(deaths: int) -> str:
    """The message of a quarantined entry."""
    return QUARANTINE.format(deaths=deaths)


def isolation_level(requested: str | None) -> str:
    """The level a batch grades at (grader.sandbox.isolation.choose); BatchError when refused."""

    try:
        return choose(requested).level
    except IsolationRefused as exc:
        raise BatchError(str(exc)) from None


@dataclass
class InFlight:
    """This grader process's in-flight marks for one assignment in one gradebook."""

    book: Gradebook
    assignment: str
    run_id: str = field(default_factory=lambda: f"{os.getpid()}@{time.time_ns()}")
    suspects: set[str] = field(default_factory=set)
    """Entries left in flight by a grader that died (read when the batch starts)."""

    def __post_init__(self) -> None:
        self.suspects = self.book.in_flight(self.assignment)

    def order(self, entries: list[tuple[str, Path]]
              ) -> tuple[list[tuple[str, Path]], list[tuple[str, Path]]]:
        """The entries to run as usual, and the suspects to run after them, one at a time."""
        return ([e for e in entries if e[0] not in self.suspects],
                [e for e in entries if e[0] in self.suspects])

    def begin(self, student: str, sha256: str, tests_digest: str) -> int | None:
        """Mark the entry in flight; the number of deaths it was in flight at if that many
        quarantine it (then it must not run), else None."""
        deaths = self.book.begin_run(student, self.assignment, sha256, tests_digest, self.run_id)
        return deaths if deaths >= DEATHS_TO_QUARANTINE else None

    def end(self) -> None:
        """This process ends in order: its remaining marks are no deaths."""
        self.book.end_runs(self.run_id)


def merge(first: Batch, second: Batch) -> Batch:
    """Two parts of one batch as one (sorted by student)."""
    from dataclasses import replace

    results = {r.student: r for r in (*first.results, *second.results)}
    grades = {g.student: g for g in (*first.grades, *second.grades)}
    order = sorted(results)
    return replace(first, grades=tuple(grades[s] for s in order),
                   results=tuple(results[s] for s in order),
                   regraded=first.regraded + second.regraded)
