"""Illustrations drawn on this machine with Pillow, for demo and generated content.

Nothing is downloaded: each picture is a landscape (sky, sun, ridges) whose colours and
shapes follow from a seed, so the same story always gets the same picture.
"""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = [
    ("#f4d9b0", "#e08e45", "#8c4a2f", "#3b2a26"),  # dusk over steppe
    ("#cfe3ef", "#7fa7c1", "#44657f", "#1f3040"),  # winter mountains
    ("#e9efd9", "#a9c18b", "#5e7f4b", "#2d3f27"),  # spring valley
    ("#f2e2c6", "#c9a66b", "#7d6240", "#3e3122"),  # desert
    ("#ead7e3", "#b78aa6", "#6f4b68", "#33243a"),  # evening city haze
    ("#dfe6e9", "#9aa8ad", "#5b6a70", "#2a3236"),  # overcast
]


def landscape_jpeg(seed: str, width: int = 1600, height: int = 900) -> bytes:
    """A JPEG landscape determined by ``seed``."""
    rng = random.Random(seed)
    sky, far, near, ground = rng.choice(PALETTES)
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    # Vertical sky gradient towards the horizon.
    top = _rgb(sky)
    bottom = _mix(top, _rgb(far), 0.35)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / height))
    sun_x, sun_y = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 8, height // 3)
    radius = rng.randint(height // 14, height // 8)
    draw.ellipse(
        [sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius],
        fill=_mix(_rgb("#fff7e0"), _rgb(sky), 0.2),
    )
    for layer, colour in enumerate((far, near, ground)):
        base = height * (0.45 + 0.17 * layer)
        points = [(0, height)]
        x = 0
        while x <= width:
            points.append((x, base - rng.random() * height * (0.25 - 0.06 * layer)))
            x += rng.randint(width // 14, width // 6)
        points += [(width, base), (width, height)]
        draw.polygon(points, fill=colour)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def portrait_png(seed: str, size: int = 400) -> bytes:
    """A head-and-shoulders silhouette on a coloured square, for author photos."""
    rng = random.Random(seed)
    background = rng.choice(PALETTES)[2]
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse(
        [size * 0.3, size * 0.18, size * 0.7, size * 0.58],
        fill=_mix(_rgb(background), (255, 255, 255), 0.55),
    )
    draw.ellipse(
        [size * 0.12, size * 0.62, size * 0.88, size * 1.3],
        fill=_mix(_rgb(background), (255, 255, 255), 0.4),
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
