//! The Renja evaluation form (Permendagri 86/2017, *evaluasi terhadap hasil Renja Perangkat
//! Daerah*), as read: every row with its kind, its names and each number with its cell, and
//! the formulas the form's column-number row states (`14 = 10+11+12+13`).
//!
//! The form is filled quarterly by the planning staff. `check::renja` recomputes what
//! follows from its numbers and turns its rows into the kinerja workbook's parts (IKU,
//! Tahunan, Triwulan, Program), so Tabel 11, 12 and 17 can be made from it.

use super::kinerja::Asal;
use super::pk::Teks;
use super::tabel::SelKetik;
use crate::kode::Tingkat;

/// A column group of the form, each with a K (kinerja) and an Rp (anggaran) column, in
/// the usual numbering of Permendagri 86/2017 (RULES.md, "Columns that scale or accumulate").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kelompok {
    /// 6: target Renstra at the end of the period.
    TargetRenstra,
    /// 7: realisasi of the Renstra up to last year's Renja.
    RealisasiLalu,
    /// 8: target kinerja and anggaran of this year's Renja.
    Target,
    /// 9–12: realisasi in triwulan I–IV (1–4).
    Triwulan(u8),
    /// 13: realisasi this year (= 9 + 10 + 11 + 12).
    Realisasi,
    /// 14: tingkat capaian this year (= 13 / 8 × 100), in %.
    Capaian,
    /// 15: realisasi of the Renstra to this year (= 7 + 13).
    RealisasiRenstra,
    /// 16: tingkat capaian of the Renstra (= 15 / 6 × 100), in %.
    CapaianRenstra,
}

impl Kelompok {
    /// As the form's header says it, for messages.
    pub fn nama(self) -> String {
        match self {
            Kelompok::TargetRenstra => "target Renstra akhir periode".into(),
            Kelompok::RealisasiLalu => "realisasi s.d. tahun lalu".into(),
            Kelompok::Target => "target Renja tahun berjalan".into(),
            Kelompok::Triwulan(q) => format!("realisasi triwulan {}", romawi(q)),
            Kelompok::Realisasi => "realisasi tahun berjalan".into(),
            Kelompok::Capaian => "tingkat capaian tahun berjalan".into(),
            Kelompok::RealisasiRenstra => "realisasi Renstra s.d. tahun berjalan".into(),
            Kelompok::CapaianRenstra => "tingkat capaian Renstra".into(),
        }
    }

    /// Whether the group is a percentage (its K and Rp are both %).
    pub fn persen(self) -> bool {
        matches!(self, Kelompok::Capaian | Kelompok::CapaianRenstra)
    }
}

/// `1` → `I`.
pub fn romawi(q: u8) -> &'static str {
    match q {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

/// Which half of a group a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sisi {
    /// Kinerja, in the indikator's satuan.
    K,
    /// Rupiah.
    Rp,
}

impl Sisi {
    pub fn nama(self) -> &'static str {
        match self {
            Sisi::K => "K",
            Sisi::Rp => "Rp",
        }
    }
}

/// A formula the column-number row states, in group terms: `14 = 10+11+12+13` is
/// `Jumlah { hasil: Realisasi, suku: [Triwulan(1..4)] }`, `15 = 14/9 x 100%` is
/// `Rasio { hasil: Capaian, pembilang: Realisasi, penyebut: Target }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rumus {
    Jumlah {
        hasil: Kelompok,
        suku: Vec<Kelompok>,
    },
    Rasio {
        hasil: Kelompok,
        pembilang: Kelompok,
        penyebut: Kelompok,
    },
}

impl Rumus {
    pub fn hasil(&self) -> Kelompok {
        match self {
            Rumus::Jumlah { hasil, .. } | Rumus::Rasio { hasil, .. } => *hasil,
        }
    }
}

/// A stated formula and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct RumusTertulis {
    pub rumus: Rumus,
    /// The number-row cell as written (`14 = 10+11+12+13`).
    pub teks: Teks,
}

/// What a row of the form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisBaris {
    /// A sasaran with its indikator (no program or kegiatan on the row): an IKU row.
    Sasaran,
    /// An urusan, bidang, organisation, program, kegiatan or sub kegiatan; its level when
    /// its code or name tells it.
    Simpul(Option<Tingkat>),
    /// One more indikator of the row above (its name cells empty).
    Lanjutan,
    /// The total at the bottom (`JUMLAH`, `TOTAL`).
    Jumlah,
}

/// One number of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct NilaiRenja {
    pub kelompok: Kelompok,
    pub sisi: Sisi,
    pub sel: SelKetik,
}

/// One row of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisRenja {
    /// 0-based sheet row.
    pub r: u32,
    pub jenis: JenisBaris,
    pub nomor: Option<Teks>,
    /// The sasaran this row stands under (its own cell, else the nearest above).
    pub sasaran: Option<Teks>,
    pub kode: Option<Teks>,
    pub uraian: Option<Teks>,
    pub indikator: Option<Teks>,
    /// The nomenclature's indikator, where the form adds a column for it.
    pub permendagri: Option<Teks>,
    pub satuan: Option<Teks>,
    /// Unit perangkat daerah penanggung jawab (the row's cell).
    pub penanggung_jawab: Option<Teks>,
    /// The organisation or sub unit the row stands under (the nearest unit row above, or
    /// the form's `Perangkat Daerah : …` line).
    pub unit: Option<Teks>,
    pub nilai: Vec<NilaiRenja>,
}

impl BarisRenja {
    pub fn nilai(&self, kelompok: Kelompok, sisi: Sisi) -> Option<&SelKetik> {
        self.nilai
            .iter()
            .find(|n| n.kelompok == kelompok && n.sisi == sisi)
            .map(|n| &n.sel)
    }

    /// The row's name for messages: its code and uraian, else its indikator.
    pub fn nama(&self) -> String {
        match (&self.kode, &self.uraian, &self.indikator) {
            (Some(k), Some(u), _) => format!("{} {}", k.isi, u.isi),
            (None, Some(u), _) | (Some(u), None, _) => u.isi.clone(),
            (None, None, Some(i)) => i.isi.clone(),
            _ => format!("baris {}", self.r.saturating_add(1)),
        }
    }
}

/// A Renja evaluation form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRenja {
    pub asal: Asal,
    /// The year evaluated (`Tahun Berjalan (2022)`, `PERIODE PELAKSANAAN : TAHUN 2022`).
    pub tahun: Option<i32>,
    /// The groups and halves the form has columns for.
    pub kolom: Vec<(Kelompok, Sisi)>,
    pub rumus: Vec<RumusTertulis>,
    pub baris: Vec<BarisRenja>,
}
