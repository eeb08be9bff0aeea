//! Tabel 12 Pengukuran Kinerja Organisasi per Triwulan (seed 001): four rows per indikator,
//! its No, sasaran, indikator, satuan and yearly target merged over them.
#![deny(clippy::arithmetic_side_effects)]

use super::{
    Badan, Baris, Bentuk, GabungBadan, Sel, Tabel, baris_excel, sel_capaian, sel_ukuran, teks_tahun,
};
use crate::model::kinerja::Kinerja;

const KOLOM: [&str; 9] = [
    "No",
    "Sasaran Strategis",
    "Indikator Kinerja",
    "Sat",
    "Target Tahunan",
    "Triwulan",
    "Target",
    "Realisasi",
    "%",
];

const TRIWULAN: [&str; 4] = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"];

pub fn susun(k: &Kinerja, tahun: Option<i32>) -> Tabel<'_> {
    let mut tabel = Tabel::baru(
        "Tabel 12",
        format!(
            "Tabel 12 Pengukuran Kinerja Organisasi per Triwulan{}",
            teks_tahun(tahun)
        ),
        &KOLOM,
        vec![5.0, 34.0, 38.0, 8.0, 10.0, 12.0, 10.0, 10.0, 10.0],
    );
    tabel.kolom_uraian = 2;
    let awal = tabel.baris_data_awal();
    let mut baris = Vec::with_capacity(k.indikator.len().saturating_mul(4));
    for (i, ind) in k.indikator.iter().enumerate() {
        let pertama = baris.len();
        for (t, nama) in TRIWULAN.iter().enumerate() {
            let r = baris_excel(awal, baris.len());
            let tw = ind.triwulan[t];
            let kepala = if t == 0 {
                vec![
                    Sel::angka(i.saturating_add(1).into(), Bentuk::Tengah),
                    Sel::teks(ind.sasaran.clone()),
                    Sel::teks(ind.nama.clone()),
                    Sel {
                        bentuk: Bentuk::Tengah,
                        ..Sel::teks(ind.satuan.clone())
                    },
                    sel_ukuran(ind.target.map(|(u, _)| u)),
                ]
            } else {
                vec![Sel::kosong(); 5]
            };
            let mut sel = kepala;
            sel.push(Sel::teks(*nama));
            sel.push(sel_ukuran(tw.target));
            sel.push(sel_ukuran(tw.realisasi));
            sel.push(sel_capaian(
                ind.iku.polaritas,
                ("G", tw.target),
                ("H", tw.realisasi),
                r,
            ));
            baris.push(Baris {
                sel,
                tebal: false,
                indent: 0,
            });
        }
        let akhir = baris.len().saturating_sub(1);
        for c in 0..5 {
            tabel.gabung_badan.push(GabungBadan {
                r0: pertama,
                c0: c,
                r1: akhir,
                c1: c,
            });
        }
    }
    tabel.baris = Badan::dari(baris);
    tabel
}
