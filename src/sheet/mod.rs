//! Sheet: the only module that knows calamine.
//!
//! It turns a worksheet into rows of cells ([`Baris`]) with their absolute positions, text
//! trimmed with its whitespace (NBSP included) folded, numbers as read — streamed as they
//! are read ([`Buku::baca_alir`]) or gathered into a [`Grid`] ([`Buku::baca`]). Everything
//! after this module works on plain data.
//!
//! xlsx/xlsm are read with calamine's streaming cell reader: `worksheet_range` allocates
//! rows × columns up front, and a 2 KB file with one cell at XFD1048576 aborts the process.
//! The reader also tells a formula that has no stored result apart from an empty cell.
//! xls, xlsb and ods go through `worksheet_range` (their readers have no streaming form).
//! HTML tables saved under an `.xls` name (told by their content, [`teks::tampak_html`]) are
//! read by [`html`], a page's tables stacked in one sheet as Excel shows them, with merged
//! regions from `colspan`/`rowspan`, and
//! `.csv` files by [`csv`], one sheet; both give text cells, through the same `Perakit`.
//!
//! Files come from many hands and some are damaged or hostile, so this boundary defends
//! itself (DESIGN.md, "Robustness at the edge"): only regular files are opened; what a file
//! claims about itself is checked before calamine sees it ([`jaga`]); a panic inside
//! calamine becomes [`GalatBaca::PembacaBerhenti`]; and the `lkjip` binary reads every
//! workbook in a child process with limits on memory and time ([`anak`]), so that an abort,
//! a reader that loops or a claim no check foresaw ends in a message, not in a crash.

mod anak;
pub mod csv;
pub mod html;
pub mod jaga;
pub mod teks;

pub use anak::{PERINTAH_ANAK, layani_anak};

use calamine::{Data, DataRef, Reader, Sheets, Xlsx, open_workbook, open_workbook_auto};
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Bounds on reading one file. The defaults keep `periksa` and `susun` under 500 MB and
/// answer within 10 s on any file; the user lifts them with `--batas-memori` and
/// `--batas-waktu`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batas {
    /// Memory for the reading process, and for the cells the parent holds, in MB.
    pub memori_mb: u64,
    /// Seconds to read one file, all its sheets.
    pub waktu_detik: u64,
}

impl Default for Batas {
    /// 500 MB and 8 s per file (the answer then comes within 10 s). A debug build parses
    /// 10–20 times slower, so its default deadline is 60 s: the test suite's real SIPD file
    /// must not hit it.
    fn default() -> Self {
        Batas {
            memori_mb: 500,
            waktu_detik: if cfg!(debug_assertions) { 60 } else { 8 },
        }
    }
}

impl Batas {
    /// Inflated bytes a package may claim: XML is parsed at 100–200 MB/s, so more than this
    /// cannot be read within the time bound anyway.
    pub fn terurai_maks(&self) -> u64 {
        self.memori_mb.saturating_mul(4) << 20
    }
}

/// How workbooks are read: `None` in this process (the library, its tests); set by the
/// binary to the program that reads them in a child process of itself.
static PROSES_ANAK: OnceLock<PathBuf> = OnceLock::new();
/// The bounds in force, when not the defaults: set in the parent by
/// [`pakai_proses_anak`], in the child from its arguments (its own checks of a package's
/// claims must allow what the user allowed).
static BATAS: OnceLock<Batas> = OnceLock::new();

/// Makes [`buka`] read every workbook in a child process (`program PERINTAH_ANAK …`) under
/// the given bounds. Called once by `main`.
pub fn pakai_proses_anak(program: PathBuf, batas: Batas) {
    let _ = BATAS.set(batas);
    let _ = PROSES_ANAK.set(program);
}

/// The bounds in force.
fn batas() -> Batas {
    BATAS.get().copied().unwrap_or_default()
}

/// The most characters an Excel cell holds; Excel repairs a file whose cell has more.
pub const TEKS_SEL_MAKS: usize = 32_767;

/// Columns beyond this are never part of a budget table; cells there are ignored, so a stray
/// cell at column XFD cannot make us allocate.
pub const KOLOM_MAKS: u32 = 256;
/// Non-empty cells read from one sheet at most (about 60 times the largest real LRA seen).
pub const SEL_MAKS: usize = 20_000_000;

/// What a cell holds, as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Isi {
    Kosong,
    Teks(String),
    Angka(f64),
    /// A formula whose result was never stored (a file written by a program that does not
    /// calculate). Reading it as 0 would hide a number.
    RumusTanpaHasil,
    /// `#DIV/0!`, `#REF!` ...
    GalatExcel(String),
    Lain(String),
}

impl Isi {
    pub fn teks(&self) -> Option<&str> {
        match self {
            Isi::Teks(t) => Some(t),
            _ => None,
        }
    }

    pub fn kosong(&self) -> bool {
        matches!(self, Isi::Kosong) || matches!(self, Isi::Teks(t) if t.is_empty())
    }
}

/// One row: its absolute index and its cells from column A.
#[derive(Debug, Clone)]
pub struct Baris {
    pub r: u32,
    pub sel: Vec<Isi>,
}

