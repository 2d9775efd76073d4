#!/usr/bin/env python3
"""Lay out nn-grader's `grader/` by pipeline stage (issue 18), as a re-runnable codemod.

Run it at the root of a git checkout of nn-grader whose grader/ is still flat:

    python3 /work/restructure/restructure.py            # do it (git mv + rewrites, no commit)
    python3 /work/restructure/restructure.py --dry-run  # print the plan only

What it does, in order (each step prints what it did; anything it could not do is listed at the
end under MANUAL):
  1. refuses an already restructured tree (grader/batch/ exists, or grader/commands/ is gone);
  2. moves modules with `git mv` per MODULES (and PACKAGE_RULES for whole folders: a module added
     under grader/commands/ since this script was written goes to grader/cli/ too); a top-level
     module it does not know is reported and left in place;
  3. rewrites every reference to a moved module: imports (`from grader import proxy` becomes
     `from grader.sandbox import proxy`), dotted names in code, strings and docs
     (`-m grader.worker`, monkeypatch targets, entry points) and paths (`grader/worker.py`), in
     grader/, tests/, bench/, reference/, assignments/, templates/, docs/, README.md,
     pyproject.toml and Makefile;
  4. moves named top-level functions/classes/constants between modules (SPLITS), by AST line
     ranges, with the imports they need; users (`from M import f`, `M.f`, monkeypatch targets,
     "grader.M.f" strings) follow;
  5. applies PATCHES (small targeted text edits, e.g. the worker's sibling file list); a patch
     whose text is not found is reported under MANUAL, never guessed;
  6. hoists function-local imports of grader modules to the top of their module where that
     neither breaks the layering nor forms a cycle nor makes a light module pay for a heavy
     dependency (pandas, matplotlib, ...); the ones left are listed with the reason;
  7. writes the import-linter contracts (pyproject.toml), the `make lint` step, the package
     docstrings and docs/ARCHITECTURE.md (copied from ARCHITECTURE.md beside this script);
  8. sorts imports with the checkout's ruff (I001, F401) and prints the import graph's cycles
     and layer breaks (0 expected).
Then run `make test` (ruff, mypy, import-linter, the full suite).
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# ------------------------------------------------------------------------------------------------
# The tables. Module names are relative to `grader`.

KEEP = {"__init__", "__main__", "models", "errors", "config", "testing", "paths", "deadlines"}
"""Top-level modules that stay where they are: the public API and what every stage shares."""

PACKAGES: dict[str, str] = {
    "collect": "Collect: a disk entry (file, notebook, zip, folder) -> Submission.",
    "sandbox": "The trust boundary: worker processes, warm pools, bubblewrap, cgroups, the value\n"
               "codec and the student proxy. Student code runs only on the far side of it.",
    "sandbox.inside": "The only grader code that runs inside the sandbox, next to the student's\n"
                      "code (copied out as plain files: see grader.sandbox.bwrap.WORKER_FILES).",
    "run": "Run: an assignment's tests x one submission -> RunResult (runner, reference loading,\n"
           "CPU-limit calibration, reference cache).",
    "checks": None,  # checks.py becomes checks/__init__.py: the public check API keeps its name
    "batch": "Batch: entries -> grades (the batch driver, executors, the late policy).",
    "store": "Store: the gradebook (SQLite), one row per submission, committed one by one.",
    "report": "Report: feedback pages, score sheets, exports and plots, from the gradebook.",
    "authoring": "Authoring: what instructors use to build a course: releases, stubs, notebooks,\n"
                 "mutants, validate, scaffolding, importers, the demo class, CI templates, the\n"
                 "student build. The grading runtime never imports this package.",
    "student": "What `grader check` and the release notebook's check cells need, importable\n"
               "without the grading runtime's batch, store, report and authoring packages.",
    "cli": "The `grader` command line: click verbs only, one module per verb (loaded lazily).",
}

MODULES: dict[str, str] = {
    # sandbox/: the trust boundary
    "sandbox": "sandbox.process",
    "bwrap": "sandbox.bwrap",
    "cgroups": "sandbox.cgroups",
    "pool": "sandbox.pool",
    "proxy": "sandbox.proxy",
    "local": "sandbox.local",
    "codec": "sandbox.inside.codec",      # the worker loads it from its own folder
    "worker": "sandbox.inside.worker",
    "invoke": "sandbox.inside.invoke",    # one call -> reply, in the worker and in-process
    "confine": "sandbox.inside.confine",  # the uid level's privilege drop, before any import
    "calls": "sandbox.calls",             # a reply -> Call or the exception a test sees
    "isolation": "sandbox.isolation",     # which level, why not a stronger one
    "uids": "sandbox.uids",
    # collect/
    "collect": "collect.entries",
    "cells": "collect.cells",
    # run/
    "run": "run.runner",
    "calibrate": "run.calibrate",
    "refcache": "run.refcache",
    "runtest": "run.runtest",             # the one run_test and its scoring rules
    "catalogue": "run.catalogue",         # an assignment's mistake catalogue, loaded for a run
    "diagnose": "run.diagnose",           # replays a failing test's calls on the catalogue
    "solution": "run.reference",          # solution markers + import_reference; mutants split off
    # checks/
    "checks": "checks",                   # -> grader/checks/__init__.py
    "compare": "checks.compare",
    "gradcheck": "checks.gradients",
    "mistakes": "checks.mistakes",
    "importers.compat": "checks.compat",  # imported tests' assertion helpers: run at grading time
    # batch/
    "grade": "batch.driver",
    "executors": "batch.executors",
    "score": "batch.late",
    "inflight": "batch.inflight",         # entries in flight when a grader died; quarantine
    # store/
    "gradebook": "store.gradebook",
    # report/
    "report": "report.pages",
    "export": "report.export",
    "plots": "report.plots",
    "roster": "report.roster",
    # authoring/
    "generate": "authoring.generate",
    "notebook": "authoring.notebook",
    "validate": "authoring.validate",
    "scaffold": "authoring.scaffold",
    "garbage": "authoring.garbage",       # validate's garbage and equivalent submissions
    "demo": "authoring.demo",
    "ci": "authoring.ci",
    "student_build": "authoring.student_build",
    "importers": "authoring.importers",
    # cli/
    "cli": "cli.main",
    "commands": "cli.common",
}

PACKAGE_RULES: dict[str, str] = {
    "commands": "cli",                    # every verb module, including ones added later
    "importers": "authoring.importers",
}
"""Old package -> new package: each module in the old folder not named in MODULES moves here."""

SPLITS: dict[str, dict[str, str]] = {
    # Cycle checks <-> gradcheck: what gradients need from checks moves below both.
    "checks": {"__getattr__": "-", "_GRADCHECK": "-",
               "CheckFailure": "checks.failure", "fail": "checks.failure",
               "_first_match": "checks.failure", "_clip": "checks.failure",
               "relative_error": "checks.failure"},
    # Cycle grade <-> executors, and the runtime's first stop being authoring code: loading tests
    # and the reference is the run stage's job.
    "batch.driver": {
        "load_tests": "run.reference", "load_reference": "run.reference",
        "BatchError": "errors", "Batch": "models",
        "RESULT_MODULES": "batch.digest", "tests_digest": "batch.digest",
        "SHEET_COLUMNS": "report.sheets", "write_outputs": "report.sheets",
        "_first_line": "report.sheets",
        "_progress_bar": "batch.progress",
        "_SURROGATE": "store.records", "text": "store.records", "storable": "store.records",
        "not_run": "store.records", "failed": "store.records", "GRADER_CRASH": "store.records",
    },
    # Cycle generate <-> notebook <-> solution: reading the reference source and cutting stubs go
    # below the notebook and release builders; markers stay with the runtime's reference loader.
    "authoring.generate": {
        "GenerateError": "authoring.source", "FunctionStub": "authoring.source",
        "ReferenceSource": "authoring.source", "_literal_names": "authoring.source",
        "read_reference": "authoring.source", "_PRIVATE_IMPORTS": "authoring.source",
        "_docstring_node": "authoring.source", "stub_function": "authoring.source",
        "_import_names": "authoring.stubs", "_import_root": "authoring.stubs",
        "_used_names": "authoring.stubs", "stub_imports": "authoring.stubs",
        "_module_level": "authoring.stubs", "header_constants": "authoring.stubs",
        "_check_provided_self_contained": "authoring.stubs", "Stub": "authoring.stubs",
        "build_stub": "authoring.stubs", "solution_cells": "authoring.stubs",
        "_environment": "authoring.stubs",
        "_normalise": "authoring.leaks", "_body_without_docstring": "authoring.leaks",
        "_body_dump": "authoring.leaks", "_release_texts": "authoring.leaks",
        "declared_test_names": "authoring.leaks", "find_leaks": "authoring.leaks",
    },
    "run.reference": {
        "read_marked_reference": "authoring.source", "marked_stub_function": "authoring.source",
        "_transform": "authoring.mutate", "_zero": "authoring.mutate",
        "_negate": "authoring.mutate", "_scribble": "authoring.mutate",
        "mutant": "authoring.mutate", "MUTANTS": "authoring.mutate",
        "mutant_module": "authoring.mutate",
    },
    # notebook.py held both the release builder and check_here, which runs in the student's kernel.
    "authoring.notebook": {
        "SKIP_TAG": "collect.cells",
        "CheckLine": "student.check", "check_here": "student.check",
        "format_check": "student.check", "called_functions": "student.check",
    },
    # proxy -> calibrate ran back up the pipeline: the CPU clock and its formula are the sandbox's.
    "run.calibrate": {"cpu_allowed": "sandbox.cpu", "floor_decides": "sandbox.cpu"},
    "sandbox.proxy": {"CPU_GRACE": "sandbox.cpu", "_CpuExceeded": "sandbox.cpu",
                      "_duration": "sandbox.cpu", "_CpuClock": "sandbox.cpu"},
    "sandbox.process": {"choose_mode": "sandbox.isolation", "_warned": "sandbox.isolation",
                        "warn_weak_isolation": "sandbox.isolation",
                        "remove_stale_tmp": "sandbox.isolation"},
}
"""Module -> {top-level name: module it moves to}, by NEW module names, applied in this order."""

REEXPORT: dict[str, set[str]] = {
    # The test-authoring API: `from grader.checks import CheckFailure, close, gradient` stays.
    "checks": {"CheckFailure", "relative_error", "fail"},
}
"""Names that moved but stay importable from their old module (public API): users keep it."""

DOCSTRINGS: dict[str, str] = {
    "checks.failure": "What a failed check raises, and the one place that words a failure.",
    "run.reference": "The assignment's tests and reference, loaded for a batch: solution files with\n"
                     "solution markers (read and stripped) and `import_reference`.",
    "batch.digest": "The digest of an assignment's tests and the result-producing code: a batch\n"
                    "resumed after either changed grades afresh.",
    "batch.progress": "The progress bar of a batch (rich), off when the output is not a terminal.",
    "report.sheets": "The score sheets a batch writes beside its gradebook (scores.csv, JSON).",
    "store.records": "RunResults made storable: text made UTF-8, not-run and crash records.",
    "authoring.source": "The reference source a release is cut from: read with ast, never "
                        "imported\n(solution files with markers included).",
    "authoring.stubs": "The student's stub and the notebook's solution cells, cut from the "
                       "reference source.",
    "authoring.leaks": "Does a release leak hidden tests or reference bodies? Texts compared "
                       "after normalising.",
    "authoring.mutate": "Mutants of the reference (zeroed, negated, scribbled functions): "
                         "validate's proof\nthat the tests catch wrong code.",
    "student.check": "`check_here`: the visible tests run on functions defined in the student's "
                     "own notebook\nkernel (trusted by the student, so in-process), and their "
                     "one-line summary.",
    "sandbox.cpu": "CPU limits per call: the formula (calibrated reference time x factor, with a "
                   "floor) and\nthe clock that measures a call's CPU time in the worker.",
    "sandbox.isolation": "Which isolation level a worker gets (bubblewrap, uid drop, none), "
                         "the loud warning\nwhen it is weak, and stale private folders.",
}

PATCHES: list[tuple[str, str, Any, str]] = [
    # (file, regex, replacement, why). Applied after the moves; a miss is reported, not guessed.
    ("grader/checks/__init__.py", r"if TYPE_CHECKING:\n    (from grader\.checks\.gradients import \()",
     r"\1", "the gradient checks are re-exported by a plain import now: no cycle to hide"),
    ("grader/sandbox/bwrap.py", r"GRADER_DIR = Path\(__file__\)\.resolve\(\)\.parent\n",
     'GRADER_DIR = Path(__file__).resolve().parent.parent\n'
     '"""The grader package (never visible in the sandbox)."""\n'
     'WORKER_DIR = Path(__file__).resolve().parent / "inside"\n'
     '"""Where the worker\'s files (WORKER_FILES) live: grader/sandbox/inside/."""\n',
     "bwrap.py moved into grader/sandbox/; the worker's files are in sandbox/inside/"),
    ("grader/sandbox/bwrap.py", r"\(GRADER_DIR / name\)\.read_bytes\(\)",
     "(WORKER_DIR / name).read_bytes()", "the worker's files are in sandbox/inside/"),
    ("grader/authoring/student_build.py",
     r"root = Path\(__file__\)\.resolve\(\)\.parent\.parent\n",
     "root = Path(__file__).resolve().parents[2]  # grader/authoring/student_build.py\n",
     "student_build.py is one folder deeper: the checkout is three levels up"),
    ("tests/grader/test_cpu_limits.py",
     r'(folder = Path\(__file__\)\.resolve\(\)\.parents\[2\] / "grader")\n',
     '\\1 / "sandbox" / "inside"\n', "the test imports worker.py from its folder"),
    ("tests/grader/test_sandbox.py", r'\(REPO / "grader" / name\)\.read_bytes\(\)',
     '(REPO / "grader" / "sandbox" / "inside" / name).read_bytes()',
     "the worker's files are in grader/sandbox/inside/"),
    ("grader/batch/digest.py", r"RESULT_MODULES = \([^)]*\)\n",
     'RESULT_MODULES = ("collect", "sandbox", "run", "checks", "testing", "errors", "models")\n',
     "the digest covers the packages that decide a RunResult, not a hand-kept module list"),
    ("grader/batch/digest.py",
     r"( *)for name in RESULT_MODULES:\n\s*source = package / f\"\{name\}\.py\"\n\s*if source\.is_file\(\):\n"
     r"\s*h\.update\(f\"grader/\{name\}\.py\\0\"\.encode\(\) \+ "
     r"hashlib\.sha256\(source\.read_bytes\(\)\)\.digest\(\)\)\n",
     lambda m: (f"{m[1]}for name in RESULT_MODULES:\n"
                f"{m[1]}    folder, module = package / name, package / f\"{{name}}.py\"\n"
                f"{m[1]}    for source in sorted(folder.rglob(\"*.py\")) if folder.is_dir() else [module]:\n"
                f"{m[1]}        if source.is_file():\n"
                f"{m[1]}            rel = source.relative_to(package).as_posix()\n"
                f"{m[1]}            h.update(f\"grader/{{rel}}\\0\".encode() + "
                f"hashlib.sha256(source.read_bytes()).digest())\n"),
     "the digest reads every module of the packages that decide a RunResult"),
]

