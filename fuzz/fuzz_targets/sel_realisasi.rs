//! Arbitrary grids of cells through the realisasi recogniser, the tree and the checks. The
//! bytes are decoded into cells from a vocabulary of what budget sheets hold (header words,
//! codes of every level, Indonesian text numbers, float cells, formulas without a result),
//! so that the fuzzer reaches the recogniser's and the tree's deep paths instead of being
//! stopped at "no header".
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::check;
use lkjip::recognise::realisasi::{self, Hasil};
use lkjip::sheet::{Baris, Grid, Isi};

const KATA: &[&str] = &[
    "Kode",
    "Uraian",
    "Program, Kegiatan, dan Sub Kegiatan",
    "Anggaran",
    "Realisasi",
    "%",
    "Sisa Anggaran",
    "Realisasi Fisik (%)",
    "Efisiensi Anggaran (%)",
    "Kelompok Belanja",
    "Operasi",
    "Modal",
    "TOTAL",
    "AKAS s.d. Juni",
    "Bulan Lalu",
    "Bulan Ini",
    "s.d. Bulan Ini",
    "Keuangan",
    "Fisik",
    "Rp",
    "Rp (000)",
    "Bobot (%)",
    "JUMLAH",
    "7",
    "7.01",
    "7.01.0.00.0.00.30.0000",
    "7.01.01",
    "7.01.01.2.01",
    "7.01.01.2.01.01",
    "7.01.01.2.01.0001",
    "5.1.02.01.01.0024",
    "5.1.02.01.001.00024",
    "PROGRAM PENUNJANG URUSAN",
    "KECAMATAN BONTANG BARAT",
    "1.234.567,89",
    "Rp. 112.041.250,-",
    "(1.234)",
    "-",
    "99,17%",
    "79.228.162.514.264.337.593.543.950.335",
    "0,9059",
    "n/a",
    "1",
    "2",
    "5 = 4/3*100",
];

const ANGKA: &[f64] = &[
    0.0,
    1.0,
    100.0,
    0.5,
    1e28,
    -7.9e28,
    7.92e28,
    1e308,
    f64::NAN,
    f64::INFINITY,
    57456457922.650024,
    1698100.0,
];

fuzz_target!(|data: &[u8]| {
    let mut baris: Vec<Baris> = Vec::new();
    let mut sel = Vec::new();
    let mut r = 0u32;
    let mut byte = data.iter().copied();
    while let Some(b) = byte.next() {
        let nilai = byte.next().unwrap_or(0) as usize;
        let isi = match b % 8 {
            0 => {
                baris.push(Baris {
                    r,
                    sel: std::mem::take(&mut sel),
                });
                r += 1 + (nilai % 3) as u32;
                continue;
            }
            1 | 2 | 3 => Isi::Teks(KATA[nilai % KATA.len()].to_string()),
            4 => Isi::Angka(ANGKA[nilai % ANGKA.len()] * (1 + nilai / ANGKA.len()) as f64),
            5 => Isi::Kosong,
            6 => Isi::RumusTanpaHasil,
            _ => Isi::GalatExcel("#DIV/0!".to_string()),
        };
        if sel.len() < 40 {
            sel.push(isi);
        }
    }
    baris.push(Baris { r, sel });
    let grid = Grid {
        berkas: "fuzz.xlsx".into(),
        lembar: "LRA".into(),
        baris,
        gabungan: Vec::new(),
    };
    if let Ok(Hasil::Dokumen(dok, _)) = realisasi::kenali(&grid) {
        let _ = check::periksa_dokumen(*dok);
    }
});
