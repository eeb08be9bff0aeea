//! Arbitrary grids of cells through the kinerja recogniser and the join with a PK-less,
//! tree-less and a small tree. Cells come from a vocabulary of what kinerja sheets hold (every
//! column title of the form, indikator names, years, triwulan words, polaritas words, `n/a`,
//! text and float numbers), several sheets per input, so the join's matching is reached.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::check;
use lkjip::formulir::{JenisFormulir, formulir};
use lkjip::recognise::kinerja::{self, Hasil};
use lkjip::sheet::{Baris, Grid, Isi};

const KATA: &[&str] = &[
    "Nilai Survey Kepuasan Masyarakat (SKM)",
    "Nilai Survey Kepuasan Masyarakat",
    "Nilai Zona Integritas",
    "Sasaran A",
    "Meningkatnya kualitas pelayanan",
    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "7.01.01",
    "KECAMATAN BONTANG BARAT",
    "naik",
    "turun",
    "ya",
    "tidak",
    "maybe",
    "2021",
    "2022",
    "Tahun 2022",
    "IV",
    "TW II",
    "5",
    "n/a",
    "-",
    "87,40",
    "100%",
    "18 Org/Bulan",
    "1.500",
    "79.228.162.514.264.337.593.543.950.335",
    "%",
    "Nilai",
    "",
];

const ANGKA: &[f64] = &[0.0, 1.0, 4.0, 87.4, 100.0, 2022.0, 1e28, f64::NAN, -1.0, 0.5];

fn judul() -> Vec<Vec<&'static str>> {
    formulir(JenisFormulir::Kinerja, 2026)
        .lembar
        .iter()
        .map(|l| l.tabel[0].kolom.iter().map(|k| k.judul).collect())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let kepala = judul();
    let mut lembar = Vec::new();
    for (n, bagian) in data.split(|&b| b == 0xFF).take(6).enumerate() {
        let Some((&pilih, isi)) = bagian.split_first() else {
            continue;
        };
        let k = &kepala[pilih as usize % kepala.len()];
        let mut baris = vec![Baris {
            r: 0,
            sel: k.iter().map(|t| Isi::Teks(t.to_string())).collect(),
        }];
        let mut sel = Vec::new();
        let mut r = 1u32;
        let mut byte = isi.iter().copied();
        while let Some(b) = byte.next() {
            let nilai = byte.next().unwrap_or(0) as usize;
            let x = match b % 6 {
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
                sel.push(x);
            }
        }
        baris.push(Baris { r, sel });
        let grid = Grid {
            berkas: "kinerja.xlsx".into(),
            lembar: format!("L{n}"),
            baris,
            gabungan: Vec::new(),
        };
        if let Some(k) = kinerja::cari_kepala(&grid)
            && let Hasil::Lembar(l, _) = kinerja::kenali(&grid, k)
        {
            lembar.push(l);
        }
    }
    let _ = check::kinerja::susun(&lembar, &[], None, Some(2022));
    let pohon = lkjip::model::Pohon::new();
    let _ = check::kinerja::susun(&lembar, &[], Some(&pohon), None);
});
