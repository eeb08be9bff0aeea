//! Realisasi: a sheet of pagu and realisasi per program / kegiatan / sub kegiatan, as an LRA
//! export, a SIPD "Rekapitulasi Belanja" or a hand-made Tabel 16/19, into a [`Dokumen`].

use super::kepala::{self, Kepala, Kolom, Peran, Periode};
use super::nomenklatur;
use crate::angka::{self, Angka, JenisAngka};
use crate::compute;
use crate::kode::{Kode, Tingkat};
use crate::model::{Alamat, alamat, huruf_kolom};
use crate::model::{BarisAnggaran, Dokumen, Kelompok, Nilai, Sumber};
use crate::sheet::{Baris, Gabungan, Grid, Isi};
use crate::temuan::{self, Temuan};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A value that makes the sheet unreadable: the user must fix the cell.
#[derive(Debug, thiserror::Error)]
pub enum GalatKenali {
    #[error(
        "{lokasi}: '{teks}' di kolom '{kolom}' bukan angka ({alasan}). Tulis angkanya (mis. 1.234.567,89 atau 0) lalu ulangi."
    )]
    BukanAngka {
        lokasi: Sumber,
        teks: String,
        kolom: String,
        alasan: angka::Alasan,
    },
    /// A number that cannot be held (see [`angka::BATAS`]): a table computed from it would
    /// be wrong, so the sheet is not used.
    #[error(
        "{lokasi}: angka '{teks}' di kolom '{kolom}' tidak dapat dihitung: {alasan}. Periksa sel itu (salah ketik, atau nilai rusak dari ekspor lain), perbaiki lalu ulangi."
    )]
    AngkaLuap {
        lokasi: Sumber,
        teks: String,
        kolom: String,
        alasan: angka::Alasan,
    },
    /// A date where an amount belongs: calamine gives its serial number, which is no amount.
    #[error(
        "{lokasi}: '{teks}' di kolom '{kolom}' adalah tanggal, bukan angka. Ubah format sel itu menjadi angka dan tulis jumlahnya, lalu ulangi."
    )]
    Tanggal {
        lokasi: Sumber,
        /// The date as Excel shows it (`5-1-2022`), else as the cell holds it.
        teks: String,
        kolom: String,
    },
    #[error(
        "{lokasi}: sel di kolom '{kolom}' berisi galat Excel {galat}. Perbaiki rumusnya lalu simpan ulang."
    )]
    GalatExcel {
        lokasi: Sumber,
        galat: String,
        kolom: String,
    },
    #[error(
        "{lokasi}: uraian memuat {panjang} karakter, lebih dari {} yang dapat dimuat satu sel Excel. Perpendek teks itu lalu ulangi.",
        crate::sheet::TEKS_SEL_MAKS
    )]
    TeksTerlaluPanjang { lokasi: Sumber, panjang: usize },
    #[error(
        "{lokasi}: angka di kolom '{kolom}' ditulis dalam ribuan/jutaan; dikali {skala} nilainya melebihi 1.000.000.000.000.000.000 (10^18), batas angka yang dijumlahkan lkjip dengan tepat. Periksa angkanya lalu ulangi."
    )]
    SkalaLuap {
        lokasi: Sumber,
        kolom: String,
        skala: u32,
    },
}

/// What reading a sheet gave: a document, a table with no rows yet (a blank form), or why
/// the sheet is not a realisasi table.
pub enum Hasil {
    Dokumen(Box<Dokumen>, Vec<Temuan>),
    /// The header was found (its last row, 0-based) but no data row under it.
    Kosong {
        baris_kepala: u32,
    },
    BukanTabel(String),
}

/// Reads a sheet. `Ok(BukanTabel)` when it has no realisasi header (the reason says which
/// headers were looked for), `Err` when a cell of a recognised table cannot be read.
pub fn kenali(grid: &Grid) -> Result<Hasil, GalatKenali> {
    kenali_alir(
        &mut grid.baris.iter().cloned(),
        &grid.berkas,
        &grid.lembar,
        grid.gabungan.clone(),
    )
}

