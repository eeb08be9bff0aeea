//! Names of the Kepmendagri nomenclature (kabupaten/kota: program, kegiatan, sub kegiatan)
//! and their codes, to know what a line of a PK program table is and what it belongs to:
//! PK tables carry names only, and a kasubag's sub kegiatan belong to the sekretaris's
//! kegiatan through the nomenclature, not through their names.

use crate::kode::Tingkat;
use crate::nomenklatur::{JenisPemda, Nomenklatur, jarak_huruf as jarak};
use std::collections::HashMap;
use std::sync::OnceLock;

struct Entri {
    kode: &'static str,
    nama: &'static str,
    padat: String,
    huruf: [u8; 36],
}

struct Daftar {
    entri: Vec<Entri>,
    per_nama: HashMap<String, Vec<usize>>,
}

/// The kabupaten/kota program, kegiatan and sub kegiatan of the embedded nomenclature
/// ([`Nomenklatur::bawaan`]), in its order.
fn daftar() -> &'static Daftar {
    static D: OnceLock<Daftar> = OnceLock::new();
    D.get_or_init(|| {
        let mut entri = Vec::new();
        let mut per_nama: HashMap<String, Vec<usize>> = HashMap::new();
        for e in Nomenklatur::bawaan()
            .entri()
            .iter()
            .filter(|e| e.jenis == JenisPemda::KabupatenKota && e.tingkat != Tingkat::Bidang)
        {
            let (kode, nama) = (e.kode.as_str(), e.nama.as_str());
            let n = normal(nama);
            per_nama.entry(n.clone()).or_default().push(entri.len());
            let padat = padat(&n);
            let huruf = histogram(&padat);
            entri.push(Entri {
                kode,
                nama,
                padat,
                huruf,
            });
        }
        Daftar { entri, per_nama }
    })
}

/// Lowercase, every run of other characters than letters and digits one space.
pub fn normal(teks: &str) -> String {
    let mut hasil = String::with_capacity(teks.len());
    let mut spasi = false;
    for c in teks.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if spasi && !hasil.is_empty() {
                hasil.push(' ');
            }
            spasi = false;
            hasil.push(c);
        } else {
            spasi = true;
        }
    }
    hasil
}

/// Without spaces: `di bidang` and `dibidang` are one spelling.
fn padat(normal: &str) -> String {
    normal.chars().filter(|c| *c != ' ').collect()
}

fn histogram(padat: &str) -> [u8; 36] {
    let mut h = [0u8; 36];
    for c in padat.chars() {
        let i = match c {
            'a'..='z' => c as usize - 'a' as usize,
            '0'..='9' => 26 + c as usize - '0' as usize,
            _ => continue,
        };
        h[i] = h[i].saturating_add(1);
    }
    h
}

/// The level a nomenclature code has: 3 parts program, 5 kegiatan, 6 sub kegiatan.
pub fn tingkat_kode(kode: &str) -> Option<Tingkat> {
    match kode.split('.').count() {
        3 => Some(Tingkat::Program),
        5 => Some(Tingkat::Kegiatan),
        6 => Some(Tingkat::SubKegiatan),
        _ => None,
    }
}

/// What the nomenclature says a name is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cocok {
    /// Every code with that name (a sub kegiatan name may stand under two kegiatan).
    pub kode: Vec<String>,
    /// The name as the nomenclature writes it, when it was found by likeness rather than
    /// by equal spelling (`… Umumnb` for `… UMUM`).
    pub mirip: Option<String>,
}

