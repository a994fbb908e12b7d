"""The archive's nouns: Source, Person, Place, Article and Statement, with their aliases."""
import hashlib
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Length
from django.urls import reverse

from .anchoring import AnchorError, anchor
from .querysets import ArticleQuerySet


def fingerprint(body):
    """A content fingerprint that survives re-scraping: same text, same print.

    Unicode compatibility forms and runs of white space are folded; letters,
    diacritics and punctuation are kept, so a corrected word is a new text.
    """
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", body)).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class SlugNaturalKeyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Source(models.Model):
    """An outlet the archive reports from."""

    name = models.CharField("الاسم", max_length=200)
    name_en = models.CharField("الاسم بالإنجليزية", max_length=200, blank=True)
    slug = models.SlugField(unique=True)
    url = models.URLField("الموقع", blank=True)

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "مصدر"
        verbose_name_plural = "المصادر"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Person(models.Model):
    """An actor: a person, an institution, an office whose holder is not known yet, or an unnamed speaker."""

    class Kind(models.TextChoices):
        PERSON = "person", "شخص"
        ORGANISATION = "organisation", "مؤسسة"
        # "وزير الخارجية التركي" quoted on a day the archive knows no holder for: its statements
        # move to the holder when an editor names one (archive/reattribution.py).
        ROLE = "role", "منصب لم يُعرف شاغله"
        UNNAMED = "unnamed", "متحدث لم يُسمَّ"

    name = models.CharField("الاسم", max_length=200)
    name_en = models.CharField("الاسم بالإنجليزية", max_length=200, blank=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField("النوع", max_length=20, choices=Kind.choices, default=Kind.PERSON)
    role = models.CharField("الصفة", max_length=200, blank=True)
    role_en = models.CharField("الصفة بالإنجليزية", max_length=200, blank=True)
    affiliation = models.CharField("الجهة", max_length=200, blank=True)
    affiliation_en = models.CharField("الجهة بالإنجليزية", max_length=200, blank=True)
    reviewed = models.BooleanField("راجعه محرر", default=True)

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "شخصية"
        verbose_name_plural = "الشخصيات"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class PersonAlias(models.Model):
    """Another way a text writes an actor's name, in Arabic or Latin script."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("الاسم البديل", max_length=200)
    # A spelling import matched to this person by sound (سيرجي for سيرغي): untick to accept it,
    # delete it to refuse it. It is matched like any alias meanwhile.
    proposed = models.BooleanField("اقترحته الآلة", default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = "اسم بديل"
        verbose_name_plural = "الأسماء البديلة"
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="person_alias_unique")]

    def __str__(self):
        return self.name


class Position(models.Model):
    """An office an actor held, with its dates: who "the Russian foreign minister" was when."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField("المنصب", max_length=200)
    title_en = models.CharField("المنصب بالإنجليزية", max_length=200, blank=True)
    start = models.DateField("من", null=True, blank=True)
    end = models.DateField("إلى", null=True, blank=True)

    class Meta:
        ordering = ["person", "start"]
        verbose_name = "منصب"
        verbose_name_plural = "المناصب"
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="position_ends_after_start",
                violation_error_message="An office cannot end before it starts.",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Naming the holder of an office claims the statements the machine gave the office itself
        # (archive.reattribution, on post_save), in the same transaction as the save.
        with transaction.atomic():
            super().save(*args, **kwargs)


class Place(models.Model):
    """A city, district, region, facility or country that articles mention."""

    class Kind(models.TextChoices):
        CITY = "city", "مدينة"
        TOWN = "town", "بلدة"
        DISTRICT = "district", "حي أو منطقة"
        REGION = "region", "إقليم أو محافظة"
        COUNTRY = "country", "دولة"
        FACILITY = "facility", "منشأة"

    name = models.CharField("الاسم", max_length=200)
    name_en = models.CharField("الاسم بالإنجليزية", max_length=200, blank=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField("النوع", max_length=20, choices=Kind.choices, default=Kind.CITY)
    country = models.CharField("الدولة", max_length=200, blank=True)
    country_en = models.CharField("الدولة بالإنجليزية", max_length=200, blank=True)

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "مكان"
        verbose_name_plural = "الأماكن"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class PlaceAlias(models.Model):
    """Another way a text writes a place's name."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("الاسم البديل", max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = "اسم بديل"
        verbose_name_plural = "الأسماء البديلة"
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="place_alias_unique")]

    def __str__(self):
        return self.name


class Article(models.Model):
    """One report: its cleaned text, when and where it was published, whom and what it names."""

    title = models.CharField("العنوان", max_length=500)
    body = models.TextField("النص")
    published = models.DateField("تاريخ النشر", null=True, blank=True, db_index=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="articles", verbose_name="المصدر"
    )
    url = models.URLField("الرابط الأصلي", max_length=1000, blank=True)
    fingerprint = models.CharField("بصمة النص", max_length=64, unique=True, editable=False)
    people = models.ManyToManyField(Person, blank=True, related_name="articles", verbose_name="الشخصيات")
    places = models.ManyToManyField(Place, blank=True, related_name="articles", verbose_name="الأماكن")
    # Bumped on every save, so that an editor saving a stale form is stopped
    # instead of silently overwriting a colleague's correction.
    revision = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = "مقال"
        verbose_name_plural = "المقالات"
        # A statement's month is its article's: this index answers it without
        # reading the article row (on SQLite, `published` is stored after the body).
        indexes = [models.Index(fields=["id", "published"], name="article_id_published")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article", args=[self.pk])

    def save(self, *args, **kwargs):
        self.fingerprint = fingerprint(self.body)
        adding = self._state.adding
        if self.pk is not None and not kwargs.get("force_insert"):
            self.revision = (self.revision or 0) + 1
        super().save(*args, **kwargs)
        fields = kwargs.get("update_fields")
        if not adding and (fields is None or "published" in fields):
            # its statements dated by it alone are dated anew (Statement.day)
            self.statements.filter(said_on__isnull=True).exclude(day=self.published).update(day=self.published)

    def same_text_elsewhere(self):
        """Another article whose body has this one's fingerprint, if any."""
        others = Article.objects.filter(fingerprint=fingerprint(self.body))
        if self.pk is not None:
            others = others.exclude(pk=self.pk)
        return others.first()

    def reanchor_statements(self):
        """Move saved statements to where their text now stands; return those whose text is gone."""
        lost = []
        for statement in self.statements.all():
            try:
                text, start, end = anchor(self.body, statement.text, statement.start, statement.end, relocate=True)
            except AnchorError:
                lost.append(statement)
                continue
            if (start, end) != (statement.start, statement.end):
                Statement.objects.filter(pk=statement.pk).update(start=start, end=end)
        return lost

    def include_speakers(self):
        """Every speaker quoted in the article is one of the people it mentions."""
        speakers = Person.objects.filter(statements__article=self).distinct()
        self.people.add(*speakers)

    def include_statement_subjects(self, statements):
        """The article names each statement's speaker and the place it was said in.

        Actor and city pages count on this (archive/explore.py); adding what is
        already there changes nothing.
        """
        self.people.add(*{s.speaker_id for s in statements})
        places = {s.place_id for s in statements if s.place_id}
        if places:
            self.places.add(*places)


class ReportGroup(models.Model):
    """One statement reported by several articles: the same words by the same speaker within a few days."""

    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "تصريح منقول في عدة مقالات"
        verbose_name_plural = "تصريحات منقولة في عدة مقالات"

    def __str__(self):
        first = self.statements.order_by("article__published", "pk").first()
        return f"#{self.pk}: {first}" if first else f"#{self.pk}"


class Statement(models.Model):
    """What one actor said in one article, and where in the body it stands."""

    class Kind(models.TextChoices):
        QUOTE = "quote", "اقتباس مباشر"
        PARAPHRASE = "paraphrase", "كلام منقول"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="statements", verbose_name="المتحدث")
    text = models.TextField("النص المقتبس", blank=True)
    start = models.PositiveIntegerField("بداية", blank=True)
    end = models.PositiveIntegerField("نهاية", blank=True)
    kind = models.CharField("النوع", max_length=20, choices=Kind.choices, default=Kind.QUOTE)
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements", verbose_name="مكان القول"
    )
    said_on = models.DateField("تاريخ القول", null=True, blank=True)
    # When it was said, else its article's date: kept by save() and Article.save(), so that
    # grouping reads a speaker's statements of a few days from an index, not by article.
    day = models.DateField("يوم التصريح", null=True, blank=True, editable=False)
    reviewed = models.BooleanField("راجعه محرر", default=True)
    # Whom and where its own words name (not everything its article mentions): what it is about.
    mentioned_people = models.ManyToManyField(
        Person, blank=True, related_name="mentioned_in", verbose_name="شخصيات يذكرها"
    )
    mentioned_places = models.ManyToManyField(
        Place, blank=True, related_name="mentioned_in", verbose_name="أماكن يذكرها"
    )
    # The other reports of the same statement (wire copy in other outlets); none when it stands alone.
    report_group = models.ForeignKey(
        ReportGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements",
        verbose_name="التقارير الأخرى للتصريح",
    )
    # An editor split or merged it: regrouping leaves it where the editor put it.
    grouped_by_editor = models.BooleanField("جمعه أو فصله محرر", default=False)
    # What the extractor said of its own proposal; empty for what an editor typed.
    confidence = models.FloatField("ثقة الآلة", null=True, blank=True)
    attribution = models.TextField("سبب النسبة", blank=True)

    class Meta:
        ordering = ["article", "start"]
        verbose_name = "تصريح"
        verbose_name_plural = "التصريحات"
        # An actor's statements by article, and an article's statements by speaker,
        # read from the index alone (actor and city pages, archive/explore.py).
        indexes = [
            models.Index(fields=["speaker", "article"], name="statement_speaker_article"),
            models.Index(fields=["article", "speaker"], name="statement_article_speaker"),
            models.Index(fields=["speaker", "day"], name="statement_speaker_day"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="statement_span_not_empty",
                violation_error_message="A statement's end offset must come after its start.",
            ),
            models.CheckConstraint(
                condition=Q(end=F("start") + Length("text")),
                name="statement_span_matches_text",
                violation_error_message="A statement's offsets must span exactly its text.",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0, confidence__lte=1),
                name="statement_confidence_in_range",
                violation_error_message="A statement's confidence lies between 0 and 1.",
            ),
        ]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#statement-{self.pk}"

    def save(self, *args, **kwargs):
        self.day = self.day_of(self.said_on, self.article.published)
        fields = kwargs.get("update_fields")
        if fields is not None and {"said_on", "article"} & set(fields):
            kwargs["update_fields"] = {*fields, "day"}
        super().save(*args, **kwargs)
        self.article.include_statement_subjects([self])

    @staticmethod
    def day_of(said_on, published):
        """The day a statement counts as said on: the one its text gives, else its article's date."""
        return said_on or published

    def cities(self):
        """The places it is about or was said in: those its words name, and its place of saying."""
        found = {place.pk: place for place in self.mentioned_places.all()}
        if self.place:
            found.setdefault(self.place.pk, self.place)
        return list(found.values())

    def clean(self):
        """Fill the text from the offsets or the offsets from the text; refuse what is not in the body."""
        if self.article_id is None:
            return
        try:
            self.text, self.start, self.end = anchor(self.article.body, self.text, self.start, self.end)
        except AnchorError as error:
            raise ValidationError(str(error)) from error
