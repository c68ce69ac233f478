"""The two fictional projects every document builder writes about: an English CRM migration and a
Chinese warehouse-management system. Their name and id are the same in the rule tests, the
scenarios, the sample documents and the benchmarks, so that documents of one project group together."""
from __future__ import annotations

PROJECT_NAME = {"en": "Apollo CRM Migration", "zh": "智慧仓储管理系统建设项目"}
PROJECT_ID = {"en": "PRJ-2026-042", "zh": "ZC-2026-007"}
