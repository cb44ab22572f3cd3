"""veraPDF-style checks of PDF/UA-1 that a test can run without Java.

veraPDF checks a PDF against the machine-checkable rules of PDF/UA-1
(ISO 14289-1, the Matterhorn Protocol's failure conditions). This module
checks the ones a report can break, with pypdf and poppler's pdfinfo:

- the catalog: /MarkInfo /Marked true, a /StructTreeRoot with the roles of
  the document, /Lang, /ViewerPreferences /DisplayDocTitle true, bookmarks
  (/Outlines);
- the XMP metadata: the PDF/UA identification (pdfuaid:part 1) and a
  dc:title;
- every page: in the structure tree (/StructParents, its entry in the
  /ParentTree), tab order by structure (/Tabs /S), every text-showing
  operator of its content inside marked content with an MCID (or an
  /Artifact), every MCID it uses found in its /ParentTree entry, every font
  embedded, every annotation with a /StructParent and /Contents;
- pdfinfo says "Tagged: yes".

``pdfua_problems(content, lang)`` returns the problems in words; an empty
list means the checks pass.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess

from pypdf import PdfReader
from pypdf.generic import ContentStream

TEXT_OPERATORS = {b"Tj", b"TJ", b"'", b'"'}
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
REPORT_ROLES = ("/Document", "/H1", "/H2", "/P", "/Table", "/TR", "/TH", "/L")


def _structure_roles(node, roles: set, seen: set) -> None:
    node = node.get_object()
    if id(node) in seen:
        return
    seen.add(id(node))
    if "/S" in node:
        roles.add(str(node["/S"]))
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object()
        if hasattr(kid, "get"):
            _structure_roles(kid, roles, seen)


def _number_tree(node) -> dict[int, object]:
    """A PDF number tree (/Nums, /Kids) as a dict."""
    node = node.get_object()
    found = {}
    nums = node.get("/Nums") or []
    for index in range(0, len(nums) - 1, 2):
        found[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids") or []:
        found.update(_number_tree(kid))
    return found


def _marked_content(page, reader) -> tuple[int, set[int]]:
    """(text operators outside tagged content, MCIDs used) of a page."""
    untagged, mcids = 0, set()
    stack: list[tuple[str, bool]] = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator in (b"BDC", b"BMC"):
            properties = operands[1] if operator == b"BDC" else None
            if hasattr(properties, "get_object"):
                properties = properties.get_object()
            mcid = None
            if hasattr(properties, "get") and "/MCID" in properties:
                mcid = int(properties["/MCID"])
                mcids.add(mcid)
            stack.append((str(operands[0]), mcid is not None))
        elif operator == b"EMC":
            if stack:
                stack.pop()
        elif operator in TEXT_OPERATORS and not any(
            tag == "/Artifact" or has_id for tag, has_id in stack
        ):
            untagged += 1
    return untagged, mcids


def _font_problems(page) -> list[str]:
    problems = []
    for font in (page["/Resources"].get("/Font") or {}).values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        described = descendants[0].get_object() if descendants else font
        descriptor = described.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor else {}
        if not any(key in descriptor for key in FONT_FILES):
            problems.append(f"font {font.get('/BaseFont')} not embedded")
    return problems


def _page_problems(number, page, reader, parents) -> list[str]:
    problems = []
    if "/StructParents" not in page:
        problems.append(f"page {number} is not in the structure tree")
    elif int(page["/StructParents"]) not in parents:
        problems.append(f"page {number} has no entry in the /ParentTree")
    if page.get("/Tabs") != "/S":
        problems.append(f"page {number}: tab order does not follow the structure")
    problems += [f"page {number}: {p}" for p in _font_problems(page)]
    untagged, mcids = _marked_content(page, reader)
    if untagged:
        problems.append(f"page {number}: {untagged} pieces of text are not tagged")
    entry = parents.get(int(page.get("/StructParents", -1)))
    elements = list(entry.get_object()) if entry is not None else []
    lost = sorted(
        mcid
        for mcid in mcids
        if mcid >= len(elements) or elements[mcid].get_object() is None
    )
    if lost:
        problems.append(f"page {number}: marked content {lost} has no structure")
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        kind = annotation.get("/Subtype")
        if kind in ("/Popup",):
            continue
        if "/StructParent" not in annotation:
            problems.append(f"page {number}: a {kind} annotation is not tagged")
        if kind == "/Link" and not annotation.get("/Contents"):
            problems.append(f"page {number}: a link has no /Contents")
    return problems


def pdfua_problems(content: bytes, lang: str, roles=REPORT_ROLES) -> list[str]:
    """The problems veraPDF would find first in `content`, in words."""
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    problems = []
    if not (root.get("/MarkInfo") or {}).get("/Marked"):
        problems.append("not marked as tagged (/MarkInfo /Marked)")
    parents: dict[int, object] = {}
    if "/StructTreeRoot" not in root:
        problems.append("no structure tree")
    else:
        tree = root["/StructTreeRoot"].get_object()
        found: set[str] = set()
        _structure_roles(tree, found, set())
        problems += [f"no {r} in the structure tree" for r in roles if r not in found]
        if "/ParentTree" in tree:
            parents = _number_tree(tree["/ParentTree"])
        else:
            problems.append("no /ParentTree in the structure tree")
    if root.get("/Lang") != lang:
        problems.append(f"/Lang is {root.get('/Lang')!r}, not {lang!r}")
    if not (root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
        problems.append("the title is not shown (/DisplayDocTitle)")
    metadata = root.get("/Metadata")
    xmp = metadata.get_object().get_data().decode() if metadata else ""
    if not re.search(r"pdfuaid:part(=\"1\"|>1<)", xmp):
        problems.append("no PDF/UA identification (pdfuaid:part) in the XMP")
    if not re.search(r"<dc:title>.*\S.*</dc:title>", xmp, re.S):
        problems.append("no dc:title in the XMP")
    for number, page in enumerate(reader.pages, start=1):
        problems += _page_problems(number, page, reader, parents)
    if "/Outlines" not in root or not reader.outline:
        problems.append("no bookmarks (outline)")
    return problems


def pdfinfo_tagged(content: bytes) -> bool | None:
    """What poppler's pdfinfo says of "Tagged:"; None without pdfinfo."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return None
    out = subprocess.run(
        [pdfinfo, "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return bool(re.search(r"Tagged:\s+yes", out))
