"""``python -m evaluation [DATA_DIR]``: print the evaluation table; exit 1 when a target is missed."""

import sys

from evaluation.evaluate import main

sys.exit(main(sys.argv[1:]))
