"""Times one command: wall seconds and peak resident memory, for the scripts of spec/scale.md."""

import re
import subprocess
import sys
import time


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one run of `cmd`; exits if the command fails."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"`{' '.join(cmd)}` failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if not rss:
        sys.exit(f"cannot read /usr/bin/time output:\n{proc.stderr[-2000:]}")
    return seconds, int(rss.group(1)) / 1024
