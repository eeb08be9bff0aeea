//! PK: a Perjanjian Kinerja lampiran sheet into a [`Pk`].
//!
//! Two styles are read (seed 000/001 and seed 004): a title block (`PERUBAHAN PERJANJIAN
//! KINERJA TAHUN 2024`, instansi, the two pihak with `Nama :` and `Jabatan :`), one or more
//! sasaran tables (`No | Sasaran … | Indikator Kinerja | [Satuan] | Target`) and a program
//! table (`No | Program / Kegiatan / Sub Kegiatan | Anggaran | Keterangan`) closed by
//! `J U M L A H` or by an unlabelled amount. A target carries its unit in its cell (`18
//! Org/Bulan`, `100 %`) or beside it; an amount is written `Rp.   2.877.638.950,-`,
//! `Rp 2,026,999,126`, `112.041.250.-`, or with `Rp` in a cell of its own.

pub mod nomenklatur;

use super::kepala::{self, PeranPk};
use crate::angka::{self, Angka, JenisAngka};
use crate::kode::Tingkat;
use crate::model::Alamat;
use crate::model::Nilai;
use crate::model::pk::{BarisProgram, BarisSasaran, JenisSasaran, Jumlah, Pihak, Pk, Target, Teks};
use crate::sheet::{Baris, Grid, Isi, rapikan};
use crate::temuan::{Temuan, Tingkat as TingkatTemuan};

/// What reading a sheet as a PK gave.
pub enum Hasil {
    Pk(Box<Pk>, Vec<Temuan>),
    /// The statement page alone (title, `Nama`/`Jabatan` of both pihak) with no table: its
    /// facts belong to the lampiran on the next sheet.
    Pernyataan(Box<Pk>),
    BukanPk(String),
    /// Headers and no rows under them: a blank form (`lkjip templat pk`). The header rows,
    /// 1-based, as said to the user (`6 dan 19`).
    Kosong {
        baris_kepala: String,
    },
}

fn kecil(teks: &str) -> String {
    rapikan(teks).to_lowercase()
}

/// A cell's text as the reader sees it (numbers in their shortest form), if any.
fn teks_isi(isi: &Isi) -> Option<String> {
    match isi {
        Isi::Teks(t) if !t.is_empty() => Some(t.clone()),
        Isi::Angka(f) => Some(
            angka::dari_f64(*f)
                .map_or_else(|_| f.to_string(), |a| a.nilai.to_string().replace('.', ",")),
        ),
        _ => None,
    }
}

fn sel_di(b: &Baris, c: u32) -> &Isi {
    b.sel.get(c as usize).unwrap_or(&Isi::Kosong)
}

/// Which table a header row opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JenisTabel {
    Sasaran(JenisSasaran),
    /// The level the header names (`Kegiatan`), `None` for a mixed one.
    Program(Option<Tingkat>),
}

#[derive(Debug, Clone)]
struct KepalaPk {
    r: u32,
    kolom: Vec<(u32, PeranPk, String)>,
    jenis: JenisTabel,
}

impl KepalaPk {
    fn kolom(&self, p: PeranPk) -> Option<u32> {
        self.kolom.iter().find(|k| k.1 == p).map(|k| k.0)
    }

    /// The columns a header covers: from its own to the next header (a merged `Target` over
    /// a satuan and a number, `Anggaran` over `Rp` and the amount), at most four.
    fn rentang(&self, c: u32) -> std::ops::Range<u32> {
        let akhir = self
            .kolom
            .iter()
            .map(|k| k.0)
            .filter(|&k| k > c)
            .min()
            .unwrap_or(c + 4)
            .min(c + 4);
        c..akhir
    }
}

fn jenis_sasaran(label: &str) -> JenisSasaran {
    let l = kecil(label);
    if l.contains("strategis") || l.contains("utama") {
        JenisSasaran::Strategis
    } else if l.contains("sub kegiatan") {
        JenisSasaran::SubKegiatan
    } else if l.contains("program") {
        JenisSasaran::Program
    } else if l.contains("kegiatan") {
        JenisSasaran::Kegiatan
    } else {
        JenisSasaran::Strategis
    }
}

fn tingkat_label(label: &str) -> Option<Tingkat> {
    let l = kecil(label);
    if l.contains('/') || l.contains(',') {
        None
    } else if l.starts_with("sub kegiatan") {
        Some(Tingkat::SubKegiatan)
    } else if l.starts_with("kegiatan") {
        Some(Tingkat::Kegiatan)
    } else if l.starts_with("program") {
        Some(Tingkat::Program)
    } else {
        None
    }
}

