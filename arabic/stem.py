"""Conservative light stemming of normalized Arabic tokens, and the analyze() pipeline."""

# Two outputs per word:
# - stem(token): the one form a query uses. It strips only what is unambiguous in writing: the
#   article with its clitics (ال وال فال بال كال لل ...), a doubled و (ووزير), and suffixes.
# - index_stems(token): stem(token) first, then the readings in which a leading و ف ب ك ل is a
#   clitic (بحلب -> حلب). ك ("like") is not read before و or ا: there it is far more often the
#   word's own letter (كوفي، كوان، كارثة), and its readings were other words (وفي، وان، ارث). The index stores all of them at the word's position, so the bare query
#   حلب finds بحلب, while بروكسل, فرنسا, وزير stay whole in every query.
# A single letter cannot be told from a clitic without a dictionary (بروسيا is ب+روسيا, بروكسل is
# not), hence index-time readings instead of a guess; NATIVE lists frequent words whose first
# letter is their own, to keep false readings (وزاره -> زار) out of the index.
# Changing any rule here changes index terms: rebuild the index.

import re
from functools import lru_cache
from pathlib import Path

from .letters import ARABIC_LETTERS, ARTICLE, ARTICLE_RUNS, CONJUNCTIONS, LAM_ARTICLE_RUNS
from .normalize import normalize
from .tokenize import tokenize

__all__ = ["stem", "index_stems", "analyze", "STOPWORDS", "FUNCTION_WORDS", "NATIVE"]

# Normalized Arabic letters: tokens starting with anything else (Latin, digits) are not stemmed.

# Function words, normalized. Never stemmed (عليه must not become the name علي).
FUNCTION_WORDS = frozenset(normalize(w) for w in """
في من إلى على عن مع أن إن أو أم ثم لا لم لن ما ماذا لماذا هل قد كان كانت يكون تكون كانوا
هذا هذه هذان هؤلاء ذلك تلك هناك هنا الذي التي الذين اللذين اللتين اللواتي اللتي
هو هي هم هن هما أنا نحن أنت أنتم كل بعض غير بين حتى إذا إذ لكن لأن كما مثل منذ عند عبر
ضد حول خلال دون لدى لديه لديها لديهم عليه عليها عليهم إليه إليها إليهم فيه فيها فيهم
إنه إنها إنهم إنهما إننا إنني أنه أنها أنهم أنهما أننا أنني لأنه لأنها لأنهم لكنه لكنها لكنهم
لعل لعله لعلها لعلهم لعلك لعلنا
منه منها منهم عنه عنها عنهم له لها لهم لنا به بها بهم بعد قبل أي أيضا الآن إلا وقد وكان
وهو وهي وفي ومن وإن وأن ولا ولم ولكن فإن فقد وما كذلك ذاته نفسه تم يتم
""".split())

# Removable stopwords: function words minus those that double as content words once
# normalized (على = the name علي, إليه = آلية "mechanism", الآن ...).
STOPWORDS = FUNCTION_WORDS - frozenset(normalize(w) for w in "على إليه الآن بعد قبل".split())

# (suffix, letters that must remain): enclitic pronouns, stripped once, longest first.
_PRONOUNS = (("هما", 3), ("كما", 4), ("هم", 3), ("هن", 3), ("كم", 4), ("ها", 3), ("نا", 3))
_PRONOUN_ENDINGS = tuple(suffix for suffix, _ in _PRONOUNS)
# و/ف + لل (ل + ال), or و/ف + ب/ك + the article: وللوزير, بالاتفاق, وبالتالي, الوزير
_PREFIX_RE = re.compile("(?P<ll>%s)|(?P<article>%s)" % ("|".join(LAM_ARTICLE_RUNS), "|".join(ARTICLE_RUNS)))
_ALLAH = frozenset(normalize(w) for w in "الله والله بالله لله ولله فلله تالله".split())


# Words in ـاة, as stems (ة dropped): before a pronoun their ة is written ت, and حياته would
# read as the plural حيات → حي (a neighbourhood). Frequent ones of the news; others keep the
# plural reading.
_ALEF_TA = frozenset(normalize(w)[:-1] for w in """
حياة قناة وفاة معاناة مباراة نجاة فتاة صلاة زكاة مأساة مساواة مراعاة مواساة نواة مرآة
""".split())


