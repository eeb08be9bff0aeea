#!/usr/bin/env python3
"""Membuat workbook realisasi bergaya LRA untuk benchmark `lkjip susun`.

Deterministik: seed yang sama memberi isi sel yang sama (XlsxWriter juga diberi tanggal
dokumen yang tetap). Angka konsisten: setiap induk = jumlah anaknya, % = realisasi / pagu
x 100 dibulatkan 2 desimal menjauhi nol (seperti ROUND di Excel), sisa = pagu - realisasi.
% dan realisasi fisik ditulis sebagai teks Indonesia (`96,46`); pagu, realisasi dan sisa
sebagai angka (rupiah bulat, jadi tepat sebagai f64).

Bentuk pohon (seperti Tabel 19 seed 001): urusan 7 -> bidang 7.01 -> organisasi
`7.01.0.00.0.00.NN.0000` (yang punya program sendiri) diikuti sub unitnya `...NN.0001`
dan seterusnya (masing-masing dengan program) -> program `7.01.PP` -> kegiatan
`7.01.PP.2.KK` -> sub kegiatan `7.01.PP.2.KK.SSSS`. Nilai organisasi = program miliknya
sendiri + semua sub unitnya. Baris terakhir: `JUMLAH` di kolom B.

Pemakaian:
    python bench/buat_data.py [KELUAR.xlsx] [--seed 20240] [--organisasi 60]
                              [--baris 85000] [--sst]

`--baris` adalah perkiraan jumlah baris data (urusan sampai sub kegiatan, tanpa judul,
kepala dan JUMLAH); jumlah sebenarnya dicetak di akhir. `--sst` menulis string lewat
shared string table (seperti file yang disimpan Excel) alih-alih inline string mode
constant_memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import xlsxwriter

SERATUS = Decimal(100)
DUA_DESIMAL = Decimal("0.01")

KEPALA = [
    "Kode",
    "Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan",
    "Pagu Anggaran",
    "Realisasi",
    "%",
    "Sisa Anggaran",
    "Realisasi Fisik (%)",
]
NOMOR_KOLOM = ["1", "2", "3", "4", "5 = 4/3*100", "6 = 3 - 4", "7"]

# Kata-kata untuk nama sintetis yang panjangnya mirip nomenklatur asli.
KATA_KERJA = [
    "Penyediaan", "Pengadaan", "Pemeliharaan", "Koordinasi", "Fasilitasi", "Penyusunan",
    "Pembinaan", "Pengelolaan", "Peningkatan", "Penyelenggaraan", "Pelaksanaan",
    "Pengembangan", "Pemberdayaan", "Pembangunan", "Rehabilitasi", "Monitoring dan Evaluasi",
]
OBJEK = [
    "Dokumen Perencanaan Perangkat Daerah", "Gaji dan Tunjangan ASN",
    "Laporan Keuangan Akhir Tahun SKPD", "Sarana dan Prasarana Gedung Kantor",
    "Kendaraan Dinas Operasional atau Lapangan", "Lembaga Kemasyarakatan",
    "Pelayanan Kepada Masyarakat di Wilayah Kecamatan", "Jasa Komunikasi, Sumber Daya Air dan Listrik",
    "Bahan Logistik Kantor", "Barang Cetak dan Penggandaan", "Rapat Koordinasi dan Konsultasi SKPD",
    "Ketenteraman dan Ketertiban Umum", "Usaha Ekonomi Masyarakat", "Standar Pelayanan Minimal",
    "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "Peralatan dan Perlengkapan Kantor",
]
KETERANGAN = [
    "", "", "", " Tingkat Kecamatan", " Perangkat Daerah", " di Kelurahan",
    " dengan Perangkat Daerah dan Instansi Vertikal Terkait",
    " dalam rangka Peningkatan Kualitas Layanan Publik",
]
JENIS_ORGANISASI = ["DINAS", "BADAN", "KECAMATAN", "SEKRETARIAT", "INSPEKTORAT", "SATUAN"]
JENIS_UNIT = ["KELURAHAN", "UPT", "PUSKESMAS", "BIDANG", "UPTD"]
SUKU = ["ka", "na", "ra", "ma", "si", "bo", "tu", "la", "gu", "ba", "ne", "ri", "mo", "ta", "ja", "wa"]


def nama_tempat(rng: random.Random) -> str:
    return "".join(rng.choice(SUKU) for _ in range(rng.randint(2, 4))).upper() + " " + "".join(
        rng.choice(SUKU) for _ in range(rng.randint(2, 3))
    ).upper()


def nama_kegiatan(rng: random.Random) -> str:
    return f"{rng.choice(KATA_KERJA)} {rng.choice(OBJEK)}{rng.choice(KETERANGAN)}"


def persen(pagu: int, realisasi: int) -> Decimal:
    if pagu == 0:
        return Decimal(0)
    return (Decimal(realisasi) * SERATUS / Decimal(pagu)).quantize(DUA_DESIMAL, ROUND_HALF_UP)


def teks_persen(p: Decimal) -> str:
    # Decimal ROUND_HALF_UP sudah "menjauhi nol"; tulis gaya Indonesia: koma desimal.
    return f"{p:.2f}".replace(".", ",")


class Simpul:
    """Satu baris dengan anak-anaknya; pagu/realisasi daun diisi, induk dijumlahkan."""

    __slots__ = ("kode", "uraian", "anak", "pagu", "realisasi")

    def __init__(self, kode: str, uraian: str):
        self.kode = kode
        self.uraian = uraian
        self.anak: list[Simpul] = []
        self.pagu = 0
        self.realisasi = 0

    def jumlahkan(self) -> None:
        if self.anak:
            for a in self.anak:
                a.jumlahkan()
            self.pagu = sum(a.pagu for a in self.anak)
            self.realisasi = sum(a.realisasi for a in self.anak)


def bangun(rng: random.Random, n_org: int, target_baris: int) -> tuple[Simpul, int]:
    # Harapan jumlah baris: 2 + org * (1 + U) * (1 + P * (1 + K * (1 + S))), dengan U sub
    # unit per organisasi (acak 3..7, rata 5), P program per lingkup (4..6, rata 5),
    # K kegiatan per program (3..5, rata 4); S (sub kegiatan per kegiatan) dipilih supaya
    # total mendekati target, dan diundi dengan rata-rata S.
    lingkup = n_org * (1 + 5)
    rata_sub = max(1.0, ((target_baris - 2) / lingkup - 1 - 5 * (1 + 4)) / (5 * 4))

    def undi_sub() -> int:
        return max(1, int(rata_sub * rng.uniform(0.4, 1.6) + rng.random()))

    nama_program = {
        p: "PROGRAM " + nama_kegiatan(rng).upper() for p in range(1, 30)
    }
    urusan = Simpul("7", "UNSUR KEWILAYAHAN")
    bidang = Simpul("7.01", "KECAMATAN")
    urusan.anak.append(bidang)
    baris = 2

    def isi_program(induk: Simpul) -> int:
        n = 0
        nomor_program = sorted(rng.sample(range(1, 30), rng.randint(4, 6)))
        for p in nomor_program:
            prog = Simpul(f"7.01.{p:02d}", nama_program[p])
            induk.anak.append(prog)
            n += 1
            for k in sorted(rng.sample(range(1, 60), rng.randint(3, 5))):
                keg = Simpul(f"7.01.{p:02d}.2.{k:02d}", nama_kegiatan(rng))
                prog.anak.append(keg)
                n += 1
                n_sub = undi_sub()
                for s in sorted(rng.sample(range(1, 10000), n_sub)):
                    sub = Simpul(f"7.01.{p:02d}.2.{k:02d}.{s:04d}", nama_kegiatan(rng))
                    # Rupiah bulat: 5 juta .. 500 juta, beberapa besar (gaji).
                    pagu = rng.randint(50, 5000) * 100_000
                    if rng.random() < 0.02:
                        pagu *= 20
                    pagu += rng.randint(0, 99_999)
                    r = rng.random()
                    if r < 0.15:
                        rasio = 1.0
                    elif r < 0.9:
                        rasio = rng.uniform(0.85, 1.0)
                    else:
                        rasio = rng.uniform(0.3, 0.85)
                    sub.pagu = pagu
                    sub.realisasi = int(pagu * rasio)
                    keg.anak.append(sub)
                    n += 1
        return n

    for o in range(1, n_org + 1):
        org = Simpul(f"7.01.0.00.0.00.{o:02d}.0000", f"{rng.choice(JENIS_ORGANISASI)} {nama_tempat(rng)}")
        bidang.anak.append(org)
        baris += 1
        baris += isi_program(org)
        for u in range(1, rng.randint(3, 7) + 1):
            unit = Simpul(f"7.01.0.00.0.00.{o:02d}.{u:04d}", f"{rng.choice(JENIS_UNIT)} {nama_tempat(rng)}")
            org.anak.append(unit)
            baris += 1
            baris += isi_program(unit)
    urusan.jumlahkan()
    return urusan, baris


def tulis(path: str, akar: Simpul, sst: bool) -> int:
    opsi = {"constant_memory": not sst, "strings_to_numbers": False}
    wb = xlsxwriter.Workbook(path, opsi)
    wb.set_properties({"created": dt.datetime(2025, 1, 31, 8, 0, 0)})
    ws = wb.add_worksheet("LRA")
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 70)
    ws.set_column(2, 3, 20)
    ws.set_column(4, 4, 8)
    ws.set_column(5, 5, 20)
    ws.set_column(6, 6, 10)
    tebal = wb.add_format({"bold": True})
    rupiah = wb.add_format({"num_format": "#,##0.00"})

    ws.write_string(0, 0, "PEMERINTAH KABUPATEN CONTOH", tebal)
    ws.write_string(1, 0, "LAPORAN REALISASI ANGGARAN PER PROGRAM, KEGIATAN DAN SUB KEGIATAN", tebal)
    ws.write_string(2, 0, "TAHUN ANGGARAN 2024", tebal)
    ws.write_row(4, 0, KEPALA, tebal)
    ws.write_row(5, 0, NOMOR_KOLOM)
    r = 6

    def baris(kode: str, uraian: str, pagu: int, realisasi: int) -> None:
        nonlocal r
        p = persen(pagu, realisasi)
        if kode:
            ws.write_string(r, 0, kode)
        ws.write_string(r, 1, uraian)
        ws.write_number(r, 2, pagu, rupiah)
        ws.write_number(r, 3, realisasi, rupiah)
        ws.write_string(r, 4, teks_persen(p))
        ws.write_number(r, 5, pagu - realisasi, rupiah)
        ws.write_string(r, 6, "100,00")
        r += 1

    # Urutan pra-urut (induk sebelum anak), tanpa rekursi dalam.
    tumpukan = [akar]
    while tumpukan:
        s = tumpukan.pop()
        baris(s.kode, s.uraian, s.pagu, s.realisasi)
        tumpukan.extend(reversed(s.anak))
    baris("", "JUMLAH", akar.pagu, akar.realisasi)
    wb.close()
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keluar", nargs="?", default=os.path.join(os.path.dirname(__file__), "data", "lra-85rb.xlsx"))
    ap.add_argument("--seed", type=int, default=20240)
    ap.add_argument("--organisasi", type=int, default=60)
    ap.add_argument("--baris", type=int, default=85_000)
    ap.add_argument("--sst", action="store_true", help="shared strings (seperti file Excel), bukan inline")
    a = ap.parse_args()

    t0 = time.perf_counter()
    rng = random.Random(a.seed)
    akar, n = bangun(rng, a.organisasi, a.baris)
    os.makedirs(os.path.dirname(os.path.abspath(a.keluar)), exist_ok=True)
    sementara = a.keluar + ".tmp"
    baris_sheet = tulis(sementara, akar, a.sst)
    os.replace(sementara, a.keluar)
    print(
        f"{a.keluar}: {n} baris data + JUMLAH ({baris_sheet} baris sheet), "
        f"pagu {akar.pagu:,} realisasi {akar.realisasi:,} ({persen(akar.pagu, akar.realisasi)}%), "
        f"{os.path.getsize(a.keluar) / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
