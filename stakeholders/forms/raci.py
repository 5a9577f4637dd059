"""The RACI form of one initiative: the stakeholders in each role. There is no
"accountable" choice: the initiative's sponsor is; a request naming one is refused."""

from django import forms

from roadmap.models import Roadmap

from ..rules.raci import raci_problems

ROLE_HELP = {
    "responsible": "Who does the work.",
    "consulted": "Whose views are sought before decisions.",
    "informed": "Who is kept up to date.",
}


class RaciForm(forms.Form):
    def __init__(self, *args, roadmap: Roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this roadmap's register can be chosen.
        stakeholders = roadmap.stakeholders.order_by("name")
        self.stakeholders = stakeholders
        for role, help_text in ROLE_HELP.items():
            self.fields[role] = forms.ModelMultipleChoiceField(
                queryset=stakeholders,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=role.capitalize(),
                help_text=help_text,
                error_messages={
                    "invalid_choice": "Choose stakeholders in this roadmap's register."
                },
            )

    def clean(self):
        cleaned = super().clean()
        chosen = {role: [(s.pk, s.name) for s in cleaned.get(role) or []] for role in ROLE_HELP}
        if self.data.get("accountable"):  # only a hand-made request asks for one
            chosen["accountable"] = [(None, "")]
        for field, message in raci_problems(chosen).items():
            self.add_error(None if field in ("__all__", "accountable") else field, message)
        return cleaned
