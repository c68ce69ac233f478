Feature: Gate readiness for review committees (G0–G4)
  Before a gate review (立项评审, 计划评审, 结项评审) the project manager wants to know whether the pack
  will pass: are the documents the gate needs there, in the state it asks, and free of blockers; do
  its exit criteria hold. The answer per project is ready, conditional (only majors fail: the
  conditions a committee would attach) or not-ready (a missing document or a blocker).

  Scenario: G2 a complete, consistent planning pack is ready
    Given an English project folder
    And the PMO follows the cn_pmo profile
    When the project folder is assessed for gate G2
    Then the gate decision is "ready"
    And no document is missing

  Scenario: G2 without a RACI matrix the pack is not ready
    Given an English project folder
    And the PMO follows the cn_pmo profile
    And its RACI matrix is missing
    When the project folder is assessed for gate G2
    Then the gate decision is "not-ready"
    And "RACI" is a missing document

  Scenario: G2 a charter still in draft is a blocker
    Given an English project folder
    And the PMO follows the cn_pmo profile
    And its charter is a draft
    When the project folder is assessed for gate G2
    Then the gate decision is "not-ready"
    And "GATE-01" fails the gate as blocker

  Scenario: G2 an inconsistent project window is a condition
    Given an English project folder
    And the PMO follows the cn_pmo profile
    And its project plan states the end date "2026-07-10"
    When the project folder is assessed for gate G2
    Then the gate decision is "conditional"
    And "XD-04" is a condition

  Scenario: G2 a PMBOK organisation also expects the risk management plan
    Given an English project folder
    And the PMO follows the pmbok profile
    When the project folder is assessed for gate G2
    Then the gate decision is "not-ready"
    And "RISK_MGMT_PLAN" is a missing document

  Scenario: G2 the PMO's configuration no longer requires the RACI matrix
    Given an English project folder
    And the PMO follows the cn_pmo profile
    And its RACI matrix is missing
    And the PMO's configuration says:
      """
      [gates.G2.required_docs]
      RACI = false
      """
    When the project folder is assessed for gate G2
    Then the gate decision is "ready"

  Scenario: G2 the latest version of a document is the one the gate looks at
    Given an English project folder
    And the PMO follows the cn_pmo profile
    And the folder also holds "charter_v0.9_draft.docx", a draft of the charter at version "0.9"
    When the project folder is assessed for gate G2
    Then the gate decision is "ready"
    And "charter_v0.9_draft.docx" is superseded by a newer version

  Scenario: G0 the request and the PMO assessment are enough to enter evaluation
    Given an English project folder
    And its folder holds only business case and committee decision
    When the project folder is assessed for gate G0
    Then the gate decision is "ready"

  Scenario: G1 under the client's flow the charter comes at G2, not at G1
    Given an English project folder
    And the PMO follows the cn_pmo profile
    And its folder holds only business case and committee decision
    When the project folder is assessed for gate G1
    Then the gate decision is "ready"

  Scenario: G1 a PMBOK organisation needs the approved charter at G1
    Given an English project folder
    And the PMO follows the pmbok profile
    And its folder holds only business case and committee decision
    When the project folder is assessed for gate G1
    Then the gate decision is "not-ready"
    And "CHARTER" is a missing document

  Scenario: G3 an execution pack with its status report, registers, change records and minutes is ready
    Given an English project folder with every document
    When the project folder is assessed for gate G3
    Then the gate decision is "ready"

  Scenario: G3 a status report that misreports a risk is a condition
    Given an English project folder with every document
    And the status report rates "R-1" as "Medium"
    When the project folder is assessed for gate G3
    Then the gate decision is "conditional"
    And "XD-08" is a condition

  Scenario: G4 a closure pack that hands over every open risk is ready
    Given an English project folder with every document
    When the project folder is assessed for gate G4
    Then the gate decision is "ready"

  Scenario: G4 an open risk not handed over blocks closure
    Given an English project folder with every document
    And the closure report does not hand over "R-2"
    When the project folder is assessed for gate G4
    Then the gate decision is "not-ready"
    And "XD-09" fails the gate as blocker

  Scenario: A mixed folder of three projects is grouped and each gets the decision a reviewer would give
    Given an English project folder
    And a Chinese project folder
    And its RACI matrix is missing
    And a project folder with English headings and Chinese content
    And its project plan states the end date "2026-11-09"
    And the PMO follows the cn_pmo profile
    When the project folder is assessed for gate G2
    Then the folder holds 3 projects
    And project "PRJ-2026-042" holds 10 documents
    And project "ZC-2026-007" holds 9 documents
    And project "ZC-2026-015" holds 10 documents
    And the gate decision for "Apollo CRM Migration" is "ready"
    And the gate decision for "智慧仓储管理系统建设项目" is "not-ready"
    And the gate decision for "园区能源管理平台" is "conditional"
