#!/usr/bin/env python3
"""Membuat samples/bontang-barat-2022/kinerja.xlsx (buku kerja kinerja, templates/README.md).

  python3 samples/buat_kinerja.py ekstrak
      Membaca seed 001 (../shared/seeds/001_*.txt: LKjIP 2022 Kecamatan Bontang Barat) dan
      menulis samples/bontang-barat-2022/sumber-kinerja.tsv. Butuh ../shared (atau
      LKJIP_SHARED); hanya perlu dijalankan ulang bila cara ekstraksi berubah.

  python3 samples/buat_kinerja.py
      Membaca sumber-kinerja.tsv dan menulis kinerja.xlsx (tanpa ../shared). Deterministik.

Hanya data mentah yang disalin: indikator, target, realisasi, satuan, peta program. Tidak
ada angka turunan (% capaian, serapan, efisiensi, anggaran) yang diketik: lkjip
menghitungnya. Setiap baris TSV menyebut baris seed asalnya.
"""

import csv
import datetime
import io
import os
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LKJIP_SHARED", ROOT.parent / "shared"))
FOLDER = ROOT / "samples" / "bontang-barat-2022"
TSV = FOLDER / "sumber-kinerja.tsv"

KEPALA = {
    "IKU": ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas", "Kumulatif",
            "Formula Perhitungan", "Sumber Data", "Penanggung Jawab", "Kondisi Awal",
            "Target Akhir Renstra"],
    "Tahunan": ["Indikator Kinerja", "Tahun", "Target Renstra", "Realisasi", "Keterangan"],
    "Triwulan": ["Indikator Kinerja", "Triwulan", "Target", "Realisasi", "Keterangan"],
    "Program": ["Unit", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja",
                "Indikator Permendagri", "Target", "Satuan", "Realisasi", "Satuan Realisasi",
                "Penanggung Jawab"],
    "Peta Anggaran": ["Sasaran Strategis", "Unit", "Program"],
}


def seed_001():
    berkas = sorted((SHARED / "seeds").glob("001_*.txt"))
    if not berkas:
        sys.exit(f"seed 001 tidak ada di {SHARED / 'seeds'}")
    return berkas[0].read_text(encoding="utf-8").splitlines()


def cari(baris, awalan, mulai=0):
    for i in range(mulai, len(baris)):
        if baris[i].startswith(awalan):
            return i
    raise SystemExit(f"tidak ditemukan: {awalan}")


