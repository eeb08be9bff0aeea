//! Recognise: from a workbook's sheets to typed documents.
//!
//! A workbook may hold the same table more than once (`DPA`, `Sheet1`, `REKAP (2)`: versions
//! a user kept while working), parts of one budget (one sheet per organisation), and small
//! summaries. Versions are told apart from parts by the rows they share; one version is used
//! and the others are named, with the reason, so the user can pick another with `--lembar`.

pub mod dpa;
pub mod dpa_tabel;
pub mod kepala;
pub mod kinerja;
pub mod nomenklatur;
pub mod pk;
pub mod realisasi;
pub mod renja;
pub mod tabel;

use crate::kode::Tingkat;
use crate::model::Dokumen;
use crate::model::dpa::Dpa;
use crate::model::kinerja::LembarKinerja;
use crate::model::pk::Pk;
use crate::model::renja::FormRenja;
use crate::model::tabel::TabelKetik;
use crate::sheet::{self, GalatBaca, Grid};
use crate::temuan::Temuan;
use realisasi::{GalatKenali, Hasil};
use std::collections::HashSet;
use std::path::Path;

/// Why a file could not be used at all.
#[derive(Debug, thiserror::Error)]
pub enum Galat {
    #[error(transparent)]
    Baca(Box<GalatBaca>),
    #[error(transparent)]
    Kenali(Box<GalatKenali>),
    #[error(
        "{berkas}: tidak ada lembar yang dikenali (tabel realisasi anggaran, lampiran Perjanjian Kinerja, lembar buku kerja kinerja, formulir evaluasi Renja, rincian DPA, atau Tabel LKjIP yang diketik).\n{rincian}"
    )]
    TanpaTabel { berkas: String, rincian: String },
    #[error(
        "{berkas} › {lembar}: tabel ditemukan tetapi belum berisi data (judul kolom sampai baris {baris}, tidak ada baris angka di bawahnya). Isi barisnya lalu ulangi."
    )]
    BelumBerisi {
        berkas: String,
        lembar: String,
        baris: u32,
    },
    #[error("{berkas} › {lembar}: {alasan}. Isi barisnya lalu ulangi.")]
    PkBelumBerisi {
        berkas: String,
        lembar: String,
        alasan: String,
    },
}

impl From<GalatBaca> for Galat {
    fn from(g: GalatBaca) -> Self {
        Galat::Baca(Box::new(g))
    }
}

impl From<GalatKenali> for Galat {
    fn from(g: GalatKenali) -> Self {
        Galat::Kenali(Box::new(g))
    }
}

/// A sheet that was read and not used, and why.
#[derive(Debug, Clone)]
pub struct Dilewati {
    pub berkas: String,
    pub lembar: String,
    pub alasan: String,
}

/// What one workbook gave: its realisasi tables (with what reading each showed), its
/// Perjanjian Kinerja sheets, and the sheets that are neither.
#[derive(Debug)]
pub struct Bacaan {
    pub calon: Vec<(Dokumen, Vec<Temuan>)>,
    pub pk: Vec<(Pk, Vec<Temuan>)>,
    /// The sheets of a kinerja workbook (IKU, Tahunan, Triwulan, Program, Peta Anggaran).
    pub kinerja: Vec<(LembarKinerja, Vec<Temuan>)>,
    /// LKjIP tables typed by hand (Tabel 11–15, 17, 18), to be audited.
    pub tabel: Vec<TabelKetik>,
    /// Renja evaluation forms (Permendagri 86/2017).
    pub renja: Vec<(FormRenja, Vec<Temuan>)>,
    /// DPA rincian, one sub kegiatan each.
    pub dpa: Vec<(Dpa, Vec<Temuan>)>,
    pub dilewati: Vec<Dilewati>,
}

/// The kinds of input a sheet can be read as; `--jenis` makes every sheet be read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisMasukan {
    Realisasi,
    Pk,
    Kinerja,
    /// The Renja evaluation form (Permendagri 86/2017).
    Renja,
    /// A DPA (or RKA) rincian belanja of a sub kegiatan.
    Dpa,
    /// LKjIP tables typed by hand (Tabel 11–15, 17, 18).
    Tabel,
}

