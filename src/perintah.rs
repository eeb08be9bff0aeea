//! The two jobs the command line offers, as library functions: `periksa` reads and checks
//! the inputs, `susun` also writes the tables. `main.rs` only parses arguments and prints.

use crate::check;
use crate::compute::kinerja::{CaraEfisiensi, CaraPerubahan, LabelKriteria};
use crate::model::kinerja::{BagianKinerja, Kinerja, LembarKinerja};
use crate::model::pk::Pk;
use crate::model::{Dokumen, Pohon};
use crate::nomenklatur::Nomenklatur;
use crate::recognise::{self, Dilewati};
use crate::sheet;
use crate::tables::{self, Masukan, NomorTabel, TabelDilewati};
use crate::temuan::{self, Temuan};
use crate::write::{self, GalatTulis};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Why a job could not run. Each message names the file and what the user can do.
#[derive(Debug, thiserror::Error)]
pub enum Galat {
    #[error(transparent)]
    Masukan(Box<recognise::Galat>),
    #[error(transparent)]
    Tulis(#[from] GalatTulis),
    #[error("{0}: berkas atau folder tidak ditemukan.")]
    TidakAda(String),
    #[error("{0}: folder tidak memuat buku kerja (xlsx, xlsm, xlsb, xls, ods, csv, htm, html).")]
    FolderKosong(String),
    #[error("{0}: folder tidak dapat dibaca ({1}).")]
    FolderTakTerbaca(String, std::io::Error),
    #[error(
        "{0}: berkas keluaran sama dengan salah satu masukan; berkas masukan tidak pernah ditimpa. Pilih nama lain dengan -o."
    )]
    KeluaranSamaDenganMasukan(String),
    #[error("{0}: berkas keluaran harus berakhiran .xlsx.")]
    BukanXlsx(String),
    #[error("lembar '{lembar}' tidak ada di berkas masukan mana pun. Lembar yang ada: {ada}.")]
    LembarTidakAda { lembar: String, ada: String },
    #[error(
        "{0}: folder keluaran tidak dapat dibuat atau ditulisi ({1}). Pilih folder lain dengan -o."
    )]
    FolderKeluaran(String, std::io::Error),
    #[error(
        "masukan hanya memuat Perjanjian Kinerja ({0}); tabel disusun dari realisasi anggaran (Tabel 16–19) dan buku kerja kinerja (Tabel 11–15, 17). Sertakan berkasnya, atau periksa PK saja dengan `lkjip periksa`."
    )]
    TanpaRealisasi(String),
    #[error("tidak ada tabel yang dapat disusun dari masukan ini:\n{0}")]
    TanpaTabel(String),
    #[error(
        "{jumlah} hasil hitungan tidak dapat disimpan tepat (pertama di {lokasi}); tabel tidak ditulis karena angkanya akan salah. Jalankan `lkjip periksa` untuk rinciannya, perbaiki angka di sel itu lalu ulangi."
    )]
    AngkaLuap { jumlah: usize, lokasi: String },
}

impl From<recognise::Galat> for Galat {
    fn from(g: recognise::Galat) -> Self {
        Galat::Masukan(Box::new(g))
    }
}

/// A sheet that was used.
#[derive(Debug, Clone)]
pub struct Dipakai {
    pub berkas: String,
    pub lembar: String,
    pub baris: usize,
    pub tahun: Option<i32>,
}

/// What reading and checking the inputs gave.
#[derive(Debug)]
pub struct Pemeriksaan {
    pub dipakai: Vec<Dipakai>,
    pub dilewati: Vec<Dilewati>,
    /// One recomputed tree per document, in input order.
    pub pohon: Vec<Pohon>,
    /// The Perjanjian Kinerja read, in input order: checked, and the source of the year's
    /// targets in Tabel 11.
    pub pk: Vec<Pk>,
    /// The kinerja workbook's sheets joined with the PK and the tree (Tabel 11–15, 17).
    pub kinerja: Option<Kinerja>,
    /// The DPA rincian read, one sub kegiatan each.
    pub dpa: Vec<crate::model::dpa::Dpa>,
    /// Sorted: galat first.
    pub temuan: Vec<Temuan>,
    pub tahun: Option<i32>,
    /// Files that could not be read when the job goes on past them (`periksa` on a batch).
    pub gagal: Vec<recognise::Galat>,
}

