#!/usr/bin/env bash
# Runs every fuzz target for MENIT minutes each (default 1), one after another, seeded from
# the samples and test workbooks. Needs nightly and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Crashes land in fuzz/artifacts/<target>/; each must become a regression test and a fix.
set -euo pipefail
cd "$(dirname "$0")"
menit=${1:-1}
detik=$((menit * 60))
mkdir -p corpus/buku_kerja corpus/sel_realisasi corpus/sel_kinerja corpus/sel_tabel corpus/angka corpus/html corpus/csv
# The grid targets start from one byte each (libFuzzer grows them).
for t in sel_kinerja sel_tabel; do
  [ -n "$(ls -A corpus/$t 2>/dev/null)" ] || printf '\x01\x00\x01\x02' > corpus/$t/awal
done
# Workbooks seed the workbook target; the first byte picks the extension (0 = xlsx, 1 = xls,
# 2 = xlsb, 3 = ods), so each seed is written with the byte for its kind in front.
for f in ../samples/*/*.xlsx ../tests/data/*.xlsx ../tests/data/*.xls ../tests/data/*.xlsb ../tests/data/*.ods ../tests/data/*/*.xlsx; do
  [ -f "$f" ] || continue
  case "$f" in
    *.xlsx) b='\x00' ;; *.xls) b='\x01' ;; *.xlsb) b='\x02' ;; *.ods) b='\x03' ;;
  esac
  nama=$(basename "$f")
  [ "$(stat -c %s "$f")" -le 2000000 ] || continue
  { printf "$b"; cat "$f"; } > "corpus/buku_kerja/$nama"
done
# The text readers start from the samples' HTML and CSV and a few tag-soup and quoting cases.
for f in ../samples/*/*/*.xls ../samples/*/*/*.htm ../samples/*/*/*.html; do
  [ -f "$f" ] || continue
  [ "$(head -c 1 "$f")" = "<" ] || continue
  cp "$f" corpus/html/
done
for f in ../samples/*/*/*.csv ../samples/*/*.csv; do
  [ -f "$f" ] || continue
  cp "$f" corpus/csv/
done
printf '<table><tr><th rowspan=2>Kode<th colspan=2>Realisasi<tr><td>Rp<td>%%</table>' > corpus/html/gabung
printf '<meta charset=windows-1252><title>LRA</title><table><td>Caf\xe9 &amp; &eacute;<br>3.500<table><tr><td>dalam</table></table>' > corpus/html/sarang
printf 'Kode;Uraian;Pagu\r\n7.01;"a; ""b""\r\nc";3.500\r\n\r\n7.02;Caf\xe9;1.234,56\r\n' > corpus/csv/petik
printf 'a,"b,c",d\n\n1,2,3\n' > corpus/csv/koma
printf '\xff\xfeK\x00o\x00;\x00a\x00\r\x00\n\x00"\x00x\x00;\x00"\x00\r\x00\n\x00' > corpus/csv/utf16
for t in "1.234.567,89" "Rp. 112.041.250,-" "(1.234)" "99,17%" "2,877,638,950" "112.041.250.-" "1 234 567"; do
  printf '%s' "$t" > "corpus/angka/$(printf '%s' "$t" | md5sum | cut -c1-12)"
done
# The workbook target reads through the real binary's child process (see buku_kerja.rs).
(cd .. && cargo build --release --quiet)
export LKJIP_BIN="$PWD/../target/release/lkjip"
for t in buku_kerja sel_realisasi sel_kinerja sel_tabel angka html csv; do
  echo "== $t: $menit menit"
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$detik" -rss_limit_mb=2048 -timeout=20 -max_len=4000000 2>&1 | tail -n 4
done
