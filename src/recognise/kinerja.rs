//! Kinerja: the sheets of a kinerja workbook (`templates/README.md`) into [`LembarKinerja`].
//!
//! No official form exists for these data, so lkjip defines one (`formulir`) and reads it
//! tolerantly: a sheet is known by its column titles, not its name; titles are matched by
//! synonyms (`Indikator Kinerja Utama (IKU)`, `Penjelasan/Form Perhitungan`, `Kondisi Kinerja
//! pada akhir periode RPJMD`), in any order, beside extra columns, over one or two header
//! rows (a merged `Realisasi Kinerja` over `Nilai | Satuan`); numbers may be typed as text
//! (`87,40`, `100%`); `n/a` means not measured and stays so.

use super::pk::pisah_target;
use crate::angka;
use crate::compute::kinerja::Polaritas;
use crate::model::Alamat;
use crate::model::kinerja::{
    Asal, BagianKinerja, BarisPeta, BarisProgramKinerja, BarisTahunan, BarisTriwulan, Iku,
    LembarKinerja, Ukur, Ukuran,
};
use crate::model::pk::Teks;
use crate::sheet::{Grid, Isi, rapikan};
use crate::temuan::{Temuan, Tingkat};

/// What a kinerja column holds, by its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peran {
    Nomor,
    Sasaran,
    Indikator,
    IndikatorPermendagri,
    Satuan,
    SatuanRealisasi,
    Polaritas,
    Kumulatif,
    Formula,
    SumberData,
    PenanggungJawab,
    KondisiAwal,
    TargetAkhir,
    Tahun,
    Triwulan,
    Target,
    Realisasi,
    Keterangan,
    Unit,
    Kode,
    /// `Program`, `Program / Kegiatan / Sub Kegiatan`, `Uraian`.
    Uraian,
    /// An amount column: a sheet with one is a budget table, not a kinerja sheet.
    Anggaran,
}

/// The role a column title names, by synonyms. The titles `formulir` writes are among them.
pub fn peran(label: &str) -> Option<Peran> {
    let l = rapikan(label).to_lowercase();
    let l = l.trim_end_matches([':', '.', '*']).trim();
    let mulai = |awalan: &[&str]| awalan.iter().any(|a| l.starts_with(a));
    let ada = |isi: &[&str]| isi.iter().any(|a| l.contains(a));
    Some(if matches!(l, "no" | "nomor" | "no urut") {
        Peran::Nomor
    } else if mulai(&["indikator"]) && ada(&["permendagri", "kepmendagri", "nomenklatur"]) {
        Peran::IndikatorPermendagri
    } else if mulai(&["indikator", "iku"]) {
        Peran::Indikator
    } else if mulai(&["sasaran"]) {
        Peran::Sasaran
    } else if mulai(&["satuan realisasi", "sat. realisasi"]) {
        Peran::SatuanRealisasi
    } else if mulai(&["satuan"]) || l == "sat" {
        Peran::Satuan
    } else if mulai(&["polaritas", "arah"]) {
        Peran::Polaritas
    } else if mulai(&["kumulatif", "akumulatif", "akumulasi"]) {
        Peran::Kumulatif
    } else if ada(&["penanggung jawab", "penanggungjawab"]) || l == "pj" {
        Peran::PenanggungJawab
    } else if mulai(&[
        "formula",
        "penjelasan",
        "cara perhitungan",
        "rumus",
        "definisi",
    ]) {
        Peran::Formula
    } else if mulai(&["sumber data"]) {
        Peran::SumberData
    } else if mulai(&["kondisi awal", "kondisi kinerja pada awal", "baseline"]) {
        Peran::KondisiAwal
    } else if mulai(&[
        "target akhir",
        "kondisi akhir",
        "kondisi kinerja pada akhir",
    ]) {
        Peran::TargetAkhir
    } else if matches!(l, "tahun" | "tahun anggaran" | "thn") {
        Peran::Tahun
    } else if matches!(l, "triwulan" | "tw" | "triwulan ke") {
        Peran::Triwulan
    } else if mulai(&["target"]) {
        Peran::Target
    } else if mulai(&["realisasi"]) {
        Peran::Realisasi
    } else if mulai(&["ket", "catatan"]) {
        Peran::Keterangan
    } else if mulai(&["unit", "perangkat daerah", "organisasi", "sub unit"]) {
        Peran::Unit
    } else if mulai(&["kode"]) {
        Peran::Kode
    } else if mulai(&["program", "kegiatan", "sub kegiatan", "uraian"]) {
        Peran::Uraian
    } else if mulai(&["anggaran", "pagu", "alokasi"]) {
        Peran::Anggaran
    } else {
        return None;
    })
}

