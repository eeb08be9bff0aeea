//! Arbitrary grids through the reader of typed LKjIP tables and their checks: titles of
//! Tabel 11–15 and 18 and their column titles from a vocabulary, then cells of typed numbers
//! (`99,17%`, `-1,73%`, `3.809.732.516`, `Rp 1.067.764.107,00`, `n/a`, `-`), words and floats.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::check;
use lkjip::recognise::tabel;
use lkjip::sheet::{Baris, Grid, Isi};

const KATA: &[&str] = &[
    "Tabel 11 Capaian Kinerja Tahun 2022",
    "Tabel 12 Pengukuran Kinerja Organisasi per Triwulan",
    "Tabel 13 Membandingkan realisasi kinerja tahun 2022",
    "Tabel 14 target akhir Renstra",
    "Tabel 15 : Evisiensi Penggunaan Sumber Daya",
    "Tabel 18 Realisasi anggaran Tahun 2022",
    "No",
    "Sasaran Strategis",
    "Indikator Kinerja",
    "Satuan",
    "Target",
    "Target Tahunan",
    "Triwulan",
    "Realisasi",
    "Realisasi 2021",
    "Realisasi 2022",
    "Realisasi s.d. 2022",
    "Target Akhir Renstra",
    "% Capaian",
    "Prosentase",
    "Anggaran",
    "Tingkat Efisiensi (%)",
    "% Peningkatan / Penurunan tahun 2022",
    "Uraian",
    "Jumlah",
    "Sisa Lebih",
    "Nilai Survey Kepuasan Masyarakat",
    "Nilai SKM (Survey Kepuasan Masyarakat)",
    "99,17%",
    "-1,73%",
    "3.809.732.516",
    "Rp 1.067.764.107,00",
    "n/a",
    "-",
    "87,00",
    "0",
    "79.228.162.514.264.337.593.543.950.335",
];

const ANGKA: &[f64] = &[0.0, 1.0, 87.0, 86.28, 100.0, 3809732516.0, 1e28, f64::NAN, -1.0];

fuzz_target!(|data: &[u8]| {
    let mut baris: Vec<Baris> = Vec::new();
    let mut sel = Vec::new();
    let mut r = 0u32;
    let mut byte = data.iter().copied();
    while let Some(b) = byte.next() {
        let nilai = byte.next().unwrap_or(0) as usize;
        let isi = match b % 6 {
            0 => {
                baris.push(Baris {
                    r,
                    sel: std::mem::take(&mut sel),
                });
                r += 1;
                continue;
            }
            1..=3 => Isi::Teks(KATA[nilai % KATA.len()].to_string()),
            4 => Isi::Angka(ANGKA[nilai % ANGKA.len()]),
            _ => Isi::Kosong,
        };
        if sel.len() < 16 {
            sel.push(isi);
        }
    }
    baris.push(Baris { r, sel });
    let grid = Grid {
        berkas: "t.xlsx".into(),
        lembar: "T".into(),
        baris,
        gabungan: Vec::new(),
    };
    let t = tabel::kenali(&grid);
    let pohon = lkjip::model::Pohon::new();
    let _ = check::tabel::periksa(&t, None, Some(&pohon), &[]);
    let _ = check::tabel::periksa(&t, None, None, &[]);
});
