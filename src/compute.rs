//! Compute: the formulas of RULES.md ("Anggaran") as pure functions on Decimal, and the
//! roll-up of the anggaran tree.
//!
//! Every operation on an amount is checked ([`angka::tambah`] and its kin): a result that
//! `Decimal` cannot hold is an `Err(Luap)` the caller must place at a cell, never a panic
//! and never a silent 0. `clippy::arithmetic_side_effects` is denied here so that a bare
//! `+` on a `Decimal` in a new formula does not pass `cargo clippy -D warnings`.
#![deny(clippy::arithmetic_side_effects)]

pub mod kinerja;

use crate::angka::{self, Luap, bulat};
use crate::kode::Tingkat;
use crate::model::{BarisAnggaran, Hitungan, Nilai, Pohon};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// % realisasi = realisasi / pagu × 100, unrounded; `Ok(None)` for a pagu of 0 (shown `-`).
pub fn persen(pagu: Decimal, realisasi: Decimal) -> Result<Option<Decimal>, Luap> {
    if pagu.is_zero() {
        return Ok(None);
    }
    let hasil = angka::kali(angka::bagi(realisasi, pagu)?, Decimal::ONE_HUNDRED)?;
    Ok(Some(hasil))
}

/// % realisasi as the tables show it: two decimals, half away from zero (Excel's ROUND).
pub fn persen_bulat(pagu: Decimal, realisasi: Decimal) -> Result<Option<Decimal>, Luap> {
    Ok(persen(pagu, realisasi)?.map(|p| bulat(p, 2)))
}

/// Sisa anggaran = pagu − realisasi.
pub fn sisa(pagu: Decimal, realisasi: Decimal) -> Result<Decimal, Luap> {
    angka::kurang(pagu, realisasi)
}

/// Efisiensi anggaran (seed 001 Tabel 16) = 100 − % realisasi, unrounded; `Ok(None)` for a
/// pagu of 0. (SIPD's `% SISA`, sisa ÷ pagu, is the same number.)
pub fn efisiensi(pagu: Decimal, realisasi: Decimal) -> Result<Option<Decimal>, Luap> {
    persen(pagu, realisasi)?
        .map(|p| angka::kurang_persen(Decimal::ONE_HUNDRED, p))
        .transpose()
}

/// Efisiensi as the table shows it: 100 − the rounded % in the next column, so the two add
/// up to 100,00 on paper.
pub fn efisiensi_tabel(pagu: Decimal, realisasi: Decimal) -> Result<Option<Decimal>, Luap> {
    persen_bulat(pagu, realisasi)?
        .map(|p| angka::kurang_persen(Decimal::ONE_HUNDRED, p))
        .transpose()
}

/// The pagu a row states: its own (TOTAL) column, else the sum of its kelompok belanja.
pub fn pagu_tertulis(b: &BarisAnggaran) -> Result<Option<Decimal>, Luap> {
    tertulis(&b.pagu, b.kelompok.iter().map(|k| &k.pagu))
}

/// The realisasi a row states: its own (TOTAL) column, else the sum of its kelompok belanja.
pub fn realisasi_tertulis(b: &BarisAnggaran) -> Result<Option<Decimal>, Luap> {
    tertulis(&b.realisasi, b.kelompok.iter().map(|k| &k.realisasi))
}

fn tertulis<'a>(
    utama: &Option<Nilai>,
    kelompok: impl Iterator<Item = &'a Option<Nilai>>,
) -> Result<Option<Decimal>, Luap> {
    if let Some(n) = utama {
        return Ok(Some(n.nilai()));
    }
    kelompok
        .flatten()
        .map(Nilai::nilai)
        .try_fold(None, |jumlah: Option<Decimal>, n| {
            Ok(Some(angka::tambah(jumlah.unwrap_or_default(), n)?))
        })
}

/// A leaf value the checks found mistyped, with the value the rest of its row supports.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Koreksi {
    pub pagu: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

