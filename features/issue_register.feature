Feature: Issue register (ISSUE_REGISTER, standard §4.10)
  PMBOK's issue log records every issue with one owner and a target resolution date (IR-03), a unique
  ID (IR-02), priority and severity from the agreed levels (IR-04); a closed issue says how it was
  resolved and when (IR-05), and an open issue past its target date or older than 30 days is
  flagged (IR-06). The register is a workbook whose header is on row 4 of the "Issues" sheet.

  Scenario: A well-kept issue register
    Given a well-kept issue register
    When it is checked
    Then it is recognised as an issue register
    And no blocker or major finding is reported
    And no IR rule is reported

  Scenario: IR-01 — no owner column at all
    Given a well-kept issue register
    And its register has no "Owner" column
    When it is checked
    Then IR-01 is reported as major

  Scenario: IR-02 — an issue without an ID
    Given a well-kept issue register
    And its entry I-2 has "Issue ID" set to ""
    When it is checked
    Then IR-02 is reported at A6 as major

  Scenario: IR-03 — an open issue nobody owns
    Given an issue register with these issues:
      | ID  | Description                          | Owner     | Target Date | Status |
      | I-1 | Test environment down two days a week |           | 2026-12-10  | Open   |
      | I-2 | Vendor data extract is late           | Bob Smith | 2026-12-10  | Open   |
    When it is checked
    Then IR-03 is reported at C5 as major

  Scenario: IR-04 — a priority outside the agreed levels
    Given a well-kept issue register
    And its entry I-1 has "Priority" set to "Whenever possible"
    When it is checked
    Then IR-04 is reported at F5 as minor

  Scenario: IR-05 — a closed issue without a resolution
    Given an issue register with these issues:
      | ID  | Status | Resolution | Closure Date |
      | I-1 | Closed |            | 2026-11-20   |
      | I-2 | Open   |            |              |
    When it is checked
    Then IR-05 is reported as major

  Scenario: IR-06 — an open issue past its target date
    Given a well-kept issue register
    And its entry I-3 has "Target Resolution Date" set to "2026-11-01"
    When it is checked
    Then IR-06 is reported as minor

  Scenario: Nothing from the issue rules on a risk register
    Given a well-kept risk register
    When it is checked
    Then no IR rule is reported