/// [`kenali`] over rows as they are read: the first rows (where a header may be) are kept
/// to find the header, every row after it is read as it arrives and then dropped.
pub fn kenali_alir(
    baris: &mut dyn Iterator<Item = Baris>,
    berkas: &str,
    lembar: &str,
    gabungan: Vec<Gabungan>,
) -> Result<Hasil, GalatKenali> {
    let mut awal = Grid {
        berkas: berkas.to_string(),
        lembar: lembar.to_string(),
        baris: Vec::new(),
        gabungan,
    };
    let mut berikut = None;
    for b in &mut *baris {
        if b.r > kepala::BARIS_KEPALA_MAKS + 3 {
            berikut = Some(b);
            break;
        }
        awal.baris.push(b);
    }
    let Some(kepala) = kepala::cari(&awal) else {
        return Ok(Hasil::BukanTabel(format!(
            "tidak ada baris judul kolom yang dikenali (dicari: {})",
            kepala::DICARI
        )));
    };
    let mulai = kepala.baris_nomor.unwrap_or(kepala.akhir) + 1;
    let mut pembaca = Pembaca::new(&awal, &kepala);
    let mut lanjut = true;
    for b in awal.baris.iter().filter(|b| b.r >= mulai) {
        lanjut = pembaca.masuk(b)?;
        if !lanjut {
            break;
        }
    }
    if lanjut {
        for b in berikut.into_iter().chain(baris) {
            if !pembaca.masuk(&b)? {
                break;
            }
        }
    }
    Ok(pembaca.selesai())
}

struct Pembaca<'a> {
    grid: &'a Grid,
    kepala: &'a Kepala,
    kolom_kode: Vec<&'a Kolom>,
    kolom_uraian: Option<&'a Kolom>,
    baris: Vec<BarisAnggaran>,
    jumlah: Option<BarisAnggaran>,
    temuan: Vec<Temuan>,
    /// Formula cells without a stored result, per column: reported once per column.
    rumus_kosong: BTreeMap<u32, Vec<String>>,
    /// Excel errors in percentage columns (`#DIV/0!` where pagu is 0), per column.
    galat_persen: BTreeMap<u32, Vec<String>>,
}

fn satu(kepala: &Kepala, peran: Peran) -> Option<&Kolom> {
    kepala
        .kolom
        .iter()
        .find(|k| k.peran == peran && k.kelompok.is_none())
}

/// An amount written in thousands (`Rp (000)`) as rupiah: the value scaled, and its stated
/// precision with it (`1.234,5` thousand is 1.234.500 stated to the rupiah).
/// `None` when the scaled amount is beyond what lkjip sums exactly ([`angka::BATAS`]).
fn berskala(mut n: Nilai, skala: u32) -> Option<Nilai> {
    if skala > 1 {
        n.angka.nilai = n.angka.nilai.checked_mul(Decimal::from(skala))?;
        n.angka.desimal = n.angka.desimal.saturating_sub(skala.ilog10());
        if n.angka.nilai.abs() > angka::BATAS {
            return None;
        }
    }
    Some(n)
}

fn baris_jumlah(uraian: &str) -> bool {
    let l = uraian.to_lowercase();
    let kata = l.split([' ', ':']).next().unwrap_or("");
    matches!(kata, "jumlah" | "total") && !l.contains("program")
}

impl<'a> Pembaca<'a> {
    fn new(grid: &'a Grid, kepala: &'a Kepala) -> Self {
        Pembaca {
            grid,
            kepala,
            kolom_kode: kepala
                .kolom
                .iter()
                .filter(|k| k.peran == Peran::Kode)
                .collect(),
            kolom_uraian: satu(kepala, Peran::Uraian),
            baris: Vec::new(),
            jumlah: None,
            temuan: kepala
                .catatan
                .iter()
                .map(|c| {
                    Temuan::baru(
                        temuan::Tingkat::Info,
                        c.kode,
                        Sumber {
                            berkas: grid.berkas.clone(),
                            lembar: grid.lembar.clone(),
                            sel: alamat(kepala.akhir, c.c),
                        },
                        c.pesan.clone(),
                    )
                })
                .collect(),
            rumus_kosong: BTreeMap::new(),
            galat_persen: BTreeMap::new(),
        }
    }

    fn sumber(&self, sel: String) -> Sumber {
        Sumber {
            berkas: self.grid.berkas.clone(),
            lembar: self.grid.lembar.clone(),
            sel,
        }
    }

    fn teks(sel: &[Isi], c: u32) -> String {
        match sel.get(c as usize).unwrap_or(&Isi::Kosong) {
            Isi::Teks(t) => t.clone(),
            Isi::Angka(f) => f.to_string(),
            _ => String::new(),
        }
    }

