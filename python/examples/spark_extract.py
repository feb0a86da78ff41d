"""Extract records from a corpus with Spark, one `vnextract.Extractor` per
partition, and write them as a Parquet table.

    spark-submit python/examples/spark_extract.py INPUT OUTPUT [--input-format text|jsonl|parquet]

INPUT is a folder of text files (each file one document, its path the
`doc_id`) or a JSONL or Parquet table with `id` and `text` columns. OUTPUT
gets one row per record: `doc_id, kind, text, start, end, rule`, the common
fields `name, code, doc_type, issuer, category, value` (value as a string),
and `fields`, every kind-specific field as a JSON string.

The executors need the `vnextract` wheel installed (a native module cannot be
shipped in `--py-files`): install it on every node, or pack a virtual
environment with it (`venv-pack`) and pass `--archives venv.tar.gz#env` with
`PYSPARK_PYTHON=./env/bin/python`.
"""

from __future__ import annotations

import argparse
import json
from typing import Iterator

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

COMMON = ["name", "code", "doc_type", "issuer", "category", "value"]
SPAN = ["kind", "text", "start", "end", "byte_start", "byte_end", "rule"]
OUTPUT_SCHEMA = (
    "doc_id string, kind string, text string, start long, end long, rule string, "
    + ", ".join(f"{c} string" for c in COMMON)
    + ", fields string"
)


def read(spark: SparkSession, path: str, fmt: str) -> DataFrame:
    """The documents as a table of `id` and `text`."""
    if fmt == "text":
        df = spark.read.text(path, wholetext=True, recursiveFileLookup=True)
        return df.select(F.input_file_name().alias("id"), F.col("value").alias("text"))
    if fmt == "jsonl":
        df = spark.read.json(path)
    else:
        df = spark.read.parquet(path)
    return df.select(F.col("id").cast("string"), F.col("text"))


def _as_text(v):
    if v is None:
        return None
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def extract_partition(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Runs once per partition: one extractor for all of its rows."""
    import vnextract

    ex = vnextract.Extractor()
    for batch in batches:
        texts = [t if isinstance(t, str) else "" for t in batch["text"]]
        rows = []
        for doc_id, records in zip(batch["id"], ex.extract_many(texts, threads=1)):
            for r in records:
                row = {"doc_id": doc_id, **{k: r[k] for k in ("kind", "text", "start", "end", "rule")}}
                for c in COMMON:
                    row[c] = _as_text(r.get(c))
                row["fields"] = json.dumps(
                    {k: v for k, v in r.items() if k not in SPAN}, ensure_ascii=False
                )
                rows.append(row)
        yield pd.DataFrame(rows, columns=OUTPUT_SCHEMA_COLUMNS)


OUTPUT_SCHEMA_COLUMNS = [c.split()[0] for c in OUTPUT_SCHEMA.split(", ")]


def run(spark: SparkSession, src: str, dst: str, fmt: str) -> None:
    docs = read(spark, src, fmt)
    records = docs.mapInPandas(extract_partition, schema=OUTPUT_SCHEMA)
    records.write.mode("overwrite").parquet(dst)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--input-format", choices=["text", "jsonl", "parquet"], default="text")
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    args = ap.parse_args()
    builder = SparkSession.builder.appName("vnextract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.input, args.output, args.input_format)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
