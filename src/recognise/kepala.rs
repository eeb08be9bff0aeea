//! Kepala tabel: finding the header rows of a table by what they say, not where they are.
//!
//! Staff sheets have title rows above the table, one to three header rows with merged cells,
//! sometimes a column-number row (`1 2 3 … 5 = 4/3*100`), columns in any order and extra
//! columns (PPTK, ALASAN). Each column's role comes from its header text, read top-down
//! through the merged cells: `Kelompok Belanja › Operasi › Anggaran` is the pagu of the
//! kelompok Operasi, `TOTAL › Realisasi` the realisasi.

use crate::angka::{self, JenisAngka};
use crate::kode::Kode;
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
}

impl Peran {
    pub fn jenis_angka(self) -> JenisAngka {
        match self {
            Peran::Pagu | Peran::Realisasi | Peran::Sisa => JenisAngka::Rupiah,
            _ => JenisAngka::Persen,
        }
    }
}

/// A recognised column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kolom {
    pub c: u32,
    pub peran: Peran,
    /// The kelompok belanja the column belongs to (`Operasi`, `Modal`); `None` for the
    /// table's own (or TOTAL) column.
    pub kelompok: Option<String>,
    /// The header text as the user wrote it, for messages.
    pub label: String,
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
    if mulai(&["kode", "no. rek", "no rek", "nomor rek"]) {
        Some(Peran::Kode)
    } else if mulai(&["uraian", "program", "nama program", "nama kegiatan"]) {
        Some(Peran::Uraian)
    } else if matches!(l, "no" | "no." | "nomor" | "no urut" | "no. urut") {
        Some(Peran::Nomor)
    } else if l.contains("fisik") {
        Some(Peran::Fisik)
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

/// Words above the amount columns that group them without naming a kelompok.
fn label_umum(l: &str) -> bool {
    matches!(
        l,
        "kelompok belanja" | "jenis belanja" | "belanja" | "kelompok" | "rincian" | "jumlah (rp)"
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
fn lanjutan_kepala(sel: &[Isi]) -> bool {
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
/// realisasi columns named in it or in the (up to two) rows under it.
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
        for lanjut in grid.baris[i + 1..].iter().take(2) {
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
fn teks_kepala(grid: &Grid, awal: u32, akhir: u32, lebar: u32) -> Vec<Vec<Option<String>>> {
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

fn susun(grid: &Grid, awal: u32, akhir: u32, lebar: u32) -> Kepala {
    let mut kolom = Vec::new();
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
        // The role is named by the lowest header cell that names one; the kelompok by the
        // nearest other cell that is neither a generic word nor TOTAL.
        let Some((i, peran)) = jalur
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, t)| peran_label(t).map(|p| (i, p)))
        else {
            continue;
        };
        let kelompok = if matches!(peran, Peran::Kode | Peran::Uraian | Peran::Nomor) {
            None
        } else {
            let lain: Vec<&String> = jalur
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, t)| t)
                .collect();
            if lain.iter().any(|t| label_total(&kecil(t))) {
                None
            } else {
                lain.iter()
                    .rev()
                    .find(|t| !label_umum(&kecil(t)) && peran_label(t).is_none())
                    .map(|t| t.to_string())
            }
        };
        kolom.push(Kolom {
            c,
            peran,
            kelompok,
            label: jalur.join(" › "),
        });
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
    Kepala {
        awal,
        akhir,
        baris_nomor,
        kolom,
        teks: semua_teks,
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
