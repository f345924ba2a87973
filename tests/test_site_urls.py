"""digest.site_urls.http_url: what a page links to for a source's address, asked again and again
(the article's credit link, its JSON-LD): the same answer every time, a refused one reported each
time; join_url: a path of the site under its base (feeds), an absolute address kept."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, strategies as st

from digest.site_urls import http_url, join_url

ADDRESSES = st.one_of(
    st.text(max_size=60),
    st.builds(lambda scheme, rest: f"{scheme}://{rest}", st.sampled_from(["http", "https", "HTTP", "javascript", "file", "ftp"]), st.text(max_size=40)),
)


@given(ADDRESSES)
def test_an_address_gives_the_same_href_every_time_and_only_http_with_a_host(url):
    first = http_url(url, warn=False)
    assert http_url(url, warn=False) == first
    if first:
        assert first.split("://", 1)[0].lower() in ("http", "https") and first.split("://", 1)[1]
        assert not any(c.isspace() or ord(c) < 0x20 or ord(c) > 0x7E for c in first)


def test_a_refused_address_is_reported_each_time_it_is_asked(monkeypatch):
    # Our calls to the logger, recorded as they are made (Pelican's logger class, once Pelican is
    # imported, shows a repeated message once: that is its choice, not a cache of ours).
    from digest import site_urls

    warned = []
    monkeypatch.setattr(site_urls, "logger", SimpleNamespace(warning=lambda message, *args: warned.append(message % args)))
    for _ in range(2):
        assert http_url("javascript:alert(1)") == ""
    assert len([message for message in warned if "adresse ignorée" in message]) == 2
    assert http_url("https://fr.wikinews.org/wiki/Taux_de_6_%") == "https://fr.wikinews.org/wiki/Taux_de_6_%25"


@given(st.sampled_from(["https://lefil.example", "https://lefil.example/sous"]), st.text(st.characters(blacklist_characters=":"), max_size=30))
def test_a_site_path_is_joined_under_the_base_with_one_slash(base, path):
    joined = join_url(base, path)
    assert joined == base + "/" + path.lstrip("/")
    assert joined.startswith(base + "/") and not joined.startswith(base + "//")


@given(st.sampled_from(["https://autre.example/flux.xml", "http://x.example/"]))
def test_an_absolute_address_is_kept_as_it_is(url):
    assert join_url("https://lefil.example", url) == url
