#!/usr/bin/env bash
# Builds a benchmark corpus by repeating text files until it holds MB megabytes:
#   scripts/make_corpus.sh OUT_DIR [MB] [TEXT_DIR...]
# Text folders default to data/samples; add ../shared/eval/texts/dev locally.
# Files keep their size (one copy per file), so the corpus has the document
# sizes of its sources.
set -euo pipefail

out=${1:?usage: make_corpus.sh OUT_DIR [MB] [TEXT_DIR...]}
mb=${2:-50}
shift $(($# >= 2 ? 2 : 1))
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(data/samples)

sources=()
for d in "${dirs[@]}"; do
    while IFS= read -r -d '' f; do sources+=("$f"); done < <(find "$d" -name '*.txt' -type f -print0 | sort -z)
done
[ ${#sources[@]} -gt 0 ] || { echo "make_corpus.sh: no .txt files in ${dirs[*]}" >&2; exit 1; }

mkdir -p "$out"
limit=$((mb * 1000 * 1000))
total=0
n=0
while [ "$total" -lt "$limit" ]; do
    src=${sources[$((n % ${#sources[@]}))]}
    dst=$(printf '%s/doc%06d.txt' "$out" "$n")
    cp "$src" "$dst"
    total=$((total + $(stat -c %s "$dst")))
    n=$((n + 1))
done
echo "$out: $n files, $total bytes"
