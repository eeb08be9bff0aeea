//! A typed Tabel 16 (efisiensi per program, kegiatan and sub kegiatan) beside the Tabel 19
//! (or realisasi export) of the same report: each of its rows carries the pagu and realisasi
//! of the same row of Tabel 19. Tabel 16 is checked on its own like any realisasi table
//! (`check::periksa_dokumen`: %, sisa, efisiensi, sums); this compares the two, row by row,
//! matched by unit and name in order (Tabel 16 is usually typed without codes).
#![deny(clippy::arithmetic_side_effects)]

use crate::angka::tulis;
use crate::kode::Tingkat;
use crate::model::{Pohon, Sumber};
use crate::nama;
use crate::temuan::{Temuan, Tingkat as T};
use std::collections::HashMap;

/// How many rows ahead a name that is only similar is looked for.
const JENDELA_MIRIP: usize = 200;

fn tingkat_dibanding(t: Option<Tingkat>) -> bool {
    matches!(
        t,
        Some(Tingkat::Program | Tingkat::Kegiatan | Tingkat::SubKegiatan)
    )
}

fn nama_sama(a: &str, b: &str) -> bool {
    nama::normal(a) == nama::normal(b) || nama::kemiripan(a, b) >= 90
}

/// `t16` (the typed Tabel 16 of `berkas` › `lembar`) against `t19`.
pub fn periksa(t16: &Pohon, berkas: &str, lembar: &str, t19: &Pohon) -> Vec<Temuan> {
    let sumber = |sel: String| Sumber {
        berkas: berkas.to_string(),
        lembar: lembar.to_string(),
        sel,
    };
    let unit16 = t16.unit_tiap_simpul();
    let unit19 = t19.unit_tiap_simpul();
    // Tabel 19's rows of each unit, in document order.
    let mut baris19: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, _) in t19.urut() {
        if tingkat_dibanding(t19.simpul[j].tingkat)
            && let Some(u) = unit19[j]
        {
            baris19.entry(u).or_default().push(j);
        }
    }
    let unit_t19: Vec<usize> = baris19.keys().copied().collect();
    // Each unit's rows by level and normalised name, as positions in `baris19`: the usual
    // exact match is a lookup, so a Tabel 16 as long as an LRA is not compared row by row
    // with every row.
    let mut posisi_nama: HashMap<(usize, Option<Tingkat>, String), Vec<usize>> = HashMap::new();
    for (&u, v) in &baris19 {
        for (k, &j) in v.iter().enumerate() {
            posisi_nama
                .entry((
                    u,
                    t19.simpul[j].tingkat,
                    nama::normal(&t19.simpul[j].uraian),
                ))
                .or_default()
                .push(k);
        }
    }
    // How far through each Tabel 19 unit the matching has come.
    let mut posisi: HashMap<usize, usize> = HashMap::new();
    let mut temuan = Vec::new();
    let mut tak_ada: Vec<String> = Vec::new();
    let mut cocok = vec![false; t19.simpul.len()];
    for (i, _) in t16.urut() {
        let s = &t16.simpul[i];
        if !tingkat_dibanding(s.tingkat) {
            continue;
        }
        let Some(u) = unit16[i] else { continue };
        let nama_unit = &t16.simpul[u].uraian;
        let Some(u19) = unit_t19
            .iter()
            .copied()
            .find(|&x| super::kinerja::unit_cocok(nama_unit, t19, x))
        else {
            tak_ada.push(s.uraian.clone());
            continue;
        };
        let dari = posisi.get(&u19).copied().unwrap_or(0);
        let calon = &baris19[&u19];
        let tepat = posisi_nama
            .get(&(u19, s.tingkat, nama::normal(&s.uraian)))
            .and_then(|v| v.get(v.partition_point(|&k| k < dari)).copied());
        // A name typed slightly differently: looked for among the next rows only.
        let mirip = || {
            calon
                .iter()
                .enumerate()
                .skip(dari)
                .take(JENDELA_MIRIP)
                .find(|&(_, &j)| {
                    t19.simpul[j].tingkat == s.tingkat
                        && nama_sama(&s.uraian, &t19.simpul[j].uraian)
                })
                .map(|(k, _)| k)
        };
        let Some(k) = tepat.or_else(mirip) else {
            tak_ada.push(s.uraian.clone());
            continue;
        };
        posisi.insert(u19, k.saturating_add(1));
        let j = calon[k];
        cocok[j] = true;
        let Some(b) = t16.baris_dari(s) else { continue };
        let h = &t19.simpul[j].hitung;
        for (tertulis, tepat, apa) in [
            (&b.pagu, h.pagu, "pagu"),
            (&b.realisasi, h.realisasi, "realisasi"),
        ] {
            let (Some(n), Ok(tepat)) = (tertulis, tepat) else {
                continue;
            };
            if n.nilai() == tepat {
                continue;
            }
            temuan.push(
                Temuan::baru(
                    T::Galat,
                    "TABEL16_BEDA_19",
                    sumber(n.sel.to_string()),
                    format!(
                        "{apa} '{}' ({nama_unit}) di Tabel 16 tertulis {}, di realisasi anggaran (Tabel 19) {}",
                        s.uraian,
                        tulis(n.nilai(), 2),
                        tulis(tepat, 2)
                    ),
                )
                .dengan_nilai(tulis(n.nilai(), 2), tulis(tepat, 2)),
            );
        }
    }
    if let Some(pertama) = tak_ada.first() {
        temuan.push(Temuan::baru(
            T::Peringatan,
            "TABEL16_TIDAK_DI_19",
            sumber(String::new()),
            format!(
                "{} baris Tabel 16 tidak ditemukan di realisasi anggaran (Tabel 19; menurut unit dan nama), pertama '{pertama}'; angkanya tidak dapat dibandingkan",
                tak_ada.len()
            ),
        ));
    }
    // Rows of Tabel 19 with a pagu that Tabel 16 leaves out (a row of pagu 0, which seed
    // 001's Tabel 16 omits, changes no total).
    let hilang: Vec<&str> = baris19
        .values()
        .flatten()
        .copied()
        .filter(|&j| !cocok[j] && t19.simpul[j].hitung.pagu.is_ok_and(|p| !p.is_zero()))
        .filter(|&j| t19.simpul[j].tingkat == Some(Tingkat::Program))
        .map(|j| t19.simpul[j].uraian.as_str())
        .collect();
    if let Some(pertama) = hilang.first() {
        temuan.push(Temuan::baru(
            T::Peringatan,
            "TABEL16_KURANG_PROGRAM",
            sumber(String::new()),
            format!(
                "{} program berpagu di realisasi anggaran (Tabel 19) tidak ada di Tabel 16, antara lain '{pertama}'",
                hilang.len()
            ),
        ));
    }
    temuan
}