/// A header row of a sasaran or program table: only words, naming sasaran and indikator, or
/// an uraian and the anggaran.
fn kepala_di(b: &Baris) -> Option<KepalaPk> {
    if b.sel.iter().any(|i| matches!(i, Isi::Angka(_))) {
        return None;
    }
    let mut kolom: Vec<(u32, PeranPk, String)> = Vec::new();
    for (c, isi) in b.sel.iter().enumerate() {
        let Some(t) = isi.teks().filter(|t| !t.is_empty()) else {
            continue;
        };
        if let Some(p) = kepala::peran_pk(t)
            && !kolom.iter().any(|k| k.1 == p)
        {
            kolom.push((c as u32, p, t.to_string()));
        }
    }
    let punya = |p| kolom.iter().find(|k: &&(u32, PeranPk, String)| k.1 == p);
    let jenis = if let (Some(s), Some(_)) = (punya(PeranPk::Sasaran), punya(PeranPk::Indikator)) {
        JenisTabel::Sasaran(jenis_sasaran(&s.2))
    } else if let (Some(u), Some(_)) = (punya(PeranPk::Uraian), punya(PeranPk::Anggaran)) {
        JenisTabel::Program(tingkat_label(&u.2))
    } else {
        return None;
    };
    Some(KepalaPk {
        r: b.r,
        kolom,
        jenis,
    })
}

const BULAN: [&str; 12] = [
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
];

/// A row that ends a table: the signature block (`Pihak Kedua`, `Mangkutana, 1 Oktober
/// 2024`) or the facts above the next table (`TAHUN ANGGARAN : 2024`).
fn baris_penutup(b: &Baris) -> bool {
    b.sel.iter().filter_map(Isi::teks).any(|t| {
        let l = kecil(t);
        l.contains("pihak pertama")
            || l.contains("pihak kedua")
            || l.starts_with("lampiran")
            || l.starts_with("satuan kerja")
            || l.starts_with("tahun anggaran")
            || l.starts_with("perangkat daerah")
            || (l.contains(',') && BULAN.iter().any(|m| l.contains(m)) && tahun_dalam(&l).is_some())
    })
}

/// The first four-digit year (19xx, 20xx) in a text.
fn tahun_dalam(l: &str) -> Option<i32> {
    let b = l.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = &b[i..i + 4];
        let batas_kiri = i == 0 || !b[i - 1].is_ascii_digit();
        let batas_kanan = i + 4 == b.len() || !b[i + 4].is_ascii_digit();
        (batas_kiri
            && batas_kanan
            && w.iter().all(u8::is_ascii_digit)
            && (w[..2] == *b"19" || w[..2] == *b"20"))
            .then(|| l[i..i + 4].parse().ok())
            .flatten()
    })
}

/// `1.`, `I.`, `1)`, `a.` or `1` before a name: (number, name).
pub fn pisah_nomor(teks: &str) -> (Option<String>, String) {
    let t = rapikan(teks);
    let Some((awal, sisa)) = t.split_once(' ') else {
        return (None, t);
    };
    let inti = awal.trim_end_matches(['.', ')']);
    let bertanda = inti.len() < awal.len();
    let angka = !inti.is_empty() && inti.len() <= 3 && inti.chars().all(|c| c.is_ascii_digit());
    let romawi = !inti.is_empty()
        && inti.len() <= 5
        && inti.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let huruf = inti.len() == 1 && inti.chars().all(|c| c.is_ascii_lowercase());
    if (angka || ((romawi || huruf) && bertanda)) && sisa.starts_with(|c: char| c.is_alphabetic()) {
        (Some(awal.to_string()), sisa.to_string())
    } else {
        (None, t)
    }
}

