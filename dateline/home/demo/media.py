"""The demo's blogs, podcasts, video and visual story, in English and (partly) Russian.

Every sound, picture and video is made on this machine when the demo loads: episode audio
is a short chord synthesised here and encoded to MP3 with lameenc; the video is the
poster illustration turned into a few seconds of WebM by the ffmpeg that the
imageio-ffmpeg package ships. Nothing is downloaded. All text is the project's own.
"""

import datetime as dt
import math
import struct
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from dateline.core.illustrations import landscape_jpeg
from dateline.multimedia.models import (
    BlogAuthor,
    BlogPage,
    BlogPostPage,
    MediaSectionPage,
    MediaTag,
    PodcastEpisodePage,
    PodcastSeriesPage,
    VideoPage,
    VisualStoryPage,
)
from dateline.multimedia.services import make_photo_renditions
from dateline.news.models import ArticleAuthor, ArticleTag

SAMPLE_RATE = 22050
OWNER_EMAIL = "podcasts@example.org"

BLOGS = [
    {
        "slug": "kitchen-table",
        "title": "The Kitchen Table",
        "description": "Food, feasts and the traditions behind them, from the Black Sea to the Tien Shan. A blog about what people cook, and why it matters to them.",
        "authors": ["nino-beridze", "aigerim-sadykova"],
        "posts": [
            {
                "slug": "supra-the-georgian-feast-and-its-toastmaster",
                "title": "The supra: a Georgian feast and the art of its toastmaster",
                "standfirst": "At a Georgian table, the tamada decides when to drink and what to drink to. We sat through a six-hour supra in Kakheti to learn how the job is done.",
                "days_ago": 1,
                "authors": ["nino-beridze"],
                "terms": ["georgia", "caucasus", "arts-and-culture"],
                "body": [
                    "The table was laid before the guests arrived: bread from the clay oven, herbs by the handful, walnuts ground into everything. The wine came from the family's own qvevri, the clay jars buried in the cellar floor.",
                    "Levan, a retired teacher, was chosen as tamada, the toastmaster. His first toast was to peace, his second to the dead, his third to the children in the room. Nobody drank between toasts; that is the rule.",
                    "A good tamada, he said afterwards, reads the room. He shortens a toast when the food is getting cold and lengthens one when someone at the table needs to be honoured. The feast is a conversation he conducts.",
                    "Younger Georgians in Tbilisi hold shorter suppers now, and some skip the toasts altogether. In the villages of Kakheti the order of the toasts has barely changed in living memory.",
                ],
            },
            {
                "slug": "plov-at-dawn-in-tashkent",
                "title": "Plov at dawn: why Tashkent eats its rice before breakfast",
                "standfirst": "The morning plov of Uzbekistan's weddings and funerals is cooked in cauldrons big enough to feed a neighbourhood. We watched one being made before sunrise.",
                "days_ago": 4,
                "authors": ["aigerim-sadykova"],
                "terms": ["uzbekistan", "central-asia", "arts-and-culture"],
                "body": [
                    "By four in the morning the fire under the kazan was roaring. The oshpaz, the plov master, had been cutting carrots into long matchsticks since midnight.",
                    "Morning plov is served to men after the dawn prayer at weddings, and to mourners at funerals. Guests eat quickly and leave; the hosts may feed several hundred people before nine o'clock.",
                    "The order never changes: meat first, then onions and carrots, then chickpeas and whole heads of garlic, and the rice last, steamed under a lid until every grain is separate.",
                    "Restaurants in Tashkent now sell morning plov to office workers, by the plate, until it runs out. Most are empty by eleven.",
                ],
            },
            {
                "slug": "lavash-bakers-of-yerevan",
                "title": "The lavash bakers of Yerevan keep an old craft warm",
                "standfirst": "Armenian flatbread is on UNESCO's heritage list. In a basement bakery in Yerevan, three women still slap it onto the walls of a tonir by hand.",
                "days_ago": 9,
                "authors": ["nino-beridze"],
                "terms": ["armenia", "caucasus", "arts-and-culture"],
                "body": [
                    "The dough is rolled thin enough to read through, stretched over a cushion and pressed against the hot clay wall of the tonir, an oven sunk into the floor. Thirty seconds later it is done.",
                    "Anahit has baked lavash for twenty-two years. Her hands are scarred from the oven's rim; she says every baker's are.",
                    "Dried lavash keeps for months and softens again with a sprinkle of water, which is why families once baked it in bulk before winter. Supermarkets now sell it in plastic, machine-made.",
                ],
            },
        ],
    },
    {
        "slug": "front-lines",
        "title": "Front Lines",
        "description": "Armies, borders and the wars that shape the region: analysis of military and security affairs from our defence correspondents.",
        "authors": ["timur-rakhimov", "olena-marchenko"],
        "posts": [
            {
                "slug": "drones-change-the-mountain-war",
                "title": "How cheap drones changed war in the mountains",
                "standfirst": "Loitering munitions and commercial quadcopters have made ridgelines that once protected defenders into exposed ground. A look at what the last conflicts in the Caucasus taught both sides.",
                "days_ago": 0,
                "authors": ["timur-rakhimov"],
                "terms": ["nagorno-karabakh", "conflict-zones", "security"],
                "body": [
                    "For most of the last century, holding the high ground in the South Caucasus meant holding the advantage. Trenches dug into ridgelines could be defended by a few soldiers against many.",
                    "Drones reversed that logic. A position that can be seen from above can be struck from above, and a ridgeline offers little cover from a camera circling overhead for hours.",
                    "Military analysts point to three lessons: air defence must reach down to the smallest units; camouflage matters again; and supply routes, not front lines, are where armies are most vulnerable.",
                    "None of these lessons is new. What is new is the price: a quadcopter that can find a tank costs less than a month's salary for the soldier inside it.",
                ],
            },
            {
                "slug": "who-guards-central-asias-borders",
                "title": "Who guards Central Asia's borders now?",
                "standfirst": "Russian border troops left Tajikistan's Afghan frontier two decades ago, but Moscow's base remains. China, Turkey and the United States all offer training and equipment.",
                "days_ago": 6,
                "authors": ["timur-rakhimov"],
                "terms": ["tajikistan", "afghanistan", "central-asia", "security"],
                "body": [
                    "The border between Tajikistan and Afghanistan runs for more than 1,300 kilometres, much of it along the Panj river. Smugglers cross it on inflatable boats at night.",
                    "Tajikistan's own border guards patrol it with equipment from several donors. Their outposts carry the flags of the countries that paid for the watchtowers.",
                    "Officials in Dushanbe call this a balanced policy. Critics say it means no partner takes full responsibility when something goes wrong.",
                ],
            },
            {
                "slug": "conscription-debates-in-the-baltics",
                "title": "The Baltic states bring back the draft, and ask who should serve",
                "standfirst": "Lithuania and Latvia have restored conscription; Estonia never ended it. The debate now is about women, exemptions and whether reservists are trained often enough.",
                "days_ago": 12,
                "authors": ["olena-marchenko"],
                "terms": ["the-baltics", "eastern-europe", "security"],
                "body": [
                    "Latvia's first conscripts in more than a decade reported for duty in 2024. Officials had expected reluctance; instead, volunteers filled most places before the lottery was needed.",
                    "Estonia's model, in which most young men serve eight to eleven months and return for refresher training, is often cited as the example to follow.",
                    "The open question is women. Voluntary service is already possible in all three countries. Making it compulsory would need a political consensus that does not yet exist.",
                ],
            },
        ],
    },
]

