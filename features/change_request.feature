Feature: Change request (CHANGE_REQUEST, standard §4.11)
  A change request states the change, its reason and its impact on scope, schedule (in days) and
  cost (in money) (CR-01, CR-03), records a decision from the vocabulary with its rationale (CR-05),
  never decided before it was submitted (CR-06); an approved change names who implements it and by
  when (CR-08), a deferred one when it is re-reviewed (CR-11), and a closed one how it was verified
  (CR-12).

  Scenario: A complete change request
    Given an English change request
    When it is checked
    Then it is recognised as a change request
    And no CR rule is reported

  Scenario: CR-01 — an approved change without alternatives considered
    Given an English change request
    And its "Alternatives" field is left out
    When it is checked
    Then CR-01 is reported as blocker

  Scenario: CR-03 — impact not quantified
    Given an English change request
    And its "Schedule" field says "Slight delay"
    When it is checked
    Then CR-03 is reported at "Slight delay" as major

  Scenario: CR-05 — a decision outside the vocabulary
    Given an English change request
    And its "Decision" field says "Maybe later"
    When it is checked
    Then CR-05 is reported as major
    And the message mentions "Maybe later"

  Scenario: CR-06 — decided before it was submitted
    Given an English change request
    And its "Approval Date" field says "2026-02-20"
    When it is checked
    Then CR-06 is reported at "2026-02-20" as major

  Scenario: CR-08 — an approved change with no implementation date
    Given an English change request
    And its "Implementation Plan" field says "To be agreed with the team"
    When it is checked
    Then CR-08 is reported as major

  Scenario: CR-11 — a deferred change with no re-review date
    Given an English change request
    And its "Decision" field says "Deferred"
    When it is checked
    Then CR-11 is reported as minor

  Scenario: CR-12 — a closed change that was never verified
    Given an English change request
    And its "Status" field says "Closed"
    When it is checked
    Then CR-12 is reported as minor
