#!/usr/bin/env bash
# shellcheck disable=SC2034  # CMD_<nama> dipakai lewat nameref `declare -n cmd`
# Benchmark `lkjip susun` terhadap lantainya (calamine + rust_xlsxwriter polos) dan terhadap
# skrip Python setara (openpyxl + decimal + XlsxWriter). Lihat BENCHMARKS.md.
#
#   bash bench/jalankan.sh
#
# Variabel lingkungan:
#   N=5          jumlah pengukuran per program (median yang dilaporkan)
#   PEMANASAN=1  jumlah jalan pemanasan yang tidak diukur, per program
#   DATA=...     workbook masukan (bawaan bench/data/lra-85rb.xlsx, dibuat bila belum ada)
#   LEWATI=...   daftar dipisah koma dari lkjip,lantai,lantai2,lantai2p,python yang tidak dijalankan
#   LKJIP_BIN=.. binari lkjip yang sudah ada (melewati cargo build --release)
set -euo pipefail

AKAR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$AKAR"

N=${N:-5}
PEMANASAN=${PEMANASAN:-1}
DATA=${DATA:-bench/data/lra-85rb.xlsx}
LEWATI=${LEWATI:-}
VENV=bench/.venv
PY=$VENV/bin/python
KELUAR=$(mktemp -d "${TMPDIR:-/tmp}/lkjip-bench.XXXXXX")
trap 'rm -rf "$KELUAR"' EXIT

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
lewati() { [[ ",$LEWATI," == *",$1,"* ]]; }

# --- alat ukur: GNU time, atau modul resource Python sebagai cadangan ---------------------
if ! /usr/bin/time -f '%e %M' true >/dev/null 2>&1; then
    log "GNU time tidak ada; memasang paket 'time' dengan apt-get"
    if command -v apt-get >/dev/null 2>&1; then
        (apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; }) || true
    fi
fi
if /usr/bin/time -f '%e %M' true >/dev/null 2>&1; then
    ALAT_UKUR="GNU time (/usr/bin/time -f '%e %M')"
    # ukur BERKAS_HASIL LOG perintah... : menulis "detik kB" ke BERKAS_HASIL
    ukur() { local hasil=$1 catatan=$2; shift 2; /usr/bin/time -f '%e %M' -o "$hasil" "$@" >"$catatan" 2>&1; }
