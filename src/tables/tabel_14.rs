//! Tabel 14 (seed 001): realisasi to date of the Renstra period against its target akhir,
//! with the column-number row 1–5.
#![deny(clippy::arithmetic_side_effects)]

use super::{Badan, Baris, Sel, Tabel, baris_excel, sel_capaian, sel_ukuran, teks_tahun};
use crate::compute::kinerja;
use crate::model::kinerja::{Indikator, Kinerja, Ukuran};

/// Realisasi s.d. tahun N: the year's for an indikator that is not cumulative; for a
/// cumulative one the sum of the years of the Renstra (from its first target year) to N.
pub fn realisasi_sampai(ind: &Indikator, tahun: Option<i32>) -> Option<Ukuran> {
    if !ind.iku.kumulatif {
        return ind.realisasi;
    }
    let n = tahun?;
    let awal = ind
        .tahunan
        .iter()
        .find(|(_, p)| p.target.is_some())
        .map_or(n, |(t, _)| *t);
    let per_tahun: Vec<Option<rust_decimal::Decimal>> = (awal..=n)
        .map(|t| {
            let r = if t == n {
                ind.realisasi
            } else {
                ind.tahunan.get(&t).and_then(|p| p.realisasi)
            };
            r.and_then(Ukuran::angka)
        })
        .collect();
    Some(match kinerja::realisasi_sampai(&per_tahun, true) {
        Ok(d) => Ukuran::Angka(d),
        Err(_) => Ukuran::TidakDiukur,
    })
}

pub fn susun(k: &Kinerja, tahun: Option<i32>) -> Tabel<'_> {
    let sampai = match tahun {
        Some(t) => format!("Realisasi s.d. {t}"),
        None => "Realisasi s.d. Tahun Ini".to_string(),
    };
    let kolom = [
        "Indikator Kinerja",
        "Satuan",
        sampai.as_str(),
        "Target Akhir Renstra",
        "Persentase Capaian",
    ];
    let mut tabel = Tabel::baru(
        "Tabel 14",
        format!(
            "Tabel 14 Membandingkan Realisasi Kinerja s.d. Tahun Ini dengan Target Akhir Renstra{}",
            teks_tahun(tahun)
        ),
        &kolom,
        vec![48.0, 10.0, 14.0, 14.0, 14.0],
    );
    tabel.nomor_kolom = Some((1..=5).map(|n| n.to_string()).collect());
    let awal = tabel.baris_data_awal();
    let baris: Vec<Baris> = k
        .indikator
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let r = baris_excel(awal, i);
            let sd = realisasi_sampai(ind, tahun);
            let akhir = ind.iku.target_akhir.map(|u| u.ukuran);
            Baris {
                sel: vec![
                    Sel::teks(ind.nama.clone()),
                    Sel {
                        bentuk: super::Bentuk::Tengah,
                        ..Sel::teks(ind.satuan.clone())
                    },
                    sel_ukuran(sd),
                    sel_ukuran(akhir),
                    sel_capaian(ind.iku.polaritas, ("D", akhir), ("C", sd), r),
                ],
                tebal: false,
                indent: 0,
            }
        })
        .collect();
    tabel.baris = Badan::dari(baris);
    tabel
}
