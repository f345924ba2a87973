"""Settings for the published site: absolute URLs on the public address."""

from pelicanconf import *  # noqa: F403 (installed with the project, see pyproject.toml)

# Links stay root-relative; canonical URLs, feeds and the sitemap use the public origin.
SITE_ORIGIN = "https://lefil.example"
RELATIVE_URLS = False
# Where `invoke deploy` sends output/ (digest/deploy.py): "rsync:<user@host:/folder/ or /folder/>"
# or "git:<repository>#<branch>". Empty: deploy says so and sends nothing.
DEPLOY_TARGET = ""
