"""Admin forms that keep an editor's work safe: stale saves stopped, statements anchored."""
from django import forms
from django.core.exceptions import ValidationError

from .anchoring import AnchorError, anchor, overlapping
from .models import Article, Statement

STALE_MESSAGE = (
    "Another editor saved this article (revision {current}) after you opened it (revision {seen}). "
    "Your changes are still in this form: open the article in a new tab, merge them there, and save."
)


class ArticleAdminForm(forms.ModelForm):
    # The revision the editor's form was built from; a save from an older one is refused.
    revision_seen = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = ["title", "published", "source", "url", "body", "people", "places"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision_seen"].initial = self.instance.revision if self.instance.pk else None

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            self._check_not_stale(cleaned.get("revision_seen"))
        body = cleaned.get("body")
        if body:
            self._check_not_duplicate(body)
        return cleaned

    def _check_not_stale(self, seen):
        # Locks the row until the admin's transaction ends (PostgreSQL); SQLite
        # serialises writing transactions, which gives the same guarantee.
        current = (
            Article.objects.select_for_update().filter(pk=self.instance.pk).values_list("revision", flat=True).first()
        )
        if seen is None or current != seen:
            raise ValidationError(STALE_MESSAGE.format(current=current, seen=seen), code="stale")

    def _check_not_duplicate(self, body):
        probe = Article(pk=self.instance.pk, body=body)
        other = probe.same_text_elsewhere()
        if other is not None:
            self.add_error("body", f"Article #{other.pk} “{other.title}” already has this text.")


class StatementInlineForm(forms.ModelForm):
    class Meta:
        model = Statement
        fields = ["speaker", "kind", "text", "start", "end", "place", "said_on", "reviewed"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, article=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The article as the editor is submitting it (unsaved on an add, with its new body on a change).
        self.article = article

    def clean(self):
        cleaned = super().clean()
        text, start, end = cleaned.get("text"), cleaned.get("start"), cleaned.get("end")
        if not text and start is None and end is None:
            raise ValidationError("Give the statement's text, or its start and end offsets in the body.")
        # Unchanged offsets on a saved statement follow its text when the body was corrected.
        relocate = self.instance.pk is not None and not {"start", "end"} & set(self.changed_data)
        try:
            cleaned["text"], cleaned["start"], cleaned["end"] = anchor(
                self.article.body, text, start, end, relocate=relocate
            )
        except AnchorError as error:
            raise ValidationError(str(error)) from error
        return cleaned


class StatementInlineFormSet(forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "article": self.instance}

    def clean(self):
        super().clean()
        spans = [
            (form.cleaned_data["start"], form.cleaned_data["end"])
            for form in self.forms
            if form.cleaned_data.get("start") is not None
            and not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]
        clashes = overlapping(spans)
        if clashes:
            described = "; ".join(f"{a[0]}–{a[1]} and {b[0]}–{b[1]}" for a, b in clashes)
            raise ValidationError(f"Statements of one article may not overlap: {described}.")
