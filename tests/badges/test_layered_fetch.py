"""LayeredFetcher: the offline map answers what it lists, the remote fetcher the rest, one URL policy for both."""

from __future__ import annotations

import pytest

from screener.badges.fetch import FetchResponse, LayeredFetcher, MappingFetcher
from screener.errors import UnsafeURL


class Remote:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def get(self, url: str, *, accept: str = "") -> FetchResponse:
        self.asked.append(url)
        return FetchResponse(url, url, 200, b"remote", "text/plain", "2026-12-01T00:00:00Z")


def test_map_first_then_remote() -> None:
    remote = Remote()
    f = LayeredFetcher(MappingFetcher({"https://a.example.org/x": b"local"}), remote)
    assert f.get("https://a.example.org/x").body == b"local"
    assert f.get("https://b.example.org/y").body == b"remote"
    assert remote.asked == ["https://b.example.org/y"]


def test_unsafe_urls_never_reach_either() -> None:
    remote = Remote()
    f = LayeredFetcher(MappingFetcher({"http://127.0.0.1/x": b"local"}), remote)
    assert not f.local.covers("http://127.0.0.1/x")
    with pytest.raises(UnsafeURL):
        f.get("http://127.0.0.1/x")
    assert remote.asked == []
