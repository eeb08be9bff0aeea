#!/usr/bin/env python3
"""Membuat banyak berkas DPA-RINCIAN untuk tolok ukur `lkjip konversi` (issue 10).

  python3 samples/buat_dpa_massal.py N FOLDER [--mulai K]

Menulis N berkas (nomor K .. K+N-1, bawaan K = 1) ke FOLDER. Setiap berkas satu sub kegiatan
dalam tata letak DPA-RINCIAN BELANJA SKPD (docs/dpa-tata-letak.md, tata letak 1): blok judul,
kunci (Nomor .. Alokasi), indikator, blok sub kegiatan, rincian berkode rekening terpecah enam
sel dengan baris [#] dan [-], baris Jumlah Anggaran Sub Kegiatan, Rencana Penarikan Dana per
Bulan, tanda tangan dan TAPD. Ukuran seperti ekspor nyata: 150 sampai 400 baris rincian
(item) di bawah 8 sampai 25 rekening.

- Tiga dari empat berkas .xlsx (rumus SUBTOTAL dan perkalian dengan hasil tersimpan, seperti
  berkas yang sudah disimpan Excel), ditulis langsung sebagai XML agar cepat; satu dari empat
  .xls BIFF8 asli lewat xlwt (`pip install xlwt==1.3.0`; nilai saja, tanpa rumus, karena xlwt
  tidak menyimpan hasil rumus). Bila xlwt tidak terpasang, yang .xls ditulis sebagai tabel HTML
  bernama .xls (gaya wp-sipd) dan hal itu dicetak sekali.
- Satu dari sepuluh berkas memakai bentuk rekening TA 2026 (`5.1.02.01.001.00024`, dibuat
  dengan memperpanjang dua segmen terakhir; penomoran 2026 yang sebenarnya bisa lain).
- Kode dan nama program, kegiatan dan sub kegiatan dari data/nomenklatur-kabkot.tsv (nyata);
  organisasi, uraian, koefisien dan harga karangan. Tiap berkas berjumlah tepat: jumlah =
  koefisien x harga (+ PPN), induk = jumlah anak, 12 bulan = pagu.
- Deterministik per nomor berkas (random.Random(nomor)); tanggal zip tetap. Berkas yang sama
  selalu sama byte demi byte, berapa pun N.
"""

import random
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buat_dpa as dpa  # noqa: E402  (katalog rekening dan pola rincian yang sama)

ROOT = Path(__file__).resolve().parent.parent
TANGGAL_ZIP = (2024, 1, 2, 0, 0, 0)
BULAN = dpa.BULAN

try:
    import xlwt
except ImportError:  # pragma: no cover
    xlwt = None


def baca_nomenklatur():
    subs = []
    nama = {}
    for baris in (ROOT / "data" / "nomenklatur-kabkot.tsv").read_text(encoding="utf-8").splitlines():
        if not baris or baris.startswith("#"):
            continue
        kode, n = baris.split("\t", 1)
        nama[kode] = n
        if kode.count(".") == 5 and not kode.startswith("X"):
            subs.append(kode)
    return subs, nama


SUB_KEGIATAN, NAMA = baca_nomenklatur()
POLA_SEMUA = [b for _, pola, _ in dpa.POLA for b in pola[:-1]] + [b for b in dpa.RAPAT[:-1]]
DAUN = sorted({b[0] for b in POLA_SEMUA})


def rek_2026(kode):
    p = kode.split(".")
    if len(p) == 6:
        p[4] = p[4].zfill(3)
        p[5] = p[5].zfill(5)
    elif len(p) == 5:
        p[4] = p[4].zfill(3)
    return ".".join(p)