    /// A repeated header (a page break copied from a PDF): a row whose words are header
    /// words, or a column-number row.
    fn kepala_berulang(&self, sel: &[Isi]) -> bool {
        // A row with a number in it is data; most rows end here.
        if sel.iter().any(|i| matches!(i, Isi::Angka(_))) {
            return kepala::baris_nomor_kolom(sel);
        }
        if kepala::baris_nomor_kolom(sel) {
            return true;
        }
        let teks: Vec<String> = sel
            .iter()
            .filter_map(|i| i.teks())
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect();
        !teks.is_empty()
            && teks
                .iter()
                .all(|t| self.kepala.teks.binary_search(t).is_ok())
    }

    /// Reads one row below the header; `false` once the table has ended.
    fn masuk(&mut self, b: &Baris) -> Result<bool, GalatKenali> {
        if self.kepala_berulang(&b.sel) {
            return Ok(true);
        }
        if let Some(baris) = self.baca_baris(b.r, &b.sel)? {
            if baris.kode.is_none() && baris_jumlah(&baris.uraian) {
                self.jumlah = Some(baris);
                // What follows the total (signatures, notes) is not part of the table.
                return Ok(false);
            }
            self.baris.push(baris);
        }
        Ok(true)
    }

    fn baca_baris(&mut self, r: u32, sel: &[Isi]) -> Result<Option<BarisAnggaran>, GalatKenali> {
        // The row's own code is the rightmost code cell; codes to its left place it.
        let mut kode = None;
        let mut kode_bidang = None;
        let mut kode_organisasi = None;
        let mut teks_kode_lain = String::new();
        for k in &self.kolom_kode {
            let t = Self::teks(sel, k.c);
            if t.is_empty() {
                continue;
            }
            match Kode::baca(&t) {
                Some(baru) => {
                    if let Some(lama) = kode.replace(baru) {
                        match lama.tingkat {
                            Tingkat::Urusan | Tingkat::Bidang => kode_bidang = Some(lama),
                            Tingkat::Organisasi | Tingkat::SubUnit => kode_organisasi = Some(lama),
                            _ => {}
                        }
                    }
                }
                None => teks_kode_lain = t,
            }
        }
        let mut uraian = self
            .kolom_uraian
            .map(|k| Self::teks(sel, k.c))
            .unwrap_or_default();
        if uraian.is_empty() && kode.is_none() && !teks_kode_lain.is_empty() {
            // `JUMLAH` written in the code column, merged across.
            uraian = std::mem::take(&mut teks_kode_lain);
        }
        // The name goes into the tables' cells: say here, at its own cell, if no cell can hold it.
        if uraian.len() > crate::sheet::TEKS_SEL_MAKS
            && let panjang = uraian.chars().count()
            && panjang > crate::sheet::TEKS_SEL_MAKS
        {
            let c = self.kolom_uraian.map_or(0, |k| k.c);
            return Err(GalatKenali::TeksTerlaluPanjang {
                lokasi: self.sumber(alamat(r, c)),
                panjang,
            });
        }
        if kode.is_none()
            && let Some((k, nama)) = Kode::pisah_dari_uraian(&uraian)
        {
            kode = Some(k);
            uraian = nama.to_string();
        }
        if !teks_kode_lain.is_empty() && teks_kode_lain.parse::<u32>().is_err() {
            self.temuan.push(Temuan::baru(
                temuan::Tingkat::Peringatan,
                "KODE_TIDAK_DIKENAL",
                self.sumber(alamat(r, self.kolom_kode.last().map_or(0, |k| k.c))),
                format!("'{teks_kode_lain}' bukan kode program/kegiatan/sub kegiatan/rekening; baris dibaca tanpa kode"),
            ));
        }
        let mut baris = BarisAnggaran {
            r,
            tingkat: kode.as_ref().map_or(Tingkat::SubKegiatan, |k| k.tingkat),
            kode,
            uraian,
            kode_bidang,
            kode_organisasi,
            pagu: None,
            realisasi: None,
            persen: None,
            sisa: None,
            fisik: None,
            efisiensi: None,
            kelompok: Vec::new(),
            bulanan: None,
        };
        for kolom in &self.kepala.kolom {
            let nilai =
                match kolom.peran {
                    Peran::Kode | Peran::Uraian | Peran::Nomor => continue,
                    _ => match self.nilai(r, sel, kolom)? {
                        Some(n) => Some(berskala(n, kolom.skala).ok_or_else(|| {
                            GalatKenali::SkalaLuap {
                                lokasi: self.sumber(alamat(r, kolom.c)),
                                kolom: kolom.label.clone(),
                                skala: kolom.skala,
                            }
                        })?),
                        None => None,
                    },
                };
            if kolom.peran == Peran::Bobot || kolom.periode.is_some() {
                let Some(nilai) = nilai else { continue };
                let bulanan = baris.bulanan.get_or_insert_with(Box::default);
                match (kolom.peran, kolom.periode) {
                    (Peran::Bobot, _) => bulanan.bobot = Some(nilai),
                    (Peran::Realisasi, Some(Periode::Lalu)) => bulanan.realisasi_lalu = Some(nilai),
                    (Peran::Realisasi, Some(Periode::Ini)) => bulanan.realisasi_ini = Some(nilai),
                    // % and fisik of one month follow from the cumulative ones the row keeps.
                    _ => {}
                }
                continue;
            }
            match &kolom.kelompok {
                Some(nama) => {
                    let i = match baris.kelompok.iter().position(|k| &k.nama == nama) {
                        Some(i) => i,
                        None => {
                            baris.kelompok.push(Kelompok {
                                nama: nama.clone(),
                                pagu: None,
                                realisasi: None,
                            });
                            baris.kelompok.len() - 1
                        }
                    };
                    match kolom.peran {
                        Peran::Pagu => baris.kelompok[i].pagu = nilai,
                        Peran::Realisasi => baris.kelompok[i].realisasi = nilai,
                        _ => {}
                    }
                }
                None => {
                    let tempat = match kolom.peran {
                        Peran::Pagu => &mut baris.pagu,
                        Peran::Realisasi => &mut baris.realisasi,
                        Peran::Persen => &mut baris.persen,
                        Peran::Sisa => &mut baris.sisa,
                        Peran::Fisik => &mut baris.fisik,
                        Peran::Efisiensi => &mut baris.efisiensi,
                        _ => continue,
                    };
                    if tempat.is_none() {
                        *tempat = nilai;
                    }
                }
            }
        }
        let ada_angka = baris.pagu.is_some()
            || baris.realisasi.is_some()
            || baris
                .kelompok
                .iter()
                .any(|k| k.pagu.is_some() || k.realisasi.is_some());
        if baris.uraian.is_empty() && baris.kode.is_none() && !ada_angka {
            return Ok(None);
        }
        Ok(Some(baris))
    }

