//! The nomenclature of program, kegiatan and sub kegiatan (Kepmendagri 050-5889/2021 and its
//! updates): every code with its name, and for a sub kegiatan its kinerja, indikator and
//! satuan, for provinsi and for kabupaten/kota.
//!
//! One list serves every stage: the readers tell a row's level from its name, the checks ask
//! whether a code exists and whether its name is the one written, and tables complete what a
//! document leaves out. The list is embedded in the binary, gzip-compressed
//! (`data/nomenklatur-sub-kegiatan.csv.gz`, its source and year in `data/README.md`), and
//! unpacked once, on first use ([`Nomenklatur::bawaan`]). A newer list in the same CSV columns
//! is read with [`Nomenklatur::baca_berkas`]; every function takes the nomenclature as a value,
//! so callers pass either.
//!
//! Codes are written as in the list: `X.XX` stands for any bidang in the cross-cutting program
//! (`X.XX.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA`), which a document
//! writes under its own bidang (`7.01.01`). [`Nomenklatur::cari`] resolves one to the other.

use crate::kode::{Kode, Tingkat};
use crate::nama;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The embedded list, as `data/perbarui-nomenklatur.sh` compresses it.
const BAWAAN_GZ: &[u8] = include_bytes!("../data/nomenklatur-sub-kegiatan.csv.gz");

/// What the embedded list is, as far as its source shows (`data/README.md`): the list has the
/// 4-digit sub kegiatan codes of Kepmendagri 050-5889/2021, and it already replaces codes that
/// TA 2024 budgets still used (it names them in `sub_kegiatan_sebelumnya`), so it is the
/// nomenclature as updated after Kepmendagri 900.1.15.5-1317/2023, for TA 2025 or later.
pub const DASAR_BAWAAN: &str = "Kepmendagri 050-5889/2021 dengan perubahannya sesudah 900.1.15.5-1317/2023 (untuk TA 2025 atau sesudahnya)";

/// The first budget year the embedded list can belong to (see [`DASAR_BAWAAN`]).
pub const TAHUN_ANGGARAN_BAWAAN: u16 = 2025;

/// The largest replacement file read: the Kepmendagri list is about 4 MB.
pub const UKURAN_BERKAS_MAKS: u64 = 64 * 1024 * 1024;

/// The columns of the list. The first five are required; the others may be missing (a list
/// without them has names only) and may come in any order.
pub const KOLOM: [&str; 11] = [
    "jenis_pemda",
    "bidang",
    "program",
    "kegiatan",
    "sub_kegiatan",
    "kinerja",
    "indikator",
    "satuan",
    "spm",
    "jenis",
    "sub_kegiatan_sebelumnya",
];
const KOLOM_WAJIB: usize = 5;

/// The kind of pemda a row of the list is for: the same kegiatan code can mean different
/// things for a provinsi and for a kabupaten/kota (`1.01.02.3.05`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JenisPemda {
    Provinsi,
    KabupatenKota,
}

impl JenisPemda {
    /// `PROV` or `KABKOT`, as the list writes them (any case; `PROVINSI` and `KABUPATEN/KOTA`
    /// too).
    pub fn baca(teks: &str) -> Option<JenisPemda> {
        match teks.trim().to_ascii_uppercase().as_str() {
            "PROV" | "PROVINSI" => Some(JenisPemda::Provinsi),
            "KABKOT" | "KAB/KOTA" | "KABUPATEN/KOTA" => Some(JenisPemda::KabupatenKota),
            _ => None,
        }
    }

    /// The pemda kind a kegiatan or sub kegiatan code is for, when its lone digit says so:
    /// `1` provinsi, `2` kabupaten/kota. Other digits (3–8: kegiatan of special autonomy)
    /// occur in both lists, as does a program code.
    pub fn dari_kode(kode: &str) -> Option<JenisPemda> {
        match kode.split('.').map(str::trim).nth(3) {
            Some("1") => Some(JenisPemda::Provinsi),
            Some("2") => Some(JenisPemda::KabupatenKota),
            _ => None,
        }
    }

    /// As the list writes it.
    pub fn kode_csv(self) -> &'static str {
        match self {
            JenisPemda::Provinsi => "PROV",
            JenisPemda::KabupatenKota => "KABKOT",
        }
    }

    pub fn nama(self) -> &'static str {
        match self {
            JenisPemda::Provinsi => "provinsi",
            JenisPemda::KabupatenKota => "kabupaten/kota",
        }
    }

    fn indeks(self) -> usize {
        match self {
            JenisPemda::Provinsi => 0,
            JenisPemda::KabupatenKota => 1,
        }
    }
}

impl fmt::Display for JenisPemda {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.nama())
    }
}

/// Where a nomenclature came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asal {
    /// The list embedded in the binary ([`DASAR_BAWAAN`]).
    Bawaan,
    /// A file given by the user (`--nomenklatur FILE`).
    Berkas(PathBuf),
}

impl fmt::Display for Asal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Asal::Bawaan => write!(f, "nomenklatur bawaan ({DASAR_BAWAAN})"),
            Asal::Berkas(p) => write!(f, "{}", p.display()),
        }
    }
}

/// What a sub kegiatan delivers, and the code it replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keluaran {
    pub kinerja: String,
    pub indikator: String,
    pub satuan: String,
    /// `SPM` or `NON-SPM`.
    pub spm: String,
    /// The list's column `jenis`: `Layanan` or `Aktifitas`.
    pub jenis: String,
    /// `sub_kegiatan_sebelumnya`: the code (and its name) this one replaced in an update of
    /// the nomenclature.
    pub sebelumnya: Option<(String, String)>,
}

/// One bidang, program, kegiatan or sub kegiatan of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entri {
    pub jenis: JenisPemda,
    pub tingkat: Tingkat,
    /// As the list writes it (`X.XX.01.2.01.0001`).
    pub kode: String,
    pub nama: String,
    /// The line of the list where it first appears (1 is the header).
    pub baris: usize,
    /// Sub kegiatan only (boxed: an entry without it stays small).
    pub keluaran: Option<Box<Keluaran>>,
    induk: Option<usize>,
}

/// An entry found for a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Temu<'a> {
    pub entri: &'a Entri,
    /// The code as asked for, in its own bidang (`7.01.01.2.01.0001`), where the entry may be
    /// the cross-cutting `X.XX.01.2.01.0001`.
    pub kode: String,
    /// Found through the cross-cutting `X.XX` row: the list has no row with this bidang.
    pub lintas_bidang: bool,
}

impl<'a> Temu<'a> {
    pub fn nama(&self) -> &'a str {
        &self.entri.nama
    }

    /// Kinerja, indikator and satuan: a sub kegiatan's only.
    pub fn keluaran(&self) -> Option<&'a Keluaran> {
        self.entri.keluaran.as_deref()
    }

    /// The bidang the code was asked in, when it differs from the entry's (`7.01` for
    /// `X.XX`).
    fn bidang(&self) -> Option<&str> {
        if !self.lintas_bidang {
            return None;
        }
        let mut bagian = self.kode.splitn(3, '.');
        let u = bagian.next()?;
        let b = bagian.next()?;
        Some(&self.kode[..u.len() + 1 + b.len()])
    }
}

/// How a written name compares with the nomenclature's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kecocokan {
    /// The same words: case, spacing and punctuation aside (`DPA- SKPD` is `DPA-SKPD`,
    /// `di bidang` is `dibidang`).
    Sama,
    /// A typo: `jarak` letters changed, added or dropped, at most a tenth of the name.
    SalahKetik { jarak: usize },
    /// Most meaningful words in common ([`nama::kemiripan`], at least [`nama::MIRIP_MIN`]).
    Mirip { kemiripan: u32 },
    /// Another name.
    Beda { kemiripan: u32 },
}

impl Kecocokan {
    /// Whether the written name is taken as the nomenclature's.
    pub fn cocok(self) -> bool {
        !matches!(self, Kecocokan::Beda { .. })
    }

    /// In words, for a message.
    pub fn keterangan(self) -> String {
        match self {
            Kecocokan::Sama => "nama sama".to_string(),
            Kecocokan::SalahKetik { jarak } => format!("salah ketik ({jarak} huruf berbeda)"),
            Kecocokan::Mirip { kemiripan } => format!("nama mirip ({kemiripan}% kata sama)"),
            Kecocokan::Beda { kemiripan } => format!("nama lain ({kemiripan}% kata sama)"),
        }
    }
}

/// A name's letters and digits, lowercased, without spaces (after [`nama::normal`]'s spelling
/// variants): the key names are compared by.
fn padat(teks: &str) -> String {
    nama::normal(teks).chars().filter(|c| *c != ' ').collect()
}

/// Counts of a..z and 0..9: two names whose counts differ by more than twice the edit
/// distance allowed cannot be that near.
fn histogram(padat: &str) -> [u8; 36] {
    let mut h = [0u8; 36];
    for c in padat.chars() {
        let i = match c {
            'a'..='z' => c as usize - 'a' as usize,
            '0'..='9' => 26 + c as usize - '0' as usize,
            _ => continue,
        };
        h[i] = h[i].saturating_add(1);
    }
    h
}

