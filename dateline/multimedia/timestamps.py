"""Times within an episode or a video: chapter marks as editors type them, and lengths as
podcast apps and readers read them."""


def parse_timestamp(value: str) -> int:
    """Seconds in "SS", "MM:SS" or "HH:MM:SS"; ValueError for anything else."""
    parts = value.strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(value)
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds


def chapter_marks(chapters) -> list[dict]:
    """[{"start": seconds, "title": ...}] of a stream of chapter blocks, in time order; bad
    timestamps left out."""
    marks = []
    for block in chapters:
        try:
            start = parse_timestamp(block.value["start"])
        except ValueError:
            continue
        marks.append({"start": start, "title": block.value["title"]})
    return sorted(marks, key=lambda mark: mark["start"])


def format_duration(seconds: int) -> str:
    """ "HH:MM:SS" (the form podcast apps read for itunes:duration)."""
    hours, rest = divmod(int(seconds or 0), 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def reading_duration(seconds: int) -> str:
    """A length as readers read it: "4:05", or "1:02:15" past an hour."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
