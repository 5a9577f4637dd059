"""The engagement log: newest first, filtered by stakeholder and type, the open
follow-ups (overdue marked) at the top; logging an interaction with several
stakeholders and a sentiment in words; each interaction's page with its
follow-ups (added in place, never due before the interaction); the
stakeholder panel (history, trend, open follow-ups); tenancy, roles, bad input,
queries."""

import html
from datetime import date, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies.models import Membership
from stakeholders.models import FollowUp, Interaction
from stakeholders.services.engagements import follow_up_create, interaction_create
from stakeholders.views.engagements import stakeholder_panel
from tests.helpers import HTMX, MARKUP, count_queries, date_fields, in_place_banner, signed_in
from tests.html import FormPage

from ..conftest import make_stakeholder
from .test_communications import address

pytestmark = pytest.mark.django_db


def log(roadmap, who, occurred_on, sentiment=0, kind="meeting", summary="Talked it through"):
    return interaction_create(
        roadmap=roadmap,
        occurred_on=occurred_on,
        kind=kind,
        summary=summary,
        sentiment=sentiment,
        stakeholders=who,
    )


def form_data(*who, **changes):
    data = {
        "kind": "workshop",
        "summary": "Agreed the pilot.",
        "sentiment": "1",
        "stakeholders": [str(s.pk) for s in who],
        **date_fields("occurred_on", "10 3 2027"),
    }
    data.update(changes)
    return data


def follow_up_data(**changes):
    data = {"action": "Send the costed options", "owner": "", **date_fields("due_on", "20 3 2027")}
    data.update(changes)
    return data


def follow_up_add_url(interaction):
    return address("follow-up-create", interaction.roadmap, interaction_pk=interaction.pk)


# The log ---------------------------------------------------------------------------


def test_the_log_is_newest_first_filterable_with_open_follow_ups_marked(
    client, viewer, roadmap, ada, bob
):
    today = timezone.localdate()
    older = log(roadmap, [ada], today - timedelta(days=30), sentiment=-2, summary="Rough start")
    log(roadmap, [ada, bob], today - timedelta(days=2), sentiment=2, kind="survey")
    follow_up_create(interaction=older, action="Call back", due_on=today - timedelta(days=1))
    follow_up_create(interaction=older, action="Done already", done=True)
    signed_in(client, viewer)
    text = html.unescape(client.get(address("interactions", roadmap)).text)
    assert text.index("Survey on") < text.index("Meeting on")
    assert "Very positive (+2)" in text and "Very negative (-2)" in text
    assert "1 open follow-up, <strong>1 overdue</strong>" in text and "Call back" in text
    assert "Overdue</span> Was due" in text
    assert "Log an interaction" not in text  # viewers read only
    only_bob = client.get(address("interactions", roadmap) + f"?stakeholder={bob.pk}").text
    assert "Survey on" in only_bob and "Meeting on" not in only_bob
    surveys = client.get(
        address("interactions", roadmap) + "?kind=meeting",
        headers={**HTMX, "HX-Target": "interactions"},
    )
    assert surveys.text.lstrip().startswith('<section aria-labelledby="interactions-heading"')
    assert "Meeting on" in surveys.text and "Survey on" not in surveys.text


def test_logging_an_interaction_with_two_stakeholders_in_place(client, editor, roadmap, ada, bob):
    signed_in(client, editor)
    added = client.post(address("interaction-create", roadmap), form_data(ada, bob), headers=HTMX)
    assert "Interaction added: Workshop on 10 March 2027" in in_place_banner(added)
    interaction = Interaction.objects.get()
    assert set(interaction.stakeholders.all()) == {ada, bob}
    assert (interaction.sentiment, interaction.occurred_on) == (1, date(2027, 3, 10))
    page = html.unescape(client.get(interaction.get_absolute_url()).text)
    assert "<h1>Workshop on 10 March 2027</h1>" in page and "Positive (+1)" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"summary": ""}, "summary", "Enter a summary"),
        ({"kind": ""}, "kind", "Choose the type of interaction"),
        ({"sentiment": "3"}, "sentiment", "very negative (-2) to very positive (+2)"),
        ({"sentiment": "-5"}, "sentiment", "very negative (-2) to very positive (+2)"),
        ({"stakeholders": []}, "stakeholders", "Choose at least one stakeholder"),
        (date_fields("occurred_on", ("30", "2", "2027")), "occurred_on", "must be a real date"),
    ],
)
def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(
    client, editor, roadmap, ada, changes, field, message
):
    data = form_data(ada, **{"summary": MARKUP, **changes})
    response = signed_in(client, editor).post(address("interaction-create", roadmap), data)
    assert response.status_code == 200
    assert message in FormPage(response).error(field)
    if field != "summary":
        assert FormPage(response).value("summary") == " ".join(MARKUP.split())
    assert "<script>alert" not in response.text
    assert not Interaction.objects.exists()


