"""Every form class of every project app (the app's forms and the admin's), bound to
data Hypothesis builds from its fields: no input gives a server error while the
form is validated and shown again with its errors, and a form writes nothing
(no INSERT, UPDATE or DELETE).

The forms are found, not listed (tests/property/discovery.py). A form whose
constructor takes `objective=` (or `kpi=`, `roadmap=`...) gets a row of the model
of that name, of any agency, and any other keyword argument a value of its type
hint (tests/property/strategies.py); a ModelForm is tried both empty and on a row.
"""

import re

import pytest
from django import forms
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from ui.dates import DayMonthYearField

from .conftest import in_savepoint
from .discovery import project_form_classes
from .strategies import form_data, form_keyword_arguments, rows

# The databases must exist; each example is then undone in a savepoint of its own.
pytestmark = pytest.mark.django_db

FORMS = project_form_classes()
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def test_the_forms_are_found():
    names = {form.__name__ for form in FORMS}
    assert {"KPIForm", "MeasurementForm", "RoadmapForm", "KPIAdminForm"} <= names


@pytest.mark.parametrize("on_a_row", [False, True], ids=["new", "existing"])
@pytest.mark.parametrize("form_class", FORMS, ids=lambda form: form.__qualname__)
def test_no_form_input_gives_a_server_error_and_writes_nothing(world, form_class, on_a_row):
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if on_a_row and model is None:
        pytest.skip("Not a ModelForm: it has no row to change.")
    keyword_arguments = form_keyword_arguments(form_class)
    instances = rows(model) if on_a_row else st.none()

    @given(data=st.data())
    def any_input(data):
        def run():
            kwargs = {name: data.draw(s, label=name) for name, s in keyword_arguments.items()}
            # The fields (and their choices, which may depend on kwargs) to fill in.
            data_strategy = form_data(form_class(**kwargs))
            instance = data.draw(instances, label="instance")
            if instance is not None:
                kwargs["instance"] = instance
            form = form_class(data=data.draw(data_strategy, label="data"), **kwargs)
            with CaptureQueriesContext(connection) as queries:
                form.is_valid()
                for name in form.errors:
                    assert name == forms.forms.NON_FIELD_ERRORS or name in form.fields
                for bound_field in form:
                    str(bound_field)  # the page shows each field again, with what was typed
                    if isinstance(bound_field.field, DayMonthYearField):
                        render_to_string("components/date_input.html", {"field": bound_field})
            assert not [q["sql"] for q in queries if WRITE.match(q["sql"])]

        in_savepoint(run)

    any_input()