    /// One amount cell. A number that cannot be held (`1e308`, `NaN`, text beyond 10^18)
    /// stops the sheet with its cell and the number as written, in every column: read as
    /// "not written" it would become a silent 0. Percentage text that is no number (`n/a`)
    /// is not stated; in a rupiah column it stops the sheet, and so does rupiah text with
    /// more than two decimals (`1.234.567,891`: rupiah has sen, no thousandths; see
    /// `angka::baca_teks`). A date (calamine gives its serial number, as `Isi::Lain`) is
    /// named a date.
    fn nilai(&mut self, r: u32, isi: &[Isi], kolom: &Kolom) -> Result<Option<Nilai>, GalatKenali> {
        let alamat_sel = Alamat { r, c: kolom.c };
        let sel = || alamat_sel.to_string();
        let jenis = kolom.peran.jenis_angka();
        let tak_terbaca = |e: angka::BukanAngka| {
            let (lokasi, kolom) = (self.sumber(sel()), kolom.label.clone());
            if e.luap() {
                GalatKenali::AngkaLuap {
                    lokasi,
                    teks: e.teks,
                    kolom,
                    alasan: e.alasan,
                }
            } else {
                GalatKenali::BukanAngka {
                    lokasi,
                    teks: e.teks,
                    kolom,
                    alasan: e.alasan,
                }
            }
        };
        let angka = match isi.get(kolom.c as usize).unwrap_or(&Isi::Kosong) {
            Isi::Kosong => None,
            Isi::Angka(f) => {
                let a = angka::dari_f64(*f).map_err(tak_terbaca)?;
                Some(match jenis {
                    // Money is rounded to the cent: `57456457922.650024` is float noise. In
                    // a column of thousands the cent is the fifth decimal.
                    JenisAngka::Rupiah => {
                        let sen = 2 + kolom.skala.ilog10();
                        Angka {
                            nilai: angka::bulat(a.nilai, sen),
                            desimal: a.desimal.min(sen),
                        }
                    }
                    JenisAngka::Persen => a,
                })
            }
            Isi::Teks(t) => match angka::baca_teks(t, jenis) {
                Ok(Some(a))
                    if jenis == JenisAngka::Rupiah && a.desimal > 2 + kolom.skala.ilog10() =>
                {
                    return Err(GalatKenali::BukanAngka {
                        lokasi: self.sumber(sel()),
                        teks: t.clone(),
                        kolom: kolom.label.clone(),
                        alasan: angka::Alasan::LebihDariSen,
                    });
                }
                Ok(a) => a,
                Err(e) if e.luap() || jenis == JenisAngka::Rupiah => return Err(tak_terbaca(e)),
                // `n/a` where a percentage cannot be computed: not stated.
                Err(_) => None,
            },
            Isi::RumusTanpaHasil => {
                self.rumus_kosong.entry(kolom.c).or_default().push(sel());
                None
            }
            Isi::GalatExcel(g) => {
                if jenis == JenisAngka::Persen {
                    self.galat_persen.entry(kolom.c).or_default().push(sel());
                    None
                } else {
                    return Err(GalatKenali::GalatExcel {
                        lokasi: self.sumber(sel()),
                        galat: g.clone(),
                        kolom: kolom.label.clone(),
                    });
                }
            }
            Isi::Lain(t) if matches!(t.as_str(), "true" | "false") => {
                return Err(GalatKenali::BukanAngka {
                    lokasi: self.sumber(sel()),
                    teks: t.clone(),
                    kolom: kolom.label.clone(),
                    alasan: angka::Alasan::BenarSalah,
                });
            }
            // `sheet` gives a date (or time) as its serial number or ISO text.
            Isi::Lain(t) => {
                return Err(GalatKenali::Tanggal {
                    lokasi: self.sumber(sel()),
                    teks: t
                        .parse::<f64>()
                        .ok()
                        .and_then(angka::tanggal_excel)
                        .unwrap_or_else(|| t.clone()),
                    kolom: kolom.label.clone(),
                });
            }
        };
        Ok(angka.map(|angka| Nilai {
            angka,
            sel: alamat_sel,
        }))
    }

