//! Kode: the codes of the Permendagri 90/2019 nomenclature and of the rekening list.
//!
//! A code's level follows from its shape alone (RULES.md, "Codes"): the number of parts and
//! the width of the parts. The same program code appears under every organisation that runs
//! it, so a code says what a row *is*, never where it sits: the anggaran tree is built by
//! position (see `model::Pohon`).

use std::fmt;

/// The levels of the anggaran tree, from the top. Rekening is below sub kegiatan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Tingkat {
    Urusan,
    Bidang,
    Organisasi,
    SubUnit,
    Program,
    Kegiatan,
    SubKegiatan,
    Rekening,
}

impl Tingkat {
    pub fn nama(self) -> &'static str {
        match self {
            Tingkat::Urusan => "urusan",
            Tingkat::Bidang => "bidang urusan",
            Tingkat::Organisasi => "organisasi",
            Tingkat::SubUnit => "sub unit organisasi",
            Tingkat::Program => "program",
            Tingkat::Kegiatan => "kegiatan",
            Tingkat::SubKegiatan => "sub kegiatan",
            Tingkat::Rekening => "rekening",
        }
    }
}

/// A parsed code: its text as written (`X`, `XX` included, spaces around dots removed), its
/// level, and whether it is cut short.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Kode {
    pub teks: String,
    pub tingkat: Tingkat,
    /// The code does not have the width the nomenclature gives its level (a PDF conversion
    /// that cut `7.01.01.2.08.01` to `7.01.01.2.08.0`, say). Still placed; reported.
    pub tidak_lengkap: bool,
}

impl fmt::Display for Kode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.teks)
    }
}

fn bagian_sah(b: &str) -> bool {
    !b.is_empty()
        && (b.chars().all(|c| c.is_ascii_digit()) || b.chars().all(|c| c == 'X' || c == 'x'))
}

impl Kode {
    /// Parses a code such as `7.01.02.2.02.03`. `None` when the text is not a code at all.
    pub fn baca(teks: &str) -> Option<Kode> {
        let teks = teks.trim().trim_end_matches('.');
        if teks.is_empty() || teks.len() > 40 {
            return None;
        }
        let bagian: Vec<&str> = teks.split('.').map(str::trim).collect();
        if !bagian.iter().all(|b| bagian_sah(b)) {
            return None;
        }
        let teks = bagian.join(".");
        let lebar: Vec<usize> = bagian.iter().map(|b| b.len()).collect();
        let n = bagian.len();
        // Rekening: akun.kelompok.jenis...; its second part is one digit (5.1.02), where a
        // bidang has two (7.01).
        if n >= 2 && lebar[1] == 1 && lebar[0] == 1 {
            // akun.kelompok.jenis.objek.rincian objek.sub rincian objek: 1.1.2.2.2.4 to TA
            // 2025, 1.1.2.2.3.5 from TA 2026.
            let lebar_sah: [&[usize]; 6] = [&[1], &[1], &[2], &[2], &[2, 3], &[4, 5]];
            if n > 6 || lebar.iter().zip(lebar_sah).any(|(l, sah)| !sah.contains(l)) {
                return None;
            }
            return Some(Kode {
                teks,
                tingkat: Tingkat::Rekening,
                tidak_lengkap: false,
            });
        }
        let (tingkat, lengkap) = match n {
            1 if lebar[0] == 1 => (Tingkat::Urusan, true),
            2 if lebar[0] == 1 && lebar[1] == 2 => (Tingkat::Bidang, true),
            3 if lebar[0] == 1 && lebar[1] == 2 && lebar[2] == 2 => (Tingkat::Program, true),
            5 if lebar[..3] == [1, 2, 2] && lebar[3] == 1 => (Tingkat::Kegiatan, lebar[4] == 2),
            6 if lebar[..3] == [1, 2, 2] && lebar[3] == 1 && lebar[4] == 2 => {
                (Tingkat::SubKegiatan, lebar[5] == 2 || lebar[5] == 4)
            }
            8 if lebar[0] == 1 && lebar[1] == 2 => {
                let tingkat = if bagian[7].chars().all(|c| c == '0') {
                    Tingkat::Organisasi
                } else {
                    Tingkat::SubUnit
                };
                (tingkat, true)
            }
            _ => return None,
        };
        Some(Kode {
            teks,
            tingkat,
            tidak_lengkap: !lengkap,
        })
    }