/// Whether the %, efisiensi and sisa of a pagu and realisasi certainly can be held, by a test
/// that costs no division (the checks ask it of every row of an 85,000-row LRA).
///
/// With both written to the cent or coarser (scale ≤ 2) and both mantissas below 10^24:
/// a pagu that is not 0 is at least 0,01, so |realisasi ÷ pagu × 100| < 10^24 ÷ 0,01 × 100
/// = 10^28 < 7,9 × 10^28, and 100 − that fits too; the sisa, at scale 2, has a mantissa
/// below 2 × 10^26. Every amount read is within these (angka::BATAS is 10^18, at most two
/// decimals for rupiah), and so is any sum of fewer than 10^6 of them.
pub fn pasti_terhitung(pagu: Decimal, realisasi: Decimal) -> bool {
    const MANTISA_MAKS: u128 = 1_000_000_000_000_000_000_000_000;
    pagu.scale() <= 2
        && realisasi.scale() <= 2
        && pagu.mantissa().unsigned_abs() < MANTISA_MAKS
        && realisasi.mantissa().unsigned_abs() < MANTISA_MAKS
}

/// Which amount of a node could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Besaran {
    Pagu,
    Realisasi,
    Fisik,
}

impl Besaran {
    pub fn nama(self) -> &'static str {
        match self {
            Besaran::Pagu => "pagu",
            Besaran::Realisasi => "realisasi",
            Besaran::Fisik => "realisasi fisik",
        }
    }
}

/// Where a roll-up overflowed: the node whose amount cannot be held though every amount it
/// is made of can (its children, or a leaf's kelompok belanja). Nodes above it are `Err`
/// too, and are not reported again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LuapSimpul {
    pub simpul: usize,
    pub besaran: Besaran,
}

