"""grader.checks.mistakes: the named mistakes, the wrong-variant builders, and diagnosis in the
checks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from grader import checks
from grader.checks import mistakes as m

A = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])


def failure(call: Any) -> checks.CheckFailure:
    with pytest.raises(checks.CheckFailure) as info:
        call()
    return info.value


def test_standard_lists_every_named_mistake_once() -> None:
    constants = {v for k, v in vars(m).items() if k.isupper() and isinstance(v, str)}
    assert set(m.STANDARD) == constants
    assert len(m.STANDARD) == len(set(m.STANDARD))
    for name in m.STANDARD:
        assert name and not name[0].isupper() and not name.endswith(".")


def test_course_wording_is_fixed() -> None:
    assert m.TRANSPOSED == "the result is transposed"
    assert m.SIGN == "the sign is flipped"
    assert m.MISSING_MEAN == "the 1/N averaging is missing"
    assert m.REG_FACTOR == "2·reg·W is missing its factor 2"
    assert m.SIGMA_PRIME == "σ was used where σ′ = σ(1−σ) is needed"
    assert m.NO_MAX_SHIFT == "softmax does not subtract the row max (overflow)"
    assert m.LABELS_01 == "labels {0,1} were used with the ±1 rule"
    assert m.STRICT_INEQUALITY == "`<` was used instead of `<=`"
    assert m.STRICT_GREATER == "`>` was used instead of `>=`"
    assert m.NO_RESHUFFLE == "the data is not reshuffled every epoch"
    assert m.INPUT_MUTATED == "an input array was modified in place"
    assert m.GLOBAL_RNG == "the global RNG was used instead of the given seed"
    assert m.BIT_ORDER == "x1 was taken as the least significant bit"


def test_builders_map_over_nested_values() -> None:
    value = {"W": A, "b": np.array([1.0, -2.0]), "n": 3, "mask": np.array([True, False]),
             "name": "relu", "pair": (A, 0.5)}
    t = m.transposed(value)[m.TRANSPOSED]
    assert np.array_equal(t["W"], A.T) and np.array_equal(t["pair"][0], A.T)
    assert np.array_equal(t["b"], value["b"]) and t["name"] == "relu"
    s = m.sign_flipped(value)[m.SIGN]
    assert np.array_equal(s["W"], -A) and s["n"] == -3 and s["pair"][1] == -0.5
    assert np.array_equal(s["mask"], value["mask"]) and isinstance(s["pair"], tuple)
    assert np.array_equal(m.scaled([A], 3.0, "tripled")["tripled"][0], 3 * A)
    assert np.array_equal(m.missing_mean(A, 4)[m.MISSING_MEAN], 4 * A)
    assert np.allclose(m.extra_mean(A, 4)[m.EXTRA_MEAN], A / 4)
    assert np.array_equal(m.doubled(A)[m.DOUBLED], 2 * A)
    assert np.array_equal(m.halved(A)[m.HALVED], A / 2)


def test_regulariser_builders() -> None:
    W, reg = np.array([[1.0, -2.0]]), 0.5
    dW = np.array([[3.0, 4.0]])  # includes 2·reg·W = [1, -2]
    assert np.array_equal(m.reg_factor(dW, W, reg)[m.REG_FACTOR], [[2.5, 5.0]])
    assert np.array_equal(m.missing_reg(dW, W, reg)[m.MISSING_REG], [[2.0, 6.0]])


def test_predicted_01_maps_minus_one_to_zero() -> None:
    assert np.array_equal(m.predicted_01(np.array([1, -1, -1, 1]))[m.PREDICT_01], [1, 0, 0, 1])


def test_bit_order_reads_x1_as_the_least_significant_bit() -> None:
    # n = 2, f = x1 AND NOT x2: true only at x1=1, x2=0, i.e. row 0b10 = 2 (x1 most significant)
    table = np.array([0, 0, 1, 0])
    # a student who takes x1 as the LSB puts it at row 0b01 = 1
    assert np.array_equal(m.bit_order(table)[m.BIT_ORDER], [0, 1, 0, 0])
    # n = 3: row r holds f(bits of r); reversing is an involution that fixes palindromes
    t3 = np.arange(8)
    assert np.array_equal(m.bit_order(t3)[m.BIT_ORDER], [0, 4, 2, 6, 1, 5, 3, 7])
    with pytest.raises(ValueError, match="length 2"):
        m.bit_order(np.arange(6))


def test_merge_keeps_order_and_later_duplicates_override() -> None:
    merged = m.merge({"a": 1}, {"b": 2}, {"a": 3})
    assert list(merged) == ["a", "b"] and merged["a"] == 3


def test_non_finite_predicate() -> None:
    [(name, pred)] = m.non_finite().items()
    assert name == m.NO_MAX_SHIFT
    assert pred(np.array([0.5, np.nan])) and pred(np.inf)
    assert not pred(np.array([0.5, 0.5])) and not pred(np.array([1, 2]))


# --- diagnosis inside the checks ------------------------------------------------------------


def test_close_names_a_matching_mistake_within_tolerance() -> None:
    err = failure(lambda: checks.close(5 * A + 1e-9, A, name="dW", mistakes=m.missing_mean(A, 5)))
    assert err.mistake == m.MISSING_MEAN
    assert err.message.endswith("Looks like the 1/N averaging is missing.")


def test_close_ignores_variants_that_equal_the_expected_value() -> None:
    S = np.array([[1.0, 2.0], [2.0, 1.0]])  # symmetric: S.T is S, so "transposed" proves nothing
    err = failure(lambda: checks.close(S + 1, S, name="A", mistakes=m.transposed(S)))
    assert err.mistake is None
    zero = np.zeros(3)  # -0 == 0: a sign flip of zeros is no mistake
    err = failure(lambda: checks.close(np.ones(3), zero, mistakes=m.sign_flipped(zero)))
    assert err.mistake is None and "Looks like" not in err.message


def test_first_matching_mistake_wins_and_given_mistakes_beat_automatic_ones() -> None:
    got = -A
    err = failure(lambda: checks.close(got, A, mistakes={"first": -A, "second": -A}))
    assert err.mistake == "first"
    err = failure(lambda: checks.close(got, A, mistakes={"subtracted y - y_hat": -A}))
    assert err.mistake == "subtracted y - y_hat"
    err = failure(lambda: checks.close(got, A, mistakes={"unrelated": 3 * A}))
    assert err.mistake == m.SIGN


def test_predicate_mistakes_and_predicates_that_raise() -> None:
    got = np.array([np.nan, 0.5])
    expected = np.array([0.5, 0.5])
    err = failure(lambda: checks.close(got, expected, mistakes=m.non_finite()))
    # a non-finite value has many causes: a predicate's match is only a possibility
    assert err.mistake == f"possibly {m.NO_MAX_SHIFT}"
    assert err.message.endswith("Possibly softmax does not subtract the row max (overflow) "
                                "(other mistakes can give this result too).")
    assert "Looks like" not in err.message

    def broken(value: Any) -> bool:
        raise RuntimeError("predicate bug")

    err = failure(lambda: checks.close(got, expected, mistakes=m.merge(
        m.when("broken", broken), m.non_finite())))
    assert err.mistake == f"possibly {m.NO_MAX_SHIFT}"


def test_whole_value_mistakes_on_nested_results() -> None:
    # train_perceptron(...) -> (w, changes): with `<` instead of `<=` both parts come out different
    expected = (np.array([1.0, -1.0, 0.0]), [2, 1, 0])
    with_lt = (np.array([0.0, 0.0, 0.0]), [0])
    err = failure(lambda: checks.equal(with_lt, expected, name="train_perceptron(...)",
                                       mistakes={m.STRICT_INEQUALITY: with_lt}))
    assert err.message == (
        "train_perceptron(...)[0]: 2 of 3 entries differ; first at [0]: got 0, expected 1. "
        "Looks like `<` was used instead of `<=`."
    )
    assert err.mistake == m.STRICT_INEQUALITY


def test_equal_names_exact_mistakes() -> None:
    y = np.array([1, -1, -1, 1])
    err = failure(lambda: checks.equal(np.array([1, 0, 0, 1]), y, name="predict(w, X)",
                                       mistakes=m.predicted_01(y)))
    assert err.mistake == m.PREDICT_01
    table = np.array([0, 1, 1, 1, 0, 0, 0, 1])
    student_table = m.bit_order(table)[m.BIT_ORDER]
    err = failure(lambda: checks.equal(student_table, table, name="network on all inputs",
                                       mistakes=m.bit_order(table)))
    assert err.mistake == m.BIT_ORDER


def test_unchanged_always_names_input_mutated() -> None:
    w = np.array([0.0, 1.0])
    err = failure(lambda: checks.unchanged(w, w + np.array([0.0, 1.0]), name="w"))
    assert err.mistake == m.INPUT_MUTATED
    assert err.message == (
        "w: 1 of 2 entries changed; first at [1]: was 1, now 2. Looks like an input array was "
        "modified in place."
    )


def test_directional_gradient_accepts_predicate_mistakes() -> None:
    x = np.ones(3)
    err = failure(lambda: checks.directional_gradient(
        np.array([5.0, 2.0, 2.0]), lambda v: float(v @ v), x, rng=np.random.default_rng(0),
        name="g", mistakes=m.when("the first entry is 5", lambda g: g[0] == 5)))
    assert err.mistake == "possibly the first entry is 5"
    assert "directional" in err.message


def test_diagnosis_recorder_passes_the_proxys_own_requests_through() -> None:
    """A test that reads a notebook variable, hides a name or keeps a value behaves the same
    when its calls are being recorded for diagnosis (it used to call a student function
    named `variable`)."""
    from types import ModuleType

    from grader.run.diagnose import Recording
    from grader.sandbox.local import LocalStudent

    module = ModuleType("student")
    exec("x = 41\n\ndef add(a, b):\n    return a + b\n\nclass Box:\n    pass\n\n"
         "def box():\n    return Box()\n", vars(module))
    recording = Recording(LocalStudent(module))
    assert recording.variable("x") == 41
    assert recording.add(1, 2) == 3
    recording.hide("add")
    assert "add" not in recording
    recording.restore("add")
    assert "add" in recording
    assert [c.name for c in recording.calls] == ["add"] and not recording.incomplete
    recording.keep("box")
    assert recording.incomplete  # a kept value cannot be replayed on a mistake


def _catalogue_of(reference: Any, **overrides: Any) -> tuple[Any, ...]:
    from pathlib import Path

    from grader.run.catalogue import Mistake

    return tuple(Mistake(key=k, name=f"mistake {k}", fix="", functions=(k.split("__")[0],),
                         path=Path(f"{k}.py"), overrides={k.split("__")[0]: f})
                 for k, f in overrides.items())


def test_diagnosis_matches_a_mistake_within_the_failed_checks_own_tolerance() -> None:
    """A student 1e-4 away from a mistake's value is that mistake for a check of rtol 1e-3 and
    is not for the default rtol 1e-6; an exact check replays with the default tolerance."""
    from types import ModuleType

    from grader.checks.compare import EXACT, Mode
    from grader.run.diagnose import Recorded, diagnose

    reference = ModuleType("ref_tolerance")
    exec("def scale(x):\n    return 2.0 * x\n", vars(reference))
    catalogue = _catalogue_of(reference, scale=lambda x: 3.0 * x)
    x = np.array([1.0, 2.0])
    call = Recorded("scale", (x,), {}, raised=None, value=3.0 * x * (1 + 1e-4), args_after=(x,))
    loose = diagnose(reference, catalogue, [call], mode=Mode("close", rtol=1e-3, atol=1e-8))
    strict = diagnose(reference, catalogue, [call], mode=Mode("close", rtol=1e-6, atol=1e-8))
    assert loose is not None and [m.name for m in loose.mistakes] == ["mistake scale"]
    assert strict is not None and strict.mistakes == () and strict.ruled_out == ("mistake scale",)
    exact = Recorded("scale", (x,), {}, raised=None, value=3.0 * x * (1 + 1e-9), args_after=(x,))
    named = diagnose(reference, catalogue, [exact], mode=EXACT)
    assert named is not None and [m.name for m in named.mistakes] == ["mistake scale"]


def test_check_failures_carry_their_comparison() -> None:
    err = failure(lambda: checks.close(A + 1, A, rtol=1e-3, atol=0.0))
    assert err.mode is not None and (err.mode.kind, err.mode.rtol, err.mode.atol) == (
        "close", 1e-3, 0.0)
    err = failure(lambda: checks.gradient(np.array([5.0]), lambda v: float(v @ v),
                                          np.array([1.0]), rtol=1e-4))
    assert err.mode is not None and (err.mode.kind, err.mode.rtol) == ("grad", 1e-4)
    err = failure(lambda: checks.unchanged(A, A + 1, name="x"))
    assert err.mode is not None and err.mode.kind == "exact"


def test_diagnosis_compares_a_construction_by_the_catalogues_view() -> None:
    """A function that returns a construction (here: a list of coefficients whose sum is what
    counts) is matched by its view: a student's other construction with the same effect as a
    mistake is named with the view and not without it; one with another effect is not."""
    from types import ModuleType

    from grader.run.diagnose import Recorded, diagnose

    reference = ModuleType("ref_views")
    exec("def parts(n):\n    return [1.0] * n\n", vars(reference))  # sums to n
    catalogue = _catalogue_of(reference, parts=lambda n: [1.0] * (n - 1))  # one part short
    views = {"parts": lambda args, value: float(sum(value))}

    def call(value: list[float]) -> Recorded:
        return Recorded("parts", (4,), {}, raised=None, value=value, args_after=(4,))

    own = call([1.5, 1.5])  # sums to 3 like the mistake, built otherwise
    named = diagnose(reference, catalogue, [own], views=views)
    assert named is not None and [m.name for m in named.mistakes] == ["mistake parts"]
    plain = diagnose(reference, catalogue, [own])
    assert plain is not None and plain.mistakes == ()
    other = diagnose(reference, catalogue, [call([2.0])], views=views)
    assert other is not None and other.mistakes == ()
    right = diagnose(reference, catalogue, [call([2.0, 2.0])], views=views)
    assert right is None  # the same effect as the reference's: nothing to name


def test_catalogue_views_are_read_from_the_underscore_file(tmp_path: Any) -> None:
    from grader.run.catalogue import CatalogueError, catalogue_files, load_views

    good, bad = tmp_path / "good", tmp_path / "bad"
    for folder, text in ((good, "VIEWS = {'f': lambda args, value: value}\n"),
                         (bad, "VIEWS = {'f': 3}\n")):
        (folder / "mistakes").mkdir(parents=True)
        (folder / "mistakes" / "_views.py").write_text(text, encoding="utf-8")
    assert catalogue_files(good) == []  # the view file is not a mistake
    assert list(load_views(good)) == ["f"]
    assert load_views(tmp_path) == {}
    with pytest.raises(CatalogueError, match=r"_views\.py: VIEWS must be a dict"):
        load_views(bad)
