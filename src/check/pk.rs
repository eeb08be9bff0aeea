//! Checks of Perjanjian Kinerja: every anggaran sum a PK states, within it and across the
//! PK of the jabatan under it.
//!
//! Three kinds of sum: the program table's lines add up to its JUMLAH; a program row adds
//! up the kegiatan rows under it in the same table; and the lines of a lower jabatan's PK add
//! up to the line of the higher one they belong to (the PK whose pihak pertama is the lower
//! one's pihak kedua). A line belongs to a higher line of the same name, else to the one
//! above it in the nomenclature (the kasubag's sub kegiatan under the sekretaris's kegiatan).
//!
//! One wrong number, one finding at its cell: a cell whose every sum fails by the same
//! amount, and that explains more failing sums than any other cell of them, is the mistyped
//! one; the sums it breaks are not reported again. A sum that no single cell explains is
//! reported at its total. Sums that hold across PK are said (info), so the user sees what was
//! confirmed; lines that belong to no higher line are info, not galat.

use crate::angka::{self, tulis};
use crate::model::Alamat;
use crate::model::pk::Pk;
use crate::nama::normal;
use crate::temuan::{Temuan, Tingkat};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A stated amount: in which PK, which line (`None`: the JUMLAH row), which cell.
#[derive(Debug, Clone)]
struct Sel {
    pk: usize,
    baris: Option<usize>,
    sel: Alamat,
    nilai: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Jenis {
    /// The lines of a table against its JUMLAH.
    Jumlah,
    /// A line against the lines under it in its table.
    Rincian,
    /// A line against the lines of the lower PK that belong to it.
    Lintas { anak_pk: Vec<usize> },
}

#[derive(Debug, Clone)]
struct Persamaan {
    jenis: Jenis,
    total: usize,
    bagian: Vec<usize>,
}

/// A jabatan as written on both sides: abbreviations spelled out, `Pjs.`/`Plt.` dropped.
fn jabatan(teks: &str) -> String {
    let n = normal(teks);
    let mut kata: Vec<&str> = n.split(' ').collect();
    while kata
        .first()
        .is_some_and(|k| matches!(*k, "pjs" | "plt" | "plh" | "pj"))
    {
        kata.remove(0);
    }
    kata.iter()
        .map(|k| match *k {
            "kasubag" | "kasubbag" | "kasub" => "kepala sub bagian",
            "subbag" | "subag" => "sub bagian",
            "kasi" => "kepala seksi",
            "sekcam" => "sekretaris camat",
            "kabag" => "kepala bagian",
            "kabid" => "kepala bidang",
            lain => lain,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `b` is `a` with two neighbouring digits swapped (whole amounts only).
fn tukar_angka(a: Decimal, b: Decimal) -> bool {
    if !a.fract().is_zero() || !b.fract().is_zero() || a == b {
        return false;
    }
    let (x, y) = (a.trunc().to_string(), b.trunc().to_string());
    if x.len() != y.len() {
        return false;
    }
    let beda: Vec<usize> = x
        .bytes()
        .zip(y.bytes())
        .enumerate()
        .filter(|(_, (p, q))| p != q)
        .map(|(i, _)| i)
        .collect();
    matches!(beda.as_slice(), [i, j] if i.checked_add(1) == Some(*j) && x.as_bytes()[*i] == y.as_bytes()[*j] && x.as_bytes()[*j] == y.as_bytes()[*i])
}

/// Rupiah as PK write them: whole rupiah without decimals.
fn rp(n: Decimal) -> String {
    if n.fract().is_zero() {
        tulis(n, 0)
    } else {
        tulis(n, 2)
    }
}

fn potong(teks: &str) -> String {
    let mut t: String = teks.chars().take(80).collect();
    if t.len() < teks.len() {
        t.push('…');
    }
    t
}

/// The PK each PK is under: the one whose pihak pertama is its pihak kedua, of the same
/// year. Two PK of one jabatan and year (a PK and its Perubahan, or one file given twice)
/// would count the same lines twice: the Perubahan (else the first) is used, the other is
/// left out of the checks across PK, and that is said.
fn atasan(pk: &[Pk]) -> (Vec<Option<usize>>, Vec<Temuan>) {
    let pertama: Vec<Option<String>> = pk
        .iter()
        .map(|d| d.pihak_pertama.as_ref().map(|p| jabatan(&p.jabatan.isi)))
        .collect();
    let mut diganti: Vec<Option<usize>> = vec![None; pk.len()];
    let mut temuan = Vec::new();
    let mut per_jabatan: HashMap<(String, Option<i32>), usize> = HashMap::new();
    for (i, d) in pk.iter().enumerate() {
        let Some(j) = &pertama[i] else { continue };
        match per_jabatan.get(&(j.clone(), d.tahun)).copied() {
            None => {
                per_jabatan.insert((j.clone(), d.tahun), i);
            }
            Some(lain) => {
                let (pakai, tidak) = if d.perubahan && !pk[lain].perubahan {
                    (i, lain)
                } else {
                    (lain, i)
                };
                per_jabatan.insert((j.clone(), d.tahun), pakai);
                diganti[tidak] = Some(pakai);
            }
        }
    }
    for (i, g) in diganti.iter().enumerate() {
        let Some(g) = *g else { continue };
        temuan.push(Temuan::baru(
            Tingkat::Info,
            "PK_GANDA",
            pk[i].sumber(""),
            format!(
                "{} dan {} ({} › {}) untuk jabatan dan tahun yang sama; pemeriksaan antar-PK memakai yang kedua{}",
                pk[i].nama(),
                pk[g].nama(),
                pk[g].berkas,
                pk[g].lembar,
                if pk[g].perubahan && !pk[i].perubahan {
                    " (Perubahan PK menggantikan PK awal)"
                } else {
                    ""
                }
            ),
        ));
    }
    let atas = pk
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if diganti[i].is_some() {
                return None;
            }
            let kedua = jabatan(&b.pihak_kedua.as_ref()?.jabatan.isi);
            (0..pk.len()).find(|&j| {
                j != i
                    && diganti[j].is_none()
                    && pertama[j].as_ref() == Some(&kedua)
                    && (pk[j].tahun.is_none() || b.tahun.is_none() || pk[j].tahun == b.tahun)
            })
        })
        .collect();
    (atas, temuan)
}

/// The lines of a higher PK by name and by nomenclature code, to place a lower PK's lines.
struct Indeks {
    nama: HashMap<String, usize>,
    kode: HashMap<String, Vec<usize>>,
}

impl Indeks {
    fn new(a: &Pk) -> Indeks {
        let mut nama = HashMap::new();
        let mut kode: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, y) in a.program.iter().enumerate() {
            nama.entry(normal(&y.uraian.isi)).or_insert(j);
            for k in &y.kode {
                let v = kode.entry(k.clone()).or_default();
                if !v.contains(&j) {
                    v.push(j);
                }
            }
        }
        Indeks { nama, kode }
    }

    /// The line that line `x` of a lower PK belongs to: the same name, the same
    /// nomenclature code, else the nearest line above it in the nomenclature. `None` when
    /// none, or two equally near.
    fn pasangan(&self, x: &crate::model::pk::BarisProgram) -> Option<usize> {
        if let Some(&j) = self.nama.get(&normal(&x.uraian.isi)) {
            return Some(j);
        }
        // Walk up each of the line's codes, one part at a time; the nearest level that a
        // higher line has wins.
        let mut terbaik: Option<(usize, Vec<usize>)> = None;
        for k in &x.kode {
            let bagian: Vec<&str> = k.split('.').collect();
            for n in (1..=bagian.len()).rev() {
                let Some(j) = self.kode.get(&bagian[..n].join(".")) else {
                    continue;
                };
                match &mut terbaik {
                    Some((d, v)) if *d == n => {
                        v.extend(j.iter().filter(|i| !v.contains(i)).collect::<Vec<_>>())
                    }
                    Some((d, _)) if *d > n => {}
                    _ => terbaik = Some((n, j.clone())),
                }
                break;
            }
        }
        match terbaik {
            Some((_, v)) if v.len() == 1 => Some(v[0]),
            _ => None,
        }
    }
}

/// The lower PK's lines that belong to one line (PK, line) of a higher PK, and which PK
/// they come from.
type Kelompok = ((usize, usize), Vec<usize>, Vec<usize>);

struct Pemeriksa<'a> {
    pk: &'a [Pk],
    sel: Vec<Sel>,
    tempat: HashMap<(usize, Option<usize>), usize>,
    persamaan: Vec<Persamaan>,
    temuan: Vec<Temuan>,
}

