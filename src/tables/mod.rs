//! Tables: one module per LKjIP table, each turning the recomputed tree into a [`Tabel`].
//!
//! A `Tabel` is what the sheet will show, nothing about how: header rows with merges, the
//! column-number row, body rows with a level (for bold and indent) and typed cells. Totals,
//! `%` and sisa are formulas that carry their exact recomputed result, so a user who clicks a
//! cell sees how it was made and the workbook opens with the right numbers before any
//! recalculation. Adding a table is one new module and one line in [`susun`].

pub mod grafik;
pub mod konversi;
pub mod salinan;
pub mod tabel_11;
pub mod tabel_12;
pub mod tabel_13;
pub mod tabel_14;
pub mod tabel_15;
pub mod tabel_16;
pub mod tabel_17;
pub mod tabel_18;
pub mod tabel_19;
pub mod tabel_temuan;

use crate::angka::Luap;
use crate::compute::kinerja::{
    self as kinerja_hitung, CaraEfisiensi, CaraPerubahan, LabelKriteria, Polaritas,
};
use crate::model::Pohon;
use crate::model::kinerja::{Kinerja, Ukuran};
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

/// Body cells merged into one (Tabel 12's sasaran over its four triwulan rows), by body
/// row index (0 is the first body row) and column, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GabungBadan {
    pub r0: usize,
    pub c0: u16,
    pub r1: usize,
    pub c1: u16,
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
    /// Merged body cells; the cells they cover are still written (borders), empty.
    pub gabung_badan: Vec<GabungBadan>,
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
            gabung_badan: Vec::new(),
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
            gabung_badan: self.gabung_badan.clone(),
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
    T11,
    T12,
    T13,
    T14,
    T15,
    T16,
    T17,
    T18,
    T19,
}

impl NomorTabel {
    pub const SEMUA: [NomorTabel; 9] = [
        NomorTabel::T11,
        NomorTabel::T12,
        NomorTabel::T13,
        NomorTabel::T14,
        NomorTabel::T15,
        NomorTabel::T16,
        NomorTabel::T17,
        NomorTabel::T18,
        NomorTabel::T19,
    ];

    pub fn dari_angka(n: u32) -> Option<NomorTabel> {
        NomorTabel::SEMUA.into_iter().find(|t| t.angka() == n)
    }

    pub fn angka(self) -> u32 {
        match self {
            NomorTabel::T11 => 11,
            NomorTabel::T12 => 12,
            NomorTabel::T13 => 13,
            NomorTabel::T14 => 14,
            NomorTabel::T15 => 15,
            NomorTabel::T16 => 16,
            NomorTabel::T17 => 17,
            NomorTabel::T18 => 18,
            NomorTabel::T19 => 19,
        }
    }

    /// Why the table cannot be built from these inputs, if it cannot: the input it needs.
    pub fn kurang(self, m: &Masukan) -> Option<&'static str> {
        let kinerja = m.kinerja.filter(|k| !k.indikator.is_empty());
        match self {
            NomorTabel::T11 | NomorTabel::T12 | NomorTabel::T13 | NomorTabel::T14
                if kinerja.is_none() =>
            {
                Some(
                    "perlu buku kerja kinerja dengan lembar IKU (buat dengan `lkjip templat kinerja`)",
                )
            }
            // Tabel 13 compares years: with only the report year (a Renja form gives no
            // other) its columns of earlier years would be empty.
            NomorTabel::T13
                if !kinerja.is_some_and(|k| {
                    k.indikator.iter().any(|i| {
                        i.tahunan
                            .iter()
                            .any(|(&y, p)| k.tahun.is_none_or(|t| y < t) && p.realisasi.is_some())
                    })
                }) =>
            {
                Some("perlu realisasi tahun-tahun sebelumnya (lembar Tahunan buku kerja kinerja)")
            }
            NomorTabel::T15 if kinerja.is_none() || m.pohon.is_none() => Some(
                "perlu buku kerja kinerja (lembar IKU dan Peta Anggaran) dan buku kerja realisasi",
            ),
            NomorTabel::T15 if !kinerja.is_some_and(|k| k.ada_peta) => Some(
                "perlu lembar Peta Anggaran di buku kerja kinerja (program yang mendanai tiap sasaran)",
            ),
            NomorTabel::T17
                if m.pohon.is_none() || m.kinerja.is_none_or(|k| k.program.is_empty()) =>
            {
                Some("perlu lembar Program di buku kerja kinerja dan buku kerja realisasi")
            }
            NomorTabel::T16 | NomorTabel::T18 | NomorTabel::T19 if m.pohon.is_none() => {
                Some("perlu buku kerja realisasi anggaran")
            }
            _ => None,
        }
    }
}

/// Everything the tables are made from.
#[derive(Debug, Clone, Copy)]
pub struct Masukan<'a> {
    pub pohon: Option<&'a Pohon>,
    pub kinerja: Option<&'a Kinerja>,
    pub tahun: Option<i32>,
    pub temuan: &'a [Temuan],
    /// Adds a Kriteria column to Tabel 11 with these labels.
    pub kriteria: Option<LabelKriteria>,
    pub efisiensi: CaraEfisiensi,
    pub perubahan: CaraPerubahan,
}

/// A table that was asked for and not built, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabelDilewati {
    pub nomor: u32,
    pub alasan: &'static str,
}