/// A merged region, inclusive, absolute 0-based positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gabungan {
    pub r0: u32,
    pub c0: u32,
    pub r1: u32,
    pub c1: u32,
}

/// A worksheet as plain data (the first rows of a streamed sheet, or a whole xls/ods sheet).
#[derive(Debug, Clone)]
pub struct Grid {
    pub berkas: String,
    pub lembar: String,
    /// Rows with at least one cell, in order.
    pub baris: Vec<Baris>,
    pub gabungan: Vec<Gabungan>,
}

const KOSONG: Isi = Isi::Kosong;

impl Grid {
    /// The cell at an absolute position.
    pub fn sel(&self, r: u32, c: u32) -> &Isi {
        match self.baris.binary_search_by_key(&r, |b| b.r) {
            Ok(i) => self.baris[i].sel.get(c as usize).unwrap_or(&KOSONG),
            Err(_) => &KOSONG,
        }
    }

    /// The text a reader sees at a position: a merged region shows its top-left value in
    /// every cell it covers (used for header rows, where merges carry meaning).
    pub fn teks_tampak(&self, r: u32, c: u32) -> String {
        let (r, c) = self
            .gabungan
            .iter()
            .find(|g| (g.r0..=g.r1).contains(&r) && (g.c0..=g.c1).contains(&c))
            .map_or((r, c), |g| (g.r0, g.c0));
        match self.sel(r, c) {
            Isi::Teks(t) => t.clone(),
            Isi::Angka(f) => f.to_string(),
            _ => String::new(),
        }
    }

    /// The widest row.
    pub fn lebar(&self) -> u32 {
        self.baris
            .iter()
            .map(|b| b.sel.len() as u32)
            .max()
            .unwrap_or(0)
    }
}

/// Trims and folds every run of whitespace (NBSP, tabs, line breaks) to one space.
pub fn rapikan(teks: &str) -> String {
    if sudah_rapi(teks) {
        return teks.to_string();
    }
    rapikan_ulang(teks)
}

/// [`rapikan`] for a text the reader already owns: a tidy one is kept, not copied (every
/// text cell of a large sheet passes here).
fn rapikan_milik(teks: String) -> String {
    if sudah_rapi(&teks) {
        teks
    } else {
        rapikan_ulang(&teks)
    }
}

/// No white space at either end, no two spaces in a row, no tab or line break. One pass
/// over the bytes of an ASCII text: every text cell of a large sheet comes here on the
/// reading thread.
fn sudah_rapi(teks: &str) -> bool {
    if !teks.is_ascii() {
        return !teks.starts_with(char::is_whitespace)
            && !teks.ends_with(char::is_whitespace)
            && !teks.contains("  ")
            && !teks.contains(['\t', '\n', '\r', '\u{a0}']);
    }
    let b = teks.as_bytes();
    let tepi = |c: Option<&u8>| c.is_some_and(|&c| c.is_ascii_whitespace() || c == 0x0B);
    if tepi(b.first()) || tepi(b.last()) {
        return false;
    }
    let mut spasi = false;
    for &c in b {
        match c {
            b' ' if spasi => return false,
            b' ' => spasi = true,
            b'\t' | b'\n' | b'\r' => return false,
            _ => spasi = false,
        }
    }
    true
}

fn rapikan_ulang(teks: &str) -> String {
    let mut hasil = String::with_capacity(teks.len());
    for kata in teks.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if kata.is_empty() {
            continue;
        }
        if !hasil.is_empty() {
            hasil.push(' ');
        }
        hasil.push_str(kata);
    }
    hasil
}

/// Why a workbook could not be read. Each says what the user can do.
#[derive(Debug, thiserror::Error)]
pub enum GalatBaca {
    #[error("{berkas}: berkas tidak dapat dibuka ({sebab}). Periksa nama dan izin berkasnya.")]
    TidakBisaDibuka {
        berkas: String,
        sebab: std::io::Error,
    },
    #[error(
        "{berkas}: bukan buku kerja Excel (xlsx, xlsm, xlsb, xls), ODS, CSV atau tabel HTML. Simpan ulang dari Excel sebagai .xlsx."
    )]
    BukanBukuKerja { berkas: String },
    #[error(
        "{berkas}: berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Protect Workbook), simpan, lalu ulangi."
    )]
    BerkataSandi { berkas: String },
    #[error(
        "{berkas}: berkas rusak atau terpotong ({rincian}). Unduh atau salin ulang berkas aslinya."
    )]
    Rusak { berkas: String, rincian: String },
    #[error("{berkas} › {lembar}: lembar tidak dapat dibaca ({rincian}).")]
    LembarRusak {
        berkas: String,
        lembar: String,
        rincian: String,
    },
    #[error(
        "{berkas} › {lembar}: lembar memuat lebih dari {SEL_MAKS} sel berisi; bukan tabel anggaran yang dapat dibaca."
    )]
    TerlaluBesar { berkas: String, lembar: String },
    #[error("{berkas}: buku kerja tidak memuat lembar apa pun.")]
    TanpaLembar { berkas: String },
    #[error(
        "{berkas}: bukan berkas biasa ({jenis}); lkjip hanya membaca berkas biasa. Simpan buku kerjanya sebagai berkas, lalu sebut berkas itu."
    )]
    BukanBerkasBiasa { berkas: String, jenis: String },
    #[error(
        "{berkas}: isinya buku kerja Excel 97–2003 (.xls), bukan .{ekstensi}. Ganti akhiran namanya menjadi .xls, atau buka di Excel dan simpan sebagai .xlsx."
    )]
    SebenarnyaXls { berkas: String, ekstensi: String },
    #[error(
        "{berkas}: berkas rusak: pembacanya berhenti pada {tahap}. Buka berkas itu di Excel atau LibreOffice dan simpan ulang, atau minta salinan aslinya."
    )]
    PembacaBerhenti { berkas: String, tahap: String },
    #[error(
        "{berkas}: pembacaan dihentikan di batas memori {batas_mb} MB{rincian}. Bila berkas ini memang sebesar itu, naikkan batasnya (mis. --batas-memori {naik}); bila tidak, berkas itu rusak: simpan ulang dari Excel.",
        naik = batas_mb.saturating_mul(4)
    )]
    BatasMemori {
        berkas: String,
        batas_mb: u64,
        rincian: String,
    },
    #[error(
        "{berkas}: pembacaan dihentikan di batas waktu {detik} detik per berkas; pembacanya tidak selesai, mungkin karena berkasnya rusak. Bila berkas ini memang sebesar itu, naikkan batasnya (mis. --batas-waktu {naik}).",
        naik = detik.saturating_mul(4)
    )]
    BatasWaktu { berkas: String, detik: u64 },
}

