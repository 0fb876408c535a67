"""What every PDF Barnrätt writes must be: tagged (poppler's `pdfinfo` says so, and the
catalogue has a structure tree with headings), in the document's language, and declared as
PDF/UA-1 (to read) or PDF/A-2a (archive copies) in its XMP metadata (pikepdf)."""

import io
import re
import subprocess


def structure_types(pdf) -> set[str]:
    """The structure element types (/H1, /Table, /Figure …) below the StructTreeRoot; a
    figure without a text alternative counts as "/Figure without /Alt"."""
    import pikepdf

    seen, found, stack = set(), set(), [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and node.objgen not in seen:
            if node.is_indirect:
                seen.add(node.objgen)
            if "/S" in node:
                found.add(str(node.S))
                if node.S == "/Figure" and not str(node.get("/Alt", "")).strip():
                    found.add("/Figure without /Alt")
            if "/K" in node:
                stack.append(node.K)
    return found


def assert_tagged_pdf(data: bytes, tmp_path, *, lang="sv", archival=False) -> set[str]:
    import pikepdf

    path = tmp_path / "tagged.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE), info.stdout
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == lang
        assert bool(pdf.Root.MarkInfo.Marked)
        meta = pdf.open_metadata()
        if archival:
            assert meta.get("pdfaid:part") == "2"
            assert meta.get("pdfaid:conformance") == "A"
        else:
            assert meta.get("pdfuaid:part") == "1"
        assert meta.get("dc:title")
        types = structure_types(pdf)
    assert types & {"/H1", "/H2"}, types
    assert "/Figure without /Alt" not in types
    return types
