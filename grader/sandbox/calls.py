"""A reply to a call (grader.sandbox.inside.invoke, decoded by grader.sandbox.inside.codec) as the
trusted side sees it.

Both runners end here: the proxy into the sandboxed worker (grader.sandbox.proxy) and the in-process
runner for trusted code (grader.sandbox.local). A reply becomes a `Call`, or the exception a test
sees:
StudentError (the student's code raised), MissingFunction, BadValue (the value cannot cross).
Everything is checked: the reply came from the student's process.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from grader.errors import BadValue, MissingFunction, student_exception
from grader.models import Call
from grader.sandbox.inside.codec import CodecError

MAX_TEXT = 8000
"""Characters of any text in a reply that are kept."""
REPLIES = ("return", "raised", "missing", "bad_value")
"""The replies a call can get; anything else is a broken worker."""


def text_of(message: dict[str, Any], key: str) -> str:
    value = message.get(key, "")
    if type(value) is not str:
        raise BadValue("the worker sent a malformed reply")
    return value[:MAX_TEXT]


def call_from_reply(module: str, name: str, reply: dict[str, Any]) -> Call:
    """The Call of `name` in the student's `module` (for messages), or the exception the test
    sees. `reply["op"]` is one of REPLIES."""
    op = reply.get("op")
    if op == "return":
        args, kwargs = reply.get("args"), reply.get("kwargs")
        seconds, warnings = reply.get("seconds"), reply.get("warnings")
        if (type(args) is not tuple or type(kwargs) is not dict or "value" not in reply
                or type(seconds) is not float or type(warnings) is not list
                or not all(type(w) is str for w in warnings)):
            raise BadValue(f"{name}(): the worker sent a malformed reply")
        return Call(reply["value"], args, kwargs, seconds,
                    tuple(w[:MAX_TEXT] for w in warnings))
    if op == "raised":
        mro = reply.get("mro", [])
        if type(mro) is not list or not all(type(m) is str for m in mro):
            raise BadValue(f"{name}(): the worker sent a malformed reply")
        raise student_exception(text_of(reply, "message"), exc_type=text_of(reply, "type"),
                                exc_mro=tuple(m[:200] for m in mro[:64]),
                                traceback=text_of(reply, "traceback"))
    if op == "missing":
        raise MissingFunction(
            f"your {module} does not define a function {name}() "
            f"(check the name and that it is defined at the top level)")
    if op == "bad_value":
        raise BadValue(f"{name}() returned something that cannot be graded: "
                       f"{text_of(reply, 'message')}")
    raise BadValue(f"{name}(): the worker sent an unexpected reply")



class ByName:
    """What a test writes, `student.f(x)`, is `student.call("f", x).value`: for the sandbox's
    proxy, the in-process runner and the diagnosis recorder alike."""

    call: Callable[..., Call]
    substitutes: Mapping[str, Callable[..., Any]] = {}
    """Top-level names of the submission replaced, for the calls made meanwhile, by trusted
    functions (`using`): the student's code that looks them up calls those instead."""

    @contextlib.contextmanager
    def using(self, functions: Mapping[str, Callable[..., Any]]) -> Iterator[None]:
        """Within the block, every call into the submission finds `functions` (trusted code,
        e.g. the reference's sigmoid) under their names in the student's module instead of the
        student's own; the sandbox calls them back in this process (the callback channel:
        values cross as data, no trusted code enters the sandbox). Put back after each call."""
        if not all(isinstance(n, str) and n.isidentifier() and callable(f)
                   for n, f in functions.items()):
            raise TypeError("student.using needs {name: function} with top-level names")
        before = self.substitutes
        self.substitutes = {**before, **functions}
        try:
            yield
        finally:
            self.substitutes = before

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self.call(name, *args, **kwargs).value

        call.__name__ = name
        return call


class StaleHandle(CodecError):
    """A handle sent to a worker that did not give it out (its worker has ended)."""


class Handle:
    """A value that stays in the sandbox: the trusted side can pass it back to the student's
    functions (in a later call of the same submission) but never looks inside it. It dies with
    the worker that holds it (a timeout or crash restarts the worker).

    Using it as data (numbers, an array, its items or attributes) raises BadValue with a
    message for the student: the test then fails, it does not break."""

    __slots__ = ("function", "ident", "kind", "owner")

    def __init__(self, ident: int, kind: str, owner: object, function: str) -> None:
        self.ident = ident
        self.kind = kind
        """The type name of the value in the sandbox (e.g. 'Cache', 'Tensor')."""
        self.owner = owner
        """The worker (or in-process runner) that holds the value."""
        self.function = function
        """The student's function whose call gave it."""

    def __repr__(self) -> str:
        return f"<{self.kind} from {self.function}(), kept in the sandbox>"

    def _refuse(self, use: str) -> BadValue:
        return BadValue(
            f"{self.function}() returned a {self.kind} object where the test needs {use}; "
            f"a {self.kind} stays in the sandbox (the grader never looks inside the objects of "
            "your code): return numbers, strings, lists, tuples, dicts or numeric numpy arrays "
            "(torch tensors are converted)")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise self._refuse(f"its attribute {name!r}")

    def __copy__(self) -> Handle:
        return self  # a reference to a value in the sandbox: a copy is the same reference

    def __deepcopy__(self, memo: dict[int, Any]) -> Handle:
        return self  # (a test's copy.deepcopy of a result must not pickle the worker's socket)

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise self._refuse("to be stored (pickled)")

    def __array__(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("an array")

    def __float__(self) -> float:
        raise self._refuse("a number")

    def __int__(self) -> int:
        raise self._refuse("a number")

    def __index__(self) -> int:
        raise self._refuse("a number")

    def __complex__(self) -> complex:
        raise self._refuse("a number")

    def __len__(self) -> int:
        raise self._refuse("a sequence")

    def __iter__(self) -> Any:
        raise self._refuse("a sequence")

    def __getitem__(self, key: Any) -> Any:
        raise self._refuse("a sequence or mapping")

    def __bool__(self) -> bool:
        raise self._refuse("a truth value")

    def __eq__(self, other: object) -> bool:
        raise self._refuse("a value to compare")

    def __ne__(self, other: object) -> bool:
        raise self._refuse("a value to compare")

    __lt__ = __le__ = __gt__ = __ge__ = __ne__
    __hash__ = object.__hash__


def handle_number(owner: object) -> Any:
    """The encoder's `on_object` for messages to `owner`: a handle's number; a handle of an
    ended worker raises StaleHandle; any other object may not cross (None)."""

    def number(value: Any) -> int | None:
        if type(value) is not Handle:
            return None
        if value.owner is not owner:
            raise StaleHandle(
                f"the {value.kind} that {value.function}() returned earlier is gone: your code "
                "was restarted since (after a timeout or a crash), and values kept in the "
                "sandbox end with it")
        return value.ident

    return number
