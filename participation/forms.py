"""Staff forms for consultations, and the children's answer form built from the questions."""

import secrets

from django import forms
from django.templatetags.static import static
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from assessments.models import Case
from core.forms import DateInput, limit_to_bodies
from organisations.models import Body
from planning.models import Activity

from .models import (
    AgeBand,
    ClassCode,
    Consultation,
    Feedback,
    OfflineVoice,
    ParticipationSettings,
    Question,
)
from .models.consultations import Channel

MAX_TEXT_ANSWER = 2000
# The words under the 1–5 scale's faces, per Question.ScaleWords; the words are what screen
# readers and the results use. The faces are bundled SVG images (static/img/faces/), not
# emoji, which some phones draw as empty boxes.
SCALE_WORDS = {
    "good": [_("Very bad"), _("Bad"), _("Okay"), _("Good"), _("Very good")],
    "important": [
        _("Not important at all"),
        _("Not so important"),
        _("Quite important"),
        _("Important"),
        _("Very important"),
    ],
    "agree": [
        _("I do not agree at all"),
        _("I do not agree much"),
        _("I partly agree"),
        _("I mostly agree"),
        _("I agree completely"),
    ],
}
SCALE = [(step, word) for step, word in enumerate(SCALE_WORDS["good"], start=1)]


def scale_words(question) -> list:
    return SCALE_WORDS.get(question.scale_words) or SCALE_WORDS["good"]


