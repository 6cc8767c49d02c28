"""The archive import at scale: a generated WordPress export of N posts imported twice.

Usage: .venv/bin/python bench/import.py [--count 100000] [--keep-file]
       (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/dateline_importbench)

Builds the database on first use (migrate, load_demo: the imported posts' tags are the
demo's places and topics, with some that match nothing) and empties earlier runs' imports
(their pages, redirects and keys). Writes a WXR file of ``--count`` posts with realistic
bodies (classic and block markup, a [caption] image every third post, a YouTube embed
every tenth, links to earlier posts), a featured image from a pool of 40 uploads, two or
three tags, one of 12 authors, and a comment every fifth post; then runs `dateline import
wordpress` on it in a process of its own and prints the time, the rate, the peak RSS and the RSS
sampled through the run (flat is the goal), the errors, and the same for a second run
(all unchanged, nothing created). Targets (issue #19): 100,000 posts in under 15 minutes,
peak memory under 400 MB, 0 errors.
"""

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
WORK = Path("/tmp/dateline-import-bench")
PLACES = ["Kazakhstan", "Georgia", "Armenia", "Uzbekistan", "Kyrgyzstan", "Azerbaijan"]
TOPICS = ["Politics", "Economy", "Environment", "Society", "Grain harvest", "Rail freight"]
SUBJECTS = ["Mountain road", "Wheat price", "River level", "City council", "Night train",
            "Power line", "School year", "Border queue", "Bread bakery", "Bus fleet"]  # fmt: skip
VERBS = ["reopens", "doubles", "falls again", "meets in public", "returns", "is rebuilt",
         "starts late", "grows longer", "changes hands", "gets new buses"]  # fmt: skip
WORDS = [
    "residents", "said", "the", "change", "came", "without", "warning", "and", "officials",
    "promised", "a", "fuller", "answer", "by", "the", "end", "of", "the", "month", "while",
    "traders", "counted", "the", "cost", "of", "the", "delay", "and", "drivers", "waited",
    "at", "the", "checkpoint", "through", "the", "night",
]  # fmt: skip


def rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def write_export(path: Path, uploads: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    uploads.mkdir(parents=True, exist_ok=True)
    from PIL import Image

    for number in range(40):
        picture = uploads / "2020" / "01" / f"photo-{number}.jpg"
        if not picture.exists():
            picture.parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (320, 180), (number * 6, 120, 200 - number * 4)).save(picture)
    host = "https://archive.example.org"
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Archive</title><link>{host}</link><wp:wxr_version>1.2</wp:wxr_version>\n"
            f"<wp:base_site_url>{host}</wp:base_site_url>\n"
        )
        for number in range(12):
            out.write(
                f"<wp:author><wp:author_id>{number + 1}</wp:author_id><wp:author_login>"
                f"writer{number}</wp:author_login><wp:author_display_name>Writer Number "
                f"{number}</wp:author_display_name></wp:author>\n"
            )
        for number in range(40):
            out.write(
                f"<item><title>Photo {number}</title><wp:post_id>{900000 + number}</wp:post_id>"
                "<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                f"<wp:attachment_url>{host}/wp-content/uploads/2020/01/photo-{number}.jpg"
                "</wp:attachment_url><excerpt:encoded><![CDATA[A generated photograph.]]>"
                "</excerpt:encoded></item>\n"
            )
        for post in range(1, count + 1):
            title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {post}"
            slug = title.lower().replace(" ", "-")
            paragraphs = [sentence(rng) + " " + sentence(rng) for _ in range(rng.randint(5, 12))]
            if post % 2:
                body = "".join(
                    f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->\n"
                    for p in paragraphs
                )
            else:
                body = "\n\n".join(paragraphs)
            if post % 3 == 0:
                photo = rng.randrange(40)
                body += (
                    f'\n\n[caption id="attachment_{900000 + photo}" width="320"]<img src="{host}'
                    f'/wp-content/uploads/2020/01/photo-{photo}-300x169.jpg" alt="A photo" />'
                    " A caption for the photograph.[/caption]"
                )
            if post % 10 == 0:
                body += "\n\nhttps://www.youtube.com/watch?v=abcdefghijk"
            if post > 1:
                earlier = rng.randint(1, post - 1)
                body += f'\n\nSee <a href="{host}/?p={earlier}">an earlier story</a>.'
            tags = [rng.choice(PLACES), rng.choice(TOPICS)]
            if rng.random() < 0.3:
                tags.append(f"Local issue {rng.randint(1, 50)}")
            categories = "".join(
                f'<category domain="post_tag" nicename="{t.lower().replace(" ", "-")}">'
                f"<![CDATA[{t}]]></category>"
                for t in tags
            )
            comment = (
                "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>"
                "<![CDATA[A reader's comment.]]></wp:comment_content></wp:comment>"
                if post % 5 == 0
                else ""
            )
            day = f"20{10 + post % 14:02d}-{1 + post % 12:02d}-{1 + post % 28:02d}"
            out.write(
                f"<item><title>{escape(title)}</title><link>{host}/{day[:4]}/{slug}/</link>"
                f"<dc:creator>writer{post % 12}</dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[{paragraphs[0]}]]></excerpt:encoded>"
                f"<wp:post_id>{post}</wp:post_id><wp:post_date>{day} 09:00:00</wp:post_date>"
                f"<wp:post_date_gmt>{day} 06:00:00</wp:post_date_gmt>"
                f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_type>post</wp:post_type>{categories}"
                "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>"
                f"{900000 + post % 40}</wp:meta_value></wp:postmeta>{comment}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def run_import(path: Path, uploads: Path, report: Path) -> dict:
    """`dateline import wordpress` in its own process, as a newsroom runs it, its RSS read
    every half second."""
    command = [
        str(Path(sys.executable).parent / "dateline"), "import", "--verbosity", "0",
        "wordpress", str(path), "--media-dir", str(uploads), "--no-progress",
        "--report", str(report), "--unmapped", "topic",
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command)
    samples = []
    while process.poll() is None:
        with contextlib.suppress(OSError, IndexError):  # the process may just have ended
            samples.append(rss_mb(process.pid))
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"the import failed (exit {process.returncode})")
    data = json.loads(report.read_text())
    return {"seconds": seconds, "samples": samples, "report": data}


