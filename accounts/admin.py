from allauth.socialaccount.models import SocialApp, SocialToken
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "name",
        "province",
        "role_names",
        "is_active",
        "last_login",
    ]
    list_filter = ["groups", "province", "is_active", "is_staff"]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name",)}),
        (_("Role and scope"), {"fields": ("groups", "province", "mfa_exempt")}),
        (_("Status"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),
    )
    # Kept by Django, not typed by people; Django's split date/time inputs
    # also have no labels of their own.
    readonly_fields = ("last_login", "date_joined")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Four roles fit in checkboxes, which every screen reader knows;
        # Django's filter widget puts aria-label on a span.
        if db_field.name == "groups":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("province")
            .prefetch_related("groups")
        )

    @admin.display(description=_("roles"))
    def role_names(self, obj):
        return ", ".join(group.name for group in obj.groups.all())


# eHerkenning's broker is configured from the environment only
# (accounts/eherkenning.py) and its tokens are not stored: the admin offers
# the linked accounts, not allauth's apps and tokens.

for _model in (SocialApp, SocialToken):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
