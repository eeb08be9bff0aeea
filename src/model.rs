//! Model: plain data between recognition and the tables.
//!
//! A realisasi document becomes a list of [`BarisAnggaran`], each value carrying the cell it
//! came from. The rows become a [`Pohon`], the anggaran tree, built by position: a program code
//! appears under every organisation that runs it, so a node's children are keyed by code only
//! under their parent.
#![deny(clippy::arithmetic_side_effects)]

pub mod dpa;
pub mod kinerja;
pub mod pk;
pub mod renja;
pub mod tabel;

use crate::angka::{self, Angka, Luap};
use crate::kode::{Kode, Tingkat};
use indexmap::IndexMap;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::fmt;

/// `(0, 1)` → `B1`.
pub fn alamat(r: u32, c: u32) -> String {
    Alamat { r, c }.to_string()
}

/// A cell's position, 0-based; shown as `B12`. Kept as two numbers so that the hundreds of
/// thousands of values of a large sheet carry their cell without a string each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Alamat {
    pub r: u32,
    pub c: u32,
}

impl fmt::Display for Alamat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}",
            huruf_kolom(self.c),
            u64::from(self.r).saturating_add(1)
        )
    }
}

impl Alamat {
    /// `B12` → row 11, column 1; `None` for anything else (a sheet-level location).
    pub fn urai(teks: &str) -> Option<Alamat> {
        let huruf: String = teks.chars().take_while(char::is_ascii_uppercase).collect();
        let angka = &teks[huruf.len()..];
        if huruf.is_empty()
            || huruf.len() > 3
            || angka.is_empty()
            || !angka.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let c = huruf
            .bytes()
            .try_fold(0u32, |n, b| {
                n.checked_mul(26)?
                    .checked_add(u32::from(b.checked_sub(b'A')?).checked_add(1)?)
            })?
            .checked_sub(1)?;
        let r = angka.parse::<u32>().ok()?.checked_sub(1)?;
        Some(Alamat { r, c })
    }
}

/// `0` → `A`, `26` → `AA`.
pub fn huruf_kolom(c: u32) -> String {
    // Bijective base 26, in u64 so that no column number can overflow.
    let mut n = u64::from(c).saturating_add(1);
    let mut s = Vec::new();
    while n > 0 {
        let sisa = n.saturating_sub(1);
        s.push(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(sisa % 26) as usize]);
        n = sisa / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Where a value was read: file › sheet › cell.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sumber {
    pub berkas: String,
    pub lembar: String,
    pub sel: String,
}

impl fmt::Display for Sumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} › {}", self.berkas, self.lembar)?;
        if !self.sel.is_empty() {
            write!(f, " › {}", self.sel)?;
        }
        Ok(())
    }
}

/// A stated number and its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Nilai {
    pub angka: Angka,
    pub sel: Alamat,
}

impl Nilai {
    pub fn nilai(&self) -> Decimal {
        self.angka.nilai
    }
}

/// The amounts of one kelompok belanja (Operasi, Modal, ...) on a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Kelompok {
    pub nama: String,
    pub pagu: Option<Nilai>,
    pub realisasi: Option<Nilai>,
}

/// One row of a realisasi table as it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisAnggaran {
    /// Sheet row, 0-based.
    pub r: u32,
    pub kode: Option<Kode>,
    pub uraian: String,
    pub tingkat: Tingkat,
    /// Codes written in the columns left of the row's own code in a split-code layout
    /// (bidang | organisasi | program...): they place the row when the sheet's order does not.
    pub kode_bidang: Option<Kode>,
    pub kode_organisasi: Option<Kode>,
    pub pagu: Option<Nilai>,
    pub realisasi: Option<Nilai>,
    pub persen: Option<Nilai>,
    pub sisa: Option<Nilai>,
    pub fisik: Option<Nilai>,
    pub efisiensi: Option<Nilai>,
    pub kelompok: Vec<Kelompok>,
    /// What the monthly realisasi fisik dan keuangan form adds; `None` for other tables
    /// (boxed, so the rows of a large LRA do not carry it).
    pub bulanan: Option<Box<Bulanan>>,
}

/// The columns of the monthly realisasi form beside the year to date the row uses: checked
/// (bulan lalu + bulan ini = s.d. bulan ini, Σ bobot = 100), never summed into the tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bulanan {
    pub bobot: Option<Nilai>,
    /// Realisasi keuangan (Rp) up to last month and of this month.
    pub realisasi_lalu: Option<Nilai>,
    pub realisasi_ini: Option<Nilai>,
}