enum Isinya {
    Xlsx(Box<Xlsx<BufReader<File>>>),
    Lain(Box<Sheets<BufReader<File>>>),
    /// Read by a child process; see [`anak`].
    Anak(Box<anak::Anak>),
    /// HTML tables, read whole when opened (a sheet's name needs all the tables).
    Html(Vec<html::Lembar>),
    /// A CSV file, streamed when its sheet is read.
    Csv {
        path: PathBuf,
        siap: csv::Siap,
    },
}

/// An open workbook.
pub struct Buku {
    pub berkas: String,
    pub lembar: Vec<String>,
    isi: Isinya,
}

/// The first eight bytes of a file (fewer are left zero).
fn baca_awal(f: &mut File) -> std::io::Result<[u8; 8]> {
    let mut awal = [0u8; 8];
    let mut n = 0;
    while n < 8 {
        let k = f.read(&mut awal[n..])?;
        if k == 0 {
            break;
        }
        n += k;
    }
    Ok(awal)
}

/// An HTML or CSV file opened, with its first [`teks::AWAL_TEKS`] bytes read (its encoding
/// and delimiter are chosen from them) and the file left at the start.
fn awal_teks(path: &Path) -> std::io::Result<(Vec<u8>, File)> {
    let mut f = File::open(path)?;
    let awal = teks::baca_awal(&mut f)?;
    f.seek(std::io::SeekFrom::Start(0))?;
    Ok((awal, f))
}

const ZIP: [u8; 4] = *b"PK\x03\x04";
const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which calamine reader a file goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Jenis {
    /// xlsx, xlsm: the streaming cell reader.
    Xlsx,
    /// An OLE compound file: xls.
    Xls,
    /// xlsb, ods: by the extension, through `worksheet_range`.
    Lain,
    /// HTML (by its content, whatever its name): [`html`].
    Html,
    /// `.csv` that is none of the above by its content: [`csv`].
    Csv,
}

