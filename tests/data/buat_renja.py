#!/usr/bin/env python3
"""Membuat dua buku kerja formulir "Evaluasi terhadap hasil Renja Perangkat Daerah"
(Permendagri 86/2017) Kecamatan Bontang Barat 2022, diisi pada triwulan IV:

  tests/data/renja-bontang-barat-2022.xlsx
      seperti diketik staf perencanaan di Excel: angka sub kegiatan diketik, baris induk,
      total triwulan, realisasi dan persen berupa rumus, dengan nilai tersimpan (cache)
      seperti yang disimpan Excel.
  tests/data/renja-bontang-barat-2022-tw-diubah.xlsx
      formulir yang sama disimpan sebagai nilai saja (Paste Special › Values: tidak ada
      rumus sama sekali), dengan tepat SATU perubahan: Rp triwulan I (kolom N) satu sub
      kegiatan Kelurahan Kanaan ditambah 1.000.000.

  python3 tests/data/buat_renja.py

Sumber (tanpa ../shared): samples/bontang-barat-2022/sumber-tabel19.tsv (pohon anggaran:
kode, uraian, pagu, realisasi) dan sumber-kinerja.tsv (lembar IKU, Triwulan, Program), yang
keduanya disalin dari seed 001 (LKjIP 2022 Kecamatan Bontang Barat). Pembagian Rp per
triwulan (20 %, 25 %, 25 %, sisanya) adalah ILUSTRASI: seed tidak memuat realisasi
triwulanan. Semua hitungan memakai Decimal (tanpa float). Keluaran deterministik (tanggal
dokumen dan tanggal entri zip tetap 2023-01-31). Hanya butuh openpyxl.
"""
import csv
import datetime
import difflib
import io
import re
import sys
import zipfile
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter

AKAR = Path(__file__).resolve().parent
SAMPEL = AKAR.parent.parent / "samples" / "bontang-barat-2022"
TANGGAL = datetime.datetime(2023, 1, 31)
LEMBAR = "Evaluasi Renja TW IV"
BERKAS_RUMUS = AKAR / "renja-bontang-barat-2022.xlsx"
BERKAS_NILAI = AKAR / "renja-bontang-barat-2022-tw-diubah.xlsx"
# The one change of the values-only copy: Triwulan I Rp of this sub kegiatan, + 1.000.000.
UBAH_UNIT, UBAH_KODE, UBAH_TAMBAH = "KELURAHAN KANAAN", "7.01.03.2.03.04", Decimal(1000000)

KOLOM_TERAKHIR = 30  # AD
RP = ["L", "N", "P", "R", "T", "V"]  # pagu, TW I–IV, realisasi
TW_K = {"I": "M", "II": "O", "III": "Q", "IV": "S"}
BARIS_DATA = 10


def gagal(pesan):
    sys.exit(f"buat_renja: {pesan}")


def angka(t):
    """Indonesian number text (`17.050.664.373,00`, `87,40`, `100`) as an exact Decimal."""
    t = t.strip()
    if not re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?", t):
        return None
    return Decimal(t.replace(".", "").replace(",", "."))


def teks_angka(d):
    """A Decimal as plain decimal text for `<v>` and formulas: no exponent, no trailing zeros."""
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def sel_angka(d):
    """A Decimal as the number openpyxl writes (int when whole)."""
    return int(d) if d == d.to_integral_value() else float(d)


def bulat2(d):
    """Excel ROUND(x, 2): half away from zero."""
    return d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def persen(a, b):
    """=IF(b=0,0,ROUND(a/b*100,2))"""
    if b == 0:
        return Decimal(0)
    with localcontext() as c:
        c.prec = 50
        return bulat2(a / b * 100)


def normal(s):
    return re.sub(r"[^0-9a-z]+", " ", s.lower()).strip()


# ---------------------------------------------------------------- sumber

def baca_tsv(nama):
    with (SAMPEL / nama).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def jenis_kode(kode):
    if kode == "7":
        return "urusan"
    if kode == "7.01":
        return "bidang"
    if ".0.00.0.00." in kode:
        return "organisasi" if kode.endswith(".0000") else "unit"
    return {3: "program", 5: "kegiatan", 6: "sub kegiatan"}[len(kode.split("."))]


