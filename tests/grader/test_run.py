"""End-to-end: grade toy submissions through the real sandbox, with exact expected scores."""

from __future__ import annotations

import time

import numpy as np
import pytest

from grader import testing
from grader.run.runner import run_submission
from tests.fixtures.engine import CORRECT, MODES, submission, toy, toy_tests, toy_with

BUGGY = '''
import numpy as np
def add_bias(X):
    return np.hstack([np.ones((X.shape[0], 1)), X])   # ones FIRST: shape right, values wrong
def scale(x, c):
    x *= c                                              # modifies its input in place
    return x
def safe_div(a, b):
    if b == 0:
        raise ValueError("zero")
    return a / b
def apply(f, x):
    return f(x) + 1
def count_positive(x):
    return int(np.sum(x >= 0))                          # counts zeros too: 2 of 4 inputs right
'''


def grade(source: str | tuple[str, ...], mode: str | None, assignment=None, **kw):
    cells = (source,) if isinstance(source, str) else source
    return run_submission(assignment or toy(), submission(*cells, **kw), list(toy_tests()),
                          mode=mode)


def points(result) -> dict[str, float]:
    return {t.name: t.points for t in result.tests}


@pytest.mark.parametrize("mode", MODES)
def test_run_correct_submission_scores_full_marks(mode):
    result = grade(CORRECT, mode)
    assert result.status == "graded"
    assert [t.status for t in result.tests] == ["passed"] * 7
    assert result.score == result.max_score == 9.0
    expected = "bubblewrap" if mode == "bubblewrap" else "none (rlimit-subprocess)"
    assert result.isolation.startswith(expected)
    assert result.peak_memory_kb > 10_000  # python + numpy really ran, and was measured


@pytest.mark.parametrize("mode", MODES)
def test_run_buggy_submission_loses_exactly_the_buggy_tests(mode):
    result = grade(BUGGY, mode)
    assert result.status == "graded"
    assert points(result) == {
        "add_bias_shape": 1.0, "add_bias_values": 0.0, "scale_values": 1.0,
        "scale_keeps_input": 0.0, "safe_div_rejects_zero": 1.0, "apply_calls_back": 1.0,
        "count_positive_partial": 1.0,
    }
    assert result.score == 5.0
    by_name = {t.name: t for t in result.tests}
    assert by_name["scale_keeps_input"].message == "scale modified its input x in place"
    assert by_name["count_positive_partial"].status == "failed"


def replace_function(source: str, name: str, body: str) -> str:
    """CORRECT with one function's definition replaced (or removed when body is '')."""
    start = source.index(f"\ndef {name}(")
    end = source.find("\ndef ", start + 1)
    end = len(source) if end == -1 else end
    return source[:start] + ("\n" + body if body else "") + source[end:]


def test_run_syntax_error_is_reported_with_line_and_no_test_runs():
    result = grade("import numpy as np\n\ndef add_bias(X)\n    return X\n", None)
    assert result.status == "syntax_error"
    assert result.message.startswith("SyntaxError at line 3: expected ':'")
    assert result.score == 0 and result.max_score == 9.0
    assert {t.message for t in result.tests} == {"not run: your code has a syntax error"}


def test_run_missing_package_at_import_is_an_import_error():
    source = CORRECT.replace("import numpy as np", "import numpy_that_does_not_exist")
    result = grade(source, None)
    assert result.status == "import_error"
    assert "ModuleNotFoundError: No module named 'numpy_that_does_not_exist'" in result.message
    line = source[:source.index("import numpy_that")].count("\n") + 1
    assert f'File "toy.py", line {line}, in <module>' in result.message
    assert result.score == 0


def test_run_top_level_error_keeps_the_functions_defined_before_it():
    cut = CORRECT.index("\ndef safe_div(")
    source = CORRECT[:cut] + "\nraise RuntimeError('unfinished')\n" + CORRECT[cut:]
    result = grade(source, None)
    assert result.status == "graded"
    assert result.score == 5.0  # add_bias (1 + 2) and scale (1 + 1) only
    assert any("RuntimeError: unfinished" in w and "defined before" in w
               for w in result.warnings)


@pytest.mark.parametrize("mode", MODES)
def test_run_endless_loop_times_out_that_test_and_the_rest_still_run(mode):
    source = replace_function(CORRECT, "scale", "def scale(x, c):\n    while True:\n        pass\n")
    started = time.monotonic()
    result = grade(source, mode, toy_with(call_timeout=1))
    assert time.monotonic() - started < 10
    assert result.status == "graded"
    statuses = {t.name: t.status for t in result.tests}
    assert statuses["scale_values"] == statuses["scale_keeps_input"] == "timeout"
    assert [s for n, s in statuses.items() if not n.startswith("scale")] == ["passed"] * 5
    assert result.score == 7.0
    assert "scale() did not finish within 1 s" in result.tests[2].message
    skipped = [t.message for t in result.tests if t.status == "timeout"][1]
    assert skipped.startswith("skipped: scale timed out earlier in this submission")
    assert any("restarted 1 time(s)" in w for w in result.warnings)  # scale ran only once


