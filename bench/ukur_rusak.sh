#!/usr/bin/env bash
# Waktu dan puncak memori `lkjip periksa` dan `susun` pada setiap berkas tests/data/rusak/,
# sebagai tabel Markdown (BENCHMARKS.md, "Batas dan berkas rusak").
#
#   bash bench/ukur_rusak.sh [LKJIP] [BERKAS...]
set -uo pipefail
AKAR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$AKAR"
LKJIP=${1:-target/release/lkjip}
shift || true
if [[ $# -eq 0 ]]; then set -- tests/data/rusak/*.xls* tests/data/rusak/*.ods; fi
KELUAR=$(mktemp -d "${TMPDIR:-/tmp}/lkjip-rusak.XXXXXX")
trap 'rm -rf "$KELUAR"' EXIT
echo "| berkas | periksa: kode | s | MB | susun: kode | s | MB | pesan (awal) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for f in "$@"; do
    baris="| $(basename "$f")"
    for p in periksa susun; do
        args=("$p" "$f")
        [[ $p == susun ]] && args+=(-o "$KELUAR/t.xlsx")
        /usr/bin/time -f '%x %e %M' -o "$KELUAR/w" timeout ${BATAS_UKUR:-120} "$LKJIP" "${args[@]}" >/dev/null 2>"$KELUAR/e"
        read -r kode detik kb < <(tail -1 "$KELUAR/w")
        baris+=" | $kode | $detik | $((kb / 1024))"
        rm -f "$KELUAR/t.xlsx"
    done
    pesan=$(grep -v '^dipakai\|^dilewati\|^ditulis\|^periksa lembar' "$KELUAR/e" | head -1 | sed "s|$f||; s/|/\\\\|/g" | cut -c1-90)
    echo "$baris | ${pesan} |"
done
