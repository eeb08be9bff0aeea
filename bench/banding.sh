#!/usr/bin/env bash
# Membandingkan dua binari lkjip bergiliran pada masukan yang sama (lihat BENCHMARKS.md,
# "Batas dan berkas rusak"): median waktu, waktu CPU (user+sys,
# proses anak termasuk) dan puncak RSS `susun`, N putaran.
#
#   bash bench/banding.sh LAMA BARU [DATA] [N]
set -euo pipefail
LAMA=$1 BARU=$2 DATA=${3:-bench/data/lra-85rb.xlsx} N=${4:-9}
KELUAR=$(mktemp -d "${TMPDIR:-/tmp}/lkjip-banding.XXXXXX")
trap 'rm -rf "$KELUAR"' EXIT
ukur() { /usr/bin/time -f '%e %M %U %S' -o "$KELUAR/t" "$1" susun "$DATA" -o "$KELUAR/o.xlsx" >/dev/null 2>&1 || true; cat "$KELUAR/t"; }
ukur "$LAMA" >/dev/null; ukur "$BARU" >/dev/null   # pemanasan
for ((i = 0; i < N; i++)); do
    echo "lama $(ukur "$LAMA")" >>"$KELUAR/hasil"
    echo "baru $(ukur "$BARU")" >>"$KELUAR/hasil"
done
for p in lama baru; do
    grep "^$p " "$KELUAR/hasil" | python3 -c '
import statistics, sys
p = sys.argv[1]
t, m, c = zip(*[(float(a), int(b), float(u) + float(s)) for _, a, b, u, s in (l.split() for l in sys.stdin)])
print(f"{p}: median {statistics.median(t):.2f} s (min {min(t):.2f}, maks {max(t):.2f}), "
      f"CPU (user+sys) median {statistics.median(c):.2f} s, "
      f"median puncak RSS {statistics.median(m) / 1024:.0f} MB, N={len(t)}")' "$p"
done