LAYERS = [
    "grader.cli",
    "grader.authoring",
    "grader.batch",
    "grader.report",
    "grader.store",
    "grader.run | grader.student",
    "grader.sandbox | grader.checks | grader.collect",
    "grader.testing : grader.config : grader.models : grader.errors : grader.paths",
    # grader.deadlines (issue 14, where present) sits beside config/models, outside the layers
]
"""Top to bottom: a module may import only from its own or lower layers ('|': independent
siblings, ':' siblings that may import each other)."""

RUNTIME = ["grader.batch", "grader.run", "grader.sandbox", "grader.checks", "grader.collect",
           "grader.store", "grader.report", "grader.student"]

HEAVY = {"pandas", "matplotlib", "dask", "distributed", "nbformat", "jinja2", "scipy", "torch",
         "pyarrow", "openpyxl", "rich"}
"""Third-party packages a function-local import may be deferring on purpose (start-up time)."""

TEXT_ROOTS = ["grader", "tests", "bench", "reference", "assignments", "templates", "docs",
              "README.md", "pyproject.toml", "Makefile", ".ci"]
TEXT_SUFFIXES = {".py", ".md", ".toml", ".j2", ".ipynb", ".txt", ".yml", ".yaml", ".cfg", ".ini",
                 ".sh", ".json", ".html", ".csv", ""}

