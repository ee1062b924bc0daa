"""Times one command: wall seconds, peak resident memory and CPU time, for spec/scale.md's scripts.

The child is waited for with `wait4`, which gives its resource usage to the microsecond and
its peak resident set; no `/usr/bin/time` process sits between (it added about a millisecond
to every run and read CPU time to the hundredth of a second only).
"""

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Run:
    """One run: wall seconds first, so that `min` picks the fastest."""

    seconds: float
    mb: float
    cpu: float


def measure(cmd: list[str]) -> Run:
    """Wall seconds, peak RSS in MB and user + system CPU seconds of one run of `cmd`; exits
    with the command's output if it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            err.seek(0)
            sys.exit(
                f"`{' '.join(cmd)}` failed ({proc.returncode}):\n"
                f"{out.read()[-2000:].decode(errors='replace')}\n"
                f"{err.read()[-2000:].decode(errors='replace')}"
            )
    # Linux reports ru_maxrss in kilobytes.
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one run of `cmd`."""
    r = measure(cmd)
    return r.seconds, r.mb
