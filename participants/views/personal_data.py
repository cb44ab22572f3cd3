"""/mijn/mijn-gegevens.json: the download of one's own data (AVG articles
15 and 20), put together by participants.personal_data."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.views import View

from accounts.permissions import SmeRequiredMixin

from ..personal_data import personal_data_export


class PersonalDataView(SmeRequiredMixin, View):
    """AVG: download everything about yourself and your organisations."""

    def get(self, request, *args, **kwargs):
        data = personal_data_export(user=request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
        return response