# ------------------------------------------------------------------------------------------------

MANUAL: list[str] = []
LOG: list[str] = []


def say(line: str) -> None:
    LOG.append(line)
    print(line)


def manual(line: str) -> None:
    MANUAL.append(line)
    print("MANUAL: " + line)


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def mod_path(name: str, root: Path = Path("grader")) -> Path:
    """grader-relative dotted module -> its file (package -> __init__.py), existing or not."""
    if name in ("", "__init__"):
        return root / "__init__.py"
    parts = name.split(".")
    as_pkg = root.joinpath(*parts) / "__init__.py"
    return as_pkg if as_pkg.exists() else root.joinpath(*parts[:-1], parts[-1] + ".py")


def modules_now(root: Path = Path("grader")) -> dict[str, Path]:
    found = {}
    for p in sorted(root.rglob("*.py")):
        if "_data" in p.parts or "__pycache__" in p.parts:
            continue
        parts = list(p.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = p
    return found


def text_files() -> list[Path]:
    files = []
    for r in TEXT_ROOTS:
        p = Path(r)
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if (f.is_file() and f.suffix in TEXT_SUFFIXES and "__pycache__" not in f.parts
                        and ".venv" not in f.parts and not f.is_symlink()):
                    files.append(f)
    tracked = set(git("ls-files").splitlines())
    return [f for f in files if str(f) in tracked or f.suffix == ".py"]


# ------------------------------------------------------------------------------------------------
# 1. refuse a restructured tree


def preflight() -> None:
    if not Path("grader/models.py").is_file() or not Path("pyproject.toml").is_file():
        sys.exit("restructure: run me at the root of an nn-grader checkout (grader/models.py)")
    if Path("grader/batch").exists() or not Path("grader/commands").is_dir():
        sys.exit("restructure: grader/ is already laid out by stage (grader/batch/ exists or "
                 "grader/commands/ is gone); nothing to do. Start from a flat checkout.")
    if git("status", "--porcelain", "--untracked-files=no").strip():
        sys.exit("restructure: the work tree has uncommitted changes; commit or stash them first")


# ------------------------------------------------------------------------------------------------
# 2. the move plan


def plan_moves() -> dict[str, str]:
    """old dotted (grader-relative) -> new dotted, for every module that moves."""
    now = modules_now()
    plan: dict[str, str] = {}
    for old, new in MODULES.items():
        if old in now:
            plan[old] = new
        else:
            say(f"note: MODULES names grader.{old}, which this checkout does not have: skipped")
    for old_pkg, new_pkg in PACKAGE_RULES.items():
        for name in now:
            if name.startswith(old_pkg + ".") and name not in plan:
                plan[name] = new_pkg + name[len(old_pkg):]
    for name in now:
        top = name.split(".")[0]
        if name == "" or name in plan or top in KEEP or top in PACKAGE_RULES or name in KEEP:
            continue
        if name.startswith(tuple(p + "." for p in MODULES)):
            continue
        manual(f"grader.{name} is not in the mapping table: left in place (add it to MODULES)")
    return plan


def do_moves(plan: dict[str, str], dry: bool) -> None:
    now = modules_now()
    # Each old file -> new file. Packages: their __init__ goes where the table says (a module or
    # a package __init__), the rest follow by rule.
    pairs: list[tuple[Path, Path]] = []
    for old, new in plan.items():
        src = now[old]
        new_parts = new.split(".")
        is_new_pkg = new in PACKAGES or src.name == "__init__.py" and not new.startswith("cli.")
        dst = (Path("grader").joinpath(*new_parts, "__init__.py") if is_new_pkg
               else Path("grader").joinpath(*new_parts[:-1], new_parts[-1] + ".py"))
        pairs.append((src, dst))
    for src, dst in pairs:
        say(f"git mv {src} {dst}")
    if dry:
        return
    # Step 1: everything to a temporary name (a module and the package replacing it share a name)
    tmp = Path("grader/_restructure_tmp")
    staged = []
    for i, (src, dst) in enumerate(pairs):
        t = tmp / f"{i}.py"
        t.parent.mkdir(parents=True, exist_ok=True)
        git("mv", str(src), str(t))
        staged.append((t, dst))
    for t, dst in staged:
        dst.parent.mkdir(parents=True, exist_ok=True)
        git("mv", str(t), str(dst))
    shutil.rmtree(tmp, ignore_errors=True)
    for old_pkg in PACKAGE_RULES:
        d = Path("grader") / old_pkg.replace(".", "/")
        if d.is_dir():
            for leftover in d.rglob("*"):
                if leftover.is_file() and "__pycache__" not in leftover.parts:
                    manual(f"{leftover}: left in the old package folder")
            shutil.rmtree(d / "__pycache__", ignore_errors=True)
            if not any(d.rglob("*.py")):
                shutil.rmtree(d, ignore_errors=True)
    for pkg, doc in PACKAGES.items():
        init = Path("grader").joinpath(*pkg.split("."), "__init__.py")
        if not init.exists():
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text(f'"""{doc}"""\n' if doc else "")
            git("add", str(init))


# ------------------------------------------------------------------------------------------------
# 3. rewrite references to moved modules


def rename_map(plan: dict[str, str]) -> dict[str, str]:
    m = {f"grader.{o}": f"grader.{n}" for o, n in plan.items()}
    return m


def rewrite_from_grader_import(src: str, ren: dict[str, str]) -> str:
    """`from grader import a, b as c` where a/b are moved modules -> one import per new parent."""
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    lines = src.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ImportFrom) and node.module == "grader" and node.level == 0):
            continue
        if not any(f"grader.{a.name}" in ren for a in node.names):
            continue
        groups: dict[str, list[str]] = defaultdict(list)
        for a in node.names:
            full = ren.get(f"grader.{a.name}", f"grader.{a.name}")
            parent, _, leaf = full.rpartition(".")
            alias = a.asname or a.name
            groups[parent].append(leaf if alias == leaf else f"{leaf} as {alias}")
        indent = lines[node.lineno - 1][: node.col_offset]
        tail = lines[node.end_lineno - 1][node.end_col_offset:]
        comment = tail.strip()
        new = [f"from {p} import {', '.join(ns)}" for p, ns in groups.items()]
        text = ("\n" + indent).join(new)
        if comment:
            text += "  " + comment.lstrip()
        edits.append((node.lineno, node.end_lineno, indent + text + "\n"))
    for start, end, text in sorted(edits, reverse=True):
        lines[start - 1:end] = [text]
    return "".join(lines)


