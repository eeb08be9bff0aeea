#!/usr/bin/env python3
"""Membuat tests/data/lkjip-2022-diketik.xlsx: Tabel 11 sampai 19 LKjIP 2022 Kecamatan
Bontang Barat diketik seperti dipublikasikan, salahnya ikut (uji `tests/cli/diketik.rs`).

  python3 tests/data/buat_diketik.py

Baris tabel diambil dari tests/data/seed-001.txt (disalin apa adanya dari seed 001); judul
dan judul kolom di bawah ini juga disalin dari seed 001 (baris 422–535 berkas seed). Tata
letaknya seperti orang mengetik: Tabel 11 dan 13 berurutan di satu lembar, Tabel 12, 14 dan
15, 17, 18 dan 19 di lembar sendiri (Tabel 12: No, sasaran, indikator dan target tahunan hanya di baris
triwulan pertama, seperti sel gabungan yang disalin); angka biasa sebagai angka, persen dan n/a sebagai teks. Deterministik.
"""
import datetime
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

AKAR = Path(__file__).resolve().parent
TANGGAL = datetime.datetime(2023, 1, 31)

JUDUL = {
    "tabel11": ("Tabel 11 Capaian Kinerja Tahun 2022",
                ["", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian"]),
    "tabel12": ("Tabel 12 Pengukuran Kinerja Organisasi per Triwulan",
                ["No.", "Sasaran Strategis", "Indikator Kinerja", "Sat", "Target Tahunan", "Triwulan", "Target",
                 "Realisasi", "%"]),
    "tabel13": ("Tabel 13 Membandingkan realisasi kinerja tahun 2022 dengan realisasi kinerja tahun 2021 dan tahun 2020",
                ["No", "Indikator Kinerja", "Sat", "Realisasi 2020", "Realisasi 2021", "Realisasi 2022",
                 "% Peningkatan / Penurunan tahun 2022"]),
    "tabel14": ("Tabel 14 Membandingkan realisasi kinerja sampai dengan tahun ini (akumulasi) dengan target jangka menengah organisasi (target akhir Renstra)",
                ["Indikator Kinerja", "Satuan", "Realisasi s.d. 2022", "Target Akhir Renstra", "Persentase Capaian"]),
    "tabel17": ("Tabel 17 pencapaian target kinerja sesuai dengan Pernyataan Kinerja berdasarkan program dan kegiatan",
                ["Program/Kegiatan", "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
                 "Indikator Kinerja Program (outcome)/ Kegiatan (output) PERMENDAGRI", "Target Kinerja", "", "",
                 "Realisasi Kinerja", "", "", "Presentase Realisasi Kinerja",
                 "Unit Perangkat Daerah Penanggung Jawab"]),
    "tabel18": ("Tabel 18 Realisasi anggaran Tahun 2022",
                ["NO", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)"]),
    "tabel19": ("Tabel 19 Realisasi anggaran per program dan kegiatan",
                ["Kode", "Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan",
                 "Pagu Anggaran Perubahan APBD-2", "Realisasi", "%", "Sisa Anggaran"]),
    "tabel15": ("Tabel 15 : Evisiensi Penggunaan Sumber Daya",
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Prosentase",
                 "Anggaran", "Realisasi", "Prosentase", "Tingkat Efisiensi (%)"]),
}


def fikstur(bagian):
    baris, di = [], False
    for l in (AKAR / "seed-001.txt").read_text(encoding="utf-8").splitlines():
        if l.startswith("["):
            di = l == f"[{bagian}]"
            continue
        if di:
            baris.append(l.split("\t"))
    return baris


def sel(t):
    t = t.strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        return int(t.replace(".", ""))
    if re.fullmatch(r"-?\d+(,\d+)?", t):
        v = float(t.replace(",", "."))
        return int(v) if v.is_integer() and "," not in t else v
    return t or None


def tabel17():
    """Tabel 17's rows as the seed text has them, with the one program row its PDF text lost
    at a page break (the kecamatan's Program Penyelenggaraan Pemerintahan dan Pelayanan
    Publik, whose sub kegiatan follow it) put back from Tabel 19: its name, pagu and
    realisasi, no indikator (the seed has none to copy)."""
    baris = fikstur("tabel17")
    t19 = next(b for b in fikstur("tabel19") if b[0] == "7.01.02")
    hilang = [t19[1], "", "", "", "", t19[2].removesuffix(",00"), "", "", t19[3].removesuffix(",00"), "",
              "Kec.Bontang Barat"]
    i = next(k for k, b in enumerate(baris) if b[0].startswith("Peningkatan Efektifitas Kegiatan Pemerintahan"))
    return baris[:i] + [hilang] + baris[i:]


def tulis_tabel(ws, r, bagian, nomor_kolom=False):
    judul, kepala = JUDUL[bagian]
    ws.cell(row=r, column=1, value=judul)
    r += 1
    for c, k in enumerate(kepala, start=1):
        ws.cell(row=r, column=c, value=k or None)
    if bagian == "tabel17":
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=6)
        ws.merge_cells(start_row=r, start_column=7, end_row=r, end_column=9)
        r += 1
        for c, n in enumerate(["1", "2", "3", "4", "", "", "5", "", "", "6", "7"], start=1):
            ws.cell(row=r, column=c, value=n or None)
    if nomor_kolom:
        r += 1
        for c in range(1, len(kepala) + 1):
            ws.cell(row=r, column=c, value=str(c))
    for b in (tabel17() if bagian == "tabel17" else fikstur(bagian)):
        r += 1
        for c, t in enumerate(b, start=1):
            # Codes (`7`, `7.01`) are typed as text, as Excel users keep them.
            nilai = t if (bagian == "tabel19" and c == 1) else sel(t)
            ws.cell(row=r, column=c, value=nilai)
    return r + 2


def tulis_tabel16(ws):
    """Tabel 16 seperti di seed 001 (baris 543–667): judul dan judul kolom disalin dari seed,
    baris dari samples/bontang-barat-2022/sumber-tabel16.tsv (103 baris seed dengan nomor
    barisnya, blok halaman PDF yang terulang sudah dibuang), angka sebagai teks seperti
    tertulis."""
    ws.cell(row=1, column=1, value="Tabel 16 Efisiensi Penggunaan Anggaran Program/Kegiatan/Sub Kegiatan")
    kepala = ["Program, Kegiatan, dan Sub Kegiatan", "Pagu Anggaran", "Realisasi Keuangan", "%",
              "Realisasi Fisik (%)", "Sisa Anggaran", "Efisiensi Anggaran (%)"]
    for c, k in enumerate(kepala, start=1):
        ws.cell(row=2, column=c, value=k)
    tsv = AKAR.parent.parent / "samples" / "bontang-barat-2022" / "sumber-tabel16.tsv"
    baris = tsv.read_text(encoding="utf-8").splitlines()
    kolom = baris[0].split("\t")
    r = 2
    for l in baris[1:]:
        isi = dict(zip(kolom, l.split("\t")))
        r += 1
        ws.cell(row=r, column=1, value=isi["uraian"])
        for c, k in enumerate(["pagu", "realisasi", "persen", "realisasi_fisik", "sisa", "efisiensi"], start=2):
            if isi[k].strip():
                ws.cell(row=r, column=c, value=isi[k])


wb = Workbook()
ws = wb.active
ws.title = "Capaian"
r = tulis_tabel(ws, 1, "tabel11")
tulis_tabel(ws, r, "tabel13")
tulis_tabel(wb.create_sheet("Tabel 12"), 1, "tabel12")
tulis_tabel(wb.create_sheet("Tabel 14"), 1, "tabel14", nomor_kolom=True)
tulis_tabel(wb.create_sheet("Tabel 15"), 1, "tabel15")
tulis_tabel(wb.create_sheet("Tabel 17"), 1, "tabel17")
tulis_tabel16(wb.create_sheet("Tabel 16"))
tulis_tabel(wb.create_sheet("Tabel 18"), 1, "tabel18")
tulis_tabel(wb.create_sheet("Tabel 19"), 1, "tabel19")

wb.properties.creator = "lkjip tests/data/buat_diketik.py"
wb.properties.created = TANGGAL
wb.properties.modified = TANGGAL
mentah = io.BytesIO()
wb.save(mentah)
keluar = io.BytesIO()
with zipfile.ZipFile(mentah) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "docProps/core.xml":
            data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2023-01-31T00:00:00Z\g<2>", data)
        zi = zipfile.ZipInfo(info.filename, date_time=TANGGAL.timetuple()[:6])
        zi.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(zi, data)
(AKAR / "lkjip-2022-diketik.xlsx").write_bytes(keluar.getvalue())
print("ditulis", AKAR / "lkjip-2022-diketik.xlsx")
