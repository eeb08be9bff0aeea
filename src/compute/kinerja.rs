//! Kinerja: capaian and what follows from it (RULES.md, "Capaian kinerja", "Comparisons",
//! "Anggaran"). Pure functions on exact decimals; a value that cannot be computed says why
//! ([`TakTerhitung`]) and is never 0: `n/a` stays `n/a` through every table.

use crate::angka::{self, bulat};
use rust_decimal::Decimal;

/// Whether a higher realisasi is better (`naik`) or a lower one (`turun`, e.g. a rate of
/// complaints).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Polaritas {
    #[default]
    Naik,
    Turun,
}

/// Why a value cannot be computed. Shown to the user beside the `n/a` in the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakTerhitung {
    /// A value it depends on was not measured (`n/a`).
    TidakDiukur,
    /// The target (or the earlier year, or the serapan) is 0: nothing to divide by.
    PembagiNol,
    /// The result cannot be held exactly (beyond ±7.9e28).
    Luap,
}

impl TakTerhitung {
    pub fn alasan(self) -> &'static str {
        match self {
            TakTerhitung::TidakDiukur => "realisasi atau target tidak diukur (n/a)",
            TakTerhitung::PembagiNol => "pembaginya 0",
            TakTerhitung::Luap => "angkanya terlalu besar untuk dihitung pasti",
        }
    }
}

pub type Hasil = Result<Decimal, TakTerhitung>;

/// A measured value, or `n/a`.
pub fn diukur(nilai: Option<Decimal>) -> Hasil {
    nilai.ok_or(TakTerhitung::TidakDiukur)
}

fn kali_seratus_bagi(pembilang: Decimal, penyebut: Decimal) -> Hasil {
    if penyebut.is_zero() {
        return Err(TakTerhitung::PembagiNol);
    }
    pembilang
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(penyebut))
        .ok_or(TakTerhitung::Luap)
}

/// % capaian: naik → realisasi ÷ target × 100; turun → (2 × target − realisasi) ÷ target ×
/// 100 (PermenPANRB 6/2022 writes the same as (1 + (1 − R/T)) × 100). Not rounded.
pub fn capaian(polaritas: Polaritas, target: Decimal, realisasi: Decimal) -> Hasil {
    match polaritas {
        Polaritas::Naik => kali_seratus_bagi(realisasi, target),
        Polaritas::Turun => {
            let dua_target = target.checked_mul(Decimal::TWO).ok_or(TakTerhitung::Luap)?;
            let pembilang = dua_target
                .checked_sub(realisasi)
                .ok_or(TakTerhitung::Luap)?;
            kali_seratus_bagi(pembilang, target)
        }
    }
}

/// The other convention for `turun` some applications use: target ÷ realisasi × 100.
/// Accepted when auditing a typed table, and named.
pub fn capaian_turun_terbalik(target: Decimal, realisasi: Decimal) -> Hasil {
    kali_seratus_bagi(target, realisasi)
}

/// Kriteria of Permendagri 86/2017, by lower bound of the capaian rounded to 2 decimals:
/// ≥ 91, ≥ 76, ≥ 66, ≥ 51, below. Above 100 stays the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kriteria {
    SangatTinggi,
    Tinggi,
    Sedang,
    Rendah,
    SangatRendah,
}

pub fn kriteria(capaian: Decimal) -> Kriteria {
    let c = bulat(capaian, 2);
    if c >= Decimal::from(91) {
        Kriteria::SangatTinggi
    } else if c >= Decimal::from(76) {
        Kriteria::Tinggi
    } else if c >= Decimal::from(66) {
        Kriteria::Sedang
    } else if c >= Decimal::from(51) {
        Kriteria::Rendah
    } else {
        Kriteria::SangatRendah
    }
}

/// The words for the five bands. Reports use either set; `--kriteria` picks one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelKriteria(pub [&'static str; 5]);

impl LabelKriteria {
    /// Permendagri 86/2017's own words.
    pub const PERMENDAGRI: LabelKriteria = LabelKriteria([
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
    ]);
    /// The same bands as many reports label them.
    pub const BAIK: LabelKriteria =
        LabelKriteria(["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]);

    pub fn label(&self, k: Kriteria) -> &'static str {
        self.0[k as usize]
    }
}

impl Default for LabelKriteria {
    fn default() -> Self {
        LabelKriteria::PERMENDAGRI
    }
}

/// How the change against the year before is shown (Tabel 13). Both are in use; the
/// relative one is what seed 001 prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaraPerubahan {
    /// (R_t − R_{t−1}) ÷ R_{t−1} × 100.
    #[default]
    Relatif,
    /// R_t − R_{t−1}, in the indikator's own unit (percentage points for a %).
    Poin,
}

