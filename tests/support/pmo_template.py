"""What the PMO's templates put in every document, whoever writes it: the words of the control blocks
(doc control, revision history, approvals) in English and Chinese, the levels of the default risk
scale, and the colours of the dressed look.

The rule tests, the scenarios, the sample documents and the benchmark workloads all write these
blocks; the words live here once so that they cannot drift apart.
"""
from __future__ import annotations

from typing import Literal, TypeVar

Lang = Literal["en", "zh"]
V = TypeVar("V")

DOCUMENT_CONTROL = {"en": "Document Control", "zh": "文档控制信息"}
REVISION_HISTORY = {"en": "Revision History", "zh": "修订记录"}
APPROVALS = {"en": "Approvals", "zh": "审批"}
REVISION_HEADER = {"en": ("Version", "Date", "Author", "Summary of Changes"), "zh": ("版本号", "修订日期", "修订人", "修订内容")}
APPROVAL_HEADER = {"en": ("Name", "Role", "Signature", "Date"), "zh": ("姓名", "职务", "签字", "日期")}

CONTROL_LABELS = {
    "project_name": {"en": "Project Name", "zh": "项目名称"},
    "project_id": {"en": "Project ID", "zh": "项目编号"},
    "sponsor": {"en": "Project Sponsor", "zh": "项目发起人"},
    "manager": {"en": "Project Manager", "zh": "项目经理"},
    "title": {"en": "Document Title", "zh": "文档名称"},
    "version": {"en": "Version", "zh": "版本号"},
    "status": {"en": "Status", "zh": "文档状态"},
    "date": {"en": "Date", "zh": "编制日期"},
    "author": {"en": "Author", "zh": "编制人"},
    "owner": {"en": "Owner", "zh": "文档负责人"},
}

RISK_LEVELS = {"en": ("Low", "Medium", "High", "Critical"), "zh": ("低", "中", "高", "极高")}
_LEVEL_TOPS = (5, 12, 19)  # the default profile (A_5x5): Low 1-5, Medium 6-12, High 13-19, Critical 20-25

# The dressed look (sample documents): header rows, label cells, titles.
HEADER_FILL = "D9E2F3"
LABEL_FILL = "F2F2F2"
NAVY = "1F3864"


def control_block(lang: Lang, **values: V) -> list[tuple[str, V]]:
    """A doc-control block as (label, value) rows, in the order the values are given.

    The keys are those of CONTROL_LABELS: `control_block("zh", project_name=..., version="V1.0")`.
    """
    return [(CONTROL_LABELS[key][lang], value) for key, value in values.items()]


def risk_level(score: float, lang: Lang = "en") -> str:
    """The level of a probability × impact score on the default 5×5 scale."""
    names = RISK_LEVELS[lang]
    return next((name for name, top in zip(names, _LEVEL_TOPS) if score <= top), names[-1])