    fn selesai(mut self) -> Hasil {
        // A blank form (`lkjip templat realisasi`) has its JUMLAH label and nothing else.
        let jumlah_kosong = self.jumlah.as_ref().is_none_or(|j| {
            j.pagu.is_none()
                && j.realisasi.is_none()
                && j.sisa.is_none()
                && j.kelompok
                    .iter()
                    .all(|k| k.pagu.is_none() && k.realisasi.is_none())
        });
        if self.baris.is_empty() && jumlah_kosong {
            return Hasil::Kosong {
                baris_kepala: self.kepala.akhir,
            };
        }
        for (c, sel) in std::mem::take(&mut self.rumus_kosong) {
            let label = self.label(c);
            self.temuan.push(Temuan::baru(
                temuan::Tingkat::Galat,
                "RUMUS_TANPA_HASIL",
                self.sumber(sel[0].clone()),
                format!(
                    "{} sel di kolom '{label}' ({}) berisi rumus tanpa hasil tersimpan, misalnya {}; nilainya tidak dibaca sebagai 0 melainkan dianggap tidak tertulis. Buka berkasnya di Excel dan simpan ulang agar hasil rumus tersimpan.",
                    sel.len(),
                    huruf_kolom(c),
                    sel[0]
                ),
            ));
        }
        for (c, sel) in std::mem::take(&mut self.galat_persen) {
            let label = self.label(c);
            self.temuan.push(Temuan::baru(
                temuan::Tingkat::Info,
                "PERSEN_GALAT_EXCEL",
                self.sumber(sel[0].clone()),
                format!(
                    "{} sel di kolom '{label}' berisi galat Excel (mis. #DIV/0! karena pagu 0); dihitung ulang",
                    sel.len()
                ),
            ));
        }
        let tanpa_kode = self.baris.iter().all(|b| b.kode.is_none());
        if tanpa_kode {
            tingkat_dari_susunan(&mut self.baris);
        }
        self.persen_pecahan();
        let tahun = cari_tahun(self.grid, self.kepala.awal);
        let nomor_tabel = cari_nomor_tabel(self.grid, self.kepala.awal);
        Hasil::Dokumen(
            Box::new(Dokumen {
                berkas: self.grid.berkas.clone(),
                lembar: self.grid.lembar.clone(),
                tahun,
                baris: self.baris,
                jumlah: self.jumlah,
                tanpa_kode,
                nomor_tabel,
            }),
            self.temuan,
        )
    }

