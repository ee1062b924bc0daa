#!/usr/bin/env python3
"""Wall time and peak memory of `yjs check` and `yjs build` on folders of sources (spec/scale.md).

For each folder, each binary runs `check` and `build` (into a fresh folder under /dev/shm, so
the file system's own time is left out) `--runs` times, the binaries interleaved run by run so
that a change of load hits each alike; the table shows the best, first-quartile and median
wall time, the peak resident memory of the best run and the least CPU time (user + system,
which grows with threads where the wall time may not) of any run (`scripts/timing.py`).

    scripts/bench-cli.py [--yjs target/release/yjs[,other/yjs]] [--runs 7] DIR...

The 200-, 2,000- and 20,000-field matters of the pyxform comparison are written by
`scripts/compare-pyxform.py --keep DIR`; the catalogs by `gen-catalog` (spec/scale.md).
"""

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from timing import measure

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--yjs", default=str(ROOT / "target" / "release" / "yjs"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    bins = args.yjs.split(",")
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    print("| source | binary | command | best | first quartile | median | peak (best run) | CPU (least) |")
    print("|---|---|---|---|---|---|---|---|")
    for d in args.dirs:
        for command in ("check", "build"):
            runs = {b: [] for b in bins}
            for _ in range(args.runs):
                for b in bins:
                    out = Path(tempfile.mkdtemp(prefix="yjs-bench-", dir=shm))
                    cmd = [b, command, d] + (["--out", str(out / "out")] if command == "build" else [])
                    runs[b].append(measure(cmd))
                    shutil.rmtree(out, ignore_errors=True)
            for b in bins:
                best = min(runs[b])
                walls = sorted(r.seconds for r in runs[b])
                q1 = walls[len(walls) // 4]
                med = statistics.median(walls)
                cpu = min(r.cpu for r in runs[b])
                print(
                    f"| {d} | {b} | {command} | {best.seconds * 1000:.1f} ms | {q1 * 1000:.1f} ms | "
                    f"{med * 1000:.1f} ms | {best.mb:.0f} MB | {cpu * 1000:.1f} ms |"
                )


if __name__ == "__main__":
    main()
