"""Agency admins manage members over HTTP: change role, remove (invitations:
test_invitations.py).

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A; olga-outsider is a lead of agency B.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from agencies.models import Membership, Role
from tests.helpers import signed_in
from tests.html import FormPage
from tests.roadmap.kpi_factories import make_kpi

# Helpers ----------------------------------------------------------------------


def members_url(agency: str = "agency-a") -> str:
    return reverse("agencies:members", kwargs={"agency": agency})


def invite_url(agency: str = "agency-a") -> str:
    return reverse("agencies:invitation-create", kwargs={"agency": agency})


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


# People by their full name; what each role may do -----------------------------------


def test_members_are_shown_by_full_name_with_what_each_role_may_do(client, admin_user, viewer):
    viewer.first_name, viewer.last_name = "Vik", "Patel"
    viewer.save(update_fields=["first_name", "last_name"])

    response = signed_in(client, admin_user).get(members_url())

    assert '<th scope="row">Vik Patel</th>' in response.text
    assert "Role of Vik Patel" in response.text
    for role in Role:
        assert f"<dt>{role.label}</dt><dd>{escape(role.description)}</dd>" in response.text


def test_nothing_of_another_agencys_members_is_shown(client, admin_user, outsider):
    response = signed_in(client, admin_user).get(members_url())

    assert "olga-outsider" not in response.text


# Who takes over what a member owns ---------------------------------------------------


@pytest.fixture
def editor_owns(roadmap, editor):
    objective = roadmap.objectives.get()
    objective.owner = editor
    objective.save(update_fields=["owner"])
    make_kpi(objective, owner=editor)
    return objective


def test_lowering_an_owners_role_asks_who_takes_over_then_hands_over(
    client, admin_user, editor, lead, editor_owns
):
    client = signed_in(client, admin_user)
    member = membership_of(editor)

    question = client.post(role_url(member), {"role": Role.VIEWER})

    assert question.status_code == 200
    assert "Make eddie-editor a viewer?" in question.text
    assert "eddie-editor owns 1 objective and 1 KPI in this agency." in question.text
    assert membership_of(editor).role == Role.EDITOR  # nothing changed yet
    for value in ["keep", "nobody", str(lead.pk)]:
        assert f'name="successor" value="{value}"' in question.text

    done = client.post(
        role_url(member), {"role": Role.VIEWER, "successor": str(lead.pk)}, follow=True
    )

    assert done.redirect_chain == [(members_url(), 302)]
    assert "eddie-editor is now a viewer." in done.text
    assert membership_of(editor).role == Role.VIEWER
    editor_owns.refresh_from_db()
    assert editor_owns.owner == lead
    assert editor_owns.kpis.get().owner == lead


def test_no_choice_of_who_takes_over_is_an_error_next_to_the_question(
    client, admin_user, editor, editor_owns
):
    response = signed_in(client, admin_user).post(
        role_url(membership_of(editor)), {"role": Role.VIEWER, "successor": ""}
    )

    assert response.status_code == 400
    assert "Choose who takes over what they own." in response.text
    assert membership_of(editor).role == Role.EDITOR


def test_removing_an_owner_asks_who_takes_over(client, admin_user, editor, lead, editor_owns):
    client = signed_in(client, admin_user)

    question = client.get(remove_url(membership_of(editor)))
    assert "eddie-editor owns 1 objective and 1 KPI in this agency." in question.text
    assert "keeps them" not in question.text  # someone who leaves cannot keep them

    refused = client.post(remove_url(membership_of(editor)), {})
    assert refused.status_code == 400
    assert membership_of(editor)

    client.post(remove_url(membership_of(editor)), {"successor": "nobody"})
    assert not Membership.objects.filter(user=editor).exists()
    editor_owns.refresh_from_db()
    assert editor_owns.owner is None
