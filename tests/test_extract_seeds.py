"""The extractor on the five real articles in ../shared/corpus/seeds, scored by ../shared/eval/score.py."""
import importlib.util
import json

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.ingest import read_corpus


@pytest.fixture(scope="module")
def scored(shared_seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("extract") / "seeds.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(shared_seeds), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    spec = importlib.util.spec_from_file_location("score", shared_seeds.parent.parent / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load_gold(shared_seeds.parent.parent / "eval" / "gold")
    preds = score.load_predictions(out)
    result = score.score(gold, preds)
    totals = {m: score.prf([row for res in result.values() for row in res[m]]) for m in score.METRICS}
    evidence, misses = score.check_evidence(preds, shared_seeds)
    return out, totals, evidence, misses


def test_entity_and_relation_scores_meet_the_targets(scored):
    _out, totals, _evidence, _misses = scored
    assert totals["entities_typed"]["f1"] >= 0.80
    assert totals["entities_untyped"]["f1"] >= 0.85
    assert totals["relations_typed"]["f1"] >= 0.60


def test_every_relation_evidence_is_found_in_its_article(scored):
    _out, _totals, evidence, misses = scored
    assert evidence["total"] > 0 and evidence["found"] == evidence["total"], misses


def test_the_named_pairing_comes_out_with_evidence_and_offsets(scored, shared_seeds):
    out, *_ = scored
    records = {json.loads(line)["doc"]: json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()}
    lueyang = records["004_9fe2226716ba67ae.txt"]
    [rel] = [r for r in lueyang["relations"] if (r["source"], r["type"], r["target"], r["kind"])
             == ("西安理工大学", "assists", "略阳县", "对口帮扶")]
    [doc] = [d for d in read_corpus(shared_seeds / "004_9fe2226716ba67ae.txt")]
    assert doc.original[rel["start"]:rel["end"]] == rel["evidence"]
    assert "由西安理工大学对口帮扶略阳" in rel["evidence"]
    assert rel["confidence"] >= 0.8


def test_mentions_point_at_their_surface_in_the_original(scored, shared_seeds):
    out, *_ = scored
    docs = {d.id: d for d in read_corpus(shared_seeds)}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        original = docs[record["path"]].original
        for entity in record["entities"]:
            for start, end in entity["mentions"]:
                surface = original[start:end]
                assert surface in [entity["name"], *entity["aliases"]], (record["doc"], surface, entity["name"])
