"""Gradient checks: central differences in float64, a directional mode, torch.autograd.

Re-exported by grader.checks (use `checks.gradient(...)`). The numerical gradient is the oracle:
entry i is (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, whose error is O(h²) from truncation plus about
ε·|f|/h from rounding; h = 1e-5 balances the two in float64. An analytic entry passes when its
relative error |a − n| / max(|a|, |n|, tiny) is <= rtol, or when |a − n| <= atol (entries that are
zero up to rounding). Beyond any `mistakes=` given, a failing gradient is tested against the
usual wrong variants: transposed, sign flipped, twice or half as large, N times too large
(missing 1/N) or too small (1/N applied twice).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from grader.checks import mistakes as _m
from grader.checks.compare import OVERFLOW_HINT, Mode, Problem, at, coerce, describe, diff, fmt
from grader.checks.failure import POSSIBLY, CheckFailure, fail, said

Array = NDArray[np.float64]


def _point(x: Any) -> Array:
    """x as the float64 array to perturb: x itself when it is a writeable float64 array (so an
    `f` that ignores its argument and reads x, cs231n-style, still works), else a copy."""
    if isinstance(x, np.ndarray) and x.dtype == np.float64 and x.flags.writeable:
        return x
    arr = np.asarray(x)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"gradient checks need a real numeric x, got {describe(x)}")
    return arr.astype(np.float64)


def _scalar(value: Any, what: str) -> float:
    """f's value as a float, or a CheckFailure explaining that f must return one number."""
    if type(value).__module__.startswith("torch") and hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    if isinstance(value, bool | int | float | np.integer | np.floating | np.bool_):
        return float(value)
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "biuf":
        return float(value.reshape(()))
    raise CheckFailure(
        f"{what}: the function being differentiated must return a single number (a float or a "
        f"1-element array), but it returned {describe(value)}."
    )


def numerical_gradient(
    f: Callable[[Any], Any], x: Any, h: float = 1e-5, *, name: str = "f"
) -> Array:
    """The gradient of a scalar function f at x by central differences in float64.

    x may have any shape (a Python number gives a 0-d result). f(x) may return a Python
    number, a numpy scalar or a 0-d/1-element array; anything else raises CheckFailure. x is
    perturbed in place when it is a float64 array and restored afterwards, also when f raises.
    Costs 2·x.size calls of f.
    """
    arr = _point(x)
    saved = arr.copy()
    grad = np.zeros(arr.shape, dtype=np.float64)
    try:
        for idx in np.ndindex(arr.shape):
            arr[idx] = saved[idx] + h
            f_plus = _scalar(f(arr), name)
            arr[idx] = saved[idx] - h
            f_minus = _scalar(f(arr), name)
            arr[idx] = saved[idx]
            with np.errstate(all="ignore"):
                grad[idx] = (f_plus - f_minus) / (2.0 * h)
    finally:
        arr[...] = saved
    return grad


def _scalings(got: Any, reference: Array) -> dict[str, Any]:
    """Automatic wrong variants of a gradient: sign, transposed, ×2, ×½, ×N, ×1/N (N fitted)."""
    variants: dict[str, Any] = {_m.SIGN: -reference}
    if reference.ndim == 2 and reference.shape[0] == reference.shape[1]:
        variants[_m.TRANSPOSED] = reference.T
    variants[_m.DOUBLED] = 2.0 * reference
    variants[_m.HALVED] = 0.5 * reference
    g = np.asarray(got) if isinstance(got, np.ndarray | float | int) else None
    denom = float(np.sum(reference * reference))
    if g is not None and g.dtype.kind in "biuf" and g.size == reference.size and denom > 0:
        with np.errstate(all="ignore"):
            ratio = float(np.sum(g.reshape(reference.shape) * reference)) / denom
        if np.isfinite(ratio) and round(ratio) >= 3:
            variants[_m.MISSING_MEAN] = round(ratio) * reference
        if np.isfinite(ratio) and ratio > 0 and round(1.0 / ratio) >= 3:
            variants[_m.EXTRA_MEAN] = reference / round(1.0 / ratio)
    return variants