def _strip_final_h(w: str) -> str:
    """A plural's final ه goes as the singular's does: اتجاهات and اتجاه, جبهات and جبهة meet."""
    return w[:-1] if len(w) >= 3 and w.endswith("ه") else w


# Words in وا that are not a verb's plural.
_NOT_VERBS = frozenset(normalize(w) for w in "الأونروا أونروا".split())


def _strip_suffixes(w: str) -> str:
    """Pronoun first, then plural/feminine, so ضرباته and الضربات both end at ضرب."""
    stripped = False
    if w.endswith(_PRONOUN_ENDINGS):
        for suffix, keep in _PRONOUNS:
            if w.endswith(suffix) and len(w) - len(suffix) >= keep:
                w, stripped = w[: -len(suffix)], True
                break
    if not stripped and w.endswith("ه") and len(w) >= 3:  # ة (folded to ه) or the pronoun ه
        w, stripped = w[:-1], True
    if not stripped and len(w) >= 5 and w.endswith("وا") and w not in _NOT_VERBS and w[:-2] not in FUNCTION_WORDS:
        return w[:-2]  # a past verb's plural: قالوا، أكدوا، أعلنوا (not أنهوا: انه is a particle)
    n = len(w)
    if stripped and w.endswith("ات") and w[:-1] in _ALEF_TA:
        return w[:-1]  # حياته: ة written ت before the pronoun, not a plural
    if n >= 4 and w.endswith("ات"):
        return _strip_final_h(w[:-2])
    if n >= 6 and (w.endswith("ون") or w.endswith("ين")):  # 4 letters left: بوتين, كانون stay
        return _strip_final_h(w[:-2])
    if stripped and ((n >= 4 and w[-1] == "ت") or (n >= 3 and w[-1] == "ه")):
        return w[:-1]  # ة written ت before a pronoun (حكومته), or ه before ه (وجهه)
    return w


# Frequent words whose first letter (و ف ب ك ل) or first ال belongs to the word. Only index-time
# readings and the لل choice consult this list; it is kept small and stored as stems.
NATIVE = frozenset(_strip_suffixes(normalize(w)) for w in """
وزير وزارة وزراء وكالة وكيل ولاية وطني وثيقة وسيلة وسائل وسيط وساطة واحد وحدة ورقة وفاة
واقع واضح وارد والد والي وجود وصول وقوع وعود وفاق وراء وليد وائل واشنطن
بروكسل بريطانيا بيروت بغداد باريس برلين بوتين بشار بيان بلاد بلدي برنامج بعيد بنيامين بايدن
فرنسا فلسطين فيينا فيتنام فنزويلا فصائل فريق فترة فرصة فكرة
لبنان ليبيا لندن لافروف لجنة لقاء لواء لاجئ لاجئين ليبرمان
كيري كيربي كوريا كندا كلينتون كبير كتاب كلمة كرامة كامل
""".split())


# Duals (الطرفان، البلدين، وزيران) are indexed also as their singular, so a query for طرف or بلد
# finds them (_dual_singular after the article, _ending_readings without it). These words in
# ان/ين are not duals and keep their own stem alone.
_NOT_DUAL_WORDS = """
انسان سودان ميدان برلمان طيران اعلان عنوان ايران يونان يابان حيوان ديوان بستان شيطان سلطان
عثمان رمضان نيسان حزيران امكان مكان زمان ضمان احسان بركان طوفان عدوان كيان لسان بنيان ايمان
فرقان قرآن عمران جولان عرفان اذعان ادمان هذيان غليان فيضان نسيان حرمان خسران رضوان
سليمان اردوغان مهرجان استيطان تركمان اذربيجان اصفهان خراسان امتنان اطمئنان سلمان
عشرين ثلاثين اربعين خمسين ستين سبعين ثمانين تسعين
حسين يمين سنين ثمين تعيين تامين تدوين تكوين تمرين تحسين تمكين تلقين تزيين تلوين تخمين
""".split()
_NOT_DUAL = frozenset(normalize(w) for w in _NOT_DUAL_WORDS) | frozenset(
    _strip_suffixes(normalize(w)) for w in _NOT_DUAL_WORDS)


