"""Small Arabic articles written for the web tests (not taken from anywhere), and a hostile one."""

from __future__ import annotations

ARTICLES = [
    {
        "doc_id": "w-1",
        "source": "وكالة الشمال",
        "url": "https://example.org/a1",
        "published": "2024-03-07",
        "title": "قصف على سراقب",
        "text": (
            "قصفت طائرات حربية روسية بلدة سراقب في ريف إدلب أمس، ما أسفر عن مقتل خمسة مدنيين.\n"
            "وقال وزير الخارجية التركي إن أنقرة ترفض أي تصعيد جديد في إدلب.\n"
            "وأعلنت وزارة الدفاع الروسية أنها رصدت 12 حالة انتهاك لنظام وقف إطلاق النار في محافظتي حلب وإدلب "
            "خلال الساعات الـ24 الماضية."
        ),
    },
    {
        "doc_id": "w-2",
        "source": "وكالة الجنوب",
        "url": "https://example.org/a2",
        "published": "2024-03-07",
        "title": "اعتقالات في درعا",
        "text": (
            "اعتقلت قوات الأمن السورية عشرة شبان في مدينة درعا اليوم.\n"
            "وتظاهر مئات من السكان في مدينة السويداء اليوم احتجاجا على تردي الأوضاع المعيشية."
        ),
    },
    {
        "doc_id": "w-3",
        "source": "وكالة الجنوب",
        "url": "https://example.org/a3",
        "published": "2024-03-06",
        "title": "قصف مدفعي في ريف حلب",
        "text": (
            "قصفت قوات النظام السوري بالمدفعية بلدة الأتارب في ريف حلب الغربي اليوم، وأفاد ناشطون بمقتل ثلاثة مدنيين.\n"
            "والتقى المبعوث الأممي وزير الخارجية السوري في دمشق اليوم."
        ),
    },
]

PWN_SCRIPT = "<script>window.__pwned = 'script';</script>"
PWN_IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
PWN_LINK = "<a href=\"javascript:window.__pwned = 'link'\">اضغط هنا</a>"

HOSTILE = {
    "doc_id": "w-hostile",
    "source": "<b>مصدر</b>",
    "url": "javascript:window.__pwned = 'url'",
    "published": "2024-03-07",
    "title": "عنوان <script>window.__pwned = 'title'</script>",
    "text": (
        f"قصفت طائرات حربية روسية بلدة سراقب في ريف إدلب اليوم {PWN_SCRIPT} ما أسفر عن مقتل خمسة مدنيين.\n"
        f"وقال وزير الخارجية التركي إن {PWN_IMG} أنقرة ترفض التصعيد.\n"
        f'{PWN_LINK} <div style="position:fixed">نص</div> &amp; &lt;'
    ),
}
"""An article whose text, title, source and URL hold script, HTML and javascript: URLs."""