/// Checks a file before any reader opens it: a regular file, a workbook by its first bytes
/// (not its name), a password, and what a zip package claims ([`jaga`]). Reads the header,
/// the zip directory and the first 4 KB of the shared strings, whatever the file's size.
fn periksa_awal(path: &Path, berkas: &str, batas: Batas) -> Result<Jenis, GalatBaca> {
    let berkas_ = || berkas.to_string();
    let tidak_bisa = |sebab| GalatBaca::TidakBisaDibuka {
        berkas: berkas_(),
        sebab,
    };
    if let Some(jenis) = jaga::bukan_berkas_biasa(path).map_err(tidak_bisa)? {
        return Err(GalatBaca::BukanBerkasBiasa {
            berkas: berkas_(),
            jenis: jenis.to_string(),
        });
    }
    let mut f = File::open(path).map_err(tidak_bisa)?;
    let awal = baca_awal(&mut f).map_err(tidak_bisa)?;
    let ekstensi = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if awal == OLE {
        if jaga::ole_berkata_sandi(&mut f).unwrap_or(false) {
            return Err(GalatBaca::BerkataSandi { berkas: berkas_() });
        }
        if matches!(ekstensi.as_str(), "xlsx" | "xlsm" | "xlsb" | "ods") {
            return Err(GalatBaca::SebenarnyaXls {
                berkas: berkas_(),
                ekstensi,
            });
        }
        return Ok(Jenis::Xls);
    }
    if awal[..4] != ZIP {
        // Text workbooks: HTML by its content, CSV by its name. Their size is what they
        // are parsed from, bounded as an xlsx's inflated XML is.
        let mut awal = awal.to_vec();
        (&mut f)
            .take(teks::AWAL_TEKS as u64 - 8)
            .read_to_end(&mut awal)
            .map_err(tidak_bisa)?;
        let jenis = if teks::tampak_html(&awal) {
            Jenis::Html
        } else if ekstensi == "csv" {
            Jenis::Csv
        } else {
            return Err(GalatBaca::BukanBukuKerja { berkas: berkas_() });
        };
        let ukuran = f.metadata().map_err(tidak_bisa)?.len();
        if ukuran > batas.terurai_maks() {
            return Err(GalatBaca::BatasMemori {
                berkas: berkas_(),
                batas_mb: batas.memori_mb,
                rincian: format!(
                    "; berkas teks ini {} MB, lebih dari 4 kali batas itu",
                    ukuran >> 20
                ),
            });
        }
        return Ok(jenis);
    }
    let masalah = |m: jaga::Masalah| match m {
        jaga::Masalah::Rusak(rincian) => GalatBaca::Rusak {
            berkas: berkas_(),
            rincian,
        },
        jaga::Masalah::BerkataSandi => GalatBaca::BerkataSandi { berkas: berkas_() },
        jaga::Masalah::TerlaluBesar { terurai } => GalatBaca::BatasMemori {
            berkas: berkas_(),
            batas_mb: batas.memori_mb,
            rincian: format!(
                "; isinya mengaku {} MB setelah diurai, lebih dari 4 kali batas itu",
                terurai >> 20
            ),
        },
    };
    let entri = jaga::direktori_zip(&mut f).map_err(masalah)?;
    jaga::periksa_entri(&entri, batas.terurai_maks()).map_err(masalah)?;
    if ekstensi == "ods" || ekstensi == "xlsb" {
        return Ok(Jenis::Lain);
    }
    jaga::periksa_teks_bersama(path, &entri).map_err(masalah)?;
    Ok(Jenis::Xlsx)
}

/// Opens a workbook after checking what the file really is, so that a PDF renamed to .xlsx,
/// a password-protected file or a file that lies about its size gets its own message
/// instead of a reader's error or a crash. The `lkjip` binary then reads it in a child
/// process ([`pakai_proses_anak`]); a library user reads it here, a panic caught.
pub fn buka(path: &Path) -> Result<Buku, GalatBaca> {
    let berkas = path.display().to_string();
    let jenis = periksa_awal(path, &berkas, batas())?;
    if let Some(program) = PROSES_ANAK.get() {
        let (anak, lembar) = anak::Anak::mulai(program, path, &berkas, batas())?;
        if lembar.is_empty() {
            return Err(GalatBaca::TanpaLembar { berkas });
        }
        return Ok(Buku {
            berkas,
            lembar,
            isi: Isinya::Anak(Box::new(anak)),
        });
    }
    jaga::tangkap(|| buka_di_sini(path, &berkas, jenis)).unwrap_or_else(|()| {
        Err(GalatBaca::PembacaBerhenti {
            berkas: berkas.clone(),
            tahap: "pembukaan buku kerja".to_string(),
        })
    })
}

/// Opens a checked workbook with calamine in this process.
fn buka_di_sini(path: &Path, berkas: &str, jenis: Jenis) -> Result<Buku, GalatBaca> {
    let galat = |teks: String| {
        if teks.to_lowercase().contains("password") {
            GalatBaca::BerkataSandi {
                berkas: berkas.to_string(),
            }
        } else {
            GalatBaca::Rusak {
                berkas: berkas.to_string(),
                rincian: jaga::terjemahkan(&teks),
            }
        }
    };
    let isi = match jenis {
        Jenis::Xlsx => {
            let wb: Xlsx<_> =
                open_workbook(path).map_err(|e: calamine::XlsxError| galat(e.to_string()))?;
            Isinya::Xlsx(Box::new(wb))
        }
        Jenis::Xls => {
            let wb: calamine::Xls<_> =
                open_workbook(path).map_err(|e: calamine::XlsError| galat(e.to_string()))?;
            Isinya::Lain(Box::new(Sheets::Xls(wb)))
        }
        Jenis::Lain => Isinya::Lain(Box::new(
            open_workbook_auto(path).map_err(|e| galat(e.to_string()))?,
        )),
        Jenis::Html => {
            let tidak_bisa = |sebab| GalatBaca::TidakBisaDibuka {
                berkas: berkas.to_string(),
                sebab,
            };
            let (awal, f) = awal_teks(path).map_err(tidak_bisa)?;
            let lembar = html::baca(
                &awal,
                BufReader::new(f),
                || teks::utf8_sah(BufReader::new(File::open(path)?)),
                berkas,
            )?;
            if lembar.is_empty() {
                return Err(GalatBaca::Rusak {
                    berkas: berkas.to_string(),
                    rincian: "halaman HTML ini tidak memuat tabel berisi".into(),
                });
            }
            Isinya::Html(lembar)
        }
        Jenis::Csv => {
            let tidak_bisa = |sebab| GalatBaca::TidakBisaDibuka {
                berkas: berkas.to_string(),
                sebab,
            };
            let (awal, f) = awal_teks(path).map_err(tidak_bisa)?;
            let siap =
                csv::siapkan(&awal, || teks::utf8_sah(BufReader::new(f))).map_err(tidak_bisa)?;
            Isinya::Csv {
                path: path.to_path_buf(),
                siap,
            }
        }
    };
    let lembar = match &isi {
        Isinya::Xlsx(wb) => wb.sheet_names(),
        Isinya::Lain(wb) => wb.sheet_names(),
        Isinya::Anak(_) => Vec::new(),
        Isinya::Html(lembar) => lembar.iter().map(|l| l.nama.clone()).collect(),
        Isinya::Csv { path, .. } => vec![nama_lembar_csv(path)],
    };
    if lembar.is_empty() {
        return Err(GalatBaca::TanpaLembar {
            berkas: berkas.to_string(),
        });
    }
    Ok(Buku {
        berkas: berkas.to_string(),
        lembar,
        isi,
    })
}

