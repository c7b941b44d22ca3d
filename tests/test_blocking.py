"""Blocking is an optimisation only: every pair of reports that same_event ties shares a key,
so grouping through the inverted index finds exactly the pairs that comparing all pairs finds."""

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
                    event = event.model_copy(update={"date": claims.reference_date})
                frames[claims.path] = event
    assert len(frames) > 150
    window = load_grouping(RULES_DIR).same_occurrence_days
    tied = {(x, y) for x, y in combinations(sorted(frames), 2) if same_event(frames[x], frames[y], lexicon, window)}
    assert len(tied) > 100
    keyed = {path: blocking_keys(frame, lexicon) for path, frame in frames.items()}
    blocked = set(candidate_pairs(keyed, max_key_items=len(frames)))
    assert tied - blocked == set()


def test_a_key_shared_by_too_many_articles_ties_none():
    keyed = {f"a{i}": {"common", f"own{i // 2}"} for i in range(10)}
    pairs = candidate_pairs(keyed, max_key_items=4)
    assert pairs == [(f"a{i}", f"a{i + 1}") for i in range(0, 10, 2)]
