//! Building the anggaran tree from a document's rows, by position.
//!
//! Rows come in document order; each row goes under the nearest row above it of a higher
//! level (a kegiatan under the program above it, a sub unit under its organisation). Where a
//! split-code layout writes the bidang and organisasi in their own columns, those place the
//! row even when the sheet's order does not (SIPD puts an organisation's sub units after the
//! other bidang it serves).

use crate::kode::{Kode, Tingkat};
use crate::model::{Dokumen, Pohon};
use crate::temuan::{self, Temuan};

/// The tree of one document, and what placing its rows showed. The rows move from the
/// document into the tree's nodes (a large LRA has tens of thousands); the document keeps
/// its name and sheet for the findings' locations.
pub fn bangun(dok: &mut Dokumen) -> (Pohon, Vec<Temuan>) {
    let mut pohon = Pohon::new();
    pohon.simpul.reserve(dok.baris.len());
    let mut temuan = Vec::new();
    let mut jalur: Vec<usize> = vec![Pohon::AKAR];
    let mut semua = std::mem::take(&mut dok.baris);
    for (j, b) in semua.iter_mut().enumerate() {
        let t = b.tingkat;
        if t >= Tingkat::Organisasi
            && let Some(bidang) = &b.kode_bidang
            && !jalur_memuat(&pohon, &jalur, bidang)
        {
            jalur = cari_bidang(&mut pohon, bidang);
        }
        if t > Tingkat::SubUnit
            && let Some(org) = &b.kode_organisasi
            && !jalur_memuat(&pohon, &jalur, org)
            && let Some(baru) = cari_organisasi(&pohon, &jalur, org)
        {
            jalur = baru;
        }
        let tingkat_atas =
            |jalur: &[usize], p: &Pohon| p.simpul[*jalur.last().unwrap_or(&0)].tingkat;
        if t == Tingkat::Rekening {
            while let Some(Tingkat::Rekening) = tingkat_atas(&jalur, &pohon) {
                let atas = &pohon.simpul[*jalur.last().unwrap_or(&0)];
                match (&b.kode, &atas.kode) {
                    (Some(k), Some(induk)) if k.di_bawah(induk) => break,
                    _ => {
                        jalur.pop();
                    }
                }
            }
        } else {
            while matches!(tingkat_atas(&jalur, &pohon), Some(x) if x >= t) {
                jalur.pop();
            }
        }
        // A sub unit belongs to its organisation even if the organisation is not the row above.
        if t == Tingkat::SubUnit
            && let Some(kode) = &b.kode
            && let Some(skpd) = kode.skpd()
        {
            let atas = *jalur.last().unwrap_or(&0);
            let sudah = pohon.simpul[atas]
                .kode
                .as_ref()
                .is_some_and(|k| k.teks == skpd);
            if !sudah && let Some(org) = pohon.anak_berkode(atas, &skpd) {
                jalur.push(org);
            }
        }
        let induk = *jalur.last().unwrap_or(&0);
        if let (Some(kode), Some(kode_induk)) = (&b.kode, &pohon.simpul[induk].kode)
            && !kode.di_bawah(kode_induk)
        {
            temuan.push(Temuan::baru(
                temuan::Tingkat::Peringatan,
                "KODE_DI_LUAR_INDUK",
                dok.sumber(crate::model::Alamat { r: b.r, c: 0 }),
                format!(
                    "{} {} ({}) berada di bawah {} {} ({}), padahal kodenya tidak diawali kode induk itu",
                    kode.tingkat.nama(),
                    kode,
                    b.uraian,
                    kode_induk.tingkat.nama(),
                    kode_induk,
                    pohon.simpul[induk].uraian
                ),
            ));
        }
        if let Some(kode) = &b.kode
            && kode.tidak_lengkap
        {
            temuan.push(Temuan::baru(
                temuan::Tingkat::Peringatan,
                "KODE_TIDAK_LENGKAP",
                dok.sumber(crate::model::Alamat { r: b.r, c: 0 }),
                format!(
                    "kode {} {} tidak selebar yang ditetapkan nomenklatur (terpotong?)",
                    kode.tingkat.nama(),
                    kode
                ),
            ));
        }
        let r = b.r;
        // The code and name move to the node; the row keeps the stated amounts.
        let (kode, uraian) = (b.kode.take(), std::mem::take(&mut b.uraian));
        let (i, ganda) = pohon.tambah(induk, t, kode, uraian, Some(j as u32));
        if ganda {
            let s = &pohon.simpul[i];
            let nama = s.kode.as_ref().map_or(&s.uraian, |k| &k.teks);
            temuan.push(Temuan::baru(
                temuan::Tingkat::Peringatan,
                "KODE_GANDA",
                dok.sumber(crate::model::Alamat { r, c: 0 }),
                format!(
                    "{} {nama} tertulis dua kali di bawah {}; keduanya dijumlahkan",
                    t.nama(),
                    pohon.simpul[induk].uraian
                ),
            ));
        }
        jalur.push(i);
    }
    // The `JUMLAH` row is the root's.
    if let Some(jumlah) = dok.jumlah.take() {
        pohon.simpul[Pohon::AKAR].baris = Some(semua.len() as u32);
        semua.push(jumlah);
    }
    pohon.baris = semua;
    (pohon, temuan)
}

fn jalur_memuat(pohon: &Pohon, jalur: &[usize], kode: &Kode) -> bool {
    jalur.iter().any(|&i| {
        pohon.simpul[i]
            .kode
            .as_ref()
            .is_some_and(|k| k.teks == kode.teks)
    })
}

/// The path to a bidang (and its urusan), made if the document has no row for them yet.
fn cari_bidang(pohon: &mut Pohon, bidang: &Kode) -> Vec<usize> {
    let mut jalur = vec![Pohon::AKAR];
    let kode_urusan = if bidang.tingkat == Tingkat::Bidang {
        bidang.bagian().next().and_then(Kode::baca)
    } else {
        None
    };
    let mut atas = Pohon::AKAR;
    for kode in kode_urusan.iter().chain(std::iter::once(bidang)) {
        atas = match pohon.anak_berkode(atas, &kode.teks) {
            Some(i) => i,
            None => {
                let uraian = kode.teks.clone();
                pohon
                    .tambah(atas, kode.tingkat, Some(kode.clone()), uraian, None)
                    .0
            }
        };
        jalur.push(atas);
    }
    jalur
}

/// The path to an organisation (or sub unit) already in the tree under the current bidang.
fn cari_organisasi(pohon: &Pohon, jalur: &[usize], org: &Kode) -> Option<Vec<usize>> {
    let dasar = jalur
        .iter()
        .rposition(|&i| {
            matches!(
                pohon.simpul[i].tingkat,
                None | Some(Tingkat::Urusan | Tingkat::Bidang)
            )
        })
        .unwrap_or(0);
    let mut baru = jalur[..=dasar].to_vec();
    let atas = baru[dasar];
    if let Some(i) = pohon.anak_berkode(atas, &org.teks) {
        baru.push(i);
        return Some(baru);
    }
    let skpd = org.skpd()?;
    let o = pohon.anak_berkode(atas, &skpd)?;
    let s = pohon.anak_berkode(o, &org.teks)?;
    baru.extend([o, s]);
    Some(baru)
}
