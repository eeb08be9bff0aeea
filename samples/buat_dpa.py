#!/usr/bin/env python3
"""Membuat samples/bontang-barat-2022/dpa/: ekspor DPA (Dokumen Pelaksanaan Anggaran) TA 2022
Kecamatan Bontang Barat dalam tata letak yang diterangkan docs/dpa-tata-letak.md.

  python3 samples/buat_dpa.py

Yang nyata (disalin, tidak dikarang): kode dan nama urusan, bidang, organisasi, unit, program,
kegiatan dan sub kegiatan serta pagu tiap sub kegiatan (sumber-tabel19.tsv = seed 001 Tabel 19);
indikator dan target capaian program, hasil kegiatan dan keluaran sub kegiatan
(sumber-kinerja.tsv, lembar Program = seed 001 Tabel 17). Yang ilustratif: baris rincian
belanja (kode rekening dan namanya nyata, dari ekspor SIPD di samples/sumenep-dinkes-2024 dan
daftar rekening publik; uraian, koefisien, harga karangan), pembagian per bulan, sumber dana,
tanggal, dan DPA "sebelum perubahan". Setiap rincian berjumlah tepat (Decimal) sama dengan
pagu nyata; jumlah = koefisien x harga (+ PPN) tepat; baris induk = jumlah anaknya.

Keluaran deterministik: tanggal dokumen dan tanggal entri zip tetap (cara tests/data/
buat_diketik.py); tidak ada angka acak tanpa benih tetap. Hanya butuh openpyxl.
"""

import csv
import datetime
import html
import io
import re
import sys
import zipfile
import zlib
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
SAMPEL = ROOT / "samples" / "bontang-barat-2022"
KELUAR = SAMPEL / "dpa"
TAHUN = 2022
TANGGAL = datetime.datetime(2022, 1, 3)
TANGGAL_DPA = "3 Januari 2022"
PEMDA = "Kota Bontang"
IBUKOTA = "Bontang"
SUMBER_DANA = ("1.1", "PENDAPATAN ASLI DAERAH (PAD)")
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]

# ---------------------------------------------------------------------------------------
# Rekening: kode dan nama seperti ditulis SIPD. Sumber utama: lembar DPA
# samples/sumenep-dinkes-2024/realisasi.xlsx (ekspor SIPD nyata, kolom kode rekening dan
# uraiannya); yang bertanda * dari daftar rekening di kode publik (lihat docs/dpa-tata-letak.md).
# ---------------------------------------------------------------------------------------
REKENING = {
    "5": "BELANJA DAERAH",  # *
    "5.1": "BELANJA OPERASI",  # *
    "5.2": "BELANJA MODAL",  # *
    "5.1.01": "Belanja Pegawai",
    "5.1.01.01": "Belanja Gaji dan Tunjangan ASN",
    "5.1.01.01.01": "Belanja Gaji Pokok ASN",
    "5.1.01.01.01.0001": "Belanja Gaji Pokok PNS",
    "5.1.01.01.02": "Belanja Tunjangan Keluarga ASN",
    "5.1.01.01.02.0001": "Belanja Tunjangan Keluarga PNS",
    "5.1.01.01.03": "Belanja Tunjangan Jabatan ASN",
    "5.1.01.01.03.0001": "Belanja Tunjangan Jabatan PNS",
    "5.1.01.01.05": "Belanja Tunjangan Fungsional Umum ASN",
    "5.1.01.01.05.0001": "Belanja Tunjangan Fungsional Umum PNS",
    "5.1.01.01.06": "Belanja Tunjangan Beras ASN",
    "5.1.01.01.06.0001": "Belanja Tunjangan Beras PNS",
    "5.1.01.01.07": "Belanja Tunjangan PPh/Tunjangan Khusus ASN",
    "5.1.01.01.07.0001": "Belanja Tunjangan PPh/Tunjangan Khusus PNS",
    "5.1.01.01.08": "Belanja Pembulatan Gaji ASN",
    "5.1.01.01.08.0001": "Belanja Pembulatan Gaji PNS",
    "5.1.01.02": "Belanja Tambahan Penghasilan ASN",
    "5.1.01.02.01": "Tambahan Penghasilan berdasarkan Beban Kerja ASN",
    "5.1.01.02.01.0001": "Tambahan Penghasilan berdasarkan Beban Kerja PNS",
    "5.1.01.03": "Tambahan Penghasilan berdasarkan Pertimbangan Objektif Lainnya ASN",
    "5.1.01.03.07": "Belanja Honorarium",
    "5.1.01.03.07.0001": "Belanja Honorarium Penanggungjawaban Pengelola Keuangan",
    "5.1.02": "Belanja Barang dan Jasa",
    "5.1.02.01": "Belanja Barang",
    "5.1.02.01.01": "Belanja Barang Pakai Habis",
    "5.1.02.01.01.0001": "Belanja Bahan-Bahan Bangunan dan Konstruksi",
    "5.1.02.01.01.0004": "Belanja Bahan-Bahan Bakar dan Pelumas",
    "5.1.02.01.01.0010": "Belanja Bahan-Isi Tabung Gas",
    "5.1.02.01.01.0012": "Belanja Bahan-Bahan Lainnya",
    "5.1.02.01.01.0024": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
    "5.1.02.01.01.0025": "Belanja Alat/Bahan untuk Kegiatan Kantor- Kertas dan Cover",
    "5.1.02.01.01.0026": "Belanja Alat/Bahan untuk Kegiatan Kantor- Bahan Cetak",
    "5.1.02.01.01.0027": "Belanja Alat/Bahan untuk Kegiatan Kantor-Benda Pos",
    "5.1.02.01.01.0029": "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer",
    "5.1.02.01.01.0030": "Belanja Alat/Bahan untuk Kegiatan Kantor-Perabot Kantor",
    "5.1.02.01.01.0031": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik",
    "5.1.02.01.01.0032": "Belanja Alat/Bahan untuk Kegiatan Kantor-Perlengkapan Dinas",
    "5.1.02.01.01.0035": "Belanja Alat/Bahan untuk Kegiatan Kantor- Suvenir/Cendera Mata",  # *
    "5.1.02.01.01.0036": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat/Bahan untuk Kegiatan Kantor Lainnya",
    "5.1.02.01.01.0039": "Belanja Persediaan untuk Dijual/Diserahkan-Persediaan untuk Dijual/Diserahkan kepada Masyarakat",
    "5.1.02.01.01.0052": "Belanja Makanan dan Minuman Rapat",
    "5.1.02.01.01.0053": "Belanja Makanan dan Minuman Jamuan Tamu",
    "5.1.02.01.01.0058": "Belanja Makanan dan Minuman Aktivitas Lapangan",
    "5.1.02.01.01.0063": "Belanja Pakaian Dinas Harian (PDH)",  # *
    "5.1.02.02": "Belanja Jasa",
    "5.1.02.02.01": "Belanja Jasa Kantor",
    "5.1.02.02.01.0003": "Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia",
    "5.1.02.02.01.0004": "Honorarium Tim Pelaksana Kegiatan dan Sekretariat Tim Pelaksana Kegiatan",
    "5.1.02.02.01.0016": "Belanja Jasa Tenaga Penanganan Prasarana dan Sarana Umum",
    "5.1.02.02.01.0026": "Belanja Jasa Tenaga Administrasi",
    "5.1.02.02.01.0028": "Belanja Jasa Tenaga Pelayanan Umum",
    "5.1.02.02.01.0030": "Belanja Jasa Tenaga Kebersihan",
    "5.1.02.02.01.0031": "Belanja Jasa Tenaga Keamanan",
    "5.1.02.02.01.0033": "Belanja Jasa Tenaga Supir",
    "5.1.02.02.01.0059": "Belanja Tagihan Telepon",
    "5.1.02.02.01.0060": "Belanja Tagihan Air",
    "5.1.02.02.01.0061": "Belanja Tagihan Listrik",
    "5.1.02.02.01.0062": "Belanja Langganan Jurnal/Surat Kabar/Majalah",
    "5.1.02.02.01.0063": "Belanja Kawat/Faksimili/Internet/TV Berlangganan",
    "5.1.02.02.01.0064": "Belanja Paket/Pengiriman",
    "5.1.02.02.01.0067": "Belanja Pembayaran Pajak, Bea, dan Perizinan",  # *
    "5.1.02.02.04": "Belanja Sewa Peralatan dan Mesin",
    "5.1.02.02.04.0036": "Belanja Sewa Kendaraan Bermotor Penumpang",
    "5.1.02.02.05": "Belanja Sewa Gedung dan Bangunan",
    "5.1.02.02.05.0009": "Belanja Sewa Bangunan Gedung Tempat Pertemuan",
    "5.1.02.02.12": "Belanja Kursus/Pelatihan, Sosialisasi, Bimbingan Teknis serta Pendidikan dan Pelatihan",
    "5.1.02.02.12.0001": "Belanja Kursus Singkat/Pelatihan",
    "5.1.02.03": "Belanja Pemeliharaan",
    "5.1.02.03.02": "Belanja Pemeliharaan Peralatan dan Mesin",
    "5.1.02.03.02.0035": "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Dinas Bermotor Perorangan",  # *
    "5.1.02.03.02.0036": "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor Penumpang",
    "5.1.02.03.02.0117": "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Kantor-Alat Kantor Lainnya",
    "5.1.02.03.02.0121": "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Rumah Tangga-Alat Pendingin",
    "5.1.02.03.02.0405": "Belanja Pemeliharaan Komputer-Komputer Unit-Personal Computer",
    "5.1.02.03.03": "Belanja Pemeliharaan Gedung dan Bangunan",
    "5.1.02.03.03.0001": "Belanja Pemeliharaan Bangunan Gedung-Bangunan Gedung Tempat Kerja-Bangunan Gedung Kantor",
    "5.1.02.04": "Belanja Perjalanan Dinas",
    "5.1.02.04.01": "Belanja Perjalanan Dinas Dalam Negeri",
    "5.1.02.04.01.0001": "Belanja Perjalanan Dinas Biasa",
    "5.1.02.04.01.0003": "Belanja Perjalanan Dinas Dalam Kota",
    "5.1.02.05": "Belanja Uang dan/atau Jasa untuk Diberikan kepada Pihak Ketiga/Pihak Lain/Masyarakat",
    "5.1.02.05.01": "Belanja Uang yang Diberikan kepada Pihak Ketiga/Pihak Lain/Masyarakat",
    "5.1.02.05.01.0001": "Belanja Hadiah yang Bersifat Perlombaan",
    "5.1.02.05.02": "Belanja Jasa yang Diberikan kepada Pihak Ketiga/Pihak Lain/Masyarakat",
    "5.1.02.05.02.0002": "Belanja Jasa yang Diberikan kepada Masyarakat",
    "5.2.02": "Belanja Modal Peralatan dan Mesin",
    "5.2.02.02": "Belanja Modal Alat Angkutan",
    "5.2.02.02.01": "Belanja Modal Alat Angkutan Darat Bermotor",
    "5.2.02.02.01.0001": "Belanja Modal Kendaraan Dinas Bermotor Perorangan",  # *
    "5.2.02.05": "Belanja Modal Alat Kantor dan Rumah Tangga",
    "5.2.02.05.01": "Belanja Modal Alat Kantor",
    "5.2.02.05.01.0004": "Belanja Modal Alat Penyimpan Perlengkapan Kantor",
    "5.2.02.05.01.0005": "Belanja Modal Alat Kantor Lainnya",
    "5.2.02.05.02": "Belanja Modal Alat Rumah Tangga",
    "5.2.02.05.02.0001": "Belanja Modal Mebel",
    "5.2.02.05.02.0004": "Belanja Modal Alat Pendingin",
    "5.2.02.10": "Belanja Modal Komputer",
    "5.2.02.10.01": "Belanja Modal Komputer Unit",
    "5.2.02.10.01.0002": "Belanja Modal Personal Computer",
    "5.2.02.10.02": "Belanja Modal Peralatan Komputer",
    "5.2.02.10.02.0003": "Belanja Modal Peralatan Personal Computer",
    "5.2.03": "Belanja Modal Gedung dan Bangunan",
    "5.2.03.01": "Belanja Modal Bangunan Gedung",
    "5.2.03.01.01": "Belanja Modal Bangunan Gedung Tempat Kerja",
    "5.2.03.01.01.0037": "Belanja Modal Bangunan Gedung Tempat Kerja Lainnya",
    "5.2.04": "Belanja Modal Jalan, Jaringan, dan Irigasi",
    "5.2.04.01": "Belanja Modal Jalan dan Jembatan",
    "5.2.04.01.01": "Belanja Modal Jalan",
    "5.2.04.01.01.0010": "Belanja Modal Jalan Lainnya",
}

