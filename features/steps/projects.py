"""Steps about whole projects (English and Chinese): a project folder written from one set of facts
(tests/support/project_folders.py), one fact changed in one document, then the folder checked — or
assessed for a gate — as `pmo-check check FOLDER` / `pmo-check gate G2 FOLDER` do.

Chinese severity words: 阻断 = blocker, 重大 = major, 一般 = minor, 提示 = info.
Chinese gate decisions: 通过 = ready, 有条件通过 = conditional, 不通过 = not-ready.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

import checker
from tests.support import project_folders as pf

TODAY = date(2026, 11, 25)
SEVERITY = {"阻断": "blocker", "重大": "major", "一般": "minor", "提示": "info"}
DECISION = {"通过": "ready", "有条件通过": "conditional", "不通过": "not-ready"}
# What an analyst calls a document of the project → its type.
DOCUMENTS = {
    "business case": "INIT_REQUEST_BC", "committee decision": "INIT_REVIEW", "charter": "CHARTER",
    "scope statement": "SCOPE_STATEMENT", "project plan": "PMP", "schedule": "SCHEDULE",
    "resource plan": "RESOURCE_PLAN", "RACI matrix": "RACI", "cost plan": "COST_PLAN", "quality plan": "QUALITY_PLAN",
    "risk management plan": "RISK_MGMT_PLAN", "risk register": "RISK_REGISTER",
    "stakeholder register": "STAKEHOLDER_REGISTER", "issue log": "ISSUE_REGISTER", "change log": "CHANGE_LOG",
    "change request": "CHANGE_REQUEST", "status report": "STATUS_REPORT", "closure report": "CLOSURE_REPORT",
    "立项申请书": "INIT_REQUEST_BC", "评审意见": "INIT_REVIEW", "项目章程": "CHARTER", "项目范围说明书": "SCOPE_STATEMENT",
    "项目管理计划": "PMP", "项目进度计划": "SCHEDULE", "人力资源管理计划": "RESOURCE_PLAN", "责任分配矩阵": "RACI",
    "成本管理计划": "COST_PLAN", "质量管理计划": "QUALITY_PLAN", "风险管理计划": "RISK_MGMT_PLAN",
    "风险登记册": "RISK_REGISTER", "干系人登记册": "STAKEHOLDER_REGISTER", "问题日志": "ISSUE_REGISTER",
    "变更日志": "CHANGE_LOG", "变更申请单": "CHANGE_REQUEST", "项目周报": "STATUS_REPORT", "项目总结报告": "CLOSURE_REPORT",
}
# What a scenario says a document states → the fact it changes (a document type may name its own).
FACTS = {"budget": "budget", "sponsor": "sponsor", "project manager": "manager", "project name": "name",
         "project ID": "id", "start date": "start", "end date": "end", "authorised budget": "authorized",
         "actual cost": "actual", "cost total": "cost_total", "date": "date",
         "预算": "budget", "项目发起人": "sponsor", "项目经理": "manager", "项目名称": "name", "项目编号": "id",
         "开始日期": "start", "结束日期": "end", "批复预算": "authorized", "实际成本": "actual", "成本合计": "cost_total",
         "编制日期": "date"}
_OWN_FACT = {("PMP", "end"): "plan_end", ("SCHEDULE", "end"): "schedule_end"}
_DOC = "|".join(sorted((k for k in DOCUMENTS if k.isascii()), key=len, reverse=True))
_DOC_ZH = "|".join(sorted((k for k in DOCUMENTS if not k.isascii()), key=len, reverse=True))


class ProjectScenario:
    """The project folder a scenario describes, and what the checker said about it."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.packs: list[pf.Pack] = []
        self.profile: str | None = None
        self.extra_files: list[tuple[pf.Pack, str, str, dict[str, Any]]] = []  # versions written beside
        self.toml: str = ""
        self.result: dict[str, Any] | None = None
        self.last: list[dict[str, Any]] = []

    @property
    def pack(self) -> pf.Pack:
        assert self.packs, "no project folder was described"
        return self.packs[-1]

    def folder(self) -> Path:
        return self.tmp / "projects"

    def write(self) -> Path:
        root = self.folder()
        for pack in self.packs:  # projects given together share the folder, as a new user's would
            pack.write(root)
        for pack, doc_type, name, facts in self.extra_files:
            pack.write_one(doc_type, root / name, **facts)
        config = ""
        if self.profile:
            config += f'[check]\nprofile = "{self.profile}"\n'
        config += self.toml
        if config:
            (root / "pmo-check.toml").write_text(config, encoding="utf-8")
        return root

    def check(self, gate: str | None = None) -> None:
        # In this process (workers=0): the scenarios are about the project view, not the worker pool.
        self.result = checker.check([str(self.write())], {"today": TODAY, "gate": gate, "workers": 0})

    def project(self, key: str | None = None) -> dict[str, Any]:
        assert self.result is not None, "the folder has not been checked yet"
        projects = self.result["projects"]
        if key is None:
            assert len(projects) == 1, [p["key"] for p in projects]
            return projects[0]
        found = [p for p in projects if p["key"] == key or p.get("name") == key]
        assert found, f"no project {key}: {[p['key'] for p in projects]}"
        return found[0]

    def findings(self, rule: str | None = None) -> list[dict[str, Any]]:
        return [f for p in self.result["projects"] for f in p["findings"]  # type: ignore[index]
                if rule is None or f["rule"] == rule]


