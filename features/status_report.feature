Feature: Status report (STATUS_REPORT, standard §4.14)
  A highlight or status report covers one reporting period and is issued promptly (SR-01), gives an
  overall status on the RAG scale (SR-02), says what comes next (SR-05) and how the project stands
  against its tolerances (SR-12). It needs no approval block.

  Scenario: A clean status report
    Given an English status report
    When it is checked
    Then it is recognised as a status report
    And no blocker or major finding is reported
    And COM-06 is not reported

  Scenario: SR-01 — a report issued long after its period
    Given an English status report
    And its "Report Date" field says "2026-04-20"
    When it is checked
    Then SR-01 is reported as major
    And the message mentions "more than 7 days"

  Scenario: SR-02 — an overall status that is not Red, Amber or Green
    Given an English status report
    And its section "Project Status" is missing
    And its "Overall Status" field says "Fine"
    When it is checked
    Then SR-02 is reported as major
    And the message mentions "Fine"

  Scenario: SR-05 and SR-12 — no next period and no tolerance status
    Given an English status report
    And its section "Next Reporting Period" is missing
    And its section "Tolerance Status" is missing
    When it is checked
    Then SR-05 is reported as minor
    And SR-12 is reported as minor

  Scenario: Charter rules do not apply to a status report
    Given an English status report
    When it is checked
    Then no CH, SS, PMP, BC, CLS, CR or COST rule is reported
