"""The values that may cross the trust boundary: how a Python value becomes the codec's tagged
JSON structure and array buffers (`Encoder`), and how that structure becomes values again,
strictly (`Decoder`); the limits, `CodecError`, `Keep` and named tuples.

grader.sandbox.inside.codec frames these (and re-exports every public name here: import them
from there). Loaded inside the sandbox too, beside codec.py: the standard library and numpy only.
See codec.py for the format.
"""

from __future__ import annotations

import collections
import keyword
import math
import sys

# Bound here, not looked up in builtins at call time: student code in the worker that patches
# builtins.isinstance (or int, type, ...) cannot change how its values are encoded.
from builtins import (  # noqa: UP029
    all,
    bool,
    callable,
    complex,
    dict,
    float,
    id,
    int,
    isinstance,
    len,
    list,
    str,
    tuple,
    type,
)
from collections.abc import Callable
from typing import Any

import numpy as np

MAX_FRAME_BYTES = 256 * 2**20
"""Largest payload (array bytes) one frame may carry."""
MAX_DEPTH = 64
"""Deepest nesting of lists/tuples/dicts."""
MAX_ITEMS = 2_000_000
"""Most values (all nodes of the structure) in one frame."""
MAX_NDIM = 32
INT_BOUND = 2**256
MAX_STR = 16 * 2**20
MAX_FIELDS = 255
"""Most fields of a named tuple."""

DTYPES = frozenset(
    ["|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8",
     "<f2", "<f4", "<f8", "<c8", "<c16"]
)
"""The array dtypes that may cross, as numpy dtype strings."""


class CodecError(ValueError):
    """A value that may not cross the boundary, or a malformed frame."""


def _tag(value: Any) -> str:
    return type(value).__name__


class Keep:
    """A value to send with the keep policy (worker side): everything but numbers, strings,
    None and plain lists/tuples/dicts stays in the sandbox as a handle."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


_CLASS_DICT = type.__dict__["__dict__"]
_CLASS_MRO = type.__dict__["__mro__"]
_CLASS_NAME = type.__dict__["__name__"]


def _namedtuple_fields(t: type) -> tuple[str, ...] | None:
    """The `_fields` of a tuple subclass made by collections.namedtuple (or typing.NamedTuple),
    read from the classes' own dicts, so no student descriptor or metaclass code runs."""
    for klass in _CLASS_MRO.__get__(t):
        fields = _CLASS_DICT.__get__(klass).get("_fields")
        if fields is None:
            continue
        if type(fields) is tuple and all(type(f) is str for f in fields):
            return fields
        return None
    return None


_NAMEDTUPLES: dict[tuple[str, tuple[str, ...]], type] = {}


def _namedtuple_class(typename: str, fields: tuple[str, ...]) -> type:
    """A namedtuple class of the receiving side (cached), from checked identifiers."""
    key = (typename, fields)
    cached = _NAMEDTUPLES.get(key)
    if cached is not None:
        return cached
    names = (typename, *fields)
    if (len(fields) > MAX_FIELDS or len(typename) > 100
            or not all(n.isidentifier() and not keyword.iskeyword(n) for n in names)
            or any(f.startswith("_") for f in fields) or len(set(fields)) != len(fields)):
        raise CodecError(f"malformed named tuple {typename!r} with fields {fields!r}")
    made: type = collections.namedtuple(typename, fields)  # type: ignore[misc]
    if len(_NAMEDTUPLES) < 1000:
        _NAMEDTUPLES[key] = made
    return made


