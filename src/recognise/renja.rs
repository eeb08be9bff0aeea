//! The Renja evaluation form (Permendagri 86/2017) into [`FormRenja`].
//!
//! Offices type it in many shapes: columns numbered 1 to 12 or more under merged headers,
//! `K` and `Rp.` as a sub-header row, Visi, Misi or Tujuan columns in front, a `Satuan`
//! column or none, their own numbering (`14 = 10+11+12+13`). So a column is known by what its
//! header path says (`Realisasi Kinerja Pada Triwulan › II › Rp.` is the Rp of triwulan II),
//! never by its position or number, and the formulas of the column-number row are read as
//! the form states them. Cells are often formulas: their cached values are read, and a
//! formula without one is reported at its cell.

use super::kepala::{baris_nomor_kolom, lanjutan_kepala, sampai_dengan, teks_kepala};
use super::tabel::{nilai, teks_sel};
use crate::kode::{Kode, Tingkat};
use crate::model::Alamat;
use crate::model::kinerja::Asal;
use crate::model::pk::Teks;
use crate::model::renja::{
    BarisRenja, FormRenja, JenisBaris, Kelompok, NilaiRenja, Rumus, RumusTertulis, Sisi,
};
use crate::model::tabel::SelKetik;
use crate::sheet::{Grid, Isi, rapikan};
use crate::temuan::{Temuan, Tingkat as TingkatTemuan};

/// Rows a header may start in (title block above it).
const BARIS_KEPALA_MAKS: u32 = 30;

/// A column that names what a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Identitas {
    Nomor,
    Sasaran,
    Kode,
    Uraian,
    Indikator,
    IndikatorPermendagri,
    Satuan,
    PenanggungJawab,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arti {
    Identitas(Identitas),
    Nilai(Kelompok, Sisi),
}

fn kecil(t: &str) -> String {
    sampai_dengan(&rapikan(t).to_lowercase()).trim().to_string()
}

/// The column group a header names (`Target Kinerja dan Anggaran Renja … Tahun Berjalan`).
/// A triwulan's number comes from the row under it.
fn kelompok(l: &str) -> Option<Kelompok> {
    Some(
        if l.starts_with("tingkat") || l.contains("tingkat capaian") {
            if l.contains("renstra") {
                Kelompok::CapaianRenstra
            } else {
                Kelompok::Capaian
            }
        } else if l.contains("triwulan") {
            Kelompok::Triwulan(0)
        } else if l.contains("target") {
            if l.contains("renstra") && !l.contains("renja") {
                Kelompok::TargetRenstra
            } else {
                Kelompok::Target
            }
        } else if l.contains("realisasi") {
            if l.contains("tahun lalu") {
                Kelompok::RealisasiLalu
            } else if l.contains("renstra") && l.contains("s.d.") {
                Kelompok::RealisasiRenstra
            } else {
                Kelompok::Realisasi
            }
        } else {
            return None;
        },
    )
}

fn identitas(l: &str) -> Option<Identitas> {
    let l = l.trim_end_matches([':', '.']).trim();
    Some(if matches!(l, "no" | "nomor" | "no urut") {
        Identitas::Nomor
    } else if l.starts_with("indikator")
        && ["permendagri", "kepmendagri", "nomenklatur"]
            .iter()
            .any(|k| l.contains(k))
    {
        Identitas::IndikatorPermendagri
    } else if l.starts_with("indikator") {
        Identitas::Indikator
    } else if l.starts_with("kode") {
        Identitas::Kode
    } else if l.starts_with("sasaran") && !l.contains("rpjmd") {
        Identitas::Sasaran
    } else if l.contains("penanggung jawab")
        || l.contains("penanggungjawab")
        || l.starts_with("unit")
    {
        Identitas::PenanggungJawab
    } else if l.contains("program")
        || l.contains("kegiatan")
        || l.starts_with("urusan")
        || l.starts_with("uraian")
    {
        Identitas::Uraian
    } else if l.starts_with("satuan") || l == "sat" {
        Identitas::Satuan
    } else {
        return None;
    })
}

