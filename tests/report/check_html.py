#!/usr/bin/env python3
"""Checks a myoscreen HTML report by parsing it (html.parser), not by its bytes.

usage: check_html.py FILE --kind person|cohort [--lang en] [--text TEXT]...
                     [--urgency WORD] [--scales N]

Checks: a doctype; <html lang>; one h1 first and no heading level skipped;
the report's sections (section[id]) present and in order; nothing that runs
or is fetched (no script, iframe, object, embed, link, img, base, no on*
attribute, no src/href other than a #fragment, no @import or url() in
styles); every table with a header row (thead th); every SVG with a role and
a name; CSS text colours with at least 4.5:1 contrast on their backgrounds,
and chart labels on their bars; each --text found in the page's text (after
unescaping); --urgency found in the headline; --scales SVG scales.
Prints every problem and exits 1 if there is one.
"""
import argparse
import re
import sys
from html.parser import HTMLParser

SECTIONS = {
    "person": ["what-to-do", "factors", "scores", "answers", "unanswered", "about", "sources", "disclaimer"],
    "cohort": ["overview", "urgency", "factors", "instruments", "by-age", "by-sex", "about", "disclaimer"],
}
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "link", "img", "base", "frame", "frameset", "applet", "audio", "video", "source"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.lang = None
        self.headings = []  # (level, text)
        self.sections = []
        self.stack = []
        self.text = []
        self.heading_text = None
        self.style = []
        self.in_style = False
        self.tables = []  # [has_thead_th]
        self.in_thead = False
        self.svgs = []  # (role, has_name)
        self.svg_title = False
        self.section_text = {}
        self.current_section = None
        self.chart_pairs = []  # (rect fill, text fill) for text drawn on a bar
        self.last_fill = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"forbidden element <{tag}>")
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append(f"event handler attribute {k} on <{tag}>")
            if k in ("src", "href", "xlink:href", "action", "srcset", "poster", "formaction", "data") and not (v or "").startswith("#"):
                self.problems.append(f"<{tag} {k}={v!r}>: a reference outside the page")
            if k == "style" and v and ("url(" in v.lower() or "@import" in v.lower()):
                self.problems.append(f"<{tag} style> loads something: {v!r}")
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading_text = [int(tag[1]), ""]
        if tag == "section" and a.get("id"):
            self.sections.append(a["id"])
            self.current_section = a["id"]
            self.section_text[a["id"]] = []
        if tag == "style":
            self.in_style = True
        if tag == "table":
            self.tables.append(False)
        if tag == "thead":
            self.in_thead = True
        if tag == "th" and self.in_thead and self.tables:
            self.tables[-1] = True
        if tag == "svg":
            self.svgs.append([a.get("role"), bool(a.get("aria-label")), a.get("aria-labelledby")])
        if tag == "title" and self.stack and "svg" in self.stack:
            self.svgs[-1][1] = True
        if tag == "rect":
            self.last_fill = a.get("fill")
        if tag == "text" and "svg" in self.stack:
            m = re.search(r"fill:\s*(#[0-9a-fA-F]{6})", a.get("style", ""))
            if m and self.last_fill:
                self.chart_pairs.append((self.last_fill, m.group(1)))
        if tag not in ("meta", "br", "hr", "rect", "line", "circle", "input", "path"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.heading_text:
            self.headings.append((self.heading_text[0], self.heading_text[1].strip()))
            self.heading_text = None
        if tag == "style":
            self.in_style = False
        if tag == "thead":
            self.in_thead = False
        if tag == "section":
            self.current_section = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.in_style:
            self.style.append(data)
            return
        self.text.append(data)
        if self.heading_text is not None:
            self.heading_text[1] += data
        if self.current_section:
            self.section_text[self.current_section].append(data)


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def css_contrast(css, problems):
    """Every rule that sets a background: its text colour (its own, white for
    badges, else the body's) against it."""
    body = "#1a1a1a"
    for sel, decls in re.findall(r"([^{}@]+)\{([^{}]*)\}", css):
        bg = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})\b", decls)
        if not bg:
            continue
        fg = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})\b", decls)
        text = fg.group(1) if fg else ("#ffffff" if ".badge" in sel else body)
        c = contrast(text, bg.group(1))
        if c < 4.5:
            problems.append(f"CSS {sel.strip()}: text {text} on {bg.group(1)} has contrast {c:.2f} < 4.5")
    for sel, decls in re.findall(r"([^{}@]+)\{([^{}]*)\}", css):
        fg = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})\b", decls)
        if fg and not re.search(r"background", decls) and contrast(fg.group(1), "#ffffff") < 4.5:
            problems.append(f"CSS {sel.strip()}: text {fg.group(1)} on white has contrast < 4.5")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--kind", choices=SECTIONS.keys(), required=True)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--text", action="append", default=[])
    ap.add_argument("--urgency")
    ap.add_argument("--scales", type=int)
    a = ap.parse_args()
    raw = open(a.file, encoding="utf-8").read()
    p = Page()
    p.feed(raw)
    p.close()
    problems = p.problems
    if not raw.startswith("<!DOCTYPE html>"):
        problems.append("no <!DOCTYPE html> at the start")
    if p.lang != a.lang:
        problems.append(f"<html lang={p.lang!r}>, expected {a.lang!r}")
    levels = [h[0] for h in p.headings]
    if not levels or levels[0] != 1 or levels.count(1) != 1:
        problems.append(f"expected one h1, first: heading levels {levels[:5]}")
    for (l1, t1), (l2, t2) in zip(p.headings, p.headings[1:]):
        if l2 > l1 + 1:
            problems.append(f"heading level skipped: h{l1} {t1!r} then h{l2} {t2!r}")
    if any(not t for _, t in p.headings):
        problems.append("an empty heading")
    want = SECTIONS[a.kind]
    if [s for s in p.sections if s in want] != want:
        problems.append(f"sections {p.sections}, expected {want} in this order")
    css = "".join(p.style)
    if re.search(r"@import|url\(", css, re.I):
        problems.append("the style sheet imports or loads something")
    if re.search(r"@font-face", css, re.I):
        problems.append("the style sheet declares a web font")
    css_contrast(css, problems)
    for bar, label in p.chart_pairs:
        if contrast(bar, label) < 4.5:
            problems.append(f"chart label {label} on bar {bar}: contrast {contrast(bar, label):.2f} < 4.5")
    for i, has in enumerate(p.tables):
        if not has:
            problems.append(f"table {i + 1} has no header row (thead th)")
    for role, named, labelled in p.svgs:
        if role != "img" or not (named or labelled):
            problems.append(f"an SVG without role=img and a name (role={role!r})")
    text = "".join(p.text)
    for t in a.text:
        if t not in text:
            problems.append(f"text not found: {t!r}")
    if a.urgency:
        head = "".join(p.section_text.get("what-to-do", []))
        if a.urgency not in head:
            problems.append(f"the headline does not say {a.urgency!r}")
    if a.scales is not None and len(p.svgs) != a.scales:
        problems.append(f"{len(p.svgs)} SVG scales, expected {a.scales}")
    for msg in problems:
        print(f"{a.file}: {msg}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
