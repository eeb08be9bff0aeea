#!/usr/bin/env python3
"""Membuat contoh Perjanjian Kinerja (PK) dan daftar nomenklatur yang dipakai pembaca PK.

  python3 samples/buat_pk.py nomenklatur
      Membaca ../shared/data/nomenklatur-sub-kegiatan.csv (baris KABKOT) dan menulis
      data/nomenklatur-kabkot.tsv (kode<TAB>nama program, kegiatan, sub kegiatan). Butuh
      folder ../shared di samping repositori (atau LKJIP_SHARED).

  python3 samples/buat_pk.py ekstrak
      Membaca seed 000, 001 dan 004 (../shared/seeds) dan menulis sumber-pk.tsv di
      samples/mangkutana-2024, samples/bontang-barat-2023 dan samples/bontang-barat-2022.
      Butuh ../shared; hanya perlu dijalankan ulang bila cara ekstraksi berubah.

  python3 samples/buat_pk.py
      Membaca sumber-pk.tsv tiap folder dan menulis pk.xlsx-nya (tanpa ../shared).
      Keluaran deterministik: menjalankan ulang menghasilkan berkas yang sama byte demi byte.

Nama orang (pihak pertama dan kedua) tidak disalin: di TSV dan workbook ditulis "(nama)".
Semua angka berasal dari seed; skrip ini tidak mengarang angka.
"""

import csv
import datetime
import io
import os
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LKJIP_SHARED", ROOT.parent / "shared"))
NOMENKLATUR = SHARED / "data" / "nomenklatur-sub-kegiatan.csv"
DATA_NOMENKLATUR = ROOT / "data" / "nomenklatur-kabkot.tsv"


def langkah_nomenklatur():
    kode_nama = {}
    with NOMENKLATUR.open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            if rec["jenis_pemda"] != "KABKOT":
                continue
            for k in ("program", "kegiatan", "sub_kegiatan"):
                kode, nama = rec[k].split(" ", 1)
                kode_nama.setdefault(kode, " ".join(nama.split()))
    with DATA_NOMENKLATUR.open("w", encoding="utf-8", newline="") as f:
        f.write("# Program, kegiatan dan sub kegiatan Kepmendagri untuk kabupaten/kota (baris KABKOT).\n")
        f.write("# Dibuat dari shared/data/nomenklatur-sub-kegiatan.csv oleh samples/buat_pk.py nomenklatur;\n")
        f.write("# dipakai pembaca PK untuk mengenali tingkat dan induk baris tabel program.\n")
        for kode, nama in kode_nama.items():
            f.write(f"{kode}\t{nama}\n")
    print(f"ditulis: {DATA_NOMENKLATUR.relative_to(ROOT)} ({len(kode_nama)} nama)")

SEED000 = SHARED / "seeds" / "000_656ad0c974ff8b44.txt"
SEED001 = SHARED / "seeds" / "001_0e940c02cda03439.txt"
SEED004 = SHARED / "seeds" / "004_132149d095a947b3.txt"
SAMPEL = ROOT / "samples"
FOLDER = {
    "mangkutana-2024": SEED004,
    "bontang-barat-2023": SEED000,
    "bontang-barat-2022": SEED001,
}
KOLOM = ["lembar", "jenis", "a", "b", "c", "d", "e", "baris_seed"]
NAMA = "(nama)"

# Sheet names for the eight PK of seed 004, in the seed's order.
LEMBAR_004 = ["Camat", "Sekretaris Camat", "Kasubag Perencanaan", "Kasubag Umum",
              "Kasi Pemerintahan", "Kasi PMD", "Kasi Pelayanan Umum", "Kasi Trantib"]


def rapat(t):
    return " ".join(t.split())