# ---------------------------------------------------------------------------------------
# Pola rincian (ilustratif). Tiap baris: (rekening, [#] kelompok, [-] keterangan, komponen,
# spesifikasi, satuan harga, volume [(angka, satuan)], harga, PPN %). Baris terakhir tiap pola
# berbentuk "1 Paket" dan menampung sisa agar jumlahnya tepat sama dengan pagu.
# ---------------------------------------------------------------------------------------
RAPAT = [
    ("5.1.02.01.01.0024", "Belanja ATK Kegiatan", "-", "Ballpoint", "Standard, tinta hitam", "Buah", [(24, "Buah")], 3500, 0),
    ("5.1.02.01.01.0024", "Belanja ATK Kegiatan", "-", "Map Plastik Kancing", "Ukuran folio", "Buah", [(30, "Buah")], 5000, 0),
    ("5.1.02.01.01.0024", "Belanja ATK Kegiatan", "-", "Buku Tulis Folio", "100 lembar", "Buah", [(6, "Buah")], 12500, 0),
    ("5.1.02.01.01.0025", "Belanja Kertas Kegiatan", "-", "Kertas HVS A4 70 gram", "1 rim 500 lembar", "Rim", [(6, "Rim")], 52000, 0),
    ("5.1.02.01.01.0026", "Penggandaan Bahan Rapat", "-", "Fotokopi Bahan Rapat", "Kertas HVS A4 hitam putih", "Lembar", [(1200, "Lembar")], 300, 0),
    ("5.1.02.01.01.0026", "Penggandaan Bahan Rapat", "-", "Penjilidan", "Jilid lakban", "Buah", [(30, "Buah")], 5000, 0),
    ("5.1.02.01.01.0052", "Rapat Koordinasi", "Peserta Rapat", "Kue Kotak Rapat", "3 macam kue dan air mineral", "Orang/Kali", [(30, "Orang"), (4, "Kali")], 15000, 0),
    ("5.1.02.01.01.0052", "Rapat Koordinasi", "Peserta Rapat", "Nasi Kotak Rapat", "Nasi, lauk, sayur, buah", "Orang/Kali", [(30, "Orang"), (4, "Kali")], 35000, 0),
    ("5.1.02.02.01.0003", "Narasumber", "-", "Honorarium Narasumber Pejabat Eselon III", "Per orang per jam", "OJ", [(2, "Orang"), (2, "Jam")], 900000, 0),
    ("5.1.02.04.01.0003", "Koordinasi Lapangan", "-", "Uang Transport Perjalanan Dinas Dalam Kota", "Lebih dari 8 jam", "Orang/Kali", [(4, "Orang"), (6, "Kali")], 150000, 0),
    ("5.1.02.01.01.0026", "Penggandaan Bahan Rapat", "-", "Penggandaan dan Penjilidan Dokumen", "Dokumen akhir", "Paket", [(1, "Paket")], 0, 0),
]
GAJI = [
    ("5.1.01.01.01.0001", "-", "-", "Gaji Pokok PNS", "Gaji 12 bulan, gaji ke-13 dan ke-14", "Orang/Bulan", [(38, "Orang"), (14, "Bulan")], 3650000, 0),
    ("5.1.01.01.02.0001", "-", "-", "Tunjangan Keluarga PNS", "Tunjangan istri/suami dan anak", "Orang/Bulan", [(38, "Orang"), (14, "Bulan")], 305000, 0),
    ("5.1.01.01.03.0001", "-", "-", "Tunjangan Jabatan PNS", "Jabatan struktural", "Orang/Bulan", [(12, "Orang"), (14, "Bulan")], 1250000, 0),
    ("5.1.01.01.05.0001", "-", "-", "Tunjangan Fungsional Umum PNS", "Pelaksana", "Orang/Bulan", [(26, "Orang"), (14, "Bulan")], 185000, 0),
    ("5.1.01.01.06.0001", "-", "-", "Tunjangan Beras PNS", "Pegawai dan keluarga", "Jiwa/Bulan", [(120, "Jiwa"), (12, "Bulan")], 72420, 0),
    ("5.1.01.01.07.0001", "-", "-", "Tunjangan PPh/Tunjangan Khusus PNS", "PPh Pasal 21", "Orang/Bulan", [(38, "Orang"), (14, "Bulan")], 95000, 0),
    ("5.1.01.01.08.0001", "-", "-", "Pembulatan Gaji PNS", "Pembulatan", "Orang/Bulan", [(38, "Orang"), (14, "Bulan")], 500, 0),
    ("5.1.01.02.01.0001", "-", "-", "Tambahan Penghasilan berdasarkan Beban Kerja PNS", "TPP", "Orang/Bulan", [(38, "Orang"), (12, "Bulan")], 4250000, 0),
    ("5.1.01.03.07.0001", "-", "-", "Honorarium Pengelola Keuangan", "PPK-SKPD dan Bendahara", "Orang/Bulan", [(3, "Orang"), (12, "Bulan")], 750000, 0),
    ("5.1.01.01.01.0001", "-", "-", "Gaji Pokok PNS (Kekurangan Gaji)", "Kenaikan pangkat dan gaji berkala", "Paket", [(1, "Paket")], 0, 0),
]
PAKAIAN = [
    ("5.1.02.01.01.0063", "Pakaian Dinas Harian", "-", "Pakaian Dinas Harian (PDH)", "Bahan drill, termasuk jahit", "Stel", [(38, "Stel")], 450000, 0),
    ("5.1.02.01.01.0063", "Pakaian Dinas Harian", "-", "Pakaian Batik Khas Bontang", "Katun, termasuk jahit", "Stel", [(38, "Stel")], 350000, 0),
    ("5.1.02.01.01.0032", "Atribut", "-", "Atribut Pakaian Dinas", "Papan nama, lencana, tanda jabatan", "Set", [(38, "Set")], 75000, 0),
    ("5.1.02.01.01.0032", "Atribut", "-", "Sepatu Dinas", "Kulit, hitam", "Pasang", [(38, "Pasang")], 425000, 0),
    ("5.1.02.01.01.0032", "Atribut", "-", "Perlengkapan Pakaian Dinas Lainnya", "Ikat pinggang dan topi", "Paket", [(1, "Paket")], 0, 0),
]
DIKLAT = [
    ("5.1.02.02.12.0001", "Diklat Teknis", "-", "Kontribusi Pelatihan/Bimbingan Teknis", "Per peserta", "Orang/Kegiatan", [(12, "Orang"), (2, "Kegiatan")], 3500000, 0),
    ("5.1.02.04.01.0001", "Diklat Teknis", "-", "Uang Harian Perjalanan Dinas Luar Daerah", "Provinsi tujuan", "OH", [(12, "Orang"), (4, "Hari")], 430000, 0),
    ("5.1.02.04.01.0001", "Diklat Teknis", "-", "Biaya Penginapan", "Hotel setara bintang 3", "OH", [(12, "Orang"), (3, "Hari")], 850000, 0),
    ("5.1.02.04.01.0001", "Diklat Teknis", "-", "Tiket Pesawat Balikpapan - Jakarta PP", "Kelas ekonomi", "Orang/Kali", [(12, "Orang"), (2, "Kali")], 3500000, 0),
    ("5.1.02.04.01.0001", "Diklat Teknis", "-", "Transport Bontang - Balikpapan PP", "Kendaraan umum", "Orang/Kali", [(12, "Orang"), (2, "Kali")], 600000, 0),
    ("5.1.02.04.01.0001", "Diklat Teknis", "-", "Biaya Representasi dan Lain-lain", "Sesuai SBU", "Paket", [(1, "Paket")], 0, 0),
]
LISTRIK = [
    ("5.1.02.01.01.0031", "Komponen Listrik", "-", "Lampu LED 18 Watt", "Fitting E27", "Buah", [(60, "Buah")], 65000, 0),
    ("5.1.02.01.01.0031", "Komponen Listrik", "-", "Kabel NYM 2 x 1,5 mm", "1 roll 50 meter", "Roll", [(4, "Roll")], 450000, 0),
    ("5.1.02.01.01.0031", "Komponen Listrik", "-", "Stop Kontak dan Saklar", "Tanam dinding", "Buah", [(30, "Buah")], 35000, 0),
    ("5.1.02.01.01.0031", "Komponen Listrik", "-", "MCB 16 Ampere", "1 phase", "Buah", [(6, "Buah")], 95000, 0),
    ("5.1.02.01.01.0031", "Komponen Listrik", "-", "Komponen Listrik Lainnya", "Isolasi, klem, fitting", "Paket", [(1, "Paket")], 0, 0),
]
PERALATAN = [
    ("5.2.02.10.01.0002", "Pengadaan Komputer", "-", "Personal Computer All in One", "Core i5, RAM 8 GB, SSD 512 GB", "Unit", [(6, "Unit")], 14500000, 11),
    ("5.2.02.10.02.0003", "Pengadaan Komputer", "-", "Printer Inkjet", "Print, scan, copy", "Unit", [(6, "Unit")], 3900000, 11),
    ("5.2.02.05.02.0004", "Pengadaan Alat Pendingin", "-", "AC Split 1 PK", "Termasuk pemasangan", "Unit", [(4, "Unit")], 5200000, 11),
    ("5.2.02.05.02.0001", "Pengadaan Mebel", "-", "Kursi Kerja Staf", "Beroda, sandaran jaring", "Buah", [(20, "Buah")], 1250000, 0),
    ("5.2.02.05.01.0004", "Pengadaan Alat Kantor", "-", "Lemari Arsip Besi", "4 laci", "Unit", [(6, "Unit")], 3450000, 0),
    ("5.1.02.01.01.0030", "Perabot Kantor", "-", "Dispenser Air", "Panas dan dingin", "Unit", [(4, "Unit")], 850000, 0),
    ("5.1.02.01.01.0036", "Perlengkapan Kantor", "-", "Perlengkapan Kantor Lainnya", "Papan informasi, jam dinding", "Paket", [(1, "Paket")], 0, 0),
]
LOGISTIK = [
    ("5.1.02.01.01.0024", "Kebutuhan Kantor", "-", "Ballpoint", "Standard, tinta hitam", "Kotak", [(20, "Kotak")], 42000, 0),
    ("5.1.02.01.01.0024", "Kebutuhan Kantor", "-", "Ordner", "Folio", "Buah", [(80, "Buah")], 32500, 0),
    ("5.1.02.01.01.0024", "Kebutuhan Kantor", "-", "Spidol Whiteboard", "Warna hitam/biru", "Buah", [(48, "Buah")], 9500, 0),
    ("5.1.02.01.01.0025", "Kebutuhan Kantor", "-", "Kertas HVS A4 70 gram", "1 rim 500 lembar", "Rim", [(150, "Rim")], 52000, 0),
    ("5.1.02.01.01.0025", "Kebutuhan Kantor", "-", "Kertas HVS F4 70 gram", "1 rim 500 lembar", "Rim", [(100, "Rim")], 56000, 0),
    ("5.1.02.01.01.0029", "Kebutuhan Kantor", "-", "Tinta Printer", "Botol 70 ml", "Botol", [(60, "Botol")], 110000, 0),
    ("5.1.02.01.01.0010", "Kebutuhan Dapur Kantor", "-", "Isi Ulang Gas Elpiji 12 Kg", "Tabung 12 kg", "Tabung", [(12, "Tabung")], 210000, 0),
    ("5.1.02.01.01.0012", "Kebutuhan Kantor", "-", "Air Mineral Galon", "19 liter", "Galon/Bulan", [(20, "Galon"), (12, "Bulan")], 20000, 0),
    ("5.1.02.01.01.0012", "Kebutuhan Kantor", "-", "Bahan Pembersih Kantor", "Sabun, pewangi, pembersih lantai", "Paket", [(1, "Paket")], 0, 0),
]
CETAK = [
    ("5.1.02.01.01.0026", "Barang Cetakan", "-", "Cetak Map Kop Kecamatan", "Art carton 260 gram", "Lembar", [(1000, "Lembar")], 4500, 0),
    ("5.1.02.01.01.0026", "Barang Cetakan", "-", "Cetak Amplop Kop", "Ukuran kabinet", "Lembar", [(2000, "Lembar")], 1200, 0),
    ("5.1.02.01.01.0026", "Penggandaan", "-", "Fotokopi", "Kertas HVS A4 hitam putih", "Lembar", [(30000, "Lembar")], 300, 0),
    ("5.1.02.01.01.0026", "Barang Cetakan", "-", "Cetak Spanduk", "Flexi 280 gram", "Meter Persegi", [(40, "Meter Persegi")], 45000, 0),
    ("5.1.02.01.01.0026", "Barang Cetakan", "-", "Cetakan Lainnya", "Blangko dan formulir", "Paket", [(1, "Paket")], 0, 0),
]
BACAAN = [
    ("5.1.02.02.01.0062", "Langganan", "-", "Langganan Surat Kabar Harian Lokal", "Terbit harian", "Eksemplar/Bulan", [(2, "Eksemplar"), (12, "Bulan")], 200000, 0),
    ("5.1.02.02.01.0062", "Langganan", "-", "Langganan Surat Kabar Nasional", "Terbit harian", "Eksemplar/Bulan", [(1, "Eksemplar"), (12, "Bulan")], 125000, 0),
    ("5.1.02.02.01.0062", "Langganan", "-", "Langganan Majalah", "Terbit bulanan", "Paket", [(1, "Paket")], 0, 0),
]
KONSULTASI = [
    ("5.1.02.04.01.0001", "Konsultasi ke Provinsi", "-", "Uang Harian Perjalanan Dinas Dalam Provinsi", "Samarinda", "OH", [(4, "Orang"), (2, "Hari")], 380000, 0),
    ("5.1.02.04.01.0001", "Konsultasi ke Provinsi", "-", "Biaya Penginapan Dalam Provinsi", "Samarinda", "OH", [(4, "Orang"), (1, "Hari")], 650000, 0),
    ("5.1.02.04.01.0001", "Konsultasi ke Pusat", "-", "Uang Harian Perjalanan Dinas Luar Daerah", "Jakarta", "OH", [(3, "Orang"), (3, "Hari")], 530000, 0),
    ("5.1.02.04.01.0001", "Konsultasi ke Pusat", "-", "Tiket Pesawat Balikpapan - Jakarta PP", "Kelas ekonomi", "Orang/Kali", [(3, "Orang"), (1, "Kali")], 3500000, 0),
    ("5.1.02.04.01.0003", "Rapat Koordinasi Dalam Daerah", "-", "Uang Transport Perjalanan Dinas Dalam Kota", "Lebih dari 8 jam", "Orang/Kali", [(10, "Orang"), (12, "Kali")], 150000, 0),
    ("5.1.02.01.01.0052", "Rapat Koordinasi Dalam Daerah", "-", "Kue Kotak Rapat", "3 macam kue dan air mineral", "Orang/Kali", [(25, "Orang"), (12, "Kali")], 15000, 0),
    ("5.1.02.01.01.0053", "Jamuan Tamu", "-", "Makan Minum Jamuan Tamu", "Tamu kecamatan", "Orang/Kali", [(20, "Orang"), (12, "Kali")], 50000, 0),
    ("5.1.02.04.01.0001", "Konsultasi ke Provinsi", "-", "Transport Bontang - Samarinda PP", "Kendaraan umum", "Paket", [(1, "Paket")], 0, 0),
]
KENDARAAN = [
    ("5.2.02.02.01.0001", "Pengadaan Kendaraan Dinas", "-", "Sepeda Motor Dinas 150 cc", "Termasuk BBN dan plat merah", "Unit", [(1, "Unit")], 32500000, 0),
    ("5.2.02.02.01.0001", "Pengadaan Kendaraan Dinas", "-", "Perlengkapan Kendaraan", "Helm, box, jas hujan", "Paket", [(1, "Paket")], 0, 0),
]
SARPRAS = [
    ("5.2.02.05.02.0004", "Sarana Gedung Kantor", "-", "AC Split 2 PK", "Termasuk pemasangan", "Unit", [(3, "Unit")], 9800000, 0),
    ("5.2.02.05.02.0001", "Sarana Gedung Kantor", "-", "Meja Rapat", "Kayu, 8 orang", "Buah", [(2, "Buah")], 6750000, 0),
    ("5.2.02.05.02.0001", "Sarana Gedung Kantor", "-", "Kursi Tunggu Stainless", "3 dudukan", "Buah", [(6, "Buah")], 2150000, 0),
    ("5.2.02.05.01.0005", "Sarana Gedung Kantor", "-", "Sarana Pendukung Lainnya", "Papan nama dan rambu", "Paket", [(1, "Paket")], 0, 0),
]
SURAT = [
    ("5.1.02.01.01.0027", "Surat Menyurat", "-", "Meterai", "Rp10.000", "Lembar", [(100, "Lembar")], 10000, 0),
    ("5.1.02.02.01.0064", "Surat Menyurat", "-", "Pengiriman Surat Dinas", "Pos kilat", "Paket", [(1, "Paket")], 0, 0),
]
UTILITAS = [
    ("5.1.02.02.01.0061", "Listrik", "-", "Tagihan Listrik Kantor", "Kantor camat dan aula", "Bulan", [(12, "Bulan")], 12500000, 0),
    ("5.1.02.02.01.0060", "Air", "-", "Tagihan Air PDAM", "Kantor camat", "Bulan", [(12, "Bulan")], 1250000, 0),
    ("5.1.02.02.01.0059", "Telepon", "-", "Tagihan Telepon Kantor", "2 sambungan", "Bulan", [(12, "Bulan")], 450000, 0),
    ("5.1.02.02.01.0063", "Internet", "-", "Langganan Internet Kantor", "50 Mbps", "Bulan", [(12, "Bulan")], 3500000, 0),
    ("5.1.02.02.01.0061", "Listrik", "-", "Tagihan Listrik Penerangan Lainnya", "Pos dan taman", "Paket", [(1, "Paket")], 0, 0),
]
PELAYANAN = [
    ("5.1.02.02.01.0026", "Tenaga Pendukung", "Non ASN", "Jasa Tenaga Administrasi", "Pendidikan SMA/D3", "Orang/Bulan", [(40, "Orang"), (12, "Bulan")], 3700000, 0),
    ("5.1.02.02.01.0030", "Tenaga Pendukung", "Non ASN", "Jasa Tenaga Kebersihan", "Kantor dan halaman", "Orang/Bulan", [(12, "Orang"), (12, "Bulan")], 3500000, 0),
    ("5.1.02.02.01.0031", "Tenaga Pendukung", "Non ASN", "Jasa Tenaga Keamanan", "Shift 24 jam", "Orang/Bulan", [(8, "Orang"), (12, "Bulan")], 3500000, 0),
    ("5.1.02.02.01.0033", "Tenaga Pendukung", "Non ASN", "Jasa Tenaga Supir", "SIM A", "Orang/Bulan", [(4, "Orang"), (12, "Bulan")], 3500000, 0),
    ("5.1.02.02.01.0028", "Tenaga Pendukung", "Non ASN", "Jasa Tenaga Pelayanan Umum", "Front office", "Orang/Bulan", [(6, "Orang"), (12, "Bulan")], 3500000, 0),
    ("5.1.02.01.01.0053", "Jamuan Tamu", "-", "Makan Minum Jamuan Tamu", "Tamu kecamatan", "Orang/Kali", [(20, "Orang"), (24, "Kali")], 50000, 0),
    ("5.1.02.02.01.0026", "Tenaga Pendukung", "Non ASN", "Tunjangan Hari Raya Tenaga Pendukung", "Sesuai peraturan wali kota", "Paket", [(1, "Paket")], 0, 0),
]
KENDARAAN_PELIHARA = [
    ("5.1.02.01.01.0004", "Operasional Kendaraan", "-", "Bahan Bakar Pertalite", "Kendaraan roda dua", "Liter", [(17, "Unit"), (12, "Bulan"), (30, "Liter")], 7650, 0),
    ("5.1.02.03.02.0035", "Operasional Kendaraan", "-", "Servis Berkala Kendaraan Roda Dua", "Ganti oli dan tune up", "Unit/Kali", [(17, "Unit"), (4, "Kali")], 350000, 0),
    ("5.1.02.02.01.0067", "Pajak Kendaraan", "-", "Pajak Kendaraan Bermotor Roda Dua", "PKB dan SWDKLLJ", "Unit/Tahun", [(17, "Unit")], 285000, 0),
    ("5.1.02.03.02.0035", "Operasional Kendaraan", "-", "Suku Cadang Kendaraan", "Ban, aki, kampas rem", "Paket", [(1, "Paket")], 0, 0),
]
GEDUNG = [
    ("5.1.02.03.03.0001", "Pemeliharaan Gedung Kantor", "-", "Pengecatan Gedung Kantor", "Cat tembok eksterior, termasuk upah", "Meter Persegi", [(900, "Meter Persegi")], 85000, 0),
    ("5.1.02.03.03.0001", "Pemeliharaan Gedung Kantor", "-", "Perbaikan Plafon", "Gypsum 9 mm", "Meter Persegi", [(250, "Meter Persegi")], 175000, 0),
    ("5.1.02.01.01.0001", "Bahan Pemeliharaan", "-", "Semen 50 Kg", "Portland", "Sak", [(60, "Sak")], 78000, 0),
    ("5.1.02.02.01.0016", "Tenaga Pemeliharaan", "-", "Jasa Tenaga Penanganan Prasarana", "Tukang harian", "OH", [(4, "Orang"), (20, "Hari")], 175000, 0),
    ("5.1.02.03.03.0001", "Pemeliharaan Gedung Kantor", "-", "Perbaikan Atap dan Talang", "Termasuk bahan", "Paket", [(1, "Paket")], 0, 0),
]
GEDUNG_PENDUKUNG = [
    ("5.1.02.03.02.0121", "Pemeliharaan Peralatan", "-", "Servis AC Split", "Cuci dan isi freon", "Unit/Kali", [(24, "Unit"), (4, "Kali")], 150000, 0),
    ("5.1.02.03.02.0405", "Pemeliharaan Peralatan", "-", "Servis Komputer", "Termasuk suku cadang ringan", "Unit/Kali", [(30, "Unit"), (2, "Kali")], 250000, 0),
    ("5.1.02.03.02.0117", "Pemeliharaan Peralatan", "-", "Servis Mesin Fotokopi", "Kontrak servis", "Kali", [(6, "Kali")], 1500000, 0),
    ("5.1.02.03.02.0117", "Pemeliharaan Peralatan", "-", "Pemeliharaan Peralatan Lainnya", "Genset dan pompa air", "Paket", [(1, "Paket")], 0, 0),
]
LEMBAGA = [
    ("5.1.02.05.02.0002", "Operasional Lembaga Kemasyarakatan", "Rukun Tetangga", "Insentif Ketua RT", "Sesuai keputusan wali kota", "Orang/Bulan", [(30, "Orang"), (12, "Bulan")], 1000000, 0),
    ("5.1.02.05.02.0002", "Operasional Lembaga Kemasyarakatan", "LPM", "Operasional LPM", "Per bulan", "Bulan", [(12, "Bulan")], 1500000, 0),
    ("5.1.02.01.01.0052", "Rapat Lembaga Kemasyarakatan", "-", "Kue Kotak Rapat", "3 macam kue dan air mineral", "Orang/Kali", [(40, "Orang"), (4, "Kali")], 15000, 0),
    ("5.1.02.01.01.0024", "Rapat Lembaga Kemasyarakatan", "-", "Buku Administrasi RT", "Buku register", "Buah", [(30, "Buah")], 25000, 0),
    ("5.1.02.05.02.0002", "Operasional Lembaga Kemasyarakatan", "PKK", "Operasional Tim Penggerak PKK", "Per tahun", "Paket", [(1, "Paket")], 0, 0),
]
USAHA = [
    ("5.1.02.01.01.0039", "Bantuan Peralatan Usaha", "Kelompok UMKM", "Peralatan Usaha Kelompok", "Diserahkan kepada kelompok", "Paket", [(12, "Paket")], 2500000, 0),
    ("5.1.02.02.01.0003", "Pelatihan Usaha", "-", "Honorarium Narasumber Pelatihan", "Per orang per jam", "OJ", [(2, "Orang"), (4, "Jam")], 700000, 0),
    ("5.1.02.01.01.0052", "Pelatihan Usaha", "-", "Nasi Kotak Peserta Pelatihan", "Nasi, lauk, sayur, buah", "Orang/Kali", [(40, "Orang"), (3, "Kali")], 35000, 0),
    ("5.1.02.01.01.0012", "Pelatihan Usaha", "-", "Bahan Praktik Pelatihan", "Bahan olahan pangan", "Orang", [(40, "Orang")], 150000, 0),
    ("5.1.02.01.01.0039", "Bantuan Peralatan Usaha", "Kelompok UMKM", "Bahan Baku Usaha Kelompok", "Diserahkan kepada kelompok", "Paket", [(1, "Paket")], 0, 0),
]
PEMBANGUNAN = [
    ("5.2.04.01.01.0010", "Pembangunan Jalan Lingkungan", "RT 05", "Pemasangan Paving Block", "K-300, tebal 8 cm, termasuk upah", "Meter Persegi", [(900, "Meter Persegi")], 165000, 0),
    ("5.2.04.01.01.0010", "Pembangunan Jalan Lingkungan", "RT 12", "Semenisasi Jalan Lingkungan", "Beton K-225, tebal 12 cm", "Meter Persegi", [(600, "Meter Persegi")], 185000, 0),
    ("5.2.04.01.01.0010", "Drainase Lingkungan", "RT 08", "Rehabilitasi Drainase U-Ditch", "40 x 40 cm, termasuk upah", "Meter", [(150, "Meter")], 1350000, 0),
    ("5.2.03.01.01.0037", "Bangunan Lingkungan", "-", "Pembangunan Gapura", "Konstruksi beton", "Unit", [(1, "Unit")], 45000000, 0),
    ("5.2.04.01.01.0010", "Pembangunan Jalan Lingkungan", "-", "Perbaikan Jembatan Lingkungan", "Kayu ulin, termasuk upah", "Paket", [(1, "Paket")], 0, 0),
]
POKMAS = [
    ("5.1.02.01.01.0039", "Bantuan Pokmas", "Kelompok Masyarakat", "Kendaraan Roda Tiga", "Diserahkan kepada pokmas", "Unit", [(1, "Unit")], 32000000, 0),
    ("5.1.02.01.01.0039", "Bantuan Pokmas", "Kelompok Masyarakat", "Perlengkapan Pos Keamanan Lingkungan", "Senter, pentungan, HT", "Paket", [(4, "Paket")], 6500000, 0),
    ("5.1.02.01.01.0052", "Pembinaan Pokmas", "-", "Kue Kotak Rapat", "3 macam kue dan air mineral", "Orang/Kali", [(40, "Orang"), (4, "Kali")], 15000, 0),
    ("5.1.02.02.01.0003", "Pembinaan Pokmas", "-", "Honorarium Narasumber", "Per orang per jam", "OJ", [(1, "Orang"), (4, "Jam")], 700000, 0),
    ("5.1.02.01.01.0039", "Bantuan Pokmas", "Kelompok Masyarakat", "Peralatan Kebersihan Lingkungan", "Gerobak, sapu, cangkul", "Paket", [(1, "Paket")], 0, 0),
]
TRANTIB = [
    ("5.1.02.01.01.0058", "Patroli Gabungan", "-", "Makan Minum Petugas Patroli", "Nasi kotak", "Orang/Kali", [(15, "Orang"), (12, "Kali")], 35000, 0),
    ("5.1.02.04.01.0003", "Patroli Gabungan", "-", "Uang Transport Petugas", "Lebih dari 8 jam", "Orang/Kali", [(10, "Orang"), (12, "Kali")], 150000, 0),
    ("5.1.02.01.01.0052", "Rapat Koordinasi Trantibum", "-", "Kue Kotak Rapat", "3 macam kue dan air mineral", "Orang/Kali", [(30, "Orang"), (4, "Kali")], 15000, 0),
    ("5.1.02.01.01.0032", "Perlengkapan Petugas", "-", "Rompi dan Senter Petugas", "Rompi reflektor", "Paket", [(1, "Paket")], 0, 0),
]
KEBANGSAAN = [
    ("5.1.02.02.05.0009", "Sosialisasi Wawasan Kebangsaan", "-", "Sewa Gedung Pertemuan", "Kapasitas 150 orang", "Hari", [(2, "Hari")], 3500000, 0),
    ("5.1.02.02.01.0003", "Sosialisasi Wawasan Kebangsaan", "-", "Honorarium Narasumber", "Per orang per jam", "OJ", [(3, "Orang"), (2, "Jam")], 900000, 0),
    ("5.1.02.01.01.0052", "Sosialisasi Wawasan Kebangsaan", "Peserta", "Nasi Kotak Peserta", "Nasi, lauk, sayur, buah", "Orang/Kali", [(100, "Orang"), (2, "Kali")], 35000, 0),
    ("5.1.02.01.01.0052", "Sosialisasi Wawasan Kebangsaan", "Peserta", "Kue Kotak Peserta", "3 macam kue dan air mineral", "Orang/Kali", [(100, "Orang"), (2, "Kali")], 15000, 0),
    ("5.1.02.01.01.0035", "Sosialisasi Wawasan Kebangsaan", "-", "Bendera Merah Putih", "Kain, 90 x 60 cm", "Buah", [(100, "Buah")], 45000, 0),
    ("5.1.02.01.01.0026", "Sosialisasi Wawasan Kebangsaan", "-", "Cetak Spanduk dan Materi", "Flexi dan fotokopi", "Paket", [(1, "Paket")], 0, 0),
]
MUSRENBANG = [
    ("5.1.02.01.01.0052", "Musyawarah Perencanaan Pembangunan", "Peserta", "Nasi Kotak Peserta", "Nasi, lauk, sayur, buah", "Orang/Kali", [(75, "Orang"), (1, "Kali")], 35000, 0),
    ("5.1.02.01.01.0052", "Musyawarah Perencanaan Pembangunan", "Peserta", "Kue Kotak Peserta", "3 macam kue dan air mineral", "Orang/Kali", [(75, "Orang"), (2, "Kali")], 15000, 0),
    ("5.1.02.01.01.0024", "Musyawarah Perencanaan Pembangunan", "-", "Map dan Ballpoint Peserta", "1 set per peserta", "Set", [(75, "Set")], 12500, 0),
    ("5.1.02.01.01.0026", "Musyawarah Perencanaan Pembangunan", "-", "Cetak Spanduk Musrenbang", "Flexi 280 gram", "Meter Persegi", [(6, "Meter Persegi")], 45000, 0),
    ("5.1.02.02.01.0003", "Musyawarah Perencanaan Pembangunan", "-", "Honorarium Narasumber", "Per orang per jam", "OJ", [(2, "Orang"), (2, "Jam")], 700000, 0),
    ("5.1.02.01.01.0026", "Musyawarah Perencanaan Pembangunan", "-", "Penggandaan Hasil Musrenbang", "Dokumen", "Paket", [(1, "Paket")], 0, 0),
]

