from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request.

    django-axes refuses ``authenticate()`` calls without a request. A script's or a test
    client's login has no client address to lock out, so it is left to the next backend
    (which checks the password as usual); every login form passes its request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
