from django import forms

from ui.forms import NoSilentTruncationMixin

from ..models import Organisation


class AgencySettingsForm(NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "currency_symbol",
            "currency_code",
            "financial_year_start_month",
            "classification_marking",
        ]
        labels = {
            "currency_symbol": "Currency symbol",
            "currency_code": "Currency code",
            "financial_year_start_month": "Month the financial year starts",
            "classification_marking": "Classification marking",
        }
        error_messages = {
            "currency_symbol": {"required": "Enter the currency symbol, like £."},
            "currency_code": {"required": "Enter the currency code, like GBP."},
            "classification_marking": {"required": "Enter the classification marking."},
        }

    def clean_currency_code(self):
        code = self.cleaned_data["currency_code"].strip().upper()
        if len(code) != 3 or not code.isascii() or not code.isalpha():
            raise forms.ValidationError("Enter a 3-letter currency code, like GBP.")
        return code
