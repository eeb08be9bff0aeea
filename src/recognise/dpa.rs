//! The DPA rincian of one sub kegiatan (`FORMULIR DPA-RINCIAN BELANJA SKPD`, and the RKA of
//! the same shape) into [`Dpa`]. The layout is that of SIPD's print and of the tools that
//! export it to Excel (`docs/dpa-tata-letak.md`): labels in the first column with their value
//! further right, the indikator table, the rincian under `Kode Rekening | Uraian | Rincian
//! Perhitungan (Koefisien, Satuan, Harga, PPN) | Jumlah`, with the code in one cell or split
//! over one cell per part, then the Rencana Penarikan Dana per bulan. Everything is found by
//! its label, not its position.
//!
//! SIPD exports write parents as `SUBTOTAL(9, …)` and items as `=H40*J40+…`; their cached
//! values are read. A formula whose value was never stored is not a number the form states:
//! it is left empty (the check computes it), and said once per sheet.

use crate::angka::{self, Angka, JenisAngka};
use crate::kode::{Kode, Tingkat};
use crate::model::dpa::Sebelum;
use crate::model::dpa::{
    BarisRincian, Berkode, Dpa, IndikatorDpa, JenisIndikator, JenisRincian, Koefisien, Penarikan,
    Ppn,
};
use crate::model::kinerja::Asal;
use crate::model::pk::Teks;
use crate::model::{Alamat, Nilai};
use crate::sheet::{Grid, Isi, rapikan};
use crate::temuan::{Temuan, Tingkat as T};
use rust_decimal::Decimal;

/// Rows the title and key/value block may take before the rincian header.
const BARIS_KEPALA_MAKS: u32 = 80;

fn kecil(t: &str) -> String {
    rapikan(t)
        .to_lowercase()
        .trim_matches(|c: char| c == ':' || c.is_whitespace())
        .to_string()
}

/// Whether a sheet's first rows are a DPA or RKA rincian: its title, and a `Kode Rekening`
/// header.
pub fn tampak_dpa(grid: &Grid) -> bool {
    let mut judul = false;
    let mut rekening = false;
    for b in grid.baris.iter().take_while(|b| b.r <= BARIS_KEPALA_MAKS) {
        for t in b.sel.iter().filter_map(Isi::teks) {
            let l = kecil(t);
            judul |= l.contains("dokumen pelaksanaan anggaran")
                || l.contains("dpa-rincian")
                || l.contains("dppa-rincian")
                || l.contains("dpa - rincian")
                || l.contains("dppa - rincian")
                || l.contains("rka-rincian")
                || l.contains("rencana kerja dan anggaran");
            rekening |= l == "kode rekening";
        }
    }
    judul && rekening
}

/// What reading a sheet as a DPA gave.
pub enum Hasil {
    Dpa(Box<Dpa>, Vec<Temuan>),
    /// The header and no rincian line.
    Kosong {
        baris_kepala: u32,
    },
    /// No rincian header with its Uraian and Jumlah columns: no DPA.
    TanpaKepala,
}

/// The amount columns of one side of the rincian (a DPA's only one; a DPPA's Sesudah or
/// Sebelum).
#[derive(Default)]
struct KolomNilai {
    koefisien: Option<u32>,
    satuan: Option<u32>,
    harga: Option<u32>,
    ppn: Option<u32>,
    jumlah: Option<u32>,
}

/// The rincian's columns, and the last header row.
struct Kolom {
    kode: Vec<u32>,
    uraian: u32,
    kini: KolomNilai,
    sebelum: Option<KolomNilai>,
    bertambah: Option<u32>,
    r_akhir: u32,
}

struct Pembaca<'a> {
    grid: &'a Grid,
    asal: Asal,
    temuan: Vec<Temuan>,
    tanpa_hasil: Vec<Alamat>,
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

