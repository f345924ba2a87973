"""Settings for the published site: absolute URLs on the public address."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# Links stay root-relative; canonical URLs, feeds and the sitemap use the public origin.
SITE_ORIGIN = "https://lefil.example"
RELATIVE_URLS = False
