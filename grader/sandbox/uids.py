"""The uid level's users: one uid/gid per live worker, and nothing of it left afterwards.

`SandboxUser` holds a uid from NN_GRADER_UIDS (default 60100-60999) for one worker, through an
flock in a root-only folder, so no other worker of any grader on the machine gets it meanwhile.
When it is taken and when it is given back, every process of that uid is killed, and what it
left at the top of /tmp, /var/tmp and /dev/shm is removed (files, POSIX shared memory).
"""

from __future__ import annotations

import os
from pathlib import Path

from grader.sandbox.isolation import IsolationRefused

UIDS = range(60100, 61000)
"""The sandbox uids/gids (one per live worker), unless NN_GRADER_UIDS=START-END. Inside the
16-bit range, so they exist in containers whose user namespace maps 65536 ids; ids with a
passwd or group entry are skipped."""


def sandbox_ids() -> range:
    text = os.environ.get("NN_GRADER_UIDS", "")
    if not text:
        return UIDS
    try:
        start, end = (int(part) for part in text.split("-"))
    except ValueError:
        raise IsolationRefused(f"NN_GRADER_UIDS={text!r}: give a range START-END, e.g. "
                               "60100-60999") from None
    if not 0 < start <= end:
        raise IsolationRefused(f"NN_GRADER_UIDS={text!r}: START must be > 0 and <= END")
    return range(start, end + 1)


def _taken(uid: int) -> bool:
    import grp
    import pwd

    try:
        pwd.getpwuid(uid)
        return True
    except KeyError:
        pass
    try:
        grp.getgrgid(uid)
        return True
    except KeyError:
        return False


def uid_processes(uid: int) -> list[int]:
    """Pids (not zombies) whose real or effective uid is `uid`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if str(uid) in fields.get("Uid", "").split()[:2] and \
                not fields.get("State", "").strip().startswith(("Z", "X")):
            found.append(int(entry))
    return found


def kill_uid(uid: int, seconds: float = 3.0) -> bool:
    """SIGKILL every process of `uid` until none is left; False if some survived."""
    import signal
    import time

    end = time.monotonic() + seconds
    while pids := uid_processes(uid):
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                continue
        if time.monotonic() > end:
            return False
        time.sleep(0.005)
    return True


class SandboxUser:
    """One uid/gid held for one worker: no other worker of any grader on this machine gets it
    while it is held (an flock in a root-only folder); processes left with it are killed when
    it is taken and when it is given back."""

    def __init__(self) -> None:
        import fcntl
        import tempfile

        folder = Path("/run" if os.access("/run", os.W_OK) else tempfile.gettempdir())
        folder = folder / "nn-grader-uids"
        folder.mkdir(mode=0o700, exist_ok=True)
        if folder.stat().st_uid != os.geteuid() or folder.stat().st_mode & 0o077:
            raise IsolationRefused(f"{folder}: must be a folder of the grader's user with mode "
                                   f"0700; remove it (`rm -r {folder}`) and grade again")
        for uid in sandbox_ids():
            if _taken(uid):
                continue
            fd = os.open(folder / str(uid), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            self.uid = self.gid = uid
            self._fd = fd
            kill_uid(uid)  # a previous grader that died may have left some
            return
        raise IsolationRefused(f"all sandbox uids {sandbox_ids().start}-{sandbox_ids().stop - 1} "
                               "are in use; grade with fewer --jobs or set NN_GRADER_UIDS")

    def release(self) -> None:
        """Kill whatever still runs as this uid, remove what it left in the shared temporary
        folders (nothing passes to the next holder), then give the uid back. Idempotent."""
        if self._fd < 0:
            return
        kill_uid(self.uid)
        remove_files_of(self.uid)
        os.close(self._fd)
        self._fd = -1


SHARED_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")


def remove_files_of(uid: int, folders: tuple[str, ...] = SHARED_FOLDERS) -> None:
    """Remove the entries of `uid` at the top of the world-writable folders (its own folders
    can hold only its own files or others' it could not remove anyway)."""
    import shutil

    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.stat(follow_symlinks=False).st_uid != uid:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                continue
