"""The step library: business-language steps (English and Chinese) over real Word and Excel documents.

`Given` steps describe a document (a clean one of its type, then the one thing a scenario is
about); `When it is checked` writes it to disk and runs `checker.check` with the scenarios' check
date; `Then` steps assert on the findings: rule, severity, location and the language of the message.

Chinese severity words: 阻断 = blocker, 重大 = major, 一般 = minor, 提示 = info.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from features.steps.documents import RegisterDoc, WordSpec, register, word_document
from tests.support.checking import check_one

SEVERITIES = ("blocker", "major", "minor", "info")
ZH_SEVERITY = {"阻断": "blocker", "重大": "major", "一般": "minor", "提示": "info"}

WORD_TYPES = {  # what an analyst calls the document → doc type
    "charter": "CHARTER", "project charter": "CHARTER", "scope statement": "SCOPE_STATEMENT",
    "project management plan": "PMP", "business case": "INIT_REQUEST_BC", "closure report": "CLOSURE_REPORT",
    "cost management plan": "COST_PLAN", "status report": "STATUS_REPORT", "change request": "CHANGE_REQUEST",
    "项目章程": "CHARTER", "项目范围说明书": "SCOPE_STATEMENT", "项目周报": "STATUS_REPORT",
}
REGISTER_TYPES = {
    "risk register": "RISK_REGISTER", "issue register": "ISSUE_REGISTER", "change log": "CHANGE_LOG",
    "lessons-learned register": "LESSONS", "schedule": "SCHEDULE",
    "风险登记册": "RISK_REGISTER", "问题日志": "ISSUE_REGISTER", "变更日志": "CHANGE_LOG", "进度计划": "SCHEDULE",
}
TYPE_NAMES = {**{k: v for k, v in WORD_TYPES.items()}, **REGISTER_TYPES, "RACI matrix": "RACI", "RACI 矩阵": "RACI",
              "unknown document": "UNKNOWN"}
_WORD = "|".join(sorted((k for k in WORD_TYPES if k.isascii()), key=len, reverse=True))
_REG = "|".join(sorted((k for k in REGISTER_TYPES if k.isascii()), key=len, reverse=True))
_RULE = r"(?P<rule>[A-Z]+-\d+)"


class Scenario:
    """What a scenario has described and what the checker said about it."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.doc: WordSpec | RegisterDoc | None = None
        self.macro = False
        self.external_link = False
        self.result: dict[str, Any] | None = None
        self.last: list[dict[str, Any]] = []  # the findings the previous Then step was about

    def findings(self, rule: str | None = None) -> list[dict[str, Any]]:
        assert self.result is not None, "the document has not been checked yet"
        return [f for f in self.result["findings"] if rule is None or f["rule"] == rule]

    def word(self) -> WordSpec:
        assert isinstance(self.doc, WordSpec), "this step needs a Word document"
        return self.doc

    def register(self) -> RegisterDoc:
        assert isinstance(self.doc, RegisterDoc), "this step needs a register"
        return self.doc


@pytest.fixture
def pmo(tmp_path: Path) -> Scenario:
    return Scenario(tmp_path)


def _describe(found: list[dict[str, Any]]) -> str:
    return "; ".join(f"{f['rule']} {f['severity']} {f.get('location')} {f['message'][:90]}" for f in found) or "nothing"


# --- Given: Word documents --------------------------------------------------------------------------------

@given(parsers.re(rf"an? (?P<lang>English|Chinese) (?P<name>{_WORD})$"))
def given_word(pmo: Scenario, lang: str, name: str) -> None:
    pmo.doc = word_document(WORD_TYPES[name], zh=lang == "Chinese")


@given(parsers.re(r"一份中文(?P<name>项目章程|项目范围说明书|项目周报)$"))
def given_word_zh(pmo: Scenario, name: str) -> None:
    pmo.doc = word_document(WORD_TYPES[name], zh=True)


def _section_index(spec: WordSpec, heading: str) -> int:
    for i, (title, _) in enumerate(spec.sections):
        if heading.lower() in title.lower():
            return i
    raise AssertionError(f"the {spec.doc_type} has no section like {heading!r}: {[t for t, _ in spec.sections]}")


@given(parsers.re(r'its section "(?P<heading>[^"]+)" is missing$'))
@given(parsers.re(r"其章节“(?P<heading>[^”]+)”缺失$"))
def section_missing(pmo: Scenario, heading: str) -> None:
    spec = pmo.word()
    del spec.sections[_section_index(spec, heading)]


