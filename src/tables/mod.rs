//! Tables: one module per LKjIP table, each turning the recomputed tree into a [`Tabel`].
//!
//! A `Tabel` is what the sheet will show, nothing about how: header rows with merges, the
//! column-number row, body rows with a level (for bold and indent) and typed cells. Totals,
//! `%` and sisa are formulas that carry their exact recomputed result, so a user who clicks a
//! cell sees how it was made and the workbook opens with the right numbers before any
//! recalculation. Adding a table is one new module and one line in [`susun`].

pub mod tabel_16;
pub mod tabel_18;
pub mod tabel_19;
pub mod tabel_temuan;

use crate::angka::Luap;
use crate::model::Pohon;
use crate::temuan::Temuan;
use rust_decimal::Decimal;

/// How a cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bentuk {
    Teks,
    /// `#,##0.00`; with `strip_nol`, zero shows `-` as in seed 001's Tabel 16.
    Rupiah,
    /// `"Rp "#,##0.00` (Tabel 18).
    RupiahRp,
    /// `0.00`.
    Persen,
    /// A centred number or label (`NO`).
    Tengah,
}

impl Bentuk {
    pub const SEMUA: [Bentuk; 5] = [
        Bentuk::Teks,
        Bentuk::Rupiah,
        Bentuk::RupiahRp,
        Bentuk::Persen,
        Bentuk::Tengah,
    ];
}

/// A cell's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Isi {
    Kosong,
    Teks(String),
    Angka(Decimal),
    /// An Excel formula (English function names, commas) and the result it computes.
    Rumus {
        rumus: String,
        hasil: Hasil,
    },
}

/// A formula's cached result.
#[derive(Debug, Clone, PartialEq)]
pub enum Hasil {
    Angka(Decimal),
    Teks(String),
}

/// What a cell shows for an amount that cannot be held: words, never a number (the
/// Temuan sheet has its `ANGKA_LUAP` galat and the cells it came from).
pub const TAK_TERHITUNG: &str = "tidak terhitung (lihat Temuan)";

impl Hasil {
    /// An amount, or [`TAK_TERHITUNG`].
    pub fn dari(nilai: Result<Decimal, Luap>) -> Hasil {
        match nilai {
            Ok(n) => Hasil::Angka(n),
            Err(Luap) => Hasil::Teks(TAK_TERHITUNG.to_string()),
        }
    }

    /// A % or efisiensi: `-` for a pagu of 0, or [`TAK_TERHITUNG`].
    pub fn persen(nilai: Result<Option<Decimal>, Luap>) -> Hasil {
        match nilai {
            Ok(Some(n)) => Hasil::Angka(n),
            Ok(None) => Hasil::Teks("-".to_string()),
            Err(Luap) => Hasil::Teks(TAK_TERHITUNG.to_string()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sel {
    pub isi: Isi,
    pub bentuk: Bentuk,
}

impl Sel {
    pub fn teks(t: impl Into<String>) -> Sel {
        Sel {
            isi: Isi::Teks(t.into()),
            bentuk: Bentuk::Teks,
        }
    }
    pub fn kosong() -> Sel {
        Sel {
            isi: Isi::Kosong,
            bentuk: Bentuk::Teks,
        }
    }
    pub fn angka(nilai: Decimal, bentuk: Bentuk) -> Sel {
        Sel {
            isi: Isi::Angka(nilai),
            bentuk,
        }
    }
    /// An amount that may not have been computable ([`TAK_TERHITUNG`]).
    pub fn hasil(nilai: Result<Decimal, Luap>, bentuk: Bentuk) -> Sel {
        match nilai {
            Ok(n) => Sel::angka(n, bentuk),
            Err(Luap) => Sel {
                isi: Isi::Teks(TAK_TERHITUNG.to_string()),
                bentuk,
            },
        }
    }
    pub fn rumus(rumus: String, hasil: Hasil, bentuk: Bentuk) -> Sel {
        Sel {
            isi: Isi::Rumus { rumus, hasil },
            bentuk,
        }
    }
}

/// A body row. `tingkat` 0 is the most prominent (bold, no indent).
#[derive(Debug, Clone, PartialEq)]
pub struct Baris {
    pub sel: Vec<Sel>,
    pub tebal: bool,
    pub indent: u8,
}

/// A header cell spanning rows and columns, positions relative to the header block.
#[derive(Debug, Clone, PartialEq)]
pub struct SelKepala {
    pub r0: u32,
    pub c0: u16,
    pub r1: u32,
    pub c1: u16,
    pub teks: String,
}

/// A table's body rows, made one by one as the sheet is written: Tabel 16 and 19 of a
/// large LRA have a row per row of the input, and holding them all (with their formula
/// texts) cost more time and memory than making them (BENCHMARKS.md).
pub struct Badan<'a> {
    /// How many rows there are.
    pub jumlah: usize,
    baris: Box<dyn Iterator<Item = Baris> + Send + 'a>,
}

impl<'a> Badan<'a> {
    /// `jumlah` rows from `baris`, which must make exactly that many.
    pub fn baru(jumlah: usize, baris: impl Iterator<Item = Baris> + Send + 'a) -> Badan<'a> {
        Badan {
            jumlah,
            baris: Box::new(baris),
        }
    }

    /// Rows already made (the small tables).
    pub fn dari(baris: Vec<Baris>) -> Badan<'static> {
        Badan::baru(baris.len(), baris.into_iter())
    }

    /// The number of rows without the rows, for a sheet set up but left empty.
    pub fn kosong(jumlah: usize) -> Badan<'static> {
        Badan::baru(jumlah, std::iter::empty())
    }
}

impl Iterator for Badan<'_> {
    type Item = Baris;
    fn next(&mut self) -> Option<Baris> {
        self.baris.next()
    }
}

impl std::fmt::Debug for Badan<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Badan({} baris)", self.jumlah)
    }
}