    /// Splits a cell that holds a code and a name (`1.01.01 PROGRAM PENUNJANG ...`).
    pub fn pisah_dari_uraian(teks: &str) -> Option<(Kode, &str)> {
        let teks = teks.trim();
        let (awal, sisa) = teks.split_once(char::is_whitespace)?;
        let kode = Kode::baca(awal)?;
        // A lone digit before a name is more often a row number than an urusan.
        if kode.bagian().count() < 2 {
            return None;
        }
        Some((kode, sisa.trim_start_matches([' ', '-', '\u{a0}']).trim()))
    }

    /// Whether `self` may stand under `induk` in the tree: a kegiatan under its program, a
    /// sub kegiatan under its kegiatan, a sub unit under its organisation, a program under
    /// its bidang (or cross-cutting `X.XX`), a rekening under a shorter rekening it extends.
    pub fn di_bawah(&self, induk: &Kode) -> bool {
        // Both codes have at least `n` parts and the first `n` agree. Parts are compared as
        // they are split, not counted first: this runs for every row of a large LRA.
        let awal_sama = |n: usize| {
            let mut sama = 0;
            for (a, b) in self.bagian().zip(induk.bagian()).take(n) {
                if !(a.eq_ignore_ascii_case(b) || a.starts_with(['X', 'x'])) {
                    return false;
                }
                sama += 1;
            }
            sama == n
        };
        // The usual case first: the parent's code, exactly, then a dot.
        let awalan = || {
            self.teks.len() > induk.teks.len()
                && self.teks.as_bytes()[induk.teks.len()] == b'.'
                && self.teks.starts_with(&induk.teks)
        };
        match (induk.tingkat, self.tingkat) {
            // A code of these levels has exactly as many parts as compared here.
            (Tingkat::Urusan, Tingkat::Bidang)
            | (Tingkat::Bidang, Tingkat::Program)
            | (Tingkat::Program, Tingkat::Kegiatan)
            | (Tingkat::Kegiatan, Tingkat::SubKegiatan)
                if awalan() =>
            {
                true
            }
            (Tingkat::Urusan, Tingkat::Bidang) => awal_sama(1),
            (Tingkat::Bidang, Tingkat::Program) => awal_sama(2),
            (Tingkat::Program, Tingkat::Kegiatan) => awal_sama(3),
            (Tingkat::Kegiatan, Tingkat::SubKegiatan) => awal_sama(5),
            (Tingkat::Organisasi, Tingkat::SubUnit) => awal_sama(7),
            (Tingkat::Rekening, Tingkat::Rekening) => {
                let n_induk = induk.bagian().count();
                self.bagian().count() > n_induk && awal_sama(n_induk)
            }
            _ => true,
        }
    }