LAYANAN = [
    ("5.1.02.02.01.0026", "Tenaga Pendukung Pelayanan", "Non ASN", "Jasa Tenaga Administrasi", "Pelayanan administrasi", "Orang/Bulan", [(6, "Orang"), (12, "Bulan")], 3700000, 0),
    ("5.1.02.02.01.0030", "Tenaga Pendukung Pelayanan", "Non ASN", "Jasa Tenaga Kebersihan", "Kantor dan halaman", "Orang/Bulan", [(2, "Orang"), (12, "Bulan")], 3500000, 0),
    ("5.1.02.02.01.0031", "Tenaga Pendukung Pelayanan", "Non ASN", "Jasa Tenaga Keamanan", "Shift malam", "Orang/Bulan", [(2, "Orang"), (12, "Bulan")], 3500000, 0),
    ("5.1.02.02.01.0061", "Utilitas Kantor", "-", "Tagihan Listrik Kantor", "Kantor pelayanan", "Bulan", [(12, "Bulan")], 2500000, 0),
    ("5.1.02.02.01.0063", "Utilitas Kantor", "-", "Langganan Internet Kantor", "20 Mbps", "Bulan", [(12, "Bulan")], 750000, 0),
    ("5.1.02.01.01.0024", "Kebutuhan Pelayanan", "-", "Alat Tulis Kantor Pelayanan", "Ballpoint, map, ordner", "Paket/Bulan", [(1, "Paket"), (12, "Bulan")], 850000, 0),
    ("5.1.02.01.01.0025", "Kebutuhan Pelayanan", "-", "Kertas HVS A4 70 gram", "1 rim 500 lembar", "Rim", [(60, "Rim")], 52000, 0),
    ("5.1.02.01.01.0052", "Rapat Pelayanan", "-", "Kue Kotak Rapat", "3 macam kue dan air mineral", "Orang/Kali", [(20, "Orang"), (12, "Kali")], 15000, 0),
    ("5.1.02.01.01.0004", "Operasional Pelayanan", "-", "Bahan Bakar Pertalite", "Kendaraan operasional", "Liter", [(2, "Unit"), (12, "Bulan"), (40, "Liter")], 7650, 0),
    ("5.1.02.02.01.0026", "Tenaga Pendukung Pelayanan", "Non ASN", "Tunjangan Hari Raya Tenaga Pendukung", "Sesuai peraturan wali kota", "Paket", [(1, "Paket")], 0, 0),
]

