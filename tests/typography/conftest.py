"""Put <repo>/plugins on sys.path (harmless if a root conftest does it too)."""

import os
import sys

PLUGINS = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "plugins"))
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)
HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)
