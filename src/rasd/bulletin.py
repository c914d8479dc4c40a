"""Daily bulletin: events by type and province against the previous day and the last 7 days, counts by source
side by side, main statements; every number linked to the sentences behind it (Arabic or English, HTML or Markdown)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from rasd.api import queries as q
from rasd.api import record_queries as rq
from rasd.store.queries import aggregates_side_by_side
from rasd.web.i18n import check_lang, province_name, status_name, translator, type_name

WINDOWS = ("day", "prev", "week")
"""The bulletin's columns: the day, the day before, the 7 days ending on the day."""


def _province(e: dict[str, Any]) -> str | None:
    if e.get("admin1"):
        return str(e["admin1"])
    for p in e.get("places", []):
        if p.get("admin1"):
            return str(p["admin1"])
    return None


def _evidence_item(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": e["id"],
        "type": e["type"],
        "date": e["date_min"],
        "admin1": _province(e),
        "evidence": e.get("evidence") or "",
        "article_id": e.get("article_id"),
        "n_reports": e.get("n_mentions"),
    }


def build(conn: Connection, day: dt.date, *, max_statements: int = 10) -> dict[str, Any]:
    """The bulletin's data for ``day`` (language-neutral; see :func:`render_md` and :func:`render_html`).

    Returns:
        ``day``, ``by_type`` and ``by_province`` (rows with a count and an evidence anchor per window),
        ``evidence`` (anchor → sentences), ``aggregates`` (per metric and provinces, every reporter's
        figure side by side) and ``statements``.
    """
    everything = q.Filters(limit=10**9)
    windows = {
        "day": (day, day),
        "prev": (day - dt.timedelta(days=1), day - dt.timedelta(days=1)),
        "week": (day - dt.timedelta(days=6), day),
    }
    events = {w: q.events_on(conn, everything, a, b) for w, (a, b) in windows.items()}
    evidence: dict[str, dict[str, Any]] = {}

    def table(key_of: Any, prefix: str, kind: str) -> list[dict[str, Any]]:
        cells: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for w, evs in events.items():
            for e in evs:
                cells[key_of(e) or "none"][w].append(e)
        rows = []
        for key in sorted(cells, key=lambda k: (-len(cells[k]["day"]), -len(cells[k]["week"]), k)):
            row: dict[str, Any] = {"key": None if key == "none" else key}
            for w in WINDOWS:
                evs = cells[key][w]
                anchor = f"{prefix}-{key}-{w}".replace(" ", "_")
                row[w] = {"count": len(evs), "anchor": anchor if evs else None}
                if evs:
                    evidence[anchor] = {
                        "kind": kind,
                        "key": row["key"],
                        "window": w,
                        "items": [_evidence_item(e) for e in evs],
                    }
            row["avg7"] = round(row["week"]["count"] / 7, 1)
            row["change"] = row["day"]["count"] - row["prev"]["count"]
            rows.append(row)
        return rows

    by_type = table(lambda e: e["type"], "type", "type")
    by_province = table(_province, "prov", "province")
    aggs = []
    for i, g in enumerate(aggregates_side_by_side(conn, day_from=day, day_to=day)):
        reports = []
        for j, r in enumerate(g["reports"]):
            anchor = f"agg-{i}-{j}"
            evidence[anchor] = {
                "kind": "aggregate",
                "key": g["metric"],
                "window": "day",
                "reporter": r["reporter"],
                "items": [
                    {
                        "event_id": None,
                        "type": g["metric"],
                        "date": g["day"],
                        "admin1": ",".join(g["admin1"]) or None,
                        "evidence": r["evidence"],
                        "article_id": r["article_id"],
                        "n_reports": 1,
                    }
                ],
            }
            reports.append({**r, "anchor": anchor})
        aggs.append({**g, "reports": reports})
    _, statements = rq.list_statements(conn, q.Filters(date_from=day, date_to=day, limit=500))
    statements.sort(key=lambda s: (s["speaker"]["code"] is None, s["kind"] != "direct", s["article_id"], s["start"]))
    return {
        "day": day.isoformat(),
        "prev": windows["prev"][0].isoformat(),
        "week_from": windows["week"][0].isoformat(),
        "totals": {w: len(events[w]) for w in WINDOWS},
        "by_type": by_type,
        "by_province": by_province,
        "aggregates": aggs,
        "statements": statements[:max_statements],
        "evidence": evidence,
    }


def _speaker(s: dict[str, Any]) -> str:
    sp = s.get("speaker") or {}
    code = " ".join(x for x in (sp.get("code"), sp.get("sector")) if x)
    text = sp.get("text") or "?"
    return f"{text} [{code}]" if code else text


