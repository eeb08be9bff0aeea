//! The Temuan sheet: every finding, galat first, with where it is and what it should be.

use super::{Baris, Sel, SelKepala, Tabel};
use crate::temuan::Temuan;

const KOLOM: [&str; 6] = [
    "Tingkat",
    "Kode",
    "Lokasi",
    "Uraian",
    "Tertulis",
    "Seharusnya",
];

pub fn susun(temuan: &[Temuan]) -> Tabel {
    let galat = temuan
        .iter()
        .filter(|t| t.tingkat == crate::temuan::Tingkat::Galat)
        .count();
    let mut tabel = Tabel {
        nama_lembar: "Temuan".to_string(),
        judul: format!("Temuan Pemeriksaan: {} temuan, {galat} galat", temuan.len()),
        kepala: KOLOM
            .iter()
            .enumerate()
            .map(|(c, t)| SelKepala {
                r0: 0,
                c0: c as u16,
                r1: 0,
                c1: c as u16,
                teks: t.to_string(),
            })
            .collect(),
        baris_kepala: 1,
        nomor_kolom: None,
        lebar: vec![11.0, 26.0, 40.0, 80.0, 20.0, 20.0],
        baris: Vec::new(),
        kolom_uraian: 3,
        strip_nol: false,
    };
    for t in temuan {
        tabel.baris.push(Baris {
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
        tabel.baris.push(Baris {
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
    tabel
}
