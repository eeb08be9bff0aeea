//! The tabular DPA exports (`docs/dpa-tata-letak.md`, layouts 3, 4, 5 and 7) into one [`Dpa`]
//! per sub kegiatan:
//!
//! - **rekap belanja per sub kegiatan** (layout 3): `Urusan | Bidang | Program | Kegiatan |
//!   Sub Kegiatan | Uraian | Sumber Dana | Lokasi | JUMLAH › {T-1, Tahun N › {Belanja Operasi,
//!   …, Jumlah}, T+1}`, one code part per column, parent rows (urusan … kegiatan) as
//!   `SUBTOTAL`s and a `JUMLAH` row. Read by [`kenali_rekap`]; its parent rows are kept in a
//!   [`Rekap`] so that `check::dpa_tabel` can add them up.
//! - **one row per rekening** (layouts 4, 5, 7), read by one reader, [`kenali_rekening`]:
//!   the flat export (`code name` in one cell per level, `Nilai Rincian`/`APBD`, `Total RAK`,
//!   `Bulan 1 … 12`), the SIPD-RI rekap (a `KODE …` and a `NAMA …` column per level, `PAGU`,
//!   one row per rekening and paket, rows without an amount only naming a sub kegiatan) and
//!   the anggaran kas CSV (`kode_sub_giat`, `kode_akun`, `total_rincian`, `bulan_1 … 12`).
//!   They differ only in how the columns are named, so the columns are found by role.
//!
//! Columns are found by their header text, never their position. Every value keeps its
//! cell; an amount that cannot be read (a word, an Excel error, a formula without its cached
//! value) is a galat at its cell, never a 0.

use crate::angka::{self, JenisAngka};
use crate::check::dpa_tabel::{BarisRekap, KolomRekap, Rekap, TingkatRekap};
use crate::kode::{Kode, Tingkat};
use crate::model::dpa::{
    BarisRincian, Bentuk, Berkode, Dpa, JenisRincian, KelompokBelanja, Penarikan,
};
use crate::model::kinerja::Asal;
use crate::model::pk::Teks;
use crate::model::{Alamat, Nilai};
use crate::sheet::{Grid, Isi, rapikan};
use crate::temuan::{Temuan, Tingkat as T};
use std::collections::HashMap;

/// Rows the title block may take above the header.
const BARIS_KEPALA_MAKS: u32 = super::kepala::BARIS_KEPALA_MAKS;

/// A header or label as compared: lower case, `_` as a space (`kode_sub_giat`), whitespace
/// folded, and the `:` a label may carry dropped.
fn label(t: &str) -> String {
    rapikan(&t.replace('_', " "))
        .to_lowercase()
        .trim_matches(|c: char| c == ':' || c.is_whitespace())
        .to_string()
}

/// What one sheet gave.
pub struct Lembar {
    pub bentuk: Bentuk,
    /// One per sub kegiatan, with what reading its rows showed.
    pub dpa: Vec<(Dpa, Vec<Temuan>)>,
    /// Rekap belanja: every row with its amounts, parents included, for the sums.
    pub rekap: Option<Rekap>,
    /// What was read, said once for the sheet (to go with the first DPA).
    pub temuan: Vec<Temuan>,
}

pub enum Hasil {
    Lembar(Lembar),
    /// The header and no data row under it.
    Kosong {
        bentuk: Bentuk,
        baris_kepala: u32,
    },
}

/// Which tabular DPA export a sheet is, from its header (`None`: none of them). Cheap: only
/// the first rows are looked at.
pub fn tampak(grid: &Grid) -> Option<Bentuk> {
    if cari_kepala_rekap(grid).is_some() {
        return Some(Bentuk::RekapBelanja);
    }
    cari_kepala_rekening(grid).map(|(_, k)| k.bentuk)
}

/// Reads a sheet [`tampak`] recognised as `bentuk`.
pub fn kenali(grid: &Grid, bentuk: Bentuk) -> Option<Hasil> {
    match bentuk {
        Bentuk::RekapBelanja => kenali_rekap(grid),
        Bentuk::Datar | Bentuk::SipdRi | Bentuk::AnggaranKas => kenali_rekening(grid),
        Bentuk::Rincian => None,
    }
}

struct Pembaca<'a> {
    grid: &'a Grid,
    asal: Asal,
    temuan: Vec<Temuan>,
}

impl Pembaca<'_> {
    fn baru(grid: &Grid) -> Pembaca<'_> {
        Pembaca {
            grid,
            asal: Asal {
                berkas: grid.berkas.clone(),
                lembar: grid.lembar.clone(),
            },
            temuan: Vec::new(),
        }
    }

    fn catat(&mut self, tingkat: T, sel: Alamat, kode: &'static str, pesan: String) {
        self.temuan
            .push(Temuan::baru(tingkat, kode, self.asal.sumber(sel), pesan));
    }

    /// A text cell (a number cell as its shortest text), trimmed; `None` when empty.
    fn teks(&self, r: u32, c: u32) -> Option<Teks> {
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

    /// An amount: a number cell, or text as Indonesian reports write it (`1.234.567`,
    /// `Rp 1.698.100`, `-`, and `1,234,567` the other way round). Anything else in an amount
    /// column is a galat at its cell.
    fn angka(&mut self, r: u32, c: u32) -> Option<Nilai> {
        let sel = Alamat { r, c };
        let hasil = match self.grid.sel(r, c) {
            Isi::Kosong => return None,
            Isi::Angka(f) => angka::dari_f64(*f),
            Isi::Teks(t) => match angka::baca_teks(&rapikan(t), JenisAngka::Rupiah) {
                Ok(Some(a)) => Ok(a),
                Ok(None) => return None,
                Err(e) => Err(e),
            },
            Isi::RumusTanpaHasil => {
                self.catat(
                    T::Galat,
                    sel,
                    "ANGKA_TIDAK_TERBACA",
                    "sel berisi rumus tanpa nilai tersimpan (ekspor yang tidak menghitung), jadi angkanya tidak diketahui; buka dan simpan ulang berkasnya di Excel".to_string(),
                );
                return None;
            }
            Isi::GalatExcel(g) | Isi::Lain(g) => {
                self.catat(
                    T::Galat,
                    sel,
                    "ANGKA_TIDAK_TERBACA",
                    format!("sel berisi {g}, bukan angka"),
                );
                return None;
            }
        };
        match hasil {
            Ok(angka) => Some(Nilai { angka, sel }),
            Err(e) => {
                self.catat(T::Galat, sel, "ANGKA_TIDAK_TERBACA", e.to_string());
                None
            }
        }
    }
}