def pohon():
    simpul, jumlah, terakhir = [], None, {}
    induk_dari = {"urusan": None, "bidang": "urusan", "organisasi": "bidang", "unit": "organisasi",
                  "program": "organisasi/unit", "kegiatan": "program", "sub kegiatan": "kegiatan"}
    for b in baca_tsv("sumber-tabel19.tsv"):
        if b["uraian"] == "JUMLAH":
            jumlah = b
            continue
        j = jenis_kode(b["kode"])
        s = {"kode": b["kode"], "uraian": b["uraian"], "jenis": j, "pagu": angka(b["pagu"]),
             "realisasi": angka(b["realisasi"]), "seed": b["baris_seed"], "anak": []}
        s["induk"] = terakhir.get(induk_dari[j])
        if s["induk"] is not None:
            s["induk"]["anak"].append(s)
        terakhir[j] = s
        if j in ("organisasi", "unit"):
            terakhir["organisasi/unit"] = s
        s["unit"] = s if j in ("organisasi", "unit") else s["induk"]["unit"] if s["induk"] else None
        simpul.append(s)
    for s in simpul:
        if not s["anak"] and s["jenis"] != "sub kegiatan":
            gagal(f"{s['kode']} {s['uraian']} tanpa anak tetapi bukan sub kegiatan")
        if s["anak"]:
            for k in ("pagu", "realisasi"):
                jml = sum((a[k] for a in s["anak"]), Decimal(0))
                if jml != s[k]:
                    gagal(f"{k} {s['kode']} {s['uraian']} (baris seed {s['seed']}) = {s[k]}, "
                          f"jumlah anaknya {jml}: berhenti, tidak dipaksakan")
    akar = simpul[0]
    if (angka(jumlah["pagu"]), angka(jumlah["realisasi"])) != (akar["pagu"], akar["realisasi"]):
        gagal("JUMLAH Tabel 19 ≠ urusan 7")
    return simpul


def cocokkan(simpul, program):
    """Each named Program row to a node of its unit's subtree, walking forward in tree order."""
    daftar = {}
    for s in simpul:
        u = s["unit"]
        if u is None or s is u:
            continue
        daftar.setdefault(u["uraian"], []).append(s)
    posisi, indikator, dipakai, fuzzy = {}, {}, set(), []
    terakhir = None
    for p in program:
        if not p["k3"].strip():
            if terakhir is None or terakhir["unit"]["uraian"] != p["k1"]:
                gagal(f"baris Program lanjutan tanpa baris di atasnya (baris seed {p['baris_seed']})")
            indikator[id(terakhir)].append(p)
            continue
        calon = daftar.get(p["k1"])
        if calon is None:
            gagal(f"unit {p['k1']!r} tidak ada di Tabel 19")
        mulai = posisi.get(p["k1"], 0)
        nama = normal(p["k3"])
        pilih = next((i for i in range(mulai, len(calon)) if normal(calon[i]["uraian"]) == nama), None)
        if pilih is None:
            rasio = [(difflib.SequenceMatcher(None, nama, normal(calon[i]["uraian"])).ratio(), -i)
                     for i in range(mulai, len(calon))]
            if rasio:
                r, i = max(rasio)
                if r >= 0.85:
                    pilih = -i
                    fuzzy.append((p, calon[pilih], r))
            if pilih is None:
                gagal(f"baris Program tidak cocok: {p['k1']} / {p['k3']} (baris seed {p['baris_seed']})")
        s = calon[pilih]
        if id(s) in dipakai:
            gagal(f"simpul {s['kode']} {s['uraian']} dipakai dua baris Program")
        dipakai.add(id(s))
        indikator[id(s)] = [p]
        posisi[p["k1"]] = pilih + 1
        terakhir = s
    return indikator, fuzzy


# ---------------------------------------------------------------- isi formulir

class Formulir:
    """Cells as {(row, column letter): value} plus {(row, column letter): (formula, Decimal)}."""

    def __init__(self):
        self.nilai, self.rumus, self.jenis_baris = {}, {}, {}

    def isi(self, r, c, v):
        self.nilai[(r, c)] = v

    def rumuskan(self, r, c, f, d):
        self.rumus[(r, c)] = (f, d)

    def angka_di(self, r, c):
        if (r, c) in self.rumus:
            return self.rumus[(r, c)][1]
        return Decimal(str(self.nilai[(r, c)]))


