"""Authentication backends that load the user with its province and roles.

Every page reads the user's roles (menus, permissions) and nearly every
page `request.user.province` (every province filter); loading them with
the user saves two queries per request. The role names come as an array
aggregate on PostgreSQL; elsewhere (SQLite for `make run`) User.roles reads
them with a query of its own.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db import connection


def _users():
    users = get_user_model()._default_manager.select_related("province")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.aggregates import ArrayAgg

        users = users.annotate(role_names=ArrayAgg("groups__name", default=[]))
    return users


class _UserWithProvince:
    def get_user(self, user_id):
        user = _users().filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        return user


class ModelBackend(_UserWithProvince, DjangoModelBackend):
    """Django's backend (passwords, permissions)."""


class AuthenticationBackend(_UserWithProvince, AllauthBackend):
    """allauth's backend (login by e-mail address)."""
