"""A results page's facet links, built from the search encoded once, are the addresses the search's own methods give."""
import itertools

import pytest

from search.params import FacetLinks, parse

SEARCHES = [
    {},
    {"q": ["كيري"]},
    {"q": ["مفاوضات"], "actor": ["john-kerry", "sergey-lavrov"], "city": ["geneva"], "sort": ["newest"], "page": ["3"]},
    {"type": ["statements"], "not_actor": ["bashar-al-assad"], "not_city": ["aleppo"], "from": ["2016-05-01"]},
    {"q": ["\"وقف إطلاق النار\""], "source": ["sana"], "not_source": ["arab48"], "to": ["2016-12-31"], "exact": ["1"]},
]
VALUES = ["john-kerry", "bashar-al-assad", "aleppo", "geneva", "sana", "arab48", "new-one"]


@pytest.mark.parametrize("lists", SEARCHES)
def test_each_facet_link_is_the_address_of_the_changed_search(lists):
    params = parse(lists)
    links = FacetLinks(params, "/en/search/")
    for facet, value in itertools.product(("actor", "city", "source"), VALUES):
        assert links.adding(facet, value) == params.adding(facet, value).url("/en/search/")
        assert links.excluding(facet, value) == params.excluding(facet, value).url("/en/search/")
        assert links.removing(facet, value) == params.removing(facet, value).url("/en/search/")
        assert links.removing(f"not_{facet}", value) == params.removing(f"not_{facet}", value).url("/en/search/")
