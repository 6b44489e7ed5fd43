"""Badge-link discovery: typed URLs and hyperlink annotations, classified by platform; ordinary links left out."""

from __future__ import annotations

import pytest

from screener.badges.discover import BadgeLink, classify, find_badge_links, platform_for
from screener.models import Link

UUID = "1b2c3d4e-aaaa-bbbb-cccc-1234567890ab"
UUID2 = "9f8e7d6c-1111-2222-3333-444455556666"

# (url as it may appear, platform or None, kind, machine_verifiable)
CLASSIFY = [
    (f"https://www.credly.com/badges/{UUID}", "Credly", "open-badge", True),
    (f"https://www.credly.com/badges/{UUID}/public_url", "Credly", "open-badge", True),
    (f"credly.com/badges/{UUID}", "Credly", "open-badge", True),
    (f"https://www.credly.com/earner/earned/badge/{UUID}", "Credly", "open-badge", True),
    (f"https://www.youracclaim.com/badges/{UUID}", "Credly", "open-badge", True),
    ("https://badgr.com/public/assertions/ABCdef123_x", "Badgr / Canvas Credentials", "open-badge", True),
    ("https://eu.badgr.com/public/assertions/ABCdef123?v=2_0", "Badgr / Canvas Credentials", "open-badge", True),
    ("https://api.badgr.io/public/assertions/ABCdef123?v=3_0", "Badgr / Canvas Credentials", "open-badge", True),
    ("https://www.credential.net/10ba2a4b-1234-4c5d-9e8f-0123456789ab", "Accredible", "open-badge", True),
    ("https://credential.net/12345678", "Accredible", "open-badge", True),
    ("https://google.accredible.com/12345678", "Accredible", "open-badge", True),
    ("https://openbadgefactory.com/v1/assertion/abc123def456", "Open Badge Factory", "open-badge", True),
    ("https://openbadgepassport.com/app/badge/info/123456", "Open Badge Passport", "open-badge", True),
    ("https://www.parchment.com/u/award/0a1b2c3d4e5f", "Parchment", "open-badge", True),
    ("https://www.badgecraft.eu/en/badge/AbC123xyz", "Badgecraft", "open-badge", True),
    (
        "https://europass.europa.eu/en/verify/credential/abcdef123456",
        "Europass Digital Credentials",
        "open-badge",
        True,
    ),
    ("https://badges.example.org/a.json", "Open Badges (hosted file)", "badge-file", True),
    ("https://example.org/badges/robotics/assertion.json", "Open Badges (hosted file)", "badge-file", True),
    ("https://issuer.example.net/credentials/ob3-abc.jwt", "Open Badges (hosted file)", "badge-file", True),
    ("https://example.org/img/badge-python.png", "Open Badges (hosted file)", "badge-file", True),
    ("https://example.org/assertions/42", "Open Badges (assertion URL)", "open-badge", True),
    ("http://localhost:8000/assertions/1", "Open Badges (assertion URL)", "open-badge", True),
    ("https://example.org/badges/robotics/assertion", "Open Badges (assertion URL)", "open-badge", True),
    ("https://www.coursera.org/verify/ABCD1234EFGH", "Coursera", "certificate-page", False),
    ("https://www.coursera.org/account/accomplishments/verify/ABCD1234", "Coursera", "certificate-page", False),
    ("https://www.coursera.org/account/accomplishments/specialization/ABCD1234", "Coursera", "certificate-page", False),
    ("https://courses.edx.org/certificates/0a1b2c3d4e5f60718293a4b5c6d7e8f9", "edX", "certificate-page", False),
    ("https://credentials.edx.org/credentials/0a1b2c3d4e5f", "edX", "certificate-page", False),
    ("https://www.linkedin.com/learning/certificates/0a1b2c3d4e5f", "LinkedIn Learning", "certificate-page", False),
    (
        "https://learn.microsoft.com/en-us/users/janedoe-1234/credentials/ABCDEF123456",
        "Microsoft Learn",
        "certificate-page",
        False,
    ),
    (
        "https://learn.microsoft.com/api/credentials/share/en-us/JaneDoe/ABCDEF123456?sharingId=x",
        "Microsoft Learn",
        "certificate-page",
        False,
    ),
    ("https://aws.amazon.com/verification", "AWS Certification", "certificate-page", False),
    (
        "https://cp.certmetrics.com/amazon/en/public/verify/credential/ABC123",
        "Certmetrics (AWS, Cisco and others)",
        "certificate-page",
        False,
    ),
    ("https://ude.my/UC-1234abcd-5678-90ef", "Udemy", "certificate-page", False),
    ("https://www.udemy.com/certificate/UC-1234abcd-5678-90ef/", "Udemy", "certificate-page", False),
    ("https://www.cisco.com/go/verifycertificate", "Cisco", "certificate-page", False),
    ("https://verify.comptia.org/?code=ABC123", "CompTIA", "certificate-page", False),
    ("https://credentialfinder.org/credential/1234/Some_Certificate", "Credential Engine", "certificate-page", False),
    ("https://www.hackerrank.com/certificates/abcdef123456", "HackerRank", "certificate-page", False),
    # ordinary links and look-alikes: not badges
    ("https://www.linkedin.com/in/jane-doe-123", None, "", False),
    ("https://github.com/janedoe", None, "", False),
    ("https://github.com/janedoe/badges", None, "", False),
    ("https://janedoe.dev/", None, "", False),
    ("https://www.credly.com/users/jane-doe", None, "", False),
    ("https://www.credly.com/org/acme/badge/python-basics", None, "", False),
    (f"https://notcredly.com/badges/{UUID}", None, "", False),
    (f"https://credly.com.evil.example/badges/{UUID}", None, "", False),
    ("https://www.coursera.org/learn/machine-learning", None, "", False),
    ("https://www.accredible.com/features", None, "", False),
    ("https://learn.microsoft.com/en-us/training/", None, "", False),
    ("https://aws.amazon.com/certification/", None, "", False),
    ("https://badgr.com/", None, "", False),
    ("mailto:jane@credly.com", None, "", False),
    ("javascript:alert(1)", None, "", False),
    ("https://example.org/logo.png", None, "", False),
    ("https://example.org/data.json", None, "", False),
]