/// The chosen tables in number order, then the Temuan sheet, each as a function that builds
/// it, so that the writer can build and write them side by side; and the chosen tables
/// whose inputs are missing.
pub fn susun<'a>(m: Masukan<'a>, pilihan: &[NomorTabel]) -> (Vec<Pembuat<'a>>, Vec<TabelDilewati>) {
    let mut dilewati = Vec::new();
    let mut hasil: Vec<Pembuat<'a>> = Vec::new();
    for n in NomorTabel::SEMUA
        .into_iter()
        .filter(|n| pilihan.contains(n))
    {
        if let Some(alasan) = n.kurang(&m) {
            dilewati.push(TabelDilewati {
                nomor: n.angka(),
                alasan,
            });
            continue;
        }
        let (pohon, kinerja) = (m.pohon, m.kinerja);
        let tahun = m.tahun;
        let pembuat: Pembuat<'a> = match (n, pohon, kinerja) {
            (NomorTabel::T11, _, Some(k)) => {
                Box::new(move || tabel_11::susun(k, tahun, m.kriteria))
            }
            (NomorTabel::T12, _, Some(k)) => Box::new(move || tabel_12::susun(k, tahun)),
            (NomorTabel::T13, _, Some(k)) => {
                Box::new(move || tabel_13::susun(k, tahun, m.perubahan))
            }
            (NomorTabel::T14, _, Some(k)) => Box::new(move || tabel_14::susun(k, tahun)),
            (NomorTabel::T15, Some(p), Some(k)) => {
                Box::new(move || tabel_15::susun(k, p, tahun, m.efisiensi))
            }
            (NomorTabel::T16, Some(p), _) => Box::new(move || tabel_16::susun(p, tahun)),
            (NomorTabel::T17, Some(p), Some(k)) => Box::new(move || tabel_17::susun(k, p, tahun)),
            (NomorTabel::T18, Some(p), _) => Box::new(move || tabel_18::susun(p, tahun)),
            (NomorTabel::T19, Some(p), _) => Box::new(move || tabel_19::susun(p, tahun)),
            _ => continue,
        };
        hasil.push(pembuat);
    }
    let temuan = m.temuan;
    hasil.push(Box::new(move || tabel_temuan::susun(temuan)));
    (hasil, dilewati)
}

/// A kinerja value: the number (two decimals shown), `n/a`, or an empty cell.
pub fn sel_ukuran(u: Option<Ukuran>) -> Sel {
    match u {
        Some(Ukuran::Angka(d)) => Sel::angka(d, Bentuk::Persen),
        Some(Ukuran::TidakDiukur) => Sel {
            isi: Isi::Teks("n/a".to_string()),
            bentuk: Bentuk::Tengah,
        },
        None => Sel::kosong(),
    }
}

/// A computed kinerja percentage as a live formula rounded to two decimals, with its cached
/// result; `n/a` (centred) when a value it needs was not measured or is missing, `-` when
/// it would divide by 0.
pub fn sel_hitung(rumus: String, hasil: kinerja_hitung::Hasil, ada: bool) -> Sel {
    if !ada {
        return Sel {
            isi: Isi::Teks("n/a".to_string()),
            bentuk: Bentuk::Tengah,
        };
    }
    let hasil = match hasil {
        Ok(d) => Hasil::Angka(crate::angka::bulat(d, 2)),
        Err(kinerja_hitung::TakTerhitung::PembagiNol) => Hasil::Teks("-".to_string()),
        Err(kinerja_hitung::TakTerhitung::TidakDiukur) => Hasil::Teks("n/a".to_string()),
        Err(kinerja_hitung::TakTerhitung::Luap) => Hasil::Teks(TAK_TERHITUNG.to_string()),
    };
    Sel::rumus(rumus, hasil, Bentuk::Persen)
}

/// `=IF(E9=0,"-",ROUND(F9/E9*100,2))`, or the `turun` form `(2×T − R) ÷ T × 100`: the
/// capaian of the realisasi in column `r` against the target in column `t`.
pub fn rumus_capaian(polaritas: Polaritas, t: &str, r: &str, baris: u32) -> String {
    match polaritas {
        Polaritas::Naik => format!("=IF({t}{baris}=0,\"-\",ROUND({r}{baris}/{t}{baris}*100,2))"),
        Polaritas::Turun => {
            format!("=IF({t}{baris}=0,\"-\",ROUND((2*{t}{baris}-{r}{baris})/{t}{baris}*100,2))")
        }
    }
}

/// The capaian cell of a row: live formula over its target and realisasi cells.
pub fn sel_capaian(
    polaritas: Polaritas,
    (kolom_t, target): (&str, Option<Ukuran>),
    (kolom_r, realisasi): (&str, Option<Ukuran>),
    baris: u32,
) -> Sel {
    match (
        target.and_then(Ukuran::angka),
        realisasi.and_then(Ukuran::angka),
    ) {
        (Some(t), Some(r)) => sel_hitung(
            rumus_capaian(polaritas, kolom_t, kolom_r, baris),
            kinerja_hitung::capaian(polaritas, t, r),
            true,
        ),
        _ if target.is_none() && realisasi.is_none() => Sel::kosong(),
        _ => sel_hitung(
            String::new(),
            Err(kinerja_hitung::TakTerhitung::TidakDiukur),
            false,
        ),
    }
}

/// `Tahun 2022` for titles, nothing when the year is unknown.
pub fn teks_tahun(tahun: Option<i32>) -> String {
    tahun.map(|t| format!(" Tahun {t}")).unwrap_or_default()
}
