"""factory_boy factories for every model; Traits name the states."""

import factory
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role
from participants.models import ContactPerson, Organisation
from programmes.models import Province

PASSWORD = "correct-horse-battery-staple"


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}")
    name = factory.Sequence(lambda n: f"Provincie {n}")
    display_name = factory.LazyAttribute(lambda o: f"Provincie {o.name}")


class UserFactory(factory.django.DjangoModelFactory):
    """A user; the traits give the role's group and, where needed, a province."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    mfa_exempt = True
    role = None

    class Params:
        civil_servant = factory.Trait(
            role=Role.CIVIL_SERVANT, province=factory.SubFactory(ProvinceFactory)
        )
        portfolio_holder = factory.Trait(
            role=Role.PORTFOLIO_HOLDER, province=factory.SubFactory(ProvinceFactory)
        )
        sme = factory.Trait(role=Role.SME)
        administrator = factory.Trait(role=Role.ADMINISTRATOR, is_staff=True)

    @classmethod
    def _create(cls, model_class, *args, role=None, **kwargs):
        from allauth.account.models import EmailAddress

        user = model_class.objects.create_user(*args, password=PASSWORD, **kwargs)
        if role:
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
        return user


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("kvk_number",)

    kvk_number = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    name = factory.Faker("company", locale="nl_NL")
    kind = Organisation.Kind.SME
    employees = 20
    province = factory.SubFactory(ProvinceFactory)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


def sme_user_of(organisation, **kwargs) -> User:
    """An SME user who is a contact person of `organisation`."""
    user = UserFactory(sme=True, **kwargs)
    ContactPersonFactory(
        organisation=organisation, user=user, name=user.name, email=user.email
    )
    return user
