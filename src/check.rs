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

pub mod pk;

use crate::angka::{Angka, sama_pada_presisi, tulis_persen, tulis_rupiah};
use crate::compute::{self, Koreksi, pagu_tertulis, realisasi_tertulis};
use crate::kode::Tingkat;
use crate::model::{BarisAnggaran, Bulanan, Dokumen, Nilai, Pohon, Simpul};
use crate::pohon;
use crate::temuan::{self, Temuan};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The whole path for one document: tree, corrections, roll-up, findings.
pub fn periksa_dokumen(mut dok: Dokumen) -> (Pohon, Vec<Temuan>) {
    let (mut pohon, mut temuan) = pohon::bangun(&mut dok);
    let (koreksi, t) = koreksi_daun(&dok, &pohon);
    temuan.extend(t);
    compute::hitung(&mut pohon, &koreksi);
    temuan.extend(periksa(&dok, &pohon));
    (pohon, temuan)
}

fn cocok(tertulis: Angka, hitung: Decimal) -> bool {
    sama_pada_presisi(tertulis, hitung)
}

/// A stated percentage against a pagu and realisasi; with a pagu of 0 only 0 (or `-`) is right.
fn cocok_persen(tertulis: Angka, pagu: Decimal, realisasi: Decimal) -> bool {
    match compute::persen(pagu, realisasi) {
        Some(p) => cocok(tertulis, p),
        None => tertulis.nilai.is_zero(),
    }
}

