"""The Spark example in local mode writes the CLI's records for every sample."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from test_extract import SAMPLES, cli

pytest.importorskip("pyspark")
pd = pytest.importorskip("pandas")
if shutil.which("java") is None:
    pytest.skip("no Java for Spark", allow_module_level=True)

EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "spark_extract.py"


def test_spark_example_writes_the_cli_records(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for s in SAMPLES:
        shutil.copy(s, src / s.name)
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, str(EXAMPLE), str(src), str(out), "--master", "local[2]"],
        check=True,
        timeout=600,
        # The workers run this interpreter, which has the wheel.
        env={**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable},
    )
    table = pd.read_parquet(out)
    span = ("kind", "text", "start", "end", "byte_start", "byte_end", "rule")

    def row(kind, text, start, end, rule, fields):
        return (int(start), int(end), kind, text, rule, json.dumps(fields, sort_keys=True))

    for s in SAMPLES:
        out = subprocess.run([cli(), "extract", str(s)], capture_output=True, check=True, text=True)
        want = sorted(
            row(r["kind"], r["text"], r["start"], r["end"], r["rule"],
                {k: v for k, v in r.items() if k not in span})
            for r in json.loads(out.stdout)["records"]
        )
        mine = table[table["doc_id"].str.endswith("/" + s.name)]
        got = sorted(
            row(g.kind, g.text, g.start, g.end, g.rule, json.loads(g.fields))
            for g in mine.itertuples()
        )
        assert got == want, s.name
        # The common columns repeat their fields.
        names = {g.name for g in mine.itertuples() if g.kind == "organization"}
        assert names and None not in names
