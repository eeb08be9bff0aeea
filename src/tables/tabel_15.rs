//! Tabel 15 Efisiensi Penggunaan Sumber Daya (seed 001): per indikator, its capaian beside
//! the serapan of the anggaran that funds its sasaran, and the tingkat efisiensi.
//!
//! The anggaran of a sasaran is the sum of the program nodes the Peta Anggaran sheet gives
//! it, from the realisasi tree (seed 001 Tabel 8: sasaran 1 = Program Penyelenggaraan
//! Pemerintahan dan Pelayanan Publik of the kecamatan and its three kelurahan,
//! 3.809.732.516). A sasaran with several indikator shows its anggaran once, merged.
#![deny(clippy::arithmetic_side_effects)]

use super::{
    Badan, Baris, Bentuk, GabungBadan, Sel, Tabel, baris_excel, sel_capaian, sel_hitung,
    sel_ukuran, teks_tahun,
};
use crate::angka::bulat;
use crate::compute::kinerja::{self, CaraEfisiensi, TakTerhitung};
use crate::model::Pohon;
use crate::model::kinerja::{Kinerja, Ukuran};

const KOLOM: [&str; 11] = [
    "No",
    "Sasaran Strategis",
    "Indikator Kinerja",
    "Satuan",
    "Target",
    "Realisasi",
    "Prosentase",
    "Anggaran",
    "Realisasi",
    "Prosentase",
    "Tingkat Efisiensi (%)",
];

pub fn susun<'a>(
    k: &'a Kinerja,
    pohon: &'a Pohon,
    tahun: Option<i32>,
    cara: CaraEfisiensi,
) -> Tabel<'a> {
    let mut kolom = KOLOM;
    if cara == CaraEfisiensi::Rasio {
        kolom[10] = "Tingkat Efisiensi (% capaian ÷ % serapan × 100)";
    }
    let mut tabel = Tabel::baru(
        "Tabel 15",
        format!(
            "Tabel 15 Efisiensi Penggunaan Sumber Daya{}",
            teks_tahun(tahun)
        ),
        &kolom,
        vec![5.0, 30.0, 34.0, 9.0, 9.0, 9.0, 10.0, 17.0, 17.0, 10.0, 11.0],
    );
    tabel.kolom_uraian = 2;
    let awal = tabel.baris_data_awal();
    let mut baris: Vec<Baris> = Vec::new();
    let mut nomor: u32 = 0;
    for s in &k.sasaran {
        let (pagu, realisasi) = kinerja::anggaran_program(pohon, &s.program);
        let pertama = baris.len();
        let r_pertama = baris_excel(awal, pertama);
        let serapan = match (pagu, realisasi) {
            (Ok(p), Ok(r)) => kinerja::serapan(p, r),
            _ => Err(TakTerhitung::Luap),
        };
        for (j, &i) in s.indikator.iter().enumerate() {
            let ind = &k.indikator[i];
            nomor = nomor.saturating_add(1);
            let r = baris_excel(awal, baris.len());
            let target = ind.target.map(|(u, _)| u);
            let capaian_sel =
                sel_capaian(ind.iku.polaritas, ("E", target), ("F", ind.realisasi), r);
            let capaian = match (
                target.and_then(Ukuran::angka),
                ind.realisasi.and_then(Ukuran::angka),
            ) {
                (Some(t), Some(x)) => kinerja::capaian(ind.iku.polaritas, t, x),
                _ => Err(TakTerhitung::TidakDiukur),
            };
            let mut sel = vec![
                Sel::angka(nomor.into(), Bentuk::Tengah),
                Sel::teks(if j == 0 {
                    s.nama.clone()
                } else {
                    String::new()
                }),
                Sel::teks(ind.nama.clone()),
                Sel {
                    bentuk: Bentuk::Tengah,
                    ..Sel::teks(ind.satuan.clone())
                },
                sel_ukuran(target),
                sel_ukuran(ind.realisasi),
                capaian_sel,
            ];
            if j == 0 {
                sel.push(Sel::hasil(pagu, Bentuk::Rupiah));
                sel.push(Sel::hasil(realisasi, Bentuk::Rupiah));
                sel.push(sel_hitung(
                    format!("=IF(H{r}=0,\"-\",ROUND(I{r}/H{r}*100,2))"),
                    serapan,
                    true,
                ));
            } else {
                sel.extend([Sel::kosong(), Sel::kosong(), Sel::kosong()]);
            }
            // From the two rounded percentages the table shows, as the formula does.
            let bulat2 = |h: kinerja::Hasil| h.map(|d| bulat(d, 2));
            let efisiensi = kinerja::efisiensi_sumber_daya(cara, bulat2(capaian), bulat2(serapan));
            let rumus = match cara {
                CaraEfisiensi::Selisih => format!("=ROUND(G{r}-J{r_pertama},2)"),
                CaraEfisiensi::Rasio => format!("=ROUND(G{r}/J{r_pertama}*100,2)"),
            };
            let ada = capaian.is_ok() && serapan.is_ok();
            sel.push(sel_hitung(rumus, efisiensi, ada));
            baris.push(Baris {
                sel,
                tebal: false,
                indent: 0,
            });
        }
        let akhir = baris.len().saturating_sub(1);
        if akhir > pertama {
            for c in [1u16, 7, 8, 9] {
                tabel.gabung_badan.push(GabungBadan {
                    r0: pertama,
                    c0: c,
                    r1: akhir,
                    c1: c,
                });
            }
        }
    }
    tabel.baris = Badan::dari(baris);
    tabel
}
