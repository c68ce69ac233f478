"""A generated document library for the audit tests: projects with charters, scope statements and
plans, their PMO metadata in custom properties (the manager in the doc-control table), and seeded
defects (a placeholder, COM-02) where a test wants a lower score."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document as open_docx

from tests.support.clean_docs import EN_CHARTER, EN_PMP, EN_SCOPE, control_for, make_docx
from tests.support.word import add_custom_properties

PORTFOLIOS = ("Digital", "Operations")
DEPARTMENTS = ("Sales IT", "Supply Chain", "Finance")
MANAGERS = ("Wei Zhang", "Ana Costa", "Lars Berg")
KINDS = {"charter": ("Project Charter", EN_CHARTER), "scope": ("Project Scope Statement", EN_SCOPE),
         "plan": ("Project Management Plan", EN_PMP)}
DEFECT = ("Open points", "The budget owner is TBD.")


@dataclass(frozen=True)
class LibraryDoc:
    name: str  # file name, "prj-101/charter.docx"
    project: int
    kind: str


def project_id(project: int) -> str:
    return f"PRJ-2026-{100 + project:03d}"


def groups(project: int) -> dict[str, str]:
    """The project's PMO metadata, as its documents' custom properties carry it."""
    return {"portfolio": PORTFOLIOS[project % len(PORTFOLIOS)], "department": DEPARTMENTS[project % len(DEPARTMENTS)],
            "manager": MANAGERS[project % len(MANAGERS)]}


def document_bytes(project: int, kind: str, defect: bool = False, revision: int = 1, properties: bool = True) -> bytes:
    """A clean document of `kind` for `project` (with a placeholder when `defect`); `revision` changes
    the file (its core `revision` property) without changing what the rules find."""
    import tempfile

    title, sections = KINDS[kind]
    control = control_for(title, **{"Project Name": f"Project {project_id(project)}", "Project ID": project_id(project),
                                    "Project Manager": groups(project)["manager"]})
    with tempfile.TemporaryDirectory() as folder:
        path = make_docx(Path(folder) / "doc.docx", title=title, control=control,
                         sections=list(sections) + ([DEFECT] if defect else []))
        doc = open_docx(str(path))
    doc.core_properties.revision = revision
    if properties:
        add_custom_properties(doc, {"Portfolio": groups(project)["portfolio"],
                                    "Department": groups(project)["department"]})
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def library_docs(projects: int, kinds: tuple[str, ...] = ("charter", "scope", "plan")) -> list[LibraryDoc]:
    return [LibraryDoc(f"{project_id(p).lower()}/{kind}.docx", p, kind) for p in range(projects) for kind in kinds]


def write_library(folder: Path, docs: list[LibraryDoc], defects: set[str] = frozenset(), revision: int = 1) -> Path:
    """The documents under `folder` (those named in `defects` with a placeholder)."""
    for d in docs:
        target = folder / d.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(document_bytes(d.project, d.kind, d.name in defects, revision))
    return folder
