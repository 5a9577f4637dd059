"""Addresses reversed once for a whole list are the addresses `reverse` gives
each object, whatever digits the roadmap's own address holds."""

from datetime import date

import pytest

from roadmap.selectors.addresses import addresses_in, row_actions
from roadmap.services.initiatives import initiative_create
from roadmap.services.milestones import milestone_create
from roadmap.services.risks import risk_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["digital-2026", "2147483647", "plan-1-1"])
def test_each_address_is_the_one_reverse_gives(roadmap, slug):
    roadmap.slug = slug
    roadmap.save(update_fields=["slug"])
    cloud = initiative_create(
        roadmap=roadmap,
        title="Cloud hosting",
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )
    risk = risk_create(roadmap=roadmap, title="Supplier fails", likelihood=3, impact=3)
    milestone = milestone_create(roadmap=roadmap, title="Live", due_date=date(2026, 9, 1))
    assert addresses_in(roadmap, "roadmap:initiative-detail")(cloud.pk) == cloud.get_absolute_url()
    for item in (risk, milestone):
        actions = row_actions(roadmap, item.url_name)(item.pk)
        assert actions == (item.pk, item.change_url, item.delete_url)
