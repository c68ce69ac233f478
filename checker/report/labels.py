"""The words of the HTML report, the scorecards and annotated copies, in English and Chinese."""
from __future__ import annotations

from typing import Iterable, Mapping

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "report_title": "Compliance report", "scorecard_title": "Compliance scorecard",
        "checked_at": "Checked at", "generated_at": "Generated at", "tool": "pmo-check",
        "documents": "Documents", "document": "Document", "unreadable": "Unreadable", "findings": "Findings",
        "projects": "Projects", "project": "Project", "stage": "Stage", "score": "Score", "mean_score": "Mean score",
        "band": "Band", "no_score": "no score", "type": "Type", "language": "Language", "rule": "Rule",
        "severity": "Severity", "where": "Where", "message": "Finding", "suggestion": "Suggestion",
        "why": "Why", "suppressed": "suppressed", "needs_review": "needs review", "error": "Error",
        "summary": "Summary", "no_findings": "No findings.", "scores_by_document": "Score by document",
        "findings_by_severity": "Findings by severity", "findings_by_type": "Findings by document type",
        "count": "Count", "title": "Title", "trend": "Mean score over audit runs", "run": "Run",
        "groups": "Groups", "group": "Group", "worst_projects": "Projects with the lowest scores",
        "frequent_findings": "Most frequent findings", "occurrences": "Occurrences",
        "documents_affected": "Documents", "heat_map": "Rule failures by document type",
        "change": "Change since the previous run", "latest_run": "Latest run", "all": "All documents",
        "blocker_documents": "Documents with a blocker", "green_share": "Green documents",
        "manager": "Manager", "portfolio": "Portfolio", "department": "Department", "link": "Open",
        "rules_failed": "Documents failing the rule", "contents": "Contents", "evidence": "Evidence",
        "cross_document": "Cross-document findings", "sheet_summary": "Summary", "sheet_findings": "Findings",
        "sheet_projects": "Projects", "sheet_documents": "Documents", "sheet_runs": "Runs",
        "blocker": "blocker", "major": "major", "minor": "minor", "info": "info",
        "green": "green", "amber": "amber", "red": "red",
        "initiation": "initiation", "planning": "planning", "execution": "execution", "closure": "closure",
        "gate_title": "Gate readiness", "gate": "Gate", "decision": "Decision", "ready": "ready",
        "conditional": "conditional", "not-ready": "not ready", "missing_documents": "Missing documents",
        "failed_criteria": "Failed criteria", "conditions": "Conditions", "required_documents": "Required documents",
        "required_state": "Required state", "met": "Met", "not_met": "Not met", "not_assessed": "Not assessed",
        "not_assessed_note": "Exit criteria that no rule of this configuration checks: review them by hand.",
        "superseded": "Earlier versions (not assessed)", "none": "none", "projects_ready": "Ready",
        "projects_conditional": "Conditional", "projects_not_ready": "Not ready", "value": "Value",
        "decision_note": "not ready: a required document is missing or a blocker fails; conditional: only majors fail "
                         "(the conditions a committee would attach); ready: nothing fails.",
        "submitted": "submitted", "completed": "completed", "current": "current", "populated": "populated",
        "approved": "approved", "signed": "signed", "baselined": "baselined", "final": "final",
        "no_projects": "No project was found among the documents.",
    },
    "zh": {
        "report_title": "合规检查报告", "scorecard_title": "合规计分卡",
        "checked_at": "检查时间", "generated_at": "生成时间", "tool": "pmo-check",
        "documents": "文档", "document": "文档", "unreadable": "无法读取", "findings": "问题",
        "projects": "项目", "project": "项目", "stage": "阶段", "score": "得分", "mean_score": "平均得分",
        "band": "等级", "no_score": "无得分", "type": "类型", "language": "语言", "rule": "规则",
        "severity": "严重程度", "where": "位置", "message": "问题", "suggestion": "建议",
        "why": "依据", "suppressed": "已豁免", "needs_review": "需人工复核", "error": "错误",
        "summary": "概览", "no_findings": "未发现问题。", "scores_by_document": "各文档得分",
        "findings_by_severity": "按严重程度统计的问题", "findings_by_type": "按文档类型统计的问题",
        "count": "数量", "title": "标题", "trend": "历次审计的平均得分", "run": "审计批次",
        "groups": "分组", "group": "分组", "worst_projects": "得分最低的项目",
        "frequent_findings": "最常见的问题", "occurrences": "出现次数",
        "documents_affected": "文档数", "heat_map": "按文档类型统计的规则不合格情况",
        "change": "较上次审计的变化", "latest_run": "最近一次审计", "all": "全部文档",
        "blocker_documents": "含阻断问题的文档", "green_share": "绿色文档占比",
        "manager": "项目经理", "portfolio": "项目组合", "department": "部门", "link": "打开",
        "rules_failed": "未通过该规则的文档数", "contents": "目录", "evidence": "证据",
        "cross_document": "跨文档问题", "sheet_summary": "概览", "sheet_findings": "问题清单",
        "sheet_projects": "项目", "sheet_documents": "文档", "sheet_runs": "审计批次",
        "blocker": "阻断", "major": "重大", "minor": "次要", "info": "提示",
        "green": "绿", "amber": "黄", "red": "红",
        "initiation": "启动", "planning": "计划", "execution": "执行", "closure": "收尾",
        "gate_title": "关口评审准备情况", "gate": "关口", "decision": "结论", "ready": "通过",
        "conditional": "有条件通过", "not-ready": "不通过", "missing_documents": "缺少的文档",
        "failed_criteria": "未满足的标准", "conditions": "附加条件", "required_documents": "必需文档",
        "required_state": "要求状态", "met": "满足", "not_met": "不满足", "not_assessed": "未评估",
        "not_assessed_note": "当前配置中没有规则检查的退出标准，请人工评审。",
        "superseded": "早期版本（不参与评估）", "none": "无", "projects_ready": "通过",
        "projects_conditional": "有条件通过", "projects_not_ready": "不通过", "value": "取值",
        "decision_note": "不通过：缺少必需文档或存在阻断问题；有条件通过：仅有重大问题（即评审委员会会附加的条件）；通过：无不满足项。",
        "submitted": "已提交", "completed": "已完成", "current": "最新", "populated": "已填写",
        "approved": "已批准", "signed": "已签署", "baselined": "已基线化", "final": "定稿",
        "no_projects": "文档中未找到项目。",
    },
}


def labels(language: str) -> Mapping[str, str]:
    return LABELS["zh" if language == "zh" else "en"]


def majority_language(languages: Iterable[str | None]) -> str:
    """The language a mixed report speaks: Chinese when most of its documents are Chinese."""
    values = [lang for lang in languages if lang]
    return "zh" if values and sum(1 for lang in values if lang == "zh") * 2 > len(values) else "en"
