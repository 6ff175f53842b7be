"""The worker processes: the one way they are started, each ending with its parent."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the process that started it dies.

    A worker blocked on its queue never notices a parent killed with SIGKILL, and would
    go on holding memory (and a core) for nothing; on Linux the kernel is asked to send
    SIGTERM on the parent's death (``prctl(PR_SET_PDEATHSIG)``), and a parent already
    gone by then (the worker is adopted) ends the worker at once.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """The one way worker processes are started: ``jobs`` of them, each ending with its parent."""
    from concurrent.futures import ProcessPoolExecutor  # not paid for by one-process runs

    return ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),))