/// Edit distance (letters changed, added or dropped), giving up beyond `batas`.
pub fn jarak_huruf(a: &[u8], b: &[u8], batas: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > batas {
        return None;
    }
    let mut lalu: Vec<usize> = (0..=b.len()).collect();
    let mut kini = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        kini[0] = i + 1;
        let mut terkecil = kini[0];
        for (j, &y) in b.iter().enumerate() {
            let ganti = lalu[j] + usize::from(x != y);
            kini[j + 1] = ganti.min(lalu[j + 1] + 1).min(kini[j] + 1);
            terkecil = terkecil.min(kini[j + 1]);
        }
        if terkecil > batas {
            return None;
        }
        std::mem::swap(&mut lalu, &mut kini);
    }
    Some(lalu[b.len()]).filter(|&d| d <= batas)
}

/// Names shorter than this (letters and digits) are never taken as typos of another.
const SALAH_KETIK_MIN: usize = 12;

/// The typo distance allowed for a name of `n` letters: a tenth of it.
fn batas_salah_ketik(n: usize) -> usize {
    n / 10
}

/// How the written name `tertulis` compares with the nomenclature's `baku`.
pub fn bandingkan_nama(tertulis: &str, baku: &str) -> Kecocokan {
    let (a, b) = (padat(tertulis), padat(baku));
    if a.is_empty() || b.is_empty() {
        return Kecocokan::Beda { kemiripan: 0 };
    }
    if a == b {
        return Kecocokan::Sama;
    }
    if a.len() >= SALAH_KETIK_MIN
        && let Some(jarak) = jarak_huruf(a.as_bytes(), b.as_bytes(), batas_salah_ketik(a.len()))
    {
        return Kecocokan::SalahKetik { jarak };
    }
    let kemiripan = nama::kemiripan(tertulis, baku);
    if kemiripan >= nama::MIRIP_MIN {
        Kecocokan::Mirip { kemiripan }
    } else {
        Kecocokan::Beda { kemiripan }
    }
}

/// The result of checking the name written beside a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriksaNama<'a> {
    /// The code's entry.
    pub temu: Temu<'a>,
    pub kecocokan: Kecocokan,
    /// When the name is not the code's: the entries whose name it is, at the same level,
    /// under the same parent if any is (a renumbered sub kegiatan), else anywhere in the list
    /// of that pemda kind.
    pub milik: Option<CalonNama<'a>>,
}

/// The entries a name matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalonNama<'a> {
    /// Every entry with that name, in list order: one sub kegiatan name may stand under
    /// several kegiatan. Codes are in the bidang of `di_bawah` when one was given.
    pub temu: Vec<Temu<'a>>,
    pub kecocokan: Kecocokan,
}

/// How a successor code was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AturanPenerus {
    /// The same number, four digits wide (`01` → `0001`).
    Pelebaran,
    /// The list names `kode_lama` (the code as given, widened if it had 2 digits) in
    /// `sub_kegiatan_sebelumnya` of the successor. `penerus_lain` are further rows that name
    /// it too (an old sub kegiatan split in two; none in the embedded list).
    Sebelumnya {
        kode_lama: String,
        penerus_lain: Vec<String>,
    },
    /// The written name stands under the same kegiatan with another number.
    NamaDalamKegiatan,
}

/// The current sub kegiatan of an older code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Penerus<'a> {
    /// The successor, with its code in the bidang of the code given.
    pub temu: Temu<'a>,
    pub aturan: AturanPenerus,
    /// The code as given, widened to 4 digits (`7.01.01.2.02.0002` for `7.01.01.2.02.02`).
    pub dilebarkan: String,
    /// The written name against the successor's, when a name was given.
    pub kecocokan: Option<Kecocokan>,
}

impl Penerus<'_> {
    /// The rule used, in words, for the info that reports the completion.
    pub fn keterangan(&self, kode_asal: &str) -> String {
        let baru = &self.temu.kode;
        match &self.aturan {
            AturanPenerus::Pelebaran => format!(
                "kode {kode_asal} dilebarkan menjadi {baru} (nomor yang sama, 4 digit sejak TA 2023)"
            ),
            AturanPenerus::Sebelumnya {
                kode_lama,
                penerus_lain,
            } => {
                let mut s = String::new();
                if kode_lama != kode_asal {
                    s.push_str(&format!(
                        "kode {kode_asal} dilebarkan menjadi {kode_lama}; "
                    ));
                }
                s.push_str(&format!(
                    "{kode_lama} diganti {baru} menurut kolom sub_kegiatan_sebelumnya nomenklatur"
                ));
                if !penerus_lain.is_empty() {
                    s.push_str(&format!(" (juga diganti {})", penerus_lain.join(", ")));
                }
                s
            }
            AturanPenerus::NamaDalamKegiatan => format!(
                "nama sub kegiatan {kode_asal} ada di kegiatan yang sama dengan kode {baru}, bukan {}",
                self.dilebarkan
            ),
        }
    }
}

/// Why a nomenclature file could not be read. Each names the file (and the line) and says
/// what to do.
#[derive(Debug, thiserror::Error)]
pub enum GalatNomenklatur {
    #[error(
        "{berkas}: berkas nomenklatur tidak dapat dibuka ({sebab}). Periksa nama dan izin berkasnya."
    )]
    TidakBisaDibuka {
        berkas: String,
        sebab: std::io::Error,
    },
    #[error("{berkas}: bukan berkas biasa ({jenis}); nomenklatur dibaca dari berkas CSV biasa.")]
    BukanBerkasBiasa { berkas: String, jenis: String },
    #[error(
        "{berkas}: berkas nomenklatur lebih dari {batas_mb} MB; nomenklatur Kepmendagri sekitar 4 MB. Periksa bahwa berkas ini memang daftar sub kegiatan.",
        batas_mb = UKURAN_BERKAS_MAKS / (1024 * 1024)
    )]
    TerlaluBesar { berkas: String },
    #[error("{berkas}, baris {baris}: {pesan}")]
    Baris {
        berkas: String,
        baris: usize,
        pesan: String,
    },
}

/// A field list as read, with the line it starts on.
type Rekaman<'a> = (usize, Vec<Cow<'a, str>>);

/// Reads CSV records: fields separated by `pemisah`, optionally in double quotes (a quote
/// inside doubled), records ended by LF, CRLF or CR; a quoted field may span lines.
struct PembacaCsv<'a> {
    teks: &'a str,
    pos: usize,
    baris: usize,
    pemisah: u8,
}

