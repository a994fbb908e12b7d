"""A statement always points at its own words in the body: model checks and database constraints."""
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.models import Article, Person, Statement

BODY = "أعلن المتحدث أن \"الاجتماع انتهى دون اتفاق\" مساء أمس."


@pytest.fixture
def article(db):
    return Article.objects.create(title="اجتماع", body=BODY)


@pytest.fixture
def speaker(db):
    return Person.objects.create(name="متحدث", slug="spokesman")


def test_model_validation_refuses_offsets_outside_the_body(article, speaker):
    statement = Statement(article=article, speaker=speaker, start=10, end=500)
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert f"fall outside the article body, which has {len(BODY)} characters" in str(error.value)


def test_model_validation_fills_offsets_from_the_text(article, speaker):
    statement = Statement(article=article, speaker=speaker, text="الاجتماع انتهى دون اتفاق")
    statement.full_clean()
    assert BODY[statement.start:statement.end] == "الاجتماع انتهى دون اتفاق"


def test_database_refuses_offsets_beyond_the_body_even_without_validation(article, speaker):
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(article=article, speaker=speaker, text="x" * 10, start=len(BODY) - 2, end=len(BODY) + 8)


def test_database_refuses_offsets_that_do_not_span_the_text(article, speaker):
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(article=article, speaker=speaker, text="الاجتماع", start=0, end=3)


def test_database_refuses_a_second_article_with_the_same_fingerprint(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(title="نسخة", body=BODY + "  ")