def langkah_ekstrak():
    s = seed_001()
    keluar = []

    def tambah(lembar, sel, nomor):
        keluar.append([lembar] + sel + [""] * (11 - len(sel)) + [str(nomor + 1)])

    # Tabel 4 (IKU) and Tabel 5 (targets): four indikator.
    t4 = cari(s, "Tabel 4 Indikator") + 3
    t5 = cari(s, "Tabel 5 Target") + 5
    t14 = cari(s, "Tabel 14 Membandingkan") + 4
    satuan = {}
    t11 = cari(s, "Tabel 11 Capaian") + 3
    for k in range(4):
        b = s[t11 + k].split("\t")
        satuan[k] = (b[3], t11 + k)
    iku = []
    for k in range(4):
        a = s[t4 + k].split("\t")
        formula = a[3]
        m = re.match(r"\$\\frac\{\\text\{(.*)\}\}\{\\text\{(.*)\}\} \\times 100\\%\$", formula)
        if m:
            formula = f"{m.group(1)} / {m.group(2)} × 100%"
        t = s[t5 + k].split("\t")
        akhir = s[t14 + k].split("\t")
        iku.append(a[2])
        tambah("IKU", [a[0], a[1], a[2], satuan[k][0], "", "", formula, a[4], a[5], t[2], akhir[3]], t4 + k)
        # Tabel 5: targets 2021–2025 (columns 3–7).
        for j, tahun in enumerate(range(2021, 2026)):
            tambah("Tahunan", [a[2], str(tahun), t[3 + j], ""], t5 + k)
    # Tabel 13: realisasi 2020, 2021, 2022 (the Tahunan rows above get them).
    t13 = cari(s, "Tabel 13 Membandingkan") + 3
    for k in range(4):
        r = s[t13 + k].split("\t")
        for j, tahun in enumerate((2020, 2021, 2022)):
            cocok = [x for x in keluar if x[0] == "Tahunan" and x[1] == iku[k] and x[2] == str(tahun)]
            if cocok:
                cocok[0][4] = r[3 + j]
                cocok[0][-1] += f"+{t13 + k + 1}"
            else:
                tambah("Tahunan", [iku[k], str(tahun), "", r[3 + j]], t13 + k)
    # Tabel 12: per triwulan; a quarter with no number is not written.
    t12 = cari(s, "Tabel 12 Pengukuran") + 3
    k = -1
    for i in range(t12, t12 + 16):
        b = s[i].split("\t")
        if b[0].strip():
            k += 1
        tw = b[5].replace("Triwulan ", "")
        if len(b) > 6 and (b[6].strip() or b[7].strip()):
            tambah("Triwulan", [iku[k], tw, b[6], b[7]], i)
    # Tabel 17: indikator per program/kegiatan/sub kegiatan; unit rows give the unit.
    t17 = cari(s, "Tabel 17 pencapaian") + 4
    akhir17 = cari(s, "---", t17)
    unit = ""
    for i in range(t17, akhir17):
        b = s[i].split("\t")
        if len(b) < 10:
            continue
        if b[0].strip() and not b[1].strip() and not b[3].strip():
            unit = b[0].strip()
            continue
        uraian, ind, perm, target, sat, _, real, sat_r, _, _, pj = (b + [""] * 11)[:11]
        tambah("Program", [unit, "", uraian, ind, perm, target, sat, real, sat_r if sat_r != sat else "", pj], i)
    # Tabel 7: which program funds which sasaran (Tabel 8 gives the sums lkjip recomputes).
    t7 = cari(s, "Tabel 7 Tujuan") + 3
    t8 = cari(s, "Tabel 8 Anggaran")
    sasaran_t11 = {}
    for k in range(4):
        sasaran_t11[k] = s[t11 + k].split("\t")[1]
    sasaran = ""
    for i in range(t7, t8):
        b = s[i].split("\t")
        if len(b) >= 4 and b[0].strip():
            sasaran = b[0].strip()
        if len(b) >= 4 and b[3].strip().startswith("PROGRAM"):
            tambah("Peta Anggaran", [sasaran, "", b[3].strip()], i)
    with TSV.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["lembar"] + [f"k{i}" for i in range(1, 12)] + ["baris_seed"])
        w.writerows(keluar)
    print(f"ditulis {TSV} ({len(keluar)} baris)")


TANGGAL_TETAP = datetime.datetime(2023, 1, 31, 0, 0, 0)


def simpan(wb, path):
    wb.properties.creator = "lkjip samples/buat_kinerja.py"
    wb.properties.created = TANGGAL_TETAP
    wb.properties.modified = TANGGAL_TETAP
    mentah = io.BytesIO()
    wb.save(mentah)
    keluar = io.BytesIO()
    with zipfile.ZipFile(mentah) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2023-01-31T00:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=TANGGAL_TETAP.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    path.write_bytes(keluar.getvalue())


def angka_atau_teks(t):
    """A number cell when the seed wrote a plain number (`87,1`, `100`), else the text as
    written (`100%`, `n/a`): the reader takes both."""
    if re.fullmatch(r"-?\d+(,\d+)?", t):
        v = float(t.replace(",", "."))
        return int(v) if v.is_integer() else v
    return t


def langkah_workbook():
    wb = Workbook()
    wb.remove(wb.active)
    tipis = Side(style="thin")
    kotak = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    with TSV.open(encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f, delimiter="\t"))
    angka = {"IKU": {9, 10}, "Tahunan": {1, 2, 3}, "Triwulan": {1, 2, 3}, "Program": {5, 7}}
    for nama, kepala in KEPALA.items():
        ws = wb.create_sheet(nama)
        for c, judul in enumerate(kepala, start=1):
            sel = ws.cell(row=1, column=c, value=judul)
            sel.font = Font(bold=True)
            sel.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
            sel.border = kotak
            ws.column_dimensions[sel.column_letter].width = 40 if c in (2, 3, 4, 5) and nama != "Tahunan" else 14
        r = 1
        for b in baris:
            if b["lembar"] != nama:
                continue
            r += 1
            for c in range(len(kepala)):
                t = b[f"k{c + 1}"]
                if t == "":
                    continue
                nilai = angka_atau_teks(t) if c in angka.get(nama, ()) else t
                sel = ws.cell(row=r, column=c + 1, value=nilai)
                sel.border = kotak
                sel.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    simpan(wb, FOLDER / "kinerja.xlsx")
    print(f"ditulis {FOLDER / 'kinerja.xlsx'}")


if __name__ == "__main__":
    if sys.argv[1:] == ["ekstrak"]:
        langkah_ekstrak()
    else:
        langkah_workbook()
