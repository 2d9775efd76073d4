"""The sandbox: what student code can and cannot see or do, and that it always ends."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from grader.errors import StudentError, StudentTimeout, WorkerCrashed
from grader.sandbox import isolation
from grader.sandbox.bwrap import (
    KERNEL_VARS,
    WORKER_FILES,
    bwrap_command,
    bwrap_works,
    masks,
    trusted_roots,
    worker_code_dir,
)
from grader.sandbox.process import WorkerProcess, describe_exit
from grader.sandbox.proxy import StudentProxy
from tests.fixtures.engine import MODES, TOY, submission, toy

REPO = Path(__file__).resolve().parents[2]
needs_bwrap = pytest.mark.skipif(not bwrap_works(), reason="bubblewrap (bwrap) is not installed "
                                 "or cannot create namespaces here")

PROBES = '''
import os, socket, sys, time

def read(paths):
    out = {}
    for p in paths:
        try:
            with open(p, "rb") as fh:
                out[p] = fh.read(100).decode("latin-1")
        except Exception as exc:
            out[p] = "ERR " + type(exc).__name__
    return out

def write(path, nbytes):
    with open(path, "wb") as fh:
        fh.write(b"x" * nbytes)
    return os.path.getsize(path)

def find(names):
    found = []
    for root, dirs, files in os.walk("/"):
        if root == "/":
            dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]
        found += [os.path.join(root, f) for f in files if f in names]
    return found

def imports(names):
    out = {}
    for n in names:
        try:
            module = __import__(n)
        except Exception as exc:
            out[n] = "ERR " + type(exc).__name__
            continue
        # a folder masked with an empty tmpfs imports as an empty namespace package
        files = [f for p in getattr(module, "__path__", []) for f in os.listdir(p)]
        out[n] = "IMPORTED" if files or getattr(module, "__file__", None) else "EMPTY"
    return out

def identity():
    status = dict(line.split(":\\t", 1) for line in open("/proc/self/status").read().splitlines()
                  if ":\\t" in line)
    return {"uid": os.getuid(), "cap_eff": status["CapEff"].strip(), "env": dict(os.environ),
            "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
            "cwd": os.getcwd()}

def descriptors():
    return sorted(int(fd) for fd in os.listdir("/proc/self/fd"))

def environment():
    return dict(os.environ)

def connect(port):
    s = socket.socket()
    s.settimeout(2)
    try:
        s.connect(("127.0.0.1", port))
        return "CONNECTED"
    except OSError as exc:
        return "ERR " + type(exc).__name__
    finally:
        s.close()

def open_many(n):
    return len([open("/dev/null") for _ in range(n)])

def allocate(mb):
    return len([bytearray(mb * 2**20)])

def spin():
    while True:
        pass

def daemon(marker):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv("/bin/sleep", ["sleep", marker])
        os._exit(0)
    os.wait()
    return True

def crowd(n, mb):
    import numpy as np
    children = []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            block = np.ones(mb * 2**20 // 8)
            time.sleep(1.0)
            os._exit(0 if block[-1] == 1.0 else 1)
        children.append(pid)
    survived = 0
    for pid in children:
        _, status = os.waitpid(pid, 0)
        survived += os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    return survived

def bomb():
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.05)
'''


def proxy(mode, source=PROBES, **limits):
    assignment = toy()
    if limits:
        assignment = replace(assignment, limits=replace(assignment.limits, **limits))
    student = StudentProxy(assignment, submission(source), mode=mode)
    assert student.start().status == "ok"
    return student


def processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


# -- what the bubblewrap sandbox hides -----------------------------------------------------

@needs_bwrap
def test_sandbox_bwrap_cannot_read_hidden_tests_reference_or_grader():
    ppid = os.getpid()
    secrets = [
        str(TOY / "hidden_tests.py"), str(REPO / "tests/fixtures/toy_reference.py"),
        str(REPO / "reference/backprop.py"), str(REPO / "grader/run/runner.py"),
        "../tests/fixtures/toy/hidden_tests.py", "../../work/main/grader/run.py",
        "/proc/1/cwd/tests/fixtures/toy/hidden_tests.py", f"/proc/{ppid}/environ",
        f"/proc/{ppid}/cwd/grader/run.py", f"/proc/{ppid}/root/etc/hostname",
    ]
    with proxy("bubblewrap") as student:
        got = student.read(secrets)
    assert all(value.startswith("ERR ") for value in got.values()), got


@needs_bwrap
def test_sandbox_bwrap_cannot_import_grader_or_reference():
    with proxy("bubblewrap") as student:
        got = student.imports(["grader", "grader.run.runner", "reference",
                               "tests.fixtures.toy_reference", "numpy"])
    if got["grader"] == "EMPTY":  # an installed copy in site-packages, masked
        got["grader"] = "ERR ModuleNotFoundError"
    assert got == {"grader": "ERR ModuleNotFoundError",
                   "grader.run.runner": "ERR ModuleNotFoundError",
                   "reference": "ERR ModuleNotFoundError",
                   "tests.fixtures.toy_reference": "ERR ModuleNotFoundError",
                   "numpy": "IMPORTED"}


@needs_bwrap
def test_sandbox_bwrap_sees_no_hidden_tests_or_reference_anywhere():
    """However the grader is installed (editable installs copy the bundled assignments into
    site-packages/grader/_data), no hidden tests or reference source is visible at any path."""
    with proxy("bubblewrap", call_timeout=60, submission_timeout=120) as student:
        got = student.find(["hidden_tests.py", "perceptron.py", "backprop.py", "toy_reference.py",
                            "gradebook.sqlite", "assignment.toml"])
    assert got == []


@needs_bwrap
@pytest.mark.parametrize("path", [str(REPO / "pwned.txt"), "/work/pwned.txt",
                                  "/opt/nngrader/codec.py", "/root/pwned.txt",
                                  str(TOY / "hidden_tests.py")])
def test_sandbox_bwrap_cannot_write_outside_its_tmp(path):
    before = Path(path).read_bytes() if Path(path).exists() else None
    with proxy("bubblewrap") as student:
        if path.startswith("/tmp/"):
            # a checkout under /tmp: inside the sandbox that path is in its private tmpfs,
            # where a write may succeed; the real file must stay untouched all the same
            with contextlib.suppress(StudentError):
                student.write(path, 10)
        else:
            with pytest.raises(StudentError) as info:
                student.write(path, 10)
            assert info.value.is_a("OSError")
        assert student.write("/tmp/mine.txt", 10) == 10
    after = Path(path).read_bytes() if Path(path).exists() else None
    assert after == before


@needs_bwrap
def test_sandbox_bwrap_runs_unprivileged_without_the_graders_environment_or_processes():
    os.environ["NN_GRADER_TEST_SECRET"] = "hunter2"
    try:
        with proxy("bubblewrap") as student:
            me = student.identity()
    finally:
        del os.environ["NN_GRADER_TEST_SECRET"]
    assert me["uid"] == 65534
    assert me["cap_eff"] == "0000000000000000"
    assert "NN_GRADER_TEST_SECRET" not in me["env"]
    assert os.getpid() not in me["pids"] and max(me["pids"]) < 10  # its own pid namespace
    assert me["cwd"] == "/tmp"


@needs_bwrap
def test_sandbox_bwrap_has_no_network_not_even_loopback():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        with proxy("bubblewrap") as student:
            assert student.connect(listener.getsockname()[1]) == "ERR ConnectionRefusedError"
    finally:
        listener.close()


# -- limits and clean-up in every mode ---------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_sandbox_worker_starts_fast_and_records_its_level(mode):
    with proxy(mode) as student:
        assert student.startup_seconds[0] < 5.0
        assert student.isolation.startswith("bubblewrap" if mode == "bubblewrap"
                                            else "none (rlimit-subprocess)")
        if os.geteuid() == 0:
            assert student.isolation.endswith("+cgroup-pids")


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_memory_limit_fails_the_call_not_the_grader(mode):
    with proxy(mode) as student:
        with pytest.raises(StudentError) as info:
            student.allocate(1500)  # the toy's memory_mb is 1024
        assert info.value.is_a("MemoryError") or isinstance(info.value, WorkerCrashed)
        assert student.allocate(10) == 1  # the next call works (restarted if it had to be)


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_file_size_and_open_file_limits(mode):
    with proxy(mode) as student:
        with pytest.raises(StudentError, match="File too large") as info:
            student.write("big.bin", 8 * 2**20)  # the toy's file_size_mb is 4
        assert info.value.is_a("OSError")
        with pytest.raises(StudentError, match="Too many open files"):
            student.open_many(200)  # the toy's open_files is 64


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_cpu_limit_kills_a_spinning_worker(mode):
    with proxy(mode, cpu_seconds=1, call_timeout=10) as student:
        started = time.monotonic()
        with pytest.raises(WorkerCrashed, match=r"SIGXCPU|SIGKILL"):
            student.spin()
        assert time.monotonic() - started < 8


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_double_forked_daemon_is_gone_afterwards(mode):
    marker = f"{4000 + os.getpid() % 1000}.{time.time_ns() % 10**6}"
    with proxy(mode) as student:
        assert student.daemon(marker) is True
        time.sleep(0.2)
        assert processes_with(marker), "the daemon should be running while the worker lives"
    deadline = time.monotonic() + 5
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_with(marker) == []


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_fork_bomb_is_contained_and_cleaned_up(mode):
    if os.geteuid() == 0 and mode == "subprocess":
        with proxy(mode) as probe:
            if not probe.isolation.endswith("+cgroup-pids"):
                pytest.skip("as root without a pids cgroup the fallback cannot limit processes")
    with proxy(mode, call_timeout=1) as student:
        group = student._worker.cgroup
        started = time.monotonic()
        with pytest.raises(StudentTimeout):
            student.bomb()
        assert time.monotonic() - started < 5
        if group is not None:
            assert not any(d.exists() for d in group.dirs.values()), "the groups are removed"
        assert student.allocate(1) == 1  # a fresh worker serves the next call


def test_sandbox_describe_exit_names_signals_and_bwrap_codes():
    assert describe_exit(-9) == "killed by SIGKILL (often the memory or process limit)"
    assert describe_exit(128 + 24) == "killed by SIGXCPU (the CPU-time limit)"
    assert describe_exit(3) == "exit status 3"


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_closed_worker_leaves_no_process_or_temp_dir(mode):
    worker = WorkerProcess(toy().limits, mode=mode)
    worker.wait_ready()
    pid, tmp = worker.process.pid, worker.tmp
    worker.close()
    assert worker.returncode is not None
    assert not Path(f"/proc/{pid}").exists()
    assert (tmp == "") == (mode == "bubblewrap")  # bwrap's /tmp is a tmpfs that dies with it
    assert not tmp or not Path(tmp).exists()


def test_sandbox_masks_grader_packages_inside_bound_prefixes():
    site = "/venv/lib/python3.11/site-packages"
    packages = [Path(site) / "grader", Path(site) / "reference", Path("/work/repo/grader")]
    assert masks({"/usr": "/usr", "/venv": "/venv"}, packages) == [
        "--tmpfs", f"{site}/grader", "--tmpfs", f"{site}/reference"]
    assert masks({"/venvs": "/venvs"}, packages) == []  # a match must end at a folder boundary
    # a venv seen elsewhere in the sandbox is masked where the sandbox sees it
    assert masks({"/venv": "/opt/v"}, packages) == [
        "--tmpfs", "/opt/v/lib/python3.11/site-packages/grader",
        "--tmpfs", "/opt/v/lib/python3.11/site-packages/reference"]


@needs_bwrap
def test_sandbox_bwrap_command_binds_only_the_interpreter_and_the_worker_files():
    cmd = bwrap_command(toy().limits, ["3", "4", "{}"])
    binds = {cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--ro-bind"}
    grader_files = {b for b in binds if b.startswith(str(REPO))}
    inside = REPO / "grader" / "sandbox" / "inside"
    assert grader_files <= {str(inside / name) for name in WORKER_FILES} | {str(REPO / ".venv")}
    for flag in ("--unshare-all", "--die-with-parent", "--new-session", "--clearenv"):
        assert flag in cmd
    assert cmd[cmd.index("--cap-drop") + 1] == "ALL"
    assert cmd[cmd.index("--uid") + 1] == cmd[cmd.index("--gid") + 1] == "65534"


def start_and_kill_a_grader(tmp_path, mode: str, source: str) -> int:
    """Run a grader in a child process that calls student.hang(); SIGKILL it once hang() runs.
    Returns what student.pid() said (the worker's pid as the worker sees it)."""
    script = tmp_path / "killed_grader.py"
    script.write_text(
        "from grader.sandbox.proxy import StudentProxy\n"
        "from tests.fixtures.engine import submission, toy\n"
        f"student = StudentProxy(toy(), submission({source!r}), mode={mode!r})\n"
        "student.start()\n"
        "print(student.pid(), flush=True)\n"
        "student.hang()\n")
    grader = subprocess.Popen([sys.executable, str(script)], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert grader.stdout is not None and grader.stderr is not None
    line = grader.stdout.readline()
    assert line.strip().isdigit(), grader.stderr.read()
    time.sleep(0.5)  # hang() is running now
    grader.kill()
    grader.wait()
    grader.stdout.close()
    grader.stderr.close()
    return int(line)


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@needs_bwrap
def test_sandbox_bwrap_sandbox_dies_with_a_killed_grader(tmp_path):
    """A grader killed with SIGKILL (no clean-up) leaves no student process running."""
    marker = f"{5000 + os.getpid() % 1000}.{time.time_ns() % 10**6}"
    source = (f"import os\ndef pid():\n    return os.getpid()\n"
              f"def hang():\n    os.system('sleep {marker}')\n")
    start_and_kill_a_grader(tmp_path, "bubblewrap", source)
    deadline = time.monotonic() + 5
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_with(marker) == []


def test_sandbox_fallback_worker_dies_with_a_killed_grader(tmp_path):
    """In the fallback the worker itself dies with the grader (PR_SET_PDEATHSIG); processes the
    student started may outlive a SIGKILLed grader there (documented weakness)."""
    source = ("import os\ndef pid():\n    return os.getpid()\n"
              "def hang():\n    while True:\n        pass\n")
    pid = start_and_kill_a_grader(tmp_path, "subprocess", source)
    deadline = time.monotonic() + 5
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_worker_inherits_no_descriptors_or_environment_of_the_grader(mode, tmp_path):
    leaked = open(tmp_path / "open-in-grader.txt", "w")  # noqa: SIM115 - held open on purpose
    os.environ["NN_GRADER_TEST_SECRET"] = "hunter2"
    try:
        with proxy(mode) as student:
            fds = student.descriptors()
            env = student.environment()
    finally:
        del os.environ["NN_GRADER_TEST_SECRET"]
        leaked.close()
    assert len(fds) == 6  # stdin, stdout, stderr, the two channel pipes, listdir's own fd
    assert fds[:3] == [0, 1, 2]
    assert "NN_GRADER_TEST_SECRET" not in env
    assert set(env) <= {"HOME", "TMPDIR", "PATH", "LANG", "MPLBACKEND", "MPLCONFIGDIR", "PWD",
                        "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED", "OMP_NUM_THREADS",
                        "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                        "VECLIB_MAXIMUM_THREADS", *KERNEL_VARS}


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_worker_computes_with_the_graders_choice_of_numeric_kernels(mode, monkeypatch):
    """OPENBLAS_CORETYPE (and the other KERNEL_VARS) reach the worker, so a student's float32
    matmul and its replay here use the same kernel; a value that is not a plain token does not
    (nothing but a kernel name crosses)."""
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Haswell")
    monkeypatch.setenv("MKL_CBWR", "AUTO;curl http://x")
    with proxy(mode) as student:
        env = student.environment()
    assert env.get("OPENBLAS_CORETYPE") == "Haswell"
    assert "MKL_CBWR" not in env


@pytest.mark.parametrize("mode", MODES)
def test_sandbox_memory_of_all_processes_together_is_bounded(mode):
    """RLIMIT_AS is per process; the sandbox's memory cgroup bounds the processes together."""
    with proxy(mode, call_timeout=10) as student:
        group = student._worker.cgroup
        if group is None or "memory" not in group.dirs:
            pytest.skip("no writable memory cgroup here (needs root)")
        assert student.crowd(2, 200) == 2  # 400 MB together: within the toy's 1024 MiB
        try:
            survived = student.crowd(8, 300)  # 2.4 GB together: the group's limit stops it
        except WorkerCrashed:
            survived = 0  # the kernel picked the worker itself
        assert survived < 8


def test_sandbox_weak_isolation_warning_is_printed_once(monkeypatch, capsys):
    import threading


    monkeypatch.setattr(isolation, "_warned", threading.Lock())
    threads = [threading.Thread(target=isolation.warn_weak_isolation) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    isolation.warn_weak_isolation()
    err = capsys.readouterr().err
    assert err.count("WITHOUT bubblewrap") == 1
    assert ("runs as root" in err) == (os.geteuid() == 0)


def test_sandbox_strips_the_checkout_from_sys_path_but_never_site_packages():
    site = "/venv/lib/python3.11/site-packages"
    checkout = [Path("/work/repo/grader"), Path("/work/repo/reference")]
    installed = [Path(site) / "grader", Path(site) / "reference"]
    assert trusted_roots(checkout, ["/venv", "/usr"]) == ["/work/repo"]
    assert trusted_roots(installed, ["/venv", "/usr"]) == []  # numpy lives there too
    assert trusted_roots() == [str(REPO)]  # this checkout (an editable install)


def test_sandbox_workers_run_a_snapshot_of_the_worker_code_taken_once_per_grader():
    """A batch keeps the worker it started with: editing or upgrading the package mid-batch
    must not reach later sandboxes (it once crashed every worker after the 358th)."""
    cmd = bwrap_command(toy().limits, ["3", "4", "{}"])
    sources = {cmd[i + 2]: cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--ro-bind"}
    snapshot = worker_code_dir()
    for name in WORKER_FILES:
        bound = Path(sources[f"/opt/nngrader/{name}"])
        assert bound == snapshot / name
        assert bound.read_bytes() == (REPO / "grader" / "sandbox" / "inside" / name).read_bytes()
    assert worker_code_dir() == snapshot  # taken once
