"""Namespaces, classes and stable IRIs: the one table every RDF module takes its terms from.

Divisions are named by adcode (…/id/division/610727); other entities by type and canonical name,
percent-encoded (…/id/university/%E8%A5%BF…); partnerships and evidence by a hash of what identifies
them, so rebuilding or adding documents gives the same IRIs and never a duplicate.
"""
from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

BASE = "https://w3id.org/bangfu/"
BF = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
KIND = Namespace(BASE + "kind/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")

# Prefixes written into every serialisation, in this order.
PREFIXES = {
    "bf": BF, "bfid": ID, "bfkind": KIND, "dcterms": DCTERMS, "foaf": FOAF, "geo": GEO, "org": ORG,
    "owl": OWL, "prov": PROV, "rdf": RDF, "rdfs": RDFS, "schema": SDO, "skos": SKOS, "xsd": XSD,
}

ZH = "zh-Hans"
ZH_TRADITIONAL = "zh-Hant"
PINYIN = "zh-Latn-pinyin"

# The graph's node `type` -> ontology class.
CLASSES = {
    "Province": BF.Province, "Prefecture": BF.Prefecture, "County": BF.County, "Township": BF.Township,
    "Village": BF.Village, "University": BF.University, "School": BF.School, "Government": BF.GovernmentBody,
    "Enterprise": BF.Enterprise, "Organization": BF.Organization, "Group": BF.Group, "Programme": BF.Programme,
    "Person": BF.Person,
}

# School sub-kinds, recognised by how the name ends (first match wins).
SCHOOL_KINDS = (
    (("幼儿园",), BF.Kindergarten),
    (("小学", "完小", "教学点"), BF.PrimarySchool),
    (("职教中心", "职业中学", "职业学校", "职业技术学校", "技校", "中专"), BF.VocationalSchool),
    (("中学", "初中", "高中", "一中", "二中", "三中"), BF.MiddleSchool),
    (("特殊教育学校", "特教学校"), BF.SpecialSchool),
)

# Shortcut property for each relation type of the graph.
SHORTCUTS = {"assists": BF.assists, "partners": BF.partnersWith, "trains": BF.trains}

# Partnership kinds that the ontology names (ontology/bangfu.ttl, bfkind:*); others get a quoted IRI.
KIND_SLUGS = {
    "帮扶": "bangfu", "对口帮扶": "duikou-bangfu", "定点帮扶": "dingdian-bangfu", "结对帮扶": "jiedui-bangfu",
    "教育帮扶": "jiaoyu-bangfu", "支教": "zhijiao", "送教": "songjiao", "挂职": "guazhi", "捐赠": "juanzeng",
    "援建": "yuanjian", "合作办学": "hezuo-banxue", "结对": "jiedui", "结对跟岗": "jiedui-gengang",
    "跟岗培训": "gengang-peixun", "培训": "peixun", "交流协作": "jiaoliu-xiezuo", "支持": "zhichi",
    "共建": "gongjian",
}
KIND_SCHEME = BF.PartnershipKinds


def normalise(name: str) -> str:
    """Return the key form of a name: NFKC, inner whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def _quoted(text: str) -> str:
    return quote(normalise(text), safe="")


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def entity_iri(key: str) -> URIRef:
    """Return the IRI of a graph node from its key alone: by adcode for divisions ("div:610727"), else by
    the type and name the key carries ("University:西安理工大学"). Documents can thus cite a node without
    knowing what the other documents say about it."""
    if key.startswith("div:"):
        return ID[f"division/{quote(key[4:], safe='')}"]
    prefix, _, name = key.partition(":")
    if not name:  # a key without a type prefix
        prefix, name = "entity", key
    return ID[f"{prefix.lower()}/{_quoted(name)}"]


def document_iri(doc: str) -> URIRef:
    return ID[f"document/{quote(doc, safe='')}"]


def partnership_iri(source: str, target: str, rtype: str) -> URIRef:
    return ID[f"partnership/{_digest(source, target, rtype)}"]


def evidence_iri(partnership: URIRef, doc: str, start: int, end: int, kind: str) -> URIRef:
    return ID[f"evidence/{_digest(partnership, doc, start, end, kind)}"]


def quantity_iri(partnership: URIRef, label: str, value: str) -> URIRef:
    return ID[f"quantity/{_digest(partnership, label, value)}"]


def kind_iri(kind: str) -> URIRef:
    """Return the SKOS concept of a partnership kind."""
    return KIND[KIND_SLUGS.get(kind) or _quoted(kind)]


def school_class(name: str) -> URIRef | None:
    """Return the School sub-class a school's name implies, if any."""
    for endings, cls in SCHOOL_KINDS:
        if name.endswith(endings):
            return cls
    return None
