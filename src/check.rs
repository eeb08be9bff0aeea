//! Check: what a document states against what compute says.
//!
//! The aim is one finding per wrong number, at its cell. Three rules keep a single typo from
//! echoing up the tree:
//! - a leaf whose realisasi (or pagu) disagrees with both its own `%` and sisa, while those
//!   two agree on another value, is the mistyped cell; the tables use the value they agree on;
//! - a parent is compared with the sum of its children as recomputed, and its mismatch is not
//!   reported again when it is exactly the mismatch already reported below it;
//! - a `%`, sisa or efisiensi is correct when it follows from its own row as written *or* from
//!   the recomputed row: a wrong total above it is reported once, at the total.
//!
//! An amount that cannot be held (a sum, %, sisa or fisik beyond what `Decimal` holds) is a
//! galat `ANGKA_LUAP` at the cell of the row it belongs to, reported once where it arises;
//! the comparisons that would need it are skipped, never made against a 0.
#![deny(clippy::arithmetic_side_effects)]

pub mod dpa;
pub mod dpa_kinerja;
pub mod dpa_tabel;
pub mod kinerja;
pub mod nomenklatur;
pub mod pk;
pub mod renja;
pub mod selisih;
pub mod tabel;
pub mod tabel_16;

use crate::angka::{self, Angka, Luap, sama_pada_presisi, tulis_persen, tulis_rupiah};
use crate::compute::{self, Besaran, Koreksi, pagu_tertulis, realisasi_tertulis};
use crate::kode::Tingkat;
use crate::model::Alamat;
use crate::model::{BarisAnggaran, Bulanan, Dokumen, Nilai, Pohon, Simpul};
use crate::pohon;
use crate::temuan::{self, Temuan};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// The whole path for one document: tree, corrections, roll-up, findings.
pub fn periksa_dokumen(mut dok: Dokumen) -> (Pohon, Vec<Temuan>) {
    let (mut pohon, mut temuan) = pohon::bangun(&mut dok);
    let (koreksi, t) = koreksi_daun(&dok, &pohon);
    temuan.extend(t);
    let luap = compute::hitung(&mut pohon, &koreksi);
    temuan.extend(luap.iter().map(|l| temuan_luap_jumlah(&dok, &pohon, *l)));
    temuan.extend(periksa(&dok, &pohon));
    (pohon, temuan)
}

/// The code of a finding whose number cannot be held.
pub const ANGKA_LUAP: &str = "ANGKA_LUAP";

/// Whether any finding is a number that cannot be held: a table computed from it would be
/// wrong, so `susun` should write none (the caller decides; see README).
pub fn ada_luap(temuan: &[Temuan]) -> bool {
    temuan.iter().any(|t| t.kode == ANGKA_LUAP)
}

fn galat_luap(dok: &Dokumen, sel: String, pesan: String) -> Temuan {
    Temuan::baru(temuan::Tingkat::Galat, ANGKA_LUAP, dok.sumber(sel), pesan)
}

/// A node of the tree and its row, or the nearest row below it, for a location.
fn baris_terdekat(pohon: &Pohon, mut i: usize) -> Option<&BarisAnggaran> {
    loop {
        let s = &pohon.simpul[i];
        if let Some(b) = pohon.baris_dari(s) {
            return Some(b);
        }
        i = *s.anak.values().next()?;
    }
}

/// The cell of a node's amount: its own column on its row, else the row's code cell.
fn sel_besaran(b: &BarisAnggaran, besaran: Besaran) -> String {
    let sel = match besaran {
        Besaran::Pagu => sel_jumlah(b, false),
        Besaran::Realisasi => sel_jumlah(b, true),
        Besaran::Fisik => b
            .fisik
            .as_ref()
            .map(|n| n.sel.to_string())
            .unwrap_or_default(),
    };
    if sel.is_empty() {
        crate::model::Alamat { r: b.r, c: 0 }.to_string()
    } else {
        sel
    }
}

/// A sum (or a weighted fisik) that cannot be held, with the amounts as written it is
/// made of.
fn temuan_luap_jumlah(dok: &Dokumen, pohon: &Pohon, l: compute::LuapSimpul) -> Temuan {
    let s = &pohon.simpul[l.simpul];
    let sel = baris_terdekat(pohon, l.simpul)
        .map(|b| sel_besaran(b, l.besaran))
        .unwrap_or_default();
    let ambil = |h: &crate::model::Hitungan| match l.besaran {
        Besaran::Realisasi => h.realisasi.ok(),
        _ => h.pagu.ok(),
    };
    let bagian: Vec<String> = if s.anak.is_empty() {
        // A leaf: the sum of its kelompok belanja.
        pohon
            .baris_dari(s)
            .map(|b| {
                b.kelompok
                    .iter()
                    .filter_map(|k| match l.besaran {
                        Besaran::Realisasi => k.realisasi.as_ref(),
                        _ => k.pagu.as_ref(),
                    })
                    .map(|n| tulis_rupiah(n.nilai()))
                    .collect()
            })
            .unwrap_or_default()
    } else if l.besaran == Besaran::Fisik {
        // fisik % × pagu of each child that states one.
        s.anak
            .values()
            .map(|&a| pohon.simpul[a].hitung)
            .filter_map(|h| Some((h.fisik.ok()??, h.pagu.ok()?)))
            .map(|(f, p)| format!("{}% × {}", tulis_persen(f), tulis_rupiah(p)))
            .collect()
    } else {
        s.anak
            .values()
            .filter_map(|&a| ambil(&pohon.simpul[a].hitung))
            .map(tulis_rupiah)
            .collect()
    };
    let mut rincian: Vec<&str> = bagian.iter().take(4).map(String::as_str).collect();
    if bagian.len() > 4 {
        rincian.push("…");
    }
    galat_luap(
        dok,
        sel,
        format!(
            "{} {} tidak dapat dihitung: {} dari {} angka tertulis ({}): {}. Periksa angka-angka itu (salah ketik atau sel rusak); tabel menuliskannya '{}'",
            l.besaran.nama(),
            nama(s),
            if l.besaran == Besaran::Fisik {
                "rata-rata berbobot pagu"
            } else {
                "jumlah"
            },
            bagian.len(),
            rincian.join(" + "),
            Luap,
            crate::tables::TAK_TERHITUNG
        ),
    )
}

