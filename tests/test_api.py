"""The small public API is pinned: changing it is a decision, not an accident."""

import screener


def test_public_api() -> None:
    assert sorted(screener.__all__) == [
        "Rubric", "ScreenOptions", "ScreenerError", "ScreeningRun", "build_profile", "load_rubric", "parse_rubric",
        "screen",
    ]
    for name in screener.__all__:
        assert hasattr(screener, name)


def test_core_never_imports_streamlit() -> None:
    from pathlib import Path

    root = Path(screener.__file__).parent
    offenders = [p for p in root.rglob("*.py") if "import streamlit" in p.read_text(encoding="utf-8")
                 or "from streamlit" in p.read_text(encoding="utf-8")]
    assert offenders == []
