//! Tabel 18 Realisasi Anggaran Tahun N (seed 001): one row per SKPD, the total, and the sisa
//! lebih (anggaran − realisasi).
#![deny(clippy::arithmetic_side_effects)]

use super::{Badan, Baris, Bentuk, Hasil, Sel, Tabel, baris_excel, teks_tahun};
use crate::angka::{self, Luap};
use crate::compute;
use crate::kode::Tingkat;
use crate::model::Pohon;
use indexmap::IndexMap;
use rust_decimal::Decimal;

const KOLOM: [&str; 4] = ["NO", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)"];

/// An amount of Tabel 18, or why it cannot be held.
type Jumlah = Result<Decimal, Luap>;

fn tambah(a: Jumlah, b: Jumlah) -> Jumlah {
    angka::tambah(a?, b?)
}

/// Organisations summed per SKPD: a sub unit belongs to the SKPD its code names, and an
/// organisation that serves two bidang (a Dinas Kesehatan that also runs KB) is one row.
fn per_skpd(pohon: &Pohon) -> IndexMap<String, (String, Jumlah, Jumlah)> {
    let mut hasil: IndexMap<String, (String, Jumlah, Jumlah)> = IndexMap::new();
    for (i, _) in pohon.urut() {
        let s = &pohon.simpul[i];
        if s.tingkat != Some(Tingkat::Organisasi) {
            continue;
        }
        let kunci = s
            .kode
            .as_ref()
            .and_then(|k| k.skpd())
            .unwrap_or_else(|| s.uraian.to_uppercase());
        let baris = hasil
            .entry(kunci)
            .or_insert_with(|| (s.uraian.clone(), Ok(Decimal::ZERO), Ok(Decimal::ZERO)));
        baris.1 = tambah(baris.1, s.hitung.pagu);
        baris.2 = tambah(baris.2, s.hitung.realisasi);
    }
    let nol: (Jumlah, Jumlah) = (Ok(Decimal::ZERO), Ok(Decimal::ZERO));
    let (p, r) = hasil
        .values()
        .fold(nol, |a, b| (tambah(a.0, b.1), tambah(a.1, b.2)));
    let akar = pohon.akar().hitung;
    if hasil.is_empty() || p != akar.pagu || r != akar.realisasi {
        // Spending outside any organisation row (a sheet without organisation rows).
        let lain = |total: Jumlah, bagian: Jumlah| angka::kurang(total?, bagian?);
        hasil.insert(
            "lainnya".to_string(),
            (
                "Belanja di luar baris organisasi".to_string(),
                lain(akar.pagu, p),
                lain(akar.realisasi, r),
            ),
        );
    }
    hasil
}

pub fn susun(pohon: &Pohon, tahun: Option<i32>) -> Tabel<'static> {
    let mut tabel = Tabel::baru(
        "Tabel 18",
        format!("Tabel 18 Realisasi Anggaran{}", teks_tahun(tahun)),
        &KOLOM,
        vec![6.0, 60.0, 24.0, 24.0],
    );
    tabel.kolom_uraian = 1;
    let awal = tabel.baris_data_awal();
    let mut baris = Vec::new();
    for (n, (uraian, pagu, realisasi)) in per_skpd(pohon).into_values().enumerate() {
        baris.push(Baris {
            sel: vec![
                Sel::angka(Decimal::from(n.saturating_add(1)), Bentuk::Tengah),
                Sel::teks(uraian),
                Sel::hasil(pagu, Bentuk::RupiahRp),
                Sel::hasil(realisasi, Bentuk::RupiahRp),
            ],
            tebal: false,
            indent: 0,
        });
    }
    let pertama = baris_excel(awal, 0);
    let terakhir = baris_excel(awal, baris.len().saturating_sub(1));
    let r_jumlah = baris_excel(awal, baris.len());
    let h = pohon.akar().hitung;
    baris.push(Baris {
        sel: vec![
            Sel::kosong(),
            Sel::teks("Jumlah"),
            Sel::rumus(
                format!("=SUM(C{pertama}:C{terakhir})"),
                Hasil::dari(h.pagu),
                Bentuk::RupiahRp,
            ),
            Sel::rumus(
                format!("=SUM(D{pertama}:D{terakhir})"),
                Hasil::dari(h.realisasi),
                Bentuk::RupiahRp,
            ),
        ],
        tebal: true,
        indent: 0,
    });
    baris.push(Baris {
        sel: vec![
            Sel::kosong(),
            Sel::teks("Sisa Lebih"),
            Sel::kosong(),
            Sel::rumus(
                format!("=C{r_jumlah}-D{r_jumlah}"),
                Hasil::dari(h.pagu.and_then(|p| compute::sisa(p, h.realisasi?))),
                Bentuk::RupiahRp,
            ),
        ],
        tebal: true,
        indent: 0,
    });
    tabel.baris = Badan::dari(baris);
    tabel
}