@pytest.fixture
def project(tmp_path: Path) -> ProjectScenario:
    return ProjectScenario(tmp_path)


def _describe(found: list[dict[str, Any]]) -> str:
    return "; ".join(f"{f['rule']} {f['severity']} {f['message'][:140]}" for f in found) or "nothing"


# --- Given ------------------------------------------------------------------------------------------------

@given(parsers.re(r"an? (?P<kind>English|Chinese) project folder(?P<full> with every document)?$"))
def given_folder(project: ProjectScenario, kind: str, full: str | None) -> None:
    pack = pf.english() if kind == "English" else pf.chinese()
    pack.types = pf.ALL_TYPES if full else pf.G2_TYPES
    project.packs.append(pack)


@given(parsers.re(r"a project folder with English headings and Chinese content$"))
def given_mixed(project: ProjectScenario) -> None:
    pack = pf.chinese(headings_lang="en")
    pack.id, pack.name, pack.prefix = "ZC-2026-015", "园区能源管理平台", "energy_"
    project.packs.append(pack)


@given(parsers.re(r"一个(?P<full>文档齐全的)?中文项目文件夹$"))
def given_folder_zh(project: ProjectScenario, full: str | None) -> None:
    pack = pf.chinese()
    pack.types = pf.ALL_TYPES if full else pf.G2_TYPES
    project.packs.append(pack)


@given(parsers.re(r"the PMO follows the (?P<profile>cn_pmo|pmbok|prince2) profile$"))
@given(parsers.re(r"PMO 采用 (?P<profile>cn_pmo|pmbok|prince2) 流程$"))
def given_profile(project: ProjectScenario, profile: str) -> None:
    project.profile = profile


@given(parsers.re(r"its folder holds only (?P<names>.+)$"))
@given(parsers.re(r"文件夹中只有(?P<names>.+)$"))
def only_documents(project: ProjectScenario, names: str) -> None:
    project.pack.types = tuple(DOCUMENTS[n.strip()] for n in re.split(r",\s*|\s+and\s+|、|和", names) if n.strip())


@given(parsers.re(rf"its (?P<doc>{_DOC}) is missing$"))
@given(parsers.re(rf"缺少(?P<doc>{_DOC_ZH})$"))
def document_missing(project: ProjectScenario, doc: str) -> None:
    project.pack.types = tuple(t for t in project.pack.types if t != DOCUMENTS[doc])