/// The kinds of sheet, told from the roles of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Jenis {
    Iku,
    Tahunan,
    Triwulan,
    Program,
    Peta,
}

fn jenis(kolom: &[(u32, Peran)]) -> Option<Jenis> {
    let ada = |p| kolom.iter().any(|k| k.1 == p);
    if ada(Peran::Anggaran) {
        return None;
    }
    if ada(Peran::Indikator) {
        if ada(Peran::Tahun) {
            Some(Jenis::Tahunan)
        } else if ada(Peran::Triwulan) {
            Some(Jenis::Triwulan)
        } else if ada(Peran::Uraian) || ada(Peran::Kode) {
            Some(Jenis::Program)
        } else if [
            Peran::Polaritas,
            Peran::Kumulatif,
            Peran::Formula,
            Peran::SumberData,
            Peran::KondisiAwal,
            Peran::TargetAkhir,
        ]
        .into_iter()
        .any(ada)
        {
            Some(Jenis::Iku)
        } else {
            None
        }
    } else if ada(Peran::Sasaran) && ada(Peran::Uraian) {
        Some(Jenis::Peta)
    } else {
        None
    }
}

/// A recognised header: its last row, its columns and the sheet kind.
#[derive(Debug, Clone)]
pub struct Kepala {
    r_akhir: u32,
    kolom: Vec<(u32, Peran)>,
    jenis: Jenis,
}

/// Rows a header may start in.
const BARIS_KEPALA_MAKS: u32 = 15;

fn hanya_kata(grid: &Grid, r: u32) -> bool {
    let Some(b) = grid.baris.iter().find(|b| b.r == r) else {
        return false;
    };
    b.sel
        .iter()
        .all(|i| matches!(i, Isi::Kosong | Isi::Teks(_)))
        && b.sel.iter().any(|i| !i.kosong())
}

/// The roles of a header on row `r`, with the row under it when that row continues it
/// (only words, and at least one of them a title): the lower title decides, read in the
/// light of the one above (`Realisasi Kinerja` over `Satuan` is the realisasi's satuan).
fn peran_kolom(grid: &Grid, r: u32, dua_baris: bool) -> Vec<(u32, Peran)> {
    let mut kolom: Vec<(u32, Peran)> = Vec::new();
    for c in 0..grid.lebar().min(crate::sheet::KOLOM_MAKS) {
        let atas = grid.teks_tampak(r, c);
        let bawah = if dua_baris {
            let b = grid.teks_tampak(r + 1, c);
            if b == atas { String::new() } else { b }
        } else {
            String::new()
        };
        let p = match (peran(&atas), peran(&bawah)) {
            (Some(Peran::Realisasi), Some(Peran::Satuan)) => Some(Peran::SatuanRealisasi),
            (_, Some(b)) => Some(b),
            (a, None) => a,
        };
        if let Some(p) = p
            && !kolom.iter().any(|k| k.1 == p)
        {
            kolom.push((c, p));
        }
    }
    kolom
}

