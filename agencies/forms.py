from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from .models import Role


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


class InviteMemberForm(NoSilentTruncationMixin, forms.Form):
    identifier = forms.CharField(
        label="User name or email address",
        max_length=254,
        help_text="They must already have an account.",
        error_messages={"required": "Enter their user name or email address."},
    )
    role = forms.TypedChoiceField(
        choices=Role.choices,
        coerce=int,
        initial=Role.VIEWER,
        error_messages={"invalid_choice": "Choose one of the roles listed."},
    )


class ChangeRoleForm(forms.Form):
    role = forms.TypedChoiceField(
        choices=Role.choices,
        coerce=int,
        error_messages={"invalid_choice": "Choose one of the roles listed."},
    )
