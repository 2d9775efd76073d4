"""A worker on plain pipes, for a student's laptop: `grader check` where the POSIX channel of
grader.sandbox.process is missing (Windows: no fcntl, no poll() on pipes, no pass_fds, no
process groups; or any machine where those are absent).

`grader check` runs the student's own code with the visible tests only (no hidden tests, no
reference), so the level is `none`: a separate interpreter with the same worker files, the
same protocol and codec, started with `--pipes` (its stdin/stdout are the channel, what the
student prints arrives on its stderr). Deadlines are kept with reader threads and queues
instead of poll(); the resource limits are those the worker can set on itself (none on
Windows); the CPU time of a call is not measured (the wall-clock limits apply). Grading
(`grader grade`) never takes this path: `start_worker` chooses it only for level `none`.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from typing import IO, Any

from grader.config import Limits
from grader.sandbox.bwrap import WORKER_FILES, clean_env, trusted_roots, worker_code_dir
from grader.sandbox.inside import codec
from grader.sandbox.isolation import choose_mode, warn_weak_isolation
from grader.sandbox.process import (
    WORKER_LIMITS,
    ChannelClosed,
    ChannelTimeout,
    WorkerProcess,
    describe_exit,
)

PIPES_ISOLATION = "none (pipe-subprocess)"
"""What results record for a worker on plain pipes."""
WINDOWS_ENV = ("SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP", "USERPROFILE")
"""Variables a Windows interpreter needs to start (kept from the grader's environment)."""


def posix_channel() -> bool:
    """Whether grader.sandbox.process's channel works here: fcntl, poll() on pipes, pass_fds,
    process groups and waitid (Linux, macOS with them)."""
    try:
        import fcntl  # noqa: F401
        import select
    except ImportError:
        return False
    return (os.name == "posix" and hasattr(select, "poll") and hasattr(os, "killpg")
            and hasattr(os, "waitid") and hasattr(os, "fork"))


def start_worker(limits: Limits, *, torch: bool = False,
                 mode: str | None = None) -> WorkerProcess:
    """A single-use worker at `mode` (grader.sandbox.isolation.choose_mode): on plain pipes
    when the level is none and the POSIX channel is missing here, else a WorkerProcess."""
    if choose_mode(mode) == "none" and not posix_channel():
        return PipeWorker(limits, torch=torch)
    return WorkerProcess(limits, torch=torch, mode=mode)


def _environment(home: str) -> dict[str, str]:
    env = clean_env(home)
    if os.name == "nt":
        env.update({k: v for k in WINDOWS_ENV if (v := os.environ.get(k))})
        env["PATH"] = os.environ.get("PATH", "")
    return env


class PipeWorker(WorkerProcess):
    """A worker process whose channel is its stdin/stdout: a WorkerProcess to the proxy (same
    messages, output capture and deadlines), made portable with threads."""

    def __init__(self, limits: Limits, *, torch: bool = False) -> None:  # no super(): own spawn
        self._init_state(limits, "none")
        self.cgroup = None
        self.isolation = PIPES_ISOLATION
        warn_weak_isolation()
        self.tmp = tempfile.mkdtemp(prefix="nngrader-")
        code = os.path.join(self.tmp, ".nngrader")
        cwd = os.path.join(self.tmp, "work")
        os.mkdir(code)
        os.mkdir(cwd)
        for name in WORKER_FILES:
            shutil.copy(worker_code_dir() / name, os.path.join(code, name))
        worker_limits = {k: int(getattr(limits, k)) for k in WORKER_LIMITS}
        cmd = [sys.executable, "-I", os.path.join(code, "worker.py"), "-", "-",
               json.dumps(worker_limits), "--strip-path", os.pathsep.join(trusted_roots()),
               "--pipes", "--shared-uid", *(["--torch"] if torch else [])]
        self._lock = threading.Lock()
        self._chunks: queue.Queue[bytes] = queue.Queue()
        self.started = time.monotonic()
        try:
            self.process = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                cwd=cwd, env=_environment(cwd), bufsize=0,
                start_new_session=hasattr(os, "killpg"))
        except OSError:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.closed = True
            raise
        assert self.process.stdout is not None and self.process.stderr is not None
        self._threads = [
            threading.Thread(target=self._pump, args=(self.process.stdout, self._chunks.put),
                             daemon=True),
            threading.Thread(target=self._pump, args=(self.process.stderr, self._keep_output),
                             daemon=True)]
        for thread in self._threads:
            thread.start()

    @staticmethod
    def _pump(stream: IO[bytes], sink: Any) -> None:
        """Read `stream` until EOF into `sink`; b'' marks the end."""
        with contextlib.suppress(OSError, ValueError):
            while chunk := stream.read(1 << 16):
                sink(chunk)
        sink(b"")

    def _keep_output(self, chunk: bytes) -> None:
        with self._lock:
            if not chunk:
                self.output_open = False
                return
            room = max(self.output_cap - len(self.output), 0)
            self.output += chunk[:room]
            self.output_dropped += len(chunk) - min(room, len(chunk))

    def cpu_seconds(self) -> float | None:
        return None  # not measured on this path: the wall-clock limits apply

    def send(self, message: Any, deadline: float,
             on_callable: Any = None, on_object: Any = None) -> None:
        """Send one message (CodecError if it may not cross) without waiting past `deadline`
        (a writer thread: a pipe write blocks while the worker reads nothing)."""
        data = codec.encode(message, on_callable, on_object=on_object)
        stdin = self.process.stdin
        assert stdin is not None
        failed: list[BaseException] = []

        def write() -> None:
            try:
                view = memoryview(data)
                while view:
                    view = view[stdin.write(view) or 0:]
            except (OSError, ValueError) as exc:
                failed.append(exc)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        writer.join(max(deadline - time.monotonic(), 0.0))
        if writer.is_alive():
            raise ChannelTimeout()
        if failed:
            raise ChannelClosed(self._gone())

    def receive(self, deadline: float) -> Any:
        """The next message from the worker. ChannelTimeout / ChannelClosed / CodecError."""
        while not self.pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelTimeout()
            try:
                chunk = self._chunks.get(timeout=remaining)
            except queue.Empty:
                raise ChannelTimeout() from None
            if not chunk:
                self._chunks.put(b"")  # stays closed for later calls
                raise ChannelClosed(self._gone())
            self.pending.extend(self.reader.feed(chunk))
        return self.pending.pop(0)

    def _gone(self) -> str:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(1.0)
        self.exit_code = self.process.returncode
        if self.exit_code is None:
            return "the worker closed its channel"
        return f"the worker exited ({describe_exit(self.exit_code)})"

    def captured_output(self) -> str:
        with self._lock:
            return super().captured_output()

    def close(self, *, graceful: bool = True) -> None:
        """End the worker (its process group where there is one); idempotent."""
        if self.closed:
            return
        self.closed = True
        stdin = self.process.stdin
        if graceful and stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                stdin.close()  # EOF: the worker leaves its serve loop
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(1.0)
        killpg = getattr(os, "killpg", None)
        if killpg is not None:
            with contextlib.suppress(OSError):
                killpg(self.process.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
        with contextlib.suppress(OSError):
            self.process.kill()
        self.returncode = self.exit_code = self.process.wait()
        for thread in self._threads:
            thread.join(2.0)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