def gradient_close(
    analytic: Any,
    reference: Any,
    *,
    name: str = "gradient",
    source: str = "torch.autograd",
    label: str = "reference",
    rtol: float = 1e-5,
    atol: float = 1e-8,
    mistakes: Mapping[str, Any] | None = None,
) -> None:
    """An analytic gradient agrees with a reference gradient (e.g. from torch_gradient), entry
    by entry in relative error, with gradient wording and automatic mistake detection. `source`
    names the reference in the message ("k of n entries differ from <source>"), `label` its
    values ("got 0.418, reference 0.209")."""
    ref = np.asarray(reference, dtype=np.float64)
    broken = ~np.isfinite(ref)
    if broken.any():
        idx = tuple(int(i) for i in np.argwhere(broken)[0])
        raise CheckFailure(
            f"{name}: cannot check the gradient: {source} give {fmt(ref[idx])} at {at(idx)}, "
            f"so the function returns nan or inf near this point — {OVERFLOW_HINT}."
        )
    mode = Mode("grad", rtol=rtol, atol=atol, exp=label, differ=f"differ from {source}")
    problem = diff(analytic, ref, name, mode)
    if problem is not None:
        raise fail(problem, analytic, ref, mistakes, mode, extra=_scalings(analytic, ref))


def gradient(
    analytic: Any,
    f: Callable[[Any], Any],
    x: Any,
    *,
    name: str = "gradient",
    h: float = 1e-5,
    rtol: float = 1e-5,
    atol: float = 1e-8,
    mistakes: Mapping[str, Any] | None = None,
) -> None:
    """`analytic` is the gradient of the scalar function f at x, checked against central
    differences (2·x.size calls of f; see directional_gradient for large x). The message names
    the worst entry, both values and its relative error; transposed, sign-flipped, ×2, ×½,
    ×N and ×1/N gradients are named as mistakes even when `mistakes` does not list them."""
    numerical = numerical_gradient(f, x, h, name=name)
    gradient_close(analytic, numerical, name=name, source=f"central differences (h = {h:g})",
                   label="numerical", rtol=rtol, atol=atol, mistakes=mistakes)


def directional_gradient(
    analytic: Any,
    f: Callable[[Any], Any],
    x: Any,
    *,
    rng: np.random.Generator,
    name: str = "gradient",
    directions: int = 3,
    h: float = 1e-5,
    rtol: float = 1e-5,
    atol: float = 1e-8,
    mistakes: Mapping[str, Any] | None = None,
) -> None:
    """A cheap check of a large gradient: for `directions` random unit vectors v (from rng),
    v·analytic must match the slope (f(x + h·v) − f(x − h·v)) / 2h in relative error (<= rtol,
    or within atol). Costs 2·directions calls of f whatever the size of x. `mistakes` maps names
    to wrong gradients (one that got matches and that fails the check itself is named) or to
    predicates on got. The usual
    wrong variants (sign, transposed, ×2, ×½, ×N, ×1/N) are recognised automatically."""
    arr = _point(x)
    pair = coerce(analytic, arr, name, Mode("grad", exp="expected", got="got"))
    if isinstance(pair, Problem):
        raise CheckFailure(pair.text)
    if pair[0].dtype.kind == "c":
        raise CheckFailure(f"{name}: expected real numbers, got {describe(analytic)}.")
    g = pair[0].reshape(arr.shape).astype(np.float64)
    if not np.isfinite(g).all():
        idx = tuple(int(i) for i in np.argwhere(~np.isfinite(g))[0])
        raise CheckFailure(f"{name}: got {fmt(g[idx])} at {at(idx)} — {OVERFLOW_HINT}.")
    saved = arr.copy()
    vs, slopes = [], []
    try:
        for _ in range(directions):
            v = rng.standard_normal(arr.shape)
            v /= max(float(np.linalg.norm(v)), 1e-300)
            arr[...] = saved + h * v
            f_plus = _scalar(f(arr), name)
            arr[...] = saved - h * v
            f_minus = _scalar(f(arr), name)
            vs.append(v)
            slopes.append((f_plus - f_minus) / (2.0 * h))
    finally:
        arr[...] = saved
    slope = np.array(slopes)

    def disagreement(candidate: Array) -> Array:
        proj = np.array([float(np.sum(v * candidate)) for v in vs])
        with np.errstate(all="ignore"):
            dev = np.abs(proj - slope)
            rel = dev / np.maximum(np.maximum(np.abs(proj), np.abs(slope)), 1e-300)
        return np.where((dev <= atol) | (rel <= rtol), -1.0, np.nan_to_num(rel, nan=np.inf))

    score = disagreement(g)
    if (score < 0).all():
        return
    worst = int(np.argmax(score))
    proj_s, slope_s = (fmt(float(np.sum(vs[worst] * g))), fmt(slope[worst]))
    text = (
        f"{name}: directional check along {directions} random directions: the slope along "
        f"{int((score >= 0).sum())} of them disagrees with central differences (h = {h:g}); "
        f"worst direction {worst + 1}: v·{name} = {proj_s}, numerical slope {slope_s} "
        f"(relative error {fmt(score[worst], 2)})."
    )
    found = _directional_mistake(g, mistakes, disagreement, slope, vs)
    raise CheckFailure(text if found is None else f"{text}{said(found)}", mistake=found,
                       mode=Mode("grad", rtol=rtol, atol=atol))