impl JenisMasukan {
    pub fn nama(self) -> &'static str {
        match self {
            JenisMasukan::Realisasi => "realisasi",
            JenisMasukan::Pk => "pk",
            JenisMasukan::Kinerja => "kinerja",
            JenisMasukan::Renja => "renja",
            JenisMasukan::Dpa => "dpa",
            JenisMasukan::Tabel => "tabel",
        }
    }
}

/// What a sheet turned out to be. The kind is told from the sheet's first rows (a
/// Perjanjian Kinerja title or sasaran header, and no realisasi header); each kind has its
/// recogniser.
enum Jenis {
    Realisasi(Result<Hasil, GalatKenali>),
    Pk(pk::Hasil),
    Kinerja(kinerja::Hasil),
    Renja(renja::Hasil),
    Dpa(dpa::Hasil),
    /// A tabular DPA export (rekap belanja, flat, SIPD-RI, anggaran kas).
    DpaTabel(Option<dpa_tabel::Hasil>),
    /// The Petunjuk sheet of a form lkjip wrote.
    Petunjuk,
    /// Typed LKjIP tables.
    Tabel(Vec<TabelKetik>),
    /// Not of the kind `--jenis` asks for.
    TidakSesuai(JenisMasukan),
}

/// The Petunjuk sheet of `lkjip templat`: a row `Lembar | Kolom | Wajib | Penjelasan`.
fn petunjuk(grid: &Grid) -> bool {
    grid.baris.iter().any(|b| {
        let teks: Vec<String> = b
            .sel
            .iter()
            .filter_map(sheet::Isi::teks)
            .map(|t| t.trim().to_lowercase())
            .collect();
        ["lembar", "kolom", "wajib", "penjelasan"]
            .iter()
            .all(|k| teks.iter().any(|t| t == k))
    })
}

