"""The benchmark's query families: what analysts ask, each drawn from articles that hold the words."""
from operations.benchmark import corpus as corpus_module
from operations.benchmark.corpus import COMMON_WORDS, PHRASES, RARE_WORDS

PREFIXES = ("مفاوض", "دبلوماس", "انتخاب", "عسكر", "سياس", "مساعد", "اجتماع", "تصريح", "مبعوث", "لاجئ")


def families(c, runs, size):
    """(key, label, [query parameter dicts]) for each family; facet values come from an article that matches."""
    sample = list(c.articles(min(size, 2000)))
    rank = {item["slug"]: i for i, item in enumerate(c.people + c.places)}

    def facets(i, *texts):
        """The most common actor and city, the source and the year of an article holding `texts`."""
        holding = [a for a in sample if all(t in a["body"] for t in texts)] or sample
        article = holding[(i * 37) % len(holding)]
        year = article["published"].year
        return {"actor": [min(article["people"], key=rank.get)], "city": [min(article["places"], key=rank.get)],
                "source": [article["source"]], "from": [f"{year}-01-01"], "to": [f"{year}-12-31"]}

    def statement_facets(i, text):
        """The speaker, source and year of a statement holding `text`."""
        holding = [(a, s) for a in sample for s in a["statements"] if text in s["text"] and s["speaker"]]
        holding = holding or [(a, s) for a in sample for s in a["statements"] if s["speaker"]][:1]
        article, said = holding[(i * 37) % len(holding)]
        year = article["published"].year
        return {"actor": [said["speaker"]], "source": [article["source"]], "from": [f"{year}-01-01"], "to": [f"{year}-12-31"]}

    famous = c.people[:len(corpus_module.NAMED)]  # people with roles and aliases, the most mentioned first
    named_spellings = {}  # query text -> the names it holds, for the peer: (facet, slug, every spelling)

    def named(*people):
        """An analyst's query naming people by surname; the archive reads each as the person, any spelling."""
        q = " ".join(p["name"].split()[-1] for p in people)
        named_spellings[q] = tuple(("actor", p["slug"], (p["name"], *p["aliases"])) for p in people)
        return q

    words = [COMMON_WORDS[i % len(COMMON_WORDS)] for i in range(runs)]
    phrases = [list(PHRASES)[i % len(PHRASES)] for i in range(runs)]
    rare = [RARE_WORDS[(i * 7) % len(RARE_WORDS)] for i in range(runs)]
    people = [famous[i % len(famous)] for i in range(runs)]
    pairs = [(famous[i % 8], famous[(i + 1 + i // 8) % 8]) for i in range(runs)]
    prefixes = [PREFIXES[i % len(PREFIXES)] for i in range(runs)]
    return named_spellings, [
        ("a", "(a) common word + 4 facets", [{"q": [w], **facets(i, w)} for i, w in enumerate(words)]),
        ("b", "(b) phrase + 4 facets", [{"q": [f'"{p}"'], **facets(i, p)} for i, p in enumerate(phrases)]),
        ("c", "(c) rare word", [{"q": [w]} for w in rare]),
        ("d", "(d) facets only (browse)", [facets(i) for i in range(runs)]),
        ("e", "(e) statements + word", [{"q": [w], "type": ["statements"]} for w in words]),
        ("f1", "(f) common word, relevance", [{"q": [w]} for w in words]),
        ("f2", "(f) common word, newest", [{"q": [w], "sort": ["newest"]} for w in words]),
        ("b2", "(b) phrase", [{"q": [f'"{p}"']} for p in phrases]),
        ("c2", "(c) rare word + 4 facets", [{"q": [w], **facets(i, w)} for i, w in enumerate(rare)]),
        ("e2", "(e) statements + 3 facets", [{"q": [w], "type": ["statements"], **statement_facets(i, w)}
                                             for i, w in enumerate(words)]),
        ("g1", "(g) name (many spellings)", [{"q": [named(p)]} for p in people]),
        ("g2", "(g) name + 4 facets", [{"q": [named(p)], **facets(i, p["name"])} for i, p in enumerate(people)]),
        ("h1", "(h) two names", [{"q": [named(*pair)]} for pair in pairs]),
        ("h2", "(h) two names + 4 facets", [{"q": [named(*pair)], **facets(i, pair[0]["name"], pair[1]["name"])}
                                            for i, pair in enumerate(pairs)]),
        ("i1", "(i) prefix", [{"q": [w + "*"]} for w in prefixes]),
        ("i2", "(i) prefix + 4 facets", [{"q": [w + "*"], **facets(i, w)} for i, w in enumerate(prefixes)]),
    ]

