"""Tests for reading collections: TREC-style files, SaudiNewsNet JSON, archives, directories, HTML, feeds, URLs."""

from __future__ import annotations

import http.server
import io
import json
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.records import Article
from rasd.sources import iter_articles

BODY_1 = "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة حمص."
BODY_2 = "قال المتحدث باسم الوزارة إن المستشفى يضم مئة سرير."

TREC = """<DOC>
<DOCNO>XX-middleEast-1-20180218</DOCNO>
<URL>http://example.invalid/a?x=1&y=2</URL>
<SRC>BBC</SRC>
<CAT>middleEast</CAT>
<TITLE>مستشفى جديد</TITLE>
<TIME>Sun, 18 Feb 2018 20:50:44 GMT</TIME>
<AUTHOR></AUTHOR>
<ABSTRACT>ملخص</ABSTRACT>
<TEXT>
{body}
</TEXT>
</DOC>
"""

SAUDI = [
    {"source": "aawsat", "url": "http://example.invalid/1", "date_extracted": "2015-08-01 10:20:30",
     "title": "عنوان", "author": "", "content": BODY_1},
    {"source": "sabq", "url": "http://example.invalid/2", "date_extracted": "2015-08-02 11:00:00",
     "title": "عنوان آخر", "author": "", "content": BODY_2},
    {"source": "sabq", "url": "http://example.invalid/3", "content": 5},
]

HTML = f"""<!DOCTYPE html><html><head><title>مستشفى جديد في حمص</title>
<meta property="article:published_time" content="2024-03-07"></head>
<body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>مستشفى جديد في حمص</h1>
<p>{BODY_1} وأكدت الوزارة أن المستشفى سيخدم سكان المدينة والقرى المحيطة بها بعد سنوات من الانتظار.</p>
<p>{BODY_2} وأضاف أن العمل فيه سيبدأ خلال أسابيع، وأن الكوادر الطبية جاهزة لاستقبال المرضى.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def test_trec_file(tmp_path: Path) -> None:
    path = tmp_path / "BB-middleEast-1-20180218.txt"
    path.write_text(TREC.format(body=BODY_1), encoding="utf-8")
    (a,) = list(iter_articles(path))
    assert isinstance(a, Article)
    assert (a.doc_id, a.source, a.title, a.text) == ("XX-middleEast-1-20180218", "BBC", "مستشفى جديد", BODY_1)
    assert a.url == "http://example.invalid/a?x=1&y=2" and a.published == "2018-02-18T20:50:44+00:00"


def test_trec_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TREC.format(body="").replace("<TEXT>\n\n</TEXT>", "<TEXT></TEXT>"), encoding="utf-8")
    (e,) = list(iter_articles(path))
    assert isinstance(e, InputError) and str(e) == f"{path}: document 1 has no <TEXT>"


def _tar(path: Path, members: dict[str, bytes], mode: str) -> None:
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize("suffix,mode", [(".tar", "w"), (".tar.gz", "w:gz"), (".tar.xz", "w:xz")])
def test_tar_archive_read_directly(tmp_path: Path, suffix: str, mode: str) -> None:
    path = tmp_path / f"ant{suffix}"
    _tar(path, {
        "BBC/a.txt": TREC.format(body=BODY_1).encode("utf-8"),
        "BBC/b.txt": TREC.format(body=BODY_2).replace("XX-middleEast-1", "XX-middleEast-2").encode("utf-16"),
        "BBC/._hidden.txt": b"\x00\x01",
        "BBC/empty.txt": b"",
    }, mode)
    items = list(iter_articles(path))
    assert [a.text for a in _articles(items)] == [BODY_1, BODY_2]
    (error,) = [x for x in items if isinstance(x, InputError)]
    assert str(error) == f"{path}!BBC/empty.txt: file is empty"


def test_zip_of_saudinewsnet_json(tmp_path: Path) -> None:
    path = tmp_path / "2015-08-01.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2015-08-01.json", json.dumps(SAUDI, ensure_ascii=False))
    items = list(iter_articles(path))
    a, b = _articles(items)
    assert (a.doc_id, a.source, a.published, a.text) == ("2015-08-01-1", "aawsat", "2015-08-01T10:20:30", BODY_1)
    assert b.source == "sabq" and b.title == "عنوان آخر"
    (error,) = [x for x in items if isinstance(x, InputError)]
    assert str(error) == f"{path}!2015-08-01.json[2]: field 'text' must be a string, got a number"


def test_bad_archive(tmp_path: Path) -> None:
    path = tmp_path / "broken.tar.gz"
    path.write_bytes(b"not an archive at all")
    (error,) = list(iter_articles(path))
    assert isinstance(error, InputError) and str(error).startswith(f"{path}: cannot read archive")


def test_directory_recursive_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY_2, encoding="utf-8")
    (tmp_path / "1.txt").write_text(BODY_1, encoding="cp1256")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("ليس مقالا", encoding="utf-8")
    assert [a.text for a in _articles(list(iter_articles(tmp_path)))] == [BODY_1, BODY_2]


def test_missing_path_is_yielded(tmp_path: Path) -> None:
    (error,) = list(iter_articles(tmp_path / "nope.txt"))
    assert isinstance(error, InputError) and "no such file" in str(error)


def test_html_page_main_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (a,) = list(iter_articles(path))
    assert isinstance(a, Article)
    assert BODY_1 in a.text and BODY_2 in a.text and "جميع الحقوق محفوظة" not in a.text
    assert a.title == "مستشفى جديد في حمص" and a.doc_id == "page"


def _feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار تجريبية</title><link>{base}/</link>
<item><title>مستشفى جديد</title><link>{base}/news/1.html</link><guid>item-1</guid>
<pubDate>Thu, 07 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>صفحة مفقودة</title><link>{base}/news/missing.html</link></item>
</channel></rss>"""


@pytest.fixture
def site() -> Iterator[str]:
    """A web server on the loopback interface serving one feed and one page (never the internet)."""
    pages: dict[str, tuple[bytes, str]] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path not in pages:
                self.send_error(404)
                return
            body, ctype = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages["/feed.xml"] = (_feed(base).encode("utf-8"), "application/rss+xml")
    pages["/news/1.html"] = (HTML.encode("utf-8"), "text/html; charset=utf-8")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_feed_url_fetches_each_item(site: str) -> None:
    items = list(iter_articles(f"{site}/feed.xml"))
    (a,) = _articles(items)
    assert (a.doc_id, a.url, a.title, a.source) == ("item-1", f"{site}/news/1.html", "مستشفى جديد", "أخبار تجريبية")
    assert BODY_1 in a.text and a.published == "2024-03-07T09:00:00+00:00"
    (error,) = [x for x in items if isinstance(x, InputError)]
    assert str(error) == f"{site}/news/missing.html: cannot fetch (HTTP 404)"


def test_local_feed_file(tmp_path: Path, site: str) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(_feed(site), encoding="utf-8")
    assert len(_articles(list(iter_articles(path)))) == 1


def test_page_url(site: str) -> None:
    (a,) = list(iter_articles(f"{site}/news/1.html"))
    assert isinstance(a, Article) and a.url == f"{site}/news/1.html" and BODY_2 in a.text


def test_unreachable_url() -> None:
    (error,) = list(iter_articles("http://127.0.0.1:9/none.html"))
    assert isinstance(error, InputError) and str(error).startswith("http://127.0.0.1:9/none.html: cannot fetch")