/// Reads every sheet of a workbook and keeps the realisasi tables and the Perjanjian Kinerja
/// sheets (each sheet goes to the recogniser of its kind). `pilihan` is the sheet
/// the user asked for with `--lembar`. Which of them are versions of one table is decided
/// over all inputs together by [`pilih_versi`].
pub fn baca_berkas(
    path: &Path,
    pilihan: Option<&str>,
    paksa: Option<JenisMasukan>,
) -> Result<Bacaan, Galat> {
    let boleh = |j: JenisMasukan| paksa.is_none_or(|p| p == j);
    let mut buku = sheet::buka(path)?;
    let mut calon: Vec<(Dokumen, Vec<Temuan>)> = Vec::new();
    let mut dilewati = Vec::new();
    let mut bacaan_pk = Vec::new();
    let mut bacaan_kinerja = Vec::new();
    let mut bacaan_tabel = Vec::new();
    let mut bacaan_renja = Vec::new();
    let mut bacaan_dpa = Vec::new();
    // A PK statement page waiting for the lampiran sheet after it.
    let mut pernyataan: Option<Pk> = None;
    // The first sheet that is a blank form: said as such when nothing else is found.
    let mut kosong: Option<(String, u32)> = None;
    let mut kosong_pk: Option<(String, String)> = None;
    let nama_lembar = buku.lembar.clone();
    let dipilih = pilihan.filter(|p| nama_lembar.iter().any(|l| l == p));
    let berkas = buku.berkas.clone();
    for lembar in &nama_lembar {
        let lewati = |alasan: String| Dilewati {
            berkas: berkas.clone(),
            lembar: lembar.clone(),
            alasan,
        };
        if let Some(p) = dipilih
            && p != lembar
        {
            dilewati.push(lewati(format!("tidak dipilih (--lembar {p})")));
            continue;
        }
        let berkas_ini = buku.berkas.clone();
        let jenis = buku.baca_alir(lembar, |baris, gabungan| {
            // The rows a header may be in are looked at first; a realisasi table gets them
            // back, in order, followed by the rest of the sheet as it streams in.
            let mut awal = Grid {
                berkas: berkas_ini.clone(),
                lembar: lembar.clone(),
                baris: Vec::new(),
                gabungan: gabungan.clone(),
            };
            let mut berikut = None;
            for b in &mut *baris {
                if b.r > kepala::BARIS_KEPALA_MAKS + 3 {
                    berikut = Some(b);
                    break;
                }
                awal.baris.push(b);
            }
            if petunjuk(&awal) {
                return Jenis::Petunjuk;
            }
            if boleh(JenisMasukan::Tabel) && (paksa.is_some() || tabel::tampak_tabel(&awal)) {
                awal.baris.extend(berikut);
                awal.baris.extend(baris);
                return Jenis::Tabel(tabel::kenali(&awal));
            }
            if boleh(JenisMasukan::Dpa) {
                if dpa::tampak_dpa(&awal) {
                    awal.baris.extend(berikut);
                    awal.baris.extend(baris);
                    return Jenis::Dpa(dpa::kenali(&awal));
                }
                if let Some(bentuk) = dpa_tabel::tampak(&awal) {
                    awal.baris.extend(berikut);
                    awal.baris.extend(baris);
                    return Jenis::DpaTabel(dpa_tabel::kenali(&awal, bentuk));
                }
                if paksa.is_some() {
                    return Jenis::TidakSesuai(JenisMasukan::Dpa);
                }
            }
            // Before the kinerja sheets: the form's Kode and Indikator columns would make it
            // a Program sheet.
            if boleh(JenisMasukan::Renja) {
                match renja::cari_kepala(&awal) {
                    Some(k) => {
                        awal.baris.extend(berikut);
                        awal.baris.extend(baris);
                        return Jenis::Renja(renja::kenali(&awal, k));
                    }
                    None if paksa.is_some() => return Jenis::TidakSesuai(JenisMasukan::Renja),
                    None => {}
                }
            }
            if boleh(JenisMasukan::Kinerja) {
                match kinerja::cari_kepala(&awal) {
                    Some(k) => {
                        awal.baris.extend(berikut);
                        awal.baris.extend(baris);
                        return Jenis::Kinerja(kinerja::kenali(&awal, k));
                    }
                    None if paksa.is_some() => return Jenis::TidakSesuai(JenisMasukan::Kinerja),
                    None => {}
                }
            }
            if boleh(JenisMasukan::Pk) && (paksa.is_some() || pk::tampak_pk(&awal)) {
                awal.baris.extend(berikut);
                awal.baris.extend(baris);
                return Jenis::Pk(pk::kenali(&awal));
            }
            if !boleh(JenisMasukan::Realisasi) {
                return Jenis::TidakSesuai(paksa.unwrap_or(JenisMasukan::Realisasi));
            }
            let mut semua = std::mem::take(&mut awal.baris)
                .into_iter()
                .chain(berikut)
                .chain(baris);
            Jenis::Realisasi(realisasi::kenali_alir(
                &mut semua,
                &berkas_ini,
                lembar,
                gabungan,
            ))
        })?;
        let hasil = match jenis {
            Jenis::Realisasi(h) => h,
            Jenis::Pk(pk::Hasil::Pk(mut p, mut temuan)) => {
                if p.pihak_pertama.is_none()
                    && let Some(s) = pernyataan.take()
                {
                    temuan.push(pk::lengkapi_dari_pernyataan(&mut p, &s));
                }
                bacaan_pk.push((*p, temuan));
                continue;
            }
            Jenis::Pk(pk::Hasil::Pernyataan(p)) => {
                dilewati.push(lewati(
                    "halaman pernyataan Perjanjian Kinerja tanpa tabel; jabatan pihaknya dipakai untuk lampiran di lembar berikutnya"
                        .to_string(),
                ));
                pernyataan = Some(*p);
                continue;
            }
            Jenis::Kinerja(kinerja::Hasil::Lembar(l, temuan)) => {
                bacaan_kinerja.push((l, temuan));
                continue;
            }
            Jenis::Dpa(dpa::Hasil::Dpa(d, temuan)) => {
                bacaan_dpa.push((*d, temuan));
                continue;
            }
            Jenis::DpaTabel(Some(dpa_tabel::Hasil::Lembar(l))) => {
                bacaan_dpa.extend(crate::check::dpa_tabel::periksa_lembar(l));
                continue;
            }
            Jenis::DpaTabel(Some(dpa_tabel::Hasil::Kosong {
                bentuk,
                baris_kepala,
            })) => {
                kosong.get_or_insert((lembar.clone(), baris_kepala));
                dilewati.push(lewati(format!(
                    "{} tanpa baris data di bawah judul kolom (baris {baris_kepala})",
                    bentuk.nama()
                )));
                continue;
            }
            Jenis::DpaTabel(None) => {
                dilewati.push(lewati(
                    "judul kolom ekspor DPA dikenali tetapi tidak terbaca".to_string(),
                ));
                continue;
            }
            Jenis::Dpa(dpa::Hasil::TanpaKepala) => {
                dilewati.push(lewati(
                    "judul DPA dan Kode Rekening ditemukan, tetapi tidak ada baris judul rincian dengan kolom Uraian dan Jumlah".to_string(),
                ));
                continue;
            }
            Jenis::Dpa(dpa::Hasil::Kosong { baris_kepala }) => {
                kosong.get_or_insert((lembar.clone(), baris_kepala));
                dilewati.push(lewati(
                    "DPA tanpa baris rincian belanja di bawah judul Kode Rekening".to_string(),
                ));
                continue;
            }
            Jenis::Renja(renja::Hasil::Lembar(f, temuan)) => {
                bacaan_renja.push((f, temuan));
                continue;
            }
            Jenis::Renja(renja::Hasil::Kosong { baris_kepala }) => {
                kosong.get_or_insert((lembar.clone(), baris_kepala));
                dilewati.push(lewati(format!(
                    "formulir evaluasi Renja, belum berisi angka (judul kolom sampai baris {baris_kepala})"
                )));
                continue;
            }
            Jenis::Kinerja(kinerja::Hasil::Kosong { baris_kepala, nama }) => {
                kosong.get_or_insert((lembar.clone(), baris_kepala + 1));
                dilewati.push(lewati(format!(
                    "lembar {nama} dari buku kerja kinerja, belum berisi data (judul kolom sampai baris {})",
                    baris_kepala + 1
                )));
                continue;
            }
            Jenis::Pk(pk::Hasil::Kosong { baris_kepala }) => {
                let alasan = format!(
                    "tabel Perjanjian Kinerja ditemukan tetapi belum berisi data (judul kolom di baris {baris_kepala}, tidak ada baris sasaran atau program di bawahnya)"
                );
                kosong_pk.get_or_insert((lembar.clone(), alasan.clone()));
                dilewati.push(lewati(alasan));
                continue;
            }
            Jenis::TidakSesuai(j) => {
                dilewati.push(lewati(format!(
                    "tidak dikenali sebagai {} (--jenis {})",
                    match j {
                        JenisMasukan::Realisasi => "tabel realisasi anggaran",
                        JenisMasukan::Pk => "lampiran Perjanjian Kinerja",
                        JenisMasukan::Kinerja => "lembar buku kerja kinerja",
                        JenisMasukan::Renja => "formulir evaluasi Renja",
                        JenisMasukan::Dpa => "rincian DPA",
                        JenisMasukan::Tabel => "Tabel LKjIP yang diketik",
                    },
                    j.nama()
                )));
                continue;
            }
            Jenis::Tabel(t) if !t.is_empty() => {
                bacaan_tabel.extend(t);
                continue;
            }
            Jenis::Tabel(_) => {
                dilewati.push(lewati(
                    "tidak ada judul Tabel 11–15 atau 18 dengan tabel di bawahnya".to_string(),
                ));
                continue;
            }
            Jenis::Petunjuk => {
                dilewati.push(lewati(
                    "petunjuk pengisian formulir lkjip (Lembar | Kolom | Wajib | Penjelasan), bukan data".to_string(),
                ));
                continue;
            }
            Jenis::Pk(pk::Hasil::BukanPk(alasan)) => {
                dilewati.push(lewati(alasan));
                continue;
            }
        };
        match hasil? {
            Hasil::BukanTabel(alasan) => dilewati.push(lewati(alasan)),
            Hasil::Kosong { baris_kepala } => {
                kosong.get_or_insert((lembar.clone(), baris_kepala + 1));
                dilewati.push(lewati(format!(
                    "tabel ditemukan tetapi belum berisi data (judul kolom sampai baris {})",
                    baris_kepala + 1
                )))
            }
            Hasil::Dokumen(dok, _) if dok.baris.is_empty() => {
                dilewati.push(lewati("judul kolom dikenali tetapi tidak ada baris data".into()))
            }
            Hasil::Dokumen(dok, _)
                if dok.tanpa_kode && !dok.baris.iter().any(|b| b.tingkat == Tingkat::Program) =>
            {
                dilewati.push(lewati(format!(
                    "lembar ringkasan ({} baris tanpa kode dan tanpa baris PROGRAM), bukan rincian anggaran",
                    dok.baris.len()
                )))
            }
            Hasil::Dokumen(dok, temuan) => calon.push((*dok, temuan)),
        }
    }
    if calon.is_empty()
        && bacaan_pk.is_empty()
        && bacaan_kinerja.is_empty()
        && bacaan_tabel.is_empty()
        && bacaan_renja.is_empty()
        && bacaan_dpa.is_empty()
    {
        if let Some((lembar, baris)) = kosong {
            return Err(Galat::BelumBerisi {
                berkas: buku.berkas.clone(),
                lembar,
                baris,
            });
        }
        if let Some((lembar, alasan)) = kosong_pk {
            return Err(Galat::PkBelumBerisi {
                berkas: buku.berkas.clone(),
                lembar,
                alasan,
            });
        }
        let rincian = dilewati
            .iter()
            .map(|d| format!("  lembar '{}': {}", d.lembar, d.alasan))
            .collect::<Vec<_>>()
            .join("\n");
        return Err(Galat::TanpaTabel {
            berkas: buku.berkas.clone(),
            rincian,
        });
    }
    Ok(Bacaan {
        calon,
        pk: bacaan_pk,
        kinerja: bacaan_kinerja,
        tabel: bacaan_tabel,
        renja: bacaan_renja,
        dpa: bacaan_dpa,
        dilewati,
    })
}