class Encoder:
    """Turns one message into JSON-ready structure (`value`) and array buffers (`buffers`,
    `size` bytes in all); grader.sandbox.inside.codec.encode frames them. `on_callable` maps a
    callable to a callback id (trusted side); without it, callables are rejected."""

    def __init__(self, on_callable: Callable[[Any], int | None] | None = None,
                 max_bytes: int = MAX_FRAME_BYTES,
                 on_object: Callable[[Any], int | None] | None = None) -> None:
        self.on_callable = on_callable
        self.on_object = on_object
        """Maps a value that is no plain data to a handle number (None: it may not cross)."""
        self.keep = False
        self.max_bytes = max_bytes
        self.buffers: list[bytes] = []
        self.size = 0
        self.items = 0
        self._path: set[int] = set()

    def value(self, x: Any, depth: int) -> Any:
        self.items += 1
        if self.items > MAX_ITEMS:
            raise CodecError(f"the value has more than {MAX_ITEMS} items")
        if depth > MAX_DEPTH:
            raise CodecError(f"the value is nested more than {MAX_DEPTH} levels deep")
        t = type(x)
        if t is Keep and self.on_object is not None:
            saved, self.keep = self.keep, True
            try:
                return self.value(x.value, depth)
            finally:
                self.keep = saved
        if self.keep and x is not None and t not in _PLAIN:
            return self.handle(x)
        if x is None or t is bool or t is str:
            if t is str and len(x) > MAX_STR:
                raise CodecError("a string of more than 16 MiB cannot be sent")
            return x
        if t is int:
            if not -INT_BOUND < x < INT_BOUND:
                raise CodecError("an integer with more than 256 bits cannot be sent")
            return x
        if t is float:
            return x
        if t is complex:
            return {"c": [complex.real.__get__(x), complex.imag.__get__(x)]}
        if isinstance(x, np.ndarray):
            return self.array(x)
        if isinstance(x, np.bool_ | np.number):
            item = np.generic.item(x)
            if type(item) not in (bool, int, float, complex):
                raise CodecError(f"a numpy scalar of type {_tag(x)} cannot be sent; use float64")
            return self.value(item, depth)
        torch = sys.modules.get("torch")
        if torch is not None and isinstance(x, torch.Tensor):
            return self.array(_tensor_to_numpy(torch, x))
        if isinstance(x, list | tuple | dict):
            if id(x) in self._path:
                raise CodecError("the value is a cyclic structure (it contains itself)")
            self._path.add(id(x))
            try:
                if isinstance(x, dict):
                    pairs = []
                    for k, v in dict.items(x):
                        if type(k) is not str and type(k) is not int:
                            raise CodecError(
                                f"dict keys must be str or int, got {_tag(k)}"
                            )
                        pairs.append([self.value(k, depth + 1), self.value(v, depth + 1)])
                    return {"d": pairs}
                if isinstance(x, list):
                    return [self.value(v, depth + 1) for v in list.__iter__(x)]
                items = [self.value(v, depth + 1) for v in tuple.__iter__(x)]
                fields = None if t is tuple else _namedtuple_fields(t)
                if fields is not None and len(fields) == len(items):
                    return {"nt": [_CLASS_NAME.__get__(t)[:100], list(fields), items]}
                return {"t": items}
            finally:
                self._path.discard(id(x))
        if isinstance(x, bool | int):
            return self.value(int.__int__(x), depth)
        if isinstance(x, float):
            return float.__float__(x)
        if isinstance(x, complex):
            return {"c": [complex.real.__get__(x), complex.imag.__get__(x)]}
        if isinstance(x, str):
            return self.value(str.__str__(x), depth)
        if callable(x) and self.on_callable is not None:
            ident = self.on_callable(x)
            if ident is not None:
                return {"cb": ident}
        return self.handle(x)

    def handle(self, x: Any) -> Any:
        """A value that is no plain data: a handle if `on_object` numbers it, else refused."""
        ident = None if self.on_object is None else self.on_object(x)
        if ident is None:
            raise CodecError(f"a value of type {_tag(x)} cannot be sent; use numbers, strings, "
                             "lists, tuples, dicts or numeric numpy arrays")
        return {"h": [ident, _tag(x)[:100]]}

    def array(self, x: np.ndarray) -> Any:
        plain = np.ndarray.view(x, np.ndarray)
        if plain.dtype.kind not in "biufc" or plain.dtype.fields is not None:
            raise CodecError(f"an array of dtype {plain.dtype} cannot be sent; "
                             "only bool, integer, float and complex arrays can")
        dtype = plain.dtype.newbyteorder("<")
        if dtype.str not in DTYPES:
            if dtype.kind == "f":  # e.g. float128
                dtype = np.dtype("<f8")
            elif dtype.kind == "c":
                dtype = np.dtype("<c16")
            else:
                raise CodecError(f"an array of dtype {plain.dtype} cannot be sent")
        nbytes = plain.size * dtype.itemsize
        if self.size + nbytes > self.max_bytes:
            raise CodecError(f"the value is too large to send (more than "
                             f"{self.max_bytes // 2**20} MiB of arrays)")
        data = np.ascontiguousarray(plain, dtype=dtype).tobytes()
        offset = self.size
        self.buffers.append(data)
        self.size += len(data)
        return {"a": [dtype.str, list(plain.shape), offset, len(data)]}


