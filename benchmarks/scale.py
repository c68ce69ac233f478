"""Is a check linear in the document's size? (`python -m benchmarks --scale`)

Four layouts a PMO's largest documents take, each at 1k, 20k and 200k units (body paragraphs, or
register rows):

* `prose` — a programme plan: a heading every 25 paragraphs (a level-1 heading every 8 sections);
* `tables` — the same with a 10×5 table (a header row, nine rows of records) closing each section;
* `flat` — paragraphs without any heading (a pasted export, a long narrative);
* `register` — a risk register (the `register` workload's layout).

For each file, in fresh processes: the first check (`checker.check`, after the imports and the rules
a worker builds before its first document, `checker.run.worker._preload`) and the floor
(`benchmarks.floor`: unzip, parse, walk the text) in CPU time, the median of `repeat` runs, and the
peak RSS of the check. Printed: µs of check per unit (flat from 20k to 200k when the check is
linear), the growth from the size below (the check's time ratio beside the size ratio, ×10 when
linear, and the change in µs per unit), the check over the floor of the same file, and the peak.
CPU time and ratios within one run keep the figures meaningful on a shared, loaded machine; the load
average is printed with them.
"""
from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

from benchmarks.workloads import PEOPLE_EN, PLAN_SECTIONS, STATUSES, _paragraph, _sentence, work_dir, write_register
from tests.support import ooxml
from tests.support.pmo_template import control_block
from tests.support.projects import PROJECT_NAME
from tests.support.word import WordWriter

SIZES = (1_000, 20_000, 200_000)
QUICK_SIZES = (100, 400)
SECTION = 25  # paragraphs per section
TABLE_HEADER = ("Deliverable", "Owner", "Due Date", "Status", "Notes")
_MARK = "@@SCALE-BODY@@"
_ROOT = Path(__file__).resolve().parent.parent


def _p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(rows: list[tuple[str, ...]]) -> str:
    cols = len(rows[0])
    grid = "".join('<w:gridCol w:w="1728"/>' for _ in range(cols))
    body = "".join("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="1728" w:type="dxa"/></w:tcPr>{_p(v)}</w:tc>'
                                      for v in row) + "</w:tr>" for row in rows)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')