def test_run_long_top_level_code_is_stopped_and_the_functions_still_graded():
    result = grade(CORRECT + "\nwhile True:\n    pass\n", None, toy_with(call_timeout=1))
    assert result.status == "graded"
    assert result.score == 9.0
    [warning] = [w for w in result.warnings if "ran longer than 1 s" in w]
    # the wall clock's message gives the CPU limit's advice: one fix for both causes
    assert warning.startswith("toy.py: your top-level code ran longer than 1 s while loading "
                              "and was stopped here; the functions defined before that line "
                              'are still graded. Move experiments and training runs under `if '
                              '__name__ == "__main__":`')


def test_run_endless_loop_before_any_function_is_a_timeout():
    result = grade(CORRECT.replace("import numpy as np", "while True:\n    pass"), None,
                   toy_with(call_timeout=1))
    assert result.status == "timeout"
    assert result.score == 0
    assert {t.status for t in result.tests} == {"timeout"}


@pytest.mark.parametrize("mode", MODES)
def test_run_memory_hog_fails_its_tests_only(mode):
    source = replace_function(CORRECT, "add_bias", (
        "def add_bias(X):\n    hog = [np.empty(2**26) for _ in range(100)]  # 50 GiB\n"
        "    return hog\n"))
    result = grade(source, mode)
    assert result.status == "graded"
    assert result.score == 6.0
    failed = [t for t in result.tests if t.points == 0]
    assert [t.name for t in failed] == ["add_bias_shape", "add_bias_values"]
    assert [t.message for t in failed] == [
        "your code raised MemoryError: Unable to allocate 512. MiB for an array with shape "
        "(67108864,) and data type float64"] * 2


def test_run_prints_a_lot_output_is_capped_and_the_score_unaffected():
    source = CORRECT.replace('    """(n, d) -> (n, d + 1)',
                             '    print("x" * 10**6)\n    """(n, d) -> (n, d + 1)')
    result = grade(source, None)
    assert result.score == 9.0
    assert len(result.output) < 5000 and "output truncated" in result.output


def test_run_missing_function_fails_only_the_tests_that_need_it():
    result = grade(replace_function(CORRECT, "apply", ""), None)
    assert result.status == "graded"
    assert result.score == 8.0
    (failed,) = [t for t in result.tests if t.points == 0]
    assert failed.name == "apply_calls_back"
    assert failed.message == ("your toy does not define a function apply() (check the name and "
                              "that it is defined at the top level)")


def test_run_wrong_return_types_fail_with_readable_messages():
    source = replace_function(CORRECT, "add_bias", (
        "def add_bias(X):\n    return [list(r) + [1.0] for r in X]\n"))
    source = replace_function(source, "apply", "def apply(f, x):\n    return {1, 2}\n")
    result = grade(source, None)
    by_name = {t.name: t for t in result.tests}
    assert by_name["add_bias_shape"].status == "passed"  # a nested list has the right shape
    assert by_name["add_bias_values"].message == "add_bias returned list, not an array"
    assert by_name["apply_calls_back"].message == (
        "apply() returned a set object where the test needs a value to compare; a set stays in "
        "the sandbox (the grader never looks inside the objects of your code): return numbers, "
        "strings, lists, tuples, dicts or numeric numpy arrays (torch tensors are converted)")
    assert result.score == 6.0


def test_run_notebook_with_a_failing_cell_and_magics_still_grades_the_rest():
    cut = CORRECT.index("\ndef safe_div(")
    cells = (
        "import numpy as np",
        "!pip install numpy\n%matplotlib inline\nfiles = !ls",
        CORRECT[:cut] + "\ndisplay(add_bias(np.zeros((2, 2))))\n",
        "raise ValueError('this demo cell is broken')",
        "get_ipython().run_line_magic('load_ext', 'autoreload')\n" + CORRECT[cut:],
        "%%time\nx = 1",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()",
        "def broken(:\n    pass",
        'text = """\n% not a magic inside a string\n"""\ndef note():\n    return text\n',
    )
    result = grade(cells, None, kind="ipynb")
    assert result.status == "graded"
    assert result.score == 9.0
    assert any(w.startswith("cell 4 raised ValueError: this demo cell is broken")
               for w in result.warnings)
    assert any(w.startswith("cell 8 was skipped: SyntaxError at line 1") for w in result.warnings)
    assert any("cell 2: shell commands" in w for w in result.warnings)
    assert not any(w.startswith(("cell 3", "cell 5", "cell 9")) for w in result.warnings)


@pytest.mark.parametrize("mode", MODES)
def test_run_exit_calls_fail_their_tests_only(mode):
    source = replace_function(CORRECT, "safe_div", "def safe_div(a, b):\n    import sys\n"
                              "    sys.exit(0)\n")
    source = replace_function(source, "apply", "def apply(f, x):\n    import os\n"
                              "    os._exit(0)\n")
    result = grade(source, mode)
    assert result.status == "graded"
    by_name = {t.name: t for t in result.tests}
    assert by_name["safe_div_rejects_zero"].message == "your code raised SystemExit: 0"
    assert by_name["apply_calls_back"].message.startswith("apply() crashed the worker")
    assert result.score == 7.0