def _tensor_to_numpy(torch: Any, x: Any) -> np.ndarray:
    t = torch.Tensor.detach(x)
    t = torch.Tensor.cpu(t)
    if t.layout != torch.strided:
        t = torch.Tensor.to_dense(t)
    if t.dtype == torch.bfloat16:
        t = torch.Tensor.float(t)
    t = torch.Tensor.resolve_conj(torch.Tensor.resolve_neg(t))
    array = torch.Tensor.numpy(t)
    return np.array(array, copy=True)


_PLAIN = frozenset([bool, int, float, complex, str, list, tuple, dict])
"""Types that cross as data under the keep policy (exact types: not their subclasses)."""


class Decoder:
    """Turns the JSON header and payload of one frame back into values, strictly.
    `make_callback` builds a callable for a callback id (worker side); without it,
    callback references are rejected."""

    def __init__(self, payload: bytes | memoryview,
                 make_callback: Callable[[int], Any] | None = None,
                 make_handle: Callable[[int, str], Any] | None = None) -> None:
        self.payload = payload
        self.make_callback = make_callback
        self.make_handle = make_handle
        self.items = 0

    def value(self, x: Any, depth: int) -> Any:
        self.items += 1
        if self.items > MAX_ITEMS:
            raise CodecError(f"more than {MAX_ITEMS} items")
        if depth > MAX_DEPTH:
            raise CodecError(f"nested more than {MAX_DEPTH} levels deep")
        t = type(x)
        if x is None or t is bool or t is str or t is float:
            return x
        if t is int:
            if not -INT_BOUND < x < INT_BOUND:
                raise CodecError("an integer with more than 256 bits")
            return x
        if t is list:
            return [self.value(v, depth + 1) for v in x]
        if t is not dict or len(x) != 1:
            raise CodecError(f"malformed value of JSON type {_tag(x)}")
        ((tag, body),) = x.items()
        if tag == "t" and type(body) is list:
            return tuple(self.value(v, depth + 1) for v in body)
        if tag == "d" and type(body) is list:
            out: dict[Any, Any] = {}
            for pair in body:
                if type(pair) is not list or len(pair) != 2 or type(pair[0]) not in (str, int):
                    raise CodecError("malformed dict entry")
                out[self.value(pair[0], depth + 1)] = self.value(pair[1], depth + 1)
            return out
        if tag == "c" and type(body) is list and len(body) == 2 and all(
            type(v) in (int, float) for v in body
        ):
            return complex(body[0], body[1])
        if tag == "a" and type(body) is list and len(body) == 4:
            return self.array(*body)
        if tag == "cb" and type(body) is int and self.make_callback is not None:
            return self.make_callback(body)
        if tag == "nt" and type(body) is list and len(body) == 3 and type(body[0]) is str \
                and type(body[1]) is list and all(type(f) is str for f in body[1]) \
                and type(body[2]) is list and len(body[1]) == len(body[2]):
            made = _namedtuple_class(body[0], tuple(body[1]))
            return made(*(self.value(v, depth + 1) for v in body[2]))
        if tag == "h" and type(body) is list and len(body) == 2 and type(body[0]) is int \
                and type(body[1]) is str and self.make_handle is not None:
            return self.make_handle(body[0], body[1][:100])
        raise CodecError(f"malformed value with tag {tag!r}")

    def array(self, dtype: Any, shape: Any, offset: Any, nbytes: Any) -> np.ndarray:
        if type(dtype) is not str or dtype not in DTYPES:
            raise CodecError(f"array dtype {dtype!r} may not cross; only numeric dtypes can")
        if (type(shape) is not list or len(shape) > MAX_NDIM
                or not all(type(n) is int and n >= 0 for n in shape)):
            raise CodecError(f"malformed array shape {shape!r}")
        if type(offset) is not int or type(nbytes) is not int or offset < 0 or nbytes < 0:
            raise CodecError("malformed array buffer reference")
        dt = np.dtype(dtype)
        count = math.prod(shape)
        if count * dt.itemsize != nbytes:
            raise CodecError(f"array of shape {tuple(shape)} and dtype {dtype} needs "
                             f"{count * dt.itemsize} bytes, the frame says {nbytes}")
        if offset + nbytes > len(self.payload):
            raise CodecError("array bytes run past the end of the frame")
        flat = np.frombuffer(self.payload, dtype=dt, count=count, offset=offset)
        return flat.reshape(shape).copy()