/// `I`, `II`, `Triwulan III`, `TW 4`, `4` → 1–4.
fn triwulan(l: &str) -> Option<u8> {
    let t = l
        .trim_start_matches("triwulan")
        .trim_start_matches("tw")
        .trim_matches(|c: char| c.is_whitespace() || c == '.' || c == '-');
    match t {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

/// A column from its header path, top-down: the group from the highest cell that names one,
/// the triwulan from a cell under it, the half (`K`, `Rp.`) from the lowest. A `%` column
/// beside a triwulan's K and Rp, and columns the form adds (Visi, Misi, Keterangan), are
/// not read.
fn arti(jalur: &[String]) -> Option<Arti> {
    let l: Vec<String> = jalur.iter().map(|t| kecil(t)).collect();
    let (i, k) = l
        .iter()
        .enumerate()
        .find_map(|(i, t)| kelompok(t).map(|k| (i, k)))?;
    let bawah = &l[i.saturating_add(1)..];
    let k = match k {
        Kelompok::Triwulan(_) => Kelompok::Triwulan(bawah.iter().find_map(|t| triwulan(t))?),
        k => k,
    };
    let sisi = match bawah.last().map(|t| t.trim_end_matches('.').trim()) {
        Some("rp" | "rupiah" | "anggaran" | "keuangan") => Sisi::Rp,
        Some("%" | "persen") if !k.persen() => return None,
        _ => Sisi::K,
    };
    Some(Arti::Nilai(k, sisi))
}

/// A recognised header.
#[derive(Debug, Clone)]
pub struct Kepala {
    r_awal: u32,
    r_akhir: u32,
    /// The column-number row under the header, if any.
    r_nomor: Option<u32>,
    kolom: Vec<(u32, Arti)>,
    /// The text over the Target group's columns, where the year is named.
    label_target: String,
}

impl Kepala {
    fn kolom(&self, id: Identitas) -> Option<u32> {
        self.kolom
            .iter()
            .find(|(_, a)| *a == Arti::Identitas(id))
            .map(|k| k.0)
    }
}

/// The header of a Renja evaluation form in the sheet's first rows: a row naming the
/// indikator, with (in it or in up to three rows under it) the target of the year and at
/// least one triwulan's realisasi.
pub fn cari_kepala(grid: &Grid) -> Option<Kepala> {
    let lebar = grid.lebar().min(crate::sheet::KOLOM_MAKS);
    for (i, b) in grid.baris.iter().enumerate() {
        if b.r > BARIS_KEPALA_MAKS {
            break;
        }
        let ada_indikator = b
            .sel
            .iter()
            .filter_map(Isi::teks)
            .any(|t| identitas(&kecil(t)) == Some(Identitas::Indikator));
        if !ada_indikator {
            continue;
        }
        let mut akhir = b.r;
        for lanjut in grid.baris[i.saturating_add(1)..].iter().take(3) {
            if lanjut.r != akhir.saturating_add(1)
                || baris_nomor_kolom(&lanjut.sel)
                || !lanjutan_kepala(&lanjut.sel)
            {
                break;
            }
            akhir = lanjut.r;
        }
        let teks = teks_kepala(grid, b.r, akhir, lebar);
        let mut kolom: Vec<(u32, Arti)> = Vec::new();
        let mut label_target = String::new();
        for c in 0..lebar {
            let mut jalur: Vec<String> = Vec::new();
            for t in teks
                .iter()
                .filter_map(|baris| baris.get(c as usize)?.clone())
            {
                if jalur.last() != Some(&t) {
                    jalur.push(t);
                }
            }
            let a = arti(&jalur).or_else(|| {
                jalur
                    .first()
                    .and_then(|t| identitas(&kecil(t)))
                    .map(Arti::Identitas)
            });
            let Some(a) = a else { continue };
            if kolom.iter().any(|k| k.1 == a) {
                continue;
            }
            if label_target.is_empty() && matches!(a, Arti::Nilai(Kelompok::Target, _)) {
                label_target = jalur.first().cloned().unwrap_or_default();
            }
            kolom.push((c, a));
        }
        let ada = |f: &dyn Fn(&Arti) -> bool| kolom.iter().any(|(_, a)| f(a));
        let lengkap = ada(&|a| matches!(a, Arti::Nilai(Kelompok::Triwulan(_), _)))
            && ada(&|a| matches!(a, Arti::Nilai(Kelompok::Target, _)));
        if !lengkap {
            continue;
        }
        let r_nomor = grid
            .baris
            .iter()
            .find(|x| x.r == akhir.saturating_add(1))
            .filter(|x| baris_nomor_kolom(&x.sel))
            .map(|x| x.r);
        return Some(Kepala {
            r_awal: b.r,
            r_akhir: akhir,
            r_nomor,
            kolom,
            label_target,
        });
    }
    None
}

/// What reading a sheet as a Renja form gave.
pub enum Hasil {
    Lembar(FormRenja, Vec<Temuan>),
    /// The header and no data: a blank form.
    Kosong {
        baris_kepala: u32,
    },
}

/// The first year 2000–2100 a text names.
fn tahun_dalam(t: &str) -> Option<i32> {
    t.split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() == 4)
        .filter_map(|s| s.parse::<i32>().ok())
        .find(|y| (2000..=2100).contains(y))
}

/// `14 = 10+11+12+13` → (14, [10, 11, 12, 13] summed); `15 = 14/9 x 100%` → (15, 14 over 9).
fn urai_rumus(teks: &str) -> Option<(u32, RumusNomor)> {
    let t: String = teks
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '%'))
        .map(|c| if matches!(c, '×' | '*') { 'x' } else { c })
        .collect();
    let (kiri, kanan) = t.split_once('=')?;
    let hasil = kiri.parse().ok()?;
    let kanan = kanan.strip_suffix("x100").unwrap_or(kanan);
    if let Some((a, b)) = kanan.split_once(['/', ':']) {
        return Some((hasil, RumusNomor::Rasio(a.parse().ok()?, b.parse().ok()?)));
    }
    let suku: Vec<u32> = kanan
        .split('+')
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    (suku.len() >= 2).then_some((hasil, RumusNomor::Jumlah(suku)))
}

