"""entities.context: the sentence naming an entity, and the role its dispatches give it."""

from __future__ import annotations

import re

from hypothesis import example, given, settings, strategies as st

from entities.context import LongerNames, _first_naming, _form_pattern, _name_pattern, _own_matches, forget, most_given_role, sentence_naming, sentences


def test_the_first_sentence_naming_the_entity_with_every_form_marked():
    # the first naming it in full: a short form may be someone else's ("au Parlement")
    text = "Rien. Selon M. Rutte, l’Otan tient. Mark Rutte, secrétaire général, et Rutte encore.\nFin."
    assert str(sentence_naming(text, ["Mark Rutte", "Rutte"])) == \
        "<mark>Mark Rutte</mark>, secrétaire général, et <mark>Rutte</mark> encore."
    assert str(sentence_naming(text, ["Rutte"])) == "Selon M. <mark>Rutte</mark>, l’Otan tient."
    assert sentence_naming(text, ["Zelensky"]) is None


def test_typeset_text_still_matches_the_name():
    text = "La ville de Villeneuve-d’Ascq\u00a0: la Côte\u202fd'Ivoire aussi."
    assert "<mark>Côte\u202fd&#39;Ivoire</mark>" in str(sentence_naming(text, ["Côte d’Ivoire"]))
    # a form the dispatch wrote with a straight apostrophe, in the typeset text with a curly one
    # (winer-2016_07_15: "l'aéroport d'Istanbul-Atatürk")
    typeset = "Tous les vols à l’aéroport d’Istanbul-Atatürk sont annulés."
    assert str(sentence_naming(typeset, ["Aéroport Atatürk", "aéroport d'Istanbul-Atatürk"])) == \
        "Tous les vols à l’<mark>aéroport d’Istanbul-Atatürk</mark> sont annulés."


def test_a_long_sentence_is_cut_around_the_name():
    text = "Au début " + "très " * 200 + "Mark Rutte parle " + "encore " * 200 + "fin."
    shown = str(sentence_naming(text, ["Mark Rutte"]))
    assert shown.startswith("…") and shown.endswith("…") and "<mark>Mark Rutte</mark>" in shown and len(shown) < 400


def test_the_role_most_dispatches_give():
    texts = [("Le secrétaire général de l'Otan Mark Rutte parle.", ["Mark Rutte"]),
             ("Mark Rutte, secrétaire général de l'Otan, parle.", ["Mark Rutte"]),
             ("Mark Rutte, ancien Premier ministre, qui parle.", ["Mark Rutte"]),
             ("Mark Rutte, un homme pressé, parle.", ["Mark Rutte"])]
    assert most_given_role(texts) == "secrétaire général de l'Otan"
    assert most_given_role([("Mark Rutte, Ukraine, Russie.", ["Mark Rutte"])]) == ""
    assert most_given_role([("Le président Pierre Nkurunziza parle.", ["Pierre Nkurunziza"])]) == ""  # says little
    assert most_given_role([("Selon l'entourage du président burundais Pierre Nkurunziza, rien.", ["Pierre Nkurunziza"])]) \
        == "président burundais"


def test_a_sentence_scrap_before_a_name_is_no_role():
    # winer-2017_04_30-001: the words before the name say when he won, not what he is
    won = ("Le titre est remporté pour la première fois par l'Espagnol Emilio Martin, champion du monde 2015 "
           "devant le français Benoit Nicolas qui à 40 ans, rivalise encore au plus au niveau.")
    assert most_given_role([(won, ["Emilio Martin"])]) == ""
    # a function opening with the same word is still a role
    named = "Selon la première ministre britannique Theresa May, rien."
    assert most_given_role([(won, ["Emilio Martin"]), (named, ["Theresa May"])]) == "première ministre britannique"


@given(st.text(max_size=80), st.text(max_size=80))
def test_dispatch_text_is_always_escaped_and_the_name_marked(before, after):
    name = "Anne <b>Zèbre</b>"
    shown = sentence_naming(f"{before} {name} {after}".replace(".", " "), [name])
    assert shown is not None
    html = str(shown)
    assert "<mark>Anne &lt;b&gt;Zèbre&lt;/b&gt;</mark>" in html
    assert re.sub(r"</?mark>", "", html).count("<") == 0