impl<'a> PembacaCsv<'a> {
    fn baru(teks: &'a str) -> PembacaCsv<'a> {
        // Excel in an Indonesian locale saves "CSV" with semicolons.
        let kepala = teks.lines().next().unwrap_or("");
        let pemisah = if !kepala.contains(',') && kepala.contains(';') {
            b';'
        } else {
            b','
        };
        PembacaCsv {
            teks,
            pos: 0,
            baris: 1,
            pemisah,
        }
    }

    fn akhir_baris(&mut self) {
        let b = self.teks.as_bytes();
        match b.get(self.pos) {
            Some(b'\r') => {
                self.pos += 1;
                if b.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            Some(b'\n') => self.pos += 1,
            _ => {}
        }
        self.baris += 1;
    }

    fn berikut(&mut self) -> Option<Result<Rekaman<'a>, (usize, String)>> {
        let b = self.teks.as_bytes();
        if self.pos >= b.len() {
            return None;
        }
        let mulai = self.baris;
        // Most lines have no quote: split them at once.
        let sisa = &self.teks[self.pos..];
        let ujung = sisa.find('\n').unwrap_or(sisa.len());
        let baris = sisa[..ujung].strip_suffix('\r').unwrap_or(&sisa[..ujung]);
        if !baris.contains('"') && !baris.contains('\r') {
            self.pos += ujung;
            self.akhir_baris();
            let kolom = baris
                .split(char::from(self.pemisah))
                .map(Cow::Borrowed)
                .collect();
            return Some(Ok((mulai, kolom)));
        }
        let mut kolom = Vec::new();
        loop {
            let isi;
            if b[self.pos] == b'"' {
                let buka = self.baris;
                self.pos += 1;
                let mut s: Cow<'a, str> = Cow::Borrowed("");
                loop {
                    let Some(i) = self.teks[self.pos..].find('"') else {
                        return Some(Err((
                            buka,
                            "tanda kutip (\") dibuka tetapi tidak ditutup sampai akhir berkas"
                                .to_string(),
                        )));
                    };
                    let potong = &self.teks[self.pos..self.pos + i];
                    self.baris += potong.matches('\n').count();
                    if s.is_empty() {
                        s = Cow::Borrowed(potong);
                    } else {
                        s.to_mut().push_str(potong);
                    }
                    self.pos += i + 1;
                    if b.get(self.pos) == Some(&b'"') {
                        s.to_mut().push('"');
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                match b.get(self.pos) {
                    None | Some(b'\r') | Some(b'\n') => {}
                    Some(&c) if c == self.pemisah => {}
                    Some(_) => {
                        return Some(Err((
                            self.baris,
                            "ada teks sesudah tanda kutip penutup; tanda kutip di dalam isi sel ditulis dua kali (\"\")"
                                .to_string(),
                        )));
                    }
                }
                isi = s;
            } else {
                let sisa = &b[self.pos..];
                let i = sisa
                    .iter()
                    .position(|&c| c == self.pemisah || c == b'\n' || c == b'\r')
                    .unwrap_or(sisa.len());
                isi = Cow::Borrowed(&self.teks[self.pos..self.pos + i]);
                self.pos += i;
            }
            kolom.push(isi);
            if b.get(self.pos) == Some(&self.pemisah) {
                self.pos += 1;
                if self.pos >= b.len() {
                    kolom.push(Cow::Borrowed(""));
                    break;
                }
                continue;
            }
            break;
        }
        self.akhir_baris();
        Some(Ok((mulai, kolom)))
    }
}

/// `kode nama` in one cell of the list: a code of level `tingkat` in the list's own shape
/// (the widths of RULES.md, "Codes"; `X.XX` for the cross-cutting bidang; a sub kegiatan
/// number of 4 digits, or 2 in a list from before 2023) and the name. Stricter than
/// [`Kode::baca`], and cheap: it runs for every row.
fn kode_dan_nama(sel: &str, tingkat: Tingkat) -> Option<(String, String)> {
    let (kode, nama) = sel.split_once([' ', '\t', '\u{a0}'])?;
    let nama = nama.trim_start_matches([' ', '-', '\u{a0}']).trim();
    let lebar: &[usize] = match tingkat {
        Tingkat::Bidang => &[1, 2],
        Tingkat::Program => &[1, 2, 2],
        Tingkat::Kegiatan => &[1, 2, 2, 1, 2],
        Tingkat::SubKegiatan => &[1, 2, 2, 1, 2, 4],
        _ => return None,
    };
    let kode = kode.to_ascii_uppercase();
    let mut n = 0;
    let mut lintas = false;
    for (i, b) in kode.split('.').enumerate() {
        let sah_lebar = lebar
            .get(i)
            .is_some_and(|&l| b.len() == l || (i == 5 && b.len() == 2));
        let angka = b.bytes().all(|c| c.is_ascii_digit());
        let x = i < 2 && b.bytes().all(|c| c == b'X');
        if i == 0 {
            lintas = x;
        }
        if !sah_lebar || !(angka || (x && lintas)) || (i == 1 && lintas != x) {
            return None;
        }
        n += 1;
    }
    (n == lebar.len() && !nama.is_empty()).then(|| (kode, nama.to_string()))
}

fn contoh(tingkat: Tingkat) -> &'static str {
    match tingkat {
        Tingkat::Bidang => "1.01 URUSAN PEMERINTAHAN BIDANG PENDIDIKAN",
        Tingkat::Program => "1.01.02 PROGRAM PENGELOLAAN PENDIDIKAN",
        Tingkat::Kegiatan => "1.01.02.2.01 Pengelolaan Pendidikan Sekolah Dasar",
        _ => "1.01.02.2.01.0001 Pembangunan Unit Sekolah Baru (USB)",
    }
}

/// The embedded list as text. Its size is in the gzip trailer: the text is read into a buffer
/// of that size at once, not grown by doubling.
fn buka_bawaan() -> String {
    let ukuran = BAWAAN_GZ
        .last_chunk::<4>()
        .map_or(0, |b| u32::from_le_bytes(*b) as usize);
    let mut teks = String::with_capacity(ukuran);
    flate2::read::GzDecoder::new(BAWAAN_GZ)
        .read_to_string(&mut teks)
        .expect("data/nomenklatur-sub-kegiatan.csv.gz yang ditanam rusak");
    teks
}

/// The nomenclature: every bidang, program, kegiatan and sub kegiatan of both pemda kinds,
/// in list order, with indexes by code, by replaced code and by name.
#[derive(Debug)]
pub struct Nomenklatur {
    asal: Asal,
    entri: Vec<Entri>,
    anak: Vec<Vec<usize>>,
    kode: [HashMap<String, usize>; 2],
    sebelumnya: [HashMap<String, Vec<usize>>; 2],
    /// Built on the first search by name: most runs only look codes up.
    nama: OnceLock<IndeksNama>,
    jumlah_sub: usize,
}

/// The entries by name.
#[derive(Debug)]
struct IndeksNama {
    /// Letters-only names and their letter counts, one per entry.
    padat: Vec<(String, [u8; 36])>,
    per_nama: HashMap<(JenisPemda, Tingkat, String), Vec<usize>>,
}

impl Nomenklatur {
    /// The embedded list, unpacked and indexed on first use.
    pub fn bawaan() -> &'static Nomenklatur {
        static N: OnceLock<Nomenklatur> = OnceLock::new();
        N.get_or_init(|| {
            let teks = buka_bawaan();
            match Nomenklatur::dari_csv(&teks, Asal::Bawaan) {
                Ok(n) => n,
                Err(e) => panic!("nomenklatur bawaan tidak sah: {e}"),
            }
        })
    }

    /// Reads a replacement list (`--nomenklatur FILE`): the CSV columns of [`KOLOM`], UTF-8,
    /// comma- or semicolon-separated.
    pub fn baca_berkas(berkas: &Path) -> Result<Nomenklatur, GalatNomenklatur> {
        let nama = berkas.display().to_string();
        let meta =
            std::fs::metadata(berkas).map_err(|sebab| GalatNomenklatur::TidakBisaDibuka {
                berkas: nama.clone(),
                sebab,
            })?;
        if !meta.is_file() {
            let jenis = if meta.is_dir() {
                "folder"
            } else {
                "pipa, soket atau perangkat"
            };
            return Err(GalatNomenklatur::BukanBerkasBiasa {
                berkas: nama,
                jenis: jenis.to_string(),
            });
        }
        if meta.len() > UKURAN_BERKAS_MAKS {
            return Err(GalatNomenklatur::TerlaluBesar { berkas: nama });
        }
        let mut isi = Vec::new();
        std::fs::File::open(berkas)
            .and_then(|f| f.take(UKURAN_BERKAS_MAKS + 1).read_to_end(&mut isi))
            .map_err(|sebab| GalatNomenklatur::TidakBisaDibuka {
                berkas: nama.clone(),
                sebab,
            })?;
        if isi.len() as u64 > UKURAN_BERKAS_MAKS {
            return Err(GalatNomenklatur::TerlaluBesar { berkas: nama });
        }
        Nomenklatur::dari_bytes(&isi, Asal::Berkas(berkas.to_path_buf()))
    }

    /// [`Nomenklatur::dari_csv`] for bytes that should be UTF-8.
    pub fn dari_bytes(isi: &[u8], asal: Asal) -> Result<Nomenklatur, GalatNomenklatur> {
        match std::str::from_utf8(isi) {
            Ok(teks) => Nomenklatur::dari_csv(teks, asal),
            Err(e) => {
                let sampai = &isi[..e.valid_up_to()];
                let baris = sampai.iter().filter(|&&c| c == b'\n').count() + 1;
                Err(GalatNomenklatur::Baris {
                    berkas: asal.to_string(),
                    baris,
                    pesan: "bukan teks UTF-8 (mungkin tersimpan sebagai ANSI/Windows-1252); simpan ulang sebagai \"CSV UTF-8\"".to_string(),
                })
            }
        }
    }

    /// Reads the list from CSV text.
    pub fn dari_csv(teks: &str, asal: Asal) -> Result<Nomenklatur, GalatNomenklatur> {
        let berkas = asal.to_string();
        let galat = |baris: usize, pesan: String| GalatNomenklatur::Baris {
            berkas: berkas.clone(),
            baris,
            pesan,
        };
        let teks = teks.strip_prefix('\u{feff}').unwrap_or(teks);
        let mut csv = PembacaCsv::baru(teks);
        let kepala = match csv.berikut() {
            None => {
                return Err(galat(
                    1,
                    "berkas kosong; baris pertama harus judul kolom".into(),
                ));
            }
            Some(Err((baris, pesan))) => return Err(galat(baris, pesan)),
            Some(Ok((_, k))) => k,
        };
        let judul: Vec<String> = kepala
            .iter()
            .map(|k| k.trim().to_lowercase().replace([' ', '-'], "_"))
            .collect();
        let mut letak = [None; KOLOM.len()];
        for (i, nama) in KOLOM.iter().enumerate() {
            letak[i] = judul.iter().position(|j| j == nama);
        }
        if let Some(i) = (0..KOLOM_WAJIB).find(|&i| letak[i].is_none()) {
            return Err(galat(
                1,
                format!(
                    "kolom '{}' tidak ada; judul kolom yang diharapkan: {} (tertulis: {})",
                    KOLOM[i],
                    KOLOM.join(","),
                    kepala.join(",")
                ),
            ));
        }
        let mut p = Pembangun::baru(asal);
        while let Some(r) = csv.berikut() {
            let (baris, kolom) = r.map_err(|(baris, pesan)| galat(baris, pesan))?;
            if kolom.iter().all(|k| k.trim().is_empty()) {
                continue;
            }
            if kolom.len() != kepala.len() {
                return Err(galat(
                    baris,
                    format!(
                        "ada {} kolom, judul kolom menyebut {}; nama yang memuat '{}' harus diapit tanda kutip",
                        kolom.len(),
                        kepala.len(),
                        char::from(csv.pemisah)
                    ),
                ));
            }
            let sel = |i: usize| letak[i].map_or("", |j| kolom[j].trim());
            p.tambah(baris, sel).map_err(|pesan| galat(baris, pesan))?;
        }
        if p.n.jumlah_sub == 0 {
            return Err(galat(
                csv.baris.saturating_sub(1).max(1),
                "tidak ada satu pun baris sub kegiatan di bawah judul kolom".into(),
            ));
        }
        Ok(p.selesai())
    }

    pub fn asal(&self) -> &Asal {
        &self.asal
    }

    /// Every entry, in list order: each row's bidang, program and kegiatan where they first
    /// appear, then its sub kegiatan.
    pub fn entri(&self) -> &[Entri] {
        &self.entri
    }

    /// The number of sub kegiatan (rows of the list).
    pub fn jumlah_sub_kegiatan(&self) -> usize {
        self.jumlah_sub
    }

    fn indeks_nama(&self) -> &IndeksNama {
        self.nama.get_or_init(|| {
            let mut per_nama: HashMap<_, Vec<usize>> = HashMap::new();
            let padat: Vec<(String, [u8; 36])> = self
                .entri
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let p = padat(&e.nama);
                    per_nama
                        .entry((e.jenis, e.tingkat, p.clone()))
                        .or_default()
                        .push(i);
                    let h = histogram(&p);
                    (p, h)
                })
                .collect();
            IndeksNama { padat, per_nama }
        })
    }

    fn temu(&self, i: usize, bidang: Option<&str>) -> Temu<'_> {
        let e = &self.entri[i];
        match (bidang, e.kode.strip_prefix("X.XX")) {
            (Some(b), Some(sisa)) => Temu {
                entri: e,
                kode: format!("{b}{sisa}"),
                lintas_bidang: true,
            },
            _ => Temu {
                entri: e,
                kode: e.kode.clone(),
                lintas_bidang: false,
            },
        }
    }

    /// The index of a code's entry and the bidang it was asked in when found through `X.XX`.
    fn indeks(&self, jenis: JenisPemda, kode: &str) -> Option<(usize, Option<String>)> {
        let kode = Kode::baca(kode)?;
        if !matches!(
            kode.tingkat,
            Tingkat::Bidang | Tingkat::Program | Tingkat::Kegiatan | Tingkat::SubKegiatan
        ) {
            return None;
        }
        let teks = kode.teks.to_ascii_uppercase();
        let peta = &self.kode[jenis.indeks()];
        if let Some(&i) = peta.get(&teks) {
            return Some((i, None));
        }
        // A code of the cross-cutting program under a bidang the list knows.
        let mut bagian = teks.splitn(3, '.');
        let (u, b, sisa) = (bagian.next()?, bagian.next()?, bagian.next()?);
        if !(u.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit())) {
            return None;
        }
        let bidang = format!("{u}.{b}");
        let i = *peta.get(&format!("X.XX.{sisa}"))?;
        peta.contains_key(&bidang).then_some((i, Some(bidang)))
    }

    /// The bidang, program, kegiatan or sub kegiatan of a code, for a pemda kind: the row
    /// with that code, else (for a code under a bidang the list knows) the cross-cutting
    /// `X.XX` row (`7.01.01.2.01.0001` is `X.XX.01.2.01.0001`). `None` when the list has
    /// neither, or the text is no such code.
    pub fn cari(&self, jenis: JenisPemda, kode: &str) -> Option<Temu<'_>> {
        let (i, bidang) = self.indeks(jenis, kode)?;
        Some(self.temu(i, bidang.as_deref()))
    }

    /// The entry above: a sub kegiatan's kegiatan, a kegiatan's program, a program's bidang
    /// (the bidang it was asked in, when the list knows it, not `X.XX`).
    pub fn induk(&self, temu: &Temu<'_>) -> Option<Temu<'_>> {
        let i = temu.entri.induk?;
        let bidang = temu.bidang();
        if self.entri[i].tingkat == Tingkat::Bidang
            && let Some(b) = bidang
        {
            return self.cari(temu.entri.jenis, b);
        }
        Some(self.temu(i, bidang))
    }

    /// Every entry above, nearest first: kegiatan, program, bidang for a sub kegiatan.
    pub fn leluhur(&self, temu: &Temu<'_>) -> Vec<Temu<'_>> {
        let mut hasil: Vec<Temu<'_>> = Vec::new();
        let mut kini = self.induk(temu);
        while let Some(t) = kini {
            kini = self.induk(&t);
            hasil.push(t);
        }
        hasil
    }

    /// Whether entry `i` stands below entry `atas`.
    fn di_bawah_indeks(&self, mut i: usize, atas: usize) -> bool {
        while let Some(induk) = self.entri[i].induk {
            if induk == atas {
                return true;
            }
            i = induk;
        }
        false
    }

    /// The entries of a level whose name is `nama`: spelled the same (case, spacing and
    /// punctuation aside), else the nearest typo (a tenth of its letters at most), else the
    /// most alike by words ([`nama::kemiripan`] at least [`nama::MIRIP_MIN`]). Only under
    /// `di_bawah` (a code of any level above, in its own bidang) when given. `None` when
    /// nothing is near enough, or two different names are equally near.
    pub fn kode_untuk_nama(
        &self,
        jenis: JenisPemda,
        tingkat: Tingkat,
        nama: &str,
        di_bawah: Option<&str>,
    ) -> Option<CalonNama<'_>> {
        let (atas, bidang) = match di_bawah {
            Some(k) => {
                let (i, b) = self.indeks(jenis, k)?;
                (Some(i), b)
            }
            None => (None, None),
        };
        let calon: Vec<usize> = match atas {
            Some(a) => {
                let mut v = Vec::new();
                let mut tumpuk = vec![a];
                while let Some(i) = tumpuk.pop() {
                    for &c in &self.anak[i] {
                        if self.entri[c].tingkat == tingkat {
                            v.push(c);
                        } else {
                            tumpuk.push(c);
                        }
                    }
                }
                v.sort_unstable();
                v
            }
            None => (0..self.entri.len())
                .filter(|&i| self.entri[i].jenis == jenis && self.entri[i].tingkat == tingkat)
                .collect(),
        };
        self.cari_nama_di(&calon, jenis, tingkat, nama, atas, bidang.as_deref())
    }

    fn cari_nama_di(
        &self,
        calon: &[usize],
        jenis: JenisPemda,
        tingkat: Tingkat,
        nama: &str,
        atas: Option<usize>,
        bidang: Option<&str>,
    ) -> Option<CalonNama<'_>> {
        let p = padat(nama);
        if p.is_empty() {
            return None;
        }
        let indeks = self.indeks_nama();
        let jadi = |idx: Vec<usize>, kecocokan| {
            Some(CalonNama {
                temu: idx.into_iter().map(|i| self.temu(i, bidang)).collect(),
                kecocokan,
            })
        };
        if let Some(idx) = indeks.per_nama.get(&(jenis, tingkat, p.clone())) {
            let idx: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|&i| atas.is_none_or(|a| self.di_bawah_indeks(i, a)))
                .collect();
            if !idx.is_empty() {
                return jadi(idx, Kecocokan::Sama);
            }
        }
        // The nearest: several entries may share the best score only when they share the
        // name (the same sub kegiatan under several kegiatan).
        let terbaik = |skor: &dyn Fn(usize) -> Option<u32>, lebih_baik_kecil: bool| {
            let mut best: Option<(u32, Vec<usize>)> = None;
            for &i in calon {
                let Some(s) = skor(i) else { continue };
                match &mut best {
                    Some((b, v)) if s == *b => v.push(i),
                    Some((b, _)) if (s > *b) == lebih_baik_kecil => {}
                    _ => best = Some((s, vec![i])),
                }
            }
            let (s, idx) = best?;
            let satu = &indeks.padat[idx[0]].0;
            idx.iter()
                .all(|&i| &indeks.padat[i].0 == satu)
                .then_some((s, idx))
        };
        if p.len() >= SALAH_KETIK_MIN {
            let batas = batas_salah_ketik(p.len());
            let h = histogram(&p);
            let skor = |i: usize| {
                let (q, hq) = &indeks.padat[i];
                let beda: usize = h
                    .iter()
                    .zip(hq)
                    .map(|(a, b)| usize::from(a.abs_diff(*b)))
                    .sum();
                if beda.div_ceil(2) > batas {
                    return None;
                }
                jarak_huruf(p.as_bytes(), q.as_bytes(), batas).map(|j| j as u32)
            };
            if let Some((j, idx)) = terbaik(&skor, true) {
                return jadi(idx, Kecocokan::SalahKetik { jarak: j as usize });
            }
        }
        let skor = |i: usize| {
            let m = nama::kemiripan(nama, &self.entri[i].nama);
            (m >= nama::MIRIP_MIN).then_some(m)
        };
        let (m, idx) = terbaik(&skor, false)?;
        jadi(idx, Kecocokan::Mirip { kemiripan: m })
    }

    /// Whether the name written beside a code is the code's, and when it is not, whose it
    /// is. `None` when the list has no such code.
    pub fn periksa_nama<'a>(
        &'a self,
        jenis: JenisPemda,
        kode: &str,
        nama: &str,
    ) -> Option<PeriksaNama<'a>> {
        let temu = self.cari(jenis, kode)?;
        let kecocokan = bandingkan_nama(nama, &temu.entri.nama);
        let milik = if kecocokan.cocok() {
            None
        } else {
            let tingkat = temu.entri.tingkat;
            let ini = temu.entri;
            let bukan_ini = |mut c: CalonNama<'a>| {
                c.temu.retain(|t| !std::ptr::eq(t.entri, ini));
                (!c.temu.is_empty()).then_some(c)
            };
            self.induk(&temu)
                .and_then(|induk| self.kode_untuk_nama(jenis, tingkat, nama, Some(&induk.kode)))
                .and_then(bukan_ini)
                .or_else(|| {
                    self.kode_untuk_nama(jenis, tingkat, nama, None)
                        .and_then(bukan_ini)
                })
        };
        Some(PeriksaNama {
            temu,
            kecocokan,
            milik,
        })
    }

    /// The current sub kegiatan of an older code: a 2-digit code of TA 2022 and before
    /// (`7.01.01.2.01.01`), or a 4-digit one that an update replaced. In order: the list
    /// names the code (widened to 4 digits) in `sub_kegiatan_sebelumnya` of a row; else the
    /// widened code is in the list. When `nama` is given and is not that sub kegiatan's, a
    /// sub kegiatan of that name under the same kegiatan is taken instead (a renumbering);
    /// without one, the result says the name does not match ([`Penerus::kecocokan`]).
    /// `None` for a code that is current (or no sub kegiatan code), and when nothing is
    /// found.
    pub fn penerus(
        &self,
        jenis: JenisPemda,
        kode: &str,
        nama: Option<&str>,
    ) -> Option<Penerus<'_>> {
        let k = Kode::baca(kode)?;
        if k.tingkat != Tingkat::SubKegiatan || k.tidak_lengkap {
            return None;
        }
        let teks = k.teks.to_ascii_uppercase();
        let (kegiatan, nomor) = teks.rsplit_once('.')?;
        let dilebarkan = match nomor.len() {
            2 => format!("{kegiatan}.00{nomor}"),
            4 if self.cari(jenis, &teks).is_none() => teks.clone(),
            _ => return None,
        };
        let peta = &self.sebelumnya[jenis.indeks()];
        let mut calon: Vec<(Temu<'_>, AturanPenerus)> = Vec::new();
        let lewat_sebelumnya = peta.get(&dilebarkan).map(|v| (v, None)).or_else(|| {
            // Replaced codes of the cross-cutting program are listed as `X.XX…`.
            let b = self.indeks(jenis, kegiatan)?.1?;
            let sisa = dilebarkan.strip_prefix(&b)?;
            peta.get(&format!("X.XX{sisa}")).map(|v| (v, Some(b)))
        });
        if let Some((idx, bidang)) = lewat_sebelumnya {
            let semua: Vec<Temu<'_>> = idx
                .iter()
                .map(|&i| self.temu(i, bidang.as_deref()))
                .collect();
            for (n, t) in semua.iter().enumerate() {
                let lain = semua
                    .iter()
                    .enumerate()
                    .filter(|&(m, _)| m != n)
                    .map(|(_, o)| o.kode.clone())
                    .collect();
                calon.push((
                    t.clone(),
                    AturanPenerus::Sebelumnya {
                        kode_lama: dilebarkan.clone(),
                        penerus_lain: lain,
                    },
                ));
            }
        } else if nomor.len() == 2
            && let Some(t) = self.cari(jenis, &dilebarkan)
        {
            calon.push((t, AturanPenerus::Pelebaran));
        }
        let Some(nama) = nama else {
            let (temu, aturan) = calon.into_iter().next()?;
            return Some(Penerus {
                temu,
                aturan,
                dilebarkan,
                kecocokan: None,
            });
        };
        let nilai: Vec<Kecocokan> = calon
            .iter()
            .map(|(t, _)| bandingkan_nama(nama, &t.entri.nama))
            .collect();
        if let Some(n) = nilai.iter().position(|k| k.cocok()) {
            let (temu, aturan) = calon.swap_remove(n);
            return Some(Penerus {
                temu,
                aturan,
                dilebarkan,
                kecocokan: Some(nilai[n]),
            });
        }
        if let Some(c) = self.kode_untuk_nama(jenis, Tingkat::SubKegiatan, nama, Some(kegiatan))
            && c.temu.len() == 1
        {
            let kecocokan = Some(c.kecocokan);
            let temu = c.temu.into_iter().next()?;
            return Some(Penerus {
                temu,
                aturan: AturanPenerus::NamaDalamKegiatan,
                dilebarkan,
                kecocokan,
            });
        }
        let (temu, aturan) = calon.into_iter().next()?;
        Some(Penerus {
            temu,
            aturan,
            dilebarkan,
            kecocokan: nilai.first().copied(),
        })
    }
}

