//! Kinerja: the planning staff's own data (the kinerja workbook, `templates/README.md`) as
//! read, and as joined with the PK and the anggaran tree for Tabel 11–15 and 17.
//!
//! A workbook's sheets are read one by one into [`LembarKinerja`] (each value with its
//! cell); `check::kinerja` joins them by indikator name into [`Kinerja`], taking the year's
//! target from the PK where one is given and the anggaran of each sasaran from the tree
//! through the Peta Anggaran sheet. Nothing here is typed twice.

use super::Sumber;
use super::pk::Teks;
use crate::compute::kinerja::Polaritas;
use crate::model::Alamat;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A kinerja value: a number, or `n/a` (not measured), which is never 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ukuran {
    Angka(Decimal),
    TidakDiukur,
}

impl Ukuran {
    pub fn angka(self) -> Option<Decimal> {
        match self {
            Ukuran::Angka(d) => Some(d),
            Ukuran::TidakDiukur => None,
        }
    }
}

/// A value and its cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ukur {
    pub ukuran: Ukuran,
    pub sel: Alamat,
}

/// The file and sheet a row was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asal {
    pub berkas: String,
    pub lembar: String,
}

impl Asal {
    pub fn sumber(&self, sel: impl std::fmt::Display) -> Sumber {
        Sumber {
            berkas: self.berkas.clone(),
            lembar: self.lembar.clone(),
            sel: sel.to_string(),
        }
    }
}

/// One row of the IKU sheet (seed 001 Tabel 4 and 5).
#[derive(Debug, Clone, PartialEq)]
pub struct Iku {
    pub nomor: Option<String>,
    pub sasaran: Option<Teks>,
    pub indikator: Teks,
    pub satuan: Option<Teks>,
    pub polaritas: Polaritas,
    pub kumulatif: bool,
    pub formula: Option<Teks>,
    pub sumber_data: Option<Teks>,
    pub penanggung_jawab: Option<Teks>,
    pub kondisi_awal: Option<Ukur>,
    pub target_akhir: Option<Ukur>,
}

/// One row of the Tahunan sheet: an indikator's Renstra target and realisasi in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisTahunan {
    pub indikator: Teks,
    pub tahun: i32,
    pub target: Option<Ukur>,
    pub realisasi: Option<Ukur>,
}

/// One row of the Triwulan sheet: target and realisasi to the end of a quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisTriwulan {
    pub indikator: Teks,
    /// 1–4.
    pub triwulan: u8,
    pub target: Option<Ukur>,
    pub realisasi: Option<Ukur>,
}

/// One row of the Program sheet (seed 001 Tabel 17): an indikator of a program, kegiatan
/// or sub kegiatan. A row without a name is one more indikator of the row above it.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisProgramKinerja {
    pub r: u32,
    pub unit: Option<Teks>,
    pub kode: Option<Teks>,
    pub uraian: Option<Teks>,
    pub indikator: Teks,
    pub permendagri: Option<Teks>,
    pub target: Option<Ukur>,
    pub satuan: Option<Teks>,
    pub realisasi: Option<Ukur>,
    pub satuan_realisasi: Option<Teks>,
    pub penanggung_jawab: Option<Teks>,
}

/// One row of the Peta Anggaran sheet (seed 001 Tabel 7 and 8): a program that funds a
/// sasaran, in one unit or (unit empty) in every unit that runs it.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisPeta {
    pub sasaran: Teks,
    pub unit: Option<Teks>,
    pub program: Teks,
}

/// What one sheet of a kinerja workbook holds.
#[derive(Debug, Clone, PartialEq)]
pub enum BagianKinerja {
    Iku(Vec<Iku>),
    Tahunan(Vec<BarisTahunan>),
    Triwulan(Vec<BarisTriwulan>),
    Program(Vec<BarisProgramKinerja>),
    Peta(Vec<BarisPeta>),
}

impl BagianKinerja {
    pub fn nama(&self) -> &'static str {
        match self {
            BagianKinerja::Iku(_) => "IKU",
            BagianKinerja::Tahunan(_) => "realisasi tahunan",
            BagianKinerja::Triwulan(_) => "pengukuran per triwulan",
            BagianKinerja::Program(_) => "indikator program/kegiatan",
            BagianKinerja::Peta(_) => "peta anggaran per sasaran",
        }
    }

    pub fn jumlah(&self) -> usize {
        match self {
            BagianKinerja::Iku(v) => v.len(),
            BagianKinerja::Tahunan(v) => v.len(),
            BagianKinerja::Triwulan(v) => v.len(),
            BagianKinerja::Program(v) => v.len(),
            BagianKinerja::Peta(v) => v.len(),
        }
    }
}

/// A recognised sheet of a kinerja workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct LembarKinerja {
    pub asal: Asal,
    pub bagian: BagianKinerja,
}

/// Where the year's target came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsalTarget {
    /// The signed Perjanjian Kinerja (seed 001 Tabel 11 uses it: 87,0, not the Renstra's 87,1).
    Pk,
    /// The Tahunan sheet's Target Renstra for the year.
    Renstra,
    /// The target of the last quarter.
    Triwulan,
}

/// A quarter's or a year's target and realisasi (`None`: the cell is empty).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pasangan {
    pub target: Option<Ukuran>,
    pub realisasi: Option<Ukuran>,
}

/// An indikator kinerja utama with everything the tables show of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Indikator {
    pub asal: Asal,
    pub iku: Iku,
    /// As the PK writes it when matched (the signed document), else as the IKU does.
    pub nama: String,
    pub sasaran: String,
    pub satuan: String,
    pub target: Option<(Ukuran, AsalTarget)>,
    pub realisasi: Option<Ukuran>,
    /// Target Renstra and realisasi by year, from the Tahunan sheet.
    pub tahunan: BTreeMap<i32, Pasangan>,
    pub triwulan: [Pasangan; 4],
}

/// A sasaran with its indikator and the program nodes of the anggaran tree that fund it.
#[derive(Debug, Clone, PartialEq)]
pub struct SasaranKinerja {
    pub nama: String,
    /// Indexes into [`Kinerja::indikator`].
    pub indikator: Vec<usize>,
    /// Program nodes of the tree (indexes into `Pohon::simpul`), each once.
    pub program: Vec<usize>,
}

/// The kinerja data joined, ready for the tables.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Kinerja {
    pub tahun: Option<i32>,
    pub indikator: Vec<Indikator>,
    pub sasaran: Vec<SasaranKinerja>,
    /// Whether a Peta Anggaran sheet was given (Tabel 15 needs it).
    pub ada_peta: bool,
    /// The Program sheet's rows, and which tree node each belongs to.
    pub program: Vec<(Asal, BarisProgramKinerja)>,
    /// Tree node → the Program rows (indexes into `program`) that are its indikator.
    pub indikator_simpul: BTreeMap<usize, Vec<usize>>,
    /// Sub kegiatan node → its indikator in the nomenclature, for Tabel 17's PERMENDAGRI
    /// column where no input gives one (`check::nomenklatur::lengkapi_permendagri`; each
    /// is reported as info).
    pub permendagri_nomenklatur: BTreeMap<usize, String>,
}
