//! Arbitrary rows under the header of a one-row-per-rekening DPA export (docs/dpa-tata-letak.md
//! layouts 4, 5 and 7: the flat export with `code name` cells, the SIPD-RI rekap with KODE/NAMA
//! pairs, the anggaran kas CSV with `kode_sub_giat … bulan_12`; the first byte picks one)
//! through their recogniser and checks: codes of every level and both rekening shapes,
//! amounts and months as numbers and Indonesian text, formulas without a value, Excel errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::check;
use lkjip::recognise::dpa_tabel::{self, Hasil};
use lkjip::sheet::{Baris, Grid, Isi};

const KATA: &[&str] = &[
    "7 UNSUR KEWILAYAHAN", "7.01", "7.01.0.00.0.00.30.0001", "7.01.0.00.0.00.30.0001 KELURAHAN KANAAN",
    "7.01.02 PROGRAM", "7.01.02.2.02", "7.01.02.2.02.03", "7.01.02.2.02.03 Peningkatan", "1.1",
    "5.1.02.01.01.0024", "5.1.02.01.001.00024 Belanja ATK", "5.1.02.01.01.0024 Belanja ATK", "5.2",
    "Kelompok", "Paket A", "1.698.100", "1,234,567", "Rp 3.978.000", "-", "kata", "2022", "",
];

const ANGKA: &[f64] = &[0.0, 1.0, 3_978_000.0, 47_736_000.0, 2022.0, 1e17, 1e28, f64::NAN, -1.0, 0.5];

fn isi(t: &str) -> Isi {
    if t.is_empty() { Isi::Kosong } else { Isi::Teks(t.to_string()) }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, sisa)) = data.split_first() else {
        return;
    };
    let bulan: Vec<String> = (1..=12).map(|m| format!("Bulan {m}")).collect();
    let bulan_csv: Vec<String> = (1..=12).map(|m| format!("bulan_{m}")).collect();
    let mut kepala: Vec<String> = match pilih % 3 {
        0 => ["Urusan", "Bidang Urusan", "SKPD", "Sub Unit", "Program", "Kegiatan", "Sub Kegiatan", "Sumber Dana", "Rekening", "Nilai Rincian", "Total RAK"]
            .iter().map(|s| s.to_string()).chain(bulan).collect(),
        1 => ["NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT", "NAMA SUB UNIT", "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM", "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KODE SUMBER DANA", "NAMA SUMBER DANA", "KODE REKENING", "NAMA REKENING", "PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK", "PAGU"]
            .iter().map(|s| s.to_string()).collect(),
        _ => ["kode_sub_skpd", "nama_sub_skpd", "kode_sub_giat", "nama_sub_giat", "kode_akun", "nama_akun", "total_rincian"]
            .iter().map(|s| s.to_string()).chain(bulan_csv).collect(),
    };
    // Some of the header cells may be blank: the recogniser must then refuse or cope.
    if pilih & 0x80 != 0 && !kepala.is_empty() {
        let i = (pilih as usize >> 2) % kepala.len();
        kepala[i].clear();
    }
    let mut baris = vec![Baris { r: 0, sel: kepala.iter().map(|t| isi(t)).collect() }];
    let mut r = 1u32;
    let mut sel = Vec::new();
    let mut byte = sisa.iter().copied();
    while let Some(b) = byte.next() {
        let n = byte.next().unwrap_or(0) as usize;
        let x = match b % 7 {
            0 => {
                baris.push(Baris { r, sel: std::mem::take(&mut sel) });
                r += 1;
                continue;
            }
            1 | 2 => Isi::Teks(KATA[n % KATA.len()].to_string()),
            3 | 4 => Isi::Angka(ANGKA[n % ANGKA.len()]),
            5 => match n % 3 {
                0 => Isi::RumusTanpaHasil,
                1 => Isi::GalatExcel("#VALUE!".into()),
                _ => Isi::Kosong,
            },
            _ => Isi::Kosong,
        };
        if sel.len() < 26 {
            sel.push(x);
        }
    }
    baris.push(Baris { r, sel });
    let grid = Grid { berkas: "datar.xlsx".into(), lembar: "DPA".into(), baris, gabungan: Vec::new() };
    let Some(bentuk) = dpa_tabel::tampak(&grid) else {
        return;
    };
    if let Some(Hasil::Lembar(l)) = dpa_tabel::kenali(&grid, bentuk) {
        for (d, _) in check::dpa_tabel::periksa_lembar(l) {
            assert!(d.sub_kegiatan.is_some());
            let _ = check::dpa::periksa(&d);
            let ringkas = lkjip::tables::konversi::RingkasDpa::dari(&d);
            let _ = lkjip::tables::konversi::rincian_dari(&d, &ringkas.kode);
            let _ = check::dpa::terapkan_pagu(
                &[&d],
                &mut [lkjip::model::Pohon::new()],
                &[lkjip::model::Sumber { berkas: String::new(), lembar: String::new(), sel: String::new() }],
            );
            let _ = check::nomenklatur::periksa_dpa(std::slice::from_ref(&d), lkjip::nomenklatur::Nomenklatur::bawaan());
            let _ = check::dpa::periksa_dengan_anggaran_kas(std::slice::from_ref(&d));
        }
    }
});
