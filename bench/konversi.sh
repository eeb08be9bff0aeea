#!/usr/bin/env bash
# Benchmark `lkjip konversi` (BENCHMARKS.md, "Konversi DPA"): N generated DPA exports
# (samples/buat_dpa_massal.py: a few hundred rincian lines each, a quarter of them .xls),
# time and peak memory of `konversi --jobs 1` and `--jobs 2`, next to the floor measured in
# the same run (calamine's bare read of the same files on 2 threads, benches/lantai_konversi.rs).
#
#   bash bench/konversi.sh [JUMLAH ...]        (default: 500 5000)
#
# Settings: PUTARAN (measured runs per program, default 3; the median is reported),
# DATA (folder for the generated files, default bench/data), LKJIP_BIN (a built lkjip),
# CARGO_TARGET_DIR (where cargo builds, as cargo reads it). The load average is printed
# before and after: the figures mean little on a machine busy with other work.
# The generator needs Python 3 with openpyxl, and xlwt for real .xls (else it writes the
# HTML-table .xls that SIPD helper tools save, and says so).
set -euo pipefail
cd "$(dirname "$0")/.."
PUTARAN=${PUTARAN:-3}
DATA=${DATA:-bench/data}
JUMLAH=("${@:-500 5000}")
[ $# -eq 0 ] && JUMLAH=(500 5000)
if [ -z "${LKJIP_BIN:-}" ]; then
    cargo build --release --quiet
    LKJIP_BIN=${CARGO_TARGET_DIR:-target}/release/lkjip
fi
cargo bench --bench lantai_konversi --no-run --quiet 2>/dev/null || true
LANTAI=$(ls -t "${CARGO_TARGET_DIR:-target}"/release/deps/lantai_konversi-* 2>/dev/null | grep -v '\.d$' | head -1)
echo "beban sebelum: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
KELUAR=$(mktemp -d "${TMPDIR:-/tmp}/lkjip-konversi.XXXXXX")
trap 'rm -rf "$KELUAR"' EXIT

ukur() { # label, command...: one run, "detik KB"
    /usr/bin/time -f '%e %M' -o "$KELUAR/t" "${@:2}" >/dev/null 2>"$KELUAR/err" || true
    echo "$1 $(cat "$KELUAR/t" | tail -1)" >>"$KELUAR/hasil"
}
for n in "${JUMLAH[@]}"; do
    folder="$DATA/dpa-$n"
    if [ ! -d "$folder" ]; then
        echo "membuat $n berkas DPA di $folder …" >&2
        python3 samples/buat_dpa_massal.py "$n" "$folder" >&2
    fi
    ukuran=$(du -sm "$folder" | cut -f1)
    : >"$KELUAR/hasil"
    for ((i = 0; i < PUTARAN; i++)); do
        ukur "jobs1" "$LKJIP_BIN" konversi "$folder" -o "$KELUAR/o.xlsx" --jobs 1
        ukur "jobs2" "$LKJIP_BIN" konversi "$folder" -o "$KELUAR/o.xlsx" --jobs 2
        ukur "lantai2" "$LANTAI" "$folder" --jobs=2
    done
    tail -1 "$KELUAR/err" >&2 || true
    python3 - "$n" "$ukuran" "$KELUAR/hasil" <<'PY'
import statistics, sys
n, mb, berkas = sys.argv[1], sys.argv[2], sys.argv[3]
hasil = {}
for l in open(berkas):
    p, t, m = l.split()
    hasil.setdefault(p, []).append((float(t), int(m)))
def med(p, i): return statistics.median(x[i] for x in hasil[p])
j1, j2, f = med("jobs1", 0), med("jobs2", 0), med("lantai2", 0)
print(f"| {n} berkas ({mb} MB) | {j1:.2f} s, {med('jobs1', 1) / 1024:.0f} MB | {j2:.2f} s, {med('jobs2', 1) / 1024:.0f} MB "
      f"| {f:.2f} s, {med('lantai2', 1) / 1024:.0f} MB | {j1 / j2:.2f}× | {j2 / f:.2f}× | {j2 / int(n) * 22000 / 60:.1f} menit |")
PY
done
echo "beban sesudah: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