@given(parsers.re(r'its section "(?P<heading>[^"]+)" says "(?P<text>[^"]*)"$'))
@given(parsers.re(r"其章节“(?P<heading>[^”]+)”写着“(?P<text>[^”]*)”$"))
def section_says(pmo: Scenario, heading: str, text: str) -> None:
    spec = pmo.word()
    i = _section_index(spec, heading)
    spec.sections[i] = (spec.sections[i][0], text)


@given(parsers.re(r'its section "(?P<heading>[^"]+)" is this table:$'))
@given(parsers.re(r"其章节“(?P<heading>[^”]+)”为下表：$"))
def section_table(pmo: Scenario, heading: str, datatable: list[list[str]]) -> None:
    spec = pmo.word()
    i = _section_index(spec, heading)
    spec.sections[i] = (spec.sections[i][0], [list(row) for row in datatable])


@given(parsers.re(r'it has an extra section "(?P<heading>[^"]+)" saying "(?P<text>[^"]*)"$'))
@given(parsers.re(r"其新增章节“(?P<heading>[^”]+)”，内容为“(?P<text>[^”]*)”$"))
def extra_section(pmo: Scenario, heading: str, text: str) -> None:
    pmo.word().sections.append((heading, text))


@given(parsers.re(r'it has an extra section "(?P<heading>[^"]+)" with this table:$'))
@given(parsers.re(r"其新增章节“(?P<heading>[^”]+)”，内容为下表：$"))
def extra_section_table(pmo: Scenario, heading: str, datatable: list[list[str]]) -> None:
    pmo.word().sections.append((heading, [list(row) for row in datatable]))


@given(parsers.re(r'its (?:"(?P<field>[^"]+)"|(?P<plain>[a-z ]+)) field says "(?P<value>[^"]*)"$'))
@given(parsers.re(r"其“(?P<field>[^”]+)”填写为“(?P<value>[^”]*)”$"))
def field_says(pmo: Scenario, value: str, field: str | None = None, plain: str | None = None) -> None:
    spec = pmo.word()
    label = field or (plain or "").strip().title()
    spec.control[label] = value


@given(parsers.re(r'its title is "(?P<title>[^"]+)"$'))
@given(parsers.re(r"其标题为“(?P<title>[^”]+)”$"))
def title_is(pmo: Scenario, title: str) -> None:
    pmo.word().title = title


@given(parsers.re(r'its "(?P<field>[^"]+)" field is left out$'))
@given(parsers.re(r"其“(?P<field>[^”]+)”一栏被删除$"))
def field_left_out(pmo: Scenario, field: str) -> None:
    spec = pmo.word()
    assert field in spec.control, f"no field {field!r} in {list(spec.control)}"
    del spec.control[field]


@given(parsers.re(r"its approvals table is empty$"))
@given(parsers.re(r"其审批栏为空$"))
def approvals_empty(pmo: Scenario) -> None:
    spec = pmo.word()
    spec.approvals = [("", "", "", "")]  # the table is there, with its header and one blank row


@given(parsers.re(r"it has no approvals block$"))
@given(parsers.re(r"其没有审批栏$"))
def no_approvals(pmo: Scenario) -> None:
    pmo.word().approvals = []


@given(parsers.re(r"it is approved by:$"))
@given(parsers.re(r"其审批记录如下：$"))
def approved_by(pmo: Scenario, datatable: list[list[str]]) -> None:
    spec = pmo.word()
    spec.approval_header = tuple(datatable[0])
    spec.approvals = [tuple(row) for row in datatable[1:]]


@given(parsers.re(r"its revision history is:$"))
@given(parsers.re(r"其修订记录如下：$"))
def revision_history(pmo: Scenario, datatable: list[list[str]]) -> None:
    pmo.word().revisions = [tuple(row) for row in datatable[1:]]


@given(parsers.re(r"it has no revision history$"))
@given(parsers.re(r"其没有修订记录$"))
def no_revision_history(pmo: Scenario) -> None:
    pmo.word().revisions = []


@given(parsers.re(r"it is saved as a macro-enabled document$"))
def macro_enabled(pmo: Scenario) -> None:
    pmo.word()
    pmo.macro = True


# --- Given: registers (Excel) -----------------------------------------------------------------------------

@given(parsers.re(rf"an? (?P<name>{_REG}) with (?P<only>only )?these \w+:$"))
def given_register(pmo: Scenario, name: str, datatable: list[list[str]], only: str | None = None) -> None:
    pmo.doc = register(REGISTER_TYPES[name], False, datatable, only_given=bool(only))


@given(parsers.re(r"一份(?P<name>风险登记册|问题日志|变更日志|进度计划)包含以下\w+：$"))
def given_register_zh(pmo: Scenario, name: str, datatable: list[list[str]]) -> None:
    pmo.doc = register(REGISTER_TYPES[name], True, datatable)