fn cocok(tertulis: Angka, hitung: Decimal) -> bool {
    sama_pada_presisi(tertulis, hitung)
}

/// A stated amount against one that may not have been computable: what cannot be held
/// agrees with nothing (it is reported on its own, as `ANGKA_LUAP`).
fn cocok_hasil(tertulis: Angka, hitung: Result<Decimal, Luap>) -> bool {
    hitung.is_ok_and(|h| cocok(tertulis, h))
}

/// A stated percentage against a pagu and realisasi; with a pagu of 0 only 0 (or `-`) is right.
fn cocok_persen(tertulis: Angka, pagu: Decimal, realisasi: Decimal) -> bool {
    match compute::persen(pagu, realisasi) {
        Ok(Some(p)) => cocok(tertulis, p),
        Ok(None) => tertulis.nilai.is_zero(),
        Err(Luap) => false,
    }
}

fn cocok_efisiensi(tertulis: Angka, pagu: Decimal, realisasi: Decimal) -> bool {
    match compute::efisiensi(pagu, realisasi) {
        Ok(Some(e)) => cocok(tertulis, e),
        Ok(None) => tertulis.nilai.is_zero(),
        Err(Luap) => false,
    }
}

fn teks_persen(nilai: Option<Decimal>) -> String {
    nilai.map_or_else(|| "-".to_string(), tulis_persen)
}

/// `program 7.01.04 PROGRAM KOORDINASI …` for messages.
fn nama(s: &Simpul) -> String {
    let mut uraian: String = s.uraian.chars().take(70).collect();
    if uraian.len() < s.uraian.len() {
        uraian.push('…');
    }
    match (s.tingkat, &s.kode) {
        (Some(t), Some(k)) => format!("{} {} {}", t.nama(), k, uraian),
        (Some(t), None) => format!("{} {}", t.nama(), uraian),
        (None, _) => "baris JUMLAH".to_string(),
    }
}

/// Finds mistyped leaf amounts from the rest of their row (see the module comment).
pub fn koreksi_daun(dok: &Dokumen, pohon: &Pohon) -> (HashMap<usize, Koreksi>, Vec<Temuan>) {
    let mut koreksi = HashMap::new();
    let mut temuan = Vec::new();
    for (i, s) in pohon.simpul.iter().enumerate() {
        let Some(b) = pohon.baris_dari(s) else {
            continue;
        };
        if !s.anak.is_empty() {
            continue;
        }
        let (Some(p), Some(r), Some(pn), Some(sn)) = (&b.pagu, &b.realisasi, &b.persen, &b.sisa)
        else {
            continue;
        };
        let (pagu, realisasi) = (p.nilai(), r.nilai());
        if cocok_persen(pn.angka, pagu, realisasi)
            || cocok_hasil(sn.angka, compute::sisa(pagu, realisasi))
        {
            continue;
        }
        // What the row's sisa implies; a sisa that implies no number that can be held
        // corrects nothing (the row's own sisa is then reported by `periksa_luap`).
        let (Ok(realisasi_lain), Ok(pagu_lain)) = (
            angka::kurang(pagu, sn.nilai()),
            angka::tambah(realisasi, sn.nilai()),
        ) else {
            continue;
        };
        let (kolom, nilai, sel, k) =
            if !pagu.is_zero() && cocok_persen(pn.angka, pagu, realisasi_lain) {
                (
                    "realisasi",
                    r,
                    r.sel,
                    Koreksi {
                        realisasi: Some(realisasi_lain),
                        pagu: None,
                    },
                )
            } else if !pagu_lain.is_zero() && cocok_persen(pn.angka, pagu_lain, realisasi) {
                (
                    "pagu",
                    p,
                    p.sel,
                    Koreksi {
                        pagu: Some(pagu_lain),
                        realisasi: None,
                    },
                )
            } else {
                continue;
            };
        let benar = k.realisasi.or(k.pagu).unwrap_or_default();
        temuan.push(
            Temuan::baru(
                temuan::Tingkat::Galat,
                if kolom == "pagu" { "PAGU_SALAH" } else { "REALISASI_SALAH" },
                dok.sumber(sel),
                format!(
                    "{kolom} {} tertulis {}, tetapi sisa ({}) dan % ({}) di baris yang sama sama-sama menunjukkan {}; tabel memakai {}",
                    nama(s),
                    tulis_rupiah(nilai.nilai()),
                    tulis_rupiah(sn.nilai()),
                    tulis_persen(pn.nilai()),
                    tulis_rupiah(benar),
                    tulis_rupiah(benar)
                ),
            )
            .dengan_nilai(tulis_rupiah(nilai.nilai()), tulis_rupiah(benar)),
        );
        koreksi.insert(i, k);
    }
    (koreksi, temuan)
}

/// The cell where a row states its pagu (or realisasi): its own column, else the first
/// kelompok column.
fn sel_jumlah(b: &BarisAnggaran, realisasi: bool) -> String {
    let utama = if realisasi { &b.realisasi } else { &b.pagu };
    utama
        .as_ref()
        .or_else(|| {
            b.kelompok.iter().find_map(|k| {
                if realisasi {
                    k.realisasi.as_ref()
                } else {
                    k.pagu.as_ref()
                }
            })
        })
        .map(|n| n.sel.to_string())
        .unwrap_or_default()
}

/// Every comparison of stated values with the recomputed tree.
pub fn periksa(dok: &Dokumen, pohon: &Pohon) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    periksa_jumlah(dok, pohon, &mut temuan);
    for (i, s) in pohon.simpul.iter().enumerate() {
        periksa_luap(dok, pohon, i, &mut temuan);
        if let Some(b) = pohon.baris_dari(s) {
            periksa_baris(dok, s, b, &mut temuan);
            if let Some(bulanan) = &b.bulanan {
                periksa_bulan(dok, s, b, bulanan, &mut temuan);
            }
        }
    }
    periksa_bobot(dok, pohon, &mut temuan);
    satukan_per_sel(temuan)
}