/// `7.01.02 PROGRAM …` (or a code alone, or a name alone) as a [`Berkode`]. A one-part code
/// (`7 UNSUR KEWILAYAHAN`) is accepted here: in a column of urusan it is one.
fn berkode(t: &Teks) -> Berkode {
    let (kode, nama) = match t.isi.split_once(char::is_whitespace) {
        Some((awal, sisa)) => match Kode::baca(awal) {
            Some(k) => (
                Some(k),
                sisa.trim_start_matches([' ', '-']).trim().to_string(),
            ),
            None => (None, t.isi.clone()),
        },
        None => match Kode::baca(&t.isi) {
            Some(k) => (Some(k), String::new()),
            None => (None, t.isi.clone()),
        },
    };
    Berkode {
        kode,
        nama,
        sel: t.sel,
    }
}

/// A DPA of `bentuk` with nothing read yet.
pub(crate) fn dpa_kosong(asal: &Asal, bentuk: Bentuk) -> Dpa {
    Dpa {
        asal: asal.clone(),
        bentuk,
        tahun: None,
        urusan: None,
        bidang: None,
        program: None,
        kegiatan: None,
        organisasi: None,
        unit: None,
        sub_kegiatan: None,
        alokasi: Vec::new(),
        sumber_dana: None,
        lokasi: None,
        indikator: Vec::new(),
        rincian: Vec::new(),
        jumlah: None,
        perubahan: false,
        jumlah_sebelum: None,
        jumlah_bertambah: None,
        penarikan: Vec::new(),
        penarikan_jumlah: None,
        belanja: Vec::new(),
    }
}

/// `Tahun Anggaran 2022` in the rows above the header.
fn cari_tahun(grid: &Grid, sampai: u32) -> Option<i32> {
    grid.baris
        .iter()
        .take_while(|b| b.r < sampai)
        .flat_map(|b| b.sel.iter().filter_map(Isi::teks))
        .find_map(|t| {
            let l = label(t);
            let i = l.find("tahun anggaran")?;
            l[i..]
                .split(|ch: char| !ch.is_ascii_digit())
                .find_map(|s| s.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)))
        })
}

