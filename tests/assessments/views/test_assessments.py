"""The Assessment section: the list, adding and changing an assessment, its page
(who has answered and how far), completing and reopening; by persona."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import Assessment, AssessmentStatus
from assessments.services.assessments import assessment_complete
from tests.assessments.conftest import address, answer_every_question, make_assessment
from tests.helpers import count_queries, date_fields, signed_in
from tests.html import FormPage

pytestmark = pytest.mark.django_db


def list_url(roadmap, name="assessments"):
    return reverse(
        f"assessments:{name}", kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug}
    )


def form_data(framework, **changes):
    data = {
        "title": "Baseline 2026",
        "framework": str(framework.pk),
        "scope": "The whole agency.",
        **date_fields("assessed_on", date(2026, 2, 16)),
    }
    data.update(changes)
    return data


def test_the_section_lists_the_roadmaps_assessments_newest_first(
    client, viewer, roadmap, framework
):
    older = make_assessment(roadmap, framework, "Baseline", date(2025, 3, 1))
    newer = make_assessment(roadmap, framework, "Follow-up", date(2026, 3, 1))
    response = signed_in(client, viewer).get(list_url(roadmap))
    assert response.status_code == 200
    text = response.text
    assert text.index(f'id="assessment-{newer.pk}"') < text.index(f'id="assessment-{older.pk}"')
    assert "1 March 2026" in text
    assert 'aria-current="page">Assessment<' in text.replace("\n", "")
    assert "Add an assessment" not in text  # a viewer reads only


def test_an_editor_adds_an_assessment(client, editor, roadmap, framework):
    response = signed_in(client, editor).post(
        list_url(roadmap, "assessment-create"), form_data(framework)
    )
    assessment = Assessment.objects.get()
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()
    assert (assessment.title, assessment.assessed_on) == ("Baseline 2026", date(2026, 2, 16))
    assert assessment.status == AssessmentStatus.IN_PROGRESS and assessment.roadmap == roadmap


def test_bad_input_is_told_beside_each_field_and_kept(client, editor, roadmap, framework):
    data = {**form_data(framework, title=""), "framework": ""}
    data.update(date_fields("assessed_on", "31 2 2026"))
    data["scope"] = "Kept as typed"
    response = signed_in(client, editor).post(list_url(roadmap, "assessment-create"), data)
    assert response.status_code == 400
    page = FormPage(response)
    assert "Enter a title." in page.error("title")
    assert "Choose a framework." in response.text
    assert page.error("assessed_on")
    assert page.value("scope") == "Kept as typed"
    assert "There are 3 problems" in page.summary()
    assert not Assessment.objects.exists()


def test_an_editor_changes_an_assessment(client, editor, assessment, framework):
    data = form_data(framework, title="Baseline, spring", revision=str(assessment.revision))
    response = signed_in(client, editor).post(assessment.change_url, data)
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.title == "Baseline, spring"


def test_the_page_shows_who_has_answered_and_how_far(client, viewer, editor, lead, assessment):
    answer_every_question(assessment, editor)
    response = signed_in(client, viewer).get(assessment.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "25 of 25" in text  # the editor has answered all 25 questions
    assert "Your answers" not in text  # a viewer does not answer
    assert "Complete the assessment" not in text


def test_an_editor_sees_their_own_progress_per_dimension(client, editor, assessment):
    response = signed_in(client, editor).get(assessment.get_absolute_url())
    assert "You have answered 0 of 25 questions" in response.text
    dimension = assessment.framework.dimensions.first()
    assert address("assessment-answer", assessment, dimension_pk=dimension.pk) in response.text


def test_an_editor_completes_and_only_a_lead_reopens(client, editor, lead, assessment):
    answer_every_question(assessment, editor)
    signed_in(client, editor)
    response = client.post(address("assessment-complete", assessment))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.COMPLETED and assessment.completed_at
    assert client.post(address("assessment-reopen", assessment)).status_code == 403
    signed_in(client, lead)
    assert client.post(address("assessment-reopen", assessment)).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS and assessment.completed_at is None


def test_completing_with_no_answers_is_refused_in_words(client, editor, assessment):
    response = signed_in(client, editor).post(
        address("assessment-complete", assessment), follow=True
    )
    assert "Nobody has answered yet" in response.text
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS


def test_a_viewer_cannot_add_change_or_complete(client, viewer, assessment, framework):
    signed_in(client, viewer)
    roadmap = assessment.roadmap
    assert client.get(list_url(roadmap, "assessment-create")).status_code == 403
    assert (
        client.post(list_url(roadmap, "assessment-create"), form_data(framework)).status_code == 403
    )
    assert client.post(assessment.change_url, form_data(framework)).status_code == 403
    assert client.post(address("assessment-complete", assessment)).status_code == 403
    assert Assessment.objects.count() == 1


def test_another_agencys_assessments_are_not_found(client, outsider, assessment, other_assessment):
    signed_in(client, outsider)
    for target in (
        assessment.get_absolute_url(),
        assessment.change_url,
        address("assessment-results", assessment),
        list_url(assessment.roadmap),
    ):
        assert client.get(target).status_code == 404
    assert client.post(address("assessment-complete", assessment)).status_code == 404
    # Agency B's own assessment under agency A's roadmap address is not found either.
    roadmap = assessment.roadmap
    stray = reverse(
        "assessments:assessment",
        kwargs={
            "agency": roadmap.organisation.slug,
            "slug": roadmap.slug,
            "pk": other_assessment.pk,
        },
    )
    assert client.get(stray).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, assessment):
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_writes_are_post_only(client, lead, assessment):
    signed_in(client, lead)
    assert client.get(address("assessment-complete", assessment)).status_code == 405
    assert client.get(address("assessment-reopen", assessment)).status_code == 405
    assert client.get(address("assessment-gaps", assessment)).status_code == 405
    assert client.post(list_url(assessment.roadmap)).status_code == 405


def test_the_pages_cost_the_same_queries_at_1x_and_10x(
    client, django_user_model, agency, lead, roadmap, framework
):
    from agencies.models import Membership, Role

    make_assessment(roadmap, framework, "Pilot", date(2025, 1, 6))  # both compare with it
    few = make_assessment(roadmap, framework, "Few")
    many = make_assessment(roadmap, framework, "Many")
    people = [lead]
    for n in range(9):
        person = django_user_model.objects.create_user(username=f"member-{n}")
        Membership.objects.create(user=person, organisation=agency, role=Role.EDITOR)
        people.append(person)
    answer_every_question(few, lead)
    for person in people:
        answer_every_question(many, person)
    assessment_complete(assessment=many, by=lead)
    signed_in(client, lead)
    for name in ("assessment", "assessment-results"):
        small, _ = count_queries(client, address(name, few))
        large, _ = count_queries(client, address(name, many))
        assert small == large, f"{name}: {small} queries at 1x, {large} at 10x"
    small, _ = count_queries(client, list_url(roadmap))
    make_assessment(roadmap, framework, "More")
    large, _ = count_queries(client, list_url(roadmap))
    assert small == large
