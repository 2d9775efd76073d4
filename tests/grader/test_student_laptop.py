"""The student build on a laptop without fcntl, resource or bubblewrap (Windows has none of
them, macOS no bubblewrap): the grader imports and `grader check` runs on pure-Python paths of
the trusted side, and what it says speaks to a student.

The modules are blocked in a fresh interpreter (a meta-path finder that refuses them), the
student build is stood in for by reporting no bundled course (grader.paths), and bubblewrap is
made unavailable with NN_GRADER_SANDBOX=subprocess. The worker is a separate interpreter and
keeps its own imports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from grader.authoring.generate import generate_release
from grader.config import find_assignment

REPO = Path(__file__).resolve().parents[2]
LAPTOP = textwrap.dedent("""
    import sys

    class Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("fcntl", "resource"):
                raise ImportError(f"No module named {name!r} (blocked: a laptop without it)")
            return None

    sys.meta_path.insert(0, Refuse())
    for name in ("fcntl", "resource"):
        sys.modules.pop(name, None)
    import grader.paths
    grader.paths.has_bundled_assignments = lambda: False  # the student build
    import pkgutil, importlib, grader
    # the worker runs in its own interpreter
    skip = {"grader.sandbox.inside.worker", "grader.__main__"}
    for info in pkgutil.walk_packages(grader.__path__, "grader."):
        if info.name not in skip:
            importlib.import_module(info.name)
    assert "fcntl" not in sys.modules and "resource" not in sys.modules
    from grader.cli.main import main
    main(sys.argv[1:], prog_name="grader")
""")


def run_laptop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NN_GRADER_SANDBOX": "subprocess"}
    return subprocess.run([sys.executable, "-c", LAPTOP, *args], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=300, check=False)


def test_every_grader_module_imports_without_fcntl_and_resource(tmp_path):
    done = run_laptop("--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("grader, version ")


def test_check_runs_without_fcntl_resource_or_bubblewrap(tmp_path):
    release = tmp_path / "release"
    generate_release(find_assignment("perceptron"), release)
    shutil.copy(REPO / "reference" / "perceptron.py", tmp_path / "mine.py")
    done = run_laptop("check", str(release), str(tmp_path / "mine.py"), cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "visible tests passed" in done.stdout
    note = " ".join(done.stderr.split())
    assert note.startswith("note: bubblewrap is not available on this computer, so your code "
                           "runs in a separate process with resource limits only.")
    for instructor_words in ("hidden tests", "reference", "make sandbox", "WARNING"):
        assert instructor_words not in done.stderr
