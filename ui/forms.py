"""Form components every app's forms share: length limits that say by how much,
numbers typed as text, a member chosen by name, unique titles."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator


class TooLongValidator(MaxLengthValidator):
    """'Title must be 200 characters or fewer (it has 1,234)': says by how much."""

    def __init__(self, limit_value: int, label: str):
        super().__init__(limit_value)
        self.label = label

    def __call__(self, value) -> None:
        if len(value) > self.limit_value:
            raise ValidationError(
                f"{self.label} must be {self.limit_value:,} characters or fewer "
                f"(it has {len(value):,}). Shorten it and try again.",
                code="max_length",
            )


class NoSilentTruncationMixin:
    """Drop the browser's `maxlength`, which silently cuts pasted text.

    Length limits are still enforced on the server, with a message that says
    how long the text is, so nothing a user typed is lost without a word.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
            field.validators = [
                TooLongValidator(v.limit_value, str(field.label))
                if type(v) is MaxLengthValidator
                else v
                for v in field.validators
            ]


def refuse_duplicate_title(
    queryset, instance, title: str, message: str, *, field: str = "title"
) -> str:
    """A title (or the `field` that names it) must be unique among its siblings,
    case-insensitive."""
    title = title.strip()
    duplicates = queryset.filter(**{f"{field}__iexact": title})
    if instance.pk:
        duplicates = duplicates.exclude(pk=instance.pk)
    if duplicates.exists():
        raise forms.ValidationError(message)
    return title


class MemberChoiceField(forms.ModelChoiceField):
    """A member of the agency, shown by name."""

    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class NumberInput(forms.TextInput):
    """A number typed as text. A stored value shows as people write it, "43.5"
    rather than the database's "43.5000"; what the user typed shows as typed."""

    def format_value(self, value):
        if isinstance(value, Decimal) and value.is_finite():
            value = f"{value.normalize():f}"
        return super().format_value(value)


def number_input() -> forms.TextInput:
    return NumberInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


def number_errors(what: str, example: str = "42 or 12.5") -> dict[str, str]:
    return {
        "required": f"Enter the {what}.",
        "invalid": f"Enter the {what} as a number, for example {example}.",
        "max_digits": f"Enter the {what} with at most 14 digits before the decimal point.",
        "max_decimal_places": f"Enter the {what} with at most 4 decimal places.",
        "max_whole_digits": f"Enter the {what} with at most 14 digits before the decimal point.",
    }
