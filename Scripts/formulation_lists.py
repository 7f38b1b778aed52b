"""The hand-written evaluation lists of Tests/TifaTextTests/Fixtures, shared by the scripts.

formulations-by-kind.tsv: established formulations that coarse mode must keep as one token;
free-combinations.txt: free combinations whose marked boundaries (spaces) must be token boundaries;
contexts.tsv: the sentence templates both are tested in. second-formulations.tsv and
second-free-combinations.txt: a second pair of lists, written apart from the dictionaries and the
first lists, reported whole, no constant fitted on them. third-formulations.tsv and
third-free-combinations.txt: a third pair, written blind (from knowledge, without the repository)
after the lexicon's sixth hand list, never merged into the dictionaries, reported whole.
fourth-formulations.tsv and fourth-free-combinations.txt: a fourth pair, written blind after the
ninth hand list; the formulations it lacked were merged after it was measured. fifth-*: a fifth
pair, the vocabulary of official news, written blind after the tenth hand list, its formulations
merged after they were measured. sixth-*: a sixth pair, three lists by field written blind after the
twelfth hand list, the formulations it lacked merged after they were measured. seventh-*: a seventh pair,
written blind after the thirteenth hand list and every rule, never merged or tuned on. eighth-*: an eighth
pair, written blind while the fifteenth hand list was merged, never merged or tuned on. ninth-*: a ninth
pair, a general list mixing every decade, field and kind, written blind after the twenty-seventh hand list,
its free combinations' boundaries marked by a second reader, never merged or tuned on. tenth-*: an
examiner's list in equal parts by kind, half of it less common, written blind after the twenty-eighth
hand list; never merged, one rule and two struck entries came from its first measurement. eleventh-*: the
productive families the naming grammars cover, rarer and newer members, written blind after the tenth pair;
tuned on (it prompted the regional-organ grammar), never merged. twelfth-*: local and regional politics, written
blind after the eleventh; tuned on, never merged. thirteenth-*: a watchlist half central, half local,
written blind after the regional grammar; 0.907 at its first measurement, then tuned on, never merged. Entries of
the first lists are split into two halves by line order (even lines: tuning, odd lines:
reporting), so rules are chosen on one half and reported on the other.
"""
import os

from tifa_scripts import ROOT

FIXTURES = os.path.join(ROOT, "Tests", "TifaTextTests", "Fixtures")


def _lines(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


LISTS = {
    "first": ("formulations-by-kind.tsv", "free-combinations.txt"),
    "second": ("second-formulations.tsv", "second-free-combinations.txt"),
    "third": ("third-formulations.tsv", "third-free-combinations.txt"),
    "fourth": ("fourth-formulations.tsv", "fourth-free-combinations.txt"),
    "fifth": ("fifth-formulations.tsv", "fifth-free-combinations.txt"),
    "sixth": ("sixth-formulations.tsv", "sixth-free-combinations.txt"),
    "seventh": ("seventh-formulations.tsv", "seventh-free-combinations.txt"),
    "eighth": ("eighth-formulations.tsv", "eighth-free-combinations.txt"),
    "ninth": ("ninth-formulations.tsv", "ninth-free-combinations.txt"),
    "tenth": ("tenth-formulations.tsv", "tenth-free-combinations.txt"),
    "eleventh": ("eleventh-formulations.tsv", "eleventh-free-combinations.txt"),
    "twelfth": ("twelfth-formulations.tsv", "twelfth-free-combinations.txt"),
    "thirteenth": ("thirteenth-formulations.tsv", "thirteenth-free-combinations.txt"),
}


def formulations(which="first"):
    """[(formulation, kind, …)] of a list, in file order (the first list has an in_corpora column)."""
    return [tuple(l.split("\t")[:3]) for l in _lines(LISTS[which][0])]


def free_combinations(which="first"):
    """[[part, part, …]] of a list, in file order."""
    return [l.split(" ") for l in _lines(LISTS[which][1])]


def contexts(kind):
    return [l.split("\t", 1)[1] for l in _lines("contexts.tsv") if l.split("\t", 1)[0] == kind]


def half(items, which):
    """Items of the tuning half (which=0) or the reporting half (which=1)."""
    return [x for i, x in enumerate(items) if i % 2 == which]


def boundaries(tokens):
    """Character offsets where tokens end, for a line of space-separated tokens."""
    ends, at = set(), 0
    for t in tokens:
        at += len(t)
        ends.add(at)
    return ends


def lexicon_words():
    """Every word of the shipped dictionaries (Dictionaries/*.dict)."""
    words = set()
    folder = os.path.join(ROOT, "Dictionaries")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".dict"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                words.update(l.split("\t", 1)[0].rstrip("\n") for l in f if l.strip() and not l.startswith("#"))
    return words


def rates(segment, which=None, keep=None, lists="first"):
    """Shares of (formulation, context) pairs kept whole and of (free combination, context) pairs
    cut at every marked boundary, by `segment` (a list of sentences -> a list of token lists);
    `keep` (a formulation -> bool) narrows the formulations.
    Returns (formulation rate, free rate, formulation failures, free failures)."""
    forms = [f[0] for f in formulations(lists)]
    frees = free_combinations(lists)
    if which is not None:
        forms, frees = half(forms, which), half(frees, which)
    if keep is not None:
        forms = [f for f in forms if keep(f)]
    cases = [(t.replace("%@", f), t.index("%@"), f) for f in forms for t in contexts("formulation")]
    free_cases = [(t.replace("%@", "".join(p)), t.index("%@"), p) for p in frees for t in contexts("free")]
    out = segment([c[0] for c in cases] + [c[0] for c in free_cases])
    whole, failures = 0, []
    for (sentence, at, f), tokens in zip(cases, out):
        if f in tokens:
            whole += 1
        else:
            failures.append(" ".join(tokens))
    cut, free_failures = 0, []
    for (sentence, at, parts), tokens in zip(free_cases, out[len(cases):]):
        ends = boundaries(tokens)
        marks, pos = [], at
        for p in parts[:-1]:
            pos += len(p)
            marks.append(pos)
        if all(m in ends for m in marks):
            cut += 1
        else:
            free_failures.append(" ".join(tokens))
    return whole / max(1, len(cases)), cut / max(1, len(free_cases)), failures, free_failures
