"""Membership services: change a role, remove a member.

Each keeps at least one agency admin, re-checks that the caller is still an
agency admin, asks who takes over what the member owns, and a refused change
leaves the database as it was.
"""

import pytest
from django.core.exceptions import ValidationError

from agencies.models import Membership, Role
from agencies.services.memberships import KEEP, membership_change_role, membership_remove
from roadmap.models import KPI, Objective
from tests.roadmap.kpi_factories import make_kpi


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


def owners(roadmap) -> dict[str, str | None]:
    found = {
        o.title: o.owner and o.owner.username for o in Objective.objects.filter(roadmap=roadmap)
    }
    found |= {
        k.name: k.owner and k.owner.username for k in KPI.objects.filter(objective__roadmap=roadmap)
    }
    return found


@pytest.fixture
def owned_by_editor(roadmap, editor):
    """eddie-editor owns the roadmap's objective and one of its two KPIs."""
    objective = roadmap.objectives.get()
    objective.owner = editor
    objective.save(update_fields=["owner"])
    make_kpi(objective, name="Owned KPI", owner=editor)
    make_kpi(objective, name="Unowned KPI")
    return objective


# membership_change_role -------------------------------------------------------


def test_change_role_saves_the_new_role(agency, admin_user, editor):
    membership = editor.memberships.get(organisation=agency)

    membership_change_role(membership=membership, role=Role.LEAD, by=admin_user)

    assert roles_in(agency)["eddie-editor"] == Role.LEAD


def test_the_last_admin_cannot_be_demoted(agency, admin_user, editor):
    membership = admin_user.memberships.get(organisation=agency)
    before = roles_in(agency)

    error = assert_refused(
        "last_admin",
        lambda: membership_change_role(membership=membership, role=Role.LEAD, by=admin_user),
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
        lambda: membership_change_role(membership=membership, role=Role.VIEWER, by=admin_user),
    )
    assert roles_in(agency)["alice-admin"] == Role.ADMIN


def test_an_admin_can_be_demoted_once_there_is_another(agency, admin_user, editor):
    membership_change_role(
        membership=editor.memberships.get(organisation=agency), role=Role.ADMIN, by=admin_user
    )

    membership_change_role(
        membership=admin_user.memberships.get(organisation=agency), role=Role.VIEWER, by=editor
    )

    assert roles_in(agency) == {"alice-admin": Role.VIEWER, "eddie-editor": Role.ADMIN}


def test_someone_no_longer_an_admin_changes_nothing(agency, admin_user, lead, editor):
    """Their page was opened while they were an admin; the service checks again."""
    membership_change_role(membership=lead.memberships.get(), role=Role.ADMIN, by=admin_user)
    membership_change_role(membership=admin_user.memberships.get(), role=Role.EDITOR, by=lead)
    before = roles_in(agency)

    error = assert_refused(
        "not_admin",
        lambda: membership_change_role(
            membership=editor.memberships.get(), role=Role.ADMIN, by=admin_user
        ),
    )

    assert "no longer an agency admin" in error.messages[0]
    assert roles_in(agency) == before


def test_a_member_removed_meanwhile_is_refused_not_a_server_error(agency, admin_user, viewer):
    stale = viewer.memberships.get()
    Membership.objects.filter(pk=stale.pk).delete()

    assert_refused(
        "not_a_member",
        lambda: membership_change_role(membership=stale, role=Role.EDITOR, by=admin_user),
    )


def test_lowering_the_role_of_an_owner_asks_who_takes_over(
    agency, roadmap, admin_user, editor, owned_by_editor
):
    before = (roles_in(agency), owners(roadmap))

    error = assert_refused(
        "successor_needed",
        lambda: membership_change_role(
            membership=editor.memberships.get(), role=Role.VIEWER, by=admin_user
        ),
    )

    assert error.messages == ["eddie-editor owns 1 objective and 1 KPI: choose who takes over."]
    assert (roles_in(agency), owners(roadmap)) == before


