from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import policy
from accounts.models import Organisation, Role, User
from pathways.programme_registry import active_profiles
from people.choices import CEFR

from .choices import CourseKind, Skill
from .models import Course, CourseGroup, Curriculum


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


class CatalogueFilter(forms.Form):
    region = forms.CharField(label=_("Region"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + CourseKind.choices
    )
    level = forms.ChoiceField(
        label=_("Target level"), required=False, choices=[("", _("Any"))] + CEFR.choices
    )
    language = forms.CharField(label=_("Language of instruction"), required=False, max_length=3)


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "provider",
            "course_type",
            "curriculum",
            "title",
            "language",
            "target_level",
            "delivery",
            "location",
            "region",
            "time_zone",
            "module_code",
        ]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        providers = Organisation.objects.filter(type__in=policy.COURSE_PROVIDER_TYPES)
        if not policy.plans_course_capacity(user):
            providers = providers.filter(pk=user.organisation_id)
        self.fields["provider"].queryset = providers
        self.fields["curriculum"].queryset = Curriculum.objects.select_related("course_type")


def programme_choices() -> list[tuple[str, str]]:
    profiles = sorted(active_profiles().values(), key=lambda p: (p.country, p.id))
    return [("", _("No programme"))] + [(p.id, f"{p.name} ({p.country})") for p in profiles]


class GroupForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CourseGroup
        fields = ["name", "teacher", "programme_id", "start_date", "end_date", "capacity"]
        widgets = {"start_date": DateInput, "end_date": DateInput}

    def __init__(self, *args, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        teachers = User.objects.filter(role=Role.TEACHER, is_active=True)
        self.fields["teacher"].queryset = teachers.filter(organisation_id=course.provider_id)
        self.fields["programme_id"] = forms.ChoiceField(
            label=_("Programme"), choices=programme_choices(), required=False
        )


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput)
    end_time = forms.TimeField(label=_("Ends at"), widget=TimeInput)
    topic = forms.CharField(label=_("Topic"), required=False, max_length=200)


class FindClientForm(forms.Form):
    person = forms.IntegerField(
        label=_("Registry number of the client"),
        min_value=1,
        help_text=_("The number shown on the client's record."),
    )


class EnrolForm(forms.Form):
    measure = forms.ChoiceField(label=_("Plan measure this course carries out"), required=False)

    def __init__(self, *args, measures=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(m.pk), f"{m.title} · {m.deadline}") for m in measures]
        choices.append(("", _("None: enrol directly")))
        self.fields["measure"].choices = choices
        self.fields["measure"].widget = forms.RadioSelect(choices=choices)
        self.fields["measure"].initial = choices[0][0]


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ExamForm(forms.Form):
    taken_on = forms.DateField(label=_("Exam date"), widget=DateInput)

    def __init__(self, *args, required_skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.required_skills = tuple(required_skills)
        for skill in Skill:
            required = skill.value in required_skills
            score = forms.IntegerField(
                label=_("%(skill)s: score (0–100)") % {"skill": skill.label},
                min_value=0,
                max_value=100,
                required=required,
            )
            level = forms.ChoiceField(
                label=_("%(skill)s: level reached") % {"skill": skill.label},
                choices=[("", "—")] + CEFR.choices,
                required=required,
            )
            self.fields[f"{skill.value}_score"] = score
            self.fields[f"{skill.value}_level"] = level

    @property
    def skill_rows(self) -> list[tuple]:
        """(skill, required, score field, level field) for the template."""
        return [
            (s, s.value in self.required_skills, self[f"{s.value}_score"], self[f"{s.value}_level"])
            for s in Skill
        ]

    def clean(self):
        data = super().clean()
        for skill in Skill:
            score, level = data.get(f"{skill.value}_score"), data.get(f"{skill.value}_level")
            if (score is None) != (not level):
                self.add_error(
                    f"{skill.value}_level" if score is not None else f"{skill.value}_score",
                    _("Give both the score and the level reached, or neither."),
                )
        return data

    def scores(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {
            skill.value: (data[f"{skill.value}_score"], data[f"{skill.value}_level"])
            for skill in Skill
            if data.get(f"{skill.value}_score") is not None and data.get(f"{skill.value}_level")
        }
