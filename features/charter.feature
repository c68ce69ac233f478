Feature: Project charter (CHARTER, standard §4.4)
  "The charter formalises the approved request": it names the project manager and the sponsor who
  authorizes it, states measurable objectives, boundaries, high-level risks, a summary milestone
  schedule inside the project window (CH-05), a pre-approved budget with its currency (CH-06), key
  stakeholders with their roles (CH-07) and exit criteria that say when the project closes or is
  cancelled (CH-08). A missing required element is a blocker (CH-01).

  Scenario: A complete charter has no charter findings
    Given an English charter
    When it is checked
    Then it is recognised as a charter
    And no CH rule is reported

  Scenario: CH-01 — the exit criteria section is missing
    Given an English charter
    And its section "Exit Criteria" is missing
    When it is checked
    Then CH-01 is reported at "9. Project Approval Requirements" as blocker
    And the message mentions "Project Exit Criteria"

  Scenario: CH-01 — a title that names the project gives the project title
    Given an English charter
    And its "Project Name" field is left out
    And its "Project ID" field is left out
    And its title is "Project Charter: Apollo CRM Migration"
    When it is checked
    Then CH-01 is not reported
    And COM-01 is not reported

  Scenario: CH-01 — without a name, ID or naming title the project title is missing
    Given an English charter
    And its "Project Name" field is left out
    And its "Project ID" field is left out
    When it is checked
    Then CH-01 is reported as blocker
    And the message mentions "Project Title"

  Scenario: CH-05 — the project ends before it starts
    Given an English charter
    And its "End Date" field says "2025-12-31"
    When it is checked
    Then CH-05 is reported at "2025-12-31" as major

  Scenario: CH-06 — a budget without a currency
    Given an English charter
    And its section "Pre-approved Financial Resources" says "The pre-approved budget is 1,200,000 in total."
    When it is checked
    Then CH-06 is reported at "7. Pre-approved Financial Resources" as major

  Scenario: CH-07 — a stakeholder without a role
    Given an English charter
    And its section "Key Stakeholder List" is this table:
      | Stakeholder      | Role       |
      | Sales department | Main users |
      | Finance          |            |
    When it is checked
    Then CH-07 is reported at row 2, column 1 as minor
    And the message mentions "Finance"

  Scenario: CH-08 — exit criteria that do not say when the project closes
    Given an English charter
    And its section "Exit Criteria" says "The steering committee will decide on this matter later on."
    When it is checked
    Then CH-08 is reported as major

  Scenario: CH-10 — a risks table with only its header row
    Given an English charter
    And its section "Overall Project Risk" is this table:
      | Risk | Response | Owner |
    When it is checked
    Then CH-10 is reported as minor
    And no COM rule is reported
