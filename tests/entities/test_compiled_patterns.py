"""Large regular expressions compiled through the disk cache behave exactly as compiled normally."""

from __future__ import annotations

import _sre
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from re import _compiler, _parser

import pytest
from hypothesis import given, settings, strategies as st

from digest.entities import compiled_patterns
from digest.entities.compiled_patterns import MIN_PATTERN_LENGTH, compiled_pattern_cache

ROOT = Path(__file__).resolve().parents[2]
DISPATCHES = ROOT / "content" / "dispatches"
# A large pattern (110 kB) with named groups, quick to compile (0.15 s): 10 000 words, any case.
BIG = r"(?i)(?P<word>" + "|".join(f"m{i:05d}[ée]" for i in range(10_000)) + r")(?P<tail>-\w+)?"


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """Lengths of the large patterns that reach the parser (a cache hit never does)."""
    calls: list[int] = []
    real = _parser.parse

    def spy(pattern, flags=0, *args):
        if isinstance(pattern, (str, bytes)) and len(pattern) >= 1000:
            calls.append(len(pattern))
        return real(pattern, flags, *args)

    monkeypatch.setattr(_parser, "parse", spy)
    return calls


def compiled_through(folder: Path, pattern, flags=0, **options) -> re.Pattern:
    """``pattern`` compiled in a fresh re state with the cache of ``folder`` active."""
    re.purge()
    with compiled_pattern_cache(folder, **options):
        return re.compile(pattern, flags)


def compiled_normally(pattern, flags=0) -> re.Pattern:
    re.purge()
    return re.compile(pattern, flags)


def outcomes(rx: re.Pattern, subject) -> list:
    found = [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(subject)]
    for method in (rx.match, rx.fullmatch, rx.search):
        m = method(subject)
        found.append(m and (m.span(), m.groups()))
    return found


def assert_same_pattern(cached: re.Pattern, normal: re.Pattern) -> None:
    assert cached is not normal
    # CPython compares patterns by source, flags and compiled code
    assert cached == normal and hash(cached) == hash(normal)
    assert (cached.pattern, cached.flags, cached.groups, dict(cached.groupindex)) == \
           (normal.pattern, normal.flags, normal.groups, dict(normal.groupindex))


# --- spaCy's French TOKEN_MATCH, the pattern this cache is for

@pytest.fixture(scope="module")
def token_match() -> re.Pattern:
    """spaCy's French TOKEN_MATCH pattern (1.45 MB), as compiled normally when spaCy imported it."""
    from spacy.lang.fr import tokenizer_exceptions

    return tokenizer_exceptions.TOKEN_MATCH.__self__


@pytest.fixture(scope="module")
def token_match_cache(token_match, tmp_path_factory) -> tuple[re.Pattern, re.Pattern]:
    """The same pattern compiled through an empty cache (a miss), then again from it (a hit)."""
    folder = tmp_path_factory.mktemp("re")
    missed = compiled_through(folder, token_match.pattern)
    assert len(list(folder.iterdir())) == 1

    def refuse(*args):
        raise AssertionError("a cache hit parsed the pattern")

    real, _parser.parse = _parser.parse, refuse
    try:
        hit = compiled_through(folder, token_match.pattern)
    finally:
        _parser.parse = real
        re.purge()
    return missed, hit


def _corpus_words(count: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DISPATCHES.glob("*.txt"))[:count]]
    return sorted({word for text in texts for word in text.split()})


def test_spacy_token_match_from_the_cache_is_the_same_pattern(token_match, token_match_cache):
    assert len(token_match.pattern) > 1_000_000
    missed, hit = token_match_cache
    assert_same_pattern(missed, token_match)
    assert_same_pattern(hit, token_match)
    words = _corpus_words(200)
    assert sum(bool(token_match.match(w)) for w in words) > 50  # the comparison below means something
    for word in words:
        assert outcomes(hit, word) == outcomes(token_match, word)


@pytest.fixture(scope="module")
def token_match_words(token_match) -> list[str]:
    """The literal beginnings of the pattern's alternatives (a, arginine, binge...)."""
    return re.findall(r"\^([^\[\]\\()|^$?]+)", token_match.pattern)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_spacy_token_match_from_the_cache_matches_like_the_normal_one(token_match, token_match_cache,
                                                                      token_match_words, data):
    piece = st.one_of(st.sampled_from(token_match_words),
                      st.sampled_from(["-", "–", "'", "’", " ", ".", "é", "É", "x", "ß", "Ⅻ"]),
                      st.text(max_size=3))
    subject = "".join(data.draw(st.lists(piece, max_size=8)))
    _, hit = token_match_cache
    assert outcomes(hit, subject) == outcomes(token_match, subject)


# --- any pattern: a miss then a hit give what re gives

def _named_groups(pattern: str) -> str:
    """Number the ``(?P<g>`` placeholders: group names must be unique."""
    count = iter(range(10_000))
    return re.sub(r"\(\?P<g>", lambda _: f"(?P<g{next(count)}>", pattern)


