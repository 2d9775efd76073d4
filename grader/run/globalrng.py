"""The global random generators of numpy and `random`, one per grading thread and test.

Tests run in the trusted process, in the `jobs` threads of a batch (grader.batch.executors), and
instructor test code written for nbgrader or Otter seeds and draws from the GLOBAL generators
(`np.random.seed(0); x = np.random.rand(5)`): with one generator for the whole process, a seed
in one thread and a draw in the other gave identical correct submissions different scores
(tests/grader/test_global_rng.py: 3 to 19 of 24 points with --jobs 2, 24 with --jobs 1).

`install()` (run once, on import of grader.run.runtest) replaces the module-level functions of
numpy's legacy generator (`np.random.seed`, `rand`, `normal`, ... the bound methods of
`np.random.mtrand._rand`) and of `random` (`random.seed`, `random.random`, ... those of
`random._inst`) by functions that call the calling thread's own generator. `seeded(seed)` gives
the thread fresh generators, seeded with `seed`, for the duration of one test, and puts the
thread's previous ones back after it: a test sees the same draws whatever ran before it, in
which thread, with how many jobs — also a test that draws without seeding (every student gets
the same inputs, and a regrade the same ones).

What it does not cover: code that captured a bound method before `install()` (`from numpy.random
import rand` at the top of a module imported earlier), `np.random.mtrand._rand` used directly,
and torch's default generator (`torch.manual_seed`): an instructor test that seeds torch should
use a `torch.Generator` of its own (or the injected `rng`).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

_local = threading.local()
_installed = False
_lock = threading.Lock()

_NUMPY_ALIASES = {"ranf": "random_sample", "sample": "random_sample"}
"""numpy.random's module functions that are not RandomState methods but draw from the same
generator (mtrand.pyx defines them over `_rand.random_sample`)."""


def _numpy() -> np.random.RandomState:
    state = getattr(_local, "numpy", None)
    if state is None:
        state = _local.numpy = np.random.RandomState()
    return state


def _random() -> random.Random:
    state = getattr(_local, "random", None)
    if state is None:
        state = _local.random = random.Random()
    return state


def _dispatch(owner: Callable[[], Any], name: str, original: Any) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(owner(), name)(*args, **kwargs)
    call.__name__ = getattr(original, "__name__", name)
    call.__qualname__ = call.__name__
    call.__doc__ = getattr(original, "__doc__", None)
    call.__wrapped__ = original  # type: ignore[attr-defined]
    return call


def install() -> None:
    """Make the global generators per thread (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        legacy = np.random.mtrand._rand
        for name in dir(np.random):
            original = getattr(np.random, name)
            target = _NUMPY_ALIASES.get(name, name)
            if name.startswith("_") or not callable(original) or isinstance(original, type):
                continue
            if getattr(original, "__self__", None) is legacy or name in _NUMPY_ALIASES or (
                    name in ("seed", "get_state", "set_state")
                    and hasattr(np.random.RandomState, name)):
                wrapper = _dispatch(_numpy, target, original)
                setattr(np.random, name, wrapper)
                if getattr(np.random.mtrand, name, None) is original:
                    setattr(np.random.mtrand, name, wrapper)
        for name in dir(random):
            original = getattr(random, name)
            if getattr(original, "__self__", None) is random._inst:
                setattr(random, name, _dispatch(_random, name, original))
        _installed = True


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """This thread's global generators, fresh and seeded with `seed`, while the block runs."""
    before = getattr(_local, "numpy", None), getattr(_local, "random", None)
    _local.numpy = np.random.RandomState(seed % 2**32)
    _local.random = random.Random(seed)
    try:
        yield
    finally:
        _local.numpy, _local.random = before