def _directional_mistake(
    g: Array,
    mistakes: Mapping[str, Any] | None,
    disagreement: Callable[[Array], Array],
    slope: Array,
    vs: list[Array],
) -> str | None:
    """The first named wrong gradient g matches (that is itself wrong), else an automatic one:
    a correction of g (−g, gᵀ, g/2, 2g, g/N, g·N) that passes the directional check."""
    near = Mode("grad", rtol=1e-5, atol=1e-8)
    for label, wrong in (mistakes or {}).items():
        if callable(wrong):
            try:
                if wrong(g):
                    return f"{POSSIBLY}{label}"
            except Exception:
                pass
            continue
        try:
            w = np.asarray(wrong, dtype=np.float64).reshape(g.shape)
        except (TypeError, ValueError):
            continue
        if not (disagreement(w) < 0).all() and diff(g, w, "", near, auto=False) is None:
            return label
    corrections: dict[str, Array] = {_m.SIGN: -g}
    if g.ndim == 2 and g.shape[0] == g.shape[1]:
        corrections[_m.TRANSPOSED] = g.T
    corrections[_m.DOUBLED] = g / 2.0
    corrections[_m.HALVED] = g * 2.0
    proj = np.array([float(np.sum(v * g)) for v in vs])
    if float(np.sum(slope * slope)) > 0:
        ratio = float(np.sum(proj * slope) / np.sum(slope * slope))
        if np.isfinite(ratio) and round(ratio) >= 3:
            corrections[_m.MISSING_MEAN] = g / round(ratio)
        if np.isfinite(ratio) and ratio > 0 and round(1.0 / ratio) >= 3:
            corrections[_m.EXTRA_MEAN] = g * round(1.0 / ratio)
    for label, fixed in corrections.items():
        if (disagreement(fixed) < 0).all():
            return label
    return None


def torch_gradient(f_torch: Callable[[Any], Any], x: Any) -> Array:
    """The gradient of a scalar torch function at x by torch.autograd, as a float64 ndarray of
    x's shape: f_torch receives a float64 tensor with requires_grad=True and returns a scalar
    (or 1-element) tensor. A second oracle next to central differences; trusted code only."""
    import torch

    point = torch.tensor(np.asarray(x, dtype=np.float64), dtype=torch.float64, requires_grad=True)
    out = f_torch(point)
    if not isinstance(out, torch.Tensor):
        raise ValueError(f"f_torch must return a scalar tensor, got {describe(out)}")
    if out.numel() != 1:
        raise ValueError(f"f_torch must return a scalar tensor, got shape {tuple(out.shape)}")
    if not out.requires_grad:  # f does not depend on x
        return np.zeros(point.shape, dtype=np.float64)
    (grad,) = torch.autograd.grad(out.reshape(()), point, allow_unused=True)
    if grad is None:
        return np.zeros(point.shape, dtype=np.float64)
    return np.asarray(grad.detach().cpu().numpy(), dtype=np.float64).copy()
