"""The warm zygote (grader.sandbox.pool): a process in a long-lived bubblewrap sandbox that has
imported numpy (and torch) once and forks one fresh worker per submission (Linux only: fork,
namespaces, SCM_RIGHTS over a SEQPACKET socket). Loaded by path by grader.sandbox.inside.worker;
standard library only."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWUSER = 0x00020000, 0x08000000, 0x10000000
MS_NOSUID, MS_NODEV = 2, 4
PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 4, 24, 38


def _libc() -> Any:
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def private_tmp(tmp_bytes: int) -> bool:
    """Give this process a private, empty /tmp and /dev/shm (tmpfs) and its own SysV IPC in a
    new user+mount+ipc namespace, then drop every capability that namespace gave it. False when
    the kernel does not allow the namespaces (nothing changed then); OSError when it went half
    way (the caller must not run student code)."""
    import ctypes

    libc = _libc()
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWIPC) != 0:
        return False
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"),
                       ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w") as fh:
            fh.write(text)
    options = f"size={tmp_bytes},mode=1777".encode()
    for target in ("/tmp", "/dev/shm"):
        if target == "/dev/shm" and not os.path.isdir(target):
            continue
        if libc.mount(b"tmpfs", target.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options) != 0:
            raise OSError(ctypes.get_errno(), f"mount tmpfs on {target}")
    os.chdir("/tmp")
    # The namespace made this process 'root' of itself: give all of that back.
    for cap in range(64):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            break
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable x 2: all empty
    if libc.capset(header, data) != 0:
        raise OSError(ctypes.get_errno(), "capset")
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    return True


def fallback_tmp(number: int) -> str:
    """Without namespaces: a fresh folder of this submission as cwd, HOME and TMPDIR (the
    zygote empties /tmp and /dev/shm after the submission)."""
    folder = f"/tmp/submission-{number}"
    os.mkdir(folder, 0o700)
    os.chdir(folder)
    for key in ("HOME", "TMPDIR", "MPLCONFIGDIR"):
        os.environ[key] = folder
    return folder


def empty_folder(folder: str) -> None:
    """Remove everything in `folder`, making read-only or locked entries writable first."""
    import shutil

    def unlock(function: Any, path: str, _exc: Any) -> None:
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(path), 0o700)
            os.chmod(path, 0o700)
            function(path)

    with contextlib.suppress(OSError):
        os.chmod(folder, 0o1777)
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        path = os.path.join(folder, entry)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, onerror=unlock)
        else:
            with contextlib.suppress(OSError):
                os.unlink(path)


class Host:
    """What the zygote takes from the worker's other files (loaded by path, so passed in)."""

    def __init__(self, codec: Any, make_worker: Callable[[int, int], Any],
                 import_torch: Callable[[], bool],
                 set_limits: Callable[..., None]) -> None:
        self.codec = codec
        self.make_worker = make_worker
        """(in_fd, out_fd) -> a grader.sandbox.inside.worker.Worker on that channel."""
        self.import_torch = import_torch
        self.set_limits = set_limits
        """grader.sandbox.inside.confine.set_limits."""


