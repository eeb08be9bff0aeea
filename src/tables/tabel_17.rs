//! Tabel 17 Pencapaian Target Kinerja per Program dan Kegiatan (seed 001): every unit,
//! program, kegiatan and sub kegiatan of the realisasi tree with its indikator from the
//! kinerja workbook's Program sheet, target and realisasi kinerja, anggaran and realisasi
//! anggaran, and the % realisasi kinerja.
//!
//! Rows come from the tree, so the unit rows carry exactly Tabel 19's totals (seed 001's own
//! Tabel 17 shows Kelurahan Kanaan at 1.771.917.188 where its programs add up to
//! 1.786.917.188: it left out Program Penyelenggaraan Urusan Pemerintahan Umum). A node
//! with several indikator has a row for each, its name and amounts merged over them.
#![deny(clippy::arithmetic_side_effects)]

use super::{
    Badan, Baris, Bentuk, GabungBadan, Hasil, Sel, SelKepala, Tabel, baris_excel, rumus_jumlah,
    sel_capaian, sel_ukuran, teks_tahun,
};
use crate::compute::kinerja::Polaritas;
use crate::kode::Tingkat;
use crate::model::Pohon;
use crate::model::kinerja::Kinerja;

fn kepala(r0: u32, c0: u16, r1: u32, c1: u16, teks: &str) -> SelKepala {
    SelKepala {
        r0,
        c0,
        r1,
        c1,
        teks: teks.to_string(),
    }
}

pub fn susun<'a>(k: &'a Kinerja, pohon: &'a Pohon, tahun: Option<i32>) -> Tabel<'a> {
    let mut tabel = Tabel::baru(
        "Tabel 17",
        format!(
            "Tabel 17 Pencapaian Target Kinerja Sesuai dengan Pernyataan Kinerja Berdasarkan Program dan Kegiatan{}",
            teks_tahun(tahun)
        ),
        &[],
        vec![
            42.0, 30.0, 30.0, 8.0, 10.0, 17.0, 8.0, 10.0, 17.0, 11.0, 18.0,
        ],
    );
    tabel.kepala = vec![
        kepala(0, 0, 1, 0, "Program/Kegiatan"),
        kepala(
            0,
            1,
            1,
            1,
            "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
        ),
        kepala(
            0,
            2,
            1,
            2,
            "Indikator Kinerja Program (outcome)/ Kegiatan (output) PERMENDAGRI",
        ),
        kepala(0, 3, 0, 5, "Target Kinerja"),
        kepala(1, 3, 1, 3, "Nilai"),
        kepala(1, 4, 1, 4, "Satuan"),
        kepala(1, 5, 1, 5, "Anggaran (Rp)"),
        kepala(0, 6, 0, 8, "Realisasi Kinerja"),
        kepala(1, 6, 1, 6, "Nilai"),
        kepala(1, 7, 1, 7, "Satuan"),
        kepala(1, 8, 1, 8, "Realisasi Anggaran (Rp)"),
        kepala(0, 9, 1, 9, "Presentase Realisasi Kinerja"),
        kepala(0, 10, 1, 10, "Unit Perangkat Daerah Penanggung Jawab"),
        kepala(2, 0, 2, 0, "1"),
        kepala(2, 1, 2, 1, "2"),
        kepala(2, 2, 2, 2, "3"),
        kepala(2, 3, 2, 5, "4"),
        kepala(2, 6, 2, 8, "5"),
        kepala(2, 9, 2, 9, "6"),
        kepala(2, 10, 2, 10, "7"),
    ];
    tabel.baris_kepala = 3;
    let awal = tabel.baris_data_awal();

    // The nodes shown, each with its number of rows (one per indikator, at least one).
    let simpul: Vec<usize> = pohon
        .urut()
        .into_iter()
        .map(|(i, _)| i)
        .filter(|&i| {
            matches!(
                pohon.simpul[i].tingkat,
                Some(
                    Tingkat::Organisasi
                        | Tingkat::SubUnit
                        | Tingkat::Program
                        | Tingkat::Kegiatan
                        | Tingkat::SubKegiatan
                )
            )
        })
        .collect();
    // Each node's first row, and its merges over its indikator rows (the merges need only
    // the row counts; the rows are made as the sheet is written, as Tabel 19's are: a large
    // LRA gives Tabel 17 a row per node).
    let mut baris_pertama = vec![None; pohon.simpul.len()];
    let mut n: usize = 0;
    for &i in &simpul {
        baris_pertama[i] = Some(baris_excel(awal, n));
        let m = k.indikator_simpul.get(&i).map_or(1, |v| v.len().max(1));
        let akhir = n.saturating_add(m).saturating_sub(1);
        if akhir > n {
            for c in [0u16, 5, 8] {
                tabel.gabung_badan.push(GabungBadan {
                    r0: n,
                    c0: c,
                    r1: akhir,
                    c1: c,
                });
            }
        }
        n = n.saturating_add(m);
    }
    // The unit a node is in, for its penanggung jawab when the Program sheet names none.
    let unit = pohon.unit_tiap_simpul();
    let baris = simpul
        .into_iter()
        .flat_map(move |i| baris_simpul(k, pohon, i, &baris_pertama, &unit));
    tabel.baris = Badan::baru(n, baris);
    tabel
}

