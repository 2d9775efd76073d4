"""`grader validate`'s catalogue check: is every known mistake caught, and named?

Each mistake of the assignment's catalogue (assignments/<a>/mistakes/, grader.run.catalogue) is
graded as a submission would be: the reference with the mistake's functions swapped in, every
test run with the grading rules (grader.run.runner.run_tests, in this process: catalogue files
are instructor code) and every failing test diagnosed by replaying its calls on the catalogue.
For each mistake validate prints the tests it fails and whether, and how, the failure names it:

- `named` (by the catalogue's replay, alone or with others that fit the same calls, or by the
  check's own `mistakes=` map);
- `unnamed` (it fails tests, but none of them says its name);
- `uncaught` (no test loses points: a gap in the tests, always an error).

A failing test that names only OTHER mistakes gives a student with this mistake a wrong name:
validate reports it as an error (a warning when it is only worded as a possibility; nothing for
the observation that the function gave one value on every call of the test, which the mistake's
own values show). The share of named mistakes is printed per assignment; below the threshold
(`--min-named`, default 100%) validate fails, because a catalogue entry is the instructor's
promise that this mistake is explained to the student.

A family (grader.run.catalogue: PARAMS) is graded member by member. A member no test catches
is not counted (its constants may give the reference's values); the family needs one caught
member. A caught member counts as named when a failing test names it, or names what diagnosis
names instead when both fit (a sibling: one member per family; a one-mistake file), since
that name reproduced the same values. One line per family sums it up (`family_lines`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from grader.authoring.findings import Report
from grader.authoring.warm import warm
from grader.checks.failure import POSSIBLY
from grader.config import Assignment
from grader.models import TestResult
from grader.run import replaytable
from grader.run.automatic import says_change
from grader.run.catalogue import CatalogueError, Mistake, load_catalogue, world
from grader.run.refcache import CachedReference
from grader.run.relation_kinds import says_one_value
from grader.run.runner import run_tests
from grader.run.state import says_state
from grader.sandbox.local import LocalStudent
from grader.testing import TestCase

MIN_NAMED = 1.0
"""The default share of catalogue mistakes that must be named (`grader validate --min-named`)."""
TABLE_ENTRIES = 400_000
TABLE_BYTES = 2 * 2**30
"""The replay table's memo keeps this many entries (and array bytes) at most: the catalogue's
replays and the automatic mistakes' (grader.authoring.warm); a batch's memo keeps its own
least recently used share of them (grader.run.refcache.MEMO_ENTRIES)."""


@dataclass(frozen=True)
class MistakeOutcome:
    """One catalogue mistake graded as a submission."""

    mistake: Mistake
    failed: tuple[str, ...]
    """The tests that lose points."""
    named_in: tuple[str, ...]
    """The failing tests whose named mistake is this one."""
    how: str
    """How it is named: 'alone', 'with <other keys>', "by the check's mistakes= map", "only as a
    possibility" (a predicate); '' if not."""
    wrong: tuple[tuple[str, str], ...]
    """(test, what it names) for failing tests that name only other mistakes."""
    points_lost: float

    @property
    def status(self) -> str:
        if not self.failed:
            return "uncaught"
        return "named" if self.named_in else "unnamed"

    def line(self) -> str:
        """One line of validate's output for this mistake."""
        m = self.mistake
        head = f"{m.key} ({', '.join(m.functions)}): {m.name!r}"
        if not self.failed:
            return f"✗ {head}: no test fails (uncaught)"
        fails = f"fails {', '.join(self.failed)} (−{self.points_lost:g} points)"
        if not self.named_in:
            return f"✗ {head}: {fails}; NOT named"
        named = f"named in {len(self.named_in)} of {len(self.failed)} ({self.how})"
        return f"✓ {head}: {fails}; {named}"


def mutant_module(solution: ModuleType, mistake: Mistake) -> ModuleType:
    """The solution with the mistake's functions swapped in (the reference's other functions
    call them, as a student's own functions call each other)."""
    module = ModuleType(f"{solution.__name__}__mistake__{mistake.key}")
    module.__dict__.update({k: v for k, v in world(solution, mistake).items()
                            if not k.startswith("__")})
    return module


