"""The in-process runner, for TRUSTED code only: the reference solution (calibration, validate)
and a student's own kernel (notebook check cells). Student submissions never use it: they go
through grader.sandbox.proxy into a sandboxed worker.

It is the worker's path without the process: the call is made by grader.sandbox.inside.invoke
(timing,
warnings, exception description), and the arguments, the reply and every callback cross
grader.sandbox.inside.codec exactly as they cross the pipe (encoded and decoded, so copied and
converted the
same way, with the same errors); the reply becomes a Call in grader.sandbox.calls. Only the
isolation
and the limits differ. tests/assignments/test_parity.py proves the results identical.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection
from types import ModuleType
from typing import Any

from grader.errors import BadValue, undefined_name
from grader.models import Call
from grader.sandbox.calls import (
    MAX_TEXT,
    ByName,
    Handle,
    StaleHandle,
    call_from_reply,
    handle_number,
)
from grader.sandbox.inside import codec, invoke

__all__ = ["NAME_OPS", "Call", "LocalStudent"]

NAME_OPS = ("call", "variable", "hide", "restore")
"""The proxy's own methods a test uses on `student` (StudentProxy and LocalStudent alike):
`student.variable("x")` reads a top-level value, it calls no student function."""

MAX_HANDLES = 100_000


class LocalStudent(ByName):
    """Calls functions of a trusted module in this process, with the proxy's semantics.

    `module_name` names the module in messages (the proxy says the assignment's module);
    `files` are the file names whose frames a traceback shows (default: the module's file)."""

    def __init__(self, module: ModuleType, *, module_name: str | None = None,
                 files: Collection[str] | None = None) -> None:
        self._module = module
        self._name = module_name or module.__name__
        file = getattr(module, "__file__", None)
        self._files = frozenset(files if files is not None else [file] if file else [])
        self._objects: list[Any] = []
        self._hidden: dict[str, Any] = {}

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and callable(getattr(self._module, name, None))

    def call(self, name: str, /, *args: Any, **kwargs: Any) -> Call:
        """Run `name(*args, **kwargs)`; see grader.sandbox.proxy.StudentProxy.call."""
        return self._call(name, args, kwargs, keep=False)

    def keep(self, name: str, /, *args: Any, **kwargs: Any) -> Call:
        """See grader.sandbox.proxy.StudentProxy.keep."""
        return self._call(name, args, kwargs, keep=True)

    def fetch(self, value: Any) -> Any:
        """See grader.sandbox.proxy.StudentProxy.fetch."""
        try:
            sent = self._cross({"value": value}, None, [])
        except StaleHandle as exc:
            raise BadValue(str(exc)) from None
        except codec.CodecError as exc:
            raise TypeError(f"student.fetch: the value cannot be sent to the worker: {exc}") \
                from None
        reply = self._reply({"op": "fetched", "value": sent["value"]}, "fetch", [], [])
        if reply.get("op") == "bad_value":
            raise BadValue(f"a kept value cannot be graded: {reply.get('message')}")
        return reply.get("value")

    def _call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], *,
              keep: bool) -> Call:
        if not isinstance(name, str):
            raise TypeError(f"student.call needs the function's name as a string, got {name!r}")
        callbacks: list[Callable[..., Any]] = []
        wrappers: list[Callable[..., Any]] = []
        try:
            sent = self._cross({"args": args, "kwargs": kwargs, "use": dict(self.substitutes)},
                               callbacks, wrappers)
        except StaleHandle as exc:
            raise BadValue(str(exc)) from None
        except codec.CodecError as exc:
            raise TypeError(f"student.{name}: an argument cannot be sent to the worker: "
                            f"{exc}") from None
        try:
            func = getattr(self._module, name, None)
        except BaseException as exc:
            reply: dict[str, Any] = {"op": "raised", **invoke.describe(exc, self._files)}
        else:
            if not callable(func):
                reply = {"op": "missing"}
            else:
                with invoke.substituted(vars(self._module), sent["use"]):
                    reply = invoke.invoke(func, sent["args"], sent["kwargs"], self._files)
                if keep and reply["op"] == "return":
                    reply["value"] = codec.Keep(reply["value"])
        return call_from_reply(self._name, name, self._reply(reply, name, callbacks, wrappers))

    # -- the codec, both ways, as over the pipe -------------------------------------------------
    def _cross(self, message: Any, callbacks: list[Callable[..., Any]] | None,
               wrappers: list[Callable[..., Any]]) -> Any:
        """`message` encoded and decoded as the proxy sends it to the worker: callables become
        callbacks (`wrappers`, one per entry of `callbacks`), handles their objects."""

        def register(function: Any) -> int:
            assert callbacks is not None
            callbacks.append(function)
            wrappers.append(self._callback(function))
            return len(callbacks) - 1

        frame = codec.encode(message, register if callbacks is not None else None,
                             on_object=handle_number(self))
        return codec.decode(frame, make_callback=lambda i: wrappers[i], make_handle=self._find)

    def _reply(self, reply: dict[str, Any], name: str, callbacks: list[Callable[..., Any]],
               wrappers: list[Callable[..., Any]]) -> Any:
        """The worker's reply encoded (bad_value if it may not cross) and decoded."""
        ids = {id(w): i for i, w in enumerate(wrappers)}
        frame = invoke.reply_frame(codec, reply, lambda f: ids.get(id(f)), self._keep)
        return codec.decode(frame, make_callback=lambda i: callbacks[i],
                            make_handle=lambda i, kind: Handle(i, kind, self, name))

    def _callback(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """What the student's code gets for a trusted function: its arguments and its value
        cross the codec, its exceptions arrive as the worker raises them."""

        def trusted_function(*args: Any, **kwargs: Any) -> Any:
            try:
                sent = codec.decode(codec.encode({"args": args, "kwargs": kwargs}))
            except codec.CodecError as exc:
                raise TypeError(f"this function accepts only numbers, strings and numeric "
                                f"arrays: {exc}") from None
            try:
                value = function(*sent["args"], **sent["kwargs"])
                return codec.decode(codec.encode({"value": value}))["value"]
            except codec.CodecError as exc:
                raise TypeError(f"the grader's function returned a value that cannot be sent: "
                                f"{exc}") from None
            except Exception as exc:
                kind = getattr(builtins, type(exc).__name__, None)
                if not (isinstance(kind, type) and issubclass(kind, Exception)):
                    kind = RuntimeError
                raise kind(str(exc)[:MAX_TEXT]) from None

        return trusted_function

    def _keep(self, value: Any) -> int:
        if len(self._objects) >= MAX_HANDLES:
            raise codec.CodecError(f"more than {MAX_HANDLES} values were kept in the sandbox")
        self._objects.append(value)
        return len(self._objects) - 1

    def _find(self, ident: int, _kind: str) -> Any:
        if not 0 <= ident < len(self._objects):
            raise codec.CodecError("a handle this worker never gave out")
        return self._objects[ident]

    # -- top-level names (notebook variables), as StudentProxy.variable/hide/restore -----------
    def variable(self, name: str) -> Any:
        """The module's top-level `name` as a plain value (StudentProxy.variable)."""
        space = vars(self._module)
        if name not in space or name.startswith("__"):
            raise undefined_name(name)
        try:
            return codec.decode(codec.encode({"value": space[name]}))["value"]
        except codec.CodecError as exc:
            raise BadValue(f"{name} holds something that cannot be graded: {exc}") from None

    def hide(self, name: str) -> None:
        """Take a top-level name away until `restore` (StudentProxy.hide)."""
        space = vars(self._module)
        if name not in space or name.startswith("__"):
            raise undefined_name(name)
        self._hidden[name] = space.pop(name)

    def restore(self, name: str = "") -> None:
        """Put back a hidden name, or every one (StudentProxy.restore)."""
        for key in [name] if name else list(self._hidden):
            if key in self._hidden:
                vars(self._module)[key] = self._hidden.pop(key)

