//! Model: plain data between recognition and the tables.
//!
//! A realisasi document becomes a list of [`BarisAnggaran`], each value carrying the cell it
//! came from. The rows become a [`Pohon`], the anggaran tree, built by position: a program code
//! appears under every organisation that runs it, so a node's children are keyed by code only
//! under their parent.

pub mod pk;

use crate::angka::Angka;
use crate::kode::{Kode, Tingkat};
use crate::sheet::Alamat;
use indexmap::IndexMap;
use rust_decimal::Decimal;
use std::fmt;

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

/// The recomputed amounts of a node.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Hitungan {
    pub pagu: Decimal,
    pub realisasi: Decimal,
    /// Realisasi fisik (%), where known: stated on a leaf, the pagu-weighted mean above.
    pub fisik: Option<Decimal>,
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
        }
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
        // One hash for the usual new key; a taken key looks for its next free occurrence.
        let ganda = match self.simpul[induk].anak.entry(Kunci { teks, ke: 0 }) {
            indexmap::map::Entry::Vacant(v) => {
                v.insert(i);
                false
            }
            indexmap::map::Entry::Occupied(o) => {
                let mut kunci = o.key().clone();
                while self.simpul[induk].anak.contains_key(&kunci) {
                    kunci.ke += 1;
                }
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
            tumpuk.extend(self.simpul[i].anak.values().rev().map(|&a| (a, d + 1)));
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
        sini.pagu += h.pagu;
        sini.realisasi += h.realisasi;
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

/// Pagu-weighted mean of two realisasi fisik figures.
fn gabung_fisik(a: &Hitungan, b: &Hitungan) -> Option<Decimal> {
    match (a.fisik, b.fisik) {
        (None, x) | (x, None) => x,
        (Some(fa), Some(fb)) => {
            let bobot = a.pagu + b.pagu;
            if bobot.is_zero() {
                Some((fa + fb) / Decimal::TWO)
            } else {
                Some((fa * a.pagu + fb * b.pagu) / bobot)
            }
        }
    }
}