fn romawi(nomor: &str) -> bool {
    let inti = nomor.trim_end_matches(['.', ')']);
    !inti.is_empty() && inti.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// A target number: `87,40` and `0,5` are decimals, `1.500` is one thousand five hundred
/// (targets count people and documents; a dot before three digits groups thousands).
pub(super) fn angka_target(teks: &str) -> Option<Angka> {
    let ribuan =
        teks.contains('.') && !teks.contains(',') && teks.split('.').skip(1).all(|k| k.len() == 3);
    let jenis = if ribuan {
        JenisAngka::Rupiah
    } else {
        JenisAngka::Persen
    };
    angka::baca_teks(teks, jenis).ok().flatten()
}

/// Splits a target as written into its number and its unit: `18 Org/Bulan` → 18,
/// `Org/Bulan`; `100 %` and `100%` → 100, `%`; `87,40` → 87,40 and no unit; `Nilai 87,40` →
/// 87,40, `Nilai`. `None` when no part is a number.
pub fn pisah_target(teks: &str) -> Option<(Angka, Option<String>)> {
    let t = rapikan(teks);
    let kata: Vec<&str> = t.split(' ').collect();
    for (i, k) in kata.iter().enumerate() {
        let (inti, persen) = match k.strip_suffix('%') {
            Some(x) if !x.is_empty() => (x, true),
            _ => (*k, false),
        };
        if !inti.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Some(a) = angka_target(inti) else {
            continue;
        };
        let mut sisa: Vec<&str> = kata[..i].to_vec();
        if persen {
            sisa.push("%");
        }
        sisa.extend(&kata[i + 1..]);
        let satuan = sisa.join(" ");
        return Some((a, Some(satuan).filter(|s| !s.is_empty())));
    }
    None
}

/// Text the user must fix: an amount that is no number.
fn galat_angka(grid: &Grid, sel: Alamat, teks: &str, alasan: &str) -> Temuan {
    Temuan::baru(
        TingkatTemuan::Galat,
        "PK_ANGGARAN_BUKAN_ANGKA",
        crate::model::Sumber {
            berkas: grid.berkas.clone(),
            lembar: grid.lembar.clone(),
            sel: sel.to_string(),
        },
        format!(
            "'{teks}' di kolom anggaran bukan angka ({alasan}). Tulis angkanya (mis. Rp 1.234.567 atau 1.234.567,00) lalu ulangi; baris ini tidak ikut dijumlahkan"
        ),
    )
}

/// The amount of a row in the anggaran column or, when that holds only `Rp`, the cell
/// beside it.
fn anggaran_baris(
    grid: &Grid,
    b: &Baris,
    rentang: std::ops::Range<u32>,
    temuan: &mut Vec<Temuan>,
) -> Option<Nilai> {
    for c in rentang {
        let sel = Alamat { r: b.r, c };
        match sel_di(b, c) {
            Isi::Angka(f) => {
                return match angka::dari_f64(*f) {
                    Ok(a) => Some(Nilai { angka: a, sel }),
                    Err(e) => {
                        temuan.push(galat_angka(grid, sel, &e.teks, &e.alasan.to_string()));
                        None
                    }
                };
            }
            Isi::Teks(t) if t.is_empty() => {}
            Isi::Teks(t) => {
                let l = kecil(t);
                if matches!(l.trim_end_matches('.'), "rp" | "idr") {
                    continue;
                }
                return match angka::baca_teks(t, JenisAngka::Rupiah) {
                    Ok(Some(a)) => Some(Nilai { angka: a, sel }),
                    Ok(None) => None,
                    Err(e) => {
                        temuan.push(galat_angka(grid, sel, t, &e.alasan.to_string()));
                        None
                    }
                };
            }
            Isi::Kosong => {}
            Isi::RumusTanpaHasil => {
                temuan.push(galat_angka(
                    grid,
                    sel,
                    "(rumus tanpa hasil)",
                    "rumus yang hasilnya tidak tersimpan; buka dan simpan ulang di Excel",
                ));
                return None;
            }
            Isi::GalatExcel(g) | Isi::Lain(g) => {
                temuan.push(galat_angka(grid, sel, g, "galat Excel"));
                return None;
            }
        }
    }
    None
}

fn teks_di(b: &Baris, c: Option<u32>) -> Option<Teks> {
    let c = c?;
    teks_isi(sel_di(b, c)).map(|isi| Teks {
        isi,
        sel: Alamat { r: b.r, c },
    })
}

/// Whether a label is the total row: `JUMLAH`, `J U M L A H`, `TOTAL`.
fn label_jumlah(t: &str) -> bool {
    let padat: String = kecil(t).chars().filter(|c| c.is_alphanumeric()).collect();
    matches!(
        padat.as_str(),
        "jumlah" | "total" | "jumlahtotal" | "jumlahanggaran" | "totalanggaran" | "grandtotal"
    )
}

struct Pembaca<'a> {
    grid: &'a Grid,
    pk: Pk,
    temuan: Vec<Temuan>,
    /// How many more names may be looked for by likeness (each reads the whole
    /// nomenclature): a sheet of thousands of unknown names stays fast.
    mirip_sisa: usize,
}

