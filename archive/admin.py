"""The editors' admin: an article and its statements in one form, actors and places with aliases."""
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from .forms import ArticleAdminForm, StatementInlineForm, StatementInlineFormSet
from .ingest.importer import Importer
from .models import Article, Person, PersonAlias, Place, PlaceAlias, Position, ReportGroup, Source, Statement
from .reports import merge, regroup, split


class LongListAdmin(admin.ModelAdmin):
    """A list of a hundred rows a page that an editor lands on after every save."""

    def action_checkbox(self, obj):
        # What Django's CheckboxInput renders, without two widget templates per row (a fifth of the list's time).
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html('<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
                           ACTION_CHECKBOX_NAME, str(obj.pk), label)


class ReviewQueueFilter(admin.SimpleListFilter):
    """The machine's proposals an editor has not looked at yet, the least certain first (see get_ordering)."""

    title = "المراجعة"
    parameter_name = "review"
    QUEUE = "unreviewed"

    def lookups(self, request, model_admin):
        return [(self.QUEUE, "لم يراجعه محرر، الأقل ثقة أولًا")]

    def queryset(self, request, queryset):
        if self.value() == self.QUEUE:
            return queryset.filter(reviewed=False)
        return queryset

    @classmethod
    def chosen(cls, request):
        return request.GET.get(cls.parameter_name) == cls.QUEUE


class ReportsFilter(admin.SimpleListFilter):
    """Statements reported by several articles, or standing alone."""

    title = "التقارير"
    parameter_name = "reports"

    def lookups(self, request, model_admin):
        return [("several", "منقول في عدة مقالات"), ("alone", "في مقال واحد")]

    def queryset(self, request, queryset):
        if self.value() in ("several", "alone"):
            return queryset.filter(report_group__isnull=self.value() == "alone")
        return queryset


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    fields = ["name", "proposed"]
    extra = 1


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0


class PlaceAliasInline(admin.TabularInline):
    model = PlaceAlias
    extra = 1


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "article_count"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="المقالات", ordering="article_count")
    def article_count(self, source):
        return source.article_count


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "kind", "role", "reviewed", "statement_count"]
    list_filter = ["kind", "reviewed", ("aliases__proposed", admin.BooleanFieldListFilter)]
    search_fields = ["name", "name_en", "slug", "aliases__name", "role"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PersonAliasInline, PositionInline]
    actions = ["mark_reviewed"]
    FILTERS = ("kind", "reviewed")

    def get_ordering(self, request):
        # A filtered list is a review task (the new role persons, say): what awaits an editor comes first.
        if any(key.split("__")[0] in self.FILTERS for key in request.GET):
            return ["reviewed", "name"]
        return super().get_ordering(request)

    @admin.action(description="Accept: mark the selected people reviewed")
    def mark_reviewed(self, request, queryset):
        count = queryset.update(reviewed=True)
        self.message_user(request, f"{count} people marked reviewed.", messages.SUCCESS)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements", distinct=True))

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        moved = sum(len(getattr(f.instance, "claimed", ())) for f in formset.forms)
        if moved:  # a new office holder took over statements the machine gave the office (archive/reattribution.py)
            noun = "statement" if moved == 1 else "statements"
            self.message_user(request, f"Reattributed {moved} {noun} given to the office to {form.instance}; "
                              "they stay unreviewed.", messages.SUCCESS)

    @admin.display(description="التصريحات", ordering="statement_count")
    def statement_count(self, person):
        return person.statement_count


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_en", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PlaceAliasInline]


class StatementInline(admin.StackedInline):
    model = Statement
    form = StatementInlineForm
    formset = StatementInlineFormSet
    extra = 1
    autocomplete_fields = ["speaker", "place"]
    fields = ["speaker", "kind", "text", ("start", "end"), ("place", "said_on"), "reviewed",
              ("confidence", "attribution")]
    readonly_fields = ["confidence", "attribution"]  # what the machine said of its proposal


