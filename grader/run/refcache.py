"""Reference outputs computed once per batch: a memoizing view of the reference module.

Hidden tests call `ref.f(...)` with the same inputs for every student (their `rng` is seeded
from the assignment and test name), so a batch of N students computes each reference output N
times. `CachedReference(module)` wraps the reference's functions: a call whose arguments can be
digested (numbers, strings, bytes, None, numpy arrays and scalars of numeric dtype, and nested
tuples/lists/dicts of them) is computed once; later calls with equal arguments get a deep copy
of the stored result, so a test that modifies what it got cannot change what the next student's
test gets. A call is NOT cached (it simply runs) when an argument cannot be digested (a callable,
a Generator, a torch tensor, any other object), when the call modified one of its arguments in
place (a hit would skip that effect), or when the result cannot be deep-copied.

The reference is trusted instructor code, and its functions must be pure functions of their
arguments (randomness comes in as an `rng` argument, which is never cached). Attributes that are
not plain functions (constants, classes, submodules) pass through unchanged. Create one
`CachedReference` per batch and process: the cache lives as long as the object.

`CachedReference.memo` (a `Memo`) keeps other trusted results of the batch by key, with the
same lifetime: grader.run.diagnose keeps there what the reference and each catalogue mistake
return on a recorded call, keyed by this module's `digest` of the call's arguments.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import inspect
import marshal
import threading
import types
from collections import OrderedDict
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

MAX_ENTRIES = 4096
"""Least recently used results beyond this many are dropped."""
MAX_RESULT_BYTES = 16 * 2**20
"""A result whose arrays hold more bytes than this is not stored."""


MEMO_ENTRIES = 32768
MEMO_BYTES = 256 * 2**20
"""Least recently used memo entries beyond this many, or holding arrays beyond this many bytes
in all, are dropped."""


class Uncacheable(Exception):
    """An argument or result the cache cannot handle; the call runs uncached."""


def digest(args: tuple[Any, ...], kwargs: dict[str, Any], *, functions: bool = False) -> bytes:
    """A digest of argument values (raises Uncacheable for values without a stable digest).
    `functions`: a plain Python function (a test's `f` handed to numerical_gradient) has one
    too, by its code and the values it closes over and defaults to (not the globals it reads:
    a test's module constants); grader.run.diagnose's replays of trusted code use it, never
    CachedReference (a reference call whose function counts its calls must run)."""
    h = hashlib.blake2b(digest_size=20)
    _feed(h, args, functions)
    _feed(h, kwargs, functions)
    return h.digest()


def _feed(h: Any, value: Any, functions: bool = False) -> None:
    kind = type(value)
    if kind is types.FunctionType and functions:
        h.update(f"function:{value.__qualname__}:".encode())
        h.update(marshal.dumps(value.__code__))
        try:
            cells = tuple(c.cell_contents for c in value.__closure__ or ())
        except ValueError:  # a cell not yet filled
            raise Uncacheable(f"function {value.__qualname__} with an empty cell") from None
        _feed(h, (cells, value.__defaults__ or (), value.__kwdefaults__ or {}), functions)
        return
    if value is None or kind in (bool, int, str):
        h.update(f"{kind.__name__}:{value!r};".encode())
    elif kind is float:
        h.update(f"float:{value.hex()};".encode())
    elif kind is complex:
        h.update(f"complex:{value.real.hex()},{value.imag.hex()};".encode())
    elif kind is bytes:
        h.update(b"bytes:%d:" % len(value) + value)
    elif kind is np.ndarray or isinstance(value, np.generic):
        array = np.asarray(value)
        if array.dtype.kind not in "biufc":
            raise Uncacheable(f"array of dtype {array.dtype}")
        scalar = "s" if isinstance(value, np.generic) else "a"
        h.update(f"nd{scalar}:{array.dtype.str}:{array.shape}:".encode())
        h.update(np.ascontiguousarray(array).tobytes())
    elif kind in (tuple, list):
        h.update(f"{kind.__name__}:{len(value)}(".encode())
        for item in value:
            _feed(h, item, functions)
        h.update(b")")
    elif kind is dict:
        h.update(f"dict:{len(value)}(".encode())
        for key, item in value.items():
            _feed(h, key, functions)
            _feed(h, item, functions)
        h.update(b")")
    else:
        raise Uncacheable(f"argument of type {kind.__name__}")


def nbytes(value: Any) -> int:
    """Bytes held by the numpy arrays in `value` (nested tuples, lists, dicts)."""
    if isinstance(value, np.ndarray):
        return int(value.nbytes)
    if isinstance(value, tuple | list):
        return sum(nbytes(v) for v in value)
    if isinstance(value, dict):
        return sum(nbytes(v) for v in value.values())
    return 0


class Memo:
    """Trusted values computed during a batch, by key: a thread-safe least-recently-used store
    (the batch's threads share it). `get` answers None for a key it does not hold."""

    def __init__(self, max_entries: int = MEMO_ENTRIES) -> None:
        self._values: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_entries = max_entries
        self.max_bytes = MEMO_BYTES
        self._bytes = 0
        self.hits = 0
        self.misses = 0
        self._lookup: Callable[[Any], tuple[Any, int] | None] | None = None
        self.verify = False
        """Each new outcome of a mistake is computed twice at once (grader.run.diagnose.Replay):
        a memo that becomes a replay table (grader.authoring.named) holds only reproduced
        outcomes, and so the searches that rest on them (Replay.whole)."""

    def consult(self, lookup: Callable[[Any], tuple[Any, int] | None]) -> None:
        """On a miss, ask `lookup(key)` for (value, bytes) before answering None (a table
        written beforehand: grader.run.replaytable); what it gives is kept like a `put`."""
        self._lookup = lookup

    def get(self, key: Any) -> Any:
        with self._lock:
            if key in self._values:
                self.hits += 1
                self._values.move_to_end(key)
                return self._values[key][0]
        found = self._lookup(key) if self._lookup is not None else None
        if found is None:
            with self._lock:
                self.misses += 1
            return None
        self._put(key, *found)
        with self._lock:
            self.hits += 1
        return found[0]

    def put(self, key: Any, value: Any, size: int | None = None) -> None:
        """Store `value` under `key`; nothing when its arrays (or `size`, bytes the caller
        counted) exceed MAX_RESULT_BYTES."""
        self._put(key, value, size)

    def _put(self, key: Any, value: Any, size: int | None) -> None:
        size = nbytes(value) if size is None else size
        if size > MAX_RESULT_BYTES:
            return
        with self._lock:
            if key in self._values:
                self._bytes -= self._values[key][1]
            self._values[key] = (value, size)
            self._values.move_to_end(key)
            self._bytes += size
            while len(self._values) > self.max_entries or self._bytes > self.max_bytes:
                self._bytes -= self._values.popitem(last=False)[1][1]

    def __len__(self) -> int:
        return len(self._values)

    def items(self) -> list[tuple[Any, Any, int]]:
        """(key, value, bytes counted) of every entry, least recently used first
        (grader.run.replaytable)."""
        with self._lock:
            return [(key, value, size) for key, (value, size) in self._values.items()]

    def update(self, entries: list[tuple[Any, Any, int]]) -> None:
        """`put` each (key, value, bytes counted), in order."""
        for key, value, size in entries:
            self._put(key, value, size)


class CachedReference(ModuleType):
    """`module` with its functions memoized; see the module docstring."""

    def __init__(self, module: ModuleType) -> None:
        super().__init__(module.__name__, module.__doc__)
        self.__dict__["_module"] = module
        self.__dict__["_results"] = OrderedDict()
        self.__dict__["_wrapped"] = {}
        self.__dict__["hits"] = 0
        self.__dict__["misses"] = 0
        self.__dict__["uncached"] = 0
        self.__dict__["memo"] = Memo()

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.__dict__["_module"], name)
        if not inspect.isfunction(value):
            return value
        wrapped: dict[str, Callable[..., Any]] = self.__dict__["_wrapped"]
        if name not in wrapped:
            wrapped[name] = self._memoized(name, value)
        return wrapped[name]

    def __dir__(self) -> list[str]:
        return dir(self.__dict__["_module"])

    def _memoized(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        results: OrderedDict[tuple[str, bytes], Any] = self.__dict__["_results"]
        counts = self.__dict__

        @functools.wraps(func)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                key = (name, digest(args, kwargs))
            except Uncacheable:
                counts["uncached"] += 1
                return func(*args, **kwargs)
            if key in results:
                results.move_to_end(key)
                counts["hits"] += 1
                return copy.deepcopy(results[key])
            value = func(*args, **kwargs)
            counts["misses"] += 1
            try:
                if digest(args, kwargs) != key[1]:
                    raise Uncacheable("the call modified its arguments")
                if nbytes(value) > MAX_RESULT_BYTES:
                    raise Uncacheable("result too large")
                results[key] = copy.deepcopy(value)
            except Exception:  # Uncacheable, or a result deepcopy refuses (e.g. a torch graph)
                return value
            while len(results) > MAX_ENTRIES:
                results.popitem(last=False)
            return value

        return call