def rewrite_text(files: list[Path], ren: dict[str, str]) -> int:
    olds = sorted(ren, key=len, reverse=True)
    dotted = re.compile(r"(?<![\w.])(" + "|".join(re.escape(o) for o in olds) + r")(?![\w])")
    path_map = {}
    for o, n in ren.items():
        op, np_ = o.replace(".", "/"), n.replace(".", "/")
        old_file = Path(op + ".py")
        new_init = Path(np_) / "__init__.py"
        new_file = new_init if new_init.exists() else Path(np_ + ".py")
        path_map[op + ".py"] = str(new_file)
        if Path(np_).is_dir() and not Path(op + ".py").exists():
            path_map[op + "/"] = np_ + "/"
        del old_file
    paths = re.compile(r"(?<![\w/.])(" + "|".join(re.escape(o) for o in
                                                    sorted(path_map, key=len, reverse=True)) + r")")
    changed = 0
    for f in files:
        try:
            src = f.read_text()
        except UnicodeDecodeError:
            continue
        new = dotted.sub(lambda m: ren[m.group(1)], src)
        if f.suffix == ".py":  # after the dotted names: its output holds new names only
            new = rewrite_from_grader_import(new, ren)

        def in_text(m: re.Match[str]) -> str:  # code in strings, templates, docs: one name
            full = ren.get(f"grader.{m[2]}")
            if full is None:
                return m[0]
            parent, _, leaf = full.rpartition(".")
            alias = m[3] or (f" as {m[2]}" if leaf != m[2] else "")
            return f"{m[1]}from {parent} import {leaf}{alias}"

        new = re.sub(r"(^|\n[ \t]*)from grader import (\w+)( as \w+)?(?=[ \t]*(?:#[^\n]*)?(?:\n|\\n|$))",
                     in_text, new)
        new = paths.sub(lambda m: path_map[m.group(1)], new)
        if new != src:
            f.write_text(new)
            changed += 1
    return changed


# ------------------------------------------------------------------------------------------------
# 4. move top-level symbols between modules


def top_defs(tree: ast.Module) -> dict[str, ast.stmt]:
    out: dict[str, ast.stmt] = {}
    for n in tree.body:
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            out[n.name] = n
        elif isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            out[n.targets[0].id] = n
        elif isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name):
            out[n.target.id] = n
    return out


def segment(lines: list[str], tree: ast.Module, node: ast.stmt) -> tuple[int, int]:
    """0-based [start, end) lines of a top-level statement with its decorators, the comment
    block right above it and an attribute docstring right below it."""
    start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
    while start > 0 and lines[start - 1].lstrip().startswith("#") and \
            not lines[start - 1].startswith("# ---"):
        start -= 1
    end = node.end_lineno or node.lineno
    body = tree.body
    i = body.index(node)
    if i + 1 < len(body):
        nxt = body[i + 1]
        if isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant) and \
                isinstance(nxt.value.value, str) and not isinstance(node, ast.FunctionDef | ast.ClassDef):
            end = nxt.end_lineno or end
    return start, end


def names_loaded(nodes: list[ast.AST]) -> set[str]:
    out = set()
    for n in nodes:
        for x in ast.walk(n):
            if isinstance(x, ast.Name):
                out.add(x.id)
            elif isinstance(x, ast.Constant) and isinstance(x.value, str) and x.value.isidentifier():
                out.add(x.value)  # string annotations, __all__
    return out


def import_block(tree: ast.Module, lines: list[str]) -> list[tuple[ast.stmt, str]]:
    """Top-level import statements (and `if TYPE_CHECKING:` blocks) with their text."""
    out = []
    for n in tree.body:
        if isinstance(n, ast.Import | ast.ImportFrom) or (
                isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)):
            out.append((n, "".join(lines[n.lineno - 1:n.end_lineno])))
    return out


def pruned_imports(imports: list[tuple[ast.stmt, str]], used: set[str]) -> list[str]:
    out = []
    for node, _ in imports:
        stmts = node.body if isinstance(node, ast.If) else [node]
        kept_tc = []
        for s in stmts:
            if not isinstance(s, ast.Import | ast.ImportFrom):
                continue
            keep = []
            for a in s.names:
                bound = a.asname or a.name.split(".")[0]
                if bound in used or (isinstance(s, ast.ImportFrom) and s.module == "__future__"):
                    keep.append(a)
            if not keep:
                continue
            s2 = ast.ImportFrom(s.module, keep, s.level) if isinstance(s, ast.ImportFrom) \
                else ast.Import(keep)
            kept_tc.append(ast.unparse(s2))
        if isinstance(node, ast.If) and kept_tc:
            out.append("if TYPE_CHECKING:\n" + "".join(f"    {k}\n" for k in kept_tc))
        else:
            out += [k + "\n" for k in kept_tc]
    return out


def insert_after_imports(src: str, new_lines: list[str]) -> str:
    if not new_lines:
        return src
    tree = ast.parse(src)
    lines = src.splitlines(keepends=True)
    last = 0
    for n in tree.body:
        if isinstance(n, ast.Import | ast.ImportFrom) or (
                isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)):
            last = n.end_lineno or last
        elif last:
            break
    if last == 0:  # after the docstring
        first = tree.body[0] if tree.body else None
        if first is not None and isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            last = first.end_lineno or 0
        lines[last:last] = ["\n", "from __future__ import annotations\n", "\n"]
        last += 3
    lines[last:last] = new_lines
    return "".join(lines)


@dataclass
class Moved:
    source: str            # grader-relative dotted
    target: str
    names: set[str] = field(default_factory=set)


