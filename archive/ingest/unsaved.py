"""The rows proposals add to new articles, written an insert per table: per article, or once for a whole batch."""
from collections import defaultdict

from archive.changes import announce
from archive.models import Article, Statement


def subject_rows(statements, proposals, people, places):
    """The rows saying whom and where each statement's own words name (its proposal's people and places)."""
    by_span = {(p.start, p.end): p for p in proposals}
    people_rows, place_rows = [], []
    for statement in statements:
        proposed = by_span[(statement.start, statement.end)]
        people_rows += [Statement.mentioned_people.through(statement_id=statement.pk, person_id=people[k].pk)
                        for k in proposed.people if k in people]
        place_rows += [Statement.mentioned_places.through(statement_id=statement.pk, place_id=places[k].pk)
                       for k in proposed.places if k in places]
    return people_rows, place_rows


def link_rows(through, article, name, rows, new=False):
    """The rows that add mentions to an article that it does not have yet."""
    present = set() if new else set(through.objects.filter(article=article).values_list(f"{name}_id", flat=True))
    new = {row.pk: row for row in rows if row.pk not in present}  # two spellings may name one person
    return [through(article=article, **{name: row}) for row in new.values()]


class Unsaved:
    """Statements, their subjects and articles' mentions waiting to be written, and the change announced.

    An importer's batch writes them at its end, six inserts for all its articles instead of
    six for each (the database's round trips were a third of the saving process's time).
    Nothing in a batch reads them before then, and its transaction holds them all.
    """

    def __init__(self):
        self.articles = []
        self.statements = []
        self._subjects = []
        self._links = defaultdict(list)

    def add(self, article, statements, proposals, people, places, new=False):
        self.articles.append(article.pk)
        self.statements += statements
        self._subjects.append((statements, proposals, people, places))
        self._links[Article.people.through] += link_rows(Article.people.through, article, "person",
                                                         people.values(), new)
        self._links[Article.places.through] += link_rows(Article.places.through, article, "place",
                                                         places.values(), new)

    def write(self):
        """Insert everything added (once); the new statements' ids, in the order they were added."""
        Statement.objects.bulk_create(self.statements)
        people_rows, place_rows = [], []
        for statements, proposals, people, places in self._subjects:
            named, where = subject_rows(statements, proposals, people, places)
            people_rows += named
            place_rows += where
        Statement.mentioned_people.through.objects.bulk_create(people_rows)
        Statement.mentioned_places.through.objects.bulk_create(place_rows)
        for through, rows in self._links.items():
            through.objects.bulk_create(rows)
        # Bulk inserts send no model signals: the articles' change is announced once, in the
        # same transaction (the importer and the admin action both hold one open).
        announce(self.articles)
        return [statement.pk for statement in self.statements]
