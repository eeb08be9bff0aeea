"""Membuat templates/realisasi.xlsx: lembar kosong untuk staf yang tidak punya ekspor LRA.

Jalankan: python3 templates/buat_templat.py   (perlu openpyxl)
Judul kolomnya sama dengan Tabel 19 LKjIP dan dikenali `lkjip` apa adanya.
"""
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

TIPIS = Side(style="thin")
KOTAK = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
KOLOM = [
    ("Kode", 24),
    ("Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan", 60),
    ("Pagu Anggaran", 20),
    ("Realisasi", 20),
    ("%", 9),
    ("Sisa Anggaran", 20),
    ("Realisasi Fisik (%)", 12),
]
NOMOR = ["1", "2", "3", "4", "5 = 4/3*100", "6 = 3 - 4", "7"]

wb = Workbook()
ws = wb.active
ws.title = "Realisasi"
ws["A1"] = "REALISASI ANGGARAN PER PROGRAM, KEGIATAN DAN SUB KEGIATAN"
ws["A2"] = "TAHUN ANGGARAN 20.."
ws["A3"] = "Isi satu baris per urusan, bidang, organisasi, sub unit, program, kegiatan dan sub kegiatan, dengan kodenya; baris terakhir JUMLAH. Kolom % dan sisa boleh dikosongkan: lkjip menghitungnya."
for c, (judul, lebar) in enumerate(KOLOM, start=1):
    sel = ws.cell(row=5, column=c, value=judul)
    sel.font = Font(bold=True)
    sel.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    sel.border = KOTAK
    ws.column_dimensions[sel.column_letter].width = lebar
    nomor = ws.cell(row=6, column=c, value=NOMOR[c - 1])
    nomor.alignment = Alignment(horizontal="center")
    nomor.border = KOTAK
for c in (3, 4, 6):
    for r in range(7, 200):
        ws.cell(row=r, column=c).number_format = "#,##0.00"
ws.freeze_panes = "A7"
wb.properties.creator = "lkjip"
tujuan = Path(__file__).with_name("realisasi.xlsx")
wb.save(tujuan)
print(f"ditulis {tujuan}")
