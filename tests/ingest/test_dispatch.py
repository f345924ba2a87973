"""Reading raw dispatches: the format's variants are accepted, broken files are rejected with a reason."""

import datetime as dt
import json
from pathlib import Path

import pytest

from digest.dispatch import DispatchError, parse

DISPATCHES = Path(__file__).resolve().parents[2] / "content" / "dispatches"
SEED = DISPATCHES / "000_a9fda60ff86b36b6.txt"


def test_seed_has_its_date_lede_and_paragraphs():
    dispatch = parse(SEED.read_bytes())
    assert dispatch.date.isoformat() == "2025-08-22T00:00:00+02:00"
    assert dispatch.lede.startswith("Le secrétaire général de l'Otan Mark Rutte")
    assert len(dispatch.paragraphs) == 6
    assert dispatch.paragraphs[-1].endswith("fuir leurs foyers.")


@pytest.mark.parametrize(
    "raw",
    [
        b" date 2025-08-22 Le lede.\n\nSuite.\n",
        b"date 2025-08-22 Le lede.\n\nSuite.",
        b"\xef\xbb\xbf date 2025-08-22 Le lede.\n\nSuite.\n",  # UTF-8 BOM
        b" date 2025-08-22 Le lede.\r\n\r\nSuite.\r\n",  # CRLF
        b"\t date\t 2025-08-22 \t Le lede.\n\n\nSuite.\n",  # tabs, extra spaces, several blank lines
        b" DATE 2025-08-22 Le lede.\n  \nSuite.\n",  # a blank line made of spaces
    ],
)
def test_format_variants_give_the_same_dispatch(raw):
    dispatch = parse(raw)
    assert dispatch.date.date() == dt.date(2025, 8, 22)
    assert dispatch.paragraphs == ("Le lede.", "Suite.")


def test_date_with_time_and_offset_is_converted_to_paris():
    dispatch = parse(b" date 2025-01-15T09:30:00+00:00 Le lede.\n")
    assert dispatch.has_time
    assert dispatch.date.isoformat() == "2025-01-15T10:30:00+01:00"


def test_lede_on_the_line_after_the_date():
    assert parse(b" date 2025-08-22\nLe lede.\n\nSuite.\n").paragraphs == ("Le lede.", "Suite.")


def test_latin1_file_is_decoded_with_a_warning():
    dispatch = parse(" date 2025-08-22 À Noël, l'été.\n".encode("cp1252"))
    assert dispatch.lede == "À Noël, l'été."
    assert any("UTF-8" in warning for warning in dispatch.warnings)


def test_text_is_kept_literally():
    raw = " date 2025-08-22 *gras* _x_ [lien](http://x) <b>&amp;</b> {{ x }}\n\n# 1994. titre\n"
    assert parse(raw.encode()).paragraphs == ("*gras* _x_ [lien](http://x) <b>&amp;</b> {{ x }}", "# 1994. titre")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "vide"),
        (b"  \n\n \n", "vide"),
        (b"Le lede sans date.\n", "date"),
        (b" date 2025-02-30 Le lede.\n", "date impossible"),
        (b" date 2025-13-01 Le lede.\n", "date impossible"),
        (b" date 2025-08-22\n\n", "sans texte"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binaire"),
        (b" date 2025-08-22 texte \x01\x02 de contr\x03le\n", "contrôle"),
    ],
)
def test_bad_dispatches_are_rejected_with_a_reason(raw, reason):
    with pytest.raises(DispatchError, match=reason):
        parse(raw)


def test_every_corpus_dispatch_parses():
    files = sorted(DISPATCHES.glob("winer-*.txt"))
    assert len(files) > 900
    for path in files:
        assert parse(path.read_bytes()).lede, path