def _reporter(r: dict[str, Any]) -> str:
    code = " ".join(x for x in (r.get("reporter_code"), r.get("reporter_sector")) if x)
    text = r.get("reporter") or "?"
    return f"{text} [{code}]" if code else text


def _md_cell(cell: dict[str, Any]) -> str:
    return f"[{cell['count']}](#{cell['anchor']})" if cell["anchor"] else "0"


def _md_escape(s: str) -> str:
    out = s.replace("\n", " ")
    for ch in "\\`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def render_md(b: dict[str, Any], lang: str = "ar") -> str:
    """The bulletin as Markdown: tables whose numbers link to the sentences listed at the end."""
    lang = check_lang(lang)
    t = translator(lang)
    lines = [f"# {t('bulletin_for')} {b['day']}", ""]
    head = f"| {{0}} | {t('day')} {b['day']} | {t('prev_day')} {b['prev']} | {t('last7')} | {t('avg7')} |"
    for title, rows, label, key_name in (
        (t("by_type"), b["by_type"], t("type"), lambda k: type_name(k, lang)),
        (t("by_province"), b["by_province"], t("province"), lambda k: province_name(k, lang)),
    ):
        lines += [f"## {title}", "", head.format(label), "|---|---:|---:|---:|---:|"]
        for r in rows:
            name = _md_escape(key_name(r["key"])) + (f" ({r['key']})" if r["key"] and lang == "ar" else "")
            lines.append(
                f"| {name} | {_md_cell(r['day'])} | {_md_cell(r['prev'])} | {_md_cell(r['week'])} | {r['avg7']} |"
            )
        if not rows:
            lines.append(f"| {t('none')} | 0 | 0 | 0 | 0 |")
        lines.append("")
    lines += [f"## {t('by_source')}", ""]
    if not b["aggregates"]:
        lines += [t("none"), ""]
    for g in b["aggregates"]:
        where = ", ".join(province_name(a, lang) for a in g["admin1"]) or t("unknown")
        lines.append(f"- **{_md_escape(g['metric'])}** ({_md_escape(where)}):")
        for r in g["reports"]:
            lines.append(f"  - {_md_escape(_reporter(r))}: [{r['value']}](#{r['anchor']}) ({r['period']})")
    lines += ["", f"## {t('main_statements')}", ""]
    if not b["statements"]:
        lines += [t("none"), ""]
    for s in b["statements"]:
        lines.append(f"- {_md_escape(_speaker(s))} — {_md_escape(s['cue'])}: «{_md_escape(s['evidence'] or '')}»")
    lines += ["", f"## {t('sentences')}", ""]
    for anchor, group in b["evidence"].items():
        lines.append(f'<a id="{anchor}"></a>')
        lines.append(f"**{_md_escape(group_title(group, b, lang))}**")
        lines.append("")
        for it in group["items"]:
            label = type_name(it["type"], lang) if it["event_id"] else it["type"]
            lines.append(f"- {it['date'] or t('undated')} · {_md_escape(label)}: «{_md_escape(it['evidence'])}»")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def group_title(group: dict[str, Any], b: dict[str, Any], lang: str) -> str:
    """The heading of one number's sentences: what was counted, where and over which days."""
    t = translator(lang)
    window = {
        "day": f"{t('day')} {b['day']}",
        "prev": f"{t('prev_day')} {b['prev']}",
        "week": f"{t('last7')} ({b['week_from']} – {b['day']})",
    }[group["window"]]
    if group["kind"] == "type":
        what = type_name(group["key"], lang)
    elif group["kind"] == "province":
        what = province_name(group["key"], lang)
    else:
        what = f"{group['key']} · {t('reporter')}: {group.get('reporter') or '?'}"
    return f"{what} · {window}"


def render_html(b: dict[str, Any], lang: str = "ar", *, article_base: str | None = None) -> str:
    """The bulletin as a standalone HTML document (no script), numbers linked to the sentences below them.

    Args:
        b: The bulletin (:func:`build`).
        lang: ``ar`` or ``en``.
        article_base: When given (``/articles/``), each sentence links to its article page there.
    """
    from rasd.web.render import make_env

    lang = check_lang(lang)
    env = make_env()
    return env.get_template("bulletin_doc.html").render(
        b=b,
        lang=lang,
        t=translator(lang),
        type_name=lambda k: type_name(k, lang),
        province_name=lambda k: province_name(k, lang),
        status_name=lambda k: status_name(k, lang),
        group_title=lambda g: group_title(g, b, lang),
        article_base=article_base,
    )
