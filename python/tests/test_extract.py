"""The Python package gives the CLI's records, raises clear errors, and
extracts in parallel without changing a record."""

import json
import os
import pathlib
import subprocess

import pytest

import vnextract

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))
ORG_HEADER = "name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\n"


def cli() -> str:
    """The CLI binary the tests compare with: `VNEXTRACT_BIN`, else a build."""
    if os.environ.get("VNEXTRACT_BIN"):
        return os.environ["VNEXTRACT_BIN"]
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "vnextract"
        if p.exists():
            return str(p)
    pytest.skip("no vnextract binary: build it with `cargo build`")


def test_the_readme_line():
    records = vnextract.extract("Theo Chỉ thị số 05-CT/TW của Bộ Chính trị.")
    assert records[0]["kind"] == "document_ref"
    assert records[0]["code"] == "05-CT/TW"
    assert records[0]["issuer"] == "Bộ Chính trị"
    assert (records[0]["start"], records[0]["end"]) == (5, 24)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_records_equal_the_cli_on_every_sample(sample):
    out = subprocess.run(
        [cli(), "extract", str(sample)], capture_output=True, check=True, text=True
    ).stdout
    want = json.loads(out)["records"]
    text = sample.read_text(encoding="utf-8")
    assert vnextract.extract(text) == want
    assert vnextract.Extractor().extract_many([text], threads=1) == [want]


def test_kinds_and_ref_date():
    text = "Ngày 5/6, Bộ Chính trị ban hành Chỉ thị số 05-CT/TW."
    only = vnextract.extract(text, kinds=["date"], ref_date="2024-01-01")
    assert [r["kind"] for r in only] == ["date"]
    assert only[0]["value"] == "2024-06-05"
    assert {r["kind"] for r in vnextract.extract(text, kinds="organization")} == {"organization"}


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match="unknown kind `dates`"):
        vnextract.extract("x", kinds=["dates"])
    with pytest.raises(ValueError, match="not a date"):
        vnextract.extract("x", ref_date="5/6/2024")
    with pytest.raises(TypeError, match="text must be str"):
        vnextract.extract(b"bytes")
    with pytest.raises(ValueError, match="threads"):
        vnextract.Extractor().extract_many(["x"], threads=0)


def test_bad_data_raises_with_its_file_and_line(tmp_path):
    (tmp_path / "organizations.tsv").write_text(
        ORG_HEADER + "# a comment\nSở X\t\t\tplanet\t\t\t\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"organizations.tsv:3: category `planet`"):
        vnextract.Extractor(data_dir=tmp_path)
    with pytest.raises(OSError, match="no such folder"):
        vnextract.Extractor(data_dir=tmp_path / "nowhere")
    rules = tmp_path / "r.jsonl"
    rules.write_text('{"kind": "organization", "regex": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"r.jsonl:2: invalid JSON"):
        vnextract.Extractor(rules=rules)


def test_user_data_is_read(tmp_path):
    (tmp_path / "organizations.tsv").write_text(
        ORG_HEADER + "Khu kinh tế Vân Phong\tKKT Vân Phong\t\tstate\t\t\t\n", encoding="utf-8"
    )
    ex = vnextract.Extractor(data_dir=str(tmp_path))
    names = [r.get("name") for r in ex.extract("Tỉnh đầu tư vào KKT Vân Phong năm nay.")]
    assert "Khu kinh tế Vân Phong" in names


def test_extract_many_in_parallel_equals_serial():
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    docs = [texts[i % len(texts)][: 200 + 37 * i] for i in range(1000)]
    ex = vnextract.Extractor()
    serial = [ex.extract(d) for d in docs]
    assert ex.extract_many(docs, threads=2) == serial
    assert ex.extract_many([]) == []
    assert [json.loads(x) for x in ex.extract_many_json(docs[:50], threads=2)] == serial[:50]