/// One wrong cell, one finding: two galat at the same cell that agree on what it should be
/// (a TOTAL that differs both from its kelompok and from its children) become one, whose
/// message gives both reasons.
fn satukan_per_sel(temuan: Vec<Temuan>) -> Vec<Temuan> {
    let mut hasil: Vec<Temuan> = Vec::with_capacity(temuan.len());
    let mut tempat: HashMap<(String, Option<String>, Option<String>), usize> = HashMap::new();
    for t in temuan {
        if t.tingkat != temuan::Tingkat::Galat || t.seharusnya.is_none() {
            hasil.push(t);
            continue;
        }
        let kunci = (
            t.lokasi.sel.clone(),
            t.tertulis.clone(),
            t.seharusnya.clone(),
        );
        match tempat.get(&kunci) {
            Some(&i) => {
                hasil[i].pesan.push_str("; juga: ");
                hasil[i].pesan.push_str(&t.pesan);
            }
            None => {
                tempat.insert(kunci, hasil.len());
                hasil.push(t);
            }
        }
    }
    hasil
}

/// The monthly form: realisasi bulan lalu + bulan ini = s.d. bulan ini. When the row's own
/// `%` or sisa follow from the s.d. bulan ini figure, that figure is not the typo, and the
/// message says so.
fn periksa_bulan(
    dok: &Dokumen,
    s: &Simpul,
    b: &BarisAnggaran,
    bulanan: &Bulanan,
    temuan: &mut Vec<Temuan>,
) {
    let (Some(lalu), Some(ini), Some(sd)) = (
        &bulanan.realisasi_lalu,
        &bulanan.realisasi_ini,
        &b.realisasi,
    ) else {
        return;
    };
    let Ok(jumlah) = angka::tambah(lalu.nilai(), ini.nilai()) else {
        return;
    };
    if cocok(sd.angka, jumlah) {
        return;
    }
    let pagu = match pagu_tertulis(b) {
        Ok(Some(p)) => Ok(p),
        _ => s.hitung.pagu,
    };
    let sd_cocok_barisnya = pagu.is_ok_and(|pagu| {
        b.persen
            .as_ref()
            .is_some_and(|p| cocok_persen(p.angka, pagu, sd.nilai()))
            || b.sisa
                .as_ref()
                .is_some_and(|n| cocok_hasil(n.angka, compute::sisa(pagu, sd.nilai())))
    });
    let dugaan = if sd_cocok_barisnya {
        format!(
            "; % dan sisa baris ini cocok dengan s.d. bulan ini, jadi yang salah ketik kemungkinan bulan lalu ({}) atau bulan ini ({})",
            lalu.sel, ini.sel
        )
    } else {
        String::new()
    };
    temuan.push(
        Temuan::baru(
            temuan::Tingkat::Galat,
            "REALISASI_BULANAN_TIDAK_SESUAI",
            dok.sumber(sd.sel),
            format!(
                "realisasi s.d. bulan ini {} tertulis {}, padahal bulan lalu + bulan ini = {} + {} = {}{dugaan}",
                nama(s),
                tulis_rupiah(sd.nilai()),
                tulis_rupiah(lalu.nilai()),
                tulis_rupiah(ini.nilai()),
                tulis_rupiah(jumlah)
            ),
        )
        .dengan_nilai(tulis_rupiah(sd.nilai()), tulis_rupiah(jumlah)),
    );
}

/// The node whose pagu a row's bobot is a share of: its organisation or sub unit, or the
/// whole document.
fn unit_dari(pohon: &Pohon, mut i: usize) -> usize {
    loop {
        let s = &pohon.simpul[i];
        match (s.tingkat, s.induk) {
            (Some(Tingkat::Organisasi | Tingkat::SubUnit), _) | (_, None) => return i,
            (_, Some(induk)) => i = induk,
        }
    }
}

/// What the bobot of one unit's sub kegiatan add up to.
#[derive(Default)]
struct JumlahBobot {
    jumlah: Decimal,
    /// Half a unit of the last digit of each value added: how far rounding can move the sum.
    toleransi: Decimal,
    n: usize,
    sel: Option<Alamat>,
    ada_salah: bool,
}

