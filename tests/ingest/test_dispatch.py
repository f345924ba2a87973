"""Reading raw dispatches: the format's variants are accepted, broken files are rejected with a reason."""

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from digest.dispatch import DispatchError, date_prefix_length, parse

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


@pytest.mark.parametrize(
    "text",
    [
        " date 2025-08-22 Le lede.\n\nSuite.",
        "\n date 2025-01-15T09:30:00+00:00  Le lede.",
        "\t DATE\u00a02025-08-22 \t Le lede.",
        "date 2025-01-15 09:30Z Le lede.",
    ],
)
def test_the_date_prefix_ends_where_parse_finds_the_lede(text):
    """One rule for the date line: entity detection and ``invoke typeset`` skip exactly what
    parsing does."""
    assert text[date_prefix_length(text) :].startswith(parse(text.encode()).lede)


def test_a_text_without_a_date_line_has_no_prefix():
    assert date_prefix_length("Le lede. date 2025-08-22 ") == 0
    assert date_prefix_length("date 2025-08-22x") == 0


def test_lede_on_the_line_after_the_date():
    assert parse(b" date 2025-08-22\nLe lede.\n\nSuite.\n").paragraphs == ("Le lede.", "Suite.")


def test_a_windows_1252_file_is_rejected_with_the_offset_of_its_first_byte_that_is_not_utf8():
    with pytest.raises(DispatchError, match=r"pas de l’UTF-8 : octet C0 à la position 17"):
        parse(" date 2025-08-22 À Noël, l'été.\n".encode("cp1252"))


def test_one_invalid_sequence_rejects_the_dispatch_instead_of_reading_it_in_another_encoding():
    # An encoded surrogate (ED A0 80) in an otherwise UTF-8 file: read as Windows-1252 before,
    # which gave "DeuxiÃ¨me" as an entity.
    raw = " date 2025-08-22 Deuxième tour à Paris, ".encode() + b"\xed\xa0\x80" + " fin.\n".encode()
    offset = raw.index(b"\xed")
    with pytest.raises(DispatchError, match=f"octet ED à la position {offset}"):
        parse(raw)


def test_a_bom_is_counted_in_the_offset():
    raw = b"\xef\xbb\xbf date 2025-08-22 caf\xe9\n"
    offset = raw.index(b"\xe9")
    with pytest.raises(DispatchError, match=f"position {offset}"):
        parse(raw)


def test_a_dispatch_over_the_stated_maximum_is_rejected_before_the_language_model_sees_it(tmp_path):
    from digest.dispatch import MAX_BYTES, read

    path = tmp_path / "long.txt"
    path.write_bytes(b" date 2025-08-22 " + b"Texte. " * (MAX_BYTES // 7 + 1))
    with pytest.raises(DispatchError, match="trop long"):
        read(path)
    # At the maximum, accepted: spaCy takes up to 1 000 000 characters.
    path.write_bytes((b" date 2025-08-22 " + b"x" * MAX_BYTES)[:MAX_BYTES])
    assert len(read(path).text) < 1_000_000


def test_a_fifo_is_not_waited_on(tmp_path):
    import os
    import signal

    from digest.dispatch import read

    fifo = tmp_path / "tube.txt"
    os.mkfifo(fifo)

    def blocked(*_):
        raise TimeoutError("read() waited on the FIFO")

    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(10)
    try:
        with pytest.raises(DispatchError, match="pas un fichier ordinaire"):
            read(fifo)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b" date 0001-01-01 Le lede.\n", "hors limites"),  # was written to output/1/...
        (b" date 9999-12-31T23:30-12:00 Le lede.\n", "hors limites"),  # was an OverflowError
        (" date 2025-08-22 un \u0085 contrôle C1\n".encode(), "U\\+0085"),
        (" date 2025-08-22 un non-caractère \uffff\n".encode(), "U\\+FFFF"),
        (" date 2025-08-22 un non-caractère \U0010fffe\n".encode(), "U\\+10FFFE"),
    ],
)
def test_dates_out_of_range_and_characters_that_are_not_text_are_rejected(raw, reason):
    with pytest.raises(DispatchError, match=reason):
        parse(raw)


def test_the_last_day_converts_to_paris_without_overflow():
    assert parse(b" date 9998-12-31T23:30-12:00 Le lede.\n").date.year == 9999


def test_one_name_is_one_spelling_whatever_its_encoding_or_invisible_characters():
    composed = parse(" date 2025-08-22 Hélène Dupré à Genève.\n".encode()).lede
    decomposed = parse(unicodedata.normalize("NFD", " date 2025-08-22 Hélène Dupré à Genève.\n").encode()).lede
    hidden = parse(" date 2025-08-22 Hé\u200blène Du\u2060pré à Ge\ufeffnève.\n".encode()).lede
    assert composed == decomposed == hidden == "Hélène Dupré à Genève."


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
