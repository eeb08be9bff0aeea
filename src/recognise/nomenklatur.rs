//! The kegiatan names of the Kepmendagri nomenclature, to tell a kegiatan row from a sub
//! kegiatan row in a table that has no codes.

use crate::kode::Tingkat;
use crate::nomenklatur::Nomenklatur;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Names listed as kegiatan and never as sub kegiatan (provinsi and kabupaten/kota alike),
/// lowercased, from the embedded nomenclature ([`Nomenklatur::bawaan`]).
fn daftar() -> &'static HashSet<String> {
    static DAFTAR: OnceLock<HashSet<String>> = OnceLock::new();
    DAFTAR.get_or_init(|| {
        let entri = Nomenklatur::bawaan().entri();
        let nama = |t: Tingkat| {
            entri
                .iter()
                .filter(move |e| e.tingkat == t)
                .map(|e| e.nama.to_lowercase())
        };
        let sub: HashSet<String> = nama(Tingkat::SubKegiatan).collect();
        nama(Tingkat::Kegiatan)
            .filter(|n| !sub.contains(n))
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