def test_lowering_a_role_hands_over_to_the_chosen_member(
    roadmap, admin_user, editor, lead, owned_by_editor
):
    membership_change_role(
        membership=editor.memberships.get(), role=Role.VIEWER, by=admin_user, successor=lead
    )

    assert owners(roadmap) == {
        "Services online": "lena-lead",
        "Owned KPI": "lena-lead",
        "Unowned KPI": None,
    }
    objective = Objective.objects.get(pk=owned_by_editor.pk)
    assert (objective.revision, objective.updated_by) == (owned_by_editor.revision + 1, admin_user)


def test_lowering_a_role_may_keep_what_they_own(roadmap, admin_user, editor, owned_by_editor):
    membership_change_role(
        membership=editor.memberships.get(), role=Role.VIEWER, by=admin_user, successor=KEEP
    )

    assert editor.memberships.get().role == Role.VIEWER
    assert owners(roadmap)["Services online"] == "eddie-editor"


def test_raising_a_role_asks_nothing(roadmap, admin_user, editor, owned_by_editor):
    membership_change_role(membership=editor.memberships.get(), role=Role.LEAD, by=admin_user)

    assert owners(roadmap)["Owned KPI"] == "eddie-editor"


@pytest.mark.parametrize("who", ["themselves", "outsider"])
def test_the_successor_must_be_another_member_of_the_agency(
    request, roadmap, admin_user, editor, outsider, owned_by_editor, who
):
    successor = editor if who == "themselves" else outsider
    before = owners(roadmap)

    assert_refused(
        "invalid_successor",
        lambda: membership_change_role(
            membership=editor.memberships.get(),
            role=Role.VIEWER,
            by=admin_user,
            successor=successor,
        ),
    )
    assert owners(roadmap) == before
    assert editor.memberships.get().role == Role.EDITOR


# membership_remove ------------------------------------------------------------


def test_remove_deletes_only_that_membership(agency, other_agency, admin_user, viewer):
    Membership.objects.create(user=viewer, organisation=other_agency, role=Role.EDITOR)

    membership_remove(membership=viewer.memberships.get(organisation=agency), by=admin_user)

    assert roles_in(agency) == {"alice-admin": Role.ADMIN}
    assert viewer.memberships.get().organisation == other_agency


def test_the_last_admin_cannot_be_removed(agency, admin_user, lead):
    before = roles_in(agency)

    assert_refused(
        "last_admin",
        lambda: membership_remove(membership=admin_user.memberships.get(), by=admin_user),
    )

    assert roles_in(agency) == before


def test_an_admin_can_be_removed_once_there_is_another(agency, admin_user, lead):
    membership_change_role(membership=lead.memberships.get(), role=Role.ADMIN, by=admin_user)

    membership_remove(membership=admin_user.memberships.get(), by=lead)

    assert roles_in(agency) == {"lena-lead": Role.ADMIN}


def test_removing_an_owner_asks_who_takes_over_and_may_not_keep(
    agency, roadmap, admin_user, editor, owned_by_editor
):
    before = (roles_in(agency), owners(roadmap))

    assert_refused(
        "successor_needed",
        lambda: membership_remove(membership=editor.memberships.get(), by=admin_user),
    )
    assert_refused(
        "successor_needed",
        lambda: membership_remove(
            membership=editor.memberships.get(), by=admin_user, successor=KEEP
        ),
    )

    assert (roles_in(agency), owners(roadmap)) == before


def test_removing_an_owner_hands_over_to_the_chosen_member_or_nobody(
    agency, roadmap, admin_user, editor, lead, owned_by_editor
):
    membership_remove(membership=editor.memberships.get(), by=admin_user, successor=None)

    assert "eddie-editor" not in roles_in(agency)
    assert owners(roadmap) == {"Services online": None, "Owned KPI": None, "Unowned KPI": None}


def test_what_they_own_in_another_agency_stays_theirs(
    django_user_model, agency, other_agency, roadmap, other_roadmap, admin_user, editor, lead
):
    Membership.objects.create(user=editor, organisation=other_agency, role=Role.EDITOR)
    theirs = Objective.objects.create(roadmap=other_roadmap, title="B's objective", owner=editor)
    roadmap.objectives.update(owner=editor)

    membership_remove(
        membership=editor.memberships.get(organisation=agency), by=admin_user, successor=lead
    )

    assert Objective.objects.get(pk=theirs.pk).owner == editor
    assert owners(roadmap)["Services online"] == "lena-lead"
