"""Bounds on what one request may ask of the machine, with the message the person sees.

A question is at most ``MAX_QUESTION`` characters: a real question is a sentence or two, and everything a
question costs (tokenising, matching the vocabulary, embedding) grows with its length. The command line and
the app both refuse a longer one with the same sentence, before the engine sees it.
"""
from __future__ import annotations

from .answer import NOT_FOUND, Answer

MAX_QUESTION = 500


def too_long(question: str) -> str | None:
    """The message for a question over the limit, else None."""
    n = len(question.strip())
    if n <= MAX_QUESTION:
        return None
    return f"问题太长了（{n} 个字）：请把问题缩短到 {MAX_QUESTION} 个字以内，一次问一件事。"


def refusal(question: str) -> Answer | None:
    """An answer refusing a question over the limit (the question itself is not echoed back in full)."""
    message = too_long(question)
    if message is None:
        return None
    return Answer(question[:MAX_QUESTION], NOT_FOUND, message)
