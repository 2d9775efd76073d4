"""`grader validate` replays the automatic mistakes on the reference's own calls (issue 16).

The replay table (grader.run.replaytable) holds what `grader validate` computed while grading
the catalogue's mistakes; the automatic mistakes (grader.run.automatic) are never replayed
there, because the catalogue names every one of its mistakes first. A student whose mistake is
in no catalogue reaches the automatic tier, which replays each single-point change of the
functions a failing test called on that test's calls: a training run per change and call for
train_perceptron, paid by the first student of a batch, and by every student of a batch of
one (course CI grading one push).

Hidden tests' inputs are seeded per test, so a test's first calls are the same for every
submission (those made before any value of the student's feeds the next call): the
reference's own. Here every test is run on the reference with its calls recorded, and every
automatic mistake that changes a function a test called is replayed on those calls through
the same memo (grader.run.diagnose.Replay, each outcome computed twice: only reproduced
outcomes are kept), so they are in the table under the keys a grading replay looks up.
Nothing here decides a name: a batch's diagnosis reads the same outcomes it would compute.
"""

from __future__ import annotations

import time
import warnings
from types import ModuleType

from grader.config import Assignment
from grader.run import automatic
from grader.run.catalogue import load_views
from grader.run.diagnose import REFERENCE, Recording, Replay, mutant, replayed_as
from grader.run.refcache import CachedReference
from grader.run.runtest import run_test
from grader.sandbox.local import LocalStudent
from grader.testing import TestCase

BUDGET = 120.0
"""Seconds validate spends on these replays per assignment at most (the rest are computed by
the first student who needs them, as without a table)."""


def warm(assignment: Assignment, tests: list[TestCase], solution: ModuleType,
         cached: CachedReference, budget: float = BUDGET) -> tuple[int, int]:
    """Replay the automatic mistakes on every test's calls of the reference, into
    `cached.memo`; (outcomes computed, tests whose calls were replayed)."""
    api = tuple(getattr(solution, "STUDENT_API", ()))
    if not assignment.automatic_mistakes or not api:
        return 0, 0
    views = load_views(assignment.folder)
    student = LocalStudent(solution, module_name=assignment.module)
    replay = Replay(cached.memo)
    deadline = time.monotonic() + budget
    outcomes = replayed = 0
    for test in tests:
        if time.monotonic() > deadline:
            break
        recording = Recording(student)
        run_test(assignment, test, student, cached, recording=recording)
        if recording.incomplete or not recording.calls:
            continue
        replayed += 1
        with warnings.catch_warnings():  # a changed formula's numpy warnings (a mean of
            warnings.simplefilter("ignore")  # nothing) are its outcome's
            for mistake in automatic.for_functions(solution, api, recording.names):
                for call in recording.calls:
                    function = mutant(solution, mistake, call.name)
                    who = replayed_as(solution, mistake, call.name)
                    if function is None or who == REFERENCE:
                        continue  # the reference's own outcome: recorded as the student's
                    replay.run(who, function, call, views)
                    outcomes += 1
    return outcomes, replayed
