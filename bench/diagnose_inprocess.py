"""Time every catalogue diagnosis of a held-out batch, in this process (issue 16, families).

    .venv/bin/python bench/diagnose_inprocess.py tests/heldout5

Grades each submission of the batch (our own test files: trusted, imported here) with
grader.run.runner.run_tests and a LocalStudent, a cold memo per submission (no batch memo: the
worst case), and times every grader.run.diagnose.diagnose call. Prints per assignment the
number of diagnoses, their total and longest time, and how many came near diagnose.BUDGET.
The engine and catalogue are the ones importable from the current directory (run it from a
`git archive` snapshot to measure another commit). Load moves the totals; the counts and the
longest call say whether a catalogue blows the budget.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

from grader.config import find_assignment
from grader.run import runner
from grader.run.diagnose import BUDGET
from grader.run.reference import load_reference, load_tests
from grader.sandbox.local import LocalStudent

ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")


def main() -> None:
    batch = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/heldout5")
    times: list[float] = []
    original = runner.diagnose

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            times.append(time.perf_counter() - start)

    runner.diagnose = timed  # type: ignore[assignment]
    for name in ASSIGNMENTS:
        assignment = find_assignment(name)
        ref, tests = load_reference(assignment), load_tests(assignment)
        times.clear()
        for path in sorted((batch / name).glob("*.py")):
            spec = importlib.util.spec_from_file_location(f"_bench_{name}_{path.stem}", path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            student = LocalStudent(module, module_name=assignment.module)
            runner.run_tests(assignment, tests, student, ref)
        near = sum(t > 0.75 * BUDGET for t in times)
        print(f"{name}: {len(times)} diagnoses, {sum(times):.2f} s, longest "
              f"{max(times, default=0.0):.2f} s, within 25% of the {BUDGET:g} s budget: {near}",
              flush=True)


if __name__ == "__main__":
    main()
