"""The bubblewrap command for a worker: what the sandbox sees and what it does not.

`bwrap --unshare-all` (no network, its own pid namespace, ipc, uts and cgroup namespaces),
`--die-with-parent`, `--new-session`, `--clearenv`, `--cap-drop ALL`, uid/gid 65534. Visible,
read-only: /usr (and the /bin, /lib symlinks), the interpreter's prefixes, and the grader's
WORKER_FILES (inside/: worker, codec, values, invoke, cells, confine, zygote, figure) at
/opt/nngrader.
Writable: a size-capped tmpfs /tmp (cwd and HOME).
Not visible: the repository, the grader and reference packages (masked with an empty tmpfs if
they sit inside a bound prefix), the assignments and their hidden tests, the results.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

from grader.config import Limits
from grader.paths import DISTRIBUTIONS

GRADER_DIR = Path(__file__).resolve().parent.parent
"""The grader package (never visible in the sandbox)."""
WORKER_DIR = Path(__file__).resolve().parent / "inside"
"""Where the worker's files (WORKER_FILES) live: grader/sandbox/inside/."""
WORKER_FILES = ("worker.py", "codec.py", "values.py", "invoke.py", "cells.py", "confine.py",
                "zygote.py", "figure.py")
"""The only grader files the worker sees."""
SANDBOX_DIR = "/opt/nngrader"
VENV_DIR = "/opt/nngrader-venv"
"""Where the sandbox sees the grader's virtual environment (read-only)."""
NOBODY = 65534
THREAD_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


def bwrap_works() -> bool:
    """Whether bubblewrap is installed and can create its namespaces here."""
    return bwrap_error() is None