/// A CSV file's one sheet: its name without the extension.
fn nama_lembar_csv(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "CSV".to_string())
}

/// Where a sheet's merged regions and cells, in sheet order, go as they are read.
trait Tujuan {
    /// The merged regions, before any cell.
    fn gabungan(&mut self, gabungan: Vec<Gabungan>);
    /// A non-empty cell, text untidied; false when no more are wanted.
    fn sel(&mut self, r: u32, c: u32, isi: Isi) -> bool;
}

/// Cells gathered into rows ([`Buku::baca`] in this process).
#[derive(Default)]
struct Kumpulan {
    gabungan: Vec<Gabungan>,
    baris: Vec<Baris>,
    rakit: Perakit,
}

impl Tujuan for Kumpulan {
    fn gabungan(&mut self, gabungan: Vec<Gabungan>) {
        self.gabungan = gabungan;
    }

    fn sel(&mut self, r: u32, c: u32, isi: Isi) -> bool {
        self.baris.extend(self.rakit.masuk(r, c, isi));
        true
    }
}

impl Buku {
    fn berhenti(&self, lembar: &str) -> GalatBaca {
        GalatBaca::PembacaBerhenti {
            berkas: self.berkas.clone(),
            tahap: format!("lembar '{lembar}'"),
        }
    }

    /// Reads one sheet into a [`Grid`].
    pub fn baca(&mut self, lembar: &str) -> Result<Grid, GalatBaca> {
        let (mut baris, gabungan) = if let Isinya::Anak(anak) = &mut self.isi {
            anak.baca_alir(&self.berkas, lembar, |b, g| (b.collect::<Vec<_>>(), g))?
        } else {
            let mut k = Kumpulan::default();
            jaga::tangkap(|| self.alirkan(lembar, &mut k))
                .unwrap_or_else(|()| Err(self.berhenti(lembar)))?;
            k.baris.extend(k.rakit.akhir());
            (k.baris, k.gabungan)
        };
        baris.sort_by_key(|b| b.r);
        Ok(Grid {
            berkas: self.berkas.clone(),
            lembar: lembar.to_string(),
            baris,
            gabungan,
        })
    }

    /// Streams one sheet in this process to `tujuan`: its merged regions, then its
    /// non-empty cells in order, counted against [`SEL_MAKS`]. Not guarded: the callers
    /// run it under [`jaga::tangkap`].
    fn alirkan(&mut self, lembar: &str, tujuan: &mut dyn Tujuan) -> Result<(), GalatBaca> {
        let rusak = |rincian: String| GalatBaca::LembarRusak {
            berkas: self.berkas.clone(),
            lembar: lembar.to_string(),
            rincian: jaga::terjemahkan(&rincian),
        };
        match &mut self.isi {
            Isinya::Xlsx(wb) => {
                // Merged regions are not read for xlsx: calamine would parse the whole
                // sheet a second time to find them (they are stored after the cells). The
                // header recogniser infers them instead (recognise::kepala::teks_kepala).
                tujuan.gabungan(Vec::new());
                alirkan_xlsx(wb, &self.berkas, lembar, &mut |r, c, isi| {
                    tujuan.sel(r, c, isi)
                })
            }
            Isinya::Lain(wb) => {
                let range = wb
                    .worksheet_range(lembar)
                    .map_err(|e| rusak(e.to_string()))?;
                let mut gabungan = Vec::new();
                if let Sheets::Xls(xls) = wb.as_mut()
                    && let Ok(g) = xls.merge_cells_by_sheet_name(lembar)
                {
                    gabungan = g
                        .into_iter()
                        .map(|d| Gabungan {
                            r0: d.start.0,
                            c0: d.start.1,
                            r1: d.end.0,
                            c1: d.end.1,
                        })
                        .collect();
                }
                tujuan.gabungan(gabungan);
                let (r0, c0) = range.start().unwrap_or((0, 0));
                let mut jumlah_sel = 0usize;
                for (r, c, nilai) in range.used_cells() {
                    let (r, c) = (r as u32 + r0, c as u32 + c0);
                    if c >= KOLOM_MAKS {
                        continue;
                    }
                    let isi = dari_data(nilai);
                    if isi.kosong() {
                        continue;
                    }
                    jumlah_sel += 1;
                    if jumlah_sel > SEL_MAKS {
                        return Err(GalatBaca::TerlaluBesar {
                            berkas: self.berkas.clone(),
                            lembar: lembar.to_string(),
                        });
                    }
                    if !tujuan.sel(r, c, isi) {
                        break;
                    }
                }
                Ok(())
            }
            Isinya::Html(semua) => {
                let Some(l) = semua.iter().find(|l| l.nama == lembar) else {
                    return Err(rusak(format!("lembar '{lembar}' tidak ada")));
                };
                tujuan.gabungan(l.gabungan.clone());
                for (r, c, t) in l.sel() {
                    if !tujuan.sel(r, c, Isi::Teks(t.to_string())) {
                        break;
                    }
                }
                Ok(())
            }
            Isinya::Csv { path, siap } => {
                if nama_lembar_csv(path) != lembar {
                    return Err(rusak(format!("lembar '{lembar}' tidak ada")));
                }
                let f = File::open(path.as_path()).map_err(|sebab| GalatBaca::TidakBisaDibuka {
                    berkas: self.berkas.clone(),
                    sebab,
                })?;
                tujuan.gabungan(Vec::new());
                csv::alirkan(
                    BufReader::new(f),
                    *siap,
                    &self.berkas,
                    lembar,
                    &mut |r, c, isi| tujuan.sel(r, c, isi),
                )
            }
            Isinya::Anak(_) => Err(self.berhenti(lembar)),
        }
    }

