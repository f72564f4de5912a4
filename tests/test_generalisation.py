"""The default boilerplate pack on invented pages: the seed families in other words.

Every page below is made up for these tests. Each one mixes article paragraphs (which
must all survive) with page furniture of the kinds the seed corpus shows, worded
differently or in another language (which must all go); they run through the
boilerplate pack alone, so other packs cannot mask or break what is tested here.
The last test is a clean control article that must come out byte for byte
unchanged with every default rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from cleaner import clean, load_pipeline, revert

BOILERPLATE = load_pipeline(select=["boilerplate"])


@dataclass(frozen=True)
class Page:
    name: str
    text: str
    keep: tuple[str, ...]
    gone: tuple[str, ...]
    metadata: tuple[tuple[str, str], ...] = ()


ENGLISH = Page(
    name="english-news-site",
    text="""\
Home
Menu
Politics
Harbour strike ends after nine days
Harbour strike ends after nine days
4 min read
Dock workers in the northern port returned to work on Thursday after union leaders accepted a revised pay offer, ending a strike that had stranded hundreds of containers.

ADVERTISEMENT

The agreement raises wages by 6% this year and by a further 4% next year, according to a statement from the port authority.

See also: Why the port matters for regional exporters

Shipping companies said it could take two weeks to clear the backlog of vessels waiting offshore. Share Tweet

Share on Facebook | Share on X | Email

"We are relieved that the cranes are moving again," said a spokeswoman for the exporters' association.

#port #strike #shipping #wages
Comments (12)
Leave a reply
Sign up for our free daily newsletter to get the top stories in your inbox
Follow us on Facebook and Instagram
Most popular
Trending stories
© 2024 Example Harbour News. All rights reserved.
""",
    keep=(
        "Harbour strike ends after nine days\n",
        "Dock workers in the northern port returned to work on Thursday after union leaders "
        "accepted a revised pay offer, ending a strike that had stranded hundreds of containers.",
        "The agreement raises wages by 6% this year and by a further 4% next year, "
        "according to a statement from the port authority.",
        "Shipping companies said it could take two weeks to clear the backlog of vessels "
        "waiting offshore.\n",
        '"We are relieved that the cranes are moving again," said a spokeswoman for the '
        "exporters' association.",
    ),
    gone=(
        "Home\n",
        "Menu\n",
        "Politics\n",
        "4 min read",
        "ADVERTISEMENT",
        "See also:",
        "Share Tweet",
        "Share on Facebook",
        "#port",
        "Comments (12)",
        "Leave a reply",
        "newsletter",
        "Follow us",
        "Most popular",
        "Trending stories",
        "All rights reserved",
    ),
    metadata=(("category", "Politics"), ("keywords", ["port", "strike", "shipping", "wages"])),
)

RUSSIAN = Page(
    name="russian-news-site",
    text="""\
Главная
Экономика
Центробанк сохранил ключевую ставку
Время чтения: 3 мин

Центробанк сохранил ключевую ставку на прежнем уровне, сообщила пресс-служба регулятора в пятницу.

ЧИТАЙТЕ ТАКЖЕ: Как изменились цены на продукты за год

Аналитики ожидали такого решения, поскольку инфляция в последние месяцы замедлилась. Поделиться

Реклама

По словам экономистов, снижение ставки возможно не раньше весны следующего года.

Фото: пресс-служба Центробанка

Комментарии (5)
Подписывайтесь на наш Telegram-канал, чтобы не пропустить главное
Последние новости
Самое читаемое
""",
    keep=(
        "Центробанк сохранил ключевую ставку\n",
        "Центробанк сохранил ключевую ставку на прежнем уровне, сообщила пресс-служба "
        "регулятора в пятницу.",
        "Аналитики ожидали такого решения, поскольку инфляция в последние месяцы замедлилась.\n",
        "По словам экономистов, снижение ставки возможно не раньше весны следующего года.",
    ),
    gone=(
        "Главная",
        "Экономика\n",
        "Время чтения",
        "ЧИТАЙТЕ ТАКЖЕ",
        "Поделиться",
        "Реклама",
        "Фото:",
        "Комментарии",
        "Подписывайтесь",
        "Последние новости",
        "Самое читаемое",
    ),
    metadata=(("category", "Экономика"),),
)

GERMAN = Page(
    name="german-news-site",
    text="""\
Startseite
Ausland
Regierung kündigt neue Wahlen an