_ATOM = st.one_of(
    st.sampled_from(list("abAÉé-. ")).map(re.escape),
    st.sampled_from([r"[a-cé]", r"[^b]", r"\w", r"\d", r"\s", ".", r"\b", "^", "$", r"[A-Z]"]),
)
_REGEX = st.recursive(
    _ATOM,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=3).map("|".join),
        st.tuples(inner, st.sampled_from(["*", "+", "?", "{1,3}", "*?", "{2}"])).map(lambda t: f"(?:{t[0]}){t[1]}"),
        inner.map(lambda r: f"({r})"),
        inner.map(lambda r: f"(?P<g>{r})"),
        inner.map(lambda r: f"(?={r})"),
    ),
    max_leaves=12,
).map(_named_groups)
_FLAGS = st.sampled_from([0, re.I, re.M | re.S, re.I | re.A])


@settings(max_examples=200, deadline=None)
@given(_REGEX, _FLAGS, st.booleans(), st.lists(st.text(alphabet="abABcÉé- .1\n", max_size=12), max_size=6))
def test_a_pattern_read_back_from_the_cache_matches_like_re(pattern, flags, as_bytes, subjects):
    if as_bytes:
        pattern, subjects = pattern.encode("latin-1"), [s.encode("latin-1") for s in subjects]
    normal = compiled_normally(pattern, flags)
    with tempfile.TemporaryDirectory() as folder:
        missed = compiled_through(Path(folder), pattern, flags, min_length=0)
        assert len(os.listdir(folder)) == 1
        hit = compiled_through(Path(folder), pattern, flags, min_length=0)
    for cached in (missed, hit):
        assert_same_pattern(cached, normal)
        for subject in subjects:
            assert outcomes(cached, subject) == outcomes(normal, subject)


def test_an_error_in_a_pattern_is_raised_as_usual_and_nothing_is_stored(tmp_path):
    with pytest.raises(re.error, match="unterminated character set"):
        compiled_through(tmp_path, "[" + "a" * MIN_PATTERN_LENGTH)
    assert list(tmp_path.iterdir()) == []


# --- a fresh process reads what another stored

_FRESH_PROCESS = """
import json, re, sys
from re import _parser
arguments = sys.argv[2:]
from digest.entities.compiled_patterns import compiled_pattern_cache

parsed = []
real = _parser.parse
_parser.parse = lambda p, flags=0, *a: parsed.append(len(p)) or real(p, flags, *a)
with compiled_pattern_cache(sys.argv[1]):
    %s
big = [n for n in parsed if n >= 100_000]
print(json.dumps({"parsed": big, "matched": %s}))
"""


