"""No network for the process that runs queries: a seccomp filter on ``socket()``.

Oxigraph follows ``SERVICE`` with its own HTTP client.  The checks refuse SERVICE before a
query runs (``check``), but a check is a parser's opinion; this makes the answer not
depend on it.  ``deny_network()`` installs a seccomp-BPF filter (Linux, x86-64 and
AArch64) under which ``socket()`` fails with EACCES for every family but ``AF_UNIX``,
``io_uring_setup`` fails (io_uring can open sockets without the ``socket`` call), and the
x32 and 32-bit system call entries are refused.  The filter is inherited by every thread
and child and cannot be lifted (``PR_SET_NO_NEW_PRIVS``); a SERVICE that got past every
check would fail with "Permission denied" instead of reaching the network.

It is installed in the SPARQL worker processes of an on-disk store or the default
taxonomy.  A worker of a remote store must reach its server, so it runs without it (the
server evaluates the query: see docs/deploy.md).
"""

from __future__ import annotations

import ctypes
import platform
import struct
import sys

__all__ = ["SandboxUnavailable", "deny_network"]

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_RET_KILL_PROCESS = 0x80000000
_EACCES, _ENOSYS = 13, 38
_AF_UNIX = 1
# BPF opcodes: load word (absolute), jump if equal / greater or equal, return.
_LD, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06
# seccomp_data: nr at 0, arch at 4, args[0] (low word on little-endian) at 16.
_OFF_NR, _OFF_ARCH, _OFF_ARG0 = 0, 4, 16
#: machine -> (AUDIT_ARCH value, socket nr, io_uring_setup nr, first nr to refuse or None)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425, 0x40000000),  # x32 calls have bit 30 set
    "aarch64": (0xC00000B7, 198, 425, None),
}


class SandboxUnavailable(RuntimeError):
    """This platform cannot install the filter."""


def _ins(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def _program(arch: int, nr_socket: int, nr_io_uring: int, x32_from: int | None) -> list[bytes]:
    prog = [
        _ins(_LD, 0, 0, _OFF_ARCH),
        _ins(_JEQ, 1, 0, arch),
        _ins(_RET, 0, 0, _RET_KILL_PROCESS),  # another ABI (int 0x80 on x86-64): no
        _ins(_LD, 0, 0, _OFF_NR),
    ]
    if x32_from is not None:
        prog += [_ins(_JGE, 0, 1, x32_from), _ins(_RET, 0, 0, _RET_ERRNO | _ENOSYS)]
    prog += [
        _ins(_JEQ, 0, 1, nr_io_uring),
        _ins(_RET, 0, 0, _RET_ERRNO | _ENOSYS),
        _ins(_JEQ, 0, 3, nr_socket),
        _ins(_LD, 0, 0, _OFF_ARG0),
        _ins(_JEQ, 1, 0, _AF_UNIX),
        _ins(_RET, 0, 0, _RET_ERRNO | _EACCES),
        _ins(_RET, 0, 0, _RET_ALLOW),
    ]
    return prog


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def deny_network() -> None:
    """Forbid this process (and its threads and children) to open network sockets.

    Raises ``SandboxUnavailable`` where the filter cannot be installed.
    """
    machine = platform.machine().lower()
    if not sys.platform.startswith("linux") or machine not in _ARCHES:
        raise SandboxUnavailable(f"no seccomp filter for {sys.platform}/{machine}")
    code = b"".join(_program(*_ARCHES[machine]))
    buffer = ctypes.create_string_buffer(code)
    fprog = _SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong,
                           ctypes.c_ulong]  # fmt: skip
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        raise SandboxUnavailable(f"prctl(NO_NEW_PRIVS) failed: errno {ctypes.get_errno()}")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise SandboxUnavailable(f"seccomp filter refused: errno {ctypes.get_errno()}")
