"""[run] Instructor tests that seed and draw from the GLOBAL numpy / random generators (nbgrader's
and Otter's usual `np.random.seed(0); x = np.random.rand(5)`) score the same with --jobs 2 as
with --jobs 1, through `grader grade`'s real path (sandbox, proxy, codec): the tests of two
submissions run at once in two threads of the trusted process, and a seed in one thread no
longer moves the other's draws (grader.run.globalrng). Before, identical correct submissions
got 3 to 19 of 24 points with --jobs 2.

A test that draws without seeding gets the same draws for every student, whatever ran before it
and with any number of jobs (its own generators, seeded by the test)."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.run import globalrng

SOLUTION = '''"""Draws."""


def total(x):
    ### BEGIN SOLUTION
    return float(sum(x))
    ### END SOLUTION
'''

HEADER = '''
import random

import numpy as np

from grader.testing import test_case


@test_case(points=1, visibility="visible")
def unseeded_draws_are_the_tests_own(student):
    x = np.random.rand(2)
    student.total(list(x))
    assert False, f"drew {x.tolist()} and {random.random()!r}"
'''

SEEDED = '''

@test_case(points=1, visibility="visible")
def numpy_seeded_{i}(student, ref):
    np.random.seed({i})
    x = np.random.rand(4)
    got = student.total(list(x))  # a call into the sandbox: the other thread runs meanwhile
    y = np.random.rand(4)
    assert np.array_equal(y, np.random.RandomState({i}).rand(8)[4:]), "another thread drew"
    assert got == ref.total(list(x))


@test_case(points=1, visibility="visible")
def random_seeded_{i}(student):
    random.seed({i})
    a = random.random()
    student.total([a])
    b = random.random()
    r = random.Random({i})
    assert (a, b) == (r.random(), r.random()), "another thread drew"
'''

STUDENTS = 8
TESTS = 12


def _class(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "draws"
    folder.mkdir()
    (folder / "assignment.toml").write_text(
        '[assignment]\ntitle = "Draws"\nmodule = "draws"\nreference = "solution.py"\n',
        encoding="utf-8")
    (folder / "solution.py").write_text(SOLUTION, encoding="utf-8")
    (folder / "visible_tests.py").write_text(
        HEADER + "".join(SEEDED.format(i=i) for i in range(TESTS)), encoding="utf-8")
    subs = tmp_path / "subs"
    subs.mkdir()
    for s in range(STUDENTS):
        (subs / f"s{s}.py").write_text(f"def total(x):\n    return float(sum(x)) + {s} * 0\n",
                                       encoding="utf-8")
    return folder, subs


def _grade(folder: Path, subs: Path, out: Path,
           jobs: int) -> dict[str, dict[str, tuple[float, str]]]:
    """{student: {test: (points, message)}} from `grader grade --jobs jobs`."""
    done = CliRunner().invoke(main, ["grade", str(folder), str(subs), "--out", str(out),
                                     "--jobs", str(jobs), "--no-progress"])
    assert done.exit_code == 0, done.output
    return {path.stem: {t["name"]: (t["points"], t["message"])
                        for t in json.loads(path.read_text())["result"]["tests"]}
            for path in sorted((out / "results").glob("*.json"))}


def test_seeded_global_draws_score_alike_with_one_or_two_jobs(tmp_path: Path) -> None:
    folder, subs = _class(tmp_path)
    two = _grade(folder, subs, tmp_path / "two", jobs=2)
    one = _grade(folder, subs, tmp_path / "one", jobs=1)
    assert len(two) == STUDENTS
    for student, tests in two.items():
        lost = {name: message for name, (points, message) in tests.items()
                if points < 1 and name != "unseeded_draws_are_the_tests_own"}
        assert not lost, f"{student}: {lost}"
    assert two == one
    # every student drew the same unseeded values, and not the same as another test's seed 0
    unseeded = {tests["unseeded_draws_are_the_tests_own"][1] for tests in two.values()}
    assert len(unseeded) == 1
    assert str(np.random.RandomState(0).rand(2).tolist()) not in unseeded.pop()


def test_each_thread_draws_from_its_own_seeded_generators() -> None:
    """The unit beside it: two threads seeding alike and drawing in turns, interleaved by a
    barrier, each get the sequence a lone generator gives."""
    globalrng.install()
    barrier = threading.Barrier(2)
    drawn: dict[int, list[float]] = {}

    def run(who: int) -> None:
        with globalrng.seeded(5):
            out = []
            for _ in range(4):
                barrier.wait()
                out += [float(np.random.rand()), random.random()]
            drawn[who] = out

    threads = [threading.Thread(target=run, args=(w,)) for w in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    alone_np, alone_py = np.random.RandomState(5), random.Random(5)
    expected = [v for _ in range(4) for v in (float(alone_np.rand()), alone_py.random())]
    assert drawn[0] == drawn[1] == expected


@pytest.mark.parametrize("name", ["seed", "rand", "normal", "ranf", "sample", "get_state"])
def test_every_legacy_numpy_function_is_the_threads_own(name: str) -> None:
    globalrng.install()
    assert getattr(np.random, name).__module__ == "grader.run.globalrng"