/// A table as the sheet shows it.
#[derive(Debug)]
pub struct Tabel<'a> {
    pub nama_lembar: String,
    pub judul: String,
    pub kepala: Vec<SelKepala>,
    pub baris_kepala: u32,
    pub nomor_kolom: Option<Vec<String>>,
    pub lebar: Vec<f64>,
    pub baris: Badan<'a>,
    /// The column that is indented by level.
    pub kolom_uraian: u16,
    /// Zero amounts show as `-` (Tabel 16), not `0,00` (Tabel 19).
    pub strip_nol: bool,
}

/// The sheet layout every table shares: the title on row 1, row 2 empty, the header from
/// row 3, then the column-number row, then the body. Formulas refer to rows by this layout.
pub const BARIS_KEPALA_AWAL: u32 = 2;

impl<'a> Tabel<'a> {
    /// An empty table with one header row of `kolom` (one cell per column).
    pub fn baru(nama_lembar: &str, judul: String, kolom: &[&str], lebar: Vec<f64>) -> Tabel<'a> {
        Tabel {
            nama_lembar: nama_lembar.to_string(),
            judul,
            kepala: kolom
                .iter()
                .enumerate()
                .map(|(c, t)| SelKepala {
                    r0: 0,
                    c0: c as u16,
                    r1: 0,
                    c1: c as u16,
                    teks: t.to_string(),
                })
                .collect(),
            baris_kepala: 1,
            nomor_kolom: None,
            lebar,
            baris: Badan::kosong(0),
            kolom_uraian: 0,
            strip_nol: false,
        }
    }

    /// The table without its rows: what the sheet's settings need.
    pub fn kerangka(&self) -> Tabel<'static> {
        Tabel {
            nama_lembar: self.nama_lembar.clone(),
            judul: self.judul.clone(),
            kepala: self.kepala.clone(),
            baris_kepala: self.baris_kepala,
            nomor_kolom: self.nomor_kolom.clone(),
            lebar: self.lebar.clone(),
            baris: Badan::kosong(self.baris.jumlah),
            kolom_uraian: self.kolom_uraian,
            strip_nol: self.strip_nol,
        }
    }

    /// The 0-based sheet row of the first body row.
    pub fn baris_data_awal(&self) -> u32 {
        BARIS_KEPALA_AWAL + self.baris_kepala + u32::from(self.nomor_kolom.is_some())
    }
}

/// The 1-based Excel row of body row `i` of a table whose body starts at `awal` (0-based).
pub fn baris_excel(awal: u32, i: usize) -> u32 {
    awal + i as u32 + 1
}

/// The Excel row of every node the table shows, indexed by node (`None`: not shown).
pub fn nomor_baris(
    pohon: &Pohon,
    tampil: impl Iterator<Item = usize>,
    awal: u32,
) -> Vec<Option<u32>> {
    let mut nomor = vec![None; pohon.simpul.len()];
    for (n, i) in tampil.enumerate() {
        nomor[i] = Some(baris_excel(awal, n));
    }
    nomor
}

/// `=C9+C14+C20` for the children of a row; a plain sum beyond Excel's formula length.
pub fn rumus_jumlah(kolom: char, baris: &[u32]) -> Option<String> {
    if baris.is_empty() || baris.len() > 400 {
        return None;
    }
    let bagian: Vec<String> = baris.iter().map(|r| format!("{kolom}{r}")).collect();
    Some(format!("={}", bagian.join("+")))
}

/// Builds one table when called; the writer builds and writes the tables of a workbook
/// on their own threads. Defined here, with the tables, so that no table needs the writer.
pub type Pembuat<'a> = Box<dyn FnOnce() -> Tabel<'a> + Send + 'a>;

/// Which tables to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NomorTabel {
    T16,
    T18,
    T19,
}

impl NomorTabel {
    pub const SEMUA: [NomorTabel; 3] = [NomorTabel::T16, NomorTabel::T18, NomorTabel::T19];

    pub fn dari_angka(n: u32) -> Option<NomorTabel> {
        match n {
            16 => Some(NomorTabel::T16),
            18 => Some(NomorTabel::T18),
            19 => Some(NomorTabel::T19),
            _ => None,
        }
    }
}

/// The chosen tables in number order, then the Temuan sheet, each as a function that builds
/// it, so that the writer can build and write them side by side.
pub fn susun<'a>(
    pohon: &'a Pohon,
    tahun: Option<i32>,
    pilihan: &[NomorTabel],
    temuan: &'a [Temuan],
) -> Vec<Pembuat<'a>> {
    let mut hasil: Vec<Pembuat<'a>> = NomorTabel::SEMUA
        .into_iter()
        .filter(|n| pilihan.contains(n))
        .map(|n| -> Pembuat<'a> {
            match n {
                NomorTabel::T16 => Box::new(move || tabel_16::susun(pohon, tahun)),
                NomorTabel::T18 => Box::new(move || tabel_18::susun(pohon, tahun)),
                NomorTabel::T19 => Box::new(move || tabel_19::susun(pohon, tahun)),
            }
        })
        .collect();
    hasil.push(Box::new(move || tabel_temuan::susun(temuan)));
    hasil
}

/// `Tahun 2022` for titles, nothing when the year is unknown.
pub fn teks_tahun(tahun: Option<i32>) -> String {
    tahun.map(|t| format!(" Tahun {t}")).unwrap_or_default()
}