@given(parsers.re(rf"a well-kept (?P<name>{_REG})$"))
def given_clean_register(pmo: Scenario, name: str) -> None:
    pmo.doc = register(REGISTER_TYPES[name], False, None)


@given(parsers.re(r"一份维护良好的(?P<name>风险登记册|问题日志|变更日志|进度计划)$"))
def given_clean_register_zh(pmo: Scenario, name: str) -> None:
    pmo.doc = register(REGISTER_TYPES[name], True, None)


@given(parsers.re(r'its register has no "(?P<column>[^"]+)" column$'))
@given(parsers.re(r"其登记表没有“(?P<column>[^”]+)”列$"))
def drop_column(pmo: Scenario, column: str) -> None:
    reg = pmo.register()
    i = reg.column(column)
    del reg.header[i]
    for row in reg.rows:
        del row[i]


@given(parsers.re(r'its entry (?P<entry>\S+) has "(?P<column>[^"]+)" set to "(?P<value>[^"]*)"$'))
@given(parsers.re(r"其(?P<entry>\S+?)的“(?P<column>[^”]+)”为“(?P<value>[^”]*)”$"))
def set_cell(pmo: Scenario, entry: str, column: str, value: str) -> None:
    from features.steps.documents import coerce

    reg = pmo.register()
    for row in reg.rows:
        if str(row[0]) == entry:
            row[reg.column(column)] = coerce(value)
            return
    raise AssertionError(f"no entry {entry} in the register")


@given(parsers.re(r"it has no cover sheet$"))
def no_cover(pmo: Scenario) -> None:
    pmo.register().with_cover = False


@given(parsers.re(r"the workbook links to another workbook$"))
def external_link(pmo: Scenario) -> None:
    pmo.register()
    pmo.external_link = True


@given(parsers.re(r"a RACI matrix:$"))
@given(parsers.re(r"一份 RACI 矩阵：$"))
def given_raci(pmo: Scenario, datatable: list[list[str]]) -> None:
    from features.steps.documents import raci_matrix

    pmo.doc = raci_matrix(datatable, zh=not datatable[0][0].isascii())


# --- When -----------------------------------------------------------------------------------------------

@when("it is checked")
@when("检查该文档")
def check_it(pmo: Scenario) -> None:
    assert pmo.doc is not None, "no document was described"
    if isinstance(pmo.doc, WordSpec):
        path = pmo.doc.write(pmo.tmp / "document.docx")
        if pmo.macro:
            path = _make_docm(path)
    else:
        path = pmo.doc.write(pmo.tmp / "register.xlsx")
        if pmo.external_link:
            from tests.support import xlsx_quirks as xb

            path.write_bytes(xb.with_external_link(path.read_bytes(), "file:///C:/Finance/budget.xlsx"))
    pmo.result = check_one(path)


def _make_docm(path: Path) -> Path:
    import docx

    from tests.support.docx_quirks import make_macro_enabled

    document = docx.Document(str(path))
    make_macro_enabled(document)
    target = path.with_suffix(".docm")
    document.save(str(target))
    return target


# --- Then -----------------------------------------------------------------------------------------------

@then(parsers.re(r"it is recognised as an? (?P<name>.+)$"))
@then(parsers.re(r"识别为(?P<name>.+)$"))
def recognised_as(pmo: Scenario, name: str) -> None:
    expected = TYPE_NAMES.get(name, name)
    assert pmo.result["doc_type"] == expected, f"recognised as {pmo.result['doc_type']}"


def _at(finding: dict[str, Any], where: str) -> bool:
    loc = finding.get("location") or {}
    if m := re.fullmatch(r"(?:cell )?([A-Z]{1,3}\d+)(?: (?:of|on) sheet \"([^\"]+)\")?", where):
        return loc.get("cell") == m.group(1) and (m.group(2) is None or loc.get("sheet") == m.group(2))
    if m := re.fullmatch(r"row (\d+)(?:,)? column (\d+)(?: of table (\d+))?", where):
        return (loc.get("row"), loc.get("col")) == (int(m.group(1)), int(m.group(2))) and (
            m.group(3) is None or loc.get("table") == int(m.group(3)))
    if m := re.fullmatch(r"the header row(?: of sheet \"([^\"]+)\")?", where):
        return bool(re.fullmatch(r"\d+:\d+", loc.get("cell", ""))) and (m.group(1) is None or loc.get("sheet") == m.group(1))
    if m := re.fullmatch(r"(?:the heading |the text )?[\"“](.+)[\"”]", where):
        return m.group(1) in (loc.get("text"), loc.get("heading"))
    raise AssertionError(f"cannot read the location {where!r}")