impl Pembaca<'_> {
    fn teks(&self, r: u32, c: u32) -> Option<Teks> {
        let isi = match self.grid.sel(r, c) {
            Isi::Teks(t) => t.trim().to_string(),
            Isi::Angka(f) => angka::teks_f64(*f),
            _ => return None,
        };
        (!isi.is_empty()).then_some(Teks {
            isi,
            sel: Alamat { r, c },
        })
    }

    /// An amount cell: a number, Indonesian text (`Rp 1.698.100`), `-` as 0.
    fn angka(&mut self, r: u32, c: u32) -> Option<Nilai> {
        let sel = Alamat { r, c };
        let a = match self.grid.sel(r, c) {
            Isi::Kosong => return None,
            Isi::Angka(f) => angka::dari_f64(*f),
            Isi::Teks(t) if t.trim().is_empty() => return None,
            Isi::Teks(t) => {
                let t = rapikan(t);
                match angka::baca_teks(inti_rupiah(&t), JenisAngka::Rupiah) {
                    Ok(Some(a)) => Ok(a),
                    Ok(None) => return None,
                    Err(e) => Err(e),
                }
            }
            Isi::RumusTanpaHasil => {
                self.tanpa_hasil.push(sel);
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
        match a {
            Ok(angka) => Some(Nilai { angka, sel }),
            Err(e) => {
                self.catat(T::Galat, sel, "ANGKA_TIDAK_TERBACA", e.to_string());
                None
            }
        }
    }

    fn catat(&mut self, tingkat: T, sel: Alamat, kode: &'static str, pesan: String) {
        self.temuan
            .push(Temuan::baru(tingkat, kode, self.asal.sumber(sel), pesan));
    }

    /// The value right of a label: the first cell after it that is not empty and not the
    /// colon the HTML prints (WP-RKA, SF-CETAK) in a cell of its own between label and value
    /// (an Excel export shows it through the label's number format instead).
    fn nilai_label(&self, r: u32, c_label: u32) -> Option<Alamat> {
        let i = self.grid.baris.binary_search_by_key(&r, |b| b.r).ok()?;
        let b = &self.grid.baris[i];
        (c_label.saturating_add(1)..b.sel.len() as u32)
            .find(|&c| {
                let isi = &b.sel[c as usize];
                !isi.kosong() && isi.teks().is_none_or(|t| t.trim() != ":")
            })
            .map(|c| Alamat { r, c })
    }
}

/// The number of an amount written as text: `Rp. 1.234.567` and `Rp1.234.567` without their
/// `Rp`, and without the terbilang WP-RKA writes after a DPA's alokasi (`Rp. 1.234 (seribu dua
/// ratus tiga puluh empat rupiah)`). Brackets around digits alone are a negative amount and
/// stay.
fn inti_rupiah(t: &str) -> &str {
    let t = t.trim();
    let t = t
        .strip_prefix("Rp.")
        .or_else(|| t.strip_prefix("Rp"))
        .unwrap_or(t)
        .trim();
    match t.find('(') {
        Some(i) if i > 0 && t[i..].chars().any(char::is_alphabetic) => t[..i].trim(),
        _ => t,
    }
}

/// Whether a text cell reads as an amount (`Rp 3.875.431`, `0`, `-`), not a word: the
/// Rencana Penarikan takes the first such cell right of a month.
fn tampak_angka(t: &str) -> bool {
    inti_rupiah(&rapikan(t)).starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '(')
}

/// The year an `Alokasi Tahun …` label names: its own (`Alokasi Tahun 2023`), or one relative
/// to the DPA's year (`Alokasi Tahun - 1`, `Alokasi Tahun`, `Alokasi Tahun + 1`, WP-SUB and
/// SF-DPA), `l` lowercased from `alokasi tahun` on.
fn tahun_alokasi(l: &str, tahun: Option<i32>) -> Option<i32> {
    let sisa = l.get("alokasi tahun".len()..)?.trim();
    if let Some(y) = sisa
        .split(|ch: char| !ch.is_ascii_digit())
        .find_map(|s| s.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)))
    {
        return Some(y);
    }
    let geser: String = sisa.chars().filter(|c| !c.is_whitespace()).collect();
    let beda = match geser.as_str() {
        "" => 0,
        "-1" | "–1" => -1,
        "+1" => 1,
        _ => return None,
    };
    tahun?.checked_add(beda)
}

/// `7.01.01 PROGRAM PENUNJANG …`: its code and name.
fn berkode(t: &Teks) -> Berkode {
    match Kode::pisah_dari_uraian(&t.isi) {
        Some((kode, nama)) => Berkode {
            kode: Some(kode),
            nama: nama.to_string(),
            sel: t.sel,
        },
        None => Berkode {
            kode: None,
            nama: t.isi.clone(),
            sel: t.sel,
        },
    }
}