impl Pembaca<'_> {
    fn sumber(&self, sel: Alamat) -> crate::model::Sumber {
        self.pk.sumber(sel)
    }

    /// The rows of a sasaran table, from `i`; returns where the table ends.
    fn sasaran(&mut self, k: &KepalaPk, jenis: JenisSasaran, mut i: usize) -> usize {
        let baris = &self.grid.baris;
        let c_no = k.kolom(PeranPk::Nomor);
        let c_sasaran = k.kolom(PeranPk::Sasaran);
        let c_indikator = k.kolom(PeranPk::Indikator);
        let c_satuan = k.kolom(PeranPk::Satuan);
        let c_target = k.kolom(PeranPk::Target);
        // `TARGET TAHUN 2022`: the year, when no title gave it.
        if self.pk.tahun.is_none() {
            self.pk.tahun = k
                .kolom
                .iter()
                .find(|x| x.1 == PeranPk::Target)
                .and_then(|x| tahun_dalam(&kecil(&x.2)));
        }
        if c_target.is_none() {
            let sel = Alamat {
                r: k.r,
                c: c_indikator.unwrap_or(0),
            };
            self.temuan.push(Temuan::baru(
                TingkatTemuan::Info,
                "PK_TANPA_TARGET",
                self.sumber(sel),
                "tabel sasaran ini tidak punya kolom target; indikatornya dibaca tanpa target"
                    .to_string(),
            ));
        }
        let mut sasaran_lalu: Option<Teks> = None;
        while i < baris.len() {
            let b = &baris[i];
            if kepala_di(b).is_some() || baris_penutup(b) {
                break;
            }
            i += 1;
            if kepala::baris_nomor_kolom(&b.sel) {
                continue;
            }
            let sasaran = teks_di(b, c_sasaran);
            let Some(indikator) = teks_di(b, c_indikator) else {
                if sasaran.is_some() {
                    sasaran_lalu = sasaran;
                }
                continue;
            };
            let Some(sasaran) = sasaran.or_else(|| sasaran_lalu.clone()) else {
                continue;
            };
            sasaran_lalu = Some(sasaran.clone());
            let satuan = teks_di(b, c_satuan);
            let target = c_target.and_then(|c| self.target(b, k.rentang(c)));
            self.pk.sasaran.push(BarisSasaran {
                jenis,
                nomor: teks_di(b, c_no).map(|t| t.isi),
                sasaran,
                indikator,
                satuan,
                target,
            });
        }
        i
    }

    /// The target cells of a row: a number with or without its unit, and a unit beside it.
    fn target(&self, b: &Baris, rentang: std::ops::Range<u32>) -> Option<Target> {
        let mut teks = Vec::new();
        let mut nilai = None;
        let mut satuan: Vec<String> = Vec::new();
        let mut sel = None;
        for c in rentang {
            let isi = sel_di(b, c);
            let Some(t) = teks_isi(isi) else { continue };
            teks.push(t.clone());
            let di = Alamat { r: b.r, c };
            sel.get_or_insert(di);
            let pisah = match isi {
                Isi::Angka(f) => angka::dari_f64(*f).ok().map(|a| (a, None)),
                _ => pisah_target(&t),
            };
            match pisah {
                Some((a, s)) if nilai.is_none() => {
                    nilai = Some(a);
                    sel = Some(di);
                    satuan.extend(s);
                }
                _ => satuan.push(t),
            }
        }
        Some(Target {
            nilai,
            satuan: Some(satuan.join(" ")).filter(|s| !s.is_empty()),
            teks: teks.join(" "),
            sel: sel?,
        })
    }

    /// The rows of a program table, from `i`; returns where the table ends.
    fn program(&mut self, k: &KepalaPk, petunjuk: Option<Tingkat>, mut i: usize) -> usize {
        let baris = &self.grid.baris;
        let c_no = k.kolom(PeranPk::Nomor);
        let c_uraian = k.kolom(PeranPk::Uraian);
        let Some(c_anggaran) = k.kolom(PeranPk::Anggaran) else {
            return i;
        };
        let awal = self.pk.program.len();
        while i < baris.len() {
            let b = &baris[i];
            if kepala_di(b).is_some() || baris_penutup(b) {
                break;
            }
            i += 1;
            if kepala::baris_nomor_kolom(&b.sel) {
                continue;
            }
            let nomor_kolom = teks_di(b, c_no);
            let uraian = teks_di(b, c_uraian);
            let label = uraian
                .as_ref()
                .or(nomor_kolom.as_ref())
                .map(|t| t.isi.clone())
                .unwrap_or_default();
            let mut temuan = Vec::new();
            let anggaran = anggaran_baris(self.grid, b, k.rentang(c_anggaran), &mut temuan);
            self.temuan.extend(temuan);
            if label_jumlah(&label) {
                if let Some(n) = anggaran {
                    self.pk.jumlah = Some(Jumlah {
                        nilai: n,
                        tanpa_label: false,
                    });
                }
                break;
            }
            let Some(uraian) = uraian else {
                // An amount under the lines with no label: the table's total.
                if let Some(n) = anggaran
                    && nomor_kolom.is_none()
                    && self.pk.program.len() > awal
                {
                    self.pk.jumlah = Some(Jumlah {
                        nilai: n,
                        tanpa_label: true,
                    });
                    break;
                }
                continue;
            };
            let (nomor_dalam, nama) = pisah_nomor(&uraian.isi);
            self.pk.program.push(BarisProgram {
                r: b.r,
                nomor: nomor_kolom.map(|t| t.isi).or(nomor_dalam),
                uraian: Teks {
                    isi: nama,
                    sel: uraian.sel,
                },
                tingkat: petunjuk.unwrap_or(Tingkat::Program),
                anggaran,
                kode: Vec::new(),
                induk: None,
            });
        }
        self.tingkat_dan_induk(awal, petunjuk);
        i
    }

    /// The level of each line of one program table (from the nomenclature, a `Program …`
    /// name, a Roman number, else what most lines are or what the header says), and the
    /// line each sits under.
    fn tingkat_dan_induk(&mut self, awal: usize, petunjuk: Option<Tingkat>) {
        let mut yakin = Vec::new();
        for j in awal..self.pk.program.len() {
            let l = &self.pk.program[j];
            let cocok = nomenklatur::cari(&l.uraian.isi, self.mirip_sisa > 0);
            if cocok.as_ref().is_none_or(|c| c.mirip.is_some()) {
                self.mirip_sisa = self.mirip_sisa.saturating_sub(1);
            }
            let mut tingkat = None;
            if let Some(c) = cocok {
                let mut tingkat_kode: Vec<Tingkat> = c
                    .kode
                    .iter()
                    .filter_map(|k| nomenklatur::tingkat_kode(k))
                    .collect();
                tingkat_kode.sort();
                tingkat_kode.dedup();
                let t = match tingkat_kode.as_slice() {
                    [satu] => Some(*satu),
                    banyak if petunjuk.is_some_and(|p| banyak.contains(&p)) => petunjuk,
                    banyak => banyak.first().copied(),
                };
                if let Some(t) = t {
                    let kode: Vec<String> = c
                        .kode
                        .into_iter()
                        .filter(|k| nomenklatur::tingkat_kode(k) == Some(t))
                        .collect();
                    if let Some(mirip) = &c.mirip {
                        self.temuan.push(Temuan::baru(
                            TingkatTemuan::Info,
                            "PK_NAMA_MIRIP",
                            self.pk.sumber(l.uraian.sel),
                            format!(
                                "'{}' tidak persis ada di nomenklatur; dibaca sebagai {} '{}' ({})",
                                l.uraian.isi,
                                t.nama(),
                                mirip,
                                kode.join(", ")
                            ),
                        ));
                    }
                    self.pk.program[j].kode = kode;
                    tingkat = Some(t);
                }
            }
            let l = &self.pk.program[j];
            if tingkat.is_none() && nomenklatur::normal(&l.uraian.isi).starts_with("program ") {
                tingkat = Some(Tingkat::Program);
            }
            if tingkat.is_none() && l.nomor.as_deref().is_some_and(romawi) {
                tingkat = Some(Tingkat::Program);
            }
            yakin.push(tingkat);
        }
        // Lines the nomenclature does not know take the level most lines have, so that an
        // unknown name does not become the parent of the lines after it.
        let mut hitung: Vec<(Tingkat, usize)> = Vec::new();
        for t in yakin.iter().flatten() {
            match hitung.iter_mut().find(|(x, _)| x == t) {
                Some((_, n)) => *n += 1,
                None => hitung.push((*t, 1)),
            }
        }
        let umum = hitung
            .iter()
            .max_by_key(|(t, n)| (*n, std::cmp::Reverse(*t)))
            .map(|(t, _)| *t)
            .or(petunjuk)
            .unwrap_or(Tingkat::Program);
        let mut tumpuk: Vec<(Tingkat, usize)> = Vec::new();
        for (k, t) in yakin.into_iter().enumerate() {
            let j = awal + k;
            let t = t.unwrap_or(umum);
            while tumpuk.last().is_some_and(|(x, _)| *x >= t) {
                tumpuk.pop();
            }
            let l = &mut self.pk.program[j];
            l.tingkat = t;
            l.induk = tumpuk.last().map(|(_, i)| *i);
            tumpuk.push((t, j));
        }
    }

    /// Title, instansi and the two pihak, wherever they are on the sheet.
    fn fakta(&mut self) {
        let mut pasangan: Vec<(Option<Teks>, Option<Teks>)> = Vec::new();
        let mut nama: Option<Teks> = None;
        let mut tertunda: Option<(Option<Teks>, Teks)> = None;
        for b in &self.grid.baris {
            let isi: Vec<(u32, &str)> = b
                .sel
                .iter()
                .enumerate()
                .filter_map(|(c, i)| i.teks().filter(|t| !t.is_empty()).map(|t| (c as u32, t)))
                .collect();
            for &(_, t) in &isi {
                let l = kecil(t);
                if l.contains("perjanjian kinerja") {
                    self.pk.perubahan |= l.contains("perubahan");
                    if self.pk.tahun.is_none() {
                        self.pk.tahun = l.split_once("tahun").and_then(|(_, s)| tahun_dalam(s));
                    }
                }
                if let Some(p) = l
                    .rsplit("disebut pihak ")
                    .next()
                    .filter(|_| l.contains("disebut pihak "))
                {
                    let ke_dua = p.starts_with("kedua");
                    if let Some((n, j)) = tertunda.take() {
                        let pihak = Pihak {
                            jabatan: j,
                            nama: n,
                        };
                        if ke_dua {
                            self.pk.pihak_kedua.get_or_insert(pihak);
                        } else {
                            self.pk.pihak_pertama.get_or_insert(pihak);
                        }
                    }
                }
            }
            let Some(&(c0, t0)) = isi.first() else {
                continue;
            };
            let (kunci, nilai) = match t0.split_once(':') {
                Some((k, v)) if !v.trim().is_empty() => (
                    kecil(k),
                    Some(Teks {
                        isi: rapikan(v),
                        sel: Alamat { r: b.r, c: c0 },
                    }),
                ),
                Some((k, _)) => (kecil(k), None),
                None => (kecil(t0), None),
            };
            let nilai = nilai.or_else(|| {
                isi[1..].iter().find_map(|&(c, t)| {
                    let v = rapikan(t.trim_start_matches(':'));
                    (!v.is_empty()).then_some(Teks {
                        isi: v,
                        sel: Alamat { r: b.r, c },
                    })
                })
            });
            let Some(nilai) = nilai else { continue };
            match kunci.as_str() {
                "nama" => nama = Some(nilai),
                // The lkjip PK form (`lkjip templat pk`) names each pihak's jabatan on a line.
                k if k.contains("jabatan") && k.contains("pihak pertama") => {
                    self.pk.pihak_pertama.get_or_insert(Pihak {
                        jabatan: nilai,
                        nama: None,
                    });
                }
                k if k.contains("jabatan") && k.contains("pihak kedua") => {
                    self.pk.pihak_kedua.get_or_insert(Pihak {
                        jabatan: nilai,
                        nama: None,
                    });
                }
                "jabatan" => {
                    if let Some((n, j)) = tertunda.take() {
                        pasangan.push((n, Some(j)));
                    }
                    tertunda = Some((nama.take(), nilai));
                }
                k if [
                    "satuan kerja",
                    "perangkat daerah",
                    "skpd",
                    "opd",
                    "instansi",
                    "unit kerja",
                ]
                .iter()
                .any(|a| k.starts_with(a)) =>
                {
                    self.pk.instansi.get_or_insert(nilai);
                }
                k if k.starts_with("tahun anggaran") && self.pk.tahun.is_none() => {
                    self.pk.tahun = tahun_dalam(&nilai.isi);
                }
                _ => {}
            }
        }
        if let Some((n, j)) = tertunda.take() {
            pasangan.push((n, Some(j)));
        }
        // `Nama`/`Jabatan` pairs that no `selanjutnya disebut Pihak …` placed: in order.
        for (n, j) in pasangan {
            let Some(jabatan) = j else { continue };
            let pihak = Pihak { jabatan, nama: n };
            if self.pk.pihak_pertama.is_none() {
                self.pk.pihak_pertama = Some(pihak);
            } else if self.pk.pihak_kedua.is_none() {
                self.pk.pihak_kedua = Some(pihak);
            }
        }
    }
}

