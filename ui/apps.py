from django.apps import AppConfig


class UiConfig(AppConfig):
    """What every page shares and no domain owns; it imports no domain app."""

    name = "ui"
    verbose_name = "User interface"
