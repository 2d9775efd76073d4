"""Grade a folder of single-mistake overlays (a reference with some functions overridden, as
tests/fixtures/<kind>/<assignment>/*.py hold them) through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, the reference replay)."""

from __future__ import annotations

from pathlib import Path

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.models import RunResult


def grade_overlays(fixtures: Path, name: str, tmp: Path) -> dict[str, RunResult]:
    """student (the fixture's stem) -> its result, for every fixtures/<name>/*.py."""
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = tmp / name / "submissions"
    for path in sorted((fixtures / name).glob("*.py")):
        sub = subs / path.stem
        sub.mkdir(parents=True)
        (sub / f"{assignment.module}.py").write_text(
            overlay_source(ref, path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    batch = run_batch(assignment, subs, tmp / name / "out", jobs=2, progress=False)
    return {r.student: r for r in batch.results}
