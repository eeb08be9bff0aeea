//! Checks of the tabular DPA exports (`recognise::dpa_tabel`, docs/dpa-tata-letak.md layouts
//! 3, 4, 5, 7), within the document:
//!
//! - rekap belanja: on every row, `Jumlah` = the sum of its kelompok belanja; every parent
//!   row (urusan, bidang, program, kegiatan, unit) = the sum of the rows directly under it,
//!   in every amount column, and the `JUMLAH` row = the sum of the top rows. Parents are
//!   compared with their direct children as stated, as SIPD's `SUBTOTAL` makes them, so one
//!   typo breaks one parent sum and its own row's sum, and the two together name the cell;
//! - flat export and anggaran kas: on every rekening row, the twelve months = its amount
//!   (`Nilai Rincian`, `total_rincian`) and `Total RAK` = the twelve months.
//!
//! The SIPD-RI rekap states no total; its amounts are only read.
#![deny(clippy::arithmetic_side_effects)]

use super::selisih::{self, Angkanya, Selisih, rupiah};
use crate::angka::{self, tulis};
use crate::model::Nilai;
use crate::model::dpa::{BarisRincian, Dpa, JenisRincian};
use crate::model::kinerja::Asal;
use crate::recognise::dpa_tabel::Lembar;
use crate::temuan::{Temuan, Tingkat as T};

/// The level of a rekap belanja row; a row stands under the nearest row above of a higher
/// level (a lower value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TingkatRekap {
    /// The `JUMLAH` row: the sum of the top rows above it.
    Jumlah,
    /// An organisation or sub unit row (`sub_skpd`).
    Unit,
    Urusan,
    Bidang,
    Program,
    Kegiatan,
    SubKegiatan,
}

impl TingkatRekap {
    pub fn nama(self) -> &'static str {
        match self {
            TingkatRekap::Jumlah => "jumlah",
            TingkatRekap::Unit => "unit",
            TingkatRekap::Urusan => "urusan",
            TingkatRekap::Bidang => "bidang urusan",
            TingkatRekap::Program => "program",
            TingkatRekap::Kegiatan => "kegiatan",
            TingkatRekap::SubKegiatan => "sub kegiatan",
        }
    }
}

/// An amount column of a rekap belanja.
#[derive(Debug, Clone, PartialEq)]
pub struct KolomRekap {
    /// `Belanja Operasi`, `Jumlah`, `Tahun 2021`.
    pub nama: String,
    /// A kelompok belanja of this year: part of the row's `Jumlah`.
    pub kelompok: bool,
}

/// One row of a rekap belanja with its amounts, one per [`Rekap::kolom`].
#[derive(Debug, Clone, PartialEq)]
pub struct BarisRekap {
    pub r: u32,
    pub tingkat: TingkatRekap,
    /// `program 7.01.01 PROGRAM PENUNJANG …`, for messages.
    pub nama: String,
    pub nilai: Vec<Option<Nilai>>,
}

/// A rekap belanja sheet: its amount columns and every row, parents included.
#[derive(Debug, Clone, PartialEq)]
pub struct Rekap {
    pub asal: Asal,
    pub kolom: Vec<KolomRekap>,
    /// Which column is this year's `Jumlah`.
    pub jumlah: Option<usize>,
    pub baris: Vec<BarisRekap>,
}

fn angkanya(n: &Nilai, label: String) -> Angkanya {
    Angkanya {
        sel: n.sel,
        nilai: n.nilai(),
        teks: tulis(n.nilai(), n.angka.desimal),
        label,
    }
}

/// A sheet's DPA with every finding of its checks: each DPA's own, and the sheet's (the
/// rekap's sums, what was read) with the first DPA.
pub fn periksa_lembar(l: Lembar) -> Vec<(Dpa, Vec<Temuan>)> {
    let Lembar {
        mut dpa,
        rekap,
        temuan,
        ..
    } = l;
    for (d, t) in &mut dpa {
        t.extend(periksa(d));
    }
    let mut lembar = temuan;
    if let Some(r) = &rekap {
        lembar.extend(periksa_rekap(r));
    }
    if let Some((_, t)) = dpa.first_mut() {
        t.extend(lembar);
    }
    dpa
}