def _body(layout: str, units: int, rng: random.Random) -> str:
    parts: list[str] = []
    for i in range(units):
        if layout != "flat" and i % SECTION == 0:
            s = i // SECTION
            if s and layout == "tables":
                parts.append(_records(rng, s - 1))
            topic = PLAN_SECTIONS[(s // 8) % len(PLAN_SECTIONS)]
            parts.append(_p(topic, "Heading1") if s % 8 == 0 else _p(f"{topic}: work package {s}", "Heading2"))
        parts.append(_p(_paragraph(rng, 40, 0.15)))
    if layout == "tables":
        parts.append(_records(rng, (units - 1) // SECTION))
    return "".join(parts)


def _records(rng: random.Random, s: int) -> str:
    rows = [TABLE_HEADER] + [(f"D-{s}.{r} {_sentence(rng, 3)[:-1]}", rng.choice(PEOPLE_EN),
                              f"2026-{1 + (s + r) % 12:02d}-{1 + r * 3:02d}", rng.choice(STATUSES), _sentence(rng, 8))
                             for r in range(1, 10)]
    return _table(rows)


def write_plan(path: Path, layout: str, units: int, seed: int = 17) -> Path:
    """A plan of `units` body paragraphs in `layout` (`prose`, `tables`, `flat`): the front matter
    written by WordWriter (title, doc control, revision history, approvals), the body spliced in as XML
    (python-docx appends a paragraph in time proportional to the document: minutes at 200k)."""
    rng = random.Random(seed)
    w = WordWriter("en")
    w.properties(title="Programme Management Plan", author=PEOPLE_EN[2], when="2026-01-01")
    w.title("Programme Management Plan", PROJECT_NAME["en"])
    w.kv_table(control_block("en", project_name=PROJECT_NAME["en"], project_id="PRJ-2026-017",
                             title="Programme Management Plan", version="1.0", status="Final", date="2026-01-12",
                             author=PEOPLE_EN[2], owner=PEOPLE_EN[1]))
    w.para(_MARK)
    if layout != "flat":
        w.heading("Approvals")
        w.approvals_table([(PEOPLE_EN[0], "Programme Sponsor", f"/s/ {PEOPLE_EN[0]}", "2026-01-14")])
    path.parent.mkdir(parents=True, exist_ok=True)
    w.save(path)
    files = ooxml.parts(path.read_bytes())
    xml = files["word/document.xml"].decode("utf-8")
    marker = re.search(r"<w:p>(?:(?!<w:p>).)*?" + _MARK + r".*?</w:p>", xml, re.S)
    assert marker, "the body marker paragraph"
    files["word/document.xml"] = (xml[:marker.start()] + _body(layout, units, rng) + xml[marker.end():]).encode()
    return ooxml.write_package(path, list(files.items()))


LAYOUTS: dict[str, tuple[str, Callable[[Path, int], Path]]] = {
    "prose": ("docx", lambda p, n: write_plan(p, "prose", n)),
    "tables": ("docx", lambda p, n: write_plan(p, "tables", n)),
    "flat": ("docx", lambda p, n: write_plan(p, "flat", n)),
    "register": ("xlsx", lambda p, n: write_register(p, n, seed=19)),
}


def prepare(layout: str, units: int, quick: bool = False) -> Path:
    ext, make = LAYOUTS[layout]
    target = work_dir(quick) / "scale" / f"{layout}-{units}.{ext}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        make(target, units)
    return target


def _child(mode: str, path: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(_ROOT)}
    out = subprocess.run([sys.executable, "-m", "benchmarks.child", mode, str(path)], cwd=_ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def measure(layout: str, units: int, repeat: int, quick: bool = False) -> dict[str, Any]:
    """Median CPU seconds of the floor and of the first check, each in fresh processes, and the peak."""
    path = prepare(layout, units, quick)
    floors = [_child("floor", path)["cpu_s"] for _ in range(repeat)]
    checks = [_child("first-check", path) for _ in range(repeat)]
    check_s = statistics.median(c["cpu_s"] for c in checks)
    floor_s = statistics.median(floors)
    return {"layout": layout, "units": units, "bytes": path.stat().st_size, "floor_s": floor_s, "check_s": check_s,
            "us_per_unit": check_s / units * 1e6, "ratio": check_s / floor_s, "peak_mb": max(c["peak_mb"] for c in checks),
            "summary": checks[0]["summary"], "runs": [round(c["cpu_s"], 3) for c in checks]}


def run(layouts: list[str], repeat: int, quick: bool) -> list[dict[str, Any]]:
    sizes = QUICK_SIZES if quick else SIZES
    rows = []
    for layout in layouts:
        for units in sizes:
            print(f"… {layout} {units:,} (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
            rows.append(measure(layout, units, repeat, quick))
        first, last = rows[-2], rows[-1]  # the two largest sizes: linear means flat per-unit cost
        last["growth"] = last["us_per_unit"] / first["us_per_unit"]
        last["time_ratio"] = last["check_s"] / first["check_s"]  # linear: near the size ratio
        last["size_ratio"] = last["units"] / first["units"]
    return rows


def render(rows: list[dict[str, Any]], load: tuple[float, float]) -> None:
    print(f"first check in a fresh process, CPU time, median; load average {load[0]:.1f} at start, {load[1]:.1f} at end")
    print(f"{'layout':<9} {'units':>8} {'size':>9} {'floor':>9} {'check':>9} {'µs/unit':>8} {'×floor':>7} "
          f"{'peak MB':>8} {'time × for size ×, per unit':>27}  findings / errors")
    for r in rows:
        growth = (f"×{r['time_ratio']:.1f} for ×{r['size_ratio']:.0f}, {(r['growth'] - 1) * 100:+.0f} %"
                  if "growth" in r else "")
        errors = ",".join(r["summary"].get("error_codes") or []) or "-"
        print(f"{r['layout']:<9} {r['units']:>8,} {r['bytes'] / 2**20:>7.1f}MB {r['floor_s']:>8.2f}s {r['check_s']:>8.2f}s "
              f"{r['us_per_unit']:>8.1f} {r['ratio']:>6.1f}× {r['peak_mb']:>8.0f} {growth:>27}  "
              f"{r['summary'].get('findings')} / {errors}")
