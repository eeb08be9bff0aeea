//! The Grafik sheet: a bar chart of % capaian per indikator with the 100 % line, and one of
//! serapan anggaran per program (a program run by several units counted once, over all of
//! them). Only what to draw is decided here; `write` draws it.
#![deny(clippy::arithmetic_side_effects)]

use super::Masukan;
use crate::angka::{self, bulat};
use crate::compute::kinerja;
use crate::kode::Tingkat;
use crate::model::kinerja::Ukuran;
use indexmap::IndexMap;
use rust_decimal::Decimal;

/// One bar chart: a category per bar, its value (`None`: not computable, no bar).
#[derive(Debug, Clone, PartialEq)]
pub struct Bagan {
    pub judul: String,
    pub judul_kategori: String,
    pub judul_nilai: String,
    pub kategori: Vec<String>,
    pub nilai: Vec<Option<Decimal>>,
    /// Draw a line at 100 across the bars.
    pub garis_100: bool,
    /// Horizontal bars, for categories with long names (program names).
    pub mendatar: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Grafik {
    pub nama_lembar: String,
    pub judul: String,
    pub bagan: Vec<Bagan>,
}

/// The charts the inputs allow; `None` when there is nothing to draw.
pub fn susun(m: &Masukan) -> Option<Grafik> {
    let mut bagan = Vec::new();
    if let Some(k) = m.kinerja.filter(|k| !k.indikator.is_empty()) {
        let (kategori, nilai) = k
            .indikator
            .iter()
            .map(|ind| {
                let c = match (
                    ind.target.and_then(|(u, _)| u.angka()),
                    ind.realisasi.and_then(Ukuran::angka),
                ) {
                    (Some(t), Some(r)) => kinerja::capaian(ind.iku.polaritas, t, r)
                        .ok()
                        .map(|d| bulat(d, 2)),
                    _ => None,
                };
                let nama = if c.is_some() {
                    ind.nama.clone()
                } else {
                    format!("{} (n/a)", ind.nama)
                };
                (nama, c)
            })
            .unzip();
        bagan.push(Bagan {
            judul: format!("Capaian Kinerja{}", super::teks_tahun(m.tahun)),
            judul_kategori: "Indikator Kinerja".to_string(),
            judul_nilai: "% Capaian".to_string(),
            kategori,
            nilai,
            garis_100: true,
            mendatar: false,
        });
    }
    if let Some(p) = m.pohon {
        // Program by code (or name), summed over the units that run it.
        let mut per: IndexMap<String, (String, Decimal, Decimal, bool)> = IndexMap::new();
        for s in p
            .simpul
            .iter()
            .filter(|s| s.tingkat == Some(Tingkat::Program))
        {
            let kunci = s
                .kode
                .as_ref()
                .map_or_else(|| crate::nama::normal(&s.uraian), |k| k.teks.clone());
            let e =
                per.entry(kunci)
                    .or_insert((s.uraian.clone(), Decimal::ZERO, Decimal::ZERO, true));
            match (s.hitung.pagu, s.hitung.realisasi) {
                (Ok(a), Ok(b)) => match (angka::tambah(e.1, a), angka::tambah(e.2, b)) {
                    (Ok(x), Ok(y)) => (e.1, e.2) = (x, y),
                    _ => e.3 = false,
                },
                _ => e.3 = false,
            }
        }
        if !per.is_empty() {
            let (kategori, nilai) = per
                .into_values()
                .map(|(nama, pagu, realisasi, ok)| {
                    let s = ok
                        .then(|| kinerja::serapan(pagu, realisasi).ok().map(|d| bulat(d, 2)))
                        .flatten();
                    (nama, s)
                })
                .unzip();
            bagan.push(Bagan {
                judul: format!("Serapan Anggaran per Program{}", super::teks_tahun(m.tahun)),
                judul_kategori: "Program".to_string(),
                judul_nilai: "% Serapan".to_string(),
                kategori,
                nilai,
                garis_100: false,
                mendatar: true,
            });
        }
    }
    (!bagan.is_empty()).then(|| Grafik {
        nama_lembar: "Grafik".to_string(),
        judul: format!(
            "Grafik Capaian Kinerja dan Serapan Anggaran{}",
            super::teks_tahun(m.tahun)
        ),
        bagan,
    })
}