SERIES = [
    {
        "slug": "the-weekly-ledger",
        "title": "The Weekly Ledger",
        "description": "Every Friday, our editors talk through the week's biggest stories from the Caucasus, Central Asia and Eastern Europe: what happened, why it matters and what to watch next.",
        "hosts": "Nino Beridze and Timur Rakhimov",
        "category": "News/Daily News",
        "chord": (220.0, 277.18, 329.63),
        "episodes": [
            {
                "slug": "weekly-ledger-ceasefires-and-elections",
                "title": "Ceasefires, elections and a very cold winter",
                "standfirst": "A ceasefire that holds for now, an election that may not, and a region bracing for energy shortages.",
                "days_ago": 1,
                "season": 2,
                "number": 14,
                "terms": ["caucasus", "politics"],
                "chapters": [
                    ("0:00", "Introduction"),
                    ("0:05", "The ceasefire"),
                    ("0:12", "The election"),
                    ("0:17", "Winter and energy"),
                ],
            },
            {
                "slug": "weekly-ledger-water-and-borders",
                "title": "Water, borders and the summer ahead",
                "standfirst": "Why Central Asia's rivers are at the centre of its border disputes, and what a dry summer could mean.",
                "days_ago": 8,
                "season": 2,
                "number": 13,
                "terms": ["central-asia", "environment"],
                "chapters": [
                    ("0:00", "Introduction"),
                    ("0:08", "The rivers"),
                    ("0:15", "What to watch"),
                ],
            },
        ],
    },
    {
        "slug": "in-conversation",
        "title": "In Conversation",
        "description": "Long interviews with the people who know the region best: historians, economists, diplomats and reporters, in conversation with our correspondents.",
        "hosts": "Olena Marchenko",
        "category": "News/Politics",
        "chord": (196.0, 246.94, 293.66),
        "episodes": [
            {
                "slug": "in-conversation-sanctions-economist",
                "title": "An economist on sanctions and the migrants caught in them",
                "standfirst": "How sanctions on Russia changed the remittances that millions of families in Central Asia rely on.",
                "days_ago": 3,
                "season": 1,
                "number": 6,
                "terms": ["tajikistan", "economy"],
                "chapters": [],
            },
            {
                "slug": "in-conversation-historian-of-borders",
                "title": "A historian on how Soviet maps still divide the Fergana valley",
                "standfirst": "Lines drawn in the 1920s still decide which village gets water. A historian explains how.",
                "days_ago": 17,
                "season": 1,
                "number": 5,
                "terms": ["kyrgyzstan", "central-asia", "politics"],
                "chapters": [("0:00", "The maps"), ("0:10", "The enclaves")],
            },
        ],
    },
    {
        "slug": "steppe-studies",
        "title": "Steppe Studies",
        "description": "A series on Central Asian studies: new research on the region's history, languages and societies, explained by the scholars who did it.",
        "hosts": "Aigerim Sadykova",
        "category": "Education",
        "chord": (261.63, 329.63, 392.0),
        "episodes": [
            {
                "slug": "steppe-studies-nomad-archives",
                "title": "Reading the archives of a nomadic empire",
                "standfirst": "What letters, tax records and travellers' accounts tell us about the Kazakh khanates.",
                "days_ago": 5,
                "season": 1,
                "number": 3,
                "terms": ["kazakhstan", "society"],
                "chapters": [],
            },
            {
                "slug": "steppe-studies-languages-on-the-move",
                "title": "Languages on the move: Russian, Kazakh and the switch in between",
                "standfirst": "A linguist on how families in Almaty choose which language to speak at home.",
                "days_ago": 20,
                "season": 1,
                "number": 2,
                "terms": ["kazakhstan", "central-asia", "society"],
                "chapters": [],
            },
        ],
    },
]