    fn label(&self, c: u32) -> String {
        self.kepala
            .kolom
            .iter()
            .find(|k| k.c == c)
            .map(|k| k.label.clone())
            .unwrap_or_default()
    }

    /// SIPD exports write `%` as a fraction (`0.9059…`), staff sheets as a percentage
    /// (`90,59`). A column is read as fractions when more of its rows agree with their own
    /// realisasi/pagu that way than as percentages; it is then scaled, and the user told.
    /// A row whose % cannot be computed, or whose value × 100 cannot be held, is no evidence
    /// either way; a value that cannot be scaled stays as written, with a galat at its cell
    /// (values within `angka::BATAS` always can).
    fn persen_pecahan(&mut self) {
        type Ambil = fn(&mut BarisAnggaran) -> &mut Option<Nilai>;
        type Hitung = fn(Decimal, Decimal) -> Result<Option<Decimal>, angka::Luap>;
        let kolom: [(Ambil, Hitung); 2] = [
            (|b| &mut b.persen, compute::persen),
            (|b| &mut b.efisiensi, compute::efisiensi),
        ];
        for (ambil, hitung) in kolom {
            let (mut sebagai_persen, mut sebagai_pecahan) = (0usize, 0usize);
            let mut contoh = None;
            for b in &mut self.baris {
                // The stated value first: a sheet without the column costs no division.
                let Some((n, sel)) = ambil(b).as_ref().map(|n| (n.angka, n.sel)) else {
                    continue;
                };
                let (Ok(Some(p)), Ok(Some(r))) =
                    (compute::pagu_tertulis(b), compute::realisasi_tertulis(b))
                else {
                    continue;
                };
                let Ok(Some(benar)) = hitung(p, r) else {
                    continue;
                };
                if angka::sama_pada_presisi(n, benar) {
                    sebagai_persen += 1;
                } else if let Ok(nilai) = angka::kali(n.nilai, Decimal::ONE_HUNDRED) {
                    let kali_seratus = Angka {
                        nilai,
                        desimal: n.desimal.saturating_sub(2),
                    };
                    if angka::sama_pada_presisi(kali_seratus, benar) {
                        sebagai_pecahan += 1;
                        contoh.get_or_insert(sel);
                    }
                }
            }
            if sebagai_pecahan <= sebagai_persen {
                continue;
            }
            let mut tak_terskala = Vec::new();
            for b in self.baris.iter_mut().chain(self.jumlah.as_mut()) {
                if let Some(n) = ambil(b) {
                    match angka::kali(n.angka.nilai, Decimal::ONE_HUNDRED) {
                        Ok(nilai) => {
                            n.angka.nilai = nilai;
                            n.angka.desimal = n.angka.desimal.saturating_sub(2);
                        }
                        Err(_) => tak_terskala.push((n.sel, n.angka.nilai)),
                    }
                }
            }
            for (sel, nilai) in tak_terskala {
                self.temuan.push(Temuan::baru(
                    temuan::Tingkat::Galat,
                    "ANGKA_LUAP",
                    self.sumber(sel.to_string()),
                    format!(
                        "persentase tertulis {} tidak dapat dibaca sebagai pecahan: dikali 100, {}; nilainya dibiarkan seperti tertulis. Periksa sel itu",
                        angka::tulis_persen(nilai),
                        angka::Luap
                    ),
                ));
            }
            self.temuan.push(Temuan::baru(
                temuan::Tingkat::Info,
                "PERSEN_PECAHAN",
                self.sumber(contoh.map(|a| a.to_string()).unwrap_or_default()),
                format!(
                    "kolom persentase ditulis sebagai pecahan (0,9059 = 90,59%) pada {sebagai_pecahan} baris; dibaca dikali 100"
                ),
            ));
        }
    }
}

