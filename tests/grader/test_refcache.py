"""grader.run.refcache: reference outputs computed once per batch, never corrupted, never stale.

The batch tests at the end grade real classes through the sandbox with and without the cache
and compare every test result.
"""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.authoring.demo import demo_assignment, demo_class, write_class
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.run.refcache import CachedReference, Uncacheable, digest


def counting_module() -> tuple[types.ModuleType, list[str]]:
    """A stand-in reference module whose functions log each real call."""
    calls: list[str] = []
    module = types.ModuleType("fake_reference", "A fake reference.")

    def add_bias(X: np.ndarray) -> np.ndarray:
        """Append a column of ones."""
        calls.append("add_bias")
        return np.hstack([X, np.ones((X.shape[0], 1))])

    def scale_inplace(x: np.ndarray, c: float) -> np.ndarray:
        calls.append("scale_inplace")
        x *= c
        return x

    def apply(f: Any, x: float) -> Any:
        calls.append("apply")
        return f(x)

    def pair(a: Any, *, b: Any = None) -> dict[str, Any]:
        calls.append("pair")
        return {"a": a, "b": [b, (a, b)]}

    class Model:
        pass

    for func in (add_bias, scale_inplace, apply, pair):
        setattr(module, func.__name__, func)
    module.Model = Model  # type: ignore[attr-defined]
    module.ETA = 0.1  # type: ignore[attr-defined]
    return module, calls


# ------------------------------------------------------------------------------------ digest


@pytest.mark.parametrize(("a", "b"), [
    (1, 1.0),
    (1, True),
    (0.0, -0.0),
    ("1", 1),
    ((1, 2), [1, 2]),
    (np.zeros((2, 3)), np.zeros((3, 2))),  # same bytes, other shape
    (np.zeros(3), np.zeros(3, dtype=np.float32)),
    (np.zeros(3, dtype=np.int64), np.zeros(3)),
    (np.float64(1.0), np.array(1.0)),  # a numpy scalar is not a 0-d array
    ({"a": 1, "b": 2}, {"a": 1, "b": 3}),
    (np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-15])),
])
def test_digest_different_values_get_different_keys(a: Any, b: Any) -> None:
    assert digest((a,), {}) != digest((b,), {})


def test_digest_equal_values_get_equal_keys() -> None:
    x = np.arange(12.0).reshape(3, 4)
    assert digest((x, 2.5), {"k": [1, (2, "s")]}) == digest((x.copy(), 2.5), {"k": [1, (2, "s")]})
    assert digest((np.asfortranarray(x),), {}) == digest((x,), {})  # layout does not matter
    assert digest((x,), {}) != digest((), {"x": x})  # positional vs keyword


@pytest.mark.parametrize("value", [
    lambda x: x, np.random.default_rng(0), np.array([object()], dtype=object), {1, 2},
    np.array(["a"]),
])
def test_digest_uncacheable_values_raise(value: Any) -> None:
    with pytest.raises(Uncacheable):
        digest(([1, value],), {})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(allow_nan=False, width=64), min_size=1, max_size=6),
       st.lists(st.floats(allow_nan=False, width=64), min_size=1, max_size=6))
def test_digest_keys_match_exactly_when_arrays_are_bitwise_equal(a: list[float],
                                                                   b: list[float]) -> None:
    x, y = np.array(a), np.array(b)
    same = x.shape == y.shape and x.tobytes() == y.tobytes()
    assert (digest((x,), {}) == digest((y,), {})) == same


# ---------------------------------------------------------------------------- the wrapper


def test_cached_reference_computes_each_output_once() -> None:
    module, calls = counting_module()
    ref = CachedReference(module)
    X = np.arange(6.0).reshape(3, 2)
    first = ref.add_bias(X)
    second = ref.add_bias(X.copy())
    np.testing.assert_array_equal(first, module.add_bias(X))
    np.testing.assert_array_equal(second, first)
    assert calls == ["add_bias", "add_bias"]  # one through the cache, one direct
    ref.add_bias(X + 1)  # other inputs: computed
    assert calls.count("add_bias") == 3
    assert (ref.hits, ref.misses) == (1, 2)


