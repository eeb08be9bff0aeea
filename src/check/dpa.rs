//! Checks of a DPA rincian (RULES.md, "Rincian belanja (DPA)"): each line's jumlah =
//! koefisien × harga (+ PPN); each rekening, `[#]` group and `[-]` note = the sum of the rows
//! under it (SIPD writes them `SUBTOTAL(9, …)`); the sub kegiatan's total = the sum of its
//! top rekening, and the same as this year's alokasi and the Masukan target; the Rencana
//! Penarikan's twelve months add up to its Jumlah, which is the total.
//!
//! Rounding: SIPD keeps whole rupiah. A line whose stated jumlah is its exact product
//! rounded to the rupiah (half up, or down) is accepted, and how it was rounded is said once.
#![deny(clippy::arithmetic_side_effects)]

use super::selisih::{self, Angkanya, Selisih, rupiah};
use crate::angka::{self, tulis};
use crate::model::dpa::{BarisRincian, Bentuk, Dpa, JenisIndikator, JenisRincian, Ppn};
use crate::model::{Alamat, Nilai};
use crate::temuan::{Temuan, Tingkat as T};
use rust_decimal::{Decimal, RoundingStrategy};

/// A row's place in the rincian: rekening by the number of parts of its code (1 akun … 6
/// sub rincian objek), then `[#]`, `[-]`, the line.
fn tingkat(b: &BarisRincian) -> usize {
    match &b.jenis {
        JenisRincian::Rekening(k) => k.bagian().count(),
        JenisRincian::Kelompok => 7,
        JenisRincian::Keterangan => 8,
        JenisRincian::Item => 9,
    }
}

fn angkanya(n: &Nilai, label: String) -> Angkanya {
    Angkanya {
        sel: n.sel,
        nilai: n.nilai(),
        teks: tulis(n.nilai(), n.angka.desimal),
        label,
    }
}

/// koefisien × harga, plus PPN (a rate of that, or an amount).
fn hitung_baris(b: &BarisRincian) -> Option<Decimal> {
    let k = b.koefisien.as_ref()?.nilai;
    let h = b.harga.as_ref()?.nilai();
    let dasar = k.checked_mul(h)?;
    match b.ppn {
        None => Some(dasar),
        Some((Ppn::Tarif(t), _)) => dasar.checked_add(dasar.checked_mul(t)?),
        Some((Ppn::Rupiah(x), _)) => dasar.checked_add(x),
    }
}

fn cara_hitung(b: &BarisRincian) -> String {
    let k = b
        .koefisien
        .as_ref()
        .map_or("?".to_string(), |k| k.teks.clone());
    let h = b
        .harga
        .as_ref()
        .map_or("?".to_string(), |h| rupiah(h.nilai()));
    match b.ppn {
        Some((Ppn::Tarif(t), _)) if !t.is_zero() => {
            let persen = t.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default();
            format!(
                "koefisien × harga × (1 + PPN) = {k} × {h} × (1 + {} %)",
                tulis(persen.normalize(), persen.normalize().scale())
            )
        }
        Some((Ppn::Rupiah(x), _)) if !x.is_zero() => {
            format!("koefisien × harga + PPN = {k} × {h} + {}", rupiah(x))
        }
        _ => format!("koefisien × harga = {k} × {h}"),
    }
}

/// Every check of one DPA; for a DPPA, of its rows before the change too, and each
/// Bertambah/(Berkurang) = Sesudah − Sebelum.
pub fn periksa(d: &Dpa) -> Vec<Temuan> {
    let mut temuan = periksa_satu(d);
    if let Some(lama) = d.sebelum() {
        temuan.extend(periksa_satu(&lama));
        temuan.extend(periksa_perubahan(d));
    }
    temuan
}

