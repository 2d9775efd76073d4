"""What the worker does to its own process (grader.sandbox.inside.worker loads this file by
path, like the codec; standard library only, and importable where `resource` is missing).

`set_limits`: the resource limits of every level, set before any student code runs (those the
platform has: macOS refuses RLIMIT_AS, Windows has no `resource` at all). `die_with_parent`:
the parent-death signal (Linux).

The uid level's confinement, applied before the worker imports anything:

`drop_privileges`: a uid/gid of its own for good: no supplementary groups; real, effective and
saved ids all set; PR_SET_NO_NEW_PRIVS (exec cannot grant privileges). `no_network`: a seccomp
filter (inherited by every child, never removable) that fails socket() for every family but
AF_UNIX with EACCES, and io_uring (which can open sockets without socket()), so the
submission reaches no network, not even the grader's loopback listeners (a Dask scheduler,
cloud metadata addresses).
"""

from __future__ import annotations

import ctypes
import os
import platform
import signal
import struct
from types import ModuleType

try:  # POSIX; the worker on Windows runs without resource limits
    import resource as _resource
except ImportError:
    _resource = None  # type: ignore[assignment]
resource: ModuleType | None = _resource

PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP = 4, 38, 22
SECCOMP_MODE_FILTER = 2
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO = 0x7FFF0000, 0x00050000
EACCES = 13
AF_UNIX = 1
ARCHES = {"x86_64": (0xC000003E, 41, 425), "aarch64": (0xC00000B7, 198, 425)}
"""machine -> (AUDIT_ARCH, __NR_socket, __NR_io_uring_setup)."""
X32_SYSCALL_BIT = 0x40000000


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def drop_privileges(uid: int, gid: int) -> None:
    """Become `uid`/`gid` for good; SystemExit if root could still be regained."""
    libc = _libc()
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getresuid() != (uid, uid, uid) or os.getresgid() != (gid, gid, gid) or os.getgroups():
        raise SystemExit("worker: the uid switch did not take")
    try:
        os.setuid(0)
    except PermissionError:
        pass
    else:
        raise SystemExit("worker: root could be regained after the uid switch")
    # A uid change makes the process non-dumpable (its /proc files root's): give it back its
    # own /proc like any process of that uid; only its own children share the uid.
    libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def no_network() -> bool:
    """Install the socket filter; False on a machine it does not know (nothing installed)."""
    known = ARCHES.get(platform.machine())
    if known is None:
        return False
    arch, nr_socket, nr_io_uring = known
    ld_w_abs, jeq_k, jge_k, ret_k = 0x20, 0x15, 0x35, 0x06
    deny = SECCOMP_RET_ERRNO | EACCES
    program = b"".join([
        _insn(ld_w_abs, 0, 0, 4),                    # 0: A = arch
        _insn(jeq_k, 1, 0, arch),                    # 1: our arch? go on : deny
        _insn(ret_k, 0, 0, deny),                    # 2
        _insn(ld_w_abs, 0, 0, 0),                    # 3: A = syscall number
        _insn(jge_k, 5, 0, X32_SYSCALL_BIT),         # 4: x32 calls -> 10 (deny)
        _insn(jeq_k, 4, 0, nr_io_uring),             # 5: io_uring_setup -> 10 (deny)
        _insn(jeq_k, 0, 2, nr_socket),               # 6: socket? 7 : 9 (allow)
        _insn(ld_w_abs, 0, 0, 16),                   # 7: A = low word of the family
        _insn(jeq_k, 0, 1, AF_UNIX),                 # 8: AF_UNIX? 9 : 10
        _insn(ret_k, 0, 0, SECCOMP_RET_ALLOW),       # 9
        _insn(ret_k, 0, 0, deny),                    # 10
    ])
    count = len(program) // 8
    buffer = ctypes.create_string_buffer(program, len(program))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(count, ctypes.cast(buffer, ctypes.c_void_p))
    libc = _libc()
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "seccomp filter")
    return True


def set_limits(limits: dict[str, int], *, shared_uid: bool) -> None:
    """Resource limits for this process and everything it starts (set before student code).

    RLIMIT_NPROC counts every task of the real user. In bubblewrap's own user namespace those
    are the sandbox's alone; with `shared_uid` (the fallback runs as the grader's user) the
    user's other tasks count too, so the limit is set above them, or not at all where they
    cannot be counted."""
    if resource is None:
        return
    mb = 2**20
    wanted = {
        resource.RLIMIT_AS: limits["memory_mb"] * mb,
        resource.RLIMIT_CPU: limits["cpu_seconds"],
        resource.RLIMIT_FSIZE: limits["file_size_mb"] * mb,
        resource.RLIMIT_NOFILE: limits["open_files"],
        resource.RLIMIT_CORE: 0,
    }
    others = user_tasks() if shared_uid else 0
    if others is not None:
        wanted[resource.RLIMIT_NPROC] = limits["processes"] + others
    for kind, value in wanted.items():
        try:
            _soft, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):  # e.g. macOS refuses RLIMIT_AS: keep the others
            continue


def user_tasks() -> int | None:
    """How many tasks (threads) the real user runs now, from /proc; None without /proc."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return None
    uid, count = str(getuid()), 0
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            with open(f"/proc/{entry}/status") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        if fields.get("Uid", "").split()[:1] == [uid]:
            count += int(fields.get("Threads", "1"))
    return count


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this worker when the grader dies (Linux; best effort). Under
    bubblewrap its --die-with-parent does this for the whole sandbox."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError, TypeError):  # no prctl (macOS), no CDLL(None) (Windows)
        pass
