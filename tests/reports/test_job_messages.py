"""The sweeper's reasons for a report that was never started say one time and one
minute in the singular."""

from datetime import timedelta

from reports.services.jobs import never_started_message


def test_a_report_queued_once_for_a_minute_says_so_in_the_singular():
    message = never_started_message(job_id="j", sends=1, waited=timedelta(seconds=40))

    assert "queued 1 time over 1 minute." in message
    many = never_started_message(job_id="j", sends=3, waited=timedelta(minutes=5))
    assert "queued 3 times over 5 minutes." in many
