"""Several people at once: a save over a change the user has not seen is refused
with who and when, keeping what they typed; a race on a uniqueness rule ends in
the form's message, not a server error; moves to a position work in one step."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from roadmap.models import GuidingPrinciple, Measurement, Objective, OrganisationalGoal
from roadmap.services.goals import goal_create, goal_update
from roadmap.services.kpis import kpi_update
from roadmap.services.measurements import measurement_update
from roadmap.services.objectives import objective_create, objective_update
from roadmap.services.principles import principle_create, principle_update
from roadmap.services.roadmaps import roadmap_update
from tests.conftest import make_member
from tests.helpers import HTMX, date_fields, signed_in, with_dates
from tests.html import FormPage, elements, find, squash, text_of
from tests.roadmap.kpi_factories import days_ago, make_kpi, measure
from ui.concurrency import Refused, StaleEdit


@pytest.fixture
def colleague(django_user_model, agency):
    user = make_member(django_user_model, agency, "cara-colleague", 20)
    user.first_name, user.last_name = "Cara", "Colleague"
    user.save()
    return user


def revision_on(response) -> str:
    """The revision the page's edit form carries (its hidden field)."""
    hidden = find(FormPage(response).document, name="revision")
    assert hidden is not None, "the edit form carries no revision"
    return dict(hidden.attributes)["value"]


def typed_value(response, field: str) -> str:
    widget = find(FormPage(response).document, name=field)
    assert widget is not None, f"no {field} field on the page"
    if widget.name == "textarea":
        return text_of(widget)
    return squash(dict(widget.attributes).get("value") or "")


def _principle(roadmap):
    return principle_create(roadmap=roadmap, title="Digital by default", description="")


def _goal(roadmap):
    return goal_create(organisation=roadmap.organisation, title="Faster services")


def _objective(roadmap):
    return objective_create(roadmap=roadmap, title="Data shared once")


def _kpi(roadmap):
    return make_kpi(_objective(roadmap))


def _measurement(roadmap):
    kpi = make_kpi(_objective(roadmap), baseline_date=days_ago(300))
    return measure(kpi, days_ago(30), 50)


def _kpi_data(kpi, **changes):
    return with_dates(_kpi_fields(kpi, **changes), "baseline_date", "target_date")


def _kpi_fields(kpi, **changes):
    return {
        "name": kpi.name,
        "definition": kpi.definition,
        "unit": kpi.unit,
        "direction": kpi.direction,
        "baseline_value": str(kpi.baseline_value),
        "baseline_date": kpi.baseline_date,
        "target_value": str(kpi.target_value),
        "target_date": kpi.target_date,
        "data_source": kpi.data_source,
        "owner": "",
        "reporting_frequency": kpi.reporting_frequency,
        **changes,
    }


def _kpi_service_args(kpi, **changes):
    data = _kpi_fields(kpi)
    data.update(
        baseline_value=kpi.baseline_value,
        target_value=kpi.target_value,
        baseline_date=kpi.baseline_date,
        target_date=kpi.target_date,
        owner=None,
    )
    return {**data, **changes}