/// Levels for a table without codes (a hand-made Tabel 16): a row with a name and no amounts
/// is a unit header (the first the organisation, the others its sub units), `PROGRAM …` rows
/// are programs, the first row under a program is a kegiatan, and a kegiatan's sub kegiatan
/// follow it until their amounts add up to it; a name the nomenclature lists only as a
/// kegiatan starts a kegiatan too, so one wrong amount does not shift every level after it.
fn tingkat_dari_susunan(baris: &mut [BarisAnggaran]) {
    let mut ada_organisasi = false;
    let mut harap_kegiatan = false;
    let mut sisa: Option<(Decimal, Decimal)> = None;
    for b in baris.iter_mut() {
        let tanpa_angka = b.pagu.is_none() && b.realisasi.is_none();
        let pagu = b.pagu.as_ref().map_or(Decimal::ZERO, Nilai::nilai);
        let realisasi = b.realisasi.as_ref().map_or(Decimal::ZERO, Nilai::nilai);
        b.tingkat = if tanpa_angka {
            harap_kegiatan = false;
            if std::mem::replace(&mut ada_organisasi, true) {
                Tingkat::SubUnit
            } else {
                Tingkat::Organisasi
            }
        } else if b.uraian.to_lowercase().starts_with("program") {
            harap_kegiatan = true;
            Tingkat::Program
        } else if harap_kegiatan || nomenklatur::nama_kegiatan(&b.uraian) {
            harap_kegiatan = false;
            sisa = Some((pagu, realisasi));
            Tingkat::Kegiatan
        } else {
            if let Some((p, r)) = sisa.as_mut() {
                *p -= pagu;
                *r -= realisasi;
                if p.is_zero() && r.is_zero() {
                    harap_kegiatan = true;
                    sisa = None;
                }
            }
            Tingkat::SubKegiatan
        };
    }
}

/// The LKjIP table number a title row above the header names: `Tabel 16 Efisiensi …`.
fn cari_nomor_tabel(grid: &Grid, sampai: u32) -> Option<u32> {
    grid.baris
        .iter()
        .take_while(|b| b.r < sampai)
        .flat_map(|b| b.sel.iter().filter_map(Isi::teks))
        .find_map(|t| {
            let sisa = t.trim().to_lowercase();
            let sisa = sisa.strip_prefix("tabel")?;
            let angka: String = sisa
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            angka.parse().ok().filter(|n| (1..=99).contains(n))
        })
}