def _reported(pmo: Scenario, rule: str, where: str | None, severity: str | None) -> None:
    got = pmo.findings(rule)
    assert got, f"{rule} was not reported; the findings were: {_describe(pmo.findings())}"
    if where:
        got = [f for f in got if _at(f, where.strip())]
        assert got, f"{rule} was not reported at {where}: {_describe(pmo.findings(rule))}"
    if severity:
        got = [f for f in got if f["severity"] == severity]
        assert got, f"{rule} was not reported as {severity}: {_describe(pmo.findings(rule))}"
    pmo.last = got


@then(parsers.re(rf"{_RULE} is reported(?: at (?P<where>.+?))?(?: as (?P<severity>blocker|major|minor|info))?$"))
def reported(pmo: Scenario, rule: str, where: str | None = None, severity: str | None = None) -> None:
    _reported(pmo, rule, where, severity)


@then(parsers.re(rf"报告 {_RULE}(?:，级别为(?P<sev>阻断|重大|一般|提示))?$"))
@then(parsers.re(rf"在 (?P<where>\S+) 报告 {_RULE}(?:，级别为(?P<sev>阻断|重大|一般|提示))?$"))
def reported_zh(pmo: Scenario, rule: str, where: str | None = None, sev: str | None = None) -> None:
    _reported(pmo, rule, where, ZH_SEVERITY.get(sev or ""))


@then(parsers.re(rf"{_RULE} is reported (?P<count>\d+) times?$"))
def reported_times(pmo: Scenario, rule: str, count: str) -> None:
    got = pmo.findings(rule)
    assert len(got) == int(count), _describe(got)
    pmo.last = got


@then(parsers.re(rf"{_RULE} is not reported$"))
@then(parsers.re(rf"不报告 {_RULE}$"))
def not_reported(pmo: Scenario, rule: str) -> None:
    got = pmo.findings(rule)
    assert not got, f"{rule} was reported: {_describe(got)}"


@then(parsers.re(r"no blocker or major finding is reported$"))
@then(parsers.re(r"没有阻断或重大问题$"))
def no_blocker_or_major(pmo: Scenario) -> None:
    got = [f for f in pmo.findings() if f["severity"] in ("blocker", "major")]
    assert not got, _describe(got)


@then(parsers.re(r"no (?P<prefixes>[A-Z]+(?:(?:, | or )[A-Z]+)*) rule is reported$"))
@then(parsers.re(r"不报告任何 (?P<prefixes>[A-Z]+(?:(?:、)[A-Z]+)*) 规则$"))
def no_rule_of(pmo: Scenario, prefixes: str) -> None:
    wanted = tuple(p + "-" for p in re.split(r", | or |、", prefixes))
    got = [f for f in pmo.findings() if f["rule"].startswith(wanted)]
    assert not got, _describe(got)


@then(parsers.re(r"only info findings are reported$"))
def only_info(pmo: Scenario) -> None:
    got = [f for f in pmo.findings() if f["severity"] != "info"]
    assert not got, _describe(got)


@then(parsers.re(r'the message (?:of (?P<rule>[A-Z]+-\d+) )?mentions "(?P<text>[^"]+)"$'))
@then(parsers.re(r"(?:(?P<rule>[A-Z]+-\d+) 的)?提示信息包含“(?P<text>[^”]+)”$"))
def message_mentions(pmo: Scenario, text: str, rule: str | None = None) -> None:
    got = pmo.findings(rule) if rule else pmo.last
    assert got, "no finding to look at"
    assert any(text in f["message"] for f in got), _describe(got)


def _is_chinese(text: str) -> bool:
    return len(re.findall(r"[\u4e00-\u9fff]", text)) >= 2


@then(parsers.re(r"the message is in (?P<lang>Chinese|English)$"))
@then(parsers.re(r"提示信息为(?P<lang>中文|英文)$"))
def message_language(pmo: Scenario, lang: str) -> None:
    assert pmo.last, "no finding to look at"
    chinese = lang in ("Chinese", "中文")
    for f in pmo.last:
        assert _is_chinese(f["message"]) == chinese, f"{f['rule']}: {f['message']}"
        if f.get("suggestion"):
            assert _is_chinese(f["suggestion"]) == chinese, f"{f['rule']}: {f['suggestion']}"


@then(parsers.re(r"it is flagged for review$"))
@then(parsers.re(r"标记为需人工复核$"))
def flagged_for_review(pmo: Scenario) -> None:
    assert pmo.last and all(f.get("needs_review") is True for f in pmo.last), _describe(pmo.last)