/// Bertambah/(Berkurang) = Sesudah − Sebelum, on every row and on the total.
fn periksa_perubahan(d: &Dpa) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    let baris = d
        .rincian
        .iter()
        .map(|b| {
            (
                b.uraian.isi.clone(),
                b.jumlah.as_ref(),
                b.sebelum.as_ref().and_then(|s| s.jumlah.as_ref()),
                b.bertambah.as_ref(),
            )
        })
        .chain(std::iter::once((
            "Jumlah Anggaran Sub Kegiatan".to_string(),
            d.jumlah.as_ref(),
            d.jumlah_sebelum.as_ref(),
            d.jumlah_bertambah.as_ref(),
        )));
    for (nama, sesudah, sebelum, bertambah) in baris {
        let Some(t) = bertambah else { continue };
        let nol = Decimal::ZERO;
        let Ok(selisih) = angka::kurang(
            sesudah.map_or(nol, Nilai::nilai),
            sebelum.map_or(nol, Nilai::nilai),
        ) else {
            continue;
        };
        if sesudah.is_none() && sebelum.is_none() || t.nilai() == selisih {
            continue;
        }
        temuan.push(
            Temuan::baru(
                T::Galat,
                "DPA_BERTAMBAH_SALAH",
                d.asal.sumber(t.sel),
                format!(
                    "{nama}: Bertambah/(Berkurang) tertulis {}, padahal Sesudah − Sebelum = {} − {} = {}",
                    rupiah(t.nilai()),
                    rupiah(sesudah.map_or(nol, Nilai::nilai)),
                    rupiah(sebelum.map_or(nol, Nilai::nilai)),
                    rupiah(selisih)
                ),
            )
            .dengan_nilai(rupiah(t.nilai()), rupiah(selisih)),
        );
    }
    temuan
}

