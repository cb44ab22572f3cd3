"""Realised values the portal computes, for pages of the programmes app.

The figures come from missions and their results, which this app may not
import (programmes imports no other app of ours). The reporting app, which
may, registers its calculation here when it starts; without one, pages say
the figure is computed instead of showing a number.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal

# (action ids, up to year) -> function(action id, year, metric, cumulative)
RealisedFunction = Callable[[int, int, str, bool], Decimal | int | None]
Provider = Callable[[list[int], int], RealisedFunction]

_provider: Provider | None = None


def register_provider(provider: Provider) -> None:
    global _provider
    _provider = provider


def attach_realised(actions: Iterable) -> bool:
    """Set `target.realised` on every target of the actions' indicators.

    Entered indicators take the value entered for the target's year,
    computed ones the portal's figure (a fixed number of queries for all
    of them). Returns False when no calculation is registered.
    """
    actions = list(actions)
    computed = [
        (action, indicator)
        for action in actions
        for indicator in action.indicators.all()
        if indicator.source == indicator.Source.COMPUTED
    ]
    years = [
        target.year
        for _action, indicator in computed
        for target in indicator.targets.all()
    ]
    value = None
    if computed and years and _provider is not None:
        value = _provider(sorted({a.pk for a, _i in computed}), max(years))
    for action in actions:
        for indicator in action.indicators.all():
            entered = {v.year: v.value for v in indicator.values.all()}
            cumulative = indicator.accumulation == indicator.Accumulation.CUMULATIVE
            for target in indicator.targets.all():
                if indicator.source != indicator.Source.COMPUTED:
                    target.realised = entered.get(target.year)
                elif value is not None:
                    target.realised = value(
                        action.pk, target.year, indicator.metric, cumulative
                    )
                else:
                    target.realised = None
    return _provider is not None
