//! Tabel 19 Realisasi Anggaran per Program dan Kegiatan (seed 001): every urusan, bidang,
//! organisasi, sub unit, program, kegiatan and sub kegiatan with pagu, realisasi, % and sisa.
#![deny(clippy::arithmetic_side_effects)]

use super::{
    Badan, Baris, Bentuk, Hasil, Sel, Tabel, baris_excel, nomor_baris, rumus_jumlah, teks_tahun,
};
use crate::compute::{self, tampil};
use crate::kode::Tingkat;
use crate::model::{Hitungan, Pohon};

const KOLOM: [&str; 6] = [
    "Kode",
    "Uraian Urusan, Bidang, Organisasi, Program, Kegiatan, dan Sub Kegiatan",
    "Pagu Anggaran Perubahan APBD-2",
    "Realisasi",
    "%",
    "Sisa Anggaran",
];

pub fn susun(pohon: &Pohon, tahun: Option<i32>) -> Tabel<'_> {
    let mut tabel = Tabel::baru(
        "Tabel 19",
        format!(
            "Tabel 19 Realisasi Anggaran per Program dan Kegiatan{}",
            teks_tahun(tahun)
        ),
        &KOLOM,
        vec![24.0, 60.0, 20.0, 20.0, 9.0, 20.0],
    );
    tabel.kolom_uraian = 1;
    tabel.nomor_kolom = Some(
        ["1", "2", "3", "4", "5 = 4/3*100", "6 = 3 - 4"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    );
    let awal = tabel.baris_data_awal();
    let simpul: Vec<usize> = pohon
        .urut()
        .into_iter()
        .map(|(i, _)| i)
        .filter(|&i| tampil(pohon.simpul[i].tingkat))
        .collect();
    let nomor = nomor_baris(pohon, simpul.iter().copied(), awal);
    let atas: Vec<u32> = pohon
        .akar()
        .anak
        .values()
        .filter_map(|&a| nomor[a])
        .collect();
    let r_jumlah = baris_excel(awal, simpul.len());
    let n = simpul.len().saturating_add(1);
    let baris = simpul.into_iter().map(move |i| {
        let s = &pohon.simpul[i];
        let r = nomor[i].expect("simpul yang tampil bernomor");
        let anak: Vec<u32> = s.anak.values().filter_map(|&a| nomor[a]).collect();
        let mut sel = Vec::with_capacity(KOLOM.len());
        sel.push(Sel::teks(
            s.kode.as_ref().map(|k| k.teks.clone()).unwrap_or_default(),
        ));
        sel.push(Sel::teks(s.uraian.clone()));
        sel.extend(sel_angka(r, &anak, s.hitung));
        Baris {
            sel,
            tebal: s.tingkat < Some(Tingkat::SubKegiatan),
            // The codes show the level; a light indent helps the eye below the program.
            indent: match s.tingkat {
                Some(Tingkat::Kegiatan) => 1,
                Some(Tingkat::SubKegiatan) => 2,
                _ => 0,
            },
        }
    });
    let jumlah = std::iter::once_with(move || {
        let mut sel = vec![Sel::kosong(), Sel::teks("JUMLAH")];
        sel.extend(sel_angka(r_jumlah, &atas, pohon.akar().hitung));
        Baris {
            sel,
            tebal: true,
            indent: 0,
        }
    });
    tabel.baris = Badan::baru(n, baris.chain(jumlah));
    tabel
}

/// Pagu, realisasi, % and sisa of row `r` whose children stand at rows `anak`.
fn sel_angka(r: u32, anak: &[u32], h: Hitungan) -> [Sel; 4] {
    let jumlah = |kolom: char, nilai| match rumus_jumlah(kolom, anak) {
        Some(rumus) => Sel::rumus(rumus, Hasil::dari(nilai), Bentuk::Rupiah),
        None => Sel::hasil(nilai, Bentuk::Rupiah),
    };
    let sisa = h.pagu.and_then(|p| compute::sisa(p, h.realisasi?));
    [
        jumlah('C', h.pagu),
        jumlah('D', h.realisasi),
        sel_persen('C', 'D', r, h),
        Sel::rumus(format!("=C{r}-D{r}"), Hasil::dari(sisa), Bentuk::Rupiah),
    ]
}

/// `=IF(C9=0,"-",ROUND(D9/C9*100,2))`: a pagu of 0 shows `-`, not a division error.
pub fn sel_persen(pagu: char, realisasi: char, r: u32, h: Hitungan) -> Sel {
    let persen = h.pagu.and_then(|p| compute::persen_bulat(p, h.realisasi?));
    Sel::rumus(
        format!("=IF({pagu}{r}=0,\"-\",ROUND({realisasi}{r}/{pagu}{r}*100,2))"),
        Hasil::persen(persen),
        Bentuk::Persen,
    )
}
