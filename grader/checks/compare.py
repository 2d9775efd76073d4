"""The comparison engine behind grader.checks: walk expected and got together, find the first
difference, and word it for the student.

`diff(got, expected, path, mode)` goes depth first through dicts, lists and tuples; at a
numeric leaf both sides become arrays of one shape (`coerce`: a number matches a 0-d or
1-element array, a list of numbers counts as an array) and `_values` compares them entry by
entry. It returns a `Problem` (the message, and a mistake it recognised by itself: a
transposed or sign-flipped leaf) or None. Messages follow STYLE rule 5: what was checked;
expected vs got, shape and dtype first; the worst (or first, for exact checks) entry and its
index; what to try. Numbers are shown with 4 significant digits, or as many more as it takes
to tell got from expected.

Pure functions, no I/O. grader.checks turns a Problem into a CheckFailure; grader.checks.gradients
reuses the engine with the gradient tolerance mode.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from grader.checks import mistakes as _m

TINY = float(np.finfo(np.float64).tiny)
"""The floor of a relative error's denominator: two zeros have relative error 0, not nan."""
OVERFLOW_HINT = "overflow? e.g. softmax without subtracting the row max"


@dataclass(frozen=True)
class Mode:
    """How entries are compared and how the message words it."""

    kind: Literal["close", "grad", "exact"] = "close"
    """'close': |g − e| <= atol + rtol·|e|; 'grad': relative error <= rtol or |g − e| <= atol;
    'exact': g == e."""
    rtol: float = 0.0
    atol: float = 0.0
    got: str = "got"
    exp: str = "expected"
    differ: str = "differ"
    """The verb of 'k of n entries differ'."""


EXACT = Mode("exact")
UNCHANGED = Mode("exact", got="now", exp="was", differ="changed")


@dataclass(frozen=True)
class Problem:
    """The first difference found: the message text (ending in '.') and a recognised mistake."""

    text: str
    mistake: str | None = None


DIFFERS = Problem("the values differ.")
"""What diff(..., verdict=True) answers for values that differ (no message is built)."""


def fmt(x: Any, digits: int = 4) -> str:
    """A number for a message: ints as ints, floats with `digits` significant digits."""
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return str(x) if x.bit_length() <= 128 else f"~{'-' * (x < 0)}1e{x.bit_length() * 3 // 10}"
    if isinstance(x, complex):
        return format(x, f".{digits}g")
    return format(float(x), f".{digits}g")


def fmt_pair(a: Any, b: Any) -> tuple[str, str]:
    """Two numbers with 4 significant digits, or as many more as it takes to tell them apart."""
    for digits in range(4, 18):
        sa, sb = fmt(a, digits), fmt(b, digits)
        if sa != sb:
            break
    return sa, sb


