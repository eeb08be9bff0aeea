#!/usr/bin/env python3
"""Pembanding untuk benchmark: pekerjaan `lkjip susun` seperti yang dikerjakan pengguna teknis
hari ini dengan Python, openpyxl dan XlsxWriter.

Membaca LRA realisasi (openpyxl read_only), menghitung ulang pohon berdasarkan posisi
(urusan -> bidang -> organisasi -> sub unit -> program -> kegiatan -> sub kegiatan; induk =
jumlah anak) dengan decimal.Decimal, menghitung %, sisa dan efisiensi, membandingkan nilai
yang tertulis, lalu menulis Tabel 19, Tabel 16 dan sheet Temuan dengan XlsxWriter (format
angka, rumus yang membawa hasilnya).

    python bench/python_setara.py MASUK.xlsx -o KELUAR.xlsx
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import openpyxl
import xlsxwriter

NOL = Decimal(0)
SERATUS = Decimal(100)

URUSAN, BIDANG, ORGANISASI, SUB_UNIT, PROGRAM, KEGIATAN, SUB_KEGIATAN = range(7)
NAMA_TINGKAT = ["urusan", "bidang", "organisasi", "sub unit", "program", "kegiatan", "sub kegiatan"]


def tingkat(kode: str) -> int | None:
    """Tingkat dari bentuk kode saja (jumlah dan lebar bagian)."""
    b = kode.split(".")
    n = len(b)
    if not all(x.isdigit() or set(x) <= {"X", "x"} for x in b):
        return None
    if n == 1 and len(b[0]) == 1:
        return URUSAN
    if n == 2 and len(b[1]) == 2:
        return BIDANG
    if n == 3:
        return PROGRAM
    if n == 5:
        return KEGIATAN
    if n == 6:
        return SUB_KEGIATAN
    if n == 8:
        return ORGANISASI if set(b[7]) == {"0"} else SUB_UNIT
    return None


_RE_ANGKA = re.compile(r"^[0-9.,]+$")


def angka(v, persen: bool = False) -> Decimal | None:
    """Sel -> Decimal. Angka lewat repr (round-trip terpendek); teks gaya Indonesia."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise ValueError(f"bukan angka: {v!r}")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v))
    s = str(v).strip().replace("\xa0", "").replace(" ", "")
    if s in ("", ):
        return None
    if s in ("-", "–", "—"):
        return NOL
    neg = s.startswith("(") and s.endswith(")")
    if neg:
        s = s[1:-1]
    for awalan in ("Rp.", "Rp", "RP.", "RP"):
        if s.startswith(awalan):
            s = s[len(awalan):]
            break
    s = s.removesuffix(",-").removesuffix("%")
    if s.startswith("-"):
        neg, s = not neg, s[1:]
    if not _RE_ANGKA.match(s):
        raise ValueError(f"bukan angka: {v!r}")
    if "," in s and "." in s:
        # pemisah desimal = yang terakhir muncul
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        bagian = s.split(",")
        if len(bagian) == 2 and (persen or len(bagian[1]) != 3):
            s = s.replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "." in s:
        bagian = s.split(".")
        if not (len(bagian) == 2 and (persen or len(bagian[1]) != 3)):
            s = s.replace(".", "")
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"bukan angka: {v!r}") from None
    return -d if neg else d


def bulat(d: Decimal, contoh: Decimal = Decimal("0.01")) -> Decimal:
    return d.quantize(contoh, ROUND_HALF_UP)  # ROUND_HALF_UP = menjauhi nol, seperti Excel


def persen(pagu: Decimal, realisasi: Decimal) -> Decimal | None:
    return None if pagu == 0 else realisasi * SERATUS / pagu


class Simpul:
    __slots__ = ("baris", "kode", "uraian", "tingkat", "anak", "pagu", "realisasi",
                 "t_pagu", "t_realisasi", "t_persen", "t_sisa", "fisik")

    def __init__(self, baris, kode, uraian, tk, pagu, realisasi, p, sisa, fisik):
        self.baris, self.kode, self.uraian, self.tingkat = baris, kode, uraian, tk
        self.anak: list[Simpul] = []
        self.t_pagu, self.t_realisasi, self.t_persen, self.t_sisa = pagu, realisasi, p, sisa
        self.fisik = fisik
        self.pagu = pagu or NOL
        self.realisasi = realisasi or NOL


