"""Attackers in the middle of a class: graded next to honest students (two at a time, so an
attack runs while an honest student's sandbox is alive), the honest students' rows are exactly
those of the same class graded without the attackers, and each attacker keeps only what its
code earns (tests/security/test_attacks.py::EXPECTED).

run_batch grades in the warm pool (grader/sandbox/pool.py) where it is available, so this is also
the
attack suite run through warm sandboxes: test_attacks.py uses single-use ones."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from grader.batch.driver import run_batch
from grader.sandbox.bwrap import bwrap_works
from tests.fixtures.engine import CORRECT, TOY
from tests.security.test_attacks import ATTACKS, BWRAP, EXPECTED, FAST_TOY, PROTECTED

PARTIAL = CORRECT.replace("return c * x", "return c + x")
"""An honest student with one bug: scale is wrong."""
STABLE = [p for p in PROTECTED if "grader" not in p.parts]
"""The assignment's tests and reference (grader/*.py may be edited while this runs; the
sandbox binds them read-only and write_repo checks that nothing is planted there)."""
HONEST = {"a_first": CORRECT, "b_partial": PARTIAL, "y_partial": PARTIAL, "z_last": CORRECT}
STAMP = 1_700_000_000


def write_class(folder: Path, students: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for student, source in students.items():
        path = folder / f"{student}.py"
        path.write_text(source, encoding="utf-8")
        os.utime(path, (STAMP, STAMP))
    return folder


def digest(paths: list[Path]) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def honest_rows(out: Path) -> list[str]:
    return [line for line in (out / "scores.csv").read_text().splitlines()
            if line.split(",", 1)[0] in HONEST]


@pytest.mark.slow
@pytest.mark.skipif(not bwrap_works(), reason="bubblewrap (bwrap) is not available")
def test_attackers_in_the_middle_of_a_class_change_no_honest_score(tmp_path: Path) -> None:
    attackers = {f"m_{name}": (ATTACKS / f"{name}.py").read_text(encoding="utf-8")
                 for name in EXPECTED}
    assert all(m in (BWRAP, ("bubblewrap", "subprocess")) for _, m in EXPECTED.values())
    before = digest(STABLE)
    alone = run_batch(FAST_TOY, write_class(tmp_path / "honest", HONEST), tmp_path / "out1",
                      jobs=2, progress=False)
    mixed = run_batch(FAST_TOY, write_class(tmp_path / "mixed", HONEST | attackers),
                      tmp_path / "out2", jobs=2, progress=False)
    assert [g.score for g in alone.grades] == [9.0, 8.0, 8.0, 9.0]
    assert honest_rows(tmp_path / "out2") == honest_rows(tmp_path / "out1")
    scores = {g.student: (g.score, g.status) for g in mixed.grades}
    for student in attackers:
        # fd_leaks writes junk into every descriptor it finds; in a warm sandbox (run_batch
        # uses the pool) the channel is not where it looks, so it corrupts its own channel.
        statuses = ("graded", "crashed") if student == "m_fd_leaks" else ("graded",)
        assert scores[student][0] == EXPECTED[student[2:]][0], student
        assert scores[student][1] in statuses, student
    assert digest(STABLE) == before
    assert sorted(p.name for p in (tmp_path / "mixed").iterdir()) == \
        sorted(f"{s}.py" for s in HONEST | attackers)
    assert TOY.is_dir()


POOL = Path(__file__).parent / "pool"


@pytest.mark.skipif(not bwrap_works(), reason="bubblewrap (bwrap) is not available")
def test_a_submission_leaves_nothing_for_the_next_one_in_the_same_sandbox(tmp_path: Path) -> None:
    """One job slot: the reader is graded right after the poisoner, in the same warm sandbox
    where there is one (a single-use sandbox otherwise), and finds no trace of it."""
    reader = (POOL / "reader.py").read_text(encoding="utf-8")
    students = {"a_first": CORRECT, "m_poisoner": (POOL / "poisoner.py").read_text("utf-8"),
                "n_reader": reader, "o_reader": reader, "z_last": CORRECT}
    batch = run_batch(FAST_TOY, write_class(tmp_path / "class", students), tmp_path / "out",
                      jobs=1, progress=False)
    results = {r.student: r for r in batch.results}
    for student in ("n_reader", "o_reader"):
        failed = [t.message for t in results[student].tests if t.status != "passed"]
        assert failed == [], (student, results[student].isolation)
    assert [g.score for g in batch.grades] == [9.0, 0.0, 9.0, 9.0, 9.0]
    assert not Path("/tmp/nngrader-poison").exists()
    assert not Path("/dev/shm/nngrader-poison").exists()
    assert not Path("/dev/shm/nngrader_poison").exists()
