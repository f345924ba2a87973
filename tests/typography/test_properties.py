"""Property tests: idempotence, markup preserved, only typographic changes."""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from french_typography import typeset
from french_typography.chars import TAG
from french_typography.typeset import NEED_A_DIGIT

WORDS = [
    "Voici", "la", "suite", "l'Otan", "aujourd'hui", "Etats-Unis", "Etat", "Ecole", "A", "a",
    "ses", "côtés", "M.", "Rutte", "Mme", "Dupont", "10", "000", "10 000", "1 234 567", "2014",
    "15", "1er", "1re", "2e", "2ème", "XXe", "siècle", "IIIe", "République", "Louis", "XIV",
    "12:30", "16:9", "12 h 30", "n° 5", "22 août", "50 %", "20 km", "3 kg", "€", "%",
    ":", ";", "!", "?", "?!", ",", ".", "...", "--", "-", '"', "'", "«", "»", "“", "”",
    "(", ")", "&amp;", "&lt;", "&gt;", "http://exemple.fr/a?b=c:d", "www.exemple.fr",
    "redaction@exemple.fr", "Groupe", "note", "A380", "Europe", "é", "Ça", "Ca", "va",
    "5 e", "1 er", "XIX e", "X e", "I er", "e", "er", "16h10", "20h 13", "21h", "h", "a-t-il", "dit-il",
    "va-t-elle", "p. 12", "art. 3", "§ 4", "nº 5", "[", "]", "( x )", "[ 1 ]",
]
SEPS = [" ", "", "", "  ", "\n", "\u00a0", "\u202f"]

text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=10).map(
    lambda xs: "".join(w + s for w, s in xs)
)
OPENERS = [
    ("em", "<em>"), ("strong", "<strong>"), ("a", '<a href="http://x.fr/?q=1 : 2&amp;r=\'3\'">'),
    ("span", '<span lang="en">'), ("span", '<span class="x">'), ("p", "<p>"), ("p", '<p lang="fr">'),
    ("code", "<code>"), ("pre", "<pre>"), ("div", '<div title="Voici : &quot;x&quot;">'), ("li", "<li>"),
    ("sub", "<sub>"),
]


def _wrap(children):
    return st.tuples(st.sampled_from(OPENERS), st.lists(children, max_size=3)).map(
        lambda t: t[0][1] + "".join(t[1]) + f"</{t[0][0]}>"
    )


extras = st.sampled_from(["<br>", "<!-- a : b -->", '<img src="a.png" alt="x : y">', ""])
leaf = st.one_of(text, extras)
fragments = st.recursive(leaf, lambda ch: st.one_of(_wrap(ch), st.lists(ch, max_size=3).map("".join)),
                         max_leaves=12)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TAG = re.compile(r"<[^>]*>")


def tags(html):
    return [t for t in _TAG.findall(html) if t not in ("<sup>", "</sup>")]


_UNDO = [
    ("<sup>", ""), ("</sup>", ""), ("--", "-"), ("—", "-"), ("«", '"'), ("»", '"'), ("“", '"'),
    ("”", '"'), ("’", "'"), ("…", "..."), ("À", "A"), ("É", "E"), ("Ç", "C"),
    ("ème", "e"), ("\u2011", "-"), ("eme", "e"), ("ère", "re"), ("ere", "re"), ("nde", "de"),
]


def undo(html):
    """Reverse every substitution, drop every space: what must be preserved."""
    for a, b in _UNDO:
        html = html.replace(a, b)
    return re.sub(r"\s", "", html)


@SETTINGS
@given(fragments)
@example("Voici -- -- Voici ")  # found by CI: a spaced dash next to another dash
@example("XXe - Voici ")  # found by hypothesis: a capitalised word before its <sup> and after
@example(". . . ")  # found by hypothesis: a spaced ellipsis
@example("5 e§ 4 ")  # found by hypothesis: an abbreviation after an ordinal's <sup>
def test_idempotent(fragment):
    once = typeset(fragment)
    assert typeset(once) == once


@SETTINGS
@given(fragments)
def test_tag_sequence_unchanged(fragment):
    assert tags(typeset(fragment)) == tags(fragment)


