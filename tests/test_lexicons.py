"""Sanity tests for rules/lexicons/doctypes.yaml and rules/lexicons/common.yaml.

The lexicons are transcribed from the PMO standard (§3, §4, Appendices A–C); these tests check
structure, regex validity and a sample of exact terms.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

LEX_DIR = Path(__file__).resolve().parent.parent / "rules" / "lexicons"

DOC_TYPES = [
    "INIT_REQUEST_BC", "PROJECT_BRIEF", "INIT_REVIEW", "CHARTER", "PID", "SCOPE_STATEMENT", "PMP",
    "SCHEDULE", "RESOURCE_PLAN", "RACI", "COST_PLAN", "QUALITY_PLAN", "COMMS_PLAN", "RISK_MGMT_PLAN",
    "CHANGE_MGMT_PLAN", "STAKEHOLDER_REGISTER", "RISK_REGISTER", "ISSUE_REGISTER", "CHANGE_REQUEST",
    "CHANGE_LOG", "MEETING_MINUTES", "STATUS_REPORT", "END_STAGE_REPORT", "CLOSURE_REPORT", "LESSONS",
]
REGISTER_TYPES = {"SCHEDULE", "RACI", "STAKEHOLDER_REGISTER", "RISK_REGISTER", "ISSUE_REGISTER", "CHANGE_LOG"}
TYPE_KEYS = {"names", "form", "nature", "record_when_titled", "sections", "columns", "sheet_names", "skip_sheets", "vocabularies"}
ENTRY_KEYS = {"en", "zh", "required", "light", "parent", "vocabulary", "table_columns", "note", "content",
              "required_when_meeting_type", "values"}
VALUE_KINDS = {"rating", "date", "id", "text"}
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def doctypes() -> dict:
    with open(LEX_DIR / "doctypes.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def common() -> dict:
    with open(LEX_DIR / "common.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _norm(term: str) -> str:
    return unicodedata.normalize("NFKC", str(term)).strip().casefold()


def _entries(spec: dict):
    for group in ("sections", "columns"):
        for key, entry in (spec.get(group) or {}).items():
            yield group, key, entry


# --------------------------------------------------------------------------- doctypes structure

def test_all_25_types_present_and_nothing_else(doctypes):
    assert sorted(doctypes) == sorted(DOC_TYPES)
    assert len(DOC_TYPES) == 25


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_type_names_and_form(doctypes, doc_type):
    spec = doctypes[doc_type]
    assert set(spec) <= TYPE_KEYS, set(spec) - TYPE_KEYS
    names = spec["names"]
    assert names["en"] and all(isinstance(n, str) and n.strip() for n in names["en"])
    assert names["zh"] and all(isinstance(n, str) and n.strip() for n in names["zh"])
    assert any(HAN.search(n) for n in names["zh"]), names["zh"]   # SCHEDULE zh carries 'WBS' as given
    assert spec["form"] in {"document", "register", "either"}
    assert spec["nature"] in {"controlled", "record", "either"}  # what COM-01/COM-04 apply to (docs/applicability.md)
    if doc_type in REGISTER_TYPES:
        assert spec["form"] == "register"
    # every type carries something to check besides its names
    assert spec.get("sections") or spec.get("columns") or spec.get("vocabularies")


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_entries_have_synonyms_and_boolean_required(doctypes, doc_type):
    spec = doctypes[doc_type]
    for group, key, entry in _entries(spec):
        where = f"{doc_type}.{group}.{key}"
        assert isinstance(entry, dict), where
        assert set(entry) <= ENTRY_KEYS, (where, set(entry) - ENTRY_KEYS)
        en, zh = entry.get("en") or [], entry.get("zh") or []
        assert en or zh, f"{where}: no synonyms"
        assert all(isinstance(t, str) and t.strip() for t in en + zh), where
        assert isinstance(entry.get("required"), bool), f"{where}: required must be a boolean"
        assert entry.get("values", "text") in VALUE_KINDS, f"{where}: values must be one of {VALUE_KINDS}"
        if "light" in entry:
            assert entry["light"] is True and doc_type == "INIT_REQUEST_BC", where
        if "parent" in entry:
            parent = spec[group][entry["parent"]]
            assert entry["required"] == parent["required"], f"{where}: subfield required differs from parent"
        for col, sub in (entry.get("table_columns") or {}).items():
            assert (sub.get("en") or sub.get("zh")), f"{where}.table_columns.{col}"
        if "content" in entry:  # one cue or a list: regular expressions that compile, with a positive `min`
            cues = entry["content"] if isinstance(entry["content"], list) else [entry["content"]]
            assert cues, where
            for cue in cues:
                assert set(cue) <= {"en", "zh", "min"} and (cue.get("en") or cue.get("zh")), where
                for pattern in (cue.get("en") or []) + (cue.get("zh") or []):
                    re.compile(pattern)
                assert int(cue.get("min", 1)) >= 1, where


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_no_duplicate_synonym_within_a_key(doctypes, doc_type):
    spec = doctypes[doc_type]
    lists = [("names", spec["names"]["en"] + spec["names"]["zh"])]
    for group, key, entry in _entries(spec):
        lists.append((f"{group}.{key}", (entry.get("en") or []) + (entry.get("zh") or [])))
        for col, sub in (entry.get("table_columns") or {}).items():
            lists.append((f"{group}.{key}.{col}", (sub.get("en") or []) + (sub.get("zh") or [])))
    for vname, vocab in (spec.get("vocabularies") or {}).items():
        for canon, terms in vocab.items():
            lists.append((f"vocabularies.{vname}.{canon}", terms))
    for where, terms in lists:
        normed = [_norm(t) for t in terms]
        dupes = {t for t in normed if normed.count(t) > 1}
        assert not dupes, f"{doc_type}.{where}: duplicate synonyms {dupes}"


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_no_parenthetical_remarks_left(doctypes, doc_type):
    spec = doctypes[doc_type]
    terms = list(spec["names"]["en"]) + list(spec["names"]["zh"])
    for _, _, entry in _entries(spec):
        terms += (entry.get("en") or []) + (entry.get("zh") or [])
    for t in terms:
        assert not re.search(r"[(（][^)）]*[)）]", t), f"{doc_type}: parenthetical in {t!r}"


def test_columns_split_by_script(doctypes):
    for doc_type, spec in doctypes.items():
        for key, entry in (spec.get("columns") or {}).items():
            assert not any(HAN.search(t) for t in entry.get("en") or []), (doc_type, key)
            assert all(HAN.search(t) for t in entry.get("zh") or []), (doc_type, key)


def test_vocabulary_references_resolve(doctypes, common):
    for doc_type, spec in doctypes.items():
        for group, key, entry in _entries(spec):
            refs = entry.get("vocabulary")
            if refs is None:
                continue
            for ref in refs if isinstance(refs, list) else [refs]:
                if ref.startswith("common."):
                    assert ref.split(".", 1)[1] in common, ref
                elif "." in ref:
                    other, name = ref.split(".", 1)
                    assert name in doctypes[other]["vocabularies"], ref
                else:
                    assert ref in spec["vocabularies"], (doc_type, ref)


def test_required_and_optional_flags(doctypes):
    cl = doctypes["CHANGE_LOG"]["columns"]
    assert cl["disposition"]["required"] is True and cl["decision_date"]["required"] is False
    ir = doctypes["ISSUE_REGISTER"]["columns"]
    assert ir["owner"]["required"] is True and ir["resolution"]["required"] is False
    rr = doctypes["RISK_REGISTER"]["columns"]
    assert rr["owner"]["required"] is True and rr["contingency"]["required"] is False
    bc = doctypes["INIT_REQUEST_BC"]["sections"]
    assert {k for k, v in bc.items() if v.get("light")} == {
        "requester", "reasons", "objectives", "scope", "benefits", "timescale", "costs", "major_risks"}
    assert bc["strategic_alignment"]["required"] is False
    pid = doctypes["PID"]["sections"]
    assert pid["controls_stages"]["parent"] == "project_controls" and pid["controls_stages"]["required"] is True
    assert doctypes["LESSONS"]["sections"]["significant_lessons"]["required"] is True
    assert doctypes["LESSONS"]["columns"]["tags"]["required"] is False


# --------------------------------------------------------------------------- exact §4 terms

@pytest.mark.parametrize("doc_type, group, key, lang, term", [
    ("CHARTER", "sections", "exit_criteria", "zh", "项目退出标准"),
    ("CHARTER", "sections", "exit_criteria", "en", "Project Exit Criteria"),
    ("CHARTER", "sections", "purpose", "zh", "立项理由"),
    ("RISK_REGISTER", "columns", "probability", "zh", "发生概率"),
    ("RISK_REGISTER", "columns", "risk_id", "en", "#"),
    ("RISK_REGISTER", "columns", "score", "en", "P×I"),
    ("CHANGE_LOG", "columns", "disposition", "en", "Disposition"),
    ("CHANGE_LOG", "columns", "submission_date", "zh", "申请日期"),
    ("SCHEDULE", "columns", "pct_complete", "en", "% Complete"),
    ("STATUS_REPORT", "sections", "evm", "en", "CPI"),
    ("STATUS_REPORT", "sections", "dimension_status", "zh", "效益"),
    ("ISSUE_REGISTER", "columns", "target_date", "zh", "目标解决日期"),
    ("COMMS_PLAN", "columns", "audience", "zh", "沟通对象"),
    ("COMMS_PLAN", "sections", "escalation_process", "zh", "升级路径"),
    ("RISK_MGMT_PLAN", "sections", "pi_matrix", "zh", "概率影响矩阵"),
    ("CHANGE_MGMT_PLAN", "sections", "forms", "zh", "表单"),
    ("SCOPE_STATEMENT", "sections", "header", "en", "Prepared by"),
    ("CHANGE_REQUEST", "sections", "impact_schedule", "zh", "进度"),
    ("LESSONS", "columns", "recommendation", "zh", "改进建议"),
    ("PROJECT_BRIEF", "sections", "definition_tolerances", "zh", "项目容差"),
])
def test_transcribed_terms(doctypes, doc_type, group, key, lang, term):
    assert term in doctypes[doc_type][group][key][lang]


@pytest.mark.parametrize("doc_type, lang, name", [
    ("CHANGE_REQUEST", "zh", "需求变更单"),
    ("CLOSURE_REPORT", "zh", "结题报告"),
    ("CHARTER", "zh", "项目任命书"),
    ("INIT_REQUEST_BC", "zh", "可行性研究报告"),
    ("RISK_REGISTER", "en", "RAID Log"),
    ("PROJECT_BRIEF", "en", "Project Mandate"),
])
def test_names(doctypes, doc_type, lang, name):
    assert name in doctypes[doc_type]["names"][lang]


def test_type_vocabularies(doctypes):
    rr = doctypes["RISK_REGISTER"]
    assert "Mitigate" in rr["vocabularies"]["strategies_threat"]["reduce"]
    assert "开拓" in rr["vocabularies"]["strategies_opportunity"]["exploit"]
    assert "风险登记册" in rr["sheet_names"] and "填写说明" in rr["skip_sheets"]
    assert doctypes["RACI"]["vocabularies"]["cell_values"]["A"][0] == "A"
    assert "偏离规格" in doctypes["ISSUE_REGISTER"]["vocabularies"]["issue_type"]["off_spec"]
    assert "合同" in doctypes["CHANGE_REQUEST"]["vocabularies"]["change_category"]["contract"]
    assert "变更会议" in doctypes["MEETING_MINUTES"]["vocabularies"]["meeting_type"]["change"]


# --------------------------------------------------------------------------- common

def test_common_top_level_keys(common):
    expected = {"doc_control_fields", "status_values", "revision_history", "approvals", "distribution",
                "placeholders", "template_guidance_markers", "rag", "open_states", "closed_states",
                "occurred_states", "dispositions", "gate_decisions", "dates", "money", "vague_terms",
                "project_facts", "risk_scales", "smart"}
    assert expected <= set(common)


def test_doc_control_fields(common):
    dcf = common["doc_control_fields"]
    assert set(dcf) == {"project_name", "project_id", "doc_title", "doc_id", "version", "status", "date",
                        "author", "owner", "client", "reviewer", "approver"}
    for key, entry in dcf.items():
        assert entry["en"] and entry["zh"], key
    assert set(common["status_values"]) == {"draft", "review", "final"}
    assert "基线" in common["status_values"]["final"]
    for block in ("revision_history", "approvals", "distribution"):
        assert common[block]["header"]["en"] and common[block]["header"]["zh"]
        assert all(common[block]["columns"].values())


def _en_placeholder(common):
    return re.compile(common["placeholders"]["en_regex"], re.IGNORECASE)


def _zh_placeholder(common):
    return re.compile(common["placeholders"]["zh_regex"])


@pytest.mark.parametrize("text", ["TBD", "Owner: TBC", "[Insert project name]", "<Insert Project Name>",
                                  "Click here to enter text.", "Release: Draft/Final", "[....]"])
def test_en_placeholders_match(common, text):
    assert _en_placeholder(common).search(text), text


@pytest.mark.parametrize("text", ["待定", "【此处填写】", "XX", "年  月  日", "[填写项目名称]", "某某公司", "请填写"])
def test_zh_placeholders_match(common, text):
    assert _zh_placeholder(common).search(text), text


@pytest.mark.parametrize("text", ["N/A", "无", "不适用", "Project Alpha v1.0", "2024年3月5日", "XXL 项目"])
def test_placeholders_do_not_match_real_values(common, text):
    assert not _en_placeholder(common).search(text) and not _zh_placeholder(common).search(text), text


@pytest.mark.parametrize("text, cur, num, unit", [
    ("120万元", None, "120", "万元"),
    ("¥1,200,000", "¥", "1,200,000", None),
    ("USD 5000", "USD", "5000", None),
    ("预算 3.5亿元", None, "3.5", "亿元"),
])
def test_money_regex(common, text, cur, num, unit):
    rx = re.compile(common["money"]["regex"])
    m = next(m for m in rx.finditer(text) if m.group("num"))
    assert (m.group("cur"), m.group("num"), m.group("unit")) == (cur, num, unit)
    if unit:
        assert common["money"]["multipliers"][unit] > 0


def test_money_multipliers_are_numbers(common):
    mult = common["money"]["multipliers"]
    assert mult["万元"] == 10000 and mult["亿"] == 100000000 and mult["元"] == 1 and mult["k"] == 1000
    assert all(isinstance(v, (int, float)) for v in mult.values())
    assert "壹" in common["money"]["uppercase_digits"]


@pytest.mark.parametrize("text", ["降低20%", "减少至3天以内", "不超过500万元", "≥ 99.5% availability", "提升三成"])
def test_smart_number_regex(common, text):
    assert re.compile(common["smart"]["number_regex"]).search(text), text


def test_common_vocabularies(common):
    assert "Amber" in common["rag"]["amber"] and "红" in common["rag"]["red"]
    assert "Did not occur" in common["closed_states"] and "跟踪中" in common["open_states"]
    assert "转问题" in common["occurred_states"]
    assert set(common["dispositions"]) == {"approved", "rejected", "deferred", "pending", "withdrawn"}
    assert set(common["gate_decisions"]) == {"go", "conditional", "recycle", "hold", "kill"}
    assert "另行通知" in common["dates"]["vague"]
    assert "world-class" in common["vague_terms"]["en"] and "一定程度" in common["vague_terms"]["zh"]
    assert "填写说明" in common["template_guidance_markers"]["zh"]
    for group in ("rag", "dispositions", "gate_decisions"):
        for canon, terms in common[group].items():
            normed = [_norm(t) for t in terms]
            assert len(normed) == len(set(normed)), (group, canon)


def test_project_facts(common):
    pf = common["project_facts"]
    assert set(pf) == {"id", "name", "sponsor", "manager", "budget", "start", "end"}
    for key, entry in pf.items():
        assert entry["en"] and entry["zh"], key
        normed = [_norm(t) for t in entry["en"] + entry["zh"]]
        assert len(normed) == len(set(normed)), key
    assert "项目发起人" in pf["sponsor"]["zh"] and "项目经理" in pf["manager"]["zh"]
    assert "Pre-approved Financial Resources" in pf["budget"]["en"] and "项目总体预算" in pf["budget"]["zh"]
    assert "项目开始时间" in pf["start"]["zh"] and "项目结束时间" in pf["end"]["zh"]


def test_risk_scales(common):
    rs = common["risk_scales"]
    assert rs["default_profile"] in rs["profiles"]
    assert rs["label_maps"]["five_level"][5][0] == "Very High"
    assert rs["label_maps"]["three_level"][1] == ["Low", "L", "低"]
    for name, prof in rs["profiles"].items():
        bands = prof.get("bands")
        if not bands:
            continue
        lo, hi = prof["range"]
        for level, (bmin, bmax) in bands.items():
            assert isinstance(bmin, int) and isinstance(bmax, int) and lo <= bmin <= bmax <= hi, (name, level)
    a = rs["profiles"]["A_5x5_foundry"]["bands"]
    assert a == {"Low": [1, 5], "Medium": [6, 12], "High": [13, 19], "Critical": [20, 25]}
    assert rs["profiles"]["D_ratio_pmbok_style"]["I_values"] == [0.05, 0.10, 0.20, 0.40, 0.80]
    bands = rs["probability_percent_bands_example"]
    assert [bands[i]["le"] for i in range(1, 6)] == [20, 40, 60, 80, 100]
    assert "橙" in rs["cn_level_vocab"]["High"]
