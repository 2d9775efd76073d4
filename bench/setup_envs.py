"""Create the baseline tools' virtual environments under bench/envs/ (not committed).

    .venv/bin/python bench/setup_envs.py            # create what is missing
    .venv/bin/python bench/setup_envs.py --force    # recreate both

bench/envs/nbgrader: nbgrader 0.9.6 (with ipykernel, numpy).
bench/envs/otter:    otter-grader 7.0.0 (with ipykernel, numpy). `otter run` executes the
                     notebook in a Jupyter kernel, so ipykernel is needed even without Docker.

Each environment gets a kernel spec of its own (share/jupyter/kernels/python3 inside the env),
so the tools never pick up a kernel from the machine or from the other environment. An
environment that exists and reports the pinned version is kept.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ENVS = Path(__file__).resolve().parent / "envs"
TOOLS = {
    "nbgrader": {
        "packages": ["nbgrader==0.9.6", "ipykernel", "numpy"],
        "probe": "import nbgrader, numpy; print(nbgrader.__version__)",
        "version": "0.9.6",
    },
    "otter": {
        "packages": ["otter-grader==7.0.0", "ipykernel", "numpy"],
        "probe": "import otter, ipykernel, numpy; print(otter.__version__)",
        "version": "7.0.0",
    },
}


def env_python(name: str) -> Path:
    return ENVS / name / "bin" / "python"


def env_ok(name: str) -> bool:
    """The env exists, imports its tool, numpy and ipykernel, and reports the pinned version."""
    python = env_python(name)
    if not python.exists():
        return False
    probe = TOOLS[name]["probe"]
    done = subprocess.run([str(python), "-c", f"import ipykernel; {probe}"],
                          capture_output=True, text=True, check=False)
    return done.returncode == 0 and done.stdout.strip() == TOOLS[name]["version"]


def create(name: str, base_python: str) -> None:
    target = ENVS / name
    if target.exists():
        shutil.rmtree(target)
    started = time.monotonic()
    print(f"creating {target} ...", flush=True)
    subprocess.run([base_python, "-m", "venv", str(target)], check=True)
    pip = [str(env_python(name)), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, *TOOLS[name]["packages"]], check=True)
    # The env's own kernel spec, pointing at the env's interpreter.
    subprocess.run([str(env_python(name)), "-m", "ipykernel", "install", "--sys-prefix",
                    "--name", "python3", "--display-name", f"Python 3 ({name} bench)"],
                   check=True, capture_output=True)
    if not env_ok(name):
        raise SystemExit(f"{target}: created, but `{TOOLS[name]['probe']}` does not report "
                         f"{TOOLS[name]['version']}; see the pip output above")
    print(f"  {name} ready in {time.monotonic() - started:.0f} s", flush=True)


def ensure(names: list[str] | None = None, *, force: bool = False,
           base_python: str | None = None) -> dict[str, Path]:
    """Create the missing (or all, with force) environments; returns name -> interpreter."""
    base = base_python or shutil.which("python3.11") or sys.executable
    ENVS.mkdir(parents=True, exist_ok=True)
    for name in names or list(TOOLS):
        if force or not env_ok(name):
            create(name, base)
    return {name: env_python(name) for name in names or list(TOOLS)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="recreate the environments")
    parser.add_argument("--python", help="base interpreter for the venvs (default: python3.11)")
    parser.add_argument("tools", nargs="*", help=f"some of {', '.join(TOOLS)} (default: all)")
    args = parser.parse_args()
    unknown = sorted(set(args.tools) - set(TOOLS))
    if unknown:
        parser.error(f"unknown tool(s) {', '.join(unknown)}; choose from {', '.join(TOOLS)}")
    for name, python in ensure(args.tools or None, force=args.force,
                               base_python=args.python).items():
        print(f"{name}: {python}")


if __name__ == "__main__":
    main()