class Zygote:
    """A warm process in a long-lived sandbox: numpy (and torch) imported once, it forks one
    fresh child per submission and never runs student code itself. Messages (frames of the
    codec on its channel):

      fork  {"limits"} + the child's three pipe ends over the socket
                                  -> forked {"pid"}; the child says ready on its own channel
      torch {}                    -> torch {"ok"}  (imported, one thread; no torch op is run)
      clean {}                    -> cleaned {"ok", "code", "maxrss"}: the child and every other
                                     process of the sandbox killed, /tmp and /dev/shm emptied
    and, unasked, exited {"pid", "code", "maxrss"} when the child ends.
    """

    def __init__(self, host: Host, in_fd: int, out_fd: int, sock_fd: int,
                 tmp_bytes: int) -> None:
        import socket

        self.host = host
        self.codec = host.codec
        self.in_fd, self.out_fd = in_fd, out_fd
        self.sock = socket.socket(fileno=sock_fd)
        self.tmp_bytes = tmp_bytes
        self.child = 0
        self.forks = 0
        self.last_exit: dict[str, Any] = {}

    def send(self, message: dict[str, Any]) -> None:
        self.codec.write_frame(self.out_fd, self.codec.encode(message))

    def serve(self) -> None:
        import select

        wake_r, wake_w = os.pipe()  # SIGCHLD wakes the loop: the child's exit is seen at once
        os.set_blocking(wake_r, False)
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda _signum, _frame: None)
        while True:
            readable, _, _ = select.select([self.in_fd, wake_r], [], [], 0.5)
            with contextlib.suppress(OSError):
                os.read(wake_r, 4096)
            self.reap()
            if self.in_fd not in readable:
                continue
            try:
                message = self.codec.read_frame(self.in_fd)
            except EOFError:
                self.clean()
                return
            op = message.get("op")
            if op == "fork":
                self.fork(message["limits"])
            elif op == "torch":
                self.send({"op": "torch", "ok": self.host.import_torch()})
            elif op == "clean":
                ok = self.clean()
                self.send({"op": "cleaned", "ok": ok, **self.last_exit})
            else:
                raise SystemExit(f"zygote: unexpected message {op!r}")

    def reap(self) -> None:
        if not self.child:
            return
        pid, status, usage = os.wait4(self.child, os.WNOHANG)
        if pid:
            self.child = 0
            self.last_exit = {"code": os.waitstatus_to_exitcode(status),
                              "maxrss": usage.ru_maxrss}
            self.send({"op": "exited", "pid": pid, **self.last_exit})

    def fork(self, limits: dict[str, int]) -> None:
        import socket

        _data, fds, _flags, _addr = socket.recv_fds(self.sock, 64, 3)
        if len(fds) != 3:
            raise SystemExit("zygote: a fork without its three channel ends")
        if self.child:
            self.clean()
        self.forks += 1
        self.last_exit = {}
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        pid = os.fork()
        if pid == 0:
            code = 70
            try:
                code = self.child_main(fds, limits)
            finally:
                os._exit(code)
        for fd in fds:
            os.close(fd)
        self.child = pid
        self.send({"op": "forked", "pid": pid})

    def child_main(self, fds: list[int], limits: dict[str, int]) -> int:
        """The submission's process: its own channel only, private /tmp, its limits, serve."""
        import fcntl
        import resource

        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 100) for fd in fds]
        os.dup2(high[2], 1)
        os.dup2(high[2], 2)
        os.dup2(high[0], 3)
        os.dup2(high[1], 4)
        os.closerange(5, max(resource.getrlimit(resource.RLIMIT_NOFILE)[0], 1024))
        at = sys.argv.index("--zygote")  # the child looks like a single-use worker
        sys.argv[:] = [sys.argv[0], "3", "4", *sys.argv[3:at], *sys.argv[at + 3:]]
        try:
            private = private_tmp(self.tmp_bytes)
        except OSError:
            return 71
        if not private:
            fallback_tmp(self.forks)
        reseed()
        self.host.set_limits(limits, shared_uid=False)
        worker = self.host.make_worker(3, 4)
        worker.send({"op": "ready", "private_tmp": private})
        worker.serve()
        worker._flush()
        return 0

    def clean(self) -> bool:
        """Kill the child and every other process in the sandbox (double-forked daemons too),
        then empty /tmp and /dev/shm. False if something would not die."""
        if self.child:
            with contextlib.suppress(OSError):
                os.kill(self.child, signal.SIGKILL)
            _pid, status, usage = os.wait4(self.child, 0)
            self.last_exit = {"code": os.waitstatus_to_exitcode(status),
                              "maxrss": usage.ru_maxrss}
            self.child = 0
        me = os.getpid()
        for _round in range(200):
            alive = 0
            for entry in os.listdir("/proc"):
                if not entry.isdigit() or int(entry) in (1, me):
                    continue
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        state = fh.read().rpartition(")")[2].split()[0]
                except (OSError, IndexError):
                    continue
                if state in ("Z", "X"):
                    continue
                alive += 1
                with contextlib.suppress(OSError):
                    os.kill(int(entry), signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                while os.waitpid(-1, os.WNOHANG)[0]:
                    pass
            if not alive:
                break
            time.sleep(0.002)
        else:
            return False
        for folder in ("/tmp", "/dev/shm"):
            empty_folder(folder)
        return True


def reseed() -> None:
    """Fresh global random states in a forked child, as a newly started worker has (otherwise
    every submission of a slot would draw the same unseeded numbers)."""
    import random

    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.seed()


def zygote_main(host: Host, in_fd: int, out_fd: int, sock_fd: int, tmp_bytes: int) -> int:
    import resource

    _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # no ptrace, no /proc/<pid>/mem or fd by a child
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    zygote = Zygote(host, in_fd, out_fd, sock_fd, tmp_bytes)
    null = os.open(os.devnull, os.O_WRONLY)  # the zygote's own output goes nowhere
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    zygote.send({"op": "ready"})
    zygote.serve()
    return 0