def split_module(source: str, table: dict[str, str], where: dict[tuple[str, str], str],
                 dry: bool) -> list[Moved]:
    path = mod_path(source)
    if not path.exists():
        manual(f"SPLITS: grader.{source} does not exist; split skipped")
        return []
    src = path.read_text()
    tree = ast.parse(src)
    lines = src.splitlines(keepends=True)
    defs = top_defs(tree)
    by_target: dict[str, list[str]] = defaultdict(list)
    for name, target in table.items():
        if name not in defs:
            manual(f"SPLITS: grader.{source}.{name} not found (renamed or already moved?)")
            continue
        by_target[target].append(name)
    if not by_target:
        return []
    imports = import_block(tree, lines)
    moved_all = {n for ns in by_target.values() for n in ns}
    remaining_nodes = [n for n in tree.body if n not in [defs[m] for m in moved_all]]
    result = []
    cut: list[tuple[int, int]] = []
    for target, names in by_target.items():
        names.sort(key=lambda n: defs[n].lineno)
        segs = [segment(lines, tree, defs[n]) for n in names]
        cut += segs
        if target == "-":
            say(f"drop {', '.join(names)} from grader.{source}")
            continue
        body = "\n\n".join("".join(lines[a:b]).strip("\n") + "\n" for a, b in segs)
        used = names_loaded([defs[n] for n in names])
        # names of the source module the moved code still needs
        needs = sorted((used & set(defs)) - set(names))
        from_src: dict[str, list[str]] = defaultdict(list)
        for n in needs:
            home = where.get((source, n), table.get(n, source))
            if home != target:
                from_src[home].append(n)
        imps = pruned_imports(imports, used)
        imps += [f"from {gmod(h)} import {', '.join(sorted(ns))}\n" for h, ns in from_src.items()]
        tpath = mod_path(target)
        say(f"move {', '.join(names)}: grader.{source} -> grader.{target}")
        for n in names:
            where[(source, n)] = target
        result.append(Moved(source, target, set(names)))
        if dry:
            continue
        tpath.parent.mkdir(parents=True, exist_ok=True)
        existing = tpath.read_text() if tpath.exists() else ""
        etree = ast.parse(existing)
        has_code = any(not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
                       for n in etree.body)
        if has_code:
            bound = {a.asname or a.name.split(".")[0] for n in ast.walk(etree)
                     if isinstance(n, ast.Import | ast.ImportFrom) for a in n.names} | set(top_defs(etree))
            new_imps = []
            for imp in imps:
                if "__future__" in imp:
                    continue
                inode = ast.parse(imp).body[0]
                if isinstance(inode, ast.If):
                    inode = inode.body[0]
                assert isinstance(inode, ast.Import | ast.ImportFrom)
                keep = [a for a in inode.names if (a.asname or a.name.split(".")[0]) not in bound]
                if keep:
                    inode.names = keep
                    new_imps.append(ast.unparse(inode) + "\n")
            existing = insert_after_imports(existing, new_imps)
            tpath.write_text(existing.rstrip("\n") + "\n\n\n" + body)
        else:
            doc = ast.get_docstring(etree) or DOCSTRINGS.get(target, f"Moved from grader.{source}.")
            tpath.write_text(f'"""{doc}"""\n\nfrom __future__ import annotations\n\n'
                             + "".join(i for i in imps if "__future__" not in i)
                             + "\n\n" + body)
            git("add", str(tpath))
    if dry:
        return result
    # the source without the moved code, importing back what it still uses or re-exports
    keep_lines = list(lines)
    for a, b in sorted(cut, reverse=True):
        del keep_lines[a:b]
    rest = re.sub(r"\n{4,}", "\n\n\n", "".join(keep_lines))
    still = names_loaded(remaining_nodes) | REEXPORT.get(source, set())
    back: dict[str, list[str]] = defaultdict(list)
    for target, names in by_target.items():
        for n in names:
            if n in still and target != "-":
                back[target].append(n)
    new_imps = []
    for t, ns in back.items():
        pub = REEXPORT.get(source, set())
        new_imps.append(f"from {gmod(t)} import "
                        + ", ".join(f"{n} as {n}" if n in pub else n for n in sorted(ns)) + "\n")
    rest = insert_after_imports(prune_unused_imports(rest, REEXPORT.get(source, set())), new_imps)
    path.write_text(rest)
    return result


def prune_unused_imports(src: str, keep: set[str]) -> str:
    """Drop top-level imported names that code moved away no longer leaves in use (explicit
    `name as name` re-exports, names in `keep` and __future__ stay)."""
    tree = ast.parse(src)
    lines = src.splitlines(keepends=True)
    body_nodes = [n for n in tree.body if not isinstance(n, ast.Import | ast.ImportFrom | ast.If)
                  or (isinstance(n, ast.If) and "TYPE_CHECKING" not in ast.unparse(n.test))]
    used = names_loaded(body_nodes) | keep
    if any(isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test) for n in tree.body):
        used.add("TYPE_CHECKING")
    edits = []
    for node, _ in import_block(tree, lines):
        stmts = node.body if isinstance(node, ast.If) else [node]
        for s in stmts:
            if not isinstance(s, ast.Import | ast.ImportFrom):
                continue
            if isinstance(s, ast.ImportFrom) and s.module == "__future__":
                continue
            kept = [a for a in s.names if (a.asname or a.name.split(".")[0]) in used
                    or (a.asname is not None and a.asname == a.name)]
            if len(kept) == len(s.names):
                continue
            indent = lines[s.lineno - 1][: s.col_offset]
            if kept:
                s.names = kept
                text = indent + ast.unparse(s) + "\n"
            elif isinstance(node, ast.If) and len(node.body) == 1:
                text = indent + "pass\n"
            else:
                text = ""
            edits.append((s.lineno, s.end_lineno or s.lineno, text))
    for a, b, text in sorted(edits, reverse=True):
        lines[a - 1:b] = [text] if text else []
    return "".join(lines)


def gmod(rel: str) -> str:
    return "grader" if rel in ("", "__init__") else f"grader.{rel}"


def rewrite_users(moves: list[Moved], files: list[Path]) -> None:
    """`from grader.S import a` -> `from grader.T import a`; `S.a` through a module alias;
    "grader.S.a" strings and monkeypatch.setattr(S, "a", ...)."""
    by_source: dict[str, dict[str, str]] = defaultdict(dict)
    for mv in moves:
        for n in mv.names:
            if n in REEXPORT.get(mv.source, set()):
                continue
            by_source[gmod(mv.source)][n] = gmod(mv.target)
    dotted = {f"{s}.{n}": f"{t}.{n}" for s, m in by_source.items() for n, t in m.items()}
    drx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(d) for d in
                                               sorted(dotted, key=len, reverse=True)) + r")(?![\w])")
    for f in files:
        try:
            src = f.read_text()
        except UnicodeDecodeError:
            continue
        new = drx.sub(lambda m: dotted[m.group(1)], src) if dotted else src
        if f.suffix == ".py":
            new = _rewrite_py_users(new, by_source, f)
        if True:  # code in strings, templates, notebooks, docs: `from grader.S import a, b`
            def one_line(m: re.Match[str]) -> str:
                table = by_source.get(m[2], {})
                names = [n.strip().split(" ")[0] for n in m[4].split(",")]
                homes = {table.get(n, m[2]) for n in names}
                return f"{m[1]}{homes.pop()}{m[3]}{m[4]}" if len(homes) == 1 else m[0]

            new = re.sub(r"(from\s+)(grader\.[\w.]+)(\s+import\s+)([\w, ]+)", one_line, new)
        if new != src:
            f.write_text(new)