@given(parsers.re(rf'its (?P<doc>{_DOC}) states the (?P<fact>[a-zA-Z ]+?) "(?P<value>[^"]*)"$'))
@given(parsers.re(rf"其(?P<doc>{_DOC_ZH})中的(?P<fact>\S+?)为“(?P<value>[^”]*)”$"))
def document_states(project: ProjectScenario, doc: str, fact: str, value: str) -> None:
    doc_type = DOCUMENTS[doc]
    key = FACTS[fact.strip()]
    project.pack.set(doc_type, **{_OWN_FACT.get((doc_type, key), key): value})


@given(parsers.re(rf'its (?P<doc>{_DOC}) dates the milestone "(?P<name>[^"]+)" "(?P<when>[^"]+)"$'))
@given(parsers.re(rf"其(?P<doc>{_DOC_ZH})中里程碑“(?P<name>[^”]+)”的日期为“(?P<when>[^”]+)”$"))
def milestone_date(project: ProjectScenario, doc: str, name: str, when: str) -> None:
    pack = project.pack
    pack.set(DOCUMENTS[doc], milestones=[(n, when if n == name else d) for n, d in pack.milestones])


@given(parsers.re(rf'its (?P<doc>{_DOC}) lists only the objective "(?P<text>[^"]+)"$'))
@given(parsers.re(rf"其(?P<doc>{_DOC_ZH})只列出目标“(?P<text>[^”]+)”$"))
def only_objective(project: ProjectScenario, doc: str, text: str) -> None:
    project.pack.set(DOCUMENTS[doc], objectives=[("O1", text, "")])


@given(parsers.re(rf"its (?P<doc>{_DOC}) is a draft$"))
@given(parsers.re(rf"其(?P<doc>{_DOC_ZH})为未签批的草稿$"))
def draft(project: ProjectScenario, doc: str) -> None:
    zh = project.pack.lang == "zh"
    project.pack.set(DOCUMENTS[doc], status="草稿" if zh else "Draft", unsigned=True)


@given(parsers.re(r'the closure report does not hand over "(?P<item>[^"]+)"$'))
@given(parsers.re(r"项目总结报告未移交“(?P<item>[^”]+)”$"))
def not_handed_over(project: ProjectScenario, item: str) -> None:
    pack = project.pack
    pack.set("CLOSURE_REPORT", follow_on=[a for a in pack.follow_on if a[0] != item])


@given(parsers.re(r'the closure report does not record the acceptance of "(?P<name>[^"]+)"$'))
@given(parsers.re(r"项目总结报告未记录“(?P<name>[^”]+)”的验收$"))
def not_accepted(project: ProjectScenario, name: str) -> None:
    pack = project.pack
    pack.set("CLOSURE_REPORT", accepted=[n for _, n in pack.deliverables if n != name])


@given(parsers.re(r'the change request records the decision "(?P<decision>[^"]+)"$'))
@given(parsers.re(r"变更申请单的审批结论为“(?P<decision>[^”]+)”$"))
def form_decision(project: ProjectScenario, decision: str) -> None:
    pack = project.pack
    changes = [dict(c) for c in pack.changes]
    changes[0]["form_decision"] = decision
    pack.set("CHANGE_REQUEST", changes=changes)


@given(parsers.re(r'the change request is numbered "(?P<number>[^"]+)"$'))
@given(parsers.re(r"变更申请单的编号为“(?P<number>[^”]+)”$"))
def form_number(project: ProjectScenario, number: str) -> None:
    pack = project.pack
    changes = [dict(c) for c in pack.changes]
    changes[0]["id"] = number
    pack.set("CHANGE_REQUEST", changes=changes)


@given(parsers.re(r'the status report rates "(?P<item>[^"]+)" as "(?P<level>[^"]+)"$'))
@given(parsers.re(r"项目周报中“(?P<item>[^”]+)”的等级为“(?P<level>[^”]+)”$"))
def report_rates(project: ProjectScenario, item: str, level: str) -> None:
    pack = project.pack
    reports = [dict(r) for r in pack.reports]
    reports[-1]["cited"] = [(i, level if i == item else lv, st) for i, lv, st in reports[-1]["cited"]]
    pack.set("STATUS_REPORT", reports=reports)


