"""`pmo-check check` in a real terminal (tmux, 80 columns) on a folder of a few hundred generated
documents: the progress bar shows and goes, no line runs past the edge or breaks inside a word, the
columns of Chinese findings line up; piped, no escape codes and no progress; Ctrl-C stops cleanly.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from rich.cells import cell_len

from tests.support.clean_docs import make_docx
from tests.support.cli import ROOT, run_cli
from tests.support.config_fixtures import risk_register
from tests.support.terminal import EXIT_MARK, TMUX, Terminal

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)")

COPIES = 240
AS_OF = "2026-11-25"
SEVERITY_LINE = re.compile(r"^  (blocker|major|minor|info|review)  +(\S+)  +")
PROGRESS = re.compile(r"checking .*?(\d+)/(\d+)")


def _chinese_register(path: Path) -> Path:
    """A register on a sheet with a Chinese name: a wrong score (RR-06), a missing owner (RR-08), a stale review."""
    wb = Workbook()
    ws = wb.active
    ws.title = "风险登记册"
    ws.append(["风险登记册"])
    ws.append(["风险编号", "风险描述", "风险类别", "识别日期", "发生概率", "影响程度", "风险值", "风险等级", "责任人",
               "应对措施", "状态", "最近复核日期"])
    for i in range(6):
        ws.append([f"FX-{i + 1:02d}", "关键供应商人员可能被调往其他项目，导致接口联调延期并影响上线里程碑", "进度",
                   date(2026, 5, 1), 4, 5, 12 if i == 1 else 20, "极高", "" if i == 2 else "张伟",
                   "每周与供应商召开协调会", "未关闭", date(2026, 6, 1) if i == 3 else date(2026, 11, 20)])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A few hundred documents: mostly clean charters (EN/ZH), some with findings in English and Chinese
    (long messages that must wrap, Chinese sheet names and file names), and files a walk skips."""
    templates = tmp_path_factory.mktemp("templates")
    made = [
        make_docx(templates / "charter.docx"),
        make_docx(templates / "项目章程.docx", zh=True, title="项目章程"),
        make_docx(templates / "charter-no-revisions.docx", revisions=[]),
        make_docx(templates / "项目章程_缺少审批签字栏_请项目发起人补签.docx", zh=True, title="项目章程", approvals=[]),
        _chinese_register(templates / "风险登记册.xlsx"),
        risk_register(templates / "risk-register.xlsx"),
    ]
    root = tmp_path_factory.mktemp("project-folder")
    for i in range(COPIES):
        template = made[i % 2] if i % 8 else made[2 + (i // 8) % 4]  # 1 in 8 has findings
        sub = root / f"stage-{i // 60}"
        sub.mkdir(exist_ok=True)
        shutil.copyfile(template, sub / f"{i:03d}-{template.name}")
    (root / "minutes.pdf").write_bytes(b"%PDF-1.7\n")
    (root / "README.md").write_text("notes\n", encoding="utf-8")
    (root / "stage-1" / "deck.pptx").write_bytes(b"PK\x03\x04")
    return root


@pytest.fixture(scope="module")
def report(folder) -> dict:
    result = run_cli("check", str(folder), "--format", "json", "--as-of", AS_OF)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def terminal(tmp_path):
    opened: list[Terminal] = []

    def start(*args: str, **kwargs) -> Terminal:
        term = Terminal([sys.executable, "-m", "checker.cli", *args], tmp_path, **kwargs)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


def _texts(report: dict) -> str:
    """Every text the report prints about findings, one per line, as the text report words them."""
    from checker.report.where import where_under

    out = []
    for doc in report["documents"]:
        for f in doc["findings"]:
            location = f.get("location") or {}
            out += [f["message"], where_under(location, doc.get("language") or "en"), f"“{location.get('text', '')}”"]
            if f.get("suggestion"):
                out.append(f"→ {f['suggestion']}")
    return "\n".join(out)


def _cjk(ch: str) -> bool:
    return cell_len(ch) == 2


def test_in_a_terminal_the_report_fits_80_columns_and_breaks_only_between_words(terminal, folder, report):
    term = terminal("check", str(folder), "--as-of", AS_OF, "--workers", "2")
    status, bars = term.watch(lambda screen: bool(PROGRESS.search(screen)))
    assert status == 1
    documents = sum(1 for d in report["documents"] if not d.get("skipped"))
    # The progress bar showed on the terminal while documents were checked, counting up to all of them…
    counts = [tuple(map(int, m.groups())) for screen in bars for m in [PROGRESS.search(screen)]]
    assert counts and all(total == documents for _, total in counts), counts
    assert "━" in bars[-1]
    # …and is gone: the final screen and history hold the report alone, and the cursor is back.
    lines = term.history()
    assert not any(PROGRESS.search(line) or "━" in line for line in lines)
    assert term.cursor_visible()
    lines = lines[:next(i for i, line in enumerate(lines) if line.startswith(EXIT_MARK))]
    # Nothing ran past the right edge: the terminal wrapped no line (joining its wraps changes nothing).
    assert term.history(joined=True)[:len(lines)] == lines
    assert max(cell_len(line) for line in lines) <= 80
    # Every break the report made is between words (English) or between characters (Chinese).
    texts = _texts(report)
    spaces = cjk = 0
    for line, following in zip(lines, lines[1:]):
        tail, head = line.strip()[-12:], following.strip()[:12]
        if not tail or not head:
            continue
        if tail + " " + head in texts:
            spaces += 1
        elif tail + head in texts:
            assert _cjk(tail[-1]) or _cjk(head[0]) or not (tail[-1].isalnum() and head[0].isalnum()), \
                f"a word broken across lines:\n{line}\n{following}"
            cjk += _cjk(tail[-1]) or _cjk(head[0])
    assert spaces >= 20 and cjk >= 5, (spaces, cjk)  # long messages of both languages did wrap


def test_in_a_terminal_chinese_findings_keep_their_columns(terminal, folder):
    term = terminal("check", str(folder), "--as-of", AS_OF, "--quiet")
    status, _ = term.watch(lambda screen: False)
    assert status == 1
    lines = term.history()
    lines = lines[:next(i for i, line in enumerate(lines) if line.startswith(EXIT_MARK))]
    body = None  # the display column where the findings' texts start, the same all through the report
    in_finding = False
    chinese_continuations = chinese_places = 0
    for line in lines:
        match = SEVERITY_LINE.match(line)
        if match:
            assert body is None or cell_len(line[:match.end()]) == body, f"the columns moved:\n{line}"
            body, in_finding = cell_len(line[:match.end()]), True
            chinese_places += any(_cjk(ch) for ch in line[match.end():].split("!")[0])
        elif not line.startswith("  "):  # a document's header, a blank line, the summary
            in_finding = False
        elif in_finding:
            indent = len(line) - len(line.lstrip(" "))
            assert indent == body, f"a continuation line starts at column {indent}, not {body}:\n{line}"
            chinese_continuations += any(_cjk(ch) for ch in line)
    assert body is not None and chinese_places >= 3 and chinese_continuations >= 10


def test_piped_the_report_has_no_escape_codes_no_progress_and_one_line_per_item(folder, report):
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(folder), "--as-of", AS_OF],
                            capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TERM": "xterm-256color",
                                 "HOME": str(folder)})
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert result.stderr == ""  # no progress bar, no messages
    lines = {line.strip() for line in result.stdout.splitlines()}
    lines |= {line[m.end():] for line in result.stdout.splitlines() if (m := SEVERITY_LINE.match(line))}
    for doc in report["documents"]:
        for f in doc["findings"]:
            assert f["message"] in lines  # whole, on one line
    skipped = [line for line in result.stdout.splitlines() if line.startswith("Skipped")]
    assert skipped == ["Skipped 3 files that are not Word or Excel:"]
    assert f"{COPIES} documents checked, 0 unreadable, 3 skipped (not Word or Excel)" in result.stdout


def test_ctrl_c_stops_the_run_cleanly(terminal, folder):
    term = terminal("check", str(folder), "--as-of", AS_OF, "--workers", "2")
    deadline = time.monotonic() + 120
    while not (m := PROGRESS.search(term.screen())) or int(m.group(1)) < 2:
        assert time.monotonic() < deadline, term.screen()
        time.sleep(0.05)
    term.keys("C-c")
    status, _ = term.watch(lambda screen: False, timeout=90)
    lines = term.history()
    assert status == 2
    assert "pmo-check: interrupted" in lines
    assert not any("Traceback" in line or PROGRESS.search(line) for line in lines)
    assert not any(line.startswith(("  blocker", "  major")) for line in lines)  # no report
    assert term.cursor_visible()
    deadline = time.monotonic() + 20
    while term.processes():  # the worker processes go with it
        assert time.monotonic() < deadline, f"processes left behind: {term.processes()}"
        time.sleep(0.2)