/// Builds a [`Nomenklatur`] row by row, checking each.
struct Pembangun {
    n: Nomenklatur,
    /// The bidang, program and kegiatan cells of the row before, with the parent and the
    /// entry they gave: rows come grouped, so most cells repeat the one above.
    terakhir: [Option<SelLalu>; 3],
}

/// A cell of the row before and the entry it gave.
struct SelLalu {
    jenis: JenisPemda,
    teks: String,
    induk: Option<usize>,
    entri: usize,
}

impl Pembangun {
    fn baru(asal: Asal) -> Pembangun {
        Pembangun {
            n: Nomenklatur {
                asal,
                entri: Vec::new(),
                anak: Vec::new(),
                kode: [HashMap::new(), HashMap::new()],
                sebelumnya: [HashMap::new(), HashMap::new()],
                nama: OnceLock::new(),
                jumlah_sub: 0,
            },
            terakhir: [None, None, None],
        }
    }

    /// The entry of one level of a row: the one already there (same name), or a new one.
    fn simpul(
        &mut self,
        jenis: JenisPemda,
        tingkat: Tingkat,
        kolom: &str,
        sel: &str,
        induk: Option<usize>,
        baris: usize,
    ) -> Result<usize, String> {
        let tingkat_ke = match tingkat {
            Tingkat::Bidang => Some(0),
            Tingkat::Program => Some(1),
            Tingkat::Kegiatan => Some(2),
            _ => None,
        };
        if let Some(t) = tingkat_ke
            && let Some(l) = &self.terakhir[t]
            && l.jenis == jenis
            && l.teks == sel
            && l.induk == induk
        {
            return Ok(l.entri);
        }
        let i = self.simpul_baru(jenis, tingkat, kolom, sel, induk, baris)?;
        if let Some(t) = tingkat_ke {
            self.terakhir[t] = Some(SelLalu {
                jenis,
                teks: sel.to_string(),
                induk,
                entri: i,
            });
        }
        Ok(i)
    }