def token_004(baris, mulai, akhir):
    """Cells of seed 004's table text: a line that begins with a tab starts a cell (a tab
    alone starts an empty one), a line without one continues it; a line with tabs inside
    and none in front is a table row of its own (the camat's program table)."""
    out = []
    for n in range(mulai, akhir):
        l = baris[n]
        if l == "":
            continue
        isi = l.lstrip("\t")
        if not l.startswith("\t") and "\t" in isi.strip():
            sel = [c.strip() for c in l.split("\t") if c.strip()]
            # `Rp.` and its amount in two cells: one cell, as the other lines write it.
            gabung = []
            for c in sel:
                if gabung and re.fullmatch(r"Rp\.?", gabung[-1]) and re.match(r"[\d.,]+", c):
                    gabung[-1] = gabung[-1] + "     " + c
                else:
                    gabung.append(c)
            out.append(("baris", gabung, n + 1))
        elif l.startswith("\t"):
            out.append(["sel", rapat(isi), n + 1, isi.strip()])
        elif out and out[-1][0] == "sel":
            out[-1][1] = (out[-1][1] + " " + rapat(l)).strip()
            out[-1][3] = (out[-1][3] + " " + l.strip()).strip()
        else:
            out.append(("teks", rapat(l), n + 1))
    return out


def teks_asli(tok):
    """A cell as the seed writes it: inner spacing of amounts kept (`Rp.   2.877.638.950,-`)."""
    t = tok[3] if tok[0] == "sel" else tok[1]
    return " ".join(x for x in t.split("\n")).strip()


def ekstrak_004():
    baris = SEED004.read_text(encoding="utf-8").split("\n")
    judul = re.compile(r"^\s*PERUBAHAN PERJANJIAN\s+KINERJA\s+TAHUN\s+2024\s*$")
    idx = [i for i, l in enumerate(baris) if judul.match(l)]

    def berikut(i):
        return next((baris[j] for j in range(i + 1, len(baris)) if baris[j].strip()), "")

    pernyataan = [i for i in idx if berikut(i).startswith("Dalam rangka")]
    if len(pernyataan) != 8:
        raise SystemExit(f"{SEED004}: diharapkan 8 PK, ada {len(pernyataan)}")
    hasil = []
    for k, i in enumerate(pernyataan):
        lembar = LEMBAR_004[k]
        akhir = pernyataan[k + 1] if k + 1 < len(pernyataan) else len(baris)
        lamp = next(j for j in idx if i < j < akhir)
        stop = next(j for j in range(lamp, akhir) if baris[j].startswith("LAMPIRAN"))
        tambah = lambda jenis, *isi, n: hasil.append(
            dict(zip(KOLOM, [lembar, jenis, *isi, *[""] * (5 - len(isi)), n])))
        tambah("judul", rapat(baris[i]), n=i + 1)
        jab = [(j, re.match(r"Jabatan\s*:\s*(.*)$", baris[j]).group(1)) for j in range(i, lamp)
               if baris[j].startswith("Jabatan")]
        if len(jab) != 2:
            raise SystemExit(f"{SEED004}:{i + 1}: diharapkan 2 baris Jabatan")
        tambah("pihak_pertama", rapat(jab[0][1]), n=jab[0][0] + 1)
        tambah("pihak_kedua", rapat(jab[1][1]), n=jab[1][0] + 1)
        tambah("judul_lampiran", rapat(baris[lamp]), n=lamp + 1)
        tok = token_004(baris, lamp + 1, stop)
        t = 0
        mode = None
        baris_kini = []

        def tutup():
            nonlocal baris_kini
            if not baris_kini:
                return
            n = baris_kini[0][2]
            isi = [teks_asli(x) for x in baris_kini]
            if mode == "sasaran":
                if len(isi) < 4:
                    raise SystemExit(f"{SEED004}:{n}: baris sasaran kurang dari 4 sel: {isi}")
                tambah("sasaran", isi[0], rapat(isi[1]), rapat(isi[2]), " | ".join(rapat(x) for x in isi[3:]), n=n)
            elif mode == "program":
                if isi[-1] != "APBD":
                    raise SystemExit(f"{SEED004}:{n}: baris program tanpa APBD: {isi}")
                rp = ""
                if len(isi) == 5:
                    rp = isi[2]
                    isi = isi[:2] + isi[3:]
                tambah("program", isi[0], rapat(isi[1]), rp, isi[2], isi[3], n=n)
            baris_kini = []

        while t < len(tok):
            x = tok[t]
            teks = x[1] if x[0] != "baris" else " ".join(x[1])
            if x[0] != "baris" and re.match(r"(SATUAN KERJA|TAHUN ANGGARAN)", teks):
                tutup()
                mode = None
                label, nilai = [rapat(v) for v in teks.split(":", 1)]
                tambah("instansi" if label.startswith("SATUAN") else "tahun_anggaran",
                       label, nilai, n=x[2])
                t += 1
                continue
            if x[0] == "baris" and x[1][:1] == ["SATUAN KERJA PERANGKAT DAERAH"]:
                tutup()
                mode = None
                tambah("instansi", x[1][0], rapat(x[1][1].lstrip(":")), n=x[2])
                t += 1
                continue
            if x[0] == "sel" and re.fullmatch(r"No\.?|NO", x[1]):
                tutup()
                label = []
                t += 1
                while t < len(tok) and not re.fullmatch(r"\(\d\)", tok[t][1]):
                    if tok[t][1]:
                        label.append(tok[t][1])
                    t += 1
                while t < len(tok) and (re.fullmatch(r"\(\d\)", tok[t][1]) or tok[t][1] == ""):
                    t += 1
                mode = "sasaran" if label[0].lower().startswith("sasaran") else "program"
                tambah("kepala_" + mode, x[1], *label, n=x[2])
                continue
            if x[0] == "baris" and x[1] == ["Program", "Anggaran", "Keterangan"]:
                tutup()
                mode = "program_baris"
                tambah("kepala_program", "", *x[1], n=x[2])
                t += 1
                continue
            if mode == "program_baris" and x[0] == "baris" and x[1][-1] == "APBD":
                no, nama = x[1][0].split(" ", 1)
                tambah("program", no, rapat(nama), "", x[1][1], x[1][2], n=x[2])
                t += 1
                continue
            if mode == "program_baris" and x[0] == "sel" and re.match(r"Rp", x[1]):
                tambah("jumlah", "", "", "", teks_asli(x), n=x[2])
                mode = None
                t += 1
                continue
            if x[0] != "sel" or teks.startswith("Mangkutana,"):
                tutup()
                mode = None
                t += 1
                continue
            if mode == "sasaran" and x[1] and re.fullmatch(r"\d+\.?", x[1]) and len(baris_kini) >= 4:
                tutup()
            if mode in ("sasaran", "program") and x[1]:
                baris_kini.append(x)
                if mode == "program" and x[1] == "APBD":
                    tutup()
            t += 1
        tutup()
    return hasil


