"""Settings for the published site: absolute URLs on the public address."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://lefil.example"
SITE_ORIGIN = SITEURL
RELATIVE_URLS = False
