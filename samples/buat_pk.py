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
    n, lampiran = next((n, m.group(1)) for n, l in enumerate(baris, 1)
                       for m in [re.search(r"\*\*\*(lampiran : Perjanjian Kinerja Tahun 2022)\*\*\*", l)] if m)
    tambah("judul_lampiran", "L" + lampiran[1:], n=n)
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


# ---------------------------------------------------------------------------
# Langkah 3: TSV -> pk.xlsx
# ---------------------------------------------------------------------------

TANGGAL_TETAP = datetime.datetime(2024, 10, 1, 0, 0, 0)

# Where and when each PK was signed, as the seed writes it under its tables.
TANDA_TANGAN = {
    "mangkutana-2024": "Mangkutana, 1 Oktober 2024",
    "bontang-barat-2023": "Bontang, 28 September 2023",
}


def simpan(wb, path):
    """Simpan workbook secara deterministik (tanggal tetap), seperti samples/buat_sampel.py."""
    wb.properties.creator = "samples/buat_pk.py"
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
    sementara = path.with_name(path.name + ".tmp")
    sementara.write_bytes(keluar.getvalue())
    os.replace(sementara, path)


def baca_tsv(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def buat_lembar(wb, nama, baris, folder):
    from openpyxl.styles import Alignment, Border, Font, Side
    ws = wb.create_sheet(nama)
    for kol, lebar in zip("ABCDEF", [6, 50, 42, 16, 18, 12]):
        ws.column_dimensions[kol].width = lebar
    tipis = Side(style="thin")
    kotak = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    tebal = Font(bold=True)
    bungkus = Alignment(wrap_text=True, vertical="top")
    r = 1
    pihak = {}

    def tulis(c, nilai, gaya=None):
        sel = ws.cell(row=r, column=c, value=nilai)
        if gaya == "kotak":
            sel.border = kotak
            sel.alignment = bungkus
        elif gaya == "kepala":
            sel.border = kotak
            sel.font = tebal
            sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        return sel

    def gabung(c0, c1, nilai, gaya=None):
        tulis(c0, nilai, gaya)
        for c in range(c0 + 1, c1 + 1):
            tulis(c, None, gaya)
        ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c1)

    i = 0
    while i < len(baris):
        b = baris[i]
        j = b["jenis"]
        if j in ("judul", "judul_lampiran"):
            if r > 1:
                r += 1
            gabung(1, 5, b["a"])
            ws.cell(row=r, column=1).font = tebal
            ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
            r += 2
        elif j in ("pihak_pertama", "pihak_kedua"):
            pihak[j] = b["a"]
            tulis(2, "Nama")
            tulis(3, ": " + NAMA)
            r += 1
            tulis(2, "Jabatan")
            tulis(3, ": " + b["a"])
            r += 1
            tulis(2, "selanjutnya disebut Pihak Pertama" if j == "pihak_pertama"
                  else "selaku atasan Pihak Pertama, selanjutnya disebut Pihak Kedua")
            r += 2
        elif j in ("instansi", "tahun_anggaran"):
            tulis(2, b["a"])
            tulis(3, ": " + b["b"])
            r += 1
            if i + 1 < len(baris) and baris[i + 1]["jenis"] not in ("instansi", "tahun_anggaran"):
                r += 1
        elif j == "kepala_sasaran":
            isi = []
            k = i + 1
            while k < len(baris) and baris[k]["jenis"] == "sasaran":
                isi.append(baris[k])
                k += 1
            label = [b[x] for x in "abcde" if b[x]]
            dua_target = any(" | " in x["d"] for x in isi) and len(label) == 4
            for c, t in enumerate(label[:3], 1):
                tulis(c, t, "kepala")
            if dua_target:
                gabung(4, 5, label[3], "kepala")
            else:
                for c, t in enumerate(label[3:], 4):
                    tulis(c, t, "kepala")
            r += 1
            if len(label) == 4:
                for c, t in enumerate(["(1)", "(2)", "(3)"], 1):
                    tulis(c, t, "kepala")
                if dua_target:
                    gabung(4, 5, "(4)", "kepala")
                else:
                    tulis(4, "(4)", "kepala")
                r += 1
            for x in isi:
                nilai = [x["a"], x["b"], x["c"]]
                if len(label) == 4:
                    nilai += x["d"].split(" | ") if dua_target else [x["d"]]
                else:
                    nilai += [x["d"], x["e"]]
                for c, t in enumerate(nilai, 1):
                    tulis(c, t, "kotak")
                r += 1
            r += 1
            i = k
            continue
        elif j == "kepala_program":
            isi = []
            k = i + 1
            while k < len(baris) and baris[k]["jenis"] in ("program", "jumlah"):
                isi.append(baris[k])
                k += 1
            label = [b[x] for x in "abcd"]
            rp_sendiri = any(x["c"] for x in isi)
            angka_sel = folder == "bontang-barat-2022"
            c_ket = 5 if rp_sendiri else 4
            tulis(1, label[0] or None, "kepala" if label[0] else None)
            tulis(2, label[1], "kepala")
            if rp_sendiri:
                gabung(3, 4, label[2], "kepala")
            else:
                tulis(3, label[2], "kepala")
            tulis(c_ket, label[3], "kepala")
            r += 1
            if label[0] and folder == "mangkutana-2024":
                tulis(1, "(1)", "kepala")
                tulis(2, "(2)", "kepala")
                if rp_sendiri:
                    gabung(3, 4, "(3)", "kepala")
                else:
                    tulis(3, "(3)", "kepala")
                tulis(c_ket, "(4)", "kepala")
                r += 1
            for x in isi:
                gaya = "kotak" if label[0] else None
                if x["jenis"] == "jumlah":
                    if x["a"]:
                        gabung(1, 2, x["a"], "kotak")
                        ws.cell(row=r, column=1).font = tebal
                        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
                    c_angka = 4 if rp_sendiri else 3
                else:
                    if label[0]:
                        tulis(1, x["a"], gaya)
                        tulis(2, x["b"], gaya)
                    else:
                        tulis(2, f"{x['a']} {x['b']}", gaya)
                    if rp_sendiri:
                        tulis(3, x["c"], gaya)
                    c_angka = 4 if rp_sendiri else 3
                    tulis(c_ket, x["e"], gaya)
                if angka_sel:
                    sel = tulis(c_angka, float(Decimal(x["d"])), "kotak")
                    sel.number_format = "#,##0.00"
                else:
                    tulis(c_angka, x["d"], gaya or "kotak" if x["jenis"] != "jumlah" or x["a"] else None)
                r += 1
            r += 1
            i = k
            if folder in TANDA_TANGAN:
                tulis(4, TANDA_TANGAN[folder])
                r += 1
                tulis(2, "Pihak Kedua,")
                tulis(4, "Pihak Pertama,")
                r += 1
                tulis(2, pihak.get("pihak_kedua", "") + ",")
                tulis(4, pihak.get("pihak_pertama", "") + ",")
                r += 3
                tulis(2, NAMA)
                tulis(4, NAMA)
                r += 1
            continue
        i += 1


