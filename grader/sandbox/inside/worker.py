"""The worker: the only grader code that runs inside the sandbox, next to the student's code.

Started by grader.sandbox.process as
`python -I worker.py IN_FD OUT_FD LIMITS_JSON [--strip-path DIRS] [--torch] [--shared-uid]
[--drop-to UID:GID]`,
with this file and codec.py copied (or bound read-only) into one folder. It imports numpy (and torch
when asked) before any student code, sets its own resource limits, says "ready", then serves
messages from the trusted side (frames of grader.sandbox.inside.codec):

  load   {"module", "cells", "kind", "path", "cell_timeout", "load_budget", "load_cpu"}
                                            -> loaded {"status": ok | syntax_error |
                                               import_error | timeout, "message", "warnings"}
  call   {"name", "args", "kwargs"}         -> return {"value", "args", "kwargs"} | raised
                                               {"type", "mro", "message", "traceback"}
                                               (both with "seconds", "warnings":
                                               grader.sandbox.inside.invoke)
                                               | missing | bad_value {"message"}
  has    {"name"}                           -> has {"value"}
  fetch  {"value"}                          -> fetched {"value"}  (handles in it resolved)

A call with "keep": true sends its value with the codec's keep policy (handles for everything
but numbers, strings and plain containers); values that may not cross become handles anyway.

While a call runs, a callable argument is a callback reference: calling it sends "callback"
{"id", "args", "kwargs"} and waits for "callback_return" {"value"} or "callback_raised"
{"type", "message"}. The worker returns data, never verdicts.
"""

from __future__ import annotations

import os
import sys

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
             "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("MPLBACKEND", "Agg")

import builtins  # noqa: E402
import contextlib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import linecache  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402
import types  # noqa: E402

# Bound here: student code that patches these builtins cannot break the worker's protocol.
from builtins import (  # noqa: E402, UP029
    callable,
    getattr,
    isinstance,
    issubclass,
    len,
    str,
    type,
    vars,
)
from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402

MAX_HANDLES = 100_000
"""Values one worker keeps for the trusted side at most."""
MIN_CELL_SECONDS = 0.2
"""The time a cell still gets once the load budget is spent."""


def _load_codec() -> Any:
    return _load_sibling("codec")


_SIBLINGS: dict[str, Any] = {}


