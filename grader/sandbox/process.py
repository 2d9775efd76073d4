"""Start sandboxed workers and talk to them without ever blocking past a deadline.

The bubblewrap command is built in grader.sandbox.bwrap, the cgroups in grader.sandbox.cgroups.

Three isolation levels (grader.sandbox.isolation chooses), the one used recorded in every result:

- "bubblewrap": `bwrap --unshare-all` (no network, own pid namespace: the sandbox dies with
  its init), read-only system and interpreter, tmpfs /tmp as cwd and HOME, capabilities
  dropped, uid/gid 65534. Only the WORKER_FILES of the grader are visible (at
  /opt/nngrader); the repository, the reference, the assignments' hidden tests and the results
  are not. As root, each sandbox also gets its own cgroup with a pids limit, because
  RLIMIT_NPROC is not enforced for root: "bubblewrap+cgroup-pids" (plus a memory limit for
  the whole sandbox where the memory controller is writable).
- "uid" (root without namespaces): a new session, a clean environment, `python -I`, and the
  worker drops to a uid/gid of its own (grader.sandbox.isolation.SandboxUser) before it imports
  anything, in a private 0700 folder of that uid; everything left running as that uid is killed
  afterwards.
- "none (rlimit-subprocess)" (only when asked for): the same without the uid switch. The
  student's code can read whatever the grader's user can. A warning says so once.

grader.sandbox.pool runs many submissions through one such bubblewrap sandbox (a warm zygote forks a
fresh child per submission; "+warm" in the isolation level).

In every mode the worker sets RLIMIT_AS/CPU/FSIZE/NOFILE/NPROC/CORE on itself before any
student code runs, and the trusted side enforces wall-clock deadlines with poll(), captures the
student's output on its own pipe (capped, never parsed) and finally kills the whole sandbox.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from typing import Any

from grader.config import Limits
from grader.sandbox.bwrap import (
    WORKER_FILES,
    bwrap_command,
    clean_env,
    tmp_size_mb,
    trusted_roots,
    worker_code_dir,
)
from grader.sandbox.cgroups import make_group, peak_rss_kb, process_tree, tree_cpu_seconds
from grader.sandbox.inside import codec
from grader.sandbox.isolation import choose_mode, remove_stale_tmp, warn_weak_isolation
from grader.sandbox.uids import SandboxUser

try:  # POSIX; absent on Windows, where the student build still imports (grader check)
    import fcntl
except ImportError:  # pragma: no cover - exercised by blocking the module in a test
    fcntl = None  # type: ignore[assignment]

WORKER_LIMITS = ("memory_mb", "cpu_seconds", "file_size_mb", "open_files", "processes")
"""The limits the worker sets on itself (grader.sandbox.inside.confine.set_limits)."""
STARTUP_TIMEOUT = 60.0
"""Seconds a worker may take to start (interpreter, numpy, torch): not the student's time."""


class ChannelTimeout(Exception):
    """The deadline passed before the worker answered."""


class ChannelClosed(Exception):
    """The worker is gone (exited, killed, or closed its channel)."""


# -- isolation levels ----------------------------------------------------------------------


ISOLATION_NAMES = {"bubblewrap": "bubblewrap", "uid": "uid", "none": "none (rlimit-subprocess)"}
"""What results record for each level (a cgroup adds "+cgroup-pids")."""


# -- the worker process ------------------------------------------------------------------------


