Feature: RACI matrix (RACI, standard §4.7.3)
  "Exactly one A per activity" (RACI-01, S80): every activity has one accountable role, at least one
  responsible role (RACI-02), only R, A, C, I (or A/R) in the cells (RACI-03) and no empty row or
  unused role (RACI-04).

  Scenario: A clean RACI matrix
    Given a RACI matrix:
      | Activity          | Sponsor | Project Manager | Developer | Tester |
      | Approve charter   | A       | R               | I         | I      |
      | Build the system  | I       | A               | R         | C      |
      | Acceptance test   | C       | A               | C         | R      |
    When it is checked
    Then it is recognised as a RACI matrix
    And no RACI rule is reported

  Scenario: RACI-01 — two accountable roles for one activity
    Given a RACI matrix:
      | Activity          | Sponsor | Project Manager | Developer | Tester |
      | Approve charter   | A       | R               | I         | I      |
      | Build the system  | A       | A               | R         | C      |
      | Acceptance test   | C       | A               | C         | R      |
    When it is checked
    Then RACI-01 is reported as major
    And the message mentions "Build the system"

  Scenario: RACI-03 — a cell value outside R, A, C, I
    Given a RACI matrix:
      | Activity          | Sponsor | Project Manager | Developer | Tester |
      | Approve charter   | A       | R               | I         | I      |
      | Build the system  | I       | A               | R         | X      |
      | Acceptance test   | C       | A               | C         | R      |
    When it is checked
    Then RACI-03 is reported at E6 as minor
