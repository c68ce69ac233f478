Feature: Closure report (CLOSURE_REPORT, standard §4.16)
  The end-project report reviews objectives, business case, performance, changes, lessons and
  follow-on actions, and records the handover (CLS-01); the handover is dated (CLS-10), the
  administrative closure is described (CLS-11) and the report is not dated after its own sign-off
  (CLS-16).

  Scenario: A complete closure report
    Given an English closure report
    When it is checked
    Then it is recognised as a closure report
    And no blocker or major finding is reported

  Scenario: CLS-01 — no handover confirmation
    Given an English closure report
    And its section "Handover confirmation" is missing
    When it is checked
    Then CLS-01 is reported as blocker
    And the message mentions "Handover"

  Scenario: CLS-10 — a handover without a date
    Given an English closure report
    And its section "Handover confirmation" says "IT operations accepted the handover after the final walkthrough."
    When it is checked
    Then CLS-10 is reported as major

  Scenario: CLS-11 — no administrative closure
    Given an English closure report
    And its section "Administrative closure" is missing
    When it is checked
    Then CLS-11 is reported as minor

  Scenario: CLS-16 — a report dated after its sign-off
    Given an English closure report
    And its "Date" field says "2026-07-20"
    And its revision history is:
      | Version | Date       | Author    | Summary of Changes |
      | 1.0     | 2026-07-05 | Wei Zhang | Final              |
      | 1.1     | 2026-07-08 | Wei Zhang | Comments           |
    And it is approved by:
      | Name     | Role            | Signature    | Date       |
      | Dana Lee | Project Sponsor | /s/ Dana Lee | 2026-07-10 |
    When it is checked
    Then CLS-16 is reported
    And the message mentions "sign-off date"

  Scenario: CLS-03 — a finish variance that is not actual − planned
    Given an English closure report
    And its section "Schedule performance" is this table:
      | Phase  | Planned finish | Actual finish | Finish variance (days) |
      | Design | 2026-03-20     | 2026-03-20    | 0                      |
      | Build  | 2026-06-19     | 2026-06-26    | +3                     |
    When it is checked
    Then CLS-03 is reported at row 2, column 3 as major
    And the message mentions "Build"

  Scenario: CLS-04 — a cost variance beyond the threshold without a reason
    Given an English closure report
    And its section "Cost performance" is this table:
      | Cost category          | Budget (USD) | Actual (USD) | Variance (USD) | Variance (%) |
      | Partner services       | 572,000      | 569,500      | -2,500         | -0.4%        |
      | Integration middleware | 90,000       | 72,500       | -17,500        | -19.4%       |
    When it is checked
    Then CLS-04 is reported at row 2, column 4 as major
    And the message mentions "Integration middleware"