impl<'a> Pemeriksa<'a> {
    fn new(pk: &'a [Pk]) -> Self {
        let mut p = Pemeriksa {
            pk,
            sel: Vec::new(),
            tempat: HashMap::new(),
            persamaan: Vec::new(),
            temuan: Vec::new(),
        };
        for (i, d) in pk.iter().enumerate() {
            for (j, l) in d.program.iter().enumerate() {
                if let Some(n) = &l.anggaran {
                    p.tambah_sel(i, Some(j), n.sel, n.nilai());
                }
            }
            if let Some(j) = &d.jumlah {
                p.tambah_sel(i, None, j.nilai.sel, j.nilai.nilai());
            }
        }
        p
    }

    fn tambah_sel(&mut self, pk: usize, baris: Option<usize>, sel: Alamat, nilai: Decimal) {
        self.tempat.insert((pk, baris), self.sel.len());
        self.sel.push(Sel {
            pk,
            baris,
            sel,
            nilai,
        });
    }

    fn id(&self, pk: usize, baris: Option<usize>) -> Option<usize> {
        self.tempat.get(&(pk, baris)).copied()
    }

    /// Every sum the inputs state.
    fn susun(&mut self) {
        for (i, d) in self.pk.iter().enumerate() {
            // The table's top lines against its JUMLAH.
            if let Some(total) = self.id(i, None) {
                let puncak: Vec<usize> = (0..d.program.len())
                    .filter(|&j| d.program[j].induk.is_none())
                    .collect();
                if let Some(bagian) = puncak
                    .iter()
                    .map(|&j| self.id(i, Some(j)))
                    .collect::<Option<Vec<usize>>>()
                    && !bagian.is_empty()
                {
                    self.persamaan.push(Persamaan {
                        jenis: Jenis::Jumlah,
                        total,
                        bagian,
                    });
                }
            }
            // A line against the lines under it.
            let mut anak: Vec<Vec<usize>> = vec![Vec::new(); d.program.len()];
            for (k, l) in d.program.iter().enumerate() {
                if let Some(j) = l.induk {
                    anak[j].push(k);
                }
            }
            for (j, anak) in anak.iter().enumerate() {
                if anak.is_empty() {
                    continue;
                }
                if let (Some(total), Some(bagian)) = (
                    self.id(i, Some(j)),
                    anak.iter()
                        .map(|&k| self.id(i, Some(k)))
                        .collect::<Option<Vec<usize>>>(),
                ) {
                    self.persamaan.push(Persamaan {
                        jenis: Jenis::Rincian,
                        total,
                        bagian,
                    });
                }
            }
        }
        // Across PK: the lower PK's top lines under the line they belong to.
        let (atas, temuan) = atasan(self.pk);
        self.temuan.extend(temuan);
        let mut indeks: HashMap<usize, Indeks> = HashMap::new();
        let mut kelompok: Vec<Kelompok> = Vec::new();
        let mut tempat_kelompok: HashMap<(usize, usize), usize> = HashMap::new();
        // Sums one of whose lines has no readable amount: not checked (the amount is
        // reported where it is read).
        let mut tak_lengkap: std::collections::HashSet<(usize, usize)> = Default::default();
        for (b, a) in atas.iter().enumerate() {
            let Some(a) = *a else { continue };
            let bawah = &self.pk[b];
            let indeks = indeks.entry(a).or_insert_with(|| Indeks::new(&self.pk[a]));
            for (j, x) in bawah.program.iter().enumerate() {
                if x.induk.is_some() {
                    continue;
                }
                let id_x = self.id(b, Some(j));
                let Some(y) = indeks.pasangan(x) else {
                    self.temuan.push(Temuan::baru(
                        Tingkat::Info,
                        "PK_TIDAK_TERPASANG",
                        bawah.sumber(x.uraian.sel),
                        format!(
                            "{} '{}' di {} tidak dapat dipasangkan dengan baris mana pun di {} (nama tidak sama dan tidak ada di bawah salah satunya menurut nomenklatur); anggarannya tidak ikut diperiksa terhadap PK atasan",
                            x.tingkat.nama(),
                            potong(&x.uraian.isi),
                            bawah.nama(),
                            self.pk[a].nama()
                        ),
                    ));
                    continue;
                };
                let Some(id_x) = id_x else {
                    tak_lengkap.insert((a, y));
                    continue;
                };
                match tempat_kelompok.get(&(a, y)) {
                    Some(&g) => {
                        let (_, bagian, anak_pk) = &mut kelompok[g];
                        bagian.push(id_x);
                        if !anak_pk.contains(&b) {
                            anak_pk.push(b);
                        }
                    }
                    None => {
                        tempat_kelompok.insert((a, y), kelompok.len());
                        kelompok.push(((a, y), vec![id_x], vec![b]));
                    }
                }
            }
        }
        for ((a, y), bagian, anak_pk) in kelompok {
            if tak_lengkap.contains(&(a, y)) {
                continue;
            }
            let Some(total) = self.id(a, Some(y)) else {
                continue;
            };
            self.persamaan.push(Persamaan {
                jenis: Jenis::Lintas { anak_pk },
                total,
                bagian,
            });
        }
    }