enum RumusNomor {
    Jumlah(Vec<u32>),
    Rasio(u32, u32),
}

struct Pembaca<'a> {
    grid: &'a Grid,
    asal: Asal,
    temuan: Vec<Temuan>,
}

impl Pembaca<'_> {
    fn catat(&mut self, tingkat: TingkatTemuan, sel: Alamat, kode: &'static str, pesan: String) {
        self.temuan
            .push(Temuan::baru(tingkat, kode, self.asal.sumber(sel), pesan));
    }

    fn teks(&self, r: u32, c: Option<u32>) -> Option<Teks> {
        let c = c?;
        let isi = teks_sel(self.grid.sel(r, c))?;
        Some(Teks {
            isi,
            sel: Alamat { r, c },
        })
    }

    /// A number cell: its cached value; a formula without one, an Excel error or a word is
    /// a galat at its cell and no value.
    fn nilai(&mut self, r: u32, c: u32, k: Kelompok, sisi: Sisi) -> Option<SelKetik> {
        let sel = Alamat { r, c };
        let isi = self.grid.sel(r, c);
        match isi {
            Isi::Kosong => None,
            Isi::Teks(t) if t.trim().is_empty() => None,
            Isi::RumusTanpaHasil => {
                self.catat(
                    TingkatTemuan::Galat,
                    sel,
                    "RUMUS_TANPA_HASIL",
                    format!(
                        "{} {}: rumus tanpa hasil tersimpan; buka dan simpan ulang berkasnya di Excel atau LibreOffice",
                        k.nama(),
                        sisi.nama()
                    ),
                );
                None
            }
            Isi::GalatExcel(g) | Isi::Lain(g) => {
                self.catat(
                    TingkatTemuan::Galat,
                    sel,
                    "ANGKA_TIDAK_TERBACA",
                    format!("{} {}: sel berisi {g}, bukan angka", k.nama(), sisi.nama()),
                );
                None
            }
            _ => {
                let teks = teks_sel(isi).unwrap_or_default();
                match nilai(isi, sisi == Sisi::Rp && !k.persen()) {
                    Some(n) => Some(SelKetik {
                        teks,
                        nilai: Some(n),
                        sel,
                    }),
                    None => {
                        self.catat(
                            TingkatTemuan::Galat,
                            sel,
                            "ANGKA_TIDAK_TERBACA",
                            format!(
                                "{} {}: '{teks}' bukan angka; tulis angkanya, atau n/a bila tidak diukur",
                                k.nama(),
                                sisi.nama()
                            ),
                        );
                        None
                    }
                }
            }
        }
    }
}

/// `Perangkat Daerah : Kecamatan Bontang Barat` → the unit's name.
fn baris_unit(t: &str) -> Option<String> {
    let (kiri, kanan) = t.split_once(':')?;
    let kiri = kecil(kiri);
    let unit = [
        "perangkat daerah",
        "unit organisasi",
        "sub unit",
        "sub unit organisasi",
        "skpd",
        "opd",
        "unit kerja",
    ]
    .contains(&kiri.as_str());
    let nama = rapikan(kanan);
    (unit && !nama.is_empty()).then_some(nama)
}

