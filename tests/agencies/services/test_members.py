"""Membership services: invite an existing user, change a role, remove a member.

Each keeps at least one agency admin, and a refused change leaves the
database as it was.
"""

import pytest
from django.core.exceptions import ValidationError

from agencies import services
from agencies.models import Membership, Role


def roles_in(agency) -> dict[str, int]:
    return {
        m.user.username: m.role
        for m in Membership.objects.filter(organisation=agency).select_related("user")
    }


def assert_refused(code: str, call) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.code == code
    return caught.value


# find_user ------------------------------------------------------------------


@pytest.mark.parametrize(
    "identifier",
    ["olga-outsider", "OLGA-Outsider", "  olga-outsider  ", "Olga-Outsider@Example.GOV"],
)
def test_find_user_by_user_name_or_email_ignores_case_and_spaces(outsider, identifier):
    assert services.find_user(identifier) == outsider


def test_find_user_does_not_match_part_of_a_name(outsider):
    assert_refused("unknown_user", lambda: services.find_user("olga"))


def test_find_user_refuses_a_deactivated_account(outsider):
    outsider.is_active = False
    outsider.save(update_fields=["is_active"])

    error = assert_refused("unknown_user", lambda: services.find_user("olga-outsider"))
    assert error.messages == [
        "No one with that user name or email has an account. "
        "Ask a platform admin to create their account first."
    ]


def test_find_user_refuses_an_email_shared_by_two_accounts(django_user_model, outsider):
    django_user_model.objects.create_user(username="olga-2", email="olga-outsider@example.gov")

    error = assert_refused(
        "ambiguous_user", lambda: services.find_user("olga-outsider@example.gov")
    )
    assert "use their user name instead" in error.messages[0]
    assert services.find_user("olga-2").username == "olga-2"  # the user name still works


# membership_invite ------------------------------------------------------------


def test_invite_adds_a_member_of_another_agency_with_the_chosen_role(agency, admin_user, outsider):
    membership = services.membership_invite(
        organisation=agency, identifier="olga-outsider@example.gov", role=Role.EDITOR
    )

    assert (membership.user, membership.organisation, membership.role) == (
        outsider,
        agency,
        Role.EDITOR,
    )
    assert outsider.memberships.count() == 2  # still a lead of agency B, too
    assert outsider.memberships.get(organisation__slug="agency-b").role == Role.LEAD


def test_invite_refuses_someone_who_is_already_a_member(agency, admin_user, viewer):
    before = roles_in(agency)

    error = assert_refused(
        "already_member",
        lambda: services.membership_invite(
            organisation=agency, identifier="VIK-VIEWER", role=Role.ADMIN
        ),
    )

    assert error.messages == ["vik-viewer is already a member of Agency A."]
    assert roles_in(agency) == before


def test_invite_refuses_an_unknown_user(agency, admin_user):
    before = Membership.objects.count()

    assert_refused(
        "unknown_user",
        lambda: services.membership_invite(
            organisation=agency, identifier="nobody@example.gov", role=Role.VIEWER
        ),
    )

    assert Membership.objects.count() == before


# membership_change_role -------------------------------------------------------


def test_change_role_saves_the_new_role(agency, admin_user, editor):
    membership = editor.memberships.get(organisation=agency)

    services.membership_change_role(membership=membership, role=Role.LEAD)

    assert roles_in(agency)["eddie-editor"] == Role.LEAD


def test_the_last_admin_cannot_be_demoted(agency, admin_user, editor):
    membership = admin_user.memberships.get(organisation=agency)
    before = roles_in(agency)

    error = assert_refused(
        "last_admin",
        lambda: services.membership_change_role(membership=membership, role=Role.LEAD),
    )

    assert error.messages == [
        "An agency needs at least one agency admin: make someone else an admin first."
    ]
    assert roles_in(agency) == before


def test_an_admin_of_another_agency_does_not_count(
    django_user_model, agency, other_agency, admin_user
):
    other_admin = django_user_model.objects.create_user(username="bob-b-admin")
    Membership.objects.create(user=other_admin, organisation=other_agency, role=Role.ADMIN)
    membership = admin_user.memberships.get(organisation=agency)

    assert_refused(
        "last_admin",
        lambda: services.membership_change_role(membership=membership, role=Role.VIEWER),
    )
    assert roles_in(agency)["alice-admin"] == Role.ADMIN


def test_an_admin_can_be_demoted_once_there_is_another(agency, admin_user, editor):
    services.membership_change_role(
        membership=editor.memberships.get(organisation=agency), role=Role.ADMIN
    )

    services.membership_change_role(
        membership=admin_user.memberships.get(organisation=agency), role=Role.VIEWER
    )

    assert roles_in(agency) == {"alice-admin": Role.VIEWER, "eddie-editor": Role.ADMIN}


def test_the_last_admin_keeping_the_admin_role_is_not_refused(agency, admin_user):
    membership = admin_user.memberships.get(organisation=agency)

    services.membership_change_role(membership=membership, role=Role.ADMIN)

    assert roles_in(agency) == {"alice-admin": Role.ADMIN}


# membership_remove ------------------------------------------------------------


def test_remove_deletes_only_that_membership(agency, other_agency, admin_user, viewer):
    Membership.objects.create(user=viewer, organisation=other_agency, role=Role.EDITOR)

    services.membership_remove(membership=viewer.memberships.get(organisation=agency))

    assert roles_in(agency) == {"alice-admin": Role.ADMIN}
    assert viewer.memberships.get().organisation == other_agency


def test_the_last_admin_cannot_be_removed(agency, admin_user, lead):
    before = roles_in(agency)

    assert_refused(
        "last_admin",
        lambda: services.membership_remove(membership=admin_user.memberships.get()),
    )

    assert roles_in(agency) == before


def test_an_admin_can_be_removed_once_there_is_another(agency, admin_user, lead):
    services.membership_change_role(membership=lead.memberships.get(), role=Role.ADMIN)

    services.membership_remove(membership=admin_user.memberships.get())

    assert roles_in(agency) == {"lena-lead": Role.ADMIN}
