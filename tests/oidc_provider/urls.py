from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def login_view(request):
    """The broker's log-in: a test identity's name and password."""
    next_url = request.GET.get("next", "/")
    if request.method == "POST":
        user = authenticate(
            request,
            username=request.POST.get("username", ""),
            password=request.POST.get("password", ""),
        )
        if user is not None and url_has_allowed_host_and_scheme(next_url, None):
            login(request, user)
            return HttpResponseRedirect(next_url)
        return HttpResponse("wrong name or password", status=401)
    return HttpResponse(
        '<form method="post"><input name="username"><input name="password">'
        "<button>log in</button></form>"
    )


urlpatterns = [
    path("login/", login_view),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
