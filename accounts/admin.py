from allauth.socialaccount.models import SocialApp, SocialToken
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .forms import RoleChoiceField, UserInviteForm, role_label
from .models import User
from .roles import Role
from .services import user_create, user_invitation_queue


class RoleListFilter(admin.SimpleListFilter):
    """Filter by role, under the roles' translated names."""

    title = _("role")
    parameter_name = "role"

    # Accounts awaiting a role, linked from the administrator's home page.
    NONE = "none"

    def lookups(self, request, model_admin):
        return [*Role.choices, (self.NONE, _("No role yet"))]

    def queryset(self, request, queryset):
        if self.value() == self.NONE:
            return queryset.filter(
                groups__isnull=True, is_superuser=False, is_active=True
            )
        if self.value() in Role.values:
            return queryset.filter(groups__name=self.value())
        return queryset


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "name",
        "province",
        "partner",
        "role_names",
        "is_active",
        "last_login",
    ]
    list_filter = [RoleListFilter, "province", "is_active", "is_staff"]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name", "language")}),
        (
            _("Role and scope"),
            {"fields": ("groups", "province", "partner", "mfa_exempt")},
        ),
        (_("Status"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    # A new person chooses a password through the invitation e-mail; the
    # administrator never knows it.
    add_form = UserInviteForm
    add_form_template = "admin/accounts/user/add_form.html"
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "name",
                    "language",
                    "role",
                    "province",
                    "partner",
                ),
            },
        ),
    )
    # Kept by Django, not typed by people; Django's split date/time inputs
    # also have no labels of their own.
    readonly_fields = ("last_login", "date_joined")
    actions = ["send_invitation"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Four roles fit in checkboxes, which every screen reader knows;
        # Django's filter widget puts aria-label on a span.
        if db_field.name == "groups":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["form_class"] = RoleChoiceField
            kwargs["help_text"] = _(
                "The person's roles. A civil servant or portfolio holder also "
                "needs a province, implementing partner staff a partner "
                "organisation."
            )
            kwargs["label"] = _("Roles")
            kwargs.setdefault("queryset", Group.objects.order_by("name"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("province", "partner")
            .prefetch_related("groups")
        )

    @admin.display(description=_("roles"))
    def role_names(self, obj):
        return ", ".join(role_label(group.name) for group in obj.groups.all())

    # Adding calls the service, which creates the user with its role and
    # queues the invitation after commit; Django's add view only shows the
    # result.
    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        data = form.cleaned_data
        return user_create(
            email=data["email"],
            role=data["role"],
            name=data["name"],
            province=data["province"],
            partner=data["partner"],
            language=data["language"],
            invite=True,
        )

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    def response_add(self, request, obj, post_url_continue=None):
        messages.info(
            request,
            _("An invitation to choose a password has been sent to %(email)s.")
            % {"email": obj.email},
        )
        return super().response_add(request, obj, post_url_continue)

    @admin.action(description=_("Send an e-mail to choose a password"))
    def send_invitation(self, request, queryset):
        users = list(queryset.filter(is_active=True))
        for user in users:
            user_invitation_queue(user=user)
        self.message_user(
            request,
            ngettext(
                "An e-mail to choose a password is on its way to %(count)d user.",
                "An e-mail to choose a password is on its way to %(count)d users.",
                len(users),
            )
            % {"count": len(users)},
        )


admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(BaseGroupAdmin):
    """Django's groups are the portal's roles: shown under their names."""

    list_display = ["role", "name"]

    @admin.display(description=_("role"), ordering="name")
    def role(self, obj):
        return role_label(obj.name)


# eHerkenning's broker is configured from the environment only
# (accounts/eherkenning.py) and its tokens are not stored: the admin offers
# the linked accounts, not allauth's apps and tokens.

for _model in (SocialApp, SocialToken):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
