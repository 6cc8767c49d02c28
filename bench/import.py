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
sampled through the run (flat is the goal), the SQL statements a post (and the most
frequent kinds), the CPU seconds of the import and of its database connection, the errors,
and the same for a second run on the same export with every post changed (all updated,
nothing created) and a third on it again (all unchanged). ``--profile FILE`` keeps the
runs' cProfile statistics in CPU time, the machine being shared (``python -m pstats FILE``;
the second's and third's in ``FILE.2`` and ``FILE.3``); ``--work-dir`` puts the files
elsewhere than /tmp/dateline-import-bench; ``IMPORT_BENCH_TRACE=1`` prints what grew in
memory through each run (tracemalloc). Targets (issue #19): 100,000 posts (about 1 GB)
in under 15 minutes, peak memory under 400 MB, 0 errors.
"""

import argparse
import collections
import contextlib
import io
import json
import os
import random
import resource
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


def write_export(
    path: Path, uploads: Path, count: int, seed: int = 1, edited: bool = False
) -> None:
    """The export; ``edited``: the same posts, each with one more paragraph (so that a run
    after the first updates every one)."""
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
            # A story of 800-1,600 words (about 9 KB a post with its markup: 1 GB for 100,000),
            # with a subheading every eighth paragraph.
            paragraphs = [
                " ".join(sentence(rng) for _ in range(rng.randint(3, 4)))
                for _ in range(rng.randint(16, 32))
            ]
            if post % 2:
                body = "".join(
                    (
                        "<!-- wp:heading -->\n<h2>What comes next</h2>\n<!-- /wp:heading -->\n"
                        if n and n % 8 == 0
                        else ""
                    )
                    + f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->\n"
                    for n, p in enumerate(paragraphs)
                )
            else:
                body = "\n\n".join(
                    ("<h2>What comes next</h2>\n\n" if n and n % 8 == 0 else "") + p
                    for n, p in enumerate(paragraphs)
                )
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
            if edited:
                body += "\n\nThis story was corrected after publication."
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


def run_import(path: Path, uploads: Path, report: Path, profile: Path | None = None) -> dict:
    """`dateline import wordpress` in its own process, as a newsroom runs it (through
    ``child`` below, which counts its SQL statements), its RSS read every half second."""
    command = [
        sys.executable, __file__, "--child", str(report), "--", "import", "--verbosity", "0",
        "wordpress", str(path), "--media-dir", str(uploads), "--no-progress",
        "--report", str(report), "--unmapped", "topic",
    ]  # fmt: skip
    if profile is not None:
        command[2:2] = ["--profile", str(profile)]
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
    counted = json.loads(report.with_suffix(".queries").read_text())
    return {"seconds": seconds, "samples": samples, "report": data, **counted}


def child(report: Path, arguments: list[str], profile: str | None) -> None:
    """The import itself, with every SQL statement counted (saved beside the report)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    counted = {"queries": 0}
    shapes: collections.Counter = collections.Counter()

    def count(execute, sql, params, many, context):
        counted["queries"] += 1
        shape = " ".join(sql.split()[:4])[:70]  # e.g. SELECT "wagtailcore_page"."id", ...
        shapes[shape.split('"')[0] if shape.startswith(("SAVEPOINT", "RELEASE")) else shape] += 1
        return execute(sql, params, many, context)

    if os.environ.get("IMPORT_BENCH_TRACE"):
        _trace_memory()
    with connection.execute_wrapper(count):
        with connection.cursor() as cursor:  # the database's own process, whose CPU counts
            cursor.execute(
                "SELECT pg_backend_pid()" if connection.vendor == "postgresql" else "SELECT 0"
            )
            backend = cursor.fetchone()[0]
        if profile:
            import cProfile

            profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
            profiler.runcall(call_command, *arguments)
            profiler.dump_stats(profile)
        else:
            call_command(*arguments)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    counted["cpu"] = usage.ru_utime + usage.ru_stime
    counted["database_cpu"] = _process_cpu(backend) if backend else 0
    counted["shapes"] = shapes.most_common(8)
    report.with_suffix(".queries").write_text(json.dumps(counted))


def _trace_memory() -> None:
    """What grows from the third batch to the end of the run (``IMPORT_BENCH_TRACE=1``: the
    ten largest growths by line, on stderr; tracemalloc slows the run down)."""
    import atexit
    import tracemalloc

    from dateline.imports.pipeline.importer import Importer

    tracemalloc.start(5)
    batch = Importer.import_batch
    taken = {}

    def traced(self, items, force=False):
        batch(self, items, force)
        taken["batches"] = taken.get("batches", 0) + 1
        if taken["batches"] == 3:
            taken["start"] = tracemalloc.take_snapshot()

    def growth():
        if "start" in taken:
            for stat in tracemalloc.take_snapshot().compare_to(taken["start"], "lineno")[:10]:
                print(f"  grew: {stat}", file=sys.stderr)

    Importer.import_batch = traced
    atexit.register(growth)


def _process_cpu(pid: int) -> float:
    """CPU seconds (user and system) a process has used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    print(
        f"  RSS MB: peak {max(samples):.0f}; through the run: {profile}; "
        f"SQL statements: {run['queries']} ({run['queries'] / count:.1f} a post)"
    )
    cpu = run["cpu"] + run["database_cpu"]
    print(
        f"  CPU s: import {run['cpu']:.0f} + its database connection {run['database_cpu']:.0f}"
        f" = {cpu:.0f} ({count / cpu:.0f} posts per CPU second; the load average was "
        f"{os.getloadavg()[0]:.1f} at the end)"
    )
    for shape, number in run.get("shapes", []):
        print(f"    {number / count:5.2f} a post: {shape}")
    for error in run["report"].get("errors", [])[:5]:
        print(f"  error: {error}")


@contextlib.contextmanager
def _signals_muted():
    from django.db.models.signals import post_delete, pre_delete

    kept = [(signal, signal.receivers) for signal in (pre_delete, post_delete)]
    for signal, _ in kept:
        signal.receivers = []
        signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in kept:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def _nth(profile: Path | None, run: int) -> Path | None:
    """Where the ``run``th run's statistics go: beside the first's, numbered."""
    return profile.with_name(f"{profile.name}.{run}") if profile is not None else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep-file", action="store_true", help="reuse the generated export")
    parser.add_argument("--profile", help="the runs' CPU profiles: FILE, FILE.2, FILE.3")
    parser.add_argument("--work-dir", type=Path, default=WORK, help=f"files here ({WORK})")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # the import's own process
    args, rest = parser.parse_known_args()
    work = args.work_dir
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dateline_importbench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.dev")
    os.environ.setdefault("DATELINE_VAR_DIR", str(work / "var"))
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))
    if args.child:
        child(Path(args.child), [a for a in rest if a != "--"], args.profile)
        return
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
    with _signals_muted():  # deleting 100,000 pages one signal at a time would take hours
        Page.objects.filter(pk__in=imported.exclude(kind="author").values("page_id")).delete()
    imported.delete()
    Redirect.objects.all().delete()
    ImportedMedia.objects.all().delete()
    ImportRun.objects.all().delete()

    work.mkdir(parents=True, exist_ok=True)
    path = work / f"export-{args.count}.xml"
    uploads = work / "uploads"
    if not (args.keep_file and path.exists()):
        started = time.perf_counter()
        write_export(path, uploads, args.count)
        size = path.stat().st_size / 1024 / 1024
        print(f"wrote {path} ({size:.0f} MB) in {time.perf_counter() - started:.0f} s")
    print(f"database: {django.db.connection.vendor}")
    profile = Path(args.profile) if args.profile else None
    first = run_import(path, uploads, work / "report-1.json", profile)
    show("first run (all new)", first, args.count)
    edited = work / f"export-{args.count}-edited.xml"
    write_export(edited, uploads, args.count, edited=True)
    second = run_import(edited, uploads, work / "report-2.json", _nth(profile, 2))
    show("second run (every post changed)", second, args.count)
    third = run_import(edited, uploads, work / "report-3.json", _nth(profile, 3))
    show("third run (nothing changed)", third, args.count)
    for label, run in (("first", first), ("second", second)):
        rate = args.count / run["seconds"]
        cpu_rate = args.count / (run["cpu"] + run["database_cpu"])
        print(
            f"at this rate, 100,000 posts take {100_000 / rate / 60:.0f} min ({label} run); "
            f"by the CPU they used, {100_000 / cpu_rate / 60:.0f} min on an idle machine"
        )
    edited.unlink()
    if not args.keep_file:
        path.unlink()
        shutil.rmtree(uploads, ignore_errors=True)


if __name__ == "__main__":
    main()
