"""Finding 5 of the reliability issue: two agency admins demoting or removing
each other at the same moment gave server errors (deadlocks: each locked its
own row, then waited for the other's). Now every membership change locks the
agency row first, so racing changes queue; the second sees the first's result.

Real concurrent transactions on PostgreSQL: two threads, each with its own
database connection and its own signed-in client, released together by a
barrier, many rounds. Every answer must be a redirect with a message (never a
500) and the agency must keep at least one admin.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agencies.models import Invitation, Membership, Role, token_digest

from ...conftest import make_member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"),
]

ROUNDS = 12


def demote(membership: Membership) -> tuple[str, dict]:
    url = reverse("agencies:member-role", kwargs={"agency": "agency-a", "pk": membership.pk})
    return url, {"role": Role.EDITOR}


def remove(membership: Membership) -> tuple[str, dict]:
    url = reverse("agencies:member-remove", kwargs={"agency": "agency-a", "pk": membership.pk})
    return url, {}


def race(first_user, first_request, second_user, second_request) -> list[int]:
    """Send both requests at the same moment, each from its own thread and connection."""
    barrier = threading.Barrier(2, timeout=20)
    statuses: list[int] = []

    def send(user, request):
        try:
            client = Client(raise_request_exception=False)
            client.force_login(user)
            barrier.wait()
            url, data = request
            statuses.append(client.post(url, data).status_code)
        finally:
            connection.close()  # this thread's own connection

    threads = [
        threading.Thread(target=send, args=(first_user, first_request)),
        threading.Thread(target=send, args=(second_user, second_request)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


@pytest.mark.parametrize(
    "first_action, second_action",
    [(demote, demote), (remove, remove), (demote, remove)],
    ids=["both demote", "both remove", "one demotes, one removes"],
)
def test_two_admins_changing_each_other_at_once_never_fail_and_keep_an_admin(
    django_user_model, agency, first_action, second_action
):
    outcomes = []
    for n in range(ROUNDS):
        Membership.objects.filter(organisation=agency).delete()
        alice = make_member(django_user_model, agency, f"alice-{n}", Role.ADMIN)
        bob = make_member(django_user_model, agency, f"bob-{n}", Role.ADMIN)
        alices, bobs = (Membership.objects.get(user=u) for u in (alice, bob))

        statuses = race(alice, first_action(bobs), bob, second_action(alices))

        admins = Membership.objects.filter(organisation=agency, role=Role.ADMIN).count()
        outcomes.append((sorted(statuses), admins))

    # A redirect with a message, or 404 for someone no longer a member: never a 500.
    assert all(set(statuses) <= {302, 404} and len(statuses) == 2 for statuses, _ in outcomes), (
        outcomes
    )
    assert all(admins >= 1 for _, admins in outcomes), outcomes
    # The race was real: each time exactly one of the two changes won.
    assert [admins for _, admins in outcomes] == [1] * ROUNDS, outcomes


def test_an_invitation_link_opened_twice_at_once_works_once(
    django_user_model, agency, other_agency
):
    admin = make_member(django_user_model, agency, "alice", Role.ADMIN)
    for n in range(ROUNDS // 2):
        Invitation.objects.create(
            organisation=agency,
            email=f"shared-{n}@example.gov",
            role=Role.EDITOR,
            token_digest=token_digest(f"token-{n}"),
            invited_by=admin,
            sent_at=timezone.now(),
            expires_at=timezone.now() + timedelta(days=7),
        )
        first = make_member(django_user_model, other_agency, f"first-{n}", Role.VIEWER)
        second = make_member(django_user_model, other_agency, f"second-{n}", Role.VIEWER)
        url = reverse("agencies:invitation-accept", kwargs={"token": f"token-{n}"})

        statuses = race(first, (url, {}), second, (url, {}))

        assert sorted(statuses) == [302, 410], statuses
        joined = Membership.objects.filter(organisation=agency, user__in=[first, second])
        assert joined.count() == 1