fn baris_jumlah(t: &str) -> bool {
    let l = kecil(t);
    l == "jumlah" || l == "total" || l.starts_with("jumlah ") || l.starts_with("total ")
}

/// The stated formulas of the column-number row, in group terms.
fn rumus_kolom(p: &mut Pembaca, kepala: &Kepala) -> Vec<RumusTertulis> {
    let Some(r) = kepala.r_nomor else {
        return Vec::new();
    };
    let lebar = p.grid.lebar();
    // Each number's group: a pair's number is written once over its K and Rp columns.
    let mut nomor_kelompok: Vec<(u32, Kelompok)> = Vec::new();
    let mut tertulis: Vec<(Teks, u32, RumusNomor)> = Vec::new();
    let mut terakhir: Option<u32> = None;
    for c in 0..lebar {
        let arti = kepala.kolom.iter().find(|k| k.0 == c).map(|k| k.1);
        let teks = p.teks(r, Some(c));
        let nomor = match &teks {
            Some(t) => {
                let angka: String = t
                    .isi
                    .trim_start_matches('(')
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                angka.parse::<u32>().ok()
            }
            None => terakhir,
        };
        terakhir = nomor;
        if let (Some(n), Some(Arti::Nilai(k, _))) = (nomor, arti)
            && !nomor_kelompok.iter().any(|x| x.0 == n)
        {
            nomor_kelompok.push((n, k));
        }
        if let Some(t) = teks
            && t.isi.contains('=')
        {
            match urai_rumus(&t.isi) {
                Some((n, rumus)) => tertulis.push((t, n, rumus)),
                None => p.catat(
                    TingkatTemuan::Info,
                    t.sel,
                    "RENJA_RUMUS_KOLOM",
                    format!(
                        "rumus kolom '{}' tidak dibaca (hanya penjumlahan a+b+… dan pembagian a/b x 100); kolom ini diperiksa menurut rumus Permendagri 86/2017",
                        t.isi
                    ),
                ),
            }
        }
    }
    let kelompok_dari = |n: u32| nomor_kelompok.iter().find(|x| x.0 == n).map(|x| x.1);
    let mut hasil = Vec::new();
    for (teks, n, rumus) in tertulis {
        let rumus =
            match (kelompok_dari(n), rumus) {
                (Some(hasil), RumusNomor::Jumlah(suku)) => suku
                    .iter()
                    .map(|&s| kelompok_dari(s))
                    .collect::<Option<Vec<_>>>()
                    .map(|suku| Rumus::Jumlah { hasil, suku }),
                (Some(hasil), RumusNomor::Rasio(a, b)) => kelompok_dari(a)
                    .zip(kelompok_dari(b))
                    .map(|(pembilang, penyebut)| Rumus::Rasio {
                        hasil,
                        pembilang,
                        penyebut,
                    }),
                (None, _) => None,
            };
        match rumus {
            Some(rumus) => hasil.push(RumusTertulis { rumus, teks }),
            None => p.catat(
                TingkatTemuan::Info,
                teks.sel,
                "RENJA_RUMUS_KOLOM",
                format!(
                    "rumus kolom '{}' menyebut nomor kolom yang tidak ada di atas kolom angka; kolom ini diperiksa menurut rumus Permendagri 86/2017",
                    teks.isi
                ),
            ),
        }
    }
    hasil
}

