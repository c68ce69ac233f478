from pytest_bdd import scenarios

scenarios("schedule.feature", "schedule_zh.feature")