/// What to do with an input file that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BilaGagal {
    /// Stop: a table built from part of the inputs would be wrong (`susun`).
    Berhenti,
    /// Report it and check the rest (`periksa`); the exit code remembers it.
    Lanjut,
}

/// Counts per tingkat.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Ringkasan {
    pub galat: usize,
    pub peringatan: usize,
    pub info: usize,
}

impl Pemeriksaan {
    /// The one tree the tables are made from: a single document's as it is, the parts of a
    /// budget over several sheets or files joined into one.
    pub fn pohon_tabel(&self) -> Option<Cow<'_, Pohon>> {
        match self.pohon.as_slice() {
            [] => None,
            [satu] => Some(Cow::Borrowed(satu)),
            semua => {
                let mut g = Pohon::new();
                for p in semua {
                    g.gabung(p);
                }
                Some(Cow::Owned(g))
            }
        }
    }

    pub fn ringkasan(&self) -> Ringkasan {
        let hitung = |t| self.temuan.iter().filter(|x| x.tingkat == t).count();
        Ringkasan {
            galat: hitung(temuan::Tingkat::Galat),
            peringatan: hitung(temuan::Tingkat::Peringatan),
            info: hitung(temuan::Tingkat::Info),
        }
    }
}

/// The workbooks named on the command line; a folder stands for the workbooks in it, and
/// the other files in it are listed in `dilewati` with why.
pub fn kumpulkan(masukan: &[PathBuf], dilewati: &mut Vec<Dilewati>) -> Result<Vec<PathBuf>, Galat> {
    let mut hasil = Vec::new();
    for m in masukan {
        if m.is_dir() {
            let (buku, lain) = isi_folder(m)?;
            if buku.is_empty() {
                return Err(Galat::FolderKosong(m.display().to_string()));
            }
            hasil.extend(buku);
            dilewati.extend(lain.into_iter().map(|(p, alasan)| Dilewati {
                berkas: p.display().to_string(),
                lembar: String::new(),
                alasan,
            }));
        } else if !m.exists() {
            return Err(Galat::TidakAda(m.display().to_string()));
        } else {
            // A FIFO would block the reader forever, a device never ends: only regular
            // files are read, and the others are refused by what they are.
            let berkas = m.display().to_string();
            let galat = match sheet::jaga::bukan_berkas_biasa(m) {
                Ok(None) => {
                    hasil.push(m.clone());
                    continue;
                }
                Ok(Some(jenis)) => sheet::GalatBaca::BukanBerkasBiasa {
                    berkas,
                    jenis: jenis.to_string(),
                },
                Err(sebab) => sheet::GalatBaca::TidakBisaDibuka { berkas, sebab },
            };
            return Err(recognise::Galat::from(galat).into());
        }
    }
    Ok(hasil)
}

/// The workbooks of a folder and of its subfolders, to any depth, each folder's in name
/// order before its subfolders' (a sample's `dpa/` beside its realisasi), and the other
/// files with why they are left out. Hidden folders (`.git`) are not entered, and a folder
/// reached twice (a symbolic link back up the tree) is walked once.
pub fn isi_folder(akar: &Path) -> Result<(Vec<PathBuf>, Vec<sheet::BerkasLain>), Galat> {
    let mut buku = Vec::new();
    let mut lain = Vec::new();
    let mut sudah = std::collections::HashSet::new();
    let mut folder = vec![akar.to_path_buf()];
    while let Some(f) = folder.pop() {
        let takbaca = |e| Galat::FolderTakTerbaca(f.display().to_string(), e);
        if !sudah.insert(f.canonicalize().map_err(takbaca)?) {
            continue;
        }
        let (b, l) = sheet::berkas_dalam_folder(&f).map_err(takbaca)?;
        buku.extend(b);
        lain.extend(l);
        let mut sub: Vec<PathBuf> = std::fs::read_dir(&f)
            .map_err(takbaca)?
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        sub.sort();
        // Popped last first: reversed so folders are walked in name order.
        folder.extend(sub.into_iter().rev());
    }
    Ok((buku, lain))
}

