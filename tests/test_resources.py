"""Shipped data: every file under seeds/ and ontology/ loads, and a wheel (non-editable) install finds them."""
import subprocess
import sys
import zipfile

import pytest
import rdflib

from graph import resources
from graph.extract import lexicon
from graph.extract.gazetteer import load_gazetteer


def test_every_lexicon_loads_and_is_not_empty():
    for load in (lexicon.heads, lexicon.name_stops, lexicon.generic_names, lexicon.posts, lexicon.surnames,
                 lexicon.programmes, lexicon.triggers):
        assert len(load()) > 0, load.__name__
    assert {t.relation for t in lexicon.triggers().values()} == {"assists", "partners", "trains"}


def test_every_ontology_file_parses():
    for name in ("bangfu.ttl", "shapes.ttl"):
        assert len(rdflib.Graph().parse(resources.ontology(name), format="turtle")) > 50


def test_gazetteer_and_sample_corpus_are_shipped():
    assert len(load_gazetteer()) > 3000
    assert len(list(resources.sample_corpus().iterdir())) >= 6


@pytest.mark.slow
def test_a_wheel_install_finds_seeds_and_ontology(tmp_path):
    root = resources._ROOT
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(root)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("bangfu-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = ("import graph.resources as r, graph.extract.gazetteer as g; "
             "print(r.seed('lexicons', 'triggers.tsv')); print(r.ontology('bangfu.ttl')); "
             "print(len(g.load_gazetteer()))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    seed_path, ontology_path, count = result.stdout.split()
    assert seed_path.startswith(str(site)) and ontology_path.startswith(str(site))
    assert int(count) > 3000