@given(parsers.re(r'the status report states the BAC "(?P<value>[^"]+)"$'))
@given(parsers.re(r"项目周报中的完工预算为“(?P<value>[^”]+)”$"))
def report_bac(project: ProjectScenario, value: str) -> None:
    pack = project.pack
    reports = [dict(r) for r in pack.reports]
    reports[-1]["bac"] = value
    pack.set("STATUS_REPORT", reports=reports)


@given(parsers.re(r'risk "(?P<item>[^"]+)" is owned by "(?P<owner>[^"]+)"$'))
@given(parsers.re(r"风险“(?P<item>[^”]+)”的责任人为“(?P<owner>[^”]+)”$"))
def risk_owner(project: ProjectScenario, item: str, owner: str) -> None:
    pack = project.pack
    pack.risks = [{**r, "owner": owner} if r["id"] == item else r for r in pack.risks]


@given(parsers.re(r'the committee condition "(?P<item>[^"]+)" is still open$'))
@given(parsers.re(r"评审委员会附加条件“(?P<item>[^”]+)”仍未关闭$"))
def condition_open(project: ProjectScenario, item: str) -> None:
    pack = project.pack
    state = "开放" if pack.lang == "zh" else "Open"
    pack.conditions = [(i, text, due, state if i == item else s) for i, text, due, s in pack.conditions]


@given(parsers.re(r"the risk management plan sets a (?P<n>\d)-level scale$"))
@given(parsers.re(r"风险管理计划规定 (?P<n>\d) 级量表$"))
def rmp_scale(project: ProjectScenario, n: str) -> None:
    project.pack.set("RISK_MGMT_PLAN", scale=int(n))


@given(parsers.re(r'the second status report covers "(?P<start>[^"]+)" to "(?P<end>[^"]+)"$'))
@given(parsers.re(r"第二期周报的报告周期为“(?P<start>[^”]+)”至“(?P<end>[^”]+)”$"))
def second_period(project: ProjectScenario, start: str, end: str) -> None:
    pack = project.pack
    reports = [dict(r) for r in pack.reports]
    reports[1].update(start=start, end=end)
    pack.reports = reports


@given(parsers.re(r"both status reports are in the folder$"))
@given(parsers.re(r"两期周报都在文件夹中$"))
def both_reports(project: ProjectScenario) -> None:
    pack = project.pack
    stem = pf.FILE_NAMES[pack.lang]["STATUS_REPORT"]
    project.extra_files.append((pack, "STATUS_REPORT", f"{stem}_1.docx", {"report_index": 0}))


@given(parsers.re(r'a newer version "(?P<name>[^"]+)" of the (?P<doc>{doc}) says "(?P<summary>[^"]*)" in its revision history$'
                  .format(doc=_DOC)))
@given(parsers.re(r"新版本“(?P<name>[^”]+)”的(?P<doc>{doc})修订记录写着“(?P<summary>[^”]*)”$".format(doc=_DOC_ZH)))
def newer_version(project: ProjectScenario, name: str, doc: str, summary: str) -> None:
    pack = project.pack
    zh = pack.lang == "zh"
    first, second = ("V1.0", "V1.1") if zh else ("1.0", "1.1")
    revisions = [(first, "2026-01-20", pack.manager, "首次发布" if zh else "First issue"),
                 (second, "2026-04-20", pack.manager, summary)]
    project.extra_files.append((pack, DOCUMENTS[doc], name, {"version": second, "date": "2026-04-20",
                                                              "revisions": revisions}))


@given(parsers.re(r'that version states the (?P<fact>[a-zA-Z ]+?) "(?P<value>[^"]*)"$'))
@given(parsers.re(r"该版本中的(?P<fact>\S+?)为“(?P<value>[^”]*)”$"))
def version_states(project: ProjectScenario, fact: str, value: str) -> None:
    assert project.extra_files, "no newer version was described"
    project.extra_files[-1][3][FACTS[fact.strip()]] = value


