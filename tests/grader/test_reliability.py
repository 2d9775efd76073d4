"""Reliability of `grader grade`: killed with SIGKILL at random points and resumed, the final
score sheet is the uninterrupted one with no duplicate or missing rows; graded twice (also with
--jobs 2), a class gets identical scores.

tests/grader/test_cli_grade.py::test_cli_grade_engine_sigkill_and_resume_gives_the_same_sheet
kills once, after a fixed number of committed rows; here the kill points are random (a seeded
RNG, so a failure can be replayed), repeated, and include the start-up and the end of a batch.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.store.gradebook import Gradebook
from tests.grader.toyclass import (
    CLASS,
    CORRECT,
    REPO,
    engine_sheet,
    make_assignment,
    make_class,
)

SEED = 20261125
SLOW = "import time\ntime.sleep(0.3)\n" + CORRECT
"""A correct submission that takes a little while, so that kills land mid-batch."""
FILES = dict(CLASS) | {f"slow{i:02d}.py": SLOW.encode() for i in range(8)}
STUDENTS = 6 + 8


def expected(subs: Path) -> str:
    slow_rows = "".join(f"slow{i:02d},toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0\n" for i in range(8))
    return engine_sheet(subs).replace("frank,toy,1.8,6.0,graded,3.0,1.2,,1.0,2.0,0.0\n",
                                      "frank,toy,1.8,6.0,graded,3.0,1.2,,1.0,2.0,0.0\n" + slow_rows)


def command(folder: Path, subs: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "grader", "grade", str(folder), str(subs), "--out", str(out),
            "--no-progress", *extra]


def environment(course: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(course), str(REPO)]))


def rows(sheet: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(sheet)))[1:]


def check_complete(out: Path, subs: Path) -> None:
    """The sheet is the uninterrupted one; the gradebook and results hold each student once."""
    sheet = (out / "scores.csv").read_text()
    assert sheet == expected(subs)
    students = [r[0] for r in rows(sheet)]
    assert len(students) == len(set(students)) == STUDENTS
    with Gradebook(out / "gradebook.sqlite") as book:
        assert sorted(g.student for g in book.grades("toy")) == students
        assert sorted(r.student for r in book.run_results("toy")) == students
    results = sorted(p.stem for p in (out / "results").glob("*.json"))
    assert results == students
    for student in students:  # every result file whole and matching the sheet
        record = json.loads((out / "results" / f"{student}.json").read_text())
        assert record["grade"]["student"] == student
    assert not (out / "scores.csv.partial").exists()


def graded_students(out: Path) -> list[str]:
    if not (out / "gradebook.sqlite").exists():
        return []
    with Gradebook(out / "gradebook.sqlite") as book:
        return [g.student for g in book.grades("toy")]


def committed(out: Path) -> int:
    return len(graded_students(out))


@pytest.mark.slow
def test_sigkill_at_random_points_and_resume_gives_the_uninterrupted_sheet(
    tmp_path: Path,
) -> None:
    folder = make_assignment(tmp_path / "course")
    subs = make_class(tmp_path, FILES)
    env = environment(tmp_path / "course")
    rng = random.Random(SEED)
    out = tmp_path / "out"
    kills = 0
    for _round in range(3):
        # a random point of progress: after `target` committed rows, plus a random instant
        # into the next submission (target == before: during start-up)
        before = committed(out)
        target = before + rng.randrange(0, max(1, STUDENTS - before - 2))
        extra = rng.uniform(0.0, 0.4)
        proc = subprocess.Popen(command(folder, subs, out), env=env, cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        deadline = time.monotonic() + 120
        while proc.poll() is None and committed(out) < target and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(extra)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            kills += 1
        if (out / "scores.csv").exists():  # a sheet left by a killed run is never torn
            assert (out / "scores.csv").read_text().startswith("student,assignment,score,max_score")
        graded = graded_students(out)
        assert len(graded) == len(set(graded)) <= STUDENTS
    assert kills >= 2, "the batch finished before it could be killed: raise the class size"
    time.sleep(0.5)  # the killed sandboxes die with their grader
    final = subprocess.run(command(folder, subs, out), env=env, cwd=tmp_path,
                           capture_output=True, text=True, timeout=300, check=False)
    assert final.returncode == 0, final.stderr
    assert final.stdout.startswith(f"graded {STUDENTS} submissions (")
    check_complete(out, subs)


@pytest.mark.slow
def test_grading_the_same_class_twice_gives_identical_scores(tmp_path: Path) -> None:
    folder = make_assignment(tmp_path / "course")
    subs = make_class(tmp_path, FILES)
    env = environment(tmp_path / "course")
    sheets = []
    runs = ((tmp_path / "one", "--jobs", "1"), (tmp_path / "two", "--jobs", "2"),
            (tmp_path / "two", "--jobs", "2", "--force"))  # the same folder, everything again
    for out, *extra in runs:
        done = subprocess.run(command(folder, subs, out, *extra), env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        check_complete(out, subs)
        sheets.append((out / "scores.csv").read_text())
        tests = {}
        for path in sorted((out / "results").glob("*.json")):
            result = json.loads(path.read_text())["result"]
            tests[path.stem] = [(t["name"], t["points"], t["status"], t["message"])
                                for t in result["tests"]]
        sheets.append(json.dumps(tests, sort_keys=True))
    assert sheets[0] == sheets[2] == sheets[4]  # scores.csv
    assert sheets[1] == sheets[3] == sheets[5]  # every test's points, status and message
