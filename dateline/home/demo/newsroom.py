"""The demo's newsroom features: the 19 September 2023 story told live (its coverage ended
that day), a live story still running (a vote count in Osh, dated from the demo's loading),
the Support us page with its amounts, the Contact and Contribute forms, and the Corrections
and Team pages.

`english(loader, home)` runs after the English footer pages and articles exist;
`russian(edition, home)` after the Russian ones. Both find what they made before, so
loading twice changes nothing. Every sentence here is the project's own.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from dateline.audience.models import DailyViews
from dateline.core.models import DeskFormField, DeskFormPage, SupportPage, SupportTier
from dateline.news.models import (
    ArticlePage,
    AuthorPage,
    CorrectionsPage,
    LiveCoverage,
    LiveUpdate,
    TeamPage,
)

LIVE_STORY = "azerbaijan-launches-offensive-in-nagorno-karabakh"
DESK_EMAIL = "desk@example.org"
PAYMENT_URL = "https://payments.example.org/borderland-ledger"

# (time, author, key event, English headline, English text, Russian headline, Russian text)
LIVE_UPDATES = [
    (
        "2023-09-19T13:10",
        "lilit-hakobyan",
        True,
        "Azerbaijan announces an operation in Karabakh",
        "At about 1 pm Azerbaijan's defence ministry said it had begun what it called local "
        "anti-terrorist measures in Nagorno-Karabakh. Residents of Stepanakert told us they "
        "could hear explosions on the edge of town within minutes.",
        "Азербайджан объявил об операции в Карабахе",
        "Около 13:00 Минобороны Азербайджана сообщило о начале так называемых локальных "
        "антитеррористических мероприятий в Нагорном Карабахе. Жители Степанакерта "
        "рассказали нам, что уже через несколько минут слышали взрывы на окраине города.",
    ),
    (
        "2023-09-19T13:45",
        "lilit-hakobyan",
        False,
        "",
        "Sirens are sounding across Stepanakert. A teacher we reached by phone said staff "
        "were walking children home from school and that families were carrying bedding "
        "down into basements.",
        "",
        "Над Степанакертом звучат сирены. Учительница, до которой мы дозвонились, сказала, "
        "что сотрудники школы разводят детей по домам, а семьи переносят постели в подвалы.",
    ),
    (
        "2023-09-19T15:20",
        "nino-beridze",
        False,
        "Yerevan says it has no troops in Karabakh",
        "Armenia's government said none of its soldiers were in Nagorno-Karabakh and called "
        "the operation an attack on civilians. Phone lines to several villages in the "
        "Martakert and Askeran districts have been down since midday.",
        "Ереван заявил, что его войск в Карабахе нет",
        "Правительство Армении заявило, что его военных в Нагорном Карабахе нет, и назвало "
        "операцию нападением на мирных жителей. Связи с несколькими селами Мартакертского и "
        "Аскеранского районов нет с полудня.",
    ),
    (
        "2023-09-19T17:05",
        "lilit-hakobyan",
        True,
        "Ombudsman: at least 25 dead",
        "Four hours after the operation began, the Karabakh human rights ombudsman said at "
        "least 25 people had been killed, civilians among them, and more than 130 wounded. "
        "We have not been able to confirm the figures independently.",
        "Омбудсмен: не менее 25 погибших",
        "Через четыре часа после начала операции омбудсмен Карабаха сообщил как минимум о "
        "25 погибших, в том числе мирных жителях, и более чем 130 раненых. Мы пока не смогли "
        "независимо проверить эти данные.",
    ),
    (
        "2023-09-19T18:15",
        "nino-beridze",
        False,
        "Crowds gather in central Yerevan",
        "Towards evening several thousand people gathered near the government building in "
        "Yerevan. Police lines held the approach roads and there were scuffles at the front "
        "of the crowd.",
        "В центре Еревана собираются люди",
        "К вечеру у здания правительства в Ереване собрались несколько тысяч человек. "
        "Полиция перекрыла подходы, в первых рядах толпы возникали стычки.",
    ),
    (
        "2023-09-19T19:05",
        "lilit-hakobyan",
        True,
        "Stepanakert calls for a ceasefire",
        "At about 7 pm the de facto authorities in Stepanakert appealed for an immediate "
        "ceasefire and talks. An Azerbaijani official said Baku would meet Karabakh "
        "Armenian representatives in Yevlakh, but would stop only once local forces laid "
        "down their arms.",
        "Степанакерт призвал к прекращению огня",
        "Около 19:00 фактические власти Степанакерта призвали немедленно прекратить огонь и "
        "начать переговоры. Азербайджанский чиновник ответил, что Баку готов встретиться с "
        "представителями карабахских армян в Евлахе, но остановится только после того, как "
        "местные силы сложат оружие.",
    ),
    (
        "2023-09-19T21:10",
        "nino-beridze",
        False,
        "",
        "Russian peacekeepers say they are helping move civilians out of some villages. We "
        "will keep following the story through the night.",
        "",
        "Российские миротворцы сообщают, что помогают вывозить жителей из некоторых сел. Мы "
        "продолжим следить за событиями ночью.",
    ),
]

RUNNING_STORY = "osh-city-council-vote-count"
# The running story, in the shape of content.ARTICLES (its dates are set at loading).
RUNNING_STORY_EN = {
    "slug": RUNNING_STORY,
    "title": "Live: counting the vote in Osh's city council election",
    "standfirst": "Polls have closed in Kyrgyzstan's second city. Our correspondent follows "
    "the count at the central election commission's regional office.",
    "places": ["kyrgyzstan", "central-asia"],
    "topics": ["politics"],
    "authors": ["timur-rakhimov"],
    "image": {
        "caption": "Ballot boxes stacked in a school hall in Osh after polls closed.",
        "credit": "Illustration: Dateline",
        "alt": "Transparent ballot boxes on a row of school desks",
    },
    "body": [
        (
            "paragraph",
            "Voters in Osh chose a new city council on Sunday, the first municipal vote "
            "under the party-list rules adopted last year. Forty-five seats are at stake; "
            "a party needs five percent of the vote to win any of them.",
        ),
        (
            "paragraph",
            "Results are counted by hand at each polling station and entered into the "
            "commission's system as the protocols arrive. We post what we see below, newest "
            "first.",
        ),
    ],
}
RUNNING_STORY_RU = {
    "translation_of": RUNNING_STORY,
    "slug": "podschet-golosov-na-vyborah-v-gorsovet-osha",
    "title": "Онлайн: подсчет голосов на выборах в горсовет Оша",
    "standfirst": "Во втором по величине городе Кыргызстана закрылись участки. Наш корреспондент "
    "следит за подсчетом в региональном офисе избирательной комиссии.",
    "image": {
        "caption": "Урны для голосования в школьном зале в Оше после закрытия участков.",
        "credit": "Иллюстрация: Borderland Ledger",
        "alt": "Прозрачные урны на ряду школьных парт",
    },
    "body": [
        (
            "paragraph",
            "В воскресенье жители Оша выбирали новый городской совет — впервые по "
            "партийным спискам, введенным в прошлом году. Разыгрываются 45 мест; чтобы "
            "получить хотя бы одно, партии нужно пять процентов голосов.",
        ),
        (
            "paragraph",
            "Голоса считают вручную на каждом участке, а протоколы вносят в систему комиссии "
            "по мере поступления. Ниже — то, что мы видим, новые записи сверху.",
        ),
    ],
}
# (minutes before loading, author, key event, English headline, English text, Russian
# headline, Russian text)
RUNNING_UPDATES = [
    (
        150,
        "timur-rakhimov",
        True,
        "Polls close in Osh",
        "Polling stations closed at 8 pm. The commission puts turnout at 31 percent, "
        "slightly below the last municipal vote.",
        "Участки в Оше закрылись",
        "Избирательные участки закрылись в 20:00. По данным комиссии, явка составила 31 "
        "процент — чуть ниже, чем на прошлых муниципальных выборах.",
    ),
    (
        95,
        "timur-rakhimov",
        False,
        "",
        "Observers from two local groups say counting at the polling stations they visited "
        "was calm. At one school near the Jayma bazaar the count was halted for twenty "
        "minutes while a ballot box seal was checked.",
        "",
        "Наблюдатели от двух местных организаций говорят, что подсчет на посещенных ими "
        "участках проходит спокойно. В одной из школ у базара Жайма подсчет остановили на "
        "двадцать минут, пока проверяли пломбу на урне.",
    ),
    (
        40,
        "timur-rakhimov",
        True,
        "First protocols entered",
        "With protocols from a third of polling stations entered, four parties are above "
        "the five percent threshold. The commission says it will publish preliminary "
        "results overnight.",
        "Внесены первые протоколы",
        "После ввода протоколов с трети участков пятипроцентный барьер преодолевают четыре "
        "партии. В комиссии обещают опубликовать предварительные итоги ночью.",
    ),
]

# (frequency, amount, English name, English description, Russian name, Russian description)
SUPPORT_TIERS = [
    (
        "monthly",
        "€5",
        "Reader",
        "Keeps a reporter's phone and data running for a week.",
        "Читатель",
        "Неделя связи и мобильного интернета для репортера.",
    ),
    (
        "monthly",
        "€15",
        "Supporter",
        "Pays for a day of fact-checking.",
        "Сторонник",
        "Один день работы фактчекера.",
    ),
    (
        "monthly",
        "€40",
        "Patron",
        "Funds a freelance reporter's trip to a remote district.",
        "Меценат",
        "Поездка внештатного журналиста в отдаленный район.",
    ),
    (
        "once",
        "€20",
        "One gift",
        "Helps translate a story into Russian or English.",
        "Разовый взнос",
        "Поможет перевести материал на русский или английский.",
    ),
    (
        "once",
        "€100",
        "Big gift",
        "Covers a photographer's fee for a photo essay.",
        "Большой взнос",
        "Гонорар фотографа за фотоэссе.",
    ),
]

# (clean name, type, English label, Russian label, required)
CONTACT_FIELDS = [
    ("your_name", "singleline", "Your name", "Ваше имя", True),
    ("email", "email", "Your email address", "Ваш адрес электронной почты", True),
    ("subject", "singleline", "Subject", "Тема", False),
    ("message", "multiline", "Message", "Сообщение", True),
]
PITCH_FIELDS = [
    ("your_name", "singleline", "Your name", "Ваше имя", True),
    ("email", "email", "Your email address", "Ваш адрес электронной почты", True),
    ("working_headline", "singleline", "Working headline", "Рабочий заголовок", True),
    (
        "pitch",
        "multiline",
        "Your pitch: the story, why now, who you will talk to",
        "Заявка: о чем материал, почему сейчас, с кем вы будете говорить",
        True,
    ),
    (
        "previous_work",
        "multiline",
        "Links to your previous work",
        "Ссылки на ваши прошлые работы",
        False,
    ),
]
RUSSIAN_TEXTS = {
    "contact": "Спасибо! Ваше сообщение получено. Мы читаем все письма и отвечаем, когда можем.",
    "contribute": "Спасибо за заявку! Мы стараемся ответить на каждую в течение недели.",
}


def english(loader, home: Page) -> None:
    """Turn the footer's StandardPages into their own page types and make the story live."""
    _upgrade(home, "corrections", CorrectionsPage)
    _upgrade(home, "team", TeamPage)
    support = _upgrade(home, "support-us", SupportPage, other_amount_url=PAYMENT_URL + "/any")
    if not support.tiers.exists():
        support.tiers = [
            SupportTier(
                frequency=frequency,
                amount=amount,
                name=name,
                description=description,
                payment_url=f"{PAYMENT_URL}/{frequency}-{amount.strip('€')}",
                sort_order=order,
            )
            for order, (frequency, amount, name, description, *_) in enumerate(SUPPORT_TIERS)
        ]
        support.save_revision().publish()
    _desk_form(home, "contact", CONTACT_FIELDS, "Message from the website", attachments=False)
    _desk_form(home, "contribute", PITCH_FIELDS, "Pitch from the website", attachments=True)
    story = ArticlePage.objects.get(locale=home.locale, slug=LIVE_STORY)
    _make_live(loader, story, english=True)
    running = loader.article(home, _dated_now(RUNNING_STORY_EN))
    _add_running_updates(loader, running, english=True)
    _seed_views(home)


