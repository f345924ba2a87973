"""``python -m french_typography FILE``: print the typeset HTML of FILE."""

import sys

from .pelican_glue import typeset_file

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m french_typography FILE")
    sys.stdout.write(typeset_file(sys.argv[1]) + "\n")