def buat_sub(nomor):
    """Data satu sub kegiatan ilustratif yang berjumlah tepat."""
    rnd = random.Random(nomor)
    kode = rnd.choice(SUB_KEGIATAN)
    p = kode.split(".")
    bidang = ".".join(p[:2])
    urusan = p[0]
    n_org = rnd.randint(1, 40)
    org = f"{bidang}.0.00.0.00.{n_org:02d}.0000"
    tahun = 2026 if nomor % 10 == 0 else 2024
    n_rek = rnd.randint(8, 25)
    reks = rnd.sample(DAUN, min(n_rek, len(DAUN)))
    target_item = rnd.randint(150, 400)
    items = []
    pola_per_rek = {}
    for b in POLA_SEMUA:
        pola_per_rek.setdefault(b[0], []).append(b)
    for i in range(target_item):
        rek = reks[i % len(reks)]
        b = rnd.choice(pola_per_rek[rek])
        vols = [(max(1, int(v * rnd.uniform(0.3, 1.6))), u) for v, u in b[6]]
        harga = Decimal(b[7]) if b[7] else Decimal(rnd.randrange(50, 5000) * 1000)
        kel = b[1] if b[1] == "-" else f"{b[1]} {1 + (i // len(reks)) % 3}"
        ket = b[2] if rnd.random() < 0.7 else "-"
        it = dpa.Item(rek, kel, ket, b[3], b[4], b[5], vols, harga, b[8])
        items.append(it)
    pagu = sum((it.jumlah for it in items), Decimal(0))
    s = {
        "kode": kode, "nama": NAMA[kode], "pagu": pagu, "tahun": tahun,
        "urusan": {"kode": urusan, "nama": f"URUSAN {urusan}"},
        "bidang": {"kode": bidang, "nama": f"BIDANG URUSAN {bidang}"},
        "organisasi": {"kode": org, "nama": f"PERANGKAT DAERAH CONTOH {n_org:02d}"},
        "unit": {"kode": org, "nama": f"PERANGKAT DAERAH CONTOH {n_org:02d}"},
        "program": {"kode": ".".join(p[:3]), "nama": NAMA.get(".".join(p[:3]), "PROGRAM")},
        "kegiatan": {"kode": ".".join(p[:5]), "nama": NAMA.get(".".join(p[:5]), "Kegiatan")},
        "capaian": [("Persentase capaian program", "100 %", "")],
        "hasil": [("Persentase capaian kegiatan", "100 %", "")],
        "keluaran": [("Jumlah keluaran sub kegiatan", f"{rnd.randint(1, 40)} Dokumen", "")],
        "items": items,
    }
    rek = {}
    for it in items:
        rek[it.rek] = rek.get(it.rek, Decimal(0)) + it.jumlah
    s["rekening"] = dict(sorted(rek.items()))
    bulanan = rnd.choice(["rutin", "kegiatan", "modal"])
    s["rak"] = {k: dpa.bagi_bulan(v, bulanan, rnd.randint(0, 2)) for k, v in s["rekening"].items()}
    s["bulan"] = [sum((s["rak"][k][m] for k in s["rak"]), Decimal(0)) for m in range(12)]
    s["baris"] = dpa.baris_rincian(s)
    if tahun >= 2026:
        for b in s["baris"]:
            if b["kode"]:
                b["kode"] = rek_2026(b["kode"])
    return s


# ---------------------------------------------------------------------------------------
# xlsx langsung sebagai XML
# ---------------------------------------------------------------------------------------
GAYA = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0;[Red]-#,##0"/><numFmt numFmtId="165" formatCode="@* :"/></numFmts>
<fonts count="2"><font><sz val="10"/><name val="Arial"/></font><font><b/><sz val="10"/><name val="Arial"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>
<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="9" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
JUDUL, TEKS, UANG, UANG_TEBAL, TEKS_TEBAL, PERSEN, LABEL, POLOS, POLOS_UANG = 1, 2, 3, 4, 5, 6, 7, 8, 9

TIPE_ISI = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""