def bersih_rumus(t):
    """Seed 000's formula cells as a person types them: HTML and LaTeX to plain text."""
    t = re.sub(r"<[^>]+>", " ", t)
    t = re.sub(r"\$\\frac\{\\text\{(.*?)\}\}\{\\text\{(.*?)\}\}\s*\\times\s*100\\%\$",
               r"(\1 / \2) x 100%", t)
    return rapat(t)


def ekstrak_000():
    baris = SEED000.read_text(encoding="utf-8").split("\n")
    lembar = "PK 2023"
    hasil = []
    tambah = lambda jenis, *isi, n: hasil.append(
        dict(zip(KOLOM, [lembar, jenis, *isi, *[""] * (5 - len(isi)), n])))
    for n, l in enumerate(baris, 1):
        if l.startswith("PERNYATAAN PERUBAHAN PERJANJIAN KINERJA"):
            tambah("judul", rapat(l), n=n)
        m = re.match(r"Jabatan : (.*)$", l)
        if m:
            jenis = "pihak_pertama" if not any(h["jenis"] == "pihak_pertama" for h in hasil) else "pihak_kedua"
            tambah(jenis, rapat(m.group(1)), n=n)
        if l.startswith("Lampiran :"):
            tambah("judul_lampiran", rapat(l), n=n)
        if l.strip().startswith("Perangkat Daerah :"):
            label, nilai = l.split(":", 1)
            tambah("instansi", rapat(label), rapat(nilai), n=n)
        kol = l.split("\t")
        if kol[0] == "No." and len(kol) == 5:
            tambah("kepala_sasaran", *[rapat(k) for k in kol], n=n)
        elif kol[0] == "NO" and len(kol) == 4:
            tambah("kepala_program", *[rapat(k) for k in kol], n=n)
        elif re.fullmatch(r"\d", kol[0]) and len(kol) == 5:
            tambah("sasaran", kol[0], rapat(kol[1]), rapat(kol[2]), bersih_rumus(kol[3]), bersih_rumus(kol[4]), n=n)
        elif re.fullmatch(r"\d", kol[0]) and len(kol) == 4:
            tambah("program", kol[0], rapat(kol[1]), "", kol[2], kol[3], n=n)
        elif kol[0] == "J U M L A H":
            tambah("jumlah", kol[0], "", "", kol[2], n=n)
    return hasil