def test_a_relation_before_a_name_is_the_neighbours_role_not_its_own():
    # winer 2016-02: the brother's apposition names Céline Dion; "frère aîné de" is not what she is
    text = ("René Angélil (et même Daniel Dion (29 novembre 1956 - 16 janvier 2016), le frère aîné de Céline Dion, "
            "mort à 59 ans lui aussi d'un cancer deux jours après René Angélil).")
    assert most_given_role([(text, ["Céline Dion"])]) == ""
    assert most_given_role([("Il est reçu par la fille d’Anne Zèbre, hier.", ["Anne Zèbre"])]) == ""
    # a role ending on a name of its own stays one
    assert most_given_role([("Le secrétaire général de l'Otan Mark Rutte parle.", ["Mark Rutte"])]) \
        == "secrétaire général de l'Otan"


def test_a_title_french_capitalises_is_a_role_and_the_most_given_wins():
    # Bernard Cazeneuve in the dispatches of 2016 and 2017: Premier ministre from December 2016
    texts = [("Le ministre de l’Intérieur, Bernard Cazeneuve, se rend à Nice.", ["Bernard Cazeneuve"]),
             ("Elle sera dévoilée par le ministre de l'Intérieur Bernard Cazeneuve. De son côté, rien.", ["Bernard Cazeneuve"]),
             ("« Rien », a pour sa part déclaré le Premier ministre Bernard Cazeneuve, en déplacement.", ["Bernard Cazeneuve"]),
             ("Le Premier ministre Bernard Cazeneuve l'a convoqué mardi.", ["Bernard Cazeneuve"]),
             ("Une réunion de crise, avec le Premier ministre Bernard Cazeneuve, le ministre de l'Intérieur "
              "Matthias Fekl.", ["Bernard Cazeneuve"])]
    assert most_given_role(texts) == "Premier ministre"
    # a capital before a name is no role: "le Président Donald Trump" says nothing more
    assert most_given_role([("Selon le Président Donald Trump, rien.", ["Donald Trump"])]) == ""


def test_an_ordinal_or_a_verb_is_no_role():
    # the triathlon dispatches of 2016-2017 and the US election of 2016
    texts = [("Alice Betto prend le bronze, la première française Cassandre Beaugrand ne pouvant suivre.", ["Cassandre Beaugrand"]),
             ("Dès la première épreuve Charlotte Morel prend la tête.", ["Charlotte Morel"]),
             ("Il dépasse dès le premier tour Henri Schoeman et file.", ["Henri Schoeman"]),
             ("L'homme sera investi le 20 janvier 2017. Le vice-président sera Mike Pence.", ["Mike Pence"])]
    assert [most_given_role([text]) for text in texts] == ["", "", "", ""]
    # an ordinal before a function is one: "Première femme présidente du Brésil", "ancien Premier ministre"
    assert most_given_role([("La première femme présidente du Brésil Dilma Rousseff parle.", ["Dilma Rousseff"])]) \
        == "première femme présidente du Brésil"
    assert most_given_role([("Selon l'ancien Premier ministre Manuel Valls, rien.", ["Manuel Valls"])]) == "ancien Premier ministre"


def test_the_sentence_naming_the_page_s_own_name_comes_first():
    # winer-2017_03_15: "au Parlement" (France's) comes before "les règles du Parlement européen"
    text = ("Il veut un « véritable déontologue » au Parlement. Elle souhaiterait appliquer les règles du "
            "Parlement européen, bien que des soupçons pèsent sur ce même Parlement.")
    shown = str(sentence_naming(text, ["Parlement européen", "Parlement"]))
    assert shown.startswith("Elle souhaiterait") and "<mark>Parlement européen</mark>" in shown
    assert "<mark>Parlement</mark>." in shown  # the other forms in it are marked too
    # a dispatch that only writes another form: its first sentence
    assert str(sentence_naming("Rien. Selon Rutte, oui.", ["Mark Rutte", "Rutte"])) == "Selon <mark>Rutte</mark>, oui."


def test_a_name_inside_another_entitys_longer_name_is_not_shown_as_this_one():
    # winer-2017_02_15-003 (Michael Flynn): the place is the ambassador's post, not the newspaper's name
    text = ("Cette démission intervient moins de quatre jours après des révélations, jeudi, du New York Times et du "
            "Washington Post concernant des contacts estimés inappropriés de Flynn avec la Russie. Il lui est "
            "reproché d'avoir négocié par téléphone, en décembre, avec Sergey Kislyak, ambassadeur de Russie à "
            "Washington, plusieurs semaines avant que Trump ne devienne officiellement président.")
    names = ("Washington", "Washington Post", "New York Times", "Michael Flynn", "Flynn", "Sergey Kislyak", "Russie")
    shown = str(sentence_naming(text, ["Washington"], names))
    assert shown.startswith("Il lui est reproché") and "<mark>Washington</mark>, plusieurs" in shown
    # the newspaper's own page still shows its name, whole
    assert "<mark>Washington Post</mark>" in str(sentence_naming(text, ["Washington Post"], names))
    # a dispatch that writes the place only inside the longer name shows no sentence for it
    assert sentence_naming("Selon le Washington Post, rien.", ["Washington"], ("Washington", "Washington Post")) is None


