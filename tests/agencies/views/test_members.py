"""Agency admins manage members over HTTP: invite, change role, remove.

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A; olga-outsider is a lead of agency B.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from agencies.models import Membership, Role
from tests.helpers import signed_in
from tests.html import FormPage

# Helpers ----------------------------------------------------------------------


def members_url(agency: str = "agency-a") -> str:
    return reverse("agencies:members", kwargs={"agency": agency})


def invite_url(agency: str = "agency-a") -> str:
    return reverse("agencies:member-invite", kwargs={"agency": agency})


def role_url(member: Membership, agency: str = "agency-a") -> str:
    return reverse("agencies:member-role", kwargs={"agency": agency, "pk": member.pk})


def remove_url(member: Membership, agency: str = "agency-a") -> str:
    return reverse("agencies:member-remove", kwargs={"agency": agency, "pk": member.pk})


def membership_of(user, agency="agency-a") -> Membership:
    return Membership.objects.get(user=user, organisation__slug=agency)


def all_memberships() -> set[tuple[str, str, int]]:
    return set(Membership.objects.values_list("organisation__slug", "user__username", "role"))


def error_next_to(response, field: str) -> str:
    """The error message that the page ties to the field (its aria-describedby)."""
    message = FormPage(response).error(field)
    assert message, f"{field} has no error"
    return message


def typed_value(response, field: str) -> str:
    """Exactly what the field holds, white space and all."""
    return dict(FormPage(response).widget(field).attributes).get("value") or ""


# Who may see and change members -------------------------------------------------
# Each page's status for every persona and method (sign in, 404, 403, 405, or
# done) is in tests/test_permissions.py; here, what that table does not show.


@pytest.mark.parametrize("persona", ["admin_user", "lead", "editor", "viewer"])
def test_every_member_sees_the_member_list(client, request, persona, admin_user, viewer):
    response = signed_in(client, request.getfixturevalue(persona)).get(members_url())

    assert response.status_code == 200
    assert "alice-admin" in response.text
    assert "vik-viewer@example.gov" in response.text


@pytest.mark.parametrize("persona", ["lead", "editor", "viewer"])
def test_only_admins_see_the_member_management_forms(client, request, persona):
    response = signed_in(client, request.getfixturevalue(persona)).get(members_url())

    assert invite_url() not in response.text
    assert "/role/" not in response.text
    assert "/remove/" not in response.text


def test_admins_see_the_forms_to_invite_change_and_remove(client, admin_user, viewer):
    response = signed_in(client, admin_user).get(members_url())

    member = membership_of(viewer)
    assert f'action="{invite_url()}"' in response.text
    assert f'action="{role_url(member)}"' in response.text
    assert f'href="{remove_url(member)}"' in response.text


@pytest.mark.parametrize("action", [role_url, remove_url], ids=["change role", "remove"])
def test_an_admin_cannot_reach_another_agencys_membership_through_their_own(
    client, action, admin_user, outsider
):
    """The membership's id alone is not enough: it must belong to the agency in the URL."""
    before = all_memberships()

    response = signed_in(client, admin_user).post(
        action(membership_of(outsider, "agency-b")), {"role": Role.VIEWER}
    )

    assert response.status_code == 404
    assert all_memberships() == before


# Inviting --------------------------------------------------------------------


@pytest.mark.parametrize("identifier", ["olga-outsider", "Olga-Outsider@example.gov"])
def test_admin_invites_an_existing_user_by_user_name_or_email(
    client, identifier, admin_user, outsider
):
    response = signed_in(client, admin_user).post(
        invite_url(), {"identifier": identifier, "role": Role.EDITOR}, follow=True
    )

    assert response.redirect_chain == [(members_url(), 302)]
    assert membership_of(outsider).role == Role.EDITOR
    assert membership_of(outsider, "agency-b").role == Role.LEAD  # untouched
    assert "olga-outsider is now an editor." in response.text


def form_error_cases():
    return [
        pytest.param(
            {"identifier": "nobody@example.gov", "role": Role.VIEWER},
            "identifier",
            "No one with that user name or email has an account. "
            "Ask a platform admin to create their account first.",
            id="unknown user",
        ),
        pytest.param(
            {"identifier": "eddie-editor", "role": Role.ADMIN},
            "identifier",
            "eddie-editor is already a member of Agency A.",
            id="already a member",
        ),
        pytest.param(
            {"identifier": "  ", "role": Role.VIEWER},
            "identifier",
            "Enter their user name or email address.",
            id="empty",
        ),
        pytest.param(
            {"identifier": "olga-outsider", "role": "99"},
            "role",
            "Choose one of the roles listed.",
            id="unknown role",
        ),
    ]