    /// Reads one sheet and hands its rows, in order, to `olah` while it is still being read:
    /// for xlsx, calamine parses on a second thread (or in the child process) and the rows
    /// cross over in batches, so recognising a large sheet overlaps reading it, and the
    /// sheet is never held whole. `olah` may stop early (the reading stops with it). A read
    /// error wins over whatever `olah` made of the rows before it.
    pub fn baca_alir<T>(
        &mut self,
        lembar: &str,
        olah: impl FnOnce(&mut dyn Iterator<Item = Baris>, Vec<Gabungan>) -> T,
    ) -> Result<T, GalatBaca> {
        let wb = match &mut self.isi {
            Isinya::Anak(anak) => return anak.baca_alir(&self.berkas, lembar, olah),
            Isinya::Xlsx(wb) => wb,
            Isinya::Lain(_) | Isinya::Html(_) | Isinya::Csv { .. } => {
                let grid = self.baca(lembar)?;
                return Ok(olah(&mut grid.baris.into_iter(), grid.gabungan));
            }
        };
        let berkas = &self.berkas;
        let berhenti = || GalatBaca::PembacaBerhenti {
            berkas: berkas.clone(),
            tahap: format!("lembar '{lembar}'"),
        };
        std::thread::scope(|lingkup| {
            let (kirim, terima) = std::sync::mpsc::sync_channel::<Vec<(u32, u32, Isi)>>(8);
            let pembaca = lingkup.spawn(move || {
                // This thread only parses: tidying text and putting cells into rows is done
                // by the receiving thread, which has time to spare while calamine parses.
                // A panic in calamine is caught here, on the thread where it happens.
                jaga::tangkap(|| {
                    let mut kiriman = Vec::with_capacity(SEL_SEKALI_KIRIM);
                    alirkan_xlsx(wb, berkas, lembar, &mut |r, c, isi| {
                        kiriman.push((r, c, isi));
                        kiriman.len() < SEL_SEKALI_KIRIM
                            || kirim
                                .send(std::mem::replace(
                                    &mut kiriman,
                                    Vec::with_capacity(SEL_SEKALI_KIRIM),
                                ))
                                .is_ok()
                    })?;
                    // The last batch; a receiver that stopped early no longer wants it.
                    let _ = kirim.send(kiriman);
                    Ok::<(), GalatBaca>(())
                })
                .unwrap_or_else(|()| Err(berhenti()))
            });
            let mut sel = terima.iter().flatten();
            let mut rakit = Perakit::default();
            let mut baris = std::iter::from_fn(|| {
                for (r, c, isi) in sel.by_ref() {
                    if let Some(b) = rakit.masuk(r, c, isi) {
                        return Some(b);
                    }
                }
                rakit.akhir()
            });
            let hasil = olah(&mut baris, Vec::new());
            // Stop the reader if `olah` stopped early: its next send fails.
            drop(terima);
            match pembaca.join() {
                Ok(Ok(())) => Ok(hasil),
                Ok(Err(e)) => Err(e),
                Err(_) => Err(berhenti()),
            }
        })
    }
}

/// Cells sent across threads at a time.
const SEL_SEKALI_KIRIM: usize = 4096;

/// Puts cells, in sheet order, together into rows, tidying their text: the one place every
/// reader's cells become [`Baris`].
#[derive(Default)]
struct Perakit {
    baris: Option<Baris>,
}

