"""The background under a glyph is found through a band index of the page's shapes: the same colour as looking
at every shape, for points anywhere, shapes of any size, drawn before or after the text object."""

from __future__ import annotations

import random

from screener.ingest.pdf import _PageStyles, _Shape, _shape_bands


def _brute(shapes: list[_Shape], order: int, x: float, y: float) -> tuple[int, int, int] | None:
    for shape in reversed(shapes):
        left, bottom, right, top = shape.box
        if shape.index < order and left <= x <= right and bottom <= y <= top:
            return shape.colour
    return (255, 255, 255)


def _styles(shapes: list[_Shape], texts: dict[int, int]) -> _PageStyles:
    styles = _PageStyles(None)
    styles._shapes = shapes
    styles._texts = [(address, 0, (0, 0, 0, 255), order) for address, order in texts.items()]
    return styles


def test_band_lookup_matches_looking_at_every_shape() -> None:
    rng = random.Random(7)
    shapes = []
    for i in range(120):
        left, bottom = rng.uniform(-20, 600), rng.uniform(-20, 800)
        w, h = rng.choice([(0.5, 0.5), (rng.uniform(1, 300), rng.uniform(0.2, 3)), (rng.uniform(5, 600),
                           rng.uniform(5, 800))])
        colour = None if i % 17 == 0 else (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        shapes.append(_Shape(i * 2, (left, bottom, left + w, bottom + h), colour))
    texts = {1000 + k: rng.randrange(0, 260) for k in range(50)}
    styles = _styles(shapes, texts)
    for _ in range(3000):
        obj = rng.choice(list(texts))
        x, y = rng.uniform(-30, 640), rng.uniform(-30, 840)
        assert styles.background(obj, x, y) == _brute(shapes, texts[obj], x, y)
    # band edges exactly
    for shape in shapes[:30]:
        left, bottom, right, top = shape.box
        for y in (bottom, top, 16.0 * int(bottom // 16), 16.0 * int(top // 16)):
            assert styles.background(1000, left, y) == _brute(shapes, texts[1000], left, y)


def test_a_huge_or_broken_box_falls_back_to_every_shape() -> None:
    nan = float("nan")
    shapes = [_Shape(0, (0.0, -1e9, 500.0, 1e9), (10, 20, 30)), _Shape(1, (0.0, nan, 5.0, nan), (1, 1, 1)),
              _Shape(2, (0.0, 0.0, 50.0, float("inf")), (200, 0, 0))]
    assert _shape_bands(shapes) is None
    styles = _styles(shapes, {9: 5})
    assert styles.background(9, 10.0, 5.0) == (200, 0, 0)
    assert styles.background(9, 100.0, 5.0) == (10, 20, 30)
    assert styles.background(9, 10.0, nan) == (255, 255, 255)
    # a NaN box alone is skipped, the index still built
    bands = _shape_bands([_Shape(0, (0.0, nan, 5.0, nan), (1, 1, 1)), _Shape(1, (0.0, 0.0, 5.0, 40.0), (2, 2, 2))])
    assert bands is not None and sorted(bands) == [0, 1, 2]
