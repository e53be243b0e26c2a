"""Chinese word segmentation (jieba), shared by retrieval and the question checks: a module of its own so
that a table question's checks load jieba alone, not the text index (llama-index, chromadb: ~1.7 s)."""
from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path

# Domain terms jieba would otherwise cut apart ("三公" → "三" "公"); cut_for_search still emits
# their sub-words, so a question that says only "三公" matches "三公经费" too.
USER_WORDS = (
    "三公", "三公经费", "因公出国", "公务接待费", "公务用车", "运行维护费", "机关运行经费", "机关运行费",
    "基本支出", "项目支出", "人员经费", "公用经费", "政府采购", "国有资产", "固定资产", "上年结转",
    "结转结余", "一般公共预算", "政府性基金", "国有资本经营", "财政拨款", "绩效目标", "选调生",
    "离退休", "老干部", "部门职责", "机构设置", "增减", "比上年", "专项资金", "事业收入",
)

_JIEBA = None
_JIEBA_LOCK = threading.Lock()


def jieba_tokenizer():
    """jieba, initialised once per process, quietly, with its cache file in our cache dir.

    Its dictionary ships inside the package; the cache only saves ~1 s on later starts.
    """
    global _JIEBA
    with _JIEBA_LOCK:
        if _JIEBA is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            home = os.environ.get("BUDGETQA_HOME")
            cache = Path(home) / "cache" if home else Path(tempfile.gettempdir()) / "budgetqa"
            cache.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(cache)
            jieba.initialize()
            for w in USER_WORDS:
                jieba.add_word(w)
            _JIEBA = jieba
        return _JIEBA