def _rewrite_py_users(src: str, by_source: dict[str, dict[str, str]], f: Path) -> str:
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    lines = src.splitlines(keepends=True)
    edits: list[tuple[int, int, int, int, str]] = []  # (line, col, eline, ecol, text)
    aliases: dict[str, str] = {}  # local name bound to a source module -> module
    my_mod = ".".join(f.with_suffix("").parts).removesuffix(".__init__")
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in by_source:
            table = by_source[node.module]
            if not any(a.name in table for a in node.names):
                continue
            groups: dict[str, list[str]] = defaultdict(list)
            for a in node.names:
                home = table.get(a.name, node.module)
                if home == my_mod:
                    continue
                groups[home].append(a.name if not a.asname else f"{a.name} as {a.asname}")
            indent = lines[node.lineno - 1][: node.col_offset]
            text = ("\n" + indent).join(f"from {h} import {', '.join(ns)}" for h, ns in groups.items())
            edits.append((node.lineno, node.col_offset, node.end_lineno or node.lineno,
                          node.end_col_offset or 0, text or "pass"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for a in node.names:
                full = f"{node.module}.{a.name}"
                if full in by_source:
                    aliases[a.asname or a.name] = full
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name in by_source and a.asname:
                    aliases[a.asname] = a.name
    extra_imports: set[str] = set()
    if aliases:
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id in aliases and node.attr in by_source[aliases[node.value.id]]:
                target = by_source[aliases[node.value.id]][node.attr]
                leaf = target.rpartition(".")[2]
                extra_imports.add(f"from {target.rpartition('.')[0]} import {leaf}")
                v = node.value
                edits.append((v.lineno, v.col_offset, v.end_lineno or v.lineno,
                              v.end_col_offset or 0, leaf))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("setattr", "delattr") and len(node.args) >= 2 and \
                    isinstance(node.args[0], ast.Name) and node.args[0].id in aliases and \
                    isinstance(node.args[1], ast.Constant) and \
                    node.args[1].value in by_source[aliases[node.args[0].id]]:
                target = by_source[aliases[node.args[0].id]][node.args[1].value]
                leaf = target.rpartition(".")[2]
                extra_imports.add(f"from {target.rpartition('.')[0]} import {leaf}")
                v = node.args[0]
                edits.append((v.lineno, v.col_offset, v.end_lineno or v.lineno,
                              v.end_col_offset or 0, leaf))
    if not edits:
        return src
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln))
    out = src
    for ln, col, eln, ecol, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        a = offsets[ln - 1] + len(lines[ln - 1].encode()[:col].decode(errors="ignore"))
        b = offsets[eln - 1] + len(lines[eln - 1].encode()[:ecol].decode(errors="ignore"))
        out = out[:a] + text + out[b:]
    if extra_imports:
        out = insert_after_imports(out, [i + "\n" for i in sorted(extra_imports)])
    return out


def deep_imports() -> None:
    """Inside a package, `from grader.pkg import name` where pkg/__init__ only re-exports name
    (`from grader.pkg.mod import name as name`) -> `from grader.pkg.mod import name`: a module of
    the package must not import its own package's facade (that is a cycle)."""
    mods = modules_now()
    origin: dict[str, dict[str, str]] = {}
    for m, p in mods.items():
        if p.name != "__init__.py" or not m:
            continue
        for n in ast.parse(p.read_text()).body:
            if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith(gmod(m) + "."):
                for a in n.names:
                    origin.setdefault(gmod(m), {})[a.asname or a.name] = n.module
    for m, p in mods.items():
        src = p.read_text()
        tree = ast.parse(src)
        lines = src.splitlines(keepends=True)
        edits = []
        for node in tree.body:
            if not (isinstance(node, ast.ImportFrom) and node.module in origin
                    and gmod(m).startswith(node.module + ".")):
                continue
            table = origin[node.module]
            if not any(a.name in table for a in node.names):
                continue
            groups: dict[str, list[str]] = defaultdict(list)
            for a in node.names:
                home = table.get(a.name, node.module)
                groups[home].append(a.name if not a.asname else f"{a.name} as {a.asname}")
            text = "".join(f"from {h} import {', '.join(ns)}\n" for h, ns in groups.items())
            edits.append((node.lineno, node.end_lineno or node.lineno, text))
        for a, b, text in sorted(edits, reverse=True):
            lines[a - 1:b] = [text]
        if edits:
            p.write_text("".join(lines))
            say(f"grader.{m}: imports its package's names from where they are defined")


# ------------------------------------------------------------------------------------------------
# 5. patches


def apply_patches(dry: bool) -> None:
    for file, old, new, why in PATCHES:
        p = Path(file)
        if not p.exists() or not re.search(old, p.read_text()):
            manual(f"patch not applied ({why}): {file} no longer matches {old[:60]!r}")
            continue
        say(f"patch {file}: {why}")
        if not dry:
            p.write_text(prune_unused_imports(re.sub(old, new, p.read_text(), count=1), set()))


# ------------------------------------------------------------------------------------------------
# 6. the import graph: cycles, layers, hoisting function-local imports


def resolve(name: str, mods: dict[str, Path]) -> str | None:
    while name:
        rel = name.removeprefix("grader").removeprefix(".")
        if rel in mods or (name == "grader" and "" in mods):
            return rel
        name = name.rpartition(".")[0]
    return None


@dataclass
class Imp:
    module: str        # grader-relative importer
    target: str        # grader-relative imported
    node: ast.stmt
    local: bool        # inside a function
    type_only: bool


def graph(mods: dict[str, Path]) -> tuple[list[Imp], dict[str, set[str]]]:
    imps: list[Imp] = []
    third: dict[str, set[str]] = defaultdict(set)
    for m, p in mods.items():
        tree = ast.parse(p.read_text())

        def visit(node: ast.AST, local: bool, tc: bool, m: str = m, p: Path = p) -> None:
            for ch in ast.iter_child_nodes(node):
                if isinstance(ch, ast.If) and "TYPE_CHECKING" in ast.unparse(ch.test):
                    visit(ch, local, True)
                    continue
                if isinstance(ch, ast.Import | ast.ImportFrom):
                    names = []
                    if isinstance(ch, ast.Import):
                        names = [a.name for a in ch.names]
                    else:
                        base = ch.module or ""
                        if ch.level:
                            pk = m.split(".") if p.name == "__init__.py" else m.split(".")[:-1]
                            pk = pk[:len(pk) - (ch.level - 1)]
                            base = ".".join(["grader", *pk] + ([base] if base else []))
                        names = [f"{base}.{a.name}" for a in ch.names] or [base]
                    for n in names:
                        if n.split(".")[0] == "grader":
                            r = resolve(n, mods)
                            if r is not None and r != m:
                                imps.append(Imp(m, r, ch, local, tc))
                        elif not local and not tc:
                            third[m].add(n.split(".")[0])
                    continue
                visit(ch, local or isinstance(ch, ast.FunctionDef | ast.AsyncFunctionDef), tc)

        visit(tree, False, False)
    return imps, third


def layer_of(mod: str) -> tuple[int, str, bool] | None:
    """(layer index, the layer's part holding mod, whether the parts are independent)."""
    full = gmod(mod)
    for i, layer in enumerate(LAYERS):
        independent = "|" in layer
        for part in (x.strip() for x in re.split(r"[|:]", layer)):
            if full == part or full.startswith(part + "."):
                return i, part, independent
    return None