/// The budget year from the title rows: `TAHUN ANGGARAN 2024`, `Tahun 2022`.
fn cari_tahun(grid: &Grid, sampai: u32) -> Option<i32> {
    for b in grid.baris.iter().take_while(|b| b.r <= sampai) {
        for isi in &b.sel {
            if let Isi::Teks(t) = isi {
                let l = t.to_lowercase();
                if let Some(i) = l.find("tahun") {
                    let angka: String = l[i..]
                        .chars()
                        .skip_while(|c| !c.is_ascii_digit())
                        .take_while(char::is_ascii_digit)
                        .collect();
                    if let Ok(n) = angka.parse::<i32>()
                        && (2000..=2100).contains(&n)
                    {
                        return Some(n);
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(baris: &[(u32, &[&str])]) -> Grid {
        Grid {
            berkas: "uji.xlsx".into(),
            lembar: "LRA".into(),
            baris: baris
                .iter()
                .map(|(r, sel)| Baris {
                    r: *r,
                    sel: sel
                        .iter()
                        .map(|t| {
                            if t.is_empty() {
                                Isi::Kosong
                            } else {
                                Isi::Teks(t.to_string())
                            }
                        })
                        .collect(),
                })
                .collect(),
            gabungan: Vec::new(),
        }
    }

    fn dokumen(g: &Grid) -> (Dokumen, Vec<Temuan>) {
        match kenali(g).unwrap() {
            Hasil::Dokumen(d, t) => (*d, t),
            Hasil::BukanTabel(alasan) => panic!("{alasan}"),
            Hasil::Kosong { baris_kepala } => panic!("tanpa baris data di bawah {baris_kepala}"),
        }
    }

    #[test]
    fn kode_dan_nama_dalam_satu_sel_serta_baris_setelah_jumlah() {
        let g = grid(&[
            (0, &["REALISASI ANGGARAN TAHUN ANGGARAN 2023"]),
            (2, &["Uraian", "Anggaran", "Realisasi"]),
            (3, &["1", "2", "3"]),
            (
                4,
                &[
                    "7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN",
                    "1.000.000",
                    "900.000",
                ],
            ),
            (
                5,
                &[
                    "7.01.02.2.01 Koordinasi Penyelenggaraan Kegiatan",
                    "1.000.000",
                    "900.000",
                ],
            ),
            // A page break copied from a PDF: the header again, then the numbers row.
            (6, &["Uraian", "Anggaran", "Realisasi"]),
            (7, &["1", "2", "3"]),
            (
                8,
                &[
                    "7.01.02.2.01.0001 Peningkatan Efektifitas",
                    "1.000.000",
                    "900.000",
                ],
            ),
            (9, &["JUMLAH", "1.000.000", "900.000"]),
            (11, &["Bontang, 16 Januari 2023"]),
        ]);
        let (dok, temuan) = dokumen(&g);
        assert!(temuan.is_empty(), "{temuan:?}");
        assert_eq!(dok.tahun, Some(2023));
        let kode: Vec<&str> = dok
            .baris
            .iter()
            .map(|b| b.kode.as_ref().unwrap().teks.as_str())
            .collect();
        assert_eq!(kode, ["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001"]);
        assert_eq!(dok.baris[0].uraian, "PROGRAM PENYELENGGARAAN PEMERINTAHAN");
        assert_eq!(
            dok.baris[2].realisasi.as_ref().unwrap().sel.to_string(),
            "C9"
        );
        let jumlah = dok.jumlah.unwrap();
        assert_eq!(jumlah.pagu.unwrap().nilai(), Decimal::from(1_000_000));
    }

    /// `Rp (000)`: 1.234,567 thousand is 1.234.567 rupiah, stated to the rupiah; a value that
    /// scaled passes 10^18 (10^16 thousand × 1.000 = 10^19) cannot be summed exactly.
    #[test]
    fn ribuan_dikali_seribu_dan_dibatasi() {
        let n = |nilai: &str, desimal| Nilai {
            angka: Angka {
                nilai: nilai.parse().unwrap(),
                desimal,
            },
            sel: Alamat { r: 0, c: 2 },
        };
        let r = berskala(n("1234.567", 3), 1_000).unwrap();
        assert_eq!(r.angka.nilai, Decimal::from(1_234_567));
        assert_eq!(r.angka.desimal, 0);
        assert_eq!(
            berskala(n("2.5", 1), 1_000_000).unwrap().angka.nilai,
            Decimal::from(2_500_000)
        );
        assert!(berskala(n("10000000000000000", 0), 1_000).is_none());
        assert!(berskala(n("1000000000000000", 0), 1_000).is_some());
    }

    #[test]
    fn teks_bukan_angka_menghentikan_dengan_selnya() {
        let g = grid(&[
            (0, &["Kode", "Uraian", "Pagu", "Realisasi"]),
            (1, &["7.01.02", "PROGRAM", "1.000", "sembilan ratus"]),
        ]);
        match kenali(&g) {
            Err(GalatKenali::BukanAngka { lokasi, teks, .. }) => {
                assert_eq!(lokasi.sel, "D2");
                assert_eq!(teks, "sembilan ratus");
            }
            _ => panic!("harus galat"),
        }
    }

    #[test]
    fn uraian_melebihi_sel_excel_menghentikan_dengan_selnya() {
        let panjang = "a".repeat(32_768);
        let g = grid(&[
            (0, &["Kode", "Uraian", "Pagu", "Realisasi"]),
            (1, &["7.01.02", &panjang, "1.000", "900"]),
        ]);
        match kenali(&g) {
            Err(GalatKenali::TeksTerlaluPanjang { lokasi, panjang }) => {
                assert_eq!(lokasi.sel, "B2");
                assert_eq!(panjang, 32_768);
            }
            _ => panic!("harus galat"),
        }
        // One character less fits.
        let pas = "a".repeat(32_767);
        let g = grid(&[
            (0, &["Kode", "Uraian", "Pagu", "Realisasi"]),
            (1, &["7.01.02", &pas, "1.000", "900"]),
        ]);
        assert!(kenali(&g).is_ok());
    }

    #[test]
    fn persen_pecahan_dikenali_dari_barisnya() {
        // SIPD writes % as realisasi/pagu: 0.9 here, and 1.05 where realisasi exceeds pagu.
        let g = grid(&[
            (0, &["Kode", "Uraian", "Anggaran", "Realisasi", "%"]),
            (1, &["7.01.02", "PROGRAM A", "1.000", "900", "0.9"]),
            (2, &["7.01.03", "PROGRAM B", "2.000", "2.100", "1.05"]),
        ]);
        let (dok, temuan) = dokumen(&g);
        assert_eq!(temuan.len(), 1);
        assert_eq!(temuan[0].kode, "PERSEN_PECAHAN");
        assert_eq!(
            dok.baris[0].persen.as_ref().unwrap().nilai(),
            Decimal::from(90)
        );
        assert_eq!(
            dok.baris[1].persen.as_ref().unwrap().nilai(),
            Decimal::from(105)
        );
    }
}