def russian(edition, home: Page) -> None:
    """Russian amounts, form labels and live updates (the pages were translated already)."""
    names = {amount: (name, text) for _f, amount, _n, _d, name, text in SUPPORT_TIERS}
    for page in SupportPage.objects.filter(locale=home.locale):
        tiers = list(page.tiers.all())
        if all(tier.name == names.get(tier.amount, (tier.name,))[0] for tier in tiers):
            continue
        for tier in tiers:
            tier.name, tier.description = names.get(tier.amount, (tier.name, tier.description))
        page.tiers = tiers
        page.save_revision().publish()
    labels = {name: ru for name, _t, _en, ru, _r in CONTACT_FIELDS + PITCH_FIELDS}
    for page in DeskFormPage.objects.filter(locale=home.locale, thank_you_text=""):
        fields = list(page.form_fields.all())
        for field in fields:
            field.label = labels.get(field.clean_name, field.label)
        page.form_fields = fields
        page.thank_you_text = RUSSIAN_TEXTS.get(page.slug, "")
        page.save_revision().publish()
    source = ArticlePage.objects.get(locale=edition.english.locale, slug=LIVE_STORY)
    story = source.get_translation_or_none(home.locale)
    if story is not None:
        _make_live(edition.loader, story.specific, english=False)
    running = edition.article(_dated_now(RUNNING_STORY_RU), home)
    _add_running_updates(edition.loader, running, english=False)
    _seed_views(home)


