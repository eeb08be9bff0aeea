//! Kepala tabel: finding the header rows of a table by what they say, not where they are.
//!
//! Staff sheets have title rows above the table, one to three header rows with merged cells,
//! sometimes a column-number row (`1 2 3 … 5 = 4/3*100`), columns in any order and extra
//! columns (PPTK, ALASAN). Each column's role comes from its header text, read top-down
//! through the merged cells: `Kelompok Belanja › Operasi › Anggaran` is the pagu of the
//! kelompok Operasi, `TOTAL › Realisasi` the realisasi.

use crate::angka::{self, JenisAngka};
use crate::kode::Kode;
use crate::model::huruf_kolom;
use crate::sheet::{Grid, Isi, rapikan};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peran {
    Kode,
    Uraian,
    Nomor,
    Pagu,
    Realisasi,
    Persen,
    Sisa,
    Fisik,
    Efisiensi,
    /// `Bobot (%)` of the monthly realisasi form: the row's share of the whole anggaran.
    Bobot,
}

impl Peran {
    pub fn jenis_angka(self) -> JenisAngka {
        match self {
            Peran::Pagu | Peran::Realisasi | Peran::Sisa => JenisAngka::Rupiah,
            _ => JenisAngka::Persen,
        }
    }
}

/// Which part of the year a column covers, in forms that give several side by side (the
/// monthly realisasi fisik dan keuangan: bulan lalu | bulan ini | s.d. bulan ini).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Periode {
    /// `Bulan Lalu`, `s.d. Bulan Lalu`: what was reported before this month.
    Lalu,
    /// `Bulan Ini`: this month alone.
    Ini,
    /// `s.d. Bulan Ini`, `s.d. Triwulan …`, `Kumulatif`: the year to date, what the tables use.
    Kumulatif,
}

/// A recognised column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kolom {
    pub c: u32,
    pub peran: Peran,
    /// The kelompok belanja the column belongs to (`Operasi`, `Modal`); `None` for the
    /// table's own (or TOTAL) column.
    pub kelompok: Option<String>,
    /// The part of the year, when the header names one.
    pub periode: Option<Periode>,
    /// What a written amount is multiplied by: 1, or 1.000 for `Rp (000)` / `Ribuan`,
    /// 1.000.000 for `Juta`.
    pub skala: u32,
    /// The header text as the user wrote it, for messages.
    pub label: String,
}

/// What reading the header decided that the user should be told (as info), at the header
/// cell of column `c`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catatan {
    pub c: u32,
    pub kode: &'static str,
    pub pesan: String,
}

/// A table's header block.
#[derive(Debug, Clone)]
pub struct Kepala {
    /// First and last header row (0-based, inclusive).
    pub awal: u32,
    pub akhir: u32,
    /// The column-number row under the header, if any.
    pub baris_nomor: Option<u32>,
    pub kolom: Vec<Kolom>,
    /// Every header text, lowercased, to recognise the header repeated mid-sheet.
    pub teks: Vec<String>,
    /// Columns left unused, the cumulative column chosen, amounts in thousands.
    pub catatan: Vec<Catatan>,
}

/// The headers looked for, for the message when none is found.
pub const DICARI: &str =
    "Kode (opsional), Uraian / Program, Kegiatan, dan Sub Kegiatan, Pagu / Anggaran, Realisasi";

/// How far down a header may start.
pub const BARIS_KEPALA_MAKS: u32 = 60;

fn kecil(teks: &str) -> String {
    rapikan(teks).to_lowercase()
}

/// The role a header text names, by synonyms. Order matters: `Realisasi Fisik (%)` is fisik,
/// not realisasi; `% SISA` is efisiensi, not persen.
pub fn peran_label(label: &str) -> Option<Peran> {
    let l = kecil(label);
    let l = l.as_str();
    let mulai = |awalan: &[&str]| awalan.iter().any(|a| l.starts_with(a));
    if anggaran_kas(l) {
        // `Anggaran Kas s.d. Juni` is a cash plan, not the pagu.
        None
    } else if mulai(&["kode", "no. rek", "no rek", "nomor rek"]) {
        Some(Peran::Kode)
    } else if mulai(&["uraian", "program", "nama program", "nama kegiatan"]) {
        Some(Peran::Uraian)
    } else if matches!(l, "no" | "no." | "nomor" | "no urut" | "no. urut") {
        Some(Peran::Nomor)
    } else if l.contains("fisik") {
        Some(Peran::Fisik)
    } else if mulai(&["bobot"]) {
        Some(Peran::Bobot)
    } else if l.contains("efisiensi") || l == "% sisa" || l == "persentase sisa" {
        Some(Peran::Efisiensi)
    } else if l == "%"
        || l == "(%)"
        || mulai(&["% ", "persen", "prosentase", "persentase", "capaian"])
    {
        Some(Peran::Persen)
    } else if mulai(&["sisa"]) {
        Some(Peran::Sisa)
    } else if mulai(&["realisasi"]) {
        Some(Peran::Realisasi)
    } else if mulai(&[
        "anggaran",
        "pagu",
        "jumlah anggaran",
        "alokasi",
        "nilai anggaran",
    ]) {
        Some(Peran::Pagu)
    } else {
        None
    }
}

