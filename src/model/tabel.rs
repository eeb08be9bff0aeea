//! Tables staff typed by hand (Tabel 11–15 of an LKjIP), as written: each cell's text, the
//! number it states at the precision it states it, and its cell. `check::tabel` recomputes
//! what follows from the others.

use super::Alamat;
use super::kinerja::Asal;
use crate::angka::Angka;

/// What a typed cell states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tertulis {
    /// A number, with the decimals it was written with (`99,17%` → 99,17 at 2).
    Angka(Angka),
    /// `n/a`: not measured.
    TidakDiukur,
    /// `-`: nothing to compute (a division by 0, or not measured).
    Strip,
}

/// A typed cell.
#[derive(Debug, Clone, PartialEq)]
pub struct SelKetik {
    pub teks: String,
    pub nilai: Option<Tertulis>,
    pub sel: Alamat,
}

/// What a typed table's column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KolomKetik {
    Nomor,
    /// The row's label (Tabel 18: `Jumlah`, `Sisa Lebih`).
    Uraian,
    Sasaran,
    Indikator,
    Satuan,
    /// The yearly target beside the triwulan rows (Tabel 12).
    TargetTahunan,
    Target,
    Realisasi,
    /// % capaian (Tabel 11, 12, 14, 15).
    Capaian,
    /// Realisasi of year `N − k` (Tabel 13), by the year its header names.
    RealisasiTahun(i32),
    /// % peningkatan / penurunan (Tabel 13).
    Perubahan,
    /// Target akhir Renstra (Tabel 14).
    TargetAkhir,
    Anggaran,
    RealisasiAnggaran,
    /// % serapan (Tabel 15).
    Serapan,
    Efisiensi,
    Triwulan,
}

/// One typed table: its number, where it is, its columns and its rows (cells by column).
#[derive(Debug, Clone, PartialEq)]
pub struct TabelKetik {
    pub nomor: u32,
    pub asal: Asal,
    /// The title row, 0-based.
    pub r_judul: u32,
    pub kolom: Vec<KolomKetik>,
    pub baris: Vec<Vec<Option<SelKetik>>>,
}

impl TabelKetik {
    /// The cell of row `i` in the column holding `k`.
    pub fn sel(&self, i: usize, k: KolomKetik) -> Option<&SelKetik> {
        let c = self.kolom.iter().position(|x| *x == k)?;
        self.baris.get(i)?.get(c)?.as_ref()
    }
}