@given(parsers.re(r'the folder also holds "(?P<name>[^"]+)", a draft of the (?P<doc>{doc}) at version "(?P<version>[^"]+)"$'
                  .format(doc=_DOC)))
def older_draft(project: ProjectScenario, name: str, doc: str, version: str) -> None:
    pack = project.pack
    project.extra_files.append((pack, DOCUMENTS[doc], name, {
        "version": version, "status": "Draft", "unsigned": True, "date": "2026-01-02",
        "revisions": [(version, "2026-01-02", pack.manager, "First draft")]}))


@given(parsers.re(r'the (?P<doc>{doc}) names the project "(?P<name>[^"]+)" without an ID$'.format(doc=_DOC)))
@given(parsers.re(r"其(?P<doc>{doc})的项目名称写作“(?P<name>[^”]+)”且没有项目编号$".format(doc=_DOC_ZH)))
def renamed_without_id(project: ProjectScenario, doc: str, name: str) -> None:
    project.pack.set(DOCUMENTS[doc], name=name, id="")


@given(parsers.re(r"the PMO's configuration says:$"))
@given(parsers.re(r"PMO 的配置为：$"))
def configuration(project: ProjectScenario, docstring: str) -> None:
    project.toml += docstring + "\n"


# --- When -------------------------------------------------------------------------------------------------

@when("the project folder is checked")
@when("检查该项目文件夹")
def check_folder(project: ProjectScenario) -> None:
    project.check()


@when(parsers.re(r"the project folder is assessed for gate (?P<gate>G[0-4])$"))
@when(parsers.re(r"按关口 (?P<gate>G[0-4]) 评估该项目文件夹$"))
def assess_folder(project: ProjectScenario, gate: str) -> None:
    project.check(gate)


# --- Then -------------------------------------------------------------------------------------------------

@then(parsers.re(r"no cross-document finding is reported$"))
@then(parsers.re(r"不报告任何跨文档问题$"))
def no_cross(project: ProjectScenario) -> None:
    got = [f for f in project.findings() if f["rule"].startswith("XD-")]
    assert not got, _describe(got)


@then(parsers.re(r"(?P<rule>XD-\d+) is reported once(?: as (?P<sev>blocker|major|minor|info))?$"))
@then(parsers.re(r"报告一次 (?P<rule>XD-\d+)(?:，级别为(?P<sev>阻断|重大|一般|提示))?$"))
def reported_once(project: ProjectScenario, rule: str, sev: str | None = None) -> None:
    got = project.findings(rule)
    assert len(got) == 1, f"{rule}: {_describe(got)}; all: {_describe(project.findings())}"
    if sev:
        assert got[0]["severity"] == SEVERITY.get(sev, sev), _describe(got)
    project.last = got


@then(parsers.re(r'(?P<rule>XD-\d+) is reported about "(?P<text>[^"]+)"$'))
@then(parsers.re(r"报告关于“(?P<text>[^”]+)”的 (?P<rule>XD-\d+)$"))
def reported_about(project: ProjectScenario, rule: str, text: str) -> None:
    got = [f for f in project.findings(rule) if text in f["message"]]
    assert len(got) == 1, f"{rule} about {text}: {_describe(project.findings(rule))}"
    project.last = got


@then(parsers.re(r"(?P<rule>XD-\d+) is not reported for the project$"))
@then(parsers.re(r"项目不报告 (?P<rule>XD-\d+)$"))
def not_reported(project: ProjectScenario, rule: str) -> None:
    got = project.findings(rule)
    assert not got, _describe(got)


@then(parsers.re(r"its evidence shows the (?P<docs>.+)$"))
@then(parsers.re(r"证据包括(?P<docs>.+)$"))
def evidence_shows(project: ProjectScenario, docs: str) -> None:
    assert project.last, "no finding to look at"
    finding = project.last[0]
    wanted = [DOCUMENTS[d.strip()] for d in re.split(r",\s*|\s+and\s+|、|和", docs) if d.strip()]
    files = {pf.FILE_NAMES[project.pack.lang][t] for t in wanted}
    shown = {Path(e["path"]).stem for e in finding["evidence"]}
    assert files <= shown, f"evidence from {sorted(shown)}, expected {sorted(files)}"
    for e in finding["evidence"]:
        assert e["value"] not in (None, ""), e


