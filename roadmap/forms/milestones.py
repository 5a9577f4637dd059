"""The form for a milestone.

Its due date is one date input (Day, Month, Year) whose day may be left empty:
a date typed in full is due on that day; with the day left empty it is due in
that month ("March 2027"). This is the clearest for a user: one question, "when
is it due?", answered as exactly as they know it, with the hint saying the day
may be left empty. A separate "day or month" radio beside the date would ask
the same thing twice and could disagree with what was typed (a month chosen,
a day typed), so the precision is read from what was typed instead.

"Done" is a checkbox, and the date it was done a date input below it, needed
when it is ticked (and ignored when it is not).
"""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.dates import DAY_MONTH_YEAR, MONTH_YEAR, DateProblem, DayMonthYearField, read_date
from ui.forms import NoSilentTruncationMixin

from ..models import DuePrecision, Milestone
from ..services.milestones import FIELDS


class DayOrMonthField(DayMonthYearField):
    """A date typed as day, month and year, or as month and year only (the day
    left empty): then its value is the first day of that month."""

    example = "For example, 27 3 2027. If only the month is known, leave the day empty."

    def _parts_typed(self, value) -> tuple[dict[str, str], tuple[str, ...]]:
        typed = self.typed(value)
        if not typed["day"].strip() and (typed["month"].strip() or typed["year"].strip()):
            return typed, MONTH_YEAR
        return typed, DAY_MONTH_YEAR

    def is_month(self, value) -> bool:
        """Whether `value` (as the widget read it) is a month: the day left empty."""
        return self._parts_typed(value)[1] == MONTH_YEAR

    def problem(self, value) -> DateProblem | None:
        typed, parts = self._parts_typed(value)
        result = read_date(typed, what=self.what, parts=parts)
        return result if isinstance(result, DateProblem) else None

    def to_python(self, value):
        if isinstance(value, list | tuple):
            typed, parts = self._parts_typed(value)
            result = read_date(typed, what=self.what, parts=parts)
            if isinstance(result, DateProblem):
                raise forms.ValidationError(result.message, code=result.code)
            return result
        return super().to_python(value)

    def wrong_parts(self, value, has_errors: bool) -> tuple[str, ...]:
        if not has_errors:
            return ()
        problem = self.problem(value)
        return problem.parts if problem else self._parts_typed(value)[1]


class MilestoneForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = [name for name in FIELDS if name != "due_precision"]
        field_classes = {"due_date": DayOrMonthField, "done_on": DayMonthYearField}
        labels = {"initiative": "Initiative", "done": "It is done"}
        help_texts = {
            "title": "What will have happened, in a few words: “New service live”.",
            "initiative": "The initiative it marks, or the roadmap as a whole.",
            "due_date": DayOrMonthField.example,
            "done_on": "For example, 27 3 2026. Needed when it is done.",
        }
        error_messages = {
            "title": {"required": "Enter a title."},
            "due_date": {"required": "Enter the due date."},
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.instance.roadmap = roadmap  # the model's own checks compare roadmaps
        initiative = self.fields["initiative"]
        initiative.queryset = roadmap.initiatives.order_by("title")
        initiative.empty_label = "The roadmap as a whole"
        initiative.error_messages["invalid_choice"] = "Choose one of this roadmap's initiatives."
        if self.instance.pk and self.instance.due_precision == DuePrecision.MONTH:
            # A month shows as its month and year, the day box empty.
            due = self.instance.due_date
            self.initial["due_date"] = ["", str(due.month), str(due.year)]

    def clean(self):
        cleaned = super().clean()
        if "due_date" in cleaned:
            field = self.fields["due_date"]
            typed = field.widget.value_from_datadict(
                self.data, self.files, self.add_prefix("due_date")
            )
            month = field.is_month(typed)
            cleaned["due_precision"] = DuePrecision.MONTH if month else DuePrecision.DAY
        if cleaned.get("done") and not cleaned.get("done_on") and "done_on" not in self.errors:
            self.add_error("done_on", "Enter the date it was done.")
        if not cleaned.get("done"):
            cleaned["done_on"] = None
            self.errors.pop("done_on", None)  # not done: whatever was typed there is ignored
        return cleaned
