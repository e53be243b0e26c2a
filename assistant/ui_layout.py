"""Page-wide layout for phones and desks: Chinese texts for Streamlit's uploader, and keeping the view on
the latest question and answer."""
from __future__ import annotations

import streamlit as st

# Streamlit's uploader speaks English ("Drag and drop a file here", "Upload", "200MB per file"): the
# English is hidden and the same things said in Chinese. The widget's own label stays for screen readers.
CSS = """
<style>
[data-testid="stFileUploaderDropzone"] { position: relative; }
[data-testid="stFileUploaderDropzone"] > div > span,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] > div > span::before { content: "把文件拖到这里，或点击按钮选择"; font-size: .95rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span::before { content: "PDF 或文本文件，每个不超过 200MB"; font-size: .8rem; }
[data-testid="stFileUploaderDropzone"] button p,
[data-testid="stFileUploaderDropzone"] button span[data-testid="stMarkdownContainer"] { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] button p::after { content: "选择文件"; font-size: .95rem; }
/* phones: the chat reads edge to edge; images and tables never push the page sideways */
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: .75rem; padding-right: .75rem; padding-top: 2.5rem; }
  [data-testid="stChatMessage"] { padding: .25rem 0; gap: .4rem; }
  [data-testid="stChatMessageAvatarAssistant"], [data-testid="stChatMessageAvatarUser"] { display: none; }
  h1 { font-size: 1.6rem !important; }
}
[data-testid="stTable"] { overflow-x: auto; }
[data-testid="stTable"] th:first-child, [data-testid="stTable"] td:first-child { min-width: 4.5em; }
[data-testid="stChatMessage"] { scroll-margin-top: 3.75rem; }
</style>
"""


def inject_css() -> None:
    st.html(CSS)


def scroll_to_latest(turn: int) -> None:
    """Bring the latest question to the top of the view once its answer is drawn (a long answer would
    otherwise leave the view far below the question). Held while the answer grows — a slow machine draws
    the page image or a chart seconds after the figure, and Streamlit pins a growing chat to its bottom —
    for 30 s, until the reader moves or the next question takes over. Once the view has rested for two
    seconds it is left alone unless the page moves it again (a chart drawn late, the pinning): then it is
    brought back."""
    st.html(f"""<script data-turn="{turn}">
(() => {{
  let stop = false;
  const quit = e => {{ if (e.isTrusted) stop = true; }};  // the reader moved: leave the view alone
  const events = ["wheel", "touchstart", "keydown", "mousedown"];
  events.forEach(e => window.addEventListener(e, quit, {{capture: true}}));
  window.__bqaTurn = {turn};
  const start = Date.now();
  let rested = Date.now(), shape = "";
  const go = () => {{
    if (stop || window.__bqaTurn !== {turn}) return;
    const msgs = Array.from(document.querySelectorAll('[data-testid="stChatMessage"]'));
    const asks = msgs.filter(m => m.querySelector('[data-testid="stChatMessageAvatarUser"]'));
    const last = asks[asks.length - 1];
    if (!last) return;
    let box = null;
    for (let e = last.parentElement; e; e = e.parentElement) {{
      if (e.scrollHeight > e.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(e).overflowY)) {{ box = e; break; }}
    }}
    const now = `${{msgs.length}}:${{box ? box.scrollHeight : document.documentElement.scrollHeight}}:${{Math.round(last.getBoundingClientRect().top)}}`;
    // Still answering (the spinner, Streamlit's running sign): not resting, however still the view.
    const busy = document.querySelector('[data-testid="stSpinner"], [data-testid="stStatusWidgetRunningIcon"],'
      + ' [data-testid="stStatusWidgetRunningManIcon"]');
    if (now !== shape || busy) {{ shape = now; rested = Date.now(); }}
    // At rest and in place: nothing to do (no events sent into a page the reader may be using).
    if (Date.now() - start > 3000 && Date.now() - rested > 2000) return;
    // Streamlit pins a chat to its bottom while it grows, until the reader scrolls away: say we did.
    if (box) {{
      box.dispatchEvent(new WheelEvent("wheel", {{deltaY: -1, bubbles: true}}));
      box.dispatchEvent(new PointerEvent("pointerdown", {{bubbles: true}}));
    }}
    last.scrollIntoView({{block: "start", behavior: "instant"}});
    window.__bqaScrolled = (window.__bqaScrolled || 0) + 1;
  }};
  const timer = setInterval(() => {{
    go();
    const done = stop || window.__bqaTurn !== {turn} || Date.now() - start > 30000;
    if (done) {{ clearInterval(timer); events.forEach(e => window.removeEventListener(e, quit, {{capture: true}})); }}
  }}, 150);
  go();
}})();
</script>""", unsafe_allow_javascript=True)