/// Bobot (%) of the monthly form (RULES.md): each row's share of its unit's pagu, so that a
/// unit's sub kegiatan add up to 100. A row whose bobot is not its share is the typo and is
/// reported at its cell; the sum is reported only for a unit whose rows each look right and
/// still miss 100, so that one typo is one finding.
fn periksa_bobot(dok: &Dokumen, pohon: &Pohon, temuan: &mut Vec<Temuan>) {
    let mut unit: BTreeMap<usize, JumlahBobot> = BTreeMap::new();
    for (i, s) in pohon.simpul.iter().enumerate() {
        let Some(bobot) = pohon
            .baris_dari(s)
            .and_then(|b| b.bulanan.as_ref())
            .and_then(|u| u.bobot.as_ref())
        else {
            continue;
        };
        let u = unit_dari(pohon, i);
        let j = unit.entry(u).or_default();
        // An amount that cannot be held is reported on its own (ANGKA_LUAP).
        let (Ok(pagu_unit), Ok(pagu)) = (pohon.simpul[u].hitung.pagu, s.hitung.pagu) else {
            continue;
        };
        if let Ok(Some(bagian)) = compute::persen(pagu_unit, pagu)
            && !cocok(bobot.angka, bagian)
        {
            j.ada_salah = true;
            let benar = tulis_persen(angka::bulat(bagian, 2));
            temuan.push(
                Temuan::baru(
                    temuan::Tingkat::Galat,
                    "BOBOT_SALAH",
                    dok.sumber(bobot.sel),
                    format!(
                        "bobot {} tertulis {}, padahal pagunya ÷ pagu {} × 100 = {} ÷ {} × 100 = {benar}",
                        nama(s),
                        tulis_persen(bobot.nilai()),
                        nama(&pohon.simpul[u]),
                        tulis_rupiah(pagu),
                        tulis_rupiah(pagu_unit)
                    ),
                )
                .dengan_nilai(tulis_persen(bobot.nilai()), benar),
            );
        }
        if s.anak.is_empty() {
            let setengah = Decimal::new(5, bobot.angka.desimal.saturating_add(1).min(28));
            let (Ok(jumlah), Ok(toleransi)) = (
                angka::tambah_persen(j.jumlah, bobot.nilai()),
                angka::tambah_persen(j.toleransi, setengah),
            ) else {
                continue;
            };
            j.jumlah = jumlah;
            j.toleransi = toleransi;
            j.n = j.n.saturating_add(1);
            j.sel.get_or_insert(bobot.sel);
        }
    }
    for (u, j) in unit {
        let Some(sel) = j.sel else { continue };
        let meleset = j
            .jumlah
            .checked_sub(Decimal::ONE_HUNDRED)
            .is_some_and(|selisih| selisih.abs() > j.toleransi);
        if j.ada_salah || !meleset {
            continue;
        }
        // At the unit's own bobot, or the JUMLAH row's, where the sum would be written.
        let sel = pohon
            .baris_dari(&pohon.simpul[u])
            .or(dok.jumlah.as_ref())
            .and_then(|b| b.bulanan.as_ref())
            .and_then(|b| b.bobot.as_ref())
            .map_or(sel, |b| b.sel);
        temuan.push(
            Temuan::baru(
                temuan::Tingkat::Galat,
                "BOBOT_TIDAK_100",
                dok.sumber(sel),
                format!(
                    "jumlah bobot {} sub kegiatan di bawah {} = {}, padahal harus 100",
                    j.n,
                    nama(&pohon.simpul[u]),
                    tulis_persen(j.jumlah)
                ),
            )
            .dengan_nilai(tulis_persen(j.jumlah), tulis_persen(Decimal::ONE_HUNDRED)),
        );
    }
}

/// The %, sisa and efisiensi the tables will show for a node, each of which must be
/// computable: the tables have every row's % even where the sheet has no % column. A node
/// whose pagu or realisasi could not be held was reported where that arose.
fn periksa_luap(dok: &Dokumen, pohon: &Pohon, i: usize, temuan: &mut Vec<Temuan>) {
    let s = &pohon.simpul[i];
    let (Ok(pagu), Ok(realisasi)) = (s.hitung.pagu, s.hitung.realisasi) else {
        return;
    };
    if compute::pasti_terhitung(pagu, realisasi)
        || (s.induk.is_some() && !compute::tampil(s.tingkat))
    {
        return;
    }
    // A parent with the very amounts of one of its children fails as that child did, and
    // was reported there (a program with one kegiatan, the JUMLAH of one program).
    let sama = |a: &usize| {
        let h = pohon.simpul[*a].hitung;
        h.pagu == Ok(pagu) && h.realisasi == Ok(realisasi)
    };
    if s.anak.values().any(sama) {
        return;
    }
    let persen = compute::persen_bulat(pagu, realisasi);
    let sisa = compute::sisa(pagu, realisasi);
    let (apa, rumus) = match (persen, sisa) {
        (Err(Luap), _) => ("% realisasi", "realisasi ÷ pagu × 100"),
        (_, Err(Luap)) => ("sisa anggaran", "pagu − realisasi"),
        _ => return,
    };
    let b = pohon.baris_dari(s);
    let sel = b
        .map(|b| {
            let sendiri = if persen.is_err() { &b.persen } else { &b.sisa };
            sendiri
                .as_ref()
                .map_or_else(|| sel_jumlah(b, true), |n| n.sel.to_string())
        })
        .unwrap_or_default();
    temuan.push(galat_luap(
        dok,
        sel,
        format!(
            "{apa} {} tidak dapat dihitung ({rumus}, dengan realisasi {} dan pagu {}): {}. Periksa kedua angka itu (salah ketik atau sel rusak); tabel menuliskannya '{}'",
            nama(s),
            tulis_rupiah(realisasi),
            tulis_rupiah(pagu),
            Luap,
            crate::tables::TAK_TERHITUNG
        ),
    ));
}

