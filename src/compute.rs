//! Compute: the formulas of RULES.md ("Anggaran") as pure functions on Decimal, and the
//! roll-up of the anggaran tree.

pub mod kinerja;

use crate::angka::bulat;
use crate::kode::Tingkat;
use crate::model::{BarisAnggaran, Hitungan, Nilai, Pohon};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// % realisasi = realisasi / pagu × 100, unrounded; `None` for a pagu of 0 (shown `-`).
pub fn persen(pagu: Decimal, realisasi: Decimal) -> Option<Decimal> {
    if pagu.is_zero() {
        None
    } else {
        Some(realisasi / pagu * Decimal::ONE_HUNDRED)
    }
}

/// % realisasi as the tables show it: two decimals, half away from zero (Excel's ROUND).
pub fn persen_bulat(pagu: Decimal, realisasi: Decimal) -> Option<Decimal> {
    persen(pagu, realisasi).map(|p| bulat(p, 2))
}

/// Sisa anggaran = pagu − realisasi.
pub fn sisa(pagu: Decimal, realisasi: Decimal) -> Decimal {
    pagu - realisasi
}

/// Efisiensi anggaran (seed 001 Tabel 16) = 100 − % realisasi, unrounded; `None` for a pagu
/// of 0. (SIPD's `% SISA`, sisa ÷ pagu, is the same number.)
pub fn efisiensi(pagu: Decimal, realisasi: Decimal) -> Option<Decimal> {
    persen(pagu, realisasi).map(|p| Decimal::ONE_HUNDRED - p)
}

/// Efisiensi as the table shows it: 100 − the rounded % in the next column, so the two add
/// up to 100,00 on paper.
pub fn efisiensi_tabel(pagu: Decimal, realisasi: Decimal) -> Option<Decimal> {
    persen_bulat(pagu, realisasi).map(|p| Decimal::ONE_HUNDRED - p)
}

/// The pagu a row states: its own (TOTAL) column, else the sum of its kelompok belanja.
pub fn pagu_tertulis(b: &BarisAnggaran) -> Option<Decimal> {
    tertulis(&b.pagu, b.kelompok.iter().map(|k| &k.pagu))
}

/// The realisasi a row states: its own (TOTAL) column, else the sum of its kelompok belanja.
pub fn realisasi_tertulis(b: &BarisAnggaran) -> Option<Decimal> {
    tertulis(&b.realisasi, b.kelompok.iter().map(|k| &k.realisasi))
}

fn tertulis<'a>(
    utama: &Option<Nilai>,
    kelompok: impl Iterator<Item = &'a Option<Nilai>>,
) -> Option<Decimal> {
    utama.as_ref().map(Nilai::nilai).or_else(|| {
        kelompok
            .flatten()
            .map(Nilai::nilai)
            .fold(None, |jumlah, n| Some(jumlah.unwrap_or_default() + n))
    })
}

/// A leaf value the checks found mistyped, with the value the rest of its row supports.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Koreksi {
    pub pagu: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

/// Fills every node's [`Hitungan`] bottom-up: a leaf keeps what it states (or its
/// correction), every other node is the sum of its children. An organisation therefore
/// includes its sub units, and a sub kegiatan with rekening rows is their sum.
pub fn hitung(pohon: &mut Pohon, koreksi: &HashMap<usize, Koreksi>) {
    // Children are always added after their parent, so reverse index order is bottom-up.
    for i in (0..pohon.simpul.len()).rev() {
        let hitungan = if pohon.simpul[i].anak.is_empty() {
            let s = &pohon.simpul[i];
            let k = koreksi.get(&i).copied().unwrap_or_default();
            let b = pohon.baris_dari(s);
            Hitungan {
                pagu: k
                    .pagu
                    .or_else(|| b.and_then(pagu_tertulis))
                    .unwrap_or_default(),
                realisasi: k
                    .realisasi
                    .or_else(|| b.and_then(realisasi_tertulis))
                    .unwrap_or_default(),
                fisik: b.and_then(|b| b.fisik.as_ref()).map(|n| n.nilai()),
            }
        } else {
            let anak: Vec<Hitungan> = pohon.simpul[i]
                .anak
                .values()
                .map(|&a| pohon.simpul[a].hitung)
                .collect();
            let stated_fisik = pohon
                .baris_dari(&pohon.simpul[i])
                .and_then(|b| b.fisik.as_ref())
                .map(|n| n.nilai());
            Hitungan {
                pagu: anak.iter().map(|h| h.pagu).sum(),
                realisasi: anak.iter().map(|h| h.realisasi).sum(),
                fisik: rata_fisik(&anak).or(stated_fisik),
            }
        };
        pohon.simpul[i].hitung = hitungan;
    }
}

/// Realisasi fisik of a parent: the mean of its children's, weighted by pagu (a plain mean
/// when every pagu is 0). No regulation fixes this; pagu weighting is the common practice.
pub fn rata_fisik(anak: &[Hitungan]) -> Option<Decimal> {
    let ada: Vec<&Hitungan> = anak.iter().filter(|h| h.fisik.is_some()).collect();
    if ada.is_empty() {
        return None;
    }
    let bobot: Decimal = ada.iter().map(|h| h.pagu).sum();
    let total: Decimal = if bobot.is_zero() {
        ada.iter().filter_map(|h| h.fisik).sum::<Decimal>() / Decimal::from(ada.len())
    } else {
        ada.iter()
            .map(|h| h.fisik.unwrap_or_default() * h.pagu)
            .sum::<Decimal>()
            / bobot
    };
    Some(total)
}

/// Whether a node shows in the LKjIP tables (rekening rows are DPA detail, not table rows).
pub fn tampil(tingkat: Option<Tingkat>) -> bool {
    !matches!(tingkat, Some(Tingkat::Rekening) | None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rumus_seed_001() {
        // Seed 001 Tabel 19, JUMLAH: 30.177.653.595,00 / 29.109.889.488,00 → 96,46 and
        // 1.067.764.107,00; Tabel 16: efisiensi 3,54.
        let (p, r) = (d("30177653595"), d("29109889488"));
        assert_eq!(persen_bulat(p, r), Some(d("96.46")));
        assert_eq!(sisa(p, r), d("1067764107"));
        assert_eq!(efisiensi_tabel(p, r), Some(d("3.54")));
        assert_eq!(efisiensi(p, r).map(|e| bulat(e, 2)), Some(d("3.54")));
        // Tabel 16: Peningkatan Efektifitas ... 81.290.905 / 11.127.270 → 13,69 and 86,31.
        assert_eq!(persen_bulat(d("81290905"), d("11127270")), Some(d("13.69")));
        assert_eq!(
            efisiensi_tabel(d("81290905"), d("11127270")),
            Some(d("86.31"))
        );
    }

    #[test]
    fn pagu_nol_tanpa_persen() {
        assert_eq!(persen(Decimal::ZERO, Decimal::ZERO), None);
        assert_eq!(efisiensi(Decimal::ZERO, d("5")), None);
    }

    #[test]
    fn fisik_berbobot_pagu() {
        let h = |p: &str, f: Option<&str>| Hitungan {
            pagu: d(p),
            realisasi: Decimal::ZERO,
            fisik: f.map(d),
        };
        // (100 × 300 + 50 × 100) / 400 = 87,5
        assert_eq!(
            rata_fisik(&[h("300", Some("100")), h("100", Some("50"))]),
            Some(d("87.5"))
        );
        assert_eq!(
            rata_fisik(&[h("0", Some("100")), h("0", Some("50"))]),
            Some(d("75"))
        );
        assert_eq!(rata_fisik(&[h("10", None)]), None);
    }
}