def allowed(importer: str, target: str) -> bool:
    a, b = layer_of(importer), layer_of(target)
    if a is None or b is None:
        return True
    if a[1] == b[1]:
        return True
    if a[0] == b[0]:
        return not a[2]
    return b[0] > a[0]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(10000)

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(edges):
        if v not in index:
            strong(v)
    return out


def package_edges(imps: list[Imp], include_local: bool) -> dict[str, set[str]]:
    e: dict[str, set[str]] = defaultdict(set)
    for i in imps:
        if i.type_only or (i.local and not include_local):
            continue
        e[i.module].add(i.target)  # as grimp (import-linter) counts: no implicit parent edges
    return e


def heavy_closure(mods: dict[str, Path], imps: list[Imp], third: dict[str, set[str]]) -> dict[str, set[str]]:
    e = package_edges(imps, include_local=False)
    memo: dict[str, set[str]] = {}

    def go(m: str, seen: set[str]) -> set[str]:
        if m in memo:
            return memo[m]
        out = set(third.get(m, set())) & HEAVY
        for t in e.get(m, ()):
            if t not in seen:
                out |= go(t, seen | {t})
        memo[m] = out
        return out

    return {m: go(m, {m}) for m in mods}


def patched_in_tests() -> set[tuple[str, str]]:
    """(module leaf, name) pairs the tests monkeypatch: a local `from M import name` looks the
    name up at call time, so hoisting it would make the patch miss."""
    pairs = set()
    for f in Path("tests").rglob("*.py"):
        for m in re.finditer(r"setattr\(\s*([\w.]+)\s*,\s*[\"'](\w+)[\"']", f.read_text()):
            pairs.add((m[1].rpartition(".")[2], m[2]))
        for m in re.finditer(r"[\"']grader\.([\w.]+)\.(\w+)[\"']", f.read_text()):
            pairs.add((m[1].rpartition(".")[2], m[2]))
    return pairs


def hoist_local_imports(dry: bool) -> list[str]:
    """Move function-local grader imports to the top where safe; return the ones left."""
    left: list[str] = []
    patched = patched_in_tests()
    for _round in range(3):
        mods = modules_now()
        imps, third = graph(mods)
        heavy = heavy_closure(mods, imps, third)
        edges = package_edges(imps, include_local=False)
        by_file: dict[str, list[Imp]] = defaultdict(list)
        left = []
        for i in imps:
            if not i.local or i.type_only:
                continue
            where = f"grader.{i.module}:{i.node.lineno} imports {gmod(i.target)}"
            if i.module.startswith("cli") or i.module == "cli":
                left.append(f"{where}: a verb loaded lazily (by design)")
                continue
            if not allowed(i.module, i.target):
                left.append(f"{where}: against the layers (needs a move)")
                continue
            names = {a.name for a in i.node.names} if isinstance(i.node, ast.ImportFrom) else set()
            if any((i.target.rpartition(".")[2], n) in patched for n in names):
                left.append(f"{where}: tests monkeypatch it (looked up at call time)")
                continue
            extra = heavy[i.target] - heavy[i.module]
            if extra:
                left.append(f"{where}: defers {', '.join(sorted(extra))} (start-up time)")
                continue
            trial = {k: set(v) for k, v in edges.items()}
            trial.setdefault(i.module, set()).add(i.target)
            if any(i.module in c for c in cycles(trial)):
                left.append(f"{where}: would close a cycle")
                continue
            by_file[i.module].append(i)
        if not by_file or dry:
            break
        for m, items in by_file.items():
            p = mods[m]
            src = p.read_text()
            tree = ast.parse(src)
            top_names = set(top_defs(tree))
            lines = src.splitlines(keepends=True)
            nodes = {id(i.node): i.node for i in items}
            hoisted = []
            removed = []
            for node in nodes.values():
                assert isinstance(node, ast.Import | ast.ImportFrom)
                bound = {a.asname or a.name.split(".")[0] for a in node.names}
                if bound & top_names:
                    continue
                text = "".join(lines[node.lineno - 1:node.end_lineno]).strip()
                # the only statement of its line(s)?
                if lines[node.lineno - 1][:node.col_offset].strip():
                    continue
                hoisted.append(re.sub(r"\s*\n\s*", " ", text).replace("( ", "(").replace(", )", ")") + "\n")
                removed.append((node.lineno - 1, node.end_lineno or node.lineno))
            if not removed:
                continue
            for a, b in sorted(removed, reverse=True):
                del lines[a:b]
                # a blank line left right after the def's imports is fine; an empty body is not
            new = "".join(lines)
            try:
                ast.parse(new)
            except SyntaxError:
                manual(f"grader.{m}: hoisting its local imports left an empty body; not hoisted")
                continue
            new = insert_after_imports(new, sorted(set(hoisted)))
            p.write_text(new)
            say(f"hoisted {len(removed)} function-local import(s) in grader.{m}")
    return left


# ------------------------------------------------------------------------------------------------
# 7. contracts, Makefile, docs


def importlinter_toml() -> str:
    layers = ",\n".join(f'    "{x}"' for x in LAYERS)
    runtime = ", ".join(f'"{x}"' for x in RUNTIME)
    return f"""
[tool.importlinter]
root_package = "grader"
include_external_packages = false

[[tool.importlinter.contracts]]
name = "stages flow one way: cli -> authoring -> batch -> report -> store -> run -> sandbox/checks -> records"
type = "layers"
layers = [
{layers},
]

[[tool.importlinter.contracts]]
name = "the grading runtime never imports authoring code"
type = "forbidden"
source_modules = [{runtime}]
forbidden_modules = ["grader.authoring", "grader.cli"]

[[tool.importlinter.contracts]]
name = "the student package is importable without batch, store, report, authoring or cli"
type = "forbidden"
source_modules = ["grader.student"]
forbidden_modules = ["grader.batch", "grader.store", "grader.report", "grader.authoring", "grader.cli"]

[[tool.importlinter.contracts]]
name = "the code inside the sandbox imports nothing of the grader"
type = "forbidden"
source_modules = ["grader.sandbox.inside"]
forbidden_modules = ["grader.models", "grader.config", "grader.errors", "grader.testing", "grader.paths", "grader.run", "grader.checks", "grader.collect", "grader.batch", "grader.store", "grader.report", "grader.authoring", "grader.student", "grader.cli", "grader.sandbox.process", "grader.sandbox.pool", "grader.sandbox.proxy", "grader.sandbox.bwrap", "grader.sandbox.cgroups", "grader.sandbox.local", "grader.sandbox.cpu", "grader.sandbox.isolation"]
"""


