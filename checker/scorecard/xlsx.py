"""The scorecard as an Excel workbook a PMO can forward (openpyxl, native Excel charts).

Sheets: Summary (headline figures, the runs with a line chart of the trend, the groups of `group_by`
with a bar chart), one sheet per grouping found (portfolio, department, manager, projects) with the
scores banded by conditional formatting, Documents, and Findings (autofilter, frozen header,
hyperlinks to the documents). Scores are numbers, not text, so that the PMO can sort and chart them.
"""
from __future__ import annotations

import io
from typing import Any, Iterable, Sequence

from checker.core.findings import SEVERITIES
from checker.report.catalogue import RuleInfo, describe
from checker.report.labels import labels, majority_language
from checker.report.where import where
from checker.scorecard.model import Scorecard

HEADER_FILL = "1F2937"
BAND_FILLS = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
BAND_FONTS = {"green": "006100", "amber": "9C5700", "red": "9C0006"}
SHEET_OF = {"portfolio": "portfolio", "department": "department", "manager": "manager", "project": "sheet_projects"}


def render_xlsx(card: Scorecard, rules: dict[str, RuleInfo], language: str | None = None) -> bytes:
    from openpyxl import Workbook

    lang = language or majority_language(d.get("language") for d in card.documents)
    L = labels(lang)
    wb = Workbook()
    summary = wb.active
    summary.title = L["sheet_summary"]
    _summary(summary, card, L)
    for name in ("portfolio", "department", "manager", "project"):
        if name in card.groupings:
            ws = wb.create_sheet(L[SHEET_OF[name]][:31])
            if name == "project":
                _projects(ws, card, L)
            else:
                _grouping(ws, card, name, L)
    _documents(wb.create_sheet(L["sheet_documents"][:31]), card, L)
    _findings(wb.create_sheet(L["sheet_findings"][:31]), card, rules, lang, L)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- sheets


def _summary(ws: Any, card: Scorecard, L: Any) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font

    h = card.headline
    ws["A1"] = card.title or L["scorecard_title"]
    ws["A1"].font = Font(size=16, bold=True)
    if card.runs:
        ws["A2"] = f"{L['latest_run']}: {card.runs[0].id} · {card.runs[0].started_at}"
    figures = [(L["mean_score"], h["mean_score"]), (L["change"], h["change"]), (L["documents"], h["documents"]),
               (L["projects"], h["projects"]), (L["unreadable"], h["unreadable"]),
               (L["blocker_documents"], h["blocker_documents"]),
               (L["green_share"], h["green_share"] / 100 if h["green_share"] is not None else None),
               *[(L[s], h["findings"][s]) for s in SEVERITIES]]
    for i, (label, value) in enumerate(figures, start=4):
        ws.cell(i, 1, label).font = Font(bold=True)
        cell = ws.cell(i, 2, value)
        if label == L["green_share"]:
            cell.number_format = "0%"
        elif label in (L["mean_score"], L["change"]):
            cell.number_format = "0.0"

    # The runs, oldest first (the chart's left to right), and their line chart.
    top = 4
    runs = list(reversed(card.runs))
    _header(ws, top, 4, [L["run"], L["checked_at"], L["documents"], L["mean_score"]])
    for r, run in enumerate(runs, start=top + 1):
        for c, value in enumerate((run.id, run.started_at, run.documents, run.mean_score), start=4):
            ws.cell(r, c, value)
        ws.cell(r, 7).number_format = "0.0"
    if runs:
        chart = LineChart()
        chart.title = L["trend"]
        chart.y_axis.title = L["mean_score"]
        chart.x_axis.title = L["run"]
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        chart.add_data(Reference(ws, min_col=7, min_row=top, max_row=top + len(runs)), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=4, min_row=top + 1, max_row=top + len(runs)))
        chart.height, chart.width = 8, 16
        ws.add_chart(chart, "I4")

    # The groups of `group_by` and their bar chart.
    groups = [g for g in card.groupings.get(card.group_by, []) if g.score is not None]
    gtop = max(top + len(runs), 4 + len(figures)) + 3
    _header(ws, gtop, 4, [L[card.group_by], L["mean_score"]])
    for r, g in enumerate(groups, start=gtop + 1):
        ws.cell(r, 4, g.key)
        ws.cell(r, 5, g.score).number_format = "0.0"
    if groups:
        _band_rule(ws, f"E{gtop + 1}:E{gtop + len(groups)}", card)
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"{L['mean_score']} · {L[card.group_by]}"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        chart.add_data(Reference(ws, min_col=5, min_row=gtop, max_row=gtop + len(groups)), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=4, min_row=gtop + 1, max_row=gtop + len(groups)))
        chart.height, chart.width = max(6, 1 + 0.8 * len(groups)), 16
        chart.legend = None
        ws.add_chart(chart, f"I{gtop}")
    _band_rule(ws, "B4", card)
    _widths(ws, {"A": 28, "B": 12, "D": 22, "E": 24, "F": 12, "G": 12})


def _grouping(ws: Any, card: Scorecard, name: str, L: Any) -> None:
    columns = [L[name], L["projects"], L["documents"], *[L[s] for s in SEVERITIES], L["score"], L["band"]]
    rows = [[g.key, g.projects, g.documents, *[g.findings[s] for s in SEVERITIES], g.score, L[g.band] if g.band else None]
            for g in card.groupings[name]]
    _table(ws, columns, rows, card, score_col=len(columns) - 1)


