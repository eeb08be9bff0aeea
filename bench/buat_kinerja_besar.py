#!/usr/bin/env python3
"""Buku kerja kinerja besar untuk tolok ukur jalur kinerja (BENCHMARKS.md, "Kinerja").

  python3 bench/buat_kinerja_besar.py [LRA] [KELUARAN]

Membaca LRA tolok ukur (bawaan bench/data/lra-85rb.xlsx) dan menulis
bench/data/kinerja-besar.xlsx: 200 indikator IKU (50 sasaran), 5 tahun Tahunan dan 4
triwulan tiap indikator, satu baris Program per program dan kegiatan LRA (dengan unit dan
kode), dan Peta Anggaran yang memetakan setiap kode program ke satu sasaran. Deterministik.
"""
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

lra = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/data/lra-85rb.xlsx")
keluar = Path(sys.argv[2] if len(sys.argv) > 2 else "bench/data/kinerja-besar.xlsx")

ws = load_workbook(lra, read_only=True).worksheets[0]
unit = None
program_rows = []
kode_program = []
for row in ws.iter_rows(min_row=7, values_only=True):
    kode, uraian = row[0], row[1]
    if not kode:
        continue
    bagian = str(kode).split(".")
    if len(bagian) == 8:
        unit = uraian
    elif len(bagian) in (3, 5):
        program_rows.append((unit, str(kode), uraian))
        if len(bagian) == 3 and str(kode) not in kode_program:
            kode_program.append(str(kode))

wb = Workbook()
iku = wb.active
iku.title = "IKU"
iku.append(["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas", "Kondisi Awal", "Target Akhir Renstra"])
tahunan = wb.create_sheet("Tahunan")
tahunan.append(["Indikator Kinerja", "Tahun", "Target Renstra", "Realisasi"])
triwulan = wb.create_sheet("Triwulan")
triwulan.append(["Indikator Kinerja", "Triwulan", "Target", "Realisasi"])
for i in range(200):
    nama = f"Indikator kinerja utama nomor {i + 1} sasaran {i // 4 + 1}"
    iku.append([i + 1, f"Sasaran strategis {i // 4 + 1}", nama, "%", "naik", 80, 95])
    for t in range(2020, 2025):
        tahunan.append([nama, t, 80 + (t - 2020) * 3, 79 + (i * 7 + t) % 15])
    for tw in range(1, 5):
        triwulan.append([nama, tw, 85, 80 + (i + tw) % 10])
program = wb.create_sheet("Program")
program.append(["Unit", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja", "Target", "Satuan", "Realisasi"])
for j, (u, kode, uraian) in enumerate(program_rows):
    program.append([u, kode, uraian, f"Indikator {uraian}", 10 + j % 5, "Dokumen", 10 + j % 4])
peta = wb.create_sheet("Peta Anggaran")
peta.append(["Sasaran Strategis", "Unit", "Program"])
for j, kode in enumerate(kode_program):
    peta.append([f"Sasaran strategis {j % 50 + 1}", None, kode])
wb.save(keluar)
print(f"ditulis {keluar}: {len(program_rows)} baris Program, {len(kode_program)} kode program")
