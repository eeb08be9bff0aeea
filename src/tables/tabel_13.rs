//! Tabel 13 (seed 001): the year's realisasi against the two years before, and the relative
//! change (R_N − R_N−1) ÷ R_N−1 × 100 as a live formula.
#![deny(clippy::arithmetic_side_effects)]

use super::{Badan, Baris, Bentuk, Sel, Tabel, baris_excel, sel_hitung, sel_ukuran};
use crate::compute::kinerja::{self, CaraPerubahan};
use crate::model::kinerja::{Kinerja, Ukuran};

pub fn susun(k: &Kinerja, tahun: Option<i32>, cara: CaraPerubahan) -> Tabel<'_> {
    let n = tahun.unwrap_or_default();
    let judul_tahun = |d: i32| match tahun {
        Some(_) => format!("Realisasi {}", n.saturating_sub(d)),
        None => match d {
            0 => "Realisasi Tahun N".to_string(),
            d => format!("Realisasi Tahun N-{d}"),
        },
    };
    let kolom = [
        "No".to_string(),
        "Indikator Kinerja".to_string(),
        "Sat".to_string(),
        judul_tahun(2),
        judul_tahun(1),
        judul_tahun(0),
        match (cara, tahun) {
            (CaraPerubahan::Relatif, Some(t)) => format!("% Peningkatan / Penurunan tahun {t}"),
            (CaraPerubahan::Relatif, None) => "% Peningkatan / Penurunan".to_string(),
            (CaraPerubahan::Poin, Some(t)) => format!("Peningkatan / Penurunan tahun {t} (poin)"),
            (CaraPerubahan::Poin, None) => "Peningkatan / Penurunan (poin)".to_string(),
        },
    ];
    let kolom: Vec<&str> = kolom.iter().map(String::as_str).collect();
    let judul = match tahun {
        Some(t) => format!(
            "Tabel 13 Membandingkan Realisasi Kinerja Tahun {t} dengan Realisasi Kinerja Tahun {} dan Tahun {}",
            t.saturating_sub(1),
            t.saturating_sub(2)
        ),
        None => "Tabel 13 Membandingkan Realisasi Kinerja dengan Dua Tahun Sebelumnya".to_string(),
    };
    let mut tabel = Tabel::baru(
        "Tabel 13",
        judul,
        &kolom,
        vec![5.0, 44.0, 8.0, 12.0, 12.0, 12.0, 16.0],
    );
    tabel.kolom_uraian = 1;
    let awal = tabel.baris_data_awal();
    let baris: Vec<Baris> = k
        .indikator
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let r = baris_excel(awal, i);
            let lalu = |d: i32| {
                tahun.and_then(|t| {
                    ind.tahunan
                        .get(&t.saturating_sub(d))
                        .and_then(|p| p.realisasi)
                })
            };
            let (r2, r1, r0) = (lalu(2), lalu(1), ind.realisasi);
            let perubahan = match (r1.and_then(Ukuran::angka), r0.and_then(Ukuran::angka)) {
                (Some(a), Some(b)) => match cara {
                    CaraPerubahan::Relatif => sel_hitung(
                        format!("=IF(E{r}=0,\"-\",ROUND((F{r}-E{r})/E{r}*100,2))"),
                        kinerja::perubahan(b, a),
                        true,
                    ),
                    CaraPerubahan::Poin => sel_hitung(
                        format!("=ROUND(F{r}-E{r},2)"),
                        kinerja::selisih_poin(b, a),
                        true,
                    ),
                },
                _ => sel_hitung(
                    String::new(),
                    Err(kinerja::TakTerhitung::TidakDiukur),
                    false,
                ),
            };
            Baris {
                sel: vec![
                    Sel::angka(i.saturating_add(1).into(), Bentuk::Tengah),
                    Sel::teks(ind.nama.clone()),
                    Sel {
                        bentuk: Bentuk::Tengah,
                        ..Sel::teks(ind.satuan.clone())
                    },
                    sel_ukuran(r2),
                    sel_ukuran(r1),
                    sel_ukuran(r0),
                    perubahan,
                ],
                tebal: false,
                indent: 0,
            }
        })
        .collect();
    tabel.baris = Badan::dari(baris);
    tabel
}