/// The header of a kinerja sheet in its first rows, if it is one: a row naming the
/// indikator with the columns of one of the five sheets (and no amount column).
pub fn cari_kepala(grid: &Grid) -> Option<Kepala> {
    // A PK lampiran (seed 000 writes its sasaran table with the IKU's `Penjelasan Formulasi`
    // and `Sumber Data` columns) is the PK reader's.
    let judul_pk = grid
        .baris
        .iter()
        .take_while(|b| b.r <= BARIS_KEPALA_MAKS)
        .any(|b| {
            b.sel
                .iter()
                .filter_map(Isi::teks)
                .any(|t| t.to_lowercase().contains("perjanjian kinerja"))
        });
    if judul_pk {
        return None;
    }
    for b in grid.baris.iter().take_while(|b| b.r <= BARIS_KEPALA_MAKS) {
        if !hanya_kata(grid, b.r) {
            continue;
        }
        let satu = peran_kolom(grid, b.r, false);
        let Some(j) = jenis(&satu) else { continue };
        // A second header row adds roles (a merged group over its columns).
        if hanya_kata(grid, b.r + 1) {
            let dua = peran_kolom(grid, b.r, true);
            let baru = dua
                .iter()
                .filter(|k| !satu.iter().any(|s| s.1 == k.1))
                .count();
            if baru > 0 && jenis(&dua) == Some(j) {
                return Some(Kepala {
                    r_akhir: b.r + 1,
                    kolom: dua,
                    jenis: j,
                });
            }
        }
        return Some(Kepala {
            r_akhir: b.r,
            kolom: satu,
            jenis: j,
        });
    }
    None
}

/// What reading a sheet as a kinerja sheet gave.
pub enum Hasil {
    Lembar(LembarKinerja, Vec<Temuan>),
    /// The header and no data: a blank form.
    Kosong {
        baris_kepala: u32,
        nama: &'static str,
    },
}

struct Pembaca<'a> {
    grid: &'a Grid,
    asal: Asal,
    temuan: Vec<Temuan>,
}

/// Text for `n/a`: not measured.
fn tidak_diukur(t: &str) -> bool {
    matches!(
        t.to_lowercase().trim(),
        "n/a" | "na" | "n.a" | "n.a." | "#n/a" | "-" | "–" | "—" | "tidak diukur" | "belum diukur"
    )
}

