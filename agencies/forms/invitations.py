from django import forms

from ui.forms import NoSilentTruncationMixin

from ..models import Role


class InvitationForm(NoSilentTruncationMixin, forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will email them a link to accept. Nobody joins until they accept.",
        error_messages={
            "required": "Enter their email address.",
            "invalid": "Enter an email address in the right format, like name@example.gov.",
        },
    )
    role = forms.TypedChoiceField(
        choices=Role.choices,
        coerce=int,
        initial=Role.VIEWER,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a role.",
            "invalid_choice": "Choose one of the roles listed.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [
            (role.value, f"{role.label}: {role.description}") for role in Role
        ]


class NewAccountForm(NoSilentTruncationMixin, forms.Form):
    first_name = forms.CharField(
        max_length=150, error_messages={"required": "Enter your first name."}
    )
    last_name = forms.CharField(
        max_length=150, error_messages={"required": "Enter your last name."}
    )
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters, not all numbers, not a common password, and "
        "not like your name or email address.",
        error_messages={"required": "Enter a password."},
    )
    password_again = forms.CharField(
        label="Confirm password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the password again."},
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean(self):
        cleaned = super().clean()
        password, again = cleaned.get("password"), cleaned.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "The passwords do not match.")
        return cleaned