def test_cached_reference_mutating_a_result_does_not_change_the_next() -> None:
    module, _ = counting_module()
    ref = CachedReference(module)
    X = np.ones((2, 2))
    got = ref.add_bias(X)
    got[:] = -7.0  # a test scribbling on what it got (the stored copy is separate)
    again = ref.add_bias(X)
    again[0, 0] = 99.0
    nested = ref.pair(np.zeros(2), b=[1.0])
    nested["b"][1][0][:] = 5.0
    nested["b"][0].append("junk")
    np.testing.assert_array_equal(ref.add_bias(X), np.ones((2, 3)))
    fresh = ref.pair(np.zeros(2), b=[1.0])
    np.testing.assert_array_equal(fresh["b"][1][0], np.zeros(2))
    assert fresh["b"][0] == [1.0]


def test_cached_reference_does_not_cache_calls_that_modify_arguments() -> None:
    module, calls = counting_module()
    ref = CachedReference(module)
    for _ in range(2):
        x = np.array([1.0, 2.0])
        ref.scale_inplace(x, 3.0)
        np.testing.assert_array_equal(x, [3.0, 6.0])  # the effect happens every time
    assert calls == ["scale_inplace", "scale_inplace"]


def test_cached_reference_calls_with_callables_always_run() -> None:
    module, calls = counting_module()
    ref = CachedReference(module)
    seen: list[float] = []
    for _ in range(2):
        assert ref.apply(lambda v: seen.append(v) or v * 2, 1.5) == 3.0
    assert calls == ["apply", "apply"] and seen == [1.5, 1.5]
    assert ref.uncached == 2


def test_cached_reference_passes_other_attributes_through() -> None:
    module, _ = counting_module()
    ref = CachedReference(module)
    assert ref.Model is module.Model and ref.ETA == 0.1
    assert ref.add_bias.__name__ == "add_bias"
    assert ref.add_bias.__doc__ == "Append a column of ones."
    assert ref.add_bias is ref.add_bias  # one wrapper per function
    assert "add_bias" in dir(ref)
    with pytest.raises(AttributeError):
        ref.missing  # noqa: B018


# ------------------------------------------------------------------- real classes, sandboxed


def _results(out: Path) -> dict[str, Any]:
    """Every result file without its timings."""
    found = {}
    for path in sorted((out / "results").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        result = record["result"]
        for key in ("duration", "peak_memory_kb"):
            result.pop(key)
        for test in result["tests"]:
            test.pop("duration")
        found[path.stem] = record
    return found


@pytest.mark.parametrize("name", ["perceptron", "backprop"])
def test_batch_results_identical_with_and_without_the_cache(name: str, tmp_path: Path) -> None:
    assignment = demo_assignment(find_assignment(name))
    students = [s for s in demo_class(assignment) if s.expect in ("full", "partial")][:3]
    write_class(students, tmp_path / "subs")
    with_cache = run_batch(assignment, tmp_path / "subs", tmp_path / "cached", jobs=2,
                           progress=False)
    without = run_batch(assignment, tmp_path / "subs", tmp_path / "plain", jobs=2,
                        progress=False, cache_reference=False)
    assert with_cache.grades == without.grades
    assert (tmp_path / "cached" / "scores.csv").read_bytes() == (
        tmp_path / "plain" / "scores.csv").read_bytes()
    assert _results(tmp_path / "cached") == _results(tmp_path / "plain")
    assert {g.status for g in with_cache.grades} == {"graded"}


def _power(k: float) -> Any:
    return lambda x: float(np.sum(np.asarray(x) ** k))


def test_a_function_has_a_digest_by_its_code_and_what_it_closes_over_for_replays() -> None:
    # grader.run.diagnose's replays (functions=True): the test's f handed to
    # numerical_gradient is made afresh for every student, with the same code and values
    x = np.array([1.0, 2.0])
    same = digest((_power(2.0), x), {}, functions=True)
    assert same == digest((_power(2.0), x.copy()), {}, functions=True)
    assert same != digest((_power(3.0), x), {}, functions=True)  # another closed-over value
    assert same != digest((lambda x: float(np.sum(np.asarray(x) ** 2.0)), x), {},
                          functions=True)  # other code (another qualname)
    with pytest.raises(Uncacheable):  # never for CachedReference: its calls must run
        digest((_power(2.0), x), {})
    with pytest.raises(Uncacheable):  # a builtin, or a function closing over an object
        digest((abs, x), {}, functions=True)
    with pytest.raises(Uncacheable):
        digest((_power(object()), x), {}, functions=True)
