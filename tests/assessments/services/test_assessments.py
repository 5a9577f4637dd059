from datetime import date

import pytest

from assessments.services.assessments import assessment_create, assessment_update
from assessments.services.frameworks import framework_new_version
from tests.assessments.conftest import answer_every_question
from ui.concurrency import Refused

pytestmark = pytest.mark.django_db


def test_only_a_current_framework_version_starts_an_assessment(roadmap, framework):
    framework_new_version(framework=framework)
    framework.refresh_from_db()
    with pytest.raises(Refused) as refused:
        assessment_create(
            roadmap=roadmap, framework=framework, title="Old", assessed_on=date(2026, 1, 5)
        )
    assert refused.value.field == "framework"


def test_a_blank_title_is_refused(roadmap, framework):
    with pytest.raises(Refused) as refused:
        assessment_create(
            roadmap=roadmap, framework=framework, title="   ", assessed_on=date(2026, 1, 5)
        )
    assert refused.value.field == "title"


def test_the_framework_changes_only_before_anyone_answers(assessment, oecd, editor):
    assessment_update(assessment=assessment, framework=oecd, revision=assessment.revision)
    assert assessment.framework == oecd
    answer_every_question(assessment, editor)
    framework = type(oecd).objects.get(code="public-sector-digital-maturity")
    with pytest.raises(Refused, match="cannot change once someone has answered"):
        assessment_update(assessment=assessment, framework=framework)