/// A lampiran sheet without its pihak takes them (and the title's facts it lacks) from the
/// statement page on the sheet before it; said as info.
pub fn lengkapi_dari_pernyataan(pk: &mut Pk, pernyataan: &Pk) -> Temuan {
    pk.pihak_pertama = pernyataan.pihak_pertama.clone();
    pk.pihak_kedua = pk
        .pihak_kedua
        .take()
        .or_else(|| pernyataan.pihak_kedua.clone());
    pk.perubahan |= pernyataan.perubahan;
    pk.tahun = pk.tahun.or(pernyataan.tahun);
    if pk.instansi.is_none() {
        pk.instansi = pernyataan.instansi.clone();
    }
    let sel = pk
        .pihak_pertama
        .as_ref()
        .map(|p| p.jabatan.sel.to_string())
        .unwrap_or_default();
    Temuan::baru(
        TingkatTemuan::Info,
        "PK_PERNYATAAN_LEMBAR_LAIN",
        pk.sumber(""),
        format!(
            "lampiran ini tidak menyebut pihaknya; jabatan pihak pertama dan kedua diambil dari halaman pernyataan di lembar '{}' (sel {sel})",
            pernyataan.lembar
        ),
    )
}

/// Names looked for by likeness per sheet, at most.
const MIRIP_MAKS: usize = 500;