/// Parents against the sum of their children, bottom-up, with the echo rule.
fn periksa_jumlah(dok: &Dokumen, pohon: &Pohon, temuan: &mut Vec<Temuan>) {
    let n = pohon.simpul.len();
    // The mismatch each node carries up: stated − recomputed, per pagu and realisasi; `Err`
    // when that difference cannot be held, which then explains nothing above it.
    let mut selisih: Vec<[Result<Decimal, Luap>; 2]> = vec![[Ok(Decimal::ZERO); 2]; n];
    let nol = Decimal::ZERO;
    let mut sudah_info_sub_unit = false;
    for i in (0..n).rev() {
        let s = &pohon.simpul[i];
        let Some(b) = pohon.baris_dari(s) else {
            continue;
        };
        if s.anak.is_empty() {
            continue;
        }
        for (f, tertulis) in [pagu_tertulis(b), realisasi_tertulis(b)]
            .into_iter()
            .enumerate()
        {
            // A row whose own kelompok do not add up within bounds, or a sum below that
            // could not be held, is reported by `compute::hitung`'s overflow list.
            let Ok(Some(tertulis)) = tertulis else {
                continue;
            };
            let Ok(hitung) = (if f == 0 {
                s.hitung.pagu
            } else {
                s.hitung.realisasi
            }) else {
                continue;
            };
            let presisi = Angka {
                nilai: tertulis,
                desimal: 2,
            };
            if cocok(presisi, hitung) {
                continue;
            }
            // SIPD writes an organisation's row without its sub units (seed 001 includes them).
            if s.tingkat == Some(Tingkat::Organisasi) {
                let milik_sendiri = s
                    .anak
                    .values()
                    .map(|&a| &pohon.simpul[a])
                    .filter(|a| a.tingkat != Some(Tingkat::SubUnit))
                    .try_fold(nol, |j, a| {
                        angka::tambah(
                            j,
                            if f == 0 {
                                a.hitung.pagu?
                            } else {
                                a.hitung.realisasi?
                            },
                        )
                    });
                if cocok_hasil(presisi, milik_sendiri) {
                    if !sudah_info_sub_unit {
                        sudah_info_sub_unit = true;
                        temuan.push(Temuan::baru(
                            temuan::Tingkat::Info,
                            "ORGANISASI_TANPA_SUB_UNIT",
                            dok.sumber(sel_jumlah(b, f == 1)),
                            format!(
                                "baris {} menjumlahkan programnya sendiri tanpa sub unit; tabel menulis organisasi termasuk sub unitnya ({})",
                                nama(s),
                                tulis_rupiah(hitung)
                            ),
                        ));
                    }
                    continue;
                }
            }
            // Both are within a document's sums (angka::BATAS), so this holds; were it not,
            // the mismatch is still reported, without a difference to carry up.
            let beda = angka::kurang(tertulis, hitung);
            let dijelaskan = s
                .anak
                .values()
                .try_fold(nol, |j, &a| angka::tambah(j, selisih[a][f]?));
            selisih[i][f] = beda;
            if let (Ok(d), Ok(b)) = (dijelaskan, beda)
                && !d.is_zero()
                && d == b
            {
                continue;
            }
            let kolom = if f == 0 { "pagu" } else { "realisasi" };
            let anak = s
                .anak
                .values()
                .filter_map(|&a| pohon.simpul[a].tingkat)
                .next()
                .map_or("baris", Tingkat::nama);
            temuan.push(
                Temuan::baru(
                    temuan::Tingkat::Galat,
                    "JUMLAH_TIDAK_SESUAI",
                    dok.sumber(sel_jumlah(b, f == 1)),
                    format!(
                        "{kolom} {} tertulis {}, tetapi jumlah {} {anak} di bawahnya {} (selisih {})",
                        nama(s),
                        tulis_rupiah(tertulis),
                        s.anak.len(),
                        tulis_rupiah(hitung),
                        beda.map_or_else(|_| "lebih dari ±7,9 × 10^28".to_string(), tulis_rupiah)
                    ),
                )
                .dengan_nilai(tulis_rupiah(tertulis), tulis_rupiah(hitung)),
            );
        }
    }
}