/// Relative change against an earlier year: (R_t − R_{t−1}) ÷ R_{t−1} × 100.
pub fn perubahan(sekarang: Decimal, sebelumnya: Decimal) -> Hasil {
    let selisih = sekarang.checked_sub(sebelumnya).ok_or(TakTerhitung::Luap)?;
    kali_seratus_bagi(selisih, sebelumnya)
}

/// The other convention for change, common for indicators measured in %: the difference in
/// percentage points, R_t − R_{t−1}.
pub fn selisih_poin(sekarang: Decimal, sebelumnya: Decimal) -> Hasil {
    sekarang.checked_sub(sebelumnya).ok_or(TakTerhitung::Luap)
}

/// Realisasi to date of the Renstra period: the sum of the years for a cumulative indicator,
/// else the last year's. `n/a` in any year a cumulative sum needs makes it `n/a`.
pub fn realisasi_sampai(per_tahun: &[Option<Decimal>], kumulatif: bool) -> Hasil {
    if !kumulatif {
        return per_tahun
            .last()
            .copied()
            .flatten()
            .ok_or(TakTerhitung::TidakDiukur);
    }
    if per_tahun.is_empty() {
        return Err(TakTerhitung::TidakDiukur);
    }
    per_tahun.iter().try_fold(Decimal::ZERO, |jumlah, r| {
        let r = r.ok_or(TakTerhitung::TidakDiukur)?;
        jumlah.checked_add(r).ok_or(TakTerhitung::Luap)
    })
}

/// Capaian against the target akhir Renstra: realisasi s.d. tahun N ÷ target akhir × 100
/// (seed 001 Tabel 14: 86,28 ÷ 87,40 × 100 = 98,72), polarity-aware like [`capaian`].
pub fn capaian_renstra(
    polaritas: Polaritas,
    target_akhir: Decimal,
    realisasi_sd: Decimal,
) -> Hasil {
    capaian(polaritas, target_akhir, realisasi_sd)
}

/// Serapan anggaran: realisasi ÷ anggaran × 100.
pub fn serapan(anggaran: Decimal, realisasi: Decimal) -> Hasil {
    kali_seratus_bagi(realisasi, anggaran)
}

/// How tingkat efisiensi sumber daya is computed. No regulation fixes it for pemda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaraEfisiensi {
    /// % capaian − % serapan (seed 001 Tabel 15: 99,17 − 95,40 = 3,77).
    #[default]
    Selisih,
    /// % capaian ÷ % serapan × 100.
    Rasio,
}

/// Tingkat efisiensi sumber daya from the rounded % capaian and % serapan, as the table
/// shows them (seed 001 subtracts the two printed percentages).
pub fn efisiensi_sumber_daya(cara: CaraEfisiensi, capaian: Hasil, serapan: Hasil) -> Hasil {
    let c = bulat(capaian?, 2);
    let s = bulat(serapan?, 2);
    match cara {
        CaraEfisiensi::Selisih => c.checked_sub(s).ok_or(TakTerhitung::Luap),
        CaraEfisiensi::Rasio => kali_seratus_bagi(c, s),
    }
}

