//! Tabel 16 Efisiensi Penggunaan Anggaran Program/Kegiatan/Sub Kegiatan (seed 001): per unit
//! (organisasi, then each sub unit), programs, kegiatan and sub kegiatan with pagu,
//! realisasi, %, realisasi fisik, sisa and efisiensi (100 − %).
#![deny(clippy::arithmetic_side_effects)]

use super::tabel_19::sel_persen;
use super::{
    Badan, Baris, Bentuk, Hasil, Isi, Sel, Tabel, baris_excel, nomor_baris, rumus_jumlah,
    teks_tahun,
};
use crate::compute;
use crate::kode::Tingkat;
use crate::model::{Hitungan, Pohon};

const KOLOM: [&str; 7] = [
    "Program, Kegiatan, dan Sub Kegiatan",
    "Pagu Anggaran",
    "Realisasi Keuangan",
    "%",
    "Realisasi Fisik (%)",
    "Sisa Anggaran",
    "Efisiensi Anggaran (%)",
];

fn baris_angka(t: Option<Tingkat>) -> bool {
    matches!(
        t,
        Some(Tingkat::Program | Tingkat::Kegiatan | Tingkat::SubKegiatan)
    )
}

fn baris_unit(t: Option<Tingkat>) -> bool {
    matches!(t, Some(Tingkat::Organisasi | Tingkat::SubUnit))
}

pub fn susun(pohon: &Pohon, tahun: Option<i32>) -> Tabel<'_> {
    let mut tabel = Tabel::baru(
        "Tabel 16",
        format!(
            "Tabel 16 Efisiensi Penggunaan Anggaran Program/Kegiatan/Sub Kegiatan{}",
            teks_tahun(tahun)
        ),
        &KOLOM,
        vec![64.0, 20.0, 20.0, 9.0, 11.0, 20.0, 12.0],
    );
    tabel.strip_nol = true;
    let awal = tabel.baris_data_awal();
    let simpul: Vec<usize> = pohon
        .urut()
        .into_iter()
        .map(|(i, _)| i)
        .filter(|&i| baris_angka(pohon.simpul[i].tingkat) || baris_unit(pohon.simpul[i].tingkat))
        .collect();
    let nomor = nomor_baris(pohon, simpul.iter().copied(), awal);
    // The JUMLAH row adds the rows with amounts that stand under no row with amounts.
    let teratas: Vec<u32> = simpul
        .iter()
        .filter(|&&i| {
            let s = &pohon.simpul[i];
            baris_angka(s.tingkat)
                && !s
                    .induk
                    .is_some_and(|p| baris_angka(pohon.simpul[p].tingkat))
        })
        .filter_map(|&i| nomor[i])
        .collect();
    let r_jumlah = baris_excel(awal, simpul.len());
    let n = simpul.len().saturating_add(1);
    let baris = simpul.into_iter().map(move |i| {
        let s = &pohon.simpul[i];
        if baris_unit(s.tingkat) {
            let mut sel = Vec::with_capacity(KOLOM.len());
            sel.push(Sel::teks(s.uraian.to_uppercase()));
            sel.extend((1..KOLOM.len()).map(|_| Sel::kosong()));
            return Baris {
                sel,
                tebal: true,
                indent: 0,
            };
        }
        let r = nomor[i].expect("simpul yang tampil bernomor");
        let anak: Vec<u32> = s
            .anak
            .values()
            .filter(|&&a| baris_angka(pohon.simpul[a].tingkat))
            .filter_map(|&a| nomor[a])
            .collect();
        let indent = match s.tingkat {
            Some(Tingkat::Program) => 0,
            Some(Tingkat::Kegiatan) => 1,
            _ => 2,
        };
        let mut sel = Vec::with_capacity(KOLOM.len());
        sel.push(Sel::teks(s.uraian.clone()));
        sel.extend(sel_angka(r, &anak, s.hitung));
        Baris {
            sel,
            tebal: s.tingkat < Some(Tingkat::SubKegiatan),
            indent,
        }
    });
    let jumlah = std::iter::once_with(move || {
        let mut sel = vec![Sel::teks("JUMLAH")];
        sel.extend(sel_angka(r_jumlah, &teratas, pohon.akar().hitung));
        Baris {
            sel,
            tebal: true,
            indent: 0,
        }
    });
    tabel.baris = Badan::baru(n, baris.chain(jumlah));
    tabel
}

fn sel_angka(r: u32, anak: &[u32], h: Hitungan) -> [Sel; 6] {
    let jumlah = |kolom: char, nilai| match rumus_jumlah(kolom, anak) {
        Some(rumus) => Sel::rumus(rumus, Hasil::dari(nilai), Bentuk::Rupiah),
        None => Sel::hasil(nilai, Bentuk::Rupiah),
    };
    let fisik = match h.fisik {
        Ok(Some(f)) => Sel::angka(crate::angka::bulat(f, 2), Bentuk::Persen),
        Ok(None) => Sel {
            isi: Isi::Kosong,
            bentuk: Bentuk::Persen,
        },
        Err(luap) => Sel::hasil(Err(luap), Bentuk::Persen),
    };
    let (efisiensi, sisa) = match (h.pagu, h.realisasi) {
        (Ok(p), Ok(r)) => (
            Hasil::persen(compute::efisiensi_tabel(p, r)),
            Hasil::dari(compute::sisa(p, r)),
        ),
        (Err(luap), _) | (_, Err(luap)) => (Hasil::persen(Err(luap)), Hasil::dari(Err(luap))),
    };
    [
        jumlah('B', h.pagu),
        jumlah('C', h.realisasi),
        sel_persen('B', 'C', r, h),
        fisik,
        Sel::rumus(format!("=B{r}-C{r}"), sisa, Bentuk::Rupiah),
        Sel::rumus(
            format!("=IF(B{r}=0,\"-\",100-D{r})"),
            efisiensi,
            Bentuk::Persen,
        ),
    ]
}
