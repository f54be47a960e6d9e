from urllib.parse import unquote

from graph.rdf import terms as t


def test_division_iri_is_its_adcode():
    assert str(t.entity_iri("div:610727")) == "https://w3id.org/bangfu/id/division/610727"


def test_other_entities_are_named_by_type_and_quoted_name():
    iri = str(t.entity_iri("University:西安理工大学"))
    assert iri.startswith("https://w3id.org/bangfu/id/university/%E8%A5%BF")
    assert unquote(iri.rsplit("/", 1)[1]) == "西安理工大学"


def test_names_are_normalised_and_slashes_quoted():
    assert t.entity_iri("School:ＡＢ 中学") == t.entity_iri("School:AB中学")
    assert "/" not in str(t.entity_iri("Organization:甲/乙")).rsplit("organization/", 1)[1]


def test_partnership_iri_depends_only_on_its_ends_and_type():
    one = t.partnership_iri("University:西安理工大学", "div:610727", "assists")
    assert one == t.partnership_iri("University:西安理工大学", "div:610727", "assists")
    assert one != t.partnership_iri("University:西安理工大学", "div:610727", "trains")


def test_kinds_the_ontology_names_get_readable_iris():
    assert str(t.kind_iri("对口帮扶")).endswith("/kind/duikou-bangfu")
    assert str(t.kind_iri("新方式")).endswith("/kind/%E6%96%B0%E6%96%B9%E5%BC%8F")


def test_school_sub_kinds_follow_the_name():
    assert t.school_class("略阳县职教中心") == t.BF.VocationalSchool
    assert t.school_class("略阳县天津中学") == t.BF.MiddleSchool
    assert t.school_class("城关小学") == t.BF.PrimarySchool
    assert t.school_class("某学校") is None