VIDEO = {
    "slug": "glacier-survey-in-the-tien-shan",
    "title": "On the ice: a glacier survey in the Tien Shan",
    "standfirst": "Scientists from Bishkek measure how fast the glaciers that feed Central Asia's rivers are shrinking. Our camera went with them.",
    "description": "Every August, a team of glaciologists climbs to the Golubina glacier to read the stakes they drilled into the ice a year earlier. The difference tells them how much ice has melted.",
    "captions": [
        ("00:00:00.000", "00:00:02.500", "The Golubina glacier, above Bishkek, in August."),
        ("00:00:02.500", "00:00:05.000", "Each stake in the ice marks last year's surface."),
        ("00:00:05.000", "00:00:06.000", "This year, the ice is lower again."),
    ],
    "terms": ["kyrgyzstan", "central-asia", "environment"],
}
EXTERNAL_VIDEO = {
    "slug": "explainer-the-middle-corridor",
    "title": "Explainer: the Middle Corridor from China to Europe",
    "standfirst": "A five-minute guide to the trade route that avoids Russia, and the ports, railways and customs posts it depends on.",
    "url": "https://www.youtube.com/watch?v=dateline-demo",
    "terms": ["kazakhstan", "eurasian-fringe", "economy"],
}
VISUAL_STORY = {
    "slug": "a-winter-on-the-aral-sea",
    "title": "A winter on the North Aral Sea",
    "standfirst": "The sea that was written off is coming back, at least in the north. Photographs from a fishing village that now has fish again.",
    "credits": "Farida Nazarova",
    "terms": ["kazakhstan", "central-asia", "environment"],
    "blocks": [
        (
            "photo",
            "Dawn over the ice at Tastubek, where the shore has moved back towards the village.",
        ),
        (
            "text",
            "Twenty years ago the water was a day's walk from the village. Since a dam closed off the northern part of the sea, it has crept back.",
        ),
        ("photo", "Fishermen cut holes in the ice to set their nets before the sun is up."),
        ("photo", "Pike-perch and bream are sorted on the ice and loaded onto sledges."),
        (
            "text",
            "The catch goes by lorry to Aralsk, and from there by rail to buyers as far away as Georgia.",
        ),
        ("photo", "The old harbour cranes at Aralsk still stand on what was once the quay."),
        (
            "photo",
            "Evening in Tastubek: the village's population has grown for the first time in decades.",
        ),
    ],
}