    /// Stated total − sum of the parts; `None` (and a galat at the part) when the sum
    /// cannot be held.
    fn selisih(&mut self, e: &Persamaan) -> Option<Decimal> {
        let mut jumlah = Decimal::ZERO;
        for &b in &e.bagian {
            let Some(j) = jumlah.checked_add(self.sel[b].nilai) else {
                let s = &self.sel[b];
                self.temuan.push(Temuan::baru(
                    Tingkat::Galat,
                    "PK_ANGKA_LUAP",
                    self.pk[s.pk].sumber(s.sel),
                    "jumlah anggaran sampai baris ini melebihi batas hitung pasti (±79.228.162.514.264.337.593.543.950.335); periksa angkanya".to_string(),
                ));
                return None;
            };
            jumlah = j;
        }
        self.sel[e.total].nilai.checked_sub(jumlah)
    }

    fn nama_sel(&self, s: usize) -> String {
        let s = &self.sel[s];
        let d = &self.pk[s.pk];
        match s.baris {
            Some(j) => format!(
                "{} '{}'",
                d.program[j].tingkat.nama(),
                potong(&d.program[j].uraian.isi)
            ),
            None if d.jumlah.as_ref().is_some_and(|j| j.tanpa_label) => {
                "baris jumlah (tanpa label, di bawah baris terakhir)".to_string()
            }
            None => "baris JUMLAH".to_string(),
        }
    }

