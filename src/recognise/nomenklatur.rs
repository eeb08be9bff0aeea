//! The kegiatan names of the Kepmendagri nomenclature, to tell a kegiatan row from a sub
//! kegiatan row in a table that has no codes.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Names listed as kegiatan and never as sub kegiatan, lowercased
/// (from `shared/data/nomenklatur-sub-kegiatan.csv`).
const NAMA_KEGIATAN: &str = include_str!("../../data/nama-kegiatan.txt");

fn daftar() -> &'static HashSet<String> {
    static DAFTAR: OnceLock<HashSet<String>> = OnceLock::new();
    DAFTAR.get_or_init(|| {
        NAMA_KEGIATAN
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::to_string)
            .collect()
    })
}

/// Whether the nomenclature knows this name only as a kegiatan.
pub fn nama_kegiatan(uraian: &str) -> bool {
    let nama = crate::sheet::rapikan(uraian).to_lowercase();
    daftar().contains(&nama)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kegiatan_dikenal() {
        assert!(nama_kegiatan("Administrasi Keuangan Perangkat Daerah"));
        assert!(nama_kegiatan("Kegiatan  Pemberdayaan Kelurahan"));
        assert!(!nama_kegiatan("Penyediaan Gaji dan Tunjangan ASN"));
    }
}
