"""grader.run.outcomes.copy_value: every recorded call's arguments are copied with it, so the
recording is what was sent, whatever the test or the student's code does to them afterwards."""

from __future__ import annotations

from collections import namedtuple

import numpy as np

from grader.run.outcomes import copy_value

Pair = namedtuple("Pair", "a b")


def test_a_copy_can_be_changed_without_changing_the_original() -> None:
    a = np.arange(6.0).reshape(2, 3)
    value = (a, [a[0], 2.5, {"w": np.ones(2)}], "s", None, np.float64(1.5))
    copied = copy_value(value)
    copied[0][0, 0] = 99.0
    copied[1][0][1] = 99.0
    copied[1][2]["w"][:] = 0.0
    copied[1].append("more")
    assert a[0, 0] == 0.0 and a[0, 1] == 1.0
    assert value[1][2]["w"].tolist() == [1.0, 1.0] and len(value[1]) == 3
    assert type(copied) is tuple and type(copied[1]) is list and type(copied[1][2]) is dict


def test_an_array_seen_twice_is_one_array_in_the_copy_as_deepcopy_gives() -> None:
    a = np.zeros(3)
    copied = copy_value([a, {"again": a}])
    copied[0][0] = 1.0
    assert copied[1]["again"][0] == 1.0 and a[0] == 0.0


def test_layout_and_dtype_are_kept() -> None:
    fortran = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    assert copy_value(fortran).flags.f_contiguous
    ints = np.arange(4, dtype=np.int32)
    assert copy_value(ints).dtype == np.int32
    view = np.arange(10.0)[::2]
    assert copy_value(view).tolist() == view.tolist()


def test_other_values_are_copied_deeply_and_functions_kept() -> None:
    objects = np.empty(2, dtype=object)
    objects[0], objects[1] = [1], [2]
    copied = copy_value(objects)
    copied[0].append(5)
    assert objects[0] == [1]
    pair = Pair(np.zeros(2), [1])
    got = copy_value(pair)
    assert type(got) is Pair
    got.b.append(2)
    assert pair.b == [1]

    def f(x: float) -> float:
        return x

    assert copy_value(f) is f