/// A recognised realisasi sheet.
#[derive(Debug, Clone)]
pub struct Dokumen {
    pub berkas: String,
    pub lembar: String,
    pub tahun: Option<i32>,
    pub baris: Vec<BarisAnggaran>,
    /// The `JUMLAH`/`TOTAL` row, if the sheet has one.
    pub jumlah: Option<BarisAnggaran>,
    /// The sheet had no code column: levels were taken from the layout.
    pub tanpa_kode: bool,
    /// The LKjIP table its title names (`Tabel 16 Efisiensi …`, `Tabel 19 …`): a typed
    /// Tabel 16 beside a Tabel 19 is audited against it, never taken as a version of it.
    pub nomor_tabel: Option<u32>,
}

impl Dokumen {
    /// The location of a cell of this document (`sel` is an [`Alamat`] or its text).
    pub fn sumber(&self, sel: impl fmt::Display) -> Sumber {
        Sumber {
            berkas: self.berkas.clone(),
            lembar: self.lembar.clone(),
            sel: sel.to_string(),
        }
    }
}

/// The recomputed amounts of a node. Each is `Err(Luap)` when it cannot be held (see
/// [`crate::compute::hitung`]): whoever shows it must say so, it has no number to fall
/// back on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hitungan {
    pub pagu: Result<Decimal, Luap>,
    pub realisasi: Result<Decimal, Luap>,
    /// Realisasi fisik (%), where known: stated on a leaf, the pagu-weighted mean above.
    pub fisik: Result<Option<Decimal>, Luap>,
}

impl Default for Hitungan {
    fn default() -> Self {
        Hitungan {
            pagu: Ok(Decimal::ZERO),
            realisasi: Ok(Decimal::ZERO),
            fisik: Ok(None),
        }
    }
}

/// A child's key: its code (or, without a code, its name), and which occurrence it is, so
/// a code written twice under one parent keeps both rows (and is reported).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Kunci {
    pub teks: String,
    pub ke: u32,
}

/// A node of the anggaran tree.
#[derive(Debug, Clone)]
pub struct Simpul {
    /// `None` for the root (the whole document, its `JUMLAH` row).
    pub tingkat: Option<Tingkat>,
    pub kode: Option<Kode>,
    pub uraian: String,
    /// The row this node was read from (an index into [`Pohon::baris`], read it with
    /// [`Pohon::baris_dari`]), for its stated amounts and their cells; `None` for a node
    /// implied by a code (a bidang with no row of its own). The row's code and name were
    /// moved into `kode` and `uraian` when the tree was built.
    pub baris: Option<u32>,
    pub hitung: Hitungan,
    pub anak: IndexMap<Kunci, usize>,
    pub induk: Option<usize>,
}

/// The anggaran tree: an arena of nodes, the root at index 0.
#[derive(Debug, Clone)]
pub struct Pohon {
    pub simpul: Vec<Simpul>,
    /// The document's rows, where they were read: nodes refer to them by index, so a
    /// large LRA's rows are not copied into the tree one by one.
    pub baris: Vec<BarisAnggaran>,
    /// How many times a key was taken again under a parent, by (parent, key text): the next
    /// repeat of a code is found at once instead of by trying occurrences 1, 2, 3, … (a
    /// sheet with one code on 100,000 rows made that quadratic). Empty unless a code repeats.
    ganda: HashMap<(usize, String), u32>,
}

impl Default for Pohon {
    fn default() -> Self {
        Self::new()
    }
}

impl Pohon {
    pub const AKAR: usize = 0;

    pub fn new() -> Pohon {
        Pohon {
            simpul: vec![Simpul {
                tingkat: None,
                kode: None,
                uraian: "JUMLAH".to_string(),
                baris: None,
                hitung: Hitungan::default(),
                anak: IndexMap::new(),
                induk: None,
            }],
            baris: Vec::new(),
            ganda: HashMap::new(),
        }
    }

    /// The nodes by their code, made once for a lookup of many codes (a DPA folder, a Renja
    /// form) instead of a scan of the tree per code.
    pub fn simpul_per_kode(&self) -> HashMap<&str, Vec<usize>> {
        let mut per_kode: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in self.simpul.iter().enumerate() {
            if let Some(k) = &s.kode {
                per_kode.entry(k.teks.as_str()).or_default().push(i);
            }
        }
        per_kode
    }

    /// The row node `s` was read from.
    pub fn baris_dari(&self, s: &Simpul) -> Option<&BarisAnggaran> {
        s.baris.map(|j| &self.baris[j as usize])
    }

