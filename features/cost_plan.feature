Feature: Cost management plan (COST_PLAN, standard §4.7.5)
  PMBOK's cost management plan states units of measure, precision and accuracy, and control
  thresholds ("The PMBOK cost plan requires units of measure"). COST-01: required sections present;
  COST-06: units, precision and accuracy stated; COST-07: control thresholds stated as a figure;
  COST-02: the line items add up to the stated total.

  Scenario: A complete cost plan
    Given an English cost management plan
    When it is checked
    Then it is recognised as a cost management plan
    And no blocker or major finding is reported
    And no COST rule is reported

  Scenario: COST-01 — no control thresholds
    Given an English cost management plan
    And its section "Control Thresholds" is missing
    When it is checked
    Then COST-01 is reported as major
    And the message mentions "Control Thresholds"

  Scenario: COST-07 — thresholds without a figure
    Given an English cost management plan
    And its section "Control Thresholds" says "Variances are escalated to the sponsor when they are significant."
    When it is checked
    Then COST-07 is reported as minor

  Scenario: COST-06 — accuracy not stated
    Given an English cost management plan
    And its section "Units of Measure" says "Amounts are in USD and rounded to the nearest thousand."
    When it is checked
    Then COST-06 is reported as minor

  Scenario: COST-02 — line items that do not add up to the total
    Given an English cost management plan
    And its section "Cost Items" is this table:
      | Cost Item           | Estimate (USD) |
      | Labour              | 800,000        |
      | Software            | 250,000        |
      | Contingency Reserve | 150,000        |
      | Total               | 1,100,000      |
    When it is checked
    Then COST-02 is reported as major
    And the message mentions "1,100,000"