POLA = [  # (kata dalam nama sub kegiatan, pola, pola bulanan)
    ("gaji dan tunjangan", GAJI, "rutin"),
    ("pemeliharaan, biaya pemeliharaan", KENDARAAN_PELIHARA, "rutin"),
    ("pakaian dinas", PAKAIAN, "modal"),
    ("pendidikan dan pelatihan", DIKLAT, "kegiatan"),
    ("instalasi listrik", LISTRIK, "kegiatan"),
    ("peralatan dan perlengkapan kantor", PERALATAN, "modal"),
    ("bahan logistik", LOGISTIK, "rutin"),
    ("barang cetak", CETAK, "rutin"),
    ("bahan bacaan", BACAAN, "rutin"),
    ("rapat koordinasi dan konsultasi", KONSULTASI, "rutin"),
    ("kendaraan perorangan dinas atau kendaraan dinas jabatan", KENDARAAN, "modal"),
    ("pengadaan sarana dan prasarana pendukung gedung", SARPRAS, "modal"),
    ("surat menyurat", SURAT, "rutin"),
    ("sumber daya air dan listrik", UTILITAS, "rutin"),
    ("pelayanan umum kantor", PELAYANAN, "rutin"),
    ("rehabilitasi sarana dan prasarana gedung", GEDUNG, "modal"),
    ("rehabilitasi sarana dan prasarana pendukung", GEDUNG_PENDUKUNG, "kegiatan"),
    ("lembaga kemasyarakatan", LEMBAGA, "rutin"),
    ("efektifitas pelaksanaan pelayanan", LAYANAN, "rutin"),
    ("usaha ekonomi", USAHA, "kegiatan"),
    ("pembangunan sarana dan prasarana kelurahan", PEMBANGUNAN, "modal"),
    ("pemberdayaan masyarakat di kelurahan", POKMAS, "kegiatan"),
    ("forum musyawarah", MUSRENBANG, "kegiatan"),
    ("sinergitas", TRANTIB, "kegiatan"),
    ("kepolisian", TRANTIB, "kegiatan"),
    ("wawasan kebangsaan", KEBANGSAAN, "kegiatan"),
]


def pola_untuk(nama):
    n = nama.lower()
    for kata, pola, bulanan in POLA:
        if kata in n:
            return pola, bulanan
    return RAPAT, "kegiatan"


def benih(teks):
    return zlib.crc32(teks.encode("utf-8"))


# ---------------------------------------------------------------------------------------
# Angka
# ---------------------------------------------------------------------------------------
def angka_id(t):
    """'30.177.653.595,00' -> Decimal('30177653595.00')."""
    return Decimal(t.strip().replace(".", "").replace(",", "."))


def rupiah(d, rp=""):
    """Decimal bulat -> '1.234.567' (gaya Indonesia)."""
    d = Decimal(d)
    assert d == d.to_integral_value(), d
    s = f"{int(d):,}".replace(",", ".")
    return rp + s


def teks_angka(d):
    """Volume: 2 -> '2', 1.5 -> '1,5'."""
    d = Decimal(d).normalize()
    s = format(d, "f")
    return s.replace(".", ",")


# ---------------------------------------------------------------------------------------
# Struktur data
# ---------------------------------------------------------------------------------------
class Item:
    def __init__(self, rek, kel, ket, komponen, spek, satuan, vols, harga, ppn):
        self.rek, self.kel, self.ket = rek, kel, ket
        self.komponen, self.spek, self.satuan = komponen, spek, satuan
        self.vols = [(Decimal(v), u) for v, u in vols]
        self.harga = Decimal(harga)
        self.ppn = Decimal(ppn)

    @property
    def koef(self):
        k = Decimal(1)
        for v, _ in self.vols:
            k *= v
        return k

    @property
    def koef_teks(self):
        return " x ".join(f"{teks_angka(v)} {u}" for v, u in self.vols)

    @property
    def dasar(self):
        return self.koef * self.harga

    @property
    def pajak(self):
        return self.dasar * self.ppn / Decimal(100)

    @property
    def jumlah(self):
        j = self.dasar + self.pajak
        assert j == j.to_integral_value(), (self.komponen, j)
        return j


WAKTU = {"Bulan", "Tahun"}


def skala_item(b, skala):
    """Satu baris pola diskalakan ke pagu: volume yang bukan waktu (Orang, Unit, Rim, Kali)
    dikalikan `skala`; baris yang volumenya hanya waktu (12 Bulan) diskalakan harganya."""
    vols = [(Decimal(v), u) for v, u in b[6]]
    harga = Decimal(b[7])
    idx = [i for i, (_, u) in enumerate(vols) if u not in WAKTU]
    if not idx:
        harga = (harga * skala / 1000).to_integral_value(rounding="ROUND_FLOOR") * 1000
        if harga < 1000:
            return None
    elif skala >= 1 or len(idx) == 1:
        i = idx[0]
        v = (vols[i][0] * skala).to_integral_value(rounding="ROUND_FLOOR")
        if v < (2 if vols[i][0] >= 10 else 1):
            return None  # terlalu kecil untuk pagu ini: baris tidak dianggarkan
        vols[i] = (v, vols[i][1])
    else:
        akar = skala.sqrt()  # pagu kecil: kecilkan dua volume (orang dan kali), tidak hanya satu
        for i in idx[:2]:
            vols[i] = (max(Decimal(1), (vols[i][0] * akar).to_integral_value(rounding="ROUND_FLOOR")), vols[i][1])
    return Item(b[0], b[1], b[2], b[3], b[4], b[5], vols, harga, b[8])


def susun_rincian(kode_sub, nama_sub, pagu):
    """Baris rincian ilustratif yang berjumlah tepat `pagu`."""
    if pagu == 0:
        return [], "rutin"
    pola, bulanan = pola_untuk(nama_sub)
    tetap, sisa = pola[:-1], pola[-1]
    dasar = Decimal(0)
    for b in tetap:
        k = Decimal(1)
        for v, _ in b[6]:
            k *= Decimal(v)
        dasar += k * Decimal(b[7]) * (1 + Decimal(b[8]) / 100)
    skala = (pagu * Decimal("0.9")) / dasar
    items = [it for it in (skala_item(b, skala) for b in tetap) if it is not None]
    while items and sum(i.jumlah for i in items) > pagu * Decimal("0.95"):
        items.remove(max(items, key=lambda i: i.jumlah))  # baris terbesar tidak muat di pagu ini
    # isi celah sampai sekitar 95 % pagu dengan menambah volume bukan-waktu pertama tiap baris
    for n, it in enumerate(items):
        celah = pagu * Decimal("0.95") - sum(i.jumlah for i in items)
        if celah <= 0:
            break
        idx = [i for i, (_, u) in enumerate(it.vols) if u not in WAKTU]
        if not idx:
            continue
        i = idx[0]
        per_unit = it.jumlah / it.vols[i][0]
        tambah = (celah / (len(items) - n) / per_unit).to_integral_value(rounding="ROUND_FLOOR")
        if tambah > 0:
            it.vols[i] = (it.vols[i][0] + tambah, it.vols[i][1])
    r = pagu - sum(i.jumlah for i in items)
    assert r >= 0
    if r > 0:
        items.append(Item(sisa[0], sisa[1], sisa[2], sisa[3], sisa[4], sisa[5], [(1, "Paket")], r, 0))
    assert sum(i.jumlah for i in items) == pagu
    return items, bulanan


POLA_BULAN = {
    "rutin": [1] * 12,
    "kegiatan": [0, 0, 2, 3, 2, 1, 2, 3, 2, 1, 0, 0],
    "modal": [0, 0, 0, 0, 1, 2, 3, 2, 0, 0, 0, 0],
}


def bagi_bulan(jumlah, bulanan, geser=0):
    """Bagi `jumlah` (rupiah bulat) ke 12 bulan menurut pola; sisa ke bulan terakhir berbobot."""
    w = POLA_BULAN[bulanan]
    w = w[-geser:] + w[:-geser] if geser else list(w)
    total_w = sum(w)
    hasil = [Decimal(0)] * 12
    if jumlah == 0:
        return hasil
    for m in range(12):
        if w[m]:
            hasil[m] = (jumlah * w[m] / total_w).to_integral_value(rounding="ROUND_FLOOR")
    akhir = max(m for m in range(12) if w[m])
    hasil[akhir] += jumlah - sum(hasil)
    assert sum(hasil) == jumlah
    return hasil


# ---------------------------------------------------------------------------------------
# Masukan: Tabel 19 dan Tabel 17 (lembar Program)
# ---------------------------------------------------------------------------------------
def tingkat(kode):
    if not kode:
        return "jumlah"
    n = kode.count(".") + 1
    if n == 8:
        return "organisasi"
    return {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "sub"}[n]


def baca_tabel19():
    with (SAMPEL / "sumber-tabel19.tsv").open(encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f, delimiter="\t"))
    urusan = bidang = None
    unit = program = kegiatan = None
    subs = []
    for b in baris:
        t = tingkat(b["kode"])
        rec = {"kode": b["kode"], "nama": b["uraian"], "pagu": angka_id(b["pagu"]), "baris_seed": b["baris_seed"]}
        if t == "urusan":
            urusan = rec
        elif t == "bidang":
            bidang = rec
        elif t == "organisasi":
            unit = rec
        elif t == "program":
            program = rec
        elif t == "kegiatan":
            kegiatan = rec
        elif t == "sub":
            subs.append({"urusan": urusan, "bidang": bidang, "organisasi": None, "unit": unit,
                         "program": program, "kegiatan": kegiatan, **rec})
    org = next(b for b in baris if b["kode"] == "7.01.0.00.0.00.30.0000")
    for s in subs:
        s["organisasi"] = {"kode": org["kode"], "nama": org["uraian"]}
    return subs


def normal(n):
    return re.sub(r"[^a-z0-9]", "", n.lower())


def cocok(a, b):
    a, b = normal(a), normal(b)
    return a == b or (len(a) > 20 and SequenceMatcher(None, a, b).ratio() > 0.95)


def baca_kinerja(subs):
    """Pasangkan baris lembar Program (Tabel 17) dengan program/kegiatan/sub kegiatan Tabel 19
    satu unit, berurutan: indikator[kode] = [(tolok ukur, target teks, baris seed), ...]."""
    with (SAMPEL / "sumber-kinerja.tsv").open(encoding="utf-8", newline="") as f:
        prog = [b for b in csv.DictReader(f, delimiter="\t") if b["lembar"] == "Program"]
    indikator = {}
    per_unit = {}
    for s in subs:
        u = s["unit"]["nama"]
        daftar = per_unit.setdefault(u, [])
        for lv in ("program", "kegiatan"):
            r = s[lv]
            kunci = (u, r["kode"])
            if not any(k == kunci for k, _ in daftar):
                daftar.append((kunci, r["nama"]))
        daftar.append(((u, s["kode"]), s["nama"]))
    for u, daftar in per_unit.items():
        pos = 0
        akhir = None
        for b in prog:
            if b["k1"] != u:
                continue
            nilai = (b["k4"], f"{b['k6']} {b['k7']}".strip(), b["baris_seed"])
            if not b["k3"]:
                if akhir is not None:
                    indikator[akhir].append(nilai)
                continue
            for j in range(pos, len(daftar)):
                if cocok(b["k3"], daftar[j][1]):
                    akhir = daftar[j][0]
                    indikator.setdefault(akhir, []).append(nilai)
                    pos = j + 1
                    break
            else:
                akhir = None
    return indikator


# ---------------------------------------------------------------------------------------
# Sub kegiatan lengkap: rincian, rekening induk, rencana penarikan
# ---------------------------------------------------------------------------------------
def induk_rekening(kode):
    p = kode.split(".")
    return [".".join(p[:i]) for i in (1, 2, 3, 4, 5)]


def lengkapi(s, indikator):
    u = s["unit"]["nama"]
    s["capaian"] = indikator.get((u, s["program"]["kode"]), [])
    s["hasil"] = indikator.get((u, s["kegiatan"]["kode"]), [])
    s["keluaran"] = indikator.get((u, s["kode"]), [])
    items, bulanan = susun_rincian(s["kode"], s["nama"], s["pagu"])
    s["items"] = items
    s["bulanan"] = bulanan
    # rekening (6 tingkat) dalam urutan kode, dengan jumlah dan rencana per bulan
    rek = {}
    for it in items:
        rek.setdefault(it.rek, Decimal(0))
        rek[it.rek] += it.jumlah
    s["rekening"] = dict(sorted(rek.items()))
    geser = benih(s["kode"] + u) % 2
    s["rak"] = {k: bagi_bulan(v, bulanan, geser) for k, v in s["rekening"].items()}
    s["bulan"] = [sum((s["rak"][k][m] for k in s["rak"]), Decimal(0)) for m in range(12)]
    assert sum(s["bulan"]) == s["pagu"]
    return s


def baris_rincian(s):
    """Urutan baris cetak: rekening 1..6 tingkat, [#], [-], item; tiap baris dengan tingkatnya
    (1..6 rekening, 7 [#], 8 [-], 9 item) dan jumlahnya."""
    keluar = []
    sudah = set()
    jumlah = {}
    for it in s["items"]:
        for k in induk_rekening(it.rek) + [it.rek]:
            jumlah[k] = jumlah.get(k, Decimal(0)) + it.jumlah
        jumlah[(it.rek, it.kel)] = jumlah.get((it.rek, it.kel), Decimal(0)) + it.jumlah
        jumlah[(it.rek, it.kel, it.ket)] = jumlah.get((it.rek, it.kel, it.ket), Decimal(0)) + it.jumlah
    pertama = {}
    for n, it in enumerate(s["items"]):
        pertama.setdefault((it.rek, it.kel), n)
        pertama.setdefault((it.rek, it.kel, it.ket), n)
    # urut kode rekening, lalu kelompok dan keterangan menurut kemunculan pertamanya (stabil)
    urut = sorted(s["items"], key=lambda i: (i.rek, pertama[(i.rek, i.kel)], pertama[(i.rek, i.kel, i.ket)]))
    for it in urut:
        for lv, k in enumerate(induk_rekening(it.rek) + [it.rek], start=1):
            if k not in sudah:
                sudah.add(k)
                keluar.append({"tingkat": lv, "kode": k, "uraian": REKENING[k], "jumlah": jumlah[k]})
        kk = (it.rek, it.kel)
        if kk not in sudah:
            sudah.add(kk)
            keluar.append({"tingkat": 7, "kode": "", "uraian": it.kel, "jumlah": jumlah[kk]})
        kt = (it.rek, it.kel, it.ket)
        if kt not in sudah:
            sudah.add(kt)
            keluar.append({"tingkat": 8, "kode": "", "uraian": it.ket, "jumlah": jumlah[kt]})
        keluar.append({"tingkat": 9, "kode": "", "uraian": it.komponen, "jumlah": it.jumlah, "item": it})
    return keluar


def kode_giat(s):
    return s["kegiatan"]["kode"]


# ---------------------------------------------------------------------------------------
# Penulisan xlsx deterministik dengan nilai rumus tersimpan
# ---------------------------------------------------------------------------------------
TIPIS = Side(style="thin")
KOTAK = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
FONT = Font(name="Arial", size=10)
TEBAL = Font(name="Arial", size=10, bold=True)
UANG = "#,##0;[Red]-#,##0"