/// Reads a sheet under the header [`cari_kepala`] found. Reading stops after the total row:
/// the signature block under it is no data.
pub fn kenali(grid: &Grid, kepala: Kepala) -> Hasil {
    let mut p = Pembaca {
        grid,
        asal: Asal {
            berkas: grid.berkas.clone(),
            lembar: grid.lembar.clone(),
        },
        temuan: Vec::new(),
    };
    let rumus = rumus_kolom(&mut p, &kepala);
    let judul: Vec<Teks> = grid
        .baris
        .iter()
        .take_while(|b| b.r < kepala.r_awal)
        .flat_map(|b| (0..b.sel.len() as u32).filter_map(|c| p.teks(b.r, Some(c))))
        .collect();
    let tahun = tahun_dalam(&kepala.label_target).or_else(|| {
        judul
            .iter()
            .filter(|t| {
                let l = t.isi.to_lowercase();
                l.contains("tahun") || l.contains("periode")
            })
            .find_map(|t| tahun_dalam(&t.isi))
    });
    let mut unit: Option<Teks> = judul
        .iter()
        .find_map(|t| baris_unit(&t.isi).map(|isi| Teks { isi, sel: t.sel }));
    let kol = |id| kepala.kolom(id);
    let nilai_kolom: Vec<(u32, Kelompok, Sisi)> = kepala
        .kolom
        .iter()
        .filter_map(|&(c, a)| match a {
            Arti::Nilai(k, s) => Some((c, k, s)),
            Arti::Identitas(_) => None,
        })
        .collect();
    let label_indikator = p
        .teks(kepala.r_awal, kol(Identitas::Indikator))
        .map(|t| t.isi);
    let awal = kepala.r_nomor.unwrap_or(kepala.r_akhir);
    let mut baris: Vec<BarisRenja> = Vec::new();
    for b in grid.baris.iter().filter(|b| b.r > awal) {
        let r = b.r;
        if baris_nomor_kolom(&b.sel) {
            continue;
        }
        let indikator = p.teks(r, kol(Identitas::Indikator));
        // A header repeated on a new page.
        if indikator.is_some() && indikator.as_ref().map(|t| &t.isi) == label_indikator.as_ref() {
            continue;
        }
        let nomor = p.teks(r, kol(Identitas::Nomor));
        let sasaran = p.teks(r, kol(Identitas::Sasaran));
        let mut kode = p.teks(r, kol(Identitas::Kode));
        let mut uraian = p.teks(r, kol(Identitas::Uraian));
        let nama_baris: Vec<Teks> = [&nomor, &sasaran, &kode, &uraian]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        if let Some(u) = nama_baris
            .iter()
            .find_map(|t| baris_unit(&t.isi).map(|isi| Teks { isi, sel: t.sel }))
        {
            unit = Some(u);
            continue;
        }
        if kode.is_none()
            && let Some(u) = &uraian
            && let Some((k, sisa)) = Kode::pisah_dari_uraian(&u.isi)
        {
            kode = Some(Teks {
                isi: k.teks,
                sel: u.sel,
            });
            uraian = Some(Teks {
                isi: sisa.to_string(),
                sel: u.sel,
            });
        }
        let jumlah = nama_baris.iter().any(|t| baris_jumlah(&t.isi));
        let mut nilai = Vec::new();
        for &(c, k, s) in &nilai_kolom {
            if let Some(sel) = p.nilai(r, c, k, s) {
                nilai.push(NilaiRenja {
                    kelompok: k,
                    sisi: s,
                    sel,
                });
            }
        }
        let jenis = if jumlah {
            JenisBaris::Jumlah
        } else if kode.is_some() || uraian.is_some() {
            let tingkat = kode
                .as_ref()
                .and_then(|k| Kode::baca(&k.isi))
                .map(|k| k.tingkat)
                .or_else(|| {
                    uraian
                        .as_ref()
                        .filter(|u| u.isi.to_lowercase().starts_with("program"))
                        .map(|_| Tingkat::Program)
                });
            if matches!(tingkat, Some(Tingkat::Organisasi | Tingkat::SubUnit)) {
                unit = uraian.clone();
            }
            JenisBaris::Simpul(tingkat)
        } else if sasaran.is_some() {
            JenisBaris::Sasaran
        } else if indikator.is_some() || !nilai.is_empty() {
            JenisBaris::Lanjutan
        } else {
            continue;
        };
        baris.push(BarisRenja {
            r,
            jenis,
            nomor,
            sasaran,
            kode,
            uraian,
            indikator,
            permendagri: p.teks(r, kol(Identitas::IndikatorPermendagri)),
            satuan: p.teks(r, kol(Identitas::Satuan)),
            penanggung_jawab: p.teks(r, kol(Identitas::PenanggungJawab)),
            unit: unit.clone(),
            nilai,
        });
        if jumlah {
            break;
        }
    }
    if !baris.iter().any(|b| !b.nilai.is_empty()) {
        return Hasil::Kosong {
            baris_kepala: awal.saturating_add(1),
        };
    }
    let mut kolom: Vec<(Kelompok, Sisi)> = nilai_kolom.iter().map(|&(_, k, s)| (k, s)).collect();
    kolom.sort();
    Hasil::Lembar(
        FormRenja {
            asal: p.asal.clone(),
            tahun,
            kolom,
            rumus,
            baris,
        },
        p.temuan,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kolom_dikenali_dari_jalur_judulnya() {
        let j = |t: &[&str]| arti(&t.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            j(&["Realisasi Kinerja Pada Triwulan", "II", "Rp."]),
            Some(Arti::Nilai(Kelompok::Triwulan(2), Sisi::Rp))
        );
        assert_eq!(
            j(&[
                "Target Kinerja dan Anggaran Renja OPD Tahun berjalan yang dievaluasi (2021)",
                "K"
            ]),
            Some(Arti::Nilai(Kelompok::Target, Sisi::K))
        );
        assert_eq!(
            j(&[
                "Target Renstra OPD pada Tahun 2018 s/d 2023 (akhir periode Renstra OPD)",
                "Rp"
            ]),
            Some(Arti::Nilai(Kelompok::TargetRenstra, Sisi::Rp))
        );
        assert_eq!(
            j(&[
                "Realisasi Capaian Kinerja Renstra OPD s/d Renja OPD Tahun lalu (2020)",
                "K"
            ]),
            Some(Arti::Nilai(Kelompok::RealisasiLalu, Sisi::K))
        );
        assert_eq!(
            j(&[
                "Realisasi kinerja dan Anggaran Renstra OPD s/d tahun 2020",
                "Rp"
            ]),
            Some(Arti::Nilai(Kelompok::RealisasiRenstra, Sisi::Rp))
        );
        assert_eq!(
            j(&[
                "Realisasi Capaian Kinerja dan Anggaran Renja OPD yang Dievaluasi",
                "Rp"
            ]),
            Some(Arti::Nilai(Kelompok::Realisasi, Sisi::Rp))
        );
        assert_eq!(
            j(&[
                "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang dievaluasi (%)",
                "K"
            ]),
            Some(Arti::Nilai(Kelompok::Capaian, Sisi::K))
        );
        assert_eq!(
            j(&["Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d tahun 2020 (%)"]),
            Some(Arti::Nilai(Kelompok::CapaianRenstra, Sisi::K))
        );
        // A % beside a triwulan's K and Rp is not read.
        assert_eq!(j(&["Realisasi Kinerja Pada Triwulan", "I", "%"]), None);
        assert_eq!(
            identitas(&kecil(
                "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"
            )),
            Some(Identitas::Uraian)
        );
        assert_eq!(
            identitas(&kecil(
                "Indikator Kinerja Program (outcome)/ Kegiatan (output)"
            )),
            Some(Identitas::Indikator)
        );
        assert_eq!(identitas(&kecil("Sasaran RPJMD")), None);
    }

    #[test]
    fn rumus_baris_nomor_kolom() {
        let jumlah = |t| match urai_rumus(t) {
            Some((n, RumusNomor::Jumlah(s))) => Some((n, s)),
            _ => None,
        };
        let rasio = |t| match urai_rumus(t) {
            Some((n, RumusNomor::Rasio(a, b))) => Some((n, a, b)),
            _ => None,
        };
        assert_eq!(jumlah("14 = 10+11+12+13"), Some((14, vec![10, 11, 12, 13])));
        assert_eq!(jumlah("12 = 8+9+10+11"), Some((12, vec![8, 9, 10, 11])));
        assert_eq!(jumlah("16 = 8 + 14"), Some((16, vec![8, 14])));
        assert_eq!(rasio("15 = 14/9 x 100%"), Some((15, 14, 9)));
        assert_eq!(rasio("14=13/5 x100%"), Some((14, 13, 5)));
        assert_eq!(rasio("(14) = (13)/(8) × 100"), Some((14, 13, 8)));
        assert!(urai_rumus("6 = 3 - 4").is_none());
        assert!(urai_rumus("7").is_none());
    }

    #[test]
    fn tahun_dan_unit_dari_judul() {
        assert_eq!(
            tahun_dalam("Target Kinerja dan Anggaran Renja Tahun Berjalan (2022) yang Dievaluasi"),
            Some(2022)
        );
        assert_eq!(
            baris_unit("Perangkat Daerah : Kecamatan Bontang Barat").as_deref(),
            Some("Kecamatan Bontang Barat")
        );
        assert_eq!(baris_unit("Sasaran : Meningkatnya kualitas"), None);
        assert!(baris_jumlah("JUMLAH"));
        assert!(baris_jumlah("Total Belanja"));
        assert!(!baris_jumlah("Jumlahnya"));
    }
}
