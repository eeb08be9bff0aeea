//! Names as people write them: the same indikator, sasaran or unit is spelled a little
//! differently in the PK, the IKU and the realisasi (`Nilai Survey Kepuasan Masyarakat
//! (SKM)` and `Nilai Survey Kepuasan Masyarakat`, `Prosentase` and `Persentase`, `Kec.` and
//! `Kecamatan`). Matching is by words, never by position.

/// Lowercase words of letters and digits: `1. Program  Penunjang,` is `program penunjang`.
pub fn normal(teks: &str) -> String {
    kata(teks).collect::<Vec<_>>().join(" ")
}

/// The words of a name, lowercased, with spelling variants folded to one form.
pub fn kata(teks: &str) -> impl Iterator<Item = String> + '_ {
    teks.split(|c: char| !c.is_alphanumeric())
        .filter(|k| !k.is_empty())
        .map(|k| {
            let k = k.to_lowercase();
            match k.as_str() {
                "prosentase" | "presentase" | "persen" => "persentase".to_string(),
                "kec" => "kecamatan".to_string(),
                "kel" => "kelurahan".to_string(),
                "gn" => "gunung".to_string(),
                "ketenteraman" => "ketentraman".to_string(),
                "efektivitas" => "efektifitas".to_string(),
                "survei" => "survey".to_string(),
                _ => k,
            }
        })
}

/// Words that carry no meaning of their own in a name.
fn kata_sambung(k: &str) -> bool {
    matches!(
        k,
        "dan" | "yang" | "di" | "ke" | "dari" | "dalam" | "pada" | "untuk" | "atau" | "serta"
    )
}

/// The meaningful words of a name, sorted and unique.
fn himpunan(t: &str) -> Vec<String> {
    let mut v: Vec<String> = kata(t).filter(|k| !kata_sambung(k)).collect();
    v.sort();
    v.dedup();
    v
}

fn jaccard(x: &[String], y: &[String]) -> u32 {
    if x.is_empty() || y.is_empty() {
        return 0;
    }
    let sama = x.iter().filter(|k| y.binary_search(k).is_ok()).count();
    let gabung = x.len() + y.len() - sama;
    (sama * 100 / gabung) as u32
}

/// How alike two names are, 0–100: the share of meaningful words they have in common
/// (Jaccard, in whole percent). `Persentase Gangguan Ketentraman dan Ketertiban Umum yang
/// ditindaklanjuti` and `Prosentase Laporan Gangguan Ketentraman dan Ketertiban yang
/// ditindaklanjuti` share 5 of 7 words: 71.
pub fn kemiripan(a: &str, b: &str) -> u32 {
    jaccard(&himpunan(a), &himpunan(b))
}

/// The least [`kemiripan`] at which two names are taken as the same (and said so).
pub const MIRIP_MIN: u32 = 60;

/// Beyond this many candidates, only equal names match: a list of names that long is no
/// IKU, and comparing every row with every name would cost time out of all proportion.
pub const CALON_MIRIP_MAKS: usize = 1000;

/// Names to match against, prepared once: by normalised name for equal names, by their
/// words for alike ones.
pub struct Daftar {
    kunci: std::collections::HashMap<String, usize>,
    kata: Vec<Vec<String>>,
}

impl Daftar {
    pub fn baru<'a>(calon: impl IntoIterator<Item = &'a str>) -> Daftar {
        let mut kunci = std::collections::HashMap::new();
        let mut semua = Vec::new();
        for (i, c) in calon.into_iter().enumerate() {
            kunci.entry(normal(c)).or_insert(i);
            semua.push(c);
        }
        let kata = if semua.len() <= CALON_MIRIP_MAKS {
            semua.iter().map(|c| himpunan(c)).collect()
        } else {
            Vec::new()
        };
        Daftar { kunci, kata }
    }

    /// The candidate that is `nama`: the same words (the first such), else the single most
    /// alike at [`MIRIP_MIN`] or more. Returns its index and the kemiripan (100 when equal).
    pub fn cari(&self, nama: &str) -> Option<(usize, u32)> {
        if let Some(&i) = self.kunci.get(&normal(nama)) {
            return Some((i, 100));
        }
        let x = himpunan(nama);
        let mut terbaik: Option<(usize, u32)> = None;
        let mut seri = false;
        for (i, y) in self.kata.iter().enumerate() {
            let m = jaccard(&x, y);
            match terbaik {
                Some((_, b)) if m < b => {}
                Some((_, b)) if m == b => seri = true,
                _ => {
                    terbaik = Some((i, m));
                    seri = false;
                }
            }
        }
        terbaik.filter(|&(_, m)| m >= MIRIP_MIN && !seri)
    }
}

/// [`Daftar::cari`] for one name against a list used once.
pub fn cocokkan<'a>(nama: &str, calon: impl IntoIterator<Item = &'a str>) -> Option<(usize, u32)> {
    Daftar::baru(calon).cari(nama)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nama_seed_001_dikenali_sama() {
        // Seed 001 Tabel 4 (IKU) against Tabel 6 (PK) of the same kecamatan.
        assert_eq!(
            kemiripan(
                "Nilai Survey Kepuasan Masyarakat (SKM)",
                "Nilai Survey Kepuasan Masyarakat"
            ),
            80
        );
        assert_eq!(
            kemiripan(
                "Prosentase Laporan Gangguan Ketentraman dan Ketertiban yang ditindaklanjuti",
                "Persentase Gangguan Ketentraman dan Ketertiban Umum yang ditindaklanjuti"
            ),
            71
        );
        let calon = [
            "Nilai Survey Kepuasan Masyarakat",
            "Persentase partisipasi kelompok kemasyarakatan dalam Program Stimulan RT",
            "Nilai Zona Integritas",
            "Persentase Gangguan Ketentraman dan Ketertiban Umum yang ditindaklanjuti",
        ];
        assert_eq!(
            cocokkan("Nilai Survey Kepuasan Masyarakat (SKM)", calon),
            Some((0, 80))
        );
        assert_eq!(
            cocokkan(
                "Prosentase Laporan Gangguan Ketentraman dan Ketertiban yang ditindaklanjuti",
                calon
            ),
            Some((3, 71))
        );
        assert_eq!(cocokkan("nilai zona  integritas.", calon), Some((2, 100)));
        assert_eq!(cocokkan("Jumlah Dokumen Perencanaan", calon), None);
    }

    #[test]
    fn singkatan_unit_dikenali() {
        assert_eq!(normal("Kel. Gn. Telihan"), "kelurahan gunung telihan");
        assert_eq!(
            normal("KELURAHAN GUNUNG TELIHAN"),
            "kelurahan gunung telihan"
        );
    }

    #[test]
    fn dua_calon_sama_mirip_tidak_dipilih() {
        assert_eq!(
            cocokkan(
                "Nilai Survey Kepuasan",
                ["Nilai Survey Kepuasan A", "Nilai Survey Kepuasan B"]
            ),
            None
        );
    }
}
