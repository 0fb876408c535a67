"""The page weight the bench reports: HTML plus the stylesheets and scripts it links."""

from bench.weight import linked_assets, page_weight

PAGE = """<!DOCTYPE html><html><head>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/barnratt.css">
<link href='/static/css/print.css' media=print rel='Stylesheet'>
<link rel="preload stylesheet" href="css/local.css">
<script src="/static/vendor/htmx-2.0.8.min.js" defer></script>
<script>console.log("inline")</script>
<script src="https://cdn.example.invalid/x.js"></script>
<link rel="stylesheet" href="/static/css/barnratt.css">
</head><body><a href="/static/not-an-asset.css">x</a></body></html>"""


def test_linked_assets_are_stylesheets_and_scripts_once_each_on_this_host():
    assert linked_assets(PAGE, "/b/ABCDEF/") == [
        "/static/css/barnratt.css",
        "/static/css/print.css",
        "/b/ABCDEF/css/local.css",
        "/static/vendor/htmx-2.0.8.min.js",
    ]


def test_page_weight_adds_the_html_and_every_asset_uncompressed():
    sizes = {
        "/static/css/barnratt.css": 12_000,
        "/static/css/print.css": 1_000,
        "/b/ABCDEF/css/local.css": 500,
        "/static/vendor/htmx-2.0.8.min.js": 51_000,
    }
    fetched = []

    def fetch(path):
        fetched.append(path)
        return b"x" * sizes[path]

    html = PAGE.encode()
    weight = page_weight(html, "/b/ABCDEF/", fetch)
    assert fetched == list(sizes)
    assert weight["html_bytes"] == len(html)
    assert weight["asset_bytes"] == 64_500
    assert weight["assets"] == sizes
    assert weight["total_kb"] == round((len(html) + 64_500) / 1000, 1)


def test_a_page_without_assets_weighs_its_html():
    weight = page_weight(b"<p>ok</p>", "/", lambda path: b"")
    assert weight == {"html_bytes": 9, "asset_bytes": 0, "assets": {}, "total_kb": 0.0}