/// What a column of a Perjanjian Kinerja lampiran holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeranPk {
    Nomor,
    /// `Sasaran Strategis`, `Sasaran Program/Kegiatan`, `Sasaran Kinerja Utama`: the header's
    /// own words say which.
    Sasaran,
    Indikator,
    Satuan,
    Target,
    /// `Program`, `Kegiatan`, `Sub Kegiatan`, `Program/Kegiatan/Sub Kegiatan`.
    Uraian,
    Anggaran,
    Keterangan,
}

/// The role a PK header text names, by synonyms.
pub fn peran_pk(label: &str) -> Option<PeranPk> {
    let l = kecil(label);
    let l = l.trim_end_matches([':', '.']);
    let mulai = |awalan: &[&str]| awalan.iter().any(|a| l.starts_with(a));
    if matches!(l, "no" | "nomor" | "no urut") {
        Some(PeranPk::Nomor)
    } else if mulai(&["sasaran"]) {
        Some(PeranPk::Sasaran)
    } else if mulai(&["indikator"]) {
        Some(PeranPk::Indikator)
    } else if mulai(&["satuan"]) || matches!(l, "sat") {
        Some(PeranPk::Satuan)
    } else if mulai(&["target"]) {
        Some(PeranPk::Target)
    } else if mulai(&[
        "program",
        "kegiatan",
        "sub kegiatan",
        "uraian",
        "nama program",
    ]) {
        Some(PeranPk::Uraian)
    } else if mulai(&[
        "anggaran",
        "pagu",
        "jumlah anggaran",
        "alokasi",
        "nilai anggaran",
    ]) {
        Some(PeranPk::Anggaran)
    } else if mulai(&["ket", "sumber dana"]) {
        Some(PeranPk::Keterangan)
    } else {
        None
    }
}

/// Words above the amount columns that group them without naming a kelompok.
fn label_umum(l: &str) -> bool {
    matches!(
        l,
        "kelompok belanja" | "jenis belanja" | "belanja" | "kelompok" | "rincian" | "jumlah (rp)"
    )
}

/// Anggaran kas (the cash plan to a month) and its kin: amounts beside the pagu that are no
/// part of it.
fn anggaran_kas(l: &str) -> bool {
    ["akas", "rak ", "rencana"].iter().any(|a| l.starts_with(a))
        || l == "rak"
        || l.contains(" kas")
        || l.contains("spd")
}

/// The kelompok belanja of Permendagri 77/2020 and their usual sub-groups, with or without
/// `Belanja`, and with an acronym in brackets (`Belanja Tidak Terduga (BTT)`).
fn kelompok_belanja(l: &str) -> bool {
    let l = l.split('(').next().unwrap_or(l).trim();
    let l = l.strip_prefix("belanja").map_or(l, str::trim);
    matches!(
        l,
        "operasi"
            | "modal"
            | "tidak terduga"
            | "transfer"
            | "pegawai"
            | "barang dan jasa"
            | "barang & jasa"
            | "barang/jasa"
            | "hibah"
            | "bantuan sosial"
            | "subsidi"
            | "bagi hasil"
            | "bantuan keuangan"
            | "bunga"
    )
}

/// `s/d`, `sd`, `s.d`, `sampai dengan` → `s.d.`, so one spelling is matched.
pub(crate) fn sampai_dengan(l: &str) -> String {
    let mut t = format!(" {l} ");
    for (dari, jadi) in [
        ("sampai dengan", "s.d."),
        (" s/d ", " s.d. "),
        (" s/d. ", " s.d. "),
        (" sd ", " s.d. "),
        (" s.d ", " s.d. "),
    ] {
        t = t.replace(dari, jadi);
    }
    t
}

