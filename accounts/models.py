from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import PARTNER_ROLES, PROVINCE_ROLES, TWO_FACTOR_ROLES, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in with an e-mail address.

    The role is the user's group; civil servants and portfolio holders belong
    to one province, SME users to organisations through their contact person
    records (participants app).
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Civil servants and portfolio holders work for one province."),
    )
    # Partner staff work for one organisation, as civil servants for one
    # province: the administrator sets it with the role. Not a membership
    # (participants.ContactPerson): that is an entrepreneur acting for his
    # company, granted by the company; this is staff access, granted by the
    # portal's administrator, and it carries no contact-person data.
    partner = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        limit_choices_to={"kind": "partner"},
        help_text=_(
            "Implementing partner staff work for one partner organisation; they "
            "see what it runs for the provinces that engage it."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language of e-mails sent without a page to take it from, such "
            "as the invitation."
        ),
    )
    daily_digest = models.BooleanField(
        _("daily digest e-mail"),
        default=True,
        help_text=_(
            "Civil servants receive each morning what waits for their province; "
            "they can turn it off on their home page."
        ),
    )
    mfa_exempt = models.BooleanField(
        _("exempt from two-factor authentication"),
        default=False,
        help_text=_("Only for demo accounts; never in production."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email

    @cached_property
    def roles(self) -> frozenset[str]:
        """The user's role names, read once per request (or loaded with the
        user by accounts.backends on PostgreSQL)."""
        loaded = self.__dict__.get("role_names")
        if loaded is not None:
            return frozenset(name for name in loaded if name)
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_civil_servant(self) -> bool:
        return Role.CIVIL_SERVANT in self.roles

    @property
    def is_portfolio_holder(self) -> bool:
        return Role.PORTFOLIO_HOLDER in self.roles

    @property
    def is_sme(self) -> bool:
        return Role.SME in self.roles

    @property
    def is_administrator(self) -> bool:
        return Role.ADMINISTRATOR in self.roles or self.is_superuser

    @property
    def is_partner(self) -> bool:
        return bool(self.roles.intersection(PARTNER_ROLES))

    @property
    def works_for_province(self) -> bool:
        return bool(self.roles.intersection(PROVINCE_ROLES))

    @property
    def needs_two_factor(self) -> bool:
        # The exemption is for demo accounts (made only with DEBUG on) and
        # tests; in production it would let a password alone in.
        if self.mfa_exempt and (settings.DEBUG or settings.TESTING):
            return False
        return self.is_superuser or bool(self.roles.intersection(TWO_FACTOR_ROLES))