def _names(result: TestResult, mistake: Mistake,
           catalogue: tuple[Mistake, ...] = ()) -> bool:
    """The result names `mistake`, or a member of its family (diagnosis names one member per
    family, the first that reproduces every call: the same values as this one's)."""
    said = (result.mistake or "").lower()
    return mistake.name.lower() in said or (bool(mistake.family) and any(
        _stands_in(m, mistake) and _where(m).lower() in said for m in catalogue))


def _observed(result: TestResult) -> bool:
    """The failure says only what the values show, not a cause: the constant relation (the
    function gave one value on every call of the test, grader.run.relation_kinds.ONE_VALUE)
    holds for the mistake's own values, so it is not a wrong name (a threshold test that
    never fires on the tests' inputs, `count == θ + 2`, gives it); nor is two results for the
    same arguments (grader.run.state), which only a mistake with state or an unseeded
    generator gives (a mistake that adds noise)."""
    return says_one_value(result.mistake) or says_state(result.mistake)


def _stands_in(other: Mistake, mistake: Mistake) -> bool:
    """Diagnosis names `other` instead of the family member `mistake` when both fit: a sibling
    (one member per family) or a one-mistake file (grader.run.diagnose)."""
    return other is not mistake and (other.family == mistake.family or not other.family)


def _where(mistake: Mistake) -> str:
    """How a diagnosis labels the mistake (grader.run.diagnose.Diagnosis.label)."""
    return f"{mistake.name} in {', '.join(mistake.functions)}()"


def _how(results: list[TestResult], mistake: Mistake, catalogue: tuple[Mistake, ...]) -> str:
    labels = [r.mistake or "" for r in results if _names(r, mistake, catalogue)]
    siblings = sorted({m.key for m in catalogue for label in labels
                       if mistake.family and _stands_in(m, mistake) and _where(m) in label})
    if siblings and not any(_where(mistake) in label for label in labels):
        return f"as {', '.join(siblings)} (same values)"
    if not any(_where(mistake) in label for label in labels):
        if all(label.startswith(POSSIBLY) for label in labels):
            return "only as a possibility, by the check's mistakes= predicate"
        return "by the check's mistakes= map"
    others = sorted({m.key for m in catalogue for label in labels
                     if m is not mistake and _where(m) in label})
    return f"with {', '.join(others)}" if others else "alone"


def grade_mistake(assignment: Assignment, tests: list[TestCase], solution: ModuleType,
                  mistake: Mistake, catalogue: tuple[Mistake, ...],
                  ref: ModuleType | None = None) -> MistakeOutcome:
    """`ref`: the reference the tests get (default `solution`; `check` passes one
    CachedReference for every mistake, whose memo becomes the replay table)."""
    student: Any = LocalStudent(mutant_module(solution, mistake), module_name=assignment.module)
    results = run_tests(assignment, tests, student, solution if ref is None else ref)
    failed = [r for r in results if r.points < r.max_points]
    named = [r for r in failed if _names(r, mistake, catalogue)]
    wrong = tuple((r.name, r.mistake) for r in failed
                  if r.mistake and not _names(r, mistake, catalogue) and not _observed(r))
    return MistakeOutcome(
        mistake=mistake, failed=tuple(r.name for r in failed),
        named_in=tuple(r.name for r in named), how=_how(named, mistake, catalogue) if named else "",
        wrong=wrong, points_lost=sum(r.max_points - r.points for r in failed))


