"""The characters every typography rule and the HTML walker share: the spaces, the private-use
markers a run of text carries in place of its tags, and the letter classes of the rules' patterns."""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

# Private-use characters: never produced by real text (input containing one
# is processed node by node, see html_runs._Run.render).
TAG = "\ue000"      # one group of inline tags between two text nodes
OPAQUE = "\ue001"   # an inline verbatim element (<code>…</code>) — word-like
ENT = "\ue002"      # a reference that must stay escaped (&amp; &lt; &gt;)
PROT = "\ue003"     # a protected token (URL, e-mail)
PRIVATE = re.compile("[\ue000-\ue003]")

L = "A-Za-zÀ-ÖØ-öø-ÿŒœ"            # letters (Latin-1 + œ)
UP = "A-ZÀ-ÖØ-ÞŒ"
LOW = "a-zß-öø-ÿœ"
SP = " \t\n\r" + NBSP + NNBSP + "\u2009"  # spaces we may rewrite
GAP = f"[{SP}{TAG}]*"                      # spaces and tag boundaries
has_digit = re.compile(r"\d").search


def markers_kept(gap: str) -> str:
    """Keep the tag markers of a matched gap, drop its spaces."""
    return gap.replace(" ", "").replace("\t", "").replace("\n", "").replace(
        "\r", "").replace(NBSP, "").replace(NNBSP, "").replace("\u2009", "") if gap else ""


_GAP_CHARS = frozenset(SP + TAG)


def gap_start(s: str, i: int) -> int:
    """Index where the run of spaces/tag markers ending at ``i`` starts."""
    while i > 0 and s[i - 1] in _GAP_CHARS:
        i -= 1
    return i
