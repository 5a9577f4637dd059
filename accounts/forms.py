from django import forms
from django.contrib.auth.forms import PasswordResetForm


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        help_text="The 6-digit code your authenticator app shows now, or one of your "
        "recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the code from your authenticator app."},
    )


class AuthenticatorForm(forms.Form):
    """The key travels in the page, signed, so that showing it writes nothing."""

    key = forms.CharField(widget=forms.HiddenInput)
    code = forms.CharField(
        label="Code from the app",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows for this account.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app."},
    )


class ResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The email address your account uses.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address like name@example.gov.",
        },
    )
