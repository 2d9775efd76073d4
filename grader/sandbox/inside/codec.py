"""Values across the trust boundary: length-prefixed frames of JSON plus raw array buffers.

This file is loaded inside the sandbox too, so it uses only the standard library and numpy.
Never pickle: the trusted side decodes nothing but the tagged JSON and numeric buffers below.

A frame is `MAGIC, json_len (u32), payload_len (u64)`, then the JSON header, then the payload:
the arrays' bytes, back to back. In the JSON a value is
- null, true/false, an int (|x| < 2**256), a float (NaN/Infinity allowed), a string,
- a JSON list: a Python list,
- an object with exactly one tag key: {"t": [...]} tuple, {"d": [[key, value], ...]} dict with
  str/int keys, {"c": [re, im]} complex, {"cb": id} a callback reference, and
  {"a": [dtype, shape, offset, nbytes]} a numpy array of kind b/i/u/f/c, little-endian,
  its bytes at payload[offset:offset + nbytes],
  {"nt": [typename, [field, ...], [value, ...]]} a named tuple (a namedtuple class is made on
  the receiving side from the checked identifiers: never the sender's class),
  {"h": [id, typename]} a handle: an object that stays in the sandbox (see below).

Handles: with `on_object`, the worker keeps a value it may not turn into plain data (a student's
class instance, an optimiser; and, inside `Keep`, everything but numbers, strings and plain
containers: arrays, tensors with their graph, named tuples) and sends only its number and type
name. The trusted side's `make_handle` turns that into an opaque object
(grader.sandbox.calls.Handle)
that it can send back (its `on_object` gives the number), where the worker's `make_handle`
finds the object again. Nothing of the object itself ever crosses.

The encoder converts what student code returns into exactly those base types: numpy scalars
to Python scalars, torch tensors (only if torch is already imported) to arrays, subclasses of
list/tuple/dict/str/int/float/complex/ndarray to the plain base type through the base class's
own slots, so an overridden __eq__, __float__, __array__, __len__ or __iter__ never runs.

This module frames and reads; the values themselves (Encoder, Decoder, limits, CodecError, Keep,
named tuples) are in values.py beside it, re-exported here: import every name from this module.
Inside the sandbox both are plain files (grader.sandbox.bwrap.WORKER_FILES), so this module
loads values.py by path there and imports it as grader.sandbox.inside.values on the trusted side.
"""

from __future__ import annotations

import json
import os
import struct

# Bound here, not looked up in builtins at call time (see values.py).
from builtins import len
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

__all__ = [
    "DTYPES",
    "INT_BOUND",
    "MAGIC",
    "MAX_DEPTH",
    "MAX_FIELDS",
    "MAX_FRAME_BYTES",
    "MAX_HEADER_BYTES",
    "MAX_ITEMS",
    "MAX_NDIM",
    "MAX_STR",
    "PREFIX",
    "CodecError",
    "Decoder",
    "Encoder",
    "FrameReader",
    "Keep",
    "decode",
    "decode_body",
    "encode",
    "parse_prefix",
    "read_frame",
    "write_frame",
]
_FRAMES = {"MAGIC", "MAX_HEADER_BYTES", "PREFIX", "FrameReader", "decode", "decode_body",
           "encode", "parse_prefix", "read_frame", "write_frame"}

if TYPE_CHECKING or __package__:  # imported as grader.sandbox.inside.codec (the trusted side)
    from grader.sandbox.inside.values import (
        DTYPES,
        INT_BOUND,
        MAX_DEPTH,
        MAX_FIELDS,
        MAX_FRAME_BYTES,
        MAX_ITEMS,
        MAX_NDIM,
        MAX_STR,
        CodecError,
        Decoder,
        Encoder,
        Keep,
    )
