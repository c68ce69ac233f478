Feature: Risk register (RISK_REGISTER, standard §4.9)
  "Templates define score as likelihood × impact. Arithmetic errors mis-rank risks." (RR-06)
  A risk register is a workbook: a Cover sheet with the doc-control block, then the register sheet
  (here called "Risks") whose header is on row 4, so the first risk is on row 5. Every risk has a
  unique ID (RR-02), P and I on the declared scale (RR-05), a score equal to P × I (RR-06), a level
  that matches its score band (RR-07), exactly one owner (RR-08), a response strategy (RR-10); high
  and critical risks also carry a contingency plan, a trigger and a due date (RR-12). Open risks are
  reviewed at least every 30 days (RR-16), and a register with hardly any risks means the project
  has not been assessed (RR-22).

  Scenario: A well-kept risk register has no blocker or major finding
    Given a well-kept risk register
    When it is checked
    Then it is recognised as a risk register
    And no blocker or major finding is reported
    And RR-07 is reported at the header row of sheet "Risks" as info
    And the message mentions "A_5x5_foundry"

  Scenario: RR-06 — a score that is not probability × impact
    Given a risk register with these risks:
      | ID  | Description                                   | Probability | Impact | Score | Level  | Owner      | Status |
      | R-1 | Because the vendor is new, delivery may slip   | 2           | 3      | 6     | Medium | Bob Smith  | Open   |
      | R-2 | Key staff may leave during the build phase     | 2           | 2      | 4     | Low    | Carol Diaz | Open   |
      | R-3 | Scope may creep because requirements are vague | 4           | 5      | 12    | Medium | Dan Wu     | Open   |
      | R-4 | The budget may be cut in the mid-year review   | 1           | 4      | 4     | Low    | Eve Park   | Open   |
      | R-5 | The new platform may not scale to peak load    | 2           | 2      | 4     | Low    | Finn Roe   | Open   |
    When it is checked
    Then RR-06 is reported at E7 as major
    And the message mentions "R-3"
    And RR-06 is reported 1 time

  Scenario: RR-07 — a level that does not match the score band
    Given a well-kept risk register
    And its entry R-2 has "Risk Level" set to "Low"
    When it is checked
    Then RR-07 is reported at I6 as major

  Scenario: RR-01 — a register without a category column
    Given a well-kept risk register
    And its register has no "Category" column
    When it is checked
    Then RR-01 is reported as blocker

  Scenario: RR-02 — two risks with the same ID
    Given a well-kept risk register
    And its entry R-4 has "Risk ID" set to "R-3"
    When it is checked
    Then RR-02 is reported at A8 as major

  Scenario: RR-05 — a probability off the scale
    Given a well-kept risk register
    And its entry R-1 has "Probability" set to "7"
    When it is checked
    Then RR-05 is reported at F5 as major

  Scenario: RR-08 — two owners for one risk
    Given a well-kept risk register
    And its entry R-2 has "Risk Owner" set to "Carol Diaz / Dan Wu"
    When it is checked
    Then RR-08 is reported at O6 as major

  Scenario: RR-10 — an open risk without a response strategy
    Given a well-kept risk register
    And its entry R-5 has "Response Strategy" set to ""
    When it is checked
    Then RR-10 is reported at J9 as major

  Scenario: RR-12 — a critical risk without contingency, trigger or due date
    Given a risk register with these risks:
      | ID  | Probability | Impact | Score | Level    | Contingency Plan | Trigger | Due Date |
      | R-1 | 4           | 5      | 20    | Critical |                  |         |          |
      | R-2 | 2           | 3      | 6     | Medium   |                  |         |          |
      | R-3 | 3           | 2      | 6     | Medium   |                  |         |          |
      | R-4 | 1           | 4      | 4     | Low      |                  |         |          |
      | R-5 | 2           | 2      | 4     | Low      |                  |         |          |
    When it is checked
    Then RR-12 is reported as blocker
    And the message mentions "R-1"

  Scenario: RR-16 — an open risk not reviewed for two months
    Given a well-kept risk register
    And its entry R-3 has "Last Reviewed" set to "2026-09-01"
    When it is checked
    Then RR-16 is reported as major

  Scenario: RR-15 — risks reviewed after the register date: one finding for the stale document date
    Given a risk register with these risks:
      | ID  | Last Reviewed |
      | R-1 | 2026-11-21    |
      | R-2 | 2026-11-22    |
      | R-3 | 2026-11-22    |
      | R-4 | 2026-11-23    |
      | R-5 | 2026-11-21    |
    When it is checked
    Then RR-15 is reported 1 time
    And RR-15 is reported at B5 of sheet "Cover" as minor
    And the message mentions "before the Last Reviewed of 5 risks (latest 2026-11-23; R-1, R-2, R-3 …)"

  Scenario: RR-15 — a few risks reviewed after the register date are reported one by one
    Given a well-kept risk register
    And its entry R-2 has "Last Reviewed" set to "2026-11-22"
    And its entry R-4 has "Last Reviewed" set to "2026-11-23"
    When it is checked
    Then RR-15 is reported 2 times
    And the message mentions "Risk R-4: the register date 2026-11-20 is before Last Reviewed 2026-11-23"

  Scenario: RR-22 — a register with only one risk
    Given a risk register with these risks:
      | ID  | Description                                 |
      | R-1 | Because the vendor is new, delivery may slip |
    When it is checked
    Then RR-22 is reported as major

  Scenario: Nothing from the risk rules on a charter
    Given an English charter
    When it is checked
    Then no RR rule is reported
