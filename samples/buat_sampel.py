#!/usr/bin/env python3
"""Membuat berkas contoh (samples/) dan fixture uji (tests/data/) dari seed 001.

Seed 001 = LKjIP 2022 Kecamatan Bontang Barat (../shared/seeds/001_*.txt).

Dua langkah:

  python3 samples/buat_sampel.py ekstrak
      Membaca seed 001 (Tabel 19 dan Tabel 16) dan nomenklatur sub kegiatan, lalu menulis
      samples/bontang-barat-2022/sumber-tabel19.tsv, sumber-tabel16.tsv dan
      kode-sub-kegiatan.tsv. Hanya perlu dijalankan ulang bila cara ekstraksi berubah; butuh
      folder ../shared di samping repositori (atau variabel LKJIP_SHARED).

  python3 samples/buat_sampel.py
      Membaca TSV di atas dan menulis semua workbook, realisasi-salah.json dan kedua
      README. Keluaran deterministik: menjalankan ulang menghasilkan berkas yang sama
      byte demi byte. Setelah menulis, setiap workbook dibaca ulang dan diperiksa.

Semua angka berasal dari seed; skrip ini tidak mengarang angka. Jumlah dihitung dengan
Decimal (bukan float) dan persen dibulatkan setengah menjauhi nol, seperti ROUND di Excel.
"""

import csv
import datetime
import io
import json
import os
import re
import sys
import zipfile
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

