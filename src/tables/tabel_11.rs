//! Tabel 11 Capaian Kinerja Tahun N (seed 001): each indikator kinerja utama with the year's
//! target (the PK's), its realisasi and % capaian, optionally its kriteria (Permendagri
//! 86/2017).
#![deny(clippy::arithmetic_side_effects)]

use super::{
    Badan, Baris, Bentuk, Hasil, Isi, Sel, Tabel, baris_excel, sel_capaian, sel_ukuran, teks_tahun,
};
use crate::compute::kinerja::{self, LabelKriteria};
use crate::model::kinerja::Kinerja;

const KOLOM: [&str; 7] = [
    "No",
    "Sasaran Strategis",
    "Indikator Kinerja",
    "Satuan",
    "Target",
    "Realisasi",
    "% Capaian",
];

/// `=IF(ISNUMBER(G9),IF(G9>=91,"Sangat Tinggi",…),"-")`: the bands by their lower bounds.
fn rumus_kriteria(label: &LabelKriteria, r: u32) -> String {
    let [a, b, c, d, e] = label.0;
    format!(
        "=IF(ISNUMBER(G{r}),IF(G{r}>=91,\"{a}\",IF(G{r}>=76,\"{b}\",IF(G{r}>=66,\"{c}\",IF(G{r}>=51,\"{d}\",\"{e}\")))),\"-\")"
    )
}

pub fn susun(k: &Kinerja, tahun: Option<i32>, kriteria: Option<LabelKriteria>) -> Tabel<'_> {
    let mut kolom: Vec<&str> = KOLOM.to_vec();
    let mut lebar = vec![5.0, 38.0, 42.0, 10.0, 11.0, 11.0, 11.0];
    if kriteria.is_some() {
        kolom.push("Kriteria");
        lebar.push(14.0);
    }
    let mut tabel = Tabel::baru(
        "Tabel 11",
        format!("Tabel 11 Capaian Kinerja{}", teks_tahun(tahun)),
        &kolom,
        lebar,
    );
    tabel.kolom_uraian = 2;
    let awal = tabel.baris_data_awal();
    let baris: Vec<Baris> = k
        .indikator
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let r = baris_excel(awal, i);
            let target = ind.target.map(|(u, _)| u);
            let capaian = sel_capaian(ind.iku.polaritas, ("E", target), ("F", ind.realisasi), r);
            let kriteria_sel = kriteria.as_ref().map(|label| {
                let teks = match &capaian.isi {
                    Isi::Rumus {
                        hasil: Hasil::Angka(c),
                        ..
                    } => label.label(kinerja::kriteria(*c)).to_string(),
                    _ => "-".to_string(),
                };
                Sel::rumus(rumus_kriteria(label, r), Hasil::Teks(teks), Bentuk::Tengah)
            });
            let mut sel = vec![
                Sel::angka(i.saturating_add(1).into(), Bentuk::Tengah),
                Sel::teks(ind.sasaran.clone()),
                Sel::teks(ind.nama.clone()),
                Sel {
                    bentuk: Bentuk::Tengah,
                    ..Sel::teks(ind.satuan.clone())
                },
                sel_ukuran(target),
                sel_ukuran(ind.realisasi),
                capaian,
            ];
            sel.extend(kriteria_sel);
            Baris {
                sel,
                tebal: false,
                indent: 0,
            }
        })
        .collect();
    tabel.baris = Badan::dari(baris);
    tabel
}