def test_a_stakeholder_of_another_roadmap_is_refused(client, editor, roadmap, ada, stranger):
    response = signed_in(client, editor).post(
        address("interaction-create", roadmap), form_data(ada, stranger)
    )
    assert "Choose stakeholders and groups of this roadmap" in html.unescape(response.text)
    assert "Agency B's minister" not in html.unescape(response.text)
    assert not Interaction.objects.exists()


def test_the_log_costs_the_same_with_ten_times_the_interactions(client, editor, roadmap):
    signed_in(client, editor)

    def grow(count):
        start = roadmap.interactions.count()
        for n in range(count):
            people = [make_stakeholder(roadmap, f"Person {start + n}-{i}") for i in range(2)]
            interaction = log(roadmap, people, date(2027, 1, 1) + timedelta(days=n))
            follow_up_create(interaction=interaction, action="Call", owner=editor)

    grow(3)
    small, _ = count_queries(client, address("interactions", roadmap))
    grow(27)
    large, text = count_queries(client, address("interactions", roadmap))
    assert large == small
    assert text.count('id="interaction-') == 30


# An interaction's page and its follow-ups -------------------------------------------


def test_follow_ups_are_added_in_place_and_done_records_the_day(client, editor, roadmap, ada):
    interaction = log(roadmap, [ada], date(2027, 3, 10))
    signed_in(client, editor)
    page = client.get(interaction.get_absolute_url()).text
    assert ">Add a follow-up</a>" in page and 'name="action"' not in page
    opened = client.get(follow_up_add_url(interaction), headers={**HTMX, "HX-Target": "follow-ups"})
    assert opened.text.lstrip().startswith('<section aria-labelledby="follow-ups-heading"')
    added = client.post(
        follow_up_add_url(interaction), follow_up_data(owner=str(editor.pk)), headers=HTMX
    )
    assert "Follow-up added: Send the costed options" in in_place_banner(added)
    assert "Send the costed options" in added.text
    follow_up = FollowUp.objects.get()
    assert (follow_up.due_on, follow_up.owner, follow_up.done) == (date(2027, 3, 20), editor, False)
    saved = client.post(follow_up.change_url, follow_up_data(done="on", revision="1"), headers=HTMX)
    assert "Follow-up saved" in in_place_banner(saved)
    follow_up.refresh_from_db()
    assert (follow_up.done, follow_up.done_on) == (True, timezone.localdate())
    client.post(follow_up.delete_url)
    assert not FollowUp.objects.exists()


def test_a_follow_up_due_before_its_interaction_is_refused_and_kept_as_typed(
    client, editor, roadmap, ada
):
    interaction = log(roadmap, [ada], date(2027, 3, 10))
    signed_in(client, editor)
    response = client.post(
        follow_up_add_url(interaction),
        follow_up_data(action=MARKUP, **date_fields("due_on", "9 3 2027")),
    )
    page = FormPage(response)
    assert "on or after the interaction's date (10 March 2027)" in page.error("due_on")
    assert page.value("due_on") == "9 3 2027" and page.value("action") == " ".join(MARKUP.split())
    assert not FollowUp.objects.exists()


def test_moving_an_interaction_after_its_follow_ups_due_date_is_refused(
    client, editor, roadmap, ada
):
    interaction = log(roadmap, [ada], date(2027, 3, 10))
    follow_up_create(interaction=interaction, action="Call", due_on=date(2027, 3, 12))
    response = signed_in(client, editor).post(
        interaction.change_url,
        form_data(ada, revision="1", **date_fields("occurred_on", "20 3 2027")),
    )
    assert "due before that date (12 March 2027)" in FormPage(response).error("occurred_on")
    interaction.refresh_from_db()
    assert interaction.occurred_on == date(2027, 3, 10)


def test_deleting_an_interaction_says_its_follow_ups_go_with_it(client, editor, roadmap, ada):
    interaction = log(roadmap, [ada], date(2027, 3, 10))
    follow_up_create(interaction=interaction, action="Call")
    signed_in(client, editor)
    question = client.get(interaction.delete_url, headers={**HTMX})
    assert "Its follow-up goes with it." in question.text
    client.post(interaction.delete_url)
    assert not Interaction.objects.exists() and not FollowUp.objects.exists()


# Tenancy and roles -----------------------------------------------------------------


