"""Attack: find the reference or the hidden tests on disk and answer from them.

Tries absolute paths, relative paths, /proc/<pid>/cwd|root|environ of every visible process
(the grader is the parent) and a bounded walk of the file system. If any read works, the
functions answer with the reference's code. Expected under bubblewrap: nothing is found, every
function raises, 0 points.
"""
import os
import time

FOUND = {}
NAMES = ("toy_reference.py", "hidden_tests.py")


def _try(path):
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError):
        return
    if "def add_bias" in text:
        FOUND[path] = text


for base in ("/work/main", "/work", "..", "../..", "../../..", os.path.expanduser("~")):
    _try(os.path.join(base, "tests/fixtures/toy_reference.py"))
    _try(os.path.join(base, "tests/fixtures/toy/hidden_tests.py"))
for pid in [p for p in os.listdir("/proc") if p.isdigit()] + [str(os.getppid())]:
    for link in ("cwd", "root"):
        _try(f"/proc/{pid}/{link}/tests/fixtures/toy_reference.py")
    try:
        with open(f"/proc/{pid}/environ", "rb") as fh:
            env = fh.read().decode("latin-1")
        for entry in env.split("\0"):
            if entry.startswith(("PWD=", "OLDPWD=")):
                _try(os.path.join(entry.split("=", 1)[1], "tests/fixtures/toy_reference.py"))
    except OSError:
        pass
start = time.monotonic()
for root, dirs, files in os.walk("/"):
    dirs[:] = [d for d in dirs if os.path.join(root, d) not in ("/proc", "/sys", "/usr")]
    for name in files:
        if name in NAMES:
            _try(os.path.join(root, name))
    if FOUND or time.monotonic() - start > 0.4:
        break

REF = {}
for text in FOUND.values():
    if "def count_positive" in text and "test_case" not in text:
        exec(text, REF)


def _ref(name):
    if name not in REF:
        raise NotImplementedError("the attack found nothing")
    return REF[name]


def add_bias(X):
    return _ref("add_bias")(X)


def scale(x, c):
    return _ref("scale")(x, c)


def safe_div(a, b):
    return _ref("safe_div")(a, b)


def apply(f, x):
    return _ref("apply")(f, x)


def count_positive(x):
    return _ref("count_positive")(x)
