Feature: COMMON rules — every project document
  Standard §3 (COMMON) applies to every document type. A controlled document says which project and
  version it is (COM-01), carries no template left-overs (COM-02, COM-03), keeps a coherent revision
  history (COM-04), and, where it needs approval, shows a named and dated sign-off that covers the
  current version (COM-06, COM-07, COM-08). Dates must be real (COM-09) and unambiguous (COM-10),
  money carries its currency and unit (COM-11: "元 vs 万元 confusion is a 10,000× error"), required
  sections are not empty (COM-14), 大写 amounts equal the figures (COM-17) and shares add up to 100%
  (COM-18). A workbook that links outside itself or a document with macros is pointed out (SEC-01,
  SEC-02).

  Scenario: A clean charter passes the common rules
    Given an English charter
    When it is checked
    Then it is recognised as a charter
    And no blocker or major finding is reported
    And no COM rule is reported

  Scenario: COM-01 — the doc-control block must say who wrote the document
    Given an English charter
    And its "Author" field is left out
    When it is checked
    Then COM-01 is reported as major
    And the message mentions "author"
    And the message is in English

  Scenario: COM-01 — a title that names the project stands in for the Project Name field
    Given an English charter
    And its "Project Name" field is left out
    And its title is "Project Charter: Apollo CRM Migration"
    When it is checked
    Then COM-01 is not reported

  Scenario: COM-01 — a title that is only the document type does not name the project
    Given an English charter
    And its "Project Name" field is left out
    And its title is "Project Charter Template v1.0"
    When it is checked
    Then COM-01 is reported as major
    And the message mentions "project name"

  Scenario: COM-02 — a placeholder in the budget blocks approval
    Given an English charter
    And its budget field says "TBD"
    When it is checked
    Then COM-02 is reported at "TBD" as blocker

  Scenario: COM-02 — a placeholder in ordinary prose is major
    Given an English charter
    And its section "High-level Requirements" says "Single sign-on and [insert reporting requirements here] for the sales team."
    When it is checked
    Then COM-02 is reported as major

  Scenario: COM-03 — template guidance left in the body
    Given an English charter
    And it has an extra section "Notes" saying "How to use this template: replace every prompt with project text."
    When it is checked
    Then COM-03 is reported as minor
    And the message mentions "How to use this template"

  Scenario: COM-03 — guidance kept in an appendix is fine
    Given an English charter
    And it has an extra section "Appendix A" saying "How to use this template: replace every prompt with project text."
    When it is checked
    Then COM-03 is not reported

  Scenario: COM-04 — a document without a revision history
    Given an English charter
    And it has no revision history
    When it is checked
    Then COM-04 is reported as major
    And the message mentions "No revision-history table"

  Scenario: COM-04 — versions must increase
    Given an English charter
    And its revision history is:
      | Version | Date       | Author    | Summary of Changes   |
      | 1.0     | 2026-01-05 | Wei Zhang | First issue          |
      | 0.9     | 2026-01-09 | Wei Zhang | Sponsor comments     |
      | 1.1     | 2026-01-12 | Wei Zhang | Budget breakdown     |
    When it is checked
    Then COM-04 is reported as major
    And the message mentions "0.9"

  Scenario: COM-05 — a final document numbered as a draft
    Given an English charter
    And its "Version" field says "0.2"
    And its revision history is:
      | Version | Date       | Author    | Summary of Changes |
      | 0.1     | 2026-01-05 | Wei Zhang | First draft        |
      | 0.2     | 2026-01-12 | Wei Zhang | Review comments    |
    When it is checked
    Then COM-05 is reported at "0.2" as minor

  Scenario: COM-06 — a charter nobody has signed is a blocker
    Given an English charter
    And its approvals table is empty
    When it is checked
    Then COM-06 is reported as blocker

  Scenario: COM-06 — a charter without any approval block
    Given an English charter
    And it has no approvals block
    When it is checked
    Then COM-06 is reported as blocker
    And the message mentions "No approval block"

  Scenario: COM-07 — an approval dated before the current revision
    Given an English charter
    And it is approved by:
      | Name     | Role            | Signature     | Date       |
      | Dana Lee | Project Sponsor | /s/ Dana Lee  | 2026-01-10 |
    When it is checked
    Then COM-07 is reported at "2026-01-10" as major
    And the message mentions "predates revision 1.1"

  Scenario: COM-08 — marked Final but not signed
    Given an English charter
    And it has no approvals block
    When it is checked
    Then COM-08 is reported at "Final" as major

  Scenario: COM-09 — an impossible date
    Given an English charter
    And its "Date" field says "2026-02-30"
    When it is checked
    Then COM-09 is reported at "2026-02-30" as major

  Scenario: COM-10 — a date that reads two ways is pointed out
    Given an English charter
    And its "Date" field says "03/04/2026"
    When it is checked
    Then COM-10 is reported as info

  Scenario: COM-11 — a budget without currency or unit
    Given an English charter
    And its "Budget" field says "1,200,000"
    When it is checked
    Then COM-11 is reported at "1,200,000" as major

  Scenario: COM-14 — a required section that only says N/A
    Given an English charter
    And its section "Project Exit Criteria" says "N/A"
    When it is checked
    Then COM-14 is reported at "10. Project Exit Criteria" as major

  Scenario: COM-18 — a breakdown that does not add up to 100%
    Given an English charter
    And it has an extra section "13. Effort distribution" with this table:
      | Work package | Weight |
      | Design       | 30%    |
      | Build        | 50%    |
      | Test         | 15%    |
      | Total        | 95%    |
    When it is checked
    Then COM-18 is reported as minor
    And the message mentions "95%"

  Scenario: SEC-02 — a macro-enabled document is pointed out
    Given an English charter
    And it is saved as a macro-enabled document
    When it is checked
    Then SEC-02 is reported as info

  Scenario: SEC-01 — a workbook that links to another workbook is pointed out
    Given a well-kept risk register
    And the workbook links to another workbook
    When it is checked
    Then SEC-01 is reported as info

  Scenario: Registers need no approval block
    Given a well-kept issue register
    And it has no cover sheet
    When it is checked
    Then COM-06 is not reported