/// `Ballpoint Spesifikasi : Standard, tinta hitam` (the line break SIPD puts before
/// `Spesifikasi` is folded to a space when the cell is read) → the item and its spesifikasi.
fn pisah_spesifikasi(teks: &str) -> (String, Option<String>) {
    let t = rapikan(teks);
    let l = t.to_lowercase();
    match l.find("spesifikasi") {
        Some(i) if i > 0 => {
            let nama = t[..i].trim().to_string();
            let sisa = t[i..]
                .get("spesifikasi".len()..)
                .unwrap_or_default()
                .trim_start_matches([' ', ':'])
                .trim()
                .to_string();
            (nama, Some(sisa).filter(|x| !x.is_empty()))
        }
        _ => (t, None),
    }
}

/// `2 Orang x 3 Hari` → 6; `245 Orang / Kali` → 245; `3` → 3. `None` without a number.
pub fn urai_koefisien(teks: &str) -> Option<Decimal> {
    let t = rapikan(teks).to_lowercase();
    let mut hasil: Option<Decimal> = None;
    for bagian in t.split(['x', '×', '*']) {
        let angka: String = bagian
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        if angka.is_empty() {
            continue;
        }
        // `1.200 Lembar` in a text cell (the HTML print) is twelve hundred: dots grouping
        // three digits are thousands, as in a PK target; `1,5` and `0.5` are fractions.
        let a = super::pk::angka_target(&angka)?;
        hasil = Some(match hasil {
            None => a.nilai,
            Some(h) => h.checked_mul(a.nilai)?,
        });
    }
    hasil
}