@SETTINGS
@given(fragments)
def test_only_typographic_changes(fragment):
    out = typeset(fragment)
    assert undo(out) == undo(fragment)


@SETTINGS
@given(fragments)
def test_escapes_kept(fragment):
    out = typeset(fragment)
    for ref in ("&amp;", "&lt;", "&gt;"):
        assert out.count(ref) == fragment.count(ref)
    assert "&nbsp;" not in out


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab <>&;:!?\"'.-«»/=#\u00a0\u202f")), max_size=40))
def test_garbage_does_not_crash(s):
    out = typeset(s)
    assert typeset(out) == out


@SETTINGS
@given(st.integers(0, 24), st.integers(0, 59), st.sampled_from(["", " ", "\u00a0"]), st.sampled_from(WORDS))
def test_clock_times_get_no_break_spaces(hour, minutes, space, word):
    """Whatever way a time is typed (16h10, 20h 13), it reads 16 h 10 and never breaks."""
    out = typeset(f"à {hour}h{space}{minutes:02d} {word}")
    assert out.startswith(f"à {hour}\u00a0h\u00a0{minutes:02d}")


@SETTINGS
@given(st.sampled_from(["a", "va", "dit", "peut", "sera", "faudra"]), st.sampled_from(["-t-", "-"]),
       st.sampled_from(["il", "elle", "on", "ils", "elles"]), fragments)
def test_inverted_subject_never_breaks(verb, link, pronoun, tail):
    """No line break inside "a-t-il": no breakable hyphen is left in it."""
    if link == "-t-" and verb not in ("a", "va", "sera", "faudra"):
        link = "-"
    out = typeset(f"<p>Que {verb}{link}{pronoun} {tail}</p>")
    assert f"{verb}{link}{pronoun}".replace("-", "\u2011") in out


@SETTINGS
@given(st.integers(2, 999), st.sampled_from(["e", "ème", "eme"]), fragments)
def test_spaced_ordinals_become_superscripts(number, suffix, tail):
    out = typeset(f"<p>la {number} {suffix} édition {tail}</p>")
    assert out.startswith(f"<p>la {number}<sup>e</sup> édition")


@SETTINGS
@given(fragments)
def test_a_jinja_safe_string_is_typeset_as_the_str_it_holds(fragment):
    from markupsafe import Markup

    assert typeset(Markup(fragment)) == typeset(fragment)


def test_a_jinja_safe_string_is_walked_as_a_plain_str(monkeypatch):
    # an entity page's sentence comes as Markup: each piece sliced from it would be a Markup made
    # through Markup's own methods (36 000 sentences at 5 000 articles)
    import sys

    from markupsafe import Markup

    module = sys.modules["french_typography.typeset"]
    seen = []
    real = module.transform_runs
    monkeypatch.setattr(module, "transform_runs", lambda fragment, transform: seen.append(type(fragment)) or real(fragment, transform))
    assert typeset(Markup("Le XX<sup>e</sup> siècle de <mark>M. Dupont</mark>")) == "Le XX<sup>e</sup> siècle de <mark>M.\u00a0Dupont</mark>"
    assert seen == [str]


_WORDS_WITHOUT_DIGITS = [word for word in WORDS if not any(c.isdigit() for c in word)] + [
    TAG, "p.", "pp.", "art.", "chap.", "vol.", "fig.", "er", "août", "mai", "km", "kg", "n°", "nº", "no.",
]
runs_without_digits = st.lists(st.tuples(st.sampled_from(_WORDS_WITHOUT_DIGITS), st.sampled_from(SEPS)),
                               max_size=14).map(lambda xs: "".join(w + s for w, s in xs))


@SETTINGS
@given(runs_without_digits)
def test_the_rules_skipped_in_a_run_without_a_digit_change_nothing_there(run):
    """``typeset_text`` runs the rules of ``NEED_A_DIGIT`` only on a run with a digit: each must
    leave one without a digit as it is (units, dates, abbreviations, numéros, clock times, thousands)."""
    for rule in NEED_A_DIGIT:
        assert rule(run) == run, rule.__name__
