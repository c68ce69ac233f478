Feature: Cross-document consistency of a project (XD rules)
  A PMO never reviews one document alone: the charter's budget must match the business case, the plan
  and the cost plan; the change log must match the change requests; the closure report must hand over
  the open risks. The documents given together are grouped into projects and checked against each
  other; each inconsistency is reported once per project, with evidence from every side.

  Scenario: A consistent project folder has no cross-document finding
    Given an English project folder with every document
    When the project folder is checked
    Then no cross-document finding is reported
    And the folder holds 1 project

  Scenario: XD-01 the sponsor is another person in the charter
    Given an English project folder with every document
    And its charter states the sponsor "Dan Leigh"
    When the project folder is checked
    Then XD-01 is reported once as major
    And its evidence shows the charter and project plan
    And the finding mentions "Dan Leigh"

  Scenario: XD-01 a project name spelled two ways in one folder is one project with a finding
    Given an English project folder with every document
    And the charter names the project "Apollo CRM Migraton" without an ID
    When the project folder is checked
    Then the folder holds 1 project
    And XD-01 is reported once
    And the finding mentions "Apollo CRM Migraton"

  Scenario: XD-01 the project manager differs
    Given an English project folder with every document
    And its scope statement states the project manager "Wei Chang"
    When the project folder is checked
    Then XD-01 is reported once
    And its evidence shows the scope statement and charter

  Scenario: XD-02 the charter's budget is not the business case's and the cost plan's
    Given an English project folder with every document
    And its charter states the budget "USD 1,300,000"
    When the project folder is checked
    Then XD-02 is reported once as blocker
    And its evidence shows the charter, business case and cost plan
    And the finding mentions "1,300,000 USD"

  Scenario: XD-02 the charter asks for more than the committee authorised
    Given an English project folder with every document
    And its committee decision states the authorised budget "USD 1,000,000"
    When the project folder is checked
    Then XD-02 is reported once as blocker
    And its evidence shows the committee decision and charter

  Scenario: XD-03 the status report's BAC is not the cost baseline
    Given an English project folder with every document
    And the status report states the BAC "USD 1,250,000"
    When the project folder is checked
    Then XD-03 is reported once as major
    And its evidence shows the status report and cost plan

  Scenario: XD-03 a newer cost plan raises the baseline beyond the approved changes
    Given an English project folder with every document
    And a newer version "cost_plan_v1.1.docx" of the cost plan says "Baseline updated for CR-001" in its revision history
    And that version states the cost total "1,300,000"
    When the project folder is checked
    Then XD-03 is reported about "approved changes add up to 0"
    And the finding mentions "1,300,000 USD"
    And XD-07 is not reported for the project

  Scenario: XD-04 the plan ends ten days after the charter
    Given an English project folder with every document
    And its project plan states the end date "2026-07-10"
    When the project folder is checked
    Then XD-04 is reported once as major
    And its evidence shows the charter and project plan
    And the finding mentions "2026-07-10"

  Scenario: XD-05 the plan moves a milestone the schedule keeps
    Given an English project folder with every document
    And its project plan dates the milestone "Go-live" "2026-06-22"
    When the project folder is checked
    Then XD-05 is reported once as major
    And its evidence shows the schedule and project plan
    And the finding mentions "Go-live"

  Scenario: XD-06 the change request and the change log record different decisions
    Given an English project folder with every document
    And the change request records the decision "Rejected"
    When the project folder is checked
    Then XD-06 is reported once as major
    And its evidence shows the change request and change log
    And the finding mentions "CR-001"

  Scenario: XD-06 a change request the change log does not know
    Given an English project folder with every document
    And the change request is numbered "CR-009"
    When the project folder is checked
    Then XD-06 is reported about "CR-009"
    And its evidence shows the change request and change log

  Scenario: XD-07 a newer schedule changes the baseline without an approved change
    Given an English project folder with every document
    And a newer version "schedule_v1.1.xlsx" of the schedule says "Dates moved after the design review" in its revision history
    When the project folder is checked
    Then XD-07 is reported once as major
    And the finding mentions "schedule_v1.1.xlsx"

  Scenario: XD-07 a newer schedule that cites the approved change is no silent re-baselining
    Given an English project folder with every document
    And a newer version "schedule_v1.1.xlsx" of the schedule says "Partner single sign-on added (CR-001)" in its revision history
    When the project folder is checked
    Then XD-07 is not reported for the project

  Scenario: XD-08 the status report rates a risk lower than the register
    Given an English project folder with every document
    And the status report rates "R-1" as "Medium"
    When the project folder is checked
    Then XD-08 is reported once as major
    And its evidence shows the status report and risk register

  Scenario: XD-09 an open risk is not handed over at closure
    Given an English project folder with every document
    And the closure report does not hand over "R-2"
    When the project folder is checked
    Then XD-09 is reported once as blocker
    And its evidence shows the risk register and closure report
    And the finding mentions "R-2"

  Scenario: XD-10 a risk owner the stakeholder register does not know
    Given an English project folder with every document
    And risk "R-2" is owned by "Zoe Quinn"
    When the project folder is checked
    Then XD-10 is reported once as major
    And the finding mentions "Zoe Quinn"

  Scenario: XD-11 the charter's objective is not the business case's
    Given an English project folder with every document
    And its charter lists only the objective "Open a customer portal for dealers"
    When the project folder is checked
    Then XD-11 is reported once as major
    And its evidence shows the charter and business case

  Scenario: XD-12 a deliverable without an acceptance record at closure
    Given an English project folder with every document
    And the closure report does not record the acceptance of "Partner single sign-on"
    When the project folder is checked
    Then XD-12 is reported once as major
    And its evidence shows the scope statement and closure report
    And the finding mentions "Partner single sign-on"

  Scenario: XD-13 the closure report's actual cost is below what was already reported
    Given an English project folder with every document
    And its closure report states the actual cost "USD 400,000"
    When the project folder is checked
    Then XD-13 is reported once as major
    And its evidence shows the closure report and status report

  Scenario: XD-14 two weeks are missing between two status reports
    Given an English project folder with every document
    And both status reports are in the folder
    And the second status report covers "2026-03-23" to "2026-03-27"
    When the project folder is checked
    Then XD-14 is reported once as minor
    And the finding mentions "2026-03-23"

  Scenario: XD-15 the business case is dated after the committee decided on it
    Given an English project folder with every document
    And its business case states the date "2026-02-02"
    When the project folder is checked
    Then XD-15 is reported once as major
    And its evidence shows the business case and committee decision
    And the finding mentions "2026-02-02"

  Scenario: XD-16 the risk management plan's scale is not the register's
    Given an English project folder with every document
    And the risk management plan sets a 3-level scale
    When the project folder is checked
    Then XD-16 is reported once as major
    And its evidence shows the risk management plan and risk register

  Scenario: XD-28 a committee condition is still open after planning
    Given an English project folder with every document
    And the committee condition "C-1" is still open
    When the project folder is checked
    Then XD-28 is reported once as major
    And its evidence shows the committee decision
    And the finding mentions "data-protection"
