"""Attack: import-time side effects meant to persist into later runs: a usercustomize module and
a .pth file in the user site of HOME (Python would import them at every start), shell rc files,
a matplotlib config, and a sitecustomize in the cwd and next to the interpreter.

HOME is the sandbox's own private folder, thrown away afterwards, and the worker runs
`python -I` (no user site). Expected: 0 points; the next submission (the honest one the suite
grades afterwards) sees none of it, and nothing appears in the grader's HOME or interpreter.
"""
import os
import site
import sys
import sysconfig

PAYLOAD = "open('/tmp/nngrader-attack-home-marker', 'w').write('persisted')\n"
written = []


def _write(path, text):
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as fh:
            fh.write(text)
        written.append(path)
    except OSError:
        pass


home = os.path.expanduser("~")
user_site = site.getusersitepackages() if hasattr(site, "getusersitepackages") else \
    os.path.join(home, ".local/lib/python3/site-packages")
_write(os.path.join(user_site, "usercustomize.py"), PAYLOAD)
_write(os.path.join(user_site, "nngrader_attack.pth"), "import os; " + PAYLOAD)
_write(os.path.join(home, ".bashrc"), "touch /tmp/nngrader-attack-home-marker\n")
_write(os.path.join(home, ".config/matplotlib/matplotlibrc"), "backend: nngrader_attack\n")
_write(os.path.join(os.getcwd(), "sitecustomize.py"), PAYLOAD)
_write(os.path.join(sysconfig.get_paths()["purelib"], "nngrader_attack.pth"),
       "import os; " + PAYLOAD)
_write(os.path.join(os.path.dirname(sys.executable), "nngrader-attack-home-marker"), "x")


def add_bias(X):
    raise NotImplementedError(f"wrote {written}")


scale = safe_div = apply = count_positive = add_bias
