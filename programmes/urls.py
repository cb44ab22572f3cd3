from django.urls import path

from .views import index, indicators, ledger, planning

app_name = "programmes"


def crud(prefix: str, name: str, module, model: str, create=True, update=True):
    """list, detail, (create,) edit URLs of one kind of object."""
    patterns = [
        path(
            f"{prefix}/",
            getattr(module, f"{model}ListView").as_view(),
            name=f"{name}_list",
        ),
        path(
            f"{prefix}/<int:pk>/",
            getattr(module, f"{model}DetailView").as_view(),
            name=f"{name}_detail",
        ),
    ]
    if create:
        patterns.append(
            path(
                f"{prefix}/nieuw/",
                getattr(module, f"{model}CreateView").as_view(),
                name=f"{name}_create",
            )
        )
    if update:
        patterns.append(
            path(
                f"{prefix}/<int:pk>/bewerken/",
                getattr(module, f"{model}UpdateView").as_view(),
                name=f"{name}_update",
            )
        )
    return patterns


urlpatterns = [
    path("", index.BackOfficeIndexView.as_view(), name="index"),
    *crud("prestaties", "prestatie", planning, "Prestatie"),
    path(
        "prestaties/<int:pk>/voortzetten/",
        planning.PrestatieContinueView.as_view(),
        name="prestatie_continue",
    ),
    *crud("programmas", "programme", ledger, "Programme"),
    *crud("besluiten", "decision", ledger, "Decision"),
    *crud("reserves", "reserve", ledger, "Reserve"),
    *crud("acties", "action", planning, "Action", create=False),
    path(
        "prestaties/<int:pk>/acties/nieuw/",
        planning.ActionCreateView.as_view(),
        name="action_create",
    ),
    *crud("indicatoren", "indicator", indicators, "Indicator", create=False),
    path(
        "acties/<int:pk>/indicatoren/nieuw/",
        indicators.IndicatorCreateView.as_view(),
        name="indicator_create",
    ),
    path(
        "indicatoren/<int:pk>/streefwaarden/nieuw/",
        indicators.TargetCreateView.as_view(),
        name="target_create",
    ),
    path(
        "streefwaarden/<int:pk>/",
        indicators.TargetDetailView.as_view(),
        name="target_detail",
    ),
    path(
        "streefwaarden/<int:pk>/bewerken/",
        indicators.TargetUpdateView.as_view(),
        name="target_update",
    ),
    *crud("waarden", "value", indicators, "Value", create=False),
    path(
        "indicatoren/<int:pk>/waarden/nieuw/",
        indicators.ValueCreateView.as_view(),
        name="value_create",
    ),
    *crud("voortgang", "note", indicators, "Note", create=False),
    path(
        "acties/<int:pk>/voortgang/nieuw/",
        indicators.NoteCreateView.as_view(),
        name="note_create",
    ),
    *crud("resultaten", "result", planning, "Result", create=False),
    path(
        "prestaties/<int:pk>/resultaten/nieuw/",
        planning.ResultCreateView.as_view(),
        name="result_create",
    ),
    *crud("begroting", "budgetline", planning, "BudgetLine", create=False),
    path(
        "prestaties/<int:pk>/begroting/nieuw/",
        planning.BudgetLineCreateView.as_view(),
        name="budgetline_create",
    ),
    *crud("mutaties", "mutation", ledger, "Mutation", create=False),
    path(
        "reserves/<int:pk>/mutaties/nieuw/",
        ledger.MutationCreateView.as_view(),
        name="mutation_create",
    ),
    path(
        "mutaties/<int:pk>/besluit/",
        ledger.MutationDecideView.as_view(),
        name="mutation_decide",
    ),
    path(
        "mutaties/<int:pk>/tegenmutatie/",
        ledger.MutationCounterView.as_view(),
        name="mutation_counter",
    ),
]