/// The rows a document holds, to compare sheets: each row's name under the name of its unit
/// (organisation or sub unit). Names, not codes, so that a hand-made Tabel 16 without codes
/// is recognised as the same table as the LRA it was typed from; under their unit, so that
/// two organisations' sheets, which share most program and sub kegiatan names, stay parts.
fn tanda(dok: &Dokumen) -> HashSet<String> {
    let mut unit = String::new();
    dok.baris
        .iter()
        .map(|b| {
            let nama = b.uraian.to_lowercase();
            if matches!(b.tingkat, Tingkat::Organisasi | Tingkat::SubUnit) {
                unit = nama.clone();
            }
            format!("{unit}|{nama}")
        })
        .collect()
}

/// Sheets sharing at least half their rows are versions of one table; a sheet whose every
/// row is in another, larger one is a part of it (an induk sheet and one sheet per bidang).
/// Either way only one of them may be summed.
fn versi_sama(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    let sama = a.intersection(b).count();
    let gabung = a.len() + b.len() - sama;
    gabung > 0 && (sama * 2 >= gabung || bagian_dari(a, b) || bagian_dari(b, a))
}

/// Every row of `a` is in `b`, and `b` has more.
fn bagian_dari(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    !a.is_empty() && a.len() < b.len() && a.is_subset(b)
}