def show(label: str, run: dict, count: int) -> None:
    counts = run["report"]["counts"]
    samples = run["samples"] or [rss_mb()]
    tenth = max(1, len(samples) // 10)
    profile = " ".join(f"{s:.0f}" for s in samples[::tenth])
    print(
        f"{label}: {run['seconds']:.1f} s ({count / run['seconds']:.0f} posts/s); "
        f"created {counts['created']}, updated {counts['updated']}, unchanged "
        f"{counts['unchanged']}, failed {counts['failed']}; redirects {counts['redirects']}; "
        f"media imported {counts['media_imported']}, reused {counts['media_reused']}, missing "
        f"{counts['media_missing']}"
    )
    print(f"  RSS MB: peak {max(samples):.0f}; through the run: {profile}")
    for error in run["report"].get("errors", [])[:5]:
        print(f"  error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep-file", action="store_true", help="reuse the generated export")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dateline_importbench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.dev")
    os.environ.setdefault("DATELINE_VAR_DIR", str(WORK / "var"))
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))
    from search import _create_database

    _create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Page

    from dateline.home.models import HomePage
    from dateline.imports.models import ImportedItem, ImportedMedia, ImportRun

    call_command("migrate", verbosity=0)
    if not HomePage.objects.exists():
        print("loading the demo newsroom (once)...")
        with contextlib.redirect_stdout(io.StringIO()):  # its log names the admin's password
            call_command("load_demo", verbosity=0)
    # Start from a clean slate: earlier runs' pages, redirects and keys go.
    imported = ImportedItem.objects.filter(source="https://archive.example.org")
    Page.objects.filter(pk__in=imported.exclude(kind="author").values("page_id")).delete()
    imported.delete()
    Redirect.objects.all().delete()
    ImportedMedia.objects.all().delete()
    ImportRun.objects.all().delete()

    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"export-{args.count}.xml"
    uploads = WORK / "uploads"
    if not (args.keep_file and path.exists()):
        started = time.perf_counter()
        write_export(path, uploads, args.count)
        size = path.stat().st_size / 1024 / 1024
        print(f"wrote {path} ({size:.0f} MB) in {time.perf_counter() - started:.0f} s")
    print(f"database: {django.db.connection.vendor}")
    first = run_import(path, uploads, WORK / "report-1.json")
    show("first run", first, args.count)
    second = run_import(path, uploads, WORK / "report-2.json")
    show("second run", second, args.count)
    rate = args.count / first["seconds"]
    print(f"at this rate, 100,000 posts take {100_000 / rate / 60:.0f} min (first run)")
    if not args.keep_file:
        path.unlink()
        shutil.rmtree(uploads, ignore_errors=True)


if __name__ == "__main__":
    main()