Die Regierung hat am Dienstag vorgezogene Neuwahlen für den Herbst angekündigt, nachdem die Koalition im Streit über den Haushalt zerbrochen war.

Lesen Sie auch: Was die Opposition jetzt fordert

Anzeige

Die Opposition begrüßte die Entscheidung und kündigte an, eigene Kandidaten aufzustellen. Teilen

Teilen
Drucken
Mehr zum Thema
Schlagworte: Wahlen, Regierung, Haushalt
Schreibe einen Kommentar
Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert
Impressum | Datenschutz
""",
    keep=(
        "Regierung kündigt neue Wahlen an\n",
        "Die Regierung hat am Dienstag vorgezogene Neuwahlen für den Herbst angekündigt, "
        "nachdem die Koalition im Streit über den Haushalt zerbrochen war.",
        "Die Opposition begrüßte die Entscheidung und kündigte an, eigene Kandidaten "
        "aufzustellen.\n",
    ),
    gone=(
        "Startseite",
        "Ausland",
        "Lesen Sie auch",
        "Anzeige",
        "Teilen",
        "Drucken",
        "Mehr zum Thema",
        "Schlagworte",
        "Kommentar",
        "E-Mail-Adresse",
        "Impressum",
    ),
    metadata=(("category", "Ausland"), ("keywords", ["Wahlen", "Regierung", "Haushalt"])),
)

AZERBAIJANI = Page(
    name="azerbaijani-news-site",
    text="""\
Siyasət
Nazir Bakıda xarici həmkarı ilə görüşüb

Xarici işlər naziri bazar ertəsi Bakıda səfərdə olan həmkarı ilə regional təhlükəsizlik məsələlərini müzakirə edib.

Oxu: Prezident yeni səfirləri qəbul edib

Tərəflər iqtisadi əməkdaşlığın genişləndirilməsi barədə razılığa gəliblər. Paylaş

Bizi Telegram-da izləyin
Son xəbərlər
Orphus sistemi
""",
    keep=(
        "Nazir Bakıda xarici həmkarı ilə görüşüb\n",
        "Xarici işlər naziri bazar ertəsi Bakıda səfərdə olan həmkarı ilə regional "
        "təhlükəsizlik məsələlərini müzakirə edib.",
        "Tərəflər iqtisadi əməkdaşlığın genişləndirilməsi barədə razılığa gəliblər.",
    ),
    gone=("Siyasət", "Oxu:", "Paylaş", "Telegram", "Son xəbərlər", "Orphus"),
    metadata=(("category", "Siyasət"),),
)

MIXED_WIDGETS = Page(
    name="widgets-in-other-languages",
    text="""\
Negotiators from both delegations met again on Wednesday in Geneva and agreed to continue the talks next month, a mediator said.

Leer más: Las claves de la negociación

Lire aussi : Ce que prévoit l'accord

Czytaj też: Co dalej z rozmowami

Читайте також: Що відомо про переговори

Publicidad

Publicité

Reklama

Compartir

Partager

Udostępnij

Поділитися

The next round is expected to focus on prisoner exchanges and on the reopening of two border crossings, officials from both sides said.
""",
    keep=(
        "Negotiators from both delegations met again on Wednesday in Geneva and agreed to "
        "continue the talks next month, a mediator said.",
        "The next round is expected to focus on prisoner exchanges and on the reopening of "
        "two border crossings, officials from both sides said.",
    ),
    gone=(
        "Leer más",
        "Lire aussi",
        "Czytaj",
        "Читайте",
        "Publicidad",
        "Publicité",
        "Reklama",
        "Compartir",
        "Partager",
        "Udostępnij",
        "Поділитися",
    ),
)

GENERATED_APPENDIX = Page(
    name="generated-discussion-appendix",
    text="""\
Farmers in the south reported the worst harvest in a decade after months without rain, and the agriculture ministry promised emergency aid for the hardest-hit regions.
The ministry said the first payments would arrive before the end of the month. Farmers' unions called the sum too small and warned that many family farms would not survive another dry season without cheaper loans and help with irrigation.
Prices for wheat and vegetables have already risen by a fifth since the spring, and economists expect further increases once stored grain runs out in the winter months.
#drought #harvest #farming #aid
How will the drought change food prices over the coming year?
Discussion Topic 1: The Causes of the Record Drought in the South
Expert 1: Climate Scientist, a national research institute
Expert 2: Agronomist, an agricultural university
Discussion Topic 2: Emergency Aid and Its Limits
Expert 1: Economist, a farmers' union
Expert 2: Former Agriculture Minister
""",
    keep=(
        "Farmers in the south reported the worst harvest in a decade after months without "
        "rain, and the agriculture ministry promised emergency aid for the hardest-hit regions.",
        "The ministry said the first payments would arrive before the end of the month.",
        "Prices for wheat and vegetables have already risen by a fifth since the spring",
    ),
    gone=("#drought", "How will the drought", "Discussion Topic", "Expert 1", "Expert 2"),
    metadata=(("keywords", ["drought", "harvest", "farming", "aid"]),),
)

GLUED_HEADLINE = Page(
    name="glued-headline-and-teaser",
    text="""\