/// The part of the year a header names, if any.
fn periode_label(l: &str) -> Option<Periode> {
    let t = sampai_dengan(l);
    if t.contains("bulan lalu") || t.contains("triwulan lalu") {
        Some(Periode::Lalu)
    } else if t.contains("kumulatif") || t.contains(" s.d. ") {
        Some(Periode::Kumulatif)
    } else if t.contains("bulan ini") || t.contains("triwulan ini") {
        Some(Periode::Ini)
    } else {
        None
    }
}

/// The multiplier a unit header states: `Rp (000)`, `Ribuan Rupiah` → 1.000; `Juta` →
/// 1.000.000.
fn skala_label(l: &str) -> u32 {
    let padat: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    if padat.contains("(000)") || padat.contains("000)") || l.contains("ribu") {
        1_000
    } else if l.contains("juta") {
        1_000_000
    } else {
        1
    }
}

/// A unit (`Rp`, `Rp.`, `%`, `K`, `Rp (000)`) or a measure (`Keuangan`) under a header: it
/// says how the column is written, not what it holds.
fn satuan_label(l: &str) -> bool {
    let inti: String = l
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '.' | ',' | ' ' | '0'))
        .collect();
    matches!(
        inti.as_str(),
        "rp" | "k"
            | "%"
            | "rupiah"
            | "ribuan"
            | "ribuanrupiah"
            | "rpribuan"
            | "juta"
            | "jutaan"
            | "jutarupiah"
            | "rpjuta"
            | "keuangan"
            | "kinerja"
            | "nilai"
    )
}

fn label_total(l: &str) -> bool {
    matches!(
        l,
        "total" | "jumlah" | "jumlah total" | "total belanja" | "jumlah belanja"
    )
}

