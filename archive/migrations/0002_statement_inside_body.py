"""A statement's offsets stay inside its article's body, enforced by the database itself.

A check constraint cannot look at another table, so a trigger does it, in the
dialect of each supported database.
"""
from django.db import migrations

SQLITE = [
    """
    CREATE TRIGGER statement_inside_body_insert BEFORE INSERT ON archive_statement
    WHEN NEW."end" > (SELECT length(body) FROM archive_article WHERE id = NEW.article_id)
    BEGIN SELECT RAISE(ABORT, 'statement offsets fall outside the article body'); END
    """,
    """
    CREATE TRIGGER statement_inside_body_update BEFORE UPDATE ON archive_statement
    WHEN NEW."end" > (SELECT length(body) FROM archive_article WHERE id = NEW.article_id)
    BEGIN SELECT RAISE(ABORT, 'statement offsets fall outside the article body'); END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS statement_inside_body_insert",
    "DROP TRIGGER IF EXISTS statement_inside_body_update",
]

POSTGRESQL = [
    """
    CREATE FUNCTION archive_statement_inside_body() RETURNS trigger AS $$
    BEGIN
        IF NEW."end" > (SELECT char_length(body) FROM archive_article WHERE id = NEW.article_id) THEN
            RAISE EXCEPTION 'statement offsets fall outside the article body' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER statement_inside_body BEFORE INSERT OR UPDATE ON archive_statement
    FOR EACH ROW EXECUTE FUNCTION archive_statement_inside_body()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS statement_inside_body ON archive_statement",
    "DROP FUNCTION IF EXISTS archive_statement_inside_body()",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
