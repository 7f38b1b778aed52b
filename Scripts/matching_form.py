"""Text helpers shared by the Python scripts, matching what TifaText does.

`matching_form` is the index's matching normalization (TifaText's `MatchingForm`): NFKC, zero-width
characters removed, and the whitespace of a hard line wrap between two Han characters removed, so a
word broken across lines is whole. `QUOTED` finds terms between “ and ”, `NUMBERED` numbered formulas
of the 数词+量词+XX shape followed by punctuation.
"""
import re
import unicodedata

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_WRAPPED = re.compile(f"(?<=[{HAN}])[ \t\u3000]*\n?[ \t\u3000]*(?=[{HAN}])")
QUOTED = re.compile(f"“([{HAN}]{{2,12}})”")
NUMBERED = re.compile(f"(?<![{HAN}])([两三四五六七八九十][个项条大件][{HAN}]{{2}})(?=[，。、”；,;])")


def matching_form(text):
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH.sub("", text)
    return _WRAPPED.sub("", text)
