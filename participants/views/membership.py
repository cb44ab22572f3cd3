"""Who may act for an organisation: the member list and requests to join
(/mijn/organisatie/<pk>/leden/) and the province's list of requests for
organisations without an admin (/beheer/missies/lidmaatschapsverzoeken/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.permissions import CivilServantRequiredMixin, SmeRequiredMixin

from .. import selectors
from ..models import MembershipRequest
from ..services import (
    membership_admin_grant,
    membership_admin_hand_over,
    membership_admin_revoke,
    membership_may_decide,
    membership_remove,
    membership_request_approve,
    membership_request_reject,
    membership_request_withdraw,
    organisations_of_user,
)

MEMBER_ACTIONS = {
    "verwijderen": membership_remove,
    "beheerder-maken": membership_admin_grant,
    "beheerder-af": membership_admin_revoke,
    "beheer-overdragen": membership_admin_hand_over,
}
DECISIONS = ("goedkeuren", "goedkeuren-als-beheerder", "afwijzen")


def _decide(request, membership_request: MembershipRequest, action: str) -> str:
    by = request.user
    if action == "afwijzen":
        membership_request_reject(request=membership_request, by=by)
        return _("The request of %(person)s has been rejected.")
    membership_request_approve(
        request=membership_request,
        by=by,
        as_admin=action == "goedkeuren-als-beheerder",
    )
    return _("%(person)s is now a member of %(organisation)s.")


class MembersView(SmeRequiredMixin, TemplateView):
    """The members of one of the user's organisations; its admins also see
    the requests to join and manage the members."""

    template_name = "participants/members.html"

    def get_organisation(self):
        return get_object_or_404(
            organisations_of_user(self.request.user), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        organisation = kwargs.pop("organisation", None) or self.get_organisation()
        members = list(selectors.members_of(organisation=organisation))
        own = next(m for m in members if m.user_id == self.request.user.pk)
        return super().get_context_data(
            organisation=organisation,
            members=members,
            own=own,
            admin_count=sum(1 for m in members if m.is_admin),
            requests=(
                list(selectors.membership_requests_pending(organisation=organisation))
                if own.is_admin
                else []
            ),
            **kwargs,
        )

    def refuse(self, organisation, error: ValidationError):
        messages.error(self.request, " ".join(error.messages))
        context = self.get_context_data(organisation=organisation)
        return self.render_to_response(context, status=400)


class MemberActionView(MembersView):
    """Remove a member (or leave), make or unmake an admin, hand over."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        action = MEMBER_ACTIONS.get(kwargs["action"])
        if action is None:
            raise Http404
        organisation = self.get_organisation()
        contact = get_object_or_404(
            organisation.contacts.filter(user__isnull=False), pk=kwargs["contact"]
        )
        leaving = contact.user_id == request.user.pk
        name = contact.name
        try:
            action(contact=contact, by=request.user)
        except ValidationError as error:
            return self.refuse(organisation, error)
        if leaving and action is membership_remove:
            messages.success(
                request,
                _("You are no longer a member of %(organisation)s.")
                % {"organisation": organisation},
            )
            return redirect("mine:index")
        messages.success(
            request,
            _("The members of %(organisation)s have been changed (%(name)s).")
            % {"organisation": organisation, "name": name},
        )
        return redirect("mine:members", organisation.pk)


class RequestDecisionView(MembersView):
    """An admin approves or rejects a request to join."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if kwargs["action"] not in DECISIONS:
            raise Http404
        organisation = self.get_organisation()
        membership_request = get_object_or_404(
            selectors.membership_requests_pending(organisation=organisation),
            pk=kwargs["request_pk"],
        )
        try:
            message = _decide(request, membership_request, kwargs["action"])
        except ValidationError as error:
            return self.refuse(organisation, error)
        messages.success(
            request,
            message
            % {
                "person": membership_request.user,
                "organisation": organisation,
            },
        )
        return redirect("mine:members", organisation.pk)


class RequestWithdrawView(SmeRequiredMixin, View):
    """The requester takes back his own pending request."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        membership_request = get_object_or_404(
            selectors.membership_requests_of_user(user=request.user),
            pk=kwargs["pk"],
        )
        try:
            membership_request_withdraw(request=membership_request, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("mine:index")
        messages.success(request, _("Your request has been withdrawn."))
        return redirect("mine:index")


class BackofficeRequestListView(CivilServantRequiredMixin, TemplateView):
    """Requests to join organisations of the own province; the province
    decides those of organisations without an admin."""

    template_name = "participants/backoffice/membership_requests.html"

    def only_to_decide(self) -> bool:
        # `?to_decide=on`: the home page's count, the province's own share.
        return self.request.GET.get("to_decide") == "on"

    def get_queryset(self):
        user = self.request.user
        requests = selectors.membership_requests_for_backoffice(
            province_id=None if user.is_administrator else user.province_id or -1
        )
        if self.only_to_decide():
            requests = requests.filter(organisation_has_admin=False)
        return requests

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            requests=list(self.get_queryset()),
            only_to_decide=self.only_to_decide(),
            **kwargs,
        )


class BackofficeRequestDecisionView(BackofficeRequestListView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if kwargs["action"] not in DECISIONS:
            raise Http404
        membership_request = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        organisation = membership_request.organisation
        if not membership_may_decide(user=request.user, organisation=organisation):
            messages.error(
                request,
                _(
                    "%(organisation)s has an admin of its own, who decides on "
                    "this request."
                )
                % {"organisation": organisation},
            )
            return self.render_to_response(self.get_context_data(), status=400)
        try:
            message = _decide(request, membership_request, kwargs["action"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(
            request,
            message % {"person": membership_request.user, "organisation": organisation},
        )
        return redirect("missions_backoffice:membership_requests")
