//! The marked copy `periksa --keluaran` writes: the audited workbook's values, every cell
//! with a galat filled red and every cell with a peringatan yellow, each with a note saying
//! what is wrong and what it should be, then the Temuan sheet. It is what a finance officer
//! sends back to whoever typed the table; the input itself is never touched.

use crate::model::Alamat;
use crate::temuan::{Temuan, Tingkat};
use std::collections::BTreeMap;

/// A cell's value as read (a copy: numbers go back as they came).
#[derive(Debug, Clone, PartialEq)]
pub enum IsiSalinan {
    Teks(String),
    Angka(f64),
}

/// The mark on a cell: the most serious level of its findings and their words.
#[derive(Debug, Clone, PartialEq)]
pub struct Tanda {
    pub tingkat: Tingkat,
    pub catatan: String,
}

/// One sheet of the copy.
#[derive(Debug, Clone, PartialEq)]
pub struct LembarSalinan {
    pub nama: String,
    pub sel: Vec<(Alamat, IsiSalinan)>,
    pub tanda: BTreeMap<(u32, u32), Tanda>,
}

/// The marks of one sheet: the findings at a cell of `berkas › lembar`, by cell. Info is not
/// marked (it says what the tool decided, not what is wrong).
pub fn tanda(temuan: &[Temuan], berkas: &str, lembar: &str) -> BTreeMap<(u32, u32), Tanda> {
    let mut hasil: BTreeMap<(u32, u32), Tanda> = BTreeMap::new();
    for t in temuan {
        if t.tingkat == Tingkat::Info || t.lokasi.berkas != berkas || t.lokasi.lembar != lembar {
            continue;
        }
        let Some(a) = Alamat::urai(&t.lokasi.sel) else {
            continue;
        };
        let mut teks = format!("{} [{}]: {}", t.tingkat, t.kode, t.pesan);
        if let (Some(tertulis), Some(seharusnya)) = (&t.tertulis, &t.seharusnya) {
            teks.push_str(&format!(" Tertulis {tertulis}, seharusnya {seharusnya}."));
        }
        hasil
            .entry((a.r, a.c))
            .and_modify(|x| {
                x.tingkat = x.tingkat.min(t.tingkat);
                x.catatan.push_str("\n\n");
                x.catatan.push_str(&teks);
            })
            .or_insert(Tanda {
                tingkat: t.tingkat,
                catatan: teks,
            });
    }
    hasil
}

/// A sheet name for the copy: Excel allows 31 characters and no `[]:*?/\`; names must differ.
pub fn nama_lembar(usul: &str, sudah: &[String]) -> String {
    let bersih: String = usul
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let dasar: String = bersih.chars().take(31).collect();
    let dasar = if dasar.trim().is_empty() || dasar == "Temuan" {
        format!("{dasar} (1)")
    } else {
        dasar
    };
    let mut nama = dasar.clone();
    let mut n = 2;
    while sudah.iter().any(|s| s.eq_ignore_ascii_case(&nama)) {
        let akhiran = format!(" ({n})");
        let potong: String = dasar.chars().take(31 - akhiran.chars().count()).collect();
        nama = format!("{potong}{akhiran}");
        n += 1;
    }
    nama
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sumber;

    fn temuan(tingkat: Tingkat, sel: &str) -> Temuan {
        Temuan::baru(
            tingkat,
            "X",
            Sumber {
                berkas: "a.xlsx".into(),
                lembar: "LRA".into(),
                sel: sel.into(),
            },
            "pesan".into(),
        )
    }

    #[test]
    fn tanda_per_sel_yang_terberat() {
        let t = [
            temuan(Tingkat::Peringatan, "C12"),
            temuan(Tingkat::Galat, "C12"),
            temuan(Tingkat::Info, "D3"),
            temuan(Tingkat::Galat, ""),
        ];
        let m = tanda(&t, "a.xlsx", "LRA");
        assert_eq!(m.len(), 1);
        assert_eq!(m[&(11, 2)].tingkat, Tingkat::Galat);
        assert!(m[&(11, 2)].catatan.contains("peringatan [X]"));
    }

    #[test]
    fn nama_lembar_sah_dan_unik() {
        let sudah = vec!["LRA".to_string()];
        assert_eq!(nama_lembar("LRA", &sudah), "LRA (2)");
        assert_eq!(nama_lembar("a/b", &[]), "a_b");
        assert_eq!(nama_lembar(&"x".repeat(40), &[]).chars().count(), 31);
        assert_eq!(nama_lembar("Temuan", &[]), "Temuan (1)");
    }

    #[test]
    fn alamat_diurai() {
        assert_eq!(Alamat::urai("C12"), Some(Alamat { r: 11, c: 2 }));
        assert_eq!(Alamat::urai("AA1"), Some(Alamat { r: 0, c: 26 }));
        assert_eq!(Alamat::urai(""), None);
        assert_eq!(Alamat::urai("C"), None);
        assert_eq!(Alamat::urai("12"), None);
        assert_eq!(Alamat::urai("C0"), None);
    }
}