/// The checks of one DPA read from a tabular export: each rekening row's months against its
/// amount and its Total RAK.
pub fn periksa(d: &Dpa) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    for b in &d.rincian {
        periksa_bulan(d, b, &mut temuan);
    }
    temuan
}

fn nama_baris(b: &BarisRincian) -> String {
    match &b.jenis {
        JenisRincian::Rekening(k) => format!("rekening {} {}", k.teks, b.uraian.isi),
        _ => b.uraian.isi.clone(),
    }
}

/// The twelve months of a row against its amount and its Total RAK. Which of the three is
/// wrong follows from the two that agree: a Total RAK and an amount that agree with each
/// other and not with the months mean a month is mistyped (which one, nothing tells), and it
/// is reported once, at the Total RAK.
fn periksa_bulan(d: &Dpa, b: &BarisRincian, temuan: &mut Vec<Temuan>) {
    if b.bulan.is_empty() {
        return;
    }
    let Ok(s) = angka::jumlah(b.bulan.iter().map(|p| p.nilai.nilai())) else {
        return;
    };
    let nama = nama_baris(b);
    let rincian_bulan = || {
        let semua: Vec<String> = b.bulan.iter().map(|p| rupiah(p.nilai.nilai())).collect();
        format!("{} bulan ({})", b.bulan.len(), semua.join(" + "))
    };
    let galat = |kode: &'static str, n: &Nilai, pesan: String| {
        Temuan::baru(T::Galat, kode, d.asal.sumber(n.sel), pesan)
            .dengan_nilai(rupiah(n.nilai()), rupiah(s))
    };
    let j = b.jumlah.as_ref().filter(|j| j.nilai() != s);
    let t = b.total_bulan.as_ref().filter(|t| t.nilai() != s);
    match (j, t) {
        (Some(j), Some(t)) if j.nilai() == t.nilai() => temuan.push(galat(
            "DPA_BULAN_TIDAK_SESUAI",
            t,
            format!(
                "{nama}: Total RAK dan anggarannya sama-sama {}, padahal jumlah {} = {}; kemungkinan salah ketik di salah satu bulannya",
                rupiah(t.nilai()),
                rincian_bulan(),
                rupiah(s)
            ),
        )),
        (j, t) => {
            if let Some(j) = j {
                let rak = if b.total_bulan.is_some() && t.is_none() {
                    ", sama dengan Total RAK-nya"
                } else {
                    ""
                };
                temuan.push(galat(
                    "DPA_BULAN_TIDAK_SESUAI",
                    j,
                    format!(
                        "{nama}: anggaran tertulis {}, padahal jumlah {} = {}{rak}",
                        rupiah(j.nilai()),
                        rincian_bulan(),
                        rupiah(s)
                    ),
                ));
            }
            if let Some(t) = t {
                temuan.push(galat(
                    "DPA_RAK_TIDAK_SESUAI",
                    t,
                    format!(
                        "{nama}: Total RAK tertulis {}, padahal jumlah {} = {}",
                        rupiah(t.nilai()),
                        rincian_bulan(),
                        rupiah(s)
                    ),
                ));
            }
        }
    }
}

