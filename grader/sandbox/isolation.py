"""Which isolation level grades here, why not a stronger one, and the command that fixes it.

Three levels, the strongest available chosen (`auto`), each recorded in every result:

- `bubblewrap`: namespaces (grader.sandbox.bwrap). Needs the bwrap binary and user namespaces (or
  root with CAP_SYS_ADMIN).
- `uid`: the grader runs as root without namespaces (a Docker or CI container): each worker
  drops to a uid/gid of its own (grader.sandbox.uids; grader.sandbox.inside.confine: setgroups([]),
  setresgid,
  setresuid, no way back, no network), in a private 0700 folder, with a scrubbed environment,
  no inherited descriptors and rlimits it cannot raise (grader.sandbox.process,
  grader.sandbox.inside.worker). Files
  are protected by their permissions only: the grader makes its own (assignment, reference,
  grader package, submissions, results) private to root before the batch (`make_private`);
  anything else other users may read, the submission may read too. Its interpreter must be
  readable by other users.
- `none`: a plain subprocess with rlimits, as the grader's user. Only on request
  (`--isolation none`), for trusted code: a teacher's own solutions, a student's own check.

Without root and without namespaces, `auto` refuses (IsolationRefused) with the cause and fix.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from grader.paths import has_bundled_assignments
from grader.sandbox.bwrap import bwrap_error, bwrap_works, protected_packages
from grader.sandbox.cgroups import kernel_now

LEVELS = ("bubblewrap", "uid", "none")
REQUESTS = ("auto", *LEVELS, "subprocess")
"""What may be asked for (`--isolation`, NN_GRADER_SANDBOX). "subprocess": the best level
without bubblewrap (as if it were unavailable)."""
ENV = "NN_GRADER_SANDBOX"
APPARMOR_SYSCTL = "/proc/sys/kernel/apparmor_restrict_unprivileged_userns"
USERNS_CLONE_SYSCTL = "/proc/sys/kernel/unprivileged_userns_clone"
MAX_USERNS_SYSCTL = "/proc/sys/user/max_user_namespaces"


class IsolationRefused(Exception):
    """No level that protects the grader is available, and `none` was not asked for."""


@dataclass(frozen=True)
class Probe:
    """What this machine allows, read once (`probe()`); tests build their own."""

    euid: int
    bwrap_error: str | None
    """bubblewrap's own error text, or None when it works."""
    apparmor_restrict: str | None = None
    """kernel.apparmor_restrict_unprivileged_userns ('1': AppArmor blocks user namespaces)."""
    userns_clone: str | None = None
    """kernel.unprivileged_userns_clone (Debian's older switch; '0': off)."""
    max_userns: str | None = None
    """user.max_user_namespaces ('0': none allowed)."""
    container: str = ""
    """'docker', 'podman' or '' (not detected)."""
    seccomp: bool = False
    """This process runs under a seccomp filter (Docker's default profile is one)."""


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _container() -> str:
    if Path("/.dockerenv").exists():
        return "docker"
    if Path("/run/.containerenv").exists():
        return "podman"
    return ""


@cache
def probe() -> Probe:
    """This machine, as the grader's process sees it."""

    status = _read("/proc/self/status") or ""
    seccomp = any(line.split(":")[1].strip() == "2" for line in status.splitlines()
                  if line.startswith("Seccomp:"))
    return Probe(euid=os.geteuid(), bwrap_error=bwrap_error(),
                 apparmor_restrict=_read(APPARMOR_SYSCTL), userns_clone=_read(USERNS_CLONE_SYSCTL),
                 max_userns=_read(MAX_USERNS_SYSCTL), container=_container(), seccomp=seccomp)


@dataclass(frozen=True)
class Choice:
    """The level a run uses and, when it is not bubblewrap, why and how to get it."""

    level: str
    requested: str
    why_not_bubblewrap: str = ""
    fixes: tuple[str, ...] = field(default_factory=tuple)

    def lines(self) -> list[str]:
        """The first lines of `grader grade` and the heart of `grader doctor`."""
        out = [f"isolation: {self.level} ({DESCRIPTIONS[self.level]})"]
        if self.why_not_bubblewrap:
            out.append(f"  not bubblewrap: {self.why_not_bubblewrap}")
        out += [f"  fix: {fix}" for fix in self.fixes]
        if self.level == "uid":
            out.append("  the grader makes its assignment, reference, grader package, "
                       "submissions and results private to root (chmod o-rwx)")
        return out


DESCRIPTIONS = {
    "bubblewrap": "namespaces: the submission sees no grader file, process, network or secret",
    "uid": "root without namespaces: each submission runs as its own unprivileged uid in a "
           "private folder; files other users can read stay readable to it",
    "none": "NO isolation: student code runs as the grader's user; for trusted code only",
}