def test_run_visible_tests_alone_need_no_reference():
    visible = [t for t in toy_tests() if t.visibility == "visible"]
    result = run_submission(toy(), submission(CORRECT), visible, ref=None)
    assert result.score == result.max_score == 1.0


def make_test(body, *, params=("student",), points=2.0):
    return testing.TestCase(name=body.__name__, points=points, visibility="hidden", func=body,
                    params=params, source_file=__file__, line=1)


def test_run_test_outcomes_map_to_results():
    def half(student):
        return 0.5

    def too_much(student):
        return 1.7

    def negative(student):
        return -3

    def nan(student):
        return float("nan")

    def says_yes(student):
        return "yes"

    def numpy_fraction(student):
        return np.float32(0.25)

    def broken_test(student):
        raise testing.TestDefinitionError("tests.py:3: bad")

    def uses_result_wrongly(student):
        return student.count_positive(np.ones(2)) + None

    def assertion(student):
        raise AssertionError("expected 3, got 4")

    tests = [make_test(f) for f in (half, too_much, negative, nan, says_yes, broken_test,
                                    uses_result_wrongly, assertion, numpy_fraction)]
    result = run_submission(toy(), submission(CORRECT), tests)
    got = [(t.name, t.status, t.points) for t in result.tests]
    assert got == [("half", "failed", 1.0), ("too_much", "passed", 2.0),
                   ("negative", "failed", 0.0), ("nan", "failed", 0.0),
                   ("says_yes", "error", 0.0), ("broken_test", "error", 0.0),
                   ("uses_result_wrongly", "failed", 0.0), ("assertion", "failed", 0.0),
                   ("numpy_fraction", "failed", 0.5)]
    messages = [t.message for t in result.tests]
    assert messages[4] == "the test returned str; a test returns None or a fraction in [0, 1]"
    assert messages[5] == "the test itself is broken: tests.py:3: bad"
    assert messages[6] == ("the test could not use your result: TypeError: unsupported operand "
                           "type(s) for +: 'int' and 'NoneType'")
    assert messages[7] == "expected 3, got 4"


def test_run_rng_is_seeded_per_assignment_and_test():
    seen = []

    def draw(rng):
        seen.append(rng.integers(10**9))

    tests = [make_test(draw, params=("rng",))]
    run_submission(toy(), submission(CORRECT), tests)
    run_submission(toy(), submission(CORRECT), tests)
    expected = np.random.default_rng(tests[0].seed("toy")).integers(10**9)
    assert seen == [expected, expected]


@pytest.mark.parametrize("mode", MODES)
def test_run_concurrent_submissions_in_threads_do_not_interfere(mode):
    """`grader grade --jobs N` runs submissions in threads: same scores as one at a time."""
    from concurrent.futures import ThreadPoolExecutor

    sources = [CORRECT, BUGGY, CORRECT, BUGGY]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda src: grade(src, mode), sources))
    assert [r.score for r in results] == [9.0, 5.0, 9.0, 5.0]
    assert [points(r) for r in results[:2]] == [points(r) for r in results[2:]]


def test_run_check_failures_carry_their_message_and_named_mistake():
    from grader import checks

    def doubled_by_mistake(student):
        x = np.array([1.0, 2.0, 3.0])
        checks.close(student.scale(x, 2.0), 4.0 * x, name="scale(x, 2)",
                     mistakes={"scaled twice": 8.0 * x, "factor forgotten": x})

    def wrong_shape(student):
        checks.close(student.add_bias(np.zeros((2, 2))), np.zeros((2, 2)), name="add_bias(X)")

    result = run_submission(toy(), submission(CORRECT),
                            [make_test(doubled_by_mistake), make_test(wrong_shape)])
    first, second = result.tests
    assert first.status == second.status == "failed"
    assert first.mistake is None  # 2x is neither listed mistake
    assert first.message.startswith("scale(x, 2)")
    assert second.message.startswith("add_bias(X)") and "shape" in second.message
    forgot = run_submission(toy(), submission(CORRECT.replace("return c * x",
                                                                  "return x")),
                                [make_test(doubled_by_mistake)])
    assert forgot.tests[0].mistake == "factor forgotten"


def test_run_notebook_with_several_long_demo_cells_still_loads_its_functions():
    """Each demo cell is cut at the per-cell limit, and once the load budget is spent the rest
    only get a moment: the functions in later cells are still defined and graded."""
    cut = CORRECT.index("\ndef safe_div(")
    demo = "import time\nwhile True:\n    time.sleep(0.01)\n"
    cells = (CORRECT[:cut], demo, demo, CORRECT[cut:], demo)
    assignment = toy_with(call_timeout=1, submission_timeout=4)  # load budget: 1 s
    started = time.monotonic()
    result = grade(cells, None, assignment, kind="ipynb")
    assert result.status == "graded"
    assert result.score == 9.0
    assert sum("ran longer than" in w for w in result.warnings) == 3
    assert time.monotonic() - started < 4
