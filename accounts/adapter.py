from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group

from .roles import Role


class AccountAdapter(DefaultAccountAdapter):
    """Everybody who signs up on the site is an entrepreneur (SME user).

    Civil servants, portfolio holders and administrators are created by an
    administrator (`manage.py create_user` or the admin).
    """

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get_or_create(name=Role.SME)[0])
        return user