    fn simpul_baru(
        &mut self,
        jenis: JenisPemda,
        tingkat: Tingkat,
        kolom: &str,
        sel: &str,
        induk: Option<usize>,
        baris: usize,
    ) -> Result<usize, String> {
        let salah = || {
            format!(
                "kolom {kolom} berisi '{sel}', bukan kode {} dan namanya dalam satu sel (mis. {})",
                tingkat.nama(),
                contoh(tingkat)
            )
        };
        let (kode, nama) = kode_dan_nama(sel, tingkat).ok_or_else(salah)?;
        if let Some(atas) = induk {
            let a = &self.n.entri[atas];
            let di_bawah = kode.len() > a.kode.len()
                && kode.starts_with(&a.kode)
                && kode.as_bytes()[a.kode.len()] == b'.';
            if !di_bawah {
                return Err(format!(
                    "kode {} {} tidak di bawah {} {} pada baris yang sama",
                    tingkat.nama(),
                    kode,
                    a.tingkat.nama(),
                    a.kode
                ));
            }
        }
        if let Some(&i) = self.n.kode[jenis.indeks()].get(&kode) {
            let e = &self.n.entri[i];
            if tingkat == Tingkat::SubKegiatan {
                return Err(format!(
                    "sub kegiatan {} ({}) sudah ada di baris {}",
                    kode,
                    jenis.kode_csv(),
                    e.baris
                ));
            }
            if e.nama != nama {
                return Err(format!(
                    "{} {} bernama '{}' di baris {}, tetapi '{}' di sini",
                    tingkat.nama(),
                    kode,
                    e.nama,
                    e.baris,
                    nama
                ));
            }
            return Ok(i);
        }
        let i = self.n.entri.len();
        self.n.kode[jenis.indeks()].insert(kode.clone(), i);
        self.n.anak.push(Vec::new());
        if let Some(atas) = induk {
            self.n.anak[atas].push(i);
        }
        self.n.entri.push(Entri {
            jenis,
            tingkat,
            kode,
            nama,
            baris,
            keluaran: None,
            induk,
        });
        Ok(i)
    }