def _run(folder: Path, body: str, check: str, *arguments: str) -> dict:
    command = [sys.executable, "-c", _FRESH_PROCESS % (body, check), str(folder), *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def test_a_fresh_process_reads_the_compiled_pattern_instead_of_compiling_it(tmp_path):
    body = "rx = re.compile(open(arguments[0], encoding='utf-8').read())"
    pattern_file = tmp_path / "pattern.txt"
    pattern_file.write_text(BIG, encoding="utf-8")
    folder = tmp_path / "re"
    check = "[rx.fullmatch(s) and rx.fullmatch(s).groupdict() for s in ('M00042É-paris', 'm09999e', 'm10000e')]"
    expected = [{"word": "M00042É", "tail": "-paris"}, {"word": "m09999e", "tail": None}, None]

    first = _run(folder, body, check, str(pattern_file))
    assert first == {"parsed": [len(BIG)], "matched": expected}
    [stored] = folder.iterdir()
    written = stored.stat().st_mtime_ns

    second = _run(folder, body, check, str(pattern_file))
    assert second == {"parsed": [], "matched": expected}  # read from the file, not parsed
    assert stored.stat().st_mtime_ns == written and list(folder.iterdir()) == [stored]


def test_spacy_french_tokenizer_compiles_its_pattern_through_the_cache(tmp_path):
    body = "from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH"
    check = "[bool(TOKEN_MATCH(w)) for w in ('porte-parole', 'Saint-Denis', 'parole')]"
    first = _run(tmp_path, body, check)
    assert len(first["parsed"]) == 1 and first["parsed"][0] > 1_000_000
    assert len(list(tmp_path.iterdir())) == 1
    assert _run(tmp_path, body, check) == {"parsed": [], "matched": first["matched"]}
    assert first["matched"] == [True, True, False]


# --- damaged files are compiled again, and replaced

def _flip_code_byte(data: bytes) -> bytes:
    return data[:-5] + bytes([data[-5] ^ 1]) + data[-4:]


def _other_digit(data: bytes) -> bytes:
    """A literal "5" of the code made a "6": code that _sre accepts, and that matches other words."""
    five, six = (ord(d).to_bytes(4, sys.byteorder) for d in "56")
    digest, body = data[:32], data[32:]
    header, _, code = body.partition(b"\n")
    return digest + header + b"\n" + code.replace(five, six, 1)


def _valid_checksum_but_invalid_code(data: bytes) -> bytes:
    body = data[32:]
    header, _, code = body.partition(b"\n")
    body = header + b"\n" + code[:-8] + (999_999).to_bytes(4, sys.byteorder) + code[-4:]
    return hashlib.sha256(body).digest() + body


@pytest.mark.parametrize("damage", [
    lambda data: b"",
    lambda data: data[: len(data) // 2],
    lambda data: b"\x00" * len(data),
    _flip_code_byte,
    _other_digit,
    _valid_checksum_but_invalid_code,
], ids=["empty", "truncated", "zeros", "flipped-bit", "other-digit", "invalid-code"])
def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path, parses, damage):
    normal = compiled_normally(BIG)
    compiled_through(tmp_path, BIG)
    [stored] = tmp_path.iterdir()
    good = stored.read_bytes()
    stored.write_bytes(damage(good))
    parses.clear()

    assert_same_pattern(compiled_through(tmp_path, BIG), normal)
    assert parses == [len(BIG)]  # compiled again
    assert stored.read_bytes() == good  # and stored again
    parses.clear()
    assert_same_pattern(compiled_through(tmp_path, BIG), normal)
    assert parses == []


def test_a_file_stored_for_another_pattern_is_not_used(tmp_path, parses):
    other = BIG.replace("(?i)", "")
    compiled_through(tmp_path, other)
    [stored] = tmp_path.iterdir()
    data = stored.read_bytes()
    compiled_through(tmp_path, BIG)
    [mine] = set(tmp_path.iterdir()) - {stored}
    mine.write_bytes(data)
    normal = compiled_normally(BIG)
    parses.clear()
    assert_same_pattern(compiled_through(tmp_path, BIG), normal)
    assert parses == [len(BIG)]


def test_the_same_pattern_with_other_flags_is_stored_apart(tmp_path):
    pattern = BIG.replace("(?i)", "")
    for flags in (0, re.I, 0, re.I):
        assert_same_pattern(compiled_through(tmp_path, pattern, flags), compiled_normally(pattern, flags))
    assert len(list(tmp_path.iterdir())) == 2


@pytest.mark.parametrize("module, name", [(sys, "version"), (_sre, "MAGIC")])
def test_a_file_stored_by_another_interpreter_is_not_read(tmp_path, parses, monkeypatch, module, name):
    normal = compiled_normally(BIG)
    compiled_through(tmp_path, BIG)
    monkeypatch.setattr(module, name, f"{getattr(module, name)} (another build)")
    parses.clear()
    assert_same_pattern(compiled_through(tmp_path, BIG), normal)
    assert parses == [len(BIG)] and len(list(tmp_path.iterdir())) == 2


def test_a_folder_that_cannot_be_written_only_costs_the_speed_up(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    assert_same_pattern(compiled_through(not_a_folder, BIG), compiled_normally(BIG))


# --- what the cache leaves alone

def test_patterns_shorter_than_the_threshold_are_compiled_as_usual(tmp_path):
    below = "x" * (MIN_PATTERN_LENGTH - 1)
    compiled_through(tmp_path, below)
    assert list(tmp_path.iterdir()) == []
    compiled_through(tmp_path, below + "y")
    assert len(list(tmp_path.iterdir())) == 1


def test_the_hook_is_installed_only_inside_the_block(tmp_path):
    original = _compiler.compile
    with compiled_pattern_cache(tmp_path):
        assert _compiler.compile is not original
    assert _compiler.compile is original
    with pytest.raises(KeyError):
        with compiled_pattern_cache(tmp_path):
            raise KeyError("body failed")
    assert _compiler.compile is original
    compiled_normally(BIG)
    assert list(tmp_path.iterdir()) == []


def test_blocks_of_two_threads_ending_out_of_order_leave_the_compiler_as_it_was(tmp_path):
    import threading

    original = _compiler.compile
    first_inside, second_inside, first_done = threading.Event(), threading.Event(), threading.Event()

    def first():
        with compiled_pattern_cache(tmp_path / "a"):
            first_inside.set()
            second_inside.wait(0.5)  # the second block, if it could start now, would outlive this one
        first_done.set()

    def second():
        first_inside.wait(10)
        with compiled_pattern_cache(tmp_path / "b"):
            second_inside.set()
            first_done.wait(0.5)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert first_done.is_set() and second_inside.is_set()
    assert _compiler.compile is original


@pytest.mark.parametrize("namespace, name, value", [
    (compiled_patterns, "SUPPORTED_VERSIONS", ()),
    (sys.implementation, "name", "pypy"),
], ids=["other-version", "other-implementation"])
def test_nothing_is_changed_on_an_interpreter_not_checked(tmp_path, monkeypatch, namespace, name, value):
    monkeypatch.setattr(namespace, name, value)
    original = _compiler.compile
    with compiled_pattern_cache(tmp_path):
        assert _compiler.compile is original
        re.purge()
        re.compile(BIG)
    assert list(tmp_path.iterdir()) == []