fn periksa_satu(d: &Dpa) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    let mut semua_selisih: Vec<Selisih> = Vec::new();
    let nama = |b: &BarisRincian| match &b.jenis {
        JenisRincian::Rekening(k) => format!("{} {}", k.teks, b.uraian.isi),
        _ => b.uraian.isi.clone(),
    };
    let mut dibulatkan: Option<(Alamat, &'static str, usize)> = None;

    // Each line: koefisien × harga (+ PPN).
    let mut efektif: Vec<Option<Decimal>> = vec![None; d.rincian.len()];
    for (i, b) in d.rincian.iter().enumerate() {
        if b.jenis != JenisRincian::Item {
            continue;
        }
        let hitungan = hitung_baris(b);
        efektif[i] = b.jumlah.as_ref().map(Nilai::nilai).or(hitungan);
        let (Some(j), Some(h)) = (&b.jumlah, hitungan) else {
            continue;
        };
        if j.nilai() == h {
            continue;
        }
        let bulat = [
            (
                RoundingStrategy::MidpointAwayFromZero,
                "dibulatkan ke rupiah terdekat",
            ),
            (RoundingStrategy::ToZero, "dibulatkan ke bawah"),
        ]
        .into_iter()
        .find(|(s, _)| h.round_dp_with_strategy(0, *s) == j.nilai());
        if let Some((_, cara)) = bulat {
            let n = dibulatkan.map_or(0, |x| x.2).saturating_add(1);
            dibulatkan = Some((dibulatkan.map_or(j.sel, |x| x.0), cara, n));
            continue;
        }
        semua_selisih.push(Selisih {
            hasil: angkanya(j, format!("jumlah ({})", nama(b))),
            suku: Vec::new(),
            jumlah: h,
            apa: cara_hitung(b),
            nama: nama(b),
            kode: "DPA_JUMLAH_RINCIAN",
        });
    }

    // Parents by position: a row stands under the nearest row above of a lower level.
    let mut anak: Vec<Vec<usize>> = vec![Vec::new(); d.rincian.len()];
    let mut akar: Vec<usize> = Vec::new();
    let mut tumpuk: Vec<usize> = Vec::new();
    for (i, b) in d.rincian.iter().enumerate() {
        let t = tingkat(b);
        while tumpuk.last().is_some_and(|&j| tingkat(&d.rincian[j]) >= t) {
            tumpuk.pop();
        }
        match tumpuk.last() {
            Some(&j) => anak[j].push(i),
            None => akar.push(i),
        }
        tumpuk.push(i);
    }
    // Bottom up: a parent's amount as stated, else the sum of its children's.
    for i in (0..d.rincian.len()).rev() {
        if d.rincian[i].jenis == JenisRincian::Item {
            continue;
        }
        let jumlah = angka::jumlah(anak[i].iter().filter_map(|&j| efektif[j])).ok();
        let tertulis = d.rincian[i].jumlah.as_ref();
        efektif[i] = tertulis.map(Nilai::nilai).or(jumlah);
        let (Some(t), Some(s)) = (tertulis, jumlah) else {
            continue;
        };
        if anak[i].is_empty() || t.nilai() == s {
            continue;
        }
        let b = &d.rincian[i];
        semua_selisih.push(Selisih {
            hasil: angkanya(t, format!("jumlah ({})", nama(b))),
            suku: anak[i]
                .iter()
                .filter_map(|&j| {
                    let a = &d.rincian[j];
                    a.jumlah
                        .as_ref()
                        .map(|n| angkanya(n, format!("jumlah ({})", nama(a))))
                })
                .collect(),
            jumlah: s,
            apa: format!("jumlah = jumlah {} baris di bawahnya", anak[i].len()),
            nama: nama(b),
            kode: "DPA_JUMLAH_INDUK",
        });
    }
    let total = angka::jumlah(akar.iter().filter_map(|&j| efektif[j])).ok();
    if let (Some(j), Some(s)) = (&d.jumlah, total)
        && !akar.is_empty()
        && j.nilai() != s
    {
        semua_selisih.push(Selisih {
            hasil: angkanya(j, "Jumlah Anggaran Sub Kegiatan".to_string()),
            suku: akar
                .iter()
                .filter_map(|&i| {
                    let a = &d.rincian[i];
                    a.jumlah
                        .as_ref()
                        .map(|n| angkanya(n, format!("jumlah ({})", nama(a))))
                })
                .collect(),
            jumlah: s,
            apa: "Jumlah Anggaran Sub Kegiatan = jumlah rekening teratas".to_string(),
            nama: "Jumlah Anggaran Sub Kegiatan".to_string(),
            kode: "DPA_JUMLAH_SUB_KEGIATAN",
        });
    }

    // The Rencana Penarikan Dana: twelve months = its Jumlah.
    if let Some(j) = &d.penarikan_jumlah
        && !d.penarikan.is_empty()
        && let Ok(s) = angka::jumlah(d.penarikan.iter().map(|p| p.nilai.nilai()))
        && s != j.nilai()
    {
        semua_selisih.push(Selisih {
            hasil: angkanya(j, "Jumlah Rencana Penarikan Dana".to_string()),
            suku: d
                .penarikan
                .iter()
                .map(|p| angkanya(&p.nilai, format!("penarikan bulan ke-{}", p.bulan)))
                .collect(),
            jumlah: s,
            apa: format!(
                "Jumlah Rencana Penarikan Dana = jumlah {} bulan",
                d.penarikan.len()
            ),
            nama: "Rencana Penarikan Dana".to_string(),
            kode: "DPA_JUMLAH_PENARIKAN",
        });
    }
    temuan.extend(selisih::laporkan(semua_selisih, &d.asal, "DPA_SALAH_KETIK"));

    // The total against the other places that state it.
    let pagu = d.jumlah.as_ref().map(Nilai::nilai).or(total);
    if let Some(pagu) = pagu {
        let mut lain: Vec<(Alamat, Decimal, String)> = Vec::new();
        if let Some(t) = d.tahun
            && let Some((_, n)) = d.alokasi.iter().find(|(y, _)| *y == t)
        {
            lain.push((n.sel, n.nilai(), format!("Alokasi Tahun {t}")));
        }
        if let Some(n) = &d.penarikan_jumlah {
            lain.push((
                n.sel,
                n.nilai(),
                "Jumlah Rencana Penarikan Dana".to_string(),
            ));
        }
        for ind in d
            .indikator
            .iter()
            .filter(|i| i.jenis == JenisIndikator::Masukan)
        {
            if let (Some(t), Some(a)) = (&ind.target, ind.target_angka) {
                lain.push((
                    t.sel,
                    a,
                    "target Masukan (Dana yang Dibutuhkan)".to_string(),
                ));
            }
        }
        for (sel, nilai, apa) in lain {
            if nilai != pagu {
                temuan.push(
                    Temuan::baru(
                        T::Galat,
                        "DPA_BEDA_PAGU",
                        d.asal.sumber(sel),
                        format!(
                            "{apa} tertulis {}, padahal Jumlah Anggaran Sub Kegiatan {}",
                            rupiah(nilai),
                            rupiah(pagu)
                        ),
                    )
                    .dengan_nilai(rupiah(nilai), rupiah(pagu)),
                );
            }
        }
    }
    if let Some((sel, cara, n)) = dibulatkan {
        temuan.push(Temuan::baru(
            T::Info,
            "DPA_PEMBULATAN",
            d.asal.sumber(sel),
            format!(
                "{n} baris rincian: jumlahnya koefisien × harga (+ PPN) {cara}, seperti SIPD menyimpan rupiah utuh"
            ),
        ));
    }
    temuan
}

