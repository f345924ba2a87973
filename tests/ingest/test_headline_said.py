"""Issue #20, round 12: a lede whose main verb says or decides, its reported clause too long for any candidate of the
whole sentence, headlined as a desk writes it rather than cut: the speaker, a colon and the clause rewritten
("Donald Trump : Sprint et OneWeb vont relocaliser…"), or the person's own act ("X annonce qu'il quitte"). Each on
a dev lede of the corpus or a general French news sentence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digest.headline_said import attributed

# the first sentences of two dev ledes (wikinews 2016-11 and 2017-09): fallbacks on main, the lede cut
TRUMP = ("Le président élu Donald Trump a annoncé hier soir que l'opérateur de téléphonie mobile Sprint et le fabricant "
         "de satellites OneWeb, filiales de la firme japonaise SoftBank, allaient relocaliser 8 000 emplois aux États-Unis.")
PHILIPPOT = ("Florian Philippot, qui est depuis des années le numéro deux du Front national comme le bras droit de Marine le "
             "Pen, a annoncé ce matin sur qu'il quitte le parti : « On m’a dit que j’étais vice-président à rien… Écoutez, je "
             "n’ai pas le goût du ridicule, je n’ai jamais eu le goût de ne rien faire, donc bien sûr je quitte le Front "
             "national», il a dit.")


def test_a_reported_clause_keeps_its_speaker_and_both_names(derive):
    headline = derive([TRUMP])[0]
    assert headline.rewritten, headline.text
    # the attribution kept (Trump said it), the coordinated subject whole ("Sprint vont" would be no French)
    assert headline.text.startswith("Donald Trump : "), headline.text
    assert "Sprint et OneWeb vont relocaliser 8 000 emplois" in headline.text, headline.text


def test_a_person_announcing_their_own_act_is_its_subject(derive):
    headline = derive([PHILIPPOT])[0]
    assert headline.rewritten, headline.text
    assert headline.text.startswith("Florian Philippot quitte le parti"), headline.text
    assert "a annoncé" not in headline.text and "«" not in headline.text, headline.text


@given(st.text(st.characters(whitelist_categories=("L",)), min_size=1, max_size=20),
       st.text(st.characters(whitelist_categories=("L", "Zs")), min_size=1, max_size=60).map(str.strip).filter(bool))
def test_the_speaker_always_heads_the_statement(speaker, statement):
    # never a statement without who said it, and nothing of it lost but its first letter's case
    text = attributed(speaker, statement, [])
    assert text.startswith(f"{speaker} : ")
    assert text[len(speaker) + 3:].lower() == statement.lower()


def test_a_named_person_behind_a_title_announcing_her_own_act(derive):
    # a general sentence: the speaker's name behind her title, "qu'" tagged a pronoun by the parser
    headline = derive(["La maire de Paris Anne Hidalgo a annoncé ce matin à l'antenne d'une radio nationale, au lendemain "
                       "d'une réunion houleuse du conseil de Paris consacrée aux finances de la ville, qu'elle se présentera "
                       "à l'élection présidentielle de 2022."])[0]
    assert headline.rewritten, headline.text
    assert headline.text.startswith("Anne Hidalgo se présentera à l'élection présidentielle"), headline.text


def test_an_impersonal_il_is_no_person_announcing_an_act():
    from digest.headline_parse import SentenceParser
    from digest.headline_said import reported_statement

    sentences = ["Michel Barnier a annoncé qu'il faudra trouver 60 milliards d'euros d'économies.",
                 "Agnès Buzyn a annoncé qu'il y aura une hausse du budget des hôpitaux.",
                 "Jean Castex a décidé qu'il est temps de rouvrir les écoles."]
    for tokens in SentenceParser(None).parse(sentences):
        statement = reported_statement(tokens)
        assert statement is None or not statement[1].startswith(("Michel Barnier faudra", "Agnès Buzyn y", "Jean Castex est")), statement
