"""A tiny hand-made graph for the tests of the stages after build (rdf, views, export)."""
from __future__ import annotations

from graph.build import build_graph
from graph.model import Entity, Evidence, Extraction, Mention, Relation
from graph.resolve.state import resolve

SHAANXI = Entity("div:610000", "陕西省", "Province", ("陕西",), "610000", None, "Shanxi Sheng", lon=108.95, lat=34.27)
HANZHONG = Entity("div:610700", "汉中市", "Prefecture", ("汉中",), "610700", "div:610000", "Hanzhong Shi",
                  lon=107.02, lat=33.07)
LUEYANG = Entity("div:610727", "略阳县", "County", ("略阳", "略陽縣"), "610727", "div:610700", "Lueyang Xian",
                 lon=106.16, lat=33.33)
XIAN = Entity("div:610100", "西安市", "Prefecture", ("西安",), "610100", "div:610000", "Xi'an Shi",
              lon=108.94, lat=34.34)
XAUT = Entity("University:西安理工大学", "西安理工大学", "University", (), None, "div:610100", "Xi'an Ligong Daxue")
SCHOOL = Entity("School:略阳县职教中心", "略阳县职教中心", "School", ("县职教中心",), None, "div:610727",
                "Lueyang Xian Zhijiao Zhongxin")
FIRM = Entity("Enterprise:北京华唐中科教育科技有限公司", "北京华唐中科教育科技有限公司", "Enterprise")
PROGRAMME = Entity("Programme:三通两平台", "三通两平台", "Programme")

ARTICLE = ("根据省委高教工委和省教育厅安排，由西安理工大学对口帮扶略阳。"
           "县职教中心与北京华唐中科教育科技有限公司合作办学。")


def _evidence(doc: str, sentence: str) -> Evidence:
    start = ARTICLE.index(sentence)
    return Evidence(doc, sentence, sentence, start, start + len(sentence))


def extraction(doc: str = "a.txt", extra: tuple[Entity, ...] = ()) -> Extraction:
    first, second = ARTICLE.split("。")[:2]
    entities = (SHAANXI, HANZHONG, LUEYANG, XIAN, XAUT, SCHOOL, FIRM, PROGRAMME, *extra)
    relations = (
        Relation(XAUT.key, LUEYANG.key, "assists", "对口帮扶", _evidence(doc, first + "。"), 0.9, 2017,
                 quantities=(("金额", "15万元"),)),
        Relation(SCHOOL.key, FIRM.key, "partners", "合作办学", _evidence(doc, second + "。"), 0.8),
        Relation(LUEYANG.key, HANZHONG.key, "located_in", "gazetteer", None, 1.0),
        Relation(HANZHONG.key, SHAANXI.key, "located_in", "gazetteer", None, 1.0),
        Relation(XIAN.key, SHAANXI.key, "located_in", "gazetteer", None, 1.0),
        Relation(SCHOOL.key, LUEYANG.key, "located_in", "text", None, 0.9),
    )
    mentions = tuple(Mention(0, 1, e.name, e.type, e.key) for e in entities)
    meta = {"title": "略阳教育帮扶", "date": "2017-12-16", "source": "陕西日报", "url": "https://example.org/a"}
    return Extraction(doc, meta, entities, mentions, relations)


def tiny_graph(*extractions: Extraction):
    """Return the graph of the given extractions (default: one document about Lueyang)."""
    return build_graph(resolve(extractions or (extraction(),)))