def bubblewrap_fixes(found: Probe) -> list[str]:
    """Commands that make bubblewrap work on this machine, most specific first."""
    error = found.bwrap_error or ""
    if "not installed" in error:
        return ["install bubblewrap: `sudo apt-get install bubblewrap` (or `make sandbox`)"]
    fixes: list[str] = []
    if found.apparmor_restrict == "1" or "uid map" in error:
        fixes.append("AppArmor restricts user namespaces (Ubuntu 23.10+, GitHub's ubuntu-24.04): "
                     "`sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, or give "
                     "bwrap an AppArmor profile that allows `userns,` "
                     "(/etc/apparmor.d/bwrap: `profile bwrap /usr/bin/bwrap flags=(unconfined) "
                     "{ userns, }`, then `sudo apparmor_parser -r /etc/apparmor.d/bwrap`)")
    if found.userns_clone == "0":
        fixes.append("`sudo sysctl -w kernel.unprivileged_userns_clone=1`")
    if found.max_userns == "0":
        fixes.append("`sudo sysctl -w user.max_user_namespaces=15000`")
    if found.container:
        fixes.append(f"in a {found.container} container: start it with `--security-opt "
                     "seccomp=unconfined --security-opt apparmor=unconfined` (and `--cap-add "
                     "SYS_ADMIN` when the grader runs as root there), or run the grader as root "
                     "in the container for the uid level")
    elif found.seccomp:
        fixes.append("a seccomp filter blocks namespaces for this process: allow unshare/clone "
                     "with namespace flags, or run the grader as root for the uid level")
    if not fixes:
        fixes.append("let this user create user namespaces (check `unshare --user true`), or "
                     "run the grader as root for the uid level")
    return fixes


def choose(requested: str | None = None, *, found: Probe | None = None) -> Choice:
    """The level for `requested` (default: $NN_GRADER_SANDBOX, else auto) on this machine.
    IsolationRefused when it asks for what is not available, or when auto finds nothing that
    protects the grader (no bubblewrap, not root)."""
    wanted = (requested or os.environ.get(ENV) or "auto").strip().lower()
    if wanted not in REQUESTS:
        raise IsolationRefused(f"isolation {wanted!r} is not one of {', '.join(REQUESTS)} "
                               f"(--isolation or {ENV})")
    if wanted == "none":
        return Choice("none", wanted)
    found = probe() if found is None else found
    why = "" if found.bwrap_error is None else found.bwrap_error
    if wanted == "subprocess":
        why = f"{ENV}=subprocess asks for the level without bubblewrap"
    elif wanted == "uid" and not why:
        why = "the uid level was asked for (--isolation uid or NN_GRADER_SANDBOX=uid)"
    if not why and wanted in ("auto", "bubblewrap"):
        return Choice("bubblewrap", wanted)
    fixes = tuple(bubblewrap_fixes(found)) if found.bwrap_error is not None else ()
    if wanted == "bubblewrap":
        raise IsolationRefused("\n".join([f"bubblewrap was asked for but cannot run: {why}",
                                          *(f"fix: {f}" for f in fixes)]))
    if found.euid == 0:
        blockers = interpreter_blockers()
        if blockers:
            raise IsolationRefused("\n".join([
                "refusing to grade untrusted code: the uid level cannot run here",
                f"  not bubblewrap: {why}", *(f"  fix: {f}" for f in fixes),
                f"  not uid: {interpreter_fix(blockers)}"]))
        return Choice("uid", wanted, why, fixes)
    raise IsolationRefused("\n".join([
        "refusing to grade untrusted code: no isolation level protects the grader here",
        f"  not bubblewrap: {why}",
        f"  not uid: the grader is not root (uid {found.euid}), so it cannot run submissions "
        "as another user",
        *(f"  fix: {f}" for f in fixes),
        "  or run the grader as root in a container (the uid level), or, for trusted code "
        "only (your own solutions), `--isolation none`",
    ]))


def for_own_code() -> str:
    """The level for `grader check` on a student's own code: bubblewrap where it works, else
    none (their own code on their own machine: never refused, never a uid switch);
    $NN_GRADER_SANDBOX=none or subprocess asks for none."""

    if os.environ.get(ENV, "").strip().lower() in ("none", "subprocess"):
        return "none"
    return "bubblewrap" if bwrap_works() else "none"


def for_trusted_batch() -> str:
    """The level for a batch of trusted code (the demo class): what `auto` gives where it is
    not refused, else none."""
    try:
        return choose(None).level
    except IsolationRefused:
        return "none"


# -- the uid level: files ---------------------------------------------------------------------

def others_can_reach(path: Path) -> bool:
    """Whether a user who is neither owner nor in the group can read `path` (every folder on
    the way searchable by others, the path itself readable). ACLs are not looked at."""
    path = Path(os.path.abspath(path))
    try:
        for folder in path.parents:
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return False
        return bool(os.stat(path).st_mode & stat.S_IROTH)
    except OSError:
        return False