def _projects(ws: Any, card: Scorecard, L: Any) -> None:
    names = [g for g in ("portfolio", "department", "manager") if g in card.groupings]
    gates = [L["gate"], L["decision"]] if card.gates else []
    columns = [L["project"], L["title"], *[L[n] for n in names], L["stage"], *gates, L["documents"],
               *[L[s] for s in SEVERITIES], L["score"], L["band"]]
    rows = [[p.key, p.name, *[p.groups.get(n) for n in names], L[p.stage] if p.stage else None,
             *(_gate(p, L) if gates else []), len(p.documents),
             *[p.findings[s] for s in SEVERITIES], p.score, L[p.band] if p.band else None] for p in card.projects]
    _table(ws, columns, rows, card, score_col=len(columns) - 1)


def _gate(project: Any, L: Any) -> list[str | None]:
    """The gate and its decision in the project's language of the workbook (None: not assessed)."""
    return [project.gate["id"], L[project.gate["decision"]]] if project.gate else [None, None]


def _documents(ws: Any, card: Scorecard, L: Any) -> None:
    columns = [L["document"], L["project"], L["type"], L["language"], L["score"], L["band"], L["error"]]
    rows = [[d["path"], d.get("project"), d.get("doc_type"), d.get("language"), d["score"],
             L[card.bands.of(d["score"])] if d["score"] is not None else None, d.get("error")] for d in card.documents]
    _table(ws, columns, rows, card, score_col=5)
    for r, d in enumerate(card.documents, start=2):
        _link(ws.cell(r, 1), d)


def _findings(ws: Any, card: Scorecard, rules: dict[str, RuleInfo], lang: str, L: Any) -> None:
    docs = {d["path"]: d for d in card.documents}
    columns = [L["document"], L["project"], L["type"], L["rule"], L["title"], L["severity"], L["message"],
               L["suggestion"], L["where"], L["suppressed"]]
    rows = []
    for f in card.findings:
        doc = docs.get(f["path"], {})
        rows.append([f["path"], doc.get("project"), doc.get("doc_type"), f["rule"],
                     describe(rules, f["rule"], f["severity"]).title.get(doc.get("language") or lang),
                     L[f["severity"]], f.get("message"), f.get("suggestion"),
                     where(f.get("location"), doc.get("language") or lang), L["suppressed"] if f.get("suppressed") else None])
    _table(ws, columns, rows, card)
    for r, f in enumerate(card.findings, start=2):
        _link(ws.cell(r, 1), docs.get(f["path"], {"path": f["path"]}))


# --------------------------------------------------------------------------- helpers


def _table(ws: Any, columns: Sequence[str], rows: Iterable[Sequence[Any]], card: Scorecard,
           score_col: int | None = None) -> None:
    """A header, the rows, an autofilter, the header frozen, widths to fit; the score column banded."""
    from openpyxl.utils import get_column_letter

    _header(ws, 1, 1, columns)
    n = 1
    for n, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            ws.cell(n, c, value)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(n, 1)}"
    ws.freeze_panes = "A2"
    if score_col is not None and n > 1:
        letter = get_column_letter(score_col)
        for r in range(2, n + 1):
            ws[f"{letter}{r}"].number_format = "0.0"
        _band_rule(ws, f"{letter}2:{letter}{n}", card)
    for c, title in enumerate(columns, start=1):
        values = [len(str(ws.cell(r, c).value or "")) for r in range(1, min(n, 200) + 1)]
        ws.column_dimensions[get_column_letter(c)].width = min(60, max(10, max(values, default=10) + 2, len(title) + 4))


def _header(ws: Any, row: int, col: int, titles: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for c, title in enumerate(titles, start=col):
        cell = ws.cell(row, c, title)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def _band_rule(ws: Any, ref: str, card: Scorecard | None = None) -> None:
    """Green / amber / red fills on scores, by the configured bands (conditional formatting, so a
    score the PMO edits recolours itself)."""
    if card is None:
        return
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    bands = card.bands
    # In priority order; the first rule that holds colours the cell.
    for band, operator, value in (("green", "greaterThanOrEqual", bands.green), ("amber", "greaterThanOrEqual", bands.amber),
                                  ("red", "lessThan", bands.amber)):
        ws.conditional_formatting.add(ref, CellIsRule(operator=operator, formula=[f"{value:g}"], stopIfTrue=True,
                                                      fill=PatternFill("solid", bgColor=BAND_FILLS[band]),
                                                      font=Font(color=BAND_FONTS[band])))


def _link(cell: Any, doc: dict[str, Any]) -> None:
    """A hyperlink to the document: its URL (SharePoint) or its path as a file link."""
    from pathlib import PurePath

    from openpyxl.styles import Font

    target = doc.get("url")
    if not target and doc.get("path"):
        path = PurePath(doc["path"])
        target = path.as_uri() if path.is_absolute() else doc["path"]
    if target:
        cell.hyperlink = target
        cell.font = Font(color="1D4ED8", underline="single")


def _widths(ws: Any, widths: dict[str, float]) -> None:
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
