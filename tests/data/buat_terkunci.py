"""Membuat tests/data/terkunci.xlsx: salinan contoh Bontang Barat yang dikunci kata sandi
`rahasia` (enkripsi Agile Office, seperti Excel "Protect Workbook › Encrypt with Password").

Jalankan dari akar repo: python3 tests/data/buat_terkunci.py   (perlu msoffcrypto-tool)
"""
from pathlib import Path

import msoffcrypto
from msoffcrypto.format.ooxml import OOXMLFile

akar = Path(__file__).resolve().parents[2]
asal = akar / "samples" / "bontang-barat-2022" / "realisasi.xlsx"
tujuan = Path(__file__).with_name("terkunci.xlsx")
with open(asal, "rb") as masuk, open(tujuan, "wb") as keluar:
    OOXMLFile(masuk).encrypt("rahasia", keluar)
with open(tujuan, "rb") as f:
    assert msoffcrypto.OfficeFile(f).is_encrypted()
print(f"ditulis {tujuan}")