/// Which of several DPA of one sub kegiatan gives its pagu: a perubahan before a murni
/// rincian, a rincian before a tabular export, the rekap belanja (which repeats the others'
/// pagu) last; among equals, the first given.
fn urutan_sumber(d: &Dpa) -> u8 {
    match (d.bentuk, d.perubahan) {
        (Bentuk::Rincian, true) => 0,
        (Bentuk::Rincian, false) => 1,
        (Bentuk::Datar | Bentuk::SipdRi | Bentuk::AnggaranKas, _) => 2,
        (Bentuk::RekapBelanja, _) => 3,
    }
}

/// The key a sub kegiatan is known by across DPA: its code and its unit (code, else name).
fn kunci_dpa(d: &Dpa) -> Option<(String, String)> {
    let kode = d.sub_kegiatan.as_ref()?.kode.as_ref()?.teks.clone();
    let unit = d
        .unit
        .as_ref()
        .or(d.organisasi.as_ref())
        .map(|u| {
            u.kode
                .as_ref()
                .map_or_else(|| crate::nama::normal(&u.nama), |k| k.teks.clone())
        })
        .unwrap_or_default();
    Some((kode, unit))
}

/// The DPA that give the pagu, one per sub kegiatan and unit (indexes into `dpa`), and the
/// DPA whose pagu differs from that one's (`DPA_BEDA_DPA`: a DPA murni beside its DPPA is
/// said as info, any other difference is a galat).
pub fn pilih_sumber_pagu(dpa: &[Dpa]) -> (Vec<usize>, Vec<Temuan>) {
    let mut per_kunci: indexmap::IndexMap<(String, String), Vec<usize>> = indexmap::IndexMap::new();
    for (i, d) in dpa.iter().enumerate() {
        if d.pagu().is_some()
            && let Some(k) = kunci_dpa(d)
        {
            per_kunci.entry(k).or_default().push(i);
        }
    }
    let mut dipilih = Vec::new();
    let mut temuan = Vec::new();
    for ((kode, _), mut v) in per_kunci {
        v.sort_by_key(|&i| urutan_sumber(&dpa[i]));
        let Some(&utama) = v.first() else { continue };
        dipilih.push(utama);
        let u = &dpa[utama];
        let Some(pagu_u) = u.pagu() else { continue };
        for &lain in &v[1..] {
            let l = &dpa[lain];
            let Some(pagu_l) = l.pagu() else { continue };
            if pagu_l.nilai() == pagu_u.nilai() {
                continue;
            }
            let murni_dan_perubahan = u.perubahan && u.bentuk == Bentuk::Rincian && !l.perubahan;
            let t = Temuan::baru(
                if murni_dan_perubahan {
                    T::Info
                } else {
                    T::Galat
                },
                "DPA_BEDA_DPA",
                l.asal.sumber(pagu_l.sel),
                format!(
                    "pagu sub kegiatan {kode} di {} ini {}, di {} {} {}{}",
                    l.bentuk.nama(),
                    rupiah(pagu_l.nilai()),
                    if u.perubahan { "DPPA" } else { u.bentuk.nama() },
                    u.asal.sumber(pagu_u.sel),
                    rupiah(pagu_u.nilai()),
                    if murni_dan_perubahan {
                        "; tabel memakai pagu sesudah perubahan"
                    } else {
                        ""
                    }
                ),
            );
            temuan.push(if murni_dan_perubahan {
                t
            } else {
                t.dengan_nilai(rupiah(pagu_l.nilai()), rupiah(pagu_u.nilai()))
            });
        }
    }
    (dipilih, temuan)
}

