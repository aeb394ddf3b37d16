"""Language selection (Chinese unless the user chose otherwise with the language switcher) and
the ceiling on a request's body."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext


class ChosenLanguageMiddleware:
    """Activate the language in the switcher's cookie, else LANGUAGE_CODE (zh-hans).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the
    people who use planwatch work in Chinese even on computers set up in English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class RequestBodyLimitMiddleware:
    """Refuse a request whose body is larger than MAX_REQUEST_BYTES before anything reads it.

    It must come before every middleware that reads request.POST (CSRF) so that an oversized
    upload is answered with 413 from its Content-Length alone: no byte of it reaches memory,
    a temporary file or a view. A body sent without a Content-Length is not read by Django at
    all. The API gets its usual JSON error; the pages a short page in the chosen language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            return request_too_large(request, length)
        return self.get_response(request)


def request_too_large(request, length: int):
    sizes = {"size": filesizeformat(length), "limit": filesizeformat(settings.MAX_REQUEST_BYTES)}
    message = gettext("上传内容 %(size)s,超过本系统每次请求 %(limit)s 的上限,未作处理。"
                      "请缩小文件或分批上传。") % sizes
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "request_too_large.html", {"message": message}, status=413)