def susun(simpul, iku, triwulan, indikator):
    f = Formulir()
    # Sasaran rows: one per IKU row.
    r = BARIS_DATA
    for b in iku:
        tw = {t["k2"]: t for t in triwulan if t["k1"] == b["k3"]}
        if "IV" not in tw:
            gagal(f"indikator {b['k3']!r} tanpa baris Triwulan IV")
        f.isi(r, "A", int(b["k1"]))
        f.isi(r, "B", b["k2"])
        f.isi(r, "E", b["k3"])
        f.isi(r, "F", b["k4"])
        f.isi(r, "G", sel_angka(angka(b["k11"])))
        k = angka(tw["IV"]["k3"])
        f.isi(r, "K", sel_angka(k))
        for nama, kol in TW_K.items():
            if nama in tw:
                v = angka(tw[nama]["k4"])
                f.isi(r, kol, sel_angka(v) if v is not None else tw[nama]["k4"])
        u = angka(tw["IV"]["k4"])
        if u is None:
            f.isi(r, "U", tw["IV"]["k4"])
            f.isi(r, "W", tw["IV"]["k4"])
        else:
            f.isi(r, "U", sel_angka(u))
            f.rumuskan(r, "W", f"IF(K{r}=0,0,ROUND(U{r}/K{r}*100,2))", persen(u, k))
        f.isi(r, "AC", "Kec.Bontang Barat")
        f.jenis_baris[r] = "sasaran"
        r += 1
    # Tree rows (+ continuation rows of extra indikator).
    for s in simpul:
        f.isi(r, "C", s["kode"])
        f.isi(r, "D", s["uraian"])
        f.jenis_baris[r] = s["jenis"]
        s["baris"] = r
        r += 1
        for n, p in enumerate(indikator.get(id(s), [])):
            rr = s["baris"] if n == 0 else r
            if n > 0:
                f.jenis_baris[rr] = "lanjutan"
                r += 1
            # As seed 001 Tabel 17: a continuation row leaves the unit column empty.
            pj = p["k10"]
            k, u = angka(p["k6"]), angka(p["k8"])
            if k is None:
                gagal(f"target bukan angka: {p['k6']!r} (baris seed {p['baris_seed']})")
            f.isi(rr, "E", p["k4"])
            f.isi(rr, "F", p["k7"])
            f.isi(rr, "K", sel_angka(k))
            if u is None:
                f.isi(rr, "U", p["k8"])
                f.isi(rr, "W", p["k8"])
            else:
                f.isi(rr, "U", sel_angka(u))
                f.rumuskan(rr, "W", f"IF(K{rr}=0,0,ROUND(U{rr}/K{rr}*100,2))", persen(u, k))
            if pj:
                f.isi(rr, "AC", pj)
            if p["k11"]:
                f.isi(rr, "AD", p["k11"])
    # Rp: leaves typed, parents summed (children come after parents, so fill bottom-up).
    for s in reversed(simpul):
        i = s["baris"]
        if not s["anak"]:
            real = s["realisasi"]
            tw = [(real * Decimal(p)).to_integral_value(rounding=ROUND_FLOOR) for p in ("0.20", "0.25", "0.25")]
            f.isi(i, "L", sel_angka(s["pagu"]))
            for kol, v in zip("NPR", tw):
                f.isi(i, kol, sel_angka(v))
            f.rumuskan(i, "T", f"{teks_angka(real)}-N{i}-P{i}-R{i}", real - sum(tw))
            f.rumuskan(i, "V", f"N{i}+P{i}+R{i}+T{i}", real)
        else:
            for kol in RP:
                jml = sum((f.angka_di(a["baris"], kol) for a in s["anak"]), Decimal(0))
                f.rumuskan(i, kol, "+".join(f"{kol}{a['baris']}" for a in s["anak"]), jml)
        if f.angka_di(i, "L") != s["pagu"] or f.angka_di(i, "V") != s["realisasi"]:
            gagal(f"baris {i} ({s['kode']}): pagu/realisasi hitungan ≠ Tabel 19")
        f.rumuskan(i, "X", f"IF(L{i}=0,0,ROUND(V{i}/L{i}*100,2))",
                   persen(f.angka_di(i, "V"), f.angka_di(i, "L")))
    # JUMLAH.
    akar = simpul[0]["baris"]
    f.isi(r, "D", "JUMLAH")
    for kol in RP:
        f.rumuskan(r, kol, f"{kol}{akar}", f.angka_di(akar, kol))
    f.rumuskan(r, "X", f"IF(L{r}=0,0,ROUND(V{r}/L{r}*100,2))", persen(f.angka_di(r, "V"), f.angka_di(r, "L")))
    f.jenis_baris[r] = "jumlah"
    f.baris_jumlah = r
    return f


