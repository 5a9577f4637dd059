from django import forms

from ui.forms import NoSilentTruncationMixin

from .models import Role


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
