from django.contrib import admin

from .models import Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "display_name", "colour", "contact_email"]
    search_fields = ["name", "code", "display_name"]
