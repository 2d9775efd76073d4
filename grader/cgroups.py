"""Per-sandbox cgroups with a pids limit: how the grader bounds and finds every process a
submission starts when it runs as root (RLIMIT_NPROC is not enforced for root), including
daemons that left the session. cgroup v1 (`/sys/fs/cgroup/pids`) and v2 are supported; without
a writable pids controller the functions return None and the sandbox runs without one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from functools import cache
from pathlib import Path


@cache
def pids_cgroup_root() -> Path | None:
    """A writable cgroup directory under which per-sandbox groups with pids.max can be made."""
    if os.geteuid() != 0:
        return None
    v1 = Path("/sys/fs/cgroup/pids")
    candidates = [v1 / "nngrader"] if (v1 / "cgroup.procs").exists() else []
    unified = Path("/sys/fs/cgroup")
    if (unified / "cgroup.controllers").exists():
        with contextlib.suppress(OSError):
            line = next(x for x in Path("/proc/self/cgroup").read_text().splitlines()
                        if x.startswith("0::"))
            candidates.append(unified / line[3:].lstrip("/") / "nngrader")
    for root in candidates:
        try:
            root.mkdir(exist_ok=True)
            if (root.parent / "cgroup.subtree_control").exists():  # cgroup v2
                (root / "cgroup.subtree_control").write_text("+pids")
            probe = root / f"probe-{uuid.uuid4().hex[:8]}"
            probe.mkdir()
            ok = (probe / "pids.max").exists()
            probe.rmdir()
            if ok:
                remove_stale_cgroups(root)
                return root
        except OSError:
            continue
    return None


def remove_stale_cgroups(root: Path, age: float = 300.0) -> None:
    """Remove groups left behind by a grader that was killed (SIGKILL leaves no time to clean
    up). Only empty ones can go (rmdir fails while processes remain), and only old ones, so a
    concurrent grader's fresh group is never taken from under it."""
    now = time.time()
    for group in root.iterdir():
        with contextlib.suppress(OSError):
            if group.is_dir() and now - group.stat().st_mtime > age:
                group.rmdir()


def make_cgroup(max_pids: int) -> Path | None:
    root = pids_cgroup_root()
    if root is None:
        return None
    group = root / uuid.uuid4().hex
    try:
        group.mkdir()
        (group / "pids.max").write_text(str(max_pids))
    except OSError:
        return None
    return group


def cgroup_pids(group: Path) -> list[int]:
    try:
        return [int(p) for p in (group / "cgroup.procs").read_text().split()]
    except (OSError, ValueError):
        return []


def kill_cgroup(group: Path) -> None:
    """Kill every process in the group (including daemons that left the session) and remove it."""
    if (group / "cgroup.kill").exists():
        with contextlib.suppress(OSError):
            (group / "cgroup.kill").write_text("1")
    freezer_free_deadline = time.monotonic() + 5
    while time.monotonic() < freezer_free_deadline:
        pids = cgroup_pids(group)
        if not pids:
            break
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.01)
    for _ in range(100):
        try:
            group.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.02)


def peak_rss_kb(pids: list[int]) -> int:
    peak = 0
    for pid in pids:
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    return peak
