#!/usr/bin/env python3
"""yjs against pyxform on the same form, side by side, on this machine (issue 18).

For each size N (default 200, 2,000 and 20,000 fields) the script writes one form of N fields
in 20 sections, half of the sections conditional on one situation, twice:

- as an XLSForm (`form.xlsx`: a `select_one` question, 20 groups, the conditional ones with a
  `relevant`), compiled by pyxform's `xls2xform --skip_validate`;
- as one `.yjs` matter (one situation, 20 items each with its own form, the conditional ones
  with a `when`), compiled by `yjs build` and checked by `yjs check`.

Every command runs three times; the table shows the best wall time and the peak resident
memory of that run (wall time from Python's clock around the process, memory from `wait4`,
`scripts/timing.py`). pyxform comes from PyPI into a virtual
environment under the cargo target folder (`$CARGO_TARGET_DIR`, else `target/`) the first
time.

    scripts/compare-pyxform.py [--sizes 200,2000,20000] [--yjs target/release/yjs] [--keep DIR] [--floor]

`--keep DIR` leaves each size's `.yjs` matter in `DIR/f<N>` (for `scripts/bench-cli.py`).

`--floor` prints a second table: the least time any build writing the same output can take on
this machine, against the 100× budget (pyxform's time divided by 100). The floor is the
process's start (`yjs --version`, best of 21) plus writing the tree `yjs build` wrote, its
bytes already in memory (`compiler/examples/write-floor.rs`, best of 30, built here with
cargo); whatever is left of the budget is all a build would have to read, parse, check and
serialize in.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import run

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
VENV = TARGET / "pyxform-venv"
PYXFORM = "pyxform==4.5.0"
SECTIONS = 20


def venv_python() -> Path:
    """The virtual environment's python, with pyxform and openpyxl installed once."""
    py = VENV / "bin" / "python"
    marker = VENV / "installed.txt"
    if not py.exists() or not marker.exists() or marker.read_text() != PYXFORM:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", PYXFORM, "openpyxl"],
            check=True,
        )
        marker.write_text(PYXFORM)
    return py


def field_counts(n: int) -> list[int]:
    """How many fields each of the 20 sections has: `n` spread as evenly as possible."""
    base, extra = divmod(n, SECTIONS)
    return [base + (1 if s < extra else 0) for s in range(SECTIONS)]


def write_xlsform(py: Path, n: int, path: Path) -> None:
    """Writes the XLSForm with openpyxl from the virtual environment."""
    code = f"""
import openpyxl
wb = openpyxl.Workbook()
survey = wb.active
survey.title = "survey"
survey.append(["type", "name", "label", "required", "relevant", "constraint"])
survey.append(["select_one mode", "mode", "办理情形", "yes", "", ""])
counts = {field_counts(n)!r}
for s, count in enumerate(counts):
    relevant = "${{mode}} = 'b'" if s >= {SECTIONS // 2} else ""
    survey.append(["begin_group", f"s{{s}}", f"事项{{s}}", "", relevant, ""])
    for k in range(count):
        required = "yes" if k % 2 == 0 else ""
        survey.append(["text", f"f{{s}}_{{k}}", f"字段{{s}}-{{k}}", required, "", "string-length(.) <= 50"])
    survey.append(["end_group", f"s{{s}}", "", "", "", ""])
choices = wb.create_sheet("choices")
choices.append(["list_name", "name", "label"])
choices.append(["mode", "a", "情形甲"])
choices.append(["mode", "b", "情形乙"])
settings = wb.create_sheet("settings")
settings.append(["form_title", "form_id"])
settings.append(["大表单", "big"])
wb.save({str(path)!r})
"""
    subprocess.run([str(py), "-c", code], check=True)


def write_yjs(n: int, folder: Path) -> None:
    """Writes the same form as one matter and its departments."""
    (folder / "common").mkdir(parents=True, exist_ok=True)
    deps = ['department zwfw "政务服务中心"']
    deps += [f'department d{d:02} "部门{d}"' for d in range(1, SECTIONS + 1)]
    (folder / "common" / "departments.yjs").write_text("\n".join(deps) + "\n", encoding="utf-8")
    out = [
        'use "common/departments.yjs"',
        "",
        'matter big "大表单" {',
        "  lead d01",
        "  window zwfw",
        "  promise 3 workdays",
        '  situation mode "办理情形" { a "情形甲"; b "情形乙" }',
    ]
    for s, count in enumerate(field_counts(n)):
        out += [
            f'  item s{s} "事项{s}" {{',
            f"    department d{s + 1:02}",
            "    legal 10 workdays",
            "    promise 1 workday",
        ]
        if s >= SECTIONS // 2:
            out.append("    when mode == b")
        out.append("    form {")
        for k in range(count):
            required = "required; " if k % 2 == 0 else ""
            out.append(f'      f{s}_{k} "字段{s}-{k}" text {{ {required}max_length 50 }}')
        out += ["    }", "  }"]
    out.append("}")
    (folder / "big.yjs").write_text("\n".join(out) + "\n", encoding="utf-8")


