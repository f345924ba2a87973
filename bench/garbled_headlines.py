"""Headlines garbled by a rule or by the parse: a detector run on every corpus dispatch's derived headline.

Usage::

    .venv/bin/python -m bench.garbled_headlines

Each check compares the derived headline with its lede and names a fault a reader calls broken French,
not a matter of taste:

* punctuation gone between two words the lede separates ("de l'Allemagne de la France des Pays-Bas",
  "Mort de Mitterrand Claude Estier"): a list or an apposition glued into one phrase;
* a short function word gone between two words the lede joins by it ("mis [en] examen", "26 milliards
  [de] dollars", "face [à] l'Américain");
* a capitalised word after a word the lede keeps apart from it (a name glued to another, or to a word a
  dropped clause stood between: "son histoire Odette Giuffrida");
* a number split from its unit or noun ("3 [h] 00", "frappée 1 er des trois fleuves", "8 poursuivent");
* an article after the wrong preposition ("en la", "à le", "de les"), a word said twice, a remnant of a
  word ("er", "w") alone, half a negation ("ne pas exclue", "de ne s'affrontent").

Dev headlines are listed beside their ledes; held-out ones are only counted (no rule is tuned on them).
"""

from __future__ import annotations

import argparse
import re

from bench.eval_headlines import CORPUS, ROOT, load
from digest.headline import HeadlineDeriver
from digest.headline_parse import SentenceParser

_WORD = re.compile(r"\w+['’]|\w+|[^\w\s]")
_GLUE_PUNCT = {",", ";", ":", "(", ")", "–", "—"}
_FUNCTION = {"en", "de", "d'", "à", "au", "aux", "du", "des", "le", "la", "les", "l'", "un", "une", "et", "ou", "y"}
_WRONG_ARTICLE = re.compile(r"\b(?:en (?:la|le|les|l['’])|à (?:le|les)|de (?:le|les))\s", re.IGNORECASE)
_SPLIT_TIME = re.compile(r"(?<![\d,])\b\d{1,2} \d{2}\b(?! ?\d)")
_ORDINAL = re.compile(r"\b(?:premier|première|1) (?:1|er|re)\b|(?<!\d )\b(?:er|ère|ème)\b|\b1 er (?!\w+ (?:janvier|février|mars|avril|"
                      r"mai|juin|juillet|août|septembre|octobre|novembre|décembre))", re.IGNORECASE)
_REMNANT = re.compile(r"(?<!\bM )\bw\b")
_REPEATED = re.compile(r"\b(\w{3,}(?: \w+)?) \1\b", re.IGNORECASE)
# "ne pas exclue" (its auxiliary gone), "de ne s'affrontent" (an expletive "ne" without its "avant que")
_HALF_NEGATION = re.compile(r"\bne pas \w+(?:é|ée|és|ées|ue|us|ues)\b|\b(?:de|d'|à) ne (?!pas|plus|jamais|rien)", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _aligned(headline: list[str], lede: list[str]) -> list[int | None]:
    """Each headline word's place in the lede, in order; None for a word the rules wrote (a verb's tense)."""
    places, start = [], 0
    for word in headline:
        try:
            place = lede.index(word, start)
        except ValueError:
            places.append(None)
            continue
        places.append(place)
        start = place + 1
    return places


def _gap_faults(headline: str, lede: str, verbs: set[str]) -> list[str]:
    """Words side by side in ``headline`` that the lede keeps apart; ``verbs``: the headline's verbs, auxiliaries and
    clitics (a comma between a subject and its verb goes with the incise it closed)."""
    words, lede_words = _words(headline), _words(lede)
    original = _WORD.findall(headline)
    places = _aligned(words, lede_words)
    faults = []
    for n in range(len(words) - 1):
        a, b = places[n], places[n + 1]
        if a is None or b is None or b <= a + 1:
            continue
        gap = lede_words[a + 1:b]
        pair = f"{original[n]} {original[n + 1]}"
        if all(w in _GLUE_PUNCT for w in gap) and words[n + 1] not in verbs:
            faults.append(f"punctuation gone: {pair!r} (lede: {' '.join(lede_words[a:b + 1])!r})")
        elif len(gap) <= 2 and all(w in _FUNCTION for w in gap) and words[n] not in _FUNCTION:
            faults.append(f"function word gone: {pair!r} (lede: {' '.join(lede_words[a:b + 1])!r})")
        elif original[n + 1][:1].isupper() and n > 0 and words[n] not in _FUNCTION and (original[n][:1].isupper() or len(gap) >= 3):
            faults.append(f"names glued: {pair!r} (lede: {' '.join(lede_words[a:b + 1])!r})")
    return faults


def faults_of(headline: str, lede: str, tokens) -> list[str]:
    """What is broken in ``headline`` (derived from ``lede``; ``tokens`` its own parse)."""
    verbs = {w for t in tokens if t.pos in ("VERB", "AUX", "PRON") for w in _words(t.text)}
    faults = _gap_faults(headline, lede, verbs)
    for name, pattern in (("wrong article", _WRONG_ARTICLE), ("time split", _SPLIT_TIME), ("ordinal", _ORDINAL),
                          ("remnant", _REMNANT), ("repeated", _REPEATED), ("half a negation", _HALF_NEGATION)):
        for found in pattern.finditer(headline):
            # an error copied from the lede is not a rule's: the match with a word either side written there too
            around = re.search(rf"(?:\S+ )?{re.escape(found[0].strip())}(?: \S+)?", headline)[0]
            if around not in lede:
                faults.append(f"{name}: {found[0].strip()!r}")
                break
    for i, token in enumerate(tokens):
        if token.pos == "NUM" and token.dep.startswith("nsubj") and i + 1 < len(tokens) and tokens[i + 1].pos in ("VERB", "AUX"):
            faults.append(f"number without its noun: {token.text} {tokens[i + 1].text!r}")
    return faults


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    rows = load(CORPUS)
    for row, headline in zip(rows, HeadlineDeriver(ROOT / ".cache" / "headlines")([r["lede"] for r in rows]), strict=True):
        row["derived"], row["rewritten"] = headline.text, headline.rewritten
    parses = SentenceParser(ROOT / ".cache" / "headlines").parse([row["derived"] for row in rows])
    counts = {"dev": 0, "heldout": 0}
    for row, tokens in zip(rows, parses, strict=True):
        faults = faults_of(row["derived"], row["lede"], tokens)
        counts[row["split"]] += bool(faults)
        if faults and row["split"] == "dev":
            print(f"- {row['derived']}{'' if row['rewritten'] else ' (fallback)'}\n  {'; '.join(faults)}\n  > {row['lede'][:300]}")
    print({split: f"{count} of {sum(r['split'] == split for r in rows)}" for split, count in counts.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
