Feature: Change log (CHANGE_LOG, standard §4.12)
  The change log lists every change request with a unique ID (CL-02), a status and disposition from
  the agreed vocabulary that agree with each other (CL-03), a decision date not before submission and
  not in the future (CL-04); a request pending for more than 20 working days is flagged (CL-06).

  Scenario: A well-kept change log
    Given a well-kept change log
    When it is checked
    Then it is recognised as a change log
    And no blocker or major finding is reported
    And no CL rule is reported

  Scenario: CL-01 — a log without a disposition column
    Given a well-kept change log
    And its register has no "Decision" column
    When it is checked
    Then CL-01 is reported as major

  Scenario: CL-02 — two changes with the same ID
    Given a well-kept change log
    And its entry CR-002 has "Change ID" set to "CR-001"
    When it is checked
    Then CL-02 is reported at A6 as major

  Scenario: CL-03 — a disposition outside the vocabulary
    Given a well-kept change log
    And its entry CR-003 has "Decision" set to "Probably"
    When it is checked
    Then CL-03 is reported as major
    And the message mentions "Probably"

  Scenario: CL-04 — decided before it was submitted
    Given a well-kept change log
    And its entry CR-001 has "Decision Date" set to "2026-09-01"
    When it is checked
    Then CL-04 is reported as minor

  Scenario: CL-06 — a request pending for months
    Given a change log with these changes:
      | ID     | Status  | Decision | Date Submitted | Decision Date |
      | CR-001 | Closed  | Approved | 2026-10-02     | 2026-10-04    |
      | CR-002 | Open    | Pending  | 2026-08-03     |               |
    When it is checked
    Then CL-06 is reported as minor
    And the message mentions "CR-002"