impl Pembaca<'_> {
    fn galat(&mut self, sel: Alamat, kode: &'static str, pesan: String) {
        self.temuan.push(Temuan::baru(
            Tingkat::Galat,
            kode,
            self.asal.sumber(sel),
            pesan,
        ));
    }

    fn teks(&self, r: u32, c: Option<u32>) -> Option<Teks> {
        let c = c?;
        let isi = match self.grid.sel(r, c) {
            Isi::Teks(t) => rapikan(t),
            Isi::Angka(f) => angka::teks_f64(*f),
            _ => return None,
        };
        (!isi.is_empty()).then_some(Teks {
            isi,
            sel: Alamat { r, c },
        })
    }

    /// A kinerja value: a number (cell or text, with or without its unit), `n/a`, or empty.
    fn ukur(&mut self, r: u32, c: Option<u32>) -> Option<Ukur> {
        let c = c?;
        let sel = Alamat { r, c };
        let ukuran = match self.grid.sel(r, c) {
            Isi::Kosong => return None,
            Isi::Angka(f) => match angka::dari_f64(*f) {
                Ok(a) => Ukuran::Angka(a.nilai),
                Err(e) => {
                    self.galat(sel, "ANGKA_TIDAK_TERBACA", format!("{e}"));
                    return None;
                }
            },
            Isi::Teks(t) if t.trim().is_empty() => return None,
            Isi::Teks(t) if tidak_diukur(t) => Ukuran::TidakDiukur,
            Isi::Teks(t) => match pisah_target(t) {
                Some((a, _)) => Ukuran::Angka(a.nilai),
                None => {
                    self.galat(
                        sel,
                        "ANGKA_TIDAK_TERBACA",
                        format!(
                            "'{}' bukan angka; tulis angkanya (87,4 atau 100), atau n/a bila tidak diukur",
                            rapikan(t)
                        ),
                    );
                    return None;
                }
            },
            Isi::RumusTanpaHasil => {
                self.galat(
                    sel,
                    "RUMUS_TANPA_HASIL",
                    "rumus tanpa hasil tersimpan; buka dan simpan ulang berkasnya di Excel atau LibreOffice".to_string(),
                );
                return None;
            }
            Isi::GalatExcel(g) | Isi::Lain(g) => {
                self.galat(
                    sel,
                    "ANGKA_TIDAK_TERBACA",
                    format!("sel berisi {g}, bukan angka"),
                );
                return None;
            }
        };
        Some(Ukur { ukuran, sel })
    }

    fn polaritas(&mut self, t: Option<Teks>) -> Polaritas {
        let Some(t) = t else {
            return Polaritas::Naik;
        };
        match t.isi.to_lowercase().as_str() {
            "naik" | "positif" | "maksimal" | "maksimum" | "+" | "semakin tinggi semakin baik" => {
                Polaritas::Naik
            }
            "turun" | "negatif" | "minimal" | "minimum" | "semakin rendah semakin baik" => {
                Polaritas::Turun
            }
            _ => {
                self.galat(
                    t.sel,
                    "POLARITAS_TIDAK_DIKENAL",
                    format!(
                        "polaritas '{}' tidak dikenal; tulis naik (makin tinggi makin baik) atau turun (makin rendah makin baik)",
                        t.isi
                    ),
                );
                Polaritas::Naik
            }
        }
    }

    fn ya_tidak(&mut self, t: Option<Teks>) -> bool {
        let Some(t) = t else { return false };
        match t.isi.to_lowercase().as_str() {
            "ya" | "y" | "kumulatif" | "akumulatif" | "1" | "true" | "benar" => true,
            "tidak" | "t" | "bukan" | "0" | "false" | "salah" | "-" => false,
            _ => {
                self.galat(
                    t.sel,
                    "ISIAN_TIDAK_DIKENAL",
                    format!("'{}' tidak dikenal; tulis ya atau tidak", t.isi),
                );
                false
            }
        }
    }

    fn tahun(&mut self, t: &Teks) -> Option<i32> {
        let angka: String = t.isi.chars().filter(char::is_ascii_digit).collect();
        match angka.parse::<i32>() {
            Ok(n) if (1990..=2200).contains(&n) && angka.len() == 4 => Some(n),
            _ => {
                self.galat(
                    t.sel,
                    "TAHUN_TIDAK_TERBACA",
                    format!("'{}' bukan tahun; tulis tahunnya, mis. 2022", t.isi),
                );
                None
            }
        }
    }

    fn triwulan(&mut self, t: &Teks) -> Option<u8> {
        let l = t.isi.to_lowercase();
        let inti = l
            .trim_start_matches("triwulan")
            .trim_start_matches("tw")
            .trim_start_matches(['.', ' ', '-'])
            .trim();
        let n = match inti {
            "1" | "i" | "1.0" => 1,
            "2" | "ii" | "2.0" => 2,
            "3" | "iii" | "3.0" => 3,
            "4" | "iv" | "4.0" => 4,
            _ => {
                self.galat(
                    t.sel,
                    "TRIWULAN_TIDAK_TERBACA",
                    format!("'{}' bukan triwulan; tulis 1, 2, 3 atau 4", t.isi),
                );
                return None;
            }
        };
        Some(n)
    }
}

