"""A person, place or source an editor renames shows under its new name and slug on the next search,
though the index has not changed and each process keeps the names it has read."""
import pytest

from archive.models import Person, Place, Source
from search.params import SearchParams


@pytest.fixture
def indexed(seeded, search_index):
    search_index()


def labels(client, **params):
    """{facet: {slug: label}} of the people, places and sources in the search's JSON."""
    data = client.get(SearchParams(format="json", **params).url()).json()
    return {facet: {value["value"]: value["label"] for value in values} for facet, values in data["facets"].items()
            if facet != "month"}


@pytest.mark.parametrize("model, facet, slug", [(Person, "actor", "sergey-lavrov"), (Place, "city", "aleppo"),
                                                (Source, "source", "arab48")])
def test_a_renamed_value_shows_its_new_name_on_the_next_search(client, indexed, model, facet, slug):
    for params in ({}, {"q": "حلب"}):  # a search with words and one without (cached apart)
        before = labels(client, **params)[facet]
        assert slug in before, (params, before)
        row = model.objects.get(slug=slug)
        row.name = f"اسم جديد {len(params)}"
        row.save()
        after = labels(client, **params)[facet]
        assert after[slug] == row.name and after[slug] != before[slug]
        page = client.get(SearchParams(**params).url()).content.decode()
        assert row.name in page


def test_a_new_slug_is_what_the_facet_links_to_and_filters_by(client, indexed):
    lavrov = Person.objects.get(slug="sergey-lavrov")
    assert "sergey-lavrov" in labels(client, q="حلب")["actor"]
    lavrov.slug = "lavrov"
    lavrov.save()
    shown = labels(client, q="حلب")["actor"]
    assert "lavrov" in shown and "sergey-lavrov" not in shown
    filtered = client.get(SearchParams(format="json", q="حلب", actor=("lavrov",)).url()).json()
    assert filtered["count"] > 0
    assert f"actor={lavrov.slug}" in client.get(SearchParams(q="حلب").url()).content.decode()


def test_a_deleted_value_leaves_the_facets(client, indexed):
    source = Source.objects.get(slug="arab48")
    assert "arab48" in labels(client)["source"]
    source.articles.update(source=None)  # its articles stay; the index still carries its id
    source.delete()
    assert "arab48" not in labels(client)["source"]