/// Reads every input, keeps its realisasi tables and checks each on its own, and checks the
/// Perjanjian Kinerja among the inputs together (a lower jabatan's PK against the higher).
pub fn periksa(
    berkas: &[PathBuf],
    lembar: Option<&str>,
    jenis: Option<recognise::JenisMasukan>,
    mut dilewati: Vec<Dilewati>,
    bila_gagal: BilaGagal,
    nomenklatur: &Nomenklatur,
    kemajuan: &dyn Fn(usize, usize),
) -> Result<Pemeriksaan, Galat> {
    let mut calon = Vec::new();
    let mut bacaan_pk = Vec::new();
    let mut bacaan_kinerja: Vec<(LembarKinerja, Vec<Temuan>)> = Vec::new();
    let mut tabel_ketik = Vec::new();
    let mut bacaan_renja = Vec::new();
    let mut bacaan_dpa = Vec::new();
    let mut gagal = Vec::new();
    for (ke, b) in berkas.iter().enumerate() {
        kemajuan(ke, berkas.len());
        match recognise::baca_berkas(b, lembar, jenis) {
            Ok(bacaan) => {
                calon.extend(bacaan.calon);
                bacaan_pk.extend(bacaan.pk);
                bacaan_kinerja.extend(bacaan.kinerja);
                tabel_ketik.extend(bacaan.tabel);
                bacaan_renja.extend(bacaan.renja);
                bacaan_dpa.extend(bacaan.dpa);
                dilewati.extend(bacaan.dilewati);
            }
            Err(e) if bila_gagal == BilaGagal::Lanjut && berkas.len() > 1 => gagal.push(e),
            Err(e) => return Err(e.into()),
        }
    }
    let (dokumen, mut temuan): (Vec<Dokumen>, Vec<Temuan>) =
        recognise::pilih_versi(calon, &mut dilewati);
    if let Some(l) = lembar
        && !dokumen.iter().any(|d| d.lembar == l)
        && !bacaan_pk.iter().any(|(p, _)| p.lembar == l)
        && !bacaan_kinerja.iter().any(|(k, _)| k.asal.lembar == l)
        && !bacaan_renja.iter().any(|(f, _)| f.asal.lembar == l)
        && !bacaan_dpa.iter().any(|(d, _)| d.asal.lembar == l)
        && !dilewati.iter().any(|d| d.lembar == l)
    {
        let mut ada: Vec<String> = dokumen
            .iter()
            .map(|d| d.lembar.clone())
            .chain(bacaan_pk.iter().map(|(p, _)| p.lembar.clone()))
            .chain(bacaan_kinerja.iter().map(|(k, _)| k.asal.lembar.clone()))
            .chain(bacaan_renja.iter().map(|(f, _)| f.asal.lembar.clone()))
            .chain(bacaan_dpa.iter().map(|(d, _)| d.asal.lembar.clone()))
            .chain(dilewati.iter().map(|d| d.lembar.clone()))
            .collect();
        ada.dedup();
        return Err(Galat::LembarTidakAda {
            lembar: l.to_string(),
            ada: ada.join(", "),
        });
    }
    let tahun = dokumen.iter().find_map(|d| d.tahun);
    if let Some(t) = tahun
        && let Some(lain) = dokumen.iter().find(|d| d.tahun.is_some_and(|x| x != t))
    {
        temuan.push(Temuan::baru(
            temuan::Tingkat::Peringatan,
            "TAHUN_BERBEDA",
            lain.sumber(""),
            format!(
                "judul lembar ini menyebut tahun {}, lembar lain tahun {t}; tabel memakai {t} (ubah dengan --tahun)",
                lain.tahun.unwrap_or_default()
            ),
        ));
    }
    // A typed Tabel 16 beside another realisasi table (Tabel 19) is checked on its own and
    // against that table, and is not summed into the tables' tree.
    let ada_lain = dokumen.iter().any(|d| d.nomor_tabel != Some(16));
    let (banding, dokumen): (Vec<Dokumen>, Vec<Dokumen>) = dokumen
        .into_iter()
        .partition(|d| ada_lain && d.nomor_tabel == Some(16));
    let mut pohon = Vec::new();
    let mut dipakai = Vec::new();
    let mut pohon_16 = Vec::new();
    for dok in banding {
        dipakai.push(Dipakai {
            berkas: dok.berkas.clone(),
            lembar: format!(
                "{} (Tabel 16, dibandingkan dengan realisasi anggaran)",
                dok.lembar
            ),
            baris: dok.baris.len(),
            tahun: dok.tahun,
        });
        let (berkas, lembar) = (dok.berkas.clone(), dok.lembar.clone());
        let (p, t) = check::periksa_dokumen(dok);
        pohon_16.push((berkas, lembar, p));
        temuan.extend(t);
    }
    // Where each tree's rows are, for findings about a node of the joined tree.
    let mut asal_pohon = Vec::new();
    for dok in dokumen {
        asal_pohon.push(dok.sumber(""));
        dipakai.push(Dipakai {
            berkas: dok.berkas.clone(),
            lembar: dok.lembar.clone(),
            baris: dok.baris.len(),
            tahun: dok.tahun,
        });
        let (p, t) = check::periksa_dokumen(dok);
        pohon.push(p);
        temuan.extend(t);
    }
    let mut pk = Vec::new();
    for (p, t) in bacaan_pk {
        dipakai.push(Dipakai {
            berkas: p.berkas.clone(),
            lembar: p.lembar.clone(),
            baris: p.sasaran.len() + p.program.len(),
            tahun: p.tahun,
        });
        temuan.extend(t);
        pk.push(p);
    }
    temuan.extend(check::pk::periksa(&pk));
    let mut lembar_kinerja = Vec::new();
    for (l, t) in bacaan_kinerja {
        dipakai.push(Dipakai {
            berkas: l.asal.berkas.clone(),
            lembar: l.asal.lembar.clone(),
            baris: l.bagian.jumlah(),
            tahun: None,
        });
        temuan.extend(t);
        lembar_kinerja.push(l);
    }
    // A Renja evaluation form is checked on its own, and gives the kinerja parts the kinerja
    // workbook does not: where both give one, the workbook's is used.
    let dari_buku: Vec<(std::mem::Discriminant<BagianKinerja>, String)> = lembar_kinerja
        .iter()
        .map(|l| {
            (
                std::mem::discriminant(&l.bagian),
                format!("{} › {}", l.asal.berkas, l.asal.lembar),
            )
        })
        .collect();
    let mut dpa = Vec::new();
    // One line per sheet: a rekap or flat export holds many sub kegiatan.
    // (berkas, lembar) → (bentuk, sub kegiatan, baris, tahun).
    type PerLembar =
        indexmap::IndexMap<(String, String), (&'static str, usize, usize, Option<i32>)>;
    let mut per_lembar = PerLembar::new();
    for (d, _) in &bacaan_dpa {
        let e = per_lembar
            .entry((d.asal.berkas.clone(), d.asal.lembar.clone()))
            .or_insert((d.bentuk.nama(), 0, 0, d.tahun));
        e.1 = e.1.saturating_add(1);
        // A rekap's sub kegiatan is one row with no rincian under it.
        e.2 = e.2.saturating_add(d.rincian.len().max(1));
    }
    for ((berkas, lembar), (bentuk, n, baris, tahun)) in per_lembar {
        dipakai.push(Dipakai {
            berkas,
            lembar: if n > 1 {
                format!("{lembar} ({bentuk}, {n} sub kegiatan)")
            } else {
                format!("{lembar} ({bentuk})")
            },
            baris,
            tahun,
        });
    }
    for (d, t) in bacaan_dpa {
        temuan.extend(t);
        temuan.extend(check::dpa::periksa(&d));
        dpa.push(d);
    }
    temuan.extend(check::nomenklatur::periksa_dpa(&dpa, nomenklatur));
    temuan.extend(check::dpa::periksa_dengan_anggaran_kas(&dpa));
    // The DPA give the tables' pagu; the realisasi workbook, the realisasi.
    let (sumber_pagu, t) = check::dpa::pilih_sumber_pagu(&dpa);
    temuan.extend(t);
    let sumber_pagu: Vec<&crate::model::dpa::Dpa> = sumber_pagu.iter().map(|&i| &dpa[i]).collect();
    temuan.extend(check::dpa::terapkan_pagu(
        &sumber_pagu,
        &mut pohon,
        &asal_pohon,
    ));
    let mut form_renja = Vec::new();
    for (f, t) in bacaan_renja {
        dipakai.push(Dipakai {
            berkas: f.asal.berkas.clone(),
            lembar: format!("{} (evaluasi Renja)", f.asal.lembar),
            baris: f.baris.len(),
            tahun: f.tahun,
        });
        temuan.extend(t);
        temuan.extend(check::renja::periksa(&f));
        let (bagian, t) = check::renja::bagian_kinerja(&f);
        form_renja.push(f.clone());
        temuan.extend(t);
        for l in bagian {
            let jenis = std::mem::discriminant(&l.bagian);
            match dari_buku.iter().find(|(j, _)| *j == jenis) {
                Some((_, asal)) => temuan.push(Temuan::baru(
                    temuan::Tingkat::Info,
                    "RENJA_TIDAK_DIPAKAI",
                    f.asal.sumber(""),
                    format!(
                        "{} dari formulir Renja tidak dipakai untuk tabel: buku kerja kinerja {asal} sudah memuatnya (formulir Renja tetap diperiksa)",
                        l.bagian.nama()
                    ),
                )),
                None => lembar_kinerja.push(l),
            }
        }
    }
    for t in &tabel_ketik {
        dipakai.push(Dipakai {
            berkas: t.asal.berkas.clone(),
            lembar: format!("{} (Tabel {})", t.asal.lembar, t.nomor),
            baris: t.baris.len(),
            tahun: None,
        });
    }
    let mut hasil = Pemeriksaan {
        dipakai,
        dilewati,
        pohon,
        pk,
        kinerja: None,
        dpa: Vec::new(),
        temuan,
        tahun,
        gagal,
    };
    // The tree the tables are made from (the parts of a budget joined once), for the
    // kinerja join and the typed tables' checks.
    let (kinerja, mut lain) = {
        let pohon = hasil.pohon_tabel();
        let (mut kinerja, mut t) =
            check::kinerja::susun(&lembar_kinerja, &hasil.pk, pohon.as_deref(), tahun);
        // The DPA's indikator give Tabel 17 its targets, also when no kinerja input does.
        if kinerja.is_none()
            && pohon.is_some()
            && sumber_pagu.iter().any(|d| !d.indikator.is_empty())
        {
            kinerja = Some(crate::model::kinerja::Kinerja {
                tahun,
                ..Default::default()
            });
        }
        if let (Some(k), Some(p)) = (kinerja.as_mut(), pohon.as_deref()) {
            t.extend(check::dpa_kinerja::gabungkan(k, p, &sumber_pagu));
            let lokasi = |i: usize| sumber_simpul(&hasil.pohon, &asal_pohon, p, i);
            let (isi, tp) = check::nomenklatur::lengkapi_permendagri(k, p, nomenklatur, &lokasi);
            k.permendagri_nomenklatur = isi;
            t.extend(tp);
        }
        if let Some(p) = pohon.as_deref() {
            for f in &form_renja {
                t.extend(check::renja::periksa_dengan_pohon(f, p));
            }
            for (berkas, lembar, p16) in &pohon_16 {
                t.extend(check::tabel_16::periksa(p16, berkas, lembar, p));
            }
        }
        t.extend(check::dpa::periksa_dengan_pk(
            &sumber_pagu,
            &hasil.pk,
            pohon.as_deref(),
        ));
        t.extend(check::tabel::periksa(
            &tabel_ketik,
            kinerja.as_ref(),
            pohon.as_deref(),
            &hasil.pk,
        ));
        (kinerja, t)
    };
    hasil.kinerja = kinerja;
    hasil.dpa = dpa;
    hasil.temuan.append(&mut lain);
    temuan::urutkan(&mut hasil.temuan);
    Ok(hasil)
}

/// Where node `i` of the joined tree was read: its row in the one document whose tree has
/// a node of that code (the document itself when none does, or the code is missing).
fn sumber_simpul(
    pohon: &[Pohon],
    asal: &[crate::model::Sumber],
    gabungan: &Pohon,
    i: usize,
) -> crate::model::Sumber {
    let s = &gabungan.simpul[i];
    let baris = |p: &Pohon, j: usize| {
        p.baris_dari(&p.simpul[j])
            .map(|b| crate::model::alamat(b.r, 0))
    };
    let di = pohon.iter().zip(asal).find_map(|(p, a)| {
        let kode = s.kode.as_ref()?;
        let j = p
            .simpul
            .iter()
            .position(|x| x.kode.as_ref().is_some_and(|k| k.teks == kode.teks))?;
        Some(crate::model::Sumber {
            sel: baris(p, j).unwrap_or_default(),
            ..a.clone()
        })
    });
    di.or_else(|| asal.first().cloned())
        .unwrap_or(crate::model::Sumber {
            berkas: String::new(),
            lembar: String::new(),
            sel: String::new(),
        })
}

fn sama(a: &Path, b: &Path) -> bool {
    let kanonik = |p: &Path| -> Option<PathBuf> {
        if let Ok(k) = p.canonicalize() {
            return Some(k);
        }
        let folder = match p.parent() {
            Some(f) if !f.as_os_str().is_empty() => f.canonicalize().ok()?,
            _ => std::env::current_dir().ok()?,
        };
        Some(folder.join(p.file_name()?))
    };
    matches!((kanonik(a), kanonik(b)), (Some(x), Some(y)) if x == y)
}

/// Checks the output path before any work: never an input, always `.xlsx`, its folder made.
pub fn siapkan_keluaran(keluaran: &Path, masukan: &[PathBuf]) -> Result<(), Galat> {
    let nama = keluaran.display().to_string();
    let xlsx = keluaran
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !xlsx {
        return Err(Galat::BukanXlsx(nama));
    }
    if masukan.iter().any(|m| sama(m, keluaran)) {
        return Err(Galat::KeluaranSamaDenganMasukan(nama));
    }
    let folder = match keluaran.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.exists() {
        std::fs::create_dir_all(&folder).map_err(|e| Galat::FolderKeluaran(nama.clone(), e))?;
    }
    // Find out now, not after reading every input, whether the folder takes a new file.
    tempfile::Builder::new()
        .prefix(".lkjip-")
        .tempfile_in(&folder)
        .map_err(|e| Galat::FolderKeluaran(nama, e))?;
    Ok(())
}

/// How the tables are made, beyond the inputs.
#[derive(Debug, Clone)]
pub struct Pilihan {
    /// The year in titles (default: from the inputs).
    pub tahun: Option<i32>,
    pub tabel: Vec<NomorTabel>,
    /// Adds a Kriteria column to Tabel 11.
    pub kriteria: Option<LabelKriteria>,
    pub efisiensi: CaraEfisiensi,
    pub perubahan: CaraPerubahan,
}

impl Default for Pilihan {
    fn default() -> Self {
        Pilihan {
            tahun: None,
            tabel: NomorTabel::SEMUA.to_vec(),
            kriteria: None,
            efisiensi: CaraEfisiensi::default(),
            perubahan: CaraPerubahan::default(),
        }
    }
}

/// What `susun` wrote: the tables that were asked for and could not be made, and why.
#[derive(Debug, Clone, Default)]
pub struct Tersusun {
    pub dilewati: Vec<TabelDilewati>,
    pub grafik: bool,
}

/// Writes the chosen tables (and the Temuan and Grafik sheets) for a checked set of inputs.
pub fn susun(
    pemeriksaan: &Pemeriksaan,
    pilihan: &Pilihan,
    keluaran: &Path,
) -> Result<Tersusun, Galat> {
    if pemeriksaan.pohon.is_empty() && pemeriksaan.kinerja.is_none() && !pemeriksaan.pk.is_empty() {
        let nama: Vec<String> = pemeriksaan
            .pk
            .iter()
            .map(|p| format!("{} › {}", p.berkas, p.lembar))
            .collect();
        return Err(Galat::TanpaRealisasi(nama.join(", ")));
    }
    // A table computed around a sum that could not be held would be wrong: none is written.
    let luap: Vec<&Temuan> = pemeriksaan
        .temuan
        .iter()
        .filter(|t| t.kode == check::ANGKA_LUAP)
        .collect();
    if let Some(pertama) = luap.first() {
        return Err(Galat::AngkaLuap {
            jumlah: luap.len(),
            lokasi: pertama.lokasi.to_string(),
        });
    }
    let pohon = pemeriksaan.pohon_tabel();
    let tahun = pilihan
        .tahun
        .or(pemeriksaan.tahun)
        .or(pemeriksaan.kinerja.as_ref().and_then(|k| k.tahun));
    let masukan = Masukan {
        pohon: pohon.as_deref(),
        kinerja: pemeriksaan.kinerja.as_ref(),
        tahun,
        temuan: &pemeriksaan.temuan,
        kriteria: pilihan.kriteria,
        efisiensi: pilihan.efisiensi,
        perubahan: pilihan.perubahan,
    };
    let (pembuat, dilewati) = tables::susun(masukan, &pilihan.tabel);
    // Only the Temuan sheet left: say why instead of writing an empty report.
    if pembuat.len() <= 1 {
        let alasan: Vec<String> = dilewati
            .iter()
            .map(|d| format!("  Tabel {}: {}", d.nomor, d.alasan))
            .collect();
        return Err(Galat::TanpaTabel(alasan.join("\n")));
    }
    let grafik = tables::grafik::susun(&masukan);
    let ada_grafik = grafik.is_some();
    write::tulis(pembuat, grafik, keluaran)?;
    Ok(Tersusun {
        dilewati,
        grafik: ada_grafik,
    })
}

/// What the marked copy holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tertanda {
    pub lembar: usize,
    pub galat: usize,
    pub peringatan: usize,
}