def test_another_agencys_log_is_not_found(client, editor, other_roadmap, stranger):
    theirs = log(other_roadmap, [stranger], date(2027, 1, 1), summary="Their secret")
    follow_up = follow_up_create(interaction=theirs, action="Their action")
    signed_in(client, editor)
    for response in (
        client.get(address("interactions", other_roadmap)),
        client.get(theirs.get_absolute_url()),
        client.post(theirs.change_url, {"summary": "Taken"}),
        client.post(theirs.delete_url),
        client.post(follow_up_add_url(theirs), follow_up_data()),
        client.post(follow_up.change_url, follow_up_data(action="Taken")),
        client.post(follow_up.delete_url),
    ):
        assert response.status_code == 404
        assert "Their secret" not in response.text
    assert Interaction.objects.get().summary == "Their secret"
    assert FollowUp.objects.get().action == "Their action"


def test_a_viewer_cannot_write(client, viewer, roadmap, ada):
    interaction = log(roadmap, [ada], date(2027, 3, 10))
    follow_up = follow_up_create(interaction=interaction, action="Call")
    signed_in(client, viewer)
    assert client.get(interaction.get_absolute_url()).status_code == 200
    assert client.post(address("interaction-create", roadmap), form_data(ada)).status_code == 403
    assert client.post(interaction.delete_url).status_code == 403
    assert client.post(follow_up_add_url(interaction), follow_up_data()).status_code == 403
    assert client.post(follow_up.change_url, follow_up_data()).status_code == 403
    assert client.post(interaction.get_absolute_url()).status_code == 405
    assert Interaction.objects.count() == FollowUp.objects.count() == 1


# The stakeholder's panel ------------------------------------------------------------


def test_the_stakeholder_panel_shows_history_trend_and_open_follow_ups(viewer, roadmap, ada, bob):
    first = log(roadmap, [ada], date(2027, 1, 10), sentiment=-1, summary="Doubts")
    log(roadmap, [ada, bob], date(2027, 3, 10), sentiment=2, kind="workshop")
    log(roadmap, [bob], date(2027, 4, 10), sentiment=-2, summary="Only Bob")
    follow_up_create(interaction=first, action="Send the figures", due_on=date(2027, 1, 20))
    membership = Membership.objects.get(user=viewer)
    with CaptureQueriesContext(connection) as queries:
        context = stakeholder_panel(membership, ada)
    assert len(queries) == 4
    assert context["trend"] == [(date(2027, 1, 10), -1), (date(2027, 3, 10), 2)]
    text = html.unescape(
        render_to_string(
            "stakeholders/engagements/stakeholder_panel.html",
            {"membership": membership, "thing": ada, **context},
        )
    )
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in text
    assert "negative at first, very positive most recently" in text
    assert text.index("Workshop on 10 March 2027") < text.index("Meeting on 10 January 2027")
    assert "Send the figures" in text and "Only Bob" not in text
    assert "Sentiment of each interaction with Ada Lovelace" in text  # the table alternative


def test_htmx_opens_change_and_delete_in_the_items_place(client, editor, roadmap, ada):
    interaction = log(roadmap, [ada], date(2027, 3, 10))
    follow_up = follow_up_create(interaction=interaction, action="Call back")
    signed_in(client, editor)
    change = client.get(
        interaction.change_url, headers={**HTMX, "HX-Target": f"interaction-{interaction.pk}"}
    )
    assert change.text.lstrip().startswith(
        f'<li class="inline-change" id="interaction-{interaction.pk}"'
    )
    assert f'id="change-interaction-{interaction.pk}-summary"' in change.text
    question = client.get(
        interaction.delete_url, headers={**HTMX, "HX-Target": f"interaction-{interaction.pk}"}
    )
    assert question.text.lstrip().startswith(
        f'<li class="confirm" id="interaction-{interaction.pk}"'
    )
    assert "Delete the meeting on 10 March 2027?" in question.text
    assert "Its follow-up goes with it." in question.text
    deleted = client.post(follow_up.delete_url, headers=HTMX)
    assert deleted.text.lstrip().startswith('<section aria-labelledby="follow-ups-heading"')
    assert "Follow-up deleted: Call back" in in_place_banner(deleted)
    back = client.get(
        address("follow-up-list", roadmap, interaction_pk=interaction.pk),
        headers={**HTMX, "HX-Target": "follow-ups"},
    )
    assert back.text.lstrip().startswith('<section aria-labelledby="follow-ups-heading"')


def test_the_panel_is_registered_for_the_stakeholder_page():
    from ui.panels import panels_for

    templates = [panel.template for panel in panels_for("stakeholder")]
    assert "stakeholders/engagements/stakeholder_panel.html" in templates