@cache
def bwrap_error() -> str | None:
    """Why bubblewrap cannot be used here (its own error text), or None when it works."""
    exe = shutil.which("bwrap")
    if exe is None:
        return "bwrap is not installed (not found on PATH)"
    # --clearenv as the worker's command: what the grader's own environment preloads (e.g.
    # libfaketime's LD_PRELOAD, whose shared-memory clock is unreachable in the sandbox) must
    # not decide whether bubblewrap works
    probe = [exe, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
             "--ro-bind", "/", "/", "--clearenv", "--uid", str(NOBODY), "--gid", str(NOBODY),
             "true"]
    try:
        done = subprocess.run(probe, capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{exe} could not run: {exc}"
    if done.returncode == 0:
        return None
    text = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return text[-1][:300] if text else f"{exe} exited with status {done.returncode}"


@cache
def bwrap_has_size() -> bool:
    """Whether this bwrap knows `--size` (0.5.0 and later) to cap the sandbox's /tmp."""
    exe = shutil.which("bwrap") or "bwrap"
    try:
        done = subprocess.run([exe, "--help"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return b"--size" in done.stdout + done.stderr


def trusted_roots(packages: list[Path] | None = None,
                  prefixes: list[str] | None = None) -> list[str]:
    """Folders the worker drops from sys.path: the parents of the grader and reference
    packages (a source checkout, an editable install). Not a parent inside the interpreter's
    prefixes: that is site-packages of an installed grader, which numpy needs too (there the
    packages themselves are masked, see `masks`)."""
    packages = protected_packages() if packages is None else packages
    prefixes = [sys.prefix, sys.base_prefix] if prefixes is None else prefixes
    inside = [str(Path(p).resolve()).rstrip("/") + "/" for p in prefixes]
    roots = {str(p.parent) for p in packages}
    return sorted(r for r in roots if not any((r + "/").startswith(i) for i in inside))


def protected_packages() -> list[Path]:
    """The folders of the grader and reference packages (never visible in the sandbox), and
    every folder our installed distribution put into site-packages: an editable install copies
    the bundled assignments (with their hidden tests) to site-packages/grader/_data."""
    packages = [GRADER_DIR]
    with contextlib.suppress(ImportError):
        import reference

        packages += [Path(p).resolve() for p in getattr(reference, "__path__", [])]
    return packages + [p for p in installed_folders() if p not in packages]


@cache
def installed_folders(distribution: str | None = None) -> tuple[Path, ...]:
    """Top-level folders (in site-packages) that hold files of the installed distribution:
    `distribution`, or by default every name the grader ships under (`DISTRIBUTIONS`: the
    instructor's nn-grader and the student build, which has no secrets but the same layout)."""
    names = DISTRIBUTIONS if distribution is None else (distribution,)
    found: list[Path] = []
    for name in names:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        tops = {f.parts[0] for f in dist.files or () if len(f.parts) > 1 and f.parts[0] != ".."}
        folders = (Path(str(dist.locate_file(top))).resolve() for top in sorted(tops))
        found += [p for p in folders if p.is_dir() and not p.name.endswith(".dist-info")
                  and p not in found]
    return tuple(found)


@cache
def worker_code_dir() -> Path:
    """A copy of the WORKER_FILES, chosen once per grader process: every sandbox of a
    batch runs the worker the batch started with, even if the package is edited or upgraded
    meanwhile (a mid-batch edit otherwise crashed every later worker). Kept by content hash
    under the user's cache folder, so repeated runs share one copy and nothing piles up."""
    sources = {name: (WORKER_DIR / name).read_bytes() for name in WORKER_FILES}
    digest = hashlib.sha256(b"".join(sources[n] for n in WORKER_FILES)).hexdigest()[:16]
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = cache_home / "nn-grader" / f"worker-{digest}"
    if all(_same(folder / n, data) for n, data in sources.items()):
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".worker-{digest}-", dir=folder.parent))
    for name, data in sources.items():
        (staging / name).write_bytes(data)
        (staging / name).chmod(0o644)
    staging.chmod(0o755)
    try:
        staging.rename(folder)
    except OSError:  # another grader got there first, or a stale copy is in the way
        if not all(_same(folder / n, data) for n, data in sources.items()):
            shutil.rmtree(folder, ignore_errors=True)
            staging.rename(folder)
    shutil.rmtree(staging, ignore_errors=True)
    return folder


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def interpreter_views() -> dict[str, str]:
    """Interpreter folders to bind read-only: real path -> path seen in the sandbox.

    The base installation keeps its path (a venv's pyvenv.cfg names it). A virtual environment
    is seen at VENV_DIR wherever it really is, so a checkout under /tmp (CI clones, the warm
    pool's per-submission /tmp) never puts the interpreter under the sandbox's private /tmp."""
    base = {sys.base_prefix, str(Path(sys.executable).resolve().parent.parent)}
    views = {b: b for b in sorted(base) if not b.startswith("/usr/")}
    if sys.prefix != sys.base_prefix:
        views[sys.prefix] = VENV_DIR
    return views


def sandbox_python() -> str:
    """The interpreter's path inside the sandbox (see interpreter_views)."""
    if sys.prefix != sys.base_prefix and sys.executable.startswith(sys.prefix + "/"):
        return VENV_DIR + sys.executable[len(sys.prefix):]
    return sys.executable


def masks(views: dict[str, str], packages: list[Path]) -> list[str]:
    """--tmpfs over those packages that sit inside a bound folder (e.g. a non-editable install
    into the venv's site-packages), so the sandbox sees empty folders there."""
    args: list[str] = []
    for package in packages:
        for real, seen in views.items():
            if str(package).startswith(real.rstrip("/") + "/"):
                args += ["--tmpfs", seen.rstrip("/") + str(package)[len(real.rstrip("/")):]]
    return args


def tmp_size_mb(limits: Limits) -> int:
    """The size of the sandbox's /tmp: room for a few files of the largest allowed size."""
    return max(64, 4 * limits.file_size_mb)


def bwrap_command(limits: Limits, worker_args: list[str]) -> list[str]:
    exe = shutil.which("bwrap") or "bwrap"
    cmd = [exe, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
           "--cap-drop", "ALL", "--uid", str(NOBODY), "--gid", str(NOBODY)]
    for top in ("usr", "bin", "lib", "lib32", "lib64", "sbin"):
        path = Path("/") / top
        if path.is_symlink():
            cmd += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            cmd += ["--ro-bind", str(path), str(path)]
    # /tmp first: a checkout or venv that lives under /tmp is bound on top of it, not hidden.
    size = ["--size", str(tmp_size_mb(limits) * 2**20)] if bwrap_has_size() else []
    cmd += ["--proc", "/proc", "--dev", "/dev", *size, "--tmpfs", "/tmp"]
    views = interpreter_views()
    for real, seen in views.items():
        cmd += ["--ro-bind", real, seen]
    cmd += masks(views, protected_packages())
    for name in WORKER_FILES:
        cmd += ["--ro-bind", str(worker_code_dir() / name), f"{SANDBOX_DIR}/{name}"]
    cmd += ["--chdir", "/tmp"]
    for key, value in clean_env("/tmp").items():
        cmd += ["--setenv", key, value]
    cmd += ["--remount-ro", "/"]  # the sandbox's root: only /tmp (and /dev/shm) are writable
    return [*cmd, sandbox_python(), "-I", f"{SANDBOX_DIR}/worker.py", *worker_args]


KERNEL_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "MKL_CBWR", "MKL_ENABLE_INSTRUCTIONS",
               "MKL_DEBUG_CPU_TYPE", "NPY_DISABLE_CPU_FEATURES", "NPY_ENABLE_CPU_FEATURES",
               "ATEN_CPU_CAPABILITY")
"""The grader's choice of numeric kernels, passed into the sandbox: with OPENBLAS_CORETYPE=Haswell
set for the grader (as on this project's CI machines) and not for the worker, OpenBLAS picked
its SkylakeX kernel in the sandbox and Haswell's here, and the same float32 matmul differed in
its last bits between a student's run and its replay (tests/assignments/test_parity.py). Only
these names, and only values made of letters, digits and `_ , . -`: kernel choices, never a
secret."""
_KERNEL_VALUE = re.compile(r"^[A-Za-z0-9_,.\-]{1,64}$")


def clean_env(home: str) -> dict[str, str]:
    env = {"HOME": home, "TMPDIR": home, "PATH": "/usr/local/bin:/usr/bin:/bin",
           "LANG": "C.UTF-8", "MPLBACKEND": "Agg", "MPLCONFIGDIR": home,
           "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
    env.update(dict.fromkeys(THREAD_VARS, "1"))
    env.update({k: v for k in KERNEL_VARS
                if _KERNEL_VALUE.match(v := os.environ.get(k, ""))})
    return env