def _face(step: int, word) -> str:
    # A decorative picture (the word beside it is the label), so alt is empty.
    image = static(f"img/faces/face-{step}.svg")
    return format_html(
        '<img src="{}" alt="" width="40" height="40" class="face"> <span>{}</span>', image, word
    )


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ConsultationForm(forms.ModelForm):
    age_bands = forms.MultipleChoiceField(
        label=_("Age bands"), choices=AgeBand.choices, widget=forms.CheckboxSelectMultiple
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"), choices=Channel.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Consultation
        fields = [
            "title",
            "body",
            "introduction",
            "privacy_text",
            "age_bands",
            "target_group",
            "areas",
            "channels",
            "opens_on",
            "closes_on",
            "ask_gender",
            "requires_class_code",
            "offered_in_english",
            "title_en",
            "introduction_en",
            "activities",
        ]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "privacy_text": forms.Textarea(attrs={"rows": 3}),
            "areas": forms.Textarea(attrs={"rows": 3}),
            "introduction_en": forms.Textarea(attrs={"rows": 3}),
            "activities": forms.CheckboxSelectMultiple,
            "opens_on": DateInput(format="%Y-%m-%d"),
            "closes_on": DateInput(format="%Y-%m-%d"),
        }

    # Cases are named by their numbers: a large municipality has thousands open at a time.
    case_numbers = forms.CharField(
        label=_("Linked cases"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The case numbers (diarienummer) the children's views are for, one per line."),
    )

    def __init__(self, *args, organisation=None, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.organisation = organisation
        self.fields["body"].queryset = Body.objects.filter(organisation=organisation)
        limit_to_bodies(self, "body", bodies)
        activities = Activity.objects.filter(organisation=organisation).select_related("plan")
        self.fields["activities"].queryset = activities.order_by("plan", "title")
        self.fields["activities"].label_from_instance = lambda a: f"{a.title} ({a.plan})"
        self.fields["activities"].help_text = _(
            "Activities of the plan the children's views serve."
        )
        if self.instance.pk:
            numbers = self.instance.cases.values_list("case_number", flat=True)
            self.initial["case_numbers"] = "\n".join(numbers)

    def clean_areas(self):
        areas = lines(self.cleaned_data["areas"])
        longest = ClassCode._meta.get_field("area").max_length
        if any(len(area) > longest for area in areas):
            raise forms.ValidationError(
                _("Keep each school or area under %(limit)s characters.") % {"limit": longest}
            )
        return "\n".join(dict.fromkeys(areas))

    def clean_case_numbers(self):
        numbers = lines(self.cleaned_data["case_numbers"])
        cases = []
        longest = Case._meta.get_field("case_number").max_length
        for number in numbers:
            # A line longer than any case number names no case (and SQLite refuses a LIKE
            # pattern over 50 000 characters, which `iexact` is).
            case = (
                Case.objects.filter(
                    organisation=self.organisation, case_number__iexact=number
                ).first()
                if len(number) <= longest
                else None
            )
            if case is None:
                raise forms.ValidationError(
                    _("There is no case numbered %(number)s.")
                    % {"number": Truncator(number).chars(longest)}
                )
            cases.append(case)
        return cases

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["cases"] = data.pop("case_numbers")
        return data


class QuestionForm(forms.ModelForm):
    options_text = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One option per line (for choices and ranking)."),
    )
    options_en_text = forms.CharField(
        label=_("Options in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, in the same order."),
    )

    class Meta:
        model = Question
        fields = ["kind", "text", "text_en", "required", "scale_words"]
        help_texts = {"scale_words": _("For a scale 1–5: the words under the faces.")}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "text_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only a scale question uses it; others leave it as it is.
        self.fields["scale_words"].required = False
        if self.instance.pk:
            self.initial["options_text"] = "\n".join(self.instance.options)
            self.initial["options_en_text"] = "\n".join(self.instance.options_en)

    def clean(self):
        data = super().clean()
        data["options"] = lines(data.pop("options_text", "") or "")
        data["options_en"] = lines(data.pop("options_en_text", "") or "")
        data["scale_words"] = data.get("scale_words") or Question.ScaleWords.GOOD
        if data.get("kind") not in Question.CHOICE_KINDS:
            data["options"], data["options_en"] = [], []
        elif len(data["options"]) < 2:
            self.add_error(
                "options_text",
                _(
                    "A choice with one option asks nothing: give at least two options, one per "
                    "line, or make it a free-text question."
                ),
            )
        return data

    def _post_clean(self):
        # The options are typed as lines; the model checks them as lists.
        self.instance.options = self.cleaned_data.get("options", [])
        self.instance.options_en = self.cleaned_data.get("options_en", [])
        if "options_text" not in self.errors:
            super()._post_clean()

    def _update_errors(self, errors):
        if not hasattr(errors, "error_dict"):
            return super()._update_errors(errors)
        mapped = {
            {"options": "options_text", "options_en": "options_en_text"}.get(key, key): value
            for key, value in errors.error_dict.items()
        }
        return super()._update_errors(forms.ValidationError(mapped))

    def service_fields(self) -> dict:
        data = self.cleaned_data
        names = ["kind", "text", "text_en", "required", "scale_words", "options", "options_en"]
        return {name: data[name] for name in names}


class OfflineVoiceForm(forms.ModelForm):
    age_bands = forms.MultipleChoiceField(
        label=_("Age bands"),
        choices=AgeBand.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = OfflineVoice
        fields = ["held_on", "channel", "children_count", "age_bands", "how_collected", "points"]
        widgets = {
            "held_on": DateInput(format="%Y-%m-%d"),
            "how_collected": forms.Textarea(attrs={"rows": 2}),
            "points": forms.Textarea(attrs={"rows": 6}),
        }


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = [
            "what_was_decided",
            "how_views_counted",
            "why",
            "what_was_decided_en",
            "how_views_counted_en",
            "why_en",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


class ClassCodesForm(forms.Form):
    count = forms.IntegerField(label=_("Number of codes"), min_value=1, max_value=500, initial=30)
    area = forms.ChoiceField(
        label=_("School or class group"),
        required=False,
        help_text=_(
            "The school or area from the consultation's list the codes are for: answers given "
            "with them count there, and the children are not asked."
        ),
    )

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        areas = consultation.area_list()
        self.fields["area"].choices = [("", _("None"))] + [(a, a) for a in areas]
        if not areas:
            del self.fields["area"]


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ParticipationSettings
        fields = ["retention_months", "screened_names"]
        widgets = {"screened_names": forms.Textarea(attrs={"rows": 6})}


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


# --- The children's form ---------------------------------------------------------------------


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


class AnswerForm(forms.Form):
    """The children's form: age band, optional gender, the questions, and the hidden fields for
    double posting (submission key) and robots (website, the honeypot)."""

    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(
        self,
        *args,
        consultation: Consultation,
        english: bool = False,
        questions=None,
        **kwargs,
    ):
        """`questions`: the consultation's questions in order, if the caller has read them."""
        super().__init__(*args, **kwargs)
        self.consultation, self.english = consultation, english
        self.questions = list(consultation.questions.all()) if questions is None else questions
        self.fields.update(answer_fields(consultation, english, self.questions))
        for field in self.fields.values():
            # Words a ten-year-old understands instead of "This field is required."
            field.error_messages["required"] = _("You have not answered this question.")
            field.error_messages["invalid_choice"] = _("Choose one of the answers.")

    def blocks(self) -> list[tuple[str | None, list]]:
        """The visible fields in order, a ranking's fields together under its question."""
        blocks = []
        for name in self.fields:
            if name in ("submission_key", "website"):
                continue
            field = self[name]
            ranking = getattr(field.field, "ranking_of", None)
            if ranking and blocks and blocks[-1][0] == ranking[1] and blocks[-1][2] == ranking[0]:
                blocks[-1][1].append(field)
            elif ranking:
                blocks.append((ranking[1], [field], ranking[0]))
            else:
                blocks.append((None, [field], None))
        return [(legend, fields) for legend, fields, _key in blocks]

    def clean(self):
        data = super().clean()
        for question in self.questions:
            if question.kind == Question.Kind.RANKING:
                self._clean_ranking(question, data)
        return data

    def _clean_ranking(self, question, data):
        key = f"q{question.pk}"
        places = {index: data.get(f"{key}_{index}") for index in range(len(question.options))}
        chosen = {index: place for index, place in places.items() if place}
        if len(set(chosen.values())) != len(chosen):
            self.add_error(f"{key}_0", _("Give each place only once."))
            return
        data[key] = [index for index, _place in sorted(chosen.items(), key=lambda i: i[1])]

    def answers(self) -> dict[int, object]:
        data = self.cleaned_data
        return {question.pk: data.get(f"q{question.pk}") for question in self.questions}


def answer_fields(consultation: Consultation, english: bool, questions) -> dict:
    """The form fields of a consultation's answer form, after the hidden ones: age band,
    gender, class code or school/area where asked, then the questions in order."""
    bands = [(b, label) for b, label in AgeBand.choices if b in consultation.age_bands]
    fields = {
        "age_band": forms.ChoiceField(
            label=_("How old are you?"), choices=bands or AgeBand.choices, widget=forms.RadioSelect
        )
    }
    if consultation.ask_gender:
        fields["gender"] = forms.ChoiceField(
            label=_("Are you a …? (you do not have to answer)"),
            choices=[
                ("girl", _("girl")),
                ("boy", _("boy")),
                ("other", _("other")),
                ("", _("I don't want to say")),
            ],
            widget=forms.RadioSelect,
            required=False,
        )
    if consultation.requires_class_code:
        fields["class_code"] = forms.CharField(
            label=_("Class code (from your teacher)"), max_length=20
        )
    elif areas := consultation.area_list():
        # Only a label from the list is stored, never the child's own words (decision 0043);
        # with class codes, the code tells the school instead.
        fields["area"] = forms.ChoiceField(
            label=_("Which school or place are you from? (you do not have to answer)"),
            choices=[(area, area) for area in areas] + [("", _("I don't want to say"))],
            widget=forms.RadioSelect,
            required=False,
        )
    for question in questions:
        fields.update(_question_fields(question, english))
    return fields


def _question_fields(question: Question, english: bool) -> dict:
    label = question.label(english)
    options = list(enumerate(question.option_labels(english)))
    required = question.required
    key = f"q{question.pk}"
    if question.kind == Question.Kind.TEXT:
        field = forms.CharField(
            label=label,
            required=required,
            max_length=MAX_TEXT_ANSWER,
            widget=forms.Textarea(
                attrs={
                    "rows": 4,
                    "data-counter": MAX_TEXT_ANSWER,
                    "data-counter-text": _("%(used)s of %(limit)s characters"),
                    "data-counter-over": _("%(over)s too many. Make it a bit shorter."),
                }
            ),
            help_text=_("You can write up to %(limit)s characters.")
            % {"limit": number_format(MAX_TEXT_ANSWER, force_grouping=True)},
            error_messages={
                "max_length": _(
                    "Your text has %(show_value)d characters, and the limit is "
                    "%(limit_value)d. Make it a bit shorter: nothing has been cut."
                )
            },
        )
        # No maxlength in the page: a browser would cut a pasted text without a word. The
        # server says how long it was instead, and a counter (js/child-counter.js) shows it.
        field.widget.attrs.pop("maxlength", None)
        return {key: field}
    if question.kind == Question.Kind.SINGLE:
        return {
            key: forms.TypedChoiceField(
                label=label,
                choices=options,
                coerce=int,
                widget=forms.RadioSelect,
                required=required,
            )
        }
    if question.kind == Question.Kind.MULTIPLE:
        return {
            key: forms.TypedMultipleChoiceField(
                label=label,
                choices=options,
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                required=required,
            )
        }
    if question.kind == Question.Kind.SCALE:
        faces = [(n, _face(n, word)) for n, word in enumerate(scale_words(question), start=1)]
        return {
            key: forms.TypedChoiceField(
                label=label,
                choices=faces,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "faces"}),
                required=required,
            )
        }
    return _ranking_fields(question, key, label, options)


def _ranking_fields(question, key, label, options) -> dict:
    places = [("", "–")] + [(n, str(n)) for n in range(1, len(options) + 1)]
    fields = {}
    for index, text in options:
        field = forms.TypedChoiceField(
            label=text, choices=places, coerce=int, empty_value=None, required=question.required
        )
        field.ranking_of = (key, label)
        fields[f"{key}_{index}"] = field
    return fields