# Words that make names overlap, nest, and use every character the patterns treat apart: both
# apostrophes, brackets (a straight apostrophe in a form matches "'[’" then "]"), hyphens, spaces.
_WORDS = ["Post", "Washington", "New", "York", "d'Ivoire", "d’Ivoire", "Côte", "l'", "]a", "b]", "x'", "x’", "[y", "Jean-Paul", "A"]
_GAPS = [" ", "  ", "\u00a0", "\u202f", "-", "'", "’", "]", "[", ", "]
_NAMES = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join)


@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=12),
       st.lists(_NAMES, min_size=1, max_size=3), st.lists(_NAMES, max_size=5))
@example([("x’", "]")], ["x’"], ["x'"])  # "x’" matches "x'" of "x']", which the form "x'" matches whole
@example([("Le", " "), ("Washington", " "), ("Post", " ")], ["Washington"], ["Washington Post"])
@settings(max_examples=300)
def test_the_longer_names_are_looked_for_only_where_they_change_what_is_marked(words, forms, others):
    # The alternation of a dispatch's names is compiled only for a sentence where one could hold a
    # form found (`LongerNames.may_hold`): the sentence shown must be the one the whole alternation,
    # run on every sentence, gives.
    class EverySentence(LongerNames):
        def may_hold(self, found: str) -> bool:
            return True

    sentence = "".join(word + gap for word, gap in words)
    names = tuple(others)  # drawn from the same words: they often hold the forms, or are them
    pattern = _name_pattern(tuple(forms))
    kept = [match.span() for match in _own_matches(pattern, LongerNames(names), sentence)]
    assert kept == [match.span() for match in _own_matches(pattern, EverySentence(names), sentence)]


_SENTENCE_GAPS = _GAPS + [". ", ".\n", "! « ", ". » ", "… ", " M. ", "\n", "?\u00a0"]


@given(st.lists(st.tuples(st.sampled_from(_WORDS + ["Le", "Il", "M"]), st.sampled_from(_SENTENCE_GAPS)), max_size=16),
       st.lists(_NAMES, min_size=1, max_size=3), st.lists(_NAMES, max_size=4))
@example([("Rien", ". "), ("New", " "), ("York", ". "), ("Washington", " "), ("Post", ". ")], ["Washington"], ["Washington Post"])
@settings(max_examples=300)
def test_the_sentence_naming_an_entity_is_the_first_of_all_that_does(words, forms, others):
    # `_first_naming` skips the sentences that end before the name's first match in the whole text.
    text = "".join(word + gap for word, gap in words)
    pattern, longer = _name_pattern(tuple(forms)), LongerNames(tuple(others))
    every = next((sentence for sentence in sentences(text) if _own_matches(pattern, longer, sentence)), None)
    found = _first_naming(text, pattern, longer)
    assert (found[0] if found else None) == every
    if found:  # with its own matches, those the page marks
        assert [m.span() for m in found[1]] == [m.span() for m in _own_matches(pattern, longer, every)]


def _alternation(forms: list[str]) -> re.Pattern:
    """The one regex a name's forms were once compiled into: its matches are what readers see marked."""
    ordered = sorted({form for form in forms if form.strip()}, key=lambda form: (-len(form), form))
    parts = [r"[\s\u00a0\u202f]+".join("['’]".join(re.escape(part) for part in re.split(r"['’]", word)) for word in form.split())
             for form in ordered]
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])")


