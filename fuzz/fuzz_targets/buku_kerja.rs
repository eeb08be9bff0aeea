//! Bytes as a workbook, through everything `lkjip periksa` and `susun` do: `sheet` (calamine
//! and our guards), the realisasi recogniser, the tree, the checks, the tables and the writer.
//! The first byte picks the extension, since the reader is chosen by it and by the magic bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::perintah::{self, BilaGagal};
use std::path::PathBuf;

const EKSTENSI: [&str; 4] = ["xlsx", "xls", "xlsb", "ods"];

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("lkjip-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let berkas: PathBuf = dir.join(format!("masukan.{}", EKSTENSI[pilih as usize % 4]));
    if std::fs::write(&berkas, isi).is_err() {
        return;
    }
    let Ok(pemeriksaan) = perintah::periksa(
        std::slice::from_ref(&berkas),
        None,
        Vec::new(),
        BilaGagal::Berhenti,
    ) else {
        return;
    };
    let keluaran = dir.join("keluaran.xlsx");
    let _ = perintah::susun(&pemeriksaan, None, &[], &keluaran);
    let _ = std::fs::remove_file(&keluaran);
});
