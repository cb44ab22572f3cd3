"""Authentication backends that load the user together with the province.

Nearly every page reads `request.user.province` (the header, every
province filter); loading it with the user saves a query per request.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend


class _UserWithProvince:
    def get_user(self, user_id):
        user = (
            get_user_model()
            ._default_manager.select_related("province")
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        return user


class ModelBackend(_UserWithProvince, DjangoModelBackend):
    """Django's backend (passwords, permissions)."""


class AuthenticationBackend(_UserWithProvince, AllauthBackend):
    """allauth's backend (login by e-mail address)."""
