"""The published reports as open data (decision 0042): the key figures as RFC 4180 CSV with a
Frictionless Data Package that describes them (Table Schema), a licence, and a DCAT-AP-SE
catalogue of every published report for Sweden's data portal to harvest.

The open data is always in Swedish, the report's own language, so that a program reads the
same file whatever language its requests ask for."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.exports import as_open_csv

from .document import key_figure_rows

# The licences an organisation may choose, by SPDX id, with the IRI Sweden's data portal
# expects (http, with the closing slash: DCAT-AP-SE's harvesting rules).
LICENSES = {
    "CC0-1.0": (
        "Creative Commons Zero v1.0 Universal",
        "http://creativecommons.org/publicdomain/zero/1.0/",
    ),
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0 International",
        "http://creativecommons.org/licenses/by/4.0/",
    ),
}
LANGUAGE = "sv"
CSV_MEDIA_TYPE = "text/csv"
JSON_MEDIA_TYPE = "application/json"


def license_info() -> dict:
    """The chosen licence as a Data Package `licenses` entry."""
    spdx = settings.OPEN_DATA_LICENSE
    title, iri = LICENSES[spdx]
    return {"name": spdx, "title": title, "path": iri}


def table_schema() -> dict:
    """The Table Schema of the key-figure CSV: its header is these names, in this order."""
    with translation.override(LANGUAGE):
        fields = [
            ("year", "integer", _("The year the report covers.")),
            ("section", "string", _("The report's section, such as decisions or training.")),
            ("figure_id", "string", _("The key figure's stable id, the same every year.")),
            ("figure", "string", _("What the key figure counts, in words.")),
            (
                "organisation",
                "string",
                _("The organisation the value is for, or Totalt for all the report covers."),
            ),
            (
                "value",
                "number",
                _("The value; empty where there is none (or the group is too small to show)."),
            ),
        ]
        return {
            "fields": [
                {"name": name, "type": kind, "description": description}
                for name, kind, description in fields
            ],
            "missingValues": [""],
        }


def key_figures_csv(document: dict) -> bytes:
    """The key figures as open data: RFC 4180, a header of the schema's names."""
    names = [field["name"] for field in table_schema()["fields"]]
    return as_open_csv(names, key_figure_rows(document, LANGUAGE))


def _description(title: str) -> str:
    return _(
        "Key figures of %(title)s: decisions and how children's interests were weighed, "
        "children's participation, the plan, training and the child budget."
    ) % {"title": title}


def _export_url(request, version, fmt: str) -> str:
    report = version.report
    path = reverse("reports:public_export", args=[report.slug, report.year, version.number, fmt])
    return request.build_absolute_uri(path)


def data_package(request, version) -> dict:
    """A Frictionless (tabular) Data Package for one published version."""
    report, document = version.report, version.data
    page = reverse("reports:public_version", args=[report.slug, report.year, version.number])
    with translation.override(LANGUAGE):
        description = _description(document["title"])
        return {
            "profile": "tabular-data-package",
            "name": f"barnratt-{report.slug}-{report.year}-v{version.number}".lower(),
            "title": document["title"],
            "description": description,
            "version": f"{version.number}.0.0",
            "created": version.published_at.isoformat(timespec="seconds"),
            "homepage": request.build_absolute_uri(page),
            "keywords": ["barnkonventionen", "barnrätt", "folkhälsa", str(report.year)],
            "licenses": [license_info()],
            "contributors": [
                {"title": organisation["name"], "role": "publisher"}
                for organisation in document["organisations"]
            ],
            "resources": [
                {
                    "profile": "tabular-data-resource",
                    "name": "nyckeltal",
                    "title": _("Key figures"),
                    "description": _("One row per key figure and organisation, and the total."),
                    "path": _export_url(request, version, "csv"),
                    "format": "csv",
                    "mediatype": CSV_MEDIA_TYPE,
                    "encoding": "utf-8",
                    "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                    "schema": table_schema(),
                }
            ],
        }


# ADMS publisher types, as DCAT-AP-SE recommends for dcterms:type of a publisher.
PUBLISHER_TYPES = {"municipality": "LocalAuthority", "region": "RegionalAuthority"}


def catalogue(request, organisation, versions) -> dict:
    """The context of the DCAT-AP-SE catalogue (RDF/XML, `reports/dcat.rdf`) of an
    organisation's published reports: `versions` is the newest version of each."""
    here = request.build_absolute_uri(reverse("reports:dcat_catalogue", args=[organisation.pk]))
    with translation.override(LANGUAGE):
        datasets = [_dataset(request, version) for version in versions]
        return {
            "catalogue": {
                "iri": here,
                "title": _("Open data from %(organisation)s's yearly reports")
                % {"organisation": organisation.name},
                "description": _(
                    "The key figures of the yearly reports on public health and the Convention "
                    "on the Rights of the Child that %(organisation)s has published in Barnrätt."
                )
                % {"organisation": organisation.name},
                "homepage": request.build_absolute_uri(reverse("reports:public_index")),
                "modified": max((version.published_at for version in versions), default=None),
            },
            "publisher": {
                # Without an organisation number, an IRI in this catalogue's own name space.
                "iri": f"{here}#publisher",
                "name": organisation.name,
                "type": PUBLISHER_TYPES.get(organisation.kind, "NonProfitOrganisation"),
            },
            "license": license_info(),
            "datasets": datasets,
        }


def _dataset(request, version) -> dict:
    report = version.report
    page = reverse("reports:public_report", args=[report.slug, report.year])
    package = reverse("reports:data_package", args=[report.slug, report.year, version.number])
    return {
        "iri": request.build_absolute_uri(page),
        "title": report.title,
        "description": _description(report.title),
        "issued": version.published_at,
        "year": report.year,
        "distributions": [
            {
                "iri": _export_url(request, version, "csv"),
                "title": _("Key figures (CSV)"),
                "description": _("One row per key figure and organisation, and the total."),
                "media_type": CSV_MEDIA_TYPE,
                "conforms_to": "https://www.rfc-editor.org/rfc/rfc4180",
            },
            {
                "iri": _export_url(request, version, "json"),
                "title": _("The whole report (JSON)"),
                "description": _("Every section, table and figure of the report."),
                "media_type": JSON_MEDIA_TYPE,
                "conforms_to": "",
            },
            {
                "iri": request.build_absolute_uri(package),
                "title": _("Data package (Frictionless)"),
                "description": _("The key figures' table schema and licence."),
                "media_type": JSON_MEDIA_TYPE,
                "conforms_to": "https://datapackage.org/standard/data-package/",
            },
        ],
    }
