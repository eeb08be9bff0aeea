//! Perjanjian Kinerja (PK): what one signed PK lampiran states, each value with its cell.
//!
//! A PK is made per jabatan: the camat with the bupati, the sekretaris camat with the camat,
//! each kasubag with the sekretaris, each kasi with the camat. Its lampiran holds the sasaran
//! with their indikator and target, and the program (or kegiatan, or sub kegiatan) with the
//! anggaran that funds them. The names of the two pihak are read, to tell the document's
//! parts apart, but never written into a table.

use super::Sumber;
use crate::angka::Angka;
use crate::kode::Tingkat;
use crate::model::Alamat;
use std::fmt;

/// A text as written, and its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Teks {
    pub isi: String,
    pub sel: Alamat,
}

/// One of the two parties of a PK.
#[derive(Debug, Clone, PartialEq)]
pub struct Pihak {
    pub jabatan: Teks,
    /// Read so that the statement is understood; never copied into a table.
    pub nama: Option<Teks>,
}

/// Which table a sasaran line is in: the header names it (`Sasaran Strategis`, `Sasaran
/// Program`, `Sasaran Kegiatan`, `Sasaran Kinerja Utama`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisSasaran {
    Strategis,
    Program,
    Kegiatan,
    SubKegiatan,
}

impl JenisSasaran {
    pub fn nama(self) -> &'static str {
        match self {
            JenisSasaran::Strategis => "sasaran strategis",
            JenisSasaran::Program => "sasaran program",
            JenisSasaran::Kegiatan => "sasaran kegiatan",
            JenisSasaran::SubKegiatan => "sasaran sub kegiatan",
        }
    }
}

/// A target as written (`18 Org/Bulan`, `100 %`, `87,40`): its number and its unit, apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// `None` when the cell holds no number (`n/a`, a word).
    pub nilai: Option<Angka>,
    /// The unit written with the number (`Org/Bulan`, `%`), else the satuan column's.
    pub satuan: Option<String>,
    /// The cell's text as written.
    pub teks: String,
    pub sel: Alamat,
}

/// One indikator line of a sasaran table.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisSasaran {
    pub jenis: JenisSasaran,
    pub nomor: Option<String>,
    /// The sasaran; a line under a merged sasaran cell carries the one above it.
    pub sasaran: Teks,
    pub indikator: Teks,
    /// The satuan column, when the table has one.
    pub satuan: Option<Teks>,
    pub target: Option<Target>,
}

/// One line of the program table: a program, kegiatan or sub kegiatan and its anggaran.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisProgram {
    /// Sheet row, 0-based.
    pub r: u32,
    /// `I.`, `1.`, `1` as written (in its own column or before the name).
    pub nomor: Option<String>,
    /// The name without its number.
    pub uraian: Teks,
    pub tingkat: Tingkat,
    pub anggaran: Option<super::Nilai>,
    /// Codes of the Kepmendagri nomenclature whose name this line carries (a name may stand
    /// under more than one kegiatan); empty when the name is not in it.
    pub kode: Vec<String>,
    /// Index of the line above it in the same table (the program row over its kegiatan
    /// rows), if any.
    pub induk: Option<usize>,
}

/// The stated total of the program table (`J U M L A H`, or an unlabelled amount under the
/// last line).
#[derive(Debug, Clone, PartialEq)]
pub struct Jumlah {
    pub nilai: super::Nilai,
    /// The row has no label: recognised as the total by its place.
    pub tanpa_label: bool,
}

/// A recognised PK lampiran (one sheet).
#[derive(Debug, Clone, PartialEq)]
pub struct Pk {
    pub berkas: String,
    pub lembar: String,
    /// `PERUBAHAN PERJANJIAN KINERJA`.
    pub perubahan: bool,
    pub tahun: Option<i32>,
    pub instansi: Option<Teks>,
    pub pihak_pertama: Option<Pihak>,
    pub pihak_kedua: Option<Pihak>,
    pub sasaran: Vec<BarisSasaran>,
    pub program: Vec<BarisProgram>,
    pub jumlah: Option<Jumlah>,
}

impl Pk {
    /// The location of a cell of this PK.
    pub fn sumber(&self, sel: impl fmt::Display) -> Sumber {
        Sumber {
            berkas: self.berkas.clone(),
            lembar: self.lembar.clone(),
            sel: sel.to_string(),
        }
    }

    /// `PK Camat Mangkutana 2024` / `Perubahan PK …` for messages; the sheet name when no
    /// jabatan is written.
    pub fn nama(&self) -> String {
        let jenis = if self.perubahan { "Perubahan PK" } else { "PK" };
        let siapa = self.pihak_pertama.as_ref().map_or_else(
            || format!("lembar '{}'", self.lembar),
            |p| p.jabatan.isi.clone(),
        );
        match self.tahun {
            Some(t) => format!("{jenis} {siapa} {t}"),
            None => format!("{jenis} {siapa}"),
        }
    }
}