/// Fills every node's [`Hitungan`] bottom-up: a leaf keeps what it states (or its
/// correction), every other node is the sum of its children. An organisation therefore
/// includes its sub units, and a sub kegiatan with rekening rows is their sum. Returns
/// where an amount could not be held (the node keeps `Err`, never a number).
pub fn hitung(pohon: &mut Pohon, koreksi: &HashMap<usize, Koreksi>) -> Vec<LuapSimpul> {
    let mut luap = Vec::new();
    // Reported where it arises: the amount failed though what it is made of did not.
    let mut catat = |simpul, besaran, gagal: bool, asal_ok: bool| {
        if gagal && asal_ok {
            luap.push(LuapSimpul { simpul, besaran });
        }
    };
    // Children are always added after their parent, so reverse index order is bottom-up.
    for i in (0..pohon.simpul.len()).rev() {
        let hitungan = if pohon.simpul[i].anak.is_empty() {
            let s = &pohon.simpul[i];
            let k = koreksi.get(&i).copied().unwrap_or_default();
            let b = pohon.baris_dari(s);
            let daun = |koreksi: Option<Decimal>, tertulis: fn(&BarisAnggaran) -> _| match koreksi {
                Some(n) => Ok(n),
                None => b.map_or(Ok(None), tertulis).map(Option::unwrap_or_default),
            };
            let pagu = daun(k.pagu, pagu_tertulis);
            let realisasi = daun(k.realisasi, realisasi_tertulis);
            catat(i, Besaran::Pagu, pagu.is_err(), true);
            catat(i, Besaran::Realisasi, realisasi.is_err(), true);
            Hitungan {
                pagu,
                realisasi,
                fisik: Ok(b.and_then(|b| b.fisik.as_ref()).map(|n| n.nilai())),
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
            let semua_ok = |f: fn(&Hitungan) -> bool| anak.iter().all(f);
            let pagu = anak
                .iter()
                .try_fold(Decimal::ZERO, |j, h| angka::tambah(j, h.pagu?));
            let realisasi = anak
                .iter()
                .try_fold(Decimal::ZERO, |j, h| angka::tambah(j, h.realisasi?));
            catat(
                i,
                Besaran::Pagu,
                pagu.is_err(),
                semua_ok(|h| h.pagu.is_ok()),
            );
            catat(
                i,
                Besaran::Realisasi,
                realisasi.is_err(),
                semua_ok(|h| h.realisasi.is_ok()),
            );
            let fisik = rata_fisik(&anak).map(|f| f.or(stated_fisik));
            catat(
                i,
                Besaran::Fisik,
                fisik.is_err(),
                semua_ok(|h| h.fisik.is_ok() && h.pagu.is_ok()),
            );
            Hitungan {
                pagu,
                realisasi,
                fisik,
            }
        };
        pohon.simpul[i].hitung = hitungan;
    }
    luap
}

/// Realisasi fisik of a parent: the mean of its children's, weighted by pagu (a plain mean
/// when every pagu is 0). No regulation fixes this; pagu weighting is the common practice.
/// `Err` when a child's pagu or fisik could not be computed, or the weighted sum cannot be
/// held (a fisik of 10^17 % on a pagu of 10^17).
pub fn rata_fisik(anak: &[Hitungan]) -> Result<Option<Decimal>, Luap> {
    let mut ada = Vec::with_capacity(anak.len());
    for h in anak {
        if let Some(f) = h.fisik? {
            ada.push((f, h.pagu?));
        }
    }
    if ada.is_empty() {
        return Ok(None);
    }
    // A mean is rounded anyway: percentages' sums may drop a 29th digit (`tambah_persen`).
    let bobot = angka::jumlah(ada.iter().map(|&(_, p)| p))?;
    let total = if bobot.is_zero() {
        let n = Decimal::from(ada.len());
        let semua = ada
            .iter()
            .try_fold(Decimal::ZERO, |j, &(f, _)| angka::tambah_persen(j, f))?;
        angka::bagi(semua, n)?
    } else {
        let kali = ada.iter().try_fold(Decimal::ZERO, |j, &(f, p)| {
            angka::tambah_persen(j, angka::kali(f, p)?)
        })?;
        angka::bagi(kali, bobot)?
    };
    Ok(Some(total))
}

/// Whether a node shows in the LKjIP tables (rekening rows are DPA detail, not table rows).
pub fn tampil(tingkat: Option<Tingkat>) -> bool {
    !matches!(tingkat, Some(Tingkat::Rekening) | None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rumus_seed_001() {
        // Seed 001 Tabel 19, JUMLAH: 30.177.653.595,00 / 29.109.889.488,00 → 96,46 and
        // 1.067.764.107,00; Tabel 16: efisiensi 3,54.
        let (p, r) = (d("30177653595"), d("29109889488"));
        assert_eq!(persen_bulat(p, r), Ok(Some(d("96.46"))));
        assert_eq!(sisa(p, r), Ok(d("1067764107")));
        assert_eq!(efisiensi_tabel(p, r), Ok(Some(d("3.54"))));
        assert_eq!(
            efisiensi(p, r).map(|e| e.map(|e| bulat(e, 2))),
            Ok(Some(d("3.54")))
        );
        // Tabel 16: Peningkatan Efektifitas ... 81.290.905 / 11.127.270 → 13,69 and 86,31.
        assert_eq!(
            persen_bulat(d("81290905"), d("11127270")),
            Ok(Some(d("13.69")))
        );
        assert_eq!(
            efisiensi_tabel(d("81290905"), d("11127270")),
            Ok(Some(d("86.31")))
        );
    }

    #[test]
    fn pagu_nol_tanpa_persen() {
        assert_eq!(persen(Decimal::ZERO, Decimal::ZERO), Ok(None));
        assert_eq!(efisiensi(Decimal::ZERO, d("5")), Ok(None));
    }

    fn h(p: &str, f: Option<&str>) -> Hitungan {
        Hitungan {
            pagu: Ok(d(p)),
            realisasi: Ok(Decimal::ZERO),
            fisik: Ok(f.map(d)),
        }
    }

    #[test]
    fn fisik_berbobot_pagu() {
        // (100 × 300 + 50 × 100) / 400 = 87,5
        assert_eq!(
            rata_fisik(&[h("300", Some("100")), h("100", Some("50"))]),
            Ok(Some(d("87.5")))
        );
        assert_eq!(
            rata_fisik(&[h("0", Some("100")), h("0", Some("50"))]),
            Ok(Some(d("75")))
        );
        assert_eq!(rata_fisik(&[h("10", None)]), Ok(None));
    }

    /// Decimal::MAX = 79.228.162.514.264.337.593.543.950.335 (2^96 − 1).
    const MAKS: &str = "79228162514264337593543950335";

    #[test]
    fn luap_menjadi_err_bukan_panik_atau_nol() {
        let maks = d(MAKS);
        // Pagu 0,01 and realisasi 7e28: 7e28 ÷ 0,01 = 7e30, beyond 7,9e28 (A4).
        assert_eq!(
            persen(
                d("0.01"),
                d("7e28".replace("e28", &"0".repeat(28)).as_str())
            ),
            Err(Luap)
        );
        // Pagu 7e28 − realisasi −7e28 = 1,4e29 (A5).
        let tujuh = d(&format!("7{}", "0".repeat(28)));
        assert_eq!(sisa(tujuh, -tujuh), Err(Luap));
        // Realisasi MAX on a pagu of 1: MAX ÷ 1 = MAX fits, × 100 does not.
        assert_eq!(persen(Decimal::ONE, maks), Err(Luap));
        assert_eq!(efisiensi(Decimal::ONE, maks), Err(Luap));
        assert_eq!(efisiensi_tabel(Decimal::ONE, maks), Err(Luap));
        // Realisasi 1% of MAX: (MAX ÷ 100) ÷ MAX × 100 = 1 exactly, no overflow on the way.
        assert!(persen(maks, bulat(maks / Decimal::ONE_HUNDRED, 0)).is_ok());
        // Fisik 1e28 × pagu 1e28 (A2).
        let e28 = d(&format!("1{}", "0".repeat(28)));
        assert_eq!(
            rata_fisik(&[
                Hitungan {
                    pagu: Ok(e28),
                    realisasi: Ok(Decimal::ZERO),
                    fisik: Ok(Some(e28)),
                },
                h("1", Some("50")),
            ]),
            Err(Luap)
        );
        // A child that could not be computed makes its parent's mean not computable.
        let mut gagal = h("1", Some("50"));
        gagal.pagu = Err(Luap);
        assert_eq!(rata_fisik(&[gagal, h("1", Some("50"))]), Err(Luap));
    }

    #[test]
    fn tertulis_kelompok_dijumlah_terperiksa() {
        use crate::model::Alamat;
        use crate::model::{BarisAnggaran, Kelompok, Nilai};
        let nilai = |n: Decimal| {
            Some(Nilai {
                angka: crate::angka::Angka {
                    nilai: n,
                    desimal: 0,
                },
                sel: Alamat { r: 1, c: 2 },
            })
        };
        let kelompok = |p: Decimal| Kelompok {
            nama: "Operasi".into(),
            pagu: nilai(p),
            realisasi: None,
        };
        let mut b = BarisAnggaran {
            r: 1,
            kode: None,
            uraian: String::new(),
            tingkat: Tingkat::SubKegiatan,
            kode_bidang: None,
            kode_organisasi: None,
            pagu: None,
            realisasi: None,
            persen: None,
            sisa: None,
            fisik: None,
            efisiensi: None,
            kelompok: vec![kelompok(d("300")), kelompok(d("200"))],
            bulanan: None,
        };
        // 300 + 200 = 500; no realisasi stated at all.
        assert_eq!(pagu_tertulis(&b), Ok(Some(d("500"))));
        assert_eq!(realisasi_tertulis(&b), Ok(None));
        // MAX + 1 (A7).
        b.kelompok = vec![kelompok(d(MAKS)), kelompok(Decimal::ONE)];
        assert_eq!(pagu_tertulis(&b), Err(Luap));
    }

    /// Any decimal, extremes included: 0, ±MAX, ±MIN positive, and random mantissas at
    /// random scales.
    fn ekstrem() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            Just(Decimal::ZERO),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
            Just(Decimal::new(1, 28)),
            Just(Decimal::new(-1, 28)),
            // Amounts as sheets hold them: to the cent, any i64 mantissa.
            (any::<i64>(), 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0u32..=28
            )
                .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        ]
    }

    #[test]
    fn pasti_terhitung_tanpa_membagi() {
        // Amounts as read: to the cent, below 10^24 as mantissa.
        assert!(pasti_terhitung(d("0.01"), d("999999999999999999999.99")));
        assert!(pasti_terhitung(Decimal::ZERO, d("-5")));
        // Three decimals, or a mantissa of 10^24: the test says nothing; compute instead.
        assert!(!pasti_terhitung(d("0.001"), d("1")));
        assert!(!pasti_terhitung(d("1"), d("10000000000000000000000.00")));
    }

    proptest! {
        /// No combination of extreme amounts panics anywhere in compute: each result is a
        /// number or `Err(Luap)`, and a number is the exact one where it can be checked.
        #[test]
        fn tanpa_panik_dari_angka_ekstrem(
            p in ekstrem(), r in ekstrem(), f in ekstrem(), p2 in ekstrem(), f2 in ekstrem()
        ) {
            if pasti_terhitung(p, r) {
                prop_assert!(persen(p, r).is_ok() && efisiensi_tabel(p, r).is_ok());
                prop_assert!(sisa(p, r).is_ok());
            }
            let _ = persen(p, r);
            let _ = persen_bulat(p, r);
            let _ = efisiensi(p, r);
            let _ = efisiensi_tabel(p, r);
            if let Ok(s) = sisa(p, r) {
                prop_assert_eq!(s.checked_add(r), Some(p));
            }
            let anak = [
                Hitungan { pagu: Ok(p), realisasi: Ok(r), fisik: Ok(Some(f)) },
                Hitungan { pagu: Ok(p2), realisasi: Ok(r), fisik: Ok(Some(f2)) },
            ];
            let _ = rata_fisik(&anak);
            // The whole roll-up, over a tree of two leaves under one program.
            let mut pohon = Pohon::new();
            let (prog, _) = pohon.tambah(Pohon::AKAR, Tingkat::Program, None, "P".into(), None);
            let (a, _) = pohon.tambah(prog, Tingkat::SubKegiatan, None, "A".into(), None);
            let (b, _) = pohon.tambah(prog, Tingkat::SubKegiatan, None, "B".into(), None);
            let koreksi: HashMap<usize, Koreksi> = [
                (a, Koreksi { pagu: Some(p), realisasi: Some(r) }),
                (b, Koreksi { pagu: Some(p2), realisasi: Some(r) }),
            ]
            .into_iter()
            .collect();
            let luap = hitung(&mut pohon, &koreksi);
            let akar = pohon.akar().hitung;
            // Exact or Err: a sum that is a number undoes back to both parts; one that is
            // Err either overflows or would not.
            let undo = |j: Decimal| j.checked_sub(p2) == Some(p) && j.checked_sub(p) == Some(p2);
            match akar.pagu {
                Ok(j) => prop_assert!(undo(j), "{p} + {p2} = {j}"),
                Err(Luap) => {
                    prop_assert!(p.checked_add(p2).is_none_or(|j| !undo(j)));
                    let di_program = LuapSimpul { simpul: prog, besaran: Besaran::Pagu };
                    prop_assert!(luap.contains(&di_program));
                }
            }
        }
    }
}
