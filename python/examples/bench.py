"""Throughput of `Extractor.extract_many` against the CLI on a folder of
text files, both on the same texts and thread counts:

    python python/examples/bench.py CORPUS_DIR [target/release/vnextract]
"""

import pathlib
import subprocess
import sys
import time

import vnextract


def main() -> None:
    folder = pathlib.Path(sys.argv[1])
    cli = sys.argv[2] if len(sys.argv) > 2 else "target/release/vnextract"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    ex = vnextract.Extractor()
    for threads in (1, 2):
        t = time.perf_counter()
        ex.extract_many(texts, threads=threads)
        py = time.perf_counter() - t
        t = time.perf_counter()
        cmd = [cli, "extract", "--threads", str(threads), str(folder)]
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        native = time.perf_counter() - t
        print(
            f"threads {threads}: extract_many {mb / py:.1f} MB/s, "
            f"CLI {mb / native:.1f} MB/s, ratio {native / py:.2f}"
        )


if __name__ == "__main__":
    main()
