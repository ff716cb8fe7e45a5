"""Short surveys of migrants: the questions (data, translatable), invitations with one-time
tokens, and anonymous answers.

The token table (SurveyInvitation) knows who was invited and whether they answered; the answers
(SurveyResponse, SurveyAnswer) know neither: no person, no invitation, a random id, only the
month, region and channel. Answers are reported only in aggregate, under disclosure control.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import policy
from audit.models import Action
from audit.services import Entry, record

from .models import SurveyAnswer, SurveyChannel, SurveyInvitation, SurveyResponse

VALID_DAYS = 60


@dataclass(frozen=True)
class Option:
    code: str
    label: str


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    multiple: bool
    options: tuple[Option, ...]
    required: bool = True
    exclusive: str = ""  # an option that excludes the others ("none")


@dataclass(frozen=True)
class Survey:
    code: str
    title: str
    intro: str
    questions: tuple[Question, ...]


def _options(*pairs) -> tuple[Option, ...]:
    return tuple(Option(code, label) for code, label in pairs)


SURVEYS = {
    "service_feedback": Survey(
        "service_feedback",
        gettext_lazy("Your experience with integration services"),
        gettext_lazy(
            "Three short questions. Your answers are anonymous: they are stored without your "
            "name and counted only together with many others."
        ),
        (
            Question(
                "satisfaction",
                gettext_lazy("How satisfied are you with the services you received?"),
                False,
                _options(
                    ("very_satisfied", gettext_lazy("Very satisfied")),
                    ("satisfied", gettext_lazy("Satisfied")),
                    ("neutral", gettext_lazy("Neither satisfied nor dissatisfied")),
                    ("dissatisfied", gettext_lazy("Dissatisfied")),
                    ("very_dissatisfied", gettext_lazy("Very dissatisfied")),
                ),
            ),
            Question(
                "barriers",
                gettext_lazy("What made it hard for you to use services? Choose all that apply."),
                True,
                _options(
                    ("language", gettext_lazy("Language")),
                    ("documents", gettext_lazy("Documents or legal status")),
                    ("information", gettext_lazy("Not knowing where to go")),
                    ("waiting_time", gettext_lazy("Waiting times")),
                    ("costs", gettext_lazy("Costs")),
                    ("transport", gettext_lazy("Distance or transport")),
                    ("childcare", gettext_lazy("No childcare")),
                    ("discrimination", gettext_lazy("Unfair treatment")),
                    ("none", gettext_lazy("Nothing, it was not hard")),
                ),
                required=False,
                exclusive="none",
            ),
            Question(
                "discrimination",
                gettext_lazy(
                    "In the last 12 months, were you treated unfairly because of your origin, "
                    "religion, language or skin colour?"
                ),
                False,
                _options(
                    ("yes", gettext_lazy("Yes")),
                    ("no", gettext_lazy("No")),
                    ("prefer_not", gettext_lazy("I prefer not to say")),
                ),
                required=False,
            ),
        ),
    )
}


def option_label(code: str) -> str:
    for survey in SURVEYS.values():
        for question in survey.questions:
            for option in question.options:
                if option.code == code:
                    return str(option.label)
    return ""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(user, person, survey: str, channel: str = SurveyChannel.LINK) -> str:
    """A one-time token for `person` (only by staff who may edit the person's record). Returns
    the token; only its hash is stored."""
    grant = policy.access(user, person)
    if not grant.may_edit or survey not in SURVEYS or channel not in SurveyChannel.values:
        raise PermissionDenied
    token = secrets.token_urlsafe(24)
    try:
        with transaction.atomic():
            SurveyInvitation.objects.create(
                survey=survey,
                person=person,
                organisation_id=person.organisation_id,
                token_hash=token_hash(token),
                channel=channel,
                created_by=user,
                expires_on=timezone.localdate() + datetime.timedelta(days=VALID_DAYS),
            )
    except IntegrityError:
        raise ValidationError(_("This client has already been invited to this survey.")) from None
    record(user, [Entry(person.pk, Action.CREATE, (), grant.ground, f"survey-invitation:{survey}")])
    return token


def open_invitation(token: str) -> SurveyInvitation | None:
    invitation = (
        SurveyInvitation.objects.select_related("organisation")
        .filter(token_hash=token_hash(token), answered=False)
        .first()
    )
    if invitation is None or invitation.expires_on < timezone.localdate():
        return None
    return invitation


def clean_answers(survey: Survey, data: dict[str, list[str]]) -> dict[str, list[str]]:
    answers: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    for question in survey.questions:
        codes = {o.code for o in question.options}
        chosen = [v for v in data.get(question.code, []) if v]
        if not chosen:
            if question.required:
                errors[question.code] = _("Please choose an answer.")
            continue
        if any(v not in codes for v in chosen) or (not question.multiple and len(chosen) > 1):
            errors[question.code] = _("Please choose from the answers listed.")
        elif question.exclusive in chosen and len(chosen) > 1:
            errors[question.code] = _("“Nothing” cannot be chosen together with other answers.")
        answers[question.code] = list(dict.fromkeys(chosen))
    if errors:
        raise ValidationError(errors)
    return answers


def submit(token: str, data: dict[str, list[str]], language: str = "") -> None:
    """Store anonymous answers and spend the token, both or neither."""
    invitation = open_invitation(token)
    if invitation is None:
        raise PermissionDenied
    answers = clean_answers(SURVEYS[invitation.survey], data)
    with transaction.atomic():
        spent = SurveyInvitation.objects.filter(pk=invitation.pk, answered=False).update(
            answered=True
        )
        if spent != 1:
            raise PermissionDenied
        response = SurveyResponse.objects.create(
            survey=invitation.survey,
            month=timezone.localdate().strftime("%Y-%m"),
            region=invitation.organisation.region,
            channel=invitation.channel,
            language=language[:8],
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(response=response, question=question, value=value)
            for question, values in answers.items()
            for value in values
        )
