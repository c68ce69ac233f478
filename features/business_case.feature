Feature: Initiation request / business case (INIT_REQUEST_BC, standard §4.1)
  The request says who asks, why, what it will deliver, the expected benefits, the timescale and the
  cost (BC-01), with the start before the end (BC-09) and a response for every major risk (BC-10).
  Whether the reasons cite a named strategy is a judgement: it is reported as info and flagged for
  review, never as a failure (BC-13).

  Scenario: A complete business case
    Given an English business case
    When it is checked
    Then it is recognised as a business case
    And no blocker or major finding is reported

  Scenario: BC-01 — no expected benefits
    Given an English business case
    And its section "Expected Benefits" is missing
    When it is checked
    Then BC-01 is reported as blocker
    And the message mentions "Expected Benefits"

  Scenario: BC-10 — a major risk without a response
    Given an English business case
    And its section "Major Risks" is this table:
      | Risk                | Response                 |
      | Data quality issues | Two rehearsal migrations |
      | Vendor delay        |                          |
    When it is checked
    Then BC-10 is reported at row 2, column 1 as major
    And the message mentions "Vendor delay"

  Scenario: BC-13 — the link to strategy is left to a reviewer
    Given an English business case
    When it is checked
    Then BC-13 is reported at "2. Reasons" as info
    And it is flagged for review

  Scenario: BC-17 — no estimate accuracy stated
    Given an English business case
    And its section "Costs" says "One-off cost USD 1,200,000; running cost USD 80,000 per year."
    When it is checked
    Then BC-17 is reported as info

  Scenario: BC-07 — funding does not cover the one-off cost
    Given an English business case
    And it has an extra section "Costs" with this table:
      | Cost item                  | Amount (USD) |
      | Partner services           | 900,000      |
      | Licences                   | 300,000      |
      | Total one-off project cost | 1,200,000    |
    And it has an extra section "Funding" with this table:
      | Funding source  | Amount (USD) |
      | IT capital plan | 1,000,000    |
      | Total funding   | 1,000,000    |
    When it is checked
    Then BC-07 is reported at row 2, column 1 as major
    And the message mentions "200,000"