else:  # a plain file inside the sandbox (worker.py loads it by path), values.py beside it
    import importlib.util

    def _load_values() -> Any:
        """values.py from this file's folder, loaded once with this module (not put in
        sys.modules, where student code would find it by name)."""
        here = os.path.dirname(os.path.abspath(__file__))
        spec = importlib.util.spec_from_file_location("_nngrader_values",
                                                      os.path.join(here, "values.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    _VALUES = _load_values()
    globals().update({n: getattr(_VALUES, n) for n in __all__ if n not in _FRAMES})


MAGIC = b"NNG1"
PREFIX = struct.Struct("<4sIQ")
MAX_HEADER_BYTES = 64 * 2**20
"""Largest JSON header."""


def encode(message: Any, on_callable: Callable[[Any], int | None] | None = None,
           max_bytes: int = MAX_FRAME_BYTES,
           on_object: Callable[[Any], int | None] | None = None) -> bytes:
    """One complete frame for `message`. Raises CodecError for values that may not cross."""
    encoder = Encoder(on_callable, max_bytes, on_object)
    try:
        structure = encoder.value(message, 0)
    except RecursionError as exc:
        raise CodecError("the value is nested too deeply") from exc
    header = json.dumps(structure, allow_nan=True, separators=(",", ":")).encode()
    if len(header) > MAX_HEADER_BYTES:
        raise CodecError(f"the value is too large to send ({len(header)} bytes of structure)")
    return b"".join([PREFIX.pack(MAGIC, len(header), encoder.size), header, *encoder.buffers])


def parse_prefix(prefix: bytes, max_bytes: int = MAX_FRAME_BYTES) -> tuple[int, int]:
    """(json_len, payload_len) of a frame prefix, checked against the limits."""
    magic, header_len, payload_len = PREFIX.unpack(prefix)
    if magic != MAGIC:
        raise CodecError("not a frame (bad magic)")
    if header_len > MAX_HEADER_BYTES or payload_len > max_bytes:
        raise CodecError(f"frame too large ({header_len} + {payload_len} bytes)")
    return header_len, payload_len


def decode_body(header: bytes, payload: bytes | memoryview,
                make_callback: Callable[[int], Any] | None = None,
                make_handle: Callable[[int, str], Any] | None = None) -> Any:
    """The message in a frame's JSON header and payload. Raises CodecError if malformed."""
    try:
        raw = json.loads(header.decode("utf-8"))
        return Decoder(payload, make_callback, make_handle).value(raw, 0)
    except CodecError:
        raise
    except (ValueError, RecursionError, UnicodeDecodeError, TypeError, OverflowError) as exc:
        raise CodecError(f"malformed frame: {type(exc).__name__}: {exc}") from None


def decode(frame: bytes, make_callback: Callable[[int], Any] | None = None,
           max_bytes: int = MAX_FRAME_BYTES,
           make_handle: Callable[[int, str], Any] | None = None) -> Any:
    """The message in one complete frame (exactly one, nothing after it)."""
    if len(frame) < PREFIX.size:
        raise CodecError("truncated frame")
    header_len, payload_len = parse_prefix(frame[: PREFIX.size], max_bytes)
    if len(frame) != PREFIX.size + header_len + payload_len:
        raise CodecError("frame length does not match its prefix")
    start = PREFIX.size + header_len
    return decode_body(frame[PREFIX.size:start], frame[start:], make_callback, make_handle)


class FrameReader:
    """Collects bytes read from a pipe and yields complete frames' messages, in order.
    Chunks are kept in a list and joined once per frame (no quadratic re-copying)."""

    def __init__(self, max_bytes: int = MAX_FRAME_BYTES,
                 make_callback: Callable[[int], Any] | None = None) -> None:
        self.max_bytes = max_bytes
        self.make_callback = make_callback
        self.make_handle: Callable[[int, str], Any] | None = None
        self.chunks: list[bytes] = []
        self.size = 0
        self.need: int | None = None
        """The length of the frame being received, once its prefix is known."""

    def feed(self, data: bytes) -> list[Any]:
        if data:
            self.chunks.append(data)
            self.size += len(data)
        messages = []
        while True:
            if self.need is None:
                if self.size < PREFIX.size:
                    break
                self._merge()
                header_len, payload_len = parse_prefix(self.chunks[0][: PREFIX.size],
                                                       self.max_bytes)
                self.need = PREFIX.size + header_len + payload_len
            if self.size < self.need:
                break
            self._merge()
            buffer, end = self.chunks[0], self.need
            header_len = PREFIX.unpack(buffer[: PREFIX.size])[1]
            header = buffer[PREFIX.size: PREFIX.size + header_len]
            payload = memoryview(buffer)[PREFIX.size + header_len: end]  # arrays copy once
            rest = buffer[end:]
            self.chunks = [rest] if rest else []
            self.size = len(rest)
            self.need = None
            messages.append(decode_body(header, payload, self.make_callback,
                                        self.make_handle))
        return messages

    def _merge(self) -> None:
        if len(self.chunks) > 1:
            self.chunks = [b"".join(self.chunks)]


def read_frame(fd: int, make_callback: Callable[[int], Any] | None = None,
               max_bytes: int = MAX_FRAME_BYTES,
               make_handle: Callable[[int, str], Any] | None = None) -> Any:
    """Blocking read of one frame from a file descriptor (worker side). EOFError at the end."""
    prefix = _read_exact(fd, PREFIX.size)
    header_len, payload_len = parse_prefix(prefix, max_bytes)
    header = _read_exact(fd, header_len)
    payload = _read_exact(fd, payload_len)
    return decode_body(header, payload, make_callback, make_handle)


def _read_exact(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the channel")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def write_frame(fd: int, frame: bytes) -> None:
    """Blocking write of a whole frame (worker side)."""
    view = memoryview(frame)
    while view:
        written = os.write(fd, view)
        view = view[written:]
