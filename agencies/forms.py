from django import forms

from .models import Role


class NoSilentTruncationMixin:
    """Drop the browser's `maxlength`, which silently cuts pasted text.

    Length limits are still enforced on the server, with a message that says
    how long the text is, so nothing a user typed is lost without a word.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)


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