/// The nodes of a tree that a DPA's sub kegiatan is: by code, in the DPA's unit (by the
/// unit's code or name) when the DPA names one.
pub(crate) fn simpul_dpa(
    d: &Dpa,
    pohon: &crate::model::Pohon,
    per_kode: &std::collections::HashMap<&str, Vec<usize>>,
    unit: &[Option<usize>],
) -> Vec<usize> {
    let Some(kode) = d.sub_kegiatan.as_ref().and_then(|s| s.kode.as_ref()) else {
        return Vec::new();
    };
    let unit_dpa = d.unit.as_ref().or(d.organisasi.as_ref());
    per_kode
        .get(kode.teks.as_str())
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .copied()
        .filter(|&i| {
            let Some(u) = unit[i] else {
                return unit_dpa.is_none();
            };
            unit_dpa.is_none_or(|ud| {
                ud.kode
                    .as_ref()
                    .is_some_and(|k| super::kinerja::unit_cocok(&k.teks, pohon, u))
                    || super::kinerja::unit_cocok(&ud.nama, pohon, u)
            })
        })
        .collect()
}

/// The DPA as the source of the tables' pagu (issue 10, item 5): each chosen DPA's pagu
/// against the realisasi workbook's for its sub kegiatan (`DPA_BEDA_REALISASI`), and where
/// they differ the tree takes the DPA's, so Tabel 16, 17, 18 and 19 show it with the
/// realisasi of the workbook. A sub kegiatan the workbook splits into rekening rows keeps
/// their sum (said in the finding). `pohon` are the documents' trees, each with where it
/// was read (`asal`); a DPA whose sub kegiatan none of them has is said as a peringatan.
pub fn terapkan_pagu(
    dpa: &[&Dpa],
    pohon: &mut [crate::model::Pohon],
    asal: &[crate::model::Sumber],
) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    if pohon.is_empty() {
        return temuan;
    }
    let mut ditemukan = vec![false; dpa.len()];
    for (p, a) in pohon.iter_mut().zip(asal) {
        let unit = p.unit_tiap_simpul();
        let mut ganti: Vec<(usize, Decimal, Decimal)> = Vec::new();
        {
            let per_kode = p.simpul_per_kode();
            for (j, d) in dpa.iter().enumerate() {
                let (Some(sub), Some(pagu)) = (&d.sub_kegiatan, d.pagu()) else {
                    continue;
                };
                let [i] = simpul_dpa(d, p, &per_kode, &unit)[..] else {
                    continue;
                };
                ditemukan[j] = true;
                let Ok(tepat) = p.simpul[i].hitung.pagu else {
                    continue;
                };
                if pagu.nilai() == tepat {
                    continue;
                }
                let daun = p.simpul[i].anak.is_empty();
                let di = p
                    .baris_dari(&p.simpul[i])
                    .and_then(|b| b.pagu.as_ref())
                    .map(|n| {
                        format!(
                            " ({})",
                            crate::model::Sumber {
                                sel: n.sel.to_string(),
                                ..a.clone()
                            }
                        )
                    })
                    .unwrap_or_default();
                temuan.push(
                    Temuan::baru(
                        T::Galat,
                        "DPA_BEDA_REALISASI",
                        d.asal.sumber(pagu.sel),
                        format!(
                            "pagu sub kegiatan {} {} di {}{} {}, di buku kerja realisasi anggaran {}{di}; {}",
                            sub.kode.as_ref().map_or("", |k| k.teks.as_str()),
                            sub.nama,
                            d.bentuk.nama(),
                            if d.pagu_dijumlah() {
                                " (jumlah baris rekeningnya)"
                            } else {
                                ""
                            },
                            rupiah(pagu.nilai()),
                            rupiah(tepat),
                            if daun {
                                "tabel memakai pagu DPA"
                            } else {
                                "tabel tetap memakai jumlah rekening buku kerja realisasi"
                            }
                        ),
                    )
                    .dengan_nilai(rupiah(pagu.nilai()), rupiah(tepat)),
                );
                if daun {
                    ganti.push((i, tepat, pagu.nilai()));
                }
            }
        }
        for (i, lama, baru) in ganti {
            ganti_pagu(p, i, lama, baru);
        }
    }
    for (d, _) in dpa.iter().zip(&ditemukan).filter(|(_, t)| !**t) {
        let (Some(sub), Some(pagu)) = (&d.sub_kegiatan, d.pagu()) else {
            continue;
        };
        temuan.push(Temuan::baru(
            T::Peringatan,
            "DPA_TANPA_REALISASI",
            d.asal.sumber(sub.sel),
            format!(
                "sub kegiatan {} {} (pagu {}) tidak ada di buku kerja realisasi anggaran{}, jadi tidak tampil di tabel",
                sub.kode.as_ref().map_or("", |k| k.teks.as_str()),
                sub.nama,
                rupiah(pagu.nilai()),
                d.unit
                    .as_ref()
                    .or(d.organisasi.as_ref())
                    .map(|u| format!(" unit {}", u.nama))
                    .unwrap_or_default()
            ),
        ));
    }
    temuan
}