def _load_sibling(name: str) -> Any:
    """codec.py, invoke.py or confine.py from this file's folder (the sandbox has no grader
    package), loaded once per process (forked workers inherit them)."""
    if name in _SIBLINGS:
        return _SIBLINGS[name]
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(f"_nngrader_{name}",
                                                  os.path.join(here, f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _SIBLINGS[name] = module
    return module


def set_limits(limits: dict[str, int], *, shared_uid: bool) -> None:
    """Resource limits for this process and everything it starts (set before student code).

    RLIMIT_NPROC counts every task of the real user. In bubblewrap's own user namespace those
    are the sandbox's alone; with `shared_uid` (the fallback runs as the grader's user) the
    user's other tasks count too, so the limit is set above them, or not at all where they
    cannot be counted."""
    mb = 2**20
    wanted = {
        resource.RLIMIT_AS: limits["memory_mb"] * mb,
        resource.RLIMIT_CPU: limits["cpu_seconds"],
        resource.RLIMIT_FSIZE: limits["file_size_mb"] * mb,
        resource.RLIMIT_NOFILE: limits["open_files"],
        resource.RLIMIT_CORE: 0,
    }
    others = user_tasks() if shared_uid else 0
    if others is not None:
        wanted[resource.RLIMIT_NPROC] = limits["processes"] + others
    for kind, value in wanted.items():
        try:
            _soft, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):  # e.g. macOS refuses RLIMIT_AS: keep the others
            continue


def user_tasks() -> int | None:
    """How many tasks (threads) the real user runs now, from /proc; None without /proc."""
    uid, count = str(os.getuid()), 0
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            with open(f"/proc/{entry}/status") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        if fields.get("Uid", "").split()[:1] == [uid]:
            count += int(fields.get("Threads", "1"))
    return count


class Worker:
    def __init__(self, codec: Any, in_fd: int, out_fd: int) -> None:
        self.codec = codec
        self.invoke = _load_sibling("invoke")
        """grader.sandbox.inside.invoke: one call into student code, as the in-process runner makes
        it."""
        self.in_fd = in_fd
        self.out_fd = out_fd
        self.module: types.ModuleType | None = None
        self.files: set[str] = set()
        self.callbacks: dict[int, int] = {}
        """id() of each callback function handed to student code -> its callback id."""
        self.keep: list[Any] = []
        self.objects: list[Any] = []
        """Values kept in the sandbox, by handle number (grader.sandbox.inside.codec): they live as
        long as
        this worker, so a later call of the submission can be given them back."""
        self.hidden: dict[str, Any] = {}
        """Top-level names a test took away (op 'hide'), to put back (op 'restore')."""
        self.builtins = dict(vars(builtins))
        """The builtins before any student code ran (json and the codec rely on them)."""

    # -- channel ---------------------------------------------------------------------------
    def restore_builtins(self) -> None:
        """Undo student patches of builtins (isinstance, len, ...) before encoding anything."""
        current = vars(builtins)
        for name, value in self.builtins.items():
            if current.get(name) is not value:
                setattr(builtins, name, value)

    def send(self, message: dict[str, Any], *, handles: bool = True) -> None:
        """Send a reply; a returned value that may not cross becomes a handle
        (grader.sandbox.inside.codec)
        or, with `handles=False` (a variable read: values only), a bad_value reply."""
        self.restore_builtins()
        frame = self.invoke.reply_frame(self.codec, message, self.callback_id,
                                        self.keep_object if handles else None)
        self.codec.write_frame(self.out_fd, frame)

    def receive(self) -> Any:
        return self.codec.read_frame(self.in_fd, make_callback=self.callback,
                                     make_handle=self.find_object)

    def keep_object(self, value: Any) -> int:
        """A handle number for a value that stays here (see grader.sandbox.inside.codec)."""
        if len(self.objects) >= MAX_HANDLES:
            raise self.codec.CodecError(
                f"more than {MAX_HANDLES} values were kept in the sandbox; return numbers, "
                "strings, lists, tuples, dicts or numeric numpy arrays")
        self.objects.append(value)
        return len(self.objects) - 1

    def find_object(self, ident: int, _kind: str) -> Any:
        if not 0 <= ident < len(self.objects):
            raise self.codec.CodecError("a handle this worker never gave out")
        return self.objects[ident]

    def serve(self) -> None:
        while True:
            try:
                message = self.receive()
            except EOFError:
                return
            if message.get("op") == "exit":
                return
            self.dispatch(message)
            self.callbacks.clear()  # the call is over: its callback references expire
            self.keep.clear()

    def dispatch(self, message: dict[str, Any]) -> None:
        op = message.get("op")
        if op == "load":
            self.send(self.load(message["module"], message["cells"], message["kind"],
                                message["path"], message["cell_timeout"],
                                message["load_budget"], message.get("load_cpu", 0.0)))
        elif op == "call":
            reply = self.call(message["name"], message["args"], message["kwargs"])
            if message.get("keep") is True and reply["op"] == "return":
                reply["value"] = self.codec.Keep(reply["value"])
            self.send(reply)
        elif op == "fetch":
            self.send({"op": "fetched", "value": message["value"]})
        elif op == "has":
            self.send({"op": "has", "value": self.has(message["name"])})
        elif op in ("get", "hide", "restore"):
            self.send(self.names(op, message["name"]), handles=False)
        else:
            raise SystemExit(f"worker: unexpected message {op!r}")

    def _flush(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()

    # -- loading ---------------------------------------------------------------------------
    def load(self, name: str, cells: list[str], kind: str, path: str,
             cell_timeout: float, load_budget: float, load_cpu: float = 0.0) -> dict[str, Any]:
        """Run the cells in a fresh module. Each cell's top-level code may take `cell_timeout`
        seconds, and all of them `load_budget`, and `load_cpu` seconds of CPU (0: no CPU
        limit): once either is spent, the remaining cells get a moment each (enough to define
        functions, not to run demos)."""
        end = time.monotonic() + load_budget
        cpu_end = time.process_time() + load_cpu
        module = types.ModuleType(name)
        module.__file__ = os.path.join(os.getcwd(), f"{name}.py")
        sys.modules[name] = module
        self.module = module
        if kind != "py":
            module.__dict__.update(NOTEBOOK_NAMES)
        base = os.path.basename(path) or f"{name}.{kind}"
        warnings: list[str] = []
        syntax_errors: list[str] = []
        errors: list[str] = []
        timed_out = False
        for index, source in enumerate(cells, start=1):
            label = base if kind == "py" else f"{base} [cell {index}]"
            if kind != "py" and not compiles(source):
                source, note = notebook_cell(source)
                if note:
                    warnings.append(f"cell {index}: {note}")
            if not source.strip():
                continue
            self.files.add(label)
            linecache.cache[label] = (len(source), None, source.splitlines(True), label)
            try:
                code = compile(source, label, "exec", dont_inherit=True)
            except (SyntaxError, ValueError) as exc:
                text = syntax_message(exc)
                syntax_errors.append(text)
                if kind != "py":
                    warnings.append(f"cell {index} was skipped: {text}")
                continue
            try:
                limit = max(MIN_CELL_SECONDS, min(cell_timeout, end - time.monotonic()))
                cpu = max(MIN_CELL_SECONDS, cpu_end - time.process_time()) if load_cpu > 0 \
                    else None
                with cell_time_limit(limit, cpu):
                    exec(code, module.__dict__)
            except BaseException as exc:  # student code may raise anything
                described = self.describe(exc)
                timed_out = timed_out or isinstance(exc, CellTimeout)
                if isinstance(exc, CellTimeout) and exc.cpu:
                    described["message"] = load_cpu_message(load_cpu, kind)
                errors.append(f"{described['message']}\n{described['traceback']}".strip())
                if isinstance(exc, CellTimeout) and exc.cpu:
                    warnings.append(f"{label}: {described['message']}")
                elif kind == "py":
                    warnings.append(f"{base} raised at import ({described['message']}); "
                                    "the functions defined before that line are still graded")
                else:
                    warnings.append(f"cell {index} raised {described['message']} and was "
                                    "skipped; the other cells still ran")
        self._flush()
        defined = [k for k, v in vars(module).items()
                   if callable(v) and getattr(v, "__module__", None) == name]
        status, message = "ok", ""
        if syntax_errors and (kind == "py" or not defined):
            status, message = "syntax_error", syntax_errors[0]
        elif not defined and errors:
            status, message = "timeout" if timed_out else "import_error", errors[0]
        if status != "ok":
            warnings = []
        return {"op": "loaded", "status": status, "message": message, "warnings": warnings}

    # -- calls -----------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        try:
            return callable(getattr(self.module, name, None))
        except BaseException:
            return False

    def names(self, op: str, name: str) -> dict[str, Any]:
        """A top-level name of the submission: its value ('get'), or taken away for a while
        ('hide', as a test's `del name` does in the student's kernel) and put back
        ('restore'; '' restores every hidden name)."""
        space = vars(self.module) if self.module is not None else {}
        hidden = self.hidden
        if op == "restore":
            for key in [name] if name else list(hidden):
                if key in hidden:
                    space[key] = hidden.pop(key)
            return self._plain_reply(None)
        if name not in space or name.startswith("__"):
            return {"op": "missing"}
        if op == "hide":
            hidden[name] = space.pop(name)
            return self._plain_reply(None)
        return self._plain_reply(space[name])

    @staticmethod
    def _plain_reply(value: Any) -> dict[str, Any]:
        """A reply shaped as a call's (grader.sandbox.calls.call_from_reply) that ran no student
        code."""
        return {"op": "return", "value": value, "args": (), "kwargs": {}, "seconds": 0.0,
                "warnings": []}

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        try:
            func = getattr(self.module, name, None)
        except BaseException as exc:  # a module-level __getattr__ that raises
            return {"op": "raised", **self.describe(exc)}
        if not callable(func):
            return {"op": "missing"}
        reply: dict[str, Any] = self.invoke.invoke(func, args, kwargs, self.files)
        self._flush()
        return reply

    def describe(self, exc: BaseException) -> dict[str, Any]:
        """The exception as plain values, with the student's own frames only."""
        described: dict[str, Any] = self.invoke.describe(exc, self.files)
        return described

    def callback_id(self, function: Any) -> int | None:
        """A callback function given to the student's code goes back as its reference."""
        return self.callbacks.get(id(function))  # None: the student's own, kept as a handle

    def callback(self, ident: int) -> Any:
        worker = self

        def trusted_function(*args: Any, **kwargs: Any) -> Any:
            worker.restore_builtins()
            try:
                frame = worker.codec.encode(
                    {"op": "callback", "id": ident, "args": args, "kwargs": kwargs})
            except worker.codec.CodecError as exc:
                raise TypeError(f"this function accepts only numbers, strings and numeric "
                                f"arrays: {exc}") from None
            worker.codec.write_frame(worker.out_fd, frame)
            while True:
                message = worker.receive()
                op = message.get("op")
                if op == "callback_return":
                    return message["value"]
                if op == "callback_raised":
                    kind = getattr(builtins, message["type"], None)
                    if not (isinstance(kind, type) and issubclass(kind, Exception)):
                        kind = RuntimeError
                    raise kind(message["message"])
                worker.dispatch(message)  # a nested call from the trusted function

        trusted_function.__name__ = f"grader_function_{ident}"
        self.callbacks[id(trusted_function)] = ident
        self.keep.append(trusted_function)  # ids stay unique while the worker lives
        return trusted_function


class CellTimeout(BaseException):
    """Top-level code of one cell ran past the per-cell time limit (`cpu`: its CPU limit)."""

    def __init__(self, seconds: float, cpu: bool = False) -> None:
        what = "used more than {:.3g} s of CPU time" if cpu else "ran longer than {:.3g} s"
        super().__init__(f"this code {what.format(seconds)} at import and was stopped")
        self.cpu = cpu


def load_cpu_message(load_cpu: float, kind: str) -> str:
    rest = ("the functions defined before that line are still graded" if kind == "py" else
            "the cells after it still ran")
    return (f"your top-level code used more than {load_cpu:g} s of CPU time while loading (all "
            f"of it together) and was stopped here; {rest}. Move experiments and training runs "
            'under `if __name__ == "__main__":`: grading skips them, Python and Jupyter run '
            "them")


@contextlib.contextmanager
def cell_time_limit(seconds: float, cpu: float | None = None) -> Iterator[None]:
    """Interrupt a cell's top-level code (a demo, a training run) after `seconds`, or `cpu`
    seconds of this process's CPU time, so the rest of the notebook still loads. Student code
    can defeat this; then the trusted side's hard deadline for the whole load applies (wall
    clock, and the sandbox's CPU account)."""

    def expire(_signum: int, _frame: Any) -> None:
        raise CellTimeout(seconds)

    def spent(_signum: int, _frame: Any) -> None:
        raise CellTimeout(cpu or 0.0, cpu=True)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    if cpu is not None:
        previous_cpu = signal.signal(signal.SIGPROF, spent)
        signal.setitimer(signal.ITIMER_PROF, cpu)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if cpu is not None:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous_cpu)


_MAGIC = re.compile(r"^(\s*)(?:[\w.\[\], ]+=\s*)?[!%]")
"""A line that is an IPython shell command or magic: `!pip ...`, `%matplotlib`, `x = !ls`."""


def compiles(source: str) -> bool:
    try:
        compile(source, "<cell>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def notebook_cell(source: str) -> tuple[str, str]:
    """A notebook cell that is not plain Python, without its IPython syntax: a `%%` cell magic
    drops the cell, `!cmd` / `%magic` / `x = !cmd` lines become `pass` (line numbers stay).
    Returns the source and a note for the warnings ('' if nothing changed)."""
    if source.lstrip().startswith("%%"):
        return "", "a %% cell magic was skipped"
    lines = source.splitlines(True)
    changed = False
    for i, line in enumerate(lines):
        match = _MAGIC.match(line)
        if match:
            lines[i] = f"{match.group(1)}pass\n"
            changed = True
    note = "shell commands and % magics were skipped" if changed else ""
    return "".join(lines), note


class _NoIPython:
    """`get_ipython()` outside Jupyter: every method is a no-op (e.g. run_line_magic)."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


NOTEBOOK_NAMES: dict[str, Any] = {
    "display": lambda *args, **kwargs: None,
    "get_ipython": lambda: _NoIPython(),
}
"""Names Jupyter provides without an import; notebook cells that use them still run."""


def syntax_message(exc: BaseException) -> str:
    if isinstance(exc, SyntaxError):
        where = f"line {exc.lineno}" if exc.lineno else "unknown line"
        text = (exc.text or "").strip()
        shown = f": {text}" if text else ""
        return f"{type(exc).__name__} at {where}: {exc.msg}{shown}"
    return f"{type(exc).__name__}: {exc}"


# -- the warm zygote (grader.sandbox.pool) ---------------------------------------------------------

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

    def __init__(self, codec: Any, in_fd: int, out_fd: int, sock_fd: int,
                 tmp_bytes: int) -> None:
        import socket

        self.codec = codec
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
                self.send({"op": "torch", "ok": import_torch()})
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
        set_limits(limits, shared_uid=False)
        worker = Worker(self.codec, 3, 4)
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


TORCH_WARM_MODULES = ("torch.optim", "torch.func", "torch.autograd.functional", "torch._dynamo")
"""Modules torch imports lazily on first use: a first torch.optim step or torch.func call
imports torch._dynamo (~820 modules, ~0.8 s of CPU). Imported before any student code, so that
one-time cost of a library the course allows never counts against a per-call CPU limit
(docs/authoring.md §8). Importing them runs no torch op and starts no thread."""


def import_torch() -> bool:
    """Import torch with one intra-op and one inter-op thread, and the modules it would import
    on first use (TORCH_WARM_MODULES), running no torch op (the zygote forks afterwards: a
    started OpenMP pool does not survive a fork)."""
    try:
        import torch

        torch.set_num_threads(1)
        with contextlib.suppress(RuntimeError):
            torch.set_num_interop_threads(1)
    except ImportError:
        return False
    for name in TORCH_WARM_MODULES:
        with contextlib.suppress(Exception):  # a torch without one of them still grades
            importlib.import_module(name)
    return True


def zygote_main(codec: Any, in_fd: int, out_fd: int, sock_fd: int, tmp_bytes: int) -> int:
    _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # no ptrace, no /proc/<pid>/mem or fd by a child
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    zygote = Zygote(codec, in_fd, out_fd, sock_fd, tmp_bytes)
    null = os.open(os.devnull, os.O_WRONLY)  # the zygote's own output goes nowhere
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    zygote.send({"op": "ready"})
    zygote.serve()
    return 0


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this worker when the grader dies (Linux; best effort). Under
    bubblewrap its --die-with-parent does this for the whole sandbox."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> int:
    if "--drop-to" in argv:  # first: nothing of the grader's runs as root after this
        confine = _load_sibling("confine")
        uid, gid = (int(n) for n in argv[argv.index("--drop-to") + 1].split(":"))
        confine.drop_privileges(uid, gid)
        confine.no_network()
    die_with_parent()  # after the uid switch, which clears the parent-death signal
    in_fd, out_fd = int(argv[1]), int(argv[2])
    limits = json.loads(argv[3])
    if "--strip-path" in argv:  # the grader's own folders: not importable from student code
        hidden = argv[argv.index("--strip-path") + 1].split(os.pathsep)
        sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") not in hidden]
    codec = _load_sibling("codec")
    _load_sibling("invoke")
    import numpy  # noqa: F401 - imported before student code, inside the limits' headroom

    if "--torch" in argv:
        import_torch()
    if "--zygote" in argv:  # the per-submission limits are set in each forked child
        at = argv.index("--zygote")
        return zygote_main(codec, in_fd, out_fd, int(argv[at + 1]), int(argv[at + 2]))
    set_limits(limits, shared_uid="--shared-uid" in argv)
    worker = Worker(codec, in_fd, out_fd)
    worker.send({"op": "ready"})
    worker.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