def _seed_views(home: Page) -> None:
    """Reader counts for a few stories over the last days, so that Popular has something
    to show on a fresh demo (real counts come from the beacon)."""
    if DailyViews.objects.filter(page__locale=home.locale).exists():
        return
    live = ArticlePage.objects.live().filter(locale=home.locale, is_live=True)
    newest = ArticlePage.objects.live().filter(locale=home.locale, is_live=False)
    # The live story leads, then recent stories in a mixed order rather than by date.
    others = sorted(newest.order_by("-first_published_at")[:8], key=lambda a: (a.pk % 5, a.pk))
    articles = [*live, *others]
    today = timezone.localdate()
    # The default edition has the larger readership; the others a fraction of it, varying
    # by day, so that Reports → Most read shows two editions of different size.
    share = 1.0 if home.locale.language_code == settings.LANGUAGE_CODE else 0.3
    DailyViews.objects.bulk_create(
        DailyViews(
            page=article,
            date=today - dt.timedelta(days=day),
            views=round((60 - 6 * rank) * 3 * share * (1 - 0.15 * day)) + article.pk % 7,
        )
        for rank, article in enumerate(articles)
        for day in range(3)
    )


def _upgrade(home: Page, slug: str, model, **fields) -> Page:
    """The page at ``slug`` as a ``model``: a StandardPage there is replaced in place (same
    position in the footer, same title, introduction and body)."""
    old = home.get_children().filter(slug=slug).specific().first()
    if isinstance(old, model):
        return old
    page = home.add_child(
        instance=model(
            slug=f"{slug}-new",
            title=old.title,
            intro=old.intro,
            body=old.body,
            show_in_menus=old.show_in_menus,
            locale=home.locale,
            **fields,
        )
    )
    page.move(Page.objects.get(pk=old.pk), pos="left")
    Page.objects.get(pk=old.pk).delete()
    page = model.objects.get(pk=page.pk)
    page.slug = slug
    page.save_revision().publish()
    return page


