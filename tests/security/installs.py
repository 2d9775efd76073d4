"""Installations of the grader for the isolation-level tests, laid out as courses deploy it.

The test suite's own venv sits on an interpreter under /root (mode 0700 here and in CI), which
no other uid can run: exactly the case the uid level refuses (grader.sandbox.isolation
.interpreter_blockers). A course's container has its Python in /usr/local or /usr and the
grader pip-installed into it. `readable_install` builds that: a venv of the system's Python
(world-readable), the test venv's third-party packages linked into its site-packages, and a
plain (non-editable) copy of this checkout's `grader` package and templates, so that what the
uid level makes private is that copy, never the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SKIP = ("grader", "reference", "nn_grader", "_editable_impl", "__editable__", "__pycache__",
        "_virtualenv", "distutils-precedence")
"""Entries of the test venv's site-packages not linked in: the checkout's own packages (and
the editable install's hooks, which would import them from the checkout)."""


def system_python() -> str | None:
    """A Python of the same minor version that every user can run, if the machine has one."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for folder in ("/usr/local/bin", "/usr/bin"):
        candidate = Path(folder) / version
        if candidate.is_file() and os.stat(candidate).st_mode & 0o005 == 0o005:
            return str(candidate)
    return None


def readable_install(target: Path) -> Path:
    """A grader installation at `target` that any uid can run; returns its python."""
    python = system_python()
    assert python is not None
    subprocess.run([python, "-m", "venv", "--without-pip", str(target)], check=True)
    site = Path(subprocess.run(
        [str(target / "bin/python"), "-c", "import sysconfig; print(sysconfig.get_paths()"
         "['purelib'])"], check=True, capture_output=True, text=True).stdout.strip())
    ours = Path(sysconfig.get_paths()["purelib"])
    for entry in ours.iterdir():
        if not entry.name.startswith(SKIP) and not entry.name.endswith(".pth"):
            (site / entry.name).symlink_to(entry)
    shutil.copytree(REPO / "grader", site / "grader",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "templates", site / "grader/_data/templates")
    for path in [target, *target.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o005 | (0o000 if path.is_file() else 0o050))
    return target / "bin/python"