@then(parsers.re(r'the finding mentions "(?P<text>[^"]+)"$'))
@then(parsers.re(r"该问题提及“(?P<text>[^”]+)”$"))
def mentions(project: ProjectScenario, text: str) -> None:
    assert project.last and text in project.last[0]["message"], _describe(project.last)


@then(parsers.re(r"the finding is in (?P<lang>Chinese|English)$"))
@then(parsers.re(r"该问题以(?P<lang>中文|英文)表述$"))
def message_language(project: ProjectScenario, lang: str) -> None:
    assert project.last, "no finding to look at"
    words = re.sub(r"“[^”]*”|[^\s：:，,、]+\.(?:docx|xlsx)", "", project.last[0]["message"])  # quoted values, file names
    chinese = len(re.findall(r"[\u4e00-\u9fff]", words)) >= 2
    assert chinese == (lang in ("Chinese", "中文")), project.last[0]["message"]


@then(parsers.re(r"the folder holds (?P<count>\d+) projects?$"))
@then(parsers.re(r"文件夹中有 (?P<count>\d+) 个项目$"))
def project_count(project: ProjectScenario, count: str) -> None:
    assert len(project.result["projects"]) == int(count), [p["key"] for p in project.result["projects"]]  # type: ignore[index]


@then(parsers.re(r'project "(?P<key>[^"]+)" holds (?P<count>\d+) documents$'))
def project_documents(project: ProjectScenario, key: str, count: str) -> None:
    assert len(project.project(key)["documents"]) == int(count), project.project(key)["documents"]


@then(parsers.re(r'"(?P<name>[^"]+)" is superseded by a newer version$'))
def superseded(project: ProjectScenario, name: str) -> None:
    p = project.project()
    assert any(path.endswith(name) for path in p.get("superseded") or []), p.get("superseded")


@then(parsers.re(r'the gate decision(?: for "(?P<key>[^"]+)")? is "(?P<decision>ready|conditional|not-ready)"$'))
@then(parsers.re(r"关口结论为“(?P<decision>通过|有条件通过|不通过)”$"))
def gate_decision(project: ProjectScenario, decision: str, key: str | None = None) -> None:
    gate = project.project(key)["gate"]
    assert gate["decision"] == DECISION.get(decision, decision), gate


@then(parsers.re(r'"(?P<doc_type>[A-Z_]+)" is a missing document$'))
@then(parsers.re(r"缺少文档“(?P<doc_type>[A-Z_]+)”$"))
def missing_document(project: ProjectScenario, doc_type: str) -> None:
    gate = project.project()["gate"]
    assert doc_type in gate["missing_documents"], gate


@then(parsers.re(r'no document is missing$'))
@then(parsers.re(r"不缺少文档$"))
def nothing_missing(project: ProjectScenario) -> None:
    gate = project.project()["gate"]
    assert gate["missing_documents"] == [], gate


@then(parsers.re(r'"(?P<rule>[A-Z]+-\d+)" is (?:a condition|一项附加条件)$'))
@then(parsers.re(r"“(?P<rule>[A-Z]+-\d+)”为附加条件$"))
def condition(project: ProjectScenario, rule: str) -> None:
    gate = project.project()["gate"]
    assert rule in gate["conditions"], gate


@then(parsers.re(r'"(?P<rule>[A-Z]+-\d+)" fails the gate as (?P<sev>blocker|major)$'))
@then(parsers.re(r"“(?P<rule>[A-Z]+-\d+)”未通过，级别为(?P<sev>阻断|重大)$"))
def fails_gate(project: ProjectScenario, rule: str, sev: str) -> None:
    gate = project.project()["gate"]
    found = [f for f in gate["failed"] if f["rule"] == rule]
    assert found and found[0]["severity"] == SEVERITY.get(sev, sev), gate