/// A leaf's pagu replaced, and the difference carried up to the root, so every sum above
/// it stays the sum of its children.
fn ganti_pagu(p: &mut crate::model::Pohon, i: usize, lama: Decimal, baru: Decimal) {
    let beda = angka::kurang(baru, lama);
    let mut k = Some(i);
    while let Some(j) = k {
        let s = &mut p.simpul[j];
        s.hitung.pagu = if j == i {
            Ok(baru)
        } else {
            match (s.hitung.pagu, beda) {
                (Ok(x), Ok(b)) => angka::tambah(x, b),
                (Err(e), _) | (_, Err(e)) => Err(e),
            }
        };
        k = s.induk;
    }
}

/// Each PK program line's anggaran against the sum of the DPA pagu of that program (by
/// name, over every unit: a kecamatan's PK counts its kelurahan's programs too). Only
/// programs every sub kegiatan of which has a DPA are summed when the realisasi workbook
/// shows which those are (`pohon`); without it, a difference may be a DPA not given, and
/// is a peringatan.
pub fn periksa_dengan_pk(
    dpa: &[&Dpa],
    pk: &[crate::model::pk::Pk],
    pohon: Option<&crate::model::Pohon>,
) -> Vec<Temuan> {
    use crate::kode::Tingkat as Tk;
    let mut per_program: std::collections::HashMap<String, (Decimal, usize)> =
        std::collections::HashMap::new();
    for d in dpa {
        let (Some(p), Some(pagu)) = (&d.program, d.pagu()) else {
            continue;
        };
        let e = per_program
            .entry(crate::nama::normal(&p.nama))
            .or_insert((Decimal::ZERO, 0));
        let Some(x) = e.0.checked_add(pagu.nilai()) else {
            continue;
        };
        e.0 = x;
        e.1 = e.1.saturating_add(1);
    }
    // The sub kegiatan of each program in the realisasi workbook.
    let mut di_pohon: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    if let Some(p) = pohon {
        for s in &p.simpul {
            if s.tingkat != Some(Tk::SubKegiatan) {
                continue;
            }
            let mut i = s.induk;
            while let Some(j) = i {
                if p.simpul[j].tingkat == Some(Tk::Program) {
                    let n = di_pohon
                        .entry(crate::nama::normal(&p.simpul[j].uraian))
                        .or_insert(0);
                    *n = n.saturating_add(1);
                    break;
                }
                i = p.simpul[j].induk;
            }
        }
    }
    let mut temuan = Vec::new();
    for k in pk {
        for b in &k.program {
            if b.tingkat != Tk::Program {
                continue;
            }
            let Some(anggaran) = &b.anggaran else {
                continue;
            };
            let nama = crate::nama::normal(&b.uraian.isi);
            let Some(&(jumlah, n)) = per_program.get(&nama) else {
                continue;
            };
            if jumlah == anggaran.nilai() {
                continue;
            }
            let lengkap = match di_pohon.get(&nama) {
                Some(&m) => n >= m,
                None => pohon.is_none(),
            };
            if pohon.is_some() && !lengkap {
                continue;
            }
            let t = Temuan::baru(
                if pohon.is_some() {
                    T::Galat
                } else {
                    T::Peringatan
                },
                "DPA_BEDA_PK",
                k.sumber(anggaran.sel),
                format!(
                    "anggaran {} di Perjanjian Kinerja {}, jumlah pagu {n} DPA programnya {}{}",
                    b.uraian.isi,
                    rupiah(anggaran.nilai()),
                    rupiah(jumlah),
                    if pohon.is_some() {
                        ""
                    } else {
                        " (bila semua DPA program ini diberikan)"
                    }
                ),
            );
            // Only a sum over the whole program says what the PK should have been.
            temuan.push(if pohon.is_some() {
                t.dengan_nilai(rupiah(anggaran.nilai()), rupiah(jumlah))
            } else {
                t
            });
        }
    }
    temuan
}

