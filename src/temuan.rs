//! Temuan: one finding about a stated number, with where it is and what it should be.

use crate::model::Sumber;
use std::fmt;

/// How serious a finding is. Ordered: galat first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tingkat {
    /// A number that does not follow from the others: the report would be wrong.
    Galat,
    /// Possible but suspicious (realisasi above pagu, a code out of place).
    Peringatan,
    /// What the tool decided while reading (which sheet it used, how `%` was written).
    Info,
}

impl Tingkat {
    pub fn nama(self) -> &'static str {
        match self {
            Tingkat::Galat => "galat",
            Tingkat::Peringatan => "peringatan",
            Tingkat::Info => "info",
        }
    }
}

impl fmt::Display for Tingkat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.nama())
    }
}

/// A finding. `kode` is stable (programs may filter on it); `pesan` is for people.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Temuan {
    pub tingkat: Tingkat,
    pub kode: &'static str,
    pub pesan: String,
    pub lokasi: Sumber,
    pub tertulis: Option<String>,
    pub seharusnya: Option<String>,
}

impl Temuan {
    pub fn baru(tingkat: Tingkat, kode: &'static str, lokasi: Sumber, pesan: String) -> Temuan {
        Temuan {
            tingkat,
            kode,
            pesan,
            lokasi,
            tertulis: None,
            seharusnya: None,
        }
    }

    pub fn dengan_nilai(mut self, tertulis: String, seharusnya: String) -> Temuan {
        self.tertulis = Some(tertulis);
        self.seharusnya = Some(seharusnya);
        self
    }
}

impl fmt::Display for Temuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}: {}",
            self.tingkat, self.kode, self.lokasi, self.pesan
        )?;
        if let (Some(t), Some(s)) = (&self.tertulis, &self.seharusnya) {
            write!(f, " (tertulis {t}, seharusnya {s})")?;
        }
        Ok(())
    }
}

/// Sorts findings galat first, then by file, sheet and row order of the cell.
pub fn urutkan(temuan: &mut [Temuan]) {
    temuan.sort_by(|a, b| {
        (
            a.tingkat,
            &a.lokasi.berkas,
            &a.lokasi.lembar,
            kunci_sel(&a.lokasi.sel),
        )
            .cmp(&(
                b.tingkat,
                &b.lokasi.berkas,
                &b.lokasi.lembar,
                kunci_sel(&b.lokasi.sel),
            ))
    });
}

/// `B12` → (12, "B") so that B9 sorts before B10. Borrowed, not copied: the sort calls it
/// twice per comparison, and a sheet with one code on 100,000 rows has as many findings.
fn kunci_sel(sel: &str) -> (u64, &str) {
    let n = sel.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (huruf, angka) = sel.split_at(n);
    (angka.parse().unwrap_or(0), huruf)
}