fn cocok_efisiensi(tertulis: Angka, pagu: Decimal, realisasi: Decimal) -> bool {
    match compute::efisiensi(pagu, realisasi) {
        Some(e) => cocok(tertulis, e),
        None => tertulis.nilai.is_zero(),
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
            || cocok(sn.angka, compute::sisa(pagu, realisasi))
        {
            continue;
        }
        let realisasi_lain = pagu - sn.nilai();
        let pagu_lain = realisasi + sn.nilai();
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
    for s in &pohon.simpul {
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
    let Some(jumlah) = lalu.nilai().checked_add(ini.nilai()) else {
        return;
    };
    if cocok(sd.angka, jumlah) {
        return;
    }
    let pagu = pagu_tertulis(b).unwrap_or(s.hitung.pagu);
    let sd_cocok_barisnya = b
        .persen
        .as_ref()
        .is_some_and(|p| cocok_persen(p.angka, pagu, sd.nilai()))
        || b.sisa
            .as_ref()
            .is_some_and(|n| cocok(n.angka, compute::sisa(pagu, sd.nilai())));
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

/// The bobot of the rows with no rows below them (sub kegiatan) add up to 100, within the
/// rounding of each stated value (half a unit of its last digit).
fn periksa_bobot(dok: &Dokumen, pohon: &Pohon, temuan: &mut Vec<Temuan>) {
    let mut jumlah = Decimal::ZERO;
    let mut toleransi = Decimal::ZERO;
    let mut n = 0usize;
    let mut pertama = None;
    for s in pohon.simpul.iter().filter(|s| s.anak.is_empty()) {
        let Some(bobot) = pohon
            .baris_dari(s)
            .and_then(|b| b.bulanan.as_ref())
            .and_then(|u| u.bobot.as_ref())
        else {
            continue;
        };
        let Some(j) = jumlah.checked_add(bobot.nilai()) else {
            return;
        };
        jumlah = j;
        toleransi += Decimal::new(5, (bobot.angka.desimal + 1).min(28));
        n += 1;
        pertama.get_or_insert(bobot.sel);
    }
    let Some(sel) = pertama else { return };
    if jumlah
        .checked_sub(Decimal::ONE_HUNDRED)
        .is_none_or(|selisih| selisih.abs() <= toleransi)
    {
        return;
    }
    let sel = dok
        .jumlah
        .as_ref()
        .and_then(|j| j.bulanan.as_ref())
        .and_then(|u| u.bobot.as_ref())
        .map_or(sel, |b| b.sel);
    temuan.push(
        Temuan::baru(
            temuan::Tingkat::Galat,
            "BOBOT_TIDAK_100",
            dok.sumber(sel),
            format!(
                "jumlah bobot {n} sub kegiatan = {}, padahal seluruh bobot harus berjumlah 100",
                tulis_persen(jumlah)
            ),
        )
        .dengan_nilai(tulis_persen(jumlah), tulis_persen(Decimal::ONE_HUNDRED)),
    );
}

/// Parents against the sum of their children, bottom-up, with the echo rule.
fn periksa_jumlah(dok: &Dokumen, pohon: &Pohon, temuan: &mut Vec<Temuan>) {
    let n = pohon.simpul.len();
    // The mismatch each node carries up: stated − recomputed, per pagu and realisasi.
    let mut selisih = vec![[Decimal::ZERO; 2]; n];
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
            let Some(tertulis) = tertulis else { continue };
            let hitung = if f == 0 {
                s.hitung.pagu
            } else {
                s.hitung.realisasi
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
                let milik_sendiri: Decimal = s
                    .anak
                    .values()
                    .map(|&a| &pohon.simpul[a])
                    .filter(|a| a.tingkat != Some(Tingkat::SubUnit))
                    .map(|a| {
                        if f == 0 {
                            a.hitung.pagu
                        } else {
                            a.hitung.realisasi
                        }
                    })
                    .sum();
                if cocok(presisi, milik_sendiri) {
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
            let beda = tertulis - hitung;
            let dijelaskan: Decimal = s.anak.values().map(|&a| selisih[a][f]).sum();
            selisih[i][f] = beda;
            if !dijelaskan.is_zero() && dijelaskan == beda {
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
                        tulis_rupiah(beda)
                    ),
                )
                .dengan_nilai(tulis_rupiah(tertulis), tulis_rupiah(hitung)),
            );
        }
    }
}

fn periksa_baris(dok: &Dokumen, s: &Simpul, b: &BarisAnggaran, temuan: &mut Vec<Temuan>) {
    let h = s.hitung;
    let pagu = pagu_tertulis(b).unwrap_or(h.pagu);
    let realisasi = realisasi_tertulis(b).unwrap_or(h.realisasi);
    let mut galat =
        |kode: &'static str, n: &Nilai, pesan: String, tertulis: String, seharusnya: String| {
            temuan.push(
                Temuan::baru(temuan::Tingkat::Galat, kode, dok.sumber(n.sel), pesan)
                    .dengan_nilai(tertulis, seharusnya),
            );
        };
    if let Some(n) = &b.persen
        && !cocok_persen(n.angka, pagu, realisasi)
        && !cocok_persen(n.angka, h.pagu, h.realisasi)
    {
        let benar = teks_persen(compute::persen_bulat(h.pagu, h.realisasi));
        galat(
            "PERSEN_SALAH",
            n,
            format!(
                "% realisasi {} tertulis {}, padahal realisasi ÷ pagu × 100 = {} ÷ {} × 100 = {benar}",
                nama(s),
                tulis_persen(n.nilai()),
                tulis_rupiah(h.realisasi),
                tulis_rupiah(h.pagu)
            ),
            tulis_persen(n.nilai()),
            benar,
        );
    }
    if let Some(n) = &b.sisa
        && !cocok(n.angka, compute::sisa(pagu, realisasi))
        && !cocok(n.angka, compute::sisa(h.pagu, h.realisasi))
    {
        let benar = tulis_rupiah(compute::sisa(h.pagu, h.realisasi));
        galat(
            "SISA_SALAH",
            n,
            format!(
                "sisa anggaran {} tertulis {}, padahal pagu − realisasi = {} − {} = {benar}",
                nama(s),
                tulis_rupiah(n.nilai()),
                tulis_rupiah(h.pagu),
                tulis_rupiah(h.realisasi)
            ),
            tulis_rupiah(n.nilai()),
            benar,
        );
    }
    if let Some(n) = &b.efisiensi
        && !cocok_efisiensi(n.angka, pagu, realisasi)
        && !cocok_efisiensi(n.angka, h.pagu, h.realisasi)
    {
        let benar = teks_persen(compute::efisiensi_tabel(h.pagu, h.realisasi));
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
            let jumlah: Decimal = bagian.iter().map(|k| k.nilai()).sum();
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
    if s.anak.is_empty() && h.realisasi > h.pagu {
        peringatan(
            "REALISASI_MELEBIHI_PAGU",
            sel_jumlah(b, true),
            format!(
                "realisasi {} ({}) melebihi pagunya ({})",
                nama(s),
                tulis_rupiah(h.realisasi),
                tulis_rupiah(h.pagu)
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
    use crate::model::{BarisAnggaran, Dokumen, Nilai};
    use crate::sheet::Alamat;
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
        assert_eq!(pohon.akar().hitung.pagu, Decimal::from(300));
        assert_eq!(pohon.akar().hitung.realisasi, Decimal::from(240));
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
        assert_eq!(pohon.akar().hitung.pagu, Decimal::from(300));
    }

    #[test]
    fn realisasi_salah_ketik_dikenali_dari_persen_dan_sisa() {
        let mut b = bersih();
        // 90 typed as 60: % (90,00) and sisa (10) on the row both say 90.
        b[2] = baris(9, "7.01.02.2.02.01", ["100", "60", "90,00", "10"]);
        let (pohon, temuan) = periksa_dokumen(dokumen(b));
        assert_eq!(galat(&temuan), vec![("REALISASI_SALAH", "D10".to_string())]);
        assert_eq!(temuan[0].seharusnya.as_deref(), Some("90,00"));
        assert_eq!(pohon.akar().hitung.realisasi, Decimal::from(240));
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
            assert_eq!(pohon.akar().hitung.pagu, Decimal::from(350));
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
}