def _dual_singular(after_article: str):
    """The singular of a dual or plural written after the article (طرفان → طرف), or None."""
    if after_article.endswith(("ان", "ين")) and len(after_article) >= 5 and after_article not in _NOT_DUAL \
            and after_article not in _SINGULAR_OF:
        return after_article[:-2]
    return None


def _plural_pairs():
    """(plural, singular) of each line of plurals.txt (broken plurals of news vocabulary), normalized."""
    for line in Path(__file__).with_name("plurals.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            plural, singular = line.split()
            yield normalize(plural), normalize(singular)


_PLURAL_PAIRS = tuple(_plural_pairs())


def _load_plurals():
    """{plural's stem: singular's stem} of the listed broken plurals."""
    table = {}
    for plural, singular in _PLURAL_PAIRS:
        table.setdefault(_strip_suffixes(plural), _strip_suffixes(singular))
    # A singular that is itself written like a listed plural would chain to another word, and a
    # plural's stem may be a function word (ولاة → ولا, "and not").
    return {plural: singular for plural, singular in table.items()
            if plural != singular and singular not in table and plural not in FUNCTION_WORDS}


def _load_feminine():
    """Stems of the feminine nouns in ة the plural list names (قضية، مدينة): a word in ت whose rest
    is one of them is that noun's, not a verb's."""
    return frozenset(_strip_suffixes(singular) for _, singular in _PLURAL_PAIRS if singular.endswith("ه"))


_SINGULAR_OF = _load_plurals()
_FEMININE = _load_feminine()


def _singular(stem_: str) -> str:
    return _SINGULAR_OF.get(stem_, stem_)


def _primary(token: str):
    """Return (stem, kind): kind 'fixed' (no other reading), 'll' (لل ambiguity) or 'plain'."""
    if token in FUNCTION_WORDS or token[0] not in ARABIC_LETTERS:
        return token, "fixed"
    if token in _ALLAH:
        return "الله", "fixed"
    if token[0] in CONJUNCTIONS and token[1:] in FUNCTION_WORDS:  # وأنهم، فإنه: a particle with و or ف
        return token[1:], "fixed"
    whole = _strip_suffixes(token)
    if whole in NATIVE or whole in _SINGULAR_OF:  # a listed plural's ال is its own (ألوان، ألقاب)
        return whole, "fixed"
    match = _PREFIX_RE.match(token)
    if match and len(token) - match.end() >= 2:
        rest = token[match.end():]
        if match.lastgroup == "article":
            # أل/إل of the word itself is folded to ال like the article (الالتزام, الألماني): a
            # word written with both loses both, as the bare word (التزام, ألماني) loses one.
            if rest.startswith(ARTICLE) and len(rest) >= 5 and _strip_suffixes(rest) not in _SINGULAR_OF:
                rest = rest[len(ARTICLE):]
            return _strip_suffixes(rest), "fixed"
        # لل is ل+ال (للوزير) or ل before a word in ل (للبنان, للافروف, للجنة = ل+اللجنة)
        with_lam = _strip_suffixes(token[match.end() - 1:])
        if with_lam in NATIVE or rest[0] == "ا":
            return with_lam, "ll"
        return _strip_suffixes(rest), "ll"
    if token.startswith("وو") and len(token) >= 5:  # و + a word in و: ووزير, وواشنطن
        return _strip_suffixes(token[1:]), "fixed"
    return whole, "plain"


def _past_feminine(word: str) -> bool:
    """Whether a word in ت may be a past verb with its feminine ت: قالت، رفضت (four letters) or
    أعلنت، أشارت (أفعل). Longer forms (سيطرت، تكلمت) are left alone: their ت reading would be the
    stem of their own verbal noun (سيطرة، التكلم), another word."""
    return len(word) == 4 or (len(word) in (5, 6) and word[0] == "ا")


def _second_clitic(word: str) -> bool:
    """Whether the first letter of `word` may be ب ل or ك glued to the rest."""
    return word[0] in "بل" or (word[0] == "ك" and len(word) > 1 and word[1] not in "وا")


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Query-side stem of one normalized token (deterministic; a broken plural becomes its singular)."""
    if not token or token in FUNCTION_WORDS:
        return token
    return _singular(_primary(token)[0])


@lru_cache(maxsize=200_000)
def index_stems(token: str) -> tuple:
    """Index-side stems: stem(token) first, then the clitic readings of a leading و ف ب ك ل, and endings read off."""
    if not token:
        return (token,)
    primary, kind = _primary(token)
    out = [primary]
    if primary in NATIVE:
        return (_singular(primary),)
    match = _PREFIX_RE.match(token) if kind != "plain" else None
    if kind == "fixed" and match and match.lastgroup == "article":
        out.append(_dual_singular(primary))
    if kind == "ll":
        end = match.end()
        after_article = _strip_suffixes(token[end:])
        out += [after_article, _strip_suffixes(token[end - 1:]), _dual_singular(after_article)]
    elif kind == "plain" and len(token) >= 4:
        if token[0] in CONJUNCTIONS:
            rest = token[1:]
            out.append(stem(rest))
            if _second_clitic(rest) and len(rest) >= 4 and stem(rest) not in NATIVE:
                out.append(stem(rest[1:]))
        elif _second_clitic(token):
            out.append(stem(token[1:]))
    if kind == "plain":
        verbal = out[:1] + ([stem(token[1:])] if token[0] in CONJUNCTIONS else [])
        out += _ending_readings(token, out, verbal)
    return tuple(dict.fromkeys(_singular(r) for r in out if r))  # ordered, without duplicates


def _ending_readings(token: str, readings: list, verbal: list) -> list:
    """Index-side readings of an undefined word's ending, where a word in ت، ا، ك، ني، و or ان may
    end in its own letters; the reading is kept beside the word's stem, never instead of it.

    - a past verb's feminine ت (قالت، أعلنت: a search for قال finds what she said), only on the word
      itself or after و/ف (verbs take no ب or ل), in the forms of _past_feminine, and not where the
      rest is a known feminine noun (قضيت would meet قضية);
    - the accusative's ا (تقريرا جديدا), the second person's ك and تم and the first person's ني
      (موقفك، قلتم، أخبرني): a noun in ك or an adjective in ني (مشترك، لبناني) gains a reading no
      one searches for;
    - a construct plural's ي before a two-letter pronoun or its final و (مؤيديهم، مسؤولو): a lone ه
      is left alone, as مؤيديه cannot be told from سورية;
    - a dual without the article (ساهدان، وزيران) when four letters remain, except names and nouns
      in ان (سليمان، كردستان).
    """
    out = []
    for r in readings:
        # Each ending is the word's own last letters, not one left when a suffix went (انتباهه).
        if not r or r in NATIVE:
            continue
        if r in verbal and r.endswith("ت") and _past_feminine(r) and r[:-1] not in _FEMININE:
            out.append(r[:-1])
        if len(r) >= 5 and r[-1] in "اك" and token.endswith(r[-1]):
            out.append(r[:-1])
        if len(r) >= 5 and r.endswith(("ني", "تم")) and token.endswith(r[-2:]):
            out.append(r[:-2])
        if len(r) >= 5 and r.endswith("ي") and token.endswith(("يهم", "يها", "يهما", "يكم", "ينا")):
            out.append(r[:-1])
        if len(r) >= 6 and r.endswith("و") and token.endswith("و"):
            out.append(r[:-1])
        if len(r) >= 6 and r.endswith("ان") and token.endswith("ان") and r not in _NOT_DUAL \
                and not r.endswith("ستان"):
            out.append(r[:-2])
    return out


def analyze(text: str, stopwords: bool = False) -> list:
    """normalize + tokenize + stem; query-side stems, stopwords kept unless asked to drop them."""
    return [stem(t.text) for t in tokenize(text) if not (stopwords and t.text in STOPWORDS)]
