from django.db import models


class PasswordResetRequest(models.Model):
    """One "Forgot your password?" request, kept an hour or so to throttle them.

    The email is kept only as a digest: enough to count requests for it, not
    to read it back."""

    requested_at = models.DateTimeField(auto_now_add=True, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    email_digest = models.CharField(max_length=64)

    class Meta:
        indexes = [
            models.Index(fields=["address", "requested_at"]),
            models.Index(fields=["email_digest", "requested_at"]),
        ]

    def __str__(self) -> str:
        return f"Password reset requested at {self.requested_at:%Y-%m-%d %H:%M}"
