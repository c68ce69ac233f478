Feature: Project scope statement (SCOPE_STATEMENT, standard §4.6)
  The scope statement (PMBOK §5.3.3.1) describes the product scope, the deliverables, the acceptance
  criteria and — explicitly — what is excluded (SS-01: all required sections present; SS-03: the
  exclusions name at least one thing; SS-05: constraints and assumptions are stated or explicitly
  "None").

  Scenario: A complete scope statement
    Given an English scope statement
    When it is checked
    Then it is recognised as a scope statement
    And no blocker or major finding is reported
    And no SS rule is reported

  Scenario: SS-01 — no exclusions section
    Given an English scope statement
    And its section "Project Exclusions" is missing
    When it is checked
    Then SS-01 is reported as blocker
    And the message mentions "Project Exclusions"

  Scenario: SS-05 — an explicit "None" with a reason is accepted
    Given an English scope statement
    And its section "Constraints" says "None: the project has no constraints beyond the budget."
    When it is checked
    Then SS-05 is not reported

  Scenario: SS-07 — a subjective word with no number cannot be accepted
    Given an English scope statement
    And its section "Project Deliverables" says "A user-friendly customer portal for all regional sales teams."
    When it is checked
    Then SS-07 is reported as minor
    And the message mentions "user-friendly"

  Scenario: SS-07 — a vague word next to a measurable target is fine
    Given an English scope statement
    And its section "Project Deliverables" says "Order entry improved to under 2 minutes per order for 95% of orders."
    When it is checked
    Then SS-07 is not reported
