"""The names a document's performance forms answer to, kept beside the document: enough to tell whether a
question is about its forms at all without reading them.

Reading a disclosure's forms (assistant/perfforms.py) costs ~120 ms on a 决算 that prints 80 of them, and
every table question used to pay it only to learn that 「…的人员经费是多少？」 names no form's project. The
index holds what that test looks at — the forms' projects, the projects their targets name, whether any form
has targets, funds or a total — made from the forms themselves, kept in the store by the code's version
(ingest/derived.py) and read in ~1 ms.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

KIND = "forms"


@dataclass
class FormIndex:
    projects: list[str]  # each form's project
    target_projects: list[str]  # projects its targets name that are not the form's own (multi-project forms)
    content: bool  # any form has targets, funds or a total (else its goals in words are what it holds)

    def dump(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def load(cls, payload: str) -> "FormIndex":
        return cls(**json.loads(payload))


def build(doc) -> FormIndex:
    from .perfforms import forms
    fs = forms(doc)
    return FormIndex([f.project for f in fs if f.project],
                     sorted({t.project for f in fs for t in f.targets if t.project and t.project != f.project}),
                     any(f.targets or f.funds or f.total for f in fs))