def measure(cmd: list[str], runs: int = 3) -> tuple[float, float]:
    """Best wall time in seconds over `runs`, and that run's peak RSS in MB."""
    best = None
    for _ in range(runs):
        seconds, mb = run(cmd)
        if best is None or seconds < best[0]:
            best = (seconds, mb)
    return best


WRITE_FLOOR = TARGET / "release" / "examples" / "write-floor"


def build_write_floor() -> None:
    """Builds `compiler/examples/write-floor.rs` once, before the sizes are measured."""
    subprocess.run(
        ["cargo", "build", "-q", "--release", "-p", "yjs-compiler", "--example", "write-floor"],
        cwd=ROOT,
        check=True,
    )


def write_floor(out: Path) -> float:
    """Best seconds to write the tree in `out` from memory (`compiler/examples/write-floor.rs`)."""
    line = subprocess.run([str(WRITE_FLOOR), str(out)], check=True, capture_output=True, text=True).stdout
    return float(line.split("best write ")[1].split(" ms")[0]) / 1e3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="200,2000,20000")
    ap.add_argument("--yjs", default=str(TARGET / "release" / "yjs"))
    ap.add_argument("--keep", help="leave each size's .yjs matter in KEEP/f<N>")
    ap.add_argument("--floor", action="store_true", help="also print the least time a build can take")
    args = ap.parse_args()
    yjs = Path(args.yjs)
    if not yjs.exists():
        sys.exit(f"{yjs} does not exist: run `cargo build --release` first")
    py = venv_python()
    xls2xform = VENV / "bin" / "xls2xform"
    rows = []
    floors = []
    start = 0.0
    if args.floor:
        build_write_floor()
        start = measure([str(yjs), "--version"], runs=21)[0]
    with tempfile.TemporaryDirectory(prefix="yjs-vs-pyxform-") as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            d = Path(tmp) / str(n)
            d.mkdir()
            write_xlsform(py, n, d / "form.xlsx")
            write_yjs(n, d / "src")
            size = (d / "src" / "big.yjs").stat().st_size
            pyx = measure([str(xls2xform), "--skip_validate", str(d / "form.xlsx"), str(d / "form.xml")])
            out = d / "out"
            build = measure([str(yjs), "build", str(d / "src"), "--out", str(out)])
            check = measure([str(yjs), "check", str(d / "src")])
            rows.append((n, size, pyx, build, check))
            if args.floor:
                floors.append((n, pyx[0] / 100, start, write_floor(out), check[0]))
            shutil.rmtree(out, ignore_errors=True)
            if args.keep:
                kept = Path(args.keep) / f"f{n}"
                shutil.rmtree(kept, ignore_errors=True)
                shutil.copytree(d / "src", kept)
    print("| fields | source | pyxform | `yjs build` | build ratio | `yjs check` | check speed |")
    print("|---|---|---|---|---|---|---|")
    for n, size, pyx, build, check in rows:
        print(
            f"| {n:,} | {size / 1e6:.2f} MB | {pyx[0]:.3f} s, {pyx[1]:.0f} MB | "
            f"{build[0]:.3f} s, {build[1]:.0f} MB | {pyx[0] / build[0]:.0f}× | "
            f"{check[0]:.3f} s, {check[1]:.0f} MB | {size / 1e6 / check[0]:.1f} MB/s |"
        )
    if floors:
        print()
        print("| fields | 100× budget | process start | writing the output | floor | left of the budget | `yjs check` |")
        print("|---|---|---|---|---|---|---|")
        for n, budget, start_s, write_s, check_s in floors:
            floor = start_s + write_s
            print(
                f"| {n:,} | {budget * 1e3:.1f} ms | {start_s * 1e3:.1f} ms | {write_s * 1e3:.1f} ms | "
                f"{floor * 1e3:.1f} ms | {(budget - floor) * 1e3:.1f} ms | {check_s * 1e3:.1f} ms |"
            )


if __name__ == "__main__":
    main()