/// The sums of a rekap belanja: each row's Jumlah, each parent and the JUMLAH row.
pub fn periksa_rekap(rekap: &Rekap) -> Vec<Temuan> {
    let mut semua: Vec<Selisih> = Vec::new();
    let label = |b: &BarisRekap, k: usize| {
        format!(
            "{} ({})",
            rekap.kolom.get(k).map_or("", |x| x.nama.as_str()),
            b.nama
        )
    };
    // Each row: Jumlah = Σ kelompok belanja.
    if let Some(kj) = rekap.jumlah {
        let kelompok: Vec<usize> = (0..rekap.kolom.len())
            .filter(|&k| rekap.kolom.get(k).is_some_and(|x| x.kelompok))
            .collect();
        for b in &rekap.baris {
            let Some(Some(j)) = b.nilai.get(kj) else {
                continue;
            };
            let suku: Vec<&Nilai> = kelompok
                .iter()
                .filter_map(|&k| b.nilai.get(k).and_then(Option::as_ref))
                .collect();
            // A kelompok cell that could not be read leaves the sum unknown.
            if suku.is_empty() || suku.len() < kelompok.len() {
                continue;
            }
            let Ok(s) = angka::jumlah(suku.iter().map(|n| n.nilai())) else {
                continue;
            };
            if s == j.nilai() {
                continue;
            }
            semua.push(Selisih {
                hasil: angkanya(j, label(b, kj)),
                suku: kelompok
                    .iter()
                    .filter_map(|&k| b.nilai.get(k)?.as_ref().map(|n| angkanya(n, label(b, k))))
                    .collect(),
                jumlah: s,
                apa: "Jumlah = jumlah kelompok belanja".to_string(),
                nama: b.nama.clone(),
                kode: "DPA_REKAP_JUMLAH",
            });
        }
    }
    // Parents by position: a row stands under the nearest row above of a higher level; the
    // JUMLAH row sums the top rows since the previous JUMLAH.
    let mut anak: Vec<Vec<usize>> = vec![Vec::new(); rekap.baris.len()];
    let mut tumpuk: Vec<usize> = Vec::new();
    let mut akar: Vec<usize> = Vec::new();
    for (i, b) in rekap.baris.iter().enumerate() {
        if b.tingkat == TingkatRekap::Jumlah {
            if let Some(a) = anak.get_mut(i) {
                *a = std::mem::take(&mut akar);
            }
            tumpuk.clear();
            continue;
        }
        while tumpuk
            .last()
            .and_then(|&j| rekap.baris.get(j))
            .is_some_and(|x| x.tingkat >= b.tingkat)
        {
            tumpuk.pop();
        }
        match tumpuk.last().and_then(|&j| anak.get_mut(j)) {
            Some(a) => a.push(i),
            None => akar.push(i),
        }
        tumpuk.push(i);
    }
    for (i, b) in rekap.baris.iter().enumerate() {
        let Some(a) = anak.get(i).filter(|a| !a.is_empty()) else {
            continue;
        };
        for k in 0..rekap.kolom.len() {
            let Some(Some(t)) = b.nilai.get(k) else {
                continue;
            };
            let suku: Vec<&Nilai> = a
                .iter()
                .filter_map(|&j| rekap.baris.get(j)?.nilai.get(k)?.as_ref())
                .collect();
            if suku.len() < a.len() {
                continue;
            }
            let Ok(s) = angka::jumlah(suku.iter().map(|n| n.nilai())) else {
                continue;
            };
            if s == t.nilai() {
                continue;
            }
            semua.push(Selisih {
                hasil: angkanya(t, label(b, k)),
                suku: a
                    .iter()
                    .filter_map(|&j| {
                        let x = rekap.baris.get(j)?;
                        x.nilai.get(k)?.as_ref().map(|n| angkanya(n, label(x, k)))
                    })
                    .collect(),
                jumlah: s,
                apa: format!(
                    "{} = jumlah {} baris di bawahnya",
                    rekap.kolom.get(k).map_or("", |x| x.nama.as_str()),
                    a.len()
                ),
                nama: b.nama.clone(),
                kode: "DPA_REKAP_INDUK",
            });
        }
    }
    selisih::laporkan(semua, &rekap.asal, "DPA_SALAH_KETIK")
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::angka::Angka;
    use crate::model::Alamat;
    use crate::model::dpa::Penarikan;
    use crate::model::pk::Teks;
    use rust_decimal::Decimal;

    fn nilai(x: i64, r: u32, c: u32) -> Nilai {
        Nilai {
            angka: Angka {
                nilai: Decimal::from(x),
                desimal: 0,
            },
            sel: Alamat { r, c },
        }
    }

    fn baris_bulan(jumlah: i64, total: i64, bulan: [i64; 12]) -> BarisRincian {
        BarisRincian {
            r: 1,
            jenis: JenisRincian::Rekening(crate::kode::Kode::baca("5.1.02.01.01.0004").unwrap()),
            uraian: Teks {
                isi: "BBM".into(),
                sel: Alamat { r: 1, c: 8 },
            },
            spesifikasi: None,
            koefisien: None,
            satuan: None,
            harga: None,
            ppn: None,
            jumlah: Some(nilai(jumlah, 1, 9)),
            sebelum: None,
            bertambah: None,
            bulan: bulan
                .iter()
                .enumerate()
                .map(|(i, &x)| Penarikan {
                    bulan: i as u8 + 1,
                    nilai: nilai(x, 1, 11 + i as u32),
                })
                .collect(),
            total_bulan: Some(nilai(total, 1, 10)),
        }
    }

    fn dpa(b: BarisRincian) -> Dpa {
        let mut d = crate::recognise::dpa_tabel::dpa_kosong(
            &Asal {
                berkas: "datar.xlsx".into(),
                lembar: "DPA".into(),
            },
            crate::model::dpa::Bentuk::Datar,
        );
        d.rincian.push(b);
        d
    }

    #[test]
    fn bulan_cocok_tanpa_temuan() {
        // 12 × 3.978.000 = 47.736.000 (DPA-DATAR row 2).
        assert!(periksa(&dpa(baris_bulan(47_736_000, 47_736_000, [3_978_000; 12]))).is_empty());
    }

    #[test]
    fn anggaran_salah_ditunjuk_di_selnya() {
        // Months and Total RAK say 47.736.000; the Nilai Rincian says 47.736.001.
        let t = periksa(&dpa(baris_bulan(47_736_001, 47_736_000, [3_978_000; 12])));
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(
            (t[0].kode, t[0].lokasi.sel.as_str()),
            ("DPA_BULAN_TIDAK_SESUAI", "J2")
        );
        assert_eq!(t[0].seharusnya.as_deref(), Some("47.736.000"));
        // A month typed 3.978.001: amount and Total RAK agree, one finding at the Total RAK.
        let mut m = [3_978_000; 12];
        m[4] = 3_978_001;
        let t = periksa(&dpa(baris_bulan(47_736_000, 47_736_000, m)));
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].lokasi.sel, "K2");
        // Total RAK alone wrong.
        let t = periksa(&dpa(baris_bulan(47_736_000, 47_736_100, [3_978_000; 12])));
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(
            (t[0].kode, t[0].lokasi.sel.as_str()),
            ("DPA_RAK_TIDAK_SESUAI", "K2")
        );
    }

    fn rekap(j16: i64) -> Rekap {
        // Two sub kegiatan of 7.01.01.2.01 (rekap rows 15–17): operasi, modal, jumlah.
        let kolom = vec![
            KolomRekap {
                nama: "Belanja Operasi".into(),
                kelompok: true,
            },
            KolomRekap {
                nama: "Belanja Modal".into(),
                kelompok: true,
            },
            KolomRekap {
                nama: "Jumlah".into(),
                kelompok: false,
            },
        ];
        let b = |r: u32, tingkat, v: [i64; 3]| BarisRekap {
            r,
            tingkat,
            nama: format!("baris {r}"),
            nilai: v
                .iter()
                .enumerate()
                .map(|(c, &x)| Some(nilai(x, r, 9 + c as u32)))
                .collect(),
        };
        Rekap {
            asal: Asal {
                berkas: "rekap.xlsx".into(),
                lembar: "R".into(),
            },
            kolom,
            jumlah: Some(2),
            baris: vec![
                b(13, TingkatRekap::Program, [3_396_200, 0, 3_396_200]),
                b(14, TingkatRekap::Kegiatan, [3_396_200, 0, 3_396_200]),
                b(15, TingkatRekap::SubKegiatan, [j16, 0, 1_698_100]),
                b(16, TingkatRekap::SubKegiatan, [1_698_100, 0, 1_698_100]),
                b(63, TingkatRekap::Jumlah, [3_396_200, 0, 3_396_200]),
            ],
        }
    }

    #[test]
    fn rekap_cocok_tanpa_temuan() {
        assert!(periksa_rekap(&rekap(1_698_100)).is_empty());
    }

    #[test]
    fn rekap_salah_ketik_ditunjuk_sekali() {
        // J16 typed 1.698.000: its row's Jumlah (N16) and its kegiatan (J15) both say
        // 1.698.100; the program and JUMLAH rows add up the kegiatan as stated, so they
        // do not echo it.
        let t = periksa_rekap(&rekap(1_698_000));
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(
            (t[0].kode, t[0].lokasi.sel.as_str()),
            ("DPA_SALAH_KETIK", "J16")
        );
        assert_eq!(t[0].seharusnya.as_deref(), Some("1.698.100"));
    }
}