@pytest.mark.parametrize(("url", "platform", "kind", "verifiable"), CLASSIFY)
def test_classify(url: str, platform: str | None, kind: str, verifiable: bool) -> None:
    assert platform_for(url) == platform
    rule = classify(url)
    if platform is not None:
        assert rule is not None and (rule.kind, rule.machine_verifiable) == (kind, verifiable)
        assert rule.source


def _urls(links: list[BadgeLink]) -> list[str]:
    return [link.url for link in links]


# (text, expected URLs in order)
TEXT_CASES = [
    (f"Badge: https://www.credly.com/badges/{UUID}.", [f"https://www.credly.com/badges/{UUID}"]),
    (f"Badge: www.credly.com/badges/{UUID}", [f"https://www.credly.com/badges/{UUID}"]),
    (f"(credly.com/badges/{UUID})", [f"https://credly.com/badges/{UUID}"]),
    (f"[https://www.credly.com/badges/{UUID}]", [f"https://www.credly.com/badges/{UUID}"]),
    (f"<https://www.credly.com/badges/{UUID}>", [f"https://www.credly.com/badges/{UUID}"]),
    (f'"https://www.credly.com/badges/{UUID}",', [f"https://www.credly.com/badges/{UUID}"]),
    (f"HTTPS://WWW.CREDLY.COM/badges/{UUID}", [f"https://www.credly.com/badges/{UUID}"]),
    (f"https://credly.com/badges/\n{UUID}", [f"https://credly.com/badges/{UUID}"]),
    (f"https://www.credly.com/badges/{UUID[:14]}\n{UUID[14:]} (AWS)", [f"https://www.credly.com/badges/{UUID}"]),
    (f"https://www.credly.com/badges/{UUID}\nSkills: Python", [f"https://www.credly.com/badges/{UUID}"]),
    ("See https://www.coursera.org/verify/ABCD1234EFGH; and more", ["https://www.coursera.org/verify/ABCD1234EFGH"]),
    ("Verify at https://example.org/assertions/42?x=(1)", ["https://example.org/assertions/42?x=(1)"]),
    (
        f"Two: credly.com/badges/{UUID} and https://badgr.com/public/assertions/AbC123x!",
        [f"https://credly.com/badges/{UUID}", "https://badgr.com/public/assertions/AbC123x"],
    ),
    (
        f"dup https://www.credly.com/badges/{UUID} and credly.com/badges/{UUID}/",
        [f"https://www.credly.com/badges/{UUID}"],
    ),
    ("LinkedIn: linkedin.com/in/jane-doe GitHub: https://github.com/jane", []),
    (f"email jane@credly.com/badges/{UUID}", []),
    ("Skilled in Node.js/React and ASP.NET/C#", []),
    ("", []),
    (
        f"Coursera coursera.org/verify/ABCD1234 then credly.com/badges/{UUID2}",
        ["https://coursera.org/verify/ABCD1234", f"https://credly.com/badges/{UUID2}"],
    ),
    ("Certificate: https://ude.my/UC-1234abcd-5678-90ef.", ["https://ude.my/UC-1234abcd-5678-90ef"]),
]


