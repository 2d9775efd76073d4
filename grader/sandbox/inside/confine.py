"""The uid level's confinement, applied by the worker to itself before it imports anything
(grader.sandbox.inside.worker loads this file by path, like the codec; standard library only).

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
import struct

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
