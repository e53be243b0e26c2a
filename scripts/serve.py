"""Start the Streamlit app with its modules already imported.

Streamlit imports what app.py imports when the first visitor's page runs the script, so the first page of a
fresh server paid ~1 s of imports (pandas, pyarrow, altair, the engine) before showing the chat. Importing them
here, in the server process before it serves, moves that cost to start-up; Streamlit's script runs then find
them in ``sys.modules``. Arguments are ``streamlit run``'s own (scripts/run.sh and the browser tests use this).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# What app.py's first run imports, heaviest first: the charts, the tables, page images, then the app's own.
MODULES = ("pandas", "altair", "PIL.Image", "pypdfium2", "assistant.engine", "assistant.visitor", "assistant.ui",
           "assistant.ui_charts", "assistant.ui_docs", "assistant.ui_layout", "assistant.ui_source")


def warm() -> None:
    import importlib

    sys.path.insert(0, str(ROOT))
    for name in MODULES:
        importlib.import_module(name)


def main() -> None:
    warm()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