def baca(path: str):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    kolom = None
    akar: list[Simpul] = []
    tumpukan: list[Simpul] = []
    semua: list[Simpul] = []
    jumlah = None
    for nomor, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if kolom is None:
            teks = [str(c).strip().lower() if c is not None else "" for c in row]
            if "kode" in teks and any(t.startswith("pagu") for t in teks):
                cari = lambda f: next(i for i, t in enumerate(teks) if f(t))  # noqa: E731
                kolom = {
                    "kode": teks.index("kode"),
                    "uraian": cari(lambda t: t.startswith("uraian")),
                    "pagu": cari(lambda t: t.startswith("pagu")),
                    "realisasi": cari(lambda t: t.startswith("realisasi") and "fisik" not in t),
                    "persen": cari(lambda t: t == "%"),
                    "sisa": cari(lambda t: t.startswith("sisa")),
                    "fisik": cari(lambda t: "fisik" in t),
                }
            continue
        def sel(k):
            i = kolom[k]
            return row[i] if i < len(row) else None
        kode = sel("kode")
        kode = str(kode).strip() if kode is not None else ""
        uraian = str(sel("uraian") or "").strip()
        if kode == "1" and uraian == "2":
            continue  # baris nomor kolom
        nilai = (angka(sel("pagu")), angka(sel("realisasi")), angka(sel("persen"), True),
                 angka(sel("sisa")), angka(sel("fisik"), True))
        if not kode and uraian.upper() == "JUMLAH":
            jumlah = Simpul(nomor, "", uraian, None, *nilai)
            continue
        tk = tingkat(kode) if kode else None
        if tk is None:
            continue  # judul, baris kosong
        s = Simpul(nomor, kode, uraian, tk, *nilai)
        while tumpukan and tumpukan[-1].tingkat >= tk:
            tumpukan.pop()
        (tumpukan[-1].anak if tumpukan else akar).append(s)
        tumpukan.append(s)
        semua.append(s)
    wb.close()
    if kolom is None:
        sys.exit(f"{path}: baris kepala (Kode ... Pagu) tidak ditemukan")
    return akar, semua, jumlah


def hitung(akar: list[Simpul]) -> None:
    """Induk = jumlah anak, dari bawah ke atas (tanpa rekursi: urutan pasca)."""
    urutan, tumpukan = [], list(akar)
    while tumpukan:
        s = tumpukan.pop()
        urutan.append(s)
        tumpukan.extend(s.anak)
    for s in reversed(urutan):
        if s.anak:
            s.pagu = sum((a.pagu for a in s.anak), NOL)
            s.realisasi = sum((a.realisasi for a in s.anak), NOL)


def periksa(semua: list[Simpul], jumlah: Simpul | None, akar: list[Simpul]):
    temuan = []

    def banding(s, kolom, tertulis, seharusnya):
        if tertulis is None or seharusnya is None:
            return
        if kolom == "%":
            seharusnya = bulat(seharusnya, tertulis)  # pada presisi yang tertulis
        if tertulis != seharusnya:
            temuan.append((s.baris, s.kode or s.uraian, kolom, tertulis, seharusnya))

    if jumlah is not None:
        jumlah.pagu = sum((a.pagu for a in akar), NOL)
        jumlah.realisasi = sum((a.realisasi for a in akar), NOL)
        semua = semua + [jumlah]
    for s in semua:
        if s.anak or s is jumlah:
            banding(s, "Pagu Anggaran", s.t_pagu, s.pagu)
            banding(s, "Realisasi", s.t_realisasi, s.realisasi)
        p = persen(s.pagu, s.realisasi)
        if p is not None or s.t_persen not in (None, NOL):
            banding(s, "%", s.t_persen, p if p is not None else NOL)
        banding(s, "Sisa Anggaran", s.t_sisa, s.pagu - s.realisasi)
    return temuan