/// Keeps one document of each set of versions (the one with the most rows, the first among
/// equals) and every part; the others are named in `dilewati` with the reason.
pub fn pilih_versi(
    calon: Vec<(Dokumen, Vec<Temuan>)>,
    dilewati: &mut Vec<Dilewati>,
) -> (Vec<Dokumen>, Vec<Temuan>) {
    if calon.len() == 1 {
        let (dok, temuan) = calon.into_iter().next().expect("satu calon");
        return (vec![dok], temuan);
    }
    let tanda: Vec<HashSet<String>> = calon.iter().map(|(d, _)| tanda(d)).collect();
    // Sheets that are versions or parts of one another, directly or through a third (two
    // bidang sheets are each a part of the induk sheet), form one group.
    let mut kelompok_dari: Vec<usize> = (0..calon.len()).collect();
    fn akar(kelompok_dari: &mut [usize], mut i: usize) -> usize {
        while kelompok_dari[i] != i {
            kelompok_dari[i] = kelompok_dari[kelompok_dari[i]];
            i = kelompok_dari[i];
        }
        i
    }
    // Two tables their titles number differently (a typed Tabel 16 and Tabel 19 of one
    // report), or a typed Tabel 16 and a realisasi export, share their rows but are not
    // versions: both are audited, and Tabel 16 against the other.
    let lain_tabel = |a: &Dokumen, b: &Dokumen| match (a.nomor_tabel, b.nomor_tabel) {
        (Some(x), Some(y)) => x != y,
        (Some(16), None) | (None, Some(16)) => true,
        _ => false,
    };
    for i in 0..calon.len() {
        for j in 0..i {
            if !lain_tabel(&calon[j].0, &calon[i].0) && versi_sama(&tanda[j], &tanda[i]) {
                let (a, b) = (akar(&mut kelompok_dari, j), akar(&mut kelompok_dari, i));
                kelompok_dari[b.max(a)] = a.min(b);
            }
        }
    }
    let mut kelompok: Vec<Vec<usize>> = Vec::new();
    let mut tempat: Vec<Option<usize>> = vec![None; calon.len()];
    for i in 0..calon.len() {
        let a = akar(&mut kelompok_dari, i);
        match tempat[a] {
            Some(k) => kelompok[k].push(i),
            None => {
                tempat[a] = Some(kelompok.len());
                kelompok.push(vec![i]);
            }
        }
    }
    let mut pakai = vec![false; calon.len()];
    for k in &kelompok {
        // The version with the most rows; the first in workbook order among equals.
        let terpilih = *k
            .iter()
            .max_by_key(|&&i| (calon[i].0.baris.len(), std::cmp::Reverse(i)))
            .expect("kelompok tidak pernah kosong");
        pakai[terpilih] = true;
        for &i in k.iter().filter(|&&i| i != terpilih) {
            let pakai = &calon[terpilih].0;
            let nama = if pakai.berkas == calon[i].0.berkas {
                format!("'{}'", pakai.lembar)
            } else {
                format!("'{}' di {}", pakai.lembar, pakai.berkas)
            };
            let alasan = if bagian_dari(&tanda[i], &tanda[terpilih]) {
                format!(
                    "bagian dari lembar {nama}: semua {} barisnya ada di lembar itu ({} baris), jadi tidak dijumlahkan lagi",
                    calon[i].0.baris.len(),
                    pakai.baris.len()
                )
            } else {
                format!(
                    "versi lain dari lembar {nama} (memuat baris yang sama); yang dipakai {nama} karena barisnya terbanyak ({}) dan paling awal. Pilih yang lain dengan --lembar \"{}\" atau sebutkan berkasnya saja",
                    pakai.baris.len(),
                    calon[i].0.lembar
                )
            };
            dilewati.push(Dilewati {
                berkas: calon[i].0.berkas.clone(),
                lembar: calon[i].0.lembar.clone(),
                alasan,
            });
        }
    }
    let mut dokumen = Vec::new();
    let mut temuan = Vec::new();
    for ((dok, t), p) in calon.into_iter().zip(pakai) {
        if p {
            dokumen.push(dok);
            temuan.extend(t);
        }
    }
    (dokumen, temuan)
}
