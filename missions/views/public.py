"""The public mission calendar, mission pages and sign-up."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from accounts.permissions import SmeRequiredMixin
from config.forms import add_service_errors
from participants.services import organisations_of_user

from .. import agenda, selectors, services
from ..filters import MissionCalendarFilter
from ..forms import SignUpForm
from ..models import Registration


class MissionCalendarView(FilterView):
    """Upcoming missions; anyone may read it."""

    template_name = "missions/mission_calendar.html"
    filterset_class = MissionCalendarFilter
    context_object_name = "missions"
    paginate_by = 25

    def get_queryset(self):
        return selectors.mission_calendar()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["missions"] = list(context["missions"])
        selectors.attach_calendar_details(context["missions"])
        return context


class MissionDetailView(DetailView):
    template_name = "missions/mission_detail.html"
    context_object_name = "mission"

    def get_queryset(self):
        return selectors.mission_public_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mission = self.object
        context["seats_free"] = mission.seats_left
        context["signup_state"] = mission.signup_state()
        context["own_registration"] = (
            selectors.registrations_of_user(user=self.request.user)
            .filter(mission=mission, status__in=Registration.ACTIVE_STATUSES)
            .first()
        )
        return context


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def mission_ics(request, pk):
    """The mission's iCalendar file; anyone may read a public mission."""
    mission = get_object_or_404(
        selectors.mission_for_signup().select_related("province"), pk=pk
    )
    return _ics_response(
        agenda.mission_ics(mission, language=get_language()), f"missie-{pk}.ics"
    )


@require_safe
def mission_feed_ics(request):
    """A feed of the upcoming published missions, to subscribe to."""
    return _ics_response(
        agenda.missions_feed_ics(
            selectors.mission_calendar_feed(), language=get_language()
        ),
        "handelsmissies.ics",
    )


class SignUpView(SmeRequiredMixin, FormView):
    """Sign-up needs an account and an organisation profile with KvK."""

    template_name = "missions/signup_form.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        # The form shows the free seats; a sign-up counts them itself, under
        # the mission's lock, so its POST reads the plain row.
        missions = (
            selectors.mission_public_detail()
            if request.method == "GET"
            else selectors.mission_for_signup()
        )
        self.mission = get_object_or_404(missions, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        state = self.mission.signup_state()
        if state == self.mission.SIGNUP_NOT_YET:
            # Not the form: it would only be refused once filled in.
            messages.info(
                request,
                _("Sign-up for this mission opens on %(date)s.")
                % {
                    "date": date_format(
                        timezone.localtime(self.mission.signup_opens_at),
                        "DATETIME_FORMAT",
                    )
                },
            )
            return redirect("missions:detail", pk=self.mission.pk)
        if state != self.mission.SIGNUP_OPEN:
            messages.info(request, _("Sign-up for this mission is closed."))
            return redirect("missions:detail", pk=self.mission.pk)
        if not self.organisations:
            messages.info(
                request,
                _("First fill in your organisation's profile with its KvK number."),
            )
            return redirect(reverse("mine:organisation") + "?next=" + request.path)
        return super().get(request, *args, **kwargs)

    @cached_property
    def organisations(self):
        return list(organisations_of_user(self.request.user))

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "mission": self.mission,
            "organisations": self.organisations,
        }

    def get_context_data(self, **kwargs):
        if not hasattr(self.mission, "seats_left"):
            # A refused POST shows the form again, with the free seats.
            self.mission = selectors.mission_public_detail().get(pk=self.mission.pk)
        return super().get_context_data(mission=self.mission, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                mission=self.mission,
                by=self.request.user,
                language=get_language(),
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, signup_answer(registration))
        return redirect("mine:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


def signup_answer(registration: Registration) -> str:
    """The immediate answer after a sign-up."""
    if registration.status == Registration.Status.ACCEPTED:
        return _("You are signed up for %(mission)s (seats: %(seats)s).") % {
            "mission": registration.mission,
            "seats": registration.seats,
        }
    if registration.status == Registration.Status.WAITLISTED:
        return _(
            "%(mission)s is full. You are on the waiting list at position "
            "%(position)s; you move up automatically when a place becomes free."
        ) % {
            "mission": registration.mission,
            "position": registration.waitlist_position,
        }
    return _(
        "We received your sign-up for %(mission)s. It will be reviewed; you "
        "will receive an e-mail with the decision."
    ) % {"mission": registration.mission}