class Lembar:
    """Bungkus lembar openpyxl: mencatat nilai setiap rumus agar ditulis sebagai hasil
    tersimpan (<v>) seperti berkas yang sudah dibuka dan disimpan Excel."""

    def __init__(self, wb, nama):
        self.ws = wb.create_sheet(nama)
        self.cache = {}

    def tulis(self, r, c, v, tebal=False, kotak=False, fmt=None, h="left", wrap=True, v_align="center"):
        sel = self.ws.cell(row=r, column=c)
        if isinstance(v, Decimal):
            v = int(v) if v == v.to_integral_value() else float(v)
        sel.value = v
        sel.font = TEBAL if tebal else FONT
        sel.alignment = Alignment(horizontal=h, vertical=v_align, wrap_text=wrap)
        if kotak:
            sel.border = KOTAK
        if fmt:
            sel.number_format = fmt
        return sel

    def rumus(self, r, c, f, nilai, **kw):
        sel = self.tulis(r, c, "=" + f.lstrip("="), **kw)
        self.cache[sel.coordinate] = nilai
        return sel

    def gabung(self, r1, c1, r2, c2, kotak=False):
        self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        if kotak:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    self.ws.cell(row=r, column=c).border = KOTAK

    def kotak(self, r, c1, c2):
        for c in range(c1, c2 + 1):
            self.ws.cell(row=r, column=c).border = KOTAK


def nilai_xml(v):
    if isinstance(v, Decimal):
        v = int(v) if v == v.to_integral_value() else v
    return str(v)


def simpan(wb, lembar, path):
    """Simpan deterministik: tanggal tetap, entri zip bertanggal tetap, hasil rumus disisipkan."""
    wb.properties.creator = "lkjip samples/buat_dpa.py"
    wb.properties.created = TANGGAL
    wb.properties.modified = TANGGAL
    mentah = io.BytesIO()
    wb.save(mentah)
    nama_xml = {}
    for i, ws in enumerate(wb.worksheets, start=1):
        nama_xml[f"xl/worksheets/sheet{i}.xml"] = next((l for l in lembar if l.ws is ws), None)
    keluar = io.BytesIO()
    with zipfile.ZipFile(mentah) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2022-01-03T00:00:00Z\g<2>", data)
            l = nama_xml.get(info.filename)
            if l is not None and l.cache:
                teks = data.decode("utf-8")

                def ganti(m):
                    ref = m.group(1)
                    if ref not in l.cache:
                        return m.group(0)
                    return m.group(0)[: -len("<v />")] + f"<v>{nilai_xml(l.cache[ref])}</v>"

                teks = re.sub(r'<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f><v />', ganti, teks)
                data = teks.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=TANGGAL.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    path.write_bytes(keluar.getvalue())


def singkatan(nama):
    """Nama lembar gaya sipd-front: 4 huruf pertama tiap kata, tanpa 'dan'/'pada'."""
    kata = re.sub(r"[^a-zA-Z]", " ", nama).replace("dan", "").replace("pada", "").split()
    return "".join(k[:4] for k in kata)


def nama_berkas(awalan, s, ext):
    nama = re.sub(r"[^A-Za-z0-9]+", "_", s["nama"]).strip("_")[:60].rstrip("_")
    return f"{awalan}_{s['kode']}_{nama}.{ext}"


def jabatan(s):
    u = s["unit"]["nama"]
    if u.startswith("KELURAHAN"):
        return "LURAH " + u[len("KELURAHAN "):]
    return "CAMAT BONTANG BARAT"


def lokasi(s):
    u = s["unit"]["nama"]
    if u.startswith("KELURAHAN"):
        return f"{PEMDA}, Bontang Barat, {u[len('KELURAHAN '):].title()}"
    return f"{PEMDA}, Bontang Barat, Semua Kelurahan"


def sasaran(s):
    return "Masyarakat dan aparatur " + s["unit"]["nama"].title()


def nomor_dpa(s, kode="DPA"):
    return f"{kode}/A.1/{s['unit']['kode']}/{int(s['kode'].split('.')[-1]):03d}/{TAHUN}"


def indikator_baris(daftar):
    return daftar if daftar else [("-", "-", "")]


# ---------------------------------------------------------------------------------------
# Tata letak 1: DPA-RINCIAN BELANJA SKPD (murni), 12 kolom, seperti ekspor sipd-front
# ---------------------------------------------------------------------------------------
def blok_judul(L, s, judul, formulir, kol):
    ws = L.ws
    baris_judul = [judul, "SATUAN KERJA PERANGKAT DAERAH", f"PEMERINTAH {PEMDA.upper()} TAHUN ANGGARAN {TAHUN}"]
    pisah = kol - 3
    for i, t in enumerate(baris_judul, start=1):
        L.tulis(i, 1, t, tebal=True, h="center")
        L.gabung(i, 1, i, pisah, kotak=True)
    L.tulis(1, pisah + 1, formulir, tebal=True, h="center")
    L.gabung(1, pisah + 1, 3, kol, kotak=True)
    ws.row_dimensions[4].height = 7
    return 5


def blok_kunci(L, r, pasangan, kol, uang_dari=None):
    for i, (label, nilai) in enumerate(pasangan):
        sel = L.tulis(r, 1, label, fmt="@* :", wrap=False)
        L.gabung(r, 1, r, 6)
        L.tulis(r, 7, nilai, fmt=UANG if isinstance(nilai, (int, Decimal)) else "@", h="left")
        L.gabung(r, 7, r, kol)
        r += 1
    L.ws.row_dimensions[r].height = 7
    return r + 1


