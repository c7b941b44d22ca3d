"""Blocking is an optimisation only: every pair of reports that same_event ties shares a key,
so grouping through the inverted index finds exactly the pairs that comparing all pairs finds."""

from dataclasses import replace
from itertools import combinations

from conftest import ROOT

from factcheck.group import blocking_keys, candidate_pairs, same_event
from factcheck.lexicon import RULES_DIR
from factcheck.pipeline import claims_for
from factcheck.read import discover
from factcheck.rules import load_grouping


def test_blocking_keeps_every_pair_same_event_ties(lexicon):
    # All fixture corpora and the seeds pooled: many events, kinds and name variants at once,
    # so pairs across corpora (a false tie) would be kept too.
    folders = [ROOT / "seeds", *sorted((ROOT / "tests" / "fixtures").glob("corpus*/articles"))]
    frames = {}
    for path in discover(folders).files:
        for _, claims in claims_for(path, lexicon):
            if claims is not None and claims.event is not None:
                event = claims.event
                if event.date is None and claims.reference_date is not None:
                    event = replace(event, date=claims.reference_date)
                frames[claims.path] = event
    assert len(frames) > 150
    window = load_grouping(RULES_DIR).same_occurrence_days
    tied = {(x, y) for x, y in combinations(sorted(frames), 2) if same_event(frames[x], frames[y], lexicon, window)}
    assert len(tied) > 100
    keyed = {path: blocking_keys(frame, lexicon) for path, frame in frames.items()}
    blocked = set(candidate_pairs(keyed, max_key_items=len(frames)))
    assert tied - blocked == set()


def test_a_key_shared_by_too_many_articles_pairs_each_with_a_few_neighbours_only():
    from factcheck.group import WINDOW, UnionFind

    keyed = {f"a{i:03d}": {"common", f"own{i // 2}"} for i in range(200)}
    pairs = candidate_pairs(keyed, max_key_items=4)
    # Linear, not quadratic: each item has at most WINDOW neighbours through the big key,
    # plus its own small block.
    assert len(pairs) <= 200 * WINDOW + 100
    assert all((f"a{i:03d}", f"a{i + 1:03d}") in pairs for i in range(0, 200, 2))
    # Still one group through the big key (union-find over the pairs is transitive).
    groups = UnionFind()
    for x, y in pairs:
        groups.union(x, y)
    assert len({groups.find(k) for k in keyed}) == 1


def test_the_pairs_of_a_big_block_do_not_depend_on_file_names():
    keyed = {f"x{i}": {"common", f"k{i % 7}"} for i in range(60)}
    renamed = {f"y{(i * 37) % 60:02d}": keys for i, (name, keys) in enumerate(keyed.items())}
    back = {f"y{(i * 37) % 60:02d}": name for i, name in enumerate(keyed)}
    first = candidate_pairs(keyed, max_key_items=5)
    second = {tuple(sorted((back[a], back[b]))) for a, b in candidate_pairs(renamed, max_key_items=5)}
    # Items with the same keys are interchangeable, so compare by what the pairs join.
    def shape(pairs):
        return sorted(tuple(sorted((tuple(sorted(keyed[a])), tuple(sorted(keyed[b]))))) for a, b in pairs)
    assert shape(first) == shape(second)