    /// The SKPD an organisation or sub unit belongs to: the code with its last part zeroed.
    /// The parts between the dots.
    pub fn bagian(&self) -> std::str::Split<'_, char> {
        self.teks.split('.')
    }

    pub fn skpd(&self) -> Option<String> {
        match self.tingkat {
            Tingkat::Organisasi | Tingkat::SubUnit => {
                let (awal, akhir) = self.teks.rsplit_once('.')?;
                Some(format!("{awal}.{}", "0".repeat(akhir.len())))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Tingkat {
        Kode::baca(s).unwrap_or_else(|| panic!("{s}")).tingkat
    }

    #[test]
    fn tingkat_dari_bentuk() {
        assert_eq!(t("7"), Tingkat::Urusan);
        assert_eq!(t("7.01"), Tingkat::Bidang);
        assert_eq!(t("X.XX"), Tingkat::Bidang);
        assert_eq!(t("7.01.0.00.0.00.30.0000"), Tingkat::Organisasi);
        assert_eq!(t("7.01.0.00.0.00.30.0001"), Tingkat::SubUnit);
        assert_eq!(t("1.02.2.14.0.00.01.0031"), Tingkat::SubUnit);
        assert_eq!(t("7.01.02"), Tingkat::Program);
        assert_eq!(t("X.XX.01"), Tingkat::Program);
        assert_eq!(t("7.01.02.2.02"), Tingkat::Kegiatan);
        assert_eq!(t("7.01.02.2.02.03"), Tingkat::SubKegiatan);
        assert_eq!(t("1.02.02.2.01.0001"), Tingkat::SubKegiatan);
        assert_eq!(t("5.1.02"), Tingkat::Rekening);
        assert_eq!(t("5.1.02.01.01.0024"), Tingkat::Rekening);
        assert_eq!(t("5.1.02.01.001.00024"), Tingkat::Rekening);
    }

    #[test]
    fn kegiatan_provinsi_dan_kabupaten() {
        let k = Kode::baca("7.01.02.2.02").unwrap();
        assert_eq!(k.bagian().nth(3), Some("2"));
        let p = Kode::baca("1.01.02.1.01").unwrap();
        assert_eq!(p.tingkat, Tingkat::Kegiatan);
        assert_eq!(p.bagian().nth(3), Some("1"));
    }

    #[test]
    fn kode_terpotong_ditandai() {
        let k = Kode::baca("7.01.01.2.08.0").unwrap();
        assert_eq!(k.tingkat, Tingkat::SubKegiatan);
        assert!(k.tidak_lengkap);
        assert!(!Kode::baca("7.01.01.2.08.01").unwrap().tidak_lengkap);
    }

    #[test]
    fn bukan_kode() {
        for s in [
            "",
            "JUMLAH",
            "1.2.3.4",
            "7.01.02.2",
            "Rp 1.000",
            "2022",
            "12.345.678",
            "5 = 4/3*100",
        ] {
            assert!(Kode::baca(s).is_none(), "{s}");
        }
    }

    #[test]
    fn kode_dan_nama_dalam_satu_sel() {
        let (k, nama) = Kode::pisah_dari_uraian("1.01.01 PROGRAM PENUNJANG URUSAN").unwrap();
        assert_eq!(k.tingkat, Tingkat::Program);
        assert_eq!(nama, "PROGRAM PENUNJANG URUSAN");
        assert!(Kode::pisah_dari_uraian("1 Penyusunan Dokumen").is_none());
        assert!(Kode::pisah_dari_uraian("PROGRAM PENUNJANG").is_none());
    }

    #[test]
    fn induk_yang_sah() {
        let keg = Kode::baca("7.01.02.2.02").unwrap();
        assert!(Kode::baca("7.01.02.2.02.03").unwrap().di_bawah(&keg));
        assert!(!Kode::baca("7.01.03.2.02.03").unwrap().di_bawah(&keg));
        let bid = Kode::baca("1.02").unwrap();
        assert!(Kode::baca("1.02.01").unwrap().di_bawah(&bid));
        assert!(!Kode::baca("2.14.01").unwrap().di_bawah(&bid));
        assert!(Kode::baca("X.XX.01").unwrap().di_bawah(&bid));
        let org = Kode::baca("7.01.0.00.0.00.30.0000").unwrap();
        assert!(Kode::baca("7.01.0.00.0.00.30.0002").unwrap().di_bawah(&org));
        let rek = Kode::baca("5.1.02.01").unwrap();
        assert!(Kode::baca("5.1.02.01.01").unwrap().di_bawah(&rek));
        assert!(!Kode::baca("5.1.02.02.01").unwrap().di_bawah(&rek));
    }

    #[test]
    fn skpd_dari_sub_unit() {
        let k = Kode::baca("7.01.0.00.0.00.30.0002").unwrap();
        assert_eq!(k.skpd().unwrap(), "7.01.0.00.0.00.30.0000");
    }
}