    fn daftar_pk(&self, anak_pk: &[usize]) -> String {
        anak_pk
            .iter()
            .map(|&b| self.pk[b].nama())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Why sum `e` says cell `c` should be `benar`.
    fn alasan(&self, e: &Persamaan, c: usize, benar: Decimal) -> String {
        let n = e.bagian.len();
        let total = self.sel[e.total].nilai;
        let di = |s: usize| self.pk[self.sel[s].pk].nama();
        match (&e.jenis, e.total == c) {
            (Jenis::Jumlah, true) => format!("jumlah {n} baris tabelnya = {}", rp(benar)),
            (Jenis::Jumlah, false) => format!(
                "{} ({}) dikurangi {} baris lain = {}",
                self.nama_sel(e.total),
                rp(total),
                n.saturating_sub(1),
                rp(benar)
            ),
            (Jenis::Rincian, true) => format!("jumlah {n} baris di bawahnya = {}", rp(benar)),
            (Jenis::Rincian, false) => format!(
                "{} di atasnya ({}) dikurangi {} baris lain di bawahnya = {}",
                self.nama_sel(e.total),
                rp(total),
                n.saturating_sub(1),
                rp(benar)
            ),
            (Jenis::Lintas { anak_pk }, true) => format!(
                "jumlah {n} baris PK bawahannya ({}) = {}",
                self.daftar_pk(anak_pk),
                rp(benar)
            ),
            (Jenis::Lintas { .. }, false) => format!(
                "{} di {} ({}) dikurangi {} baris lain dari PK bawahannya = {}",
                self.nama_sel(e.total),
                di(e.total),
                rp(total),
                n.saturating_sub(1),
                rp(benar)
            ),
        }
    }

    fn periksa(mut self) -> Vec<Temuan> {
        self.susun();
        let persamaan = std::mem::take(&mut self.persamaan);
        let selisih: Vec<Option<Decimal>> = persamaan.iter().map(|e| self.selisih(e)).collect();
        // The sums each cell is in, and whether as their total.
        let mut dalam: Vec<Vec<(usize, bool)>> = vec![Vec::new(); self.sel.len()];
        for (k, e) in persamaan.iter().enumerate() {
            if selisih[k].is_none() {
                continue;
            }
            dalam[e.total].push((k, true));
            for &b in &e.bagian {
                dalam[b].push((k, false));
            }
        }
        let gagal = |k: usize| selisih[k].is_some_and(|s| !s.is_zero());
        // A cell whose every sum fails by the same amount: how much it is off by, and in how
        // many sums.
        let calon: Vec<Option<(Decimal, usize)>> = dalam
            .iter()
            .map(|d| {
                let mut beda = None;
                for &(k, total) in d {
                    let s = selisih[k]?;
                    if s.is_zero() {
                        return None;
                    }
                    let b = if total { s } else { angka::negatif(s) };
                    if *beda.get_or_insert(b) != b {
                        return None;
                    }
                }
                beda.map(|b| (b, d.len()))
            })
            .collect();
        let mut salah: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut sisa = Vec::new();
        for (k, e) in persamaan.iter().enumerate() {
            if !gagal(k) {
                continue;
            }
            let sel_e: Vec<usize> = std::iter::once(e.total)
                .chain(e.bagian.iter().copied())
                .collect();
            let terbanyak = sel_e.iter().filter_map(|&c| calon[c].map(|x| x.1)).max();
            let pelaku: Vec<usize> = sel_e
                .iter()
                .copied()
                .filter(|&c| calon[c].is_some_and(|x| Some(x.1) == terbanyak))
                .collect();
            match pelaku.as_slice() {
                [c] => match salah.iter_mut().find(|(x, _)| x == c) {
                    Some((_, v)) => v.push(k),
                    None => salah.push((*c, vec![k])),
                },
                _ => sisa.push(k),
            }
        }
        for (c, sebab) in &salah {
            let Some((beda, _)) = calon[*c] else { continue };
            let s = &self.sel[*c];
            let tertulis = s.nilai;
            let Some(benar) = tertulis.checked_sub(beda) else {
                continue;
            };
            let alasan: Vec<String> = sebab
                .iter()
                .map(|&k| self.alasan(&persamaan[k], *c, benar))
                .collect();
            self.temuan.push(
                Temuan::baru(
                    Tingkat::Galat,
                    "PK_ANGGARAN_SALAH",
                    self.pk[s.pk].sumber(s.sel),
                    format!(
                        "anggaran {} di {} tertulis {}, seharusnya {}: {}",
                        self.nama_sel(*c),
                        self.pk[s.pk].nama(),
                        rp(tertulis),
                        rp(benar),
                        alasan.join("; ")
                    ),
                )
                .dengan_nilai(rp(tertulis), rp(benar)),
            );
        }
        for k in sisa {
            let e = &persamaan[k];
            let t = &self.sel[e.total];
            let total = t.nilai;
            // The difference was computed from these numbers, so going back cannot overflow;
            // if it somehow did, the sum is left unsaid rather than said wrong.
            let Ok(jumlah) = angka::kurang(total, selisih[k].unwrap_or_default()) else {
                continue;
            };
            let selisih_k = selisih[k].unwrap_or_default();
            let (kode, bagian) = match &e.jenis {
                Jenis::Jumlah => ("PK_JUMLAH_TIDAK_SESUAI", "baris tabelnya".to_string()),
                Jenis::Rincian => ("PK_RINCIAN_TIDAK_SESUAI", "baris di bawahnya".to_string()),
                Jenis::Lintas { anak_pk } => (
                    "PK_LINTAS_TIDAK_SESUAI",
                    format!("baris PK bawahannya ({})", self.daftar_pk(anak_pk)),
                ),
            };
            let dikuatkan = dalam[e.total]
                .iter()
                .any(|&(j, _)| selisih[j].is_some_and(|s| s.is_zero()));
            let mut pesan = format!(
                "{} di {} tertulis {}, tetapi jumlah {} {bagian} = {} (selisih {})",
                self.nama_sel(e.total),
                self.pk[t.pk].nama(),
                rp(total),
                e.bagian.len(),
                rp(jumlah),
                rp(selisih_k)
            );
            // The total is confirmed elsewhere, so a part is wrong; one part whose correction
            // only swaps two neighbouring digits (195.758.000 for 195.785.000) is the typo.
            let tertukar: Vec<usize> = e
                .bagian
                .iter()
                .copied()
                .filter(|&b| {
                    let w = self.sel[b].nilai;
                    w.checked_add(selisih_k)
                        .is_some_and(|benar| tukar_angka(w, benar))
                })
                .collect();
            if dikuatkan
                && let [b] = tertukar.as_slice()
                && let s = &self.sel[*b]
                && let Ok(benar) = angka::tambah(s.nilai, selisih_k)
            {
                self.temuan.push(
                    Temuan::baru(
                        Tingkat::Galat,
                        "PK_ANGGARAN_SALAH",
                        self.pk[s.pk].sumber(s.sel),
                        format!(
                            "anggaran {} di {} tertulis {}, kemungkinan besar seharusnya {} (dua angka bertukar tempat): {pesan}; angka {} cocok dengan jumlah lain yang memuatnya",
                            self.nama_sel(*b),
                            self.pk[s.pk].nama(),
                            rp(s.nilai),
                            rp(benar),
                            rp(total)
                        ),
                    )
                    .dengan_nilai(rp(s.nilai), rp(benar)),
                );
                continue;
            }
            let mut hasil = Temuan::baru(
                Tingkat::Galat,
                kode,
                self.pk[t.pk].sumber(t.sel),
                String::new(),
            );
            if dikuatkan {
                let sel: Vec<String> = e
                    .bagian
                    .iter()
                    .map(|&b| {
                        let s = &self.sel[b];
                        format!("{} › {}", self.pk[s.pk].lembar, s.sel)
                    })
                    .collect();
                pesan.push_str(&format!(
                    "; angka {} ini cocok dengan jumlah lain yang memuatnya, jadi yang salah ketik kemungkinan salah satu dari: {}",
                    rp(total),
                    sel.join(", ")
                ));
            } else {
                hasil = hasil.dengan_nilai(rp(total), rp(jumlah));
            }
            hasil.pesan = pesan;
            self.temuan.push(hasil);
        }
        // Sums across PK that hold, said so the user sees what was confirmed.
        for (k, e) in persamaan.iter().enumerate() {
            let Jenis::Lintas { anak_pk } = &e.jenis else {
                continue;
            };
            if selisih[k] != Some(Decimal::ZERO) {
                continue;
            }
            let t = &self.sel[e.total];
            let rincian = if e.bagian.len() == 1 {
                format!(
                    "baris {} di {}",
                    self.nama_sel(e.bagian[0]),
                    self.daftar_pk(anak_pk)
                )
            } else {
                format!(
                    "jumlah {} baris dari {}",
                    e.bagian.len(),
                    self.daftar_pk(anak_pk)
                )
            };
            self.temuan.push(Temuan::baru(
                Tingkat::Info,
                "PK_LINTAS_COCOK",
                self.pk[t.pk].sumber(t.sel),
                format!(
                    "{} di {}: {} sama dengan {rincian}",
                    self.nama_sel(e.total),
                    self.pk[t.pk].nama(),
                    rp(t.nilai)
                ),
            ));
        }
        self.temuan
    }
}

/// Every check of a set of PK, read from one or many files.
pub fn periksa(pk: &[Pk]) -> Vec<Temuan> {
    Pemeriksa::new(pk).periksa()
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::angka::Angka;
    use crate::kode::Tingkat as T;
    use crate::model::Nilai;
    use crate::model::pk::{BarisProgram, Jumlah, Pihak, Teks};

    fn teks(isi: &str, r: u32, c: u32) -> Teks {
        Teks {
            isi: isi.to_string(),
            sel: Alamat { r, c },
        }
    }

    fn nilai(n: &str, r: u32) -> Nilai {
        Nilai {
            angka: Angka {
                nilai: n.parse().unwrap(),
                desimal: 0,
            },
            sel: Alamat { r, c: 2 },
        }
    }

    fn pk(
        lembar: &str,
        pertama: &str,
        kedua: &str,
        baris: &[(&str, &str, T, &str, Option<usize>)],
        jumlah: Option<&str>,
    ) -> Pk {
        Pk {
            berkas: "pk.xlsx".into(),
            lembar: lembar.into(),
            perubahan: true,
            tahun: Some(2024),
            instansi: None,
            pihak_pertama: Some(Pihak {
                jabatan: teks(pertama, 1, 1),
                nama: None,
            }),
            pihak_kedua: Some(Pihak {
                jabatan: teks(kedua, 2, 1),
                nama: None,
            }),
            sasaran: Vec::new(),
            program: baris
                .iter()
                .enumerate()
                .map(
                    |(j, (uraian, kode, tingkat, anggaran, induk))| BarisProgram {
                        r: 10 + j as u32,
                        nomor: None,
                        uraian: teks(uraian, 10 + j as u32, 1),
                        tingkat: *tingkat,
                        anggaran: Some(nilai(anggaran, 10 + j as u32)),
                        kode: if kode.is_empty() {
                            vec![]
                        } else {
                            vec![kode.to_string()]
                        },
                        induk: *induk,
                    },
                )
                .collect(),
            jumlah: jumlah.map(|j| Jumlah {
                nilai: nilai(j, 10 + baris.len() as u32),
                tanpa_label: true,
            }),
        }
    }

    /// A cut of seed 004: the camat's two programs with their total, the kasi PMD's two sub
    /// kegiatan under one of them (13.231.000 + 98.810.250 = 112.041.250) and the kasi
    /// pelayanan umum's one line under the other.
    fn mangkutana(pemberdayaan: &str) -> Vec<Pk> {
        vec![
            pk(
                "Camat",
                "CAMAT  MANGKUTANA",
                "Pjs. BUPATI LUWU TIMUR",
                &[
                    (
                        "Program Penyelenggaraan Pemerintahan dan pelayanan Publik",
                        "7.01.02",
                        T::Program,
                        "6611550",
                        None,
                    ),
                    (
                        "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
                        "7.01.03",
                        T::Program,
                        pemberdayaan,
                        None,
                    ),
                ],
                // 6.611.550 + 112.041.250
                Some("118652800"),
            ),
            pk(
                "Kasi PMD",
                "KEPALA SEKSI PEMBERDAYAAN MASYARAKAT DESA",
                "CAMAT MANGKUTANA",
                &[
                    (
                        "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
                        "7.01.03.2.01.0001",
                        T::SubKegiatan,
                        "13231000",
                        None,
                    ),
                    (
                        "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
                        "7.01.03.2.01.0003",
                        T::SubKegiatan,
                        "98810250",
                        None,
                    ),
                ],
                None,
            ),
            pk(
                "Kasi Pelayanan",
                "KEPALA SEKSI PELAYANAN UMUM",
                "CAMAT MANGKUTANA",
                &[(
                    "Pelaksanaan Urusan Pemerintahan yang terkait dengan pelayanan perizinan non usaha",
                    "7.01.02.2.04.0001",
                    T::SubKegiatan,
                    "6611550",
                    None,
                )],
                None,
            ),
        ]
    }

    #[test]
    fn jumlah_lintas_pk_dikonfirmasi() {
        let t = periksa(&mangkutana("112041250"));
        assert!(t.iter().all(|t| t.tingkat == Tingkat::Info), "{t:#?}");
        let cocok: Vec<&Temuan> = t.iter().filter(|t| t.kode == "PK_LINTAS_COCOK").collect();
        assert_eq!(cocok.len(), 2, "{t:#?}");
    }

    #[test]
    fn satu_angka_salah_dilaporkan_di_selnya_saja() {
        // 112.014.250 typed for 112.041.250: the JUMLAH (118.652.800 − 6.611.550) and the
        // kasi PMD's lines (13.231.000 + 98.810.250) both say 112.041.250.
        let t = periksa(&mangkutana("112014250"));
        let galat: Vec<&Temuan> = t.iter().filter(|t| t.tingkat == Tingkat::Galat).collect();
        assert_eq!(galat.len(), 1, "{t:#?}");
        assert_eq!(galat[0].kode, "PK_ANGGARAN_SALAH");
        assert_eq!(
            (
                galat[0].lokasi.lembar.as_str(),
                galat[0].lokasi.sel.as_str()
            ),
            ("Camat", "C12")
        );
        assert_eq!(galat[0].tertulis.as_deref(), Some("112.014.250"));
        assert_eq!(galat[0].seharusnya.as_deref(), Some("112.041.250"));
    }

    #[test]
    fn jumlah_yang_salah_dilaporkan_di_jumlah() {
        let mut d = mangkutana("112041250");
        d[0].jumlah.as_mut().unwrap().nilai.angka.nilai = "118652801".parse().unwrap();
        let t = periksa(&d);
        let galat: Vec<&Temuan> = t.iter().filter(|t| t.tingkat == Tingkat::Galat).collect();
        assert_eq!(galat.len(), 1, "{t:#?}");
        assert_eq!(galat[0].lokasi.sel, "C13");
        assert_eq!(galat[0].seharusnya.as_deref(), Some("118.652.800"));
    }

    #[test]
    fn baris_tanpa_pasangan_hanya_info() {
        let mut d = mangkutana("112041250");
        d[2].program[0].uraian.isi = "Belanja lain".into();
        d[2].program[0].kode.clear();
        let t = periksa(&d);
        assert!(t.iter().all(|t| t.tingkat == Tingkat::Info), "{t:#?}");
        assert!(t.iter().any(|t| t.kode == "PK_TIDAK_TERPASANG"));
    }

    #[test]
    fn angka_luap_galat_bukan_panik() {
        let mut d = mangkutana("112041250");
        d[0].program[0].anggaran.as_mut().unwrap().angka.nilai = Decimal::MAX;
        d[0].program[1].anggaran.as_mut().unwrap().angka.nilai = Decimal::MAX;
        let t = periksa(&d);
        assert!(t.iter().any(|t| t.kode == "PK_ANGKA_LUAP"), "{t:#?}");
    }

    #[test]
    fn pk_ganda_tidak_dihitung_dua_kali() {
        // The kasi PMD's PK given twice: its lines would add up to 2 × 112.041.250.
        let mut d = mangkutana("112041250");
        let mut salinan = d[1].clone();
        salinan.berkas = "lain.xlsx".into();
        d.push(salinan);
        let t = periksa(&d);
        assert!(t.iter().all(|t| t.tingkat == Tingkat::Info), "{t:#?}");
        assert_eq!(
            t.iter().filter(|t| t.kode == "PK_GANDA").count(),
            1,
            "{t:#?}"
        );
        assert_eq!(t.iter().filter(|t| t.kode == "PK_LINTAS_COCOK").count(), 2);
    }

    #[test]
    fn dua_angka_bertukar() {
        // Seed 004, kasubag umum: Fasilitasi Kunjungan Tamu 195.785.000.
        assert!(tukar_angka(
            "195758000".parse().unwrap(),
            "195785000".parse().unwrap()
        ));
        assert!(!tukar_angka(
            "195758000".parse().unwrap(),
            "195758000".parse().unwrap()
        ));
        assert!(!tukar_angka(
            "4086080".parse().unwrap(),
            "4113080".parse().unwrap()
        ));
    }

    #[test]
    fn jabatan_disamakan() {
        assert_eq!(
            jabatan("KASUBAG.  UMUM  DAN  KEUANGAN"),
            "kepala sub bagian umum dan keuangan"
        );
        assert_eq!(jabatan("Pjs. BUPATI  LUWU  TIMUR"), "bupati luwu timur");
        assert_eq!(jabatan("CAMAT MANGKUTANA,"), jabatan("CAMAT  MANGKUTANA"));
    }
}
