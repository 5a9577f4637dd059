from axes.backends import AxesStandaloneBackend


class SignInThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for sign-ins over the web.

    A password checked with no request (the test client's `login()`, a shell)
    has no address to count and no attacker behind it: it is let through to
    the next backend instead of failing with an error. Every sign-in page of
    the site (ours and Django admin's) passes its request, so it is counted.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
