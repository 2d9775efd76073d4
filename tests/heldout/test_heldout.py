"""Issue 16's measurement: the held-out mistakes (written before the catalogue grew) graded
through `grader grade`'s path (run_batch: sandbox, proxy, codec). At least 90% get a right name
and none gets a wrong one: every named mistake of a failing test must be the expected one."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment

HERE = Path(__file__).parent
# held-out file -> a phrase of the name it should get (assigned after the catalogue was grown)
EXPECTED = {
    "veto_if_mask_present": "veto fires for any inhibitory input",
    "fires_above_theta": "`>` was used instead of `>=`",
    "and_gate_n_minus_1": "theta is one too low",
    "nor_threshold_one": "mp_gate('nor') gives theta +1",  # NOR only: the family's member
    "one_epoch_short": "one epoch too few",
    "counter_not_reset": "accumulates across epochs",
    "random_order": "random instead of fixed order",
    "predict_sign": "0 on the boundary",
    "bound_r_not_squared": "r instead of r²",
    "xor_feature_absdiff": "xor label",
    "no_concat": "not concatenated",
    "count_weights": "columns",
    "shallow_bias_off_by_one": "bias is off by one",
    "parity_extra_unit": "unit",
    "tanh_tower": "tanh where σ was asked",
    "tower2d_threshold_one": "threshold is 1 instead of 1.5",
    "steps_not_towers": "histogram-style",
    "sigmoid_float32": "float32",
    "numgrad_float32": "float32",
    "drops_last_batch": "last partial minibatch",
    "separate_permutations": "separate permutations",
    "lr_in_velocity": "learning rate is folded into the velocity",
    "adam_v_uncorrected": "not bias-corrected",
    "grad_factor_two": "extra factor 2",
    "softmax_loss_global_max": "global max instead of row max",
    "softmax_axis0": "columns instead of",
    "hinge_loss_no_reg": "regularisation term is missing",
    "mlp_tanh_hidden": "tanh where σ was asked",
    "jacobian_diag_plus": "only the diagonal",
}


@pytest.mark.slow
def test_heldout_mistakes_are_named_rightly_through_grader_grade(tmp_path: Path):
    named, wrong, total = [], [], 0
    for folder in sorted(p for p in HERE.iterdir() if p.is_dir() and p.name != "__pycache__"):
        assignment = find_assignment(folder.name)
        ref = read_reference(assignment.reference)
        subs = tmp_path / folder.name / "subs"
        for path in sorted(folder.glob("*.py")):
            sub = subs / path.stem
            sub.mkdir(parents=True)
            source = overlay_source(ref, path.read_text(encoding="utf-8"), path.stem)
            (sub / f"{assignment.module}.py").write_text(source, encoding="utf-8")
        batch = run_batch(assignment, subs, tmp_path / folder.name / "out", jobs=2,
                          progress=False)
        for result in batch.results:
            total += 1
            want = EXPECTED[result.student].lower()
            names = [t.mistake for t in result.tests if t.points < t.max_points and t.mistake]
            if any(want in n.lower() for n in names):
                named.append(result.student)
            wrong += [(result.student, n) for n in names if want not in n.lower()]
    assert total == len(EXPECTED)
    print(f"held-out: {len(named)} of {total} named, {len(wrong)} wrong names")
    assert len(named) >= 0.9 * total, sorted(set(EXPECTED) - set(named))
    assert wrong == [], "\n".join(map(str, wrong))
