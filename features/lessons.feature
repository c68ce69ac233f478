Feature: Lessons learned (LESSONS, standard §4.17)
  A lessons-learned register records what happened, why, its impact and a recommendation with an
  owner (LL-01 columns, LL-02 a recommendation and an owner for it); the category comes from the
  agreed list (LL-10, advisory).

  Scenario: A well-kept lessons-learned register
    Given a well-kept lessons-learned register
    When it is checked
    Then it is recognised as a lessons-learned register
    And no blocker or major finding is reported

  Scenario: LL-01 — no cause column
    Given a well-kept lessons-learned register
    And its register has no "Cause" column
    When it is checked
    Then LL-01 is reported as major

  Scenario: LL-02 — a lesson without a recommendation
    Given a well-kept lessons-learned register
    And its entry L-2 has "Recommendation/Action" set to ""
    When it is checked
    Then LL-02 is reported as major

  Scenario: Nothing from the lessons rules on a change log
    Given a well-kept change log
    When it is checked
    Then no LL rule is reported