# entity: (make it, its edit address, the form data with the user's change,
#          what a colleague saves first, the field the user changed and how to read it)
ENTITIES = {
    "principle": (
        _principle,
        lambda p: reverse(
            "roadmap:principle-edit",
            kwargs={"agency": p.roadmap.organisation.slug, "slug": p.roadmap.slug, "pk": p.pk},
        ),
        lambda p: {"title": "Mine: open by default", "description": ""},
        lambda p, by: principle_update(principle=p, title="Theirs", description="", by=by),
        lambda p: GuidingPrinciple.objects.get(pk=p.pk).title,
    ),
    "goal": (
        _goal,
        lambda g: reverse("roadmap:goal-edit", kwargs={"agency": g.organisation.slug, "pk": g.pk}),
        lambda g: {"title": "Mine: cheaper services", "description": ""},
        lambda g, by: goal_update(goal=g, title="Theirs", description="", by=by),
        lambda g: OrganisationalGoal.objects.get(pk=g.pk).title,
    ),
    "objective": (
        _objective,
        lambda o: reverse(
            "roadmap:objective-edit",
            kwargs={"agency": o.roadmap.organisation.slug, "slug": o.roadmap.slug, "pk": o.pk},
        ),
        lambda o: {"title": "Mine: every service online", "priority": "high"},
        lambda o, by: objective_update(
            objective=o,
            title="Theirs",
            description="",
            desired_outcomes="",
            priority="low",
            owner=None,
            citizen_centric=False,
            citizen_outcome="",
            by=by,
        ),
        lambda o: Objective.objects.get(pk=o.pk).title,
    ),
    "kpi": (
        _kpi,
        lambda k: reverse(
            "roadmap:kpi-edit",
            kwargs={
                "agency": k.objective.roadmap.organisation.slug,
                "slug": k.objective.roadmap.slug,
                "pk": k.objective.pk,
                "kpi_pk": k.pk,
            },
        ),
        lambda k: _kpi_data(k, name="Mine: online applications"),
        lambda k, by: kpi_update(kpi=k, **_kpi_service_args(k, name="Theirs"), by=by),
        lambda k: type(k).objects.get(pk=k.pk).name,
    ),
    "measurement": (
        _measurement,
        lambda m: reverse(
            "roadmap:measurement-edit",
            kwargs={
                "agency": m.kpi.objective.roadmap.organisation.slug,
                "slug": m.kpi.objective.roadmap.slug,
                "pk": m.kpi.objective.pk,
                "kpi_pk": m.kpi.pk,
                "measurement_pk": m.pk,
            },
        ),
        lambda m: {
            "note": "Mine: revised figure",
            "value": "61.5",
            **date_fields("date", m.date),
        },
        lambda m, by: measurement_update(
            measurement=m, value=Decimal(70), date=m.date, note="Theirs", by=by
        ),
        lambda m: Measurement.objects.get(pk=m.pk).note,
    ),
    "roadmap": (
        lambda roadmap: roadmap,
        lambda r: reverse("roadmap:edit", kwargs={"agency": r.organisation.slug, "slug": r.slug}),
        lambda r: {
            "title": "Mine: the roadmap",
            "horizon_start_year": r.horizon_start_year,
            "horizon_end_year": r.horizon_end_year,
            "vision": r.vision,
            "purpose": r.purpose,
        },
        lambda r, by: roadmap_update(
            roadmap=r,
            title="Theirs",
            horizon_start_year=r.horizon_start_year,
            horizon_end_year=r.horizon_end_year,
            vision=r.vision,
            purpose=r.purpose,
            by=by,
        ),
        lambda r: type(r).objects.get(pk=r.pk).title,
    ),
}


@pytest.mark.parametrize("entity", ENTITIES)
def test_a_save_over_a_change_you_have_not_seen_is_refused_and_keeps_what_you_typed(
    client, editor, colleague, roadmap, entity
):
    make, address_of, typed_for, colleague_saves, stored = ENTITIES[entity]
    thing = make(roadmap)
    address = address_of(thing)
    signed_in(client, editor)
    seen = revision_on(client.get(address))
    typed = {**typed_for(thing), "revision": seen}
    colleague_saves(type(thing).objects.get(pk=thing.pk), colleague)
    after_colleague = stored(thing)

    response = client.post(address, typed)

    assert response.status_code == 200
    text = " ".join(response.text.split())
    assert "Cara Colleague changed this at" in text
    assert "Your changes have not been saved" in text
    assert stored(thing) == after_colleague  # their change stands
    changed_field = next(iter(typed))  # the first field is the one each table changes
    assert typed_value(response, changed_field) == typed[changed_field]  # still there
    assert revision_on(response) == str(int(seen) + 1)  # you have now seen the latest

    again = client.post(address, {**typed, "revision": revision_on(response)})

    assert again.status_code == 302  # saved, having looked
    assert stored(thing) == typed[changed_field]


def test_a_stale_inline_edit_shows_the_message_in_its_place(client, editor, colleague, roadmap):
    objective = _objective(roadmap)
    address = ENTITIES["objective"][1](objective)
    signed_in(client, editor)
    ENTITIES["objective"][3](Objective.objects.get(pk=objective.pk), colleague)

    response = client.post(
        address,
        {"title": "Mine", "priority": "high", "revision": 1},
        headers={**HTMX, "HX-Target": f"objective-{objective.pk}"},
    )

    assert response.status_code == 200
    assert "Cara Colleague changed this" in " ".join(response.text.split())
    assert Objective.objects.get(pk=objective.pk).title == "Theirs"


def test_services_refuse_a_stale_revision_and_name_who_changed_it(roadmap, colleague):
    principle = _principle(roadmap)
    principle_update(principle=principle, title="First", description="", revision=1, by=colleague)

    with pytest.raises(StaleEdit) as refused:
        principle_update(principle=principle, title="Second", description="", revision=1)

    assert refused.value.updated_by == colleague
    assert GuidingPrinciple.objects.get(pk=principle.pk).title == "First"
    assert GuidingPrinciple.objects.get(pk=principle.pk).revision == 2


def test_a_save_without_a_revision_is_an_import_and_goes_through(roadmap):
    principle = _principle(roadmap)
    principle_update(principle=principle, title="First", description="")
    principle_update(principle=principle, title="Second", description="")

    assert GuidingPrinciple.objects.get(pk=principle.pk).title == "Second"