/// The Rencana Penarikan of each rincian DPA against the anggaran kas of its sub kegiatan
/// given beside it, month by month: the twelve months alone add up to one Jumlah and cannot
/// tell which month is wrong; the anggaran kas can (`DPA_BEDA_ANGGARAN_KAS`, at the month).
pub fn periksa_dengan_anggaran_kas(dpa: &[Dpa]) -> Vec<Temuan> {
    let mut kas: std::collections::HashMap<(String, String), ([Decimal; 12], &Dpa)> =
        std::collections::HashMap::new();
    for d in dpa.iter().filter(|d| d.bentuk == Bentuk::AnggaranKas) {
        let Some(k) = kunci_dpa(d) else { continue };
        let e = kas.entry(k).or_insert(([Decimal::ZERO; 12], d));
        for b in &d.rincian {
            for p in &b.bulan {
                let Some(m) = usize::from(p.bulan).checked_sub(1).filter(|&m| m < 12) else {
                    continue;
                };
                if let Some(x) = e.0[m].checked_add(p.nilai.nilai()) {
                    e.0[m] = x;
                }
            }
        }
    }
    let mut temuan = Vec::new();
    for d in dpa.iter().filter(|d| d.bentuk == Bentuk::Rincian) {
        let Some(k) = kunci_dpa(d) else { continue };
        let Some((bulan, asal)) = kas.get(&k) else {
            continue;
        };
        for p in &d.penarikan {
            let Some(m) = usize::from(p.bulan).checked_sub(1).filter(|&m| m < 12) else {
                continue;
            };
            if p.nilai.nilai() == bulan[m] {
                continue;
            }
            temuan.push(
                Temuan::baru(
                    T::Galat,
                    "DPA_BEDA_ANGGARAN_KAS",
                    d.asal.sumber(p.nilai.sel),
                    format!(
                        "Rencana Penarikan bulan ke-{} sub kegiatan {} {}, di anggaran kas {} {}",
                        p.bulan,
                        k.0,
                        rupiah(p.nilai.nilai()),
                        asal.asal.sumber(""),
                        rupiah(bulan[m])
                    ),
                )
                .dengan_nilai(rupiah(p.nilai.nilai()), rupiah(bulan[m])),
            );
        }
    }
    temuan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::angka::Angka;
    use crate::model::dpa::Koefisien;
    use crate::model::kinerja::Asal;
    use crate::model::pk::Teks;

    fn nilai(x: i64, r: u32) -> Nilai {
        Nilai {
            angka: Angka {
                nilai: Decimal::from(x),
                desimal: 0,
            },
            sel: Alamat { r, c: 11 },
        }
    }

    fn baris(r: u32, jenis: JenisRincian, jumlah: i64, kh: Option<(i64, i64)>) -> BarisRincian {
        BarisRincian {
            r,
            jenis,
            uraian: Teks {
                isi: format!("baris {r}"),
                sel: Alamat { r, c: 6 },
            },
            spesifikasi: None,
            koefisien: kh.map(|(k, _)| Koefisien {
                teks: k.to_string(),
                nilai: Decimal::from(k),
                sel: Alamat { r, c: 7 },
            }),
            satuan: None,
            harga: kh.map(|(_, h)| nilai(h, r)),
            ppn: None,
            jumlah: Some(nilai(jumlah, r)),
            sebelum: None,
            bertambah: None,
            bulan: Vec::new(),
            total_bulan: None,
        }
    }

    /// The ATK part of seed-sample `DPA-RINCIAN_7.01.01.2.01.06` (rows 37–41): rekening
    /// 25.500 = [#] 25.500 = [-] 25.500 = 3 × 3.500 + 3 × 5.000.
    fn dpa(ubah: impl Fn(&mut Vec<BarisRincian>)) -> Dpa {
        let kode = crate::kode::Kode::baca("5.1.02.01.01.0024").unwrap();
        let mut rincian = vec![
            baris(36, JenisRincian::Rekening(kode), 25_500, None),
            baris(37, JenisRincian::Kelompok, 25_500, None),
            baris(38, JenisRincian::Keterangan, 25_500, None),
            baris(39, JenisRincian::Item, 10_500, Some((3, 3_500))),
            baris(40, JenisRincian::Item, 15_000, Some((3, 5_000))),
        ];
        ubah(&mut rincian);
        let total = rincian[0].jumlah.as_ref().map_or(0, |n| {
            rust_decimal::prelude::ToPrimitive::to_i64(&n.nilai()).unwrap_or(0)
        });
        Dpa {
            asal: Asal {
                berkas: "dpa.xlsx".into(),
                lembar: "DPA".into(),
            },
            tahun: Some(2022),
            urusan: None,
            bidang: None,
            program: None,
            kegiatan: None,
            organisasi: None,
            unit: None,
            sub_kegiatan: None,
            alokasi: vec![(2022, nilai(total, 12))],
            sumber_dana: None,
            lokasi: None,
            indikator: Vec::new(),
            rincian,
            jumlah: Some(nilai(total, 64)),
            penarikan: Vec::new(),
            penarikan_jumlah: None,
            belanja: Vec::new(),
            bentuk: Default::default(),
            perubahan: false,
            jumlah_sebelum: None,
            jumlah_bertambah: None,
        }
    }

    #[test]
    fn rincian_yang_cocok_tanpa_temuan() {
        assert!(periksa(&dpa(|_| {})).is_empty());
    }

    #[test]
    fn jumlah_baris_salah_ditunjuk_di_selnya() {
        // 3 × 3.500 typed 10.050: its own product and its note's sum both say 10.500.
        let t = periksa(&dpa(|r| r[3].jumlah = Some(nilai(10_050, 39))));
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].kode, "DPA_SALAH_KETIK");
        assert_eq!(t[0].lokasi.sel, "L40");
        assert_eq!(t[0].seharusnya.as_deref(), Some("10.500"));
    }

    #[test]
    fn pembulatan_rupiah_diterima_dan_disebut() {
        // 3 × 3.333,5 = 10.000,5, kept as 10.001 (half up); the note then sums 25.001.
        let t = periksa(&dpa(|r| {
            r[3].harga = Some(Nilai {
                angka: Angka {
                    nilai: Decimal::new(33_335, 1),
                    desimal: 1,
                },
                sel: Alamat { r: 39, c: 9 },
            });
            r[3].jumlah = Some(nilai(10_001, 39));
            for b in r.iter_mut().take(3) {
                b.jumlah = Some(nilai(25_001, b.r));
            }
        }));
        let kode: Vec<&str> = t.iter().map(|x| x.kode).collect();
        assert_eq!(kode, ["DPA_PEMBULATAN"], "{t:#?}");
    }
}