else
    ALAT_UKUR="Python resource.getrusage(RUSAGE_CHILDREN)"
    ukur() {
        local hasil=$1 catatan=$2; shift 2
        "$PY" -c '
import resource, subprocess, sys, time
t = time.perf_counter()
with open(sys.argv[2], "wb") as log:
    rc = subprocess.call(sys.argv[3:], stdout=log, stderr=subprocess.STDOUT)
dt = time.perf_counter() - t
with open(sys.argv[1], "w") as f:
    f.write(f"{dt:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
sys.exit(rc)' "$hasil" "$catatan" "$@"
    }
fi

# --- venv Python ------------------------------------------------------------------------
PAKET_PY=(openpyxl==3.1.5 XlsxWriter==3.3.1)
if [[ ! -x $PY ]]; then
    log "membuat venv $VENV"
    python3 -m venv "$VENV"
fi
if ! "$PY" -c 'import openpyxl, xlsxwriter, sys; sys.exit(0 if (openpyxl.__version__, xlsxwriter.__version__) == ("3.1.5", "3.3.1") else 1)' 2>/dev/null; then
    log "memasang ${PAKET_PY[*]} di $VENV"
    "$PY" -m pip install -q --disable-pip-version-check "${PAKET_PY[@]}"
fi

# --- data ----------------------------------------------------------------------------------
if [[ ! -f $DATA ]]; then
    log "membuat $DATA"
    "$PY" bench/buat_data.py "$DATA"
fi

# --- build -----------------------------------------------------------------------------------
LKJIP=""
if [[ -n ${LKJIP_BIN:-} ]] && ! lewati lkjip; then
    LKJIP=$LKJIP_BIN
elif ! lewati lkjip; then
    log "cargo build --release"
    if cargo build --release >"$KELUAR/build.log" 2>&1; then
        LKJIP=target/release/lkjip
    else
        log "PERHATIAN: cargo build --release gagal; lkjip dilewati. Akhir log:"
        grep -E '^(error|warning: unused)' "$KELUAR/build.log" | head -n 10 >&2 || true
        tail -n 3 "$KELUAR/build.log" >&2
    fi
fi

cari_executable() {
    # Keluaran JSON cargo -> path binari bench `lantai`.
    "$PY" -c '
import json, sys
for baris in sys.stdin:
    try:
        m = json.loads(baris)
    except ValueError:
        continue
    if m.get("reason") == "compiler-artifact" and m.get("target", {}).get("name") == "lantai" and m.get("executable"):
        print(m["executable"])'
}

LANTAI=""
if ! lewati lantai; then
    if grep -Eq '^[[:space:]]*name[[:space:]]*=[[:space:]]*"lantai"' Cargo.toml; then
        log "cargo bench --bench lantai --no-run"
        LANTAI=$(cargo bench --bench lantai --no-run --message-format=json 2>"$KELUAR/lantai-build.log" | cari_executable | tail -n1) || true
        [[ -n $LANTAI ]] || log "cargo bench --bench lantai gagal (src/ sedang tidak bisa dikompilasi?); mencoba salinan terpisah"
    else
        log "Cargo.toml belum punya [[bench]] name = \"lantai\" (harness = false); memakai salinan terpisah"
    fi
    if [[ -z $LANTAI ]]; then
        # Salinan di target/lantai-sementara dengan main.rs kosong, supaya lantai tidak
        # bergantung pada src/ yang sedang dikerjakan.
        SALINAN=target/lantai-sementara/paket
        rm -rf "$SALINAN"
        mkdir -p "$SALINAN/src" "$SALINAN/benches"
        cp -p Cargo.toml Cargo.lock "$SALINAN/"
        cp -p benches/lantai.rs "$SALINAN/benches/"
        echo 'fn main() {}' >"$SALINAN/src/main.rs"
        grep -Eq '^[[:space:]]*name[[:space:]]*=[[:space:]]*"lantai"' Cargo.toml ||
            printf '\n[[bench]]\nname = "lantai"\nharness = false\n' >>"$SALINAN/Cargo.toml"
        LANTAI=$( (cd "$SALINAN" && CARGO_TARGET_DIR="$AKAR/target/lantai-sementara/target" \
            cargo bench --bench lantai --no-run --message-format=json 2>"$KELUAR/lantai-build.log") | cari_executable | tail -n1) || true
    fi
    if [[ -z $LANTAI || ! -x $LANTAI ]]; then
        log "PERHATIAN: binari lantai tidak terbangun; lantai dilewati. Akhir log:"
        tail -n 10 "$KELUAR/lantai-build.log" >&2
        LANTAI=""
    fi
fi

# --- daftar program -----------------------------------------------------------------------
# Tiap program: array CMD_<nama> dan berkas keluaran yang harus ada sesudah jalan.
NAMA=()
if [[ -n $LKJIP ]]; then
    if "$LKJIP" susun --help >/dev/null 2>&1; then
        NAMA+=(lkjip)
        CMD_lkjip=("$LKJIP" susun "$DATA" -o "$KELUAR/lkjip.xlsx")
    else
        log "PERHATIAN: '$LKJIP susun' belum ada (perintah 'susun' tidak dikenal); lkjip dilewati, lantai dan python tetap dijalankan"
    fi
fi
if [[ -n $LANTAI ]]; then
    NAMA+=(lantai lantai2 lantai2p)
    CMD_lantai=("$LANTAI" "$DATA" "$KELUAR/lantai.xlsx")
    # lkjip menulis dua tabel sepanjang masukan (16 dan 19): lantai yang menulis dua sheet.
    CMD_lantai2=("$LANTAI" "$DATA" "$KELUAR/lantai2.xlsx" --lembar=2)
    # Lantai lama (sebelum Nov 2026): teks pengisi yang mudah dikempiskan, lebih rendah.
    CMD_lantai2p=("$LANTAI" "$DATA" "$KELUAR/lantai2p.xlsx" --lembar=2 --pengisi)
fi
if ! lewati python; then
    NAMA+=(python)
    CMD_python=("$PY" bench/python_setara.py "$DATA" -o "$KELUAR/python.xlsx")
fi

# --- pengukuran -----------------------------------------------------------------------------
# Bergiliran: setiap putaran menjalankan setiap program sekali, supaya beban mesin yang berubah
# selama pengukuran (mesin bersama) mengenai semua program sama rata.
HASIL=$KELUAR/hasil.tsv
: >"$HASIL"
declare -A GAGAL=()
for ((i = 1; i <= PEMANASAN + N; i++)); do
    for nama in "${NAMA[@]}"; do
        if lewati "$nama" || [[ -n ${GAGAL[$nama]:-} ]]; then continue; fi
        declare -n cmd="CMD_$nama"
        keluaran="$KELUAR/$nama.xlsx"
        rm -f "$keluaran"
        set +e
        ukur "$KELUAR/ukur" "$KELUAR/$nama.log" "${cmd[@]}"
        rc=$?
        set -e
        unset -n cmd
        # 0 = bersih, 1 = jalan tetapi ada temuan (lkjip dan python_setara); lebih = gagal
        if ((rc > 1)) || [[ ! -s $keluaran ]]; then
            if [[ $nama == lkjip ]]; then
                log "PERHATIAN: 'lkjip susun' belum bekerja (kode keluar $rc, $keluaran $([[ -s $keluaran ]] && echo ada || echo tidak dibuat)); lkjip dilewati. Log:"
            else
                log "GAGAL: $nama (kode keluar $rc, $keluaran $([[ -s $keluaran ]] && echo ada || echo tidak dibuat)); log:"
            fi
            tail -n 20 "$KELUAR/$nama.log" >&2
            GAGAL[$nama]=1
            continue
        fi
        read -r detik kb <"$KELUAR/ukur"
        if ((i <= PEMANASAN)); then
            log "$nama pemanasan: $detik s, $((kb / 1024)) MB"
        else
            log "$nama $((i - PEMANASAN))/$N: $detik s, $((kb / 1024)) MB"
            printf '%s\t%s\t%s\n' "$nama" "$detik" "$kb" >>"$HASIL"
        fi
    done
done
for nama in "${NAMA[@]}"; do
    [[ -s $KELUAR/$nama.log ]] && log "$nama: $(tail -n 1 "$KELUAR/$nama.log")"
done

# --- laporan ------------------------------------------------------------------------------
MESIN="$(nproc) core, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
"$PY" - "$HASIL" "$N" "$DATA" "$MESIN" "$ALAT_UKUR" <<'PY'
import statistics, sys, os, platform, subprocess
from collections import defaultdict

hasil, n, data, mesin, alat = sys.argv[1:6]
waktu, rss = defaultdict(list), defaultdict(list)
for baris in open(hasil):
    nama, detik, kb = baris.split("\t")
    waktu[nama].append(float(detik))
    rss[nama].append(int(kb) / 1024)

def versi(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"

print()
print(f"Data: `{data}` ({os.path.getsize(data) / 1e6:.1f} MB). Mesin: {mesin}. "
      f"{versi('rustc', '--version')}, Python {platform.python_version()}. "
      f"Median dari {n} jalan, alat ukur {alat}.")
print()
print("| program | median waktu (s) | min – maks (s) | median RSS puncak (MB) |")
print("| --- | ---: | ---: | ---: |")
label = {
    "lkjip": "lkjip susun",
    "lantai": "lantai: calamine baca + rust_xlsxwriter tulis sel yang sama, 1 sheet, polos",
    "lantai2": "lantai, tulis 2 sheet (seperti Tabel 16 + 19)",
    "lantai2p": "lantai lama: 2 sheet teks pengisi (`--pengisi`)",
    "python": "python_setara.py: openpyxl + decimal + XlsxWriter",
}
med = {}
rasio = lambda x: f"{x:.2f}×"
for nama in ("lkjip", "lantai", "lantai2", "lantai2p", "python"):
    if nama not in waktu:
        print(f"| {label[nama]} | belum diukur | | |")
        continue
    w = waktu[nama]
    med[nama] = (statistics.median(w), statistics.median(rss[nama]))
    print(f"| {label[nama]} | {med[nama][0]:.2f} | {min(w):.2f} – {max(w):.2f} | {med[nama][1]:.0f} |")
print()
print("| rasio | waktu | RSS puncak |")
print("| --- | ---: | ---: |")
for a, b in (("lkjip", "lantai"), ("lkjip", "lantai2"), ("lkjip", "lantai2p"), ("python", "lkjip")):
    if a in med and b in med:
        print(f"| {a} / {b} | {rasio(med[a][0] / med[b][0])} | {rasio(med[a][1] / med[b][1])} |")
    else:
        print(f"| {a} / {b} | – | – |")
PY