impl Perakit {
    /// Takes the next cell; returns the row before it when the cell starts a new row.
    fn masuk(&mut self, r: u32, c: u32, isi: Isi) -> Option<Baris> {
        let isi = match isi {
            Isi::Teks(t) => Isi::Teks(rapikan_milik(t)),
            lain => lain,
        };
        if isi.kosong() {
            return None;
        }
        let selesai = if self.baris.as_ref().is_some_and(|b| b.r != r) {
            self.baris.take()
        } else {
            None
        };
        let baris = self.baris.get_or_insert_with(|| Baris {
            r,
            sel: Vec::with_capacity(8),
        });
        let c = c as usize;
        if baris.sel.len() <= c {
            baris.sel.resize(c + 1, Isi::Kosong);
        }
        baris.sel[c] = isi;
        selesai
    }

    /// The last row.
    fn akhir(&mut self) -> Option<Baris> {
        self.baris.take()
    }
}

/// Streams an xlsx sheet's non-empty cells in sheet order to `kirim`, text as stored (not yet
/// tidied), counting them against [`SEL_MAKS`]; stops when `kirim` returns false (nobody
/// wants more).
fn alirkan_xlsx(
    wb: &mut Xlsx<BufReader<File>>,
    berkas: &str,
    lembar: &str,
    kirim: &mut dyn FnMut(u32, u32, Isi) -> bool,
) -> Result<(), GalatBaca> {
    let rusak = |rincian: String| GalatBaca::LembarRusak {
        berkas: berkas.to_string(),
        lembar: lembar.to_string(),
        rincian: jaga::terjemahkan(&rincian),
    };
    let mut pembaca = wb
        .worksheet_cells_reader(lembar)
        .map_err(|e| rusak(e.to_string()))?;
    let mut jumlah_sel = 0usize;
    while let Some(rekam) = pembaca
        .next_cell_with_formula_metadata()
        .map_err(|e| rusak(e.to_string()))?
    {
        let (r, c) = rekam.pos;
        if c >= KOLOM_MAKS {
            continue;
        }
        let isi = match (rekam.value, &rekam.formula) {
            (DataRef::Empty, Some(_)) => Isi::RumusTanpaHasil,
            (nilai, _) => dari_ref(nilai),
        };
        if isi.kosong() {
            continue;
        }
        jumlah_sel += 1;
        if jumlah_sel > SEL_MAKS {
            return Err(GalatBaca::TerlaluBesar {
                berkas: berkas.to_string(),
                lembar: lembar.to_string(),
            });
        }
        if !kirim(r, c, isi) {
            return Ok(());
        }
    }
    Ok(())
}