Parliament approves the new budget — agencies

Parliament approves the new budget — agencies Lawmakers passed the 2025 budget on Tuesday after a two-day debate
World
Parliament approves the new budget — agencies

Lawmakers passed the 2025 budget on Tuesday after a two-day debate, with 212 votes in favour and 98 against, news agencies reported.

The opposition said the spending plan underestimated the cost of energy subsidies.
""",
    keep=(
        "Parliament approves the new budget — agencies\n",
        "Lawmakers passed the 2025 budget on Tuesday after a two-day debate, with 212 votes "
        "in favour and 98 against, news agencies reported.",
        "The opposition said the spending plan underestimated the cost of energy subsidies.",
    ),
    gone=("World",),
    metadata=(("category", "World"),),
)

TRUNCATED_TEASER = Page(
    name="teaser-with-ellipsis",
    text="""\
City opens its first night bus line
Officials said the new line would connect the airport with…

Officials said the new line would connect the airport with the main railway station every 20 minutes between midnight and five in the morning.

Tickets will cost the same as on daytime routes, the transport company said.
""",
    keep=(
        "City opens its first night bus line\n",
        "Officials said the new line would connect the airport with the main railway station "
        "every 20 minutes between midnight and five in the morning.",
        "Tickets will cost the same as on daytime routes, the transport company said.",
    ),
    gone=("with…",),
)

PAGES = [
    ENGLISH,
    RUSSIAN,
    GERMAN,
    AZERBAIJANI,
    MIXED_WIDGETS,
    GENERATED_APPENDIX,
    GLUED_HEADLINE,
    TRUNCATED_TEASER,
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_furniture_goes_and_article_stays(page):
    result = BOILERPLATE.clean(page.text)
    for kept in page.keep:
        assert kept in result.text, f"lost article text: {kept!r}"
    for gone in page.gone:
        assert gone not in result.text, f"boilerplate left: {gone!r}"
    for field, value in page.metadata:
        assert result.metadata.get(field) == value
    assert revert(result.text, result.changes) == page.text
    assert not BOILERPLATE.clean(result.text).changes
    assert clean(clean(page.text).text).text == clean(page.text).text


def test_headline_appears_once_after_cleaning():
    text = BOILERPLATE.clean(GLUED_HEADLINE.text).text
    assert text.count("Parliament approves the new budget") == 1
    assert text.count("Lawmakers passed the 2025 budget on Tuesday") == 1


CONTROL = """\
Share prices tumble as chipmaker cuts forecast

Shares in the country's largest chipmaker fell sharply on Tuesday after the company cut its revenue forecast for the third time this year, blaming weak demand for consumer electronics.

Share prices in Moscow fell 3% after the announcement, while markets in Asia closed mostly lower.

Latest news from the front suggests that the conflict has also disrupted supply chains for neon gas, a key ingredient in chip production.

What the company said

In a statement, the chipmaker said it would reduce investment next year and delay the opening of a new plant. It listed three reasons:
- weaker demand for smartphones
- higher energy costs
- 10,000 troops deployed near a key supplier's factory

"We expect a difficult year, but our long-term plans are unchanged," the chief executive said.

Economy

Analysts said the cut was larger than expected.

Advertising

Print and online advertising revenue also fell, according to the company's media division.

Most read analysts' notes this week focused on inventories rather than prices.

Comments by the finance minister, who said the government would not intervene, added to the pressure on the stock.

Biden made a long-awaited decision regarding export controls

The decision, announced late on Monday, restricts sales of advanced equipment to several countries. Follow-up talks are planned for next month.
"""


def test_clean_control_article_is_unchanged():
    result = clean(CONTROL)
    assert result.text == CONTROL
    assert not result.changes


def test_control_sentences_near_the_widget_words_survive_one_by_one():
    for line in CONTROL.splitlines():
        if line:
            assert clean(line + "\n").text == line + "\n"