/// Whether the first rows of a sheet look like a PK: a title naming a Perjanjian Kinerja or
/// a sasaran table header, and no realisasi header.
pub fn tampak_pk(grid: &Grid) -> bool {
    let judul = grid.baris.iter().any(|b| {
        b.sel
            .iter()
            .filter_map(Isi::teks)
            .any(|t| kecil(t).contains("perjanjian kinerja"))
    });
    let sasaran = grid
        .baris
        .iter()
        .filter_map(kepala_di)
        .any(|k| matches!(k.jenis, JenisTabel::Sasaran(_)));
    (judul || sasaran) && kepala::cari(grid).is_none()
}

/// Reads a sheet as a PK lampiran.
pub fn kenali(grid: &Grid) -> Hasil {
    let mut p = Pembaca {
        grid,
        pk: Pk {
            berkas: grid.berkas.clone(),
            lembar: grid.lembar.clone(),
            perubahan: false,
            tahun: None,
            instansi: None,
            pihak_pertama: None,
            pihak_kedua: None,
            sasaran: Vec::new(),
            program: Vec::new(),
            jumlah: None,
        },
        temuan: Vec::new(),
        mirip_sisa: MIRIP_MAKS,
    };
    p.fakta();
    let mut i = 0;
    // The header rows found (1-based), to tell a blank form from a sheet that is no PK.
    let mut baris_kepala: Vec<String> = Vec::new();
    while i < grid.baris.len() {
        let Some(k) = kepala_di(&grid.baris[i]) else {
            i += 1;
            continue;
        };
        baris_kepala.push((k.r + 1).to_string());
        i += 1;
        i = match k.jenis {
            JenisTabel::Sasaran(j) => p.sasaran(&k, j, i),
            JenisTabel::Program(t) => p.program(&k, t, i),
        };
    }
    if p.pk.sasaran.is_empty() && p.pk.program.is_empty() && p.pk.pihak_pertama.is_some() {
        return Hasil::Pernyataan(Box::new(p.pk));
    }
    if p.pk.sasaran.is_empty() && p.pk.program.is_empty() && !baris_kepala.is_empty() {
        // A blank form (`lkjip templat pk`): its headers, its `Instansi :` with nothing
        // after, a `JUMLAH` with no amount.
        return Hasil::Kosong {
            baris_kepala: baris_kepala.join(" dan "),
        };
    }
    if p.pk.sasaran.is_empty() && p.pk.program.is_empty() {
        return Hasil::BukanPk(
            "lembar tampak seperti Perjanjian Kinerja (judulnya atau kepala tabel sasarannya), tetapi tidak ada tabel sasaran (Sasaran | Indikator Kinerja | Target) atau tabel program (Program | Anggaran) yang berisi baris".to_string(),
        );
    }
    Hasil::Pk(Box::new(p.pk), p.temuan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn target(t: &str) -> (Decimal, u32, Option<String>) {
        let (a, s) = pisah_target(t).unwrap_or_else(|| panic!("{t}"));
        (a.nilai, a.desimal, s)
    }

    #[test]
    fn target_dan_satuan_dipisah() {
        // Seed 004, PK kasubag umum dan keuangan, sasaran 1 and 6.
        assert_eq!(
            target("18 Org/Bulan"),
            (d("18"), 0, Some("Org/Bulan".into()))
        );
        assert_eq!(target("7  Paket"), (d("7"), 0, Some("Paket".into())));
        // Seed 004, PK camat, sasaran program; PK sekretaris camat.
        assert_eq!(target("100 %"), (d("100"), 0, Some("%".into())));
        assert_eq!(target("100%"), (d("100"), 0, Some("%".into())));
        // Seed 004, PK camat, sasaran strategis (the satuan `Nilai` in its own cell).
        assert_eq!(target("87,40"), (d("87.40"), 2, None));
        assert_eq!(target("Nilai 71,55"), (d("71.55"), 2, Some("Nilai".into())));
        // Seed 001, Tabel 6.
        assert_eq!(target("87,0"), (d("87.0"), 1, None));
        assert_eq!(target("2 Dok"), (d("2"), 0, Some("Dok".into())));
        assert_eq!(target("1.500 Orang"), (d("1500"), 0, Some("Orang".into())));
        assert!(pisah_target("Baik").is_none());
        assert!(pisah_target("n/a").is_none());
    }

    #[test]
    fn nomor_di_depan_nama() {
        assert_eq!(
            pisah_nomor("1. Program Penunjang urusan Pemerintahan daerah Kabupaten/Kota"),
            (
                Some("1.".into()),
                "Program Penunjang urusan Pemerintahan daerah Kabupaten/Kota".into()
            )
        );
        assert_eq!(pisah_nomor("I. PROGRAM X").0.as_deref(), Some("I."));
        assert_eq!(pisah_nomor("Penyediaan Gaji dan Tunjangan ASN").0, None);
        assert_eq!(pisah_nomor("2024 Kegiatan").0, None);
    }

    #[test]
    fn bentuk_anggaran_seed() {
        // The amounts as seed 004 writes them (and seed 000).
        for (teks, nilai) in [
            ("Rp.   2.877.638.950,-", "2877638950"),
            ("Rp 2,026,999,126", "2026999126"),
            ("112.041.250.-", "112041250"),
            ("Rp.\t     12.597.500.-", "12597500"),
            ("Rp.     2,877,638,950", "2877638950"),
            ("25.870.590.123,00", "25870590123"),
            ("  13,691,650", "13691650"),
        ] {
            let b = Baris {
                r: 4,
                sel: vec![Isi::Teks(rapikan(teks))],
            };
            let g = Grid {
                berkas: "uji.xlsx".into(),
                lembar: "PK".into(),
                baris: vec![],
                gabungan: vec![],
            };
            let mut t = Vec::new();
            let n = anggaran_baris(&g, &b, 0..1, &mut t).unwrap_or_else(|| panic!("{teks}"));
            assert_eq!(n.nilai(), d(nilai), "{teks}");
            assert!(t.is_empty());
        }
        // `Rp` in a cell of its own, the amount beside it (seed 004, kasubag umum).
        let b = Baris {
            r: 4,
            sel: vec![Isi::Teks("Rp".into()), Isi::Teks("2,026,999,126".into())],
        };
        let g = Grid {
            berkas: "uji.xlsx".into(),
            lembar: "PK".into(),
            baris: vec![],
            gabungan: vec![],
        };
        let mut t = Vec::new();
        let n = anggaran_baris(&g, &b, 0..2, &mut t).unwrap();
        assert_eq!(
            (n.nilai(), n.sel.to_string()),
            (d("2026999126"), "B5".into())
        );
        let b = Baris {
            r: 4,
            sel: vec![Isi::Teks("Rp. dua juta".into())],
        };
        assert!(anggaran_baris(&g, &b, 0..1, &mut t).is_none());
        assert_eq!(t[0].kode, "PK_ANGGARAN_BUKAN_ANGKA");
        assert_eq!(t[0].lokasi.sel, "A5");
    }

    fn grid(baris: &[&[&str]]) -> Grid {
        Grid {
            berkas: "pk.xlsx".to_string(),
            lembar: "PK".to_string(),
            baris: baris
                .iter()
                .enumerate()
                .map(|(r, sel)| Baris {
                    r: r as u32,
                    sel: sel.iter().map(|t| Isi::Teks(t.to_string())).collect(),
                })
                .collect(),
            gabungan: Vec::new(),
        }
    }

    #[test]
    fn pihak_dari_baris_formulir_lkjip() {
        // The opening lines of `lkjip templat pk`, filled as seed 000 names the two pihak,
        // once after the colon and once in the next cell.
        let g = grid(&[
            &["PERJANJIAN KINERJA TAHUN 2023"],
            &["Instansi : Kecamatan Bontang Barat"],
            &["Pihak Pertama Jabatan : Camat Bontang Barat"],
            &["Pihak Kedua Jabatan : ", "Walikota Bontang"],
            &[],
            &[
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Satuan",
                "Target",
            ],
            &[
                "1",
                "Meningkatnya kualitas pelayanan",
                "Nilai SKM",
                "Nilai",
                "87",
            ],
        ]);
        let Hasil::Pk(pk, _) = kenali(&g) else {
            panic!("bukan PK")
        };
        assert_eq!(pk.tahun, Some(2023));
        assert_eq!(
            pk.pihak_pertama.map(|p| p.jabatan.isi),
            Some("Camat Bontang Barat".to_string())
        );
        assert_eq!(
            pk.pihak_kedua.map(|p| p.jabatan.isi),
            Some("Walikota Bontang".to_string())
        );
        assert_eq!(
            pk.instansi.map(|t| t.isi),
            Some("Kecamatan Bontang Barat".to_string())
        );
    }

    #[test]
    fn label_total() {
        assert!(label_jumlah("J U M L A H"));
        assert!(label_jumlah("JUMLAH"));
        assert!(label_jumlah("Total"));
        assert!(!label_jumlah("Jumlah Dokumen Perencanaan"));
    }
}
