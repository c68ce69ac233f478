Feature: Project management plan (PMP, standard §4.7)
  The plan integrates the subsidiary plans and the baselines: every component is present (PMP-01),
  the baselines carry a version and an approval date (PMP-02), the key management reviews say when
  they happen (PMP-05) and the quality plan is included or referenced (PMP-09).

  Scenario: A complete project management plan
    Given an English project management plan
    When it is checked
    Then it is recognised as a project management plan
    And no blocker or major finding is reported
    And no PMP rule is reported

  Scenario: PMP-01 — the key management reviews are missing
    Given an English project management plan
    And its section "Key Management Reviews" is missing
    When it is checked
    Then PMP-01 is reported as blocker
    And the message mentions "Key Management Reviews"

  Scenario: PMP-02 — baselines without version or date
    Given an English project management plan
    And its section "Baselines" says "The scope, schedule and cost baselines are kept by the PMO."
    When it is checked
    Then PMP-02 is reported as major

  Scenario: PMP-05 — reviews without timing
    Given an English project management plan
    And its section "Key Management Reviews" says "The steering committee reviews the project as needed by the sponsor."
    When it is checked
    Then PMP-05 is reported as minor
