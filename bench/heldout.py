"""Held-out mistake measurement (issue 16): how many realistic single mistakes the grader names,
and whether the names are right.

Grades every submission of a held-out batch (default tests/heldout2/<assignment>/*.py) with
`python -m grader grade` (the real path: sandbox, proxy, codec) and prints per assignment:

- mistakes: submissions with one mistake (every file not named correct_*.py);
- failing: of those, how many lose points (a mistake that keeps full marks is a weak test);
- named: failing submissions that got at least one mistake name (a test's `mistake` field);
- right: named, and every name given judged right in the batch's judgements.csv;
- partial: named, no name judged wrong, at least one judged partial (the symptom is right, the
  fix points elsewhere);
- wrong: at least one name judged wrong (a wrong name is worse than none);
- unjudged: at least one name not yet in judgements.csv (judge it, add a row, re-run);
- crashes: unnamed, and every test it lost points on was lost to an exception its code raised
  (the student sees the exception and the traceback of their own frames, not a mistake name);
- correct / full / false names: correct solutions (correct_*.py), how many score full marks,
  how many got any mistake name.

Then it lists the misses: every failing submission without a right name, with its docstring's
mistake and what the grader said (the names, or the first failing test's message). Names are
text, so judging them is a person's job: judgements.csv holds one row per (assignment,
submission, name) with verdict right | partial | wrong and why. A name nobody judged is shown
as unjudged, never guessed.

Usage (from the repository root, after `make setup`):

    .venv/bin/python bench/heldout.py                      # all six assignments, --jobs 2
    .venv/bin/python bench/heldout.py --assignment towers  # one
    .venv/bin/python bench/heldout.py --json bench/work/heldout2.json
    .venv/bin/python bench/heldout.py --batch tests/heldout3   # the third batch

Everything it writes goes under --work (default bench/work/<batch folder name>/, gitignored).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = ROOT / "tests" / "heldout2"
ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")
VERDICTS = ("right", "partial", "wrong")


@dataclass
class Submission:
    """One graded file of the batch."""

    assignment: str
    name: str
    correct: bool
    """A correct solution (correct_*.py) rather than a single-mistake submission."""
    said: str
    """The docstring's first paragraph: the mistake in the writer's words."""
    score: float = 0.0
    max_score: float = 0.0
    status: str = ""
    names: list[str] = field(default_factory=list)
    """Distinct mistake names on the tests it did not pass, in test order."""
    verdicts: list[str] = field(default_factory=list)
    """One per name: right | partial | wrong | unjudged."""
    first_message: str = ""
    """The first failing test's name and message (what an unnamed miss was told)."""
    crashed: bool = False
    """Every test it lost points on was lost to an exception its code raised, shown to the
    student with the traceback of its own frames (an unnamed crash still says where)."""

    @property
    def failing(self) -> bool:
        return self.status != "graded" or self.score < self.max_score

    @property
    def outcome(self) -> str:
        """named-right | partial | wrong | unjudged | unnamed | passing (for a mistake)."""
        if not self.failing:
            return "passing"
        if not self.names:
            return "unnamed"
        for verdict in ("wrong", "unjudged", "partial"):
            if verdict in self.verdicts:
                return verdict
        return "right"


