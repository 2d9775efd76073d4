"""The codec: exact round trips for every value that may cross, strict rejections of the rest."""

from __future__ import annotations

import json
import math
import struct

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis.extra import numpy as hnp

from grader.sandbox.inside import codec
from grader.sandbox.inside.codec import CodecError, decode, encode


def roundtrip(value):
    return decode(encode({"v": value}))["v"]


def same(a, b) -> bool:
    """Equal values of the exact same types, all the way down (NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) ==
                                                     math.copysign(1, b))
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**255, 1.5, -0.0, math.inf, -math.inf, math.nan, 1 + 2j,
    "", "ünïcode ✓", [], (), {}, [1, (2.0, "x")], (1,), {"a": 1, 3: [None]},
    {"nested": {"deeper": ({"k": (1, [2])},)}},
])
def test_codec_roundtrip_plain_values_keep_their_types(value):
    assert same(roundtrip(value), value)


@pytest.mark.parametrize("dtype", ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
                                   "uint32", "uint64", "float16", "float32", "float64",
                                   "complex64", "complex128"])
@pytest.mark.parametrize("shape", [(), (0,), (3,), (2, 3), (2, 0, 4), (1, 1, 1, 2)])
def test_codec_roundtrip_arrays_of_every_numeric_dtype(dtype, shape):
    a = (np.arange(math.prod(shape)) % 5).astype(dtype).reshape(shape)
    got = roundtrip(a)
    assert same(got, a)
    assert got.flags.writeable and got.flags.c_contiguous and got.flags.owndata


def test_codec_arrays_arrive_little_endian_contiguous_copies():
    a = np.arange(12, dtype=">f8").reshape(3, 4)[:, ::2]  # big-endian, not contiguous
    got = roundtrip(a)
    assert got.dtype == np.dtype("<f8")
    np.testing.assert_array_equal(got, a)


@given(hnp.arrays(hnp.scalar_dtypes().filter(lambda d: d.kind in "biufc"),
                  hnp.array_shapes(min_dims=0, max_dims=4, max_side=5)))
@settings(max_examples=60, deadline=None)
def test_codec_roundtrip_property_arrays(a):
    got = roundtrip(a)
    assert got.shape == a.shape
    assert got.dtype.kind == a.dtype.kind and got.dtype.itemsize == a.dtype.itemsize
    np.testing.assert_array_equal(got, a.astype(got.dtype))


@pytest.mark.parametrize(("scalar", "expected"), [
    (np.float64(2.5), 2.5), (np.float32(0.5), 0.5), (np.int64(-3), -3), (np.uint8(7), 7),
    (np.bool_(True), True), (np.complex128(1j), 1j),
])
def test_codec_numpy_scalars_arrive_as_python_scalars(scalar, expected):
    got = roundtrip(scalar)
    assert type(got) is type(expected) and got == expected


def test_codec_torch_tensors_arrive_as_arrays():
    torch = pytest.importorskip("torch")
    t = torch.arange(6, dtype=torch.float32, requires_grad=True).reshape(2, 3) * 2
    got = roundtrip({"t": t, "b": torch.ones(2, dtype=torch.bfloat16)})
    assert type(got["t"]) is np.ndarray and got["t"].dtype == np.float32
    np.testing.assert_array_equal(got["t"], np.arange(6).reshape(2, 3) * 2)
    assert got["b"].dtype == np.float32


class Liar(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__

    def __float__(self):
        return 42.0


class LyingList(list):
    def __eq__(self, other):
        return True

    def __len__(self):
        return 1000

    def __iter__(self):
        return iter([1, 2, 3])


class LyingDict(dict):
    def items(self):
        return [("fake", 1)]


class LyingArray(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)

    def __array__(self, *a, **k):
        return np.full(self.shape, 42.0)


class LyingInt(int):
    def __int__(self):
        return 99

    def __index__(self):
        return 99


class LyingStr(str):
    def __str__(self):
        return "lie"


def test_codec_subclasses_arrive_as_exact_base_types_with_their_real_values():
    arr = np.arange(3.0).view(LyingArray)
    got = roundtrip([Liar(1.5), LyingList([7, 8]), LyingDict(a=1), arr, LyingInt(5),
                     LyingStr("true")])
    assert [type(v) for v in got] == [float, list, dict, np.ndarray, int, str]
    assert got[0] == 1.5
    assert got[1] == [7, 8]
    assert got[2] == {"a": 1}
    np.testing.assert_array_equal(got[3], [0.0, 1.0, 2.0])
    assert got[4] == 5 and got[5] == "true"
    assert got[0] != 2.0  # the overridden __eq__ is gone


@pytest.mark.parametrize(("value", "message"), [
    (np.array([object()], dtype=object), "dtype object cannot be sent"),
    (np.zeros(2, dtype=[("a", "f8"), ("b", "i4")]), "cannot be sent"),
    (np.array(["x"]), "dtype <U1 cannot be sent"),
    (np.array(["2020-01-01"], dtype="datetime64[D]"), "cannot be sent"),
    (object(), "a value of type object cannot be sent"),
    (lambda: 1, "a value of type function cannot be sent"),
    (b"bytes", "a value of type bytes cannot be sent"),
    ({1.5: "x"}, "dict keys must be str or int"),
    (2**300, "more than 256 bits"),
    ({1, 2}, "a value of type set cannot be sent"),
])
def test_codec_rejects_values_that_may_not_cross(value, message):
    with pytest.raises(CodecError, match=message):
        encode({"v": value})


class Pickler:
    def __reduce__(self):
        return (print, ("pwned",))


def test_codec_rejects_objects_with_reduce_instead_of_pickling_them():
    with pytest.raises(CodecError, match="type Pickler"):
        encode(Pickler())


def test_codec_rejects_cycles_and_deep_nesting():
    cyclic: list = [1]
    cyclic.append(cyclic)
    with pytest.raises(CodecError, match="cyclic"):
        encode(cyclic)
    deep: list = []
    for _ in range(codec.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(CodecError, match="nested"):
        encode(deep)


def test_codec_rejects_arrays_over_the_byte_limit():
    with pytest.raises(CodecError, match="too large"):
        encode(np.zeros(1000), max_bytes=4000)


def frame_with(header: object, payload: bytes = b"") -> bytes:
    body = json.dumps(header).encode()
    return codec.PREFIX.pack(codec.MAGIC, len(body), len(payload)) + body + payload


@pytest.mark.parametrize(("header", "payload", "message"), [
    ({"a": ["|O", [1], 0, 8]}, b"\0" * 8, "dtype '|O' may not cross"),
    ({"a": ["|V8", [1], 0, 8]}, b"\0" * 8, "may not cross"),
    ({"a": ["<f8", [2], 0, 8]}, b"\0" * 8, "needs 16 bytes, the frame says 8"),
    ({"a": ["<f8", [1], 8, 8]}, b"\0" * 8, "past the end of the frame"),
    ({"a": ["<f8", [2**40, 2**40], 0, 8]}, b"\0" * 8, "needs"),
    ({"a": ["<f8", [-1], 0, 8]}, b"\0" * 8, "malformed array shape"),
    ({"a": ["<f8", [1] * 40, 0, 8]}, b"\0" * 8, "malformed array shape"),
    ({"x": 1}, b"", "malformed value with tag 'x'"),
    ({"t": 1, "d": 2}, b"", "malformed value"),
    ({"cb": 0}, b"", "malformed value with tag 'cb'"),
    ({"d": [[1.5, 1]]}, b"", "malformed dict entry"),
    ({"c": ["a", 1]}, b"", "malformed value"),
])
def test_codec_decoding_rejects_malformed_frames(header, payload, message):
    with pytest.raises(CodecError, match=message):
        decode(frame_with(header, payload))


def test_codec_decoding_rejects_deep_json_and_huge_declared_sizes():
    deep = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(CodecError):
        decode(codec.PREFIX.pack(codec.MAGIC, len(deep), 0) + deep)
    nested = json.dumps(json.loads("[" * 70 + "]" * 70)).encode()
    with pytest.raises(CodecError, match="nested more than"):
        decode(codec.PREFIX.pack(codec.MAGIC, len(nested), 0) + nested)
    huge = codec.PREFIX.pack(codec.MAGIC, 10, 2**40)
    with pytest.raises(CodecError, match="frame too large"):
        codec.FrameReader().feed(huge)
    with pytest.raises(CodecError, match="bad magic"):
        codec.FrameReader().feed(struct.pack("<4sIQ", b"EVIL", 1, 1))


def test_codec_frame_reader_splits_a_byte_stream_into_messages():
    stream = encode({"n": 1}) + encode({"a": np.arange(5)}) + encode("last")
    reader = codec.FrameReader()
    got = []
    for i in range(0, len(stream), 7):  # arbitrary chunking, as pipes deliver it
        got += reader.feed(stream[i:i + 7])
    assert got[0] == {"n": 1} and got[2] == "last"
    np.testing.assert_array_equal(got[1]["a"], np.arange(5))


def test_codec_callbacks_cross_as_references_both_ways():
    registered = []

    def f(x):
        return x

    frame = encode({"args": (f, 2)}, on_callable=lambda fn: registered.append(fn) or 0)
    assert registered == [f]
    made = decode(frame, make_callback=lambda ident: ("callback", ident))
    assert made == {"args": (("callback", 0), 2)}
    with pytest.raises(CodecError):  # without a hook, references are refused
        decode(frame)
