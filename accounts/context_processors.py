from .roles import Role


def roles(request):
    """Role flags for the navigation; one query for the user's groups."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_roles": frozenset()}
    names = set(user.roles)
    if user.is_superuser:
        names.add(Role.ADMINISTRATOR)
    return {"nav_roles": frozenset(names), "Role": Role}