@pytest.mark.parametrize("data, field, message", form_error_cases())
def test_invite_errors_are_shown_next_to_the_field_and_nothing_changes(
    client, data, field, message, admin_user, editor, outsider
):
    before = all_memberships()

    response = signed_in(client, admin_user).post(invite_url(), data)

    assert response.status_code == 200
    assert message in error_next_to(response, field)
    assert "There is 1 problem with what you entered" in response.text
    assert typed_value(response, "identifier") == data["identifier"]
    assert all_memberships() == before


def test_markup_typed_as_a_user_name_comes_back_as_text(client, admin_user):
    typed = '<script>alert("members")</script>'

    response = signed_in(client, admin_user).post(
        invite_url(), {"identifier": typed, "role": Role.VIEWER}
    )

    assert typed not in response.text
    assert escape(typed) in response.text
    assert typed_value(response, "identifier") == typed


# Changing roles -------------------------------------------------------------------


def test_admin_changes_a_members_role(client, admin_user, editor):
    response = signed_in(client, admin_user).post(
        role_url(membership_of(editor)), {"role": Role.LEAD}, follow=True
    )

    assert response.redirect_chain == [(members_url(), 302)]
    assert membership_of(editor).role == Role.LEAD
    assert "eddie-editor is now a programme lead." in response.text


def test_admin_hands_over_the_admin_role_and_steps_down(client, admin_user, lead):
    client = signed_in(client, admin_user)
    promoted = client.post(role_url(membership_of(lead)), {"role": Role.ADMIN}, follow=True)
    assert "lena-lead is now an agency admin." in promoted.text

    client.post(role_url(membership_of(admin_user)), {"role": Role.EDITOR})

    assert (membership_of(lead).role, membership_of(admin_user).role) == (Role.ADMIN, Role.EDITOR)


def test_the_last_admin_cannot_demote_themselves(client, admin_user, lead):
    before = all_memberships()

    response = signed_in(client, admin_user).post(
        role_url(membership_of(admin_user)), {"role": Role.LEAD}, follow=True
    )

    assert response.redirect_chain == [(members_url(), 302)]
    assert (
        "An agency needs at least one agency admin: make someone else an admin first."
        in response.text
    )
    assert all_memberships() == before


def test_an_unknown_role_changes_nothing(client, admin_user, editor):
    before = all_memberships()

    response = signed_in(client, admin_user).post(
        role_url(membership_of(editor)), {"role": "99"}, follow=True
    )

    assert "Choose one of the roles listed." in response.text
    assert all_memberships() == before


# Removing ----------------------------------------------------------------------


def test_admin_is_asked_to_confirm_before_removing(client, admin_user, viewer):
    response = signed_in(client, admin_user).get(remove_url(membership_of(viewer)))

    assert response.status_code == 200
    assert "Remove vik-viewer from Agency A?" in response.text
    assert membership_of(viewer)  # a GET removes nothing


def test_admin_removes_a_member(client, admin_user, viewer):
    response = signed_in(client, admin_user).post(remove_url(membership_of(viewer)), follow=True)

    assert response.redirect_chain == [(members_url(), 302)]
    assert "vik-viewer is no longer a member of Agency A." in response.text
    assert not Membership.objects.filter(user=viewer).exists()


def test_the_last_admin_cannot_remove_themselves(client, admin_user, viewer):
    before = all_memberships()

    response = signed_in(client, admin_user).post(
        remove_url(membership_of(admin_user)), follow=True
    )

    assert response.redirect_chain == [(members_url(), 302)]
    assert (
        "An agency needs at least one agency admin: make someone else an admin first."
        in response.text
    )
    assert all_memberships() == before


def test_an_admin_who_leaves_is_sent_home(client, admin_user, lead):
    Membership.objects.filter(user=lead).update(role=Role.ADMIN)

    response = signed_in(client, admin_user).post(remove_url(membership_of(admin_user)))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert not Membership.objects.filter(user=admin_user).exists()
    assert signed_in(client, admin_user).get(members_url()).status_code == 404
