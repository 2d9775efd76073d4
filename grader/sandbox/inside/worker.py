"""The worker: the only grader code that runs inside the sandbox, next to the student's code.

Started by grader.sandbox.process as
`python -I worker.py IN_FD OUT_FD LIMITS_JSON [--strip-path DIRS] [--torch] [--shared-uid]
[--drop-to UID:GID] [--zygote SOCK_FD TMP_BYTES]`, or by grader.sandbox.pipes (a laptop
without POSIX descriptor passing: Windows, or no fcntl/poll) as `worker.py - - LIMITS_JSON
--pipes ...`: the channel is then its stdin/stdout, and what the student prints goes to stderr.
The inside/ files (grader.sandbox.bwrap.WORKER_FILES) are copied (or bound read-only) into one
folder and load each other by path: this file is the message server; cells.py turns notebook
cells into Python; confine.py sets the process's limits (and the uid level's confinement);
zygote.py is the warm fork server (grader.sandbox.pool); codec.py frames values, invoke.py
makes one call. It imports numpy (and torch when asked) before any student code, sets its own
resource limits, says "ready", then serves messages from the trusted side (frames of
grader.sandbox.inside.codec):

  load   {"module", "cells", "kind", "path", "cell_timeout", "load_budget", "load_cpu",
          "seed_cells"}
                                            -> loaded {"status": ok | syntax_error |
                                               import_error | timeout, "message", "warnings"}
  call   {"name", "args", "kwargs"}         -> return {"value", "args", "kwargs"} | raised
                                               {"type", "mro", "message", "traceback"}
                                               (both with "seconds", "warnings":
                                               grader.sandbox.inside.invoke)
                                               | missing | bad_value {"message"}
  has    {"name"}                           -> has {"value"}
  fetch  {"value"}                          -> fetched {"value"}  (handles in it resolved)
  figure {"source", "name", "skip", "max_calls"}
                                            -> figure_call / figure_return per call of a
                                               report picture, then figure_done
                                               (grader.sandbox.inside.figure)

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
from typing import Any  # noqa: E402

MAX_HANDLES = 100_000
"""Values one worker keeps for the trusted side at most."""
_SIBLINGS: dict[str, Any] = {}


def _load_sibling(name: str) -> Any:
    """codec.py, invoke.py, cells.py, confine.py or zygote.py from this file's folder (the
    sandbox has no grader package), loaded once per process (forked workers inherit them)."""
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


class Worker:
    def __init__(self, codec: Any, in_fd: int, out_fd: int) -> None:
        self.codec = codec
        self.cells = _load_sibling("cells")
        """grader.sandbox.inside.cells: notebook syntax, per-cell time limit."""
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
                                message["load_budget"], message.get("load_cpu", 0.0),
                                message.get("seed_cells")))
        elif op == "call":
            reply = self.call(message["name"], message["args"], message["kwargs"],
                              message.get("use"))
            if message.get("keep") is True and reply["op"] == "return":
                reply["value"] = self.codec.Keep(reply["value"])
            self.send(reply)
        elif op == "fetch":
            self.send({"op": "fetched", "value": message["value"]})
        elif op == "has":
            self.send({"op": "has", "value": self.has(message["name"])})
        elif op == "figure":
            _load_sibling("figure").run(self, message["source"], message["name"],
                                        message["skip"], message["max_calls"])
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
             cell_timeout: float, load_budget: float, load_cpu: float = 0.0,
             seed_cells: int | None = None) -> dict[str, Any]:
        """Run the cells in a fresh module. Each cell's top-level code may take `cell_timeout`
        seconds, all of them `load_budget`, and `load_cpu` seconds of CPU (0: no CPU limit):
        once either is spent, the remaining cells get a moment each (enough to define
        functions, not to run demos). `seed_cells`: numpy and random are seeded with it before
        each cell (None: cells run as written)."""
        module = types.ModuleType(name)
        module.__file__ = os.path.join(os.getcwd(), f"{name}.py")
        sys.modules[name] = module
        self.module = module
        reply: dict[str, Any] = self.cells.run_cells(module, cells, kind, path, cell_timeout,
                                                     load_budget, self.files, self.describe,
                                                     load_cpu, seed_cells)
        self._flush()
        return reply

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

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any],
             use: dict[str, Any] | None = None) -> dict[str, Any]:
        """`use`: top-level names replaced during this call by the grader's functions (each a
        callback: `callback`), then put back as they were."""
        try:
            func = getattr(self.module, name, None)
        except BaseException as exc:  # a module-level __getattr__ that raises
            return {"op": "raised", **self.describe(exc)}
        if not callable(func):
            return {"op": "missing"}
        space = vars(self.module) if self.module is not None else {}
        with self.invoke.substituted(space, use):
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


def pipe_channel() -> tuple[int, int]:
    """With --pipes: the channel moves off stdin/stdout (copies no child inherits), stdout
    joins stderr (the captured output) and stdin reads nothing."""
    in_fd, out_fd = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return in_fd, out_fd


def main(argv: list[str]) -> int:
    confine = _load_sibling("confine")
    if "--drop-to" in argv:  # first: nothing of the grader's runs as root after this
        uid, gid = (int(n) for n in argv[argv.index("--drop-to") + 1].split(":"))
        confine.drop_privileges(uid, gid)
        confine.no_network()
    confine.die_with_parent()  # after the uid switch, which clears the parent-death signal
    if "--pipes" in argv:
        in_fd, out_fd = pipe_channel()
    else:
        in_fd, out_fd = int(argv[1]), int(argv[2])
    limits = json.loads(argv[3])
    if "--strip-path" in argv:  # the grader's own folders: not importable from student code
        hidden = argv[argv.index("--strip-path") + 1].split(os.pathsep)
        sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") not in hidden]
    codec = _load_sibling("codec")
    _load_sibling("invoke")
    _load_sibling("cells")
    _load_sibling("figure")  # before any student code (and before the zygote forks)
    import numpy  # noqa: F401 - imported before student code, inside the limits' headroom

    if "--torch" in argv:
        import_torch()
    if "--zygote" in argv:  # the per-submission limits are set in each forked child
        zygote = _load_sibling("zygote")
        host = zygote.Host(codec, lambda i, o: Worker(codec, i, o), import_torch,
                           confine.set_limits)
        at = argv.index("--zygote")
        return int(zygote.zygote_main(host, in_fd, out_fd, int(argv[at + 1]),
                                      int(argv[at + 2])))
    confine.set_limits(limits, shared_uid="--shared-uid" in argv)
    worker = Worker(codec, in_fd, out_fd)
    worker.send({"op": "ready"})
    worker.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
