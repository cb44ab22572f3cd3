"""Pages of the information desk.

Asking is open to everybody. The desk's list and questions are for the
civil servants of the question's province (and administrators), and for the
staff of the implementing partner that runs the province's desk: another
province's question, or one the partner does not handle, is absent (404).
Portfolio holders see no questions: they hold the asker's name, address and
business, which a portfolio holder has no task with; the desk's figures
are for the reports. An entrepreneur sees the questions he asked under
/mijn/.
"""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from accounts.permissions import CivilServantOrPartnerRequiredMixin, SmeRequiredMixin
from config.forms import add_service_errors

from . import selectors, services
from .forms import AnswerForm, AssignForm, FaqForm, QuestionForm, ReferForm
from .models import FaqEntry, Question

PAGE_SIZE = 50


class AskView(FormView):
    template_name = "desk/question_form.html"
    form_class = QuestionForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["visitor"] = not self.request.user.is_authenticated
        if self.request.user.is_authenticated and self.request.user.province_id:
            kwargs["initial"] = {"province": self.request.user.province_id}
        return kwargs

    def form_valid(self, form):
        if not self.request.user.is_authenticated and not _visitor_may_ask(
            self.request
        ):
            return render(self.request, "429.html", status=429)
        data = form.cleaned_data
        try:
            services.question_ask(
                province=data["province"],
                topic=data["topic"],
                subject=data["subject"],
                text=data["text"],
                language=get_language(),
                user=self.request.user,
                name=data.get("name", ""),
                email=data.get("email", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Thank you. Your question is with the desk; the answer comes by e-mail."),
        )
        if self.request.user.is_authenticated and self.request.user.is_sme:
            return redirect("desk:mine")
        return redirect("desk:ask")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


def _visitor_may_ask(request) -> bool:
    """Count a visitor's question against DESK_VISITOR_QUESTION_RATE per
    address, with allauth's limiter as the log-in uses it
    (accounts/authentication.py); False when the address is over it."""
    usage = ratelimit.consume(
        request,
        app="desk",
        action="ask",
        config={"ask": settings.DESK_VISITOR_QUESTION_RATE},
    )
    return usage is not None


class DeskListView(CivilServantOrPartnerRequiredMixin, ListView):
    template_name = "desk/question_list.html"
    context_object_name = "questions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        status = self.request.GET.get("status", "")
        if status not in Question.Status.values:
            status = ""
        self.status = status
        return selectors.desk_questions(user=self.request.user, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Question.Status.choices
        context["desk_days"] = settings.DESK_RESPONSE_DAYS
        context["status"] = self.status
        return context


class DeskDetailView(CivilServantOrPartnerRequiredMixin, TemplateView):
    """One question with the desk's actions: assign, answer, refer."""

    template_name = "desk/question_detail.html"
    ACTIONS = {
        "assign": (AssignForm, "assign_form"),
        "answer": (AnswerForm, "answer_form"),
        "refer": (ReferForm, "refer_form"),
        "faq": (FaqForm, "faq_form"),
    }

    def _question(self):
        try:
            return selectors.desk_question(user=self.request.user, pk=self.kwargs["pk"])
        except Question.DoesNotExist as error:
            raise Http404 from error

    def _forms(self, question, bound=None):
        assignees = services.assignable_users(question)
        forms = {
            "assign_form": AssignForm(
                prefix="assign",
                assignees=assignees,
                initial={"assignee": question.assigned_to_id or self.request.user.pk},
            ),
            "answer_form": AnswerForm(prefix="answer"),
            "refer_form": ReferForm(prefix="refer"),
            "faq_form": FaqForm(
                prefix="faq",
                initial={"question": question.text, "answer": question.answer},
            ),
        }
        if bound:
            forms.update(bound)
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["question"] = self.question
        context["is_open"] = self.question.status in Question.OPEN_STATUSES
        context["faq_entry"] = FaqEntry.objects.filter(source=self.question).first()
        for name, form in self._forms(self.question, kwargs.get("bound")).items():
            context[name] = form
        return context

    def get(self, request, *args, **kwargs):
        self.question = self._question()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.question = self._question()
        action = request.POST.get("action", "")
        if action == "faq_withdraw":
            return self._faq_withdraw()
        if action not in self.ACTIONS:
            return HttpResponseBadRequest(_("Unknown action."))
        form_class, name = self.ACTIONS[action]
        extra = (
            {"assignees": services.assignable_users(self.question)}
            if action == "assign"
            else {}
        )
        form = form_class(request.POST, prefix=action, **extra)
        if form.is_valid():
            try:
                self._act(action, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The question has been updated."))
                return redirect("desk:detail", pk=self.question.pk)
        context = self.get_context_data(bound={name: form})
        return self.render_to_response(context, status=400)

    def _faq_withdraw(self):
        entry = FaqEntry.objects.filter(source=self.question).first()
        if entry is None:
            raise Http404
        try:
            services.faq_entry_withdraw(entry=entry, by=self.request.user)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(self.request, _("The FAQ has been taken off the public page."))
        return redirect("desk:detail", pk=self.question.pk)

    def _act(self, action, data):
        user = self.request.user
        if action == "assign":
            services.question_assign(
                question=self.question, assignee=data["assignee"], by=user
            )
        elif action == "faq":
            services.faq_entry_publish(
                question=self.question,
                faq_question=data["question"],
                faq_answer=data["answer"],
                by=user,
            )
        elif action == "answer":
            services.question_answer(
                question=self.question, answer=data["answer"], by=user
            )
        else:
            services.question_refer(
                question=self.question, referral_note=data["referral_note"], by=user
            )


class MineView(SmeRequiredMixin, ListView):
    template_name = "desk/mine.html"
    context_object_name = "questions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.questions_of_user(user=self.request.user)


class FaqIndexView(TemplateView):
    """The public FAQ: the provinces whose desk published questions."""

    template_name = "desk/faq_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            provinces=selectors.provinces_with_faq(), **kwargs
        )


class FaqProvinceView(TemplateView):
    """One province's frequently asked questions, by topic."""

    template_name = "desk/faq_province.html"

    def get_context_data(self, **kwargs):
        from provinces.models import Province

        province = Province.objects.filter(code=self.kwargs["code"].upper()).first()
        if province is None:
            raise Http404
        return super().get_context_data(
            province=province,
            entries=selectors.published_faq(province=province),
            **kwargs,
        )
