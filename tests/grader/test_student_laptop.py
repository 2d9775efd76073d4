"""The student build on a laptop without fcntl, resource or bubblewrap (Windows has none of
them, macOS no bubblewrap): the grader imports and `grader check` runs on pure-Python paths of
the trusted side, and what it says speaks to a student.

The last tests install the student wheel into a fresh venv whose sitecustomize takes away
what Windows lacks, for the grader and for its worker alike (both interpreters of that venv
load it): the modules fcntl, resource, pwd, grp and termios; os.fork, os.killpg, os.waitid,
os.getuid/geteuid/getgid; select.poll; socket.SOCK_SEQPACKET; signal.setitimer; and
subprocess's pass_fds. bubblewrap is off PATH. `grader check` must then run the student's file
on plain pipes (grader.sandbox.pipes) and say only what a student needs.

The modules are blocked in a fresh interpreter (a meta-path finder that refuses them), the
student build is stood in for by reporting no bundled course (grader.paths), and bubblewrap is
made unavailable with NN_GRADER_SANDBOX=subprocess. The worker is a separate interpreter and
keeps its own imports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from grader.authoring.generate import generate_release
from grader.authoring.student_build import build_student_wheel
from grader.config import find_assignment
from tests.grader.test_student_build import install_without_dependencies

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


WINDOWS_LIKE = textwrap.dedent("""
    import os, select, signal, socket, subprocess, sys

    BLOCKED = ("fcntl", "resource", "pwd", "grp", "termios")

    class Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"No module named {name!r} (blocked: like Windows)")
            return None

    sys.meta_path.insert(0, Refuse())
    for name in BLOCKED:
        sys.modules.pop(name, None)
    for owner, names in ((os, ("fork", "killpg", "waitid", "getuid", "geteuid", "getgid")),
                         (select, ("poll",)), (socket, ("SOCK_SEQPACKET",)),
                         (signal, ("setitimer",))):
        for name in names:
            if hasattr(owner, name):
                delattr(owner, name)
    _popen = subprocess.Popen.__init__

    def _no_pass_fds(self, *args, pass_fds=(), **kwargs):
        if pass_fds:
            raise ValueError("pass_fds is not supported on this platform (blocked)")
        _popen(self, *args, **kwargs)

    subprocess.Popen.__init__ = _no_pass_fds
""")
LOOPING = "\ndef predict(w, X):\n    while True:\n        pass\n"


@pytest.fixture(scope="module")
def windows_like(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the venv, a perceptron release with the reference as sol.py and a looping copy)."""
    root = tmp_path_factory.mktemp("laptop")
    venv = root / "venv"
    site = install_without_dependencies(build_student_wheel(root / "dist"), venv)
    (site / "sitecustomize.py").write_text(WINDOWS_LIKE)
    dev_site = Path(sysconfig.get_paths()["purelib"])
    for name in ("numpy", "numpy.libs"):  # the worker hides the dev venv (it holds reference/)
        if (dev_site / name).is_dir():
            shutil.copytree(dev_site / name, site / name, copy_function=os.link)
    release = root / "perceptron"
    generate_release(find_assignment("perceptron"), release)
    solution = (REPO / "reference" / "perceptron.py").read_text()
    (release / "sol.py").write_text(solution)
    (release / "loops.py").write_text(solution + LOOPING)
    return venv, release


def check_on_laptop(venv: Path, release: Path, file: str) -> subprocess.CompletedProcess[str]:
    no_bwrap = release.parent / "empty-path"
    no_bwrap.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "NN_GRADER_SANDBOX")}
    env["PATH"] = str(no_bwrap)  # no bwrap (nor anything else) to find
    return subprocess.run([str(venv / "bin" / "grader"), "check", ".", file], cwd=release,
                          env=env, text=True, capture_output=True, timeout=300, check=False)


@pytest.mark.slow
def test_the_blocking_holds_in_the_grader_and_in_its_worker(windows_like) -> None:
    venv, _release = windows_like
    probe = textwrap.dedent("""
        import os, select, signal, socket, subprocess, sys
        print(hasattr(os, "fork"), hasattr(select, "poll"), hasattr(socket, "SOCK_SEQPACKET"),
              hasattr(signal, "setitimer"))
        try:
            import fcntl
        except ImportError as exc:
            print(exc)
        try:
            subprocess.Popen([sys.executable, "-c", "pass"], pass_fds=(0,))
        except ValueError as exc:
            print(exc)
    """)
    # -I as the worker is started: the venv's sitecustomize still applies
    done = subprocess.run([str(venv / "bin" / "python"), "-I", "-c", probe], text=True,
                          capture_output=True, timeout=60, check=False)
    assert done.stdout.splitlines() == [
        "False False False False", "No module named 'fcntl' (blocked: like Windows)",
        "pass_fds is not supported on this platform (blocked)"], done.stderr


@pytest.mark.slow
def test_student_wheel_checks_on_a_windows_like_laptop(windows_like) -> None:
    venv, release = windows_like
    done = check_on_laptop(venv, release, "sol.py")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "visible tests passed" in done.stdout and "✗" not in done.stdout
    note = " ".join(done.stderr.split())
    assert note.startswith("note: bubblewrap is not available on this computer")
    for instructor_words in ("hidden tests", "make sandbox", "WARNING", "Traceback"):
        assert instructor_words not in done.stderr


@pytest.mark.slow
def test_an_endless_loop_on_a_windows_like_laptop_is_stopped(windows_like) -> None:
    venv, release = windows_like
    done = check_on_laptop(venv, release, "loops.py")
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    failed = [line for line in done.stdout.splitlines() if line.lstrip().startswith("✗")]
    assert failed and all("predict" in line for line in failed), done.stdout
    assert "✓" in done.stdout  # the other functions still pass
