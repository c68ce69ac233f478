"""checker.analysis.titles: which title lines name a project beside the document type."""
from __future__ import annotations

import pytest

from checker.analysis.titles import name_beside_type
from checker.lexicon.vocabulary import shipped_vocabulary

VOCAB = shipped_vocabulary()


@pytest.mark.parametrize("title, name", [
    ("Project Charter: Apollo CRM Migration", "apollo crm migration"),
    ("Apollo CRM Migration – Project Charter v1.2", "apollo crm migration"),
    ("PROJECT CHARTER for the XYZ Program", "xyz program"),
    ("Project Management Plan for Apollo", "apollo"),
    ("Closeout Report: Tablet Rollout", "tablet rollout"),
    ("智慧仓储管理系统建设项目章程", "智慧仓储管理系统建设"),
    ("《软件项目管理》项目计划书", "软件项目管理"),
    ("智慧仓储项目周报", "智慧仓储"),
])
def test_a_title_with_more_than_the_type_names_the_project(title: str, name: str) -> None:
    assert name_beside_type(VOCAB, title) == name


@pytest.mark.parametrize("title", [
    "Project Charter", "Charter", "Risk Register", "项目章程",
    "Project Charter Template", "项目章程（模板）", "项目章程 V1.0", "Final Project Closure Report",
    "Status Report — Week 12", "Weekly Status Report 2026-03-06", "Monthly Status Report",
    "2026年第12周项目周报", "项目周报（2026年3月）", "项目月度报告",
    "Project Charter [Insert Project Name]", "项目章程（XXX项目）", "<Project Name> Project Charter",
    "项目名称项目章程", "Project Charter – Project Name",
    "Apollo CRM Migration",  # no document type in it: not a title of this shape
    "Establish the Charter Activity: Project Charter",  # speaks of the document, names no project
    "项目章程填写说明", "Project Charter Instructions",
])
def test_a_title_of_the_type_alone_names_no_project(title: str) -> None:
    assert name_beside_type(VOCAB, title) is None