# Uniqueness races: the database rule answers, in the form's words --------------


@pytest.mark.parametrize(
    "create, field",
    [
        (lambda r, t: principle_create(roadmap=r, title=t), "title"),
        (lambda r, t: goal_create(organisation=r.organisation, title=t), "title"),
        (lambda r, t: objective_create(roadmap=r, title=t), "title"),
    ],
)
def test_a_duplicate_that_slips_past_the_form_is_refused_by_the_database(roadmap, create, field):
    create(roadmap, "Citizen-led design")

    with pytest.raises(Refused) as refused:
        create(roadmap, "CITIZEN-LED DESIGN")  # titles are unique whatever their case

    assert refused.value.field == field
    assert "already has" in refused.value.message


def test_a_second_measurement_on_the_same_day_is_refused_by_the_database(roadmap):
    measurement = _measurement(roadmap)

    with pytest.raises(Refused) as refused:
        measurement_update(
            measurement=measure(measurement.kpi, days_ago(60), 40),
            value=Decimal(1),
            date=measurement.date,
            note="",
        )

    assert refused.value.field == "date"
    assert Measurement.objects.filter(kpi=measurement.kpi).count() == 2


def test_a_create_that_loses_the_race_shows_the_forms_error_not_a_500(
    client, editor, roadmap, monkeypatch
):
    from roadmap.forms.objectives import ObjectiveForm

    # The roadmap fixture has "Services online": another request saved it an instant
    # after this one passed the form's check.
    monkeypatch.setattr(ObjectiveForm, "clean_title", lambda form: form.cleaned_data["title"])
    address = reverse(
        "roadmap:objective-create",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug},
    )

    response = signed_in(client, editor).post(address, {"title": "Services online"})

    assert response.status_code == 200
    assert "This roadmap already has an objective with that title." in response.text
    assert Objective.objects.filter(roadmap=roadmap).count() == 1


def test_services_check_what_a_form_would_refuse(roadmap):
    kpi = _kpi(roadmap)

    # A target equal to the baseline is a target to hold (issue 12); a target due
    # before the baseline was measured is refused.
    with pytest.raises(Refused) as plan:
        before = date(kpi.baseline_date.year - 1, 1, 1)
        kpi_update(kpi=kpi, **_kpi_service_args(kpi, target_date=before))
    with pytest.raises(Refused) as early:
        measurement_update(
            measurement=measure(kpi, kpi.baseline_date, 1),
            value=Decimal(1),
            date=date(kpi.baseline_date.year - 1, 1, 1),
            note="",
        )

    assert plan.value.field == "target_date"
    assert early.value.field == "date"


# Move to a position ------------------------------------------------------------


def test_move_to_a_position_takes_one_step(client, editor, roadmap):
    Objective.objects.filter(roadmap=roadmap).delete()
    titles = [f"Objective {n}" for n in range(1, 10)]
    objectives = [objective_create(roadmap=roadmap, title=t) for t in titles]
    ninth = objectives[-1]
    address = reverse(
        "roadmap:objective-move",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, "pk": ninth.pk},
    )

    response = signed_in(client, editor).post(address, {"position": "1"}, headers=HTMX)

    assert response.status_code == 200
    order = list(Objective.objects.filter(roadmap=roadmap).values_list("title", "position"))
    assert order[0] == ("Objective 9", 0)
    assert [p for _, p in order] == list(range(9))
    assert "\u201cObjective 9\u201d moved: it is now 1 of 9." in response.text
    autofocus = [
        dict(e.attributes)["id"]
        for e in elements(FormPage(response).document)
        if "data-autofocus" in dict(e.attributes)
    ]
    assert autofocus == [f"move-objectives-{ninth.pk}-position"]  # only the field used


@pytest.mark.parametrize("position, expected_place", [("0", 1), ("99", 3), (" 2 ", 2)])
def test_a_position_is_read_as_a_place_in_the_list_from_first_to_last(
    client, editor, roadmap, position, expected_place
):
    Objective.objects.filter(roadmap=roadmap).delete()
    objectives = [objective_create(roadmap=roadmap, title=f"O{n}") for n in range(3)]
    moving = objectives[1] if expected_place != 2 else objectives[0]
    address = reverse(
        "roadmap:objective-move",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, "pk": moving.pk},
    )

    signed_in(client, editor).post(address, {"position": position})

    assert Objective.objects.get(pk=moving.pk).position == expected_place - 1


def test_a_position_that_is_not_a_number_is_a_bad_request(client, editor, roadmap):
    objective = objective_create(roadmap=roadmap, title="Only")
    address = reverse(
        "roadmap:objective-move",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, "pk": objective.pk},
    )

    response = signed_in(client, editor).post(address, {"position": "first"})

    assert response.status_code == 400