class WorkerProcess:
    """One running worker: its channel, its captured output, and how to end it completely."""

    control: socket.socket | None
    """With `zygote` (grader.sandbox.pool): the socket that carries each child's channel ends."""
    user: SandboxUser | None
    """The uid level's own uid/gid, given back (and its processes killed) in close()."""

    def __init__(self, limits: Limits, *, torch: bool = False, mode: str | None = None,
                 zygote: bool = False) -> None:
        self._init_state(limits, choose_mode(mode))
        if self.mode == "uid":  # first: nothing to undo if every sandbox uid is taken
            self.user = SandboxUser()
        # All processes of the sandbox together: the worker's memory plus its /tmp (tmpfs).
        sandbox_memory = (limits.memory_mb + tmp_size_mb(limits)) * 2**20
        self.cgroup = make_group(limits.processes, sandbox_memory)
        self.isolation = ISOLATION_NAMES[self.mode] + ("+cgroup-pids" if self.cgroup else "")
        to_r, from_w, out_w = self._make_pipes()
        worker_limits = {k: int(getattr(limits, k)) for k in WORKER_LIMITS}
        worker_args = [str(to_r), str(from_w), json.dumps(worker_limits),
                       "--strip-path", os.pathsep.join(trusted_roots())]
        if torch:
            worker_args.append("--torch")
        extra_fds: tuple[int, ...] = ()
        if zygote:
            self.control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            extra_fds = (theirs.fileno(),)
            worker_args += ["--zygote", str(theirs.fileno()), str(tmp_size_mb(limits) * 2**20)]
        if self.mode == "bubblewrap":
            cmd = bwrap_command(limits, worker_args)
            env = {"PATH": "/usr/bin:/bin"}
            cwd = "/"
        else:
            cmd, cwd = self._plain_worker(worker_args)
            env = clean_env(cwd)
        if self.cgroup is not None:  # the shell joins the group(s), then becomes the sandbox
            files = self.cgroup.procs_files
            joins = " && ".join(f'echo $$ > "${i}"' for i in range(1, len(files) + 1))
            cmd = ["/bin/sh", "-c", f'{joins} && shift {len(files)} && exec "$@"', "sh",
                   *map(str, files), *cmd]
        self.started = time.monotonic()
        try:
            self.process = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=out_w, stderr=out_w, cwd=cwd, env=env,
                pass_fds=(to_r, from_w, *extra_fds), start_new_session=True, close_fds=True)
        except OSError:
            for fd in (self.to_w, self.from_r, self.out_r):
                os.close(fd)
            if self.control is not None:
                self.control.close()
            if self.cgroup is not None:
                self.cgroup.kill()
            if self.user is not None:
                self.user.release()
            if self.tmp:
                shutil.rmtree(self.tmp, ignore_errors=True)
            self.closed = True
            raise
        finally:
            for fd in (to_r, from_w, out_w):
                os.close(fd)
            if zygote:
                theirs.close()
        self._parent_ends_nonblocking()

    def _plain_worker(self, worker_args: list[str]) -> tuple[list[str], str]:
        """The command and cwd of a worker without bubblewrap: a private folder holding a
        copy of the worker's code and its cwd; at the uid level the cwd belongs to the
        worker's own uid (mode 0700) and the worker drops to it before importing anything."""
        if self.mode == "none":
            warn_weak_isolation()
        remove_stale_tmp()
        self.tmp = tempfile.mkdtemp(prefix="nngrader-")
        code = os.path.join(self.tmp, ".nngrader")
        os.mkdir(code)
        for name in WORKER_FILES:
            shutil.copy(worker_code_dir() / name, os.path.join(code, name))
            os.chmod(os.path.join(code, name), 0o644)
        cwd = os.path.join(self.tmp, "work")
        os.mkdir(cwd, 0o700)
        cmd = [sys.executable, "-I", os.path.join(code, "worker.py"), *worker_args]
        if self.mode != "uid":
            return [*cmd, "--shared-uid"], cwd
        user = self.user
        assert user is not None
        os.chmod(self.tmp, 0o711)  # others pass through to their own folder, list nothing
        os.chmod(code, 0o755)
        os.chown(cwd, user.uid, user.gid)
        return [*cmd, "--drop-to", f"{user.uid}:{user.gid}"], cwd

    def _init_state(self, limits: Limits, mode: str) -> None:
        """The state every worker has, spawned here or forked by a warm slot
        (grader.sandbox.pool)."""
        self.limits = limits
        self.mode = mode
        self.output_cap = limits.output_kb * 1024
        self.output = bytearray()
        self.output_dropped = 0
        self.output_open = True
        self.reader = codec.FrameReader()
        self.pending: list[Any] = []
        self.peak_memory_kb = 0
        self.returncode: int | None = None
        """Set once the top process is reaped (in close())."""
        self.exit_code: int | None = None
        """Set as soon as the top process has exited (it may still be unreaped)."""
        self.closed = False
        self.tmp = ""
        """The fallback's private folder (cwd, HOME, the worker's code); bwrap has its tmpfs."""
        self.control = None
        self.startup_seconds = 0.0
        self.user = None

    def _make_pipes(self) -> tuple[int, int, int]:
        """The channel (commands in, replies out) and the output pipe. Keeps the parent's ends
        (to_w, from_r, out_r) and returns the worker's (to_r, from_w, out_w)."""
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()
        self.out_r, out_w = os.pipe()
        return to_r, from_w, out_w

    def _parent_ends_nonblocking(self) -> None:
        for fd in (self.to_w, self.from_r, self.out_r):
            os.set_blocking(fd, False)
            with contextlib.suppress(OSError, AttributeError):  # Linux: fewer, larger transfers
                fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)

    def cpu_seconds(self) -> float | None:
        """CPU seconds used so far by the sandbox's processes (the cgroup's account, else the
        living process tree's); None once the worker is gone."""
        if self.closed:
            return None
        if self.cgroup is not None and (used := self.cgroup.cpu_seconds()) is not None:
            return used
        return tree_cpu_seconds(self.process.pid)

    def wait_ready(self) -> float:
        """Wait for the worker's 'ready'; returns the start-up time in seconds."""
        message = self.receive(time.monotonic() + STARTUP_TIMEOUT)
        if message.get("op") != "ready":
            raise ChannelClosed(f"the worker did not start properly: {message!r}")
        self.startup_seconds = time.monotonic() - self.started
        return self.startup_seconds

    # -- channel ---------------------------------------------------------------------------
    def send(self, message: Any, deadline: float,
             on_callable: Any = None, on_object: Any = None) -> None:
        """Send one message (CodecError if it may not cross), draining output meanwhile."""
        data = memoryview(codec.encode(message, on_callable, on_object=on_object))
        while data:
            self._check_alive()
            try:
                written = os.write(self.to_w, data[: 1 << 16])
                data = data[written:]
                continue
            except BlockingIOError:
                pass
            except BrokenPipeError as exc:
                raise ChannelClosed("the worker closed its channel") from exc
            self._poll(deadline, want_write=True)

    def receive(self, deadline: float) -> Any:
        """The next message from the worker. ChannelTimeout / ChannelClosed / CodecError."""
        while not self.pending:
            self._poll(deadline, want_write=False)
        return self.pending.pop(0)

    def _poll(self, deadline: float, *, want_write: bool) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ChannelTimeout()
        poller = select.poll()
        poller.register(self.from_r, select.POLLIN)
        if self.output_open:  # once the student closed stdout/stderr, POLLHUP would spin
            poller.register(self.out_r, select.POLLIN)
        if want_write:
            poller.register(self.to_w, select.POLLOUT)
        events = poller.poll(min(remaining, 0.1) * 1000)
        if not events:
            self._check_alive()
            return
        for fd, _event in events:
            if fd == self.out_r:
                self._drain_output()
            elif fd == self.from_r:
                self._read_replies()

    def _read_replies(self) -> None:
        try:
            chunk = os.read(self.from_r, 1 << 20)
        except BlockingIOError:
            return
        if not chunk:
            self._drain_output()
            end = time.monotonic() + 1.0  # usually the worker died: say how
            while not self._exited() and time.monotonic() < end:
                time.sleep(0.01)
            if self.exit_code is not None:
                raise ChannelClosed(f"the worker exited ({describe_exit(self.exit_code)})")
            raise ChannelClosed("the worker closed its channel")
        self.pending.extend(self.reader.feed(chunk))

    def _drain_output(self) -> None:
        for _ in range(64):
            try:
                chunk = os.read(self.out_r, 1 << 16)
            except (BlockingIOError, OSError):
                return
            if not chunk:
                self.output_open = False
                return
            room = self.output_cap - len(self.output)
            self.output += chunk[:max(room, 0)]
            self.output_dropped += max(len(chunk) - max(room, 0), 0)

    def _exited(self) -> bool:
        """Whether the sandbox's top process has exited. It is left a zombie (not reaped), so
        its pid, which is also the sandbox's process group id, cannot be reused by another
        process before close() has signalled the group."""
        if self.returncode is not None:
            return True
        if not hasattr(os, "waitid"):  # pragma: no cover - macOS without waitid
            return self._reap(block=False)
        try:
            info = os.waitid(os.P_PID, self.process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return self._reap(block=False)
        if info is None:
            return False
        self.exit_code = -info.si_status if info.si_code in (os.CLD_KILLED, os.CLD_DUMPED) \
            else info.si_status
        return True

    def _reap(self, *, block: bool) -> bool:
        """Collect the exit status of the sandbox's top process, once."""
        if self.returncode is not None:
            return True
        try:
            pid, status = os.waitpid(self.process.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.returncode = self.process.returncode if self.process.returncode is not None \
                else -signal.SIGKILL
            self.exit_code = self.returncode
            return True
        if pid == 0:
            return False
        # not usage.ru_maxrss: it keeps the high-water mark of the grader's own memory, which the
        # spawned process had before it exec'd (1.5 GiB reported for a ReLU next to torch)
        self.returncode = self.process.returncode = os.waitstatus_to_exitcode(status)
        self.exit_code = self.returncode
        return True

    def _check_alive(self) -> None:
        if self._exited():
            self._drain_output()
            with contextlib.suppress(BlockingIOError, OSError, codec.CodecError):
                while chunk := os.read(self.from_r, 1 << 20):
                    self.pending.extend(self.reader.feed(chunk))
            if not self.pending:
                raise ChannelClosed(f"the worker exited ({describe_exit(self.exit_code)})")

    def captured_output(self) -> str:
        text = self.output.decode("utf-8", errors="replace")
        if self.output_dropped:
            text += f"\n[... output truncated: {self.output_dropped} more bytes discarded]\n"
        return text

    # -- the end ---------------------------------------------------------------------------
    def close(self, *, graceful: bool = True) -> None:
        """End the worker and everything it started; collect its peak memory. Idempotent."""
        if self.closed:
            return
        self.closed = True
        pids = self.cgroup.pids() if self.cgroup is not None else process_tree(self.process.pid)
        self.peak_memory_kb = max(self.peak_memory_kb, peak_rss_kb(pids))
        if graceful and not self._exited():
            with contextlib.suppress(OSError):
                os.close(self.to_w)  # EOF: the worker leaves its serve loop
            self.to_w = -1
            end = time.monotonic() + 1.0
            while time.monotonic() < end and not self._exited():
                time.sleep(0.005)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # the group outlives its leader
        if self.cgroup is not None:
            # Peak memory is the processes' peak resident size, not the cgroup's usage: that
            # counts page cache the sandbox happened to be first to read (1 GiB+ of torch
            # libraries under load), which is not the student's memory.
            self.cgroup.kill()
        if self.user is not None:  # a setsid daemon left the group, not its uid
            self.user.release()
        self._reap(block=True)
        self._drain_output()
        for fd in (self.to_w, self.from_r, self.out_r):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        if self.control is not None:
            self.control.close()
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close(graceful=False)


def describe_exit(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        hint = {"SIGKILL": " (often the memory or process limit)",
                "SIGXCPU": " (the CPU-time limit)", "SIGXFSZ": " (the file-size limit)",
                "SIGSEGV": " (a segmentation fault)"}.get(name, "")
        return f"killed by {name}{hint}"
    if code > 128 and code - 128 in signal.valid_signals():  # bwrap reports 128 + signal
        return describe_exit(128 - code)
    return f"exit status {code}"
