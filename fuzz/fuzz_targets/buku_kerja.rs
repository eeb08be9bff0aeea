//! Bytes as a workbook, through everything `lkjip periksa` and `susun` do: `sheet` (calamine
//! and our guards), the realisasi recogniser, the tree, the checks, the tables and the writer.
//! The first byte picks the extension, since the reader is chosen by it and by the magic bytes.
//!
//! With `LKJIP_BIN` set to a built `lkjip` (fuzz/jalankan.sh does), workbooks are read in a
//! child process, as the `lkjip` binary reads them: what this target must never see is then
//! what a user must never see. Without it they are read in this process, calamine's own
//! aborts included (useful to find reader crashes, which the child process only contains).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::perintah::{self, BilaGagal};
use lkjip::sheet::{self, Batas};
use std::path::PathBuf;
use std::sync::Once;

static MULAI: Once = Once::new();

const EKSTENSI: [&str; 4] = ["xlsx", "xls", "xlsb", "ods"];

fuzz_target!(|data: &[u8]| {
    MULAI.call_once(|| {
        if let Some(program) = std::env::var_os("LKJIP_BIN") {
            // The release binary's bounds (a fuzz build has debug assertions, whose default
            // deadline is 60 s, past libFuzzer's -timeout).
            let batas = Batas {
                memori_mb: 500,
                waktu_detik: 8,
            };
            sheet::pakai_proses_anak(PathBuf::from(program), batas);
        }
    });
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
        None,
        Vec::new(),
        BilaGagal::Berhenti,
        lkjip::nomenklatur::Nomenklatur::bawaan(),
        &|_, _| {},
    ) else {
        return;
    };
    // Every table the inputs allow (kinerja and typed tables included), then the marked
    // copy `periksa -o` writes.
    let keluaran = dir.join("keluaran.xlsx");
    let _ = perintah::susun(&pemeriksaan, &perintah::Pilihan::default(), &keluaran);
    let _ = std::fs::remove_file(&keluaran);
    let salinan = dir.join("salinan.xlsx");
    let _ = perintah::tandai(&pemeriksaan, std::slice::from_ref(&berkas), &salinan);
    let _ = std::fs::remove_file(&salinan);
});