/// The code of a rincian row from its code cells: one cell (`5.1.02.01.01.0024`), or one cell
/// per part (`5 | 1 | 02 | 01 | 01 | 0024`). A part stored as a number lost its leading zeros
/// (`02` → 2): it is widened back to its part's width.
fn kode_rekening(p: &Pembaca, r: u32, kolom: &[u32]) -> Option<String> {
    const LEBAR: [usize; 6] = [1, 1, 2, 2, 2, 4];
    let bagian: Vec<String> = kolom
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| {
            let isi = p.grid.sel(r, c);
            match isi {
                Isi::Angka(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e9 => {
                    let lebar = LEBAR.get(i).copied().unwrap_or(1);
                    Some(format!("{:0lebar$}", *f as u64))
                }
                Isi::Teks(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
                _ => None,
            }
        })
        .collect();
    (!bagian.is_empty()).then(|| bagian.join("."))
}

/// The rincian header from its row `r` (`Kode Rekening | Uraian | …`) and the rows under it
/// that continue it: each column by its header path, top-down (`Rincian Perhitungan ›
/// Sesudah › Harga` is the harga after the change).
fn cari_kolom(p: &Pembaca, r: u32) -> Option<Kolom> {
    use super::kepala::{lanjutan_kepala, teks_kepala};
    let grid = p.grid;
    let i = grid.baris.binary_search_by_key(&r, |b| b.r).ok()?;
    let mut akhir = r;
    for b in grid.baris[i.saturating_add(1)..].iter().take(2) {
        if b.r != akhir.saturating_add(1) || !lanjutan_kepala(&b.sel) {
            break;
        }
        akhir = b.r;
    }
    let lebar = grid.baris[i].sel.len() as u32;
    let teks = teks_kepala(grid, r, akhir, grid.lebar().max(lebar));
    let mut kode = Vec::new();
    let mut uraian = None;
    let mut kini = KolomNilai::default();
    let mut sebelum = KolomNilai::default();
    let mut ada_sebelum = false;
    let mut bertambah = None;
    for c in 0..grid.lebar().max(lebar) {
        let mut jalur: Vec<String> = Vec::new();
        for t in teks.iter().filter_map(|b| b.get(c as usize)?.clone()) {
            let t = kecil(&t);
            if jalur.last() != Some(&t) {
                jalur.push(t);
            }
        }
        let Some(atas) = jalur.first() else { continue };
        if atas == "kode rekening" {
            kode.push(c);
            continue;
        }
        if atas == "uraian" {
            uraian.get_or_insert(c);
            continue;
        }
        if atas.starts_with("bertambah") {
            bertambah.get_or_insert(c);
            continue;
        }
        let sisi = if jalur.iter().any(|t| t.contains("sebelum")) {
            ada_sebelum = true;
            &mut sebelum
        } else {
            &mut kini
        };
        let Some(daun) = jalur.last() else { continue };
        let tempat = if daun.starts_with("koefisien") || daun.starts_with("volume") {
            &mut sisi.koefisien
        } else if daun.starts_with("satuan") {
            &mut sisi.satuan
        } else if daun.starts_with("harga") {
            &mut sisi.harga
        } else if daun.starts_with("ppn") {
            &mut sisi.ppn
        } else if daun.starts_with("jumlah") {
            &mut sisi.jumlah
        } else {
            continue;
        };
        tempat.get_or_insert(c);
    }
    kini.jumlah?;
    let uraian = uraian?;
    // The code's cells: from `Kode Rekening` to the uraian (one cell per part, the title
    // merged over them).
    let kode: Vec<u32> = kode.first().map_or(Vec::new(), |&k| (k..uraian).collect());
    Some(Kolom {
        kode,
        uraian,
        kini,
        sebelum: ada_sebelum.then_some(sebelum),
        bertambah,
        r_akhir: akhir,
    })
}

/// The amounts of one side of a rincian row (a DPPA's Sebelum has the same fields).
fn nilai_sisi(p: &mut Pembaca, r: u32, k: &KolomNilai) -> Sebelum {
    let grid = p.grid;
    let koefisien = k.koefisien.and_then(|c| {
        let sel = Alamat { r, c };
        match grid.sel(r, c) {
            Isi::Angka(f) => angka::dari_f64(*f).ok().map(|a: Angka| Koefisien {
                teks: angka::teks_f64(*f),
                nilai: a.nilai,
                sel,
            }),
            Isi::Teks(t) if !t.trim().is_empty() => match urai_koefisien(t) {
                Some(nilai) => Some(Koefisien {
                    teks: rapikan(t),
                    nilai,
                    sel,
                }),
                None => {
                    p.catat(
                        T::Galat,
                        sel,
                        "KOEFISIEN_TIDAK_TERBACA",
                        format!("koefisien '{}' tidak memuat angka volume", rapikan(t)),
                    );
                    None
                }
            },
            Isi::RumusTanpaHasil => {
                p.tanpa_hasil.push(sel);
                None
            }
            _ => None,
        }
    });
    let ppn = k.ppn.and_then(|c| {
        let sel = Alamat { r, c };
        let persen = matches!(grid.sel(r, c), Isi::Teks(t) if t.contains('%'));
        let n = match grid.sel(r, c) {
            Isi::Teks(t) if persen => {
                angka::baca_teks(t.trim().trim_end_matches('%').trim(), JenisAngka::Persen)
                    .ok()
                    .flatten()
                    .map(|a| a.nilai)
            }
            _ => p.angka(r, c).map(|n| n.nilai()),
        }?;
        Some(if persen {
            (Ppn::Tarif(n.checked_div(Decimal::ONE_HUNDRED)?), sel)
        } else if n < Decimal::ONE {
            (Ppn::Tarif(n), sel)
        } else {
            (Ppn::Rupiah(n), sel)
        })
    });
    let harga = k.harga.and_then(|c| p.angka(r, c));
    let jumlah = k.jumlah.and_then(|c| p.angka(r, c));
    Sebelum {
        koefisien,
        harga,
        ppn,
        jumlah,
    }
}

/// Reads a sheet [`tampak_dpa`] accepted.
pub fn kenali(grid: &Grid) -> Hasil {
    let mut p = Pembaca {
        grid,
        asal: Asal {
            berkas: grid.berkas.clone(),
            lembar: grid.lembar.clone(),
        },
        temuan: Vec::new(),
        tanpa_hasil: Vec::new(),
    };
    let mut dpa = Dpa {
        asal: p.asal.clone(),
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
        penarikan: Vec::new(),
        penarikan_jumlah: None,
        belanja: Vec::new(),
        bentuk: Default::default(),
        perubahan: false,
        jumlah_sebelum: None,
        jumlah_bertambah: None,
    };
    let mut kolom: Option<(u32, Kolom)> = None;
    // The indikator table's columns (tolok ukur, target) once its header is seen.
    let mut kolom_indikator: Option<(u32, u32)> = None;
    let mut jenis_indikator: Option<JenisIndikator> = None;
    let mut i = 0;
    // The title, key/value block and indikator table, up to the rincian header.
    while let Some(b) = grid.baris.get(i) {
        let r = b.r;
        i = i.saturating_add(1);
        let Some((c, label)) =
            (0..b.sel.len()).find_map(|c| b.sel[c].teks().map(|t| (c as u32, kecil(t))))
        else {
            continue;
        };
        if dpa.tahun.is_none()
            && let Some(j) = label.find("tahun anggaran")
        {
            dpa.tahun = label[j..]
                .split(|ch: char| !ch.is_ascii_digit())
                .find_map(|s| s.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)));
        }
        if label == "kode rekening" {
            if let Some(k) = cari_kolom(&p, r) {
                kolom = Some((r, k));
            }
            break;
        }
        let nilai = p.nilai_label(r, c);
        let teks_nilai = nilai.and_then(|a| p.teks(a.r, a.c));
        match label.as_str() {
            "urusan pemerintahan" | "urusan" => dpa.urusan = teks_nilai.as_ref().map(berkode),
            "bidang urusan" | "bidang" => dpa.bidang = teks_nilai.as_ref().map(berkode),
            "program" => dpa.program = teks_nilai.as_ref().map(berkode),
            "kegiatan" => dpa.kegiatan = teks_nilai.as_ref().map(berkode),
            "organisasi" | "skpd" => dpa.organisasi = teks_nilai.as_ref().map(berkode),
            "unit" | "sub unit" | "unit organisasi" | "sub skpd" => {
                dpa.unit = teks_nilai.as_ref().map(berkode)
            }
            "sub kegiatan" => dpa.sub_kegiatan = teks_nilai.as_ref().map(berkode),
            "sumber pendanaan" | "sumber dana" => dpa.sumber_dana = teks_nilai,
            "lokasi" => dpa.lokasi = teks_nilai,
            l if l.starts_with("alokasi tahun") => {
                if let (Some(y), Some(a)) = (tahun_alokasi(l, dpa.tahun), nilai)
                    && let Some(n) = p.angka(a.r, a.c)
                {
                    dpa.alokasi.push((y, n));
                }
            }
            "indikator" => {
                // `Indikator | Tolok Ukur Kinerja | Target Kinerja`.
                // A DPPA writes `Sebelum | Sesudah` here and the titles in the row under it:
                // the last of each is the one after the change.
                let cari = |kata: &str| {
                    grid.baris
                        .iter()
                        .filter(|b| b.r == r || b.r == r.saturating_add(1))
                        .find_map(|b| {
                            (0..b.sel.len())
                                .rev()
                                .find(|&c| {
                                    b.sel[c].teks().map(kecil).is_some_and(|l| l.contains(kata))
                                })
                                .map(|c| c as u32)
                        })
                };
                kolom_indikator = cari("tolok ukur")
                    .or_else(|| cari("tolak ukur"))
                    .zip(cari("target"));
                jenis_indikator = None;
            }
            l => {
                if let Some((c_tolok, c_target)) = kolom_indikator {
                    let jenis = match l {
                        "capaian program" | "capaian kegiatan" => {
                            Some(JenisIndikator::CapaianProgram)
                        }
                        "masukan" => Some(JenisIndikator::Masukan),
                        "keluaran" => Some(JenisIndikator::Keluaran),
                        "hasil" => Some(JenisIndikator::Hasil),
                        _ => None,
                    };
                    // A row of the table without its label is one more of the kind above.
                    let jenis = jenis.or(if c >= c_tolok { jenis_indikator } else { None });
                    if let Some(j) = jenis
                        && let Some(tolok) = p.teks(r, c_tolok)
                    {
                        jenis_indikator = Some(j);
                        let target = p.teks(r, c_target);
                        // The Masukan's target is the pagu, `Rp. 31.003.454` in the HTML print
                        // (`Rp1.234` too, which no target splitting reads).
                        let rupiah = target
                            .as_ref()
                            .filter(|t| j == JenisIndikator::Masukan && t.isi.starts_with("Rp"))
                            .and_then(|t| {
                                angka::baca_teks(inti_rupiah(&t.isi), JenisAngka::Rupiah)
                                    .ok()
                                    .flatten()
                            });
                        let (target_angka, satuan) = match rupiah {
                            Some(a) => (Some(a.nilai), Some("Rp".to_string())),
                            None => target
                                .as_ref()
                                .and_then(|t| super::pk::pisah_target(&t.isi))
                                .map_or((None, None), |(a, s)| (Some(a.nilai), s)),
                        };
                        dpa.indikator.push(IndikatorDpa {
                            jenis: j,
                            tolok_ukur: tolok,
                            target,
                            target_angka,
                            satuan,
                        });
                    }
                }
            }
        }
    }
    let Some((r_kepala, kol)) = kolom else {
        return Hasil::TanpaKepala;
    };
    dpa.perubahan = kol.sebelum.is_some();
    // The rincian, to the sub kegiatan's total.
    while let Some(r) = grid.baris.get(i).map(|b| b.r) {
        i = i.saturating_add(1);
        if r <= kol.r_akhir {
            continue;
        }
        let pertama = p.teks(r, kol.kode.first().copied().unwrap_or(kol.uraian));
        if let Some(t) = &pertama {
            let l = kecil(&t.isi);
            if l.starts_with("jumlah") {
                dpa.jumlah = kol.kini.jumlah.and_then(|c| p.angka(r, c));
                dpa.jumlah_sebelum = kol
                    .sebelum
                    .as_ref()
                    .and_then(|k| k.jumlah)
                    .and_then(|c| p.angka(r, c));
                dpa.jumlah_bertambah = kol.bertambah.and_then(|c| p.angka(r, c));
                break;
            }
        }
        let Some(uraian) = p.teks(r, kol.uraian) else {
            continue;
        };
        let kode = kode_rekening(&p, r, &kol.kode);
        let awal = uraian.isi.trim_start();
        let jenis = if awal.starts_with("[#]") {
            JenisRincian::Kelompok
        } else if awal.starts_with("[-]") {
            JenisRincian::Keterangan
        } else if let Some(k) = kode.as_deref() {
            match Kode::baca(k) {
                Some(k) if k.tingkat == Tingkat::Rekening => JenisRincian::Rekening(k),
                // The akun alone (`5` BELANJA DAERAH) reads as an urusan code elsewhere.
                Some(k) if k.bagian().count() == 1 => JenisRincian::Rekening(Kode {
                    tingkat: Tingkat::Rekening,
                    ..k
                }),
                _ => {
                    p.catat(
                        T::Peringatan,
                        Alamat {
                            r,
                            c: kol.kode[0],
                        },
                        "KODE_REKENING_TIDAK_DIKENAL",
                        format!("'{k}' bukan kode rekening (5.1.02.01.01.0024 atau 5.1.02.01.001.00024); baris dibaca sebagai rincian"),
                    );
                    JenisRincian::Item
                }
            }
        } else {
            JenisRincian::Item
        };
        let (nama, spesifikasi) = if jenis == JenisRincian::Item {
            pisah_spesifikasi(&uraian.isi)
        } else {
            (rapikan(&uraian.isi), None)
        };
        let Sebelum {
            koefisien,
            harga,
            ppn,
            jumlah,
        } = nilai_sisi(&mut p, r, &kol.kini);
        let sebelum = kol
            .sebelum
            .as_ref()
            .map(|k| Box::new(nilai_sisi(&mut p, r, k)));
        let bertambah = kol.bertambah.and_then(|c| p.angka(r, c));
        dpa.rincian.push(BarisRincian {
            r,
            jenis,
            uraian: Teks {
                isi: nama,
                sel: uraian.sel,
            },
            spesifikasi,
            koefisien,
            satuan: kol.kini.satuan.and_then(|c| p.teks(r, c)).map(|t| t.isi),
            harga,
            ppn,
            jumlah,
            sebelum,
            bertambah,
            bulan: Vec::new(),
            total_bulan: None,
        });
    }
    // The Rencana Penarikan Dana per bulan.
    let mut di_penarikan = false;
    while let Some(b) = grid.baris.get(i) {
        let r = b.r;
        i = i.saturating_add(1);
        let Some((c, label)) =
            (0..b.sel.len()).find_map(|c| b.sel[c].teks().map(|t| (c as u32, kecil(t))))
        else {
            continue;
        };
        if label.starts_with("rencana penarikan") {
            di_penarikan = true;
            continue;
        }
        if !di_penarikan {
            continue;
        }
        // The amount right of the month: a number, or text that reads as one (the HTML
        // print's `Rp 3.875.431`); the signature block's words further right are not.
        let nilai = (c.saturating_add(1)..b.sel.len() as u32)
            .find(|&x| match &b.sel[x as usize] {
                Isi::Angka(_) | Isi::RumusTanpaHasil => true,
                Isi::Teks(t) => tampak_angka(t),
                _ => false,
            })
            .and_then(|x| p.angka(r, x));
        if let Some(m) = BULAN.iter().position(|m| label == *m) {
            if let Some(nilai) = nilai {
                dpa.penarikan.push(Penarikan {
                    bulan: u8::try_from(m).unwrap_or(0).saturating_add(1),
                    nilai,
                });
            }
        } else if label.starts_with("jumlah") {
            dpa.penarikan_jumlah = nilai;
            break;
        } else if !dpa.penarikan.is_empty() {
            break;
        }
    }
    if let Some(&sel) = p.tanpa_hasil.first() {
        let n = p.tanpa_hasil.len();
        p.catat(
            T::Info,
            sel,
            "RUMUS_TANPA_HASIL",
            format!(
                "{n} sel rumus tanpa nilai tersimpan (ekspor yang tidak menghitung); nilainya tidak dibaca sebagai angka tertulis, jumlahnya dihitung lkjip"
            ),
        );
    }
    if dpa.rincian.is_empty() && dpa.jumlah.is_none() {
        return Hasil::Kosong {
            baris_kepala: r_kepala.saturating_add(1),
        };
    }
    Hasil::Dpa(Box::new(dpa), p.temuan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn koefisien_hasil_kali_volumenya() {
        assert_eq!(urai_koefisien("2 Orang x 3 Hari"), Some(Decimal::from(6)));
        assert_eq!(urai_koefisien("245 Orang / Kali"), Some(Decimal::from(245)));
        assert_eq!(
            urai_koefisien("59 Orang x 4 Kali"),
            Some(Decimal::from(236))
        );
        assert_eq!(
            urai_koefisien("1,5 Jam x 2 Orang"),
            Some(Decimal::new(3, 0))
        );
        assert_eq!(urai_koefisien("Orang"), None);
        assert_eq!(urai_koefisien("1.200 Lembar"), Some(Decimal::from(1200)));
        assert_eq!(urai_koefisien("0.5 Jam"), Some(Decimal::new(5, 1)));
    }

    #[test]
    fn rupiah_teks_dan_tahun_alokasi() {
        assert_eq!(inti_rupiah("Rp. 31.003.454"), "31.003.454");
        assert_eq!(inti_rupiah("Rp1.234.567"), "1.234.567");
        assert_eq!(
            inti_rupiah("Rp. 1.234 (seribu dua ratus tiga puluh empat rupiah)"),
            "1.234"
        );
        assert_eq!(inti_rupiah("(1.234)"), "(1.234)");
        assert!(tampak_angka("Rp 0") && tampak_angka("-") && !tampak_angka("Kepala SKPD"));
        let t = Some(2022);
        assert_eq!(tahun_alokasi("alokasi tahun - 1", t), Some(2021));
        assert_eq!(tahun_alokasi("alokasi tahun -1", t), Some(2021));
        assert_eq!(tahun_alokasi("alokasi tahun", t), Some(2022));
        assert_eq!(tahun_alokasi("alokasi tahun + 1", t), Some(2023));
        assert_eq!(tahun_alokasi("alokasi tahun 2023", None), Some(2023));
        assert_eq!(tahun_alokasi("alokasi tahun", None), None);
        assert_eq!(tahun_alokasi("alokasi tahun lalu", t), None);
    }

    /// The DPA rincian saved as HTML under an `.xls` name (docs/dpa-tata-letak.md layout 6)
    /// read from its one stacked sheet: every part, each value at the cell it is in when
    /// Excel opens the file (rows from 0; the layout is in `sheet::html`'s test of the same
    /// file). The pagu, 31.003.454, is the sample README's (`Pagu per sub kegiatan`).
    #[test]
    fn rincian_html_terbaca_dari_satu_lembar() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.02.2.02.01_Perencanaan_Kegiatan_Pelayanan_Kepada_Masyarakat_di_Kecamata.xls",
        );
        let mut buku = crate::sheet::buka(&path).unwrap();
        let grid = buku.baca("DPA-RINCIAN_7.01.02.2.02.01_Per").unwrap();
        assert!(tampak_dpa(&grid));
        let Hasil::Dpa(d, temuan) = kenali(&grid) else {
            panic!("bukan DPA")
        };
        assert!(temuan.is_empty(), "{temuan:?}");
        let pagu = Decimal::from(31_003_454);
        let kode = |b: &Option<Berkode>| {
            b.as_ref()
                .and_then(|b| b.kode.clone())
                .map(|k| k.to_string())
        };
        assert_eq!(d.tahun, Some(2022));
        assert_eq!(kode(&d.bidang).as_deref(), Some("7.01"));
        assert_eq!(kode(&d.program).as_deref(), Some("7.01.02"));
        assert_eq!(kode(&d.kegiatan).as_deref(), Some("7.01.02.2.02"));
        assert_eq!(kode(&d.sub_kegiatan).as_deref(), Some("7.01.02.2.02.01"));
        let sub = d.sub_kegiatan.as_ref().unwrap();
        assert_eq!(
            sub.nama,
            "Perencanaan Kegiatan Pelayanan Kepada Masyarakat di Kecamatan"
        );
        assert_eq!(sub.sel, Alamat { r: 22, c: 2 });
        assert_eq!(d.unit.as_ref().unwrap().nama, "KECAMATAN BONTANG BARAT");
        assert_eq!(
            d.sumber_dana.as_ref().map(|t| t.isi.as_str()),
            Some("PENDAPATAN ASLI DAERAH (PAD)")
        );
        assert_eq!(
            d.lokasi.as_ref().map(|t| t.isi.as_str()),
            Some("Kota Bontang, Bontang Barat, Semua Kelurahan")
        );
        let alokasi: Vec<(i32, Decimal, Alamat)> = d
            .alokasi
            .iter()
            .map(|(y, n)| (*y, n.nilai(), n.sel))
            .collect();
        assert_eq!(
            alokasi,
            vec![
                (2021, Decimal::ZERO, Alamat { r: 10, c: 2 }),
                (2022, pagu, Alamat { r: 11, c: 2 }),
                (2023, Decimal::ZERO, Alamat { r: 12, c: 2 }),
            ]
        );
        let masukan = d
            .indikator
            .iter()
            .find(|i| i.jenis == JenisIndikator::Masukan)
            .unwrap();
        assert_eq!(masukan.target_angka, Some(pagu));
        let keluaran = d
            .indikator
            .iter()
            .find(|i| i.jenis == JenisIndikator::Keluaran)
            .unwrap();
        assert_eq!(keluaran.target_angka, Some(Decimal::from(150)));
        assert_eq!(keluaran.satuan.as_deref(), Some("Orang"));
        assert_eq!(d.indikator.len(), 4);
        // The rincian: 5 BELANJA DAERAH at row 30 down to the last item at row 67.
        assert_eq!(d.rincian.first().map(|b| b.r), Some(30));
        assert_eq!(d.rincian.last().map(|b| b.r), Some(67));
        let ballpoint = d.rincian.iter().find(|b| b.r == 38).unwrap();
        assert_eq!(ballpoint.jenis, JenisRincian::Item);
        assert_eq!(ballpoint.uraian.isi, "Ballpoint");
        assert_eq!(
            ballpoint.koefisien.as_ref().map(|k| k.nilai),
            Some(Decimal::from(160))
        );
        assert_eq!(
            ballpoint.harga.as_ref().map(Nilai::nilai),
            Some(Decimal::from(3500))
        );
        assert_eq!(
            ballpoint.jumlah.as_ref().map(|n| (n.nilai(), n.sel)),
            Some((Decimal::from(560_000), Alamat { r: 38, c: 6 }))
        );
        assert!(matches!(ballpoint.ppn, Some((Ppn::Tarif(t), _)) if t.is_zero()));
        assert_eq!(
            d.jumlah.as_ref().map(|n| (n.nilai(), n.sel)),
            Some((pagu, Alamat { r: 68, c: 6 }))
        );
        // The Rencana Penarikan: twelve months from row 71, its Jumlah at row 83.
        assert_eq!(d.penarikan.len(), 12);
        let maret = &d.penarikan[2];
        assert_eq!(
            (maret.bulan, maret.nilai.nilai(), maret.nilai.sel),
            (3, Decimal::from(3_875_431), Alamat { r: 73, c: 1 })
        );
        assert_eq!(
            d.penarikan_jumlah.as_ref().map(|n| (n.nilai(), n.sel)),
            Some((pagu, Alamat { r: 83, c: 1 }))
        );
        assert!(crate::check::dpa::periksa(&d).is_empty());
    }

    #[test]
    fn spesifikasi_dipisah_dari_nama_barang() {
        assert_eq!(
            pisah_spesifikasi("Ballpoint\nSpesifikasi : Standard, tinta hitam"),
            (
                "Ballpoint".to_string(),
                Some("Standard, tinta hitam".to_string())
            )
        );
        assert_eq!(
            pisah_spesifikasi("Ballpoint Spesifikasi : Standard"),
            ("Ballpoint".to_string(), Some("Standard".to_string()))
        );
        assert_eq!(
            pisah_spesifikasi("Honorarium"),
            ("Honorarium".to_string(), None)
        );
    }
}