    /// One row of the list; `sel(i)` is the cell of column [`KOLOM`]`[i]`, trimmed.
    fn tambah<'s>(&mut self, baris: usize, sel: impl Fn(usize) -> &'s str) -> Result<(), String> {
        let jenis = JenisPemda::baca(sel(0)).ok_or_else(|| {
            format!(
                "jenis_pemda '{}' tidak dikenal; tulis PROV atau KABKOT",
                sel(0)
            )
        })?;
        let tingkat = [
            Tingkat::Bidang,
            Tingkat::Program,
            Tingkat::Kegiatan,
            Tingkat::SubKegiatan,
        ];
        let mut induk = None;
        for (n, t) in tingkat.into_iter().enumerate() {
            induk = Some(self.simpul(jenis, t, KOLOM[n + 1], sel(n + 1), induk, baris)?);
        }
        let i = induk.expect("empat tingkat");
        let sebelumnya = match sel(10) {
            "" => None,
            s => {
                let salah = || {
                    format!(
                        "kolom sub_kegiatan_sebelumnya berisi '{s}', bukan kode sub kegiatan dan namanya (mis. {}) atau kosong",
                        contoh(Tingkat::SubKegiatan)
                    )
                };
                Some(kode_dan_nama(s, Tingkat::SubKegiatan).ok_or_else(salah)?)
            }
        };
        if let Some((lama, _)) = &sebelumnya {
            self.n.sebelumnya[jenis.indeks()]
                .entry(lama.clone())
                .or_default()
                .push(i);
        }
        self.n.entri[i].keluaran = Some(Box::new(Keluaran {
            kinerja: sel(5).to_string(),
            indikator: sel(6).to_string(),
            satuan: sel(7).to_string(),
            spm: sel(8).to_string(),
            jenis: sel(9).to_string(),
            sebelumnya,
        }));
        self.n.jumlah_sub += 1;
        Ok(())
    }

    fn selesai(mut self) -> Nomenklatur {
        self.n.entri.shrink_to_fit();
        self.n.anak.shrink_to_fit();
        self.n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KAB: JenisPemda = JenisPemda::KabupatenKota;

    fn n() -> &'static Nomenklatur {
        Nomenklatur::bawaan()
    }

    #[test]
    fn bawaan_lengkap() {
        let n = n();
        // 7,765 rows below the header: 4,207 PROV and 3,558 KABKOT.
        assert_eq!(n.jumlah_sub_kegiatan(), 7765);
        let sub = |j| {
            n.entri()
                .iter()
                .filter(|e| e.jenis == j && e.tingkat == Tingkat::SubKegiatan)
                .count()
        };
        assert_eq!(sub(JenisPemda::Provinsi), 4207);
        assert_eq!(sub(KAB), 3558);
        assert_eq!(n.asal(), &Asal::Bawaan);
    }

    #[test]
    fn sub_kegiatan_dan_keluarannya() {
        // CSV line 7456: KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN
        // DAN PELAYANAN PUBLIK,7.01.02.2.01 Koordinasi Penyelenggaraan Kegiatan Pemerintahan
        // di Tingkat Kecamatan,7.01.02.2.01.0001 Koordinasi/Sinergi Perencanaan dan
        // Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal
        // Terkait,Terlaksananya Koordinasi/Sinergi …,Jumlah Laporan Koordinasi/Sinergi …,
        // Laporan,NON-SPM,Layanan,
        let t = n().cari(KAB, "7.01.02.2.01.0001").unwrap();
        assert!(!t.lintas_bidang);
        assert_eq!(t.entri.baris, 7456);
        assert_eq!(
            t.nama(),
            "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait"
        );
        let k = t.keluaran().unwrap();
        assert_eq!(
            k.kinerja,
            "Terlaksananya Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait"
        );
        assert_eq!(
            k.indikator,
            "Jumlah Laporan Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait"
        );
        assert_eq!(k.satuan, "Laporan");
        assert_eq!(k.spm, "NON-SPM");
        assert_eq!(k.jenis, "Layanan");
        assert_eq!(k.sebelumnya, None);
        let induk: Vec<(&str, &str)> = n()
            .leluhur(&t)
            .iter()
            .map(|t| (t.entri.kode.as_str(), t.nama()))
            .collect();
        assert_eq!(
            induk,
            [
                (
                    "7.01.02.2.01",
                    "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"
                ),
                (
                    "7.01.02",
                    "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"
                ),
                ("7.01", "KECAMATAN"),
            ]
        );
        // Written with spaces around the dots, as some PDF conversions do.
        assert!(n().cari(KAB, "7.01.02 . 2.01.0001").is_some());
        // The same code does not exist for a provinsi.
        assert!(
            n().cari(JenisPemda::Provinsi, "7.01.02.2.01.0001")
                .is_none()
        );
    }

    #[test]
    fn kode_lintas_bidang() {
        // CSV line 7653: KABKOT,X.XX URUSAN PEMERINTAHAN BIDANG XX,X.XX.01 PROGRAM PENUNJANG
        // URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA,"X.XX.01.2.01 Perencanaan, Penganggaran,
        // dan Evaluasi Kinerja Perangkat Daerah",X.XX.01.2.01.0001 Penyusunan Dokumen
        // Perencanaan Perangkat Daerah,Tersusunnya Dokumen Perencanaan Perangkat Daerah,
        // Jumlah Dokumen Perencanaan Perangkat Daerah,Dokumen,NON-SPM,Aktifitas,
        let t = n().cari(KAB, "7.01.01.2.01.0001").unwrap();
        assert!(t.lintas_bidang);
        assert_eq!(t.kode, "7.01.01.2.01.0001");
        assert_eq!(t.entri.kode, "X.XX.01.2.01.0001");
        assert_eq!(t.entri.baris, 7653);
        assert_eq!(t.nama(), "Penyusunan Dokumen Perencanaan Perangkat Daerah");
        assert_eq!(
            t.keluaran().unwrap().indikator,
            "Jumlah Dokumen Perencanaan Perangkat Daerah"
        );
        let induk: Vec<(String, &str)> = n()
            .leluhur(&t)
            .into_iter()
            .map(|t| (t.kode, t.entri.nama.as_str()))
            .collect();
        assert_eq!(
            induk,
            [
                (
                    "7.01.01.2.01".to_string(),
                    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
                ),
                (
                    "7.01.01".to_string(),
                    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
                ),
                ("7.01".to_string(), "KECAMATAN"),
            ]
        );
        // The program itself, and the placeholder code as the list writes it.
        assert!(n().cari(KAB, "7.01.01").unwrap().lintas_bidang);
        let x = n().cari(KAB, "x.xx.01.2.01.0001").unwrap();
        assert!(!x.lintas_bidang);
        assert_eq!(x.kode, "X.XX.01.2.01.0001");
        // An exact row wins over the placeholder: 7.01.02 is the kecamatan's own program.
        assert!(!n().cari(KAB, "7.01.02").unwrap().lintas_bidang);
        // No bidang 9.99, no X.XX.02, no kegiatan with lone digit 2 for a provinsi.
        assert!(n().cari(KAB, "9.99.01.2.01.0001").is_none());
        assert!(n().cari(KAB, "7.01.02.2.09.0001").is_none());
        assert!(
            n().cari(JenisPemda::Provinsi, "7.01.01.2.01.0001")
                .is_none()
        );
        // CSV line 4097: PROV,X.XX …,X.XX.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH
        // PROVINSI,…,X.XX.01.1.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah,…
        let p = n().cari(JenisPemda::Provinsi, "1.02.01.1.01.0001").unwrap();
        assert_eq!(p.entri.kode, "X.XX.01.1.01.0001");
        assert_eq!(p.entri.baris, 4097);
        assert!(n().cari(KAB, "bukan kode").is_none());
        assert!(n().cari(KAB, "5.1.02.01.01.0024").is_none());
    }

    #[test]
    fn jenis_pemda_dari_kode() {
        assert_eq!(
            JenisPemda::dari_kode("7.01.01.2.01.0001"),
            Some(JenisPemda::KabupatenKota)
        );
        assert_eq!(
            JenisPemda::dari_kode("1.01.02.1.01"),
            Some(JenisPemda::Provinsi)
        );
        assert_eq!(JenisPemda::dari_kode("1.01.02.3.05.0001"), None);
        assert_eq!(JenisPemda::dari_kode("1.01.02"), None);
    }

    #[test]
    fn nama_dibandingkan_longgar() {
        // CSV line 7653 again: the name with other case, spacing and punctuation.
        assert_eq!(
            bandingkan_nama(
                "PENYUSUNAN  DOKUMEN PERENCANAAN PERANGKAT DAERAH.",
                "Penyusunan Dokumen Perencanaan Perangkat Daerah"
            ),
            Kecocokan::Sama
        );
        assert_eq!(
            bandingkan_nama(
                "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
                "Koordinasi dan Penyusunan Perubahan DPA- SKPD"
            ),
            Kecocokan::Sama
        );
        assert_eq!(
            bandingkan_nama(
                "tugas dan fungsinya dibidang",
                "Tugas dan Fungsinya di Bidang"
            ),
            Kecocokan::Sama
        );
        assert_eq!(
            bandingkan_nama("Nilai Zona Integritas", "Penyediaan Gaji dan Tunjangan ASN"),
            Kecocokan::Beda { kemiripan: 0 }
        );
    }

    #[test]
    fn nama_salah_ketik_dan_nama_kode_lain() {
        // CSV line 7721: KABKOT,X.XX …,X.XX.01.2.08 Penyediaan Jasa Penunjang Urusan
        // Pemerintahan Daerah,X.XX.01.2.08.0001 Penyediaan Jasa Surat Menyurat,…
        let p = n()
            .periksa_nama(KAB, "7.01.01.2.08.0001", "Penyedian Jasa Surat Menyurat")
            .unwrap();
        assert_eq!(p.kecocokan, Kecocokan::SalahKetik { jarak: 1 });
        assert!(p.milik.is_none());
        // Seed 001 writes 7.01.01.2.06.05 Penyediaan Barang Cetak dan Penggandaan; CSV line
        // 7703: …,X.XX.01.2.06.0005 Penyediaan Barang Cetakan dan Penggandaan,…
        let p = n()
            .periksa_nama(
                KAB,
                "7.01.01.2.06.0005",
                "Penyediaan Barang Cetak dan Penggandaan",
            )
            .unwrap();
        assert!(p.kecocokan.cocok(), "{:?}", p.kecocokan);
        // Seed 001 writes 7.01.01.2.02.02 Koordinasi dan Pelaksanaan Akuntansi SKPD. CSV line
        // 7667: …,X.XX.01.2.02.0002 Penyediaan Administrasi Pelaksanaan Tugas ASN,… and
        // line 7669: …,X.XX.01.2.02.0004 Koordinasi dan Pelaksanaan Akuntansi SKPD,…
        let p = n()
            .periksa_nama(
                KAB,
                "7.01.01.2.02.0002",
                "Koordinasi dan Pelaksanaan Akuntansi SKPD",
            )
            .unwrap();
        assert!(!p.kecocokan.cocok());
        assert_eq!(
            p.temu.nama(),
            "Penyediaan Administrasi Pelaksanaan Tugas ASN"
        );
        let milik = p.milik.unwrap();
        assert_eq!(milik.kecocokan, Kecocokan::Sama);
        let kode: Vec<&str> = milik.temu.iter().map(|t| t.kode.as_str()).collect();
        assert_eq!(kode, ["7.01.01.2.02.0004"]);
        assert!(
            n().periksa_nama(KAB, "7.01.01.2.02.0099", "apa saja")
                .is_none()
        );
    }

    #[test]
    fn kode_untuk_nama_tanpa_kode() {
        // CSV line 7721 (above): the misspelt name under its kegiatan, in its own bidang.
        let c = n()
            .kode_untuk_nama(
                KAB,
                Tingkat::SubKegiatan,
                "Penyedian Jasa Surat Menyurat",
                Some("7.01.01.2.08"),
            )
            .unwrap();
        assert_eq!(c.kecocokan, Kecocokan::SalahKetik { jarak: 1 });
        assert_eq!(c.temu.len(), 1);
        assert_eq!(c.temu[0].kode, "7.01.01.2.08.0001");
        // Without a parent: the list's own code.
        let c = n()
            .kode_untuk_nama(
                KAB,
                Tingkat::SubKegiatan,
                "penyediaan jasa surat menyurat",
                None,
            )
            .unwrap();
        assert_eq!(c.kecocokan, Kecocokan::Sama);
        assert_eq!(c.temu[0].kode, "X.XX.01.2.08.0001");
        // CSV line 7456 (above): a kegiatan named with a typo, among all kegiatan.
        let c = n()
            .kode_untuk_nama(
                KAB,
                Tingkat::Kegiatan,
                "Koordinasi Penyelengaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
                None,
            )
            .unwrap();
        assert_eq!(c.temu[0].kode, "7.01.02.2.01");
        assert!(matches!(c.kecocokan, Kecocokan::SalahKetik { .. }));
        assert!(
            n().kode_untuk_nama(KAB, Tingkat::SubKegiatan, "Belanja Makan Minum Rapat", None)
                .is_none()
        );
    }

    #[test]
    fn penerus_kode_dua_digit() {
        // CSV line 7653 (above): 7.01.01.2.01.01 of TA 2022 is X.XX.01.2.01.0001.
        let p = n().penerus(KAB, "7.01.01.2.01.01", None).unwrap();
        assert_eq!(p.temu.kode, "7.01.01.2.01.0001");
        assert_eq!(p.aturan, AturanPenerus::Pelebaran);
        assert_eq!(
            p.keterangan("7.01.01.2.01.01"),
            "kode 7.01.01.2.01.01 dilebarkan menjadi 7.01.01.2.01.0001 (nomor yang sama, 4 digit sejak TA 2023)"
        );
        // CSV line 4789: KABKOT,1.02 …,1.02.02 …,1.02.02.2.02 …,"1.02.02.2.02.0053
        // Pengambilan, Pemeriksaan dan Pengiriman Spesimen Penyakit Potensial KLB ke
        // Laboratorium Rujukan/Nasional",…,1.02.02.2.02.0028 Pengambilan dan Pengiriman
        // Spesimen Penyakit Potensial KLB ke Laboratorium Rujukan/Nasional
        let p = n().penerus(KAB, "1.02.02.2.02.28", None).unwrap();
        assert_eq!(p.temu.kode, "1.02.02.2.02.0053");
        assert_eq!(p.dilebarkan, "1.02.02.2.02.0028");
        assert_eq!(
            p.aturan,
            AturanPenerus::Sebelumnya {
                kode_lama: "1.02.02.2.02.0028".into(),
                penerus_lain: vec![]
            }
        );
        assert_eq!(
            p.keterangan("1.02.02.2.02.28"),
            "kode 1.02.02.2.02.28 dilebarkan menjadi 1.02.02.2.02.0028; 1.02.02.2.02.0028 diganti 1.02.02.2.02.0053 menurut kolom sub_kegiatan_sebelumnya nomenklatur"
        );
        // A 4-digit code still used in TA 2024 (samples/sumenep-dinkes-2024). CSV line 6110:
        // KABKOT,2.14 …,"2.14.04.2.02.0009 Pendampingan Keluarga Risiko Stunting (KRS) oleh
        // TPK (…)",…,"2.14.04.2.02.0006 Pendampingan Keluarga Berisiko Stunting (…)"
        let p = n().penerus(KAB, "2.14.04.2.02.0006", None).unwrap();
        assert_eq!(p.temu.kode, "2.14.04.2.02.0009");
        // A current code has no successor.
        assert!(n().penerus(KAB, "7.01.01.2.01.0001", None).is_none());
        assert!(n().penerus(KAB, "7.01.01.2.01", None).is_none());
        assert!(n().penerus(KAB, "7.01.01.2.01.99", None).is_none());
    }

    #[test]
    fn penerus_menurut_nama() {
        // Seed 001: 7.01.01.2.02.02 Koordinasi dan Pelaksanaan Akuntansi SKPD; widened it is
        // 0002 Penyediaan Administrasi Pelaksanaan Tugas ASN (CSV line 7667), the name is
        // 0004's (CSV line 7669).
        let p = n()
            .penerus(
                KAB,
                "7.01.01.2.02.02",
                Some("Koordinasi dan Pelaksanaan Akuntansi SKPD"),
            )
            .unwrap();
        assert_eq!(p.temu.kode, "7.01.01.2.02.0004");
        assert_eq!(p.aturan, AturanPenerus::NamaDalamKegiatan);
        assert_eq!(p.kecocokan, Some(Kecocokan::Sama));
        assert_eq!(
            p.keterangan("7.01.01.2.02.02"),
            "nama sub kegiatan 7.01.01.2.02.02 ada di kegiatan yang sama dengan kode 7.01.01.2.02.0004, bukan 7.01.01.2.02.0002"
        );
        // A name that matches the widened code keeps it.
        let p = n()
            .penerus(
                KAB,
                "7.01.01.2.08.01",
                Some("PENYEDIAAN JASA SURAT MENYURAT"),
            )
            .unwrap();
        assert_eq!(p.aturan, AturanPenerus::Pelebaran);
        assert_eq!(p.kecocokan, Some(Kecocokan::Sama));
        // A name found nowhere under the kegiatan: the widened code, said not to match.
        let p = n()
            .penerus(KAB, "7.01.01.2.08.01", Some("Belanja Listrik"))
            .unwrap();
        assert_eq!(p.temu.kode, "7.01.01.2.08.0001");
        assert!(!p.kecocokan.unwrap().cocok());
    }

    const KEPALA: &str = "jenis_pemda,bidang,program,kegiatan,sub_kegiatan,kinerja,indikator,satuan,spm,jenis,sub_kegiatan_sebelumnya\n";

    fn berkas(teks: &str) -> Result<Nomenklatur, GalatNomenklatur> {
        Nomenklatur::dari_csv(teks, Asal::Berkas(PathBuf::from("baru.csv")))
    }

    #[test]
    fn berkas_pengganti_dibaca() {
        let teks = format!(
            "\u{feff}{KEPALA}KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN,7.01.02.2.01 Koordinasi,\"7.01.02.2.01.0001 Koordinasi, Sinergi \"\"Baru\"\"\",Terlaksananya,Jumlah Laporan,Laporan,NON-SPM,Layanan,7.01.02.2.01.0009 Lama\r\n\
             KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN,7.01.02.2.01 Koordinasi,7.01.02.2.01.0002 Kedua,,,,,,\r\n\r\n"
        );
        let n = berkas(&teks).unwrap();
        assert_eq!(n.jumlah_sub_kegiatan(), 2);
        let t = n.cari(KAB, "7.01.02.2.01.0001").unwrap();
        assert_eq!(t.nama(), "Koordinasi, Sinergi \"Baru\"");
        assert_eq!(t.entri.baris, 2);
        assert_eq!(t.keluaran().unwrap().satuan, "Laporan");
        assert_eq!(n.cari(KAB, "7.01.02.2.01.0002").unwrap().entri.baris, 3);
        assert_eq!(
            n.penerus(KAB, "7.01.02.2.01.0009", None).unwrap().temu.kode,
            "7.01.02.2.01.0001"
        );
        assert_eq!(n.asal(), &Asal::Berkas(PathBuf::from("baru.csv")));
        // Semicolons (Excel in an Indonesian locale), columns in another order, the optional
        // ones left out.
        let n = berkas(
            "sub_kegiatan;kegiatan;program;bidang;jenis_pemda\n\
             1.01.02.1.01.0001 Satu;1.01.02.1.01 Keg;1.01.02 PROG;1.01 BID;PROV\n",
        )
        .unwrap();
        let t = n.cari(JenisPemda::Provinsi, "1.01.02.1.01.0001").unwrap();
        assert_eq!(t.nama(), "Satu");
        assert_eq!(t.keluaran().unwrap().indikator, "");
    }

    fn pesan(teks: &str) -> String {
        berkas(teks).unwrap_err().to_string()
    }

    #[test]
    fn berkas_pengganti_bergalat() {
        let baik = "KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM A,7.01.02.2.01 Keg,7.01.02.2.01.0001 Satu,,,,,,\n";
        // Line 3: the sub kegiatan cell holds a kegiatan code.
        assert_eq!(
            pesan(&format!(
                "{KEPALA}{baik}KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM A,7.01.02.2.01 Keg,7.01.02.2.01 Dua,,,,,,\n"
            )),
            "baru.csv, baris 3: kolom sub_kegiatan berisi '7.01.02.2.01 Dua', bukan kode sub kegiatan dan namanya dalam satu sel (mis. 1.01.02.2.01.0001 Pembangunan Unit Sekolah Baru (USB))"
        );
        assert_eq!(
            pesan(&format!("{KEPALA}{baik}{baik}")),
            "baru.csv, baris 3: sub kegiatan 7.01.02.2.01.0001 (KABKOT) sudah ada di baris 2"
        );
        assert_eq!(
            pesan(&format!(
                "{KEPALA}{baik}KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM B,7.01.02.2.01 Keg,7.01.02.2.01.0002 Dua,,,,,,\n"
            )),
            "baru.csv, baris 3: program 7.01.02 bernama 'PROGRAM A' di baris 2, tetapi 'PROGRAM B' di sini"
        );
        assert_eq!(
            pesan(&format!(
                "{KEPALA}KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM A,7.01.03.2.01 Keg,7.01.03.2.01.0001 Satu,,,,,,\n"
            )),
            "baru.csv, baris 2: kode kegiatan 7.01.03.2.01 tidak di bawah program 7.01.02 pada baris yang sama"
        );
        assert_eq!(
            pesan(&format!(
                "{KEPALA}KAB,7.01 KECAMATAN,7.01.02 PROGRAM A,7.01.02.2.01 Keg,7.01.02.2.01.0001 Satu,,,,,,\n"
            )),
            "baru.csv, baris 2: jenis_pemda 'KAB' tidak dikenal; tulis PROV atau KABKOT"
        );
        assert_eq!(
            pesan(&format!(
                "{KEPALA}{baik}KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM A,7.01.02.2.01 Keg,7.01.02.2.01.0002 Dua, Tiga,,,,,,\n"
            )),
            "baru.csv, baris 3: ada 12 kolom, judul kolom menyebut 11; nama yang memuat ',' harus diapit tanda kutip"
        );
        assert_eq!(
            pesan(&format!(
                "{KEPALA}{baik}KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM A,7.01.02.2.01 Keg,\"7.01.02.2.01.0002 Dua,,,,,,\n{baik}"
            )),
            "baru.csv, baris 3: tanda kutip (\") dibuka tetapi tidak ditutup sampai akhir berkas"
        );
        assert_eq!(
            pesan("jenis_pemda,bidang,program,kegiatan\n"),
            "baru.csv, baris 1: kolom 'sub_kegiatan' tidak ada; judul kolom yang diharapkan: jenis_pemda,bidang,program,kegiatan,sub_kegiatan,kinerja,indikator,satuan,spm,jenis,sub_kegiatan_sebelumnya (tertulis: jenis_pemda,bidang,program,kegiatan)"
        );
        assert_eq!(
            pesan(KEPALA),
            "baru.csv, baris 1: tidak ada satu pun baris sub kegiatan di bawah judul kolom"
        );
        assert_eq!(
            pesan(""),
            "baru.csv, baris 1: berkas kosong; baris pertama harus judul kolom"
        );
        // Windows-1252 bytes on line 2 (é).
        let mut isi = KEPALA.as_bytes().to_vec();
        isi.extend_from_slice(b"KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM A,7.01.02.2.01 Caf\xe9,");
        let e = Nomenklatur::dari_bytes(&isi, Asal::Berkas(PathBuf::from("baru.csv")))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("baru.csv, baris 2: bukan teks UTF-8"), "{e}");
    }

    #[test]
    fn berkas_yang_tidak_ada_atau_folder() {
        let e = Nomenklatur::baca_berkas(Path::new("/tidak/ada/nomenklatur.csv"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("/tidak/ada/nomenklatur.csv: berkas nomenklatur tidak dapat dibuka"),
            "{e}"
        );
        let e = Nomenklatur::baca_berkas(&std::env::temp_dir())
            .unwrap_err()
            .to_string();
        assert!(e.contains("bukan berkas biasa (folder)"), "{e}");
    }

    #[test]
    fn pembaca_csv() {
        let mut p = PembacaCsv::baru("a,\"b\nc\",d\r\ne,,\n\"x\"\"y\"");
        assert_eq!(
            p.berikut().unwrap().unwrap(),
            (1, vec!["a".into(), "b\nc".into(), "d".into()])
        );
        assert_eq!(
            p.berikut().unwrap().unwrap(),
            (3, vec!["e".into(), "".into(), "".into()])
        );
        assert_eq!(p.berikut().unwrap().unwrap(), (4, vec!["x\"y".into()]));
        assert!(p.berikut().is_none());
        let mut p = PembacaCsv::baru("a,\"b\"c\n");
        assert_eq!(p.berikut().unwrap().unwrap_err().0, 1);
    }

    #[test]
    fn dapat_dibagi_antar_utas() {
        fn sync<T: Send + Sync>() {}
        sync::<Nomenklatur>();
    }

    proptest::proptest! {
        /// Any text, however broken, gives a nomenclature or an error with a line, never a
        /// panic: the file comes from the user.
        #[test]
        fn berkas_acak_tanpa_panik(
            isi in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(KEPALA.to_string()),
                    proptest::strategy::Just("KABKOT,7.01 KECAMATAN,7.01.02 P,7.01.02.2.01 K,".to_string()),
                    proptest::strategy::Just("7.01.02.2.01.0001 S".to_string()),
                    "[,;\"\r\n X.0-9a\u{a0}é\u{feff}]{0,12}",
                ],
                0..12,
            )
        ) {
            let teks = isi.concat();
            match berkas(&teks) {
                Ok(n) => proptest::prop_assert!(n.jumlah_sub_kegiatan() > 0),
                Err(GalatNomenklatur::Baris { baris, .. }) => {
                    proptest::prop_assert!(baris >= 1 && baris <= teks.matches(['\n', '\r']).count() + 1)
                }
                Err(e) => proptest::prop_assert!(false, "{e}"),
            }
            let mut bytes = teks.into_bytes();
            bytes.push(0xff);
            proptest::prop_assert!(Nomenklatur::dari_bytes(&bytes, Asal::Bawaan).is_err());
        }
    }

    /// Run with `cargo test --release --lib nomenklatur::tests::ukur -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn ukur() {
        let (mut buka, mut semua) = (std::time::Duration::MAX, std::time::Duration::MAX);
        let mut n = None;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let teks = buka_bawaan();
            buka = buka.min(t.elapsed());
            n = Some(Nomenklatur::dari_csv(&teks, Asal::Bawaan).unwrap());
            semua = semua.min(t.elapsed());
        }
        let n = n.unwrap();
        let t = std::time::Instant::now();
        n.indeks_nama();
        let indeks = t.elapsed();
        let t = std::time::Instant::now();
        let c = n.kode_untuk_nama(
            KAB,
            Tingkat::SubKegiatan,
            "Nama yang tidak ada di mana pun juga",
            None,
        );
        let cari_nama = t.elapsed();
        println!(
            "terbaik dari 5: unzip {buka:?}, unzip + baca + indeks kode {semua:?}; indeks nama {indeks:?}, lalu satu nama tanpa kode di semua sub kegiatan {cari_nama:?} ({})",
            c.is_some()
        );
    }
}