/// Writes the marked copy of the checked inputs (`periksa --keluaran`): every sheet of every
/// input, its values as read, the cells of its findings marked, then the Temuan sheet. A
/// sheet of a file that could not be read is left out (its failure is on the Temuan sheet
/// only if it was a finding; `periksa` prints it).
pub fn tandai(
    pemeriksaan: &Pemeriksaan,
    berkas: &[PathBuf],
    keluaran: &Path,
) -> Result<Tertanda, Galat> {
    use crate::tables::salinan::{self, IsiSalinan, LembarSalinan};
    let mut lembar: Vec<LembarSalinan> = Vec::new();
    let mut hasil = Tertanda::default();
    for b in berkas {
        let Ok(mut buku) = sheet::buka(b) else {
            continue;
        };
        let awalan = if berkas.len() > 1 {
            b.file_stem()
                .map(|s| format!("{} ", s.to_string_lossy()))
                .unwrap_or_default()
        } else {
            String::new()
        };
        for nama in buku.lembar.clone() {
            let grid = buku.baca(&nama).map_err(recognise::Galat::from)?;
            let mut sel = Vec::new();
            for baris in &grid.baris {
                for (c, isi) in baris.sel.iter().enumerate() {
                    let isi = match isi {
                        sheet::Isi::Teks(t) if !t.is_empty() => IsiSalinan::Teks(t.clone()),
                        sheet::Isi::Angka(f) => IsiSalinan::Angka(*f),
                        sheet::Isi::GalatExcel(t) | sheet::Isi::Lain(t) => {
                            IsiSalinan::Teks(t.clone())
                        }
                        _ => continue,
                    };
                    sel.push((
                        crate::model::Alamat {
                            r: baris.r,
                            c: c as u32,
                        },
                        isi,
                    ));
                }
            }
            let tanda = salinan::tanda(&pemeriksaan.temuan, &buku.berkas, &nama);
            hasil.galat += tanda
                .values()
                .filter(|t| t.tingkat == temuan::Tingkat::Galat)
                .count();
            hasil.peringatan += tanda
                .values()
                .filter(|t| t.tingkat == temuan::Tingkat::Peringatan)
                .count();
            let sudah: Vec<String> = lembar.iter().map(|l| l.nama.clone()).collect();
            lembar.push(LembarSalinan {
                nama: salinan::nama_lembar(&format!("{awalan}{nama}"), &sudah),
                sel,
                tanda,
            });
        }
    }
    hasil.lembar = lembar.len();
    let temuan = tables::tabel_temuan::susun(&pemeriksaan.temuan);
    write::salinan::tulis(&lembar, temuan, keluaran)?;
    Ok(hasil)
}

mod konversi;
pub use konversi::{Konversi, konversi};
