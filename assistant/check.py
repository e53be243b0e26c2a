"""The fact check's public names, kept here for the callers (cli, app, ui, tests); the checks themselves
live in the package ``assistant.checks``, one module per family."""
from assistant.checks import (COLUMNS, CROSS_TABLE, FAIL, KINDS, NARRATIVE, NOT_APPLICABLE, PASS, PERFORMANCE,
                              ROUNDING, SUBJECT_TREE, TABLE_SUM, UNCHECKED, VERDICTS, CellRef, Check, render_text,
                              run_checks, summarize)

__all__ = ["run_checks", "summarize", "render_text", "Check", "CellRef", "PASS", "ROUNDING", "FAIL", "UNCHECKED",
           "NOT_APPLICABLE", "VERDICTS", "KINDS", "TABLE_SUM", "SUBJECT_TREE", "COLUMNS", "CROSS_TABLE",
           "NARRATIVE", "PERFORMANCE"]