    pub fn akar(&self) -> &Simpul {
        &self.simpul[Self::AKAR]
    }

    /// Adds a node under `induk`. Returns its index and whether its key was already taken.
    pub fn tambah(
        &mut self,
        induk: usize,
        tingkat: Tingkat,
        kode: Option<Kode>,
        uraian: String,
        baris: Option<u32>,
    ) -> (usize, bool) {
        let teks = kode
            .as_ref()
            .map_or_else(|| uraian.to_uppercase(), |k| k.teks.clone());
        let i = self.simpul.len();
        // One hash for the usual new key; a taken key takes the occurrence after the last
        // one given, so n repeats cost n steps, not n²/2.
        let ganda = match self.simpul[induk].anak.entry(Kunci { teks, ke: 0 }) {
            indexmap::map::Entry::Vacant(v) => {
                v.insert(i);
                false
            }
            indexmap::map::Entry::Occupied(o) => {
                let mut kunci = o.key().clone();
                let terakhir = self.ganda.entry((induk, kunci.teks.clone())).or_insert(0);
                kunci.ke = terakhir.saturating_add(1);
                // Only `tambah` gives occurrences after 0, so this finds the key free; the
                // loop keeps it right should another path ever add one.
                while self.simpul[induk].anak.contains_key(&kunci) {
                    kunci.ke = kunci.ke.saturating_add(1);
                }
                *terakhir = kunci.ke;
                self.simpul[induk].anak.insert(kunci, i);
                true
            }
        };
        self.simpul.push(Simpul {
            tingkat: Some(tingkat),
            kode,
            uraian,
            baris,
            hitung: Hitungan::default(),
            anak: IndexMap::new(),
            induk: Some(induk),
        });
        (i, ganda)
    }

    /// The unit (organisasi or sub unit) each node sits in, by node: the node itself for a
    /// unit, `None` above the units.
    pub fn unit_tiap_simpul(&self) -> Vec<Option<usize>> {
        let mut unit = vec![None; self.simpul.len()];
        for (i, _) in self.urut() {
            let s = &self.simpul[i];
            unit[i] = if matches!(s.tingkat, Some(Tingkat::Organisasi | Tingkat::SubUnit)) {
                Some(i)
            } else {
                s.induk.and_then(|p| unit[p])
            };
        }
        unit
    }

    /// The child of `induk` with this code (first occurrence).
    pub fn anak_berkode(&self, induk: usize, kode: &str) -> Option<usize> {
        self.simpul[induk]
            .anak
            .get(&Kunci {
                teks: kode.to_string(),
                ke: 0,
            })
            .copied()
    }

    /// Nodes in document order (depth first), with their depth, root excluded.
    pub fn urut(&self) -> Vec<(usize, usize)> {
        let mut hasil = Vec::with_capacity(self.simpul.len());
        let mut tumpuk: Vec<(usize, usize)> = self.simpul[Self::AKAR]
            .anak
            .values()
            .rev()
            .map(|&i| (i, 0))
            .collect();
        while let Some((i, d)) = tumpuk.pop() {
            hasil.push((i, d));
            tumpuk.extend(
                self.simpul[i]
                    .anak
                    .values()
                    .rev()
                    .map(|&a| (a, d.saturating_add(1))),
            );
        }
        hasil
    }

    /// Adds another tree's recomputed amounts into this one, matching nodes by their path of
    /// keys: how the parts of a budget split over several sheets or files become one.
    pub fn gabung(&mut self, lain: &Pohon) {
        self.gabung_simpul(Self::AKAR, lain, Self::AKAR);
    }

    fn gabung_simpul(&mut self, ke: usize, lain: &Pohon, dari: usize) {
        let h = lain.simpul[dari].hitung;
        let sini = &mut self.simpul[ke].hitung;
        sini.fisik = gabung_fisik(sini, &h);
        sini.pagu = sini.pagu.and_then(|a| angka::tambah(a, h.pagu?));
        sini.realisasi = sini.realisasi.and_then(|a| angka::tambah(a, h.realisasi?));
        for (kunci, &a) in &lain.simpul[dari].anak {
            let tujuan = match self.simpul[ke].anak.get(kunci) {
                Some(&t) => t,
                None => {
                    let s = &lain.simpul[a];
                    let i = self.simpul.len();
                    self.simpul.push(Simpul {
                        tingkat: s.tingkat,
                        kode: s.kode.clone(),
                        uraian: s.uraian.clone(),
                        // The merged tree feeds the tables, which need no stated rows.
                        baris: None,
                        hitung: Hitungan::default(),
                        anak: IndexMap::new(),
                        induk: Some(ke),
                    });
                    self.simpul[ke].anak.insert(kunci.clone(), i);
                    i
                }
            };
            self.gabung_simpul(tujuan, lain, a);
        }
    }
}