def kolom(c):
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class Tabel:
    """Sel dan gabungan satu lembar, lalu ditulis sebagai xlsx (XML) atau xls (xlwt)."""

    def __init__(self):
        self.baris = {}
        self.gabung = []
        self.tinggi = {}

    def isi(self, r, c, v, gaya=TEKS, rumus=None):
        self.baris.setdefault(r, {})[c] = (v, gaya, rumus)

    def gab(self, r1, c1, r2, c2):
        self.gabung.append((r1, c1, r2, c2))

    def xlsx(self, nama_lembar, lebar):
        teks = {}
        urut = []

        def sid(t):
            if t not in teks:
                teks[t] = len(urut)
                urut.append(t)
            return teks[t]

        bag = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView showGridLines="0" '
               'workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>']
        for i, w in enumerate(lebar, start=1):
            bag.append(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>')
        bag.append("</cols><sheetData>")
        for r in sorted(self.baris):
            ht = self.tinggi.get(r)
            bag.append(f'<row r="{r}" ht="{ht}" customHeight="1">' if ht else f'<row r="{r}">')
            sel = self.baris[r]
            for c in sorted(sel):
                v, g, f = sel[c]
                ref = f"{kolom(c)}{r}"
                if f is not None:
                    bag.append(f'<c r="{ref}" s="{g}"><f>{escape(f)}</f><v>{v}</v></c>')
                elif v is None:
                    bag.append(f'<c r="{ref}" s="{g}"/>')
                elif isinstance(v, (int, Decimal)):
                    bag.append(f'<c r="{ref}" s="{g}"><v>{v}</v></c>')
                else:
                    bag.append(f'<c r="{ref}" s="{g}" t="s"><v>{sid(v)}</v></c>')
            bag.append("</row>")
        bag.append("</sheetData>")
        if self.gabung:
            bag.append(f'<mergeCells count="{len(self.gabung)}">')
            for r1, c1, r2, c2 in self.gabung:
                bag.append(f'<mergeCell ref="{kolom(c1)}{r1}:{kolom(c2)}{r2}"/>')
            bag.append("</mergeCells>")
        bag.append('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.2" footer="0.2"/>'
                   '<pageSetup paperSize="9" fitToHeight="0" orientation="portrait"/></worksheet>')
        sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(urut)}" '
               f'uniqueCount="{len(urut)}">']
        for t in urut:
            sst.append(f'<si><t xml:space="preserve">{escape(t)}</t></si>')
        sst.append("</sst>")
        wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
              f'<sheet name="{escape(nama_lembar)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        return [("[Content_Types].xml", TIPE_ISI), ("_rels/.rels", RELS), ("xl/workbook.xml", wb),
                ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/styles.xml", GAYA),
                ("xl/sharedStrings.xml", "".join(sst)), ("xl/worksheets/sheet1.xml", "".join(bag))]

    def simpan_xlsx(self, path, nama_lembar, lebar):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for nama, isi in self.xlsx(nama_lembar, lebar):
                zi = zipfile.ZipInfo(nama, date_time=TANGGAL_ZIP)
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, isi)

    def simpan_xls(self, path, nama_lembar, lebar):
        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet(nama_lembar[:31])
        gaya = {
            JUDUL: xlwt.easyxf("font: name Arial, height 200, bold on; align: horiz center, vert center, wrap on; "
                               "borders: left thin, right thin, top thin, bottom thin"),
            TEKS: xlwt.easyxf("font: name Arial, height 200; align: wrap on; "
                              "borders: left thin, right thin, top thin, bottom thin", num_format_str="@"),
            UANG: xlwt.easyxf("font: name Arial, height 200; borders: left thin, right thin, top thin, bottom thin",
                              num_format_str="#,##0"),
            UANG_TEBAL: xlwt.easyxf("font: name Arial, height 200, bold on; "
                                    "borders: left thin, right thin, top thin, bottom thin", num_format_str="#,##0"),
            TEKS_TEBAL: xlwt.easyxf("font: name Arial, height 200, bold on; align: wrap on; "
                                    "borders: left thin, right thin, top thin, bottom thin", num_format_str="@"),
            PERSEN: xlwt.easyxf("font: name Arial, height 200; borders: left thin, right thin, top thin, bottom thin",
                                num_format_str="0%"),
            LABEL: xlwt.easyxf("font: name Arial, height 200"),
            POLOS: xlwt.easyxf("font: name Arial, height 200; align: wrap on"),
            POLOS_UANG: xlwt.easyxf("font: name Arial, height 200; align: horiz left", num_format_str="#,##0"),
        }
        for i, w in enumerate(lebar):
            ws.col(i).width = int(w * 256)
        for r, ht in self.tinggi.items():
            ws.row(r - 1).height_mismatch = True
            ws.row(r - 1).height = int(ht * 20)
        ws.set_paper_size_code(9)
        ws.set_fit_num_pages(1)
        ws.set_fit_width_to_pages(1)
        ws.set_fit_height_to_pages(0)
        tergabung = set()
        for r1, c1, r2, c2 in self.gabung:
            v, g, _ = self.baris.get(r1, {}).get(c1, (None, TEKS, None))
            ws.write_merge(r1 - 1, r2 - 1, c1 - 1, c2 - 1, _xls_nilai(v), gaya[g])
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    tergabung.add((r, c))
        for r, sel in self.baris.items():
            for c, (v, g, _) in sel.items():
                if (r, c) in tergabung:
                    continue
                ws.write(r - 1, c - 1, _xls_nilai(v), gaya[g])
        wb.save(str(path))


