Feature: Project schedule (SCHEDULE, standard §4.7.2)
  "Planned start/finish per activity, milestone chart, critical path" (S88), checked in the spirit of
  the DCMA 14-point assessment: at least one milestone (SCH-01), every activity finishes after it
  starts (SCH-02), dependencies point at real activities and form no loop (SCH-05), and every
  activity has an owner (SCH-10).

  Scenario: A well-kept schedule
    Given a well-kept schedule
    When it is checked
    Then it is recognised as a schedule
    And no blocker or major finding is reported
    And no SCH rule is reported

  Scenario: SCH-01 — no milestone at all
    Given a well-kept schedule
    And its entry 1 has "Milestone" set to "No"
    And its entry 1 has "Finish" set to "2026-01-20"
    When it is checked
    Then SCH-01 is reported at the header row of sheet "Schedule" as major

  Scenario: SCH-02 — an activity that finishes before it starts
    Given a schedule with these activities:
      | ID | Task               | Start      | Finish     | Predecessors | Milestone |
      | 1  | Project kick-off   | 2026-01-05 | 2026-01-05 |              | Yes       |
      | 2  | Design             | 2026-01-06 | 2026-02-20 | 1            | No        |
      | 3  | Build              | 2026-03-10 | 2026-03-01 | 2            | No        |
    When it is checked
    Then SCH-02 is reported at D7 as major
    And the message mentions "2026-03-01"

  Scenario: SCH-05 — a dependency on an activity that does not exist
    Given a well-kept schedule
    And its entry 3 has "Predecessors" set to "9"
    When it is checked
    Then SCH-05 is reported as major

  Scenario: SCH-10 — an activity without an owner
    Given a well-kept schedule
    And its entry 4 has "Owner" set to ""
    When it is checked
    Then SCH-10 is reported as minor