/// A cell as calamine gives it, text untidied ([`Perakit`] tidies it).
fn dari_ref(nilai: DataRef<'_>) -> Isi {
    match nilai {
        DataRef::Empty => Isi::Kosong,
        DataRef::String(s) => Isi::Teks(s),
        DataRef::SharedString(s) => Isi::Teks(s.to_string()),
        DataRef::Float(f) => Isi::Angka(f),
        DataRef::Int(i) => Isi::Angka(i as f64),
        DataRef::Bool(b) => Isi::Lain(b.to_string()),
        DataRef::Error(e) => Isi::GalatExcel(e.to_string()),
        DataRef::DateTime(d) => Isi::Lain(d.as_f64().to_string()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Isi::Lain(s),
    }
}

/// A cell of an xls, xlsb or ods range, text untidied ([`Perakit`] tidies it).
fn dari_data(nilai: &Data) -> Isi {
    match nilai {
        Data::Empty => Isi::Kosong,
        Data::String(s) => Isi::Teks(s.clone()),
        Data::Float(f) => Isi::Angka(*f),
        Data::Int(i) => Isi::Angka(*i as f64),
        Data::Bool(b) => Isi::Lain(b.to_string()),
        Data::Error(e) => Isi::GalatExcel(e.to_string()),
        Data::DateTime(d) => Isi::Lain(d.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Isi::Lain(s.clone()),
    }
}

/// The extensions of the files a folder's workbooks are taken from. An `.xls` may hold HTML
/// and is told by its content; `.htm`/`.html` are HTML; `.csv` is CSV.
pub const EKSTENSI_BUKU: [&str; 8] = ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "htm", "html"];

/// A file left out of a folder's inputs, and why.
pub type BerkasLain = (PathBuf, String);

/// The files of a folder, in name order: the workbooks, and the others with why they are
/// left out (Excel's lock files `~$…`, files that are no workbook by their name, a FIFO or
/// a device, which would block or never end).
pub fn berkas_dalam_folder(folder: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<BerkasLain>)> {
    let mut semua: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.is_dir())
        .collect();
    semua.sort();
    let mut buku = Vec::new();
    let mut lain = Vec::new();
    for p in semua {
        if let Ok(Some(jenis)) = jaga::bukan_berkas_biasa(&p) {
            lain.push((p, format!("bukan berkas biasa ({jenis})")));
            continue;
        }
        let nama = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let ekstensi = p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if nama.starts_with("~$") {
            lain.push((p, "berkas kunci sementara Excel".to_string()));
        } else if EKSTENSI_BUKU.contains(&ekstensi.as_str()) {
            buku.push(p);
        } else {
            lain.push((
                p,
                format!("bukan buku kerja ({})", EKSTENSI_BUKU.join(", ")),
            ));
        }
    }
    Ok((buku, lain))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-pass check says what the four scans it replaced said.
        #[test]
        fn sudah_rapi_sama_dengan_cara_lama(teks in "[ a\\t\\n\\r\\x0b\\x0cé\u{a0}\u{2003}]{0,12}") {
            let lama = !teks.starts_with(char::is_whitespace)
                && !teks.ends_with(char::is_whitespace)
                && !teks.contains("  ")
                && !teks.contains(['\t', '\n', '\r', '\u{a0}']);
            proptest::prop_assert_eq!(sudah_rapi(&teks), lama, "{:?}", teks);
        }
    }

    fn tulis(dir: &Path, nama: &str, isi: &[u8]) -> PathBuf {
        let p = dir.join(nama);
        std::fs::write(&p, isi).unwrap();
        p
    }

    fn jenis(p: &Path) -> Result<Jenis, GalatBaca> {
        periksa_awal(p, &p.display().to_string(), Batas::default())
    }

    /// The reader is chosen by content: an HTML table under any name is HTML, a real BIFF
    /// `.xls` (an OLE compound file) still goes to calamine, CSV is known by its name only.
    #[test]
    fn jenis_berkas_menurut_isinya() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let html = b"\xEF\xBB\xBF\r\n<div id=\"cetak\"><table><tr><td>a</table></div>";
        for nama in ["dpa.xls", "dpa.xlsx", "dpa.htm", "dpa.html", "dpa.csv"] {
            assert_eq!(jenis(&tulis(d, nama, html)).unwrap(), Jenis::Html, "{nama}");
        }
        assert_eq!(
            jenis(&tulis(d, "kas.csv", b"a;b\n1;2\n")).unwrap(),
            Jenis::Csv
        );
        for (nama, isi) in [
            ("catatan.xlsx", &b"Kode;Uraian;Pagu\n"[..]),
            ("catatan.xls", b"Kode;Uraian;Pagu\n"),
            ("halaman.htm", b"<p>bukan tabel</p>"),
        ] {
            let e = jenis(&tulis(d, nama, isi)).unwrap_err();
            assert!(matches!(e, GalatBaca::BukanBukuKerja { .. }), "{nama}: {e}");
            assert!(e.to_string().contains("CSV atau tabel HTML"), "{e}");
        }
        let biff =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rusak/B8-xls-sst-slice.xls");
        let salinan = d.join("biff.xls");
        std::fs::copy(&biff, &salinan).unwrap();
        assert_eq!(jenis(&salinan).unwrap(), Jenis::Xls);
        // calamine reads it (and stops on its damaged string table), not the HTML reader.
        let e = buka(&salinan).err().unwrap();
        assert!(matches!(e, GalatBaca::PembacaBerhenti { .. }), "{e}");
    }

    #[test]
    fn berkas_teks_dibatasi_seperti_xml_terurai() {
        let dir = tempfile::tempdir().unwrap();
        let batas = Batas {
            memori_mb: 1,
            waktu_detik: 8,
        };
        let besar = tulis(dir.path(), "besar.csv", &vec![b'a'; 5 << 20]);
        let e = periksa_awal(&besar, "besar.csv", batas).unwrap_err();
        assert_eq!(
            e.to_string(),
            "besar.csv: pembacaan dihentikan di batas memori 1 MB; berkas teks ini 5 MB, lebih dari 4 kali batas itu. Bila berkas ini memang sebesar itu, naikkan batasnya (mis. --batas-memori 4); bila tidak, berkas itu rusak: simpan ulang dari Excel."
        );
        let kecil = tulis(dir.path(), "kecil.csv", &vec![b'a'; 3 << 20]);
        assert_eq!(
            periksa_awal(&kecil, "kecil.csv", batas).unwrap(),
            Jenis::Csv
        );
    }

    #[test]
    fn html_tanpa_tabel_berisi_disebut() {
        let dir = tempfile::tempdir().unwrap();
        let p = tulis(
            dir.path(),
            "sesi.xls",
            b"<!DOCTYPE html><html><body><table><tr><td>&nbsp;</td></tr></table></body></html>",
        );
        let e = buka(&p).err().unwrap();
        assert!(
            e.to_string().ends_with("sesi.xls: berkas rusak atau terpotong (halaman HTML ini tidak memuat tabel berisi). Unduh atau salin ulang berkas aslinya."),
            "{e}"
        );
    }

    #[test]
    fn folder_menerima_csv_dan_html() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for nama in ["a.csv", "b.HTM", "c.html", "d.xls", "e.txt", "~$f.xlsx"] {
            tulis(d, nama, b"x");
        }
        let (buku, lain) = berkas_dalam_folder(d).unwrap();
        let nama = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            buku.iter().map(nama).collect::<Vec<_>>(),
            ["a.csv", "b.HTM", "c.html", "d.xls"]
        );
        assert_eq!(lain.len(), 2);
        assert_eq!(
            lain[0].1,
            "bukan buku kerja (xlsx, xlsm, xlsb, xls, ods, csv, htm, html)"
        );
    }

    #[test]
    fn spasi_dirapikan() {
        assert_eq!(
            rapikan("  KELURAHAN\u{a0}\u{a0}KANAAN \n"),
            "KELURAHAN KANAAN"
        );
    }
}
