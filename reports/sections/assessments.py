"""Chapter 2 of the report, "Current-state assessment": the latest completed
maturity assessment (framework, date, respondents, overall), its radar chart,
the dimension table and the largest gaps. 1 query without a completed
assessment, 5 with one, however many answers it holds."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.safestring import SafeString

from assessments.charts.radar import RadarAxis, radar_svg
from assessments.models import Assessment
from assessments.rules.results import DimensionResult, Results
from assessments.selectors.assessments import latest_completed
from assessments.selectors.results import results_of
from roadmap.models import Roadmap

TOP_GAPS = 5


@dataclass(frozen=True)
class AssessmentChapter:
    assessment: Assessment
    respondents: int
    questions: int
    results: Results
    radar: SafeString
    by_gap: list[DimensionResult]

    @property
    def top_gaps(self) -> list[DimensionResult]:
        """The largest gaps (above 0), at most TOP_GAPS."""
        return [d for d in self.by_gap if d.gap is not None and d.gap > 0][:TOP_GAPS]


def assessment_chapter(roadmap: Roadmap) -> AssessmentChapter | None:
    assessment = latest_completed(roadmap)
    if assessment is None:
        return None
    results = results_of(assessment)
    respondents = assessment.answers.aggregate(n=Count("respondent", distinct=True))["n"]
    return AssessmentChapter(
        assessment=assessment,
        respondents=respondents,
        questions=len(results.questions),
        results=results,
        radar=radar_svg(
            [RadarAxis(d.name, d.current, d.target) for d in results.dimensions],
            id_prefix="report-radar",
        ),
        by_gap=results.by_gap(),
    )