RUSSIAN = {
    "blog": {
        "source": "kitchen-table",
        "title": "Кухонный стол",
        "description": "Еда, застолья и традиции за ними — от Черного моря до Тянь-Шаня. Блог о том, что люди готовят и почему это для них важно.",
        "post": {
            "source": "supra-the-georgian-feast-and-its-toastmaster",
            "slug": "supra-gruzinskoe-zastole-i-ego-tamada",
            "title": "Супра: грузинское застолье и искусство тамады",
            "standfirst": "За грузинским столом тамада решает, когда пить и за что. Мы провели шесть часов на супре в Кахетии, чтобы понять, как устроена эта работа.",
            "body": [
                "Стол накрыли до прихода гостей: хлеб из глиняной печи, зелень пучками, грецкие орехи почти в каждом блюде. Вино было из семейных квеври — глиняных кувшинов, закопанных в пол марани.",
                "Тамадой выбрали Левана, учителя на пенсии. Первый тост он поднял за мир, второй — за ушедших, третий — за детей, которые сидели за столом. Между тостами никто не пьет, таково правило.",
                "Хороший тамада, сказал он потом, чувствует стол. Он сокращает тост, когда остывает еда, и продлевает его, когда кого-то из гостей нужно почтить. Застолье — это разговор, которым он дирижирует.",
            ],
        },
    },
    "series": {
        "source": "the-weekly-ledger",
        "title": "Недельная сводка",
        "description": "Каждую пятницу наши редакторы обсуждают главные события недели на Кавказе, в Центральной Азии и Восточной Европе: что произошло, почему это важно и чего ждать дальше.",
        "hosts": "Нино Беридзе и Тимур Рахимов",
        "episode": {
            "slug": "nedelnaya-svodka-peremirie-i-vybory",
            "title": "Перемирие, выборы и очень холодная зима",
            "standfirst": "Перемирие, которое пока держится, выборы, которые могут не состояться, и регион, готовящийся к нехватке энергии.",
            "season": 2,
            "number": 14,
            "terms": ["caucasus", "politics"],
        },
    },
}


# Sound and pictures made here ----------------------------------------------------------


def chord_mp3(frequencies: tuple[float, ...], seconds: float = 20.0) -> bytes:
    """A soft chord with fade in and out, as a mono 64 kbit/s MP3."""
    import lameenc

    count = int(SAMPLE_RATE * seconds)
    fade = SAMPLE_RATE // 2
    samples = bytearray()
    for i in range(count):
        t = i / SAMPLE_RATE
        value = sum(math.sin(2 * math.pi * f * t) for f in frequencies) / len(frequencies)
        # A slow swell every four seconds, so that the episode is not one flat tone.
        value *= 0.55 + 0.25 * math.sin(2 * math.pi * t / 4)
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples += struct.pack("<h", int(value * envelope * 12000))
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(5)
    return bytes(encoder.encode(bytes(samples)) + encoder.flush())


