from django.contrib import admin

from .models import (
    Course,
    CourseGroup,
    CourseType,
    Curriculum,
    CurriculumModule,
    TeacherQualification,
)


class CurriculumModuleInline(admin.TabularInline):
    model = CurriculumModule
    extra = 1


@admin.register(Curriculum)
class CurriculumAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "course_type", "final_exam"]
    inlines = [CurriculumModuleInline]


@admin.register(CourseType)
class CourseTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "target_level", "code"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "provider", "language", "target_level", "region", "active"]
    list_filter = ["active", "delivery"]


@admin.register(TeacherQualification)
class TeacherQualificationAdmin(admin.ModelAdmin):
    list_display = ["teacher", "code", "issued_on", "expires_on"]
    search_fields = ["teacher__username", "code"]


@admin.register(CourseGroup)
class CourseGroupAdmin(admin.ModelAdmin):
    """Read-only here: seats and status change only through the services' checks."""

    list_display = ["name", "course", "status", "capacity", "seats_taken", "start_date"]
    readonly_fields = ["seats_taken", "status", "version", "capacity"]

    def has_add_permission(self, request) -> bool:
        return False
