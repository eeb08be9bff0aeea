//! Stated totals that are not what their parts make, and which cell to blame.
//!
//! A typo in one amount breaks every sum it is in: a triwulan amount breaks its row's total
//! and its parent's column, a rincian line's jumlah breaks its own koefisien × harga and its
//! group's SUBTOTAL. When two broken sums both say what one cell should be, and say the same,
//! that cell is the typo: it is reported once, with that value. Every other broken sum is
//! reported at its stated total. Used by the Renja form and the DPA checks.
#![deny(clippy::arithmetic_side_effects)]

use crate::angka::{self, tulis};
use crate::model::Alamat;
use crate::model::kinerja::Asal;
use crate::temuan::{Temuan, Tingkat};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A stated amount in a sum: its cell, value, text as written, and what it is (`realisasi
/// triwulan I Rp (7.01.03.2.03.04 Fasilitasi …)`).
#[derive(Debug, Clone)]
pub struct Angkanya {
    pub sel: Alamat,
    pub nilai: Decimal,
    pub teks: String,
    pub label: String,
}

/// A stated total (`hasil`) that is not `jumlah`, what its parts (`suku`) make.
#[derive(Debug, Clone)]
pub struct Selisih {
    pub hasil: Angkanya,
    /// The stated parts; empty for a product (koefisien × harga), whose parts are no sum.
    pub suku: Vec<Angkanya>,
    pub jumlah: Decimal,
    /// What the parts are, for the message (`realisasi Rp = triwulan I + II + III + IV`).
    pub apa: String,
    /// The row, for the message.
    pub nama: String,
    pub kode: &'static str,
}

impl Selisih {
    /// The stated total minus what the parts make.
    fn beda(&self) -> Option<Decimal> {
        angka::kurang(self.hasil.nilai, self.jumlah).ok()
    }
}

/// Whole rupiah without `,00` (`71.649.252`), sen where there are.
pub fn rupiah(d: Decimal) -> String {
    tulis(d, if d.fract().is_zero() { 0 } else { 2 })
}

/// The findings for `selisih` (all of one sheet, `asal`): one `kode_salah_ketik` galat per
/// cell two sums blame alike, one galat per other sum at its total.
pub fn laporkan(selisih: Vec<Selisih>, asal: &Asal, kode_salah_ketik: &'static str) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    // Each cell's value according to each sum it is in.
    let mut calon: BTreeMap<(u32, u32), Vec<(usize, Decimal)>> = BTreeMap::new();
    for (i, s) in selisih.iter().enumerate() {
        let Some(d) = s.beda() else { continue };
        calon
            .entry((s.hasil.sel.r, s.hasil.sel.c))
            .or_default()
            .push((i, s.jumlah));
        for x in &s.suku {
            // x + (stated − sum): the value that would make the sum come out as stated.
            if let Ok(benar) = angka::tambah(x.nilai, d) {
                calon
                    .entry((x.sel.r, x.sel.c))
                    .or_default()
                    .push((i, benar));
            }
        }
    }
    let mut selesai = vec![false; selisih.len()];
    for (&(r, c), v) in &calon {
        let Some(&(a, nilai)) = v.iter().find(|(i, _)| !selesai[*i]) else {
            continue;
        };
        let Some(&(b, _)) = v
            .iter()
            .find(|&&(j, x)| j != a && !selesai[j] && x == nilai)
        else {
            continue;
        };
        let (sa, sb) = (&selisih[a], &selisih[b]);
        let Some(sel) = [sa, sb]
            .into_iter()
            .flat_map(|s| std::iter::once(&s.hasil).chain(&s.suku))
            .find(|x| x.sel.r == r && x.sel.c == c)
        else {
            continue;
        };
        temuan.push(
            Temuan::baru(
                Tingkat::Galat,
                kode_salah_ketik,
                asal.sumber(sel.sel),
                format!(
                    "{}: tertulis {}, padahal dua hitungan sama-sama menunjukkan {}: {} di baris {}, dan {} di baris {}. Kemungkinan salah ketik di sel ini",
                    sel.label,
                    sel.teks,
                    rupiah(nilai),
                    sa.apa,
                    sa.nama,
                    sb.apa,
                    sb.nama,
                ),
            )
            .dengan_nilai(sel.teks.clone(), rupiah(nilai)),
        );
        selesai[a] = true;
        selesai[b] = true;
    }
    for (i, s) in selisih.iter().enumerate() {
        if selesai[i] {
            continue;
        }
        let beda = s
            .beda()
            .map_or_else(String::new, |d| format!(" (selisih {})", rupiah(d)));
        temuan.push(
            Temuan::baru(
                Tingkat::Galat,
                s.kode,
                asal.sumber(s.hasil.sel),
                format!(
                    "{}: {} tidak cocok: tertulis {}, padahal hasilnya {}{beda}",
                    s.nama,
                    s.apa,
                    s.hasil.teks,
                    rupiah(s.jumlah)
                ),
            )
            .dengan_nilai(s.hasil.teks.clone(), rupiah(s.jumlah)),
        );
    }
    temuan
}