/// Pagu-weighted mean of two realisasi fisik figures; `Err` when it cannot be held.
fn gabung_fisik(a: &Hitungan, b: &Hitungan) -> Result<Option<Decimal>, Luap> {
    match (a.fisik?, b.fisik?) {
        (None, x) | (x, None) => Ok(x),
        (Some(fa), Some(fb)) => {
            let (pa, pb) = (a.pagu?, b.pagu?);
            let bobot = angka::tambah(pa, pb)?;
            if bobot.is_zero() {
                Ok(Some(angka::bagi(
                    angka::tambah_persen(fa, fb)?,
                    Decimal::TWO,
                )?))
            } else {
                let kali = angka::tambah_persen(angka::kali(fa, pa)?, angka::kali(fb, pb)?)?;
                Ok(Some(angka::bagi(kali, bobot)?))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alamat_sel() {
        assert_eq!(alamat(0, 0), "A1");
        assert_eq!(alamat(11, 25), "Z12");
        assert_eq!(alamat(0, 26), "AA1");
        assert_eq!(alamat(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn huruf_kolom_seperti_excel() {
        assert_eq!(huruf_kolom(0), "A");
        assert_eq!(huruf_kolom(6), "G");
        assert_eq!(huruf_kolom(25), "Z");
        assert_eq!(huruf_kolom(26), "AA");
        assert_eq!(huruf_kolom(51), "AZ");
        assert_eq!(huruf_kolom(52), "BA");
        assert_eq!(huruf_kolom(701), "ZZ");
        assert_eq!(huruf_kolom(702), "AAA");
        assert_eq!(huruf_kolom(16383), "XFD");
    }

    fn kode(k: &str) -> Option<Kode> {
        Kode::baca(k)
    }

    #[test]
    fn kode_berulang_mendapat_kemunculan_berikutnya() {
        let mut p = Pohon::new();
        let sub = "7.01.02.2.01.0001";
        let mut ke = Vec::new();
        for _ in 0..4 {
            let (i, ganda) = p.tambah(
                Pohon::AKAR,
                Tingkat::SubKegiatan,
                kode(sub),
                "A".into(),
                None,
            );
            ke.push((i, ganda));
        }
        // Another code between the repeats has its own count.
        let (lain, ganda_lain) = p.tambah(
            Pohon::AKAR,
            Tingkat::SubKegiatan,
            kode("7.01.02.2.01.0002"),
            "B".into(),
            None,
        );
        let (kelima, _) = p.tambah(
            Pohon::AKAR,
            Tingkat::SubKegiatan,
            kode(sub),
            "A".into(),
            None,
        );
        assert_eq!(ke, vec![(1, false), (2, true), (3, true), (4, true)]);
        assert!(!ganda_lain);
        let kunci: Vec<(String, u32, usize)> = p.simpul[Pohon::AKAR]
            .anak
            .iter()
            .map(|(k, &i)| (k.teks.clone(), k.ke, i))
            .collect();
        assert_eq!(
            kunci,
            vec![
                (sub.to_string(), 0, 1),
                (sub.to_string(), 1, 2),
                (sub.to_string(), 2, 3),
                (sub.to_string(), 3, 4),
                ("7.01.02.2.01.0002".to_string(), 0, lain),
                (sub.to_string(), 4, kelima),
            ]
        );
        // The same code under another parent starts again at 0.
        let (prog, _) = p.tambah(
            Pohon::AKAR,
            Tingkat::Program,
            kode("7.01.02"),
            "P".into(),
            None,
        );
        let (_, ganda) = p.tambah(prog, Tingkat::SubKegiatan, kode(sub), "A".into(), None);
        assert!(!ganda);
    }

    #[test]
    fn gabung_yang_luap_menjadi_err() {
        let mut a = Pohon::new();
        let mut b = Pohon::new();
        a.simpul[Pohon::AKAR].hitung.pagu = Ok(Decimal::MAX);
        b.simpul[Pohon::AKAR].hitung.pagu = Ok(Decimal::ONE);
        b.simpul[Pohon::AKAR].hitung.realisasi = Ok(Decimal::TWO);
        a.gabung(&b);
        assert_eq!(a.akar().hitung.pagu, Err(Luap));
        assert_eq!(a.akar().hitung.realisasi, Ok(Decimal::TWO));
    }
}
