#!/bin/sh
# Menyalin nomenklatur dari ../shared ke data/ dalam bentuk gzip, yang ditanam ke program
# (src/nomenklatur.rs, include_bytes!). Jalankan dari akar repositori:
#
#   sh data/perbarui-nomenklatur.sh [BERKAS.csv]
#
# Bawaan BERKAS: ../shared/data/nomenklatur-sub-kegiatan.csv. gzip -n tidak menyimpan nama dan
# tanggal berkas, sehingga masukan yang sama selalu memberi berkas yang sama.
set -eu
sumber=${1:-../shared/data/nomenklatur-sub-kegiatan.csv}
tujuan=data/nomenklatur-sub-kegiatan.csv.gz
kepala='jenis_pemda,bidang,program,kegiatan,sub_kegiatan,kinerja,indikator,satuan,spm,jenis,sub_kegiatan_sebelumnya'
if [ "$(head -n 1 "$sumber" | tr -d '\r')" != "$kepala" ]; then
    echo "$sumber: baris judul kolom bukan $kepala" >&2
    exit 1
fi
gzip -9 -n -c "$sumber" > "$tujuan.baru"
mv "$tujuan.baru" "$tujuan"
echo "$tujuan: $(wc -c < "$tujuan") byte dari $(wc -c < "$sumber") byte, $(($(wc -l < "$sumber") - 1)) baris"
echo "sha256 sumber: $(sha256sum "$sumber" | cut -d' ' -f1)  (tulis di data/README.md)"