/// The kelompok belanja a header names (`Belanja Operasi`, `Modal`, `BTT`).
fn kelompok_belanja(l: &str) -> Option<KelompokBelanja> {
    let l = l.split('(').next().unwrap_or(l).trim();
    let l = l.strip_prefix("belanja").map_or(l, str::trim);
    Some(match l {
        "operasi" => KelompokBelanja::Operasi,
        "modal" => KelompokBelanja::Modal,
        "tidak terduga" | "btt" => KelompokBelanja::TidakTerduga,
        "transfer" => KelompokBelanja::Transfer,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Layout 3: rekap belanja per sub kegiatan.

/// Where each thing is in a rekap belanja.
#[derive(Debug, Default, PartialEq)]
struct KepalaRekap {
    /// The header's first and last row.
    awal: u32,
    akhir: u32,
    /// Urusan, bidang, program, kegiatan, sub kegiatan: one code part each.
    kode: [Option<u32>; 5],
    uraian: Option<u32>,
    sumber_dana: Option<u32>,
    lokasi: Option<u32>,
    /// T-1, T+1.
    lalu: Option<u32>,
    depan: Option<u32>,
    belanja: Vec<(KelompokBelanja, u32)>,
    jumlah: Option<u32>,
}

/// Which year of the three a header names: `T-1` −1, `Tahun N` 0, `T+1` +1.
fn tahun_relatif(l: &str) -> Option<i32> {
    let padat: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    let inti = padat.strip_prefix("tahun").unwrap_or(&padat);
    match inti {
        "t-1" | "n-1" | "-1" => Some(-1),
        "t+1" | "n+1" | "+1" => Some(1),
        "n" | "t" | "ini" => Some(0),
        _ => None,
    }
}

/// The rekap's header: a row naming `Sub Kegiatan` and `Uraian`, and the rows under it that
/// continue it (`T-1 | Tahun N | T+1`, then the kelompok belanja).
fn cari_kepala_rekap(grid: &Grid) -> Option<KepalaRekap> {
    use super::kepala::{lanjutan_kepala, teks_kepala};
    for (i, b) in grid.baris.iter().enumerate() {
        if b.r > BARIS_KEPALA_MAKS {
            break;
        }
        let l: Vec<String> = b
            .sel
            .iter()
            .map(|s| s.teks().map(label).unwrap_or_default())
            .collect();
        if !(l.iter().any(|t| t == "sub kegiatan") && l.iter().any(|t| t == "uraian")) {
            continue;
        }
        let mut akhir = b.r;
        for lanjut in grid
            .baris
            .get(i.saturating_add(1)..)
            .unwrap_or_default()
            .iter()
            .take(3)
        {
            if lanjut.r != akhir.saturating_add(1) || !lanjutan_kepala(&lanjut.sel) {
                break;
            }
            akhir = lanjut.r;
        }
        let lebar = grid.lebar();
        let teks = teks_kepala(grid, b.r, akhir, lebar);
        // A realisasi table may name the same levels and kelompok belanja: it is read by
        // the realisasi recogniser, never as a rekap of the DPA.
        if teks
            .iter()
            .flatten()
            .flatten()
            .any(|t| label(t).contains("realisasi"))
        {
            continue;
        }
        let mut k = KepalaRekap {
            awal: b.r,
            akhir,
            ..Default::default()
        };
        for c in 0..lebar {
            let mut jalur: Vec<String> = Vec::new();
            for t in teks
                .iter()
                .filter_map(|baris| baris.get(c as usize)?.clone())
            {
                let t = label(&t);
                if jalur.last() != Some(&t) {
                    jalur.push(t);
                }
            }
            let Some(atas) = jalur.first() else { continue };
            let tempat = match atas.as_str() {
                "urusan" => Some(0),
                "bidang urusan" | "bidang urusuan" | "bidang" => Some(1),
                "program" => Some(2),
                "kegiatan" => Some(3),
                "sub kegiatan" => Some(4),
                _ => None,
            };
            if let Some(t) = tempat {
                k.kode[t].get_or_insert(c);
                continue;
            }
            match atas.as_str() {
                "uraian" => {
                    k.uraian.get_or_insert(c);
                    continue;
                }
                "sumber dana" | "sumber pendanaan" => {
                    k.sumber_dana.get_or_insert(c);
                    continue;
                }
                "lokasi" => {
                    k.lokasi.get_or_insert(c);
                    continue;
                }
                _ => {}
            }
            let tahun = jalur.iter().find_map(|t| tahun_relatif(t));
            let Some(daun) = jalur.last() else { continue };
            match tahun {
                Some(-1) => {
                    k.lalu.get_or_insert(c);
                }
                Some(1) => {
                    k.depan.get_or_insert(c);
                }
                _ => {
                    if let Some(kel) = kelompok_belanja(daun) {
                        if !k.belanja.iter().any(|(x, _)| *x == kel) {
                            k.belanja.push((kel, c));
                        }
                    } else if daun == "jumlah" || daun == "total" {
                        // Under `JUMLAH › Tahun N`, or the sole year's own Jumlah.
                        if jalur.len() > 1 || k.belanja.iter().any(|(_, x)| *x < c) {
                            k.jumlah.get_or_insert(c);
                        }
                    }
                }
            }
        }
        if k.kode[4].is_some()
            && k.uraian.is_some()
            && (k.jumlah.is_some() || !k.belanja.is_empty())
        {
            return Some(k);
        }
    }
    None
}

/// A code part as written: text, or a number that lost its leading zero (`01` → 1).
fn bagian_kode(isi: &Isi, lebar: usize) -> Option<String> {
    match isi {
        Isi::Teks(t) => Some(rapikan(t)).filter(|t| !t.is_empty()),
        Isi::Angka(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e6 => {
            Some(format!("{:0lebar$}", *f as u64))
        }
        Isi::Angka(f) => Some(angka::teks_f64(*f)),
        _ => None,
    }
}

/// Reads a rekap belanja per sub kegiatan.
pub fn kenali_rekap(grid: &Grid) -> Option<Hasil> {
    const LEBAR: [usize; 5] = [1, 2, 2, 1, 2];
    let k = cari_kepala_rekap(grid)?;
    let mut p = Pembaca::baru(grid);
    let tahun = cari_tahun(grid, k.awal);
    // `Organisasi : 7.01.0.00.0.00.30.0000  KECAMATAN …` above the header.
    let mut organisasi = None;
    for b in grid.baris.iter().take_while(|b| b.r < k.awal) {
        let Some(c) = b
            .sel
            .iter()
            .position(|s| s.teks().is_some_and(|t| !t.trim().is_empty()))
        else {
            continue;
        };
        let c = c as u32;
        if !matches!(
            b.sel
                .get(c as usize)
                .and_then(Isi::teks)
                .map(label)
                .as_deref(),
            Some("organisasi" | "skpd")
        ) {
            continue;
        }
        organisasi = (c.saturating_add(1)..b.sel.len() as u32)
            .filter_map(|x| p.teks(b.r, x))
            .find(|t| t.isi != ":")
            .map(|t| berkode(&t));
    }
    let mut kolom: Vec<KolomRekap> = Vec::new();
    let mut sel_kolom: Vec<u32> = Vec::new();
    if let Some(c) = k.lalu {
        kolom.push(KolomRekap {
            nama: tahun.map_or("T-1".to_string(), |t| {
                format!("Tahun {}", t.saturating_sub(1))
            }),
            kelompok: false,
        });
        sel_kolom.push(c);
    }
    for (kel, c) in &k.belanja {
        kolom.push(KolomRekap {
            nama: kel.nama().to_string(),
            kelompok: true,
        });
        sel_kolom.push(*c);
    }
    let i_jumlah = k.jumlah.map(|c| {
        kolom.push(KolomRekap {
            nama: "Jumlah".to_string(),
            kelompok: false,
        });
        sel_kolom.push(c);
        kolom.len().saturating_sub(1)
    });
    if let Some(c) = k.depan {
        kolom.push(KolomRekap {
            nama: tahun.map_or("T+1".to_string(), |t| {
                format!("Tahun {}", t.saturating_add(1))
            }),
            kelompok: false,
        });
        sel_kolom.push(c);
    }
    let mut rekap = Rekap {
        asal: p.asal.clone(),
        kolom,
        jumlah: i_jumlah,
        baris: Vec::new(),
    };
    let mut dpa: Vec<(Dpa, Vec<Temuan>)> = Vec::new();
    let mut lembar_temuan = Vec::new();
    // The nearest urusan, bidang, program, kegiatan and unit rows above.
    let mut induk: [Option<Berkode>; 4] = [None, None, None, None];
    let mut unit: Option<Berkode> = None;
    let uraian = k.uraian.unwrap_or(0);
    for b in grid.baris.iter().filter(|b| b.r > k.akhir) {
        let r = b.r;
        if super::kepala::baris_nomor_kolom(&b.sel) && rekap.baris.is_empty() {
            continue;
        }
        let bagian: Vec<Option<(String, u32)>> = k
            .kode
            .iter()
            .zip(LEBAR)
            .map(|(c, lebar)| {
                let c = (*c)?;
                bagian_kode(grid.sel(r, c), lebar).map(|t| (t, c))
            })
            .collect();
        let nama = p.teks(r, uraian);
        let pertama = bagian.first().cloned().flatten();
        // A row whose first code cell holds a word: the JUMLAH row, or a unit row
        // (`7.01.0.00.0.00.30.0001 KELURAHAN KANAAN` over A:H).
        let label_baris = pertama.as_ref().filter(|(t, _)| Kode::baca(t).is_none());
        let tingkat = if let Some((t, c)) = label_baris {
            if label(t).starts_with("jumlah") || label(t).starts_with("total") {
                TingkatRekap::Jumlah
            } else {
                let u = berkode(&Teks {
                    isi: t.clone(),
                    sel: Alamat { r, c: *c },
                });
                if u.kode
                    .as_ref()
                    .is_some_and(|x| matches!(x.tingkat, Tingkat::Organisasi | Tingkat::SubUnit))
                {
                    unit = Some(u);
                    TingkatRekap::Unit
                } else {
                    continue;
                }
            }
        } else {
            // The code's parts, from the first, without gaps.
            let ada: Vec<&(String, u32)> = bagian.iter().map_while(Option::as_ref).collect();
            if ada.is_empty() {
                continue;
            }
            let teks: Vec<&str> = ada.iter().map(|(t, _)| t.as_str()).collect();
            let kode_teks = teks.join(".");
            let sel_kode = Alamat {
                r,
                c: ada.last().map_or(0, |x| x.1),
            };
            let Some(kode) = Kode::baca(&kode_teks) else {
                p.catat(
                    T::Peringatan,
                    sel_kode,
                    "KODE_TIDAK_DIKENAL",
                    format!("'{kode_teks}' bukan kode urusan, bidang, program, kegiatan atau sub kegiatan; baris dilewati"),
                );
                lembar_temuan.append(&mut p.temuan);
                continue;
            };
            let tingkat = match kode.tingkat {
                Tingkat::Urusan => TingkatRekap::Urusan,
                Tingkat::Bidang => TingkatRekap::Bidang,
                Tingkat::Program => TingkatRekap::Program,
                Tingkat::Kegiatan => TingkatRekap::Kegiatan,
                Tingkat::SubKegiatan => TingkatRekap::SubKegiatan,
                _ => {
                    p.catat(
                        T::Peringatan,
                        sel_kode,
                        "KODE_TIDAK_DIKENAL",
                        format!("'{kode_teks}' ({}) tidak pada tempatnya di rekap belanja; baris dilewati", kode.tingkat.nama()),
                    );
                    lembar_temuan.append(&mut p.temuan);
                    continue;
                }
            };
            let bk = Berkode {
                kode: Some(kode),
                nama: nama.as_ref().map(|t| t.isi.clone()).unwrap_or_default(),
                sel: nama.as_ref().map_or(sel_kode, |t| t.sel),
            };
            match tingkat {
                TingkatRekap::Urusan => induk = [Some(bk), None, None, None],
                TingkatRekap::Bidang => {
                    induk[1] = Some(bk);
                    induk[2] = None;
                    induk[3] = None;
                }
                TingkatRekap::Program => {
                    induk[2] = Some(bk);
                    induk[3] = None;
                }
                TingkatRekap::Kegiatan => induk[3] = Some(bk),
                _ => {
                    let mut d = dpa_kosong(&p.asal, Bentuk::RekapBelanja);
                    d.tahun = tahun;
                    // The parents as the rekap names them; a rekap without parent rows
                    // still gives their codes, from the sub kegiatan's.
                    let kode_sub = bk.kode.as_ref().map_or("", |x| x.teks.as_str());
                    let [u, bi, pr, ke] = &induk;
                    let dari_kode = |n: usize, tersedia: &Option<Berkode>| {
                        tersedia
                            .clone()
                            .filter(|x| {
                                x.kode.as_ref().is_some_and(|kx| {
                                    kode_sub.starts_with(&format!("{}.", kx.teks))
                                })
                            })
                            .or_else(|| {
                                let awal: Vec<&str> = kode_sub.split('.').take(n).collect();
                                Some(Berkode {
                                    kode: Kode::baca(&awal.join(".")),
                                    nama: String::new(),
                                    sel: sel_kode,
                                })
                            })
                    };
                    d.urusan = dari_kode(1, u);
                    d.bidang = dari_kode(2, bi);
                    d.program = dari_kode(3, pr);
                    d.kegiatan = dari_kode(5, ke);
                    d.organisasi = organisasi.clone();
                    d.unit = unit.clone();
                    d.sub_kegiatan = Some(bk);
                    d.sumber_dana = k.sumber_dana.and_then(|c| p.teks(r, c));
                    d.lokasi = k.lokasi.and_then(|c| p.teks(r, c));
                    dpa.push((d, Vec::new()));
                }
            }
            tingkat
        };
        let nilai: Vec<Option<Nilai>> = sel_kolom.iter().map(|&c| p.angka(r, c)).collect();
        if tingkat == TingkatRekap::SubKegiatan
            && let Some((d, t)) = dpa.last_mut()
        {
            let mut i = 0;
            if k.lalu.is_some() {
                if let (Some(y), Some(n)) = (tahun, nilai.first().cloned().flatten()) {
                    d.alokasi.push((y.saturating_sub(1), n));
                }
                i = 1;
            }
            for (kel, _) in &k.belanja {
                if let Some(n) = nilai.get(i).cloned().flatten() {
                    d.belanja.push((*kel, n));
                }
                i = i.saturating_add(1);
            }
            d.jumlah = i_jumlah.and_then(|j| nilai.get(j).cloned().flatten());
            if let (Some(y), Some(n)) = (tahun, &d.jumlah) {
                d.alokasi.push((y, n.clone()));
            }
            if k.depan.is_some()
                && let (Some(y), Some(n)) = (tahun, nilai.last().cloned().flatten())
            {
                d.alokasi.push((y.saturating_add(1), n));
            }
            t.append(&mut p.temuan);
        } else {
            lembar_temuan.append(&mut p.temuan);
        }
        let nama_baris = match tingkat {
            TingkatRekap::Jumlah => "baris JUMLAH".to_string(),
            TingkatRekap::Unit => unit.as_ref().map_or(String::new(), |u| u.nama.clone()),
            _ => {
                let kode: Vec<&str> = bagian
                    .iter()
                    .map_while(Option::as_ref)
                    .map(|(t, _)| t.as_str())
                    .collect();
                let nama: String = nama
                    .as_ref()
                    .map_or(String::new(), |t| t.isi.chars().take(70).collect());
                format!("{} {} {}", tingkat.nama(), kode.join("."), nama)
            }
        };
        rekap.baris.push(BarisRekap {
            r,
            tingkat,
            nama: nama_baris,
            nilai,
        });
    }
    if dpa.is_empty() {
        return Some(Hasil::Kosong {
            bentuk: Bentuk::RekapBelanja,
            baris_kepala: k.akhir.saturating_add(1),
        });
    }
    let jumlah = angka::jumlah(
        dpa.iter()
            .filter_map(|(d, _)| d.jumlah.as_ref().map(Nilai::nilai)),
    )
    .ok();
    lembar_temuan.push(ringkas(
        &p.asal,
        Bentuk::RekapBelanja,
        Alamat {
            r: k.awal,
            c: uraian,
        },
        dpa.len(),
        None,
        jumlah,
    ));
    Some(Hasil::Lembar(Lembar {
        bentuk: Bentuk::RekapBelanja,
        dpa,
        rekap: Some(rekap),
        temuan: lembar_temuan,
    }))
}

/// What a sheet was read as, said once: how many sub kegiatan and rekening rows, and their
/// total as stated.
fn ringkas(
    asal: &Asal,
    bentuk: Bentuk,
    sel: Alamat,
    sub: usize,
    rekening: Option<usize>,
    jumlah: Option<rust_decimal::Decimal>,
) -> Temuan {
    let rekening = rekening.map_or(String::new(), |n| format!(", {n} baris rekening"));
    let jumlah = jumlah.map_or("tidak dapat dijumlahkan".to_string(), |j| {
        format!("jumlah pagu {}", crate::check::selisih::rupiah(j))
    });
    Temuan::baru(
        T::Info,
        "DPA_TABEL_DIBACA",
        asal.sumber(sel),
        format!(
            "dibaca sebagai {}: {sub} sub kegiatan{rekening}, {jumlah}",
            bentuk.nama()
        ),
    )
}

// ---------------------------------------------------------------------------------------
// Layouts 4, 5 and 7: one row per rekening.

/// The levels a row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Peran {
    Urusan,
    Bidang,
    Organisasi,
    Unit,
    Program,
    Kegiatan,
    SubKegiatan,
    SumberDana,
    Rekening,
    Paket,
    Lokasi,
}

fn peran(l: &str) -> Option<Peran> {
    Some(match l {
        "urusan" | "urusan pemerintahan" => Peran::Urusan,
        "bidang urusan" | "bidang" => Peran::Bidang,
        "skpd" | "opd" | "organisasi" | "perangkat daerah" => Peran::Organisasi,
        "sub unit" | "sub skpd" | "unit" | "unit organisasi" => Peran::Unit,
        "program" => Peran::Program,
        "kegiatan" | "giat" => Peran::Kegiatan,
        "sub kegiatan" | "sub giat" | "subkegiatan" => Peran::SubKegiatan,
        "sumber dana" | "dana" | "sumber pendanaan" => Peran::SumberDana,
        "rekening" | "akun" | "kode rekening" => Peran::Rekening,
        "paket/kelompok" | "paket" | "kelompok" => Peran::Paket,
        "lokasi" => Peran::Lokasi,
        _ => return None,
    })
}

/// One level's columns: a `KODE …` and a `NAMA …` column, or one `code name` column.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct KolomPeran {
    kode: Option<u32>,
    nama: Option<u32>,
    gabung: Option<u32>,
}

#[derive(Debug, PartialEq)]
struct KepalaRekening {
    bentuk: Bentuk,
    peran: Vec<(Peran, KolomPeran)>,
    jumlah: u32,
    total_bulan: Option<u32>,
    bulan: Vec<(u8, u32)>,
    tahun: Option<u32>,
}

impl KepalaRekening {
    fn kolom(&self, p: Peran) -> KolomPeran {
        self.peran
            .iter()
            .find(|(x, _)| *x == p)
            .map_or_else(KolomPeran::default, |(_, k)| *k)
    }
}

/// `Bulan 1`, `bulan_12`, `Januari`: the month (1–12).
fn bulan(l: &str) -> Option<u8> {
    const NAMA: [&str; 12] = [
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
    if let Some(n) = l.strip_prefix("bulan") {
        return n.trim().parse::<u8>().ok().filter(|m| (1..=12).contains(m));
    }
    NAMA.iter()
        .position(|m| *m == l)
        .and_then(|i| u8::try_from(i).ok())
        .map(|i| i.saturating_add(1))
}

/// The header of a one-row-per-rekening export: a row naming the sub kegiatan, the rekening
/// and the amount.
fn kepala_rekening_di(sel: &[Isi]) -> Option<KepalaRekening> {
    let mut peran_kolom: Vec<(Peran, KolomPeran)> = Vec::new();
    let mut jumlah = None;
    let mut total_bulan = None;
    let mut bulan_kolom: Vec<(u8, u32)> = Vec::new();
    let mut tahun = None;
    let mut pasangan = false;
    let mut garis_bawah = false;
    for (c, isi) in sel.iter().enumerate() {
        let Some(t) = isi.teks() else { continue };
        let c = c as u32;
        let l = label(t);
        // A realisasi export per rekening is no DPA (see `cari_kepala_rekap`).
        if l.contains("realisasi") {
            return None;
        }
        garis_bawah |= t.contains('_');
        let mut tempat = |p: Peran, f: fn(&mut KolomPeran) -> &mut Option<u32>| {
            let i = match peran_kolom.iter().position(|(x, _)| *x == p) {
                Some(i) => i,
                None => {
                    peran_kolom.push((p, KolomPeran::default()));
                    peran_kolom.len().saturating_sub(1)
                }
            };
            if let Some((_, k)) = peran_kolom.get_mut(i) {
                f(k).get_or_insert(c);
            }
        };
        if let Some(p) = l.strip_prefix("kode ").and_then(peran) {
            pasangan = true;
            tempat(p, |k| &mut k.kode);
        } else if let Some(p) = l.strip_prefix("nama ").and_then(peran) {
            tempat(p, |k| &mut k.nama);
        } else if let Some(p) = peran(&l) {
            tempat(p, |k| &mut k.gabung);
        } else if let Some(m) = bulan(&l) {
            if !bulan_kolom.iter().any(|(x, _)| *x == m) {
                bulan_kolom.push((m, c));
            }
        } else {
            match l.as_str() {
                "nilai rincian" | "apbd" | "pagu" | "total rincian" | "nilai" | "anggaran"
                | "pagu anggaran" | "jumlah" | "nilai anggaran" => {
                    jumlah.get_or_insert(c);
                }
                "total rak" | "total akb" | "rak" | "total anggaran kas" => {
                    total_bulan.get_or_insert(c);
                }
                "tahun" => {
                    tahun.get_or_insert(c);
                }
                _ => {}
            }
        }
    }
    let ada = |p: Peran| {
        peran_kolom
            .iter()
            .any(|(x, k)| *x == p && (k.kode.is_some() || k.gabung.is_some()))
    };
    if !(ada(Peran::SubKegiatan) && ada(Peran::Rekening)) {
        return None;
    }
    let jumlah = jumlah?;
    let bentuk = if garis_bawah {
        Bentuk::AnggaranKas
    } else if pasangan {
        Bentuk::SipdRi
    } else {
        Bentuk::Datar
    };
    bulan_kolom.sort_unstable();
    Some(KepalaRekening {
        bentuk,
        peran: peran_kolom,
        jumlah,
        total_bulan,
        bulan: bulan_kolom,
        tahun,
    })
}

fn cari_kepala_rekening(grid: &Grid) -> Option<(u32, KepalaRekening)> {
    grid.baris
        .iter()
        .take_while(|b| b.r <= BARIS_KEPALA_MAKS)
        .find_map(|b| kepala_rekening_di(&b.sel).map(|k| (b.r, k)))
}

/// Reads a one-row-per-rekening export (flat, SIPD-RI, anggaran kas).
pub fn kenali_rekening(grid: &Grid) -> Option<Hasil> {
    let (r_kepala, k) = cari_kepala_rekening(grid)?;
    let mut p = Pembaca::baru(grid);
    let tahun_judul = cari_tahun(grid, r_kepala);
    let mut dpa: Vec<(Dpa, Vec<Temuan>)> = Vec::new();
    let mut indeks: HashMap<(String, String), usize> = HashMap::new();
    let mut lembar_temuan = Vec::new();
    let mut n_rekening = 0usize;
    for b in grid.baris.iter().filter(|b| b.r > r_kepala) {
        let r = b.r;
        // One level of this row: its code and name.
        let level = |p: &Pembaca, peran: Peran| -> Option<Berkode> {
            let kp = k.kolom(peran);
            if let Some(t) = kp.gabung.and_then(|c| p.teks(r, c)) {
                return Some(berkode(&t));
            }
            let kode = kp.kode.and_then(|c| p.teks(r, c));
            let nama = kp.nama.and_then(|c| p.teks(r, c));
            if kode.is_none() && nama.is_none() {
                return None;
            }
            let sel = kode
                .as_ref()
                .or(nama.as_ref())
                .map_or(Alamat { r, c: 0 }, |t| t.sel);
            Some(Berkode {
                kode: kode.as_ref().and_then(|t| Kode::baca(&t.isi)),
                nama: nama
                    .map(|t| t.isi)
                    .or_else(|| kode.map(|t| t.isi))
                    .unwrap_or_default(),
                sel,
            })
        };
        let sub = level(&p, Peran::SubKegiatan);
        let rekening = level(&p, Peran::Rekening);
        let jumlah = p.angka(r, k.jumlah);
        let bulan: Vec<Penarikan> = k
            .bulan
            .iter()
            .filter_map(|&(m, c)| p.angka(r, c).map(|nilai| Penarikan { bulan: m, nilai }))
            .collect();
        let total_bulan = k.total_bulan.and_then(|c| p.angka(r, c));
        let Some(sub) = sub else {
            if jumlah.is_some() || rekening.is_some() {
                p.catat(
                    T::Peringatan,
                    Alamat { r, c: k.jumlah },
                    "DPA_TANPA_SUB_KEGIATAN",
                    "baris tanpa sub kegiatan; tidak dibaca".to_string(),
                );
            }
            lembar_temuan.append(&mut p.temuan);
            continue;
        };
        let unit = level(&p, Peran::Unit).or_else(|| level(&p, Peran::Organisasi));
        let kunci_unit = unit
            .as_ref()
            .map(|u| u.kode.as_ref().map_or(u.nama.clone(), |x| x.teks.clone()))
            .unwrap_or_default();
        let kunci_sub = sub
            .kode
            .as_ref()
            .map_or(sub.nama.clone(), |x| x.teks.clone());
        let i = match indeks.get(&(kunci_unit.clone(), kunci_sub.clone())) {
            Some(&i) => i,
            None => {
                let mut d = dpa_kosong(&p.asal, k.bentuk);
                d.tahun = k
                    .tahun
                    .and_then(|c| p.teks(r, c))
                    .and_then(|t| t.isi.parse::<i32>().ok())
                    .filter(|y| (2000..=2100).contains(y))
                    .or(tahun_judul);
                d.urusan = level(&p, Peran::Urusan);
                d.bidang = level(&p, Peran::Bidang);
                d.organisasi = level(&p, Peran::Organisasi);
                d.unit = level(&p, Peran::Unit);
                d.program = level(&p, Peran::Program);
                d.kegiatan = level(&p, Peran::Kegiatan);
                d.sub_kegiatan = Some(sub.clone());
                dpa.push((d, Vec::new()));
                indeks.insert((kunci_unit, kunci_sub), dpa.len().saturating_sub(1));
                dpa.len().saturating_sub(1)
            }
        };
        let Some((d, t)) = dpa.get_mut(i) else {
            continue;
        };
        let dana_kolom = k.kolom(Peran::SumberDana);
        if d.sumber_dana.is_none() {
            // `1.1 PENDAPATAN ASLI DAERAH (PAD)` in one cell: its name, as the other
            // layouts write it.
            d.sumber_dana = dana_kolom
                .gabung
                .and_then(|c| p.teks(r, c))
                .map(|t| {
                    let b = berkode(&t);
                    Teks {
                        isi: if b.nama.is_empty() { t.isi } else { b.nama },
                        sel: t.sel,
                    }
                })
                .or_else(|| {
                    [dana_kolom.nama, dana_kolom.kode]
                        .into_iter()
                        .flatten()
                        .find_map(|c| p.teks(r, c))
                });
        }
        if d.lokasi.is_none() {
            d.lokasi = k.kolom(Peran::Lokasi).gabung.and_then(|c| p.teks(r, c));
        }
        match rekening {
            Some(rek) => {
                let jenis = match rek.kode.clone() {
                    Some(x) if x.tingkat == Tingkat::Rekening => JenisRincian::Rekening(x),
                    _ => {
                        p.catat(
                            T::Peringatan,
                            rek.sel,
                            "KODE_REKENING_TIDAK_DIKENAL",
                            format!("'{}' tidak diawali kode rekening (5.1.02.01.01.0024 atau 5.1.02.01.001.00024); baris dibaca sebagai rincian tanpa rekening", rapikan(&p.teks(rek.sel.r, rek.sel.c).map(|t| t.isi).unwrap_or_default())),
                        );
                        JenisRincian::Item
                    }
                };
                let paket = level(&p, Peran::Paket)
                    .map(|x| x.nama)
                    .filter(|x| !x.is_empty() && x != "-");
                n_rekening = n_rekening.saturating_add(1);
                d.rincian.push(BarisRincian {
                    r,
                    jenis,
                    uraian: Teks {
                        isi: rek.nama,
                        sel: rek.sel,
                    },
                    // SIPD-RI's paket/kelompok: what tells two rows of one rekening apart.
                    spesifikasi: paket,
                    koefisien: None,
                    satuan: None,
                    harga: None,
                    ppn: None,
                    jumlah,
                    sebelum: None,
                    bertambah: None,
                    bulan,
                    total_bulan,
                });
            }
            None => {
                // A row naming only its sub kegiatan (SIPD-RI), or a sub kegiatan without
                // rekening written as one row of zeros (the flat export): nothing to add up.
                let tidak_nol = jumlah.as_ref().is_some_and(|j| !j.nilai().is_zero())
                    || bulan.iter().any(|b| !b.nilai.nilai().is_zero());
                if tidak_nol {
                    let sel = jumlah.as_ref().map_or(Alamat { r, c: k.jumlah }, |j| j.sel);
                    p.catat(
                        T::Peringatan,
                        sel,
                        "DPA_TANPA_REKENING",
                        "baris beranggaran tanpa kode rekening; angkanya tidak dijumlahkan ke sub kegiatan".to_string(),
                    );
                }
            }
        }
        t.append(&mut p.temuan);
    }
    if dpa.is_empty() {
        return Some(Hasil::Kosong {
            bentuk: k.bentuk,
            baris_kepala: r_kepala.saturating_add(1),
        });
    }
    let jumlah = angka::jumlah(dpa.iter().flat_map(|(d, _)| {
        d.rincian
            .iter()
            .filter_map(|b| b.jumlah.as_ref().map(Nilai::nilai))
    }))
    .ok();
    lembar_temuan.push(ringkas(
        &p.asal,
        k.bentuk,
        Alamat {
            r: r_kepala,
            c: k.jumlah,
        },
        dpa.len(),
        Some(n_rekening),
        jumlah,
    ));
    Some(Hasil::Lembar(Lembar {
        bentuk: k.bentuk,
        dpa,
        rekap: None,
        temuan: lembar_temuan,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::Baris;

    fn grid(baris: &[&[&str]]) -> Grid {
        Grid {
            berkas: "uji.xlsx".into(),
            lembar: "Sheet1".into(),
            baris: baris
                .iter()
                .enumerate()
                .map(|(r, sel)| Baris {
                    r: r as u32,
                    sel: sel
                        .iter()
                        .map(|t| {
                            if t.is_empty() {
                                Isi::Kosong
                            } else if let Ok(f) = t.parse::<f64>()
                                && !t.contains('.')
                                && !t.starts_with('0')
                            {
                                Isi::Angka(f)
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

    #[test]
    fn kepala_rekap_tiga_baris() {
        // The sample's header (rows 8–11), merges not known (xlsx streaming): `JUMLAH` over
        // I:O, `Tahun N` over J:N.
        let g = grid(&[
            &["DOKUMEN PELAKSANAAN ANGGARAN"],
            &["Pemerintah Kota Bontang Tahun Anggaran 2022"],
            &[
                "Urusan",
                "Bidang Urusan",
                "Program",
                "Kegiatan",
                "Sub Kegiatan",
                "URAIAN",
                "SUMBER DANA",
                "LOKASI",
                "JUMLAH",
            ],
            &[
                "", "", "", "", "", "", "", "", "T-1", "Tahun N", "", "", "", "", "T+1",
            ],
            &[
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Belanja Operasi",
                "Belanja Modal",
                "Belanja Tidak Terduga",
                "Belanja Transfer",
                "Jumlah",
            ],
            &[
                "1",
                "2",
                "3",
                "4",
                "5",
                "6",
                "7",
                "8",
                "9",
                "10",
                "11",
                "12",
                "13",
                "14=(10+11+12+13)",
                "15",
            ],
            &[
                "7",
                "01",
                "01",
                "2.01",
                "01",
                "Penyusunan Dokumen",
                "PAD",
                "Bontang",
                "0",
                "1698100",
                "0",
                "0",
                "0",
                "1698100",
                "0",
            ],
        ]);
        let k = cari_kepala_rekap(&g).expect("kepala rekap");
        assert_eq!((k.awal, k.akhir), (2, 4));
        assert_eq!(k.kode, [Some(0), Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(
            (k.uraian, k.sumber_dana, k.lokasi),
            (Some(5), Some(6), Some(7))
        );
        assert_eq!((k.lalu, k.jumlah, k.depan), (Some(8), Some(13), Some(14)));
        assert_eq!(
            k.belanja,
            [
                (KelompokBelanja::Operasi, 9),
                (KelompokBelanja::Modal, 10),
                (KelompokBelanja::TidakTerduga, 11),
                (KelompokBelanja::Transfer, 12)
            ]
        );
        assert_eq!(tampak(&g), Some(Bentuk::RekapBelanja));
        let Some(Hasil::Lembar(l)) = kenali(&g, Bentuk::RekapBelanja) else {
            panic!("rekap terbaca");
        };
        assert_eq!(l.dpa.len(), 1);
        let d = &l.dpa[0].0;
        assert_eq!(
            d.sub_kegiatan
                .as_ref()
                .and_then(|s| s.kode.as_ref())
                .map(|k| k.teks.as_str()),
            Some("7.01.01.2.01.01")
        );
        assert_eq!(
            d.jumlah.as_ref().map(|n| n.sel.to_string()).as_deref(),
            Some("N7")
        );
        assert_eq!(d.tahun, Some(2022));
        assert_eq!(
            d.alokasi.iter().map(|(y, _)| *y).collect::<Vec<_>>(),
            [2021, 2022, 2023]
        );
    }

    #[test]
    fn kepala_datar_satu_baris() {
        let g = grid(&[
            &[
                "Urusan",
                "Bidang Urusan",
                "SKPD",
                "Sub Unit",
                "Program",
                "Kegiatan",
                "Sub Kegiatan",
                "Sumber Dana",
                "Rekening",
                "Nilai Rincian",
                "Total RAK",
                "Bulan 1",
                "Bulan 2",
            ],
            &[
                "7 UNSUR KEWILAYAHAN",
                "7.01 KECAMATAN",
                "7.01.0.00.0.00.30.0000 KECAMATAN BONTANG BARAT",
                "7.01.0.00.0.00.30.0001 KELURAHAN KANAAN",
                "7.01.02 PROGRAM",
                "7.01.02.2.02 Keg",
                "7.01.02.2.02.03 Sub",
                "1.1 PAD",
                "5.1.02.01.001.00024 Belanja ATK",
                "300",
                "300",
                "100",
                "200",
            ],
        ]);
        let (r, k) = cari_kepala_rekening(&g).expect("kepala datar");
        assert_eq!(r, 0);
        assert_eq!(k.bentuk, Bentuk::Datar);
        assert_eq!((k.jumlah, k.total_bulan), (9, Some(10)));
        assert_eq!(k.bulan, [(1, 11), (2, 12)]);
        assert_eq!(k.kolom(Peran::Rekening).gabung, Some(8));
        assert_eq!(tampak(&g), Some(Bentuk::Datar));
        let Some(Hasil::Lembar(l)) = kenali(&g, Bentuk::Datar) else {
            panic!()
        };
        let d = &l.dpa[0].0;
        // The TA 2026 code shape.
        assert!(
            matches!(&d.rincian[0].jenis, JenisRincian::Rekening(x) if x.teks == "5.1.02.01.001.00024")
        );
        assert_eq!(
            d.unit.as_ref().map(|u| u.nama.as_str()),
            Some("KELURAHAN KANAAN")
        );
        assert_eq!(
            d.urusan
                .as_ref()
                .and_then(|u| u.kode.as_ref())
                .map(|x| x.teks.as_str()),
            Some("7")
        );
        assert_eq!(d.rincian[0].bulan.len(), 2);
    }

    #[test]
    fn kepala_sipd_ri_kode_nama() {
        let g = grid(&[
            &[
                "NO",
                "TAHUN",
                "KODE URUSAN",
                "NAMA URUSAN",
                "KODE SKPD",
                "NAMA SKPD",
                "KODE SUB UNIT",
                "NAMA SUB UNIT",
                "KODE BIDANG URUSAN",
                "NAMA BIDANG URUSAN",
                "KODE PROGRAM",
                "NAMA PROGRAM",
                "KODE KEGIATAN",
                "NAMA KEGIATAN",
                "KODE SUB KEGIATAN",
                "NAMA SUB KEGIATAN",
                "KODE SUMBER DANA",
                "NAMA SUMBER DANA",
                "KODE REKENING",
                "NAMA REKENING",
                "PAKET/KELOMPOK",
                "NAMA PAKET/KELOMPOK",
                "PAGU",
            ],
            &[
                "1",
                "2022",
                "7",
                "UNSUR",
                "7.01.0.00.0.00.30.0000",
                "KEC",
                "7.01.0.00.0.00.30.0002",
                "KEL",
                "7.01",
                "KECAMATAN",
                "7.01.03",
                "PROG",
                "7.01.03.2.02",
                "KEG",
                "7.01.03.2.02.02",
                "Pembangunan",
            ],
            &[
                "2",
                "2022",
                "7",
                "UNSUR",
                "7.01.0.00.0.00.30.0000",
                "KEC",
                "7.01.0.00.0.00.30.0002",
                "KEL",
                "7.01",
                "KECAMATAN",
                "7.01.03",
                "PROG",
                "7.01.03.2.02",
                "KEG",
                "7.01.03.2.02.02",
                "Pembangunan",
                "1.1",
                "PAD",
                "5.2.04.01.01.0010",
                "Drainase",
                "Kelompok",
                "Drainase Lingkungan",
                "282,150,000",
            ],
            &[
                "3",
                "2022",
                "7",
                "UNSUR",
                "7.01.0.00.0.00.30.0000",
                "KEC",
                "7.01.0.00.0.00.30.0002",
                "KEL",
                "7.01",
                "KECAMATAN",
                "7.01.03",
                "PROG",
                "7.01.03.2.02",
                "KEG",
                "7.01.03.2.02.02",
                "Pembangunan",
                "1.1",
                "PAD",
                "5.2.04.01.01.0010",
                "Drainase",
                "Kelompok",
                "Jalan Lingkungan",
                "423997800",
            ],
        ]);
        let (_, k) = cari_kepala_rekening(&g).expect("kepala SIPD-RI");
        assert_eq!(k.bentuk, Bentuk::SipdRi);
        assert_eq!(k.jumlah, 22);
        assert_eq!(k.tahun, Some(1));
        assert_eq!(
            k.kolom(Peran::SubKegiatan),
            KolomPeran {
                kode: Some(14),
                nama: Some(15),
                gabung: None
            }
        );
        assert_eq!(k.kolom(Peran::Paket).nama, Some(21));
        let Some(Hasil::Lembar(l)) = kenali(&g, Bentuk::SipdRi) else {
            panic!()
        };
        assert_eq!(l.dpa.len(), 1);
        let d = &l.dpa[0].0;
        // Two pakets under one rekening: two rows, each at its own cell; `1,234,567` read.
        let j: Vec<(String, String)> = d
            .rincian
            .iter()
            .map(|b| {
                (
                    b.jumlah.as_ref().unwrap().sel.to_string(),
                    b.jumlah.as_ref().unwrap().nilai().to_string(),
                )
            })
            .collect();
        assert_eq!(
            j,
            [
                ("W3".into(), "282150000".into()),
                ("W4".into(), "423997800".into())
            ]
        );
        assert_eq!(d.tahun, Some(2022));
        assert_eq!(
            d.unit
                .as_ref()
                .and_then(|u| u.kode.as_ref())
                .map(|x| x.teks.as_str()),
            Some("7.01.0.00.0.00.30.0002")
        );
    }

    #[test]
    fn kepala_anggaran_kas_csv() {
        let g = grid(&[
            &[
                "kode_sub_skpd",
                "nama_sub_skpd",
                "kode_sub_giat",
                "nama_sub_giat",
                "kode_akun",
                "nama_akun",
                "total_rincian",
                "bulan_1",
                "bulan_2",
            ],
            &[
                "7.01.0.00.0.00.30.0003",
                "KELURAHAN BELIMBING",
                "7.01.02.2.02.03",
                "Peningkatan",
                "5.1.02.01.01.0004",
                "BBM",
                "30",
                "10",
                "kata",
            ],
        ]);
        let (_, k) = cari_kepala_rekening(&g).expect("kepala anggaran kas");
        assert_eq!(k.bentuk, Bentuk::AnggaranKas);
        assert_eq!(k.jumlah, 6);
        assert_eq!(k.bulan, [(1, 7), (2, 8)]);
        let Some(Hasil::Lembar(l)) = kenali(&g, Bentuk::AnggaranKas) else {
            panic!()
        };
        // A word in a month column is a galat at its cell, not a 0.
        let t = &l.dpa[0].1;
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(
            (t[0].kode, t[0].lokasi.sel.as_str()),
            ("ANGKA_TIDAK_TERBACA", "I2")
        );
        assert_eq!(l.dpa[0].0.rincian[0].bulan.len(), 1);
    }

    #[test]
    fn lembar_lain_tidak_tampak() {
        let g = grid(&[
            &["Kode", "Uraian", "Anggaran", "Realisasi"],
            &["7.01.01", "PROGRAM", "10", "5"],
        ]);
        assert_eq!(tampak(&g), None);
    }
}
