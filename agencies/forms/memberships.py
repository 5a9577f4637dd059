from collections.abc import Iterable

from django import forms
from django.contrib.auth.models import AbstractBaseUser

from ..models import Membership, Role
from ..services.memberships import KEEP

NOBODY = "nobody"


def person(user) -> str:
    """A person as the pages name them: their full name, else their user name."""
    return user.get_full_name() or user.get_username()


class ChangeRoleForm(forms.Form):
    role = forms.TypedChoiceField(
        choices=Role.choices,
        coerce=int,
        error_messages={"invalid_choice": "Choose one of the roles listed."},
    )


class SuccessorForm(forms.Form):
    """Who takes over what a member owns when they leave or their role is lowered."""

    successor = forms.ChoiceField(
        label="Who takes over what they own?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who takes over what they own.",
            "invalid_choice": "Choose one of the people listed.",
        },
    )

    def __init__(
        self,
        *args,
        member: Membership,
        others: Iterable[AbstractBaseUser],
        may_keep: bool,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.others = {str(user.pk): user for user in others if user.pk != member.user_id}
        choices = []
        if may_keep:
            choices.append((KEEP, f"{person(member.user)} keeps them"))
        choices += [(pk, person(user)) for pk, user in self.others.items()]
        choices.append((NOBODY, "Nobody for now: they will have no owner"))
        self.fields["successor"].choices = choices

    def clean_successor(self):
        value = self.cleaned_data["successor"]
        if value == KEEP:
            return KEEP
        if value == NOBODY:
            return None
        return self.others[value]


class ChangeRoleWithSuccessorForm(ChangeRoleForm, SuccessorForm):
    pass