def langkah_workbook():
    import openpyxl
    for folder in FOLDER:
        tsv = SAMPEL / folder / "sumber-pk.tsv"
        baris = baca_tsv(tsv)
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        urutan = []
        for b in baris:
            if b["lembar"] not in urutan:
                urutan.append(b["lembar"])
        for nama in urutan:
            buat_lembar(wb, nama, [b for b in baris if b["lembar"] == nama], folder)
        path = SAMPEL / folder / "pk.xlsx"
        simpan(wb, path)
        # Read back: every amount and target text of the TSV is in the workbook.
        wb2 = openpyxl.load_workbook(path)
        teks = set()
        for ws in wb2.worksheets:
            for row in ws.iter_rows(values_only=True):
                teks.update(str(v) for v in row if v is not None)
        for b in baris:
            if b["jenis"] in ("program", "jumlah") and folder != "bontang-barat-2022":
                assert b["d"] in teks, (folder, b)
        print(f"ditulis: {path.relative_to(ROOT)} ({len(urutan)} lembar)")


if __name__ == "__main__":
    if sys.argv[1:] == ["nomenklatur"]:
        langkah_nomenklatur()
    elif sys.argv[1:] == ["ekstrak"]:
        langkah_ekstrak()
    elif sys.argv[1:] == []:
        langkah_workbook()
    else:
        sys.exit("pemakaian: python3 samples/buat_pk.py [nomenklatur|ekstrak]")