def check(assignment: Assignment, tests: list[TestCase], solution: ModuleType, report: Report,
          min_named: float = MIN_NAMED) -> list[MistakeOutcome]:
    """Grade every catalogue mistake; see the module docstring."""
    api = tuple(getattr(solution, "STUDENT_API", ()))
    folder = assignment.folder / "mistakes"
    try:
        catalogue = load_catalogue(assignment.folder, api) if api else ()
    except CatalogueError as exc:
        report.add(str(folder), f"{exc}")
        return []
    if not catalogue:
        return []
    cached = CachedReference(solution)  # one memo for every mistake: the replay table
    cached.memo.verify = True
    outcomes = [grade_mistake(assignment, tests, solution, m, catalogue, cached)
                for m in catalogue]
    cached.memo.max_entries = TABLE_ENTRIES  # the automatic mistakes' replays join them
    cached.memo.max_bytes = TABLE_BYTES
    started = time.monotonic()
    replays, replayed = warm(assignment, tests, solution, cached)
    try:
        path, entries = replaytable.save(assignment, solution, cached.memo)
        report.details.append(
            f"replay table: {entries} replays of the catalogue"
            + (f" and of the automatic mistakes on the reference's calls of {replayed} tests "
               f"({replays} replays of these in {time.monotonic() - started:.1f} s)"
               if replays else "")
            + f" written to {path} (a batch starts from them: grader.run.replaytable)")
    except OSError as exc:
        report.details.append(f"replay table not written ({exc}); batches replay the catalogue "
                             "afresh")
    # a family member no test catches is not a mistake to name (its values may be the
    # reference's: `>` with offset −1 on integer sums); the family must have one caught
    counted = [o for o in outcomes if not o.mistake.family or o.status != "uncaught"]
    named = sum(o.status == "named" for o in counted)
    share = named / len(counted) if counted else 1.0
    members = len(outcomes) - sum(not o.mistake.family for o in outcomes)
    line = (f"mistakes: {named} of {len(counted)} in {folder} named ({share:.0%}; "
            f"threshold {min_named:.0%})"
            + (f"; {len(outcomes) - len(counted)} of {members} family members caught by no "
               "test, not counted" if members else ""))
    report.details += [o.line() for o in outcomes if not o.mistake.family]
    report.details += family_lines(outcomes)
    for o in outcomes:
        where = str(o.mistake.path)
        if o.status == "uncaught" and not o.mistake.family:
            report.add(where, f"no test fails on mistake {o.mistake.key!r} "
                       f"({o.mistake.name}); write a test of {', '.join(o.mistake.functions)} "
                       "whose inputs show it, or delete the file if it is not a mistake")
        for test, said in o.wrong:
            if says_change(said):  # the second tier (grader.run.automatic): same values
                report.add(where, f"test {test} names a change of the reference for mistake "
                           f"{o.mistake.key!r}: {said!r} gives the same values on its inputs; "
                           "give the test inputs that tell the two apart if that change is "
                           "not this mistake", "warning")
                continue
            if said.startswith(POSSIBLY):  # worded as a possibility: not a diagnosis
                report.add(where, f"test {test} suggests {said!r} for mistake "
                           f"{o.mistake.key!r}; a predicate fits many errors: give the check "
                           "the wrong value instead, or a catalogue entry", "warning")
                continue
            report.add(where, f"test {test} names {said!r} for mistake {o.mistake.key!r} "
                       "(a wrong name); make the two mistakes differ on the test's inputs or "
                       "narrow the check's mistakes= entry")
    for family in dict.fromkeys(o.mistake.family for o in outcomes if o.mistake.family):
        if all(o.status == "uncaught" for o in outcomes if o.mistake.family == family):
            report.add(str(next(o.mistake.path for o in outcomes
                                if o.mistake.family == family)),
                       f"no test fails on any member of family {family!r}; write a test "
                       "whose inputs show it, or delete the file if it is not a mistake")
    if share < min_named:
        unnamed = ", ".join(o.mistake.key for o in outcomes if o.status == "unnamed")
        report.add(str(folder), f"{line}: below the threshold; unnamed: {unnamed or 'none'}. "
                   "A mistake is named when it reproduces the failing test's calls: check that "
                   "its docstring's first line is its name and that the test calls its function")
    else:
        report.passed.append(line)
    return outcomes


def family_lines(outcomes: list[MistakeOutcome]) -> list[str]:
    """One line per family (members caught, named, how), and one per caught member not
    named."""
    lines: list[str] = []
    for family in dict.fromkeys(o.mistake.family for o in outcomes if o.mistake.family):
        own = [o for o in outcomes if o.mistake.family == family]
        caught = [o for o in own if o.status != "uncaught"]
        named = [o for o in caught if o.status == "named"]
        alone = sum(o.how == "alone" for o in named)
        first = own[0].mistake
        mark = "✓" if caught and len(named) == len(caught) else "✗"
        missed = [o.mistake.key.removeprefix(family) for o in own if o.status == "uncaught"]
        lost = sorted({o.points_lost for o in caught})
        cost = f" (−{lost[0]:g} to −{lost[-1]:g} points)" if lost else ""
        lines.append(f"{mark} family {family} ({', '.join(first.functions)}): {len(own)} members, "
                     f"{len(caught)} caught{cost}, {len(named)} named ({alone} alone)"
                     + (f"; not caught: {' '.join(missed)}" if missed else ""))
        lines += [f"  {o.line()}" for o in caught if o.status != "named"]
    return lines
