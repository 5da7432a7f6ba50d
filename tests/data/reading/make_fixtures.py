"""Regenerate the reading fixtures: `python tests/data/reading/make_fixtures.py`.

Kept beside the files so their exact bytes (encodings, BOMs, line ends) are documented
and reproducible; the texts are our own short sentences about the project.
"""
from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent

RU = (
    "Курганская областная библиотека им. А. К. Югова и библиотека им. С. Муканова "
    "в Петропавловске заключили договор в 2003 году.\n"
    'Обе библиотеки участвуют в проекте "Встречи на границах", который начался в 2001 году.\n'
)
KK = (
    "Л. Н. Толстой атындағы Қостанай облыстық әмбебап ғылыми кітапханасында 2008 жылы семинар өтті.\n"
    "Әріптестер Омбыдан, Қорғаннан және Челябіден келді; жоба Ұлы Жібек жолымен байланысты.\n"
)
MD = "# Шекарадағы кездесулер\n\nЖоба **2001 жылы** басталды.\r\n\r\n- Орал қ., 2002\n- Петропавл қ., 2002\n"

HTML_EN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Seminar in Kostanay</title>
<style>p { color: red }</style><script>var menu = "do not keep";</script></head>
<body>
<header class="site-header"><a href="/">Home</a> <a href="/news">News</a></header>
<nav><ul><li>Projects</li><li>Contacts</li></ul></nav>
<div class="main-menu">Menu item one</div>
<main>
  <article>
    <header><h1>Seminar in Kostanay city</h1></header>
    <p>On October 30-31, 2008 the   library after
       L.&nbsp;N. Tolstoy hosted a seminar.</p>
    <!-- a comment that must vanish -->
    <p>Guests came from <b>Kurgan</b>, <i>Chelyabinsk</i> and Troitsk.<br>Second line.</p>
    <h2>Participants</h2>
    <ul><li>National Library of the Republic of Kazakhstan</li><li>Russian State Library</li></ul>
    <table><tr><td>2008</td><td>Kostanay</td></tr></table>
  </article>
  <aside>Related: weather in Kostanay</aside>
</main>
<footer>Copyright, visitors online: 223</footer>
<script>console.log("tracking")</script>
</body></html>
"""

HTML_RU = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Встречи на границах</title></head><body>
<div id="sidebar">Разделы сайта</div>
<div class="content"><h1>Проект «Встречи на границах»</h1>
<p>В 2003 году библиотека им. С. Муканова заключила договор с Курганской областной библиотекой им. Югова.</p></div>
</body></html>
"""


def main() -> None:
    files = {
        "ru-cp1251.txt": RU.encode("cp1251"),
        "ru-koi8r.txt": RU.encode("koi8_r"),
        "ru-utf8.txt": RU.encode("utf-8"),
        "kk-cp1251.txt": "Жоба 2001 жылы басталды, алдымен Омбы мен Петропавл кітапханалары кірді.\n".encode("cp1251"),
        "kk-utf8-bom.txt": codecs.BOM_UTF8 + KK.encode("utf-8"),
        "kk-utf16le-bom.txt": codecs.BOM_UTF16_LE + KK.encode("utf-16-le"),
        "kk-utf16be-bom.txt": codecs.BOM_UTF16_BE + KK.encode("utf-16-be"),
        "kk-utf16le-nobom.txt": KK.encode("utf-16-le"),
        "kk-utf16be-nobom.txt": KK.encode("utf-16-be"),
        "kk-crlf.txt": KK.replace("\n", "\r\n").encode("utf-8"),
        "notes.kk.md": MD.encode("utf-8"),
        "page.en.html": HTML_EN.encode("utf-8"),
        "page-cp1251.ru.htm": HTML_RU.encode("cp1251"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
