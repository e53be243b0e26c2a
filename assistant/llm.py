"""Optional wording by a language model (off by default; never a source of numbers).

Set ``BUDGETQA_LLM=openai`` (an OpenAI-compatible endpoint: ``BUDGETQA_LLM_BASE_URL``,
``BUDGETQA_LLM_MODEL``, ``BUDGETQA_LLM_API_KEY``) or ``BUDGETQA_LLM=ollama`` (``BUDGETQA_LLM_MODEL``,
``BUDGETQA_LLM_BASE_URL``), with ``pip install -e .[llm]``. The model may only rephrase an answer the
engine already computed; a rephrasing that states any number the engine's answer does not is discarded.
"""
from __future__ import annotations

import os
import re
from dataclasses import replace

from .answer import ANSWERED, Answer

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
PROMPT = ("请把下面的回答改写成通俗、简短的中文，面向普通市民。不得增加、删除或改动任何数字，"
          "不得添加原文没有的信息，保留出处。\n\n问题：{question}\n回答：{answer}\n改写：")


def configured():
    """The configured llama-index LLM, or None when no model is configured."""
    kind = (os.environ.get("BUDGETQA_LLM") or "").strip().lower()
    if not kind:
        return None
    model = os.environ.get("BUDGETQA_LLM_MODEL", "")
    base = os.environ.get("BUDGETQA_LLM_BASE_URL")
    if kind == "ollama":
        from llama_index.llms.ollama import Ollama
        return Ollama(model=model, base_url=base or "http://127.0.0.1:11434", request_timeout=60)
    if kind in ("openai", "openai-like", "openai_like"):
        from llama_index.llms.openai_like import OpenAILike
        return OpenAILike(model=model, api_base=base, api_key=os.environ.get("BUDGETQA_LLM_API_KEY", "none"),
                          is_chat_model=True)
    raise ValueError(f"BUDGETQA_LLM={kind!r}: use openai or ollama")


def numbers(text: str) -> set[str]:
    return {n.lstrip("0") or "0" for n in _NUMBER.findall(text.replace(",", ""))}


def rephrase(answer: Answer, llm) -> Answer:
    """The answer in the model's words if, and only if, every number it states is the engine's."""
    if llm is None or answer.status != ANSWERED:
        return answer
    try:
        text = str(llm.complete(PROMPT.format(question=answer.question, answer=answer.answer))).strip()
    except Exception:  # noqa: BLE001 - an unreachable or failing model leaves the engine's answer as it is
        return answer
    allowed = numbers(answer.answer) | numbers(answer.calculation or "") | numbers(answer.question)
    if not text or not numbers(text) <= allowed:
        return answer
    return replace(answer, answer=text)
