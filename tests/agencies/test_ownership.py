"""The ownership registry: agencies asks every app what a member owns."""

import pytest

from agencies import ownership
from roadmap.models import Objective


def test_roadmap_registers_objectives_and_kpis():
    assert [kind.name for kind in ownership.kinds()][:2] == ["objectives", "KPIs"]


def test_describe_counts_with_the_right_plural():
    kinds = {kind.name: kind for kind in ownership.kinds()}
    found = [ownership.Holding(kinds["objectives"], 1), ownership.Holding(kinds["KPIs"], 3)]

    assert ownership.describe(found) == "1 objective and 3 KPIs"
    assert ownership.describe(found[:1]) == "1 objective"
    assert ownership.describe([]) == ""


@pytest.fixture
def extra_kind():
    """A kind a later app might register: 'risks', owned by whoever is named."""
    owned_by = {}

    def owned(*, organisation, user):
        return Objective.objects.filter(pk__in=owned_by.get(user.pk, []))

    def transfer(*, organisation, user, to, by):
        moved = owned_by.pop(user.pk, [])
        owned_by.setdefault(to.pk if to else None, []).extend(moved)
        return len(moved)

    ownership.register(name="risks", singular="risk", owned=owned, transfer=transfer)
    yield owned_by
    ownership._KINDS.pop("risks")


def test_a_registered_kind_is_asked_and_handed_over(roadmap, editor, lead, extra_kind):
    objective = roadmap.objectives.get()
    extra_kind[editor.pk] = [objective.pk]

    found = ownership.holdings(organisation=roadmap.organisation, user=editor)
    assert [str(holding) for holding in found] == ["1 risk"]

    moved = ownership.holdings_transfer(
        organisation=roadmap.organisation, user=editor, to=lead, by=None
    )
    assert [str(holding) for holding in moved] == ["1 risk"]
    assert extra_kind == {lead.pk: [objective.pk]}
