"""Present indicative of French verbs in the third person, from the infinitive (spaCy's lemma).

Headlines speak in the present ("Mark Rutte appelle", "Les députés adoptent") and almost always in
the third person: a rule table for the regular groups and their spelling changes, and the forms
of the irregular verbs news use, compounds included ("prévoir" like "voir", "obtenir" like "tenir").
"""

from __future__ import annotations

from digest.french_verbs import VerbLexicon

# Irregular third persons (singular, plural) by the ending that carries the irregularity: a verb
# takes the entry of the longest ending it has, so that "obtenir" is conjugated like "tenir"
# ("obtient", "obtiennent") and "prévoir" like "voir".
_IRREGULAR: dict[str, tuple[str, str]] = {
    "être": ("est", "sont"),
    "avoir": ("a", "ont"),
    "aller": ("va", "vont"),
    "faire": ("fait", "font"),
    "dire": ("dit", "disent"),
    "interdire": ("interdit", "interdisent"),
    "contredire": ("contredit", "contredisent"),
    "prédire": ("prédit", "prédisent"),
    "pouvoir": ("peut", "peuvent"),
    "vouloir": ("veut", "veulent"),
    "devoir": ("doit", "doivent"),
    "savoir": ("sait", "savent"),
    "valoir": ("vaut", "valent"),
    "falloir": ("faut", "faut"),
    "pleuvoir": ("pleut", "pleuvent"),
    "voir": ("voit", "voient"),
    "prévoir": ("prévoit", "prévoient"),
    "pourvoir": ("pourvoit", "pourvoient"),
    "cevoir": ("çoit", "çoivent"),
    "asseoir": ("assoit", "assoient"),
    "venir": ("vient", "viennent"),
    "tenir": ("tient", "tiennent"),
    "prendre": ("prend", "prennent"),
    "mettre": ("met", "mettent"),
    "battre": ("bat", "battent"),
    "ouvrir": ("ouvre", "ouvrent"),
    "couvrir": ("couvre", "couvrent"),
    "offrir": ("offre", "offrent"),
    "souffrir": ("souffre", "souffrent"),
    "cueillir": ("cueille", "cueillent"),
    "aillir": ("aille", "aillent"),  # assaillir, tressaillir, défaillir
    "partir": ("part", "partent"),
    "sortir": ("sort", "sortent"),
    "sentir": ("sent", "sentent"),
    "mentir": ("ment", "mentent"),
    "servir": ("sert", "servent"),
    "dormir": ("dort", "dorment"),
    "courir": ("court", "courent"),
    "mourir": ("meurt", "meurent"),
    "quérir": ("quiert", "quièrent"),
    "fuir": ("fuit", "fuient"),
    "vêtir": ("vêt", "vêtent"),
    "aître": ("aît", "aissent"),
    "naître": ("naît", "naissent"),
    "croître": ("croît", "croissent"),
    "croire": ("croit", "croient"),
    "boire": ("boit", "boivent"),
    "plaire": ("plaît", "plaisent"),
    "taire": ("tait", "taisent"),
    "traire": ("trait", "traient"),
    "vivre": ("vit", "vivent"),
    "suivre": ("suit", "suivent"),
    "écrire": ("écrit", "écrivent"),
    "crire": ("crit", "crivent"),
    "suffire": ("suffit", "suffisent"),
    "lire": ("lit", "lisent"),
    "rire": ("rit", "rient"),
    "uire": ("uit", "uisent"),
    "aindre": ("aint", "aignent"),
    "eindre": ("eint", "eignent"),
    "oindre": ("oint", "oignent"),
    "soudre": ("sout", "solvent"),
    "coudre": ("coud", "cousent"),
    "moudre": ("moud", "moulent"),
    "vaincre": ("vainc", "vainquent"),
    "rompre": ("rompt", "rompent"),
    "clure": ("clut", "cluent"),
}

# Irregular entries a longer verb may end with and still be conjugated alike; "aller" is not one
# ("installer" is regular).
_WHOLE_VERBS_ONLY = frozenset({"aller"})
# First-group stems whose last "e" takes a grave accent before a mute ending ("lève", "mène", "achète").
_E_GRAVE_ENDINGS = ("ever", "ener", "emer", "eser", "eter", "ecer", "evrer", "eler")
# ... and those that double their consonant instead ("appelle", "jette").
_DOUBLING_ENDINGS = ("appeler", "peler", "jeter", "renouveler")
_CLUSTERS = ("gl", "gr", "tr", "br", "cr", "vr", "ch", "gn", "pl", "cl", "gu", "qu")


def present_third(infinitive: str, plural: bool) -> str | None:
    """The present indicative, third person, of ``infinitive``; None when it is not a French infinitive."""
    verb = infinitive.lower()
    if irregular := _irregular_ending(verb):
        ending, (singular_form, plural_form) = irregular
        return verb[: len(verb) - len(ending)] + (plural_form if plural else singular_form)
    if len(verb) < 3:
        return None
    if verb.endswith("er"):
        singular = _first_group_singular(verb)
        return singular + "nt" if plural else singular
    if verb.endswith("ir"):  # second group ("finit", "finissent"): the third group is in the table
        return verb[:-2] + ("issent" if plural else "it")
    if verb.endswith("dre"):  # rendre, attendre, répondre
        return verb[:-2] + ("ent" if plural else "")
    if verb.endswith("re"):
        return verb[:-2] + ("ent" if plural else "t")
    return None


def known_present_third(infinitive: str, plural: bool, lexicon: VerbLexicon) -> str | None:
    """``present_third`` when it is a real French form: the irregular table's forms for a verb of the
    lexicon, the first group's rules (sure; its verb checked by ``headline_tense.verb_infinitive``),
    else a form the lexicon knows as one of ``infinitive``'s own. None otherwise: the caller keeps
    the verb as written rather than invent a word."""
    form = present_third(infinitive, plural)
    if form is None:
        return None
    if _irregular_ending(infinitive.lower()) is not None:
        return form if lexicon.is_verb(infinitive) else None  # the table's forms, for a real verb
    if infinitive.endswith("er"):
        return form
    # the second group's rule ("finit") or the "-re" one: only when the lexicon has the form
    return form if lexicon.is_verb(infinitive) and lexicon.is_form_of(form, infinitive) else None


def _irregular_ending(verb: str) -> tuple[str, tuple[str, str]] | None:
    """The longest ending of ``verb`` that the irregular table conjugates, with its forms."""
    for start in range(len(verb) - 2):
        ending = verb[start:]
        if ending in _IRREGULAR and (start == 0 or ending not in _WHOLE_VERBS_ONLY):
            return ending, _IRREGULAR[ending]
    return None


def _first_group_singular(verb: str) -> str:
    stem = verb[:-2]
    if verb.endswith("yer") and not verb.endswith("eyer"):
        return stem[:-1] + "ie"  # emploie, envoie, paie
    if verb.endswith(_DOUBLING_ENDINGS):
        return stem + stem[-1] + "e"
    if verb.endswith(_E_GRAVE_ENDINGS) and len(verb) > 4:
        return stem[:-2] + "è" + stem[-1] + "e"
    if len(stem) >= 2 and stem[-2] == "é" and stem[-1] not in "aeiouéèêy":
        return stem[:-2] + "è" + stem[-1] + "e"  # cède, possède, espère
    if len(stem) >= 3 and stem[-3] == "é" and stem[-2:] in _CLUSTERS:
        return stem[:-3] + "è" + stem[-2:] + "e"  # règle, intègre, délègue
    return stem + "e"