def docstring_said(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return " ".join(doc.split("\n\n")[0].split())


def load_judgements(path: Path) -> dict[tuple[str, str, str], str]:
    """(assignment, submission, name) -> verdict, from the batch's judgements.csv."""
    if not path.exists():
        return {}
    judged: dict[tuple[str, str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            verdict = row["verdict"].strip()
            if verdict not in VERDICTS:
                sys.exit(f"{path}:{line}: verdict {verdict!r} is not one of {VERDICTS}")
            judged[(row["assignment"], row["submission"], row["name"])] = verdict
    return judged


def grade(assignment: str, batch: Path, work: Path, jobs: int) -> tuple[list[Submission], float]:
    """Grade one assignment's folder of the batch through `grader grade`; (submissions, s)."""
    subs, out = work / "subs" / assignment, work / "out" / assignment
    for folder in (subs, out):
        shutil.rmtree(folder, ignore_errors=True)
    subs.mkdir(parents=True)
    files = sorted((batch / assignment).glob("*.py"))
    for path in files:
        shutil.copy(path, subs / path.name)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "grader", "grade", assignment, str(subs),
                           "--out", str(out), "--jobs", str(jobs)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"grader grade {assignment} exited {done.returncode}:\n{done.stdout}"
                 f"{done.stderr}")
    for line in done.stderr.splitlines():  # a naming stage that raised: a bug of the grader's
        if " stopped in " in line:
            print(line, file=sys.stderr)
    graded = []
    for path in files:
        data = json.loads((out / "results" / f"{path.stem}.json").read_text(encoding="utf-8"))
        result = data["result"]
        sub = Submission(assignment, path.stem, path.stem.startswith("correct_"),
                         docstring_said(path), data["grade"]["raw_score"],
                         data["grade"]["max_score"], result["status"])
        lost = [t for t in result["tests"] if t["status"] != "passed"
                and not t["message"].startswith("not scored")]
        sub.crashed = bool(lost) and all(t["message"].startswith("your code raised")
                                         and t.get("traceback") for t in lost)
        for test in result["tests"]:
            if test["status"] == "passed":
                continue
            if not sub.first_message and not test["message"].startswith("not scored"):
                sub.first_message = f"{test['name']}: {test['message']}"
            if test["mistake"] and test["mistake"] not in sub.names:
                sub.names.append(test["mistake"])
        graded.append(sub)
    return graded, seconds


def summary_rows(graded: list[Submission]) -> dict[str, int]:
    mistakes = [s for s in graded if not s.correct]
    failing = [s for s in mistakes if s.failing]
    correct = [s for s in graded if s.correct]
    return {
        "mistakes": len(mistakes),
        "failing": len(failing),
        "named": sum(bool(s.names) for s in failing),
        "right": sum(s.outcome == "right" for s in failing),
        "partial": sum(s.outcome == "partial" for s in failing),
        "wrong": sum(s.outcome == "wrong" for s in failing),
        "unjudged": sum(s.outcome == "unjudged" for s in failing),
        "crashes": sum(s.outcome == "unnamed" and s.crashed for s in failing),
        "correct": len(correct),
        "full": sum(not s.failing for s in correct),
        "false_names": sum(bool(s.names) for s in correct),
    }


COLUMNS = ("mistakes", "failing", "named", "right", "partial", "wrong", "unjudged", "crashes",
           "correct", "full", "false_names")


def table(rows: dict[str, dict[str, int]]) -> str:
    lines = ["| assignment | " + " | ".join(COLUMNS) + " |",
             "|---|" + "---:|" * len(COLUMNS)]
    for name, row in rows.items():
        lines.append(f"| {name} | " + " | ".join(str(row[c]) for c in COLUMNS) + " |")
    return "\n".join(lines)


def misses(graded: list[Submission]) -> list[str]:
    lines = []
    for s in graded:
        if s.correct:
            if s.names or s.failing:
                lines.append(f"- FALSE {s.assignment}/{s.name} ({s.score:g}/{s.max_score:g}): "
                             f"{'; '.join(s.names) or s.first_message}")
            continue
        outcome = s.outcome
        if outcome == "right":
            continue
        said = f"{s.assignment}/{s.name}: {s.said}"
        if outcome == "passing":
            lines.append(f"- KEEPS FULL MARKS {said}")
        elif outcome == "unnamed":
            kind = "UNNAMED (crash)" if s.crashed else "UNNAMED"
            lines.append(f"- {kind} {said}\n    grader: {s.first_message[:300]}")
        else:
            named = "; ".join(f"[{v}] {n}" for n, v in zip(s.names, s.verdicts, strict=True))
            lines.append(f"- {outcome.upper()} {said}\n    grader: {named}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", type=Path, default=BATCH,
                        help="folder with <assignment>/*.py and judgements.csv")
    parser.add_argument("--assignment", action="append", choices=ASSIGNMENTS,
                        help="only this assignment (repeatable)")
    parser.add_argument("--work", type=Path,
                        help="scratch folder (default bench/work/<batch folder name>)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write every submission's outcome here")
    args = parser.parse_args(argv)
    args.work = args.work or ROOT / "bench" / "work" / args.batch.resolve().name
    judged = load_judgements(args.batch / "judgements.csv")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "grader", "assignments"], cwd=ROOT,
                           capture_output=True, text=True, check=False).stdout.strip()
    batch = args.batch.resolve()
    shown = batch.relative_to(ROOT) if batch.is_relative_to(ROOT) else batch
    print(f"held-out batch {shown}, engine {commit}"
          f"{' + uncommitted changes' if dirty else ''}")
    everything: list[Submission] = []
    rows: dict[str, dict[str, int]] = {}
    for assignment in args.assignment or ASSIGNMENTS:
        graded, seconds = grade(assignment, args.batch, args.work, args.jobs)
        for s in graded:
            s.verdicts = [judged.get((s.assignment, s.name, n), "unjudged") for n in s.names]
        rows[assignment] = summary_rows(graded)
        print(f"  graded {assignment}: {len(graded)} submissions in {seconds:.1f} s",
              file=sys.stderr)
        everything += graded
    rows["all"] = {c: sum(r[c] for r in rows.values()) for c in COLUMNS}
    print(table(rows))
    total = rows["all"]
    if total["failing"]:
        print(f"named {total['named']}/{total['failing']} "
              f"({100 * total['named'] / total['failing']:.0f}%), named right "
              f"{total['right']}/{total['failing']} "
              f"({100 * total['right'] / total['failing']:.0f}%), wrong {total['wrong']}, "
              f"partial {total['partial']}, unjudged {total['unjudged']}; false names on "
              f"correct solutions {total['false_names']}/{total['correct']}")
    lines = misses(everything)
    if lines:
        print("\nmisses (mistake -> what the grader said):")
        print("\n".join(lines))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(
            {"engine": commit, "dirty": bool(dirty), "summary": rows,
             "submissions": [asdict(s) | {"outcome": s.outcome} for s in everything]},
            indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
