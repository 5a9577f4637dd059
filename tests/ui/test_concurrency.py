"""The shared write helpers: an update service refuses a field it does not know,
naming the service and the field, whichever app it belongs to."""

import pytest

from roadmap.services.risks import risk_update
from stakeholders.services.stakeholders import stakeholder_update
from ui.concurrency import only_known_fields


def test_known_fields_pass():
    only_known_fields({"title": "x"}, ["title", "status"], "thing_update")


def test_an_unknown_field_is_a_programming_error_named_at_once():
    with pytest.raises(TypeError, match=r"thing_update\(\) got unknown fields: colour, titel"):
        only_known_fields({"titel": "x", "colour": "red"}, ["title"], "thing_update")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("update", "subject"), [(risk_update, "risk"), (stakeholder_update, "stakeholder")]
)
def test_the_update_services_use_it_before_touching_anything(update, subject):
    with pytest.raises(TypeError, match=rf"{subject}_update\(\) got unknown fields: titel"):
        update(**{subject: object(), "titel": "x"})
