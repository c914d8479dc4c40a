"""The HTML pages without a browser: autoescaping, evidence marks at the right offsets, no inline script or style,
nothing loaded from another server, Arabic and English labels."""

from __future__ import annotations

import html as htmlmod
import re

import pytest
from fastapi.testclient import TestClient
from web_articles import HOSTILE

from rasd.web.highlight import Highlight, highlight, safe_href

PAGES = ["/events", "/events?lang=en", "/articles", "/bulletin?date=2024-03-07", "/api", "/articles/1", "/nowhere"]


def _hostile_id(client: TestClient) -> int:
    arts = client.get("/api/articles").json()["items"]
    return int(next(a["id"] for a in arts if a["doc_id"] == "w-hostile"))


def _all_pages(client: TestClient) -> list[str]:
    ev = client.get("/api/events?limit=1").json()["items"][0]["id"]
    return [*PAGES, f"/events/{ev}", f"/articles/{_hostile_id(client)}", "/events?text=سراقب"]


def test_pages_have_no_inline_script_style_or_handlers(client: TestClient) -> None:
    for url in _all_pages(client):
        body = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", body, flags=re.I):
            assert "src=" in tag, (url, tag)
        assert all(not c.strip() for c in re.findall(r"<script\b[^>]*>(.*?)</script>", body, flags=re.S | re.I)), url
        assert re.search(r"<style\b", body, flags=re.I) is None, url
        for tag in re.findall(r"<[a-zA-Z][^>]*>", body):
            assert re.search(r"\s(style|on[a-z]+)=", tag, flags=re.I) is None, (url, tag)
        assert re.search(r"(src|href)=\"(https?:)?//", body) is None or url.startswith("/articles/"), url


def test_pages_load_only_local_assets(client: TestClient) -> None:
    body = client.get("/events").text
    for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', body):
        assert client.get(ref).status_code == 200, ref


def test_pages_escape_hostile_article(client: TestClient) -> None:
    body = client.get(f"/articles/{_hostile_id(client)}").text
    assert "<script>window" not in body and "<img src=x" not in body and 'href="javascript:' not in body
    inner = body.split('id="article-text"', 1)[1].split(">", 1)[1].split("</article>", 1)[0]
    assert htmlmod.unescape(re.sub(r"</?mark[^>]*>", "", inner)) == HOSTILE["text"]
    assert 'dir="rtl"' in body


def test_pages_article_marks_sit_on_record_offsets(client: TestClient) -> None:
    art = client.get("/api/articles/1").json()
    body = client.get("/articles/1").text
    inner = body.split('id="article-text"', 1)[1].split(">", 1)[1].split("</article>", 1)[0]
    plain = htmlmod.unescape(re.sub(r"</?mark[^>]*>", "", inner))
    assert plain == art["text"]
    for e in art["events"]:
        assert f"rec-e{e['idx']}" in body
    marked = re.findall(r'<mark class="rec rec-trigger" data-rec="([^"]*)"[^>]*>([^<]*)</mark>', inner)
    triggers = {htmlmod.unescape(t) for _, t in marked}
    assert {e["trigger"] for e in art["events"]} <= triggers


@pytest.mark.parametrize(("lang", "word", "direction"), [("ar", "الأحداث", "rtl"), ("en", "Events", "ltr")])
def test_pages_labels_in_both_languages(client: TestClient, lang: str, word: str, direction: str) -> None:
    body = client.get(f"/events?lang={lang}").text
    assert word in body and f'dir="{direction}"' in body
    other = "en" if lang == "ar" else "ar"
    assert f'id="lang-switch" href="/events?lang={other}"' in body


def test_pages_bad_filter_is_an_html_400(client: TestClient) -> None:
    r = client.get("/events?type=BOGUS")
    assert r.status_code == 400 and "text/html" in r.headers["content-type"] and "BOGUS" in r.text
    assert client.get("/events/nothing-here").status_code == 404


def test_highlight_escapes_every_slice() -> None:
    text = "<b>قال</b> & <script>"
    out = str(highlight(text, [Highlight(3, 6, "s0", "statement", "<i>x</i>"), Highlight(0, 100, "e0", "event", "y")]))
    assert "<b>" not in out and "<script>" not in out and "&lt;i&gt;" in out
    assert htmlmod.unescape(re.sub(r"</?mark[^>]*>", "", out)) == text


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:x", False),
        ("data:x", False),
        ('https://x.org/"onmouseover=', False),
        (None, False),
    ],
)
def test_safe_href(url: str | None, ok: bool) -> None:
    assert (safe_href(url) is not None) is ok


def test_events_page_report_score_filter(client: TestClient) -> None:
    """The page lists each scored event's report score; its filter keeps the choice and narrows the list."""
    every = client.get("/events?lang=en").text
    scores = [float(s) for s in re.findall(r'class="muted small report-score"[^>]*>([0-9.]+)<', every)]
    assert scores and min(scores) < 0.8  # the store has attacks scored below the strictest choice
    strict = client.get("/events?lang=en&min_report_score=0.8").text
    assert '<option value="0.8" selected>' in strict
    kept = [float(s) for s in re.findall(r'class="muted small report-score"[^>]*>([0-9.]+)<', strict)]
    assert all(s >= 0.8 for s in kept) and len(kept) < len(scores)
    assert client.get("/events?min_report_score=").status_code == 200  # "any"
    custom = client.get("/events?lang=en&min_report_score=0.25").text  # not a preset: shown as chosen
    assert '<option value="0.25" selected>' in custom and "selected>≥ 0.2<" not in custom
    bad = client.get("/events?min_report_score=high")
    assert bad.status_code == 400 and "min_report_score" in bad.text