def tulis(path: str, semua: list[Simpul], jumlah: Simpul | None, temuan) -> None:
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    f = {
        "kepala": wb.add_format({"bold": True, "align": "center", "valign": "vcenter",
                                 "text_wrap": True, "border": 1, "bg_color": "#D9E1F2"}),
        "nomor": wb.add_format({"italic": True, "align": "center", "border": 1}),
        "judul": wb.add_format({"bold": True, "font_size": 12}),
    }
    for tebal in (False, True):
        f[("teks", tebal)] = wb.add_format({"bold": tebal, "border": 1, "text_wrap": True, "valign": "top"})
        f[("rp", tebal)] = wb.add_format({"bold": tebal, "border": 1, "num_format": "#,##0.00", "valign": "top"})
        f[("pr", tebal)] = wb.add_format({"bold": tebal, "border": 1, "num_format": "0.00", "valign": "top"})

    def pct(s):
        p = persen(s.pagu, s.realisasi)
        return float(bulat(p)) if p is not None else 0.0

    # --- Tabel 19: Kode | Uraian | Pagu | Realisasi | % | Sisa ---
    ws = wb.add_worksheet("Tabel 19")
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 3, 20)
    ws.set_column(4, 4, 9)
    ws.set_column(5, 5, 20)
    ws.write(0, 0, "Tabel 19 Realisasi Anggaran per Program dan Kegiatan", f["judul"])
    ws.write_row(2, 0, ["Kode", "Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan",
                        "Pagu Anggaran", "Realisasi", "%", "Sisa Anggaran"], f["kepala"])
    ws.write_row(3, 0, ["1", "2", "3", "4", "5 = 4/3*100", "6 = 3 - 4"], f["nomor"])
    ws.freeze_panes(4, 2)
    r = 4
    baris_19 = semua + ([jumlah] if jumlah is not None else [])
    for s in baris_19:
        tebal = s.tingkat is None or s.tingkat < SUB_KEGIATAN
        x = r + 1
        ws.write_string(r, 0, s.kode, f[("teks", tebal)])
        ws.write_string(r, 1, s.uraian, f[("teks", tebal)])
        ws.write_number(r, 2, float(s.pagu), f[("rp", tebal)])
        ws.write_number(r, 3, float(s.realisasi), f[("rp", tebal)])
        ws.write_formula(r, 4, f"=IF(C{x}=0,0,ROUND(D{x}/C{x}*100,2))", f[("pr", tebal)], pct(s))
        ws.write_formula(r, 5, f"=C{x}-D{x}", f[("rp", tebal)], float(s.pagu - s.realisasi))
        r += 1

    # --- Tabel 16: Program/Kegiatan/Sub Kegiatan | Pagu | Realisasi | % | Fisik | Sisa | Efisiensi ---
    ws = wb.add_worksheet("Tabel 16")
    ws.set_column(0, 0, 60)
    ws.set_column(1, 2, 20)
    ws.set_column(3, 4, 10)
    ws.set_column(5, 5, 20)
    ws.set_column(6, 6, 12)
    ws.write(0, 0, "Tabel 16 Efisiensi Penggunaan Anggaran Program/Kegiatan/Sub Kegiatan", f["judul"])
    ws.write_row(2, 0, ["Program, Kegiatan, dan Sub Kegiatan", "Pagu Anggaran", "Realisasi Keuangan", "%",
                        "Realisasi Fisik (%)", "Sisa Anggaran", "Efisiensi Anggaran (%)"], f["kepala"])
    ws.freeze_panes(3, 1)
    r = 3
    for s in baris_19:
        if s.tingkat is not None and s.tingkat < ORGANISASI:
            continue
        tebal = s.tingkat is None or s.tingkat < SUB_KEGIATAN
        x = r + 1
        p = pct(s)
        ws.write_string(r, 0, s.uraian, f[("teks", tebal)])
        ws.write_number(r, 1, float(s.pagu), f[("rp", tebal)])
        ws.write_number(r, 2, float(s.realisasi), f[("rp", tebal)])
        ws.write_formula(r, 3, f"=IF(B{x}=0,0,ROUND(C{x}/B{x}*100,2))", f[("pr", tebal)], p)
        if s.fisik is not None:
            ws.write_number(r, 4, float(s.fisik), f[("pr", tebal)])
        else:
            ws.write_blank(r, 4, None, f[("pr", tebal)])
        ws.write_formula(r, 5, f"=B{x}-C{x}", f[("rp", tebal)], float(s.pagu - s.realisasi))
        ws.write_formula(r, 6, f"=IF(B{x}=0,0,100-D{x})", f[("pr", tebal)],
                         float(SERATUS - bulat(persen(s.pagu, s.realisasi))) if s.pagu else 0.0)
        r += 1

    # --- Temuan ---
    ws = wb.add_worksheet("Temuan")
    ws.write_row(0, 0, ["Baris", "Kode", "Kolom", "Tertulis", "Seharusnya"], f["kepala"])
    for i, (baris, kode, kolom, tertulis, seharusnya) in enumerate(temuan, start=1):
        ws.write_row(i, 0, [baris, kode, kolom, float(tertulis), float(seharusnya)])
    wb.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("masuk")
    ap.add_argument("-o", "--keluar", required=True)
    a = ap.parse_args()
    t0 = time.perf_counter()
    akar, semua, jumlah = baca(a.masuk)
    t1 = time.perf_counter()
    hitung(akar)
    temuan = periksa(semua, jumlah, akar)
    t2 = time.perf_counter()
    tulis(a.keluar, semua, jumlah, temuan)
    t3 = time.perf_counter()
    print(f"python_setara: {len(semua)} baris, {len(temuan)} temuan -> {a.keluar} "
          f"(baca {t1 - t0:.2f} s, hitung+periksa {t2 - t1:.2f} s, tulis {t3 - t2:.2f} s)", file=sys.stderr)
    return 1 if temuan else 0


if __name__ == "__main__":
    sys.exit(main())