def at(index: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def short_repr(value: Any, limit: int = 80) -> str:
    """A one-line repr of a student value, or its description when long."""
    if isinstance(value, np.ndarray) and value.size > 10:
        return describe(value)
    if isinstance(value, list | tuple | Mapping) and len(value) > 20:
        return describe(value)
    try:
        text = " ".join(repr(value).split())
    except ValueError:  # e.g. an int with more digits than str() allows
        return describe(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(v: Any) -> str:
    """What a student value is, for 'got ...'."""
    if v is None:
        return "None"
    if type(v).__name__ == "Handle" and isinstance(getattr(v, "kind", None), str):
        return f"a {v.kind} object (kept in the sandbox: return lists, tuples, numbers or arrays)"
    if isinstance(v, np.ndarray):
        return f"an array of shape {tuple(v.shape)} and dtype {v.dtype}"
    if isinstance(v, bool | np.bool_):
        return f"a bool ({v})"
    if isinstance(v, int | float | complex | np.number):
        kind = type(v.item() if isinstance(v, np.generic) else v).__name__
        return f"{'an' if kind == 'int' else 'a'} {kind} ({fmt(v)})"
    if isinstance(v, str):
        return f"a str ({short_repr(v, 40)})"
    if isinstance(v, list | tuple):
        return f"a {type(v).__name__} of length {len(v)}"
    if isinstance(v, Mapping):
        keys = ", ".join(_key(k) for k in list(v)[:6]) + (", …" if len(v) > 6 else "")
        return f"a dict with keys {keys}" if v else "an empty dict"
    return f"a {type(v).__name__}"


def _expectation(e: Any) -> str:
    """What the expected value is, for 'expected ...'."""
    if e is None:
        return "None"
    if isinstance(e, np.ndarray) and e.ndim > 0:
        return f"an array of shape {tuple(e.shape)}"
    if _is_number(e) or isinstance(e, np.ndarray):
        return "a number"
    if isinstance(e, str):
        return "a str"
    if isinstance(e, list | tuple):
        return f"a {type(e).__name__} of length {len(e)}"
    if isinstance(e, Mapping):
        return "a dict"
    return f"a {type(e).__name__}"


def _key(k: Any) -> str:
    return f'"{k}"' if isinstance(k, str) and len(k) <= 40 else short_repr(k, 40)


def _is_number(v: Any) -> bool:
    return isinstance(v, bool | int | float | complex | np.bool_ | np.number)


def _numeric(v: Any) -> NDArray[Any] | None:
    """v as a numeric ndarray, or None when it is not numbers."""
    if _is_number(v):
        arr = np.asarray(v)
        return arr if arr.dtype.kind in "biufc" else None  # ints beyond 64 bits: not numbers
    if isinstance(v, np.ndarray):
        return v if v.dtype.kind in "biufc" else None
    if isinstance(v, list | tuple):
        try:
            arr = np.asarray(v)
        except (ValueError, TypeError, OverflowError):
            return None
        return arr if arr.dtype.kind in "biufc" else None
    return None


def _type_problem(got: Any, exp: Any, path: str, mode: Mode) -> Problem:
    hint = " Does the function return its result?" if got is None and mode.got == "got" else ""
    return Problem(f"{path}: {_expected(mode)} {_expectation(exp)}, {mode.got} {describe(got)}."
                   f"{hint}")


def _expected(mode: Mode) -> str:
    """The word for the expected side of type/shape/length messages."""
    return "was" if mode.exp == "was" else "expected"


def diff(got: Any, exp: Any, path: str, mode: Mode, *, auto: bool = True,
         verdict: bool = False) -> Problem | None:
    """The first difference between got and expected (depth first), or None if they match.
    `auto` lets a failing leaf recognise a transposed or sign-flipped result by itself;
    `verdict`: only whether they match is wanted, so a leaf whose values differ answers
    DIFFERS (no text, no worst entry: a diagnosis compares thousands of values)."""
    if verdict and type(got) is np.ndarray and type(exp) is np.ndarray and \
            got.dtype == exp.dtype == np.float64 and got.shape == exp.shape and \
            mode.kind == "close":  # a diagnosis's commonest leaf: straight to _values' verdict
        return _values(got, exp, path, mode, auto=auto, verdict=True)
    if isinstance(exp, Mapping):
        if not isinstance(got, Mapping):
            return _type_problem(got, exp, path, mode)
        missing = [_key(k) for k in exp if k not in got]
        extra = [_key(k) for k in got if k not in exp]
        if missing or extra:
            parts = [f"missing key{'s' * (len(missing) > 1)} {', '.join(missing)}"] * bool(missing)
            parts += [f"unexpected key{'s' * (len(extra) > 1)} {', '.join(extra)}"] * bool(extra)
            return Problem(f"{path}: {'; '.join(parts)}.")
        for k, e in exp.items():
            p = diff(got[k], e, f"{path}[{_key(k)}]", mode, auto=auto, verdict=verdict)
            if p is not None:
                return p
        return None
    if isinstance(exp, list | tuple):
        if isinstance(got, np.ndarray) and _numeric(exp) is not None:
            return _leaf(got, np.asarray(exp), path, mode, auto, verdict)
        if not isinstance(got, list | tuple):
            return _type_problem(got, exp, path, mode)
        if len(got) != len(exp):
            want = f"a {type(exp).__name__} of length {len(exp)}"
            have, shown = describe(got), short_repr(got, 60)
            have += f": {shown}" if shown != have else ""
            return Problem(f"{path}: {_expected(mode)} {want}, {mode.got} {have}.")
        for i, (g, e) in enumerate(zip(got, exp, strict=True)):
            p = diff(g, e, f"{path}[{i}]", mode, auto=auto, verdict=verdict)
            if p is not None:
                return p
        return None
    if exp is None or isinstance(exp, str):
        if type(got) is type(exp) and got == exp:
            return None
        if isinstance(got, str) and isinstance(exp, str):
            gs, es = short_repr(got, 60), short_repr(exp, 60)
            return Problem(f"{path}: {_pair(gs, es, mode)}.")
        return _type_problem(got, exp, path, mode)
    if _numeric(exp) is not None:
        return _leaf(got, exp, path, mode, auto, verdict)
    try:
        same = bool(got == exp)
    except Exception:
        same = False
    return None if same else Problem(f"{path}: {_pair(short_repr(got), short_repr(exp), mode)}.")


def _pair(g: str, e: str, mode: Mode) -> str:
    if mode.exp == "was":
        return f"{mode.exp} {e}, {mode.got} {g}"
    return f"{mode.got} {g}, {mode.exp} {e}"


def coerce(
    got: Any, exp: Any, path: str, mode: Mode
) -> tuple[NDArray[Any], NDArray[Any]] | Problem:
    """got and exp as numeric arrays of one shape, or the type/shape problem. A scalar matches a
    0-d or 1-element array either way; a list of numbers counts as an array."""
    e = np.asarray(exp)
    g = _numeric(got)
    if g is None or (isinstance(got, list | tuple) and e.ndim == 0):
        return _type_problem(got, exp, path, mode)
    if g.shape == e.shape:
        return g, e
    if g.size == 1 and e.size == 1 and (g.ndim == 0 or e.ndim == 0):
        return g.reshape(()), e.reshape(())
    if g.ndim == 0 or e.ndim == 0:  # a number against an array
        return _type_problem(got, exp, path, mode)
    text = f"{path}: {_expected(mode)} shape {tuple(e.shape)}, {mode.got} shape {tuple(g.shape)}"
    if g.ndim >= 2 and g.shape == e.shape[::-1]:
        if mode.got == "got" and _values(g.T, e, path, mode, auto=False) is None:
            return Problem(f"{text}.", _m.TRANSPOSED)
        return Problem(f"{text} — looks transposed.")
    if g.size == e.size:
        return Problem(f"{text} — the right number of entries; check keepdims or reshape.")
    return Problem(f"{text}.")


def _leaf(got: Any, exp: Any, path: str, mode: Mode, auto: bool,
          verdict: bool = False) -> Problem | None:
    pair = coerce(got, exp, path, mode)
    if isinstance(pair, Problem):
        return pair
    g, e = pair
    kinds = {g.dtype.kind, e.dtype.kind}
    note = ""  # named only when the values differ too
    if isinstance(got, np.ndarray) and isinstance(exp, np.ndarray) and len(kinds) > 1 and not (
        kinds <= {"i", "u"}
    ):
        note = f"{_expected(mode)} dtype {e.dtype}, {mode.got} {g.dtype}; "
    return _values(g, e, path, mode, auto=auto, note=note, verdict=verdict)


def _inexact(a: NDArray[Any]) -> NDArray[Any]:
    return a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)


def entries(g: NDArray[Any], e: NDArray[Any], mode: Mode) -> tuple[
        NDArray[np.bool_], NDArray[np.float64], NDArray[Any], NDArray[Any]]:
    """Entry by entry, for two numeric arrays of one shape: which agree under `mode`, how far
    each is off (its score: the deviation over what is allowed), and both as floats (complex
    where either is)."""
    with np.errstate(all="ignore"):
        ok, dev, gf, ef = _agree(g, e, mode)
        if mode.kind == "exact":
            score = (~ok).astype(np.float64)
        elif mode.kind == "grad":
            score = dev / np.maximum(np.maximum(np.abs(gf), np.abs(ef)), TINY)
        else:
            score = dev / (mode.atol + mode.rtol * np.abs(ef))
    return ok, score, gf, ef


def _agree(g: NDArray[Any], e: NDArray[Any], mode: Mode) -> tuple[
        NDArray[np.bool_], NDArray[Any] | None, NDArray[Any], NDArray[Any]]:
    """`mode`'s rule, entry by entry (the one place it is written): which entries agree, their
    deviation |g − e| (None for 'exact'), and both as floats (complex where either is)."""
    kind = np.complex128 if "c" in (g.dtype.kind, e.dtype.kind) else np.float64
    gf, ef = g.astype(kind, copy=False), e.astype(kind, copy=False)
    same = (gf == ef) | (np.isnan(gf) & np.isnan(ef))
    if mode.kind == "exact":
        if {g.dtype.kind, e.dtype.kind} <= {"b", "i", "u"}:
            return np.asarray(g == e), None, gf, ef  # integers beyond 2**53 stay exact
        return same, None, gf, ef
    dev = np.abs(gf - ef)
    if mode.kind == "grad":
        ok = same | (dev <= mode.atol) | (
            dev / np.maximum(np.maximum(np.abs(gf), np.abs(ef)), TINY) <= mode.rtol)
    else:
        ok = same | (dev <= mode.atol + mode.rtol * np.abs(ef))
    return ok, dev, gf, ef


def _values(
    g: NDArray[Any], e: NDArray[Any], path: str, mode: Mode, *, auto: bool, note: str = "",
    verdict: bool = False
) -> Problem | None:
    """Compare two numeric arrays of one shape entry by entry; `note` goes before the counts
    (`verdict`: DIFFERS instead of the message, see diff)."""
    if g.size == 0:
        return None
    if verdict:  # whether they agree, without the scores (a diagnosis compares thousands)
        with np.errstate(all="ignore"):
            return None if _agree(g, e, mode)[0].all() else DIFFERS
    ok, score, gf, ef = entries(g, e, mode)
    if ok.all():
        return None
    if mode.kind != "exact":
        with np.errstate(all="ignore"):
            score = np.where(ok, -1.0, np.nan_to_num(score, nan=np.inf, posinf=np.inf))
    n_bad, size = int((~ok).sum()), g.size
    broken = ~np.isfinite(gf) & np.isfinite(ef)
    if broken.any():
        idx = tuple(int(i) for i in np.argwhere(broken)[0])
        gs, es = fmt(g[idx]), fmt(e[idx])
        if size == 1:
            return Problem(f"{path}: {note}{mode.got} {gs}, {mode.exp} {es} — {OVERFLOW_HINT}.")
        count = int(broken.sum())
        return Problem(
            f"{path}: {note}{count} of {size} entries are nan or inf; "
            f"{mode.got} {gs} at {at(idx)}, {mode.exp} {es} — {OVERFLOW_HINT}."
        )
    idx = tuple(int(i) for i in np.unravel_index(int(np.argmax(score)), g.shape))
    gs, es = fmt_pair(g[idx], e[idx])
    extra = ""
    if mode.kind == "grad":
        extra = f" ({'max ' * (size > 1)}relative error {fmt(score[idx], 2)})"
    where = "first" if mode.kind == "exact" else "worst"
    if size == 1:
        text = f"{path}: {note}{_pair(gs, es, mode)}{extra}."
    else:
        text = f"{path}: {note}{n_bad} of {size} entries {mode.differ}; {where} at {at(idx)}: " \
               f"{_pair(gs, es, mode)}{extra}."
    mistake = None
    if auto and mode.got == "got":
        mistake = _leaf_mistake(g, e, path, mode)
    return Problem(text, mistake)


def _leaf_mistake(g: NDArray[Any], e: NDArray[Any], path: str, mode: Mode) -> str | None:
    """A transposed or sign-flipped leaf, unless that variant equals the expected value."""
    if "b" not in (g.dtype.kind, e.dtype.kind):
        neg_e, neg_g = -_inexact(e), -_inexact(g)
        flat = _values(neg_e, e, path, mode, auto=False) is None
        if not flat and _values(neg_g, e, path, mode, auto=False) is None:
            return _m.SIGN
    if g.ndim == 2 and g.shape[0] == g.shape[1] and g.shape[0] > 1:
        symmetric = _values(e.T, e, path, mode, auto=False) is None
        if not symmetric and _values(g.T, e, path, mode, auto=False) is None:
            return _m.TRANSPOSED
    return None
