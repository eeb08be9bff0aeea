#!/usr/bin/env python3
"""Membuat bom zip berbentuk xlsx untuk mengukur batas lkjip (BENCHMARKS.md, "Batas dan
berkas rusak"). Berkasnya tidak disimpan di repo: sekitar 1 MB, dibuat dalam beberapa detik.

    python3 bench/buat_bom_zip.py KELUAR.xlsx [--mb 1100] [--bohong]

Lembar `LRA` memuat judul kolom LRA dan satu baris, lalu spasi sebanyak --mb MB di antara
baris (XML yang sah), sehingga sheet1.xml mengembang ~1000 kali. Dengan --bohong, daftar isi
zip (dan header lokalnya) mengaku ukuran terurai 1 MB, sehingga hanya penghitungan saat
mengurai (batas waktu/memori proses pembaca) yang dapat menangkapnya.
"""
import argparse
import struct
import zipfile

KEPALA = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Kode</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Uraian</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Anggaran</t></is></c>'
    '<c r="D1" t="inlineStr"><is><t>Realisasi</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>7.01.01</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>PROGRAM PENUNJANG</t></is></c>'
    '<c r="C2"><v>1000</v></c><c r="D2"><v>900</v></c></row>'
)
EKOR = "</sheetData></worksheet>"

BAGIAN = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="LRA" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("keluar")
    ap.add_argument("--mb", type=int, default=1100)
    ap.add_argument("--bohong", action="store_true")
    a = ap.parse_args()
    with zipfile.ZipFile(a.keluar, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for nama, isi in BAGIAN.items():
            z.writestr(nama, isi)
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(KEPALA.encode())
            spasi = b" " * (1 << 20)
            for _ in range(a.mb):
                f.write(spasi)
            f.write(EKOR.encode())
    if a.bohong:
        data = bytearray(open(a.keluar, "rb").read())
        nama = b"xl/worksheets/sheet1.xml"
        # Header lokal: ukuran terurai di +22; entri direktori pusat: di +24.
        for tanda, letak, jarak_nama in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
            i = data.find(tanda)
            while i >= 0:
                if data[i + jarak_nama : i + jarak_nama + len(nama)] == nama:
                    data[i + letak : i + letak + 4] = struct.pack("<I", 1 << 20)
                i = data.find(tanda, i + 4)
        open(a.keluar, "wb").write(data)
    print(a.keluar)


if __name__ == "__main__":
    main()