@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=12), st.lists(_NAMES, min_size=1, max_size=4))
@example([("New", " "), ("York", " ")], ["New", "New York"])  # the longer form, starting at the same place, wins
@example([("York", " "), ("New", " "), ("York", " ")], ["New York", "York"])  # the leftmost match first
@example([("Jean-Paul", " ")], ["Jean-Paul", "Jean"])
@example([("Jean-Paul", " ")], ["Paul"])  # a hyphen before: inside a word
@example([("A", "]"), ("]a", " ")], ["]a"])
@settings(max_examples=400)
def test_a_names_forms_are_found_as_their_alternation_finds_them(words, forms):
    # One compiled pattern per form, searched as one alternation of them all would be: the same
    # matches, so the same words marked, the same sentence chosen, the same roles read.
    text = "".join(word + gap for word, gap in words)
    pattern, alternation = _name_pattern(tuple(forms)), _alternation(forms)
    assert [(m.span(), m.group()) for m in pattern.finditer(text)] == [(m.span(), m.group()) for m in alternation.finditer(text)]
    found, expected = pattern.search(text), alternation.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_form_is_compiled_once_for_every_set_of_forms_it_is_in():
    # an entity's forms differ from one dispatch to the next, and a dispatch's names hold many
    # entities': each set compiled as one alternation had cost 2.4 million characters of patterns
    # at 5 000 articles
    forget()
    names = [f"Nom{number} Propre" for number in range(40)]
    for first in range(30):
        _name_pattern(tuple(names[first:first + 10]))
    assert _form_pattern.cache_info().misses == 39


def test_a_names_pattern_is_the_same_in_every_process():
    """Forms of one length are tried in the same order whatever the process's string hashing, so two
    builds mark the same words ("Jean Dupont" and "Jean-Dupont" overlap differently)."""
    import os
    import subprocess
    import sys

    program = ("from entities.context import _name_pattern; "
               "print(_name_pattern(('Jean Dupont', 'Jean-Dupont', 'Abc Def', 'Xyz Def', 'Dupont')).forms)")
    patterns = {subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                               env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(patterns) == 1


def test_an_articles_names_are_gathered_once_for_every_entity_it_cites():
    from entities.generator import entity_sentence
    from entities.pages import EntityPage

    forget()
    pages = [EntityPage(name, "personne") for name in ("Mark Rutte", "Ursula von der Leyen", "Olaf Scholz")]
    read = []

    class Counted:  # an ArticleEntity counting the reads of its forms
        def __init__(self, page):
            self.page, self.name = page, page.name

        forms = property(lambda self: read.append(self.page.name) or ())

    class Article:  # as Pelican's: the same by identity
        content = "<p>Mark Rutte a vu Ursula von der Leyen. Olaf Scholz aussi.</p>"
        entities = [Counted(page) for page in pages]

    article = Article()
    shown = [str(entity_sentence(article, page)) for page in pages]
    assert shown == ["<mark>Mark Rutte</mark> a vu Ursula von der Leyen.", "Mark Rutte a vu <mark>Ursula von der Leyen</mark>.",
                     "<mark>Olaf Scholz</mark> aussi."]
    # each entity's own forms once (``forms_in``), and every mention's once for the article's names
    assert sorted(read) == sorted([page.name for page in pages] * 2)


@settings(max_examples=200)
@given(before=st.sampled_from(["", "Selon <l'AFP> & co, ", "« Oui », dit "]), after=st.sampled_from(["", " et Rutte \"encore\".", " > 3."]),
       long=st.booleans())
def test_the_sentence_shown_is_escaped_and_marked_as_markups_own_join_made_it(before, after, long):
    from markupsafe import Markup, escape

    text = before + "Mark Rutte" + (" très" * 80 if long else "") + after
    shown = sentence_naming(text, ["Mark Rutte", "Rutte"])
    # the reference: each piece escaped, joined by Markup (which escapes a str piece again)
    own = [match for match in _name_pattern(("Mark Rutte", "Rutte")).finditer(text)]
    start = max(0, own[0].start() - 160) if len(text) > 320 else 0
    end = min(len(text), start + 320) if len(text) > 320 else len(text)
    pieces, at = [], start
    for found in own:
        if found.end() <= end:
            pieces += [escape(text[at:found.start()]), Markup("<mark>"), escape(found.group()), Markup("</mark>")]
            at = found.end()
    pieces.append(escape(text[at:end]))
    expected = Markup("…" if start else "") + Markup("").join(pieces) + Markup("…" if end < len(text) else "")
    assert type(shown) is Markup and shown == expected


def test_a_sentence_is_made_markup_once(monkeypatch):
    import entities.context as context
    from markupsafe import Markup

    made = []

    class Counted(Markup):
        def __new__(cls, *args, **kwargs):
            made.append(args)
            return Markup(*args, **kwargs)

    monkeypatch.setattr(context, "Markup", Counted)
    forget()
    shown = sentence_naming("Ici, Mark Rutte & Rutte encore, puis Rutte.", ["Mark Rutte", "Rutte"])
    assert str(shown) == "Ici, <mark>Mark Rutte</mark> &amp; <mark>Rutte</mark> encore, puis <mark>Rutte</mark>."
    assert len(made) == 1
