"""Per-sandbox cgroups: how the grader bounds and finds every process a submission starts when
it runs as root (RLIMIT_NPROC is not enforced for root), including daemons that left the
session, and bounds the memory of all of them together (RLIMIT_AS is per process: 60 forked
processes could each take the full limit).

It also measures the CPU time of all of them together (cpuacct), which the proxy's per-call
CPU limit reads. cgroup v1 (a hierarchy per controller, e.g. /sys/fs/cgroup/pids) and v2 (one
unified tree) are supported. Groups are made under the grader's own cgroup, in a folder
`nngrader`. Without a writable pids controller `make_group` returns None and the sandbox
runs without a cgroup.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import time
import uuid
from functools import cache
from pathlib import Path

CGROUP_FS = Path("/sys/fs/cgroup")
_LIMIT_FILES = {"pids": ("pids.max", "pids.max"),
                "memory": ("memory.limit_in_bytes", "memory.max"),
                "cpuacct": ("cpuacct.usage", "cpu.stat")}
"""controller -> (v1 file, v2 file) that a usable group of that controller has. 'cpuacct'
only measures (the CPU time of the whole sandbox, for per-call CPU limits); under cgroup v2
cpu.stat exists in every group, with or without the cpu controller."""


def _own_paths() -> dict[str, str]:
    """This process's cgroup path per v1 controller, and under '' its v2 path."""
    paths: dict[str, str] = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _id, controllers, path = line.split(":", 2)
            for name in controllers.split(",") if controllers else [""]:
                paths[name] = path.lstrip("/")
    return paths


def _usable(root: Path, controller: str, v2: bool) -> bool:
    """Whether groups made under `root` get the controller's limit file."""
    probe = root / f"probe-{uuid.uuid4().hex[:8]}"
    try:
        probe.mkdir()
    except OSError:
        return False
    try:
        return (probe / _LIMIT_FILES[controller][1 if v2 else 0]).exists()
    finally:
        with contextlib.suppress(OSError):
            probe.rmdir()


@cache
def cgroup_roots() -> dict[str, Path]:
    """Where per-sandbox groups can be made, per controller ('pids', 'memory'); {} unless root
    with writable cgroups. Stale groups of killed graders are removed on the way."""
    if os.geteuid() != 0:
        return {}
    own, roots = _own_paths(), {}
    if (CGROUP_FS / "cgroup.controllers").exists() and "" in own:  # pure cgroup v2
        root = CGROUP_FS / own[""] / "nngrader"
        with contextlib.suppress(OSError):
            root.mkdir(exist_ok=True)
            for controller in _LIMIT_FILES:
                with contextlib.suppress(OSError):
                    if controller != "cpuacct":  # cpu.stat needs no controller
                        (root / "cgroup.subtree_control").write_text(f"+{controller}")
                if _usable(root, controller, v2=True):
                    roots[controller] = root
    for controller in _LIMIT_FILES:
        if controller in roots or controller not in own:
            continue
        root = CGROUP_FS / controller / own[controller] / "nngrader"
        with contextlib.suppress(OSError):
            root.mkdir(exist_ok=True)
            if _usable(root, controller, v2=False):
                roots[controller] = root
    if "pids" not in roots:
        return {}
    for root in set(roots.values()):
        remove_stale_groups(root)
    return roots


def kernel_now() -> float:
    """The time the kernel stamps on files now: what a folder's age is measured against. Not
    time.time(): a process whose clock was moved (a test's time-machine, a wrong TZ hack) would
    find every fresh folder "hours old" and remove one still in use."""
    with tempfile.NamedTemporaryFile(prefix="nngrader-clock-") as probe:
        return os.fstat(probe.fileno()).st_mtime


def remove_stale_groups(root: Path, age: float = 300.0) -> None:
    """Remove groups left behind by a grader that was killed (SIGKILL leaves no time to clean
    up). Only empty ones can go (rmdir fails while processes remain), and only old ones, so a
    concurrent grader's fresh group is never taken from under it."""
    now = kernel_now()
    for group in root.iterdir():
        with contextlib.suppress(OSError):
            if group.is_dir() and now - group.stat().st_mtime > age:
                group.rmdir()


class SandboxGroup:
    """The cgroup(s) of one sandbox: a pids limit, and a memory limit where available."""

    def __init__(self, dirs: dict[str, Path]) -> None:
        self.dirs = dirs
        """controller -> the group's folder (the same folder for both under cgroup v2)."""

    @property
    def procs_files(self) -> list[Path]:
        """The files a process writes its pid to, to join the group(s)."""
        return [d / "cgroup.procs" for d in dict.fromkeys(self.dirs.values())]

    def pids(self) -> list[int]:
        try:
            return [int(p) for p in (self.dirs["pids"] / "cgroup.procs").read_text().split()]
        except (OSError, ValueError):
            return []

    def cpu_seconds(self) -> float | None:
        """CPU seconds used so far by every process that ran in the group (None: not
        measured here)."""
        folder = self.dirs.get("cpuacct")
        if folder is None:
            return None
        try:
            if (folder / "cpuacct.usage").exists():
                return int((folder / "cpuacct.usage").read_text()) / 1e9
            for line in (folder / "cpu.stat").read_text().splitlines():
                if line.startswith("usage_usec "):
                    return int(line.split()[1]) / 1e6
        except (OSError, ValueError):
            pass
        return None

    def kill(self) -> None:
        """Kill every process in the group and remove the group's folders."""
        kill_file = self.dirs["pids"] / "cgroup.kill"
        if kill_file.exists():  # cgroup v2, Linux 5.14+
            with contextlib.suppress(OSError):
                kill_file.write_text("1")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pids = self.pids()
            if not pids:
                break
            for pid in pids:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.01)
        for folder in dict.fromkeys(self.dirs.values()):
            for _ in range(100):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)


def make_group(max_pids: int, memory_bytes: int) -> SandboxGroup | None:
    """A new group with `max_pids` processes and `memory_bytes` of memory for the whole
    sandbox, or None where the grader cannot make one."""
    roots = cgroup_roots()
    if not roots:
        return None
    name = uuid.uuid4().hex
    dirs: dict[str, Path] = {}
    try:
        for controller, root in roots.items():
            dirs[controller] = root / name
            dirs[controller].mkdir(exist_ok=True)
        (dirs["pids"] / "pids.max").write_text(str(max_pids))
        if "memory" in dirs:
            v2 = (dirs["memory"] / "cgroup.controllers").exists()
            limit_file = _LIMIT_FILES["memory"][1 if v2 else 0]
            (dirs["memory"] / limit_file).write_text(str(memory_bytes))
    except OSError:
        SandboxGroup(dirs).kill()
        return None
    return SandboxGroup(dirs)


def process_tree(pid: int) -> list[int]:
    """pid and all its living descendants (from /proc/<pid>/task/<tid>/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        with contextlib.suppress(OSError, ValueError):
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
    return found


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system, with reaped children) of pid and its living descendants."""
    ticks = 0
    for member in process_tree(pid):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return ticks / _CLOCK_TICKS


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def peak_rss_kb(pids: list[int]) -> int:
    """The largest peak resident size (VmHWM) among the processes."""
    peak = 0
    for pid in pids:
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    return peak