def _desk_form(home: Page, slug: str, fields: list, subject: str, attachments: bool) -> None:
    page = _upgrade(
        home,
        slug,
        DeskFormPage,
        to_address=DESK_EMAIL,
        subject=subject,
        accepts_attachments=attachments,
    )
    if not page.form_fields.exists():
        page.form_fields = [
            DeskFormField(
                clean_name=name,
                field_type=kind,
                label=label,
                required=required,
                sort_order=order,
            )
            for order, (name, kind, label, _ru, required) in enumerate(fields)
        ]
        page.save_revision().publish()


def _make_live(loader, story: ArticlePage, english: bool) -> None:
    """The 2023 story as a live story with its updates, its coverage ended with its last
    update. Updates are rows of their own (not in the page's revisions): a translation
    starts with none."""
    if not story.is_live:
        story.is_live = True
        published, last = story.first_published_at, story.last_published_at
        story.save_revision().publish()
        # Publishing stamps "now"; the demo's story keeps its own dates.
        ArticlePage.objects.filter(pk=story.pk).update(
            first_published_at=published, last_published_at=last or timezone.now()
        )
    if not story.live_updates.exists():
        authors = loader.authors
        LiveUpdate.objects.bulk_create(
            LiveUpdate(
                page=story,
                published_at=loader.aware(when),
                author=authors.get(author),
                is_key_event=key,
                headline=en_title if english else ru_title,
                body=f"<p>{en_text if english else ru_text}</p>",
                sort_order=order,
            )
            for order, (when, author, key, en_title, en_text, ru_title, ru_text) in enumerate(
                LIVE_UPDATES
            )
        )
    LiveCoverage.objects.get_or_create(
        page=story, defaults={"ended_at": loader.aware(LIVE_UPDATES[-1][0])}
    )