/// Reads a sheet under the header [`cari_kepala`] found.
pub fn kenali(grid: &Grid, kepala: Kepala) -> Hasil {
    let kol = |p: Peran| kepala.kolom.iter().find(|k| k.1 == p).map(|k| k.0);
    let mut p = Pembaca {
        grid,
        asal: Asal {
            berkas: grid.berkas.clone(),
            lembar: grid.lembar.clone(),
        },
        temuan: Vec::new(),
    };
    let dipakai: Vec<u32> = kepala.kolom.iter().map(|k| k.0).collect();
    let data: Vec<u32> = grid
        .baris
        .iter()
        .filter(|b| b.r > kepala.r_akhir)
        .filter(|b| !super::kepala::baris_nomor_kolom(&b.sel))
        .filter(|b| {
            dipakai
                .iter()
                .any(|&c| !b.sel.get(c as usize).is_none_or(Isi::kosong))
        })
        .map(|b| b.r)
        .collect();
    let bagian = match kepala.jenis {
        Jenis::Iku => {
            let mut v = Vec::new();
            let mut sasaran: Option<Teks> = None;
            for &r in &data {
                let Some(indikator) = p.teks(r, kol(Peran::Indikator)) else {
                    continue;
                };
                // A sasaran over several indikator is written once (or merged).
                if let Some(s) = p.teks(r, kol(Peran::Sasaran)) {
                    sasaran = Some(s);
                }
                let polaritas = p.teks(r, kol(Peran::Polaritas));
                let kumulatif = p.teks(r, kol(Peran::Kumulatif));
                v.push(Iku {
                    nomor: p.teks(r, kol(Peran::Nomor)).map(|t| t.isi),
                    sasaran: sasaran.clone(),
                    satuan: p.teks(r, kol(Peran::Satuan)),
                    polaritas: p.polaritas(polaritas),
                    kumulatif: p.ya_tidak(kumulatif),
                    formula: p.teks(r, kol(Peran::Formula)),
                    sumber_data: p.teks(r, kol(Peran::SumberData)),
                    penanggung_jawab: p.teks(r, kol(Peran::PenanggungJawab)),
                    kondisi_awal: p.ukur(r, kol(Peran::KondisiAwal)),
                    target_akhir: p.ukur(r, kol(Peran::TargetAkhir)),
                    indikator,
                });
            }
            BagianKinerja::Iku(v)
        }
        Jenis::Tahunan => {
            let mut v = Vec::new();
            let mut indikator: Option<Teks> = None;
            for &r in &data {
                if let Some(i) = p.teks(r, kol(Peran::Indikator)) {
                    indikator = Some(i);
                }
                let Some(t) = p.teks(r, kol(Peran::Tahun)) else {
                    continue;
                };
                let (Some(i), Some(tahun)) = (indikator.clone(), p.tahun(&t)) else {
                    continue;
                };
                v.push(BarisTahunan {
                    indikator: i,
                    tahun,
                    target: p.ukur(r, kol(Peran::Target)),
                    realisasi: p.ukur(r, kol(Peran::Realisasi)),
                });
            }
            BagianKinerja::Tahunan(v)
        }
        Jenis::Triwulan => {
            let mut v = Vec::new();
            let mut indikator: Option<Teks> = None;
            for &r in &data {
                if let Some(i) = p.teks(r, kol(Peran::Indikator)) {
                    indikator = Some(i);
                }
                let Some(t) = p.teks(r, kol(Peran::Triwulan)) else {
                    continue;
                };
                let (Some(i), Some(triwulan)) = (indikator.clone(), p.triwulan(&t)) else {
                    continue;
                };
                v.push(BarisTriwulan {
                    indikator: i,
                    triwulan,
                    target: p.ukur(r, kol(Peran::Target)),
                    realisasi: p.ukur(r, kol(Peran::Realisasi)),
                });
            }
            BagianKinerja::Triwulan(v)
        }
        Jenis::Program => {
            let mut v = Vec::new();
            let mut unit: Option<Teks> = None;
            for &r in &data {
                if let Some(u) = p.teks(r, kol(Peran::Unit)) {
                    unit = Some(u);
                }
                let Some(indikator) = p.teks(r, kol(Peran::Indikator)) else {
                    continue;
                };
                v.push(BarisProgramKinerja {
                    r,
                    unit: unit.clone(),
                    kode: p.teks(r, kol(Peran::Kode)),
                    uraian: p.teks(r, kol(Peran::Uraian)),
                    indikator,
                    permendagri: p.teks(r, kol(Peran::IndikatorPermendagri)),
                    target: p.ukur(r, kol(Peran::Target)),
                    satuan: p.teks(r, kol(Peran::Satuan)),
                    realisasi: p.ukur(r, kol(Peran::Realisasi)),
                    satuan_realisasi: p.teks(r, kol(Peran::SatuanRealisasi)),
                    penanggung_jawab: p.teks(r, kol(Peran::PenanggungJawab)),
                });
            }
            BagianKinerja::Program(v)
        }
        Jenis::Peta => {
            let mut v = Vec::new();
            let mut sasaran: Option<Teks> = None;
            for &r in &data {
                if let Some(s) = p.teks(r, kol(Peran::Sasaran)) {
                    sasaran = Some(s);
                }
                let (Some(s), Some(program)) = (sasaran.clone(), p.teks(r, kol(Peran::Uraian)))
                else {
                    continue;
                };
                v.push(BarisPeta {
                    sasaran: s,
                    unit: p.teks(r, kol(Peran::Unit)),
                    program,
                });
            }
            BagianKinerja::Peta(v)
        }
    };
    if bagian.jumlah() == 0 && p.temuan.is_empty() {
        return Hasil::Kosong {
            baris_kepala: kepala.r_akhir,
            nama: bagian.nama(),
        };
    }
    Hasil::Lembar(
        LembarKinerja {
            asal: p.asal,
            bagian,
        },
        p.temuan,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formulir::{JenisFormulir, formulir};

    #[test]
    fn setiap_judul_formulir_kinerja_dikenali() {
        let f = formulir(JenisFormulir::Kinerja, 2026);
        for l in &f.lembar {
            let kolom: Vec<(u32, Peran)> = l.tabel[0]
                .kolom
                .iter()
                .enumerate()
                .map(|(c, k)| {
                    let p =
                        peran(k.judul).unwrap_or_else(|| panic!("judul '{}' tak dikenal", k.judul));
                    (c as u32, p)
                })
                .collect();
            let mut unik = kolom.iter().map(|k| k.1).collect::<Vec<_>>();
            unik.dedup();
            assert_eq!(unik.len(), kolom.len(), "lembar {}: peran ganda", l.nama);
            let diharapkan = match l.nama {
                "IKU" => Jenis::Iku,
                "Tahunan" => Jenis::Tahunan,
                "Triwulan" => Jenis::Triwulan,
                "Program" => Jenis::Program,
                "Peta Anggaran" => Jenis::Peta,
                lain => panic!("lembar {lain}"),
            };
            assert_eq!(jenis(&kolom), Some(diharapkan), "lembar {}", l.nama);
        }
    }

    #[test]
    fn judul_seed_001_dikenali() {
        // Seed 001 Tabel 4, 5 and 17 headers.
        assert_eq!(peran("Indikator Kinerja Utama"), Some(Peran::Indikator));
        assert_eq!(
            peran("Indikator Kinerja Utama (IKU)"),
            Some(Peran::Indikator)
        );
        assert_eq!(peran("Penjelasan/Form Perhitungan"), Some(Peran::Formula));
        assert_eq!(
            peran("Kondisi Kinerja pada awal periode RPJMD"),
            Some(Peran::KondisiAwal)
        );
        assert_eq!(
            peran("Kondisi Kinerja pada akhir periode RPJMD"),
            Some(Peran::TargetAkhir)
        );
        assert_eq!(
            peran("Indikator Kinerja Program (outcome)/ Kegiatan (output) PERMENDAGRI"),
            Some(Peran::IndikatorPermendagri)
        );
        assert_eq!(
            peran("Unit Perangkat Daerah Penanggung Jawab"),
            Some(Peran::PenanggungJawab)
        );
        assert_eq!(peran("Program/Kegiatan"), Some(Peran::Uraian));
        // A PK's sasaran table is not an IKU sheet: it names no IKU column.
        let pk = [
            (0, Peran::Nomor),
            (1, Peran::Sasaran),
            (2, Peran::Indikator),
            (3, Peran::Satuan),
            (4, Peran::Target),
        ];
        assert_eq!(jenis(&pk), None);
    }

    #[test]
    fn nilai_tidak_diukur_bukan_nol() {
        assert!(tidak_diukur("n/a"));
        assert!(tidak_diukur(" N/A "));
        assert!(!tidak_diukur("0"));
    }
}
