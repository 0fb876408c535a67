"""The published report as open data, checked with real validators: the CSV is RFC 4180, the
Frictionless Data Package validates (frictionless, schema and data), the DCAT-AP-SE catalogue is
RDF/XML that rdflib parses and that meets the profile's mandatory properties (pySHACL), and the
public page links to it all from its head."""

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from frictionless import Package, validate
from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace, URIRef
from rdflib import namespace as vocabularies

from reports import services
from tests.reports.conftest import AS_OF

DCAT, DCTERMS, FOAF, RDF = (
    vocabularies.DCAT,
    vocabularies.DCTERMS,
    vocabularies.FOAF,
    vocabularies.RDF,
)

SHAPES = Path(__file__).with_name("dcat_ap_se_shapes.ttl")
SCHEMA_FIELDS = ["year", "section", "figure_id", "figure", "organisation", "value"]
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
CC_BY = URIRef("http://creativecommons.org/licenses/by/4.0/")


@pytest.fixture
def published(report, coordinator, decision_maker, cases_2026):
    services.approve_report(report, by=decision_maker)
    return services.publish_report(report, by=coordinator, as_of=AS_OF)


def get(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, response.content[:200]
    return response


def version_args(version):
    return [version.report.slug, version.report.year, version.number]


def test_the_key_figures_are_rfc_4180(client, published):
    response = get(client, "reports:public_export", *version_args(published), "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content
    assert not content.startswith(b"\xef\xbb\xbf"), "no byte-order mark in open data"
    text = content.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))  # RFC 4180 is csv's default dialect
    assert rows[0] == SCHEMA_FIELDS
    assert all(len(row) == len(SCHEMA_FIELDS) for row in rows)
    values = [row[5] for row in rows[1:] if row[5]]
    assert values and all(float(value) == float(value) for value in values)
    assert not [value for value in values if "," in value or value.endswith(".0")]


def test_the_data_package_validates_with_frictionless(client, published, tmp_path):
    package = get(client, "reports:data_package", *version_args(published)).json()
    assert package["licenses"] == [
        {
            "name": "CC0-1.0",
            "title": "Creative Commons Zero v1.0 Universal",
            "path": "http://creativecommons.org/publicdomain/zero/1.0/",
        }
    ]
    (resource,) = package["resources"]
    assert resource["path"] == "http://testserver" + reverse(
        "reports:public_export", args=[*version_args(published), "csv"]
    )
    fields = resource["schema"]["fields"]
    assert [field["name"] for field in fields] == SCHEMA_FIELDS
    assert [field["type"] for field in fields] == [
        "integer",
        "string",
        "string",
        "string",
        "string",
        "number",
    ]
    assert all(field["description"] for field in fields)
    assert fields[0]["description"] == "Året som rapporten gäller."

    # Validate the descriptor and the data together, with the file the link serves saved
    # beside it (frictionless would fetch the absolute URL; the test has no server).
    csv_bytes = get(client, "reports:public_export", *version_args(published), "csv").content
    (tmp_path / "nyckeltal.csv").write_bytes(csv_bytes)
    resource["path"] = "nyckeltal.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False))
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    table = Package(str(tmp_path / "datapackage.json")).get_resource("nyckeltal").read_rows()
    decided = [row for row in table if row["figure_id"] == "decisions.decided"]
    assert [(row["organisation"], row["value"]) for row in decided] == [
        ("Karlskoga kommun", 3),
        ("Totalt", 3),
    ]


def test_the_organisation_may_choose_cc_by(client, published, settings):
    settings.OPEN_DATA_LICENSE = "CC-BY-4.0"
    package = get(client, "reports:data_package", *version_args(published)).json()
    assert package["licenses"][0]["path"] == str(CC_BY)
    graph = dcat_graph(client, published)
    assert set(graph.objects(None, DCTERMS.license)) == {CC_BY}


def dcat_graph(client, version) -> Graph:
    response = get(client, "reports:dcat_catalogue", version.report.organisation_id)
    assert response["Content-Type"] == "application/rdf+xml; charset=utf-8"
    return Graph().parse(data=response.content, format="xml")


def test_the_dcat_ap_se_catalogue_meets_the_profile(client, published):
    graph = dcat_graph(client, published)
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _report, text = shacl_validate(graph, shacl_graph=shapes)
    assert conforms, text

    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    (dataset,) = graph.objects(catalogue, DCAT.dataset)
    report = published.report
    page = "http://testserver" + reverse("reports:public_report", args=[report.slug, report.year])
    assert dataset == URIRef(page)
    assert str(graph.value(dataset, DCTERMS.title)) == report.title
    publisher = graph.value(dataset, DCTERMS.publisher)
    assert str(graph.value(publisher, FOAF.name)) == "Karlskoga kommun"
    assert graph.value(publisher, DCTERMS.type) == URIRef(
        "http://purl.org/adms/publishertype/LocalAuthority"
    )
    iana = Namespace("http://www.iana.org/assignments/media-types/")
    media_types = {
        graph.value(distribution, DCAT.mediaType)
        for distribution in graph.objects(dataset, DCAT.distribution)
    }
    assert media_types == {iana["text/csv"], iana["application/json"]}
    for distribution in graph.objects(dataset, DCAT.distribution):
        assert graph.value(distribution, DCAT.accessURL) == URIRef(page)
        assert graph.value(distribution, DCTERMS.license) == CC0
        # Every file the catalogue names is there.
        assert client.get(str(graph.value(distribution, DCAT.downloadURL))).status_code == 200


def test_an_organisation_that_published_nothing_has_no_catalogue(client, degerfors):
    response = client.get(reverse("reports:dcat_catalogue", args=[degerfors.pk]))
    assert response.status_code == 404


class HeadLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.in_head = [], False

    def handle_starttag(self, tag, attrs):
        self.in_head = self.in_head or tag == "head"
        if tag == "link" and self.in_head:
            self.links.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def test_the_public_page_links_its_open_data_from_its_head(client, published):
    report = published.report
    page = get(client, "reports:public_report", report.slug, report.year).content.decode()
    parser = HeadLinks()
    parser.feed(page)
    alternates = {
        link["type"]: link["href"] for link in parser.links if link.get("rel") == "alternate"
    }
    assert set(alternates) == {"application/json", "text/csv", "application/rdf+xml"}
    for media_type, href in alternates.items():
        response = client.get(href)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(media_type)
    described_by = [link for link in parser.links if link.get("rel") == "describedby"]
    assert client.get(described_by[0]["href"]).json()["profile"] == "tabular-data-package"
    assert {"rel": "license", "href": str(CC0)} in parser.links
    assert "Öppna data:" in page and "datapaket" in page


def test_the_staff_preview_csv_is_for_swedish_excel_and_an_xlsx_is_published(
    coordinator_client, client, report, published
):
    preview = coordinator_client.get(
        reverse("reports:report_preview_export", args=[published.report.pk, "csv"])
    ).content
    assert preview.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(preview[3:].decode(), newline=""), delimiter=";"))
    assert rows[0] == ["år", "avsnitt", "uppgiftens id", "uppgift", "organisation", "värde"]
    assert not [row[5] for row in rows[1:] if "." in row[5]]
    xlsx = get(client, "reports:public_export", *version_args(published), "xlsx")
    assert xlsx.content[:2] == b"PK"