@pytest.mark.parametrize(("text", "expected"), TEXT_CASES)
def test_find_in_text(text: str, expected: list[str]) -> None:
    assert _urls(find_badge_links(text)) == expected


def test_offsets_and_anchor_text() -> None:
    text = f"Badges\ncredly.com/badges/\n{UUID} and more"
    (link,) = find_badge_links(text)
    assert link.offset == text.index("credly.com")
    assert link.anchor_text == f"credly.com/badges/\n{UUID}"
    assert text[link.offset :].startswith(link.anchor_text)
    assert (link.platform, link.kind, link.machine_verifiable) == ("Credly", "open-badge", True)


# (annotation links, expected (url, anchor) pairs)
LINK_CASES = [
    (
        [Link(url=f"https://www.credly.com/badges/{UUID}", text="My AWS badge", source="annotation")],
        [(f"https://www.credly.com/badges/{UUID}", "My AWS badge")],
    ),
    (
        [Link(url="https://www.linkedin.com/in/jane", text="LinkedIn"), Link(url="https://github.com/jane", text="GH")],
        [],
    ),
    (
        [Link(url="www.coursera.org/verify/ABCD1234", text="")],
        [("https://www.coursera.org/verify/ABCD1234", "www.coursera.org/verify/ABCD1234")],
    ),
    ([Link(url="mailto:jane@example.org", text="Email"), Link(url="tel:+15551234", text="Phone")], []),
    (
        [Link(url="https://badges.example.org/a.json", text="Badge file", source="docx-hyperlink")],
        [("https://badges.example.org/a.json", "Badge file")],
    ),
    (
        [Link(url="file:///etc/passwd", text="x"), Link(url="https://example.org/assertions/7", text="A")],
        [("https://example.org/assertions/7", "A")],
    ),
    ([Link(url="  https://ude.my/UC-abcdef12-3456  ", text="Udemy")], [("https://ude.my/UC-abcdef12-3456", "Udemy")]),
]


@pytest.mark.parametrize(("links", "expected"), LINK_CASES)
def test_find_in_annotations(links: list[Link], expected: list[tuple[str, str]]) -> None:
    found = find_badge_links("", links)
    assert [(link.url, link.anchor_text) for link in found] == expected
    assert all(link.offset is None for link in found)


def test_text_and_annotations_deduplicated_in_order() -> None:
    text = f"My badge: https://www.credly.com/badges/{UUID}"
    links = [
        Link(url=f"https://www.credly.com/badges/{UUID}", text="badge"),
        Link(url="https://www.coursera.org/verify/XYZ12345", text="Coursera"),
        Link(url="https://www.coursera.org/verify/XYZ12345/", text="Coursera again"),
    ]
    found = find_badge_links(text, links)
    assert _urls(found) == [f"https://www.credly.com/badges/{UUID}", "https://www.coursera.org/verify/XYZ12345"]
    assert found[0].offset == text.index("https") and found[1].offset is None
    assert find_badge_links(text, links) == found  # deterministic


def test_case_counts() -> None:
    assert len(CLASSIFY) + len(TEXT_CASES) + len(LINK_CASES) >= 30