fn periksa_baris(dok: &Dokumen, s: &Simpul, b: &BarisAnggaran, temuan: &mut Vec<Temuan>) {
    let h = s.hitung;
    // What cannot be held was reported where it arose; this row's other checks need it.
    let (Ok(h_pagu), Ok(h_realisasi)) = (h.pagu, h.realisasi) else {
        return;
    };
    let (pagu, realisasi) = match (pagu_tertulis(b), realisasi_tertulis(b)) {
        (Ok(p), Ok(r)) => (p.unwrap_or(h_pagu), r.unwrap_or(h_realisasi)),
        (p, _) => {
            // A leaf's is its Hitungan, reported by `compute::hitung`; a parent's stated
            // kelompok sum is reported here.
            if !s.anak.is_empty() {
                let besaran = if p.is_err() {
                    Besaran::Pagu
                } else {
                    Besaran::Realisasi
                };
                temuan.push(galat_luap(
                    dok,
                    sel_besaran(b, besaran),
                    format!(
                        "{} {} tidak dapat dihitung: jumlah kelompok belanja yang tertulis di barisnya: {}. Periksa angka-angka itu (salah ketik atau sel rusak)",
                        besaran.nama(),
                        nama(s),
                        Luap
                    ),
                ));
            }
            return;
        }
    };
    let mut galat =
        |kode: &'static str, n: &Nilai, pesan: String, tertulis: String, seharusnya: String| {
            temuan.push(
                Temuan::baru(temuan::Tingkat::Galat, kode, dok.sumber(n.sel), pesan)
                    .dengan_nilai(tertulis, seharusnya),
            );
        };
    if let Some(n) = &b.persen
        && !cocok_persen(n.angka, pagu, realisasi)
        && !cocok_persen(n.angka, h_pagu, h_realisasi)
        && let Ok(benar) = compute::persen_bulat(h_pagu, h_realisasi)
    {
        let benar = teks_persen(benar);
        galat(
            "PERSEN_SALAH",
            n,
            format!(
                "% realisasi {} tertulis {}, padahal realisasi ÷ pagu × 100 = {} ÷ {} × 100 = {benar}",
                nama(s),
                tulis_persen(n.nilai()),
                tulis_rupiah(h_realisasi),
                tulis_rupiah(h_pagu)
            ),
            tulis_persen(n.nilai()),
            benar,
        );
    }
    if let Some(n) = &b.sisa
        && !cocok_hasil(n.angka, compute::sisa(pagu, realisasi))
        && let Ok(benar) = compute::sisa(h_pagu, h_realisasi)
        && !cocok(n.angka, benar)
    {
        let benar = tulis_rupiah(benar);
        galat(
            "SISA_SALAH",
            n,
            format!(
                "sisa anggaran {} tertulis {}, padahal pagu − realisasi = {} − {} = {benar}",
                nama(s),
                tulis_rupiah(n.nilai()),
                tulis_rupiah(h_pagu),
                tulis_rupiah(h_realisasi)
            ),
            tulis_rupiah(n.nilai()),
            benar,
        );
    }
    if let Some(n) = &b.efisiensi
        && !cocok_efisiensi(n.angka, pagu, realisasi)
        && !cocok_efisiensi(n.angka, h_pagu, h_realisasi)
        && let Ok(benar) = compute::efisiensi_tabel(h_pagu, h_realisasi)
    {
        let benar = teks_persen(benar);
        galat(
            "EFISIENSI_SALAH",
            n,
            format!(
                "efisiensi anggaran {} tertulis {}, padahal 100 − % realisasi = {benar}",
                nama(s),
                tulis_persen(n.nilai())
            ),
            tulis_persen(n.nilai()),
            benar,
        );
    }
    // The TOTAL columns of a SIPD export against its kelompok belanja (Operasi + Modal …).
    for realisasi_kolom in [false, true] {
        let utama = if realisasi_kolom {
            &b.realisasi
        } else {
            &b.pagu
        };
        let bagian: Vec<&Nilai> = b
            .kelompok
            .iter()
            .filter_map(|k| {
                if realisasi_kolom {
                    k.realisasi.as_ref()
                } else {
                    k.pagu.as_ref()
                }
            })
            .collect();
        if let Some(n) = utama
            && !bagian.is_empty()
        {
            let Ok(jumlah) = angka::jumlah(bagian.iter().map(|k| k.nilai())) else {
                galat(
                    ANGKA_LUAP,
                    n,
                    format!(
                        "{} total {} tertulis {}, tetapi jumlah kelompok belanjanya ({}): {}. Periksa angka-angka itu (salah ketik atau sel rusak)",
                        if realisasi_kolom { "realisasi" } else { "pagu" },
                        nama(s),
                        tulis_rupiah(n.nilai()),
                        bagian
                            .iter()
                            .map(|k| tulis_rupiah(k.nilai()))
                            .collect::<Vec<_>>()
                            .join(" + "),
                        Luap
                    ),
                    tulis_rupiah(n.nilai()),
                    "tidak dapat dihitung".to_string(),
                );
                continue;
            };
            if !cocok(n.angka, jumlah) {
                let nama_kelompok: Vec<&str> = b.kelompok.iter().map(|k| k.nama.as_str()).collect();
                galat(
                    "TOTAL_KELOMPOK_TIDAK_SESUAI",
                    n,
                    format!(
                        "{} total {} tertulis {}, tetapi {} = {}",
                        if realisasi_kolom { "realisasi" } else { "pagu" },
                        nama(s),
                        tulis_rupiah(n.nilai()),
                        nama_kelompok.join(" + "),
                        tulis_rupiah(jumlah)
                    ),
                    tulis_rupiah(n.nilai()),
                    tulis_rupiah(jumlah),
                );
            }
        }
    }
    let mut peringatan = |kode: &'static str, sel: String, pesan: String| {
        temuan.push(Temuan::baru(
            temuan::Tingkat::Peringatan,
            kode,
            dok.sumber(sel),
            pesan,
        ));
    };
    if let Some(n) = &b.fisik
        && (n.nilai() < Decimal::ZERO || n.nilai() > Decimal::ONE_HUNDRED)
    {
        peringatan(
            "FISIK_DI_LUAR_RENTANG",
            n.sel.to_string(),
            format!(
                "realisasi fisik {} tertulis {}%, di luar 0–100",
                nama(s),
                tulis_persen(n.nilai())
            ),
        );
    }
    for n in [&b.pagu, &b.realisasi].into_iter().flatten() {
        if n.nilai() < Decimal::ZERO {
            peringatan(
                "NILAI_NEGATIF",
                n.sel.to_string(),
                format!("{} bernilai negatif ({})", nama(s), tulis_rupiah(n.nilai())),
            );
        }
    }
    // Over-spending is worth a look where it happens: on the rows that have no children to
    // explain it, and per kelompok belanja.
    if s.anak.is_empty() && h_realisasi > h_pagu {
        peringatan(
            "REALISASI_MELEBIHI_PAGU",
            sel_jumlah(b, true),
            format!(
                "realisasi {} ({}) melebihi pagunya ({})",
                nama(s),
                tulis_rupiah(h_realisasi),
                tulis_rupiah(h_pagu)
            ),
        );
    }
    for k in &b.kelompok {
        if let (Some(p), Some(r)) = (&k.pagu, &k.realisasi)
            && r.nilai() > p.nilai()
            && !s.anak.is_empty()
            && s.tingkat <= Some(Tingkat::SubUnit)
        {
            peringatan(
                "REALISASI_MELEBIHI_PAGU",
                r.sel.to_string(),
                format!(
                    "realisasi belanja {} {} ({}) melebihi pagunya ({})",
                    k.nama,
                    nama(s),
                    tulis_rupiah(r.nilai()),
                    tulis_rupiah(p.nilai())
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kode::Kode;
    use crate::model::Alamat;
    use crate::model::{BarisAnggaran, Dokumen, Nilai};
    use crate::temuan::Temuan;

    fn nilai(r: u32, c: u32, teks: &str) -> Option<Nilai> {
        let jenis = if c == 4 {
            crate::angka::JenisAngka::Persen
        } else {
            crate::angka::JenisAngka::Rupiah
        };
        crate::angka::baca_teks(teks, jenis)
            .unwrap()
            .map(|angka| Nilai {
                angka,
                sel: Alamat { r, c },
            })
    }

    /// A row as an LRA writes it: kode | uraian | pagu (C) | realisasi (D) | % (E) | sisa (F).
    fn baris(r: u32, kode: &str, angka: [&str; 4]) -> BarisAnggaran {
        let kode = Kode::baca(kode).unwrap();
        BarisAnggaran {
            r,
            tingkat: kode.tingkat,
            uraian: format!("uraian {}", kode.teks),
            kode: Some(kode),
            kode_bidang: None,
            kode_organisasi: None,
            pagu: nilai(r, 2, angka[0]),
            realisasi: nilai(r, 3, angka[1]),
            persen: nilai(r, 4, angka[2]),
            sisa: nilai(r, 5, angka[3]),
            fisik: None,
            efisiensi: None,
            bulanan: None,
            kelompok: Vec::new(),
        }
    }

    fn dokumen(baris: Vec<BarisAnggaran>) -> Dokumen {
        Dokumen {
            berkas: "uji.xlsx".into(),
            lembar: "LRA".into(),
            tahun: Some(2022),
            baris,
            jumlah: None,
            tanpa_kode: false,
            nomor_tabel: None,
        }
    }

    fn galat(temuan: &[Temuan]) -> Vec<(&'static str, String)> {
        temuan
            .iter()
            .filter(|t| t.tingkat == temuan::Tingkat::Galat)
            .map(|t| (t.kode, t.lokasi.sel.clone()))
            .collect()
    }

    /// Program 7.01.02 = kegiatan 7.01.02.2.02 = sub kegiatan 100 + 200; realisasi 90 + 150.
    /// % 240/300 = 80,00; 90/100 = 90,00; 150/200 = 75,00.
    fn bersih() -> Vec<BarisAnggaran> {
        vec![
            baris(7, "7.01.02", ["300", "240", "80,00", "60"]),
            baris(8, "7.01.02.2.02", ["300", "240", "80,00", "60"]),
            baris(9, "7.01.02.2.02.01", ["100", "90", "90,00", "10"]),
            baris(10, "7.01.02.2.02.02", ["200", "150", "75,00", "50"]),
        ]
    }

    #[test]
    fn dokumen_bersih_tanpa_temuan() {
        let (pohon, temuan) = periksa_dokumen(dokumen(bersih()));
        assert!(temuan.is_empty(), "{temuan:?}");
        assert_eq!(pohon.akar().hitung.pagu, Ok(Decimal::from(300)));
        assert_eq!(pohon.akar().hitung.realisasi, Ok(Decimal::from(240)));
    }

    #[test]
    fn total_salah_dilaporkan_sekali_di_totalnya() {
        let mut b = bersih();
        // Program pagu typed 330; its % and sisa still follow from 300.
        b[0] = baris(7, "7.01.02", ["330", "240", "80,00", "60"]);
        let (pohon, temuan) = periksa_dokumen(dokumen(b));
        assert_eq!(
            galat(&temuan),
            vec![("JUMLAH_TIDAK_SESUAI", "C8".to_string())]
        );
        assert_eq!(temuan[0].seharusnya.as_deref(), Some("300,00"));
        assert_eq!(pohon.akar().hitung.pagu, Ok(Decimal::from(300)));
    }

    #[test]
    fn realisasi_salah_ketik_dikenali_dari_persen_dan_sisa() {
        let mut b = bersih();
        // 90 typed as 60: % (90,00) and sisa (10) on the row both say 90.
        b[2] = baris(9, "7.01.02.2.02.01", ["100", "60", "90,00", "10"]);
        let (pohon, temuan) = periksa_dokumen(dokumen(b));
        assert_eq!(galat(&temuan), vec![("REALISASI_SALAH", "D10".to_string())]);
        assert_eq!(temuan[0].seharusnya.as_deref(), Some("90,00"));
        assert_eq!(pohon.akar().hitung.realisasi, Ok(Decimal::from(240)));
    }

    #[test]
    fn tanpa_persen_dan_sisa_selisih_dilaporkan_di_induk_terdekat_saja() {
        let mut b = bersih();
        b[2] = baris(9, "7.01.02.2.02.01", ["100", "60", "", ""]);
        let (_, temuan) = periksa_dokumen(dokumen(b));
        // The kegiatan (D9) no longer adds up; the program above it agrees with the
        // kegiatan as written, so it is not reported again.
        assert_eq!(
            galat(&temuan),
            vec![("JUMLAH_TIDAK_SESUAI", "D9".to_string())]
        );
    }

    #[test]
    fn persen_dan_sisa_salah() {
        let mut b = bersih();
        b[3] = baris(10, "7.01.02.2.02.02", ["200", "150", "57,00", "05"]);
        let (_, temuan) = periksa_dokumen(dokumen(b));
        let mut g = galat(&temuan);
        g.sort();
        assert_eq!(
            g,
            vec![
                ("PERSEN_SALAH", "E11".to_string()),
                ("SISA_SALAH", "F11".to_string())
            ]
        );
    }

    #[test]
    fn pagu_nol_boleh_persen_nol_atau_strip() {
        let mut b = bersih();
        b.push(baris(11, "7.01.02.2.02.03", ["-", "-", "0,00", "0,00"]));
        let (_, temuan) = periksa_dokumen(dokumen(b.clone()));
        assert!(temuan.is_empty(), "{temuan:?}");
        b[4] = baris(11, "7.01.02.2.02.03", ["0", "0", "5,00", "0"]);
        let (_, temuan) = periksa_dokumen(dokumen(b));
        assert_eq!(galat(&temuan), vec![("PERSEN_SALAH", "E12".to_string())]);
    }

    #[test]
    fn organisasi_dengan_dan_tanpa_sub_unit() {
        // Seed 001 writes the organisation with its sub units; SIPD writes its own programs
        // only. Both are accepted; the tree always includes the sub units.
        let org = |pagu: &str| baris(5, "7.01.0.00.0.00.30.0000", [pagu, "", "", ""]);
        let unit = baris(20, "7.01.0.00.0.00.30.0001", ["50", "", "", ""]);
        let program_unit = baris(21, "7.01.03", ["50", "", "", ""]);
        for (pagu, info) in [("350", false), ("300", true)] {
            let mut b = vec![org(pagu)];
            b.extend(bersih().into_iter().map(|mut x| {
                x.persen = None;
                x.sisa = None;
                x
            }));
            b.extend([unit.clone(), program_unit.clone()]);
            let (pohon, temuan) = periksa_dokumen(dokumen(b));
            assert!(galat(&temuan).is_empty(), "{pagu}: {temuan:?}");
            assert_eq!(
                temuan.iter().any(|t| t.kode == "ORGANISASI_TANPA_SUB_UNIT"),
                info
            );
            assert_eq!(pohon.akar().hitung.pagu, Ok(Decimal::from(350)));
        }
    }

    #[test]
    fn kode_ganda_dan_kode_di_luar_induk() {
        let mut b = bersih();
        b.push(baris(11, "7.01.02.2.02.02", ["0", "0", "", ""]));
        b.push(baris(12, "7.01.03.2.01.01", ["0", "0", "", ""]));
        let (pohon, temuan) = periksa_dokumen(dokumen(b));
        let kode: Vec<&str> = temuan.iter().map(|t| t.kode).collect();
        assert!(kode.contains(&"KODE_GANDA"), "{kode:?}");
        // Both rows stay in the tree, under one parent, as two children.
        let ganda: Vec<&crate::model::Simpul> = pohon
            .simpul
            .iter()
            .filter(|s| s.kode.as_ref().is_some_and(|k| k.teks == "7.01.02.2.02.02"))
            .collect();
        assert_eq!(ganda.len(), 2);
        assert_eq!(ganda[0].induk, ganda[1].induk);
        assert!(kode.contains(&"KODE_DI_LUAR_INDUK"), "{kode:?}");
    }

    /// A pagu that no sheet can hold since angka::BATAS, set directly: the checks must
    /// still hold it if a new reader lets one through.
    fn dengan_pagu(mut b: BarisAnggaran, pagu: Decimal) -> BarisAnggaran {
        b.pagu.as_mut().unwrap().angka.nilai = pagu;
        b
    }

    #[test]
    fn jumlah_yang_luap_galat_sekali_di_sel_induknya() {
        let mut b = bersih();
        for x in &mut b {
            x.persen = None;
            x.sisa = None;
        }
        // Sub kegiatan 100 → MAX: the kegiatan (row 9) is MAX + 200, beyond MAX. The
        // program above is Err as well and is not reported again, and no JUMLAH_TIDAK_SESUAI
        // is made against a number that does not exist.
        b[2] = dengan_pagu(b[2].clone(), Decimal::MAX);
        let (pohon, temuan) = periksa_dokumen(dokumen(b));
        assert_eq!(galat(&temuan), vec![("ANGKA_LUAP", "C9".to_string())]);
        assert!(
            temuan[0]
                .pesan
                .contains("79.228.162.514.264.337.593.543.950.335,00 + 200,00")
        );
        assert_eq!(pohon.akar().hitung.pagu, Err(Luap));
        assert!(ada_luap(&temuan));
    }

    #[test]
    fn persen_dan_sisa_yang_luap_galat_di_barisnya() {
        // Pagu 0,01 and realisasi 10^27: 10^27 ÷ 0,01 × 100 = 10^31 (A4): a galat at the
        // % cell (E10) of the sub kegiatan. Its kegiatan sums 200,01 and 10^27 + 150: the %
        // (about 5·10^26) fits, but the sisa, −999.999.999.999.999.999.999.999.949,99, has
        // 29 digits, one more than Decimal holds exactly: a galat at its sisa cell (F9).
        let mut b = bersih();
        b[2] = baris(9, "7.01.02.2.02.01", ["0,01", "90", "90,00", "10"]);
        b[2].realisasi.as_mut().unwrap().angka.nilai =
            Decimal::new(1, 0) * Decimal::from(10u64.pow(18)) * Decimal::from(10u64.pow(9));
        let (_, temuan) = periksa_dokumen(dokumen(b));
        let luap: Vec<_> = galat(&temuan)
            .into_iter()
            .filter(|g| g.0 == "ANGKA_LUAP")
            .collect();
        assert_eq!(
            luap,
            vec![
                ("ANGKA_LUAP", "F9".to_string()),
                ("ANGKA_LUAP", "E10".to_string())
            ]
        );
        // Sisa = pagu − realisasi: 7·10^28 − (−7·10^28) (A5), on a row without % and sisa.
        let tujuh =
            Decimal::from(7u64) * Decimal::from(10u64.pow(14)) * Decimal::from(10u64.pow(14));
        let mut b = bersih();
        for x in &mut b {
            x.persen = None;
            x.sisa = None;
        }
        b = vec![dengan_pagu(b[0].clone(), tujuh)];
        b[0].realisasi.as_mut().unwrap().angka.nilai = -tujuh;
        let (_, temuan) = periksa_dokumen(dokumen(b));
        let g = galat(&temuan);
        // The % fails first (−100 % is fine: −7e28 ÷ 7e28 × 100), so it is the sisa.
        assert_eq!(g, vec![("ANGKA_LUAP", "D8".to_string())]);
        assert!(temuan.iter().any(|t| t.pesan.starts_with("sisa anggaran")));
    }

    mod tanpa_panik {
        use super::*;
        use proptest::prelude::*;

        fn ekstrem() -> impl Strategy<Value = Decimal> {
            prop_oneof![
                Just(Decimal::ZERO),
                Just(Decimal::MAX),
                Just(Decimal::MIN),
                Just(Decimal::new(1, 28)),
                (any::<i64>(), 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
                (
                    any::<u32>(),
                    any::<u32>(),
                    any::<u32>(),
                    any::<bool>(),
                    0u32..=28
                )
                    .prop_map(|(lo, mid, hi, neg, sc)| Decimal::from_parts(lo, mid, hi, neg, sc)),
            ]
        }

        proptest! {
            /// Any amounts on the rows of a small document, as a reader that let anything
            /// through would give them: checking and building every table never panics.
            #[test]
            fn periksa_dan_tabel_tanpa_panik(angka in proptest::collection::vec(ekstrem(), 20)) {
                let mut b = bersih();
                let mut n = angka.into_iter();
                for x in &mut b {
                    for kolom in [&mut x.pagu, &mut x.realisasi, &mut x.persen, &mut x.sisa] {
                        if let (Some(k), Some(v)) = (kolom.as_mut(), n.next()) {
                            k.angka.nilai = v;
                        }
                    }
                    x.fisik = n.next().map(|v| Nilai {
                        angka: Angka { nilai: v, desimal: 2 },
                        sel: crate::model::Alamat { r: x.r, c: 6 },
                    });
                }
                let (pohon, temuan) = periksa_dokumen(dokumen(b));
                let pilihan = crate::tables::NomorTabel::SEMUA;
                let masukan = crate::tables::Masukan {
                    pohon: Some(&pohon),
                    kinerja: None,
                    tahun: Some(2022),
                    temuan: &temuan,
                    kriteria: None,
                    efisiensi: Default::default(),
                    perubahan: Default::default(),
                };
                for buat in crate::tables::susun(masukan, &pilihan).0 {
                    let tabel = buat();
                    prop_assert!(tabel.baris.count() > 0);
                }
            }
        }
    }
}