/// The codes of a name: spelled the same (case, spacing and punctuation aside), else (when
/// `mirip`) the one name within a tenth of its letters of it (a typo, `Sinergitas` for
/// `Sinergi`). The likeness search reads the whole list: the caller bounds how often.
pub fn cari(uraian: &str, mirip: bool) -> Option<Cocok> {
    let d = daftar();
    let n = normal(uraian);
    if n.is_empty() {
        return None;
    }
    let kode = |idx: &[usize]| -> Vec<String> {
        let mut k: Vec<String> = idx.iter().map(|&i| d.entri[i].kode.to_string()).collect();
        k.dedup();
        k
    };
    if let Some(idx) = d.per_nama.get(&n) {
        return Some(Cocok {
            kode: kode(idx),
            mirip: None,
        });
    }
    let p = padat(&n);
    if !mirip || p.len() < 12 {
        return None;
    }
    let batas = p.len() / 10;
    let h = histogram(&p);
    let mut terbaik: Option<(usize, Vec<usize>)> = None;
    for (i, e) in d.entri.iter().enumerate() {
        let beda: usize = h
            .iter()
            .zip(&e.huruf)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum();
        if beda.div_ceil(2) > batas {
            continue;
        }
        let Some(j) = jarak(p.as_bytes(), e.padat.as_bytes(), batas) else {
            continue;
        };
        match &mut terbaik {
            Some((t, v)) if j == *t => v.push(i),
            Some((t, _)) if j > *t => {}
            _ => terbaik = Some((j, vec![i])),
        }
    }
    let (_, idx) = terbaik?;
    // Two different names equally near: no way to tell which was meant.
    let nama = normal(d.entri[idx[0]].nama);
    if idx.iter().any(|&i| normal(d.entri[i].nama) != nama) {
        return None;
    }
    Some(Cocok {
        kode: kode(&idx),
        mirip: Some(d.entri[idx[0]].nama.to_string()),
    })
}

/// Whether `induk` is a code above `anak` (`7.01.03` over `7.01.03.2.01.0003`).
pub fn di_bawah(anak: &str, induk: &str) -> bool {
    anak.len() > induk.len() && anak.starts_with(induk) && anak.as_bytes()[induk.len()] == b'.'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cari_uji(uraian: &str) -> Option<Cocok> {
        cari(uraian, true)
    }

    #[test]
    fn nama_seed_004_dikenali() {
        // Seed 004, PK kasubag umum dan keuangan: a sub kegiatan of Administrasi Umum.
        let c = cari_uji("Fasilitasi Kunjungan Tamu").unwrap();
        assert_eq!(c.kode, vec!["X.XX.01.2.06.0008"]);
        assert_eq!(c.mirip, None);
        // Seed 004, PK sekretaris camat: the kegiatan, spacing as written.
        let c =
            cari_uji("Perencanaan, Penganggaran, dan Evaluasi Kinerja  Perangkat Daerah ").unwrap();
        assert_eq!(c.kode, vec!["X.XX.01.2.01"]);
        // Seed 004, PK camat: a typo in the program name.
        let c = cari_uji("Program Koordinasi Ketentraman dan ketertiban Umumnb").unwrap();
        assert_eq!(c.kode, vec!["7.01.04"]);
        assert!(c.mirip.is_some());
        // Seed 004, PK kasi trantib: `sinergitas`, `dibidang`.
        let c = cari_uji("Koordinasi/sinergitas dengan perangkat daerah yang tugas dan fungsinya dibidang penegakan peraturan perundang-undangan dan/atau kepolisian negara republik Indonesia.").unwrap();
        assert!(c.kode.iter().all(|k| k.starts_with("7.01.04.")), "{c:?}");
        // Seed 004, PK kasi PMD: the sub kegiatan of another program than its neighbours.
        let c =
            cari_uji("Koordinasi Pelaksanaan Pembangunan Kawasan Perdesaan di Wilayah Kecamatan")
                .unwrap();
        assert_eq!(c.kode, vec!["7.01.06.2.01.0018"]);
        assert!(cari_uji("Belanja Makan Minum Rapat Koordinasi Harian").is_none());
        assert!(
            cari(
                "Program Koordinasi Ketentraman dan ketertiban Umumnb",
                false
            )
            .is_none()
        );
    }

    #[test]
    fn kode_di_bawah() {
        assert!(di_bawah("7.01.03.2.01.0003", "7.01.03"));
        assert!(!di_bawah("7.01.03", "7.01.03"));
        assert!(!di_bawah("7.01.031", "7.01.03"));
        assert_eq!(tingkat_kode("X.XX.01.2.06"), Some(Tingkat::Kegiatan));
    }
}