def ekstrak_001():
    """Tabel 6 of seed 001, and the programs' pagu from its Tabel 19 (already taken from the
    seed into samples/bontang-barat-2022/sumber-tabel19.tsv by buat_sampel.py)."""
    baris = SEED001.read_text(encoding="utf-8").split("\n")
    lembar = "PK 2022"
    hasil = []
    tambah = lambda jenis, *isi, n: hasil.append(
        dict(zip(KOLOM, [lembar, jenis, *isi, *[""] * (5 - len(isi)), n])))
    a = baris.index("Tabel 6 Perjanjian Kinerja tahun 2022")
    for n in range(a + 1, a + 12):
        kol = baris[n].split("\t")
        if kol[0] == "NO.":
            tambah("kepala_sasaran", *[rapat(k) for k in kol], n=n + 1)
        elif re.fullmatch(r"\d", kol[0]) and len(kol) == 5:
            tambah("sasaran", *[rapat(k) for k in kol], n=n + 1)
    # Programs: every 7.01.xx row of Tabel 19 (kecamatan and its three kelurahan), summed.
    with (SAMPEL / "bontang-barat-2022" / "sumber-tabel19.tsv").open(encoding="utf-8") as f:
        t19 = list(csv.DictReader(f, delimiter="\t"))
    program, asal = {}, {}
    for r in t19:
        if re.fullmatch(r"\d+\.\d\d\.\d\d", r["kode"]):
            nilai = Decimal(r["pagu"].replace(".", "").replace(",", "."))
            program.setdefault(r["kode"], [r["uraian"], Decimal(0)])[1] += nilai
            asal.setdefault(r["kode"], []).append(r["baris_seed"])
    jumlah = next(r for r in t19 if r["kode"] == "")
    tambah("kepala_program", "NO", "PROGRAM", "ANGGARAN", "KET.", n="")
    for i, (kode, (uraian, nilai)) in enumerate(sorted(program.items()), 1):
        tambah("program", str(i), uraian, "", f"{nilai:.2f}", "APBD",
               n="tabel19:" + "+".join(asal[kode]))
    total = sum(v for _, v in program.values())
    stated = Decimal(jumlah["pagu"].replace(".", "").replace(",", "."))
    if total != stated:
        raise SystemExit(f"jumlah program {total} != JUMLAH Tabel 19 {stated}")
    tambah("jumlah", "J U M L A H", "", "", f"{stated:.2f}", n="tabel19:" + jumlah["baris_seed"])
    return hasil


def tulis_tsv(path, baris):
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(KOLOM) + "\n")
        for r in baris:
            f.write("\t".join(str(r[k]) for k in KOLOM) + "\n")


def langkah_ekstrak():
    for folder, fungsi in [("mangkutana-2024", ekstrak_004), ("bontang-barat-2023", ekstrak_000),
                           ("bontang-barat-2022", ekstrak_001)]:
        hasil = fungsi()
        (SAMPEL / folder).mkdir(exist_ok=True)
        path = SAMPEL / folder / "sumber-pk.tsv"
        tulis_tsv(path, hasil)
        print(f"ditulis: {path.relative_to(ROOT)} ({len(hasil)} baris)")


if __name__ == "__main__":
    if sys.argv[1:] == ["nomenklatur"]:
        langkah_nomenklatur()
    elif sys.argv[1:] == ["ekstrak"]:
        langkah_ekstrak()
    else:
        sys.exit("pemakaian: python3 samples/buat_pk.py [nomenklatur|ekstrak]")