/// Whether a row is a column-number row: `1 2 3 4 5 = 4/3*100 6 = 3 - 4`.
pub fn baris_nomor_kolom(sel: &[Isi]) -> bool {
    let mut n = 0;
    for isi in sel {
        let ok = match isi {
            Isi::Kosong => continue,
            Isi::Angka(f) => f.fract() == 0.0 && (1.0..=60.0).contains(f),
            Isi::Teks(t) => {
                let t = t.trim_start_matches('(').trim_end_matches(')');
                let angka: String = t.chars().take_while(char::is_ascii_digit).collect();
                let sisa = t[angka.len()..].trim_start();
                !angka.is_empty() && angka.len() <= 2 && (sisa.is_empty() || sisa.starts_with('='))
            }
            _ => false,
        };
        if !ok {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// Whether a row continues the header above it: only words, no numbers or codes, and either
/// several cells or a word the header vocabulary knows. A unit header row (`KELURAHAN
/// KANAAN`) is one cell of a name, so it is not.
pub(crate) fn lanjutan_kepala(sel: &[Isi]) -> bool {
    let mut n = 0;
    let mut dikenal = false;
    for isi in sel {
        match isi {
            Isi::Kosong => {}
            Isi::Teks(t) if t.is_empty() => {}
            Isi::Teks(t) => {
                if angka::baca_teks(t, JenisAngka::Rupiah).is_ok() || Kode::baca(t).is_some() {
                    return false;
                }
                let l = kecil(t);
                dikenal |= peran_label(t).is_some() || label_umum(&l) || label_total(&l);
                n += 1;
            }
            _ => return false,
        }
    }
    n >= 2 || (n == 1 && dikenal)
}

/// Finds the header of a realisasi table: a row naming the uraian column, with the pagu and
/// realisasi columns named in it or in the (up to three) rows under it.
pub fn cari(grid: &Grid) -> Option<Kepala> {
    let lebar = grid.lebar();
    for (i, baris) in grid.baris.iter().enumerate() {
        if baris.r > BARIS_KEPALA_MAKS {
            break;
        }
        let ada_uraian = baris
            .sel
            .iter()
            .any(|isi| isi.teks().and_then(peran_label) == Some(Peran::Uraian));
        if !ada_uraian {
            continue;
        }
        let mut akhir = baris.r;
        // Up to four header rows: the monthly form has group, period, measure and unit rows.
        for lanjut in grid.baris[i + 1..].iter().take(3) {
            if lanjut.r != akhir + 1 || !lanjutan_kepala(&lanjut.sel) {
                break;
            }
            akhir = lanjut.r;
        }
        let kepala = susun(grid, baris.r, akhir, lebar);
        let punya = |p: Peran| kepala.kolom.iter().any(|k| k.peran == p);
        if punya(Peran::Pagu) && punya(Peran::Realisasi) {
            return Some(kepala);
        }
    }
    None
}

/// The header text a reader sees in each header cell, merged cells spread over the cells
/// they cover. Where the sheet's merges are known (xls) they are used; for xlsx, reading them
/// would cost a second pass over the whole sheet, so they are inferred the way a reader does:
/// a cell under a header that nothing below it continues is covered by that header
/// (`Uraian` over three rows), and a cell in a row above sub-headers belongs to the group
/// header on its left (`Kelompok Belanja` over `Operasi | Modal`).
pub(crate) fn teks_kepala(
    grid: &Grid,
    awal: u32,
    akhir: u32,
    lebar: u32,
) -> Vec<Vec<Option<String>>> {
    let baris: Vec<u32> = (awal..=akhir).collect();
    if !grid.gabungan.is_empty() {
        return baris
            .iter()
            .map(|&r| {
                (0..lebar)
                    .map(|c| Some(grid.teks_tampak(r, c)).filter(|t| !t.is_empty()))
                    .collect()
            })
            .collect();
    }
    let mentah = |r: u32, c: u32| {
        grid.sel(r, c)
            .teks()
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let mut teks: Vec<Vec<Option<String>>> = vec![vec![None; lebar as usize]; baris.len()];
    let mut turun = vec![vec![false; lebar as usize]; baris.len()];
    for (i, &r) in baris.iter().enumerate() {
        for c in 0..lebar {
            let k = c as usize;
            if let Some(t) = mentah(r, c) {
                teks[i][k] = Some(t);
                turun[i][k] = true;
            } else if i > 0 && turun[i - 1][k] && teks[i - 1][k].is_some() {
                teks[i][k] = teks[i - 1][k].clone();
                turun[i][k] = true;
            } else if baris[i + 1..].iter().any(|&b| mentah(b, c).is_some()) {
                teks[i][k] = (0..k).rev().find_map(|j| teks[i][j].clone());
            }
        }
    }
    teks
}

/// What a column's header path (top-down) makes of it.
enum Arti {
    Kolom(Kolom),
    /// An amount under a group that is no kelompok belanja (anggaran kas, a plan): unused.
    Asing(String),
    /// No role (PPTK, Keterangan).
    Tidak,
}

/// The column a header path names. The role is named by the lowest header cell that names
/// one (`Fisik › %` is fisik, not a percentage of realisasi); every other cell must be a
/// word the budget forms use above amounts: a generic group (`Kelompok Belanja`), TOTAL, a
/// kelompok belanja (`Operasi`), a part of the year (`s.d. Bulan Ini`), a unit (`Rp`, `%`,
/// `Rp (000)`) or another role (`Realisasi Pelaksanaan Anggaran`). Anything else
/// (`AKAS s.d. Juni`) means the amounts below it are something else, and adding them into
/// the kelompok would make every total look wrong.
fn arti_kolom(c: u32, jalur: &[String]) -> Arti {
    let label = jalur.join(" › ");
    let Some((i, mut peran)) = jalur
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, t)| peran_label(t).map(|p| (i, p)))
    else {
        return if jalur.iter().any(|t| anggaran_kas(&kecil(t))) {
            Arti::Asing(label)
        } else {
            Arti::Tidak
        };
    };
    if matches!(peran, Peran::Kode | Peran::Uraian | Peran::Nomor) {
        return Arti::Kolom(Kolom {
            c,
            peran,
            kelompok: None,
            periode: None,
            skala: 1,
            label,
        });
    }
    let mut kelompok = None;
    let mut total = false;
    let mut periode = periode_label(&kecil(&jalur[i]));
    let mut skala = skala_label(&kecil(&jalur[i]));
    for (j, t) in jalur.iter().enumerate().filter(|&(j, _)| j != i) {
        let l = kecil(t);
        skala = skala.max(skala_label(&l));
        match peran_label(t) {
            // `Fisik › %`: the percentage is the fisik one.
            Some(p @ (Peran::Fisik | Peran::Efisiensi)) if peran == Peran::Persen && j < i => {
                peran = p
            }
            Some(_) => {}
            None if anggaran_kas(&l) => return Arti::Asing(label),
            None if label_total(&l) => total = true,
            None if kelompok_belanja(&l) => kelompok = Some(t.clone()),
            None if label_umum(&l) || satuan_label(&l) => {}
            None => match periode_label(&l) {
                Some(p) => periode = Some(p),
                None => return Arti::Asing(label),
            },
        }
    }
    // A pagu is for the whole year; a pagu `s.d. Juni` is a plan.
    if peran == Peran::Pagu && periode.is_some() {
        return Arti::Asing(label);
    }
    if !matches!(peran, Peran::Pagu | Peran::Realisasi | Peran::Sisa) {
        skala = 1;
    }
    Arti::Kolom(Kolom {
        c,
        peran,
        kelompok: if total { None } else { kelompok },
        periode,
        skala,
        label,
    })
}

fn susun(grid: &Grid, awal: u32, akhir: u32, lebar: u32) -> Kepala {
    let mut kolom = Vec::new();
    let mut asing: Vec<(u32, String)> = Vec::new();
    let mut semua_teks = Vec::new();
    let tampak = teks_kepala(grid, awal, akhir, lebar);
    for c in 0..lebar {
        let mut jalur: Vec<String> = Vec::new();
        for baris in &tampak {
            if let Some(t) = &baris[c as usize]
                && jalur.last() != Some(t)
            {
                jalur.push(t.clone());
            }
        }
        if jalur.is_empty() {
            continue;
        }
        semua_teks.extend(jalur.iter().map(|t| kecil(t)));
        match arti_kolom(c, &jalur) {
            Arti::Kolom(k) => kolom.push(k),
            Arti::Asing(label) => asing.push((c, label)),
            Arti::Tidak => {}
        }
    }
    // A `Kode` header written over the first of several code columns without being merged
    // across them: the unlabelled columns between it and the uraian column hold codes too.
    if let (Some(k), Some(u)) = (
        kolom.iter().find(|k| k.peran == Peran::Kode).map(|k| k.c),
        kolom.iter().find(|k| k.peran == Peran::Uraian).map(|k| k.c),
    ) {
        for c in k + 1..u {
            if !kolom.iter().any(|x| x.c == c) {
                kolom.push(Kolom {
                    c,
                    peran: Peran::Kode,
                    kelompok: None,
                    periode: None,
                    skala: 1,
                    label: "Kode".to_string(),
                });
            }
        }
        kolom.sort_by_key(|x| x.c);
    }
    let baris_nomor = grid
        .baris
        .iter()
        .find(|b| b.r == akhir + 1)
        .filter(|b| baris_nomor_kolom(&b.sel))
        .map(|b| b.r);
    semua_teks.sort();
    semua_teks.dedup();
    let mut catatan = pilih_kumulatif(&mut kolom);
    catatan.extend(catatan_skala(&kolom));
    if let Some(&(c, _)) = asing.first() {
        let daftar: Vec<String> = asing
            .iter()
            .map(|(c, label)| format!("{} ('{label}')", huruf_kolom(*c)))
            .collect();
        catatan.push(Catatan {
            c,
            kode: "KOLOM_BUKAN_KELOMPOK",
            pesan: format!(
                "kolom {} tidak dikenali sebagai kelompok belanja; tidak dipakai",
                daftar.join(", ")
            ),
        });
    }
    Kepala {
        awal,
        akhir,
        baris_nomor,
        kolom,
        teks: semua_teks,
        catatan,
    }
}

/// The role's name in messages.
fn nama_peran(p: Peran) -> &'static str {
    match p {
        Peran::Pagu => "pagu",
        Peran::Realisasi => "realisasi",
        Peran::Persen => "% realisasi",
        Peran::Sisa => "sisa",
        Peran::Fisik => "realisasi fisik",
        Peran::Efisiensi => "efisiensi",
        Peran::Bobot => "bobot",
        Peran::Kode | Peran::Uraian | Peran::Nomor => "",
    }
}

/// Where a role has columns for several parts of the year, the table uses the year to date
/// (`s.d. Bulan Ini`): the others keep their period, so that the reader holds them apart
/// and the check can add bulan lalu and bulan ini up to it. The choice is said once per role.
fn pilih_kumulatif(kolom: &mut [Kolom]) -> Vec<Catatan> {
    let mut catatan = Vec::new();
    let peran: Vec<Peran> = kolom
        .iter()
        .filter(|k| k.kelompok.is_none() && k.periode.is_some())
        .map(|k| k.peran)
        .collect();
    let mut sudah = Vec::new();
    for p in peran {
        if sudah.contains(&p) {
            continue;
        }
        sudah.push(p);
        let mut berperan = kolom
            .iter_mut()
            .filter(|k| k.peran == p && k.kelompok.is_none());
        let Some(pakai) = berperan.find(|k| k.periode == Some(Periode::Kumulatif)) else {
            // No year-to-date column: the role's own (unmarked) column if there is one, else
            // the first period column is used, and said, rather than no value at all.
            if kolom
                .iter()
                .any(|k| k.peran == p && k.kelompok.is_none() && k.periode.is_none())
            {
                continue;
            }
            let Some(k) = kolom
                .iter_mut()
                .find(|k| k.peran == p && k.kelompok.is_none())
            else {
                continue;
            };
            k.periode = None;
            catatan.push(Catatan {
                c: k.c,
                kode: "KOLOM_KUMULATIF",
                pesan: format!(
                    "tidak ada kolom {} s.d. bulan ini (kumulatif); dipakai kolom {} '{}'. Periksa bahwa angkanya angka tahun berjalan",
                    nama_peran(p),
                    huruf_kolom(k.c),
                    k.label
                ),
            });
            continue;
        };
        // The cumulative column is the role's own; a second one is the first's copy.
        pakai.periode = None;
        let (c, label) = (pakai.c, pakai.label.clone());
        let lain: Vec<String> = kolom
            .iter()
            .filter(|k| k.peran == p && k.kelompok.is_none() && k.periode.is_some())
            .map(|k| huruf_kolom(k.c))
            .collect();
        if lain.is_empty() {
            continue;
        }
        catatan.push(Catatan {
            c,
            kode: "KOLOM_KUMULATIF",
            pesan: format!(
                "{} diambil dari kolom {} '{label}' (s.d. bulan ini, kumulatif); kolom {} (bulan lalu, bulan ini) tidak dijumlahkan, hanya diperiksa",
                nama_peran(p),
                huruf_kolom(c),
                lain.join(", ")
            ),
        });
    }
    catatan
}

/// Amounts written in thousands (or millions) are read multiplied; the user is told once.
fn catatan_skala(kolom: &[Kolom]) -> Option<Catatan> {
    let berskala: Vec<&Kolom> = kolom.iter().filter(|k| k.skala > 1).collect();
    let pertama = berskala.first()?;
    let daftar: Vec<String> = berskala
        .iter()
        .map(|k| {
            format!(
                "{} ('{}', ×{})",
                huruf_kolom(k.c),
                k.label,
                tulis_skala(k.skala)
            )
        })
        .collect();
    Some(Catatan {
        c: pertama.c,
        kode: "SKALA_RIBUAN",
        pesan: format!(
            "angka kolom {} ditulis dalam ribuan/jutaan rupiah; dibaca dikalikan sesuai satuannya",
            daftar.join(", ")
        ),
    })
}

fn tulis_skala(skala: u32) -> &'static str {
    if skala == 1_000_000 {
        "1.000.000"
    } else {
        "1.000"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sinonim_kolom() {
        assert_eq!(peran_label("Kode Rekening"), Some(Peran::Kode));
        assert_eq!(
            peran_label("Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan"),
            Some(Peran::Uraian)
        );
        assert_eq!(
            peran_label("Program, Kegiatan, dan Sub Kegiatan"),
            Some(Peran::Uraian)
        );
        assert_eq!(
            peran_label("Pagu Anggaran Perubahan APBD-2"),
            Some(Peran::Pagu)
        );
        assert_eq!(peran_label("Anggaran Setelah Perubahan"), Some(Peran::Pagu));
        assert_eq!(peran_label("Realisasi (Rp)"), Some(Peran::Realisasi));
        assert_eq!(peran_label("Realisasi Keuangan"), Some(Peran::Realisasi));
        assert_eq!(peran_label("Realisasi Fisik (%)"), Some(Peran::Fisik));
        assert_eq!(
            peran_label("Efisiensi Anggaran (%)"),
            Some(Peran::Efisiensi)
        );
        assert_eq!(peran_label("% SISA"), Some(Peran::Efisiensi));
        assert_eq!(peran_label("%"), Some(Peran::Persen));
        assert_eq!(peran_label("SISA"), Some(Peran::Sisa));
        assert_eq!(peran_label("Sisa Anggaran"), Some(Peran::Sisa));
        assert_eq!(peran_label("PPTK"), None);
        assert_eq!(peran_label("ALASAN"), None);
    }

    fn grid(baris: &[(u32, &[&str])]) -> Grid {
        Grid {
            berkas: "uji.xlsx".into(),
            lembar: "DPA".into(),
            baris: baris
                .iter()
                .map(|(r, sel)| crate::sheet::Baris {
                    r: *r,
                    sel: sel
                        .iter()
                        .map(|t| {
                            if t.is_empty() {
                                Isi::Kosong
                            } else {
                                Isi::Teks(t.to_string())
                            }
                        })
                        .collect(),
                })
                .collect(),
            gabungan: Vec::new(),
        }
    }

    /// SIPD's three header rows with merged cells, as an xlsx reader sees them without the
    /// merges: only the top-left cell of each merge holds text (sheet DPA of
    /// shared/real/sumenep-dinkes-realisasi-2024.xlsx, rows 6–9).
    #[test]
    fn kepala_sipd_tanpa_info_gabungan() {
        let g = grid(&[
            (0, &["DINAS KESEHATAN"]),
            (
                5,
                &[
                    "Kode",
                    "",
                    "",
                    "",
                    "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan",
                    "Kelompok Belanja",
                    "",
                    "",
                    "",
                    "TOTAL",
                    "",
                    "",
                    "",
                    "",
                    "PPTK",
                ],
            ),
            (6, &["", "", "", "", "", "Operasi", "", "Modal", ""]),
            (
                7,
                &[
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Anggaran",
                    "Realisasi",
                    "Anggaran",
                    "Realisasi",
                    "Anggaran",
                    "Realisasi",
                    "%",
                    "SISA",
                    "% SISA",
                ],
            ),
            (
                8,
                &[
                    "1", "", "", "", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                ],
            ),
        ]);
        let k = cari(&g).expect("kepala ditemukan");
        assert_eq!((k.awal, k.akhir, k.baris_nomor), (5, 7, Some(8)));
        let peran = |c: u32| {
            k.kolom
                .iter()
                .find(|x| x.c == c)
                .map(|x| (x.peran, x.kelompok.clone()))
        };
        for c in 0..4 {
            assert_eq!(peran(c), Some((Peran::Kode, None)), "kolom {c}");
        }
        assert_eq!(peran(4), Some((Peran::Uraian, None)));
        assert_eq!(peran(5), Some((Peran::Pagu, Some("Operasi".into()))));
        assert_eq!(peran(6), Some((Peran::Realisasi, Some("Operasi".into()))));
        assert_eq!(peran(7), Some((Peran::Pagu, Some("Modal".into()))));
        assert_eq!(peran(8), Some((Peran::Realisasi, Some("Modal".into()))));
        assert_eq!(peran(9), Some((Peran::Pagu, None)));
        assert_eq!(peran(10), Some((Peran::Realisasi, None)));
        assert_eq!(peran(11), Some((Peran::Persen, None)));
        assert_eq!(peran(12), Some((Peran::Sisa, None)));
        assert_eq!(peran(13), Some((Peran::Efisiensi, None)));
        assert_eq!(peran(14), None, "PPTK diabaikan");
    }

    fn arti(jalur: &[&str]) -> Option<(Peran, Option<String>, Option<Periode>, u32)> {
        let jalur: Vec<String> = jalur.iter().map(|t| t.to_string()).collect();
        match arti_kolom(0, &jalur) {
            Arti::Kolom(k) => Some((k.peran, k.kelompok, k.periode, k.skala)),
            Arti::Asing(_) | Arti::Tidak => None,
        }
    }

    #[test]
    fn hanya_kelompok_belanja_yang_menjadi_kelompok() {
        let op = Some("Belanja Operasi".to_string());
        assert_eq!(
            arti(&["Kelompok Belanja", "Belanja Operasi", "Anggaran"]),
            Some((Peran::Pagu, op, None, 1))
        );
        assert_eq!(
            arti(&["Jenis Belanja", "Belanja Tidak Terduga (BTT)", "Realisasi"]).map(|a| a.1),
            Some(Some("Belanja Tidak Terduga (BTT)".to_string()))
        );
        assert_eq!(
            arti(&["Kelompok Belanja", "Barang dan Jasa", "Realisasi"]).map(|a| a.1),
            Some(Some("Barang dan Jasa".to_string()))
        );
        assert_eq!(
            arti(&["Kelompok Belanja", "TOTAL", "%"]),
            Some((Peran::Persen, None, None, 1))
        );
        // Anggaran kas and other amounts under the group: not a kelompok, not used.
        for jalur in [
            &["Kelompok Belanja", "Anggaran Kas s.d. Juni", "Anggaran"][..],
            &["Kelompok Belanja", "AKAS", "%"],
            &["Kelompok Belanja", "Rencana Bulan Juni", "Realisasi"],
            &["Anggaran Kas s.d. Juni"],
            &["APBD Murni", "Anggaran"],
            &["Pagu s.d. Juni"],
        ] {
            assert!(
                matches!(
                    arti_kolom(0, &jalur.iter().map(|t| t.to_string()).collect::<Vec<_>>()),
                    Arti::Asing(_)
                ),
                "{jalur:?}"
            );
        }
    }

    #[test]
    fn periode_satuan_dan_skala() {
        let r = "Realisasi Pelaksanaan Anggaran";
        assert_eq!(
            arti(&[r, "Bulan Lalu", "Keuangan", "Rp"]),
            Some((Peran::Realisasi, None, Some(Periode::Lalu), 1))
        );
        assert_eq!(
            arti(&[r, "s/d Bulan Ini", "Keuangan", "Rp. (000)"]),
            Some((Peran::Realisasi, None, Some(Periode::Kumulatif), 1_000))
        );
        assert_eq!(
            arti(&[r, "Bulan Ini", "Fisik", "%"]),
            Some((Peran::Fisik, None, Some(Periode::Ini), 1))
        );
        assert_eq!(
            arti(&["Realisasi s.d. Triwulan III"]),
            Some((Peran::Realisasi, None, Some(Periode::Kumulatif), 1))
        );
        assert_eq!(
            arti(&["Jumlah Anggaran (Ribuan Rupiah)"]),
            Some((Peran::Pagu, None, None, 1_000))
        );
        assert_eq!(
            arti(&["Pagu (Juta Rupiah)"]),
            Some((Peran::Pagu, None, None, 1_000_000))
        );
        // A percentage is not scaled.
        assert_eq!(
            arti(&[r, "Bulan Ini", "Keuangan", "%"]),
            Some((Peran::Persen, None, Some(Periode::Ini), 1))
        );
        assert_eq!(arti(&["Bobot (%)"]), Some((Peran::Bobot, None, None, 1)));
    }

    #[test]
    fn kolom_kumulatif_dipilih_dan_disebut() {
        let kolom = |c: u32, peran: Peran, periode: Option<Periode>| Kolom {
            c,
            peran,
            kelompok: None,
            periode,
            skala: 1,
            label: format!("k{c}"),
        };
        let mut k = vec![
            kolom(4, Peran::Realisasi, Some(Periode::Lalu)),
            kolom(7, Peran::Realisasi, Some(Periode::Ini)),
            kolom(10, Peran::Realisasi, Some(Periode::Kumulatif)),
        ];
        let catatan = pilih_kumulatif(&mut k);
        assert_eq!(
            k[2].periode, None,
            "kolom kumulatif menjadi kolom realisasi"
        );
        assert_eq!(k[0].periode, Some(Periode::Lalu));
        assert_eq!(catatan.len(), 1);
        assert_eq!(catatan[0].c, 10);
        assert!(
            catatan[0].pesan.contains("kolom E, H"),
            "{}",
            catatan[0].pesan
        );
        // Only a month's column: used, and said.
        let mut k = vec![kolom(7, Peran::Realisasi, Some(Periode::Ini))];
        let catatan = pilih_kumulatif(&mut k);
        assert_eq!(k[0].periode, None);
        assert!(
            catatan[0]
                .pesan
                .starts_with("tidak ada kolom realisasi s.d. bulan ini")
        );
    }

    #[test]
    fn kepala_satu_baris_tanpa_baris_nomor() {
        let g = grid(&[
            (0, &["Tabel 16 Efisiensi Penggunaan Anggaran"]),
            (
                2,
                &[
                    "Program, Kegiatan, dan Sub Kegiatan",
                    "Pagu Anggaran",
                    "Realisasi Keuangan",
                    "%",
                    "Realisasi Fisik (%)",
                    "Sisa Anggaran",
                    "Efisiensi Anggaran (%)",
                ],
            ),
            (3, &["KECAMATAN BONTANG BARAT"]),
        ]);
        let k = cari(&g).unwrap();
        assert_eq!((k.awal, k.akhir, k.baris_nomor), (2, 2, None));
        assert_eq!(k.kolom.len(), 7);
    }

    #[test]
    fn tanpa_kepala() {
        let g = grid(&[(0, &["Nama", "Alamat"]), (1, &["Ani", "Bontang"])]);
        assert!(cari(&g).is_none());
    }

    #[test]
    fn baris_nomor() {
        let t = |s: &str| Isi::Teks(s.to_string());
        assert!(baris_nomor_kolom(&[
            t("1"),
            t("2"),
            t("3"),
            t("4"),
            t("5 = 4/3*100"),
            t("6 = 3 - 4")
        ]));
        assert!(baris_nomor_kolom(&[
            Isi::Angka(1.0),
            Isi::Kosong,
            Isi::Angka(2.0)
        ]));
        assert!(!baris_nomor_kolom(&[
            t("7"),
            t("UNSUR KEWILAYAHAN"),
            Isi::Angka(3.0e10)
        ]));
    }
}