/// Pagu and realisasi of a sasaran: the sum over the program nodes that fund it.
pub fn anggaran_program(
    pohon: &crate::model::Pohon,
    program: &[usize],
) -> (Result<Decimal, angka::Luap>, Result<Decimal, angka::Luap>) {
    let jumlah = |f: fn(&crate::model::Hitungan) -> Result<Decimal, angka::Luap>| {
        program.iter().try_fold(Decimal::ZERO, |a, &i| {
            angka::tambah(a, f(&pohon.simpul[i].hitung)?)
        })
    };
    (jumlah(|h| h.pagu), jumlah(|h| h.realisasi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn dua(h: Hasil) -> Result<Decimal, TakTerhitung> {
        h.map(|x| bulat(x, 2))
    }

    /// Seed 001 Tabel 11: SKM target 87,00, realisasi 86,28, capaian 99,17 %.
    #[test]
    fn capaian_naik_seed_001() {
        assert_eq!(
            dua(capaian(Polaritas::Naik, d("87"), d("86.28"))),
            Ok(d("99.17"))
        );
        assert_eq!(
            dua(capaian(Polaritas::Naik, d("100"), d("100"))),
            Ok(d("100"))
        );
        assert_eq!(
            capaian(Polaritas::Naik, d("0"), d("5")),
            Err(TakTerhitung::PembagiNol)
        );
    }

    /// Turun: target 10, realisasi 8 → (2 × 10 − 8) ÷ 10 × 100 = 120; realisasi 12 → 80;
    /// the other convention 10 ÷ 8 × 100 = 125.
    #[test]
    fn capaian_turun() {
        assert_eq!(capaian(Polaritas::Turun, d("10"), d("8")), Ok(d("120")));
        assert_eq!(capaian(Polaritas::Turun, d("10"), d("12")), Ok(d("80")));
        assert_eq!(capaian_turun_terbalik(d("10"), d("8")), Ok(d("125")));
    }

    #[test]
    fn kriteria_menurut_batas_bawah() {
        for (c, k) in [
            ("99.17", Kriteria::SangatTinggi),
            ("120", Kriteria::SangatTinggi),
            ("91", Kriteria::SangatTinggi),
            // 90,995 is 91,00 at two decimals.
            ("90.995", Kriteria::SangatTinggi),
            ("90.99", Kriteria::Tinggi),
            ("76", Kriteria::Tinggi),
            ("75.99", Kriteria::Sedang),
            ("66", Kriteria::Sedang),
            ("51", Kriteria::Rendah),
            ("50.99", Kriteria::SangatRendah),
            ("0", Kriteria::SangatRendah),
        ] {
            assert_eq!(kriteria(d(c)), k, "{c}");
        }
        assert_eq!(LabelKriteria::default().label(Kriteria::Tinggi), "Tinggi");
        assert_eq!(
            LabelKriteria::BAIK.label(Kriteria::SangatRendah),
            "Sangat Kurang"
        );
    }

    /// Seed 001 Tabel 13: SKM 86,91 (2021) → 86,28 (2022): (86,28 − 86,91) ÷ 86,91 × 100 =
    /// −0,7249 → −0,72 (the seed prints −1,73 %, which does not follow from its row);
    /// 100 → 100 is 0; from n/a nothing is computable.
    #[test]
    fn perubahan_antar_tahun() {
        assert_eq!(dua(perubahan(d("86.28"), d("86.91"))), Ok(d("-0.72")));
        assert_eq!(perubahan(d("100"), d("100")), Ok(d("0")));
        assert_eq!(selisih_poin(d("86.28"), d("86.91")), Ok(d("-0.63")));
        assert_eq!(
            diukur(None).and_then(|lalu| perubahan(d("100"), lalu)),
            Err(TakTerhitung::TidakDiukur)
        );
    }

    /// Seed 001 Tabel 14: 86,28 ÷ 87,40 × 100 = 98,7185… → 98,72.
    #[test]
    fn capaian_terhadap_renstra() {
        assert_eq!(
            dua(capaian_renstra(Polaritas::Naik, d("87.40"), d("86.28"))),
            Ok(d("98.72"))
        );
        assert_eq!(
            realisasi_sampai(
                &[Some(d("84.56")), Some(d("86.91")), Some(d("86.28"))],
                false
            ),
            Ok(d("86.28"))
        );
        assert_eq!(
            realisasi_sampai(&[Some(d("2")), Some(d("3")), Some(d("4"))], true),
            Ok(d("9"))
        );
        assert_eq!(
            realisasi_sampai(&[Some(d("2")), None], true),
            Err(TakTerhitung::TidakDiukur)
        );
        assert_eq!(realisasi_sampai(&[], false), Err(TakTerhitung::TidakDiukur));
    }

    /// Seed 001 Tabel 15: 99,17 − 95,40 = 3,77; 100 − 96,85 = 3,15; 100 − 95,11 = 4,89; Zona
    /// Integritas n/a stays n/a.
    #[test]
    fn efisiensi_sumber_daya_seed_001() {
        let e =
            |c: &str, s: &str| efisiensi_sumber_daya(CaraEfisiensi::Selisih, Ok(d(c)), Ok(d(s)));
        assert_eq!(e("99.1724", "95.40"), Ok(d("3.77")));
        assert_eq!(e("100", "96.85"), Ok(d("3.15")));
        assert_eq!(e("100", "95.11"), Ok(d("4.89")));
        assert_eq!(
            efisiensi_sumber_daya(
                CaraEfisiensi::Selisih,
                Err(TakTerhitung::TidakDiukur),
                Ok(d("96.51"))
            ),
            Err(TakTerhitung::TidakDiukur)
        );
        // The ratio: 100 ÷ 96,85 × 100 = 103,252… → 103,25.
        assert_eq!(
            dua(efisiensi_sumber_daya(
                CaraEfisiensi::Rasio,
                Ok(d("100")),
                Ok(d("96.85"))
            )),
            Ok(d("103.25"))
        );
    }

    #[test]
    fn angka_ekstrem_tidak_panik() {
        let besar = Decimal::MAX;
        assert_eq!(
            capaian(Polaritas::Naik, d("0.01"), besar),
            Err(TakTerhitung::Luap)
        );
        assert_eq!(
            capaian(Polaritas::Turun, besar, -besar),
            Err(TakTerhitung::Luap)
        );
        assert_eq!(perubahan(besar, -besar), Err(TakTerhitung::Luap));
        assert_eq!(
            realisasi_sampai(&[Some(besar), Some(besar)], true),
            Err(TakTerhitung::Luap)
        );
        assert_eq!(serapan(d("0"), d("1")), Err(TakTerhitung::PembagiNol));
    }
}
