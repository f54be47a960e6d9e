"""The extractor on the blind sets, each written and annotated before the extractor first ran on it
(tests/data/unseen, unseen2 … unseen8: articles/ and gold/), scored against their gold.

The first run on each set was the honest generalisation figure (entities typed F1 / relations typed F1):
unseen 0.892 / 0.643, unseen2 0.855 / 0.634, unseen3 0.890 / 0.629, unseen4 0.900 / 0.656, unseen5
0.942 / 0.586, unseen6 0.849 / 0.508, unseen7 0.848 / 0.603, unseen8 0.832 / 0.476. unseen8 was kept
from the work that improved the rules on unseen6 and unseen7, which took it to 0.925 / 0.710 (with two fixes
made on unseen8 itself: ingest keeps table rows, and the table frame). unseen9 was written while the
work on unseen8 went on and kept from it: 0.848 / 0.526 before it, 0.839 / 0.552 after (that work did
not carry over), then 0.880 / 0.730 after a round on unseen9 itself. The method was then improved on
what each set showed, so the floors below sit just under what it reaches now and any regression fails.
unseen: eight articles (county bureau and university news, a notice, traditional script, boilerplate);
unseen2: six on 援疆, 东西部协作, 定点帮扶, 银龄讲学, 送教团队 and enterprise aid; unseen3: seven closer
to messy web pages (a provincial list of ten pairings, inline pinyin, a page wrapped in navigation,
kindergartens, 闽宁协作, 订单班, and a 特岗计划 piece with no relation at all); unseen4: seven with template
residue (__县, XX中学), 两校/双方 anaphora, 托管 and 组团式帮扶, 冠名班 and donations, a Big5 page, mojibake in
a scraped page, 县管校聘; unseen5: seven with a 部属高校's 定点帮扶, 分别 pairings, an alliance, an education
group's 核心校 and 成员校, passive frames, inline pinyin and a numbered 结对帮扶名单; unseen6: seven with
university colleges and departments, a university's attached county school (HTML), a Markdown 1+N report,
a GB18030 职教中心 with an enterprise, a 名师工作室 with 送培送教, a ××县 template, a Macao charity's
希望小学 in traditional script; unseen7: eight with Mongolian names and a 旗, 东西部协作 school pairings and
two bureaus that sign, a county's year-end summary of programmes, inline pinyin 援藏, a scraped county page,
校企合作 and donations, a GB18030 托管, an exam report with no relation; unseen8: eight with passive frames
and the helper named second, an HTML table of pairs, a GB18030 山海协作 with an 订单班, a Markdown template
of kindergartens, a traditional-script foundation, a county summary, a volunteer's blog and a WeChat post;
unseen9: eight with a university's 定点帮扶 and its abbreviation (人大), a scraped page of 托管 with the
helper named second, a GB18030 vocational 协作班, a numbered 结对 arrangement whose note names the helped
first, a Markdown 对口支援 of a university (时为 its former name), 县管校聘 inside one county, a Big5
charity article with tone-number pinyin, and an enterprise's 希望工程 gift in a press-release template.
"""
import json

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.ingest import read_corpus
from test_extract_sample import ROOT, load_scorer

DATA = ROOT / "tests" / "data"
# set: (shortest and longest article, floors for entities typed, untyped, relations typed, untyped, and the most
# false relations allowed)
BLIND = {
    "unseen": ((600, 1500), (0.97, 0.97, 0.96, 0.95), 0),  # measured 1.000, 1.000, 0.985, 0.982
    "unseen2": ((600, 1500), (0.97, 0.97, 0.97, 0.97), 0),  # measured 1.000 on all four
    "unseen3": ((500, 1500), (0.97, 0.97, 0.95, 0.96), 0),  # measured 1.000, 1.000, 0.988, 1.000
    "unseen4": ((500, 1500), (0.97, 0.97, 0.97, 0.97), 0),  # measured 1.000 on all four
    "unseen5": ((500, 1500), (0.97, 0.97, 0.96, 0.97), 0),  # measured 1.000, 1.000, 0.987, 1.000
    "unseen6": ((500, 1500), (0.97, 0.97, 0.96, 0.97), 0),  # measured 1.000, 1.000, 0.986, 1.000
    "unseen7": ((500, 1500), (0.97, 0.97, 0.96, 0.96), 0),  # measured 0.991, 0.991, 0.988, 0.985
    "unseen8": ((500, 1500), (0.97, 0.97, 0.95, 0.96), 0),  # measured 0.986, 0.986, 0.968, 0.975
    "unseen9": ((500, 1500), (0.86, 0.86, 0.70, 0.72), 2),  # measured 0.880, 0.880, 0.730, 0.750; 2 false
}
METRICS = ("entities_typed", "entities_untyped", "relations_typed", "relations_untyped")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Return a function giving the JSON Lines of one set, extracted once."""
    done = {}

    def run(name: str):
        if name not in done:
            out = tmp_path_factory.mktemp("extract") / f"{name}.jsonl"
            result = CliRunner().invoke(cli, ["extract", str(DATA / name / "articles"), "-o", str(out)],
                                        catch_exceptions=False)
            assert result.exit_code == 0, result.output
            done[name] = out
        return done[name]

    return run


def _totals(name: str, predictions) -> dict:
    score = load_scorer()
    result = score.score(score.load_gold(DATA / name / "gold"), score.load_predictions(predictions))
    return {m: score.prf([row for res in result.values() for row in res[m]]) for m in score.METRICS}


@pytest.mark.parametrize("name", sorted(BLIND))
def test_every_article_has_one_gold_file_naming_it(name):
    gold = load_scorer().load_gold(DATA / name / "gold")  # raises on any malformed file
    assert sorted(gold) == sorted(p.name for p in (DATA / name / "articles").iterdir())


@pytest.mark.parametrize("name", sorted(BLIND))
def test_articles_are_of_the_agreed_length(name):
    (shortest, longest), _floors, _false = BLIND[name]
    lengths = {doc.id: len(doc.original) for doc in read_corpus(DATA / name / "articles")}  # decoded: unseen4 has Big5
    assert all(shortest <= n <= longest for n in lengths.values()), lengths


@pytest.mark.parametrize("name", sorted(BLIND))
def test_scores_stay_above_the_measured_floors_with_no_more_false_relations(name, extracted):
    totals = _totals(name, extracted(name))
    _lengths, floors, false = BLIND[name]
    for metric, floor in zip(METRICS, floors):
        assert totals[metric]["f1"] >= floor, (metric, totals[metric])
    assert totals["relations_typed"]["fp"] <= false, totals["relations_typed"]


def test_the_article_without_a_pairing_yields_no_relation(extracted):
    lines = [json.loads(line) for line in extracted("unseen3").read_text(encoding="utf-8").splitlines()]
    row = next(r for r in lines if r["doc"] == "07_tegang_anhui.txt")
    assert row["relations"] == []
