from pytest_bdd import scenarios

scenarios("status_report.feature", "status_report_zh.feature")
