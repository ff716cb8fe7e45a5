from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "region", "country"]
    list_filter = ["type", "region"]
    search_fields = ["name"]


@admin.register(User)
class IntegraUserAdmin(UserAdmin):
    list_display = ["username", "get_full_name", "organisation", "role", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    fieldsets = UserAdmin.fieldsets + (("Integra", {"fields": ["organisation", "role"]}),)