def _dated_now(data: dict) -> dict:
    """The running story's data, published three hours before the demo is loaded."""
    published = timezone.localtime() - dt.timedelta(hours=3)
    return {**data, "published": published.replace(tzinfo=None).isoformat(timespec="minutes")}


def _add_running_updates(loader, story: ArticlePage, english: bool) -> None:
    """The running story's updates, dated from now: it ends by itself once quiet for
    DATELINE_LIVE_QUIET_HOURS, like any live story."""
    if not story.is_live:
        published, last = story.first_published_at, story.last_published_at
        story.is_live = True
        story.save_revision().publish()
        ArticlePage.objects.filter(pk=story.pk).update(
            first_published_at=published, last_published_at=last
        )
    if story.live_updates.exists():
        return
    now = timezone.now()
    LiveUpdate.objects.bulk_create(
        LiveUpdate(
            page=story,
            published_at=now - dt.timedelta(minutes=minutes),
            author=loader.authors.get(author),
            is_key_event=key,
            headline=en_title if english else ru_title,
            body=f"<p>{en_text if english else ru_text}</p>",
        )
        for minutes, author, key, en_title, en_text, ru_title, ru_text in RUNNING_UPDATES
    )


# Demo logins that sign live updates: (username, author page slug, edition or None for
# every edition). The desk editors sign as the Caucasus editor of their own edition.
DESK_SIGNATURES = [
    ("admin", "aigerim-sadykova", None),
    ("en-editor", "nino-beridze", "en"),
    ("ru-editor", "nino-beridze", "ru"),
]


def sign_desk_accounts() -> None:
    """Link the demo's logins to author pages, so that their live updates are signed."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.in_bulk(
        [username for username, _slug, _edition in DESK_SIGNATURES], field_name="username"
    )
    for username, slug, edition in DESK_SIGNATURES:
        if username not in users:
            continue
        source = AuthorPage.objects.filter(slug=slug).first()
        if source is None:
            continue
        pages = AuthorPage.objects.filter(translation_key=source.translation_key, user=None)
        if edition:
            pages = pages.filter(locale__language_code=edition)
        pages.update(user=users[username])
