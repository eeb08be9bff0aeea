//! The Temuan sheet: every finding, galat first, with where it is and what it should be.

use super::{Badan, Baris, Sel, Tabel};
use crate::temuan::Temuan;

const KOLOM: [&str; 6] = [
    "Tingkat",
    "Kode",
    "Lokasi",
    "Uraian",
    "Tertulis",
    "Seharusnya",
];

pub fn susun(temuan: &[Temuan]) -> Tabel<'static> {
    let galat = temuan
        .iter()
        .filter(|t| t.tingkat == crate::temuan::Tingkat::Galat)
        .count();
    let mut tabel = Tabel::baru(
        "Temuan",
        format!("Temuan Pemeriksaan: {} temuan, {galat} galat", temuan.len()),
        &KOLOM,
        vec![11.0, 26.0, 40.0, 80.0, 20.0, 20.0],
    );
    tabel.kolom_uraian = 3;
    let mut baris = Vec::with_capacity(temuan.len().max(1));
    for t in temuan {
        baris.push(Baris {
            sel: vec![
                Sel::teks(t.tingkat.nama()),
                Sel::teks(t.kode),
                Sel::teks(t.lokasi.to_string()),
                Sel::teks(t.pesan.clone()),
                Sel::teks(t.tertulis.clone().unwrap_or_default()),
                Sel::teks(t.seharusnya.clone().unwrap_or_default()),
            ],
            tebal: t.tingkat == crate::temuan::Tingkat::Galat,
            indent: 0,
        });
    }
    if temuan.is_empty() {
        baris.push(Baris {
            sel: vec![
                Sel::kosong(),
                Sel::kosong(),
                Sel::kosong(),
                Sel::teks("Tidak ada temuan."),
            ],
            tebal: false,
            indent: 0,
        });
    }
    tabel.baris = Badan::dari(baris);
    tabel
}