def write_config(dry: bool) -> None:
    py = Path("pyproject.toml")
    text = py.read_text()
    if "[tool.importlinter]" not in text:
        text = text.rstrip("\n") + "\n" + importlinter_toml()
    if "import-linter" not in text.split("[project.optional-dependencies]")[1].split("\n[")[0]:
        text = re.sub(r'(dev = \[)', r'\1"import-linter>=2.1", ', text, count=1)
    mk = Path("Makefile")
    mtext = mk.read_text()
    if "lint-imports" not in mtext:
        mtext = mtext.replace("\t$(VENV)/bin/mypy\n", "\t$(VENV)/bin/mypy\n\t$(VENV)/bin/lint-imports\n")
        if "lint-imports" not in mtext:
            manual("Makefile: add `$(VENV)/bin/lint-imports` after mypy in `lint` and `test`")
    arch = HERE / "ARCHITECTURE.md"
    say("pyproject.toml: import-linter contracts and dev dependency; Makefile: lint-imports")
    if dry:
        return
    py.write_text(text)
    mk.write_text(mtext)
    if arch.is_file():
        Path("docs").mkdir(exist_ok=True)
        shutil.copy(arch, "docs/ARCHITECTURE.md")
        git("add", "docs/ARCHITECTURE.md")
        say("docs/ARCHITECTURE.md written")
    else:
        manual(f"{arch} missing: docs/ARCHITECTURE.md not written")
    init = Path("grader/__init__.py")
    t = init.read_text()
    t2 = re.sub(r"Pipeline \(one module per stage\):.*?\n(Student code.*?\n)?",
                "Pipeline, one package per stage (see docs/ARCHITECTURE.md):\n"
                "collect -> run (sandbox, checks) -> batch -> store -> report; authoring builds "
                "releases,\nstudent serves `grader check`, cli holds the verbs. Student code never "
                "runs in this\nprocess: see grader.sandbox.\n", t, count=1, flags=re.S)
    init.write_text(t2)


def run_ruff(dry: bool) -> None:
    if dry:
        return
    ruff = Path(".venv/bin/ruff")
    cmd = [str(ruff)] if ruff.exists() else [sys.executable, "-m", "ruff"]
    r = subprocess.run([*cmd, "check", "--fix", "--select", "I001,F401", "--unsafe-fixes",
                        "grader", "tests", "bench", "reference"], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        manual(f"ruff could not sort imports: {r.stderr.strip()[:300]}")
    wrap_long_lines(cmd)
    r = subprocess.run([*cmd, "check", "grader", "reference", "tests", "bench"],
                       capture_output=True, text=True)
    if r.returncode:
        manual("ruff still reports:\n" + r.stdout[-3000:])


def _break_point(path: Path, lineno: int, limit: int) -> str | None:
    """The line split in two within `limit` columns, or None: prose in a comment or a
    triple-quoted string breaks at a space; code breaks after a comma inside brackets."""
    import io
    import tokenize

    src = path.read_text()
    lines = src.splitlines(keepends=True)
    line = lines[lineno - 1]
    body = line.rstrip("\n")
    indent = body[: len(body) - len(body.lstrip())]
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    stack: list[int] = []
    commas: list[tuple[int, int]] = []  # (column after the comma, bracket column)
    for t in toks:
        (sl, sc), (el, ec) = t.start, t.end
        if t.type == tokenize.STRING and sl <= lineno <= el and (sl < lineno or el > lineno or
                                                                  t.string.lstrip("rbuRBU")[:3] in ('"""', "'''")):
            if sl == el and not t.string.lstrip("rbuRBU")[:3] in ('"""', "'''"):
                return None
            cut = body.rfind(" ", len(indent) + 8, limit)
            start_col = sc if sl == lineno else 0
            if cut <= start_col + 3:
                return None
            return body[:cut] + "\n" + indent + body[cut + 1:] + "\n"
        if t.type == tokenize.COMMENT and sl == lineno:
            if body[:sc].strip():
                break
            cut = body.rfind(" ", sc + 2, limit)
            if cut < 0:
                return None
            return body[:cut] + "\n" + indent + "# " + body[cut + 1:] + "\n"
        if t.type == tokenize.OP:
            if t.string in "([{":
                stack.append(sc if sl == lineno else -1)
            elif t.string in ")]}" and stack:
                stack.pop()
            elif t.string == "," and sl == lineno and stack and stack[-1] != -2 and ec < limit:
                commas.append((ec, stack[-1]))
        if sl > lineno:
            break
    for cut, bracket in reversed(commas):
        cont = " " * (bracket + 1) if bracket >= 0 else indent + "    "
        rest = body[cut:].lstrip()
        if rest and not rest.startswith("#"):
            return body[:cut].rstrip() + "\n" + cont + rest + "\n"
    return None


def wrap_long_lines(cmd: list[str]) -> None:
    """Lines the renames made longer than ruff's line-length, broken where that is safe."""
    import json

    for _ in range(6):
        r = subprocess.run([*cmd, "check", "--select", "E501", "--output-format", "json",
                            "grader", "reference", "tests", "bench"], capture_output=True, text=True)
        found = json.loads(r.stdout or "[]")
        fixed = 0
        done: set[str] = set()
        for item in sorted(found, key=lambda i: -i["location"]["row"]):
            path = Path(item["filename"])
            row = item["location"]["row"]
            key = f"{path}"
            if key in done and False:
                continue
            new = _break_point(path, row, 100)
            if new is None:
                line = path.read_text().splitlines(keepends=True)[row - 1]
                if "grader." not in line or "noqa" in line or '"' not in line:
                    continue
                new = line.rstrip("\n") + "  # noqa: E501  (a module path, renamed)\n"
                manual(f"{path}:{row}: a renamed module path in a string made the line long; "
                       "marked noqa: E501")
            lines = path.read_text().splitlines(keepends=True)
            lines[row - 1] = new
            text = "".join(lines)
            try:
                compile(text, str(path), "exec")
            except SyntaxError:
                continue
            path.write_text(text)
            fixed += 1
        if not fixed:
            break


def report_graph() -> None:
    mods = modules_now()
    imps, _ = graph(mods)
    cyc = cycles(package_edges(imps, include_local=False))
    cyc_all = cycles(package_edges(imps, include_local=True))
    say(f"import graph: {len(mods)} modules, {len(cyc)} cycles at import time, "
        f"{len(cyc_all)} counting function-local imports")
    for c in cyc_all:
        manual("cycle: " + " <-> ".join(c))
    for i in imps:
        if not i.type_only and not allowed(i.module, i.target):
            manual(f"layer break: grader.{i.module}:{i.node.lineno} imports {gmod(i.target)}")
    for m, p in mods.items():
        n = p.read_text().count("\n")
        if n > 400 and "over 400 lines because" not in p.read_text()[:2000]:
            say(f"note: grader.{m} has {n} lines")


# ------------------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    args = ap.parse_args()
    started = time.monotonic()
    preflight()
    plan = plan_moves()
    do_moves(plan, args.dry_run)
    ren = rename_map(plan)
    files = text_files() if not args.dry_run else []
    if not args.dry_run:
        n = rewrite_text(files, ren)
        say(f"rewrote module references in {n} files")
    where: dict[tuple[str, str], str] = {}
    moves: list[Moved] = []
    for source, table in SPLITS.items():
        moves += split_module(source, table, where, args.dry_run)
    if not args.dry_run:
        rewrite_users(moves, text_files())
    apply_patches(args.dry_run)
    if not args.dry_run:
        deep_imports()
    left = hoist_local_imports(args.dry_run)
    write_config(args.dry_run)
    run_ruff(args.dry_run)
    if not args.dry_run:
        left = hoist_local_imports(dry=True)
        report_graph()
    say(f"\nfunction-local grader imports left ({len(left)}):")
    for line in left:
        say("  " + line)
    say(f"\ndone in {time.monotonic() - started:.1f} s")
    if MANUAL:
        print(f"\nMANUAL ({len(MANUAL)}):")
        for line in MANUAL:
            print("  - " + line)


if __name__ == "__main__":
    main()
