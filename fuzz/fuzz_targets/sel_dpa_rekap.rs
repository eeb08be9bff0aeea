//! Arbitrary rows under a rekap belanja per sub kegiatan's header (docs/dpa-tata-letak.md,
//! layout 3) through its recogniser and its checks: code parts as text and as numbers, parent
//! rows, `JUMLAH` and unit rows, amounts as numbers and Indonesian text, formulas without a
//! value and Excel errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::check;
use lkjip::model::dpa::Bentuk;
use lkjip::recognise::dpa_tabel::{self, Hasil};
use lkjip::sheet::{Baris, Grid, Isi};

const KATA: &[&str] = &[
    "7", "01", "02", "2.01", "2.1", "x", "X.XX", "JUMLAH", "7.01.0.00.0.00.30.0001 KELURAHAN KANAAN",
    "Penyusunan Dokumen", "PAD", "Kota Bontang", "1.698.100", "Rp 1.698.100", "1,234,567", "-",
    "(1.234)", "kata", "5.1.02.01.01.0024", "",
];

const ANGKA: &[f64] = &[0.0, 1.0, 7.0, 2.01, 1_698_100.0, 1e17, 1e28, f64::NAN, -1.0, 0.5];

fn isi(t: &str) -> Isi {
    if t.is_empty() { Isi::Kosong } else { Isi::Teks(t.to_string()) }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, sisa)) = data.split_first() else {
        return;
    };
    let mut kepala: Vec<Vec<&str>> = vec![
        vec!["DOKUMEN PELAKSANAAN ANGGARAN"],
        vec!["Pemerintah Kota Bontang Tahun Anggaran 2022"],
        vec!["Organisasi", "", "", "", ":", "7.01.0.00.0.00.30.0000 KECAMATAN BONTANG BARAT"],
    ];
    if pilih % 2 == 0 {
        kepala.push(vec!["Urusan", "Bidang Urusan", "Program", "Kegiatan", "Sub Kegiatan", "URAIAN", "SUMBER DANA", "LOKASI", "JUMLAH"]);
        kepala.push(vec!["", "", "", "", "", "", "", "", "T-1", "Tahun N", "", "", "", "", "T+1"]);
        kepala.push(vec!["", "", "", "", "", "", "", "", "", "Belanja Operasi", "Belanja Modal", "Belanja Tidak Terduga", "Belanja Transfer", "Jumlah"]);
        kepala.push(vec!["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14=(10+11+12+13)", "15"]);
    } else {
        kepala.push(vec!["Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan", "Uraian", "Belanja Operasi", "Belanja Modal", "Jumlah"]);
    }
    let mut baris: Vec<Baris> = kepala
        .into_iter()
        .enumerate()
        .map(|(r, sel)| Baris { r: r as u32, sel: sel.into_iter().map(isi).collect() })
        .collect();
    let mut r = baris.len() as u32;
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
        if sel.len() < 18 {
            sel.push(x);
        }
    }
    baris.push(Baris { r, sel });
    let grid = Grid { berkas: "rekap.xlsx".into(), lembar: "REKAP".into(), baris, gabungan: Vec::new() };
    let Some(bentuk) = dpa_tabel::tampak(&grid) else {
        return;
    };
    assert_eq!(bentuk, Bentuk::RekapBelanja);
    if let Some(Hasil::Lembar(l)) = dpa_tabel::kenali(&grid, bentuk) {
        for (d, _) in check::dpa_tabel::periksa_lembar(l) {
            let _ = check::dpa::periksa(&d);
            let ringkas = lkjip::tables::konversi::RingkasDpa::dari(&d);
            let _ = lkjip::tables::konversi::rincian_dari(&d, &ringkas.kode);
        }
    }
});