@admin.register(Article)
class ArticleAdmin(LongListAdmin):
    form = ArticleAdminForm
    inlines = [StatementInline]
    list_display = ["title", "published", "source", "statement_count"]
    list_select_related = ["source"]
    # RelatedOnlyFieldListFilter scans every statement for its speakers: seconds at 100,000 articles.
    list_filter = ["source", "published", ("statements__speaker", admin.RelatedFieldListFilter)]
    date_hierarchy = "published"
    search_fields = ["title", "body", "url"]
    autocomplete_fields = ["source", "people", "places"]
    fields = ["title", "published", "source", "url", "body", "people", "places", "revision_seen"]
    save_on_top = True

    def get_queryset(self, request):
        # A correlated count, not a JOIN with GROUP BY: grouping made every query of the list
        # (the count, the date hierarchy) aggregate all articles, past gunicorn's timeout at 100,000.
        counts = Statement.objects.filter(article=OuterRef("pk")).order_by().values("article")
        counts = counts.annotate(n=Count("pk")).values("n")
        return super().get_queryset(request).annotate(
            statement_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0))

    @admin.display(description="التصريحات", ordering="statement_count")
    def statement_count(self, article):
        return article.statement_count

    actions = ["propose_statements"]

    @admin.action(description="Propose statements, speakers and places (marked unreviewed)")
    def propose_statements(self, request, queryset):
        importer = Importer()
        proposed = people = 0
        for article in queryset:
            with transaction.atomic():
                statements, new_people = importer.propose(article)
            proposed, people = proposed + statements, people + new_people
        self.message_user(
            request, f"Proposed {proposed} statements and {people} new people on {queryset.count()} articles; "
            "they are marked unreviewed until an editor ticks “reviewed”.", messages.SUCCESS,
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        article.reanchor_statements()
        article.include_speakers()
        # the words or the date may have changed: the statements may now be reports of others' (or not)
        regroup(article.statements.values_list("pk", flat=True))


@admin.register(Statement)
class StatementAdmin(LongListAdmin):
    list_display = ["speaker", "excerpt", "article", "kind", "said_on", "reviewed", "confidence", "attribution",
                    "reports", "grouped_by_editor"]
    list_filter = [ReviewQueueFilter, "kind", "reviewed", "speaker__kind",
                   ("speaker", admin.RelatedOnlyFieldListFilter), "article__source", ReportsFilter, "grouped_by_editor"]
    search_fields = ["text", "speaker__name", "speaker__name_en", "article__title"]
    autocomplete_fields = ["article", "speaker", "place", "mentioned_people", "mentioned_places"]
    list_select_related = ["speaker", "article"]
    # groups change through the merge and split actions, which record the index changes
    readonly_fields = ["confidence", "attribution", "reports", "grouped_by_editor"]
    actions = ["mark_reviewed", "merge_reports", "split_reports"]

    def get_queryset(self, request):
        articles = Statement.objects.filter(report_group=OuterRef("report_group")).order_by().values("report_group")
        articles = articles.annotate(n=Count("article", distinct=True)).values("n")
        return super().get_queryset(request).annotate(report_articles=Subquery(articles, output_field=IntegerField()))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        regroup([obj.pk])  # new words, speaker or day: other reports of it, or none

    @admin.display(description="التقارير", ordering="report_group")
    def reports(self, statement):
        if statement.report_group_id is None:
            return "—"
        count = getattr(statement, "report_articles", None)
        if count is None:
            count = statement.report_group.statements.values("article").distinct().count()
        url = reverse("admin:archive_reportgroup_change", args=[statement.report_group_id])
        return format_html('<a href="{}">reported in {} articles</a>', url, count)

    @admin.action(description="Merge: the selected statements are one statement reported several times",
                  permissions=["change"])
    def merge_reports(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) < 2:
            self.message_user(request, "Select at least two statements to merge.", messages.WARNING)
            return
        group = merge(ids)
        articles = group.statements.values("article").distinct().count()
        self.message_user(request, f"Merged {len(ids)} statements into one statement reported in {articles} "
                          "articles; regrouping leaves them together.", messages.SUCCESS)
        if queryset.values("speaker").distinct().count() > 1:
            self.message_user(request, "The merged statements have different speakers: check who said it.",
                              messages.WARNING)

    @admin.action(description="Split: the selected statements are separate statements", permissions=["change"])
    def split_reports(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        split(ids)
        self.message_user(request, f"Split {len(ids)} statements: each stands alone as a separate statement, "
                          "and regrouping leaves it alone.", messages.SUCCESS)

    def get_ordering(self, request):
        # The review queue: an editor's time goes first to what the machine was least sure of.
        if ReviewQueueFilter.chosen(request):
            return [F("confidence").asc(nulls_first=True), "article", "start"]
        return super().get_ordering(request)

    @admin.action(description="Accept: mark the selected statements reviewed")
    def mark_reviewed(self, request, queryset):
        count = queryset.update(reviewed=True)
        self.message_user(request, f"{count} statements marked reviewed.", messages.SUCCESS)

    @admin.display(description="النص")
    def excerpt(self, statement):
        return statement.text[:80]


class ReportInline(admin.TabularInline):
    """A group's statements, one per article, to read (merge and split are statement actions)."""

    model = Statement
    fields = ["speaker", "article", "source", "said_on", "excerpt", "grouped_by_editor"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["article__published", "pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="المصدر")
    def source(self, statement):
        return statement.article.source or "—"

    @admin.display(description="النص")
    def excerpt(self, statement):
        return statement.text[:120]


@admin.register(ReportGroup)
class ReportGroupAdmin(admin.ModelAdmin):
    """Read-only: whoever may read statements may read their groups; statements' actions change them."""

    list_display = ["pk", "speaker", "words", "statement_count", "article_count", "created"]
    search_fields = ["statements__text", "statements__speaker__name"]
    inlines = [ReportInline]
    ordering = ["-pk"]

    def get_queryset(self, request):
        first = Statement.objects.filter(report_group=OuterRef("pk")).order_by("article__published", "pk")
        return super().get_queryset(request).annotate(
            statement_count=Count("statements", distinct=True),
            article_count=Count("statements__article", distinct=True),
            first_speaker=Subquery(first.values("speaker__name")[:1]),
            first_words=Subquery(first.values("text")[:1]))

    @admin.display(description="المتحدث")
    def speaker(self, group):
        return group.first_speaker

    @admin.display(description="النص")
    def words(self, group):
        return (group.first_words or "")[:80]

    @admin.display(description="التصريحات", ordering="statement_count")
    def statement_count(self, group):
        return group.statement_count

    @admin.display(description="المقالات", ordering="article_count")
    def article_count(self, group):
        return group.article_count

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("archive.view_statement") or request.user.has_perm("archive.change_statement")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deleting would leave statements without their index change recorded; split them instead
