"""Settings for the published site: absolute URLs on the public address."""

from pelicanconf import *  # noqa: F403 (installed with the project, see pyproject.toml)

# Links stay root-relative; canonical URLs, feeds and the sitemap use the public origin.
SITE_ORIGIN = "https://lefil.example"
RELATIVE_URLS = False
