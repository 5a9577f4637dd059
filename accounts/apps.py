from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Sign-in and accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .services import second_factor_remember

        user_logged_in.connect(second_factor_remember, dispatch_uid="accounts.second_factor")