@cache
def interpreter_blockers() -> tuple[str, ...]:
    """What keeps the sandbox's uid from running this interpreter and importing numpy:
    each blocked path with the folder that closes it."""
    import numpy

    needed = [Path(sys.executable).resolve(), Path(sys.base_prefix) / "lib",
              Path(numpy.__file__).parent]
    blockers = []
    for path in needed:
        if others_can_reach(path):
            continue
        closed = next((str(f) for f in reversed(Path(os.path.abspath(path)).parents)
                       if not os.stat(f).st_mode & stat.S_IXOTH), str(path))
        blockers.append(f"{path} (closed by {closed})")
    return tuple(blockers)


def interpreter_fix(blockers: tuple[str, ...]) -> str:
    return ("the sandbox's uid cannot read the grader's Python: " + "; ".join(blockers) +
            ". Install the grader into a place other users can read (`python3 -m venv "
            "/opt/nn-grader && /opt/nn-grader/bin/pip install <this checkout, or the wheel "
            "`make grader-wheel` builds>`), or open the "
            "closing folder for passing through only (`chmod o+x FOLDER`, not o+r)")


def make_private(paths: list[Path]) -> list[Path]:
    """`chmod o-rwx` on each existing path that other users can reach (the uid level's
    protection of the grader's files); returns those changed."""
    changed = []
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            continue
        if mode & 0o007:
            os.chmod(path, stat.S_IMODE(mode) & ~0o007)
            changed.append(path)
    return changed


def private_paths(assignment_folder: Path, reference: str, submissions: Path,
                  out: Path) -> list[Path]:
    """What the uid level makes private to root before a batch: the assignment folder (hidden
    tests, solution file), the submissions (other students' files), the results, the grader
    and reference packages, and the reference module's top-level package (or the module file
    and its caches)."""
    import importlib.util


    paths = [assignment_folder, submissions, out, *protected_packages()]
    if not reference.endswith((".py", ".ipynb")):
        try:
            spec = importlib.util.find_spec(reference.split(".")[0])
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            paths += [Path(p) for p in spec.submodule_search_locations]
        elif spec is not None and spec.origin:
            origin = Path(spec.origin)
            paths += [origin, *origin.parent.glob(f"__pycache__/{origin.stem}.*")]
    return paths


def choose_mode(mode: str | None = None) -> str:
    """The level a worker runs at: `mode` ('bubblewrap', 'uid', 'none'; 'subprocess' is 'none')
    if given, else grader.sandbox.isolation.choose() ($NN_GRADER_SANDBOX, else the best available;
    IsolationRefused when nothing protects the grader)."""
    if mode is None:
        return choose().level
    wanted = "none" if mode == "subprocess" else mode
    if wanted not in LEVELS:
        raise ValueError(f"isolation mode {mode!r}: use one of {', '.join(LEVELS)}")
    if wanted == "bubblewrap" and not bwrap_works():
        raise RuntimeError("\n".join(["bubblewrap was asked for but is missing or cannot create "
                                      "namespaces here", *bubblewrap_fixes(probe())]))
    if wanted == "uid" and os.geteuid() != 0:
        raise RuntimeError("the uid level needs the grader to run as root")
    if wanted == "uid" and (blockers := interpreter_blockers()):
        raise RuntimeError(interpreter_fix(blockers))
    return wanted


_warned = threading.Lock()


def warn_weak_isolation() -> None:
    """Print the weak-isolation warning once per process (thread-safe)."""
    if not _warned.acquire(blocking=False):
        return

    if not has_bundled_assignments():  # the student build: the student checks their own work
        print("note: bubblewrap is not available on this computer, so your code runs in a "
              "separate process with resource limits only. That is fine for checking your own "
              "work: the visible tests and their points are the same as when it is graded.",
              file=sys.stderr)
        return
    print("WARNING: nn-grader is running student code WITHOUT isolation (--isolation none): "
          "WITHOUT bubblewrap or a uid of its own, only a plain "
          "subprocess with resource limits separates it from the grader. A hostile submission "
          "can read the hidden tests and the reference and write next to the results. Install "
          "bubblewrap (`make sandbox`) for real isolation.", file=sys.stderr)
    if getattr(os, "geteuid", lambda: -1)() == 0:
        print("WARNING: the grader runs as root, so without bubblewrap student code runs as "
              "root too: it can lift its own resource limits, leave its cgroup and signal any "
              "process. Do not grade untrusted submissions this way.", file=sys.stderr)


@cache
def remove_stale_tmp(age: float = 6 * 3600) -> None:
    """Remove the fallback's private folders left behind by a grader that was killed (once per
    process). A worker lives for one submission, so a folder hours old is nobody's any more."""
    now = kernel_now()
    for folder in Path(tempfile.gettempdir()).glob("nngrader-*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and now - folder.stat().st_mtime > age:
                shutil.rmtree(folder, ignore_errors=True)
