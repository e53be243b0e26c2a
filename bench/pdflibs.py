"""Candidate PDF libraries on the real disclosures: speed, Chinese text quality, pdfplumber's table finder.

    .venv/bin/python bench/pdflibs.py [--dir DIR] [--libs pdfplumber,pypdfium2,pymupdf]
                                      [--pymupdf-python /tmp/mupdf-venv/bin/python] [--json]

A benchmark that prints figures, not a test. Each library runs in its own child process (so peak RSS is
its own, from resource.getrusage in that child); the children run one after another, not in parallel.
pypdfium2 comes with pdfplumber (its dependency, used for page images). PyMuPDF (AGPL) is measured for
reference only, from another interpreter where it is installed (--pymupdf-python); skipped if absent.

Text: all of each page (pdfplumber extract_text, pypdfium2 get_text_bounded, PyMuPDF get_text), CPU time.
"tables s": pdfplumber's page.find_tables() once the page's characters are parsed (as in the reader).
$ words: money-like (MONEY) words from extract_words on pages with a table, page numbers and off-page
words left out. missed: inside no found cell (narrative figures count too); rowlike: missed ones on a line
with 2+ $ words (a table row the finder lost). split: in a cell whose text is a longer number (wrapped
over lines; "wrapped" counts such cells); shared: the cell holds other text; straddle: over two cells.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "disclosures" / "real"
MONEY = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+\.\d+$")
LIBS = ("pdfplumber", "pypdfium2", "pymupdf")
ODD = ("kangxi", "radsup", "fffd", "pua")
TABLE_COLS = ("tables", "cells", "money_cells", "wrapped", "money_words", "missed", "rowlike", "split",
              "shared", "straddle")
PAGENO = re.compile(r"^[-—–－\s]*(第\s*)?\d{1,3}\s*页?[-—–－\s]*$")


def text_stats(text: str) -> dict:
    s = dict.fromkeys(("cjk",) + ODD, 0)
    for ch in text:
        o = ord(ch)
        key = ("cjk" if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x323AF else
               "kangxi" if 0x2F00 <= o <= 0x2FDF else "radsup" if 0x2E80 <= o <= 0x2EFF else
               "fffd" if o == 0xFFFD else "pua" if 0xE000 <= o <= 0xF8FF or o >= 0xF0000 else None)
        if key:
            s[key] += 1
    return s


def _inside(word: dict, box) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _share(word: dict, box) -> float:
    w = max(0.0, min(word["x1"], box[2]) - max(word["x0"], box[0]))
    h = max(0.0, min(word["bottom"], box[3]) - max(word["top"], box[1]))
    return w * h / max(1e-6, (word["x1"] - word["x0"]) * (word["bottom"] - word["top"]))


def _table_page(page, found, r: dict) -> None:
    cells = []  # (bbox, text) of every cell
    for table in found:
        for row, values in zip(table.rows, table.extract()):
            cells += [(b, v or "") for b, v in zip(row.cells, values) if b is not None]
    r["tables"] += len(found)
    r["cells"] += len(cells)
    r["money_cells"] += sum(bool(MONEY.match(v.strip())) for _, v in cells)
    r["wrapped"] += sum("\n" in v.strip() and bool(MONEY.match(re.sub(r"\s+", "", v))) for _, v in cells)
    words = [w for w in page.extract_words() if w["bottom"] > 0 and w["top"] < page.height]  # on the page
    for w in words:
        if not MONEY.match(w["text"]):
            continue
        line = [o["text"] for o in words if abs(o["top"] - w["top"]) < 3]
        home = [v for b, v in cells if _inside(w, b)]
        if not home and PAGENO.match(" ".join(line)):
            continue
        r["money_words"] += 1
        if not home:
            r["missed"] += 1
            r["rowlike"] += sum(bool(MONEY.match(t)) for t in line) >= 2
        elif re.sub(r"\s+", "", home[0]) != w["text"]:
            r["split" if MONEY.match(re.sub(r"\s+", "", home[0])) else "shared"] += 1
        r["straddle"] += sum(_share(w, b) > 0.25 for b, _ in cells) > 1


def run_pdfplumber(path: Path) -> dict:
    import pdfplumber
    r = dict.fromkeys(TABLE_COLS + ("table_pages", "offpage_cjk", "pages", "text_s", "text_wall_s",
                                    "tables_s"), 0)
    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            t0, w0 = time.process_time(), time.perf_counter()
            texts.append(page.extract_text() or "")
            t1, w1 = time.process_time(), time.perf_counter()
            found = page.find_tables()
            r["tables_s"], r["text_s"] = r["tables_s"] + time.process_time() - t1, r["text_s"] + t1 - t0
            r["text_wall_s"], r["pages"] = r["text_wall_s"] + w1 - w0, r["pages"] + 1
            r["offpage_cjk"] += text_stats("".join(
                c["text"] for c in page.chars if c["bottom"] <= 0 or c["top"] >= page.height
                or c["x1"] <= 0 or c["x0"] >= page.width))["cjk"]
            if found:
                r["table_pages"] += 1
                _table_page(page, found, r)
            page.close()
    r["text"] = "\n".join(texts)
    return r


def run_pypdfium2(path: Path) -> dict:
    import pypdfium2 as pdfium
    pdf, texts = pdfium.PdfDocument(path), []
    for page in pdf:
        tp = page.get_textpage()
        texts.append(tp.get_text_bounded())  # bounded by the page box: off-page text is left out
        tp.close(), page.close()
    pdf.close()
    return dict(pages=len(texts), text="\n".join(texts))


def run_pymupdf(path: Path) -> dict:
    import pymupdf
    with pymupdf.open(path) as doc:
        texts = [page.get_text() for page in doc]
    return dict(pages=len(texts), text="\n".join(texts))


def worker(lib: str, files: list[Path]) -> None:
    runner = globals()[f"run_{lib}"]
    mod = __import__(lib)  # imported before timing
    version = f"{mod.version.PYPDFIUM_INFO} (pdfium {mod.version.PDFIUM_INFO.build})" \
        if lib == "pypdfium2" else mod.__version__
    out = {"lib": lib, "version": version, "files": {}}
    for f in files:
        t0, w0 = time.process_time(), time.perf_counter()
        r = runner(f)
        r.setdefault("text_s", time.process_time() - t0)  # pdfplumber times its text alone
        r.setdefault("text_wall_s", time.perf_counter() - w0)
        r.update(text_stats(r.pop("text")))
        out["files"][f.name] = r
    out["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def measure(lib: str, python: str, folder: Path) -> dict | None:
    cmd = [python, __file__, "--worker", lib, "--dir", str(folder)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode == 0:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"# {lib}: not measured ({(proc.stderr.strip().splitlines() or ['?'])[-1]})", file=sys.stderr)


def total(res: dict, key: str):
    return sum(f.get(key, 0) for f in res["files"].values())


def report(results: dict, names: list[str]) -> None:
    libs, pl = list(results), "pdfplumber" in results
    short = {"pdfplumber": "plumber", "pypdfium2": "pdfium", "pymupdf": "mupdf"}

    def get(lib, name, key):
        return total(results[lib], key) if name == "TOTAL" else results[lib]["files"][name].get(key, 0)

    def rate(pages, s):
        return f"{s:>11.2f}{pages / s if s else 0:>6.0f}"

    print("\n== Speed: CPU seconds for all pages, pages/s (text; pdfplumber find_tables after text) ==")
    print(f"{'file':<34}{'pages':>6}" + "".join(f"{short[l] + ' s':>11}{'p/s':>6}" for l in libs)
          + (f"{'tables s':>11}{'p/s':>6}" if pl else ""))
    for n in names + ["TOTAL"]:
        pages = get(libs[0], n, "pages")
        print(f"{n:<34}{pages:>6}" + "".join(rate(pages, get(l, n, "text_s")) for l in libs)
              + (rate(pages, get("pdfplumber", n, "tables_s")) if pl else ""))

    print("\n== Chinese text: CJK chars; Kangxi/radicals-suppl./U+FFFD/private-use; CJK off the page box ==")
    print(f"{'file':<34}" + "".join(f"{short[l] + ' cjk':>13}{'kx/rs/fffd/pua':>16}" for l in libs)
          + (f"{'off-page':>10}" if pl else ""))
    for n in names + ["TOTAL"]:
        print(f"{n:<34}" + "".join(
            f"{get(l, n, 'cjk'):>13}" + f"{'/'.join(str(get(l, n, k)) for k in ODD):>16}" for l in libs)
            + (f"{get('pdfplumber', n, 'offpage_cjk'):>10}" if pl else ""))

    if pl:
        print("\n== pdfplumber find_tables ($ = money-like; recall = 1 - missed/$words) ==")
        print(f"{'file':<34}" + "".join(f"{c.replace('money_', '$'):>9}" for c in TABLE_COLS)
              + f"{'recall':>8}")
        for n in names + ["TOTAL"]:
            mw = get("pdfplumber", n, "money_words")
            print(f"{n:<34}" + "".join(f"{get('pdfplumber', n, c):>9}" for c in TABLE_COLS)
                  + f"{(1 - get('pdfplumber', n, 'missed') / mw) if mw else 1:>8.1%}")

    print("\n== Per library (all files) ==")
    for l in libs:
        r = results[l]
        cpu, wall = total(r, "text_s"), total(r, "text_wall_s")
        print(f"{l:<11} {r['version']:<28} text CPU {cpu:6.2f} s  wall {wall:6.2f} s  peak RSS "
              f"{r['peak_rss_mib']:4.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--libs", default=",".join(LIBS))
    ap.add_argument("--pymupdf-python", default=os.environ.get("PYMUPDF_PYTHON", sys.executable),
                    help="interpreter that has PyMuPDF (AGPL, reference only, kept out of the project venv)")
    ap.add_argument("--json", action="store_true", help="print the full results as JSON instead")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    files = sorted(args.dir.glob("*.pdf"))
    if args.worker:
        return worker(args.worker, files)
    elif not files:
        sys.exit(f"no PDF in {args.dir}")
    results = {lib: res for lib in args.libs.split(",") if (res := measure(
        lib, args.pymupdf_python if lib == "pymupdf" else sys.executable, args.dir))}
    if not results:
        sys.exit("no library could be measured")
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        report(results, [f.name for f in files])


if __name__ == "__main__":
    main()