# ---------------------------------------------------------------- tulis

KEPALA_PASANGAN = [
    ("G", "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra)"),
    ("I", "Realisasi Capaian Kinerja Renstra Perangkat Daerah s.d. Renja Perangkat Daerah Tahun Lalu (2021)"),
    ("K", "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (2022) yang Dievaluasi"),
    ("U", "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi"),
    ("W", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah yang Dievaluasi (%)"),
    ("Y", "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun 2022"),
    ("AA", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s.d. Tahun 2022 (%)"),
]
KEPALA_TUNGGAL = [
    ("A", "No"), ("B", "Sasaran"), ("C", "Kode"),
    ("D", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"),
    ("E", "Indikator Kinerja Program (outcome)/Kegiatan (output)"), ("F", "Satuan"),
    ("AC", "Unit Perangkat Daerah Penanggung Jawab"), ("AD", "Keterangan"),
]
NOMOR_KOLOM = [("A", "1"), ("B", "2"), ("C", "3"), ("D", "4"), ("E", "5"), ("F", "6"), ("G", "7"),
               ("I", "8"), ("K", "9"), ("M", "10"), ("O", "11"), ("Q", "12"), ("S", "13"),
               ("U", "14 = 10+11+12+13"), ("W", "15 = 14/9 x 100%"), ("Y", "16 = 8 + 14"),
               ("AA", "17 = 16/7 x 100%"), ("AC", "18"), ("AD", "19")]
LEBAR = {"A": 5, "B": 30, "C": 21, "D": 46, "E": 34, "F": 10, "AC": 18, "AD": 13}
FORMAT = {**{k: "#,##0" for k in RP}, "W": "0.00", "X": "0.00"}


def kolom(c):
    return column_index_from_string(c)


def sebelah(c):
    return get_column_letter(kolom(c) + 1)


def banyak_baris(teks, muat):
    """Lines that word-wrapped text takes in a column holding `muat` characters a line."""
    baris, isi = 1, 0
    for kata in teks.split():
        if isi and isi + 1 + len(kata) > muat:
            baris, isi = baris + 1, 0
        isi += len(kata) + (1 if isi else 0)
        while isi > muat:
            baris, isi = baris + 1, isi - int(muat)
    return baris


def tulis(f, pakai_rumus):
    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR
    tipis = Side(style="thin")
    kotak = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)
    abu = PatternFill("solid", fgColor="D9D9D9")
    tebal = Font(bold=True)

    judul = ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KOTA BONTANG",
             "RENJA KECAMATAN BONTANG BARAT", "PERIODE PELAKSANAAN : TAHUN 2022"]
    for i, t in enumerate(judul, start=1):
        ws.cell(row=i, column=1, value=t)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=KOLOM_TERAKHIR)
        ws.cell(row=i, column=1).font = Font(bold=True, size=12 if i == 1 else 11)
        ws.cell(row=i, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws["A4"] = "Perangkat Daerah : Kecamatan Bontang Barat"
    ws["A4"].font = tebal

    # Header rows 6–8, column numbers row 9.
    for c, t in KEPALA_TUNGGAL:
        ws[f"{c}6"] = t
        ws.merge_cells(f"{c}6:{c}8")
    for c, t in KEPALA_PASANGAN:
        ws[f"{c}6"] = t
        ws.merge_cells(f"{c}6:{sebelah(c)}7")
    ws["M6"] = "Realisasi Kinerja Pada Triwulan"
    ws.merge_cells("M6:T6")
    for nama, c in TW_K.items():
        ws[f"{c}7"] = nama
        ws.merge_cells(f"{c}7:{sebelah(c)}7")
    for i in range(kolom("G"), kolom("AB") + 1, 2):
        ws.cell(row=8, column=i, value="K")
        ws.cell(row=8, column=i + 1, value="Rp.")
    for c, t in NOMOR_KOLOM:
        ws[f"{c}9"] = t
        if kolom("G") <= kolom(c) <= kolom("AA"):
            ws.merge_cells(f"{c}9:{sebelah(c)}9")
    for r in range(6, 10):
        for i in range(1, KOLOM_TERAKHIR + 1):
            s = ws.cell(row=r, column=i)
            s.border, s.alignment, s.fill = kotak, tengah, abu
            s.font = Font(bold=r < 9, italic=r == 9, size=9 if r == 9 else 10)

    # Data rows.
    for (r, c), v in f.nilai.items():
        ws[f"{c}{r}"] = v
    for (r, c), (rumus, d) in f.rumus.items():
        ws[f"{c}{r}"] = f"={rumus}" if pakai_rumus else sel_angka(d)
    for r in range(BARIS_DATA, f.baris_jumlah + 1):
        j = f.jenis_baris[r]
        huruf_tebal = j in ("urusan", "bidang", "organisasi", "unit", "program", "sasaran", "jumlah")
        isian = {"urusan": "BDD7EE", "bidang": "BDD7EE", "organisasi": "DDEBF7", "unit": "DDEBF7",
                 "program": "FFF2CC", "sasaran": "E2EFDA", "jumlah": "D9D9D9"}.get(j)
        for i in range(1, KOLOM_TERAKHIR + 1):
            s = ws.cell(row=r, column=i)
            c = get_column_letter(i)
            s.border = kotak
            s.font = Font(bold=huruf_tebal or None, size=10)
            if isian:
                s.fill = PatternFill("solid", fgColor=isian)
            if c in FORMAT:
                s.number_format = FORMAT[c]
            if c in ("A", "C", "F", "AC") or (kolom("G") <= i <= kolom("AB") and i % 2 == 1):
                s.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
            elif kolom("G") <= i <= kolom("AB"):
                s.alignment = Alignment(horizontal="right", vertical="top")
            else:
                s.alignment = Alignment(vertical="top", wrap_text=True)
        if j == "jumlah":
            ws.cell(row=r, column=4).alignment = Alignment(horizontal="center", vertical="top")

    # Signer block.
    r = f.baris_jumlah + 3
    for n, t in enumerate(["Bontang, 31 Januari 2023", "Camat Bontang Barat,", None, None,
                           "ANWAR SADAT, SP", "NIP 197402192001121004"]):
        if t is not None:
            ws.cell(row=r + n, column=kolom("U"), value=t)
            ws.merge_cells(start_row=r + n, start_column=kolom("U"), end_row=r + n, end_column=kolom("AB"))
            s = ws.cell(row=r + n, column=kolom("U"))
            s.alignment = Alignment(horizontal="center")
            s.font = Font(bold=n == 4, underline="single" if n == 4 else None)

    for i in range(1, KOLOM_TERAKHIR + 1):
        c = get_column_letter(i)
        if c in LEBAR:
            lebar = LEBAR[c]
        elif i % 2 == 1:  # K
            lebar = 8
        else:  # Rp.
            lebar = 8 if c in ("X", "AB") else 16
        ws.column_dimensions[c].width = lebar
    # Row heights for wrapped text: a file saved by Excel stores the AutoFit heights,
    # openpyxl stores none, so estimate them (word wrap, 10 pt text).
    for r in range(BARIS_DATA, f.baris_jumlah + 1):
        baris_teks = 1
        for c in ("B", "D", "E", "F", "AC", "AD"):
            v = ws[f"{c}{r}"].value
            if isinstance(v, str):
                baris_teks = max(baris_teks, banyak_baris(v, ws.column_dimensions[c].width * (1.05 if ws[f"{c}{r}"].font.b else 1.25)))
        ws.row_dimensions[r].height = 12.75 * baris_teks + 2
    ws.row_dimensions[6].height = 30
    ws.row_dimensions[7].height = 75
    ws.freeze_panes = "A10"
    ws.print_title_rows = "6:9"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    return wb


def simpan(wb, path, f, pakai_rumus):
    wb.properties.creator = "lkjip tests/data/buat_renja.py"
    wb.properties.created = TANGGAL
    wb.properties.modified = TANGGAL
    mentah = io.BytesIO()
    wb.save(mentah)
    cache = {f"{c}{r}": teks_angka(d) for (r, c), (_, d) in f.rumus.items()} if pakai_rumus else {}
    diisi = 0

    def isi_v(m):
        nonlocal diisi
        diisi += 1
        return m.group(1) + b"<v>" + cache[m.group(2).decode()].encode() + b"</v></c>"

    keluar = io.BytesIO()
    with zipfile.ZipFile(mentah) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2023-01-31T00:00:00Z\g<2>", data)
            if info.filename.startswith("xl/worksheets/sheet"):
                # openpyxl leaves `<v />` after every formula: store the value Excel would cache.
                data = re.sub(rb'(<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f>)<v\s*/></c>', isi_v, data)
                if b"<f>" in data and diisi != len(cache):
                    gagal(f"{path.name}: {diisi} nilai tersimpan diisi, {len(cache)} rumus")
            zi = zipfile.ZipInfo(info.filename, date_time=TANGGAL.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    path.write_bytes(keluar.getvalue())
    print("ditulis", path.relative_to(AKAR.parent.parent))


def periksa(f, ubah):
    """Cached values (data_only) = our computation; the values copy has no formula and differs
    from the formula file in exactly one cell."""
    satu = load_workbook(BERKAS_RUMUS, data_only=True)[LEMBAR]
    dua = load_workbook(BERKAS_NILAI, data_only=True)[LEMBAR]
    rumus = load_workbook(BERKAS_RUMUS)[LEMBAR]
    for (r, c), (teks, d) in f.rumus.items():
        if rumus[f"{c}{r}"].value != f"={teks}":
            gagal(f"{c}{r}: rumus {rumus[f'{c}{r}'].value!r}")
        if satu[f"{c}{r}"].value != sel_angka(d):
            gagal(f"{c}{r}: nilai tersimpan {satu[f'{c}{r}'].value!r} ≠ {d}")
    for baris in load_workbook(BERKAS_NILAI)[LEMBAR].iter_rows():
        for s in baris:
            if s.data_type == "f" or (isinstance(s.value, str) and s.value.startswith("=")):
                gagal(f"{BERKAS_NILAI.name} {s.coordinate}: masih rumus")
    beda = [(a.coordinate, a.value, b.value)
            for ra, rb in zip(satu.iter_rows(), dua.iter_rows()) for a, b in zip(ra, rb) if a.value != b.value]
    if satu.max_row != dua.max_row or satu.max_column != dua.max_column or beda != [ubah]:
        gagal(f"beda kedua berkas: {beda}")
    print(f"diperiksa: {len(f.rumus)} rumus, nilai tersimpan sama dengan hitungan; "
          f"satu sel beda: {ubah[0]} {ubah[1]} → {ubah[2]}")


def main():
    simpul = pohon()
    kinerja = baca_tsv("sumber-kinerja.tsv")
    iku = [b for b in kinerja if b["lembar"] == "IKU"]
    triwulan = [b for b in kinerja if b["lembar"] == "Triwulan"]
    program = [b for b in kinerja if b["lembar"] == "Program"]
    indikator, fuzzy = cocokkan(simpul, program)
    for p, s, r in fuzzy:
        print(f"cocok mirip ({r:.4f}): {p['k1']} / {p['k3']!r} (baris seed {p['baris_seed']}) "
              f"→ {s['kode']} {s['uraian']!r} (baris seed {s['seed']})")
    f = susun(simpul, iku, triwulan, indikator)
    simpan(tulis(f, True), BERKAS_RUMUS, f, True)

    s = next(s for s in simpul if s["unit"] is not None and s["unit"]["uraian"] == UBAH_UNIT
             and s["kode"] == UBAH_KODE)
    if s["anak"] or s["realisasi"] == 0:
        gagal(f"{UBAH_KODE} {UBAH_UNIT}: bukan sub kegiatan berealisasi")
    lama = f.angka_di(s["baris"], "N")
    # Values only: every formula becomes its value; then the one typed change.
    nilai = Formulir()
    nilai.nilai = dict(f.nilai)
    nilai.jenis_baris, nilai.baris_jumlah = f.jenis_baris, f.baris_jumlah
    for (r, c), (_, d) in f.rumus.items():
        nilai.nilai[(r, c)] = sel_angka(d)
    nilai.nilai[(s["baris"], "N")] = sel_angka(lama + UBAH_TAMBAH)
    simpan(tulis(nilai, False), BERKAS_NILAI, nilai, False)
    periksa(f, (f"N{s['baris']}", sel_angka(lama), sel_angka(lama + UBAH_TAMBAH)))

    hitung = {}
    for j in f.jenis_baris.values():
        hitung[j] = hitung.get(j, 0) + 1
    print("baris:", ", ".join(f"{k} {v}" for k, v in hitung.items()),
          f"| data {BARIS_DATA}–{f.baris_jumlah - 1}, JUMLAH {f.baris_jumlah}")
    print(f"diubah: N{s['baris']} ({s['kode']} {s['uraian']}, {UBAH_UNIT}) {lama} → {lama + UBAH_TAMBAH}")


if __name__ == "__main__":
    main()