def tulis_dpa_rincian(s, path):
    wb = Workbook()
    wb.remove(wb.active)
    L = Lembar(wb, (s["kode"][5:] + singkatan(s["nama"]))[:30])
    ws = L.ws
    lebar = [4, 4, 4, 4, 4, 5, 42, 14, 12, 13, 6, 15]
    for c, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.sheet_view.showGridLines = False
    r = blok_judul(L, s, "DOKUMEN PELAKSANAAN ANGGARAN", "FORMULIR\nDPA-RINCIAN BELANJA\nSKPD", 12)
    ws.row_dimensions[1].height = 15
    u, o = s["unit"], s["organisasi"]
    r = blok_kunci(L, r, [
        ("Nomor", nomor_dpa(s)),
        ("Urusan Pemerintahan", f"{s['urusan']['kode']} {s['urusan']['nama']}"),
        ("Bidang Urusan", f"{s['bidang']['kode']} {s['bidang']['nama']}"),
        ("Program", f"{s['program']['kode']} {s['program']['nama']}"),
        ("Kegiatan", f"{s['kegiatan']['kode']} {s['kegiatan']['nama']}"),
        ("Organisasi", f"{o['kode']} {o['nama']}"),
        ("Unit", f"{u['kode']} {u['nama']}"),
        (f"Alokasi Tahun {TAHUN - 1}", 0),
        (f"Alokasi Tahun {TAHUN}", s["pagu"]),
        (f"Alokasi Tahun {TAHUN + 1}", 0),
    ], 12)
    # indikator
    L.tulis(r, 1, "Indikator dan Tolak Ukur Kinerja Kegiatan", tebal=True, h="center")
    L.gabung(r, 1, r, 12, kotak=True)
    r += 1
    for c1, c2, t in ((1, 6, "Indikator"), (7, 10, "Tolok Ukur Kinerja"), (11, 12, "Target Kinerja")):
        L.tulis(r, c1, t, tebal=True, h="center", kotak=True)
        L.gabung(r, c1, r, c2, kotak=True)
    r += 1
    kelompok = [("Capaian Program", indikator_baris(s["capaian"])),
                ("Masukan", [("Dana yang Dibutuhkan", s["pagu"], "")]),
                ("Keluaran", indikator_baris(s["keluaran"])),
                ("Hasil", indikator_baris(s["hasil"]))]
    for label, daftar in kelompok:
        r0 = r
        for tolok, target, _ in daftar:
            L.tulis(r, 7, tolok, kotak=True)
            L.gabung(r, 7, r, 10, kotak=True)
            L.tulis(r, 11, target, kotak=True, h="center", fmt=UANG if isinstance(target, Decimal) else "@")
            L.gabung(r, 11, r, 12, kotak=True)
            ws.row_dimensions[r].height = 15 * max(1, -(-len(str(tolok)) // 48))
            r += 1
        L.tulis(r0, 1, label, kotak=True, v_align="top")
        L.gabung(r0, 1, r - 1, 6, kotak=True)
    ws.row_dimensions[r].height = 7
    r += 1
    r = blok_kunci(L, r, [
        ("Sub Kegiatan", f"{s['kode']} {s['nama']}"),
        ("Sumber Pendanaan", SUMBER_DANA[1]),
        ("Lokasi", lokasi(s)),
        ("Waktu Pelaksanaan", "Januari s.d. Desember"),
        ("Kelompok Sasaran", sasaran(s)),
        ("Keterangan", "-"),
    ], 12)
    ws.row_dimensions[r - 7].height = 15 * max(1, -(-len(s["nama"]) // 80))
    # kepala tabel rincian
    h1 = r
    L.tulis(h1, 1, "Kode Rekening", tebal=True, h="center")
    L.gabung(h1, 1, h1 + 1, 6, kotak=True)
    L.tulis(h1, 7, "Uraian", tebal=True, h="center")
    L.gabung(h1, 7, h1 + 1, 7, kotak=True)
    L.tulis(h1, 8, "Rincian Perhitungan", tebal=True, h="center")
    L.gabung(h1, 8, h1, 11, kotak=True)
    L.tulis(h1, 12, "Jumlah\n(Rp)", tebal=True, h="center")
    L.gabung(h1, 12, h1 + 1, 12, kotak=True)
    for c, t in zip(range(8, 12), ("Koefisien", "Satuan", "Harga", "PPN")):
        L.tulis(h1 + 1, c, t, tebal=True, h="center", kotak=True)
    r = h1 + 2
    ws.print_title_rows = f"{h1}:{h1 + 1}"
    baris = baris_rincian(s)
    awal = r
    akhir = awal + len(baris) - 1
    for i, b in enumerate(baris):
        rr = awal + i
        tk = b["tingkat"]
        if tk <= 6:
            for c, bag in enumerate(b["kode"].split("."), start=1):
                L.tulis(rr, c, bag, tebal=True, fmt="@", h="left", wrap=False)
            for c in range(1, 7):
                ws.cell(row=rr, column=c).border = Border(top=TIPIS, bottom=TIPIS,
                                                          left=TIPIS if c == 1 else None,
                                                          right=TIPIS if c == 6 else None)
        else:
            L.gabung(rr, 1, rr, 6, kotak=True)
        if tk == 9:
            it = b["item"]
            L.tulis(rr, 7, f"{it.komponen}\nSpesifikasi : {it.spek}", kotak=True)
            L.rumus(rr, 8, "*".join(teks_angka(v).replace(",", ".") for v, _ in it.vols), it.koef,
                    kotak=True, h="right", fmt="#,##0.##")
            L.tulis(rr, 9, it.satuan, kotak=True)
            L.tulis(rr, 10, it.harga, kotak=True, h="right", fmt=UANG)
            L.tulis(rr, 11, it.ppn / 100, kotak=True, h="right", fmt="0%")
            L.rumus(rr, 12, f"H{rr}*J{rr}+H{rr}*J{rr}*K{rr}", it.jumlah, kotak=True, h="right", fmt=UANG)
            ws.row_dimensions[rr].height = 27
        else:
            teks = {7: "[#] ", 8: "[-] "}.get(tk, "") + b["uraian"]
            if tk == 7:
                teks += f"\nSumber Dana: {SUMBER_DANA[1]}"
            L.tulis(rr, 7, teks, tebal=True)
            L.gabung(rr, 7, rr, 11, kotak=True)
            # akhir kelompok: baris sebelum baris berikut yang setingkat atau lebih tinggi
            j = next((k for k in range(i + 1, len(baris)) if baris[k]["tingkat"] <= tk), len(baris))
            L.rumus(rr, 12, f"SUBTOTAL(9,L{rr + 1}:L{awal + j - 1})", b["jumlah"], tebal=True, kotak=True,
                    h="right", fmt=UANG)
            ws.row_dimensions[rr].height = 27 if tk == 7 or len(teks) > 45 else 15
    r = akhir + 1
    L.tulis(r, 1, "Jumlah Anggaran Sub Kegiatan", tebal=True, h="right")
    L.gabung(r, 1, r, 11, kotak=True)
    if baris:
        L.rumus(r, 12, f"SUBTOTAL(9,L{awal}:L{akhir})", s["pagu"], tebal=True, kotak=True, h="right", fmt=UANG)
    else:
        L.tulis(r, 12, 0, tebal=True, kotak=True, h="right", fmt=UANG)
    r += 1
    ws.row_dimensions[r].height = 7
    r += 1
    r = blok_penarikan(L, r, s, "Rencana Penarikan Dana per Bulan", 7, 9, 12)
    r = blok_tapd(L, r, 12)
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.left.text = f"{s['kode']}-{s['nama'][:90]}"
    ws.oddFooter.left.size = 9
    ws.oddFooter.right.text = "DPA| &P"
    ws.oddFooter.right.size = 9
    simpan(wb, [L], path)


def blok_penarikan(L, r, s, judul, kol_nilai, ttd_awal, ttd_akhir):
    """Rencana penarikan: judul, Januari..Desember, Jumlah (SUBTOTAL); tanda tangan di kanan."""
    ws = L.ws
    L.tulis(r, 1, judul, tebal=True, h="center")
    L.gabung(r, 1, r, kol_nilai, kotak=True)
    awal = r + 1
    for m in range(12):
        L.tulis(awal + m, 1, BULAN[m], kotak=True)
        L.gabung(awal + m, 1, awal + m, kol_nilai - 1, kotak=True)
        L.tulis(awal + m, kol_nilai, s["bulan"][m], kotak=True, h="right", fmt=UANG)
    rj = awal + 12
    L.tulis(rj, 1, "Jumlah", tebal=True, h="right")
    L.gabung(rj, 1, rj, kol_nilai - 1, kotak=True)
    L.rumus(rj, kol_nilai, f"SUBTOTAL(9,{get_column_letter(kol_nilai)}{awal}:{get_column_letter(kol_nilai)}{awal + 11})",
            sum(s["bulan"]), tebal=True, kotak=True, h="right", fmt=UANG)
    ttd = [(0, f"{IBUKOTA}, {TANGGAL_DPA}", False), (1, jabatan(s), True), (4, "(nama Kepala SKPD)", True),
           (5, "NIP. ....................", False), (7, "Mengesahkan,", False), (8, "PPKD", True),
           (11, "(nama PPKD)", True), (12, "NIP. ....................", False)]
    for d, t, tb in ttd:
        sel = L.tulis(r + d, ttd_awal, t, tebal=tb, h="center")
        if t.startswith("("):
            sel.font = Font(name="Arial", size=10, bold=True, underline="single")
        L.gabung(r + d, ttd_awal, r + d, ttd_akhir)
    ws.row_dimensions[rj + 1].height = 7
    return rj + 2


def blok_tapd(L, r, kol):
    L.tulis(r, 1, "TIM ANGGARAN PEMERINTAH DAERAH", tebal=True, h="center")
    L.gabung(r, 1, r, kol, kotak=True)
    r += 1
    if kol == 12:
        kolom = [(1, 2, "NO."), (3, 7, "NAMA"), (8, 9, "NIP"), (10, 10, "JABATAN"), (11, 12, "Tanda Tangan")]
    else:
        kolom = [(1, 2, "NO."), (3, 7, "NAMA"), (8, 12, "NIP"), (13, 15, "JABATAN"), (16, kol, "Tanda Tangan")]
    for c1, c2, t in kolom:
        L.tulis(r, c1, t, tebal=True, h="center")
        L.gabung(r, c1, r, c2, kotak=True)
    for i in range(1, 4):
        r += 1
        for c1, c2, t in kolom:
            isi = {"NO.": f"{i}.", "NAMA": "(nama)", "NIP": "....................", "JABATAN": "(jabatan)"}.get(t, "")
            L.tulis(r, c1, isi)
            L.gabung(r, c1, r, c2, kotak=True)
        L.ws.row_dimensions[r].height = 20
    return r + 1


# ---------------------------------------------------------------------------------------
# Tata letak 2: DPPA-RINCIAN BELANJA SKPD (perubahan): Sebelum | Sesudah | Bertambah/(Berkurang)
# ---------------------------------------------------------------------------------------
def sebelum_perubahan(s):
    """Rincian sebelum perubahan (ilustratif): volume semula sedikit berbeda; satu item baru
    di perubahan (sebelumnya tidak ada); pagu semula = jumlahnya."""
    semula = {}
    for n, it in enumerate(s["items"]):
        v1 = it.vols[0][0]
        if n == len(s["items"]) - 1:
            semula[id(it)] = None  # item baru di perubahan
            continue
        faktor = [Decimal("1.5"), Decimal("0.8"), Decimal(1), Decimal("1.25")][n % 4]
        baru = max(Decimal(1), (v1 * faktor).to_integral_value(rounding="ROUND_FLOOR"))
        vols = [(baru, it.vols[0][1])] + it.vols[1:]
        semula[id(it)] = Item(it.rek, it.kel, it.ket, it.komponen, it.spek, it.satuan, vols, it.harga, it.ppn)
    return semula


def tulis_dppa(s, path):
    semula = sebelum_perubahan(s)
    pagu_semula = sum((x.jumlah for x in semula.values() if x), Decimal(0))
    wb = Workbook()
    wb.remove(wb.active)
    L = Lembar(wb, (s["kode"][5:] + singkatan(s["nama"]))[:30])
    ws = L.ws
    lebar = [4, 4, 4, 4, 4, 5, 36, 12, 11, 12, 6, 14, 12, 11, 12, 6, 14, 14]
    for c, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.sheet_view.showGridLines = False
    r = blok_judul(L, s, "DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN", "FORMULIR\nDPPA-RINCIAN BELANJA\nSKPD", 18)
    u, o = s["unit"], s["organisasi"]
    r = blok_kunci(L, r, [
        ("Nomor", nomor_dpa(s, "DPPA")),
        ("Urusan Pemerintahan", f"{s['urusan']['kode']} {s['urusan']['nama']}"),
        ("Bidang Urusan", f"{s['bidang']['kode']} {s['bidang']['nama']}"),
        ("Program", f"{s['program']['kode']} {s['program']['nama']}"),
        ("Kegiatan", f"{s['kegiatan']['kode']} {s['kegiatan']['nama']}"),
        ("Organisasi", f"{o['kode']} {o['nama']}"),
        ("Unit", f"{u['kode']} {u['nama']}"),
        (f"Alokasi Tahun {TAHUN - 1}", 0),
        (f"Alokasi Tahun {TAHUN}", s["pagu"]),
        (f"Alokasi Tahun {TAHUN + 1}", 0),
    ], 18)
    L.tulis(r, 1, "Indikator dan Tolak Ukur Kinerja Kegiatan", tebal=True, h="center")
    L.gabung(r, 1, r, 18, kotak=True)
    r += 1
    L.tulis(r, 1, "Indikator", tebal=True, h="center")
    L.gabung(r, 1, r + 1, 6, kotak=True)
    L.tulis(r, 7, "Sebelum", tebal=True, h="center")
    L.gabung(r, 7, r, 12, kotak=True)
    L.tulis(r, 13, "Sesudah", tebal=True, h="center")
    L.gabung(r, 13, r, 18, kotak=True)
    r += 1
    for c1, c2, t in ((7, 10, "Tolok Ukur Kinerja"), (11, 12, "Target Kinerja"),
                      (13, 16, "Tolok Ukur Kinerja"), (17, 18, "Target Kinerja")):
        L.tulis(r, c1, t, tebal=True, h="center")
        L.gabung(r, c1, r, c2, kotak=True)
    r += 1
    kelompok = [("Capaian Program", indikator_baris(s["capaian"]), None),
                ("Masukan", [("Dana yang Dibutuhkan", s["pagu"], "")], pagu_semula),
                ("Keluaran", indikator_baris(s["keluaran"]), None),
                ("Hasil", indikator_baris(s["hasil"]), None)]
    for label, daftar, semula_pagu in kelompok:
        r0 = r
        for tolok, target, _ in daftar:
            for c1, c2, t in ((7, 10, tolok), (13, 16, tolok)):
                L.tulis(r, c1, t)
                L.gabung(r, c1, r, c2, kotak=True)
            for c1, c2, t in ((11, 12, semula_pagu if semula_pagu is not None else target), (17, 18, target)):
                L.tulis(r, c1, t, h="center", fmt=UANG if isinstance(t, Decimal) else "@")
                L.gabung(r, c1, r, c2, kotak=True)
            ws.row_dimensions[r].height = 15 * max(1, -(-len(str(tolok)) // 40))
            r += 1
        L.tulis(r0, 1, label, v_align="top")
        L.gabung(r0, 1, r - 1, 6, kotak=True)
    ws.row_dimensions[r].height = 7
    r += 1
    r = blok_kunci(L, r, [
        ("Sub Kegiatan", f"{s['kode']} {s['nama']}"),
        ("Sumber Pendanaan", SUMBER_DANA[1]),
        ("Lokasi", lokasi(s)),
        ("Waktu Pelaksanaan", "Januari s.d. Desember"),
        ("Kelompok Sasaran", sasaran(s)),
        ("Keterangan", "-"),
    ], 18)
    h1 = r
    for c1, c2, t in ((1, 6, "Kode Rekening"), (7, 7, "Uraian"), (18, 18, "Bertambah/\n(Berkurang)\n(Rp)")):
        L.tulis(h1, c1, t, tebal=True, h="center")
        L.gabung(h1, c1, h1 + 2, c2, kotak=True)
    L.tulis(h1, 8, "Rincian Perhitungan", tebal=True, h="center")
    L.gabung(h1, 8, h1, 17, kotak=True)
    L.tulis(h1 + 1, 8, "Sebelum", tebal=True, h="center")
    L.gabung(h1 + 1, 8, h1 + 1, 12, kotak=True)
    L.tulis(h1 + 1, 13, "Sesudah", tebal=True, h="center")
    L.gabung(h1 + 1, 13, h1 + 1, 17, kotak=True)
    for c, t in zip(range(8, 18), ["Koefisien", "Satuan", "Harga", "PPN", "Jumlah"] * 2):
        L.tulis(h1 + 2, c, t, tebal=True, h="center", kotak=True)
    ws.row_dimensions[h1].height = 40
    ws.print_title_rows = f"{h1}:{h1 + 2}"
    r = h1 + 3
    baris = baris_rincian(s)
    # jumlah sebelum per baris induk
    jml_semula = []
    for i, b in enumerate(baris):
        if b["tingkat"] == 9:
            x = semula[id(b["item"])]
            jml_semula.append(x.jumlah if x else Decimal(0))
        else:
            jml_semula.append(None)
    for i, b in enumerate(baris):
        if b["tingkat"] != 9:
            j = next((k for k in range(i + 1, len(baris)) if baris[k]["tingkat"] <= b["tingkat"]), len(baris))
            jml_semula[i] = sum((jml_semula[k] for k in range(i + 1, j) if baris[k]["tingkat"] == 9), Decimal(0))
    awal = r
    akhir = awal + len(baris) - 1
    for i, b in enumerate(baris):
        rr = awal + i
        tk = b["tingkat"]
        if tk <= 6:
            for c, bag in enumerate(b["kode"].split("."), start=1):
                L.tulis(rr, c, bag, tebal=True, fmt="@", wrap=False)
            for c in range(1, 7):
                ws.cell(row=rr, column=c).border = Border(top=TIPIS, bottom=TIPIS,
                                                          left=TIPIS if c == 1 else None,
                                                          right=TIPIS if c == 6 else None)
        else:
            L.gabung(rr, 1, rr, 6, kotak=True)
        if tk == 9:
            it = b["item"]
            x = semula[id(it)]
            L.tulis(rr, 7, f"{it.komponen}\nSpesifikasi : {it.spek}", kotak=True)
            if x:
                L.rumus(rr, 8, "*".join(teks_angka(v).replace(",", ".") for v, _ in x.vols), x.koef, kotak=True, h="right")
                L.tulis(rr, 9, x.satuan, kotak=True)
                L.tulis(rr, 10, x.harga, kotak=True, h="right", fmt=UANG)
                L.tulis(rr, 11, x.ppn / 100, kotak=True, h="right", fmt="0%")
            else:
                for c in range(8, 12):
                    L.tulis(rr, c, None, kotak=True)
            L.rumus(rr, 12, f"H{rr}*J{rr}+H{rr}*J{rr}*K{rr}", x.jumlah if x else Decimal(0), kotak=True, h="right", fmt=UANG)
            L.rumus(rr, 13, "*".join(teks_angka(v).replace(",", ".") for v, _ in it.vols), it.koef, kotak=True, h="right")
            L.tulis(rr, 14, it.satuan, kotak=True)
            L.tulis(rr, 15, it.harga, kotak=True, h="right", fmt=UANG)
            L.tulis(rr, 16, it.ppn / 100, kotak=True, h="right", fmt="0%")
            L.rumus(rr, 17, f"M{rr}*O{rr}+M{rr}*O{rr}*P{rr}", it.jumlah, kotak=True, h="right", fmt=UANG)
            L.rumus(rr, 18, f"Q{rr}-L{rr}", it.jumlah - (x.jumlah if x else 0), kotak=True, h="right",
                    fmt="#,##0;(#,##0)")
            ws.row_dimensions[rr].height = 27
        else:
            teks = {7: "[#] ", 8: "[-] "}.get(tk, "") + b["uraian"]
            L.tulis(rr, 7, teks, tebal=True)
            L.gabung(rr, 7, rr, 11, kotak=True)
            L.gabung(rr, 13, rr, 16, kotak=True)
            j = next((k for k in range(i + 1, len(baris)) if baris[k]["tingkat"] <= tk), len(baris))
            for c, col, v in ((12, "L", jml_semula[i]), (17, "Q", b["jumlah"]), (18, "R", b["jumlah"] - jml_semula[i])):
                L.rumus(rr, c, f"SUBTOTAL(9,{col}{rr + 1}:{col}{awal + j - 1})", v, tebal=True, kotak=True,
                        h="right", fmt=UANG if c != 18 else "#,##0;(#,##0)")
            ws.row_dimensions[rr].height = 27 if len(teks) > 40 else 15
    r = akhir + 1
    L.tulis(r, 1, "Jumlah Anggaran Sub Kegiatan", tebal=True, h="right")
    L.gabung(r, 1, r, 11, kotak=True)
    L.rumus(r, 12, f"SUBTOTAL(9,L{awal}:L{akhir})", pagu_semula, tebal=True, kotak=True, h="right", fmt=UANG)
    L.gabung(r, 13, r, 16, kotak=True)
    L.rumus(r, 17, f"SUBTOTAL(9,Q{awal}:Q{akhir})", s["pagu"], tebal=True, kotak=True, h="right", fmt=UANG)
    L.rumus(r, 18, f"SUBTOTAL(9,R{awal}:R{akhir})", s["pagu"] - pagu_semula, tebal=True, kotak=True, h="right",
            fmt="#,##0;(#,##0)")
    r += 2
    r = blok_penarikan(L, r, s, "Rencana Penarikan Dana per Bulan", 7, 13, 18)
    r = blok_tapd(L, r, 18)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.left.text = f"DPPA || {s['kode']} - {s['nama'][:90]}"
    ws.oddFooter.left.size = 9
    ws.oddFooter.right.text = "- &P -"
    simpan(wb, [L], path)
    return pagu_semula


# ---------------------------------------------------------------------------------------
# Tata letak 3: rekap belanja per sub kegiatan (sipd-front rekap-bl): kelompok belanja
# ---------------------------------------------------------------------------------------
AKUN = [("5.1", "Belanja Operasi"), ("5.2", "Belanja Modal"), ("5.3", "Belanja Tidak Terduga"),
        ("5.4", "Belanja Transfer")]


def tulis_rekap(subs, path):
    wb = Workbook()
    wb.remove(wb.active)
    L = Lembar(wb, "BELANJA_7.01.0")
    ws = L.ws
    n_akun = len(AKUN)
    kol = n_akun + 11
    lebar = [3.5, 4.5, 4.5, 5.5, 4.5, 46, 20, 22, 12] + [15] * n_akun + [15, 12]
    for c, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.sheet_view.showGridLines = False
    for i, t in enumerate(["DOKUMEN PELAKSANAAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH",
                           f"Pemerintah {PEMDA} Tahun Anggaran {TAHUN}"], start=1):
        L.tulis(i, 1, t, tebal=True, h="center")
        L.gabung(i, 1, i, 7 + n_akun, kotak=True)
    L.tulis(1, 8 + n_akun, "FORMULIR\nDPA-BELANJA\nSKPD", tebal=True, h="center")
    L.gabung(1, 8 + n_akun, 3, kol, kotak=True)
    o = subs[0]["organisasi"]
    L.tulis(5, 1, "Organisasi")
    L.gabung(5, 1, 5, 4)
    L.tulis(5, 5, ":")
    L.tulis(5, 6, f"{o['kode']}  {o['nama']}")
    L.gabung(5, 6, 5, kol)
    L.tulis(6, 1, "Rekapitulasi Dokumen Pelaksanaan Belanja Berdasarkan Program, Kegiatan, Kegiatan dan Sub Kegiatan",
            tebal=True, h="center")
    L.gabung(6, 1, 6, kol, kotak=True)
    h = 8
    for c, t in enumerate(["Urusan", "Bidang Urusan", "Program", "Kegiatan", "Sub Kegiatan"], start=1):
        sel = L.tulis(h, c, t, tebal=True, h="center")
        sel.alignment = Alignment(horizontal="center", vertical="center", text_rotation=90, wrap_text=True)
        L.gabung(h, c, h + 2, c, kotak=True)
    for c, t in ((6, "URAIAN"), (7, "SUMBER DANA"), (8, "LOKASI")):
        L.tulis(h, c, t, tebal=True, h="center")
        L.gabung(h, c, h + 2, c, kotak=True)
    L.tulis(h, 9, "JUMLAH", tebal=True, h="center")
    L.gabung(h, 9, h, kol, kotak=True)
    L.tulis(h + 1, 9, "T-1", tebal=True, h="center")
    L.gabung(h + 1, 9, h + 2, 9, kotak=True)
    L.tulis(h + 1, 10, "Tahun N", tebal=True, h="center")
    L.gabung(h + 1, 10, h + 1, 10 + n_akun, kotak=True)
    L.tulis(h + 1, kol, "T+1", tebal=True, h="center")
    L.gabung(h + 1, kol, h + 2, kol, kotak=True)
    for i, (_, nama) in enumerate(AKUN):
        L.tulis(h + 2, 10 + i, nama, tebal=True, h="center", kotak=True)
    L.tulis(h + 2, 10 + n_akun, "Jumlah", tebal=True, h="center", kotak=True)
    ws.row_dimensions[h].height = 20
    ws.row_dimensions[h + 2].height = 42
    nomor = [str(i + 1) for i in range(kol)]
    nomor[9 + n_akun] = f"{10 + n_akun}=(" + "+".join(str(10 + i) for i in range(n_akun)) + ")"
    for c, t in enumerate(nomor, start=1):
        sel = L.tulis(h + 3, c, t, h="center", kotak=True, wrap=False)
        sel.font = Font(name="Arial", size=9, italic=True)
    ws.print_title_rows = f"{h}:{h + 3}"
    # baris: urusan, bidang, program, kegiatan, sub kegiatan
    baris = []
    s0 = subs[0]
    baris.append(("urusan", [s0["urusan"]["kode"]], s0["urusan"]["nama"], None))
    baris.append(("bidang", [s0["urusan"]["kode"], s0["bidang"]["kode"].split(".")[1]], s0["bidang"]["nama"], None))
    prog = keg = None
    for s in subs:
        pk = s["program"]["kode"].split(".")
        if s["program"]["kode"] != prog:
            prog = s["program"]["kode"]
            baris.append(("program", pk, s["program"]["nama"], None))
        if s["kegiatan"]["kode"] != keg:
            keg = s["kegiatan"]["kode"]
            kk = s["kegiatan"]["kode"].split(".")
            baris.append(("kegiatan", pk + [".".join(kk[3:5])], s["kegiatan"]["nama"], None))
        kk = s["kode"].split(".")
        baris.append(("sub", pk + [".".join(kk[3:5]), kk[5]], s["nama"], s))
    urut_tingkat = {"urusan": 1, "bidang": 2, "program": 3, "kegiatan": 4, "sub": 5}
    awal = h + 4
    akhir = awal + len(baris) - 1

    def akun_sub(s):
        return [sum((v for k, v in s["rekening"].items() if k.startswith(a + ".")), Decimal(0)) for a, _ in AKUN]

    nilai_baris = []
    for t, kode, nama, s in baris:
        nilai_baris.append(akun_sub(s) if s else None)
    for i, (t, kode, nama, s) in enumerate(baris):
        if s is None:
            j = next((k for k in range(i + 1, len(baris)) if urut_tingkat[baris[k][0]] <= urut_tingkat[t]), len(baris))
            nilai_baris[i] = [sum((nilai_baris[k][a] for k in range(i + 1, j) if baris[k][3]), Decimal(0))
                              for a in range(n_akun)]
    for i, (t, kode, nama, s) in enumerate(baris):
        rr = awal + i
        for c in range(1, 6):
            L.tulis(rr, c, kode[c - 1] if c - 1 < len(kode) else None, tebal=s is None, kotak=True, fmt="@",
                    h="center", wrap=False)
        L.tulis(rr, 6, nama, tebal=s is None, kotak=True)
        if s is None:
            L.gabung(rr, 6, rr, 8, kotak=True)
            j = next((k for k in range(i + 1, len(baris)) if urut_tingkat[baris[k][0]] <= urut_tingkat[t]), len(baris))
            for c in range(9, kol + 1):
                col = get_column_letter(c)
                if c == 9 or c == kol:
                    v = Decimal(0)
                elif c == 10 + n_akun:
                    v = sum(nilai_baris[i])
                else:
                    v = nilai_baris[i][c - 10]
                L.rumus(rr, c, f"SUBTOTAL(9,{col}{rr + 1}:{col}{awal + j - 1})", v, tebal=True, kotak=True,
                        h="right", fmt=UANG)
            ws.row_dimensions[rr].height = 15 * max(1, -(-len(nama) // 70))
        else:
            L.tulis(rr, 7, SUMBER_DANA[1], kotak=True)
            L.tulis(rr, 8, lokasi(s), kotak=True)
            L.tulis(rr, 9, 0, kotak=True, h="right", fmt=UANG)
            for a in range(n_akun):
                L.tulis(rr, 10 + a, nilai_baris[i][a], kotak=True, h="right", fmt=UANG)
            L.rumus(rr, 10 + n_akun, f"SUM(J{rr}:{get_column_letter(9 + n_akun)}{rr})", s["pagu"], kotak=True,
                    h="right", fmt=UANG)
            L.tulis(rr, kol, 0, kotak=True, h="right", fmt=UANG)
            ws.row_dimensions[rr].height = 15 * max(1, -(-len(nama) // 45), -(-len(lokasi(s)) // 22))
    rr = akhir + 1
    L.tulis(rr, 1, "JUMLAH", tebal=True, h="center")
    L.gabung(rr, 1, rr, 8, kotak=True)
    total = [sum((nilai_baris[i][a] for i in range(len(baris)) if baris[i][3]), Decimal(0)) for a in range(n_akun)]
    for c in range(9, kol + 1):
        col = get_column_letter(c)
        v = Decimal(0) if c in (9, kol) else (sum(total) if c == 10 + n_akun else total[c - 10])
        L.rumus(rr, c, f"SUBTOTAL(9,{col}{awal}:{col}{akhir})", v, tebal=True, kotak=True, h="right", fmt=UANG)
    r = rr + 2
    ttd = [(0, f"{IBUKOTA}, {TANGGAL_DPA}"), (1, "CAMAT BONTANG BARAT"), (4, "(nama Kepala SKPD)"),
           (5, "NIP. ....................")]
    for d, t in ttd:
        L.tulis(r + d, n_akun + 7, t, tebal=d in (1, 4), h="center")
        L.gabung(r + d, n_akun + 7, r + d, kol)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    simpan(wb, [L], path)
    return total


# ---------------------------------------------------------------------------------------
# Tata letak 4: ekspor datar satu baris per rekening, kode dan nama dalam satu sel
# ---------------------------------------------------------------------------------------
def tulis_datar(subs, path):
    wb = Workbook()
    wb.remove(wb.active)
    L = Lembar(wb, "DPA")
    ws = L.ws
    kepala = ["Urusan", "Bidang Urusan", "SKPD", "Sub Unit", "Program", "Kegiatan", "Sub Kegiatan",
              "Sumber Dana", "Rekening", "Nilai Rincian", "Total RAK"] + [f"Bulan {m}" for m in range(1, 13)]
    for c, t in enumerate(kepala, start=1):
        L.tulis(1, c, t, tebal=True, kotak=True, h="center")
        ws.column_dimensions[get_column_letter(c)].width = 34 if c <= 9 else 15
    ws.freeze_panes = "A2"
    r = 2
    for s in subs:
        rek = s["rekening"] or {"": Decimal(0)}
        for k, v in rek.items():
            bulan = s["rak"].get(k, [Decimal(0)] * 12)
            isi = [f"{s['urusan']['kode']} {s['urusan']['nama']}", f"{s['bidang']['kode']} {s['bidang']['nama']}",
                   f"{s['organisasi']['kode']} {s['organisasi']['nama']}", f"{s['unit']['kode']} {s['unit']['nama']}",
                   f"{s['program']['kode']} {s['program']['nama']}", f"{s['kegiatan']['kode']} {s['kegiatan']['nama']}",
                   f"{s['kode']} {s['nama']}", f"{SUMBER_DANA[0]} {SUMBER_DANA[1]}",
                   f"{k} {REKENING[k]}" if k else ""]
            for c, t in enumerate(isi, start=1):
                L.tulis(r, c, t, kotak=True, wrap=False)
            L.tulis(r, 10, v, kotak=True, h="right", fmt="#,##0")
            L.rumus(r, 11, f"SUM(L{r}:W{r})", sum(bulan), kotak=True, h="right", fmt="#,##0")
            for m in range(12):
                L.tulis(r, 12 + m, bulan[m], kotak=True, h="right", fmt="#,##0")
            r += 1
    ws.auto_filter.ref = f"A1:W{r - 1}"
    simpan(wb, [L], path)


# ---------------------------------------------------------------------------------------
# Tata letak 5: rekap gaya SIPD-RI, pasangan KODE/NAMA, satu baris per rekening dan kelompok
# ---------------------------------------------------------------------------------------
KEPALA_RI = ["NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT",
             "NAMA SUB UNIT", "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM",
             "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KODE SUMBER DANA",
             "NAMA SUMBER DANA", "KODE REKENING", "NAMA REKENING", "PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK", "PAGU"]


def tulis_sipd_ri(subs, path):
    wb = Workbook()
    wb.remove(wb.active)
    L = Lembar(wb, "Sheet1")
    ws = L.ws
    for c, t in enumerate(KEPALA_RI, start=1):
        L.tulis(1, c, t, tebal=True, wrap=False)
        ws.column_dimensions[get_column_letter(c)].width = 12 if t.startswith(("KODE", "NO", "TAHUN")) else 30
    r, no = 2, 1
    for s in subs:
        dasar = [TAHUN, s["urusan"]["kode"], s["urusan"]["nama"], s["organisasi"]["kode"], s["organisasi"]["nama"],
                 s["unit"]["kode"], s["unit"]["nama"], s["bidang"]["kode"], s["bidang"]["nama"],
                 s["program"]["kode"], s["program"]["nama"], s["kegiatan"]["kode"], s["kegiatan"]["nama"],
                 s["kode"], s["nama"]]
        # baris tanpa angka: hanya menyebut sub kegiatan
        L.tulis(r, 1, no, wrap=False)
        for c, v in enumerate(dasar, start=2):
            L.tulis(r, c, v, wrap=False)
        r, no = r + 1, no + 1
        kel = {}
        for it in s["items"]:
            kel.setdefault((it.rek, it.kel), Decimal(0))
            kel[(it.rek, it.kel)] += it.jumlah
        for (rek, nama_kel), v in sorted(kel.items()):
            isi = [no] + dasar + [SUMBER_DANA[0], SUMBER_DANA[1], rek, REKENING[rek],
                                  "Kelompok" if nama_kel != "-" else "-", nama_kel, v]
            for c, x in enumerate(isi, start=1):
                L.tulis(r, c, x, wrap=False, fmt="#,##0" if c == 23 else None)
            r, no = r + 1, no + 1
    simpan(wb, [L], path)


# ---------------------------------------------------------------------------------------
# Tata letak 6: tabel HTML bernama .xls (gaya cetak wp-sipd, disimpan seperti tableHtmlToExcel)
# ---------------------------------------------------------------------------------------
GARIS = {"kiri": "border-left:1px solid #000;", "kanan": "border-right:1px solid #000;",
         "atas": "border-top:1px solid #000;", "bawah": "border-bottom:1px solid #000;",
         "text_tengah": "text-align: center;", "text_kanan": "text-align: right;", "text_blok": "font-weight: bold;"}


def td(isi, kelas="", attr=""):
    gaya = "".join(GARIS[k] for k in kelas.split() if k in GARIS)
    return f'<td {attr}style="{gaya}; mso-number-format:\\@;">{isi}</td>'


def tulis_html_xls(s, path):
    e = html.escape
    k = []
    k.append(f'<div id="cetak" class="cetak" title="DPA {e(s["kode"])} {e(s["nama"])}" '
             "style=\" font-family:'Open Sans',-apple-system,BlinkMacSystemFont,'Segoe UI',sans-serif; padding:0; "
             'margin:0; font-size:13px;">')
    k.append('<table width="100%" style="border-spacing: 2px;"><tbody>')
    k.append("<tr>" + td("DOKUMEN PELAKSANAAN ANGGARAN<br/>SATUAN KERJA PERANGKAT DAERAH",
                         "kiri atas kanan bawah text_blok text_tengah", 'colspan="2" ')
             + td("Formulir<br/>DPA-RINCIAN BELANJA SKPD", "kiri atas kanan bawah text_blok text_tengah", 'rowspan="2" ')
             + "</tr>")
    k.append("<tr>" + td(f"Pemerintah {PEMDA}<br>Tahun Anggaran {TAHUN}", "kiri atas kanan bawah text_tengah",
                         'colspan="2" ') + "</tr>")
    k.append("</tbody></table>")
    kunci = [("Nomor DPA", nomor_dpa(s)),
             ("Urusan Pemerintahan", f"{s['urusan']['kode']} {s['urusan']['nama']}"),
             ("Bidang Urusan", f"{s['bidang']['kode']} {s['bidang']['nama']}"),
             ("Program", f"{s['program']['kode']} {s['program']['nama']}"),
             ("Kegiatan", f"{s['kegiatan']['kode']} {s['kegiatan']['nama']}"),
             ("Organisasi", f"{s['organisasi']['kode']} {s['organisasi']['nama']}"),
             ("Unit", f"{s['unit']['kode']} {s['unit']['nama']}"),
             ("Alokasi Tahun - 1", "Rp. 0"),
             ("Alokasi Tahun", rupiah(s["pagu"], "Rp. ")),
             ("Alokasi Tahun + 1", "Rp. 0")]
    k.append('<table width="100%" style="border-spacing: 1px;"><tbody>')
    for lbl, v in kunci:
        k.append("<tr>" + td(e(lbl), "kiri atas bawah", 'width="150" ') + td(":", "atas bawah", 'width="10" ')
                 + td(e(v), "kanan atas bawah") + "</tr>")
    k.append("</tbody></table>")
    k.append('<table width="100%" style="border-spacing: 2px;"><tbody>')
    k.append("<tr>" + td("Indikator &amp; Tolok Ukur Kinerja Kegiatan", "atas kanan bawah kiri text_tengah",
                         'colspan="3" ') + "</tr>")
    k.append("<tr>" + td("Indikator", "text_tengah kiri atas kanan bawah", 'width="130" ')
             + td("Tolok Ukur Kinerja", "text_tengah kiri atas kanan bawah")
             + td("Target Kinerja", "text_tengah kiri atas kanan bawah", 'width="150" ') + "</tr>")
    for lbl, daftar in (("Capaian Program", indikator_baris(s["capaian"])),
                        ("Masukan", [("Dana yang dibutuhkan", rupiah(s["pagu"], "Rp. "), "")]),
                        ("Keluaran", indikator_baris(s["keluaran"])),
                        ("Hasil", indikator_baris(s["hasil"]))):
        tolok = "<br>".join(e(t) for t, _, _ in daftar)
        target = "<br>".join(e(str(t)) for _, t, _ in daftar)
        k.append("<tr>" + td(lbl, "kiri kanan atas bawah", 'width="130" ') + td(tolok, "kiri kanan atas bawah")
                 + td(target, "kiri kanan atas bawah") + "</tr>")
    k.append("<tr>" + td(f"Kelompok Sasaran Kegiatan : {e(sasaran(s))}", "kiri atas kanan bawah", 'colspan="3" ')
             + "</tr>")
    k.append("</tbody></table>")
    k.append('<table width="100%" style="border-spacing: 0px;"><tbody>')
    for lbl, v in (("Sub Kegiatan", f"{s['kode']} {s['nama']}"), ("Sumber Pendanaan", SUMBER_DANA[1]),
                   ("Lokasi", lokasi(s)), ("Waktu Pelaksanaan", "Januari s.d. Desember"), ("Keterangan", "&nbsp;")):
        k.append("<tr>" + td(lbl, "kiri atas bawah", 'width="130" ') + td(":", "atas bawah", 'width="10" ')
                 + td(e(v) if v != "&nbsp;" else v, "kanan atas bawah") + "</tr>")
    k.append("</tbody></table>")
    k.append('<table width="100%" style="border-spacing: 0px;"><thead>')
    k.append("<tr>" + td("Kode Rekening", "kiri kanan bawah atas text_tengah text_blok", 'rowspan="2" ')
             + td("Uraian", "kanan bawah atas text_tengah text_blok", 'rowspan="2" ')
             + td("Rincian Perhitungan", "kanan bawah atas text_tengah text_blok", 'colspan="4" ')
             + td("Jumlah", "kanan bawah atas text_tengah text_blok", 'rowspan="2" ') + "</tr>")
    k.append("<tr>" + "".join(td(t, "kanan bawah text_tengah text_blok") for t in ("Koefisien", "Satuan", "Harga", "PPN"))
             + "</tr></thead><tbody>")
    for b in s.get("baris") or baris_rincian(s):
        tk = b["tingkat"]
        if tk == 9:
            it = b["item"]
            k.append('<tr class="data-komponen">' + td("&nbsp;", "kiri kanan bawah text_blok")
                     + td(f"<div>{e(it.komponen)}</div><div style=\"margin-left: 20px\">Spesifikasi : {e(it.spek)}</div>",
                          "kanan bawah")
                     + td(e(it.koef_teks), "kanan bawah") + td(e(it.satuan), "kanan bawah")
                     + td(rupiah(it.harga), "kanan bawah text_kanan") + td(rupiah(it.pajak), "kanan bawah text_kanan")
                     + td(rupiah(it.jumlah, "Rp. "), "kanan bawah text_kanan") + "</tr>")
        else:
            kode = b["kode"] if tk <= 6 else "&nbsp;"
            uraian = {7: "[#] ", 8: "[-] "}.get(tk, "") + b["uraian"]
            k.append("<tr>" + td(kode, "kiri kanan bawah text_blok")
                     + td(e(uraian), "kanan bawah text_blok", 'colspan="5" ')
                     + td(rupiah(b["jumlah"], "Rp. "), "kanan bawah text_kanan text_blok") + "</tr>")
    k.append("<tr>" + td("Jumlah Anggaran Sub Kegiatan :", "kiri kanan bawah text_kanan text_blok", 'colspan="6" ')
             + td(rupiah(s["pagu"], "Rp. "), "kanan bawah text_blok text_kanan") + "</tr>")
    k.append("</tbody></table>")
    k.append('<table width="100%" style="border-collapse: collapse;"><tbody>')
    ttd = [f"{PEMDA} , Tanggal {TANGGAL_DPA}", "Kepala SKPD", "&nbsp;", "(nama Kepala SKPD)",
           "NIP: ....................", "&nbsp;", "Mengesahkan,", "PPKD", "&nbsp;", "(nama PPKD)",
           "NIP: ...................."]
    k.append("<tr>" + td("Rencana Penarikan Dana per Bulan", "kiri kanan atas bawah text_blok text_tengah", 'colspan="2" ')
             + f'<td width="60%" rowspan="14" style="border-left:1px solid #000;border-right:1px solid #000;'
               f'border-top:1px solid #000;border-bottom:1px solid #000;; mso-number-format:\\@;">'
             + '<table width="100%"><tbody>'
             + "".join("<tr>" + td(t, "text_tengah") + "</tr>" for t in ttd) + "</tbody></table></td></tr>")
    for m in range(12):
        k.append("<tr>" + td(BULAN[m], "kiri kanan atas bawah", 'width="20%" ')
                 + td(rupiah(s["bulan"][m], "Rp "), "kiri kanan atas bawah text_kanan", 'width="20%" ') + "</tr>")
    k.append("<tr>" + td("Jumlah", "kiri kanan atas bawah text_tengah")
             + td(rupiah(sum(s["bulan"]), "Rp "), "kiri kanan atas bawah text_kanan") + "</tr>")
    k.append("</tbody></table>")
    k.append('<table width="100%" style="border-spacing: 0px;"><tbody>')
    k.append("<tr>" + td("Tim Anggaran Pemerintah Daerah", "kiri kanan atas bawah text_tengah", 'colspan="5" ') + "</tr>")
    k.append('<tr class="text_tengah">' + "".join(td(t, "kiri kanan bawah") for t in ("No.", "Nama", "NIP", "Jabatan",
                                                                                        "Tanda Tangan")) + "</tr>")
    for i in range(1, 4):
        k.append("<tr>" + td(f"{i}.", "kiri kanan bawah") + td("(nama)", "bawah kanan") + td("....................", "bawah kanan")
                 + td("(jabatan)", "bawah kanan") + td("&nbsp;", "bawah kanan") + "</tr>")
    k.append("</tbody></table></div>")
    path.write_bytes("\n".join(k).encode("utf-8"))


# ---------------------------------------------------------------------------------------
# Tata letak 7: CSV anggaran kas (titik koma, Windows-1252)
# ---------------------------------------------------------------------------------------
def tulis_csv_kas(subs, path):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["kode_sub_skpd", "nama_sub_skpd", "kode_sub_giat", "nama_sub_giat", "kode_akun", "nama_akun",
                "total_rincian"] + [f"bulan_{m}" for m in range(1, 13)])
    for s in subs:
        for k, v in s["rekening"].items():
            w.writerow([s["unit"]["kode"], s["unit"]["nama"], s["kode"], s["nama"], k, REKENING[k], int(v)]
                       + [int(x) for x in s["rak"][k]])
    path.write_bytes(buf.getvalue().encode("cp1252"))


# ---------------------------------------------------------------------------------------
def semua_sub():
    subs = baca_tabel19()
    ind = baca_kinerja(subs)
    return [lengkapi(s, ind) for s in subs], ind


HTML_XLS = "7.01.02.2.02.01"   # rincian kecamatan yang disimpan sebagai tabel HTML bernama .xls
DPPA = "7.01.02.2.02.03"       # rincian kecamatan dalam tata letak perubahan (DPPA)


def tulis_readme(subs, berkas, total_rekap, pagu_semula):
    """README folder dpa/: asal setiap angka (nyata atau ilustratif) dengan baris asalnya."""
    k = []
    k.append("# DPA Kecamatan Bontang Barat, TA 2022 (contoh)\n")
    k.append("> Berkas ini dan semua berkas di folder ini dibuat oleh `samples/buat_dpa.py`. Jangan disunting\n"
             "> dengan tangan: ubah skripnya, lalu jalankan ulang (`python3 samples/buat_dpa.py`; keluarannya\n"
             "> sama byte demi byte). Tata letaknya diterangkan di `docs/dpa-tata-letak.md`.\n")
    k.append("Ekspor DPA (Dokumen Pelaksanaan Anggaran) untuk menguji pembaca DPA `lkjip` (issue 10). Setiap sub\n"
             "kegiatan Tabel 19 seed 001 muncul **tepat sekali** di berkas rincian atau ekspor berikut, dengan pagu\n"
             "nyatanya; jumlah semuanya 30.177.653.595 = `JUMLAH` Tabel 19. Satu-satunya dokumen yang mengulang\n"
             "pagu adalah rekap kecamatan (baris 4 tabel di bawah), yang gunanya pemeriksa silang.\n")
    k.append("## Berkas\n")
    k.append("| berkas | tata letak (docs/dpa-tata-letak.md) | isi |")
    k.append("| --- | --- | --- |")
    for nama, tata, isi in berkas:
        k.append(f"| `{nama}` | {tata} | {isi} |")
    k.append("")
    k.append("## Yang nyata\n")
    k.append("- **Kode dan nama** urusan (`7` UNSUR KEWILAYAHAN), bidang (`7.01` KECAMATAN), organisasi\n"
             "  (`7.01.0.00.0.00.30.0000`), unit (kecamatan dan tiga kelurahan `…30.0001`–`…30.0003`), program,\n"
             "  kegiatan dan sub kegiatan, dan **pagu** tiap sub kegiatan: `../sumber-tabel19.tsv` = seed 001\n"
             "  Tabel 19 (kolom `baris_seed` menunjuk baris berkas seed; kode yang dilengkapi dari nomenklatur\n"
             "  diterangkan di `../README.md`).\n"
             "- **Indikator dan target**: `../sumber-kinerja.tsv`, lembar `Program` (= seed 001 Tabel 17,\n"
             "  baris seed di kolom `baris_seed`). Baris program Tabel 17 menjadi *Capaian Program*, baris\n"
             "  kegiatan menjadi *Hasil*, baris sub kegiatan (dan baris lanjutannya yang tanpa nama) menjadi\n"
             "  *Keluaran*; target ditulis `target satuan` (`100 %`, `2 Dokumen`). Baris Tabel 17 dipasangkan\n"
             "  menurut unit dan nama, berurutan (huruf besar/kecil dan tanda baca diabaikan; `Efektivitas`/\n"
             "  `Efektifitas` dianggap sama). Semua 86 baris Program dipakai. Indikator yang tidak ada di\n"
             "  Tabel 17 ditulis `-`.\n"
             "- **Nama rekening** seperti ditulis SIPD (lihat bagian *Kode rekening* di docs/dpa-tata-letak.md).\n")
    k.append("## Yang ilustratif\n")
    k.append("- baris rincian: pemilihan rekening, uraian, spesifikasi, koefisien, satuan, harga, PPN (11 % hanya\n"
             "  pada pengadaan komputer dan AC) dan kelompok `[#]`/keterangan `[-]`; satu baris `1 Paket`\n"
             "  terakhir tiap sub kegiatan menampung sisa agar jumlahnya tepat sama dengan pagu;\n"
             "- pembagian per bulan (Rencana Penarikan Dana dan anggaran kas), nomor DPA, tanggal\n"
             f"  ({TANGGAL_DPA}), sumber dana ({SUMBER_DANA[1]}, kode {SUMBER_DANA[0]}), lokasi, kelompok sasaran;\n"
             "- `Alokasi Tahun 2021` dan `Alokasi Tahun 2023` ditulis 0 (tidak diketahui);\n"
             f"- kolom *Sebelum* DPPA `{DPPA}` (pagu semula {rupiah(pagu_semula)}; *Sesudah* = pagu nyata);\n"
             "- nama orang tidak ditulis: `(nama Kepala SKPD)`, `(nama PPKD)`, `(nama)`.\n")
    k.append("Aturan yang selalu berlaku (diperiksa skrip dengan `Decimal`): jumlah item = koefisien × harga ×\n"
             "(1 + PPN/100) tepat dan bulat; rekening, kelompok dan keterangan = jumlah anaknya; total = pagu;\n"
             "12 bulan = pagu (per rekening di ekspor datar dan CSV); rumus Excel membawa hasilnya (`<v>`).\n")
    k.append("## Pagu per sub kegiatan (= Tabel 19 seed 001)\n")
    k.append("| unit | sub kegiatan | pagu | baris seed Tabel 19 | indikator (baris seed Tabel 17: capaian / hasil / keluaran) |")
    k.append("| --- | --- | ---: | ---: | --- |")
    for s in subs:
        def bs(d):
            return ",".join(x[2] for x in d) if d else "-"
        k.append(f"| {s['unit']['nama'].title()} | `{s['kode']}` {s['nama'][:70]}{'…' if len(s['nama']) > 70 else ''} | "
                 f"{rupiah(s['pagu'])} | {s['baris_seed']} | {bs(s['capaian'])} / {bs(s['hasil'])} / {bs(s['keluaran'])} |")
    k.append(f"| | **JUMLAH** | **{rupiah(sum(s['pagu'] for s in subs))}** | 997 | |")
    k.append("")
    k.append("Sub kegiatan berpagu 0: `7.01.01.2.08.01` (kecamatan) punya berkas rincian tanpa baris rincian;\n"
             "`7.01.03.2.02.02` Kanaan punya satu baris ekspor datar tanpa rekening bernilai 0;\n"
             "`7.01.05.2.01.01` Belimbing tidak punya baris di CSV anggaran kas (tidak ada rekening).\n")
    kel = [f"{a} {rupiah(v)}" for (a, _), v in zip(AKUN, total_rekap)]
    k.append(f"Rekap kecamatan per kelompok belanja (ilustratif, dari rincian): {', '.join(kel)}.\n")
    (KELUAR / "README.md").write_text("\n".join(k), encoding="utf-8")


def main():
    subs, _ = semua_sub()
    KELUAR.mkdir(exist_ok=True)
    for lama in KELUAR.iterdir():
        if lama.suffix in (".xlsx", ".xls", ".csv", ".md"):
            lama.unlink()
    kec = [s for s in subs if s["unit"]["kode"].endswith(".0000")]
    berkas = []
    pagu_semula = Decimal(0)
    for s in kec:
        if s["kode"] == HTML_XLS:
            p = KELUAR / nama_berkas("DPA-RINCIAN", s, "xls")
            tulis_html_xls(s, p)
            berkas.append((p.name, "6, tabel HTML bernama .xls (gaya wp-sipd)", f"`{s['kode']}` kecamatan"))
        elif s["kode"] == DPPA:
            p = KELUAR / nama_berkas("DPPA-RINCIAN", s, "xlsx")
            pagu_semula = tulis_dppa(s, p)
            berkas.append((p.name, "2, DPPA Sebelum/Sesudah", f"`{s['kode']}` kecamatan"))
        else:
            p = KELUAR / nama_berkas("DPA-RINCIAN", s, "xlsx")
            tulis_dpa_rincian(s, p)
            berkas.append((p.name, "1, DPA-RINCIAN", f"`{s['kode']}` kecamatan"))
    rincian = len(berkas)
    berkas = [(f"DPA-RINCIAN_*.xlsx ({rincian - 2} berkas)", "1, DPA-RINCIAN BELANJA SKPD",
               "satu per sub kegiatan kecamatan")] + [b for b in berkas if not b[1].startswith("1,")]
    p = KELUAR / "DPA-REKAP-BELANJA_7.01.0.00.0.00.30.0000_KECAMATAN_BONTANG_BARAT.xlsx"
    total_rekap = tulis_rekap(kec, p)
    berkas.append((p.name, "3, rekap belanja per sub kegiatan", "semua sub kegiatan kecamatan (mengulang pagu)"))
    unit = lambda akhir: [s for s in subs if s["unit"]["kode"].endswith(akhir)]  # noqa: E731
    p = KELUAR / "DPA-DATAR_7.01.0.00.0.00.30.0001_KELURAHAN_KANAAN.xlsx"
    tulis_datar(unit(".0001"), p)
    berkas.append((p.name, "4, datar satu baris per rekening", "semua sub kegiatan Kelurahan Kanaan"))
    p = KELUAR / "SIPD-RI-REKAP_7.01.0.00.0.00.30.0002_KELURAHAN_GUNUNG_TELIHAN.xlsx"
    tulis_sipd_ri(unit(".0002"), p)
    berkas.append((p.name, "5, rekap SIPD-RI KODE/NAMA", "semua sub kegiatan Kelurahan Gunung Telihan"))
    p = KELUAR / "ANGGARAN-KAS_7.01.0.00.0.00.30.0003_KELURAHAN_BELIMBING.csv"
    tulis_csv_kas(unit(".0003"), p)
    berkas.append((p.name, "7, CSV anggaran kas (;, Windows-1252)", "semua sub kegiatan Kelurahan Belimbing"))
    tulis_readme(subs, berkas, total_rekap, pagu_semula)
    total = sum(s["pagu"] for s in subs)
    print(f"ditulis {rincian + 4} berkas dan README.md di {KELUAR.relative_to(ROOT)}; {len(subs)} sub kegiatan, "
          f"pagu {rupiah(total)}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        sys.exit(__doc__)
    main()