/// The rows of one node: one per indikator, at least one.
fn baris_simpul(
    k: &Kinerja,
    pohon: &Pohon,
    i: usize,
    baris_pertama: &[Option<u32>],
    unit: &[Option<usize>],
) -> Vec<Baris> {
    let s = &pohon.simpul[i];
    let r0 = baris_pertama[i].unwrap_or_default();
    let anak: Vec<u32> = s.anak.values().filter_map(|&a| baris_pertama[a]).collect();
    let jumlah = |kolom: char, nilai| match rumus_jumlah(kolom, &anak) {
        Some(rumus) => Sel::rumus(rumus, Hasil::dari(nilai), Bentuk::Rupiah),
        None => Sel::hasil(nilai, Bentuk::Rupiah),
    };
    let indikator = k.indikator_simpul.get(&i).cloned().unwrap_or_default();
    let unit_nama = unit[i]
        .map(|u| pohon.simpul[u].uraian.clone())
        .unwrap_or_default();
    let tebal = s.tingkat < Some(Tingkat::Kegiatan);
    let indent = match s.tingkat {
        Some(Tingkat::Kegiatan) => 1,
        Some(Tingkat::SubKegiatan) => 2,
        _ => 0,
    };
    let jumlah_baris = indikator.len().max(1);
    let mut baris = Vec::with_capacity(jumlah_baris);
    for j in 0..jumlah_baris {
        let r = r0.saturating_add(j as u32);
        let b = indikator.get(j).map(|&x| &k.program[x].1);
        let teks = |t: Option<&crate::model::pk::Teks>| {
            Sel::teks(t.map(|t| t.isi.clone()).unwrap_or_default())
        };
        let target = b.and_then(|b| b.target.map(|u| u.ukuran));
        let realisasi = b.and_then(|b| b.realisasi.map(|u| u.ukuran));
        let satuan = b.and_then(|b| b.satuan.as_ref());
        let pj = b
            .and_then(|b| b.penanggung_jawab.as_ref().map(|t| t.isi.clone()))
            .unwrap_or_else(|| unit_nama.clone());
        let tengah = |sel: Sel| Sel {
            bentuk: Bentuk::Tengah,
            ..sel
        };
        let sel = vec![
            Sel::teks(if j == 0 {
                s.uraian.clone()
            } else {
                String::new()
            }),
            teks(b.map(|b| &b.indikator)),
            match b.and_then(|b| b.permendagri.as_ref()) {
                Some(t) => Sel::teks(t.isi.clone()),
                None if j == 0 => Sel::teks(
                    k.permendagri_nomenklatur
                        .get(&i)
                        .cloned()
                        .unwrap_or_default(),
                ),
                None => Sel::teks(String::new()),
            },
            sel_ukuran(target),
            tengah(teks(satuan)),
            if j == 0 {
                jumlah('F', s.hitung.pagu)
            } else {
                Sel::kosong()
            },
            sel_ukuran(realisasi),
            // No realisasi (a target taken from the DPA): no unit beside an empty value.
            tengah(teks(
                b.and_then(|b| b.satuan_realisasi.as_ref())
                    .or(satuan.filter(|_| realisasi.is_some())),
            )),
            if j == 0 {
                jumlah('I', s.hitung.realisasi)
            } else {
                Sel::kosong()
            },
            sel_capaian(Polaritas::Naik, ("D", target), ("G", realisasi), r),
            Sel::teks(if j == 0 || b.is_some() {
                pj
            } else {
                String::new()
            }),
        ];
        baris.push(Baris { sel, tebal, indent });
    }
    baris
}
