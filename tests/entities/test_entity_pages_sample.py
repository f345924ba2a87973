"""The blind audit sheet of entity pages (bench/entity_pages_sample.py), drawn from the built corpus site."""

from __future__ import annotations

import re

from bench.entity_pages_sample import entity_pages, sheet


def test_the_sheet_draws_distinct_entity_pages_never_a_redirect_and_the_same_for_a_seed(site):
    drawn = sheet(site, 20, 7)
    headings = re.findall(r"^## \d+\. (.+?)  — page kind: (\w+)  \((.+)\)$", drawn, re.M)
    assert len(headings) == 20 and len({(kind, slug) for _, kind, slug in headings}) == 20
    redirects = {(page.parent.parent.name, page.parent.name) for kind in ("personnes", "organisations", "lieux")
                 for page in (site / kind).glob("*/index.html") if "http-equiv" in page.read_text(encoding="utf-8")}
    assert not redirects & {(kind, slug) for _, kind, slug in headings}
    assert len(entity_pages(site)) < sum(1 for _ in site.glob("*/*/index.html"))
    assert sheet(site, 20, 7) == drawn and sheet(site, 20, 8) != drawn