def poster_webm(poster: bytes, seconds: int = 6) -> bytes | None:
    """A few seconds of WebM (VP8) showing the poster with a slow zoom, or None when no
    ffmpeg is at hand (the video page then links out only)."""
    try:
        import imageio_ffmpeg

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "poster.jpg"
        target = Path(folder) / "video.webm"
        source.write_bytes(poster)
        command = [
            ffmpeg,
            "-loglevel",
            "error",
            "-y",
            "-loop",
            "1",
            "-i",
            str(source),
            "-vf",
            "scale=1280:720,zoompan=z='1+0.0015*on':d=1:s=640x360:fps=12,format=yuv420p",
            "-t",
            str(seconds),
            "-c:v",
            "libvpx",
            "-b:v",
            "400k",
            "-an",
            str(target),
        ]
        result = subprocess.run(command, capture_output=True, timeout=120)
        if result.returncode != 0 or not target.exists():
            return None
        return target.read_bytes()


def webvtt(cues: list[tuple[str, str, str]]) -> bytes:
    lines = ["WEBVTT", ""]
    for start, end, text in cues:
        lines += [f"{start} --> {end}", text, ""]
    return "\n".join(lines).encode()


# Loading -------------------------------------------------------------------------------


class MediaLoader:
    def __init__(self, english, home: Page):
        self.english = english  # the DemoLoader: its terms, authors, images and helpers
        self.home = home
        self.now = timezone.now().replace(second=0, microsecond=0)

    def load(self) -> None:
        sections = {
            s.slug: s
            for s in MediaSectionPage.objects.child_of(self.home).filter(locale=self.home.locale)
        }
        blogs = [self.blog(sections["blogs"], data) for data in BLOGS]
        series = [self.series(sections["podcasts"], data) for data in SERIES]
        self.video(sections["video"])
        self.external_video(sections["video"])
        self.visual_story(sections["visual-stories"])
        self.english.log(f"Media: {len(blogs)} blogs, {len(series)} podcast series.")
        self.russian()

    def document(self, title: str, filename: str, make) -> object:
        Document = get_document_model()
        existing = Document.objects.filter(file__endswith=f"/{filename}").first()
        if existing is not None:
            return existing
        content = make()
        if content is None:
            return None
        document = Document(title=title)
        document.file.save(filename, ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
        return document

    def dated(self, page: Page, days_ago: int) -> Page:
        page.save_revision().publish()
        when = self.now - dt.timedelta(days=days_ago, hours=2)
        Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
        page.refresh_from_db()
        return page

    def existing(self, parent: Page, model, slug: str):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def tag(self, page: Page, slugs: list[str], terms: dict) -> None:
        for order, slug in enumerate(slugs):
            page.media_tags.add(MediaTag(term=terms[slug], sort_order=order))

    # English -------------------------------------------------------------------------

    def blog(self, section: Page, data: dict) -> BlogPage:
        blog = self.existing(section, BlogPage, data["slug"])
        if blog is None:
            image = self.english.image(
                data["title"],
                f"blog-{data['slug']}.jpg",
                lambda: landscape_jpeg(data["slug"], 800, 800),
            )
            blog = BlogPage(
                title=data["title"],
                slug=data["slug"],
                description=data["description"],
                image=image,
                locale=self.home.locale,
            )
            for order, slug in enumerate(data["authors"]):
                blog.blog_authors.add(
                    BlogAuthor(author=self.english.authors[slug], sort_order=order)
                )
            section.add_child(instance=blog)
            self.dated(blog, 30)
        for post in data["posts"]:
            self.post(blog, post)
        return blog

    def post(self, blog: BlogPage, data: dict) -> BlogPostPage:
        post = self.existing(blog, BlogPostPage, data["slug"])
        if post is not None:
            return post
        image = self.english.image(
            data["title"], f"{data['slug']}.jpg", lambda: landscape_jpeg(data["slug"])
        )
        post = BlogPostPage(
            title=data["title"],
            slug=data["slug"],
            standfirst=data["standfirst"],
            lead_image=image,
            lead_image_caption=data["title"],
            lead_image_credit="Illustration: Borderland Ledger",
            body=[("paragraph", RichText(f"<p>{text}</p>")) for text in data["body"]],
            locale=self.home.locale,
        )
        for order, slug in enumerate(data["authors"]):
            post.authors.add(ArticleAuthor(author=self.english.authors[slug], sort_order=order))
        for order, slug in enumerate(data["terms"]):
            post.tags.add(ArticleTag(term=self.english.terms[slug], sort_order=order))
        blog.add_child(instance=post)
        return self.dated(post, data["days_ago"])

    def series(self, section: Page, data: dict) -> PodcastSeriesPage:
        series = self.existing(section, PodcastSeriesPage, data["slug"])
        if series is None:
            cover = self.english.image(
                f"{data['title']} cover art",
                f"podcast-{data['slug']}.jpg",
                lambda: landscape_jpeg(f"podcast-{data['slug']}", 1400, 1400),
            )
            series = PodcastSeriesPage(
                title=data["title"],
                slug=data["slug"],
                description=data["description"],
                cover_image=cover,
                category=data["category"],
                hosts=data["hosts"],
                owner_name="Borderland Ledger podcasts",
                owner_email=OWNER_EMAIL,
                locale=self.home.locale,
            )
            section.add_child(instance=series)
            self.dated(series, 60)
        for episode in data["episodes"]:
            self.episode(series, episode, data)
        return series

    def episode(self, series: PodcastSeriesPage, data: dict, series_data: dict, terms=None):
        episode = self.existing(series, PodcastEpisodePage, data["slug"])
        if episode is not None:
            return episode
        # Each episode its own chord: the series' chord, moved up by the episode number.
        shift = 2 ** ((data["number"] % 5) / 12)
        chord = tuple(f * shift for f in series_data["chord"])
        audio = self.document(data["title"], f"{data['slug']}.mp3", lambda: chord_mp3(chord))
        notes = (
            f"<p>Hosted by {series_data['hosts']}. The audio of this demo episode is a chord "
            "made for the demo.</p>"
        )
        episode = PodcastEpisodePage(
            title=data["title"],
            slug=data["slug"],
            standfirst=data["standfirst"],
            audio=audio,
            season_number=data["season"],
            episode_number=data["number"],
            show_notes=data.get("notes", notes),
            transcript=data.get("transcript", transcript_for(data, series_data)),
            chapters=[
                ("chapter", {"start": start, "title": title})
                for start, title in data.get("chapters", [])
            ],
            locale=series.locale,
        )
        self.tag(episode, data["terms"], terms or self.english.terms)
        series.add_child(instance=episode)
        return self.dated(episode, data.get("days_ago", 1))

    def video(self, section: Page) -> VideoPage | None:
        existing = self.existing(section, VideoPage, VIDEO["slug"])
        if existing is not None:
            return existing
        poster_bytes = landscape_jpeg(VIDEO["slug"], 1280, 720)
        poster = self.english.image(VIDEO["title"], f"{VIDEO['slug']}.jpg", lambda: poster_bytes)
        video_file = self.document(
            VIDEO["title"], f"{VIDEO['slug']}.webm", lambda: poster_webm(poster_bytes)
        )
        captions = self.document(
            f"{VIDEO['title']} (captions)",
            f"{VIDEO['slug']}.vtt",
            lambda: webvtt(VIDEO["captions"]),
        )
        page = VideoPage(
            title=VIDEO["title"],
            slug=VIDEO["slug"],
            standfirst=VIDEO["standfirst"],
            lead_image=poster,
            lead_image_alt="A survey team walks in single file across a grey glacier below rocky peaks.",
            video=video_file,
            captions=captions if video_file else None,
            external_url=""
            if video_file
            else "https://www.youtube.com/watch?v=dateline-demo-glacier",
            duration=6,
            description=f"<p>{VIDEO['description']}</p>",
            transcript="\n\n".join(text for _, _, text in VIDEO["captions"]),
            locale=self.home.locale,
        )
        self.tag(page, VIDEO["terms"], self.english.terms)
        section.add_child(instance=page)
        return self.dated(page, 2)

    def external_video(self, section: Page) -> VideoPage:
        existing = self.existing(section, VideoPage, EXTERNAL_VIDEO["slug"])
        if existing is not None:
            return existing
        data = EXTERNAL_VIDEO
        poster = self.english.image(
            data["title"], f"{data['slug']}.jpg", lambda: landscape_jpeg(data["slug"], 1280, 720)
        )
        page = VideoPage(
            title=data["title"],
            slug=data["slug"],
            standfirst=data["standfirst"],
            lead_image=poster,
            external_url=data["url"],
            duration=300,
            locale=self.home.locale,
        )
        self.tag(page, data["terms"], self.english.terms)
        section.add_child(instance=page)
        return self.dated(page, 10)

    def visual_story(self, section: Page) -> VisualStoryPage:
        existing = self.existing(section, VisualStoryPage, VISUAL_STORY["slug"])
        if existing is not None:
            return existing
        data = VISUAL_STORY
        body = []
        for index, (kind, text) in enumerate(data["blocks"]):
            if kind == "text":
                body.append(("text", RichText(f"<p>{text}</p>")))
                continue
            image = self.english.image(
                text,
                f"{data['slug']}-{index}.jpg",
                lambda i=index: landscape_jpeg(f"{data['slug']}-{i}", 2000, 1125),
            )
            body.append(
                (
                    "photo",
                    {
                        "image": image,
                        "caption": text,
                        "credit": f"Photo: {data['credits']}",
                        "alt": "",
                    },
                )
            )
        cover = body[0][1]["image"]
        page = VisualStoryPage(
            title=data["title"],
            slug=data["slug"],
            standfirst=data["standfirst"],
            credits=data["credits"],
            lead_image=cover,
            body=body,
            locale=self.home.locale,
        )
        self.tag(page, data["terms"], self.english.terms)
        section.add_child(instance=page)
        make_photo_renditions(page)
        return self.dated(page, 3)

    # Russian -------------------------------------------------------------------------

    def russian(self) -> None:
        """A Russian blog post and a Russian podcast episode, in translated containers."""
        locale = Locale.objects.filter(language_code="ru").first()
        if locale is None:
            return
        data = RUSSIAN["blog"]
        blog = BlogPage.objects.get(locale=self.home.locale, slug=data["source"])
        ru_blog = self.translate(blog, locale, title=data["title"], description=data["description"])
        if ru_blog is None:
            return
        post_data = data["post"]
        if not BlogPostPage.objects.child_of(ru_blog).filter(slug=post_data["slug"]).exists():
            source = BlogPostPage.objects.get(locale=self.home.locale, slug=post_data["source"])
            post = source.copy_for_translation(locale)
            post.title = post_data["title"]
            post.slug = post_data["slug"]
            post.standfirst = post_data["standfirst"]
            post.lead_image_caption = post_data["title"]
            post.lead_image_credit = "Иллюстрация: Borderland Ledger"
            post.body = [("paragraph", RichText(f"<p>{text}</p>")) for text in post_data["body"]]
            post.save()
            self.dated(post, 1)  # publishing points the copied tags at Russian terms

        data = RUSSIAN["series"]
        series = PodcastSeriesPage.objects.get(locale=self.home.locale, slug=data["source"])
        ru_series = self.translate(
            series,
            locale,
            title=data["title"],
            description=data["description"],
            hosts=data["hosts"],
        )
        terms = {}
        for slug in data["episode"]["terms"]:
            term = self.english.terms[slug].get_translation_or_none(locale)
            terms[slug] = term or self.english.terms[slug]
        source_series = next(s for s in SERIES if s["slug"] == data["source"])
        self.episode(
            ru_series,
            {
                **data["episode"],
                "days_ago": 1,
                "notes": f"<p>Ведущие: {data['hosts']}. Звук этого демонстрационного выпуска — аккорд, созданный для демо.</p>",
                "transcript": "Это демонстрационный выпуск. Вместо речи в нем звучит аккорд, созданный при загрузке демо.",
            },
            {**source_series, "hosts": data["hosts"]},
            terms=terms,
        )

    def translate(self, page: Page, locale: Locale, **fields) -> Page | None:
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        if page.get_parent().get_translation_or_none(locale) is None:
            return None
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        return translation


def transcript_for(data: dict, series: dict) -> str:
    return (
        f"[A chord plays.]\n\n"
        f"This is a demonstration episode of {series['title']}: “{data['title']}”. "
        f"{data['standfirst']}\n\n"
        "In place of speech, the demo loader plays a chord generated on your machine, so that "
        "the episode can be played, downloaded and read by podcast apps without any recording."
    )


def load(english, home: Page) -> None:
    """Blogs, podcasts, video and a visual story for the demo; loading twice adds nothing."""
    MediaLoader(english, home).load()