def _xls_nilai(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return "" if v is None else v


def angka(d):
    d = Decimal(d)
    return int(d) if d == d.to_integral_value() else d


def susun_tabel(s, rnd):
    t = Tabel()
    kol = 12
    for i, teks in enumerate(["DOKUMEN PELAKSANAAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH",
                              f"PEMERINTAH KABUPATEN CONTOH TAHUN ANGGARAN {s['tahun']}"], start=1):
        t.isi(i, 1, teks, JUDUL)
        t.gab(i, 1, i, 9)
    t.isi(1, 10, "FORMULIR\nDPA-RINCIAN BELANJA\nSKPD", JUDUL)
    t.gab(1, 10, 3, 12)
    r = 5
    kunci = [("Nomor", f"DPA/A.1/{s['unit']['kode']}/001/{s['tahun']}"),
             ("Urusan Pemerintahan", f"{s['urusan']['kode']} {s['urusan']['nama']}"),
             ("Bidang Urusan", f"{s['bidang']['kode']} {s['bidang']['nama']}"),
             ("Program", f"{s['program']['kode']} {s['program']['nama']}"),
             ("Kegiatan", f"{s['kegiatan']['kode']} {s['kegiatan']['nama']}"),
             ("Organisasi", f"{s['organisasi']['kode']} {s['organisasi']['nama']}"),
             ("Unit", f"{s['unit']['kode']} {s['unit']['nama']}"),
             (f"Alokasi Tahun {s['tahun'] - 1}", 0), (f"Alokasi Tahun {s['tahun']}", angka(s["pagu"])),
             (f"Alokasi Tahun {s['tahun'] + 1}", 0)]
    for lbl, v in kunci:
        t.isi(r, 1, lbl, LABEL)
        t.gab(r, 1, r, 6)
        t.isi(r, 7, v, POLOS_UANG if isinstance(v, int) else POLOS)
        t.gab(r, 7, r, kol)
        r += 1
    r += 1
    t.isi(r, 1, "Indikator dan Tolak Ukur Kinerja Kegiatan", JUDUL)
    t.gab(r, 1, r, kol)
    r += 1
    for c1, c2, teks in ((1, 6, "Indikator"), (7, 10, "Tolok Ukur Kinerja"), (11, 12, "Target Kinerja")):
        t.isi(r, c1, teks, JUDUL)
        t.gab(r, c1, r, c2)
    r += 1
    for lbl, daftar in (("Capaian Program", s["capaian"]), ("Masukan", [("Dana yang Dibutuhkan", angka(s["pagu"]), "")]),
                        ("Keluaran", s["keluaran"]), ("Hasil", s["hasil"])):
        for tolok, target, _ in daftar:
            t.isi(r, 1, lbl, TEKS)
            t.gab(r, 1, r, 6)
            t.isi(r, 7, tolok, TEKS)
            t.gab(r, 7, r, 10)
            t.isi(r, 11, target, UANG if isinstance(target, int) else TEKS)
            t.gab(r, 11, r, 12)
            r += 1
    r += 1
    for lbl, v in (("Sub Kegiatan", f"{s['kode']} {s['nama']}"), ("Sumber Pendanaan", dpa.SUMBER_DANA[1]),
                   ("Lokasi", "Kabupaten Contoh, Semua Kecamatan, Semua Kelurahan"),
                   ("Waktu Pelaksanaan", "Januari s.d. Desember"), ("Kelompok Sasaran", "Masyarakat"),
                   ("Keterangan", "-")):
        t.isi(r, 1, lbl, LABEL)
        t.gab(r, 1, r, 6)
        t.isi(r, 7, v, POLOS)
        t.gab(r, 7, r, kol)
        r += 1
    r += 1
    t.isi(r, 1, "Kode Rekening", JUDUL)
    t.tinggi[r] = 20
    t.gab(r, 1, r + 1, 6)
    t.isi(r, 7, "Uraian", JUDUL)
    t.gab(r, 7, r + 1, 7)
    t.isi(r, 8, "Rincian Perhitungan", JUDUL)
    t.gab(r, 8, r, 11)
    t.isi(r, 12, "Jumlah\n(Rp)", JUDUL)
    t.gab(r, 12, r + 1, 12)
    for c, teks in zip(range(8, 12), ("Koefisien", "Satuan", "Harga", "PPN")):
        t.isi(r + 1, c, teks, JUDUL)
    r += 2
    baris = s["baris"]
    awal, akhir = r, r + len(baris) - 1
    titik = rnd.random() < 0.5  # separuh berkas menulis segmen kode dengan titik ("5." "1." "02.")
    alt_kurung = rnd.random() < 0.3  # sebagian memakai "[ # ]" dan "[ - ]" seperti data SIPD penatausahaan
    for i, b in enumerate(baris):
        rr = awal + i
        tk = b["tingkat"]
        if tk <= 6:
            seg = b["kode"].split(".")
            for c, bag in enumerate(seg, start=1):
                t.isi(rr, c, bag + ("." if titik and c < len(seg) else ""), TEKS_TEBAL)
        else:
            t.gab(rr, 1, rr, 6)
        if tk == 9:
            it = b["item"]
            t.isi(rr, 7, f"{it.komponen}\nSpesifikasi : {it.spek}", TEKS)
            t.isi(rr, 8, angka(it.koef), UANG, "*".join(str(angka(v)) for v, _ in it.vols))
            t.isi(rr, 9, it.satuan, TEKS)
            t.isi(rr, 10, angka(it.harga), UANG)
            t.isi(rr, 11, angka(it.ppn / 100), PERSEN)
            t.isi(rr, 12, angka(it.jumlah), UANG, f"H{rr}*J{rr}+H{rr}*J{rr}*K{rr}")
            t.tinggi[rr] = 27
        else:
            awalan = {7: "[ # ] " if alt_kurung else "[#] ", 8: "[ - ] " if alt_kurung else "[-] "}.get(tk, "")
            t.isi(rr, 7, awalan + b["uraian"], TEKS_TEBAL)
            if len(b["uraian"]) > 42:
                t.tinggi[rr] = 27
            t.gab(rr, 7, rr, 11)
            j = next((k for k in range(i + 1, len(baris)) if baris[k]["tingkat"] <= tk), len(baris))
            t.isi(rr, 12, angka(b["jumlah"]), UANG_TEBAL, f"SUBTOTAL(9,L{rr + 1}:L{awal + j - 1})")
    r = akhir + 1
    t.isi(r, 1, "Jumlah Anggaran Sub Kegiatan", TEKS_TEBAL)
    t.gab(r, 1, r, 11)
    t.isi(r, 12, angka(s["pagu"]), UANG_TEBAL, f"SUBTOTAL(9,L{awal}:L{akhir})")
    r += 2
    t.isi(r, 1, "Rencana Penarikan Dana per Bulan", JUDUL)
    t.gab(r, 1, r, 7)
    for m in range(12):
        t.isi(r + 1 + m, 1, BULAN[m], TEKS)
        t.gab(r + 1 + m, 1, r + 1 + m, 6)
        t.isi(r + 1 + m, 7, angka(s["bulan"][m]), UANG)
    t.isi(r + 13, 1, "Jumlah", TEKS_TEBAL)
    t.gab(r + 13, 1, r + 13, 6)
    t.isi(r + 13, 7, angka(sum(s["bulan"])), UANG_TEBAL, f"SUBTOTAL(9,G{r + 1}:G{r + 12})")
    for d, teks in ((0, f"Kota Contoh, 2 Januari {s['tahun']}"), (1, "KEPALA PERANGKAT DAERAH"),
                    (4, "(nama Kepala SKPD)"), (5, "NIP. ...................."), (7, "Mengesahkan,"), (8, "PPKD"),
                    (11, "(nama PPKD)"), (12, "NIP. ....................")):
        t.isi(r + d, 9, teks, LABEL)
        t.gab(r + d, 9, r + d, 12)
    r += 15
    t.isi(r, 1, "TIM ANGGARAN PEMERINTAH DAERAH", JUDUL)
    t.gab(r, 1, r, kol)
    for c1, c2, teks in ((1, 2, "NO."), (3, 7, "NAMA"), (8, 9, "NIP"), (10, 10, "JABATAN"), (11, 12, "Tanda Tangan")):
        t.isi(r + 1, c1, teks, JUDUL)
        if c2 > c1:
            t.gab(r + 1, c1, r + 1, c2)
    return t


LEBAR = [4, 4, 4, 4, 5, 7, 42, 12, 12, 13, 6, 15]
_PESAN_HTML = []


def tulis_satu(nomor, folder):
    s = buat_sub(nomor)
    rnd = random.Random(nomor * 7919)
    nama = f"DPA-RINCIAN_{nomor:05d}_{s['kode']}"
    lembar = (s["kode"][5:] + dpa.singkatan(s["nama"]))[:30]
    if nomor % 4 == 0:
        p = folder / f"{nama}.xls"
        if xlwt is not None:
            susun_tabel(s, rnd).simpan_xls(p, lembar, LEBAR)
        else:
            if not _PESAN_HTML:
                print("xlwt tidak terpasang: berkas .xls ditulis sebagai tabel HTML (gaya wp-sipd)")
                _PESAN_HTML.append(1)
            dpa.tulis_html_xls(s, p)
    else:
        p = folder / f"{nama}.xlsx"
        susun_tabel(s, rnd).simpan_xlsx(p, lembar, LEBAR)
    return p


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--mulai"):
        sys.exit(__doc__)
    n = int(argv[0])
    folder = Path(argv[1])
    mulai = int(argv[3]) if len(argv) == 4 else 1
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    for nomor in range(mulai, mulai + n):
        tulis_satu(nomor, folder)
    dt = time.monotonic() - t0
    print(f"ditulis {n} berkas DPA ke {folder} dalam {dt:.1f} detik")


if __name__ == "__main__":
    main(sys.argv[1:])