# ---------------------------------------------------------------------------
# Lokasi berkas
# ---------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SAMPEL = ROOT / "samples" / "bontang-barat-2022"
UJI = ROOT / "tests" / "data"
SHARED = Path(os.environ.get("LKJIP_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "001_0e940c02cda03439.txt"
NOMENKLATUR = SHARED / "data" / "nomenklatur-sub-kegiatan.csv"

TSV19 = SAMPEL / "sumber-tabel19.tsv"
TSV16 = SAMPEL / "sumber-tabel16.tsv"
TSV_KODE = SAMPEL / "kode-sub-kegiatan.tsv"

# baris_seed: nomor baris di berkas seed asal angka baris itu (untuk ditelusuri).
KOLOM19 = ["kode", "uraian", "pagu", "realisasi", "persen", "sisa", "realisasi_fisik",
           "baris_seed"]
KOLOM16 = ["uraian", "pagu", "realisasi", "persen", "realisasi_fisik", "sisa", "efisiensi"]
KOLOM_KODE = ["baris_seed", "kode_seed", "kode_dipakai", "uraian_seed",
              "baris_nomenklatur", "sub_kegiatan_nomenklatur", "status"]

# Tanggal tetap untuk metadata workbook dan isi zip, agar keluaran deterministik
# (tanggal penandatanganan LKjIP dalam seed 001).
TANGGAL_TETAP = datetime.datetime(2023, 1, 16, 0, 0, 0)

# ---------------------------------------------------------------------------
# Angka gaya Indonesia
# ---------------------------------------------------------------------------


def angka(teks):
    """'30.177.653.595,00' -> Decimal('30177653595.00'); '-' atau '' -> 0."""
    t = teks.strip()
    if t in ("", "-"):
        return Decimal(0)
    return Decimal(t.replace(".", "").replace(",", "."))


def rupiah(d, desimal=True):
    """Decimal -> '1.234.567,00' (desimal=True) atau '1.234.567' (desimal=False)."""
    q = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    tanda = "-" if q < 0 else ""
    bulat, pecahan = f"{abs(q):.2f}".split(".")
    ribuan = f"{int(bulat):,}".replace(",", ".")
    return tanda + ribuan + ("," + pecahan if desimal else "")


def persen(realisasi, pagu):
    """realisasi / pagu x 100, dua desimal, setengah menjauhi nol; pagu 0 -> None."""
    if pagu == 0:
        return None
    return (realisasi / pagu * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def teks_persen(p):
    return f"{p:.2f}".replace(".", ",")


def nilai_sel(d):
    """Decimal -> int bila bulat, selain itu float (untuk sel numerik openpyxl)."""
    return int(d) if d == d.to_integral_value() else float(d)


# ---------------------------------------------------------------------------
# Tingkat kode
# ---------------------------------------------------------------------------


def tingkat(kode):
    """Tingkat sebuah baris dari bentuk kodenya (lihat ../shared/RULES.md, Codes)."""
    if kode == "":
        return "jumlah"
    n = len(kode.split("."))
    if n == 1:
        return "urusan"
    if n == 2:
        return "bidang"
    if n == 8:
        return "organisasi" if kode.endswith(".0000") else "unit"
    if n == 3:
        return "program"
    if n == 5:
        return "kegiatan"
    if n == 6:
        return "sub_kegiatan"
    raise ValueError(f"bentuk kode tidak dikenal: {kode!r}")


# ---------------------------------------------------------------------------
# Langkah 1: ekstraksi dari seed
# ---------------------------------------------------------------------------


def baca_seed():
    return SEED.read_text(encoding="utf-8").split("\n")


def cari_baris(baris, awal, mulai=0):
    for i in range(mulai, len(baris)):
        if baris[i].startswith(awal):
            return i
    raise SystemExit(f"{SEED}: baris yang diawali {awal!r} tidak ditemukan")


def ekstrak_tabel19(baris):
    """Baris data Tabel 19 (tanpa header yang berulang di tiap halaman PDF)."""
    a = baris.index("Tabel 19 Realisasi anggaran per program dan kegiatan")
    b = cari_baris(baris, "BAB IV", a)
    hasil = []
    for i in range(a + 1, b):
        kolom = baris[i].split("\t")
        if len(kolom) < 2:
            continue  # baris kosong atau teks biasa
        if kolom[0] == "Kode" or (kolom[0] == "1" and kolom[1] == "2"):
            continue  # header / baris nomor kolom yang diulang tiap halaman
        if len(kolom) != 6:
            raise SystemExit(f"{SEED}:{i + 1}: Tabel 19 harus 6 kolom, ada {len(kolom)}")
        hasil.append({"baris_seed": i + 1, "kode": kolom[0].strip(),
                      "uraian": kolom[1].strip(), "pagu": kolom[2], "realisasi": kolom[3],
                      "persen": kolom[4], "sisa": kolom[5]})
    return hasil


def ekstrak_tabel16(baris):
    """Baris data Tabel 16; blok halaman yang sama persis dengan blok sebelumnya dibuang."""
    a = cari_baris(baris, "Tabel 16 Efisiensi Penggunaan Anggaran")
    b = cari_baris(baris, "Berdasarkan table 16", a)
    blok, sekarang = [], None
    for i in range(a + 1, b):
        kolom = baris[i].split("\t")
        if kolom[0] == "Program, Kegiatan, dan Sub Kegiatan":
            sekarang = {"baris_header": i + 1, "isi": []}
            blok.append(sekarang)
            continue
        if len(kolom) < 2:
            continue
        if len(kolom) != 7:
            raise SystemExit(f"{SEED}:{i + 1}: Tabel 16 harus 7 kolom, ada {len(kolom)}")
        sekarang["isi"].append({"baris_seed": i + 1, "uraian": kolom[0].strip(),
                                **dict(zip(KOLOM16[1:], kolom[1:]))})
    hasil, dibuang = [], []
    for j, bl in enumerate(blok):
        kunci = [tuple(r[k] for k in KOLOM16) for r in bl["isi"]]  # tanpa nomor baris
        sama = [k for k in blok[:j]
                if [tuple(r[c] for c in KOLOM16) for r in k["isi"]] == kunci]
        if sama:
            dibuang.append((bl, sama[0]))
            continue
        hasil.extend(bl["isi"])
    return hasil, dibuang


def normal(teks):
    """Huruf kecil, tanda baca jadi spasi, spasi dirapatkan (untuk pencocokan kedua)."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", teks.lower()).split())


def baca_nomenklatur():
    """Baris KABKOT nomenklatur: {kode kegiatan: [(baris, kode4, nama, teks asli)]}."""
    per_kegiatan = {}
    with NOMENKLATUR.open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        akhir = r.line_num
        for rec in r:
            mulai, akhir = akhir + 1, r.line_num
            if rec["jenis_pemda"] != "KABKOT":
                continue
            kode4, nama = rec["sub_kegiatan"].split(" ", 1)
            keg = rec["kegiatan"].split(" ", 1)[0]
            per_kegiatan.setdefault(keg, []).append((mulai, kode4, nama, rec["sub_kegiatan"]))
    return per_kegiatan


def kegiatan_nomenklatur(kode_kegiatan):
    """Program 01 (penunjang) memakai kode lintas urusan X.XX dalam nomenklatur."""
    b = kode_kegiatan.split(".")
    if b[2] == "01":
        return "X.XX." + ".".join(b[2:])
    return kode_kegiatan


def lengkapi_kode(t19, nomenklatur):
    """Cocokkan setiap sub kegiatan Tabel 19 dengan nomenklatur; lengkapi kode terpotong.

    Kode yang bagian terakhirnya kurang dari 2 digit (terpotong oleh konversi PDF) dilengkapi
    bila namanya cocok dengan tepat satu sub kegiatan dari kegiatan yang sama. Kode yang
    sudah lengkap hanya diperiksa, tidak diubah. Mengembalikan satu catatan per baris.
    """
    catatan = []
    for r in t19:
        if tingkat(r["kode"]) != "sub_kegiatan":
            continue
        bagian = r["kode"].split(".")
        akhir = bagian[-1]
        keg = ".".join(bagian[:5])
        kandidat = nomenklatur.get(kegiatan_nomenklatur(keg), [])
        c = {"baris_seed": r["baris_seed"], "kode_seed": r["kode"], "kode_dipakai": r["kode"],
             "uraian_seed": r["uraian"], "baris_nomenklatur": "",
             "sub_kegiatan_nomenklatur": "", "status": ""}
        catatan.append(c)
        sama = [k for k in kandidat if k[2].lower() == r["uraian"].lower()]
        mirip = [k for k in kandidat if normal(k[2]) == normal(r["uraian"])]
        if len(akhir) == 2:
            # Kode sudah lengkap: hanya diperiksa terhadap nomenklatur.
            nomor = [k for k in kandidat if int(k[1].split(".")[-1]) == int(akhir)]
            if sama and sama == nomor[:1]:
                k, c["status"] = sama[0], "lengkap di seed; nomor dan nama cocok"
            elif mirip and mirip == nomor[:1]:
                k, c["status"] = mirip[0], "lengkap di seed; nomor cocok, nama beda tanda baca"
            elif (sama or mirip) and nomor:
                k = (sama or mirip)[0]
                c["status"] = (f"lengkap di seed; BEDA: nama ini bernomor "
                               f"{k[1].split('.')[-1]} di nomenklatur, nomor "
                               f"{nomor[0][1].split('.')[-1]} = {nomor[0][2]}")
            elif nomor:
                k = nomor[0]
                c["status"] = "lengkap di seed; nomor cocok, nama BEDA"
            else:
                k, c["status"] = None, "lengkap di seed; TIDAK ADA di nomenklatur"
            if k:
                c["baris_nomenklatur"], c["sub_kegiatan_nomenklatur"] = k[0], k[3]
            continue
        cocok, cara = sama, "DILENGKAPI; nama sama (huruf besar/kecil diabaikan)"
        if not cocok:
            cocok, cara = mirip, ("DILENGKAPI; nama sama setelah tanda baca dan huruf "
                                  "besar/kecil diabaikan")
        if len(cocok) != 1:
            c["status"] = "TIDAK COCOK; kode dibiarkan seperti di seed"
            continue
        baris_n, kode4, _, asli = cocok[0]
        nomor = int(kode4.split(".")[-1])
        baru = f"{keg}.{nomor:02d}"
        if nomor >= 100 or not f"{nomor:02d}".startswith(akhir):
            raise SystemExit(f"{r['kode']}: nomenklatur {kode4} tidak sesuai potongan kode")
        c.update(kode_dipakai=baru, baris_nomenklatur=baris_n,
                 sub_kegiatan_nomenklatur=asli, status=cara)
        r["kode"] = baru
    return catatan


def pasangkan_16_19(t19, t16):
    """Pasangkan baris Tabel 19 dengan Tabel 16 berdasarkan urutan dan uraian.

    Mengembalikan {indeks baris T19: baris T16} dan daftar baris T19 tanpa pasangan.
    """
    pasangan, tanpa = {}, []
    j = 0
    for i, r in enumerate(t19):
        tk = tingkat(r["kode"])
        if tk in ("urusan", "bidang"):
            continue
        s = t16[j] if j < len(t16) else None
        nama16 = s["uraian"].lower() if s else None
        if tk in ("organisasi", "unit"):
            if nama16 != r["uraian"].lower() or s["pagu"].strip():
                raise SystemExit(f"Tabel 16 baris {s and s['baris_seed']}: "
                                 f"diharapkan judul unit {r['uraian']}")
            j += 1
            continue
        sama = (s is not None and nama16 == r["uraian"].lower()
                and angka(s["pagu"]) == angka(r["pagu"])
                and angka(s["realisasi"]) == angka(r["realisasi"])
                and angka(s["sisa"]) == angka(r["sisa"]))
        if sama:
            pasangan[i] = s
            j += 1
        else:
            tanpa.append(r)
    if j != len(t16):
        raise SystemExit(f"Tabel 16: {len(t16) - j} baris tidak terpasang")
    return pasangan, tanpa


def isi_realisasi_fisik(t19, pasangan):
    """Realisasi fisik per baris Tabel 19.

    - baris yang punya pasangan di Tabel 16: nilai Tabel 16 apa adanya;
    - baris agregat tanpa pasangan (urusan, bidang, organisasi, unit): nilai turunan bila
      semua baris di bawahnya yang berpasangan memuat nilai yang sama (rata-rata apa pun
      dari nilai yang sama adalah nilai itu); selain itu kosong;
    - baris lain tanpa pasangan (tidak ada di Tabel 16): kosong.
    """
    turunan = []
    for i, r in enumerate(t19):
        if i in pasangan:
            r["realisasi_fisik"] = pasangan[i]["realisasi_fisik"]
        else:
            r["realisasi_fisik"] = ""
    akar = {"urusan": 0, "bidang": 1, "organisasi": 2, "unit": 3}
    for i, r in enumerate(t19):
        tk = tingkat(r["kode"])
        if tk not in akar:
            continue
        nilai = set()
        for k in range(i + 1, len(t19)):
            tk2 = tingkat(t19[k]["kode"])
            if tk2 == "jumlah" or (tk2 in akar and akar[tk2] <= akar[tk]):
                break
            if k in pasangan:
                nilai.add(pasangan[k]["realisasi_fisik"])
        if len(nilai) == 1:
            r["realisasi_fisik"] = nilai.pop()
            turunan.append(r)
    return turunan


def tulis_tsv(path, kolom, baris):
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(kolom) + "\n")
        for r in baris:
            f.write("\t".join(str(r[k]) for k in kolom) + "\n")


def langkah_ekstrak():
    baris = baca_seed()
    t19 = ekstrak_tabel19(baris)
    t16, dibuang = ekstrak_tabel16(baris)
    nomenklatur = baca_nomenklatur()
    catatan = lengkapi_kode(t19, nomenklatur)
    pasangan, tanpa = pasangkan_16_19(t19, t16)
    turunan = isi_realisasi_fisik(t19, pasangan)

    print(f"Tabel 19: {len(t19)} baris (termasuk JUMLAH)")
    print(f"Tabel 16: {len(t16)} baris setelah blok duplikat dibuang")
    for bl, asli in dibuang:
        isi = bl["isi"]
        print(f"  blok duplikat dibuang: baris {isi[0]['baris_seed']}-{isi[-1]['baris_seed']}"
              f" (sama dengan baris {asli['isi'][0]['baris_seed']}-"
              f"{asli['isi'][-1]['baris_seed']})")
    for r in tanpa:
        print(f"  Tabel 19 baris {r['baris_seed']} {r['kode']} {r['uraian'][:50]}:"
              " tidak ada di Tabel 16")
    for r in turunan:
        print(f"  realisasi fisik turunan: {r['kode'] or 'JUMLAH'} = {r['realisasi_fisik']}")
    for c in catatan:
        if not c["status"].startswith("lengkap di seed; nomor dan nama cocok"):
            print(f"  kode {c['kode_seed']} -> {c['kode_dipakai']}: {c['status']}")

    SAMPEL.mkdir(parents=True, exist_ok=True)
    tulis_tsv(TSV19, KOLOM19, t19)
    tulis_tsv(TSV16, KOLOM16 + ["baris_seed"], t16)
    tulis_tsv(TSV_KODE, KOLOM_KODE, catatan)
    print(f"ditulis: {TSV19.relative_to(ROOT)}, {TSV16.relative_to(ROOT)}, "
          f"{TSV_KODE.relative_to(ROOT)}")


# ---------------------------------------------------------------------------
# Langkah 2: workbook dari TSV
# ---------------------------------------------------------------------------


def baca_tsv(path):
    with path.open(encoding="utf-8", newline="") as f:
        baris = f.read().split("\n")
    kolom = baris[0].split("\t")
    return [dict(zip(kolom, b.split("\t"))) for b in baris[1:] if b]


def pohon(t19):
    """Anak-anak tiap baris Tabel 19 menurut posisi (bukan kode saja).

    urusan > bidang > organisasi > (program | unit > program) > kegiatan > sub kegiatan;
    JUMLAH > urusan.
    """
    urutan = {"urusan": 1, "bidang": 2, "organisasi": 3, "unit": 4,
              "program": 5, "kegiatan": 6, "sub_kegiatan": 7}
    anak = {i: [] for i in range(len(t19))}
    tumpukan = []  # (urutan, indeks)
    jumlah = None
    for i, r in enumerate(t19):
        tk = tingkat(r["kode"])
        if tk == "jumlah":
            jumlah = i
            continue
        u = urutan[tk]
        while tumpukan and tumpukan[-1][0] >= u:
            tumpukan.pop()
        if tumpukan:
            anak[tumpukan[-1][1]].append(i)
        tumpukan.append((u, i))
    if jumlah is not None:
        anak[jumlah] = [i for i, r in enumerate(t19) if tingkat(r["kode"]) == "urusan"]
    return anak


def periksa_seed(t19, t16):
    """Pemeriksaan aritmetika seed. Mengembalikan daftar kalimat temuan (kosong = cocok)."""
    temuan = []
    anak = pohon(t19)
    for i, r in enumerate(t19):
        nama = f"{r['kode'] or 'JUMLAH'} {r['uraian'][:60]}"
        p, re_, s = angka(r["pagu"]), angka(r["realisasi"]), angka(r["sisa"])
        if p - re_ != s:
            temuan.append(f"Tabel 19 {nama}: sisa {r['sisa']} ≠ pagu − realisasi "
                          f"{rupiah(p - re_)}")
        hitung = persen(re_, p)
        tertulis = r["persen"]
        if (hitung is None and tertulis != "0,00") or \
           (hitung is not None and teks_persen(hitung) != tertulis):
            temuan.append(f"Tabel 19 {nama}: % {tertulis} ≠ hitungan "
                          f"{teks_persen(hitung) if hitung is not None else '-'}")
        if anak[i]:
            for kol in ("pagu", "realisasi", "sisa"):
                total = sum(angka(t19[k][kol]) for k in anak[i])
                if total != angka(r[kol]):
                    temuan.append(f"Tabel 19 {nama}: {kol} {r[kol]} ≠ jumlah baris di "
                                  f"bawahnya {rupiah(total)}")
    for s in t16:
        if not s["pagu"].strip():
            continue
        p, re_ = angka(s["pagu"]), angka(s["realisasi"])
        hitung = persen(re_, p)
        if hitung is None:
            ok = s["persen"] == "-" and s["efisiensi"] == "-"
        else:
            ok = (teks_persen(hitung) == s["persen"]
                  and (s["efisiensi"] == teks_persen(100 - hitung)
                       or (hitung == 100 and s["efisiensi"] == "-")))
        if angka(s["sisa"]) != p - re_:
            ok = False
        if not ok:
            temuan.append(f"Tabel 16 {s['uraian'][:60]}: %, sisa atau efisiensi tidak cocok")
    return temuan


# --- gaya -------------------------------------------------------------------

TIPIS = Side(style="thin")
KOTAK = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
TEBAL = Font(bold=True)
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
BUNGKUS = Alignment(vertical="top", wrap_text=True)
KANAN = Alignment(horizontal="right", vertical="top")
ATAS = Alignment(vertical="top")
FORMAT_RUPIAH = "#,##0.00"


def simpan(wb, path):
    """Simpan workbook secara deterministik (tanggal tetap) lewat berkas sementara."""
    wb.properties.creator = "samples/buat_sampel.py"
    wb.properties.lastModifiedBy = None
    wb.properties.created = TANGGAL_TETAP
    wb.properties.modified = TANGGAL_TETAP
    mentah = io.BytesIO()
    wb.save(mentah)
    tetap = TANGGAL_TETAP.strftime("%Y-%m-%dT%H:%M:%SZ")
    keluar = io.BytesIO()
    with zipfile.ZipFile(mentah) as zin, \
            zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + tetap.encode() + rb"\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=TANGGAL_TETAP.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    sementara = path.with_name(path.name + ".tmp")
    sementara.write_bytes(keluar.getvalue())
    os.replace(sementara, path)


# --- realisasi.xlsx (bentuk LRA SIPD) -----------------------------------------

BARIS_DATA_LRA = 8  # baris data pertama realisasi.xlsx
KOLOM_LRA = {"kode": "A", "uraian": "B", "pagu": "C", "realisasi": "D", "persen": "E",
             "sisa": "F", "realisasi_fisik": "G"}


def buat_lra(t19):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "LRA"
    judul = ["PEMERINTAH KOTA BONTANG",
             "LAPORAN REALISASI ANGGARAN PER PROGRAM DAN KEGIATAN",
             "TAHUN ANGGARAN 2022"]
    for n, teks in enumerate(judul, start=1):
        ws.cell(n, 1, teks).font = TEBAL
        ws.cell(n, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=7)
    ws["A4"] = "SKPD : 7.01.0.00.0.00.30.0000 KECAMATAN BONTANG BARAT"
    header = ["Kode", "Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan",
              "Pagu Anggaran Perubahan APBD-2", "Realisasi", "%", "Sisa Anggaran",
              "Realisasi Fisik (%)"]
    nomor = ["1", "2", "3", "4", "5 = 4/3*100", "6 = 3 - 4", "7"]
    for c, (h, n) in enumerate(zip(header, nomor), start=1):
        for baris, teks in ((6, h), (7, n)):
            sel = ws.cell(baris, c)
            sel.value = teks
            sel.data_type = "s"
            sel.font = TEBAL
            sel.alignment = TENGAH
            sel.border = KOTAK
    for k, r in enumerate(t19):
        b = BARIS_DATA_LRA + k
        tebal = tingkat(r["kode"]) != "sub_kegiatan"
        ws.cell(b, 1, r["kode"] if r["kode"] else None)
        ws.cell(b, 2, r["uraian"])
        for kol in ("pagu", "realisasi", "sisa"):
            sel = ws[f"{KOLOM_LRA[kol]}{b}"]
            sel.value = nilai_sel(angka(r[kol]))
            sel.number_format = FORMAT_RUPIAH
        ws[f"E{b}"] = r["persen"]
        ws[f"G{b}"] = r["realisasi_fisik"] or None
        for c in range(1, 8):
            sel = ws.cell(b, c)
            sel.border = KOTAK
            sel.font = Font(bold=tebal)
            if c == 2:
                sel.alignment = BUNGKUS
            elif c in (1,):
                sel.alignment = ATAS
            else:
                sel.alignment = KANAN
            if c in (1, 2, 5, 7) and sel.value is not None:
                sel.data_type = "s"  # kode, uraian, % dan fisik sebagai teks
    for huruf, lebar in zip("ABCDEFG", (24, 70, 22, 22, 9, 20, 12)):
        ws.column_dimensions[huruf].width = lebar
    ws.freeze_panes = "C8"
    return wb


# --- realisasi-salah.xlsx -------------------------------------------------------
# Empat kesalahan yang disuntikkan. Sel, kode, unit dan nilai asli diperiksa oleh skrip
# terhadap realisasi.xlsx sebelum diganti, jadi README, JSON dan berkas tidak bisa berbeda.

KESALAHAN = [
    {"sel": "D26", "kolom": "realisasi", "unit": "7.01.0.00.0.00.30.0000",
     "kode": "7.01.01.2.06.04", "uraian": "Penyediaan Bahan Logistik Kantor",
     "asli": "51.471.517,00", "disuntik": "50.471.517,00",
     "catatan": "% dan sisa baris ini dibiarkan seperti semula"},
    {"sel": "E22", "kolom": "persen", "unit": "7.01.0.00.0.00.30.0000",
     "kode": "7.01.01.2.05.09",
     "uraian": "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
     "asli": "99,19", "disuntik": "91,99",
     "catatan": "angka tertukar"},
    {"sel": "F90", "kolom": "sisa", "unit": "7.01.0.00.0.00.30.0002",
     "kode": "7.01.03.2.03.04", "uraian": "Fasilitasi Pengembangan Usaha Ekonomi Masyarakat",
     "asli": "93.296.500,00", "disuntik": "93.926.500,00",
     "catatan": "angka tertukar; Kelurahan Gunung Telihan"},
    {"sel": "C109", "kolom": "pagu", "unit": "7.01.0.00.0.00.30.0003",
     "kode": "7.01.04", "uraian": "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
     "asli": "67.689.600,00", "disuntik": "76.689.600,00",
     "catatan": "angka tertukar; Kelurahan Belimbing; % dan sisa baris ini dibiarkan"},
]


def unit_per_baris(t19):
    """Kode organisasi/unit yang membawahi tiap baris (kosong untuk urusan/bidang/JUMLAH)."""
    hasil, unit = [], ""
    for r in t19:
        tk = tingkat(r["kode"])
        if tk in ("organisasi", "unit"):
            unit = r["kode"]
        hasil.append(unit if tk not in ("urusan", "bidang", "jumlah") else "")
    return hasil


def suntik_kesalahan(wb, t19):
    ws = wb["LRA"]
    units = unit_per_baris(t19)
    for k in KESALAHAN:
        sel = ws[k["sel"]]
        i = sel.row - BARIS_DATA_LRA
        r = t19[i]
        # Pastikan sel yang dimaksud memang baris dan kolom yang benar.
        assert KOLOM_LRA[k["kolom"]] == sel.column_letter, k
        assert (r["kode"], units[i], r["uraian"]) == (k["kode"], k["unit"], k["uraian"]), k
        assert r[k["kolom"]] == k["asli"], (k, r[k["kolom"]])
        if k["kolom"] in ("pagu", "realisasi", "sisa"):
            assert sel.value == nilai_sel(angka(k["asli"]))
            sel.value = nilai_sel(angka(k["disuntik"]))
        else:
            assert sel.value == k["asli"]
            sel.value = k["disuntik"]
            sel.data_type = "s"


# --- tabel16-bontang-barat.xlsx (Tabel 16 yang diketik staf) --------------------

HEADER16 = ["Program, Kegiatan, dan Sub Kegiatan", "Pagu Anggaran", "Realisasi Keuangan", "%",
            "Realisasi Fisik (%)", "Sisa Anggaran", "Efisiensi Anggaran (%)"]
UNIT16 = {"KECAMATAN BONTANG BARAT", "KELURAHAN KANAAN", "KELURAHAN GUNUNG TELIHAN",
          "KELURAHAN BELIMBING"}
# Header diulang sekali sebelum baris ini (bagian kecamatan), meniru salinan dari PDF.
ULANG_HEADER_SEBELUM = ("KECAMATAN BONTANG BARAT",
                        "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK")


def buat_tabel16(t16):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabel 16"
    ws["A1"] = ("Tabel 16 Efisiensi Penggunaan Anggaran Program/Kegiatan/Sub Kegiatan "
                "Tahun 2022")
    ws["A1"].font = TEBAL

    def tulis_header(b):
        for c, h in enumerate(HEADER16, start=1):
            sel = ws.cell(b, c, h)
            sel.font = TEBAL
            sel.alignment = TENGAH
            sel.border = KOTAK

    tulis_header(3)
    b = 4
    unit = None
    baris_ulang = None
    for s in t16:
        if s["uraian"] in UNIT16 and not s["pagu"].strip():
            unit = s["uraian"]
        elif (unit, s["uraian"]) == ULANG_HEADER_SEBELUM and baris_ulang is None:
            tulis_header(b)
            baris_ulang = b
            b += 1
        ws.cell(b, 1, s["uraian"])
        if s["pagu"].strip():
            for c, kol in enumerate(KOLOM16[1:], start=2):
                sel = ws.cell(b, c, s[kol])
                sel.data_type = "s"  # angka sebagai teks, seperti diketik/ditempel
                sel.alignment = Alignment(horizontal="right", vertical="top")
        ws.cell(b, 1).alignment = BUNGKUS
        if s["uraian"] in UNIT16 or s["uraian"] == "JUMLAH" or s["uraian"].startswith("PROGRAM"):
            ws.cell(b, 1).font = TEBAL
        for c in range(1, 8):
            ws.cell(b, c).border = KOTAK
        b += 1
    assert baris_ulang is not None, "baris untuk header ulang tidak ditemukan"
    for huruf, lebar in zip("ABCDEFG", (70, 20, 20, 9, 11, 18, 11)):
        ws.column_dimensions[huruf].width = lebar
    return wb, baris_ulang


# --- lra-kode-terpisah(-tanpa-cache).xlsx (bentuk SIPD kode terpisah) ------------

# Sub kegiatan yang anggaran dan realisasinya ditaruh di kolom Modal (bukan Operasi).
SUB_MODAL = "7.01.01.2.07.11"
FORMAT_TOTAL = '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-'  # seperti berkas SIPD nyata
FORMAT_PERSEN = "0%"


def baris_kode_terpisah(t19):
    """Baris urusan, bidang, organisasi kecamatan dan program 7.01.01 dengan turunannya.

    Angka baris urusan, bidang, organisasi dan Jumlah adalah jumlah baris yang dimuat
    (= angka program 7.01.01 di seed), agar berkas kecil ini tetap konsisten.
    Modal: angka SUB_MODAL dipindah ke Modal dan ikut dipindah di semua induknya.
    """
    i_org = next(i for i, r in enumerate(t19) if tingkat(r["kode"]) == "organisasi")
    i_prog = i_org + 1
    assert t19[i_prog]["kode"] == "7.01.01"
    akhir = next(i for i in range(i_prog + 1, len(t19))
                 if tingkat(t19[i]["kode"]) in ("program", "unit", "jumlah"))
    prog = t19[i_prog:akhir]
    modal = next(r for r in prog if r["kode"] == SUB_MODAL)
    m_ang, m_real = angka(modal["pagu"]), angka(modal["realisasi"])
    p_ang, p_real = angka(t19[i_prog]["pagu"]), angka(t19[i_prog]["realisasi"])
    hasil = []
    for r in [t19[0], t19[1], t19[i_org]]:
        hasil.append({"kode": r["kode"], "uraian": r["uraian"], "ang": p_ang, "real": p_real,
                      "induk_modal": True})
    for r in prog:
        induk = r["kode"] == "7.01.01" or SUB_MODAL.startswith(r["kode"] + ".")
        hasil.append({"kode": r["kode"], "uraian": r["uraian"], "ang": angka(r["pagu"]),
                      "real": angka(r["realisasi"]), "induk_modal": induk,
                      "modal_penuh": r["kode"] == SUB_MODAL})
    hasil.append({"kode": "", "uraian": "Jumlah", "ang": p_ang, "real": p_real,
                  "induk_modal": True})
    for h in hasil:
        if h.get("modal_penuh"):
            h["op"], h["op_r"], h["mo"], h["mo_r"] = Decimal(0), Decimal(0), m_ang, m_real
        elif h["induk_modal"]:
            h["op"], h["op_r"] = h["ang"] - m_ang, h["real"] - m_real
            h["mo"], h["mo_r"] = m_ang, m_real
        else:
            h["op"], h["op_r"], h["mo"], h["mo_r"] = h["ang"], h["real"], Decimal(0), Decimal(0)
    return hasil


def buat_kode_terpisah(t19, dengan_rumus):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    judul = ["KECAMATAN BONTANG BARAT",
             "REKAPITULASI BELANJA MENURUT URUSAN PEMERINTAH DAERAH, ORGANISASI, PROGRAM, "
             "KEGIATAN",
             "BESERTA HASIL DAN SUB KEGIATAN BESERTA KELUARAN",
             "TAHUN ANGGARAN 2022"]
    for n, teks in enumerate(judul, start=1):
        ws.cell(n, 1, teks).font = TEBAL
        ws.cell(n, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=13)
    header = {"A6": "Kode", "E6": "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan",
              "F6": "Kelompok Belanja", "F7": "Operasi", "H7": "Modal",
              "F8": "Anggaran", "G8": "Realisasi", "H8": "Anggaran", "I8": "Realisasi",
              "J6": "TOTAL", "J8": "Anggaran", "K8": "Realisasi", "L8": "%", "M6": "PPTK"}
    for ref, teks in header.items():
        ws[ref] = teks
    for c, teks in zip("AEFGHIJKLM", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]):
        ws[f"{c}9"] = teks
    for b in range(6, 10):
        for c in range(1, 14):
            sel = ws.cell(b, c)
            sel.font = TEBAL
            sel.alignment = TENGAH
            sel.border = KOTAK
    for rng in ("A6:D8", "E6:E8", "F6:I6", "F7:G7", "H7:I7", "J6:L7", "M6:M8", "A9:D9"):
        ws.merge_cells(rng)

    for k, h in enumerate(baris_kode_terpisah(t19)):
        b = 10 + k
        tk = tingkat(h["kode"])
        bagian = h["kode"].split(".")
        # Kolom A: urusan/bidang; B: organisasi; C: program/kegiatan/sub kegiatan; D kosong.
        if tk == "urusan":
            kode = (h["kode"], None, None)
        elif tk == "bidang":
            kode = (h["kode"], None, None)
        elif tk == "organisasi":
            kode = (".".join(bagian[:2]), h["kode"], None)
        elif tk in ("program", "kegiatan", "sub_kegiatan"):
            kode = (".".join(bagian[:2]), "7.01.0.00.0.00.30.0000", h["kode"])
        else:
            kode = (None, None, None)
        for c, v in zip("ABC", kode):
            if v is not None:
                ws[f"{c}{b}"] = v
                ws[f"{c}{b}"].data_type = "s"
        ws[f"E{b}"] = h["uraian"]
        # Angka sebagai teks gaya SIPD: anggaran tanpa desimal, realisasi dengan ,00.
        for c, v, des in (("F", h["op"], False), ("G", h["op_r"], True),
                          ("H", h["mo"], False), ("I", h["mo_r"], True)):
            ws[f"{c}{b}"] = rupiah(v, des)
            ws[f"{c}{b}"].data_type = "s"
        if dengan_rumus:
            ws[f"J{b}"] = f"=F{b}+H{b}"
            ws[f"K{b}"] = f"=G{b}+I{b}"
            ws[f"L{b}"] = f"=K{b}/J{b}"
        else:
            ws[f"J{b}"] = nilai_sel(h["op"] + h["mo"])
            ws[f"K{b}"] = nilai_sel(h["op_r"] + h["mo_r"])
            j = h["op"] + h["mo"]
            # Nilai yang akan disimpan Excel untuk =K/J; pagu 0 -> #DIV/0! seperti SIPD.
            ws[f"L{b}"] = float((h["op_r"] + h["mo_r"]) / j) if j else "#DIV/0!"
        ws[f"J{b}"].number_format = FORMAT_TOTAL
        ws[f"K{b}"].number_format = FORMAT_TOTAL
        ws[f"L{b}"].number_format = FORMAT_PERSEN
        if tk == "jumlah":
            ws[f"E{b}"].font = TEBAL
    for huruf, lebar in zip("ABCDEFGHIJKLM",
                            (6, 22, 17, 4, 60, 17, 19, 13, 15, 17, 19, 7, 12)):
        ws.column_dimensions[huruf].width = lebar
    return wb


# --- README ---------------------------------------------------------------------


def tabel_md(header, baris):
    garis = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for b in baris:
        garis.append("| " + " | ".join(str(x).replace("|", "\\|") for x in b) + " |")
    return "\n".join(garis)


def readme_sampel(t19, t16, kode, temuan):
    n_sub = sum(1 for r in t19 if tingkat(r["kode"]) == "sub_kegiatan")
    nama_unit = {r["kode"]: r["uraian"].title() for r in t19
                 if tingkat(r["kode"]) in ("organisasi", "unit")}
    units = unit_per_baris(t19)
    tanpa_fisik = [(r, nama_unit.get(u, "")) for r, u in zip(t19, units)
                   if not r["realisasi_fisik"]]
    dilengkapi = [k for k in kode if k["kode_seed"] != k["kode_dipakai"]
                  or k["status"].startswith("TIDAK COCOK")]
    daftar_kode = tabel_md(
        ["baris seed", "kode di seed", "kode dipakai", "uraian di seed", "baris nomenklatur",
         "sub kegiatan di nomenklatur", "cara cocok"],
        [(k["baris_seed"], f"`{k['kode_seed']}`", f"`{k['kode_dipakai']}`", k["uraian_seed"],
          k["baris_nomenklatur"] or "—", k["sub_kegiatan_nomenklatur"] or "—",
          k["status"].split("; ", 1)[1]) for k in dilengkapi])
    tanda_baca = [k for k in dilengkapi if "tanda baca" in k["status"]]
    gagal = [k for k in dilengkapi if k["status"].startswith("TIDAK COCOK")]
    lengkap = [k for k in kode if k["status"].startswith("lengkap di seed")]
    beda = [k for k in lengkap if not k["status"].endswith("nomor dan nama cocok")]
    catatan_kode = []
    if tanda_baca:
        catatan_kode.append(
            f"**Perhatian:** {len(tanda_baca)} nama di atas tidak sama persis dengan "
            "nomenklatur; bedanya hanya tanda koma (bandingkan kolom *uraian di seed* dan "
            "*sub kegiatan di nomenklatur*). Kode kegiatan dan potongan kode di seed hanya "
            "menyisakan satu calon untuk masing-masing, jadi kodenya tetap dilengkapi dan "
            "ditandai di kolom *cara cocok*.")
    if gagal:
        catatan_kode.append("**Tidak cocok** (kode dibiarkan seperti di seed): " + ", ".join(
            f"`{k['kode_seed']}` {k['uraian_seed']}" for k in gagal) + ".")
    catatan_kode.append(
        f"Sebagai pembanding, {len(lengkap)} baris sub kegiatan lain di Tabel 19 sudah "
        "berkode lengkap di seed; kode itu **tidak diubah**. "
        + (f"{len(lengkap) - len(beda)} di antaranya cocok nomor dan nama dengan "
           "nomenklatur 2023; yang tidak:" if beda else "Semuanya cocok nomor dan nama "
           "dengan nomenklatur 2023."))
    daftar_beda = []
    for k in beda:
        daftar_beda.append(f"- baris {k['baris_seed']} `{k['kode_seed']}` {k['uraian_seed']}"
                            f": {k['status'].split('; ', 1)[1]} (nomenklatur baris "
                            f"{k['baris_nomenklatur']}: {k['sub_kegiatan_nomenklatur']})")
    if daftar_beda:
        catatan_kode.append("\n".join(daftar_beda))
    catatan_kode.append("Daftar lengkap semua baris sub kegiatan dan hasil pencocokannya ada "
                        "di `kode-sub-kegiatan.tsv`.")
    temuan_md = ("\n".join(f"- {t}" for t in temuan) if temuan else
                 "- Tidak ada: di Tabel 19 setiap kegiatan sama dengan jumlah sub kegiatannya, "
                 "setiap program sama dengan jumlah kegiatannya, setiap unit dan organisasi "
                 "sama dengan jumlah program dan unit di bawahnya, JUMLAH sama dengan "
                 "baris urusan; setiap sisa = pagu − realisasi dan setiap % = realisasi / "
                 "pagu × 100 (dua desimal, setengah menjauhi nol). Di Tabel 16 setiap %, "
                 "sisa dan efisiensi (= 100 − %) juga cocok, dan setiap baris Tabel 16 sama uraian, "
                 "pagu, realisasi dan sisanya dengan baris Tabel 19 pasangannya.")
    return f"""# Contoh: Kecamatan Bontang Barat, Tahun Anggaran 2022

> Berkas ini dibuat oleh `samples/buat_sampel.py`. Jangan disunting dengan tangan:
> ubah skripnya, lalu jalankan ulang.

Contoh masukan nyata untuk `lkjip`: realisasi anggaran Kecamatan Bontang Barat (Kota
Bontang) TA 2022 per program, kegiatan dan sub kegiatan, disusun dalam bentuk ekspor LRA
SIPD. Semua angka berasal dari dokumen publik **LKjIP 2022 Kecamatan Bontang Barat**
(`../shared/seeds/001_0e940c02cda03439.txt`, disebut "seed 001" di bawah). Tidak ada angka
yang dikarang.

## Isi folder

| berkas | isi |
| --- | --- |
| `realisasi.xlsx` | workbook bentuk LRA SIPD, satu sheet `LRA`: {len(t19) - 1} baris data + `JUMLAH` |
| `sumber-tabel19.tsv` | Tabel 19 seed 001 apa adanya ({len(t19) - 1} baris + `JUMLAH`, kode dilengkapi) ditambah kolom `realisasi_fisik`; UTF-8, dipisah tab |
| `sumber-tabel16.tsv` | Tabel 16 seed 001 apa adanya ({len(t16)} baris, blok halaman duplikat dibuang) |
| `kode-sub-kegiatan.tsv` | setiap baris sub kegiatan Tabel 19 dengan hasil pencocokan ke nomenklatur (kode yang dilengkapi dan baris nomenklatur yang dipakai) |
| `pk.xlsx` | lampiran Perjanjian Kinerja 2022, satu sheet `PK 2022` (lihat bagian *pk.xlsx* di bawah; dibuat oleh `samples/buat_pk.py`) |
| `sumber-pk.tsv` | isi `pk.xlsx`: Tabel 6 seed 001 dan pagu program Tabel 19, dengan baris asalnya |
| `kinerja.xlsx` | buku kerja kinerja 2022: lembar `IKU`, `Tahunan`, `Triwulan`, `Program`, `Peta Anggaran` (lihat bagian *kinerja.xlsx* di bawah; dibuat oleh `samples/buat_kinerja.py`) |
| `sumber-kinerja.tsv` | isi `kinerja.xlsx`: Tabel 4, 5, 7, 11 (satuan), 12, 13, 14 dan 17 seed 001, dengan baris asalnya |
| `dpa/` | 36 ekspor DPA dalam bentuk yang dibaca `lkjip` (rincian per sub kegiatan, DPPA, rekap belanja, ekspor datar, rekap SIPD-RI, anggaran kas CSV) dengan pagu Tabel 19 dan indikator Tabel 17 seed 001; angka mana yang nyata dan mana yang ilustratif diterangkan di `dpa/README.md` (dibuat oleh `samples/buat_dpa.py`) |

## Asal setiap angka

- **Kode, uraian, pagu, realisasi, %, sisa**: seed 001, *Tabel 19 Realisasi anggaran per
  program dan kegiatan* (baris {t19[0]['baris_seed']}–{t19[-1]['baris_seed']} berkas seed; kolom
  `baris_seed` di TSV menunjuk baris asal tiap baris). Header yang berulang di tiap halaman
  PDF dilewati. Urutan baris sama dengan seed: urusan `7`, bidang `7.01`, organisasi `7.01.0.00.0.00.30.0000`, program-program
  kecamatan, lalu tiap unit kelurahan (`…30.0001` Kanaan, `…30.0002` Gunung Telihan,
  `…30.0003` Belimbing) diikuti programnya, terakhir `JUMLAH`. Ada {n_sub} baris sub
  kegiatan.
- **Realisasi fisik (%)**: seed 001, *Tabel 16 Efisiensi Penggunaan Anggaran*; semua
  barisnya `100,00`. Baris Tabel 16 dipasangkan dengan baris Tabel 19 menurut urutan, uraian
  (huruf besar/kecil diabaikan) serta pagu, realisasi dan sisa yang sama.
  - Tabel 16 tidak punya kode; judul unitnya (`KECAMATAN BONTANG BARAT`, `KELURAHAN …`)
    tanpa angka. Untuk baris urusan, bidang, organisasi dan unit nilai `100,00` adalah
    **turunan**: semua baris di bawahnya di Tabel 16 bernilai `100,00`, jadi rata-rata apa
    pun juga `100,00` (BAB IV seed 001 juga menyebut "Capaian Realisasi Fisik Kegiatan
    Kecamatan Bontang Barat pada Tahun 2022 sebesar 100%"). `JUMLAH` diambil dari baris
    `JUMLAH` Tabel 16.
  - Tabel 16 tidak memuat {len(tanpa_fisik)} baris berikut (semua bernilai nol di
    Tabel 19), jadi realisasi fisiknya **dikosongkan**:
{chr(10).join(f"    - `{r['kode']}` {r['uraian'][:90]}{'…' if len(r['uraian']) > 90 else ''} ({u})"
              for r, u in tanpa_fisik)}
  - Konversi PDF seed 001 menggandakan satu halaman Tabel 16 (blok "Koordinasi Pemeliharaan
    Prasarana dan Sarana Pelayanan Umum … 42.472.500,00" sampai "Pemberdayaan Masyarakat di
    Kelurahan 60.206.008,00": baris 618–637 berkas seed sama persis dengan baris 594–613);
    salinan kedua dibuang.

## Bentuk `realisasi.xlsx`

- Sheet `LRA`. Baris 1–3 judul (digabung A:G): `PEMERINTAH KOTA BONTANG`, `LAPORAN REALISASI
  ANGGARAN PER PROGRAM DAN KEGIATAN`, `TAHUN ANGGARAN 2022`. Baris 4 `SKPD : …`. Baris 5
  kosong.
- Baris 6 header, baris 7 nomor kolom (`1` … `5 = 4/3*100`, `6 = 3 - 4`, `7`, sebagai teks).
- Data mulai baris 8, `JUMLAH` di baris {BARIS_DATA_LRA + len(t19) - 1} (kode kosong).
- Kode dan uraian: teks. Pagu, realisasi dan sisa: sel **angka** (format `#,##0.00`) dengan
  nilai persis seperti seed. `%` dan realisasi fisik: **teks** persis seperti seed (`96,46`,
  `0,00`, `100,00`).
- Baris di atas sub kegiatan (urusan s.d. kegiatan, unit, `JUMLAH`) dicetak tebal.
- Workbook ini disusun menyerupai ekspor LRA SIPD; ini bukan ekspor asli dari SIPD.

## Kode sub kegiatan yang dilengkapi

Konversi PDF memotong sebagian kode sub kegiatan di bagian kecamatan Tabel 19 (misalnya
`7.01.01.2.08.0`). Kode itu dilengkapi dari `../shared/data/nomenklatur-sub-kegiatan.csv`
(baris `KABKOT`): kode kegiatan dicocokkan (program penunjang `7.01.01` memakai kode lintas
urusan `X.XX.01` di nomenklatur) dan nama sub kegiatan dicocokkan tanpa membedakan huruf
besar/kecil. Nomenklatur memakai kode 4 digit (mulai 2023); kode 2022 memakai 2 digit, jadi
`0001` → `01`, `0010` → `10`. Setiap hasil harus sesuai dengan potongan kode di seed
(`…09.1` hanya bisa `10`–`19`). Bagian kelurahan Tabel 19 memuat kode lengkap dengan pola
yang sama (`7.01.02.2.02.03`). {len(dilengkapi)} kode dilengkapi:

{daftar_kode}

{(chr(10) * 2).join(catatan_kode)}

## Ketidaksesuaian dalam seed

{temuan_md}

Kode `7.01.01.2.02.02` untuk *Koordinasi dan Pelaksanaan Akuntansi SKPD* tidak sesuai
dengan nomenklatur di `../shared/data` (di sana nama itu bernomor `…02.0004`; nomenklatur itu
versi 2023, versi 2022 tidak tersedia di sini untuk memastikan); kode itu dibiarkan seperti
di seed (lihat bagian kode di atas).

Di luar Tabel 16 dan 19 (tidak dipakai di sini): baris judul Tabel 17 (baris 713 berkas
seed) menulis realisasi kecamatan `29.109.888.488`, padahal Tabel 16, Tabel 18, Tabel 19 dan BAB IV menulis
`29.109.889.488`; dan Tabel 15 mengulang angka anggaran di kolom realisasi (misalnya
`3.809.732.516` di kedua kolom dengan prosentase `95,40`).

## pk.xlsx (Perjanjian Kinerja 2022)

Dibuat oleh `samples/buat_pk.py` dari `sumber-pk.tsv` (bukan oleh skrip ini).

- **Judul** `Lampiran : Perjanjian Kinerja Tahun 2022`: seed 001 menyebut dokumen itu
  dengan nama ini (baris 282 berkas seed, bagian *C. Perjanjian Kinerja Tahun 2022*).
  Lembar pernyataan dan nama/jabatan pihak tidak ada di seed 001, jadi tidak ditulis.
- **Tabel sasaran** `NO. | SASARAN STRATEGIS | INDIKATOR KINERJA | SATUAN | TARGET TAHUN
  2022`: seed 001, *Tabel 6 Perjanjian Kinerja tahun 2022* (baris 286–290), apa adanya
  (`87,0`, `100%`, `63`).
- **Tabel program** `NO | PROGRAM | ANGGARAN | KET.` ditutup `J U M L A H`: **tabel program
  PK 2022 sendiri tidak ada di seed 001.** Anggaran tiap program adalah pagu program itu di
  Tabel 19 seed 001, dijumlahkan atas kecamatan dan ketiga kelurahannya (kolom `baris_seed`
  di `sumber-pk.tsv` menyebut baris Tabel 19 asalnya, mis. `tabel19:918+941+959+980`), ditulis
  sebagai sel angka. Hasilnya sama dengan *Tabel 8 Anggaran Belanja per Sasaran Strategis*
  seed 001: 3.809.732.516 (penyelenggaraan pemerintahan dan pelayanan publik), 9.039.891.821
  (pemberdayaan masyarakat), 17.050.664.373 (penunjang), dan 136.662.235 + 140.702.650 =
  277.364.885 (ketentraman dan pemerintahan umum). `J U M L A H` = 30.177.653.595,00, baris
  `JUMLAH` Tabel 19; skrip memastikan jumlah kelima program sama dengannya.

## kinerja.xlsx (data kinerja 2022)

Dibuat oleh `samples/buat_kinerja.py` dari `sumber-kinerja.tsv` (bukan oleh skrip ini); hanya
data mentah, tidak ada angka turunan (% capaian, serapan, efisiensi, anggaran) yang diketik.
Kolom `baris_seed` di TSV menyebut baris seed asal tiap baris.

- **IKU**: seed 001 *Tabel 4* (sasaran, indikator, formula, sumber data, penanggung jawab;
  baris 263–266), *Tabel 5* (kondisi awal), *Tabel 14* (target akhir Renstra 87,40 / 100 /
  70 / 100) dan *Tabel 11* (satuan). Polaritas dan kumulatif tidak disebut seed, jadi
  dikosongkan (bawaan: naik, tidak kumulatif).
- **Tahunan**: target 2021–2025 dari *Tabel 5* (baris 275–278) dan realisasi 2020–2022 dari
  *Tabel 13* (baris 455–458), `n/a` apa adanya.
- **Triwulan**: *Tabel 12* (baris 433–448); triwulan tanpa angka di seed tidak ditulis.
- **Program**: *Tabel 17* (baris 713–860): unit dari baris unitnya, lalu nama, indikator,
  indikator Permendagri, target, satuan, realisasi dan penanggung jawab. Anggaran Tabel 17
  tidak disalin (lkjip mengambilnya dari `realisasi.xlsx`). Teks seed kehilangan sebagian
  baris di batas halaman PDF (mis. Program Penyelenggaraan Pemerintahan dan Pelayanan Publik
  kecamatan); baris itu tetap tampil di Tabel 17 dengan anggarannya, tanpa indikator.
- **Peta Anggaran**: *Tabel 7* (baris 317–363): sasaran dan program yang mendukungnya. lkjip
  menghitung anggaran tiap sasaran dari pohon realisasi dan hasilnya sama dengan *Tabel 8*:
  3.809.732.516, 9.039.891.821, 17.050.664.373 dan 277.364.885.
- Yang tidak mengikuti datanya sendiri di seed (uji `tests/cli/kinerja.rs` mengharapkan angka
  hitungan ulang dan menyebut sebabnya): Tabel 13 menulis −1,73 % untuk SKM, padahal
  (86,28 − 86,91) ÷ 86,91 × 100 = −0,72 %; Tabel 13 menulis 100 % untuk partisipasi Pokmas
  yang realisasi 2021-nya n/a; Tabel 15 mengulang anggaran di kolom realisasi; Tabel 17
  menulis Kelurahan Kanaan 1.771.917.188, padahal programnya berjumlah 1.786.917.188.

## Membuat ulang

```sh
python3 samples/buat_sampel.py           # TSV -> semua workbook, JSON dan README
python3 samples/buat_sampel.py ekstrak   # seed 001 + nomenklatur -> TSV (butuh ../shared)
python3 samples/buat_kinerja.py          # sumber-kinerja.tsv -> kinerja.xlsx
python3 samples/buat_dpa.py              # sumber-*.tsv -> dpa/ (ekspor DPA dan README-nya)
```

Butuh Python 3 dan `openpyxl`. Keluaran deterministik: menjalankan ulang menghasilkan berkas
yang sama byte demi byte. Skrip yang sama juga membuat fixture uji di `tests/data/`.
"""


def readme_uji(baris_ulang, n16, t19):
    terpisah = baris_kode_terpisah(t19)
    n_terpisah = len(terpisah) - 1
    b_modal = 10 + next(i for i, h in enumerate(terpisah) if h["kode"] == SUB_MODAL)
    b_nol = [10 + i for i, h in enumerate(terpisah) if h["ang"] == 0]
    salah = tabel_md(
        ["sel", "kolom", "unit", "kode", "uraian", "asli", "disuntik", "catatan"],
        [(f"`{k['sel']}`", k["kolom"], f"`{k['unit']}`", f"`{k['kode']}`", k["uraian"],
          f"`{k['asli']}`", f"`{k['disuntik']}`", k["catatan"]) for k in KESALAHAN])
    return f"""# Data uji

> Berkas ini dan semua workbook di folder ini dibuat oleh `samples/buat_sampel.py` dari
> `samples/bontang-barat-2022/sumber-tabel19.tsv` dan `sumber-tabel16.tsv` (seed 001, LKjIP
> 2022 Kecamatan Bontang Barat). Jangan disunting dengan tangan: ubah skripnya, lalu
> jalankan `python3 samples/buat_sampel.py`.

## `tabel16-bontang-barat.xlsx`

Tabel 16 seperti diketik staf (angka ditempel sebagai teks).

- Sheet `Tabel 16`. Baris 1 judul `Tabel 16 Efisiensi Penggunaan Anggaran
  Program/Kegiatan/Sub Kegiatan Tahun 2022`, baris 2 kosong, baris 3 header: `Program,
  Kegiatan, dan Sub Kegiatan` | `Pagu Anggaran` | `Realisasi Keuangan` | `%` | `Realisasi
  Fisik (%)` | `Sisa Anggaran` | `Efisiensi Anggaran (%)`. **Tidak ada** baris nomor kolom.
- {n16} baris dari Tabel 16 seed 001 (halaman duplikat hasil konversi PDF dibuang), mulai
  baris 4, ditambah **satu header ulang di baris {baris_ulang}** (meniru pindah halaman PDF
  yang ikut tersalin), tepat sebelum `PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN
  PUBLIK` milik kecamatan.
- Judul unit (`KECAMATAN BONTANG BARAT`, `KELURAHAN KANAAN`, `KELURAHAN GUNUNG TELIHAN`,
  `KELURAHAN BELIMBING`) hanya berisi nama di kolom A.
- Semua angka **teks** persis seperti seed (`17.050.664.373,00`, `96,51`, `-` untuk nol).
  Baris terakhir `JUMLAH`.
- Seperti di seed, Tabel 16 tidak memuat program `7.01.05` Kelurahan Belimbing (pagu 0,
  bersama kegiatan dan sub kegiatannya), yang ada di Tabel 19.

## `realisasi-salah.xlsx` dan `realisasi-salah.json`

Salinan `samples/bontang-barat-2022/realisasi.xlsx` dengan tepat empat kesalahan yang
disuntikkan. Semua sel lain sama. Daftar ini, `realisasi-salah.json` dan berkasnya berasal
dari satu kamus `KESALAHAN` di skrip; skrip memeriksa kode, unit dan nilai asli setiap sel
sebelum menggantinya.

{salah}

Sel angka (pagu, realisasi, sisa) tetap sel angka; `%` tetap teks. Di JSON, `asli` dan
`disuntik` ditulis sebagai teks gaya Indonesia seperti di tabel ini; `unit` adalah kode
organisasi/unit yang membawahi baris itu (kode program/kegiatan berulang di tiap unit).

Yang seharusnya ditemukan pemeriksaan (petunjuk untuk penulis uji):

1. `D26`: % (`85,99`) dan sisa (`8.384.527,00`) baris itu tidak cocok lagi dengan realisasi
   baru; realisasi kegiatan `7.01.01.2.06` ≠ jumlah sub kegiatannya.
2. `E22`: % tertulis `91,99`, hitungan `99,19`.
3. `F90`: sisa ≠ pagu − realisasi (seharusnya `93.296.500,00`); sisa kegiatan `7.01.03.2.03`
   Gunung Telihan ≠ jumlah sub kegiatannya.
4. `C109`: pagu program `7.01.04` Belimbing ≠ jumlah kegiatannya (`67.689.600,00`); % dan
   sisa baris itu tidak cocok dengan pagu baru; pagu unit Belimbing ≠ jumlah programnya.

## `lra-kode-terpisah.xlsx` dan `lra-kode-terpisah-tanpa-cache.xlsx`

Workbook kecil dalam bentuk SIPD "Rekapitulasi Belanja" dengan kode terpisah di empat kolom
(ditiru dari `../shared/real/sumenep-dinkes-realisasi-2024.xlsx`, sheet `Sheet1`). Isinya
baris `7` UNSUR KEWILAYAHAN, `7.01` KECAMATAN, organisasi `7.01.0.00.0.00.30.0000` dan
program `7.01.01` dengan semua kegiatan dan sub kegiatannya dari Tabel 19 seed 001
({n_terpisah} baris data, baris 10–{9 + n_terpisah}), lalu baris `Jumlah`.

- Header tiga baris dengan sel gabungan: `A6:D8` `Kode`, `E6:E8` uraian, `F6:I6` `Kelompok
  Belanja`, `F7:G7` `Operasi`, `H7:I7` `Modal`, baris 8 `Anggaran`/`Realisasi`, `J6:L7`
  `TOTAL` dengan baris 8 `Anggaran`/`Realisasi`/`%`, `M6:M8` `PPTK` (kosong). Baris 9 nomor
  kolom `1` (`A9:D9`) sampai `10`, sebagai teks seperti berkas SIPD nyata.
- Kode: kolom A urusan/bidang (`7`, `7.01`), B organisasi, C program/kegiatan/sub kegiatan,
  D kosong (di SIPD berisi kode rekening).
- Angka Operasi/Modal sebagai **teks** seperti SIPD: anggaran tanpa desimal
  (`16.978.766.645`), realisasi dengan `,00` (`16.385.450.851,00`); nol ditulis `0` / `0,00`.
- Semua angka masuk Operasi, kecuali sub kegiatan `{SUB_MODAL}` (baris {b_modal}) yang anggaran `71.897.728` /
  realisasi `70.876.300,00`-nya masuk Modal. Pemindahan itu ikut di semua induknya (kegiatan
  `7.01.01.2.07`, program, organisasi, bidang, urusan, `Jumlah`), jadi Operasi + Modal =
  angka Tabel 19 di setiap baris dan setiap kolom tetap sama dengan jumlah anak-anaknya.
- Angka baris `7`, `7.01`, organisasi dan `Jumlah` adalah jumlah baris yang dimuat, yaitu
  angka program `7.01.01` (`17.050.664.373` / `16.456.327.151,00`), bukan total kecamatan
  di seed, supaya berkas kecil ini konsisten.
- `lra-kode-terpisah-tanpa-cache.xlsx`: Total berupa rumus `=F10+H10`, `=G10+I10` dan `%`
  berupa `=K10/J10` **tanpa nilai tersimpan** (openpyxl tidak menyimpan hasil rumus). Untuk
  menguji bahwa rumus tanpa hasil tersimpan dilaporkan, bukan dibaca sebagai 0.
- `lra-kode-terpisah.xlsx`: sama, tetapi Total dan `%` ditulis sebagai nilai angka (setara
  nilai tersimpan Excel): `J` = F + H, `K` = G + I, `L` = K / J sebagai rasio (format `0%`,
  seperti SIPD). Sub kegiatan *Penyediaan Jasa Surat Menyurat* berpagu 0, jadi
  {", ".join(f"`L{b}`" for b in b_nol)} adalah sel galat `#DIV/0!`, persis seperti yang
  tersimpan di berkas SIPD nyata untuk pagu 0.
"""


# --- pemeriksaan setelah menulis ------------------------------------------------------


def baca_ulang_dan_periksa(t19, t16, baris_ulang):
    """Buka kembali setiap workbook dengan openpyxl dan cocokkan dengan sumbernya."""
    wb = openpyxl.load_workbook(SAMPEL / "realisasi.xlsx")
    ws = wb["LRA"]
    assert wb.sheetnames == ["LRA"]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:G1", "A2:G2", "A3:G3"}
    assert ws["E7"].value == "5 = 4/3*100" and ws["A7"].data_type == "s"
    akhir = BARIS_DATA_LRA + len(t19) - 1
    assert ws[f"B{akhir}"].value == "JUMLAH" and ws[f"A{akhir}"].value is None
    tot = [ws[f"{c}{akhir}"].value for c in "CDEF"]
    assert tot == [30177653595, 29109889488, "96,46", 1067764107], tot
    for k, r in enumerate(t19):
        b = BARIS_DATA_LRA + k
        assert (ws[f"A{b}"].value or "") == r["kode"]
        for kol in ("pagu", "realisasi", "sisa"):
            sel = ws[f"{KOLOM_LRA[kol]}{b}"]
            assert sel.data_type == "n" and Decimal(sel.value) == angka(r[kol])
        assert ws[f"E{b}"].value == r["persen"] and ws[f"E{b}"].data_type == "s"
        assert (ws[f"G{b}"].value or "") == r["realisasi_fisik"]
    # Jumlah tangan: program milik kecamatan sendiri + baris unit kelurahan = JUMLAH,
    # untuk pagu, realisasi dan sisa.
    for c, harap in (("C", 30177653595), ("D", 29109889488), ("F", 1067764107)):
        total, dalam_unit = 0, False
        for b in range(BARIS_DATA_LRA, akhir):
            tk = tingkat(ws[f"A{b}"].value or "")
            if tk == "unit":
                dalam_unit = True
                total += ws[f"{c}{b}"].value
            elif tk == "program" and not dalam_unit:
                total += ws[f"{c}{b}"].value
        assert total == harap, (c, total)

    ws = openpyxl.load_workbook(UJI / "realisasi-salah.xlsx")["LRA"]
    asli = openpyxl.load_workbook(SAMPEL / "realisasi.xlsx")["LRA"]
    beda = [c.coordinate for baris in asli.iter_rows() for c in baris
            if c.value != ws[c.coordinate].value]
    assert sorted(beda) == sorted(k["sel"] for k in KESALAHAN), beda
    data = json.loads((UJI / "realisasi-salah.json").read_text(encoding="utf-8"))
    assert [d["sel"] for d in data] == [k["sel"] for k in KESALAHAN]

    ws = openpyxl.load_workbook(UJI / "tabel16-bontang-barat.xlsx")["Tabel 16"]
    assert [c.value for c in ws[3]] == HEADER16
    assert [c.value for c in ws[baris_ulang]] == HEADER16
    assert ws[f"A{baris_ulang + 1}"].value == ULANG_HEADER_SEBELUM[1]
    isi = [[c.value for c in baris] for baris in ws.iter_rows(min_row=4)]
    isi = [b for b in isi if b[0] != HEADER16[0]]
    assert len(isi) == len(t16)
    for b, s in zip(isi, t16):
        assert b[0] == s["uraian"]
        assert [x or "" for x in b[1:]] == [s[k] for k in KOLOM16[1:]]
    assert isi[-1][:2] == ["JUMLAH", "30.177.653.595,00"]

    for nama, rumus in (("lra-kode-terpisah.xlsx", False),
                        ("lra-kode-terpisah-tanpa-cache.xlsx", True)):
        ws = openpyxl.load_workbook(UJI / nama)["Sheet1"]
        gabung = {str(r) for r in ws.merged_cells.ranges}
        assert {"A6:D8", "E6:E8", "F6:I6", "F7:G7", "H7:I7", "J6:L7", "M6:M8"} <= gabung
        b = 10
        while ws[f"E{b}"].value != "Jumlah":
            b += 1
        jml = b
        # Operasi + Modal pada baris Jumlah = angka program 7.01.01 di seed.
        f = angka(ws[f"F{jml}"].value) + angka(ws[f"H{jml}"].value)
        g = angka(ws[f"G{jml}"].value) + angka(ws[f"I{jml}"].value)
        assert (f, g) == (Decimal(17050664373), Decimal(16456327151)), (f, g)
        # Jumlah sub kegiatan (kolom C berkode 6 bagian) = Jumlah, per kolom.
        for c in "FGHI":
            sub = sum(angka(ws[f"{c}{r}"].value) for r in range(10, jml)
                      if (ws[f"C{r}"].value or "").count(".") == 5)
            assert sub == angka(ws[f"{c}{jml}"].value), (nama, c, sub)
        if rumus:
            assert ws["J10"].value == "=F10+H10" and ws["L10"].value == "=K10/J10"
        else:
            assert ws[f"J{jml}"].value == 17050664373
            assert ws[f"K{jml}"].value == 16456327151


# --- utama ------------------------------------------------------------------------------


def langkah_workbook():
    t19 = baca_tsv(TSV19)
    t16 = baca_tsv(TSV16)
    kode = baca_tsv(TSV_KODE)
    assert len(t19) == 108 and t19[-1]["uraian"] == "JUMLAH", len(t19)

    temuan = periksa_seed(t19, t16)
    for t in temuan:
        print("seed:", t)

    simpan(buat_lra(t19), SAMPEL / "realisasi.xlsx")

    wb = buat_lra(t19)
    suntik_kesalahan(wb, t19)
    simpan(wb, UJI / "realisasi-salah.xlsx")
    json_teks = json.dumps([{k: v for k, v in e.items()} for e in KESALAHAN],
                           ensure_ascii=False, indent=2) + "\n"
    (UJI / "realisasi-salah.json").write_text(json_teks, encoding="utf-8")

    wb16, baris_ulang = buat_tabel16(t16)
    simpan(wb16, UJI / "tabel16-bontang-barat.xlsx")

    simpan(buat_kode_terpisah(t19, dengan_rumus=False), UJI / "lra-kode-terpisah.xlsx")
    simpan(buat_kode_terpisah(t19, dengan_rumus=True), UJI / "lra-kode-terpisah-tanpa-cache.xlsx")

    (SAMPEL / "README.md").write_text(readme_sampel(t19, t16, kode, temuan), encoding="utf-8")
    (UJI / "README.md").write_text(readme_uji(baris_ulang, len(t16), t19),
                                   encoding="utf-8")

    baca_ulang_dan_periksa(t19, t16, baris_ulang)
    for p in sorted(list(SAMPEL.glob("*.xlsx")) + list(UJI.glob("*"))):
        print("ditulis:", p.relative_to(ROOT))
    print("pemeriksaan baca ulang: semua cocok")


if __name__ == "__main__":
    if sys.argv[1:] == ["ekstrak"]:
        langkah_ekstrak()
    elif sys.argv[1:] == []:
        langkah_workbook()
    else:
        sys.exit("pemakaian: python3 samples/buat_sampel.py [ekstrak]")
